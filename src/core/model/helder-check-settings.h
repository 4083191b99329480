/* helder-check-settings.h: the thresholds of the checks, and the ones a
 * course may set in its course.json ("checks").
 *
 * The model reads and writes them with course.json; the language rules
 * only use them. Plain data: copy it freely between threads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "helder-json-document.h"

G_BEGIN_DECLS

/* The thresholds of the B1 rules. helder_check_settings_init() sets
 * the defaults documented in docs/readability.md.
 */
typedef struct
{
  guint    sentence_warning_words;  /* more words than this: warning (15) */
  guint    sentence_error_words;    /* more words than this: error (20) */
  double   page_average_words;      /* page average above this: hint (12) */
  guint    long_word_syllables;     /* more syllables than this: long (3) */
  double   long_word_known_zipf;    /* long words at least this frequent are known (3.3) */
  double   rare_word_zipf;          /* Zipf frequency below this: rare (3.0) */
  guint    long_compound_syllables; /* a compound of short, familiar words is long
                                     * only above this many syllables (6) */
  guint    noun_phrase_words;       /* more words inside a noun phrase: warning (4) */
  guint    verb_bracket_words;      /* more words between verb parts: warning (7) */
  guint    nominalisations;         /* this many in one sentence: hint (2) */
  guint    reader_address_words;    /* pages with at least this many words need je/u (40) */
  guint    longest_answer_percent;  /* right answer longest in more % of questions: warning (40) */
  guint    near_copy_percent;       /* pre/post items sharing this % of words: warning (65) */
  guint    goal_min_items;          /* fewer items per goal in a test: warning (3) */
  guint    facts_valid_days;        /* a sources block older than this: warning (365) */
  gboolean spelling;                /* check spelling (TRUE) */
  gboolean spelling_suggestions;    /* ask hunspell for replacements while checking (FALSE):
                                     * they cost far more than the check itself, so
                                     * they are usually asked for one finding at a time
                                     * with helder_language_add_spelling_suggestions() */
} HelderCheckSettings;

/* The thresholds a course may set in course.json ("checks"), each a whole
 * number within its range.
 */
typedef enum
{
  HELDER_CHECK_SENTENCE_WARNING_WORDS,
  HELDER_CHECK_SENTENCE_ERROR_WORDS,
  HELDER_CHECK_PAGE_AVERAGE_WORDS,
  HELDER_CHECK_LONG_WORD_SYLLABLES,
  HELDER_CHECK_LONG_COMPOUND_SYLLABLES,
  /* The test-quality and dated-facts rules (docs/test-quality.md). */
  HELDER_CHECK_LONGEST_ANSWER_PERCENT,
  HELDER_CHECK_NEAR_COPY_PERCENT,
  HELDER_CHECK_GOAL_MIN_ITEMS,
  HELDER_CHECK_FACTS_VALID_DAYS,
  HELDER_N_CHECK_THRESHOLDS
} HelderCheckThreshold;

void  helder_check_threshold_get_range (HelderCheckThreshold threshold,
                                        guint                *min,
                                        guint                *max);
guint helder_check_settings_get_threshold (const HelderCheckSettings *settings,
                                           HelderCheckThreshold      threshold);
void  helder_check_settings_set_threshold (HelderCheckSettings  *settings,
                                           HelderCheckThreshold threshold,
                                           guint                value);
void  helder_check_settings_init (HelderCheckSettings *settings);
void  helder_check_settings_read (HelderCheckSettings *settings,
                                  HelderJsonDocument  *course_json,
                                  GPtrArray           *diagnostics);
void  helder_check_settings_write (const HelderCheckSettings *settings,
                                   HelderJsonDocument        *course_json);
gboolean helder_check_settings_equal (const HelderCheckSettings *a,
                                      const HelderCheckSettings *b);

G_END_DECLS
