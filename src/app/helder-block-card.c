/* helder-block-card.c
 *
 * One block of a page as a card the author edits in place: a question with
 * its answers, an image with its alt text, a paragraph. The card never
 * writes the page itself: every change is an "edit" signal with the byte
 * range of the page source to replace, so the page's text buffer stays the
 * one source of truth and untouched bytes stay as they are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-block-card"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "helder-block-card.h"
#include "helder-card-picture.h"
#include "helder-field-words.h"
#include "helder-block-spec.h"
#include "helder-block-edit.h"
#include "helder-diagnostic.h"
#include "helder-media-summary.h"
#include "helder-rich-text-view.h"

typedef enum
{
  CARD_FIELDS,  /* a Helder block: one widget per field and per item field */
  CARD_TEXT,    /* CommonMark text, edited as rich text */
  CARD_HEADING,
  CARD_CALLOUT,
  CARD_SOURCE,  /* anything the card cannot show as fields: the source as it is */
} CardMode;

typedef enum
{
  BIND_ENTRY,
  BIND_TEXT,
  BIND_CHECK,
  BIND_SWITCH,
  BIND_DROPDOWN,
  BIND_SPIN,
  BIND_FILE,
} BindType;

/* A widget that shows one field: of the block (item -1) or of an item. */
typedef struct
{
  HelderBlockCard       *card;
  int                    item;
  const HelderFieldSpec *spec;
  BindType               type;
  GtkWidget             *widget;
  GtkLabel              *state;   /* BIND_FILE: the file's name and state */
  GtkPicture            *picture; /* BIND_FILE of an image */
  char                  *picture_path; /* the file the picture shows or is loading */
  GCancellable          *loading; /* while the picture loads in a thread */
  char                  *note;    /* BIND_FILE of a medium: what the file holds */
  GtkWidget             *edit;    /* BIND_FILE of a text file: opens it */
} Binding;

static void
binding_free (Binding *binding)
{
  if (binding->loading != NULL)
    g_cancellable_cancel (binding->loading);
  g_clear_object (&binding->loading);
  g_free (binding->picture_path);
  g_free (binding->note);
  g_free (binding);
}

struct _HelderBlockCard
{
  GtkWidget          parent_instance;

  char              *course_path;
  const HelderBlock *block;   /* borrowed from the page content until the next update */
  const char        *text;    /* the page source, borrowed likewise */
  char              *source;  /* the block's bytes */
  char              *rich_shown; /* CARD_TEXT: the CommonMark the rich text shows */
  char              *shape;   /* what the widgets were built for */
  char              *name;
  gboolean           name_stale;  /* the card's own edit changed its words */
  CardMode           mode;
  GPtrArray         *bindings;
  gboolean           updating;
  gboolean           editable;
  guint              n_findings;  /* what the badge shows */
  GMenuModel        *extra_menu; /* the fixes for the finding at the cursor */

  /* Template widgets */
  GtkWidget         *body;
  GtkWidget         *frame;
  GtkWidget         *handle;
  GtkLabel          *kind_label;
  GtkLabel          *badge;
  GtkMenuButton     *menu_button;
  GtkWidget         *insert_button;
  GMenuModel        *card_menu;
  GtkWidget         *fields;

  /* Video and audio: the poster frame or a placeholder, and the length */
  GtkPicture        *media_picture;
  GtkLabel          *media_length;
  char              *media_files; /* the files the summary was read for */
  GCancellable      *media_loading;
  /* Image: the alt text's findings */
  GtkLabel          *alt_findings;
  /* Text: the paragraph style toolbar, shown while the card has the focus */
  GtkWidget         *paragraph_bar;
};

G_DEFINE_FINAL_TYPE (HelderBlockCard, helder_block_card, GTK_TYPE_WIDGET)

enum {
  EDIT,
  SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* GTK 4.8 asks the X server where the pointer is each time a tooltip is
 * set, a round trip; a page of question cards sets hundreds. A card's
 * tooltips are given when GTK asks for one instead.
 */
static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  const char *text)
{
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
set_tooltip (GtkWidget  *widget,
             const char *text)
{
  g_signal_connect_data (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), g_strdup (text),
                         (GClosureNotify) g_free, 0);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text, -1);
}

static const char *
kind_name (const HelderBlock *block)
{
  switch (block->kind)
    {
    case HELDER_BLOCK_TEXT: return _("Text");
    case HELDER_BLOCK_HEADING: return _("Heading");
    case HELDER_BLOCK_CALLOUT: return _("Callout");
    case HELDER_BLOCK_IMAGE: return _("Image");
    case HELDER_BLOCK_VIDEO: return _("Video");
    case HELDER_BLOCK_AUDIO: return _("Audio");
    case HELDER_BLOCK_ACCORDION: return _("Accordion");
    case HELDER_BLOCK_TABS: return _("Tabs");
    case HELDER_BLOCK_FLASHCARDS: return _("Flashcards");
    case HELDER_BLOCK_STEPS: return _("Steps");
    case HELDER_BLOCK_SCENARIO: return _("Scenario");
    case HELDER_BLOCK_CHECK: return _("Knowledge check");
    case HELDER_BLOCK_QUESTION: return _("Test question");
    case HELDER_BLOCK_SURVEY: return _("Survey item");
    case HELDER_BLOCK_CONTINUE: return _("Continue divider");
    /* Translators: the block that lists where a page's facts come from */
    case HELDER_BLOCK_SOURCES: return _("Sources");
    case HELDER_BLOCK_CODE:
    case HELDER_BLOCK_HTML:
    case HELDER_N_BLOCK_KINDS:
    default:
      return _("Source");
    }
}

static char *
item_title (HelderBlockKind kind,
            guint           number)
{
  if (kind == HELDER_BLOCK_CHECK || kind == HELDER_BLOCK_QUESTION)
    /* Translators: %u is the answer's number */
    return g_strdup_printf (_("Answer %u"), number);
  if (kind == HELDER_BLOCK_SCENARIO)
    return g_strdup_printf (_("Choice %u"), number);
  if (kind == HELDER_BLOCK_FLASHCARDS)
    return g_strdup_printf (_("Card %u"), number);
  if (kind == HELDER_BLOCK_STEPS)
    return g_strdup_printf (_("Step %u"), number);

  return g_strdup_printf (_("Panel %u"), number);
}

static const char *
add_item_label (HelderBlockKind kind)
{
  if (kind == HELDER_BLOCK_CHECK || kind == HELDER_BLOCK_QUESTION)
    return _("Add Answer");
  if (kind == HELDER_BLOCK_SCENARIO)
    return _("Add Choice");
  if (kind == HELDER_BLOCK_FLASHCARDS)
    return _("Add Card");
  if (kind == HELDER_BLOCK_STEPS)
    return _("Add Step");

  return _("Add Panel");
}

static gboolean
is_long_text (const char *key)
{
  return g_str_equal (key, "feedback") || g_str_equal (key, "text") ||
         g_str_equal (key, "situation") || g_str_equal (key, "back");
}

static CardMode
mode_for (const HelderBlock *block,
          const char        *text)
{
  const HelderBlockSpec *spec;

  /* Text that rich text cannot show exactly (a table, an image, raw
   * HTML) stays as it is written.
   */
  if (block->kind == HELDER_BLOCK_TEXT)
    {
      g_autoptr(HelderRichText) rich = helder_rich_text_parse (text + block->range.start,
                                                               block->range.end - block->range.start,
                                                               NULL);

      return rich != NULL ? CARD_TEXT : CARD_SOURCE;
    }
  if (block->kind == HELDER_BLOCK_HEADING)
    return CARD_HEADING;
  if (block->kind == HELDER_BLOCK_CALLOUT)
    return CARD_CALLOUT;
  if (!helder_block_kind_is_fenced (block->kind))
    return CARD_SOURCE;

  /* A field the format does not know would have no widget: rather than
   * hide it, the card shows the whole block as it is written.
   */
  spec = helder_block_spec_get (block->kind);
  for (guint i = 0; i < block->fields->len; i++)
    {
      const HelderField *field = g_ptr_array_index (block->fields, i);

      if (helder_field_spec_find (spec->fields, field->key) == NULL)
        return CARD_SOURCE;
    }
  for (guint i = 0; i < block->items->len; i++)
    {
      const HelderBlockItem *item = g_ptr_array_index (block->items, i);

      for (guint j = 0; j < item->fields->len; j++)
        {
          const HelderField *field = g_ptr_array_index (item->fields, j);

          if (helder_field_spec_find (spec->item_fields, field->key) == NULL)
            return CARD_SOURCE;
        }
    }

  return CARD_FIELDS;
}

/* The widgets depend on the kind and the number of items, never on the
 * values: a card is rebuilt only when these change.
 */
static char *
shape_for (const HelderBlock *block,
           CardMode           mode)
{
  return g_strdup_printf ("%d:%d:%u", block->kind, mode, block->items->len);
}

static const HelderField *
binding_field (Binding *binding)
{
  const HelderBlock *block = binding->card->block;

  if (binding->item < 0)
    return helder_block_get_field (block, binding->spec->key);
  if ((guint) binding->item >= block->items->len)
    return NULL;

  return helder_block_item_get_field (g_ptr_array_index (block->items, binding->item),
                                      binding->spec->key);
}

/* Emits @edit, made by helder-block-edit against the page text. */
static void
emit_block_edit (HelderBlockCard *self,
                 HelderTextEdit  *edit)
{
  g_autoptr(HelderTextEdit) owned = edit;

  if (owned != NULL)
    g_signal_emit (self, signals[EDIT], 0, (guint64) owned->start, (guint64) owned->end, owned->text);
}

static gsize
text_length (HelderBlockCard *self)
{
  return strlen (self->text);
}

static char *
one_line (const char *value)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = value; *p != '\0'; p++)
    g_string_append_c (out, *p == '\n' || *p == '\r' ? ' ' : *p);
  g_strstrip (out->str);
  out->len = strlen (out->str);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Writes @value into the field, where it is or where it belongs. */
static void
write_field (Binding    *binding,
             const char *value)
{
  HelderBlockCard *self = binding->card;
  const char *key = binding->spec->key;

  if (binding->type == BIND_CHECK && binding->item >= 0 && g_str_equal (key, "correct"))
    emit_block_edit (self, helder_block_edit_set_correct (self->text, text_length (self), self->block,
                                                          binding->item, helder_value_is_yes (value)));
  else if (binding->item < 0 && g_str_equal (key, "kind") &&
           (self->block->kind == HELDER_BLOCK_CHECK || self->block->kind == HELDER_BLOCK_QUESTION))
    emit_block_edit (self, helder_block_edit_set_question_kind (self->text, text_length (self),
                                                                self->block, value));
  else if (binding_field (binding) != NULL || *value != '\0')
    {
      g_autofree char *clean = one_line (value);
      const HelderField *field = binding_field (binding);

      if (field != NULL && g_strcmp0 (field->value, clean) == 0)
        return;

      /* An empty field ("key: " or "- [ ] ") gets its value after one
       * space, with no space left behind it.
       */
      if (field != NULL && *field->value == '\0' && *clean != '\0')
        {
          gsize start = field->value_range.start;
          gsize end = field->value_range.end;
          g_autofree char *spaced = g_strconcat (" ", clean, NULL);

          while (start > 0 && self->text[start - 1] == ' ')
            start--;
          while (self->text[end] == ' ')
            end++;
          emit_block_edit (self, helder_text_edit_new (start, end, spaced));
          return;
        }

      emit_block_edit (self, helder_block_edit_set_field (self->text, text_length (self), self->block,
                                                          binding->item, key, clean));
    }
}

static char *
text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Sets a widget's text only when it differs, keeping the cursor where it
 * was, so updates after the author's own typing change nothing.
 */
static void
text_view_set_text (GtkTextView *view,
                    const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *current = text_view_get_text (view);
  GtkTextIter iter;
  int cursor;

  if (g_str_equal (current, text))
    return;

  g_object_get (buffer, "cursor-position", &cursor, NULL);
  gtk_text_buffer_set_text (buffer, text, -1);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, cursor);
  gtk_text_buffer_place_cursor (buffer, &iter);
}

static void
entry_set_text (GtkEditable *entry,
                const char  *text)
{
  int position;

  if (g_str_equal (gtk_editable_get_text (entry), text))
    return;

  position = gtk_editable_get_position (entry);
  gtk_editable_set_text (entry, text);
  gtk_editable_set_position (entry, position);
}

/* A callout is written back from its type, title and text. */
static void
write_callout (HelderBlockCard *self)
{
  Binding *title = g_ptr_array_index (self->bindings, 0);
  Binding *body = g_ptr_array_index (self->bindings, 1);
  g_autofree char *title_text = one_line (gtk_editable_get_text (GTK_EDITABLE (title->widget)));
  g_autofree char *body_text = text_view_get_text (GTK_TEXT_VIEW (body->widget));

  emit_block_edit (self, helder_block_edit_set_callout (self->text, text_length (self), self->block,
                                                        self->block->info, title_text, body_text));
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

static void
binding_changed (Binding *binding)
{
  HelderBlockCard *self = binding->card;
  g_autofree char *value = NULL;

  if (self->updating || self->block == NULL)
    return;

  switch (self->mode)
    {
    case CARD_TEXT:
    case CARD_SOURCE:
      /* An emptied card keeps its block until the author types again or
       * deletes the block: without text there would be no block to show.
       */
      if (self->mode == CARD_TEXT)
        value = helder_rich_text_view_dup_markdown (HELDER_RICH_TEXT_VIEW (binding->widget));
      else
        value = text_view_get_text (GTK_TEXT_VIEW (binding->widget));
      if (is_blank (value))
        return;
      /* The card shows @value now: the view compares it with the blocks
       * the edit makes (a blank line typed makes two).
       */
      g_free (self->source);
      self->source = g_strdup (value);
      self->name_stale = TRUE;
      if (self->mode == CARD_TEXT)
        {
          g_free (self->rich_shown);
          self->rich_shown = g_strdup (value);
        }
      emit_block_edit (self, helder_block_edit_replace (self->text, text_length (self), self->block, value));
      return;

    case CARD_HEADING:
      {
        g_autofree char *title = one_line (gtk_editable_get_text (GTK_EDITABLE (binding->widget)));
        g_autofree char *marks = g_strnfill (CLAMP (self->block->level, 1, 6), '#');

        if (*title == '\0')
          return;

        value = g_strdup_printf ("%s %s", marks, title);
        emit_block_edit (self, helder_block_edit_replace (self->text, text_length (self), self->block,
                                                          value));
      }
      return;

    case CARD_CALLOUT:
      write_callout (self);
      return;

    case CARD_FIELDS:
    default:
      break;
    }

  switch (binding->type)
    {
    case BIND_ENTRY:
    case BIND_FILE:
      value = g_strdup (gtk_editable_get_text (GTK_EDITABLE (binding->widget)));
      break;
    case BIND_TEXT:
      value = text_view_get_text (GTK_TEXT_VIEW (binding->widget));
      break;
    case BIND_CHECK:
      value = g_strdup (gtk_check_button_get_active (GTK_CHECK_BUTTON (binding->widget))
                        ? "yes" : "no");
      break;
    case BIND_SWITCH:
      value = g_strdup (gtk_switch_get_active (GTK_SWITCH (binding->widget)) ? "yes" : "no");
      break;
    case BIND_DROPDOWN:
      {
        g_auto(GStrv) values = g_strsplit (binding->spec->values, "|", -1);
        guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (binding->widget));

        if (selected >= g_strv_length (values))
          return;
        value = g_strdup (values[selected]);
      }
      break;
    case BIND_SPIN:
      {
        int goal = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (binding->widget));

        value = goal > 0 ? g_strdup_printf ("%d", goal) : g_strdup ("");
      }
      break;
    default:
      return;
    }

  write_field (binding, value);
}

static void
file_chosen_cb (GtkNativeDialog *dialog,
                int              response,
                Binding         *binding)
{
  HelderBlockCard *self = binding->card;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GFile) course = g_file_new_for_path (self->course_path);
      g_autofree char *relative = g_file_get_relative_path (course, file);

      if (relative == NULL)
        gtk_label_set_text (binding->state,
                            _("That file is outside the course folder. Copy it into the course folder first, then choose it again."));
      else
        write_field (binding, relative);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
choose_file_cb (GtkButton *button,
                Binding   *binding)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GFile) folder = g_file_new_for_path (binding->card->course_path);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));

  dialog = gtk_file_chooser_native_new (helder_field_label (binding->card->block->kind,
                                                     binding->spec->key),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
  g_signal_connect (dialog, "response", G_CALLBACK (file_chosen_cb), binding);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* The bytes of the page source that a field shows: a field's value, or
 * the whole block for rich text, a heading, a callout and a source card.
 */
static gboolean
binding_span (Binding *binding,
              gsize   *start,
              gsize   *end)
{
  HelderBlockCard *self = binding->card;

  if (self->block == NULL)
    return FALSE;

  if (self->mode == CARD_FIELDS)
    {
      const HelderField *field = binding_field (binding);

      if (field == NULL)
        return FALSE;
      *start = field->value_range.start;
      *end = field->value_range.end;
      return TRUE;
    }

  *start = self->block->range.start;
  *end = self->block->range.end;
  return TRUE;
}

/* The field's text, in which character offsets are the widget's own. */
static char *
binding_dup_text (Binding *binding)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;
  GtkTextIter end;

  if (binding->type != BIND_TEXT)
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (binding->widget)));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (binding->widget));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_slice (buffer, &start, &end, TRUE);
}

/* Where the @n-th (from 0) copy of @needle starts in @haystack, or NULL. */
static const char *
find_nth (const char *haystack,
          gsize       length,
          const char *needle,
          gsize       needle_length,
          guint       n)
{
  for (const char *p = haystack; p + needle_length <= haystack + length; p++)
    if (memcmp (p, needle, needle_length) == 0 && n-- == 0)
      return p;

  return NULL;
}

static guint
count_before (const char *haystack,
              gsize       before,
              const char *needle,
              gsize       needle_length)
{
  guint n = 0;

  for (const char *p = haystack; p < haystack + before && needle_length > 0; p++)
    if (memcmp (p, needle, needle_length) == 0)
      n++;

  return n;
}

static gboolean
is_text (Binding *binding)
{
  return binding->type == BIND_ENTRY || binding->type == BIND_FILE || binding->type == BIND_TEXT;
}

static gboolean
is_word_char (const char *p)
{
  return g_unichar_isalnum (g_utf8_get_char (p));
}

/* Maps bytes @a to @b of @from to the same passage of @to: one for one
 * where both say the same (a field's value), else by finding the same copy
 * of the passage's words (rich text, where the source also holds the
 * marks of bold and links). A cursor maps as the word it is in.
 */
static gboolean
map_passage (const char *from,
             gsize       from_length,
             gsize       a,
             gsize       b,
             const char *to,
             gsize       to_length,
             gsize      *mapped_a,
             gsize      *mapped_b)
{
  gsize word_start = a;
  gsize word_end = b;
  const char *found;

  if (b > from_length || a > b)
    return FALSE;
  if (from_length == to_length && memcmp (from, to, from_length) == 0)
    {
      *mapped_a = a;
      *mapped_b = b;
      return TRUE;
    }

  if (a == b)
    {
      while (word_start > 0 && is_word_char (g_utf8_find_prev_char (from, from + word_start)))
        word_start = g_utf8_find_prev_char (from, from + word_start) - from;
      while (word_end < from_length && is_word_char (from + word_end))
        word_end = g_utf8_next_char (from + word_end) - from;
      if (word_start == word_end)
        return FALSE;
    }

  found = find_nth (to, to_length, from + word_start, word_end - word_start,
                    count_before (from, word_start, from + word_start, word_end - word_start));
  /* A passage across a change of style ("dit** teneinde") maps by its
   * first and its last word.
   */
  if (found == NULL && a < b)
    return map_passage (from, from_length, a, a, to, to_length, mapped_a, &word_end) &&
           map_passage (from, from_length, b, b, to, to_length, &word_start, mapped_b) &&
           *mapped_a <= *mapped_b;
  if (found == NULL)
    return FALSE;

  *mapped_a = (found - to) + (a - word_start);
  *mapped_b = (found - to) + (b - word_start);
  return TRUE;
}

/* Maps a passage of the field to the page source (@to_source: @a and @b
 * count the field's characters, the results bytes of the page) or back
 * (@a and @b count bytes of the page, the results the field's characters).
 * FALSE when the field does not show the passage.
 */
static gboolean
binding_map (Binding  *binding,
             gboolean  to_source,
             gsize     a,
             gsize     b,
             gsize    *mapped_a,
             gsize    *mapped_b)
{
  const char *source;
  g_autofree char *shown = NULL;
  gsize span_start;
  gsize span_end;
  gsize x;
  gsize y;

  if (!is_text (binding) || !binding_span (binding, &span_start, &span_end) || a > b)
    return FALSE;

  source = binding->card->text + span_start;
  shown = binding_dup_text (binding);
  if (to_source)
    {
      if (b > (gsize) g_utf8_strlen (shown, -1) ||
          !map_passage (shown, strlen (shown), g_utf8_offset_to_pointer (shown, a) - shown,
                        g_utf8_offset_to_pointer (shown, b) - shown,
                        source, span_end - span_start, &x, &y))
        return FALSE;

      *mapped_a = span_start + x;
      *mapped_b = span_start + y;
      return TRUE;
    }

  if (a < span_start || b > span_end ||
      !map_passage (source, span_end - span_start, a - span_start, b - span_start,
                    shown, strlen (shown), &x, &y))
    return FALSE;

  *mapped_a = g_utf8_pointer_to_offset (shown, shown + x);
  *mapped_b = g_utf8_pointer_to_offset (shown, shown + y);
  return TRUE;
}

/* Tells the view which passage of the page the field's cursor or
 * selection is on, so the page's buffer (and with it the fixes, the
 * preview and the review pane) follows the card.
 */
static void
emit_selection (Binding *binding)
{
  HelderBlockCard *self = binding->card;
  int from;
  int to;
  gsize start;
  gsize end;

  if (self->updating || self->block == NULL || !gtk_widget_has_focus (binding->widget))
    return;

  if (binding->type != BIND_TEXT)
    {
      if (!gtk_editable_get_selection_bounds (GTK_EDITABLE (binding->widget), &from, &to))
        from = to = gtk_editable_get_position (GTK_EDITABLE (binding->widget));
    }
  else
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (binding->widget));
      GtkTextIter a;
      GtkTextIter b;

      gtk_text_buffer_get_selection_bounds (buffer, &a, &b);
      from = gtk_text_iter_get_offset (&a);
      to = gtk_text_iter_get_offset (&b);
    }

  if (binding_map (binding, TRUE, from, to, &start, &end))
    g_signal_emit (self, signals[SELECTION_CHANGED], 0, (guint64) start, (guint64) end);
}

static void
text_mark_set_cb (GtkTextBuffer *buffer,
                  GtkTextIter   *location,
                  GtkTextMark   *mark,
                  Binding       *binding)
{
  if (mark == gtk_text_buffer_get_insert (buffer) || mark == gtk_text_buffer_get_selection_bound (buffer))
    emit_selection (binding);
}

static void
entry_selection_cb (GtkEditable *editable,
                    GParamSpec  *pspec,
                    Binding     *binding)
{
  emit_selection (binding);
}

/* A right click puts the cursor on the word clicked (unless it is in the
 * selection), so the menu offers that word's fixes.
 */
static void
text_context_pressed_cb (GtkGestureClick *gesture,
                         int              n_press,
                         double           x,
                         double           y,
                         Binding         *binding)
{
  GtkTextView *view = GTK_TEXT_VIEW (binding->widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter iter;
  GtkTextIter a;
  GtkTextIter b;
  int bx;
  int by;

  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (view, &iter, bx, by))
    return;
  if (gtk_text_buffer_get_selection_bounds (buffer, &a, &b) && gtk_text_iter_in_range (&iter, &a, &b))
    return;

  gtk_widget_grab_focus (binding->widget);
  gtk_text_buffer_place_cursor (buffer, &iter);
}

/* The card's copy of the page buffer's tag @name: the same colours and
 * styles as in Source.
 */
static GtkTextTag *
card_tag (GtkTextBuffer   *buffer,
          GtkTextTagTable *tags,
          const char      *name)
{
  static const struct { const char *name; const char *set; } properties[] = {
    { "underline", "underline-set" },
    { "underline-rgba", "underline-rgba-set" },
    { "background-rgba", "background-set" },
  };
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  GtkTextTag *page_tag = gtk_text_tag_table_lookup (tags, name);

  if (tag != NULL || page_tag == NULL)
    return tag;

  tag = gtk_text_buffer_create_tag (buffer, name, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    {
      gboolean is_set;

      g_object_get (page_tag, properties[i].set, &is_set, NULL);
      if (is_set)
        {
          g_auto(GValue) value = G_VALUE_INIT;

          g_object_get_property (G_OBJECT (page_tag), properties[i].name, &value);
          g_object_set_property (G_OBJECT (tag), properties[i].name, &value);
        }
    }

  return tag;
}

/* The same tag as Pango attributes of an entry's text, at bytes @a to @b. */
static void
add_tag_attributes (PangoAttrList *attributes,
                    GtkTextTag    *tag,
                    guint          a,
                    guint          b)
{
  gboolean underline_set;
  gboolean background_set;
  PangoUnderline underline;
  g_autoptr(GdkRGBA) colour = NULL;
  g_autoptr(GdkRGBA) background = NULL;
  PangoAttribute *attribute;

  g_object_get (tag, "underline-set", &underline_set, "underline", &underline,
                "underline-rgba", &colour, "background-set", &background_set,
                "background-rgba", &background, NULL);

#define ADD(expression) \
  G_STMT_START { attribute = (expression); attribute->start_index = a; attribute->end_index = b; \
                 pango_attr_list_insert (attributes, attribute); } G_STMT_END
  if (underline_set)
    ADD (pango_attr_underline_new (underline));
  if (underline_set && colour != NULL)
    ADD (pango_attr_underline_color_new (colour->red * 65535, colour->green * 65535,
                                         colour->blue * 65535));
  if (background_set && background != NULL)
    {
      ADD (pango_attr_background_new (background->red * 65535, background->green * 65535,
                                      background->blue * 65535));
      ADD (pango_attr_background_alpha_new (background->alpha * 65535));
    }
#undef ADD
}

static void
collect_page_tag_cb (GtkTextTag *tag,
                     gpointer    user_data)
{
  GPtrArray *found = user_data;
  GtkTextTagTable *tags = g_ptr_array_index (found, 0);
  g_autofree char *name = NULL;

  g_object_get (tag, "name", &name, NULL);
  if (name != NULL && gtk_text_tag_table_lookup (tags, name) != NULL)
    g_ptr_array_add (found, tag);
}

/* Takes the marks of the page's tags off a text field. */
static void
clear_marks (GtkTextBuffer   *buffer,
             GtkTextTagTable *tags)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  GtkTextIter start;
  GtkTextIter end;

  g_ptr_array_add (found, tags);
  gtk_text_tag_table_foreach (gtk_text_buffer_get_tag_table (buffer), collect_page_tag_cb, found);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  for (guint i = 1; i < found->len; i++)
    gtk_text_buffer_remove_tag (buffer, g_ptr_array_index (found, i), &start, &end);
}

static void
mark_binding (Binding         *binding,
              GtkTextTagTable *tags,
              GArray          *marks)
{
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();
  g_autofree char *shown = NULL;
  GtkTextBuffer *buffer = NULL;

  if (binding->type == BIND_TEXT)
    {
      buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (binding->widget));
      clear_marks (buffer, tags);
    }
  else if (is_text (binding))
    shown = binding_dup_text (binding);
  else
    return;

  for (guint i = 0; marks != NULL && i < marks->len; i++)
    {
      const HelderCardMark *mark = &g_array_index (marks, HelderCardMark, i);
      GtkTextTag *page_tag = gtk_text_tag_table_lookup (tags, mark->tag);
      gsize from;
      gsize to;

      if (page_tag == NULL || mark->start == mark->end ||
          !binding_map (binding, FALSE, mark->start, mark->end, &from, &to))
        continue;

      if (buffer != NULL)
        {
          GtkTextIter a;
          GtkTextIter b;

          gtk_text_buffer_get_iter_at_offset (buffer, &a, from);
          gtk_text_buffer_get_iter_at_offset (buffer, &b, to);
          gtk_text_buffer_apply_tag (buffer, card_tag (buffer, tags, mark->tag), &a, &b);
        }
      else
        add_tag_attributes (attributes, page_tag,
                            g_utf8_offset_to_pointer (shown, from) - shown,
                            g_utf8_offset_to_pointer (shown, to) - shown);
    }

  if (buffer == NULL)
    gtk_entry_set_attributes (GTK_ENTRY (binding->widget), attributes);
}

/* A caption file or transcript opens in the author's text editor. */
static void
edit_file_cb (GtkButton *button,
              Binding   *binding)
{
  const char *value = gtk_editable_get_text (GTK_EDITABLE (binding->widget));
  g_autofree char *path = g_build_filename (binding->card->course_path, value, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
text_buffer_changed_cb (GtkTextBuffer *buffer,
                        Binding       *binding)
{
  binding_changed (binding);
}

static void
widget_changed_cb (GtkWidget *widget,
                   Binding   *binding)
{
  binding_changed (binding);
}

static void
widget_notify_cb (GtkWidget  *widget,
                  GParamSpec *pspec,
                  Binding    *binding)
{
  binding_changed (binding);
}

static void
paragraph_clicked_cb (GtkButton          *button,
                      HelderRichTextView *view)
{
  helder_rich_text_view_set_paragraph (view,
                                       GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "helder-kind")),
                                       GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "helder-level")));
  gtk_widget_grab_focus (GTK_WIDGET (view));
}

/* The small toolbar of a text card: the style of the current paragraph.
 * Its buttons are made when the card first gets the focus: a page of
 * many text cards opens without them.
 */
static void
fill_paragraph_bar (GtkWidget *bar)
{
  static const struct { const char *label; const char *tooltip; HelderParagraphKind kind; guint level; } styles[] = {
    { N_("Text"), N_("Normal Text"), HELDER_PARAGRAPH_TEXT, 1 },
    { N_("H2"), N_("Heading"), HELDER_PARAGRAPH_HEADING, 2 },
    { N_("H3"), N_("Subheading"), HELDER_PARAGRAPH_HEADING, 3 },
    { N_("• List"), N_("Bulleted List"), HELDER_PARAGRAPH_BULLET, 1 },
    { N_("1. List"), N_("Numbered List"), HELDER_PARAGRAPH_NUMBER, 1 },
    { N_("Quote"), N_("Quote"), HELDER_PARAGRAPH_QUOTE, 1 },
  };
  GtkWidget *view = g_object_get_data (G_OBJECT (bar), "helder-view");

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      GtkWidget *button = gtk_button_new_with_label (_(styles[i].label));

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_focus_on_click (button, FALSE);
      set_tooltip (button, _(styles[i].tooltip));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(styles[i].tooltip), -1);
      g_object_set_data (G_OBJECT (button), "helder-kind", GINT_TO_POINTER (styles[i].kind));
      g_object_set_data (G_OBJECT (button), "helder-level", GUINT_TO_POINTER (styles[i].level));
      g_signal_connect_object (button, "clicked", G_CALLBACK (paragraph_clicked_cb), view, 0);
      gtk_box_append (GTK_BOX (bar), button);
    }
}

static void
focus_enter_cb (HelderBlockCard *self)
{
  if (self->paragraph_bar == NULL)
    return;
  if (gtk_widget_get_first_child (self->paragraph_bar) == NULL)
    fill_paragraph_bar (self->paragraph_bar);
  gtk_widget_show (self->paragraph_bar);
}

static void
focus_leave_cb (HelderBlockCard *self)
{
  if (self->paragraph_bar != NULL)
    gtk_widget_hide (self->paragraph_bar);
}

static void
add_paragraph_bar (HelderBlockCard    *self,
                   GtkWidget          *box,
                   HelderRichTextView *view)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);

  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Paragraph style"), -1);
  g_object_set_data_full (G_OBJECT (bar), "helder-view", g_object_ref (view), g_object_unref);
  gtk_widget_set_name (bar, "paragraph-bar");
  gtk_widget_add_css_class (bar, "helder-paragraph-bar");
  gtk_widget_set_visible (bar, gtk_widget_has_focus (GTK_WIDGET (self)) ||
                               gtk_widget_get_focus_child (GTK_WIDGET (self)) != NULL);
  if (gtk_widget_get_visible (bar))
    fill_paragraph_bar (bar);
  gtk_box_append (GTK_BOX (box), bar);
  self->paragraph_bar = bar;
}

static GtkWidget *
add_label (GtkWidget  *box,
           const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_box_append (GTK_BOX (box), label);

  return label;
}

static GtkWidget *
new_text_view (const char *label,
               gboolean    monospace)
{
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), monospace);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_add_css_class (view, "helder-card-text");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE, -1);

  return view;
}

static Binding *
add_binding (HelderBlockCard       *self,
             GtkWidget             *box,
             int                    item,
             const HelderFieldSpec *spec,
             const char            *label)
{
  Binding *binding = g_new0 (Binding, 1);
  const char *key = spec != NULL ? spec->key : "";

  binding->card = self;
  binding->item = item;
  binding->spec = spec;

  if (spec == NULL || (spec->flags & HELDER_FIELD_PROSE) != 0)
    {
      if (self->mode == CARD_TEXT)
        {
          binding->type = BIND_TEXT;
          binding->widget = helder_rich_text_view_new ();
          gtk_widget_add_css_class (binding->widget, "helder-card-text");
          gtk_accessible_update_property (GTK_ACCESSIBLE (binding->widget),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                          GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE, -1);
          g_signal_connect (binding->widget, "edited", G_CALLBACK (widget_changed_cb), binding);
          add_paragraph_bar (self, box, HELDER_RICH_TEXT_VIEW (binding->widget));
        }
      else if (self->mode == CARD_SOURCE || (self->mode == CARD_CALLOUT && item == 1) ||
               is_long_text (key))
        {
          binding->type = BIND_TEXT;
          binding->widget = new_text_view (label, self->mode == CARD_SOURCE);
          g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (binding->widget)), "changed",
                            G_CALLBACK (text_buffer_changed_cb), binding);
        }
      else
        {
          binding->type = BIND_ENTRY;
          binding->widget = gtk_entry_new ();
          gtk_accessible_update_property (GTK_ACCESSIBLE (binding->widget),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          g_signal_connect (binding->widget, "changed", G_CALLBACK (widget_changed_cb), binding);
        }
      if (self->mode == CARD_FIELDS || self->mode == CARD_CALLOUT)
        add_label (box, label);
      gtk_box_append (GTK_BOX (box), binding->widget);
    }
  else if ((spec->flags & HELDER_FIELD_BOOL) != 0 && g_str_equal (key, "decorative"))
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *text = gtk_label_new (label);

      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_widget_set_hexpand (text, TRUE);
      binding->type = BIND_SWITCH;
      binding->widget = gtk_switch_new ();
      gtk_widget_set_valign (binding->widget, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (binding->widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_signal_connect (binding->widget, "notify::active", G_CALLBACK (widget_notify_cb), binding);
      gtk_box_append (GTK_BOX (row), text);
      gtk_box_append (GTK_BOX (row), binding->widget);
      gtk_box_append (GTK_BOX (box), row);
    }
  else if ((spec->flags & HELDER_FIELD_BOOL) != 0)
    {
      binding->type = BIND_CHECK;
      binding->widget = gtk_check_button_new_with_label (label);
      g_signal_connect (binding->widget, "notify::active", G_CALLBACK (widget_notify_cb), binding);
      gtk_box_append (GTK_BOX (box), binding->widget);
    }
  else if ((spec->flags & HELDER_FIELD_ENUM) != 0)
    {
      g_auto(GStrv) values = g_strsplit (spec->values, "|", -1);
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

      for (guint i = 0; values[i] != NULL; i++)
        gtk_string_list_append (names, helder_field_value_label (values[i]));
      binding->type = BIND_DROPDOWN;
      binding->widget = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
      gtk_widget_set_halign (binding->widget, GTK_ALIGN_START);
      gtk_accessible_update_property (GTK_ACCESSIBLE (binding->widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_signal_connect (binding->widget, "notify::selected", G_CALLBACK (widget_notify_cb), binding);
      add_label (box, label);
      gtk_box_append (GTK_BOX (box), binding->widget);
    }
  else if ((spec->flags & HELDER_FIELD_GOAL) != 0)
    {
      binding->type = BIND_SPIN;
      binding->widget = gtk_spin_button_new_with_range (0, 9, 1);
      gtk_widget_set_halign (binding->widget, GTK_ALIGN_START);
      gtk_accessible_update_property (GTK_ACCESSIBLE (binding->widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_signal_connect (binding->widget, "value-changed", G_CALLBACK (widget_changed_cb), binding);
      add_label (box, label);
      gtk_box_append (GTK_BOX (box), binding->widget);
    }
  else
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *choose = gtk_button_new_with_label (_("Choose…"));
      g_autofree char *choose_label = g_strdup_printf (_("Choose %s…"), label);

      binding->type = BIND_FILE;
      if (self->block->kind == HELDER_BLOCK_IMAGE && g_str_equal (key, "src"))
        {
          binding->picture = GTK_PICTURE (gtk_picture_new ());
          gtk_picture_set_can_shrink (binding->picture, TRUE);
          gtk_picture_set_content_fit (binding->picture, GTK_CONTENT_FIT_CONTAIN);
          gtk_widget_set_size_request (GTK_WIDGET (binding->picture), -1,
                                       HELDER_CARD_PICTURE_HEIGHT);
          gtk_box_append (GTK_BOX (box), GTK_WIDGET (binding->picture));
        }
      add_label (box, label);
      binding->widget = gtk_entry_new ();
      gtk_widget_set_hexpand (binding->widget, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (binding->widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_signal_connect (binding->widget, "changed", G_CALLBACK (widget_changed_cb), binding);
      gtk_accessible_update_property (GTK_ACCESSIBLE (choose),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, choose_label, -1);
      g_signal_connect (choose, "clicked", G_CALLBACK (choose_file_cb), binding);
      gtk_box_append (GTK_BOX (row), binding->widget);
      gtk_box_append (GTK_BOX (row), choose);
      if (g_str_equal (key, "captions") || g_str_equal (key, "transcript"))
        {
          g_autofree char *edit_label = g_strdup_printf (_("Edit %s"), label);

          binding->edit = gtk_button_new_with_label (_("Edit"));
          set_tooltip (binding->edit, edit_label);
          gtk_accessible_update_property (GTK_ACCESSIBLE (binding->edit),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label, -1);
          g_signal_connect (binding->edit, "clicked", G_CALLBACK (edit_file_cb), binding);
          gtk_box_append (GTK_BOX (row), binding->edit);
        }
      gtk_box_append (GTK_BOX (box), row);

      binding->state = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_xalign (binding->state, 0);
      gtk_label_set_wrap (binding->state, TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (binding->state), "caption");
      gtk_widget_add_css_class (GTK_WIDGET (binding->state), "dim-label");
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (binding->state));
    }

  if (binding->type == BIND_TEXT)
    {
      GtkGesture *gesture = gtk_gesture_click_new ();

      g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (binding->widget)), "mark-set",
                        G_CALLBACK (text_mark_set_cb), binding);
      gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
      gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
      g_signal_connect (gesture, "pressed", G_CALLBACK (text_context_pressed_cb), binding);
      gtk_widget_add_controller (binding->widget, GTK_EVENT_CONTROLLER (gesture));
      gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (binding->widget), self->extra_menu);
    }
  else if (binding->type == BIND_ENTRY)
    {
      g_signal_connect (binding->widget, "notify::cursor-position",
                        G_CALLBACK (entry_selection_cb), binding);
      g_signal_connect (binding->widget, "notify::selection-bound",
                        G_CALLBACK (entry_selection_cb), binding);
      gtk_entry_set_extra_menu (GTK_ENTRY (binding->widget), self->extra_menu);
    }

  g_ptr_array_add (self->bindings, binding);

  return binding;
}

static void
item_button_cb (GtkButton       *button,
                HelderBlockCard *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "helder-item"));
  int move = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "helder-move"));

  if (self->block == NULL || index >= self->block->items->len)
    return;

  if (move == 0)
    emit_block_edit (self, helder_block_edit_remove_item (self->text, text_length (self),
                                                          self->block, index));
  else
    emit_block_edit (self, helder_block_edit_move_item (self->text, text_length (self),
                                                        self->block, index, move > 0));
}

/* A new answer is empty and not right; other items have their required
 * fields, empty.
 */
static void
add_item_cb (GtkButton       *button,
             HelderBlockCard *self)
{
  const HelderBlockSpec *spec = helder_block_spec_get (self->block->kind);
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();

  for (guint i = 0; spec->item_fields[i].key != NULL; i++)
    if ((spec->item_fields[i].flags & HELDER_FIELD_REQUIRED) != 0 ||
        g_str_equal (spec->item_fields[i].key, "feedback") ||
        g_str_equal (spec->item_fields[i].key, "correct"))
      {
        g_ptr_array_add (fields, (gpointer) spec->item_fields[i].key);
        g_ptr_array_add (fields, (gpointer) (g_str_equal (spec->item_fields[i].key, "correct")
                                             ? "no" : ""));
      }
  g_ptr_array_add (fields, NULL);

  emit_block_edit (self, helder_block_edit_add_item (self->text, text_length (self), self->block,
                                                     self->block->items->len,
                                                     (const char * const *) fields->pdata));
}

static GtkWidget *
item_button (HelderBlockCard *self,
             GtkWidget       *box,
             guint            index,
             int              move,
             const char      *icon,
             const char      *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  set_tooltip (button, tooltip);
  /* GTK 4.8 names an icon button after its image, not its tooltip. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  g_object_set_data (G_OBJECT (button), "helder-item", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (button), "helder-move", GINT_TO_POINTER (move));
  g_signal_connect_object (button, "clicked", G_CALLBACK (item_button_cb), self, 0);
  gtk_box_append (GTK_BOX (box), button);

  return button;
}

static void
build_items (HelderBlockCard *self)
{
  const HelderBlock *block = self->block;
  const HelderBlockSpec *spec = helder_block_spec_get (block->kind);
  GtkWidget *add;

  for (guint i = 0; i < block->items->len; i++)
    {
      GtkWidget *item = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      g_autofree char *title = item_title (block->kind, i + 1);
      GtkWidget *label = gtk_label_new (title);

      gtk_widget_add_css_class (item, "helder-block-item");
      gtk_accessible_update_property (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      title, -1);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (label, "heading");
      gtk_box_append (GTK_BOX (header), label);
      if (i > 0)
        item_button (self, header, i, -1, "go-up-symbolic", _("Move Up"));
      if (i + 1 < block->items->len)
        item_button (self, header, i, 1, "go-down-symbolic", _("Move Down"));
      item_button (self, header, i, 0, "user-trash-symbolic", _("Remove"));
      gtk_box_append (GTK_BOX (item), header);

      for (guint j = 0; spec->item_fields[j].key != NULL; j++)
        add_binding (self, item, i, &spec->item_fields[j],
                     helder_field_label (block->kind, spec->item_fields[j].key));

      gtk_box_append (GTK_BOX (self->fields), item);
    }

  add = gtk_button_new_with_label (add_item_label (block->kind));
  gtk_widget_set_halign (add, GTK_ALIGN_START);
  g_signal_connect_object (add, "clicked", G_CALLBACK (add_item_cb), self, 0);
  gtk_box_append (GTK_BOX (self->fields), add);
}

/* A video's poster frame, or a placeholder for sound, with the length
 * in its corner once the file has been read.
 */
static void
add_media_preview (HelderBlockCard *self,
                   gboolean         video)
{
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *placeholder = gtk_image_new_from_icon_name (video ? "video-x-generic-symbolic"
                                                               : "audio-x-generic-symbolic");

  gtk_image_set_pixel_size (GTK_IMAGE (placeholder), 48);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_overlay_set_child (GTK_OVERLAY (overlay), placeholder);
  gtk_widget_add_css_class (overlay, "helder-media-frame");
  gtk_widget_set_size_request (overlay, -1, video ? HELDER_CARD_PICTURE_HEIGHT : 72);
  gtk_widget_set_overflow (overlay, GTK_OVERFLOW_HIDDEN);

  if (video)
    {
      self->media_picture = GTK_PICTURE (gtk_picture_new ());
      gtk_picture_set_can_shrink (self->media_picture, TRUE);
      gtk_picture_set_content_fit (self->media_picture, GTK_CONTENT_FIT_CONTAIN);
      gtk_picture_set_alternative_text (self->media_picture, _("The video’s poster frame"));
      gtk_overlay_add_overlay (GTK_OVERLAY (overlay), GTK_WIDGET (self->media_picture));
    }
  else
    self->media_picture = NULL;

  self->media_length = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_halign (GTK_WIDGET (self->media_length), GTK_ALIGN_END);
  gtk_widget_set_valign (GTK_WIDGET (self->media_length), GTK_ALIGN_END);
  gtk_widget_set_margin_end (GTK_WIDGET (self->media_length), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->media_length), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->media_length), "helder-media-length");
  gtk_widget_set_visible (GTK_WIDGET (self->media_length), FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), GTK_WIDGET (self->media_length));

  g_clear_pointer (&self->media_files, g_free);
  gtk_box_append (GTK_BOX (self->fields), overlay);
}

/* An image's alt text findings, right under the alt text. */
static void
add_alt_findings (HelderBlockCard *self)
{
  self->alt_findings = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->alt_findings, 0);
  gtk_label_set_wrap (self->alt_findings, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->alt_findings), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->alt_findings), "warning");
  gtk_widget_set_visible (GTK_WIDGET (self->alt_findings), FALSE);
  gtk_box_append (GTK_BOX (self->fields), GTK_WIDGET (self->alt_findings));
}

static void
build (HelderBlockCard *self)
{
  const HelderBlock *block = self->block;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->fields)) != NULL)
    gtk_box_remove (GTK_BOX (self->fields), child);
  g_ptr_array_set_size (self->bindings, 0);
  self->paragraph_bar = NULL;
  self->media_picture = NULL;
  self->media_length = NULL;
  self->alt_findings = NULL;

  gtk_widget_remove_css_class (self->frame, "helder-callout");
  gtk_widget_remove_css_class (self->frame, "helder-source-card");

  switch (self->mode)
    {
    case CARD_TEXT:
      add_binding (self, self->fields, -1, NULL, _("Text"));
      break;
    case CARD_SOURCE:
      gtk_widget_add_css_class (self->frame, "helder-source-card");
      add_binding (self, self->fields, -1, NULL, _("Source"));
      break;
    case CARD_HEADING:
      add_binding (self, self->fields, -1, NULL, _("Heading"));
      gtk_widget_add_css_class (((Binding *) g_ptr_array_index (self->bindings, 0))->widget,
                                 "title-4");
      break;
    case CARD_CALLOUT:
      gtk_widget_add_css_class (self->frame, "helder-callout");
      add_binding (self, self->fields, 0, NULL, _("Title"));
      add_binding (self, self->fields, 1, NULL, _("Text"));
      break;
    case CARD_FIELDS:
    default:
      {
        const HelderBlockSpec *spec = helder_block_spec_get (block->kind);

        if (block->kind == HELDER_BLOCK_VIDEO || block->kind == HELDER_BLOCK_AUDIO)
          add_media_preview (self, block->kind == HELDER_BLOCK_VIDEO);
        for (guint i = 0; spec->fields[i].key != NULL; i++)
          if ((spec->fields[i].flags & HELDER_FIELD_ID) == 0)
            {
              add_binding (self, self->fields, -1, &spec->fields[i],
                           helder_field_label (block->kind, spec->fields[i].key));
              if (block->kind == HELDER_BLOCK_IMAGE && g_str_equal (spec->fields[i].key, "alt"))
                add_alt_findings (self);
            }
        if (spec->item_fields[0].key != NULL)
          build_items (self);
      }
      break;
    }
}

typedef struct
{
  char *path;
  int   scale;  /* the screen's pixels per point */
} PictureRequest;

static void
picture_request_free (PictureRequest *request)
{
  g_free (request->path);
  g_free (request);
}

static void
load_picture_in_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  PictureRequest *request = task_data;
  GError *error = NULL;
  GdkTexture *texture = helder_card_picture_new_from_path (request->path, request->scale, &error);

  if (texture == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, texture, g_object_unref);
}

static void
picture_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Binding *binding = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = g_task_propagate_pointer (G_TASK (result), &error);

  /* Cancelled: the binding is gone, or shows another file by now. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&binding->loading);
  gtk_picture_set_paintable (binding->picture, GDK_PAINTABLE (texture));
  if (texture == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("This picture cannot be shown: %s"),
                                                  error->message);

      gtk_label_set_text (binding->state, message);
      gtk_widget_set_visible (GTK_WIDGET (binding->state), TRUE);
    }
}

/* Shows the image at @path (or none): read and decoded in a thread, so
 * that a page full of pictures opens at once; a picture that already
 * shows @path is left alone.
 */
static void
show_picture (Binding    *binding,
              const char *path)
{
  g_autoptr(GTask) task = NULL;
  PictureRequest *request;

  if (g_strcmp0 (binding->picture_path, path) == 0)
    return;

  if (binding->loading != NULL)
    g_cancellable_cancel (binding->loading);
  g_clear_object (&binding->loading);
  g_free (binding->picture_path);
  binding->picture_path = g_strdup (path);
  gtk_picture_set_paintable (binding->picture, NULL);
  if (path == NULL)
    return;

  binding->loading = g_cancellable_new ();
  task = g_task_new (binding->picture, binding->loading, picture_loaded_cb, binding);
  g_task_set_source_tag (task, show_picture);
  request = g_new0 (PictureRequest, 1);
  request->path = g_strdup (path);
  request->scale = gtk_widget_get_scale_factor (GTK_WIDGET (binding->picture));
  g_task_set_task_data (task, request, (GDestroyNotify) picture_request_free);
  g_task_run_in_thread (task, load_picture_in_thread);
}

static void
update_file (Binding    *binding,
             const char *value)
{
  g_autofree char *path = g_build_filename (binding->card->course_path, value, NULL);
  gboolean found = *value != '\0' && g_file_test (path, G_FILE_TEST_IS_REGULAR);

  entry_set_text (GTK_EDITABLE (binding->widget), value);
  gtk_label_set_text (binding->state, *value == '\0' ? _("No file chosen yet")
                                      : !found ? _("This file is not in the course folder.")
                                      : binding->note != NULL ? binding->note : "");
  gtk_widget_set_visible (GTK_WIDGET (binding->state), !found || binding->note != NULL);
  if (binding->edit != NULL)
    gtk_widget_set_sensitive (binding->edit, found);
  if (binding->picture != NULL)
    show_picture (binding, found ? path : NULL);
}

static void
update_binding (Binding *binding)
{
  HelderBlockCard *self = binding->card;
  const HelderField *field = NULL;
  const char *value = "";
  g_autofree char *owned = NULL;

  switch (self->mode)
    {
    case CARD_TEXT:
      if (g_strcmp0 (self->rich_shown, self->source) != 0)
        {
          g_autoptr(HelderRichText) rich = helder_rich_text_parse (self->source, -1, NULL);

          if (rich != NULL)
            helder_rich_text_view_set_text (HELDER_RICH_TEXT_VIEW (binding->widget), rich);
          g_free (self->rich_shown);
          self->rich_shown = g_strdup (self->source);
        }
      return;
    case CARD_SOURCE:
      value = self->source;
      break;
    case CARD_HEADING:
      value = self->block->title != NULL ? self->block->title : "";
      break;
    case CARD_CALLOUT:
      if (binding->item == 0)
        value = self->block->title != NULL ? self->block->title : "";
      else
        {
          owned = helder_block_dup_callout_body (self->text, text_length (self), self->block);
          g_strchomp (owned);
          value = owned;
        }
      break;
    case CARD_FIELDS:
    default:
      field = binding_field (binding);
      value = field != NULL ? field->value : "";
      break;
    }

  switch (binding->type)
    {
    case BIND_ENTRY:
      entry_set_text (GTK_EDITABLE (binding->widget), value);
      break;
    case BIND_TEXT:
      text_view_set_text (GTK_TEXT_VIEW (binding->widget), value);
      break;
    case BIND_CHECK:
      gtk_check_button_set_active (GTK_CHECK_BUTTON (binding->widget), helder_value_is_yes (value));
      break;
    case BIND_SWITCH:
      gtk_switch_set_active (GTK_SWITCH (binding->widget), helder_value_is_yes (value));
      break;
    case BIND_DROPDOWN:
      {
        g_auto(GStrv) values = g_strsplit (binding->spec->values, "|", -1);
        guint selected = 0;

        for (guint i = 0; values[i] != NULL; i++)
          if (g_str_equal (values[i], value))
            selected = i;
        gtk_drop_down_set_selected (GTK_DROP_DOWN (binding->widget), selected);
      }
      break;
    case BIND_SPIN:
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (binding->widget), g_ascii_strtod (value, NULL));
      break;
    case BIND_FILE:
    default:
      update_file (binding, value);
      break;
    }
}

/* Media: what the card's files hold, read in a thread. */

typedef struct
{
  char     *course_path;
  char     *src;
  char     *captions;
  char     *transcript;
  char     *poster;
  gboolean  video;
  int       scale;  /* the screen's pixels per point */
} MediaRequest;

typedef struct
{
  HelderMediaSummary *summary;
  GdkTexture         *frame;
} MediaResult;

static void
media_request_free (MediaRequest *request)
{
  g_free (request->course_path);
  g_free (request->src);
  g_free (request->captions);
  g_free (request->transcript);
  g_free (request->poster);
  g_free (request);
}

static void
media_result_free (MediaResult *result)
{
  helder_media_summary_free (result->summary);
  g_clear_object (&result->frame);
  g_free (result);
}

static void
read_media_in_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  MediaRequest *request = task_data;
  MediaResult *result = g_new0 (MediaResult, 1);
  g_autofree char *poster = NULL;

  /* A chosen poster shows rather than the first frame. */
  if (request->poster != NULL && *request->poster != '\0')
    poster = g_build_filename (request->course_path, request->poster, NULL);
  if (poster != NULL && g_file_test (poster, G_FILE_TEST_IS_REGULAR))
    result->frame = helder_card_picture_new_from_path (poster, request->scale, NULL);
  result->summary = helder_media_summary_read (request->course_path, request->src,
                                               request->video && result->frame == NULL,
                                               request->captions, request->transcript);
  if (result->frame == NULL && result->summary->first_frame != NULL)
    result->frame = helder_card_picture_new_from_bytes (result->summary->first_frame,
                                                        request->scale, NULL);

  g_task_return_pointer (task, result, (GDestroyNotify) media_result_free);
}

/* "2:14" */
static char *
format_minutes (gint64 ms)
{
  gint64 seconds = ms / 1000;

  return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d", seconds / 60, (int) (seconds % 60));
}

/* What the file of @key holds, in the author's words, or NULL. */
static char *
media_note (const HelderMediaSummary *summary,
            const char               *key)
{
  if (g_str_equal (key, "src"))
    {
      g_autofree char *length = NULL;

      if (summary->media_problem != NULL && summary->duration < 0)
        return g_strdup_printf (_("This file cannot be played: %s"), summary->media_problem);
      if (summary->duration < 0)
        return NULL;
      length = format_minutes (summary->duration);
      /* Translators: %s is the length of a video or sound, such as 2:14 */
      return g_strdup_printf (_("Plays for %s"), length);
    }
  if (g_str_equal (key, "captions"))
    {
      g_autofree char *covered = NULL;
      g_autofree char *length = NULL;

      if (summary->captions_problem != NULL)
        return g_strdup_printf (_("These captions cannot be used: %s"), summary->captions_problem);
      if (summary->n_cues == 0)
        return g_strdup (_("This caption file holds no captions yet."));
      if (summary->duration <= 0)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u caption", "%u captions",
                                             summary->n_cues), summary->n_cues);
      covered = format_minutes (MIN (summary->captions_end, summary->duration));
      length = format_minutes (summary->duration);
      /* Translators: how much of a video the captions cover, such as "2:10 of 2:14" */
      return g_strdup_printf (_("Captions cover %s of %s"), covered, length);
    }
  if (g_str_equal (key, "transcript") && summary->transcript_words >= 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words",
                                         (gulong) summary->transcript_words),
                            (guint) summary->transcript_words);

  return NULL;
}

static void
media_read_cb (GObject      *source,
               GAsyncResult *async_result,
               gpointer      user_data)
{
  HelderBlockCard *self = HELDER_BLOCK_CARD (source);
  g_autoptr(GError) error = NULL;
  MediaResult *result = g_task_propagate_pointer (G_TASK (async_result), &error);

  /* Cancelled: the card shows other files by now, or is gone. */
  if (result == NULL)
    return;

  g_clear_object (&self->media_loading);
  if (self->media_picture != NULL)
    gtk_picture_set_paintable (self->media_picture, GDK_PAINTABLE (result->frame));
  if (self->media_length != NULL)
    {
      g_autofree char *length = result->summary->duration >= 0
                                ? format_minutes (result->summary->duration) : NULL;

      gtk_label_set_text (self->media_length, length);
      gtk_widget_set_visible (GTK_WIDGET (self->media_length), length != NULL);
    }

  for (guint i = 0; self->block != NULL && i < self->bindings->len; i++)
    {
      Binding *binding = g_ptr_array_index (self->bindings, i);

      if (binding->type != BIND_FILE || binding->picture != NULL)
        continue;
      g_free (binding->note);
      binding->note = media_note (result->summary, binding->spec->key);
      self->updating = TRUE;
      update_binding (binding);
      self->updating = FALSE;
    }

  media_result_free (result);
}

/* Reads the video's or sound's files again when another one is chosen. */
static void
update_media (HelderBlockCard *self)
{
  const HelderBlock *block = self->block;
  g_autoptr(GTask) task = NULL;
  MediaRequest *request;
  g_autofree char *files = NULL;

  if (self->media_length == NULL)
    return;

  files = g_strjoin ("\n", helder_block_get_value (block, "src") ?: "",
                     helder_block_get_value (block, "captions") ?: "",
                     helder_block_get_value (block, "transcript") ?: "",
                     helder_block_get_value (block, "poster") ?: "", NULL);
  if (g_strcmp0 (files, self->media_files) == 0)
    return;

  g_free (self->media_files);
  self->media_files = g_steal_pointer (&files);
  if (self->media_loading != NULL)
    g_cancellable_cancel (self->media_loading);
  g_clear_object (&self->media_loading);
  for (guint i = 0; i < self->bindings->len; i++)
    g_clear_pointer (&((Binding *) g_ptr_array_index (self->bindings, i))->note, g_free);

  request = g_new0 (MediaRequest, 1);
  request->course_path = g_strdup (self->course_path);
  request->src = g_strdup (helder_block_get_value (block, "src"));
  request->captions = g_strdup (helder_block_get_value (block, "captions"));
  request->transcript = g_strdup (helder_block_get_value (block, "transcript"));
  request->poster = g_strdup (helder_block_get_value (block, "poster"));
  request->video = block->kind == HELDER_BLOCK_VIDEO;
  request->scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  self->media_loading = g_cancellable_new ();
  task = g_task_new (self, self->media_loading, media_read_cb, NULL);
  g_task_set_source_tag (task, update_media);
  g_task_set_task_data (task, request, (GDestroyNotify) media_request_free);
  g_task_run_in_thread (task, read_media_in_thread);
}

static char *
block_subject (HelderBlockCard *self)
{
  const HelderBlock *block = self->block;
  const char *subject = NULL;
  g_autofree char *first = NULL;

  if (block->kind == HELDER_BLOCK_HEADING || block->kind == HELDER_BLOCK_CALLOUT)
    subject = block->title;
  if (subject == NULL)
    subject = helder_block_get_value (block, "question");
  if (subject == NULL)
    subject = helder_block_get_value (block, "title");
  if (subject == NULL)
    subject = helder_block_get_value (block, "alt");
  /* A paragraph by its words as the card shows them, without the
   * source's list marks, emphasis or link addresses.
   */
  if (subject == NULL && self->mode == CARD_TEXT && self->bindings->len > 0)
    {
      Binding *binding = g_ptr_array_index (self->bindings, 0);
      g_autofree char *shown = text_view_get_text (GTK_TEXT_VIEW (binding->widget));
      const char *words = shown + strspn (shown, " \n");
      const char *mark_end = words;
      const char *newline;

      /* Nor the bullet or number the card shows before a list item. */
      if (g_str_has_prefix (words, "•"))
        mark_end += strlen ("•");
      else if (words[strspn (words, "0123456789")] == '.' && g_ascii_isdigit (*words))
        mark_end += strspn (words, "0123456789") + 1;
      if (mark_end != words && g_unichar_isspace (g_utf8_get_char (mark_end)))
        words = g_utf8_next_char (mark_end);
      newline = strchr (words, '\n');

      first = newline != NULL ? g_strndup (words, newline - words) : g_strdup (words);
      subject = first;
    }

  if (subject == NULL || *subject == '\0')
    return NULL;
  /* A paragraph is named by its first words. */
  if (first != NULL && g_utf8_strlen (subject, -1) > 60)
    {
      g_autofree char *cut = g_utf8_substring (subject, 0, 60);

      return g_strconcat (cut, "…", NULL);
    }

  return g_strdup (subject);
}

/* The card's name, on top and for a screen reader: its kind and the
 * first words it shows.
 */
static void
update_name (HelderBlockCard *self)
{
  g_autofree char *subject = block_subject (self);

  g_free (self->name);
  self->name = subject != NULL ? g_strdup_printf ("%s: %s", kind_name (self->block), subject)
                               : g_strdup (kind_name (self->block));
  self->name_stale = FALSE;
  gtk_label_set_text (self->kind_label, self->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->name, -1);
}

/**
 * helder_block_card_move:
 * @block: a block with the same bytes as the card's, owned by the page
 *   content, at the same or another place of @text
 * @text: the whole page source @block was parsed from
 *
 * Follows the card's block to its new place in the page (after an edit in
 * another block) without filling the card again: what it shows stays the
 * same. @block and @text must stay valid until the next update.
 */
void
helder_block_card_move (HelderBlockCard   *self,
                        const HelderBlock *block,
                        const char        *text)
{
  g_return_if_fail (HELDER_IS_BLOCK_CARD (self));
  g_return_if_fail (block != NULL);

  self->block = block;
  self->text = text;
  /* Its own text, typed into it: the name follows the words. */
  if (self->name_stale)
    update_name (self);
}

/**
 * helder_block_card_update:
 * @block: the block now at the card's place, owned by the page content
 * @text: the whole page source @block was parsed from
 *
 * Shows @block, keeping the focus and the cursor of the field being
 * edited. @block and @text must stay valid until the next update.
 *
 * Returns: %FALSE when the card was built for another kind of block or
 *   another number of items, and a new card must take its place
 */
gboolean
helder_block_card_update (HelderBlockCard   *self,
                          const HelderBlock *block,
                          const char        *text)
{
  g_autofree char *shape = NULL;
  CardMode mode;

  g_return_val_if_fail (HELDER_IS_BLOCK_CARD (self), FALSE);
  g_return_val_if_fail (block != NULL, FALSE);

  mode = mode_for (block, text);
  shape = shape_for (block, mode);
  if (self->shape != NULL && !g_str_equal (shape, self->shape))
    return FALSE;

  self->block = block;
  self->text = text;
  g_free (self->source);
  self->source = g_strndup (text + block->range.start, block->range.end - block->range.start);

  if (self->shape == NULL)
    {
      self->shape = g_steal_pointer (&shape);
      self->mode = mode;
      build (self);
      helder_block_card_set_editable (self, self->editable);
    }

  self->updating = TRUE;
  for (guint i = 0; i < self->bindings->len; i++)
    update_binding (g_ptr_array_index (self->bindings, i));
  self->updating = FALSE;
  update_media (self);

  update_name (self);

  return TRUE;
}

/* The card's block is gone from the page: the card edits nothing more. */
void
helder_block_card_release (HelderBlockCard *self)
{
  g_return_if_fail (HELDER_IS_BLOCK_CARD (self));

  self->block = NULL;
  self->text = NULL;
}

/* Returns: (transfer none): the block shown, valid until the next update */
const HelderBlock *
helder_block_card_get_block (HelderBlockCard *self)
{
  g_return_val_if_fail (HELDER_IS_BLOCK_CARD (self), NULL);

  return self->block;
}

/* Returns: (transfer none): the block's bytes as last shown */
const char *
helder_block_card_get_source (HelderBlockCard *self)
{
  g_return_val_if_fail (HELDER_IS_BLOCK_CARD (self), NULL);

  return self->source;
}

/* Returns: (transfer none): the card's name for a screen reader, such as
 *   "Knowledge check: Wat is AI?"
 */
const char *
helder_block_card_get_name (HelderBlockCard *self)
{
  g_return_val_if_fail (HELDER_IS_BLOCK_CARD (self), NULL);

  return self->name;
}

gboolean
helder_block_card_is_source (HelderBlockCard *self)
{
  g_return_val_if_fail (HELDER_IS_BLOCK_CARD (self), FALSE);

  return self->mode == CARD_SOURCE;
}

void
helder_block_card_set_findings (HelderBlockCard *self,
                                guint            n_findings)
{
  g_autofree char *count = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (HELDER_IS_BLOCK_CARD (self));

  /* Each keystroke in a card sets the count again; a tooltip set anew
   * makes GTK look for the widget under the pointer, every time.
   */
  if (n_findings == self->n_findings)
    return;
  self->n_findings = n_findings;

  gtk_widget_set_visible (GTK_WIDGET (self->badge), n_findings > 0);
  if (n_findings == 0)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  count = g_strdup_printf ("%u", n_findings);
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding", "%u findings",
                                              n_findings), n_findings);
  gtk_label_set_text (self->badge, count);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->badge), description);
  /* A screen reader reads the count with what it counts. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->badge), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
}

/* Puts the focus in @binding's widget with the cursor at the end of its
 * text, or all of its text selected.
 */
static gboolean
focus_binding (Binding  *binding,
               gboolean  select)
{
  if (!gtk_widget_grab_focus (binding->widget))
    return gtk_widget_child_focus (binding->card->frame, GTK_DIR_TAB_FORWARD);
  if (binding->type == BIND_TEXT)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (binding->widget));
      GtkTextIter start;
      GtkTextIter end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      if (select)
        gtk_text_buffer_select_range (buffer, &end, &start);
      else
        gtk_text_buffer_place_cursor (buffer, &end);
    }
  else if (is_text (binding))
    {
      if (select)
        gtk_editable_select_region (GTK_EDITABLE (binding->widget), 0, -1);
      else
        gtk_editable_set_position (GTK_EDITABLE (binding->widget), -1);
    }
  return TRUE;
}

/**
 * helder_block_card_set_alt_findings:
 * @diagnostics: (nullable) (element-type HelderDiagnostic): the page's findings
 *
 * Shows an image's alt text findings among @diagnostics right under its
 * alt text; other cards show none.
 */
void
helder_block_card_set_alt_findings (HelderBlockCard *self,
                                    GPtrArray       *diagnostics)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_if_fail (HELDER_IS_BLOCK_CARD (self));

  if (self->alt_findings == NULL || self->block == NULL)
    return;

  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    {
      const HelderDiagnostic *d = g_ptr_array_index (diagnostics, i);
      g_autofree char *first = NULL;

      if (!g_str_has_prefix (d->rule, "a11y-alt") || *d->message == '\0' ||
          d->start < self->block->range.start ||
          d->start >= self->block->range.end)
        continue;

      /* A sentence of its own: a capital first. */
      first = g_utf8_strup (d->message, g_utf8_next_char (d->message) - d->message);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s%s.", first, g_utf8_next_char (d->message));
    }

  gtk_label_set_text (self->alt_findings, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->alt_findings), text->len > 0);
}

void
helder_block_card_set_editable (HelderBlockCard *self,
                                gboolean         editable)
{
  g_return_if_fail (HELDER_IS_BLOCK_CARD (self));

  self->editable = editable;
  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *binding = g_ptr_array_index (self->bindings, i);

      if (GTK_IS_TEXT_VIEW (binding->widget))
        gtk_text_view_set_editable (GTK_TEXT_VIEW (binding->widget), editable);
      else if (GTK_IS_EDITABLE (binding->widget))
        gtk_editable_set_editable (GTK_EDITABLE (binding->widget), editable);
      else
        gtk_widget_set_sensitive (binding->widget, editable);
    }
}

/* Puts the focus in the field that holds bytes @start to @end of the page,
 * with those bytes selected where the field shows them.
 */
gboolean
helder_block_card_focus_range (HelderBlockCard *self,
                               gsize            start,
                               gsize            end)
{
  g_return_val_if_fail (HELDER_IS_BLOCK_CARD (self), FALSE);

  if (self->block == NULL)
    return FALSE;

  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *binding = g_ptr_array_index (self->bindings, i);
      gsize span_start;
      gsize span_end;
      gsize from;
      gsize to;

      if (!binding_span (binding, &span_start, &span_end) ||
          start < span_start || start > span_end)
        continue;

      gtk_widget_grab_focus (binding->widget);
      if (!binding_map (binding, FALSE, start, MIN (end, span_end), &from, &to))
        return TRUE;

      if (binding->type != BIND_TEXT)
        gtk_editable_select_region (GTK_EDITABLE (binding->widget), from, to);
      else
        {
          GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (binding->widget));
          GtkTextIter a;
          GtkTextIter b;

          gtk_text_buffer_get_iter_at_offset (buffer, &a, from);
          gtk_text_buffer_get_iter_at_offset (buffer, &b, to);
          gtk_text_buffer_select_range (buffer, &b, &a);
          gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (binding->widget), &a, 0, FALSE, 0, 0);
        }
      return TRUE;
    }

  /* An empty field has no bytes to hold @start: the nearest field. */
  {
    Binding *nearest = NULL;
    gsize distance = G_MAXSIZE;

    for (guint i = 0; i < self->bindings->len; i++)
      {
        Binding *binding = g_ptr_array_index (self->bindings, i);
        gsize span_start;
        gsize span_end;
        gsize away;

        if (!is_text (binding) || !binding_span (binding, &span_start, &span_end))
          continue;
        away = start < span_start ? span_start - start : start - span_end;
        if (away < distance)
          nearest = binding, distance = away;
      }
    if (nearest != NULL)
      return focus_binding (nearest, FALSE);
  }

  return gtk_widget_child_focus (self->frame, GTK_DIR_TAB_FORWARD);
}

/**
 * helder_block_card_focus_first_field:
 * @select: whether to select the field's text, so that typing replaces it
 *   (the words a new block starts with)
 *
 * Puts the keyboard focus in the card's first field, where writing
 * starts; a card without fields takes the focus on its first control.
 */
gboolean
helder_block_card_focus_first_field (HelderBlockCard *self,
                                     gboolean         select)
{
  g_return_val_if_fail (HELDER_IS_BLOCK_CARD (self), FALSE);

  if (self->bindings->len == 0)
    return gtk_widget_child_focus (self->frame, GTK_DIR_TAB_FORWARD);

  return focus_binding (g_ptr_array_index (self->bindings, 0), select);
}

/**
 * helder_block_card_set_marks:
 * @tags: the page buffer's tags, whose looks the marks take
 * @marks: (element-type HelderCardMark) (nullable): passages of the page
 *
 * Marks the passages of @marks that the card's text fields show, with the
 * same underline or highlight as the tag of that name has in Source.
 */
void
helder_block_card_set_marks (HelderBlockCard *self,
                             GtkTextTagTable *tags,
                             GArray          *marks)
{
  g_return_if_fail (HELDER_IS_BLOCK_CARD (self));
  g_return_if_fail (GTK_IS_TEXT_TAG_TABLE (tags));

  if (self->block == NULL)
    return;

  for (guint i = 0; i < self->bindings->len; i++)
    mark_binding (g_ptr_array_index (self->bindings, i), tags, marks);
}

/* The menu the text fields add to their context menu: the fixes. */
void
helder_block_card_set_extra_menu (HelderBlockCard *self,
                                  GMenuModel      *menu)
{
  g_return_if_fail (HELDER_IS_BLOCK_CARD (self));

  g_set_object (&self->extra_menu, menu);
  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *binding = g_ptr_array_index (self->bindings, i);

      if (binding->type == BIND_TEXT)
        gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (binding->widget), menu);
      else if (binding->type == BIND_ENTRY)
        gtk_entry_set_extra_menu (GTK_ENTRY (binding->widget), menu);
    }
}

HelderBlockCard *
helder_block_card_new (const char *course_path)
{
  HelderBlockCard *self = g_object_new (HELDER_TYPE_BLOCK_CARD, NULL);

  self->course_path = g_strdup (course_path);

  return self;
}

static void
helder_block_card_dispose (GObject *object)
{
  HelderBlockCard *self = (HelderBlockCard *) object;

  if (self->media_loading != NULL)
    g_cancellable_cancel (self->media_loading);
  g_clear_object (&self->media_loading);
  gtk_widget_dispose_template (GTK_WIDGET (self), HELDER_TYPE_BLOCK_CARD);

  G_OBJECT_CLASS (helder_block_card_parent_class)->dispose (object);
}

static void
helder_block_card_finalize (GObject *object)
{
  HelderBlockCard *self = (HelderBlockCard *) object;

  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_object (&self->extra_menu);
  g_free (self->course_path);
  g_free (self->source);
  g_free (self->rich_shown);
  g_free (self->shape);
  g_free (self->name);
  g_free (self->media_files);

  G_OBJECT_CLASS (helder_block_card_parent_class)->finalize (object);
}

static void
helder_block_card_class_init (HelderBlockCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_block_card_dispose;
  object_class->finalize = helder_block_card_finalize;

  /**
   * HelderBlockCard::edit:
   * @start: the first byte of the page source to replace
   * @end: the byte after the last one
   * @text: what to put there
   */
  signals[EDIT] =
    g_signal_new ("edit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT64, G_TYPE_UINT64, G_TYPE_STRING);

  /**
   * HelderBlockCard::selection-changed:
   * @start: the first byte of the page source the field's selection holds
   * @end: the byte after the last one (@start for a cursor)
   */
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT64, G_TYPE_UINT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/helderapp/Helder/helder-block-card.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderBlockCard, body);
  gtk_widget_class_bind_template_child (widget_class, HelderBlockCard, frame);
  gtk_widget_class_bind_template_child (widget_class, HelderBlockCard, handle);
  gtk_widget_class_bind_template_child (widget_class, HelderBlockCard, kind_label);
  gtk_widget_class_bind_template_child (widget_class, HelderBlockCard, badge);
  gtk_widget_class_bind_template_child (widget_class, HelderBlockCard, menu_button);
  gtk_widget_class_bind_template_child (widget_class, HelderBlockCard, insert_button);
  gtk_widget_class_bind_template_child (widget_class, HelderBlockCard, card_menu);
  gtk_widget_class_bind_template_child (widget_class, HelderBlockCard, fields);
}

/* Dragging the handle drags the card itself; the Blocks view, where it is
 * dropped, moves its block.
 */
static GdkContentProvider *
handle_drag_prepare_cb (GtkDragSource   *source,
                        double           x,
                        double           y,
                        HelderBlockCard *self)
{
  if (self->block == NULL || !self->editable)
    return NULL;

  return gdk_content_provider_new_typed (HELDER_TYPE_BLOCK_CARD, self);
}

static void
handle_drag_begin_cb (GtkDragSource   *source,
                      GdkDrag         *drag,
                      HelderBlockCard *self)
{
  g_autoptr(GdkPaintable) picture = gtk_widget_paintable_new (self->frame);

  gtk_drag_source_set_icon (source, picture, 0, 0);
}

/* The card's menu is made when it first opens: a page of many cards
 * would otherwise hold a menu's worth of widgets for each of them.
 */
static void
create_card_menu_cb (GtkMenuButton *button,
                     gpointer       user_data)
{
  HelderBlockCard *self = user_data;

  gtk_menu_button_set_menu_model (button, self->card_menu);
}

static void
helder_block_card_init (HelderBlockCard *self)
{
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect_object (drag, "prepare", G_CALLBACK (handle_drag_prepare_cb), self, 0);
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (handle_drag_begin_cb), self, 0);
  gtk_widget_add_controller (self->handle, GTK_EVENT_CONTROLLER (drag));
  gtk_widget_set_cursor_from_name (self->handle, "grab");
  gtk_menu_button_set_create_popup_func (self->menu_button, create_card_menu_cb, self, NULL);
  set_tooltip (self->handle, _("Drag to Move (Alt+Up, Alt+Down)"));
  set_tooltip (GTK_WIDGET (self->menu_button), _("Block Menu"));
  set_tooltip (self->insert_button, _("Insert Block After (Shift+Ctrl+Enter)"));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "enter", G_CALLBACK (focus_enter_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  self->editable = TRUE;
  self->bindings = g_ptr_array_new_with_free_func ((GDestroyNotify) binding_free);
}
