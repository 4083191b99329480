/* helder-checks.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-checks"

#include "config.h"

#include <glib/gi18n-lib.h>

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

/* How many whole-course checks this process ran (see
 * helder_checks_get_n_course_runs()).
 */
static guint n_course_runs;

/* The whole-course check; %NULL with @error set when @cancellable is
 * cancelled between two pages.
 */
static GPtrArray *
run_course (HelderCourse          *course,
            HelderLanguageChecker *checker,
            const GDate           *today,
            HelderProgress        *progress,
            GCancellable          *cancellable,
            GError               **error)
{
  g_autoptr(HelderLanguageChecker) language = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  HelderCheckSettings settings;
  guint n_pages = 0;
  guint done = 0;
  GDate now;

  if (today == NULL)
    {
      helder_date_set_today (&now);
      today = &now;
    }
  g_atomic_int_inc (&n_course_runs);
  language = dup_checker (course, checker);
  read_settings (course, &settings);
  diagnostics = helder_course_validate (course);

  for (guint i = 0; i < helder_course_get_n_modules (course); i++)
    n_pages += helder_module_get_n_pages (helder_course_get_module (course, i));

  for (HelderPageIter iter = helder_course_iter_pages (course); helder_page_iter_next (&iter);)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      run_page_rules (course, iter.page, language, &settings, today, diagnostics);
      if (progress != NULL)
        helder_progress_report (progress, (double) ++done / (n_pages + 1));
    }

  /* The rules that look at the course as a whole. */
  helder_a11y_check_course (course, diagnostics);
  helder_test_quality_check_course (course, &settings, diagnostics);
  check_review_file (course, diagnostics);
  drop_ignored (course, diagnostics);

  helder_diagnostics_sort (diagnostics);
  if (progress != NULL)
    helder_progress_report (progress, 1.0);

  return g_steal_pointer (&diagnostics);
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
  g_return_val_if_fail (HELDER_IS_COURSE (course), NULL);

  return run_course (course, NULL, NULL, NULL, NULL, NULL);
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
  g_return_val_if_fail (HELDER_IS_COURSE (course), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  return run_course (course, NULL, today, NULL, NULL, NULL);
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
  g_return_val_if_fail (HELDER_IS_COURSE (course), NULL);

  return run_course (course, checker, today, NULL, NULL, NULL);
}

/**
 * helder_checks_get_n_course_runs:
 *
 * Returns: how many whole-course checks this process has run, in any
 *   thread: for tests and debugging, to see work is not repeated.
 */
guint
helder_checks_get_n_course_runs (void)
{
  return g_atomic_int_get (&n_course_runs);
}

typedef struct
{
  HelderCourseSnapshot *snapshot;
  char                 *file;     /* the page, for a page check */
  HelderProgress       *progress; /* for a course check */
} CheckJob;

static void
check_job_free (CheckJob *job)
{
  helder_course_snapshot_free (job->snapshot);
  g_free (job->file);
  g_clear_pointer (&job->progress, helder_progress_unref);
  g_free (job);
}

static void
check_in_thread (GTask        *task,
                 CheckJob     *job,
                 GCancellable *cancellable)
{
  g_autoptr(HelderCourse) copy = helder_course_snapshot_read_in_task (job->snapshot, task);
  GError *error = NULL;
  GPtrArray *diagnostics;

  if (copy == NULL)
    return;

  if (job->file != NULL)
    {
      HelderPage *page = helder_course_find_page (copy, job->file);

      if (page == NULL)
        {
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                   _("“%s” is not in the course folder yet; save the course "
                                     "and check again"), job->file);
          return;
        }
      diagnostics = helder_checks_run_page (copy, page);
    }
  else
    {
      diagnostics = run_course (copy, NULL, NULL, job->progress, cancellable, &error);
      if (diagnostics == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }

  g_task_return_pointer (task, diagnostics, (GDestroyNotify) g_ptr_array_unref);
}

/* The checks started in threads and not yet done (counted from the
 * moment they are queued), so that the process can wait for them before
 * it exits (see helder_checks_wait_for_threads()).
 */
static GMutex running_lock;
static GCond  running_ended;
static guint  n_running;

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  check_in_thread (task, task_data, cancellable);

  g_mutex_lock (&running_lock);
  if (--n_running == 0)
    g_cond_broadcast (&running_ended);
  g_mutex_unlock (&running_lock);
}

/**
 * helder_checks_wait_for_threads:
 *
 * Waits until no check runs in a thread. A process that exits while a
 * check still reads the course or loads the spelling dictionaries
 * crashes in their teardown; the app and the tests call this before
 * they exit. Checks cancelled by then end at their next step.
 */
void
helder_checks_wait_for_threads (void)
{
  g_mutex_lock (&running_lock);
  while (n_running > 0)
    g_cond_wait (&running_ended, &running_lock);
  g_mutex_unlock (&running_lock);
}

static void
start_check (CheckJob            *job,
             gpointer             source_tag,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) check_job_free);
  g_mutex_lock (&running_lock);
  n_running++;
  g_mutex_unlock (&running_lock);
  g_task_run_in_thread (task, check_thread);
}

/**
 * helder_checks_run_page_async:
 *
 * Checks @page as it is now, with its text as typed, like
 * helder_checks_run_page() but in a thread. A page that is not on disk
 * yet fails with %G_IO_ERROR_NOT_FOUND: check it with
 * helder_checks_run_page().
 */
void
helder_checks_run_page_async (HelderCourse        *course,
                              HelderPage          *page,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  CheckJob *job;

  g_return_if_fail (HELDER_IS_COURSE (course));
  g_return_if_fail (HELDER_IS_PAGE (page));

  job = g_new0 (CheckJob, 1);
  job->file = g_strdup (helder_page_get_file (page));
  job->snapshot = helder_course_dup_snapshot (course);
  /* The page's text as it is now, even when it equals the file's. */
  helder_course_snapshot_set_text (job->snapshot, job->file, helder_page_get_text (page));
  start_check (job, helder_checks_run_page_async, cancellable, callback, user_data);
}

/**
 * helder_checks_run_page_finish:
 *
 * Returns: (transfer container) (element-type HelderDiagnostic): as
 *   helder_checks_run_page(), or %NULL with @error set
 */
GPtrArray *
helder_checks_run_page_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == helder_checks_run_page_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * helder_checks_run_course_async:
 * @progress: (nullable): called in the calling thread's main context with
 *   the part of the pages checked, before @callback
 *
 * Checks the course as it is being edited, like
 * helder_checks_run_course() but in a thread.
 */
void
helder_checks_run_course_async (HelderCourse        *course,
                                HelderProgressFunc   progress,
                                gpointer             progress_data,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  CheckJob *job;

  g_return_if_fail (HELDER_IS_COURSE (course));

  job = g_new0 (CheckJob, 1);
  job->progress = helder_progress_new (progress, progress_data);
  job->snapshot = helder_course_dup_snapshot (course);
  start_check (job, helder_checks_run_course_async, cancellable, callback, user_data);
}

/**
 * helder_checks_run_course_finish:
 *
 * Returns: (transfer container) (element-type HelderDiagnostic): as
 *   helder_checks_run_course(), or %NULL with @error set (also
 *   %G_IO_ERROR_CANCELLED)
 */
GPtrArray *
helder_checks_run_course_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == helder_checks_run_course_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
