/* fuzz-lms.c
 *
 * The LMS's reports: any bytes as a progress or quiz CSV, an xAPI
 * statement file (JSON) and an organisation CSV, read against a small
 * course, and the KPIs computed from what was read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"
#include "helder-kpi.h"
#include "helder-lms-report.h"

static HelderCourse *
test_course (void)
{
  static HelderCourse *course;

  if (course == NULL)
    {
      const char *root = g_getenv ("HELDER_SOURCE_ROOT");
      g_autofree char *path = g_build_filename (root != NULL ? root : ".", "tests", "data",
                                                "kpi-course", NULL);

      course = helder_course_read (path, NULL, NULL);
      g_assert (course != NULL);
    }

  return course;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  HelderCourse *course = test_course ();
  g_autofree char *path = g_build_filename (fuzz_folder (), "report", NULL);
  g_autoptr(GError) error = NULL;
  HelderLmsReport *report;
  HelderKpiSettings settings;

  fuzz_write (fuzz_folder (), "report", (const char *) data, size);

  report = helder_lms_report_new (course);
  if (helder_lms_report_load_file (report, path, &error))
    {
      HelderKpiResult *result;

      helder_kpi_settings_init (&settings, course);
      result = helder_kpi_compute (report, course, &settings);
      helder_kpi_result_free (result);
    }
  g_clear_error (&error);
  helder_lms_report_load_organisation (report, path, &error);
  helder_lms_report_free (report);

  return 0;
}
