/* helder-checks.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-checks"

#include "config.h"

#include "helder-a11y-rules.h"
#include "helder-checks.h"
#include "helder-language-checker.h"

static void
run_page_rules (HelderCourse *course,
                HelderPage   *page,
                GPtrArray    *diagnostics)
{
  g_ptr_array_extend (diagnostics, helder_page_get_content (page)->diagnostics,
                      (GCopyFunc) helder_diagnostic_ref, NULL);
  helder_a11y_check_page (course, page, diagnostics);
  helder_language_check_page (course, page, diagnostics);
}

/**
 * helder_checks_run_page:
 *
 * Returns: (transfer container) (element-type HelderDiagnostic): the
 *   findings of every rule on @page as it is now, sorted by place.
 */
GPtrArray *
helder_checks_run_page (HelderCourse *course,
                        HelderPage   *page)
{
  GPtrArray *diagnostics;

  g_return_val_if_fail (HELDER_IS_COURSE (course), NULL);
  g_return_val_if_fail (HELDER_IS_PAGE (page), NULL);

  diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  run_page_rules (course, page, diagnostics);
  helder_diagnostics_sort (diagnostics);

  return diagnostics;
}

/**
 * helder_checks_run_course:
 *
 * Returns: (transfer container) (element-type HelderDiagnostic): the
 *   problems found when loading and the findings of every rule on every
 *   page and on the course as a whole, sorted by file and place.
 */
GPtrArray *
helder_checks_run_course (HelderCourse *course)
{
  GPtrArray *diagnostics;

  g_return_val_if_fail (HELDER_IS_COURSE (course), NULL);

  diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);

  /* Loading already collected each page's own syntax problems, together
   * with those of the course and module files.
   */
  g_ptr_array_extend (diagnostics, helder_course_get_diagnostics (course),
                      (GCopyFunc) helder_diagnostic_ref, NULL);
  helder_a11y_check_course (course, diagnostics);
  helder_language_check_course (course, diagnostics);

  helder_diagnostics_sort (diagnostics);

  return diagnostics;
}
