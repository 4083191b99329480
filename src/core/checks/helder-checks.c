/* helder-checks.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-checks"

#include "config.h"

#include "helder-a11y-rules.h"
#include "helder-checks.h"
#include "helder-date.h"
#include "helder-dated-facts.h"
#include "helder-language-checker.h"
#include "helder-review.h"
#include "helder-test-quality.h"

/* The course's thresholds; a course.json that could not be read leaves
 * the defaults.
 */
static void
read_settings (HelderCourse        *course,
               HelderCheckSettings *settings)
{
  HelderJsonDocument *document = helder_course_get_document (course);

  if (document != NULL)
    helder_check_settings_read (settings, document, NULL);
  else
    helder_check_settings_init (settings);
}

/* The rules that look at one page; each family of rules adds a line. */
static void
run_page_rules (HelderCourse              *course,
                HelderPage                *page,
                HelderLanguageChecker     *checker,
                const HelderCheckSettings *settings,
                const GDate               *today,
                GPtrArray                 *diagnostics)
{
  helder_a11y_check_page (course, page, diagnostics);
  helder_language_check_page (course, checker, page, diagnostics);
  helder_test_quality_check_page (course, page, diagnostics);
  helder_dated_facts_check_page (page, settings, today, diagnostics);
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
  HelderCheckSettings settings;
  GPtrArray *diagnostics;
  GDate today;

  g_return_val_if_fail (HELDER_IS_COURSE (course), NULL);
  g_return_val_if_fail (HELDER_IS_PAGE (page), NULL);

  language = dup_checker (course, checker);
  read_settings (course, &settings);
  helder_date_set_today (&today);
  diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  helder_course_validate_page (course, page, diagnostics);
  run_page_rules (course, page, language, &settings, &today, diagnostics);
  drop_ignored (course, diagnostics);
  helder_diagnostics_sort (diagnostics);

  return diagnostics;
}

/**
 * helder_checks_run_course:
 *
 * Like helder_checks_run_course_with_checker() with a checker of its own,
 * as of today.
 *
 * Returns: (transfer container) (element-type HelderDiagnostic): the
 *   format problems and the findings of every rule on every page and on
 *   the course as a whole, sorted by file and place.
 */
GPtrArray *
helder_checks_run_course (HelderCourse *course)
{
  return helder_checks_run_course_with_checker (course, NULL, NULL);
}

/**
 * helder_checks_run_course_on:
 * @today: the day the dated-facts rules read the course's dates against
 *
 * Like helder_checks_run_course(), as if it were @today: for runs that
 * must give the same findings on any day.
 *
 * Returns: (transfer container) (element-type HelderDiagnostic): the
 *   findings, sorted by file and place.
 */
GPtrArray *
helder_checks_run_course_on (HelderCourse *course,
                             const GDate  *today)
{
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  return helder_checks_run_course_with_checker (course, NULL, today);
}

/**
 * helder_checks_run_course_with_checker:
 * @checker: (nullable): a language checker to remember the pages in (so
 *   readability counts afterwards cost nothing), or %NULL for a fresh one
 * @today: (nullable): the day the dated-facts rules read the course's
 *   dates against (helder-cli check --today), or %NULL for today
 *
 * Returns: (transfer container) (element-type HelderDiagnostic): the
 *   format problems and the findings of every rule on every page and on
 *   the course as a whole, sorted by file and place.
 */
GPtrArray *
helder_checks_run_course_with_checker (HelderCourse          *course,
                                       HelderLanguageChecker *checker,
                                       const GDate           *today)
{
  g_autoptr(HelderLanguageChecker) language = NULL;
  HelderCheckSettings settings;
  GPtrArray *diagnostics;
  GDate now;

  g_return_val_if_fail (HELDER_IS_COURSE (course), NULL);

  if (today == NULL)
    {
      helder_date_set_today (&now);
      today = &now;
    }
  language = dup_checker (course, checker);
  read_settings (course, &settings);
  diagnostics = helder_course_validate (course);

  for (HelderPageIter iter = helder_course_iter_pages (course); helder_page_iter_next (&iter);)
    run_page_rules (course, iter.page, language, &settings, today, diagnostics);

  /* The rules that look at the course as a whole. */
  helder_a11y_check_course (course, diagnostics);
  helder_test_quality_check_course (course, &settings, diagnostics);
  check_review_file (course, diagnostics);
  drop_ignored (course, diagnostics);

  helder_diagnostics_sort (diagnostics);

  return diagnostics;
}
