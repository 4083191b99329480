/* helder-review-report.c
 *
 * Where each review thread stands on its page today, and the review
 * report for the programme manager: per page the state per role and the
 * threads with their quotes and answers, as one HTML file or as CSV.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-review-report"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "helder-csv.h"
#include "helder-line-map.h"
#include "helder-markup.h"
#include "helder-review-report.h"

/* The position of each page in the course, for sorting threads. */
static GHashTable *
page_order (HelderCourse *course)
{
  GHashTable *order = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = 0;

  for (HelderPageIter iter = helder_course_iter_pages (course); helder_page_iter_next (&iter);)
    g_hash_table_insert (order, (gpointer) helder_page_get_file (iter.page),
                         GUINT_TO_POINTER (++n));
  return order;
}

static int
compare_places (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const HelderReviewPlace *pa = a;
  const HelderReviewPlace *pb = b;
  GHashTable *order = user_data;
  guint oa = GPOINTER_TO_UINT (g_hash_table_lookup (order, pa->thread->page));
  guint ob = GPOINTER_TO_UINT (g_hash_table_lookup (order, pb->thread->page));

  if (oa != ob)
    return oa < ob ? -1 : 1;
  if (oa == 0)
    return strcmp (pa->thread->page, pb->thread->page);
  if ((pa->match == HELDER_ANCHOR_ORPHANED) != (pb->match == HELDER_ANCHOR_ORPHANED))
    return pa->match == HELDER_ANCHOR_ORPHANED ? 1 : -1;
  return pa->range.start < pb->range.start ? -1 : pa->range.start > pb->range.start;
}

/**
 * helder_review_place_threads:
 *
 * Anchors every thread of @review in today's text of its page.
 *
 * Returns: (transfer full) (element-type HelderReviewPlace): the threads
 *   in page order (course order, then place on the page; orphaned threads
 *   after the anchored ones of their page).
 */
GArray *
helder_review_place_threads (HelderCourse *course,
                             HelderReview *review)
{
  g_autoptr(GHashTable) order = NULL;
  GPtrArray *threads;
  GArray *places;

  g_return_val_if_fail (HELDER_IS_COURSE (course), NULL);
  g_return_val_if_fail (review != NULL, NULL);

  threads = helder_review_get_threads (review);
  places = g_array_sized_new (FALSE, TRUE, sizeof (HelderReviewPlace), threads->len);
  for (guint i = 0; i < threads->len; i++)
    {
      HelderReviewPlace place = { 0 };

      place.thread = g_ptr_array_index (threads, i);
      place.page = helder_course_find_page (course, place.thread->page);
      place.match = HELDER_ANCHOR_ORPHANED;
      if (place.page != NULL)
        {
          const char *text = helder_page_get_text (place.page);

          place.match = helder_review_anchor (place.thread, text, &place.range);
          if (place.match != HELDER_ANCHOR_ORPHANED)
            {
              g_autoptr(HelderLineMap) lines = helder_line_map_new (text, helder_page_get_length (place.page));

              helder_line_map_locate (lines, place.range.start, &place.line, &place.column);
            }
        }
      g_array_append_val (places, place);
    }

  order = page_order (course);
  g_array_sort_with_data (places, compare_places, order);
  return places;
}

static char *
place_to_string (const HelderReviewPlace *place)
{
  if (place->match == HELDER_ANCHOR_ORPHANED)
    return g_strdup (_("orphaned"));
  return g_strdup_printf ("%u:%u", place->line, place->column);
}

static char *
state_text (HelderReview     *review,
            HelderPage       *page,
            HelderReviewRole  role)
{
  const char *file = helder_page_get_file (page);
  HelderReviewState state = helder_review_get_state (review, file, role);

  if (state == HELDER_REVIEW_STATE_APPROVED &&
      !helder_review_approval_is_current (review, file, role, helder_page_get_text (page)))
    /* Translators: a page state, e.g. "approved (changed since)" */
    return g_strdup_printf (_("%s (changed since)"), helder_review_state_to_label (state));
  return g_strdup (helder_review_state_to_label (state));
}

static const char style[] =
  "body{font-family:system-ui,sans-serif;line-height:1.5;max-width:60rem;margin:0 auto;"
  "padding:1rem;color:#1a1a1a;background:#fff}"
  "table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #767676;"
  "padding:.25rem .5rem;text-align:left;vertical-align:top}"
  "blockquote{margin:.5rem 0;padding:.25rem .75rem;border-left:4px solid #1d5f8a;background:#f2f6f9}"
  ".thread{border:1px solid #767676;border-radius:4px;padding:.5rem 1rem;margin:1rem 0}"
  ".meta{color:#4d4d4d}"
  "@media (prefers-color-scheme:dark){body{background:#1b1b1b;color:#f0f0f0}"
  "blockquote{background:#263440}.meta{color:#c8c8c8}}";

static void
append_thread_html (GString                 *out,
                    const HelderReviewPlace *place)
{
  const HelderReviewThread *thread = place->thread;
  g_autofree char *where = place_to_string (place);

  g_string_append (out, "<article class=\"thread\">\n<p class=\"meta\">");
  helder_markup_append_escaped (out, thread->status == HELDER_REVIEW_STATUS_OPEN ? _("Open") : _("Resolved"));
  g_string_append (out, " · ");
  /* Translators: where the passage stands: line:column, or "orphaned" */
  g_string_append_printf (out, _("place: %s"), where);
  g_string_append (out, "</p>\n<blockquote>");
  helder_markup_append_escaped (out, thread->quote.exact);
  g_string_append (out, "</blockquote>\n");

  if (thread->suggestion != NULL)
    {
      g_string_append (out, "<p>");
      helder_markup_append_escaped (out, _("Suggestion:"));
      g_string_append (out, " <ins>");
      helder_markup_append_escaped (out, thread->suggestion);
      g_string_append (out, "</ins>");
      if (thread->outcome == HELDER_SUGGESTION_ACCEPTED)
        g_string_append_printf (out, " (%s)", _("accepted"));
      else if (thread->outcome == HELDER_SUGGESTION_REJECTED)
        g_string_append_printf (out, " (%s)", _("rejected"));
      g_string_append (out, "</p>\n");
    }

  g_string_append (out, "<ol>\n");
  for (guint i = 0; i < thread->comments->len; i++)
    {
      const HelderReviewComment *comment = g_ptr_array_index (thread->comments, i);

      g_string_append (out, "<li><p class=\"meta\">");
      helder_markup_append_escaped (out, comment->author);
      g_string_append (out, " (");
      helder_markup_append_escaped (out, helder_review_role_to_label (comment->role));
      g_string_append (out, "), <time datetime=\"");
      helder_markup_append_escaped (out, comment->time);
      g_string_append (out, "\">");
      helder_markup_append_escaped (out, comment->time);
      g_string_append (out, "</time></p><p>");
      helder_markup_append_escaped (out, comment->text);
      g_string_append (out, "</p></li>\n");
    }
  g_string_append (out, "</ol>\n</article>\n");
}

/**
 * helder_review_report_html:
 *
 * Returns: (transfer full): one self-contained HTML file: per page its
 *   state per role and its threads, with every author text escaped.
 */
char *
helder_review_report_html (HelderCourse *course,
                           HelderReview *review)
{
  g_autoptr(GArray) places = NULL;
  g_autofree char *title = NULL;
  GString *out;
  guint next = 0;

  g_return_val_if_fail (HELDER_IS_COURSE (course), NULL);
  g_return_val_if_fail (review != NULL, NULL);

  places = helder_review_place_threads (course, review);
  title = g_strdup_printf (_("Review report: %s"), helder_course_get_title (course));
  out = g_string_new (NULL);

  helder_markup_append_report_head (out, title, style);

  for (HelderPageIter iter = helder_course_iter_pages (course); helder_page_iter_next (&iter);)
    {
      HelderPage *page = iter.page;
      const char *file = helder_page_get_file (page);
      HelderReviewPage *entry = helder_review_find_page (review, file);

      g_string_append (out, "<section>\n<h2>");
      helder_markup_append_escaped (out, helder_page_get_title (page));
      g_string_append (out, "</h2>\n<p class=\"meta\"><code>");
      helder_markup_append_escaped (out, file);
      g_string_append (out, "</code> · ");
      g_string_append_printf (out, _("review round %u"), entry != NULL ? entry->round : 0);
      g_string_append (out, "</p>\n<table><caption>");
      helder_markup_append_escaped (out, _("State per role"));
      g_string_append (out, "</caption><thead><tr><th scope=\"col\">");
      helder_markup_append_escaped (out, _("Role"));
      g_string_append (out, "</th><th scope=\"col\">");
      helder_markup_append_escaped (out, _("State"));
      g_string_append (out, "</th><th scope=\"col\">");
      helder_markup_append_escaped (out, _("By"));
      g_string_append (out, "</th></tr></thead><tbody>\n");
      for (guint r = 0; r < HELDER_N_REVIEW_ROLES; r++)
        {
          g_autofree char *state = state_text (review, page, r);

          g_string_append (out, "<tr><th scope=\"row\">");
          helder_markup_append_escaped (out, helder_review_role_to_label (r));
          g_string_append (out, "</th><td>");
          helder_markup_append_escaped (out, state);
          g_string_append (out, "</td><td>");
          if (entry != NULL && entry->roles[r].author != NULL)
            {
              helder_markup_append_escaped (out, entry->roles[r].author);
              g_string_append (out, ", ");
              helder_markup_append_escaped (out, entry->roles[r].time);
            }
          g_string_append (out, "</td></tr>\n");
        }
      g_string_append (out, "</tbody></table>\n");

      for (; next < places->len; next++)
        {
          const HelderReviewPlace *place = &g_array_index (places, HelderReviewPlace, next);

          if (place->page != page)
            break;
          append_thread_html (out, place);
        }
      g_string_append (out, "</section>\n");
    }

  /* Threads on pages the course no longer has come last, never dropped. */
  if (next < places->len)
    {
      g_string_append (out, "<section>\n<h2>");
      helder_markup_append_escaped (out, _("Threads on pages that are no longer in the course"));
      g_string_append (out, "</h2>\n");
      for (; next < places->len; next++)
        {
          const HelderReviewPlace *place = &g_array_index (places, HelderReviewPlace, next);

          g_string_append (out, "<p class=\"meta\"><code>");
          helder_markup_append_escaped (out, place->thread->page);
          g_string_append (out, "</code></p>\n");
          append_thread_html (out, place);
        }
      g_string_append (out, "</section>\n");
    }

  g_string_append (out, "</main></body></html>\n");
  return g_string_free (out, FALSE);
}

#define N_CSV_COLUMNS (8 + HELDER_N_REVIEW_ROLES + 4)

/* Appends the rows of one thread (one per comment) of the page @file, or
 * one row for a page without threads when @place is %NULL.
 */
static void
append_csv_rows (GString                  *out,
                 const char               *file,
                 const char               *title,
                 const char               *round,
                 char                    **states,
                 const HelderReviewPlace  *place)
{
  g_autofree char *where = place != NULL ? place_to_string (place) : NULL;
  guint n_comments = place != NULL ? MAX (1u, place->thread->comments->len) : 1u;

  for (guint c = 0; c < n_comments; c++)
    {
      const HelderReviewComment *comment =
        place != NULL && c < place->thread->comments->len
          ? g_ptr_array_index (place->thread->comments, c) : NULL;
      const char *row[N_CSV_COLUMNS] = { NULL };
      guint k = 0;

      row[k++] = file;
      row[k++] = title;
      row[k++] = round;
      for (guint r = 0; r < HELDER_N_REVIEW_ROLES; r++)
        row[k++] = states != NULL ? states[r] : NULL;
      if (place != NULL)
        {
          row[k++] = place->thread->id;
          row[k++] = helder_review_status_to_string (place->thread->status);
          row[k++] = where;
          row[k++] = place->thread->quote.exact;
          row[k++] = place->thread->suggestion;
        }
      else
        k += 5;
      if (comment != NULL)
        {
          row[k++] = comment->author;
          row[k++] = helder_review_role_to_string (comment->role);
          row[k++] = comment->time;
          row[k++] = comment->text;
        }
      helder_csv_append_row (out, row, N_CSV_COLUMNS);
    }
}

/**
 * helder_review_report_csv:
 *
 * Returns: (transfer full): the report as CSV: one row per comment (and
 *   one per page without threads), with the page, its round, the state
 *   per role, the thread's status, place, quote and suggestion. Threads
 *   on pages the course no longer has come last, never dropped.
 */
char *
helder_review_report_csv (HelderCourse *course,
                          HelderReview *review)
{
  g_autoptr(GArray) places = NULL;
  GString *out;
  const char *header[N_CSV_COLUMNS];
  guint n = 0;

  g_return_val_if_fail (HELDER_IS_COURSE (course), NULL);
  g_return_val_if_fail (review != NULL, NULL);

  places = helder_review_place_threads (course, review);
  out = g_string_new (NULL);

  header[n++] = _("Page");
  header[n++] = _("Title");
  header[n++] = _("Round");
  for (guint r = 0; r < HELDER_N_REVIEW_ROLES; r++)
    header[n++] = helder_review_role_to_label (r);
  header[n++] = _("Thread");
  header[n++] = _("Status");
  header[n++] = _("Place");
  header[n++] = _("Quote");
  header[n++] = _("Suggestion");
  header[n++] = _("Author");
  header[n++] = _("Role");
  header[n++] = _("Time");
  header[n++] = _("Comment");
  g_assert (n == G_N_ELEMENTS (header));
  helder_csv_append_row (out, header, n);

  for (HelderPageIter iter = helder_course_iter_pages (course); helder_page_iter_next (&iter);)
    {
      HelderPage *page = iter.page;
      const char *file = helder_page_get_file (page);
      HelderReviewPage *entry = helder_review_find_page (review, file);
      g_autofree char *round = g_strdup_printf ("%u", entry != NULL ? entry->round : 0);
      char *states[HELDER_N_REVIEW_ROLES] = { NULL };
      gboolean any = FALSE;

      for (guint r = 0; r < HELDER_N_REVIEW_ROLES; r++)
        states[r] = state_text (review, page, r);

      for (guint i = 0; i < places->len; i++)
        {
          const HelderReviewPlace *place = &g_array_index (places, HelderReviewPlace, i);

          if (place->page != page)
            continue;
          append_csv_rows (out, file, helder_page_get_title (page), round, states, place);
          any = TRUE;
        }
      if (!any)
        append_csv_rows (out, file, helder_page_get_title (page), round, states, NULL);

      for (guint r = 0; r < HELDER_N_REVIEW_ROLES; r++)
        g_free (states[r]);
    }

  for (guint i = 0; i < places->len; i++)
    {
      const HelderReviewPlace *place = &g_array_index (places, HelderReviewPlace, i);
      HelderReviewPage *entry;
      g_autofree char *round = NULL;

      if (place->page != NULL)
        continue;
      entry = helder_review_find_page (review, place->thread->page);
      round = g_strdup_printf ("%u", entry != NULL ? entry->round : 0);
      append_csv_rows (out, place->thread->page, _("(no longer in the course)"), round, NULL,
                       place);
    }

  return g_string_free (out, FALSE);
}
