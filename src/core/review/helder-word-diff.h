/* helder-word-diff.h
 *
 * Word-level differences between two versions of a text, for the review pane
 * and the report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  HELDER_DIFF_EQUAL,
  HELDER_DIFF_DELETE,
  HELDER_DIFF_INSERT,
} HelderDiffKind;

/* A stretch of text that both versions share, or that only the old
 * (DELETE) or only the new (INSERT) version has.
 */
typedef struct
{
  HelderDiffKind  kind;
  char           *text;
} HelderDiffSegment;

GPtrArray *helder_word_diff        (const char *old_text,
                                    const char *new_text);
/* helder_word_diff_render: (transfer full): the caller frees the text with g_free() */
char      *helder_word_diff_render (GPtrArray  *segments);

G_END_DECLS
