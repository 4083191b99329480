/* helder-readability.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-readability"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "helder-readability.h"

/* The difficulty score follows the LiNT readability model (Pander Maat,
 * Kleijn & Frissen 2023) with its published weights:
 *
 *   comprehension = 3.204 + 15.845 freq + 13.096 concrete - 1.331 sdl - 3.829 cwpc
 *   difficulty    = 100 - comprehension, clamped to 0..100
 *
 * freq is the mean Zipf value of the content words (subtitle frequencies,
 * as LiNT's SUBTLEX-NL), cwpc the content words per clause. Two inputs
 * need a parser or a licensed word list that Helder cannot ship, so they
 * are estimated: the longest dependency of a sentence (sdl) as a fixed
 * share of its length, and the share of concrete nouns as its typical
 * value. docs/readability.md gives the calibration and its limits.
 */
#define LINT_CONSTANT        3.204
#define LINT_FREQUENCY       15.845
#define LINT_CONCRETE        13.096
#define LINT_DEPENDENCY      1.331
#define LINT_CONTENT_WORDS   3.829
#define CONCRETE_SHARE       0.5  /* no open list of concrete nouns: the typical share */
#define DEPENDENCY_PER_WORD  0.5  /* longest dependency ≈ half the sentence length */
#define UNKNOWN_FREQUENCY    5.0  /* a text without content words: everyday */

/* Upper limits of the bands on the difficulty score: LiNT's levels 1–2
 * (up to 46, read well by about 70% of adults) and 3 (up to 60).
 */
#define B1_MAX_DIFFICULTY 46.0
#define B2_MAX_DIFFICULTY 60.0

/* Adds @more to @sum. */
void
helder_readability_counts_add (HelderReadabilityCounts       *sum,
                               const HelderReadabilityCounts *part)
{
  sum->words += part->words;
  sum->sentences += part->sentences;
  sum->letter_words += part->letter_words;
  sum->syllables += part->syllables;
  sum->long_words += part->long_words;
  sum->rare_words += part->rare_words;
  sum->passives += part->passives;
  sum->content_words += part->content_words;
  sum->content_zipf += part->content_zipf;
  sum->clauses += part->clauses;
  sum->nominalisations += part->nominalisations;
  sum->formal_phrases += part->formal_phrases;
}

/* Computes the scores of @counts into @scores. */
void
helder_readability_compute (const HelderReadabilityCounts *counts,
                            HelderReadability             *out)
{
  const HelderReadabilityCounts *c = counts;
  double comprehension;

  g_return_if_fail (counts != NULL);
  g_return_if_fail (out != NULL);

  *out = (HelderReadability) { 0 };
  out->counts = *counts;

  if (c->sentences > 0)
    {
      out->average_sentence_length = (double) c->words / c->sentences;
      out->passives_per_100_sentences = 100.0 * c->passives / c->sentences;
    }
  if (c->letter_words > 0)
    {
      out->syllables_per_word = (double) c->syllables / c->letter_words;
      out->long_word_percent = 100.0 * c->long_words / c->letter_words;
      out->rare_word_percent = 100.0 * c->rare_words / c->letter_words;
    }
  out->content_word_frequency = c->content_words > 0
                                  ? c->content_zipf / 100.0 / c->content_words
                                  : UNKNOWN_FREQUENCY;
  out->content_words_per_clause = c->clauses > 0 ? (double) c->content_words / c->clauses : 0.0;
  out->flesch_douma = 206.84 - 77.0 * out->syllables_per_word -
                      0.93 * out->average_sentence_length;

  comprehension = LINT_CONSTANT + LINT_FREQUENCY * out->content_word_frequency +
                  LINT_CONCRETE * CONCRETE_SHARE -
                  LINT_DEPENDENCY * DEPENDENCY_PER_WORD * out->average_sentence_length -
                  LINT_CONTENT_WORDS * out->content_words_per_clause;
  out->difficulty = CLAMP (100.0 - comprehension, 0.0, 100.0);

  if (c->letter_words == 0)
    out->difficulty = 0.0;

  if (out->difficulty <= B1_MAX_DIFFICULTY)
    out->level = HELDER_LEVEL_B1;
  else if (out->difficulty <= B2_MAX_DIFFICULTY)
    out->level = HELDER_LEVEL_B2;
  else
    out->level = HELDER_LEVEL_C1;
}

/* Returns: (transfer none): a translated name of @level for people. */
const char *
helder_level_to_label (HelderLevel level)
{
  switch (level)
    {
    case HELDER_LEVEL_B1:
      return _("B1 or lower");
    case HELDER_LEVEL_B2:
      return _("B2");
    case HELDER_LEVEL_C1:
      return _("C1 or higher");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Stable names for JSON output. */
const char *
helder_level_to_string (HelderLevel level)
{
  switch (level)
    {
    case HELDER_LEVEL_B1:
      return "b1";
    case HELDER_LEVEL_B2:
      return "b2";
    case HELDER_LEVEL_C1:
      return "c1";
    default:
      g_return_val_if_reached (NULL);
    }
}
