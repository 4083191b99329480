/* helder-block-view.c
 *
 * The page as a column of block cards that the author edits in place, the
 * page's default view. The page's text buffer stays the one source of
 * truth: each card edit replaces a byte range of the buffer as one user
 * action, and after every change of the buffer the cards follow it,
 * keeping the cards whose block did not change and the focus of the card
 * being edited.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-block-view"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "helder-block-card.h"
#include "helder-block-template.h"
#include "helder-block-view.h"
#include "helder-diagnostic.h"

struct _HelderBlockView
{
  GtkWidget        parent_instance;

  HelderCourse    *course;
  HelderPage      *page;
  GtkTextBuffer   *buffer;
  GPtrArray       *cards;    /* of HelderBlockCard*, in page order */
  GPtrArray       *diagnostics;
  HelderBlockCard *current;  /* the card with the focus, or last with it */
  gboolean         applying; /* while a card's edit changes the buffer */
  gboolean         dirty;    /* the buffer changed while the view was hidden */
  gboolean         editable;
  int              insert_after; /* the palette inserts after this card; -1: first */

  /* Template widgets */
  GtkWidget       *scroller;
  GtkWidget       *cards_box;
  GtkWidget       *palette;
  GtkListBox      *palette_list;
};

G_DEFINE_FINAL_TYPE (HelderBlockView, helder_block_view, GTK_TYPE_WIDGET)

enum {
  EDIT_SOURCE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  const char      *icon;
  const char      *title;
  const char      *description;
  HelderBlockKind  kind;
  const char      *prefix;       /* CommonMark kinds: the start of the text */
  const char      *placeholder;  /* and the words after it */
} PaletteEntry;

static const PaletteEntry palette_entries[] = {
  { "format-justify-left-symbolic", N_("Text"), N_("A paragraph of text"),
    HELDER_BLOCK_TEXT, "", N_("New text") },
  { "format-text-bold-symbolic", N_("Heading"), N_("A heading that starts a new part of the page"),
    HELDER_BLOCK_HEADING, "## ", N_("New heading") },
  { "view-list-bullet-symbolic", N_("List"), N_("A list of points"),
    HELDER_BLOCK_TEXT, "- ", N_("New point") },
  { "format-indent-more-symbolic", N_("Quote"), N_("Words of someone else, set apart"),
    HELDER_BLOCK_TEXT, "> ", N_("New quote") },
  { "emblem-important-symbolic", N_("What can you do?"), N_("A box with something the learner can do"),
    HELDER_BLOCK_CALLOUT, "> [!ACTION]\n> ", N_("New text") },
  { "dialog-information-symbolic", N_("Tip"), N_("A box with a tip"),
    HELDER_BLOCK_CALLOUT, "> [!TIP]\n> ", N_("New text") },
  { "dialog-warning-symbolic", N_("Warning"), N_("A box with a warning"),
    HELDER_BLOCK_CALLOUT, "> [!WARNING]\n> ", N_("New text") },
  { "image-x-generic-symbolic", N_("Image"), N_("A picture with alt text and a caption"),
    HELDER_BLOCK_IMAGE, NULL, NULL },
  { "video-x-generic-symbolic", N_("Video"), N_("A video with captions and a transcript"),
    HELDER_BLOCK_VIDEO, NULL, NULL },
  { "audio-x-generic-symbolic", N_("Audio"), N_("A sound file with captions and a transcript"),
    HELDER_BLOCK_AUDIO, NULL, NULL },
  { "dialog-question-symbolic", N_("Knowledge check"), N_("A question to practise with; it does not count"),
    HELDER_BLOCK_CHECK, NULL, NULL },
  { "emblem-ok-symbolic", N_("Test question"), N_("A question of the pre-test or the post-test"),
    HELDER_BLOCK_QUESTION, NULL, NULL },
  { "view-list-symbolic", N_("Survey item"), N_("A question about what the learner thinks"),
    HELDER_BLOCK_SURVEY, NULL, NULL },
  { "system-users-symbolic", N_("Scenario"), N_("A situation with choices and what they lead to"),
    HELDER_BLOCK_SCENARIO, NULL, NULL },
  { "view-more-symbolic", N_("Accordion"), N_("Panels the learner opens one by one"),
    HELDER_BLOCK_ACCORDION, NULL, NULL },
  { "view-paged-symbolic", N_("Tabs"), N_("Panels side by side, one shown at a time"),
    HELDER_BLOCK_TABS, NULL, NULL },
  { "view-dual-symbolic", N_("Flashcards"), N_("Cards with a front and a back"),
    HELDER_BLOCK_FLASHCARDS, NULL, NULL },
  { "view-continuous-symbolic", N_("Steps"), N_("A process, one step at a time"),
    HELDER_BLOCK_STEPS, NULL, NULL },
  { "go-down-symbolic", N_("Continue divider"), N_("A button the learner presses to see the rest"),
    HELDER_BLOCK_CONTINUE, NULL, NULL },
};

static const HelderPageContent *
content (HelderBlockView *self)
{
  return helder_page_get_content (self->page);
}

static const HelderBlock *
block_at (HelderBlockView *self,
          guint            index)
{
  return g_ptr_array_index (content (self)->blocks, index);
}

static void
iter_at_byte (HelderBlockView *self,
              gsize            offset,
              GtkTextIter     *iter)
{
  const char *text = helder_page_get_text (self->page);

  gtk_text_buffer_get_iter_at_offset (self->buffer, iter,
                                      (int) g_utf8_pointer_to_offset (text, text + offset));
}

static void refresh (HelderBlockView *self);

/* Replaces bytes @start to @end of the page source with @text, as one step
 * that Undo takes back.
 */
static void
apply_edit (HelderBlockView *self,
            gsize            start,
            gsize            end,
            const char      *text)
{
  GtkTextIter from;
  GtkTextIter to;

  if (self->page == NULL || self->buffer == NULL)
    return;

  iter_at_byte (self, start, &from);
  iter_at_byte (self, end, &to);

  self->applying = TRUE;
  gtk_text_buffer_begin_user_action (self->buffer);
  gtk_text_buffer_delete (self->buffer, &from, &to);
  gtk_text_buffer_insert (self->buffer, &from, text, -1);
  gtk_text_buffer_end_user_action (self->buffer);
  self->applying = FALSE;

  refresh (self);
}

static void
card_edit_cb (HelderBlockCard *card,
              guint64          start,
              guint64          end,
              const char      *text,
              HelderBlockView *self)
{
  apply_edit (self, start, end, text);
}

static int
card_index (HelderBlockView *self,
            HelderBlockCard *card)
{
  guint index;

  if (card != NULL && g_ptr_array_find (self->cards, card, &index))
    return (int) index;

  return -1;
}

/* The preview shows the buffer's cursor: it goes to the card's block. */
static void
card_focus_enter_cb (GtkEventControllerFocus *controller,
                     HelderBlockView         *self)
{
  HelderBlockCard *card = HELDER_BLOCK_CARD (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
  const HelderBlock *block = helder_block_card_get_block (card);
  GtkTextIter iter;

  if (self->current == card || block == NULL)
    return;

  self->current = card;
  iter_at_byte (self, block->range.start, &iter);
  gtk_text_buffer_place_cursor (self->buffer, &iter);
}

static HelderBlockCard *
new_card (HelderBlockView *self)
{
  HelderBlockCard *card = helder_block_card_new (helder_course_get_path (self->course));
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (card, "edit", G_CALLBACK (card_edit_cb), self, 0);
  g_signal_connect_object (focus, "enter", G_CALLBACK (card_focus_enter_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (card), focus);
  helder_block_card_set_editable (card, self->editable);

  return card;
}

static gboolean
card_shows (HelderBlockCard *card,
            const char      *source,
            gsize            length)
{
  const char *shown = helder_block_card_get_source (card);

  return shown != NULL && strlen (shown) == length && memcmp (shown, source, length) == 0;
}

static void
update_findings (HelderBlockView *self)
{
  for (guint i = 0; i < self->cards->len; i++)
    {
      const HelderBlock *block = helder_block_card_get_block (g_ptr_array_index (self->cards, i));
      guint n = 0;

      for (guint j = 0; self->diagnostics != NULL && j < self->diagnostics->len; j++)
        {
          const HelderDiagnostic *d = g_ptr_array_index (self->diagnostics, j);

          if (d->start >= block->range.start && d->start < MAX (block->range.end, block->range.start + 1))
            n++;
        }
      helder_block_card_set_findings (g_ptr_array_index (self->cards, i), n);
    }
}

/* Matches the page's blocks to the cards: a card whose block's bytes did
 * not change is kept as it is; a card at the same place that can show the
 * new block is updated in place (the one being edited); only the others
 * are built anew.
 */
static void
refresh (HelderBlockView *self)
{
  const HelderPageContent *page_content;
  const char *text;
  g_autoptr(GPtrArray) old = NULL;
  g_autofree gboolean *used = NULL;
  GtkWidget *previous = NULL;

  if (self->page == NULL)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  self->dirty = FALSE;

  page_content = content (self);
  text = helder_page_get_text (self->page);
  old = g_steal_pointer (&self->cards);
  self->cards = g_ptr_array_new_with_free_func (g_object_unref);
  used = g_new0 (gboolean, old->len + 1);

  for (guint i = 0; i < page_content->blocks->len; i++)
    {
      const HelderBlock *block = g_ptr_array_index (page_content->blocks, i);
      const char *source = text + block->range.start;
      gsize length = block->range.end - block->range.start;
      HelderBlockCard *card = NULL;

      if (i < old->len && !used[i] && card_shows (g_ptr_array_index (old, i), source, length))
        card = g_ptr_array_index (old, i), used[i] = TRUE;
      for (guint j = 0; card == NULL && j < old->len; j++)
        if (!used[j] && card_shows (g_ptr_array_index (old, j), source, length))
          card = g_ptr_array_index (old, j), used[j] = TRUE;

      if (card != NULL)
        helder_block_card_update (card, block, text);
      else if (i < old->len && !used[i] &&
               helder_block_card_update (g_ptr_array_index (old, i), block, text))
        card = g_ptr_array_index (old, i), used[i] = TRUE;
      else
        {
          card = new_card (self);
          helder_block_card_update (card, block, text);
        }

      g_ptr_array_add (self->cards, g_object_ref (card));
    }

  for (guint j = 0; j < old->len; j++)
    if (!used[j])
      {
        if (g_ptr_array_index (old, j) == self->current)
          self->current = NULL;
        helder_block_card_release (g_ptr_array_index (old, j));
        gtk_box_remove (GTK_BOX (self->cards_box), g_ptr_array_index (old, j));
      }

  for (guint i = 0; i < self->cards->len; i++)
    {
      GtkWidget *card = g_ptr_array_index (self->cards, i);

      if (gtk_widget_get_parent (card) == NULL)
        gtk_box_insert_child_after (GTK_BOX (self->cards_box), card, previous);
      else if (gtk_widget_get_prev_sibling (card) != previous)
        gtk_box_reorder_child_after (GTK_BOX (self->cards_box), card, previous);
      previous = card;
    }

  update_findings (self);
}

static void
buffer_changed_cb (HelderBlockView *self)
{
  if (!self->applying)
    refresh (self);
}

static void
helder_block_view_map (GtkWidget *widget)
{
  HelderBlockView *self = HELDER_BLOCK_VIEW (widget);

  GTK_WIDGET_CLASS (helder_block_view_parent_class)->map (widget);

  if (self->dirty)
    refresh (self);
}

void
helder_block_view_set_page (HelderBlockView *self,
                            HelderCourse    *course,
                            HelderPage      *page,
                            GtkTextBuffer   *buffer)
{
  GtkWidget *child;

  g_return_if_fail (HELDER_IS_BLOCK_VIEW (self));
  g_return_if_fail (HELDER_IS_COURSE (course));
  g_return_if_fail (HELDER_IS_PAGE (page));
  g_return_if_fail (GTK_IS_TEXT_BUFFER (buffer));

  if (self->buffer != buffer)
    {
      if (self->buffer != NULL)
        g_signal_handlers_disconnect_by_func (self->buffer, buffer_changed_cb, self);
      g_set_object (&self->buffer, buffer);
      g_signal_connect_object (buffer, "changed", G_CALLBACK (buffer_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  g_set_object (&self->course, course);
  g_set_object (&self->page, page);

  /* Another page: no card of the last one stays. */
  self->current = NULL;
  for (guint i = 0; i < self->cards->len; i++)
    helder_block_card_release (g_ptr_array_index (self->cards, i));
  g_ptr_array_set_size (self->cards, 0);
  while ((child = gtk_widget_get_first_child (self->cards_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->cards_box), child);
  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);

  self->dirty = TRUE;
  refresh (self);
}

void
helder_block_view_set_diagnostics (HelderBlockView *self,
                                   GPtrArray       *diagnostics)
{
  g_return_if_fail (HELDER_IS_BLOCK_VIEW (self));

  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
  if (diagnostics != NULL)
    self->diagnostics = g_ptr_array_ref (diagnostics);
  if (!self->dirty)
    update_findings (self);
}

void
helder_block_view_set_editable (HelderBlockView *self,
                                gboolean         editable)
{
  g_return_if_fail (HELDER_IS_BLOCK_VIEW (self));

  self->editable = editable;
  for (guint i = 0; i < self->cards->len; i++)
    helder_block_card_set_editable (g_ptr_array_index (self->cards, i), editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "blocks.insert", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "blocks.insert-first", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "blocks.move-up", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "blocks.move-down", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "blocks.duplicate", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "blocks.delete", editable);
}

/* Puts the focus in the card and the field that hold byte @offset of the
 * page, as the Findings pane asks when a finding is chosen.
 */
gboolean
helder_block_view_focus_offset (HelderBlockView *self,
                                gsize            offset)
{
  g_return_val_if_fail (HELDER_IS_BLOCK_VIEW (self), FALSE);

  if (self->dirty)
    refresh (self);

  for (guint i = 0; i < self->cards->len; i++)
    {
      HelderBlockCard *card = g_ptr_array_index (self->cards, i);
      const HelderBlock *block = helder_block_card_get_block (card);
      gboolean last = i + 1 == self->cards->len;

      if (offset < block->range.start && i > 0)
        continue;
      if (offset > block->range.end && !last &&
          offset >= helder_block_card_get_block (g_ptr_array_index (self->cards, i + 1))->range.start)
        continue;

      return helder_block_card_focus_offset (card, CLAMP (offset, block->range.start,
                                                          block->range.end));
    }

  return FALSE;
}

static HelderBlockCard *
focused_card (HelderBlockView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *card = focus != NULL ? gtk_widget_get_ancestor (focus, HELDER_TYPE_BLOCK_CARD) : NULL;

  if (card != NULL && card_index (self, HELDER_BLOCK_CARD (card)) >= 0)
    return HELDER_BLOCK_CARD (card);

  return card_index (self, self->current) >= 0 ? self->current : NULL;
}

static void
focus_card (HelderBlockView *self,
            int              index)
{
  if (index < 0 || (guint) index >= self->cards->len)
    return;

  gtk_widget_child_focus (g_ptr_array_index (self->cards, index), GTK_DIR_TAB_FORWARD);
}

static void
move_focus_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HelderBlockView *self = HELDER_BLOCK_VIEW (widget);
  int index = card_index (self, focused_card (self));

  if (g_str_equal (action_name, "blocks.previous"))
    focus_card (self, index < 0 ? 0 : index - 1);
  else
    focus_card (self, index + 1);
}

/* Swaps the block with its neighbour; the bytes between them stay. */
static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HelderBlockView *self = HELDER_BLOCK_VIEW (widget);
  HelderBlockCard *card = focused_card (self);
  int index = card_index (self, card);
  int other = g_str_equal (action_name, "blocks.move-up") ? index - 1 : index + 1;
  const char *text = helder_page_get_text (self->page);
  const HelderBlock *first;
  const HelderBlock *second;
  g_autoptr(GString) swapped = g_string_new (NULL);
  GtkWidget *focus;

  if (index < 0 || other < 0 || (guint) other >= self->cards->len)
    return;

  first = block_at (self, MIN (index, other));
  second = block_at (self, MAX (index, other));
  g_string_append_len (swapped, text + second->range.start, second->range.end - second->range.start);
  g_string_append_len (swapped, text + first->range.end, second->range.start - first->range.end);
  g_string_append_len (swapped, text + first->range.start, first->range.end - first->range.start);

  /* The card itself moves, so the focus stays where it was. */
  focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  if (focus != NULL)
    g_object_ref (focus);
  apply_edit (self, first->range.start, second->range.end, swapped->str);
  if (focus != NULL)
    {
      gtk_widget_grab_focus (focus);
      g_object_unref (focus);
    }
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HelderBlockView *self = HELDER_BLOCK_VIEW (widget);
  int index = card_index (self, focused_card (self));
  const char *text = helder_page_get_text (self->page);
  const HelderBlock *block;
  g_autofree char *copy = NULL;

  if (index < 0)
    return;

  block = block_at (self, index);
  copy = g_strdup_printf ("\n\n%.*s", (int) (block->range.end - block->range.start),
                          text + block->range.start);
  apply_edit (self, block->range.end, block->range.end, copy);
  focus_card (self, index + 1);
}

static void
undo_clicked_cb (AdwToast        *toast,
                 HelderBlockView *self)
{
  if (self->buffer != NULL && gtk_text_buffer_get_can_undo (self->buffer))
    gtk_text_buffer_undo (self->buffer);
}

/* Deletes the block with the blank lines before it (after it, for the
 * first block), and offers Undo.
 */
static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HelderBlockView *self = HELDER_BLOCK_VIEW (widget);
  int index = card_index (self, focused_card (self));
  const HelderBlock *block;
  gsize start;
  gsize end;
  GtkWidget *overlay;

  if (index < 0)
    return;

  block = block_at (self, index);
  start = index > 0 ? block_at (self, index - 1)->range.end : block->range.start;
  end = index == 0 && self->cards->len > 1 ? block_at (self, 1)->range.start : block->range.end;
  apply_edit (self, start, end, "");
  focus_card (self, MIN (index, (int) self->cards->len - 1));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      AdwToast *toast = adw_toast_new (_("Block deleted"));

      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
}

static void
edit_source_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HelderBlockView *self = HELDER_BLOCK_VIEW (widget);
  HelderBlockCard *card = focused_card (self);
  const HelderBlock *block;

  if (card == NULL)
    return;

  block = helder_block_card_get_block (card);
  g_signal_emit (self, signals[EDIT_SOURCE], 0,
                 (guint64) block->range.start, (guint64) block->range.end);
}

static void
show_palette (HelderBlockView *self,
              GtkWidget       *target)
{
  graphene_rect_t bounds;

  if (target != NULL && gtk_widget_compute_bounds (target, GTK_WIDGET (self), &bounds))
    {
      GdkRectangle rect = {
        (int) bounds.origin.x, (int) bounds.origin.y,
        (int) bounds.size.width, (int) bounds.size.height
      };

      gtk_popover_set_pointing_to (GTK_POPOVER (self->palette), &rect);
    }
  gtk_popover_popup (GTK_POPOVER (self->palette));
  gtk_widget_child_focus (GTK_WIDGET (self->palette_list), GTK_DIR_TAB_FORWARD);
}

static void
insert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HelderBlockView *self = HELDER_BLOCK_VIEW (widget);
  HelderBlockCard *card = NULL;

  if (g_str_equal (action_name, "blocks.insert"))
    card = focused_card (self);
  self->insert_after = card_index (self, card);
  show_palette (self, card != NULL ? GTK_WIDGET (card) : NULL);
}

static char *
palette_source (const PaletteEntry *entry)
{
  if (entry->prefix != NULL)
    return g_strconcat (entry->prefix, _(entry->placeholder), NULL);

  return helder_block_template_dup_block (entry->kind);
}

static void
palette_activated_cb (HelderBlockView *self,
                      GtkListBoxRow   *row)
{
  const PaletteEntry *entry = &palette_entries[gtk_list_box_row_get_index (row)];
  g_autofree char *source = palette_source (entry);
  g_autofree char *text = NULL;
  int index = self->insert_after;
  gsize at;

  gtk_popover_popdown (GTK_POPOVER (self->palette));
  if (self->page == NULL)
    return;

  if (index >= 0 && (guint) index + 1 == self->cards->len)
    {
      /* After the last block, the page ends with one newline. */
      const char *page_text = helder_page_get_text (self->page);
      gsize length = helder_page_get_length (self->page);
      gsize end = block_at (self, index)->range.end;
      gsize tail = end;

      while (tail < length && g_ascii_isspace (page_text[tail]))
        tail++;
      text = g_strconcat ("\n\n", source, tail == length ? "\n" : "", NULL);
      apply_edit (self, end, tail == length ? length : end, text);
      focus_card (self, index + 1);
      return;
    }
  else if (index >= 0 && (guint) index < self->cards->len)
    {
      at = block_at (self, index)->range.end;
      text = g_strconcat ("\n\n", source, NULL);
    }
  else if (self->cards->len > 0)
    {
      at = block_at (self, 0)->range.start;
      text = g_strconcat (source, "\n\n", NULL);
    }
  else
    {
      at = helder_page_get_length (self->page);
      text = g_strconcat (at > 0 ? "\n\n" : "", source, "\n", NULL);
    }

  apply_edit (self, at, at, text);
  focus_card (self, index + 1);
}

static GtkWidget *
palette_row (const PaletteEntry *entry)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (_(entry->title));
  GtkWidget *description = gtk_label_new (_(entry->description));

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (description), 36);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (description, "dim-label");
  gtk_widget_add_css_class (description, "caption");
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (entry->icon));
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), description);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(entry->title),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _(entry->description),
                                  -1);

  return row;
}

static void
helder_block_view_dispose (GObject *object)
{
  HelderBlockView *self = (HelderBlockView *) object;

  if (self->palette != NULL)
    {
      gtk_widget_unparent (self->palette);
      self->palette = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), HELDER_TYPE_BLOCK_VIEW);

  G_OBJECT_CLASS (helder_block_view_parent_class)->dispose (object);
}

static void
helder_block_view_finalize (GObject *object)
{
  HelderBlockView *self = (HelderBlockView *) object;

  g_clear_object (&self->course);
  g_clear_object (&self->page);
  g_clear_object (&self->buffer);
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);

  G_OBJECT_CLASS (helder_block_view_parent_class)->finalize (object);
}

static void
helder_block_view_class_init (HelderBlockViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_block_view_dispose;
  object_class->finalize = helder_block_view_finalize;
  widget_class->map = helder_block_view_map;

  /**
   * HelderBlockView::edit-source:
   * @start: the block's first byte in the page source
   * @end: the byte after its last one
   *
   * The author asked to edit this block as source.
   */
  signals[EDIT_SOURCE] =
    g_signal_new ("edit-source", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_UINT64, G_TYPE_UINT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/helderapp/Helder/helder-block-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderBlockView, scroller);
  gtk_widget_class_bind_template_child_full (widget_class, "cards", FALSE,
                                             G_STRUCT_OFFSET (HelderBlockView, cards_box));
  gtk_widget_class_bind_template_child (widget_class, HelderBlockView, palette);
  gtk_widget_class_bind_template_child (widget_class, HelderBlockView, palette_list);
  gtk_widget_class_bind_template_callback (widget_class, palette_activated_cb);

  gtk_widget_class_install_action (widget_class, "blocks.insert", NULL, insert_action);
  gtk_widget_class_install_action (widget_class, "blocks.insert-first", NULL, insert_action);
  gtk_widget_class_install_action (widget_class, "blocks.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "blocks.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "blocks.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "blocks.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "blocks.edit-source", NULL, edit_source_action);
  gtk_widget_class_install_action (widget_class, "blocks.previous", NULL, move_focus_action);
  gtk_widget_class_install_action (widget_class, "blocks.next", NULL, move_focus_action);
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *accelerator,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (accelerator),
                                                          gtk_named_action_new (action)));
}

/* The cards' look, once per display (also where no application loads
 * the application's style, as in the tests).
 */
static void
load_style (GtkWidget *widget)
{
  static gboolean loaded = FALSE;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (loaded)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/helderapp/Helder/helder-block-view.css");
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (widget),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  loaded = TRUE;
}

static void
helder_block_view_init (HelderBlockView *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  load_style (GTK_WIDGET (self));

  self->cards = g_ptr_array_new_with_free_func (g_object_unref);
  self->editable = TRUE;
  self->insert_after = -1;
  gtk_widget_set_parent (self->palette, GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (palette_entries); i++)
    gtk_list_box_append (self->palette_list, palette_row (&palette_entries[i]));

  /* Text fields take Ctrl+Up and Alt+Up for themselves: the view asks first. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Alt>Up", "blocks.move-up");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Alt>Down", "blocks.move-down");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>Up", "blocks.previous");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>Down", "blocks.next");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Shift><Control>Return", "blocks.insert");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Shift><Control>d", "blocks.duplicate");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Shift><Control>Delete", "blocks.delete");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}
