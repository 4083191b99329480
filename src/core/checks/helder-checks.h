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

G_END_DECLS
