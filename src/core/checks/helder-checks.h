/* helder-checks.h
 *
 * The one entry point that runs every check family (format, accessibility,
 * language, review file) on a page or a course.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-course.h"
#include "helder-language-checker.h"
#include "helder-progress.h"

G_BEGIN_DECLS

/* One entry point for every check, so the CLI, the editor and the export
 * see the same findings. Each family of rules (format, language,
 * accessibility) adds its diagnostics to the same array.
 *
 * The course is read on the calling thread: pass the live course on the
 * main thread, or a copy (helder_course_read) in a worker thread. The
 * `_with_checker` variants reuse a language checker the caller keeps
 * (see helder-language-checker.h); the others make one per call.
 */
GPtrArray *helder_checks_run_page                (HelderCourse          *course,
                                                  HelderPage            *page);
GPtrArray *helder_checks_run_page_with_checker   (HelderCourse          *course,
                                                  HelderPage            *page,
                                                  HelderLanguageChecker *checker);
GPtrArray *helder_checks_run_course              (HelderCourse          *course);
GPtrArray *helder_checks_run_course_on           (HelderCourse          *course,
                                                  const GDate           *today);
GPtrArray *helder_checks_run_course_with_checker (HelderCourse          *course,
                                                  HelderLanguageChecker *checker,
                                                  const GDate           *today);

/* The same checks in a thread, on a private copy of the course as it is
 * being edited (see helder-course.h); callbacks and progress arrive in
 * the calling thread's main context.
 */
void       helder_checks_run_page_async    (HelderCourse        *course,
                                            HelderPage          *page,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
GPtrArray *helder_checks_run_page_finish   (GAsyncResult        *result,
                                            GError             **error);
void       helder_checks_run_course_async  (HelderCourse        *course,
                                            HelderProgressFunc   progress,
                                            gpointer             progress_data,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
GPtrArray *helder_checks_run_course_finish (GAsyncResult        *result,
                                            GError             **error);

guint      helder_checks_get_n_course_runs (void);
void       helder_checks_wait_for_threads (void);

G_END_DECLS
