/* helder-checks.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-checks"

#include "config.h"

#include "helder-a11y-rules.h"
#include "helder-checks.h"
#include "helder-language-checker.h"
#include "helder-review.h"

/* The rules that look at one page; each family of rules adds a line. */
static void
run_page_rules (HelderCourse          *course,
                HelderPage            *page,
                HelderLanguageChecker *checker,
                GPtrArray             *diagnostics)
{
  helder_a11y_check_page (course, page, diagnostics);
  helder_language_check_page (checker, page, diagnostics);
}

/* The caller's checker, or one made for this run. */
static HelderLanguageChecker *
dup_checker (HelderCourse          *course,
             HelderLanguageChecker *checker)
{
  return checker != NULL ? helder_language_checker_ref (checker)
                         : helder_language_checker_new_for_course (course);
}

/* review.json is part of the course: a broken one is located like the
 * other files, so nobody's comments are lost unnoticed.
 */
static void
check_review_file (HelderCourse *course,
                   GPtrArray    *diagnostics)
{
  g_autoptr(HelderReview) review = helder_review_load (helder_course_get_path (course),
                                                       diagnostics);
}

/* Drops the findings the team chose to ignore (ignored.json). */
static void
drop_ignored (HelderCourse *course,
              GPtrArray    *diagnostics)
{
  HelderIgnoreList *ignored = helder_course_get_ignore_list (course);

  if (helder_ignore_list_get_n_entries (ignored) == 0)
    return;

  for (guint i = diagnostics->len; i > 0; i--)
    {
      HelderDiagnostic *d = g_ptr_array_index (diagnostics, i - 1);
      HelderPage *page = helder_course_find_page (course, d->file);

      if (page != NULL && helder_ignore_list_matches (ignored, d, helder_page_get_text (page)))
        g_ptr_array_remove_index (diagnostics, i - 1);
    }
}

/**
 * helder_checks_run_page:
 *
 * Like helder_checks_run_page_with_checker() with a checker of its own.
 *
 * Returns: (transfer container) (element-type HelderDiagnostic): the
 *   findings of every rule on @page as it is now, sorted by place.
 */
GPtrArray *
helder_checks_run_page (HelderCourse *course,
                        HelderPage   *page)
{
  return helder_checks_run_page_with_checker (course, page, NULL);
}

/**
 * helder_checks_run_page_with_checker:
 * @checker: (nullable): the language checker that remembers this page's
 *   paragraphs from earlier checks, or %NULL for a fresh one
 *
 * Returns: (transfer container) (element-type HelderDiagnostic): the
 *   findings of every rule on @page as it is now, sorted by place.
 */
GPtrArray *
helder_checks_run_page_with_checker (HelderCourse          *course,
                                     HelderPage            *page,
                                     HelderLanguageChecker *checker)
{
  g_autoptr(HelderLanguageChecker) language = NULL;
  GPtrArray *diagnostics;

  g_return_val_if_fail (HELDER_IS_COURSE (course), NULL);
  g_return_val_if_fail (HELDER_IS_PAGE (page), NULL);

  language = dup_checker (course, checker);
  diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  helder_course_validate_page (course, page, diagnostics);
  run_page_rules (course, page, language, diagnostics);
  drop_ignored (course, diagnostics);
  helder_diagnostics_sort (diagnostics);

  return diagnostics;
}

/**
 * helder_checks_run_course:
 *
 * Like helder_checks_run_course_with_checker() with a checker of its own.
 *
 * Returns: (transfer container) (element-type HelderDiagnostic): the
 *   format problems and the findings of every rule on every page and on
 *   the course as a whole, sorted by file and place.
 */
GPtrArray *
helder_checks_run_course (HelderCourse *course)
{
  return helder_checks_run_course_with_checker (course, NULL);
}

/**
 * helder_checks_run_course_with_checker:
 * @checker: (nullable): a language checker to remember the pages in (so
 *   readability counts afterwards cost nothing), or %NULL for a fresh one
 *
 * Returns: (transfer container) (element-type HelderDiagnostic): the
 *   format problems and the findings of every rule on every page and on
 *   the course as a whole, sorted by file and place.
 */
GPtrArray *
helder_checks_run_course_with_checker (HelderCourse          *course,
                                       HelderLanguageChecker *checker)
{
  g_autoptr(HelderLanguageChecker) language = NULL;
  GPtrArray *diagnostics;

  g_return_val_if_fail (HELDER_IS_COURSE (course), NULL);

  language = dup_checker (course, checker);
  diagnostics = helder_course_validate (course);

  for (HelderPageIter iter = helder_course_iter_pages (course); helder_page_iter_next (&iter);)
    run_page_rules (course, iter.page, language, diagnostics);

  /* The rules that look at the course as a whole. */
  helder_a11y_check_course (course, diagnostics);
  check_review_file (course, diagnostics);
  drop_ignored (course, diagnostics);

  helder_diagnostics_sort (diagnostics);

  return diagnostics;
}
