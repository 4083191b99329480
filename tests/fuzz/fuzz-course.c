/* fuzz-course.c
 *
 * Course loading and the whole-course check: one input holds course.json,
 * module.json and a page, separated by FUZZ_SEPARATOR lines; they are
 * written as the course's files (module "m", page "p.md") and read as
 * `helder-cli check` reads a course.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"
#include "helder-checks.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_auto(GStrv) parts = fuzz_split (data, size, 3);
  const char *folder = fuzz_folder ();
  g_autoptr(HelderCourse) course = NULL;

  fuzz_write (folder, "course.json", parts[0], -1);
  fuzz_write (folder, "m/module.json", parts[1], -1);
  fuzz_write (folder, "m/p.md", parts[2], -1);

  course = helder_course_read (folder, NULL, NULL);
  if (course != NULL)
    {
      g_autoptr(GPtrArray) findings = helder_checks_run_course (course);
    }

  return 0;
}
