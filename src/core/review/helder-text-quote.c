/* helder-text-quote.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-text-quote"

#include "config.h"

#include <string.h>

#include "helder-text-quote.h"

/* The fuzzy search compares every character of the quote with every
 * character of a window of the text; this many comparisons at most keep
 * it well under a millisecond for a page.
 */
#define FUZZY_CELLS 4000000

static gsize
back_chars (const char *text,
            gsize       offset,
            guint       n)
{
  while (offset > 0 && n > 0)
    {
      offset--;
      while (offset > 0 && ((guchar) text[offset] & 0xc0) == 0x80)
        offset--;
      n--;
    }
  return offset;
}

static gsize
forward_chars (const char *text,
               gsize       length,
               gsize       offset,
               guint       n)
{
  while (offset < length && n > 0)
    {
      offset++;
      while (offset < length && ((guchar) text[offset] & 0xc0) == 0x80)
        offset++;
      n--;
    }
  return offset;
}

/* Quotes @range of @text with HELDER_TEXT_QUOTE_CONTEXT characters of
 * context on each side.
 */
void
helder_text_quote_init_from_range (HelderTextQuote *quote,
                                   const char      *text,
                                   gsize            length,
                                   HelderRange      range)
{
  gsize before;
  gsize after;

  g_return_if_fail (quote != NULL);
  g_return_if_fail (text != NULL);
  g_return_if_fail (range.start <= range.end && range.end <= length);

  before = back_chars (text, range.start, HELDER_TEXT_QUOTE_CONTEXT);
  after = forward_chars (text, length, range.end, HELDER_TEXT_QUOTE_CONTEXT);

  quote->exact = g_strndup (text + range.start, range.end - range.start);
  quote->prefix = g_strndup (text + before, range.start - before);
  quote->suffix = g_strndup (text + range.end, after - range.end);
  quote->hint = range.start;
}

/* Frees what @quote holds, not @quote itself. */
void
helder_text_quote_clear (HelderTextQuote *quote)
{
  g_clear_pointer (&quote->exact, g_free);
  g_clear_pointer (&quote->prefix, g_free);
  g_clear_pointer (&quote->suffix, g_free);
  quote->hint = 0;
}

/* Copies @from into @to. */
void
helder_text_quote_copy (HelderTextQuote       *to,
                        const HelderTextQuote *from)
{
  to->exact = g_strdup (from->exact);
  to->prefix = g_strdup (from->prefix);
  to->suffix = g_strdup (from->suffix);
  to->hint = from->hint;
}

static gsize
distance (gsize a,
          gsize b)
{
  return a > b ? a - b : b - a;
}

/* How many bytes of @context's end agree with the text before @offset. */
static gsize
matching_before (const char *text,
                 gsize       offset,
                 const char *context)
{
  gsize n = context != NULL ? strlen (context) : 0;
  gsize matched = 0;

  while (matched < n && matched < offset && text[offset - matched - 1] == context[n - matched - 1])
    matched++;
  return matched;
}

/* How many bytes of @context's start agree with the text from @offset. */
static gsize
matching_after (const char *text,
                gsize       length,
                gsize       offset,
                const char *context)
{
  gsize n = context != NULL ? strlen (context) : 0;
  gsize matched = 0;

  while (matched < n && offset + matched < length && text[offset + matched] == context[matched])
    matched++;
  return matched;
}

/* Every place where the exact text stands; the one whose surroundings
 * agree most with prefix and suffix wins, then the one nearest the hint.
 */
static gboolean
anchor_exact (const HelderTextQuote *quote,
              const char            *text,
              gsize                  length,
              HelderRange           *range)
{
  gsize exact_length = strlen (quote->exact);
  gsize best_score = 0;
  gsize best_start = 0;
  gboolean found = FALSE;
  gsize from = 0;

  while (from + exact_length <= length)
    {
      const char *hit = g_strstr_len (text + from, length - from, quote->exact);
      gsize start;
      gsize score;

      if (hit == NULL)
        break;

      start = hit - text;
      score = matching_before (text, start, quote->prefix) +
              matching_after (text, length, start + exact_length, quote->suffix);

      if (!found || score > best_score ||
          (score == best_score && distance (start, quote->hint) < distance (best_start, quote->hint)))
        {
          best_score = score;
          best_start = start;
          found = TRUE;
        }

      from = forward_chars (text, length, start, 1);
    }

  if (found)
    {
      range->start = best_start;
      range->end = best_start + exact_length;
    }
  return found;
}

/* The bytes of the last (or first) @n characters of @context. */
static gsize
context_piece (const char *context,
               gboolean    tail,
               guint       n,
               const char **piece)
{
  gsize length = strlen (context);

  if (tail)
    {
      gsize start = back_chars (context, length, n);

      *piece = context + start;
      return length - start;
    }
  *piece = context;
  return forward_chars (context, length, 0, n);
}

/* Where a piece of the quote's context stands in text[from, to), the
 * occurrence whose end (@tail) or start is nearest @near.
 */
static gboolean
find_context (const char *text,
              gsize       from,
              gsize       to,
              const char *piece,
              gsize       piece_length,
              gboolean    tail,
              gsize       near,
              gsize      *found)
{
  g_autofree char *needle = g_strndup (piece, piece_length);
  gboolean any = FALSE;

  while (piece_length > 0 && from + piece_length <= to)
    {
      const char *hit = g_strstr_len (text + from, to - from, needle);
      gsize at;

      if (hit == NULL)
        break;
      at = (hit - text) + (tail ? piece_length : 0);
      if (!any || distance (at, near) < distance (*found, near))
        *found = at;
      any = TRUE;
      from = (hit - text) + 1;
    }
  return any;
}

/* An edit-distance match may leave out a changed word at the edge of the
 * passage ("ke week afval" for "Ze haalt elke week afval"), as dropping
 * it costs less than keeping it. Where the end of the prefix, or the
 * start of the suffix, still stands near the edge, it marks the edge.
 */
static void
refine_edges (const HelderTextQuote *quote,
              const char            *text,
              gsize                  length,
              HelderRange           *range)
{
  gsize span = range->end - range->start;
  const char *piece;
  gsize piece_length;
  gsize edge;

  if (quote->prefix != NULL && quote->prefix[0] != '\0')
    {
      piece_length = context_piece (quote->prefix, TRUE, 12, &piece);
      if (find_context (text, range->start > span ? range->start - span : 0,
                        MIN (range->start + span / 2, length), piece, piece_length, TRUE,
                        range->start, &edge) && edge < range->end)
        range->start = edge;
    }

  if (quote->suffix != NULL && quote->suffix[0] != '\0')
    {
      piece_length = context_piece (quote->suffix, FALSE, 12, &piece);
      if (find_context (text, range->end > span / 2 ? MAX (range->end - span / 2, range->start) : range->start,
                        MIN (range->end + span, length), piece, piece_length, FALSE,
                        range->end, &edge) && edge > range->start)
        range->end = edge;
    }
}

/* The passage of a window of the text around the hint that takes the
 * fewest character edits to turn into the quote (Sellers' approximate
 * string matching: an edit-distance table whose first row is free, so the
 * match may start anywhere). Among equally good passages the one nearest
 * the hint wins.
 */
static gboolean
anchor_fuzzy (const HelderTextQuote *quote,
              const char            *text,
              gsize                  length,
              HelderRange           *range)
{
  g_autofree gunichar *pattern = NULL;
  g_autofree guint *cost = NULL;
  g_autofree guint *origin = NULL;
  g_autoptr(GArray) offsets = NULL;
  glong m = 0;
  gsize budget;
  gsize window_start;
  gsize window_end;
  guint best_cost = G_MAXUINT;
  gsize best_start = 0;
  gsize best_end = 0;
  guint max_edits;
  guint j = 0;

  pattern = g_utf8_to_ucs4_fast (quote->exact, -1, &m);
  max_edits = (guint) (m * (1.0 - HELDER_TEXT_QUOTE_MIN_SIMILARITY));
  if (max_edits == 0)
    return FALSE;

  budget = MAX (FUZZY_CELLS / (gsize) m / 2, 2 * strlen (quote->exact));
  window_start = quote->hint > budget ? quote->hint - budget : 0;
  while (window_start > 0 && window_start < length && ((guchar) text[window_start] & 0xc0) == 0x80)
    window_start--;
  window_end = MIN (length, MIN (quote->hint, length) + budget);
  while (window_end < length && ((guchar) text[window_end] & 0xc0) == 0x80)
    window_end++;

  cost = g_new (guint, m + 1);
  origin = g_new (guint, m + 1);
  for (glong i = 0; i <= m; i++)
    {
      cost[i] = (guint) i;
      origin[i] = 0;
    }

  offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_array_append_val (offsets, window_start);

  for (const char *p = text + window_start; p < text + window_end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint diagonal = cost[0];
      guint diagonal_origin = origin[0];
      gsize next = (p - text) + (gsize) (g_utf8_next_char (p) - p);

      j++;
      g_array_append_val (offsets, next);
      cost[0] = 0;
      origin[0] = j;

      for (glong i = 1; i <= m; i++)
        {
          guint substitute = diagonal + (pattern[i - 1] == c ? 0 : 1);
          guint skip_text = cost[i] + 1;
          guint skip_quote = cost[i - 1] + 1;
          guint above = cost[i];
          guint above_origin = origin[i];

          if (substitute <= skip_text && substitute <= skip_quote)
            {
              cost[i] = substitute;
              origin[i] = diagonal_origin;
            }
          else if (skip_text <= skip_quote)
            cost[i] = skip_text;
          else
            {
              cost[i] = skip_quote;
              origin[i] = origin[i - 1];
            }

          diagonal = above;
          diagonal_origin = above_origin;
        }

      if (cost[m] <= max_edits)
        {
          gsize start = g_array_index (offsets, gsize, origin[m]);

          if (cost[m] < best_cost ||
              (cost[m] == best_cost && distance (start, quote->hint) < distance (best_start, quote->hint)))
            {
              best_cost = cost[m];
              best_start = start;
              best_end = next;
            }
        }
    }

  if (best_cost == G_MAXUINT)
    return FALSE;

  range->start = best_start;
  range->end = best_end;
  refine_edges (quote, text, length, range);
  return TRUE;
}

/**
 * helder_text_quote_anchor:
 * @range: (out): where the passage is now
 *
 * Finds the quoted passage in @text: first the exact text (where several
 * copies stand, the one whose prefix and suffix agree best, then the one
 * nearest the hint), then the passage most like it, if it is at least
 * HELDER_TEXT_QUOTE_MIN_SIMILARITY alike.
 *
 * Returns: how the passage was found, or HELDER_ANCHOR_ORPHANED.
 */
HelderAnchorMatch
helder_text_quote_anchor (const HelderTextQuote *quote,
                          const char            *text,
                          gsize                  length,
                          HelderRange           *range)
{
  g_return_val_if_fail (quote != NULL && quote->exact != NULL, HELDER_ANCHOR_ORPHANED);
  g_return_val_if_fail (text != NULL, HELDER_ANCHOR_ORPHANED);
  g_return_val_if_fail (range != NULL, HELDER_ANCHOR_ORPHANED);

  range->start = range->end = 0;
  if (quote->exact[0] == '\0')
    return HELDER_ANCHOR_ORPHANED;

  if (anchor_exact (quote, text, length, range))
    return HELDER_ANCHOR_EXACT;

  if (anchor_fuzzy (quote, text, length, range))
    return HELDER_ANCHOR_FUZZY;

  return HELDER_ANCHOR_ORPHANED;
}
