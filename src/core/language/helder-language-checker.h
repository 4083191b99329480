/* helder-language-checker.h
 *
 * HelderLanguageChecker: runs the B1 language rules on pages and remembers
 * each paragraph's result, so a re-check after an edit is fast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-course.h"
#include "helder-language-rules.h"
#include "helder-readability.h"

G_BEGIN_DECLS

/* Runs the B1 language rules on pages and remembers the result of every
 * paragraph, keyed by its text: re-checking a page after an edit only
 * analyses the paragraphs whose text changed.
 *
 * Ownership is explicit: whoever checks a course again and again keeps a
 * checker (the page editor keeps one for its course; one course check or
 * one CLI run makes its own) and passes it to the checks. A checker is
 * reference counted and locks itself, so a thread may check with it while
 * the main thread holds it; only the main thread makes it follow a course
 * (helder_language_checker_follow_course), since the course is main-thread
 * only.
 */
typedef struct _HelderLanguageChecker HelderLanguageChecker;

HelderLanguageChecker *helder_language_checker_new        (const HelderCheckSettings *settings,
                                                           const char * const           *course_words);
HelderLanguageChecker *helder_language_checker_new_for_course (HelderCourse             *course);
HelderLanguageChecker *helder_language_checker_ref        (HelderLanguageChecker        *self);
void                   helder_language_checker_unref      (HelderLanguageChecker        *self);
void                   helder_language_checker_follow_course (HelderLanguageChecker     *self,
                                                           HelderCourse                 *course);
void                   helder_language_checker_set_words  (HelderLanguageChecker        *self,
                                                           const char * const           *course_words);
void                   helder_language_checker_set_settings (HelderLanguageChecker      *self,
                                                           const HelderCheckSettings *settings);
GPtrArray             *helder_language_checker_check      (HelderLanguageChecker        *self,
                                                           const char                   *file,
                                                           const char                   *text,
                                                           const HelderPageContent      *content,
                                                           HelderReadabilityCounts      *counts);
void                   helder_language_checker_recheck    (HelderLanguageChecker        *self,
                                                           const char                   *file,
                                                           const char                   *text,
                                                           const HelderPageContent      *content,
                                                           GPtrArray                   **added,
                                                           GPtrArray                   **removed);

/* The hook for helder-checks.c and the scores for the CLI and the app. */
void                   helder_language_check_page         (HelderCourse                 *course,
                                                           HelderLanguageChecker        *checker,
                                                           HelderPage                   *page,
                                                           GPtrArray                    *diagnostics);
void                   helder_language_count_page         (HelderLanguageChecker        *checker,
                                                           HelderPage                   *page,
                                                           HelderReadabilityCounts      *counts);
GArray                *helder_language_dup_module_counts  (HelderLanguageChecker        *checker,
                                                           HelderCourse                 *course,
                                                           HelderReadabilityCounts      *course_counts);
guint                  helder_language_checker_get_n_page_checks (HelderLanguageChecker *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderLanguageChecker, helder_language_checker_unref)

G_END_DECLS
