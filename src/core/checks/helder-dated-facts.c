/* helder-dated-facts.c
 *
 * Facts with a date go stale: "De regels gelden vanaf 2 augustus 2026" is
 * wrong the day after. These rules read the dates in a page's text
 * against today, and the date its sources block says the facts were
 * checked against the course's limit (docs/test-quality.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-dated-facts"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "helder-date.h"
#include "helder-dated-facts.h"

/* A paragraph of learner text, its runs joined by spaces, with where each
 * run came from in the page.
 */
typedef struct
{
  gsize text_start;   /* in the joined text */
  gsize page_start;   /* in the page */
  gsize length;
} Segment;

typedef struct
{
  GString *text;
  GArray  *segments;  /* of Segment */
} Paragraph;

static gsize
to_page_offset (const Paragraph *paragraph,
                gsize            offset)
{
  for (guint i = paragraph->segments->len; i > 0; i--)
    {
      const Segment *segment = &g_array_index (paragraph->segments, Segment, i - 1);

      if (offset >= segment->text_start)
        return segment->page_start + MIN (offset - segment->text_start, segment->length);
    }

  return 0;
}

/* Words that make a sentence speak of what is still to come. */
static const char * const future_words[] = {
  "gaat", "gaan", "zal", "zullen", "komt", "komen", "straks", "binnenkort", NULL
};

/* Words right before a date that make it a start still to come; on a past
 * date the reader needs "sinds".
 */
static const char * const start_words[] = {
  "vanaf", "per", NULL
};

static gboolean
is_one_of (const char         *word,
           gsize               length,
           const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (strlen (words[i]) == length && g_ascii_strncasecmp (word, words[i], length) == 0)
      return TRUE;

  return FALSE;
}

/* The start of the sentence that holds @offset. */
static gsize
sentence_start (const char *text,
                gsize       offset)
{
  for (gsize i = offset; i > 1; i--)
    if (strchr (".!?", text[i - 2]) != NULL && text[i - 1] == ' ')
      return i;

  return 0;
}

static gsize
sentence_end (const char *text,
              gsize       length,
              gsize       offset)
{
  for (gsize i = offset; i + 1 < length; i++)
    if (strchr (".!?", text[i]) != NULL && text[i + 1] == ' ')
      return i + 1;

  return length;
}

static gboolean
has_future_word (const char *text,
                 gsize       start,
                 gsize       end)
{
  gsize i = start;

  while (i < end)
    {
      gsize word = i;

      while (i < end && g_ascii_isalpha (text[i]))
        i++;
      if (i > word && is_one_of (text + word, i - word, future_words))
        return TRUE;
      while (i < end && !g_ascii_isalpha (text[i]))
        i++;
    }

  return FALSE;
}

/* The word just before @offset when it is one of start_words: sets its
 * start.
 */
static gboolean
find_start_word (const char *text,
                 gsize       from,
                 gsize       offset,
                 gsize      *word_start)
{
  gsize end = offset;
  gsize start;

  while (end > from && text[end - 1] == ' ')
    end--;
  start = end;
  while (start > from && g_ascii_isalpha (text[start - 1]))
    start--;

  if (start == end || !is_one_of (text + start, end - start, start_words))
    return FALSE;

  *word_start = start;
  return TRUE;
}

typedef struct
{
  HelderPage        *page;
  const GDate       *today;
  GPtrArray         *diagnostics;
  gboolean           has_date;      /* the page writes a full date */
  gsize              first_date;    /* where, in the page */
  gsize              first_date_end;
} Scan;

static void
report (HelderPage     *page,
        gsize           start,
        gsize           end,
        HelderSeverity  severity,
        const char     *rule,
        const char     *message,
        const char     *suggestion,
        GPtrArray      *diagnostics)
{
  HelderDiagnostic *diagnostic = helder_page_add_diagnostic (page, start, end, severity, rule,
                                                             message, diagnostics);

  if (suggestion != NULL)
    helder_diagnostic_add_suggestion (diagnostic, suggestion);
}

static void
scan_paragraph (Scan            *scan,
                const Paragraph *paragraph)
{
  static GRegex *date_pattern = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  const char *text = paragraph->text->str;

  /* "2 augustus 2026", "2 aug. 2026" or "augustus 2026". */
  if (g_once_init_enter (&date_pattern))
    g_once_init_leave (&date_pattern,
                       g_regex_new ("\\b(?:([0-9]{1,2}) +)?([[:alpha:]]{3,9}\\.?) +([0-9]{4})\\b",
                                    G_REGEX_OPTIMIZE, 0, NULL));

  g_regex_match (date_pattern, text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *day_text = g_match_info_fetch (match, 1);
      g_autofree char *month_text = g_match_info_fetch (match, 2);
      g_autofree char *year_text = g_match_info_fetch (match, 3);
      g_autofree char *written = g_match_info_fetch (match, 0);
      guint month = helder_date_month_from_name (month_text, strlen (month_text));
      guint year = (guint) g_ascii_strtoull (year_text, NULL, 10);
      guint day = *day_text != '\0' ? (guint) g_ascii_strtoull (day_text, NULL, 10) : 0;
      int start = 0;
      int end = 0;
      gsize from;
      gsize word_start;
      GDate date;

      if (month == 0 || year < 1900 ||
          (day != 0 && !g_date_valid_dmy (day, month, year)))
        continue;

      g_match_info_fetch_pos (match, 0, &start, &end);
      if (day != 0 && !scan->has_date)
        {
          scan->has_date = TRUE;
          scan->first_date = to_page_offset (paragraph, start);
          scan->first_date_end = to_page_offset (paragraph, end);
        }

      /* A month without a day has passed when the whole month has. */
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, day != 0 ? day : g_date_get_days_in_month (month, year), month,
                      year);
      if (g_date_compare (&date, scan->today) >= 0)
        continue;

      from = sentence_start (text, start);
      if (find_start_word (text, from, start, &word_start))
        {
          g_autofree char *message =
            g_strdup_printf (_("“%s” has passed, but the text speaks of it as still to come. "
                               "Write it as past: “sinds %s”."), written, written);
          g_autofree char *suggestion = g_strconcat ("sinds ", written, NULL);

          if (g_ascii_isupper (text[word_start]))
            suggestion[0] = 'S';
          report (scan->page, to_page_offset (paragraph, word_start),
                  to_page_offset (paragraph, end), HELDER_SEVERITY_WARNING, "facts-past-date",
                  message, suggestion, scan->diagnostics);
        }
      else if (has_future_word (text, from, sentence_end (text, paragraph->text->len, end)))
        {
          g_autofree char *message =
            g_strdup_printf (_("“%s” has passed, but the sentence speaks of it as still to "
                               "come. Write what happened then in the past tense."), written);

          report (scan->page, to_page_offset (paragraph, start), to_page_offset (paragraph, end),
                  HELDER_SEVERITY_WARNING, "facts-past-date", message, NULL, scan->diagnostics);
        }
    }
}

/* The answers of questions may name wrong dates on purpose. */
static gboolean
is_answer (const HelderPageContent *content,
           const HelderTextRun     *run)
{
  for (guint b = 0; b < content->blocks->len; b++)
    {
      const HelderBlock *block = g_ptr_array_index (content->blocks, b);

      if (block->kind != HELDER_BLOCK_CHECK && block->kind != HELDER_BLOCK_QUESTION)
        continue;
      for (guint i = 0; i < block->items->len; i++)
        {
          const HelderField *answer =
            helder_block_item_get_field (g_ptr_array_index (block->items, i), "answer");

          if (answer != NULL && run->range.start >= answer->value_range.start &&
              run->range.end <= answer->value_range.end)
            return TRUE;
        }
    }

  return FALSE;
}

static void
scan_text (Scan *scan)
{
  const HelderPageContent *content = helder_page_get_content (scan->page);
  const char *text = helder_page_get_text (scan->page);
  Paragraph paragraph = { g_string_new (NULL), g_array_new (FALSE, FALSE, sizeof (Segment)) };
  guint current = G_MAXUINT;

  for (guint r = 0; r <= content->runs->len; r++)
    {
      const HelderTextRun *run = r < content->runs->len
                                   ? &g_array_index (content->runs, HelderTextRun, r) : NULL;
      Segment segment;

      if (run != NULL && is_answer (content, run))
        continue;

      if (run == NULL || run->paragraph != current)
        {
          if (paragraph.text->len > 0)
            scan_paragraph (scan, &paragraph);
          g_string_truncate (paragraph.text, 0);
          g_array_set_size (paragraph.segments, 0);
          if (run == NULL)
            break;
          current = run->paragraph;
        }
      else
        g_string_append_c (paragraph.text, ' ');

      segment.text_start = paragraph.text->len;
      segment.page_start = run->range.start;
      segment.length = run->range.end - run->range.start;
      g_array_append_val (paragraph.segments, segment);
      /* Line breaks inside a multi-line value read as spaces; the
       * offsets stay those of the page.
       */
      for (gsize i = 0; i < segment.length; i++)
        {
          char c = text[run->range.start + i];

          g_string_append_c (paragraph.text, c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
        }
    }

  g_string_free (paragraph.text, TRUE);
  g_array_unref (paragraph.segments);
}

/**
 * helder_dated_facts_check_page:
 * @today: the day to read the dates against
 *
 * Adds a warning for each date in @page's text that has passed but is
 * written as still to come, and for each sources block checked longer
 * ago than the course allows; a hint when the page gives dates but no
 * sources.
 */
void
helder_dated_facts_check_page (HelderPage                *page,
                               const HelderCheckSettings *settings,
                               const GDate               *today,
                               GPtrArray                 *diagnostics)
{
  const HelderPageContent *content;
  Scan scan = { page, today, diagnostics, FALSE, 0, 0 };
  gboolean has_sources = FALSE;

  g_return_if_fail (HELDER_IS_PAGE (page));
  g_return_if_fail (settings != NULL);
  g_return_if_fail (today != NULL && g_date_valid (today));
  g_return_if_fail (diagnostics != NULL);

  content = helder_page_get_content (page);
  scan_text (&scan);

  for (guint b = 0; b < content->blocks->len; b++)
    {
      const HelderBlock *block = g_ptr_array_index (content->blocks, b);
      const HelderField *checked;
      GDate date;
      int age;

      if (block->kind != HELDER_BLOCK_SOURCES)
        continue;
      has_sources = TRUE;
      checked = helder_block_get_field (block, "checked");
      if (checked == NULL || !helder_date_parse_iso (checked->value, &date))
        continue;

      age = g_date_days_between (&date, today);
      if (age > (int) settings->facts_valid_days)
        {
          g_autofree char *message =
            g_strdup_printf (_("The facts on this page were checked %d days ago; the course "
                               "asks for a new check after %u days. Check the sources again "
                               "and update the date."), age, settings->facts_valid_days);

          report (page, checked->value_range.start, checked->value_range.end,
                  HELDER_SEVERITY_WARNING, "facts-stale", message, NULL, diagnostics);
        }
      else if (age < 0)
        report (page, checked->value_range.start, checked->value_range.end,
                HELDER_SEVERITY_WARNING, "facts-stale",
                _("The facts on this page were checked on a day still to come. Write the day "
                  "you checked them."), NULL, diagnostics);
    }

  if (scan.has_date && !has_sources)
    report (page, scan.first_date, scan.first_date_end, HELDER_SEVERITY_HINT, "facts-no-sources",
            _("This page gives dates, but not where its facts come from. Add a sources block "
              "with the day you checked them, so the team knows when to check again."),
            NULL, diagnostics);
}
