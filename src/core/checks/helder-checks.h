/* helder-checks.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-course.h"
#include "helder-progress.h"

G_BEGIN_DECLS

/* One entry point for every check, so the CLI, the editor and the export
 * see the same findings. Each family of rules (format, language,
 * accessibility) adds its diagnostics to the same array.
 */
GPtrArray *helder_checks_run_page   (HelderCourse *course,
                                     HelderPage   *page);
GPtrArray *helder_checks_run_course (HelderCourse *course);

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

G_END_DECLS
