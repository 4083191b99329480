/* helder-date.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-date"

#include "config.h"

#include <string.h>

#include "helder-date.h"

/* The Dutch month names, as sources blocks are shown and as the dated-facts
 * rule reads them in the text.
 */
static const char * const dutch_months[] = {
  "januari", "februari", "maart", "april", "mei", "juni",
  "juli", "augustus", "september", "oktober", "november", "december",
};

/* Their usual abbreviations, with or without a full stop. */
static const struct
{
  const char *name;
  guint       month;
} dutch_abbreviations[] = {
  { "jan", 1 }, { "feb", 2 }, { "mrt", 3 }, { "apr", 4 }, { "jun", 6 }, { "jul", 7 },
  { "aug", 8 }, { "sep", 9 }, { "sept", 9 }, { "okt", 10 }, { "nov", 11 }, { "dec", 12 },
};

/**
 * helder_date_parse_iso:
 * @text: a date written as YYYY-MM-DD, nothing before or after it
 * @date: (out) (optional): set to that date
 *
 * Returns: whether @text is such a date and the day exists.
 */
gboolean
helder_date_parse_iso (const char *text,
                       GDate      *date)
{
  guint year = 0;
  guint month = 0;
  guint day = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        continue;
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
    }

  year = g_ascii_digit_value (text[0]) * 1000 + g_ascii_digit_value (text[1]) * 100 +
         g_ascii_digit_value (text[2]) * 10 + g_ascii_digit_value (text[3]);
  month = g_ascii_digit_value (text[5]) * 10 + g_ascii_digit_value (text[6]);
  day = g_ascii_digit_value (text[8]) * 10 + g_ascii_digit_value (text[9]);

  if (year < 1 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  if (date != NULL)
    {
      g_date_clear (date, 1);
      g_date_set_dmy (date, day, month, year);
    }

  return TRUE;
}

/**
 * helder_date_month_from_name:
 * @word: a word of Dutch text, in any case
 * @length: its length in bytes
 *
 * Returns: the month (1–12) that @word names ("augustus", "aug", "aug."),
 *   or 0.
 */
guint
helder_date_month_from_name (const char *word,
                             gsize       length)
{
  char lower[16];

  g_return_val_if_fail (word != NULL, 0);

  if (length > 0 && word[length - 1] == '.')
    length--;
  if (length < 3 || length >= sizeof lower)
    return 0;

  for (gsize i = 0; i < length; i++)
    lower[i] = g_ascii_tolower (word[i]);
  lower[length] = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (dutch_months); i++)
    if (g_str_equal (lower, dutch_months[i]))
      return i + 1;
  for (guint i = 0; i < G_N_ELEMENTS (dutch_abbreviations); i++)
    if (g_str_equal (lower, dutch_abbreviations[i].name))
      return dutch_abbreviations[i].month;

  return 0;
}

/**
 * helder_date_dup_long:
 * @month_names: (nullable): the twelve month names separated by "|", or
 *   %NULL for Dutch
 *
 * Returns: (transfer full): @date as a reader writes it: "4 december 2026".
 */
char *
helder_date_dup_long (const GDate *date,
                      const char  *month_names)
{
  g_auto(GStrv) names = NULL;
  guint month;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  month = g_date_get_month (date);
  if (month_names != NULL)
    names = g_strsplit (month_names, "|", -1);

  return g_strdup_printf ("%u %s %u", g_date_get_day (date),
                          names != NULL && g_strv_length (names) == 12 ? names[month - 1]
                                                                       : dutch_months[month - 1],
                          g_date_get_year (date));
}

/* The local calendar day, as the checks see "today". */
void
helder_date_set_today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_if_fail (date != NULL);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}
