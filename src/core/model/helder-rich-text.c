/* helder-rich-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-rich-text"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include <cmark.h>

#include "helder-html-markdown.h"
#include "helder-rich-text.h"

G_DEFINE_QUARK (helder-rich-text-error-quark, helder_rich_text_error)

HelderRichRun *
helder_rich_run_new (const char     *text,
                     HelderRunStyle  style,
                     const char     *url)
{
  HelderRichRun *self = g_new0 (HelderRichRun, 1);

  self->text = g_strdup (text != NULL ? text : "");
  self->style = style;
  self->url = g_strdup (url);

  return self;
}

void
helder_rich_run_free (HelderRichRun *self)
{
  if (self == NULL)
    return;

  g_free (self->text);
  g_free (self->url);
  g_free (self);
}

HelderRichParagraph *
helder_rich_paragraph_new (HelderParagraphKind kind,
                           guint               level)
{
  HelderRichParagraph *self = g_new0 (HelderRichParagraph, 1);

  self->kind = kind;
  self->level = level;
  self->runs = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_rich_run_free);

  return self;
}

void
helder_rich_paragraph_free (HelderRichParagraph *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->runs);
  g_free (self);
}

HelderRichText *
helder_rich_text_new (void)
{
  HelderRichText *self = g_new0 (HelderRichText, 1);

  self->paragraphs = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_rich_paragraph_free);

  return self;
}

void
helder_rich_text_free (HelderRichText *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->paragraphs);
  g_free (self);
}

/* Reading */

typedef struct
{
  HelderRichText *text;
  GError        **error;
} Reader;

static gboolean
unsupported (Reader     *reader,
             cmark_node *node,
             const char *what)
{
  g_set_error (reader->error, HELDER_RICH_TEXT_ERROR, HELDER_RICH_TEXT_ERROR_UNSUPPORTED,
               /* Translators: %s is what the text holds, e.g. "a table"; %d a line number. */
               _("The text on line %d holds %s, which the editor cannot show; edit it as source."),
               cmark_node_get_start_line (node), what);
  return FALSE;
}

static void
add_run (HelderRichParagraph *paragraph,
         const char          *text,
         HelderRunStyle       style,
         const char          *url)
{
  HelderRichRun *last = paragraph->runs->len > 0
                        ? g_ptr_array_index (paragraph->runs, paragraph->runs->len - 1) : NULL;

  if (*text == '\0')
    return;

  /* Neighbours in the same style are one run. */
  if (last != NULL && last->style == style && g_strcmp0 (last->url, url) == 0)
    {
      char *joined = g_strconcat (last->text, text, NULL);

      g_free (last->text);
      last->text = joined;
      return;
    }

  g_ptr_array_add (paragraph->runs, helder_rich_run_new (text, style, url));
}

static gboolean
read_inlines (Reader              *reader,
              cmark_node          *parent,
              HelderRichParagraph *paragraph,
              HelderRunStyle       style,
              const char          *url)
{
  for (cmark_node *node = cmark_node_first_child (parent); node != NULL;
       node = cmark_node_next (node))
    {
      const char *title;

      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_TEXT:
          add_run (paragraph, cmark_node_get_literal (node), style, url);
          break;
        case CMARK_NODE_SOFTBREAK:
          add_run (paragraph, " ", style, url);
          break;
        case CMARK_NODE_LINEBREAK:
          add_run (paragraph, "\n", style & ~HELDER_RUN_CODE, url);
          break;
        case CMARK_NODE_CODE:
          add_run (paragraph, cmark_node_get_literal (node), style | HELDER_RUN_CODE, url);
          break;
        case CMARK_NODE_EMPH:
          if (!read_inlines (reader, node, paragraph, style | HELDER_RUN_ITALIC, url))
            return FALSE;
          break;
        case CMARK_NODE_STRONG:
          if (!read_inlines (reader, node, paragraph, style | HELDER_RUN_BOLD, url))
            return FALSE;
          break;
        case CMARK_NODE_LINK:
          title = cmark_node_get_title (node);
          if (url != NULL || (title != NULL && *title != '\0'))
            return unsupported (reader, node, _("a link with a title"));
          if (!read_inlines (reader, node, paragraph, style, cmark_node_get_url (node)))
            return FALSE;
          break;
        case CMARK_NODE_IMAGE:
          return unsupported (reader, node, _("an image"));
        case CMARK_NODE_HTML_INLINE:
        case CMARK_NODE_CUSTOM_INLINE:
          return unsupported (reader, node, _("HTML"));
        case CMARK_NODE_NONE:
        case CMARK_NODE_DOCUMENT:
        case CMARK_NODE_BLOCK_QUOTE:
        case CMARK_NODE_LIST:
        case CMARK_NODE_ITEM:
        case CMARK_NODE_CODE_BLOCK:
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_CUSTOM_BLOCK:
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HEADING:
        case CMARK_NODE_THEMATIC_BREAK:
        default:
          return unsupported (reader, node, _("a block inside text"));
        }
    }

  return TRUE;
}

static gboolean
read_paragraph (Reader              *reader,
                cmark_node          *node,
                HelderParagraphKind  kind,
                guint                level)
{
  HelderRichParagraph *paragraph = helder_rich_paragraph_new (kind, level);

  g_ptr_array_add (reader->text->paragraphs, paragraph);

  return read_inlines (reader, node, paragraph, 0, NULL);
}

static gboolean
read_list (Reader     *reader,
           cmark_node *list,
           guint       level)
{
  gboolean numbered = cmark_node_get_list_type (list) == CMARK_ORDERED_LIST;
  HelderParagraphKind kind = numbered ? HELDER_PARAGRAPH_NUMBER : HELDER_PARAGRAPH_BULLET;

  if (numbered && cmark_node_get_list_start (list) != 1)
    return unsupported (reader, list, _("a numbered list that does not start at 1"));

  for (cmark_node *item = cmark_node_first_child (list); item != NULL; item = cmark_node_next (item))
    {
      cmark_node *child = cmark_node_first_child (item);

      if (child == NULL || cmark_node_get_type (child) != CMARK_NODE_PARAGRAPH)
        {
          if (child != NULL)
            return unsupported (reader, child, _("a list item that does not start with text"));
          g_ptr_array_add (reader->text->paragraphs, helder_rich_paragraph_new (kind, level));
          continue;
        }

      if (!read_paragraph (reader, child, kind, level))
        return FALSE;

      for (child = cmark_node_next (child); child != NULL; child = cmark_node_next (child))
        {
          if (cmark_node_get_type (child) != CMARK_NODE_LIST)
            return unsupported (reader, child, _("a list item with more than one paragraph"));
          if (!read_list (reader, child, level + 1))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
read_blocks (Reader     *reader,
             cmark_node *document)
{
  cmark_node_type previous = CMARK_NODE_NONE;

  for (cmark_node *node = cmark_node_first_child (document); node != NULL;
       node = cmark_node_next (node))
    {
      cmark_node_type type = cmark_node_get_type (node);

      switch (type)
        {
        case CMARK_NODE_PARAGRAPH:
          if (!read_paragraph (reader, node, HELDER_PARAGRAPH_TEXT, 0))
            return FALSE;
          break;
        case CMARK_NODE_HEADING:
          if (!read_paragraph (reader, node, HELDER_PARAGRAPH_HEADING,
                               cmark_node_get_heading_level (node)))
            return FALSE;
          break;
        case CMARK_NODE_LIST:
          /* Two lists of one kind in a row would be written back as one. */
          if (previous == CMARK_NODE_LIST
              && cmark_node_get_list_type (cmark_node_previous (node)) == cmark_node_get_list_type (node))
            return unsupported (reader, node, _("two lists in a row"));
          if (!read_list (reader, node, 1))
            return FALSE;
          break;
        case CMARK_NODE_BLOCK_QUOTE:
          if (previous == CMARK_NODE_BLOCK_QUOTE)
            return unsupported (reader, node, _("two quotes in a row"));
          for (cmark_node *child = cmark_node_first_child (node); child != NULL;
               child = cmark_node_next (child))
            {
              if (cmark_node_get_type (child) != CMARK_NODE_PARAGRAPH)
                return unsupported (reader, child, _("a quote with more than text"));
              if (!read_paragraph (reader, child, HELDER_PARAGRAPH_QUOTE, 0))
                return FALSE;
            }
          break;
        case CMARK_NODE_CODE_BLOCK:
          return unsupported (reader, node, _("a code block"));
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_CUSTOM_BLOCK:
          return unsupported (reader, node, _("HTML"));
        case CMARK_NODE_THEMATIC_BREAK:
          return unsupported (reader, node, _("a line across the page"));
        case CMARK_NODE_NONE:
        case CMARK_NODE_DOCUMENT:
        case CMARK_NODE_ITEM:
        case CMARK_NODE_TEXT:
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
        case CMARK_NODE_CODE:
        case CMARK_NODE_HTML_INLINE:
        case CMARK_NODE_CUSTOM_INLINE:
        case CMARK_NODE_EMPH:
        case CMARK_NODE_STRONG:
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
        default:
          return unsupported (reader, node, _("an unknown part"));
        }

      previous = type;
    }

  return TRUE;
}

HelderRichText *
helder_rich_text_parse (const char  *markdown,
                        gssize       length,
                        GError     **error)
{
  g_autoptr(HelderRichText) text = helder_rich_text_new ();
  Reader reader = { text, error };
  cmark_node *document;
  gboolean ok;

  g_return_val_if_fail (markdown != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (markdown);

  document = cmark_parse_document (markdown != NULL ? markdown : "", length, CMARK_OPT_DEFAULT);
  ok = read_blocks (&reader, document);
  cmark_node_free (document);

  return ok ? g_steal_pointer (&text) : NULL;
}

/* Writing */

typedef struct
{
  GString        *line;     /* the paragraph's inline CommonMark */
  HelderRunStyle  open;     /* bold and italic, open in `line` */
  gboolean        link_open;
  const char     *open_url;
  GString        *pending;  /* spaces, written before the next visible text */
} Writer;

static void
close_marks (Writer         *writer,
             HelderRunStyle  keep,
             const char     *url)
{
  gboolean close_link = writer->link_open && g_strcmp0 (url, writer->open_url) != 0;

  /* Marks nest link > bold > italic: closing an outer one closes the
   * inner ones too, and a link opens only outside them.
   */
  if (close_link || (url != NULL && !writer->link_open))
    keep = 0;
  if (!(keep & HELDER_RUN_BOLD))
    keep &= ~HELDER_RUN_ITALIC;

  if ((writer->open & HELDER_RUN_ITALIC) && !(keep & HELDER_RUN_ITALIC))
    g_string_append_c (writer->line, '*');
  if ((writer->open & HELDER_RUN_BOLD) && !(keep & HELDER_RUN_BOLD))
    g_string_append (writer->line, "**");
  writer->open &= keep;

  if (close_link)
    {
      g_string_append (writer->line, "](");
      helder_commonmark_append_link_destination (writer->line, writer->open_url);
      g_string_append_c (writer->line, ')');
      writer->link_open = FALSE;
      writer->open_url = NULL;
    }
}

static void
open_marks (Writer         *writer,
            HelderRunStyle  style,
            const char     *url)
{
  if (url != NULL && !writer->link_open)
    {
      g_string_append_c (writer->line, '[');
      writer->link_open = TRUE;
      writer->open_url = url;
    }
  if ((style & HELDER_RUN_BOLD) && !(writer->open & HELDER_RUN_BOLD))
    g_string_append (writer->line, "**");
  if ((style & HELDER_RUN_ITALIC) && !(writer->open & HELDER_RUN_ITALIC))
    g_string_append_c (writer->line, '*');
  writer->open |= style & (HELDER_RUN_BOLD | HELDER_RUN_ITALIC);
}

/* Writes one stretch of visible text, without spaces at either end. */
static void
write_visible (Writer              *writer,
               const HelderRichRun *run,
               const char          *start,
               const char          *end)
{
  g_autofree char *piece = g_strndup (start, end - start);

  close_marks (writer, run->style, run->url);
  g_string_append_len (writer->line, writer->pending->str, writer->pending->len);
  g_string_truncate (writer->pending, 0);
  open_marks (writer, run->style, run->url);

  if (run->style & HELDER_RUN_CODE)
    {
      g_strdelimit (piece, "\n", ' ');
      helder_commonmark_append_code_span (writer->line, piece);
      return;
    }

  for (const char *p = piece; *p != '\0';)
    p = helder_commonmark_escape_char (writer->line, p);
}

static void
write_run (Writer              *writer,
           const HelderRichRun *run)
{
  const char *p = run->text;

  while (*p != '\0')
    {
      const char *end = p;

      if (*p == '\n' && !(run->style & HELDER_RUN_CODE))
        {
          /* A line break: the marks close and open again on the next line. */
          close_marks (writer, 0, NULL);
          g_string_truncate (writer->pending, 0);
          g_string_append (writer->line, "\\\n");
          p++;
          continue;
        }

      if (*p == ' ' || *p == '\t')
        {
          g_string_append_c (writer->pending, ' ');
          p++;
          continue;
        }

      while (*end != '\0' && *end != '\n' && !(*end == ' ' || *end == '\t'))
        end++;
      /* Inner spaces of a run stay in the stretch. */
      while (*end == ' ' || *end == '\t')
        {
          const char *after = end;

          while (*after == ' ' || *after == '\t')
            after++;
          if (*after == '\0' || *after == '\n')
            break;
          end = after;
          while (*end != '\0' && *end != '\n' && !(*end == ' ' || *end == '\t'))
            end++;
        }

      write_visible (writer, run, p, end);
      p = end;
    }
}

static char *
dup_inline (const HelderRichParagraph *paragraph)
{
  Writer writer = { g_string_new (NULL), 0, FALSE, NULL, g_string_new (NULL) };

  for (guint i = 0; i < paragraph->runs->len; i++)
    write_run (&writer, g_ptr_array_index (paragraph->runs, i));

  close_marks (&writer, 0, NULL);
  g_string_free (writer.pending, TRUE);

  /* A break at the end of a paragraph shows nothing. */
  while (g_str_has_suffix (writer.line->str, "\\\n"))
    g_string_truncate (writer.line, writer.line->len - 2);

  return g_string_free (writer.line, FALSE);
}

static gboolean
is_item (const HelderRichParagraph *paragraph)
{
  return paragraph->kind == HELDER_PARAGRAPH_BULLET || paragraph->kind == HELDER_PARAGRAPH_NUMBER;
}

#define MAX_LEVELS 10

char *
helder_rich_text_dup_commonmark (const HelderRichText *self)
{
  GString *out = g_string_new (NULL);
  const HelderRichParagraph *previous = NULL;
  /* Per list level: the marker's width, its kind and its last number. */
  guint widths[MAX_LEVELS + 1] = { 0 };
  int kinds[MAX_LEVELS + 1];
  guint numbers[MAX_LEVELS + 1] = { 0 };
  guint depth = 0;

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i <= MAX_LEVELS; i++)
    kinds[i] = -1;

  for (guint i = 0; i < self->paragraphs->len; i++)
    {
      const HelderRichParagraph *paragraph = g_ptr_array_index (self->paragraphs, i);
      g_autofree char *body = dup_inline (paragraph);
      g_autoptr(GString) first = g_string_new (NULL);
      g_autoptr(GString) next = g_string_new (NULL);
      g_auto(GStrv) lines = NULL;

      /* Empty paragraphs vanish; an empty item stays an item. */
      if (*body == '\0' && !is_item (paragraph))
        continue;

      if (previous != NULL)
        {
          if (is_item (previous) && is_item (paragraph))
            ;
          else if (previous->kind == HELDER_PARAGRAPH_QUOTE && paragraph->kind == HELDER_PARAGRAPH_QUOTE)
            g_string_append (out, ">\n");
          else
            g_string_append_c (out, '\n');
        }

      switch (paragraph->kind)
        {
        case HELDER_PARAGRAPH_HEADING:
          {
            guint level = CLAMP (paragraph->level, 1, 6);

            for (guint j = 0; j < level; j++)
              g_string_append_c (first, '#');
            g_string_append_c (first, ' ');
            /* A heading is one line: its breaks become spaces. */
            lines = g_strsplit (body, "\\\n", -1);
            g_free (body);
            body = g_strjoinv (" ", lines);
            g_clear_pointer (&lines, g_strfreev);
          }
          break;
        case HELDER_PARAGRAPH_QUOTE:
          g_string_append (first, "> ");
          g_string_append (next, "> ");
          break;
        case HELDER_PARAGRAPH_BULLET:
        case HELDER_PARAGRAPH_NUMBER:
          {
            guint level = CLAMP (paragraph->level, 1, MIN (depth + 1, MAX_LEVELS));
            char marker[16];

            if (previous == NULL || !is_item (previous))
              for (guint j = 0; j <= MAX_LEVELS; j++)
                kinds[j] = -1;

            for (guint j = 1; j < level; j++)
              for (guint k = 0; k < widths[j]; k++)
                g_string_append_c (first, ' ');

            if (paragraph->kind == HELDER_PARAGRAPH_NUMBER)
              {
                numbers[level] = kinds[level] == HELDER_PARAGRAPH_NUMBER ? numbers[level] + 1 : 1;
                g_snprintf (marker, sizeof marker, "%u. ", numbers[level]);
              }
            else
              g_strlcpy (marker, "- ", sizeof marker);

            kinds[level] = paragraph->kind;
            widths[level] = strlen (marker);
            for (guint j = level + 1; j <= MAX_LEVELS; j++)
              kinds[j] = -1;
            depth = level;

            g_string_append (next, first->str);
            for (guint k = 0; k < widths[level]; k++)
              g_string_append_c (next, ' ');
            g_string_append (first, marker);
          }
          break;
        case HELDER_PARAGRAPH_TEXT:
        default:
          break;
        }

      if (!is_item (paragraph))
        depth = 0;

      lines = g_strsplit (body, "\n", -1);
      for (guint j = 0; lines[j] != NULL; j++)
        {
          g_autoptr(GString) line = g_string_new (j == 0 ? first->str : next->str);

          helder_commonmark_append_line (line, lines[j], strlen (lines[j]),
                                         paragraph->kind == HELDER_PARAGRAPH_HEADING);
          while (line->len > 0 && line->str[line->len - 1] == ' ')
            g_string_truncate (line, line->len - 1);
          g_string_append (out, line->str);
          g_string_append_c (out, '\n');
        }

      previous = paragraph;
    }

  return g_string_free (out, FALSE);
}
