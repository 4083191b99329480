/* helder-readability.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-readability"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "helder-readability.h"

/* Each part of the difficulty score is a figure mapped linearly from an
 * easy anchor (0) to a hard anchor (100), clamped, then weighted. The
 * anchors put the B1 targets (Flesch-Douma 65, 12 words per sentence,
 * 8% long words, 8% rare words, 20 passives per 100 sentences) near 40.
 * docs/readability.md explains the choice and its limits.
 */
static const struct
{
  double easy;
  double hard;
  double weight;
} parts[] = {
  { 90.0, 30.0, 0.40 }, /* Flesch-Douma: higher is easier */
  { 5.0, 25.0, 0.20 },  /* average sentence length */
  { 0.0, 20.0, 0.15 },  /* % long words */
  { 0.0, 20.0, 0.15 },  /* % rare words */
  { 0.0, 50.0, 0.10 },  /* passives per 100 sentences */
};

/* Upper limits of the bands on the difficulty score. */
#define B1_MAX_DIFFICULTY 45.0
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
}

static double
scale (double value,
       guint  part)
{
  double position = (value - parts[part].easy) / (parts[part].hard - parts[part].easy);

  return CLAMP (position, 0.0, 1.0) * 100.0;
}

/* Computes the scores of @counts into @scores. */
void
helder_readability_compute (const HelderReadabilityCounts *counts,
                            HelderReadability             *out)
{
  const HelderReadabilityCounts *c = counts;
  double figures[G_N_ELEMENTS (parts)];

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
  out->flesch_douma = 206.84 - 77.0 * out->syllables_per_word -
                      0.93 * out->average_sentence_length;

  figures[0] = out->flesch_douma;
  figures[1] = out->average_sentence_length;
  figures[2] = out->long_word_percent;
  figures[3] = out->rare_word_percent;
  figures[4] = out->passives_per_100_sentences;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    out->difficulty += parts[i].weight * scale (figures[i], i);

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
