/* helder-spelling.h
 *
 * Spelling with hunspell (Dutch, plus American English for loanwords),
 * cached per word and safe in any thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Spelling with hunspell: the Dutch dictionary, and the American English
 * one for the English terms Dutch texts use. Both are loaded once per
 * process; answers and suggestions are cached per word, so a repeated
 * word costs one hash lookup. Safe to call from any thread.
 */
gboolean   helder_spelling_is_available (void);
gboolean   helder_spelling_check        (const char *word,
                                         gssize      length);
gboolean   helder_spelling_check_dutch  (const char *word,
                                         gssize      length);
GPtrArray *helder_spelling_suggest      (const char *word,
                                         gssize      length);
GPtrArray *helder_spelling_stems        (const char *word);

G_END_DECLS
