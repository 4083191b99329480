/* helder-check-settings.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-check-settings"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "helder-check-settings.h"

/* Sets @self to the defaults documented in docs/readability.md. */
void
helder_check_settings_init (HelderCheckSettings *settings)
{
  g_return_if_fail (settings != NULL);

  *settings = (HelderCheckSettings) {
    .sentence_warning_words = 15,
    .sentence_error_words = 20,
    .page_average_words = 12.0,
    .long_word_syllables = 3,
    .long_word_known_zipf = 3.3,
    .rare_word_zipf = 3.0,
    .long_compound_syllables = 6,
    .noun_phrase_words = 4,
    .verb_bracket_words = 7,
    .nominalisations = 2,
    .reader_address_words = 40,
    .longest_answer_percent = 40,
    .near_copy_percent = 65,
    .goal_min_items = 3,
    .facts_valid_days = 365,
    .spelling = TRUE,
    .spelling_suggestions = FALSE,
  };
}

/* The thresholds a course may set in its course.json, under "checks"
 * (docs/course-format.md); the others keep their defaults.
 */
#define CHECKS_MEMBER "checks"

static const struct
{
  const char *member;
  guint       min;
  guint       max;
  gsize       offset;   /* of the field in HelderCheckSettings */
  gboolean    fraction; /* the field is a double, not a guint */
} check_thresholds[] = {
#define THRESHOLD(field, min, max, fraction) \
  { #field, min, max, G_STRUCT_OFFSET (HelderCheckSettings, field), fraction }
  [HELDER_CHECK_SENTENCE_WARNING_WORDS] = THRESHOLD (sentence_warning_words, 5, 60, FALSE),
  [HELDER_CHECK_SENTENCE_ERROR_WORDS] = THRESHOLD (sentence_error_words, 5, 80, FALSE),
  [HELDER_CHECK_PAGE_AVERAGE_WORDS] = THRESHOLD (page_average_words, 5, 40, TRUE),
  [HELDER_CHECK_LONG_WORD_SYLLABLES] = THRESHOLD (long_word_syllables, 2, 8, FALSE),
  [HELDER_CHECK_LONG_COMPOUND_SYLLABLES] = THRESHOLD (long_compound_syllables, 3, 12, FALSE),
  [HELDER_CHECK_LONGEST_ANSWER_PERCENT] = THRESHOLD (longest_answer_percent, 20, 100, FALSE),
  [HELDER_CHECK_NEAR_COPY_PERCENT] = THRESHOLD (near_copy_percent, 30, 100, FALSE),
  [HELDER_CHECK_GOAL_MIN_ITEMS] = THRESHOLD (goal_min_items, 1, 10, FALSE),
  [HELDER_CHECK_FACTS_VALID_DAYS] = THRESHOLD (facts_valid_days, 30, 1825, FALSE),
#undef THRESHOLD
};

G_STATIC_ASSERT (G_N_ELEMENTS (check_thresholds) == HELDER_N_CHECK_THRESHOLDS);

/* The values a course may give @threshold. */
void
helder_check_threshold_get_range (HelderCheckThreshold  threshold,
                                  guint                *min,
                                  guint                *max)
{
  g_return_if_fail (threshold < HELDER_N_CHECK_THRESHOLDS);

  *min = check_thresholds[threshold].min;
  *max = check_thresholds[threshold].max;
}

/* The value of @threshold in @self. */
guint
helder_check_settings_get_threshold (const HelderCheckSettings *settings,
                                     HelderCheckThreshold       threshold)
{
  gsize offset;

  g_return_val_if_fail (settings != NULL, 0);
  g_return_val_if_fail (threshold < HELDER_N_CHECK_THRESHOLDS, 0);

  offset = check_thresholds[threshold].offset;
  if (check_thresholds[threshold].fraction)
    return (guint) G_STRUCT_MEMBER (double, settings, offset);
  return G_STRUCT_MEMBER (guint, settings, offset);
}

/* Sets @threshold in @self to @value. */
void
helder_check_settings_set_threshold (HelderCheckSettings  *settings,
                                     HelderCheckThreshold  threshold,
                                     guint                 value)
{
  gsize offset;

  g_return_if_fail (settings != NULL);
  g_return_if_fail (threshold < HELDER_N_CHECK_THRESHOLDS);

  offset = check_thresholds[threshold].offset;
  if (check_thresholds[threshold].fraction)
    G_STRUCT_MEMBER (double, settings, offset) = value;
  else
    G_STRUCT_MEMBER (guint, settings, offset) = value;
}

/**
 * helder_check_settings_read:
 * @course_json: the course's course.json
 * @diagnostics: (nullable): where problems with the "checks" object are
 *   reported
 *
 * Sets @settings to the defaults, then to what the course's "checks"
 * object asks for. A value out of range is reported and left at its
 * default.
 */
void
helder_check_settings_read (HelderCheckSettings *settings,
                               HelderJsonDocument     *course_json,
                               GPtrArray              *diagnostics)
{
  JsonObject *root;
  JsonObject *checks;
  gint64 number;

  g_return_if_fail (settings != NULL);
  g_return_if_fail (course_json != NULL);

  helder_check_settings_init (settings);
  root = helder_json_document_get_root (course_json);
  checks = root != NULL ? helder_json_document_get_object (course_json, diagnostics, root,
                                                           CHECKS_MEMBER, FALSE)
                        : NULL;
  if (checks == NULL)
    return;

  for (guint i = 0; i < HELDER_N_CHECK_THRESHOLDS; i++)
    if (helder_json_document_get_int (course_json, diagnostics, checks,
                                      check_thresholds[i].member, FALSE, check_thresholds[i].min,
                                      check_thresholds[i].max, &number))
      helder_check_settings_set_threshold (settings, i, number);
  helder_json_document_get_boolean (course_json, diagnostics, checks, "spelling",
                                    &settings->spelling);

  if (settings->sentence_error_words < settings->sentence_warning_words)
    {
      helder_json_document_report (course_json, diagnostics, checks, "sentence_error_words", -1,
                                   HELDER_SEVERITY_WARNING, "format-range",
                                   _("\"sentence_error_words\" is below "
                                     "\"sentence_warning_words\"; every long sentence is then "
                                     "an error: make it at least as large"));
      settings->sentence_error_words = settings->sentence_warning_words;
    }
}

/**
 * helder_check_settings_write:
 *
 * Writes the thresholds a course may set into the "checks" object of
 * @course_json, made when missing.
 */
void
helder_check_settings_write (const HelderCheckSettings *settings,
                                HelderJsonDocument           *course_json)
{
  JsonObject *checks;

  g_return_if_fail (settings != NULL);
  g_return_if_fail (course_json != NULL);

  checks = helder_json_document_ensure_object (course_json,
                                               helder_json_document_get_root (course_json),
                                               CHECKS_MEMBER);
  for (guint i = 0; i < HELDER_N_CHECK_THRESHOLDS; i++)
    helder_json_document_set_int (course_json, checks, check_thresholds[i].member,
                                  helder_check_settings_get_threshold (settings, i));
  helder_json_document_set_boolean (course_json, checks, "spelling", settings->spelling);
}

/* Whether @a and @b hold the same thresholds. */
gboolean
helder_check_settings_equal (const HelderCheckSettings *a,
                                const HelderCheckSettings *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->sentence_warning_words == b->sentence_warning_words &&
         a->sentence_error_words == b->sentence_error_words &&
         a->page_average_words == b->page_average_words &&
         a->long_word_syllables == b->long_word_syllables &&
         a->long_word_known_zipf == b->long_word_known_zipf &&
         a->rare_word_zipf == b->rare_word_zipf &&
         a->long_compound_syllables == b->long_compound_syllables &&
         a->noun_phrase_words == b->noun_phrase_words &&
         a->verb_bracket_words == b->verb_bracket_words &&
         a->nominalisations == b->nominalisations &&
         a->reader_address_words == b->reader_address_words &&
         a->longest_answer_percent == b->longest_answer_percent &&
         a->near_copy_percent == b->near_copy_percent &&
         a->goal_min_items == b->goal_min_items &&
         a->facts_valid_days == b->facts_valid_days &&
         !a->spelling == !b->spelling &&
         !a->spelling_suggestions == !b->spelling_suggestions;
}
