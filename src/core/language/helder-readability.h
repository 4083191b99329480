/* helder-readability.h
 *
 * Readability: counts of words, sentences and syllables, and the scores
 * (Flesch-Douma, level band) computed from them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Counts that add up from paragraphs to pages, modules and a course. */
typedef struct
{
  guint words;         /* words and numbers, as a reader counts them */
  guint sentences;
  guint letter_words;  /* words with letters: the base of the syllable figures */
  guint syllables;     /* of the letter words */
  guint long_words;    /* letter words with more syllables than the long-word setting */
  guint rare_words;    /* letter words outside the common band of the frequency list */
  guint passives;      /* sentences with a passive (worden + participle) */
  guint content_words; /* letter words that are not function words (de, en, is, …) */
  guint content_zipf;  /* their familiarity added up, in hundredths of a Zipf value */
  guint clauses;       /* sentences plus the clauses that conjunctions open */
  guint nominalisations; /* nouns made from verbs */
  guint formal_phrases;  /* bureaucratic words and phrases */
} HelderReadabilityCounts;

typedef enum
{
  HELDER_LEVEL_B1,        /* "B1 of lager" */
  HELDER_LEVEL_B2,        /* "B2" */
  HELDER_LEVEL_C1,        /* "C1 of hoger" */
} HelderLevel;

/* The figures computed from the counts; see docs/readability.md. */
typedef struct
{
  HelderReadabilityCounts counts;
  double      average_sentence_length; /* words per sentence */
  double      syllables_per_word;
  double      flesch_douma;            /* 206.84 - 77 syll/word - 0.93 words/sentence */
  double      long_word_percent;
  double      rare_word_percent;
  double      passives_per_100_sentences;
  double      content_word_frequency;  /* mean Zipf value of the content words */
  double      content_words_per_clause;
  double      difficulty;              /* 0 (easy) to 100 (hard): LiNT-based */
  HelderLevel level;
} HelderReadability;

void        helder_readability_counts_add (HelderReadabilityCounts       *sum,
                                           const HelderReadabilityCounts *part);
void        helder_readability_compute    (const HelderReadabilityCounts *counts,
                                           HelderReadability             *out);
const char *helder_level_to_label         (HelderLevel                    level);
const char *helder_level_to_string        (HelderLevel                    level);

G_END_DECLS
