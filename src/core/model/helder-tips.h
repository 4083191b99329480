/* helder-tips.h: the course's tips of the week (tips.md), or drafts of
 * them made from the pages' "Wat kun jij doen?" callouts.
 *
 * tips.md is CommonMark: each tip is a level-2 heading (its title) and
 * the paragraphs under it (its text, at most 60 words); a paragraph that
 * is only a link to a page of the course names the page the tip comes
 * from. See docs/course-format.md.
 *
 * Reads the course: main thread only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-course.h"

G_BEGIN_DECLS

#define HELDER_TIPS_FILE "tips.md"
#define HELDER_TIP_MAX_WORDS 60

typedef struct
{
  char        *title;
  char        *text;    /* plain text; paragraphs separated by a blank line */
  char        *page;    /* "module/page.md" the tip comes from, or NULL */
  HelderRange  range;   /* in tips.md: from the heading to the next tip */
  guint        line;    /* of the heading in tips.md, 1-based; 0 for a draft */
  guint        words;
} HelderTip;

void       helder_tip_free         (HelderTip    *tip);
GPtrArray *helder_tips_parse       (HelderCourse *course,
                                    const char   *text,
                                    gsize         length,
                                    GPtrArray    *diagnostics);
/* helder_tips_draft: (transfer full): the caller frees the array with g_ptr_array_unref() */
GPtrArray *helder_tips_draft       (HelderCourse *course);
GPtrArray *helder_tips_load        (HelderCourse *course,
                                    char        **text,
                                    GPtrArray    *diagnostics,
                                    GError      **error);
/* helder_tips_to_markdown: (transfer full): the caller frees the text with g_free() */
char      *helder_tips_to_markdown (GPtrArray    *tips,
                                    const char   *course_title);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderTip, helder_tip_free)

G_END_DECLS
