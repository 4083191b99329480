/* helder-word-diff.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-word-diff"

#include "config.h"

#include <string.h>

#include "helder-word-diff.h"

typedef struct
{
  const char *start;
  gsize       length;
} Token;

typedef enum
{
  TOKEN_SPACE,
  TOKEN_WORD,
  TOKEN_MARK,
} TokenClass;

static TokenClass
classify (gunichar c)
{
  if (g_unichar_isspace (c))
    return TOKEN_SPACE;
  if (g_unichar_isalnum (c) || g_unichar_ismark (c) || c == '-' || c == '\'')
    return TOKEN_WORD;
  return TOKEN_MARK;
}

/* Words, runs of white space, and each punctuation mark on its own, so
 * that a changed comma does not mark the word before it as changed.
 */
static GArray *
tokenize (const char *text)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  const char *p = text;

  while (*p != '\0')
    {
      TokenClass class = classify (g_utf8_get_char (p));
      const char *end = g_utf8_next_char (p);
      Token token;

      if (class != TOKEN_MARK)
        while (*end != '\0' && classify (g_utf8_get_char (end)) == class)
          end = g_utf8_next_char (end);

      token.start = p;
      token.length = end - p;
      g_array_append_val (tokens, token);
      p = end;
    }

  return tokens;
}

static gboolean
tokens_equal (const Token *a,
              const Token *b)
{
  return a->length == b->length && memcmp (a->start, b->start, a->length) == 0;
}

static void
segment_free (gpointer data)
{
  HelderDiffSegment *segment = data;

  g_free (segment->text);
  g_free (segment);
}

static HelderDiffSegment *
segment_new (HelderDiffKind  kind,
             char           *text)
{
  HelderDiffSegment *segment = g_new0 (HelderDiffSegment, 1);

  segment->kind = kind;
  segment->text = text;
  return segment;
}

/* Adds a token to the list, joining it to the last segment when that is
 * of the same kind.
 */
static void
emit (GPtrArray      *segments,
      GString        *pending,
      HelderDiffKind *pending_kind,
      HelderDiffKind  kind,
      const Token    *token)
{
  if (pending->len > 0 && *pending_kind != kind)
    {
      g_ptr_array_add (segments, segment_new (*pending_kind, g_strndup (pending->str, pending->len)));
      g_string_truncate (pending, 0);
    }
  *pending_kind = kind;
  g_string_append_len (pending, token->start, token->length);
}

/* Myers' O((N+M)D) difference algorithm over the tokens between the
 * shared head and tail. trace[d] keeps the furthest x reached on each
 * diagonal k (-d..d) before step d, which is what the walk back needs.
 */
static void
diff_middle (const Token    *a,
             gint            n,
             const Token    *b,
             gint            m,
             GPtrArray      *segments,
             GString        *pending,
             HelderDiffKind *pending_kind)
{
  g_autoptr(GPtrArray) trace = g_ptr_array_new_with_free_func (g_free);
  g_autofree gint *v = g_new0 (gint, 2 * (n + m) + 3);
  g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (gint) * 3);
  gint offset = n + m + 1;
  gint x;
  gint y;
  gint d;

  for (d = 0; d <= n + m; d++)
    {
      gboolean done = FALSE;

      g_ptr_array_add (trace, g_memdup2 (v + offset - d, sizeof (gint) * (2 * d + 1)));

      for (gint k = -d; k <= d; k += 2)
        {
          if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
            x = v[offset + k + 1];
          else
            x = v[offset + k - 1] + 1;
          y = x - k;
          while (x < n && y < m && tokens_equal (&a[x], &b[y]))
            x++, y++;
          v[offset + k] = x;
          if (x >= n && y >= m)
            {
              done = TRUE;
              break;
            }
        }
      if (done)
        break;
    }

  /* Walk back from the end, collecting the edits in reverse. */
  x = n;
  y = m;
  for (; d >= 0; d--)
    {
      const gint *snapshot = g_ptr_array_index (trace, d);
      gint k = x - y;
      gint previous_k;
      gint previous_x;
      gint previous_y;

#define AT(kk) (snapshot[(kk) + d])
      if (k == -d || (k != d && AT (k - 1) < AT (k + 1)))
        previous_k = k + 1;
      else
        previous_k = k - 1;
#undef AT
      previous_x = d > 0 ? snapshot[previous_k + d] : 0;
      previous_y = d > 0 ? previous_x - previous_k : 0;

      while (x > previous_x && y > previous_y)
        {
          gint edit[3] = { HELDER_DIFF_EQUAL, x - 1, y - 1 };

          g_array_append_val (edits, edit);
          x--, y--;
        }
      if (d > 0)
        {
          gint edit[3];

          if (x == previous_x)
            {
              edit[0] = HELDER_DIFF_INSERT;
              edit[1] = previous_x;
              edit[2] = previous_y;
            }
          else
            {
              edit[0] = HELDER_DIFF_DELETE;
              edit[1] = previous_x;
              edit[2] = previous_y;
            }
          g_array_append_val (edits, edit);
        }
      x = previous_x;
      y = previous_y;
    }

  for (guint i = edits->len; i > 0; i--)
    {
      const gint *edit = &g_array_index (edits, gint, (i - 1) * 3);

      if (edit[0] == HELDER_DIFF_INSERT)
        emit (segments, pending, pending_kind, HELDER_DIFF_INSERT, &b[edit[2]]);
      else
        emit (segments, pending, pending_kind, (HelderDiffKind) edit[0], &a[edit[1]]);
    }
}

static gboolean
is_space (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* A reader wants "[-Je moet -]{+Vul +}", not "[-Je-]{+Vul+} [-moet -]":
 * the spaces that happen to be shared between changed words are taken
 * into the change, and each run of changes becomes one deletion followed
 * by one insertion.
 */
static GPtrArray *
join_changes (GPtrArray *segments)
{
  GPtrArray *joined = g_ptr_array_new_with_free_func (segment_free);
  guint i = 0;

  while (i < segments->len)
    {
      HelderDiffSegment *segment = g_ptr_array_index (segments, i);
      g_autoptr(GString) deleted = NULL;
      g_autoptr(GString) inserted = NULL;

      if (segment->kind == HELDER_DIFF_EQUAL)
        {
          g_ptr_array_add (joined, segment_new (HELDER_DIFF_EQUAL, g_steal_pointer (&segment->text)));
          i++;
          continue;
        }

      deleted = g_string_new (NULL);
      inserted = g_string_new (NULL);
      for (; i < segments->len; i++)
        {
          segment = g_ptr_array_index (segments, i);
          if (segment->kind == HELDER_DIFF_EQUAL &&
              (i + 1 == segments->len || !is_space (segment->text)))
            break;
          if (segment->kind != HELDER_DIFF_INSERT)
            g_string_append (deleted, segment->text);
          if (segment->kind != HELDER_DIFF_DELETE)
            g_string_append (inserted, segment->text);
        }

      if (deleted->len > 0)
        g_ptr_array_add (joined, segment_new (HELDER_DIFF_DELETE, g_strndup (deleted->str, deleted->len)));
      if (inserted->len > 0)
        g_ptr_array_add (joined, segment_new (HELDER_DIFF_INSERT, g_strndup (inserted->str, inserted->len)));
    }

  g_ptr_array_unref (segments);
  return joined;
}

/**
 * helder_word_diff:
 *
 * Compares two texts word by word.
 *
 * Returns: (transfer container) (element-type HelderDiffSegment): the
 *   segments that, read in order, give the old text (EQUAL and DELETE) and
 *   the new text (EQUAL and INSERT). Neighbouring segments differ in kind.
 */
GPtrArray *
helder_word_diff (const char *old_text,
                  const char *new_text)
{
  g_autoptr(GArray) a = NULL;
  g_autoptr(GArray) b = NULL;
  g_autoptr(GString) pending = g_string_new (NULL);
  HelderDiffKind pending_kind = HELDER_DIFF_EQUAL;
  GPtrArray *segments;
  guint head = 0;
  guint tail = 0;

  g_return_val_if_fail (old_text != NULL, NULL);
  g_return_val_if_fail (new_text != NULL, NULL);

  a = tokenize (old_text);
  b = tokenize (new_text);
  segments = g_ptr_array_new_with_free_func (segment_free);

  while (head < a->len && head < b->len &&
         tokens_equal (&g_array_index (a, Token, head), &g_array_index (b, Token, head)))
    emit (segments, pending, &pending_kind, HELDER_DIFF_EQUAL, &g_array_index (a, Token, head++));

  while (tail < a->len - head && tail < b->len - head &&
         tokens_equal (&g_array_index (a, Token, a->len - 1 - tail),
                       &g_array_index (b, Token, b->len - 1 - tail)))
    tail++;

  diff_middle (&g_array_index (a, Token, head), (gint) (a->len - head - tail),
               &g_array_index (b, Token, head), (gint) (b->len - head - tail),
               segments, pending, &pending_kind);

  for (guint i = a->len - tail; i < a->len; i++)
    emit (segments, pending, &pending_kind, HELDER_DIFF_EQUAL, &g_array_index (a, Token, i));

  if (pending->len > 0)
    g_ptr_array_add (segments, segment_new (pending_kind, g_strndup (pending->str, pending->len)));

  return join_changes (segments);
}

/* The segments as plain text, the way `git diff --word-diff=plain` shows
 * them: [-removed-] and {+added+}.
 */
char *
helder_word_diff_render (GPtrArray *segments)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (segments != NULL, NULL);

  for (guint i = 0; i < segments->len; i++)
    {
      const HelderDiffSegment *segment = g_ptr_array_index (segments, i);

      switch (segment->kind)
        {
        case HELDER_DIFF_EQUAL:
          g_string_append (out, segment->text);
          break;
        case HELDER_DIFF_DELETE:
          g_string_append_printf (out, "[-%s-]", segment->text);
          break;
        case HELDER_DIFF_INSERT:
          g_string_append_printf (out, "{+%s+}", segment->text);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return g_string_free (out, FALSE);
}
