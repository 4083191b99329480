/* test-dated-facts.c
 *
 * Dates that have passed but read as still to come, and sources checked
 * too long ago, each against a fixed "today".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "helder-date.h"
#include "helder-dated-facts.h"

static GPtrArray *
check (const char *text,
       const char *today_text,
       guint       valid_days)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(HelderPage) page = helder_page_new ("m/p.md", bytes);
  HelderCheckSettings settings;
  GPtrArray *diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  GDate today;

  g_assert_true (helder_date_parse_iso (today_text, &today));
  helder_check_settings_init (&settings);
  if (valid_days > 0)
    settings.facts_valid_days = valid_days;
  helder_dated_facts_check_page (page, &settings, &today, diagnostics);

  return diagnostics;
}

static guint
count_rule (GPtrArray  *diagnostics,
            const char *rule,
            guint       line)
{
  guint n = 0;

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const HelderDiagnostic *d = g_ptr_array_index (diagnostics, i);

      if (g_str_equal (d->rule, rule) && (line == 0 || d->line == line))
        {
          g_test_message ("%u: %s", d->line, d->message);
          n++;
        }
    }

  return n;
}

static const char *past_page =
  "# Datums\n"
  "\n"
  "De meeste regels gelden vanaf 2 augustus 2026.\n"
  "\n"
  "Op 2 februari 2025 gaan de eerste regels in.\n"
  "\n"
  "De wet geldt sinds 1 augustus 2024. Vanaf\n"
  "augustus 2026 komt er toezicht.\n"
  "\n"
  "Per 1 januari 2030 verandert er weer iets.\n"
  "\n"
  "```check\n"
  "question: Vanaf wanneer geldt artikel 4?\n"
  "- [x] Vanaf 2 februari 2025\n"
  "  feedback: Dat staat in de wet.\n"
  "- [ ] Vanaf 1 januari 2024\n"
  "  feedback: Toen gold de wet nog niet.\n"
  "- [ ] Vanaf 2030\n"
  "  feedback: Dat is te laat.\n"
  "```\n";

static void
test_past_dates (void)
{
  g_autoptr(GPtrArray) today = check (past_page, "2026-12-04", 0);
  g_autoptr(GPtrArray) before = check (past_page, "2026-08-01", 0);
  const HelderDiagnostic *vanaf = NULL;

  /* "vanaf" before a passed date; a future verb in the sentence; a date
   * broken over two lines. A date with "sinds", one still to come, and
   * the answers of a question (wrong dates on purpose) are fine.
   */
  g_assert_cmpuint (count_rule (today, "facts-past-date", 3), ==, 1);
  g_assert_cmpuint (count_rule (today, "facts-past-date", 5), ==, 1);
  g_assert_cmpuint (count_rule (today, "facts-past-date", 7), ==, 1);
  g_assert_cmpuint (count_rule (today, "facts-past-date", 0), ==, 3);

  for (guint i = 0; i < today->len; i++)
    {
      const HelderDiagnostic *d = g_ptr_array_index (today, i);

      if (d->line == 3 && g_str_equal (d->rule, "facts-past-date"))
        vanaf = d;
    }
  g_assert_nonnull (vanaf);
  g_assert_cmpuint (vanaf->column, ==, 25);
  g_assert_cmpuint (vanaf->severity, ==, HELDER_SEVERITY_WARNING);
  g_assert_cmpstr (g_ptr_array_index (vanaf->suggestions, 0), ==, "sinds 2 augustus 2026");
  g_assert_nonnull (strstr (vanaf->message, "“2 augustus 2026”"));

  /* The day before 2 August 2026 only the February 2025 sentence is late;
   * "augustus 2026" counts as passed only after the month.
   */
  g_assert_cmpuint (count_rule (before, "facts-past-date", 0), ==, 1);
  g_assert_cmpuint (count_rule (before, "facts-past-date", 5), ==, 1);

  /* Dates and no sources block: one hint, at the first date. */
  g_assert_cmpuint (count_rule (today, "facts-no-sources", 3), ==, 1);
  g_assert_cmpuint (count_rule (today, "facts-no-sources", 0), ==, 1);
}

static void
test_sources_age (void)
{
  const char *page =
    "# Datums\n"
    "\n"
    "De wet geldt sinds 1 augustus 2024.\n"
    "\n"
    "```sources\n"
    "checked: 2025-11-01\n"
    "- title: AI-verordening\n"
    "  url: https://eur-lex.europa.eu/eli/reg/2024/1689/oj\n"
    "```\n";
  const char *undated = "# Zonder datums\n\nDe wet is er al een tijd.\n";
  g_autoptr(GPtrArray) stale = check (page, "2026-12-04", 0);
  g_autoptr(GPtrArray) fresh = check (page, "2026-10-31", 0);
  g_autoptr(GPtrArray) longer = check (page, "2026-12-04", 730);
  g_autoptr(GPtrArray) future = check (page, "2025-10-01", 0);
  g_autoptr(GPtrArray) plain = check (undated, "2026-12-04", 0);

  /* 398 days after the check, with the default of 365: stale. */
  g_assert_cmpuint (count_rule (stale, "facts-stale", 6), ==, 1);
  g_assert_nonnull (strstr (((HelderDiagnostic *) g_ptr_array_index (stale, 0))->message, "398"));
  g_assert_cmpuint (count_rule (stale, "facts-no-sources", 0), ==, 0);
  g_assert_cmpuint (count_rule (fresh, "facts-stale", 0), ==, 0);
  g_assert_cmpuint (count_rule (longer, "facts-stale", 0), ==, 0);
  g_assert_cmpuint (count_rule (future, "facts-stale", 6), ==, 1);
  g_assert_cmpuint (plain->len, ==, 0);
}

static void
test_dates (void)
{
  GDate date;
  g_autofree char *written = NULL;
  g_autofree char *english = NULL;

  g_assert_true (helder_date_parse_iso ("2026-12-04", &date));
  written = helder_date_dup_long (&date, NULL);
  g_assert_cmpstr (written, ==, "4 december 2026");
  english = helder_date_dup_long (&date, "January|February|March|April|May|June|July|August|"
                                         "September|October|November|December");
  g_assert_cmpstr (english, ==, "4 December 2026");
  g_assert_true (helder_date_parse_iso ("2024-02-29", NULL));
  g_assert_false (helder_date_parse_iso ("2026-02-29", NULL));
  g_assert_false (helder_date_parse_iso ("2026-1-04", NULL));
  g_assert_false (helder_date_parse_iso ("4 december 2026", NULL));
  g_assert_false (helder_date_parse_iso ("2026-12-04 ", NULL));

  g_assert_cmpuint (helder_date_month_from_name ("Augustus", 8), ==, 8);
  g_assert_cmpuint (helder_date_month_from_name ("aug.", 4), ==, 8);
  g_assert_cmpuint (helder_date_month_from_name ("mrt", 3), ==, 3);
  g_assert_cmpuint (helder_date_month_from_name ("mei", 3), ==, 5);
  g_assert_cmpuint (helder_date_month_from_name ("maand", 5), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dated-facts/past-dates", test_past_dates);
  g_test_add_func ("/dated-facts/sources-age", test_sources_age);
  g_test_add_func ("/dated-facts/dates", test_dates);

  return g_test_run ();
}
