/* helder-text-quote.h
 *
 * HelderTextQuote: anchors a passage by its text and context, so a comment
 * finds its passage again after edits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "helder-range.h"

G_BEGIN_DECLS

/* How many characters of context a quote keeps on each side. */
#define HELDER_TEXT_QUOTE_CONTEXT 32

/* A passage of a text, remembered the way the W3C Web Annotation data
 * model's TextQuoteSelector does (the exact text with some text before and
 * after it), plus the byte offset it started at as a hint, so that the
 * passage can be found again after the text around it, or the passage
 * itself, was edited.
 */
typedef struct
{
  char  *exact;
  char  *prefix;
  char  *suffix;
  gsize  hint;   /* byte offset of the passage when it was quoted */
} HelderTextQuote;

typedef enum
{
  HELDER_ANCHOR_ORPHANED, /* the passage is gone */
  HELDER_ANCHOR_EXACT,    /* the quoted text is there as it was */
  HELDER_ANCHOR_FUZZY,    /* a passage close enough to the quote is there */
} HelderAnchorMatch;

/* The least similarity (1 - edits / length of the quote) of a fuzzy match. */
#define HELDER_TEXT_QUOTE_MIN_SIMILARITY 0.7

void              helder_text_quote_init_from_range (HelderTextQuote       *quote,
                                                     const char            *text,
                                                     gsize                  length,
                                                     HelderRange            range);
void              helder_text_quote_clear           (HelderTextQuote       *quote);
void              helder_text_quote_copy            (HelderTextQuote       *to,
                                                     const HelderTextQuote *from);
HelderAnchorMatch helder_text_quote_anchor          (const HelderTextQuote *quote,
                                                     const char            *text,
                                                     gsize                  length,
                                                     HelderRange           *range);

G_END_DECLS
