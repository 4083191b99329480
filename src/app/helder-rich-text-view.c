/* helder-rich-text-view.c
 *
 * A text block edited as rich text: headings, lists and quotes as
 * paragraph styles, bold, italic, code and links as character styles,
 * never as Markdown. It reads and writes the block through
 * helder-rich-text, so the page keeps one canonical CommonMark form.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-rich-text-view"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "helder-html-markdown.h"
#include "helder-rich-text-view.h"

#define MAX_LEVEL 4

struct _HelderRichTextView
{
  GtkTextView  parent_instance;

  GtkTextTag  *marker;   /* a list item's bullet or number: shown, never written */
  gboolean     filling;
  guint        user_action;
  gboolean     pending;
  gboolean     closing;  /* telling of an edit as its user action ends */
  GtkWidget   *link_popover;
  GtkEntry    *link_entry;
  GtkTextMark *link_start;  /* the passage Ctrl+K was pressed on */
  GtkTextMark *link_end;
};

G_DEFINE_FINAL_TYPE (HelderRichTextView, helder_rich_text_view, GTK_TYPE_TEXT_VIEW)

enum {
  EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkTextBuffer *
buffer_of (HelderRichTextView *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
}

static GtkTextTag *
tag (HelderRichTextView *self,
     const char         *name)
{
  return gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer_of (self)), name);
}

static char *
paragraph_tag_name (HelderParagraphKind kind,
                    guint               level)
{
  level = CLAMP (level, 1, kind == HELDER_PARAGRAPH_HEADING ? 6 : MAX_LEVEL);

  if (kind == HELDER_PARAGRAPH_HEADING)
    return g_strdup_printf ("h%u", level);
  if (kind == HELDER_PARAGRAPH_BULLET)
    return g_strdup_printf ("bullet%u", level);
  if (kind == HELDER_PARAGRAPH_NUMBER)
    return g_strdup_printf ("number%u", level);
  if (kind == HELDER_PARAGRAPH_QUOTE)
    return g_strdup ("quote");

  return NULL;
}

/* The paragraph style of the line at @iter, from its tags. */
static HelderParagraphKind
paragraph_at (HelderRichTextView *self,
              const GtkTextIter  *iter,
              guint              *level)
{
  static const struct { const char *prefix; HelderParagraphKind kind; } kinds[] = {
    { "h", HELDER_PARAGRAPH_HEADING },
    { "bullet", HELDER_PARAGRAPH_BULLET },
    { "number", HELDER_PARAGRAPH_NUMBER },
  };
  GtkTextIter start = *iter;
  g_autoptr(GSList) tags = NULL;

  gtk_text_iter_set_line_offset (&start, 0);
  tags = gtk_text_iter_get_tags (&start);
  *level = 1;

  for (GSList *l = tags; l != NULL; l = l->next)
    {
      g_autofree char *name = NULL;

      g_object_get (l->data, "name", &name, NULL);
      if (name == NULL)
        continue;
      if (g_str_equal (name, "quote"))
        return HELDER_PARAGRAPH_QUOTE;
      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        if (g_str_has_prefix (name, kinds[i].prefix) && g_ascii_isdigit (name[strlen (kinds[i].prefix)]))
          {
            *level = (guint) g_ascii_strtoull (name + strlen (kinds[i].prefix), NULL, 10);
            return kinds[i].kind;
          }
    }

  return HELDER_PARAGRAPH_TEXT;
}

static void
line_bounds (const GtkTextIter *iter,
             GtkTextIter       *start,
             GtkTextIter       *end)
{
  *start = *end = *iter;
  gtk_text_iter_set_line_offset (start, 0);
  if (!gtk_text_iter_ends_line (end))
    gtk_text_iter_forward_to_line_end (end);
}

/* The bullet or number a list item shows before its text. */
static char *
marker_text (HelderParagraphKind kind,
             guint               number)
{
  if (kind == HELDER_PARAGRAPH_BULLET)
    return g_strdup ("•\u2002");

  return g_strdup_printf ("%u.\u2002", number);
}

static void
insert_marker (HelderRichTextView  *self,
               GtkTextIter         *iter,
               HelderParagraphKind  kind,
               guint                level,
               guint                number)
{
  g_autofree char *name = paragraph_tag_name (kind, level);
  g_autofree char *text = marker_text (kind, number);

  gtk_text_buffer_insert_with_tags (buffer_of (self), iter, text, -1, self->marker,
                                    tag (self, name), NULL);
}

/* Numbers the numbered items again after a change of the list. */
static void
renumber (HelderRichTextView *self)
{
  GtkTextBuffer *buffer = buffer_of (self);
  guint counters[MAX_LEVEL + 1] = { 0 };
  int lines = gtk_text_buffer_get_line_count (buffer);
  gboolean filling = self->filling;

  self->filling = TRUE;
  for (int line = 0; line < lines; line++)
    {
      GtkTextIter start;
      GtkTextIter end;
      guint level;
      HelderParagraphKind kind;

      gtk_text_buffer_get_iter_at_line (buffer, &start, line);
      kind = paragraph_at (self, &start, &level);
      if (kind != HELDER_PARAGRAPH_NUMBER && kind != HELDER_PARAGRAPH_BULLET)
        {
          memset (counters, 0, sizeof counters);
          continue;
        }
      level = CLAMP (level, 1, MAX_LEVEL);
      for (guint deeper = level + 1; deeper <= MAX_LEVEL; deeper++)
        counters[deeper] = 0;
      counters[level]++;
      if (kind != HELDER_PARAGRAPH_NUMBER)
        continue;

      end = start;
      while (gtk_text_iter_has_tag (&end, self->marker) && !gtk_text_iter_ends_line (&end))
        gtk_text_iter_forward_char (&end);
      {
        g_autofree char *shown = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
        g_autofree char *wanted = marker_text (kind, counters[level]);

        if (g_str_equal (shown, wanted))
          continue;
        gtk_text_buffer_delete (buffer, &start, &end);
        insert_marker (self, &start, kind, level, counters[level]);
      }
    }
  self->filling = filling;
}

static void
insert_paragraphs (HelderRichTextView   *self,
                   GtkTextIter          *iter,
                   const HelderRichText *text)
{
  GtkTextBuffer *buffer = buffer_of (self);

  for (guint i = 0; i < text->paragraphs->len; i++)
    {
      const HelderRichParagraph *paragraph = g_ptr_array_index (text->paragraphs, i);
      g_autofree char *name = paragraph_tag_name (paragraph->kind, paragraph->level);
      GtkTextTag *paragraph_tag = name != NULL ? tag (self, name) : NULL;

      if (i > 0)
        gtk_text_buffer_insert (buffer, iter, "\n", 1);
      if (paragraph->kind == HELDER_PARAGRAPH_BULLET || paragraph->kind == HELDER_PARAGRAPH_NUMBER)
        insert_marker (self, iter, paragraph->kind, paragraph->level, 1);

      for (guint j = 0; j < paragraph->runs->len; j++)
        {
          const HelderRichRun *run = g_ptr_array_index (paragraph->runs, j);
          GtkTextMark *mark = gtk_text_buffer_create_mark (buffer, NULL, iter, TRUE);
          GtkTextIter start;

          gtk_text_buffer_insert (buffer, iter, run->text, -1);
          gtk_text_buffer_get_iter_at_mark (buffer, &start, mark);
          gtk_text_buffer_delete_mark (buffer, mark);
          if (paragraph_tag != NULL)
            gtk_text_buffer_apply_tag (buffer, paragraph_tag, &start, iter);
          if ((run->style & HELDER_RUN_BOLD) != 0)
            gtk_text_buffer_apply_tag_by_name (buffer, "bold", &start, iter);
          if ((run->style & HELDER_RUN_ITALIC) != 0)
            gtk_text_buffer_apply_tag_by_name (buffer, "italic", &start, iter);
          if ((run->style & HELDER_RUN_CODE) != 0)
            gtk_text_buffer_apply_tag_by_name (buffer, "code", &start, iter);
          if (run->url != NULL)
            {
              GtkTextTag *link = gtk_text_buffer_create_tag (buffer, NULL,
                                                             "underline", PANGO_UNDERLINE_SINGLE,
                                                             "foreground", "#1c71d8", NULL);

              g_object_set_data_full (G_OBJECT (link), "helder-url", g_strdup (run->url), g_free);
              gtk_text_buffer_apply_tag (buffer, link, &start, iter);
            }
        }
    }
}

/**
 * helder_rich_text_view_set_text:
 *
 * Shows @text, keeping the cursor at the same character offset.
 */
void
helder_rich_text_view_set_text (HelderRichTextView   *self,
                                const HelderRichText *text)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  GtkTextIter end;
  int cursor;

  g_return_if_fail (HELDER_IS_RICH_TEXT_VIEW (self));
  g_return_if_fail (text != NULL);

  buffer = buffer_of (self);
  g_object_get (buffer, "cursor-position", &cursor, NULL);
  self->filling = TRUE;
  /* The buffer's undo history is still inside the keystroke's user action
   * while the edit is told (it closes it after "end-user-action"): no
   * irreversible action may start then, so the old text goes as part of
   * that keystroke's step.
   */
  if (self->closing)
    {
      gtk_text_buffer_get_bounds (buffer, &iter, &end);
      gtk_text_buffer_delete (buffer, &iter, &end);
    }
  else
    gtk_text_buffer_set_text (buffer, "", 0);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  insert_paragraphs (self, &iter, text);
  renumber (self);
  self->filling = FALSE;
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, cursor);
  gtk_text_buffer_place_cursor (buffer, &iter);
}

static const char *
link_at (const GtkTextIter *iter)
{
  g_autoptr(GSList) tags = gtk_text_iter_get_tags (iter);

  for (GSList *l = tags; l != NULL; l = l->next)
    {
      const char *url = g_object_get_data (l->data, "helder-url");

      if (url != NULL)
        return url;
    }

  return NULL;
}

/**
 * helder_rich_text_view_dup_markdown:
 *
 * Returns: (transfer full): the text as canonical CommonMark, without a
 *   final newline; empty paragraphs are left out
 */
char *
helder_rich_text_view_dup_markdown (HelderRichTextView *self)
{
  GtkTextBuffer *buffer;
  g_autoptr(HelderRichText) text = helder_rich_text_new ();
  g_autofree char *markdown = NULL;
  int lines;

  g_return_val_if_fail (HELDER_IS_RICH_TEXT_VIEW (self), NULL);

  buffer = buffer_of (self);
  lines = gtk_text_buffer_get_line_count (buffer);
  for (int line = 0; line < lines; line++)
    {
      GtkTextIter start;
      GtkTextIter end;
      GtkTextIter at;
      guint level;
      HelderParagraphKind kind;
      g_autoptr(HelderRichParagraph) paragraph = NULL;

      gtk_text_buffer_get_iter_at_line (buffer, &at, line);
      line_bounds (&at, &start, &end);
      kind = paragraph_at (self, &start, &level);
      paragraph = helder_rich_paragraph_new (kind, level);

      at = start;
      while (gtk_text_iter_compare (&at, &end) < 0)
        {
          GtkTextIter next = at;
          g_autofree char *piece = NULL;
          HelderRunStyle style = 0;
          const char *url = link_at (&at);
          HelderRichRun *last;

          if (!gtk_text_iter_forward_to_tag_toggle (&next, NULL) || gtk_text_iter_compare (&next, &end) > 0)
            next = end;
          if (gtk_text_iter_has_tag (&at, self->marker))
            {
              at = next;
              continue;
            }
          if (gtk_text_iter_has_tag (&at, tag (self, "bold")))
            style |= HELDER_RUN_BOLD;
          if (gtk_text_iter_has_tag (&at, tag (self, "italic")))
            style |= HELDER_RUN_ITALIC;
          if (gtk_text_iter_has_tag (&at, tag (self, "code")))
            style |= HELDER_RUN_CODE;
          piece = gtk_text_buffer_get_text (buffer, &at, &next, FALSE);
          last = paragraph->runs->len > 0 ? g_ptr_array_index (paragraph->runs, paragraph->runs->len - 1) : NULL;
          if (last != NULL && last->style == style && g_strcmp0 (last->url, url) == 0)
            {
              char *joined = g_strconcat (last->text, piece, NULL);

              g_free (last->text);
              last->text = joined;
            }
          else if (*piece != '\0')
            g_ptr_array_add (paragraph->runs, helder_rich_run_new (piece, style, url));
          at = next;
        }

      if (paragraph->runs->len > 0)
        g_ptr_array_add (text->paragraphs, g_steal_pointer (&paragraph));
    }

  markdown = helder_rich_text_dup_commonmark (text);
  g_strchomp (markdown);

  return g_steal_pointer (&markdown);
}

static void
edited (HelderRichTextView *self)
{
  if (self->filling)
    return;
  if (self->user_action > 0)
    {
      self->pending = TRUE;
      return;
    }
  self->pending = FALSE;
  g_signal_emit (self, signals[EDITED], 0);
}

static void
begin_user_action_cb (HelderRichTextView *self)
{
  self->user_action++;
}

static void
end_user_action_cb (HelderRichTextView *self)
{
  if (self->user_action > 0)
    self->user_action--;
  if (self->user_action == 0 && self->pending)
    {
      self->closing = TRUE;
      edited (self);
      self->closing = FALSE;
    }
}

/* Sets the paragraph style of every line from @start to @end. */
static void
style_lines (HelderRichTextView  *self,
             const GtkTextIter   *from,
             const GtkTextIter   *to,
             HelderParagraphKind  kind,
             guint                level)
{
  GtkTextBuffer *buffer = buffer_of (self);
  int first = gtk_text_iter_get_line (from);
  int last = gtk_text_iter_get_line (to);
  g_autofree char *name = paragraph_tag_name (kind, level);
  gboolean filling = self->filling;

  self->filling = TRUE;
  for (int line = first; line <= last; line++)
    {
      GtkTextIter start;
      GtkTextIter end;
      GtkTextIter marker_end;

      gtk_text_buffer_get_iter_at_line (buffer, &start, line);
      marker_end = start;
      while (gtk_text_iter_has_tag (&marker_end, self->marker) && !gtk_text_iter_ends_line (&marker_end))
        gtk_text_iter_forward_char (&marker_end);
      gtk_text_buffer_delete (buffer, &start, &marker_end);

      line_bounds (&start, &start, &end);
      for (guint i = 1; i <= 6; i++)
        {
          g_autofree char *heading = g_strdup_printf ("h%u", i);

          gtk_text_buffer_remove_tag_by_name (buffer, heading, &start, &end);
        }
      for (guint i = 1; i <= MAX_LEVEL; i++)
        {
          g_autofree char *bullet = g_strdup_printf ("bullet%u", i);
          g_autofree char *number = g_strdup_printf ("number%u", i);

          gtk_text_buffer_remove_tag_by_name (buffer, bullet, &start, &end);
          gtk_text_buffer_remove_tag_by_name (buffer, number, &start, &end);
        }
      gtk_text_buffer_remove_tag_by_name (buffer, "quote", &start, &end);

      if (name != NULL)
        gtk_text_buffer_apply_tag_by_name (buffer, name, &start, &end);
      if (kind == HELDER_PARAGRAPH_BULLET || kind == HELDER_PARAGRAPH_NUMBER)
        insert_marker (self, &start, kind, level, 1);
    }
  renumber (self);
  self->filling = filling;
}

void
helder_rich_text_view_set_paragraph (HelderRichTextView  *self,
                                     HelderParagraphKind  kind,
                                     guint                level)
{
  GtkTextIter start;
  GtkTextIter end;

  g_return_if_fail (HELDER_IS_RICH_TEXT_VIEW (self));

  if (!gtk_text_view_get_editable (GTK_TEXT_VIEW (self)))
    return;

  gtk_text_buffer_get_selection_bounds (buffer_of (self), &start, &end);
  style_lines (self, &start, &end, kind, level);
  edited (self);
}

void
helder_rich_text_view_toggle_style (HelderRichTextView *self,
                                    HelderRunStyle      style)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;
  GtkTextIter end;
  GtkTextTag *style_tag;
  GtkTextIter at;
  gboolean everywhere = TRUE;

  g_return_if_fail (HELDER_IS_RICH_TEXT_VIEW (self));

  buffer = buffer_of (self);
  if (!gtk_text_view_get_editable (GTK_TEXT_VIEW (self)) ||
      !gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return;

  style_tag = tag (self, style == HELDER_RUN_BOLD ? "bold"
                   : style == HELDER_RUN_ITALIC ? "italic" : "code");
  for (at = start; gtk_text_iter_compare (&at, &end) < 0; gtk_text_iter_forward_char (&at))
    if (!gtk_text_iter_has_tag (&at, style_tag) && gtk_text_iter_get_char (&at) != '\n')
      everywhere = FALSE;

  if (everywhere)
    gtk_text_buffer_remove_tag (buffer, style_tag, &start, &end);
  else
    gtk_text_buffer_apply_tag (buffer, style_tag, &start, &end);
  edited (self);
}

/* New text takes the styles of the text before it, and a new line the
 * paragraph style of its line: a list goes on, a heading does not.
 */
static void
insert_text_after_cb (HelderRichTextView *self,
                      GtkTextIter        *location,
                      const char         *text,
                      int                 length,
                      GtkTextBuffer      *buffer)
{
  GtkTextIter start = *location;
  GtkTextIter before;
  GtkTextMark *end_mark;
  g_autoptr(GSList) tags = NULL;
  guint level;
  HelderParagraphKind kind;

  if (self->filling)
    return;

  gtk_text_iter_backward_chars (&start, (int) g_utf8_strlen (text, length));
  before = start;
  if (!gtk_text_iter_starts_line (&before))
    gtk_text_iter_backward_char (&before);
  else
    before = *location;
  tags = gtk_text_iter_get_tags (&before);

  self->filling = TRUE;
  end_mark = gtk_text_buffer_create_mark (buffer, NULL, location, FALSE);
  for (GSList *l = tags; l != NULL; l = l->next)
    if (l->data != self->marker)
      gtk_text_buffer_apply_tag (buffer, l->data, &start, location);

  if (memchr (text, '\n', length) != NULL)
    {
      GtkTextIter line;

      gtk_text_buffer_get_iter_at_mark (buffer, &line, end_mark);
      kind = paragraph_at (self, &start, &level);
      if (kind == HELDER_PARAGRAPH_BULLET || kind == HELDER_PARAGRAPH_NUMBER)
        style_lines (self, &line, &line, kind, level);
      else if (kind == HELDER_PARAGRAPH_HEADING)
        style_lines (self, &line, &line, HELDER_PARAGRAPH_TEXT, 1);
    }
  else if (length == 1 && text[0] == ' ')
    {
      /* "- " or "1. " at the start of a plain line starts a list. */
      GtkTextIter line_start = start;
      g_autofree char *typed = NULL;

      gtk_text_iter_set_line_offset (&line_start, 0);
      typed = gtk_text_buffer_get_text (buffer, &line_start, location, FALSE);
      kind = paragraph_at (self, &line_start, &level);
      if (kind == HELDER_PARAGRAPH_TEXT && (g_str_equal (typed, "- ") || g_str_equal (typed, "* ") ||
                                            g_str_equal (typed, "1. ")))
        {
          GtkTextIter end;

          gtk_text_buffer_get_iter_at_mark (buffer, &end, end_mark);
          gtk_text_buffer_delete (buffer, &line_start, &end);
          style_lines (self, &line_start, &line_start,
                       typed[0] == '1' ? HELDER_PARAGRAPH_NUMBER : HELDER_PARAGRAPH_BULLET, 1);
        }
    }

  gtk_text_buffer_get_iter_at_mark (buffer, location, end_mark);
  gtk_text_buffer_delete_mark (buffer, end_mark);
  self->filling = FALSE;
  edited (self);
}

static void
delete_range_after_cb (HelderRichTextView *self)
{
  if (self->filling)
    return;

  self->filling = TRUE;
  renumber (self);
  self->filling = FALSE;
  edited (self);
}

static const char *
dropped_name (const char *key)
{
  static const struct { const char *key; const char *name; } names[] = {
    { "script", N_("scripts") },
    { "style", N_("styles") },
    { "image", N_("pictures") },
    { "video", N_("videos") },
    { "audio", N_("sound") },
    { "table", N_("table layout") },
    { "form", N_("form fields") },
    { "iframe", N_("embedded pages") },
    { "object", N_("embedded content") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (key, names[i].key))
      return _(names[i].name);

  return key;
}

/**
 * helder_rich_text_view_paste_html:
 *
 * Inserts pasted HTML at the cursor, keeping headings, lists, bold,
 * italic and links, and says in a toast what was left out.
 */
void
helder_rich_text_view_paste_html (HelderRichTextView *self,
                                  const char         *html,
                                  gssize              length)
{
  GtkTextBuffer *buffer;
  g_autoptr(GPtrArray) dropped = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *markdown = NULL;
  g_autoptr(HelderRichText) text = NULL;
  g_autoptr(HelderRichTextView) keep_alive = NULL;
  GtkWidget *overlay;
  GtkTextIter iter;

  g_return_if_fail (HELDER_IS_RICH_TEXT_VIEW (self));

  if (!gtk_text_view_get_editable (GTK_TEXT_VIEW (self)))
    return;

  markdown = helder_html_to_commonmark (html, length, dropped);
  text = helder_rich_text_parse (markdown, -1, NULL);
  if (text == NULL)
    return;

  /* The edit can rebuild the card this view is in (a pasted heading or
   * list is a block of its own): the view stays alive to the end, and
   * the toast finds its place before.
   */
  keep_alive = g_object_ref (self);
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  buffer = buffer_of (self);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  self->filling = TRUE;
  if (gtk_text_iter_get_line_offset (&iter) > 0)
    gtk_text_buffer_insert (buffer, &iter, "\n", 1);
  insert_paragraphs (self, &iter, text);
  renumber (self);
  self->filling = FALSE;
  self->pending = TRUE;
  gtk_text_buffer_end_user_action (buffer);

  if (overlay != NULL && dropped->len > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      g_autofree char *message = NULL;

      for (guint i = 0; i < dropped->len; i++)
        g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                                dropped_name (g_ptr_array_index (dropped, i)));
      /* Translators: %s lists what was left out, such as "scripts, pictures" */
      message = g_strdup_printf (_("Pasted without %s"), names->str);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
    }
}

static void
html_spliced_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(HelderRichTextView) self = user_data;
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (source);
  g_autoptr(GError) error = NULL;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (memory), result, &error) < 0)
    {
      g_debug ("Could not read the pasted HTML: %s", error->message);
      return;
    }

  helder_rich_text_view_paste_html (self, g_memory_output_stream_get_data (memory),
                                    (gssize) g_memory_output_stream_get_data_size (memory));
}

/* The HTML is read without blocking: the clipboard's owner may be this
 * very app (a card copied and pasted), which writes it from the same
 * main loop, or another program that takes its time.
 */
static void
html_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(HelderRichTextView) self = user_data;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) memory = NULL;
  g_autoptr(GError) error = NULL;

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, NULL, &error);
  if (stream == NULL)
    {
      g_debug ("Could not read the pasted HTML: %s", error->message);
      return;
    }

  memory = g_memory_output_stream_new_resizable ();
  g_output_stream_splice_async (memory, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                                                G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, html_spliced_cb, g_steal_pointer (&self));
}

/* HTML on the clipboard (from Word, a browser, an e-mail) goes through
 * the HTML reader; plain text is pasted as text.
 */
static void
paste_clipboard_cb (HelderRichTextView *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));
  static const char *html[] = { "text/html", NULL };

  if (!gdk_content_formats_contain_mime_type (gdk_clipboard_get_formats (clipboard), "text/html"))
    return;

  g_signal_stop_emission_by_name (self, "paste-clipboard");
  gdk_clipboard_read_async (clipboard, html, G_PRIORITY_DEFAULT, NULL, html_read_cb,
                            g_object_ref (self));
}

static void
forget_link_passage (HelderRichTextView *self)
{
  if (self->link_start != NULL)
    {
      gtk_text_buffer_delete_mark (gtk_text_mark_get_buffer (self->link_start), self->link_start);
      gtk_text_buffer_delete_mark (gtk_text_mark_get_buffer (self->link_end), self->link_end);
    }
  self->link_start = NULL;
  self->link_end = NULL;
}

static void
apply_link_cb (HelderRichTextView *self)
{
  GtkTextBuffer *buffer = buffer_of (self);
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->link_entry));
  GtkTextIter start;
  GtkTextIter end;

  gtk_popover_popdown (GTK_POPOVER (self->link_popover));
  /* The passage chosen when the link was asked for: the selection itself
   * is gone once the address field takes the primary selection (X11).
   */
  if (self->link_start != NULL)
    {
      gtk_text_buffer_get_iter_at_mark (buffer, &start, self->link_start);
      gtk_text_buffer_get_iter_at_mark (buffer, &end, self->link_end);
      forget_link_passage (self);
    }
  else if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return;
  if (gtk_text_iter_equal (&start, &end) || *url == '\0')
    return;

  {
    GtkTextTag *link = gtk_text_buffer_create_tag (buffer, NULL,
                                                   "underline", PANGO_UNDERLINE_SINGLE,
                                                   "foreground", "#1c71d8", NULL);

    g_object_set_data_full (G_OBJECT (link), "helder-url", g_strdup (url), g_free);
    gtk_text_buffer_apply_tag (buffer, link, &start, &end);
  }
  edited (self);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static gboolean
shortcut_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  HelderRichTextView *self = HELDER_RICH_TEXT_VIEW (widget);
  const char *what = g_variant_get_string (args, NULL);

  if (g_str_equal (what, "bold"))
    helder_rich_text_view_toggle_style (self, HELDER_RUN_BOLD);
  else if (g_str_equal (what, "italic"))
    helder_rich_text_view_toggle_style (self, HELDER_RUN_ITALIC);
  else
    {
      GtkTextIter start;
      GtkTextIter end;
      GdkRectangle rect;

      if (!gtk_text_buffer_get_selection_bounds (buffer_of (self), &start, &end))
        return TRUE;
      gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), &start, &rect);
      gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                             rect.x, rect.y, &rect.x, &rect.y);
      gtk_popover_set_pointing_to (GTK_POPOVER (self->link_popover), &rect);
      gtk_editable_set_text (GTK_EDITABLE (self->link_entry), link_at (&start) != NULL ? link_at (&start) : "https://");
      forget_link_passage (self);
      self->link_start = gtk_text_buffer_create_mark (buffer_of (self), NULL, &start, TRUE);
      self->link_end = gtk_text_buffer_create_mark (buffer_of (self), NULL, &end, FALSE);
      gtk_popover_popup (GTK_POPOVER (self->link_popover));
      gtk_widget_grab_focus (GTK_WIDGET (self->link_entry));
    }

  return TRUE;
}

GtkWidget *
helder_rich_text_view_new (void)
{
  return g_object_new (HELDER_TYPE_RICH_TEXT_VIEW, NULL);
}

static void
helder_rich_text_view_dispose (GObject *object)
{
  HelderRichTextView *self = (HelderRichTextView *) object;

  g_clear_pointer (&self->link_popover, gtk_widget_unparent);

  G_OBJECT_CLASS (helder_rich_text_view_parent_class)->dispose (object);
}

static void
helder_rich_text_view_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  HelderRichTextView *self = HELDER_RICH_TEXT_VIEW (widget);

  GTK_WIDGET_CLASS (helder_rich_text_view_parent_class)->size_allocate (widget, width, height, baseline);
  if (self->link_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->link_popover));
}

static void
helder_rich_text_view_class_init (HelderRichTextViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct { guint key; const char *what; } shortcuts[] = {
    { GDK_KEY_b, "bold" }, { GDK_KEY_i, "italic" }, { GDK_KEY_k, "link" },
  };

  object_class->dispose = helder_rich_text_view_dispose;
  widget_class->size_allocate = helder_rich_text_view_size_allocate;

  /**
   * HelderRichTextView::edited:
   *
   * The author changed the text; helder_rich_text_view_dup_markdown()
   * has the new text.
   */
  signals[EDITED] =
    g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_widget_class_add_binding (widget_class, shortcuts[i].key, GDK_CONTROL_MASK, shortcut_cb,
                                  "s", shortcuts[i].what);
}

static void
helder_rich_text_view_init (HelderRichTextView *self)
{
  GtkTextBuffer *buffer = buffer_of (self);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *apply = gtk_button_new_with_mnemonic (_("_Link"));

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self), FALSE);

  gtk_text_buffer_create_tag (buffer, "bold", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "italic", "style", PANGO_STYLE_ITALIC, NULL);
  gtk_text_buffer_create_tag (buffer, "code", "family", "monospace", NULL);
  for (guint i = 1; i <= 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("h%u", i);
      static const double scales[] = { 0, 2.0, 1.6, 1.3, 1.15, 1.05, 1.0 };

      gtk_text_buffer_create_tag (buffer, name, "weight", PANGO_WEIGHT_BOLD,
                                  "scale", scales[i], "pixels-above-lines", 6, NULL);
    }
  for (guint i = 1; i <= MAX_LEVEL; i++)
    {
      g_autofree char *bullet = g_strdup_printf ("bullet%u", i);
      g_autofree char *number = g_strdup_printf ("number%u", i);

      gtk_text_buffer_create_tag (buffer, bullet, "left-margin", 8 + 20 * (int) i, NULL);
      gtk_text_buffer_create_tag (buffer, number, "left-margin", 8 + 20 * (int) i, NULL);
    }
  gtk_text_buffer_create_tag (buffer, "quote", "left-margin", 28, "style", PANGO_STYLE_ITALIC, NULL);
  self->marker = gtk_text_buffer_create_tag (buffer, "marker", "editable", FALSE,
                                             "foreground", "#77767b", NULL);

  g_signal_connect_object (buffer, "insert-text", G_CALLBACK (insert_text_after_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (buffer, "delete-range", G_CALLBACK (delete_range_after_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (buffer, "begin-user-action", G_CALLBACK (begin_user_action_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "end-user-action", G_CALLBACK (end_user_action_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "paste-clipboard", G_CALLBACK (paste_clipboard_cb), NULL);

  /* Ctrl+K asks for the link's address. */
  self->link_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_input_purpose (self->link_entry, GTK_INPUT_PURPOSE_URL);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->link_entry), 30);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->link_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Link address"), -1);
  g_signal_connect_object (self->link_entry, "activate", G_CALLBACK (apply_link_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (apply, "clicked", G_CALLBACK (apply_link_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->link_entry));
  gtk_box_append (GTK_BOX (box), apply);
  self->link_popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->link_popover), box);
  gtk_widget_set_parent (self->link_popover, GTK_WIDGET (self));
}
