/* helder-language-checker.h
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
 * analyses the paragraphs whose text changed. Safe to use from one thread
 * at a time per checker (it locks itself).
 */
typedef struct _HelderLanguageChecker HelderLanguageChecker;

HelderLanguageChecker *helder_language_checker_new        (const HelderCheckSettings *settings,
                                                           const char * const           *course_words);
void                   helder_language_checker_free       (HelderLanguageChecker        *self);
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

/* The course's own checker (its words.txt, its course.json "checks"). */
HelderLanguageChecker *helder_language_checker_for_course (HelderCourse                 *course);

/* The hook for helder-checks.c and the scores for helder-cli. */
void                   helder_language_check_page         (HelderCourse                 *course,
                                                           HelderPage                   *page,
                                                           GPtrArray                    *diagnostics);
void                   helder_language_count_page         (HelderCourse                 *course,
                                                           HelderPage                   *page,
                                                           HelderReadabilityCounts      *counts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderLanguageChecker, helder_language_checker_free)

G_END_DECLS
