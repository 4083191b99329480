/* helder-syllables.h
 *
 * Syllable counts of Dutch words with libhyphen's patterns, for the
 * readability scores.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Counts the syllables of Dutch words: libhyphen's Dutch patterns split a
 * word into segments, the vowel nuclei of each segment are counted, and a
 * short list of English loanwords ("service", "website") is counted as
 * spoken. Results are cached per word; safe to call from any thread.
 */
guint    helder_syllables_count          (const char *word,
                                          gssize      length);
gboolean helder_syllables_have_patterns  (void);

G_END_DECLS
