/* helder-line-map.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-line-map"

#include "config.h"

#include "helder-line-map.h"

struct _HelderLineMap
{
  const char *text;
  gsize       length;
  GArray     *starts; /* gsize: byte offset of each line's first byte */
};

/* The map keeps a pointer to @text, which must outlive it. */
HelderLineMap *
helder_line_map_new (const char *text,
                     gsize       length)
{
  HelderLineMap *self;
  gsize zero = 0;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  self = g_new0 (HelderLineMap, 1);
  self->text = text;
  self->length = length;
  self->starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_array_append_val (self->starts, zero);

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '\n')
        {
          gsize next = i + 1;

          g_array_append_val (self->starts, next);
        }
    }

  return self;
}

/* Frees @self. */
void
helder_line_map_free (HelderLineMap *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->starts);
  g_free (self);
}

/* The number of lines of the text. */
guint
helder_line_map_get_n_lines (const HelderLineMap *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->starts->len;
}

/* The byte offset where the 1-based @line starts. */
gsize
helder_line_map_line_start (const HelderLineMap *self,
                            guint                line)
{
  g_return_val_if_fail (self != NULL, 0);

  if (line == 0)
    return 0;
  if (line > self->starts->len)
    return self->length;

  return g_array_index (self->starts, gsize, line - 1);
}

/* The offset of the line's '\n' (or of the text's end), so the line's text
 * without its terminator is [line_start, line_end).
 */
gsize
helder_line_map_line_end (const HelderLineMap *self,
                          guint                line)
{
  gsize end;

  g_return_val_if_fail (self != NULL, 0);

  if (line == 0 || line >= self->starts->len)
    end = self->length;
  else
    end = g_array_index (self->starts, gsize, line) - 1;

  if (end > 0 && end <= self->length && end > helder_line_map_line_start (self, line) &&
      self->text[end - 1] == '\r')
    end--;

  return end;
}

/* The 1-based line and character column of the byte @offset. */
void
helder_line_map_locate (const HelderLineMap *self,
                        gsize                offset,
                        guint               *line,
                        guint               *column)
{
  guint lo = 0;
  guint hi;
  gsize start;

  g_return_if_fail (self != NULL);

  offset = MIN (offset, self->length);
  hi = self->starts->len - 1;

  while (lo < hi)
    {
      guint mid = (lo + hi + 1) / 2;

      if (g_array_index (self->starts, gsize, mid) <= offset)
        lo = mid;
      else
        hi = mid - 1;
    }

  start = g_array_index (self->starts, gsize, lo);

  if (line != NULL)
    *line = lo + 1;
  if (column != NULL)
    {
      const char *p = self->text + start;
      const char *stop = self->text + offset;
      guint n = 1;

      /* Columns count characters, as editors show them; a broken UTF-8
       * sequence counts one column per byte.
       */
      while (p < stop)
        {
          gunichar c = g_utf8_get_char_validated (p, stop - p);

          if (c == (gunichar) -1 || c == (gunichar) -2)
            p++;
          else
            p = g_utf8_next_char (p);
          n++;
        }

      *column = n;
    }
}

/* From a 1-based line and a 1-based byte column (as cmark reports them) to
 * a byte offset.
 */
gsize
helder_line_map_offset (const HelderLineMap *self,
                        guint                line,
                        guint                byte_column)
{
  gsize start;

  g_return_val_if_fail (self != NULL, 0);

  start = helder_line_map_line_start (self, line);
  if (byte_column > 0)
    start += byte_column - 1;

  return MIN (start, self->length);
}
