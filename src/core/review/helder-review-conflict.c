/* helder-review-conflict.c
 *
 * review.json as git leaves it after a conflicting merge: the two (or,
 * diff3 style, three) versions between the conflict markers, each read
 * with messages that name the lines of the file itself, then merged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-review-conflict"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "helder-diagnostic.h"
#include "helder-line-map.h"
#include "helder-review-conflict.h"
#include "helder-review-merge.h"
#include "helder-review-private.h"

/* git's conflict markers, when review.json was merged by git without us */

typedef struct
{
  GString *text;
  GArray  *lines; /* guint: the file's line number of each line of text */
} Side;

static void
side_add_line (Side       *side,
               const char *line,
               gsize       length,
               guint       number)
{
  g_string_append_len (side->text, line, length);
  g_array_append_val (side->lines, number);
}

gboolean
helder_review_has_conflict_markers (const char *data,
                                    gsize       length)
{
  return (length >= 8 && strncmp (data, "<<<<<<< ", 8) == 0) ||
         g_strstr_len (data, length, "\n<<<<<<< ") != NULL ||
         g_strstr_len (data, length, "\n<<<<<<<\n") != NULL;
}

/* Splits the text into what each side of the merge had: "ours" between
 * <<<<<<< and ||||||| or =======, the common base (diff3 style) between
 * ||||||| and =======, "theirs" between ======= and >>>>>>>, and every
 * line outside the markers in all three.
 */
static void
split_conflict (const char *data,
                gsize       length,
                Side        sides[3])
{
  enum { OUTSIDE, OURS, BASE, THEIRS } where = OUTSIDE;
  const char *p = data;
  const char *end = data + length;
  guint number = 0;

  while (p < end)
    {
      const char *newline = memchr (p, '\n', end - p);
      gsize line_length = newline != NULL ? (gsize) (newline - p) + 1 : (gsize) (end - p);

      number++;
      if (line_length >= 7 && strncmp (p, "<<<<<<<", 7) == 0)
        where = OURS;
      else if (where != OUTSIDE && line_length >= 7 && strncmp (p, "|||||||", 7) == 0)
        where = BASE;
      else if (where != OUTSIDE && line_length >= 7 && strncmp (p, "=======", 7) == 0)
        where = THEIRS;
      else if (where != OUTSIDE && line_length >= 7 && strncmp (p, ">>>>>>>", 7) == 0)
        where = OUTSIDE;
      else if (where == OUTSIDE)
        for (guint s = 0; s < 3; s++)
          side_add_line (&sides[s], p, line_length, number);
      else
        side_add_line (&sides[where == OURS ? 0 : where == BASE ? 1 : 2], p, line_length, number);

      p += line_length;
    }
}

/* Reads one side of a conflicted file; its messages name the lines of
 * the file itself.
 */
static HelderReview *
read_side (const Side      *side,
           HelderLineMap   *file_lines,
           GPtrArray       *diagnostics)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  g_autoptr(GBytes) bytes = g_bytes_new (side->text->str, side->text->len);
  HelderReview *review = helder_review_new ();

  helder_review_read_document (review, bytes, found);
  for (guint i = 0; i < found->len; i++)
    {
      const HelderDiagnostic *d = g_ptr_array_index (found, i);
      guint line = d->line;
      gsize start;

      if (line > 0 && line <= side->lines->len)
        line = g_array_index (side->lines, guint, line - 1);
      start = line > 0 ? helder_line_map_line_start (file_lines, line) : 0;
      g_ptr_array_add (diagnostics,
                       helder_diagnostic_new (d->file, start, start, line, d->column, d->severity,
                                              d->rule, d->message));
    }
  return review;
}

HelderReview *
helder_review_parse_conflicted (const char *data,
                                gsize       length,
                                GPtrArray  *diagnostics)
{
  g_autoptr(HelderLineMap) file_lines = helder_line_map_new (data, length);
  g_autoptr(HelderReview) ours = NULL;
  g_autoptr(HelderReview) base = NULL;
  g_autoptr(HelderReview) theirs = NULL;
  Side sides[3];
  HelderReview *merged;
  gboolean has_base;

  for (guint s = 0; s < 3; s++)
    {
      sides[s].text = g_string_new (NULL);
      sides[s].lines = g_array_new (FALSE, FALSE, sizeof (guint));
    }
  split_conflict (data, length, sides);

  /* Without a base section the base side holds only the shared lines,
   * which is no version anybody wrote.
   */
  has_base = g_strstr_len (data, length, "\n|||||||") != NULL;
  ours = read_side (&sides[0], file_lines, diagnostics);
  theirs = read_side (&sides[2], file_lines, diagnostics);
  if (has_base)
    base = read_side (&sides[1], file_lines, diagnostics);

  for (guint s = 0; s < 3; s++)
    {
      g_string_free (sides[s].text, TRUE);
      g_array_unref (sides[s].lines);
    }

  if (ours->broken || theirs->broken || (base != NULL && base->broken))
    {
      merged = helder_review_new ();
      merged->broken = TRUE;
      return merged;
    }

  merged = helder_review_merge (base, ours, theirs);
  g_ptr_array_add (diagnostics,
                   helder_diagnostic_new (HELDER_REVIEW_FILE, 0, 0, 0, 0, HELDER_SEVERITY_WARNING,
                                          "review-merged",
                                          _("review.json had git conflict markers; Helder "
                                            "merged both versions and keeps every comment: save "
                                            "the review to write the merged file")));
  return merged;
}
