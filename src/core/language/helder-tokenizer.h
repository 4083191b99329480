/* helder-tokenizer.h
 *
 * Splits learner-facing text into sentences and words, with their byte
 * ranges.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "helder-range.h"

G_BEGIN_DECLS

typedef enum
{
  HELDER_TOKEN_WORD,        /* letters, maybe with digits, inner hyphens, apostrophes */
  HELDER_TOKEN_NUMBER,      /* digits, maybe with inner . or , (1.000, 3,5) */
  HELDER_TOKEN_ABBREVIATION,/* a known abbreviation with its dots (bijv., d.w.z.) */
  HELDER_TOKEN_URL,         /* a web or mail address written in the text */
  HELDER_TOKEN_PUNCTUATION, /* one mark that matters to the rules: . , ; : ! ? … ( ) */
} HelderTokenKind;

typedef enum
{
  HELDER_TOKEN_CODE        = 1 << 0, /* inside `code` */
  HELDER_TOKEN_CAPITALISED = 1 << 1, /* starts with an upper-case letter */
  HELDER_TOKEN_ALL_CAPS    = 1 << 2, /* two or more letters, all upper case (AI, AVG) */
  HELDER_TOKEN_FIRST       = 1 << 3, /* the first word of its sentence */
} HelderTokenFlags;

/* One token, as a byte range of the source text it was read from. */
typedef struct
{
  gsize            start;
  gsize            end;
  HelderTokenKind  kind;
  HelderTokenFlags flags;
} HelderToken;

/* A sentence: the tokens first_token .. first_token + n_tokens - 1. A
 * sentence never crosses a paragraph, heading, list item or field.
 */
typedef struct
{
  gsize          start;
  gsize          end;
  guint          first_token;
  guint          n_tokens;
  guint          n_words;   /* tokens that a reader counts as words */
  guint          paragraph;
  HelderTextRole role;
} HelderSentence;

typedef struct
{
  GArray *tokens;    /* of HelderToken */
  GArray *sentences; /* of HelderSentence */
} HelderTokens;

HelderTokens *helder_tokens_new_from_runs  (const char   *text,
                                            const GArray *runs);
HelderTokens *helder_tokens_new_from_plain (const char   *text,
                                            gsize         length);
void          helder_tokens_free           (HelderTokens *self);
gboolean      helder_token_is_word         (const HelderToken *token);
GArray       *helder_plain_text_runs       (const char   *text,
                                            gsize         length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderTokens, helder_tokens_free)

G_END_DECLS
