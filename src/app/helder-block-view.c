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
#include "helder-block-edit.h"
#include "helder-block-view.h"
#include "helder-diagnostic.h"

/* The most blocks a page may have to be shown as cards. Building a card
 * takes a few milliseconds: a page of thousands of blocks (a long
 * document pasted whole) would take seconds to show and to follow each
 * keystroke. Such a page is edited as source; see docs/app.md.
 */
#define MAX_CARDS 150

struct _HelderBlockView
{
  GtkWidget        parent_instance;

  HelderCourse    *course;
  HelderPage      *page;
  GtkTextBuffer   *buffer;
  GPtrArray       *cards;    /* of HelderBlockCard*, in page order */
  GPtrArray       *diagnostics;
  GArray          *marks;    /* of HelderCardMark, for the text as it is; NULL after an edit */
  GMenuModel      *extra_menu;
  HelderBlockCard *current;  /* the card with the focus, or last with it */
  gboolean         applying; /* while a card's edit changes the buffer */
  gboolean         dirty;    /* the buffer changed while the view was hidden */
  gboolean         editable;
  int              insert_after; /* the palette inserts after this card; -1: first */
  HelderRange      last_edit;    /* the bytes the last card edit wrote */

  /* Template widgets */
  GtkWidget       *body;
  GtkWidget       *scroller;
  GtkStack        *content_stack;
  AdwStatusPage   *too_long;
  GtkWidget       *too_long_button;
  GtkWidget       *cards_box;
  GtkWidget       *palette;
  GtkRevealer     *review_banner;
  GtkLabel        *palette_title;
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
  const char     *icon;
  const char     *title;
  const char     *description;
  HelderTemplate  template;
} PaletteEntry;

static const PaletteEntry palette_entries[] = {
  { "format-justify-left-symbolic", N_("Text"), N_("A paragraph of text"), HELDER_TEMPLATE_TEXT },
  { "format-text-bold-symbolic", N_("Heading"), N_("A heading that starts a new part of the page"),
    HELDER_TEMPLATE_HEADING },
  { "view-list-bullet-symbolic", N_("List"), N_("A list of points"), HELDER_TEMPLATE_BULLETS },
  { "format-indent-more-symbolic", N_("Quote"), N_("Words of someone else, set apart"),
    HELDER_TEMPLATE_QUOTE },
  { "emblem-important-symbolic", N_("What can you do?"), N_("A box with something the learner can do"),
    HELDER_TEMPLATE_CALLOUT_ACTION },
  { "dialog-information-symbolic", N_("Tip"), N_("A box with a tip"), HELDER_TEMPLATE_CALLOUT_TIP },
  { "dialog-warning-symbolic", N_("Warning"), N_("A box with a warning"),
    HELDER_TEMPLATE_CALLOUT_WARNING },
  { "image-x-generic-symbolic", N_("Image"), N_("A picture with alt text and a caption"),
    HELDER_TEMPLATE_IMAGE },
  { "video-x-generic-symbolic", N_("Video"), N_("A video with captions and a transcript"),
    HELDER_TEMPLATE_VIDEO },
  { "audio-x-generic-symbolic", N_("Audio"), N_("A sound file with captions and a transcript"),
    HELDER_TEMPLATE_AUDIO },
  { "dialog-question-symbolic", N_("Knowledge check"), N_("A question to practise with; it does not count"),
    HELDER_TEMPLATE_CHECK },
  { "emblem-ok-symbolic", N_("Test question"), N_("A question of the pre-test or the post-test"),
    HELDER_TEMPLATE_QUESTION },
  { "view-list-symbolic", N_("Survey item"), N_("A question about what the learner thinks"),
    HELDER_TEMPLATE_SURVEY },
  { "system-users-symbolic", N_("Scenario"), N_("A situation with choices and what they lead to"),
    HELDER_TEMPLATE_SCENARIO },
  { "view-more-symbolic", N_("Accordion"), N_("Panels the learner opens one by one"),
    HELDER_TEMPLATE_ACCORDION },
  { "view-paged-symbolic", N_("Tabs"), N_("Panels side by side, one shown at a time"),
    HELDER_TEMPLATE_TABS },
  { "view-dual-symbolic", N_("Flashcards"), N_("Cards with a front and a back"),
    HELDER_TEMPLATE_FLASHCARDS },
  { "view-continuous-symbolic", N_("Steps"), N_("A process, one step at a time"),
    HELDER_TEMPLATE_STEPS },
  { "go-down-symbolic", N_("Continue divider"), N_("A button the learner presses to see the rest"),
    HELDER_TEMPLATE_CONTINUE },
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
static void focus_card (HelderBlockView *self,
                        int              index);

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

  self->last_edit.start = start;
  self->last_edit.end = start + strlen (text);
  self->applying = TRUE;
  gtk_text_buffer_begin_user_action (self->buffer);
  gtk_text_buffer_delete (self->buffer, &from, &to);
  gtk_text_buffer_insert (self->buffer, &from, text, -1);
  gtk_text_buffer_end_user_action (self->buffer);
  self->applying = FALSE;

  refresh (self);
}

static void
apply_text_edit (HelderBlockView *self,
                 HelderTextEdit  *edit)
{
  g_autoptr(HelderTextEdit) owned = edit;

  if (owned != NULL)
    apply_edit (self, owned->start, owned->end, owned->text);
}

/* The ids of the course's questions and survey items, which a new or
 * copied block must not take.
 */
static GHashTable *
ids_in_use (HelderBlockView *self)
{
  return helder_course_dup_ids_in_use (self->course);
}

/* The card whose block holds byte @offset of the page, or NULL. */
static HelderBlockCard *
card_at_byte (HelderBlockView *self,
              gsize            offset)
{
  for (guint i = 0; i < self->cards->len; i++)
    {
      const HelderBlock *block = helder_block_card_get_block (g_ptr_array_index (self->cards, i));

      if (block != NULL && block->range.start <= offset && offset <= block->range.end)
        return g_ptr_array_index (self->cards, i);
    }

  return NULL;
}

/* After a change that may have taken the focused control with it (a card
 * built anew), the focus goes to the field that holds byte @offset, so
 * that the keyboard user writes on; a focus that survived stays, unless
 * what was written is now another card's than @card's (a blank line
 * typed in a text card ends its block: the next words are a block, and
 * a card, of their own).
 */
static void
refocus_if_lost (HelderBlockView *self,
                 GtkWidget       *focus,
                 HelderBlockCard *card,
                 gsize            offset)
{
  HelderBlockCard *written = card != NULL ? card_at_byte (self, offset) : NULL;

  if (focus == NULL || gtk_widget_get_root (focus) == NULL ||
      (written != NULL && written != card))
    helder_block_view_focus_range (self, offset, offset);
}

/* The focused widget of the view's window, with a reference. */
static GtkWidget *
dup_focus (HelderBlockView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL ? g_object_ref (focus) : NULL;
}

/* An edit that changes a card's make-up (an answer added or removed)
 * builds its controls anew, and the control that had the focus (Add
 * Answer, Remove) is gone: the focus goes to where the edit wrote, the
 * new answer's text, so that the keyboard user writes on.
 */
static void
card_edit_cb (HelderBlockCard *card,
              guint64          start,
              guint64          end,
              const char      *text,
              HelderBlockView *self)
{
  g_autoptr(GtkWidget) focus = dup_focus (self);
  g_autoptr(HelderBlockCard) edited = g_object_ref (card);
  const char *before = helder_page_get_text (self->page) + start;
  const char *written;
  const char *line_end;
  gsize same = 0;

  /* Where the new text first differs from the old: the line written
   * (past the blank line, when one was typed).
   */
  while (start + same < end && text[same] != '\0' && before[same] == text[same])
    same++;
  written = text + same + strspn (text + same, "\n");
  if (*written == '\0')
    written = text + same;
  line_end = strchr (written, '\n');
  apply_edit (self, start, end, text);
  refocus_if_lost (self, focus, edited,
                   start + (line_end != NULL ? (gsize) (line_end - text) : strlen (text)));
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

/* The page's buffer selects what the card's field selects: the fixes, the
 * preview and the review pane all follow the buffer's selection.
 */
static void
card_selection_changed_cb (HelderBlockCard *card,
                           guint64          start,
                           guint64          end,
                           HelderBlockView *self)
{
  GtkTextIter from;
  GtkTextIter to;

  if (self->page == NULL || end > helder_page_get_length (self->page))
    return;

  self->current = card;
  iter_at_byte (self, start, &from);
  iter_at_byte (self, end, &to);
  gtk_text_buffer_select_range (self->buffer, &to, &from);
}

/* A card dropped on the upper half of another goes before it, on the
 * lower half after it: one edit, which one Undo takes back.
 */
static gboolean
card_drop_cb (GtkDropTarget   *target,
              const GValue    *value,
              double           x,
              double           y,
              HelderBlockView *self)
{
  GtkWidget *onto = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  int from = card_index (self, g_value_get_object (value));
  int place = card_index (self, HELDER_BLOCK_CARD (onto));
  int to;

  if (from < 0 || place < 0 || !self->editable || self->page == NULL)
    return FALSE;

  if (y > gtk_widget_get_height (onto) / 2.0)
    place++;
  to = place > from ? place - 1 : place;
  if (to != from)
    apply_text_edit (self, helder_block_edit_move_to (helder_page_get_text (self->page),
                                                      helder_page_get_length (self->page),
                                                      content (self), (guint) from, (guint) to));
  focus_card (self, to);

  return TRUE;
}

static HelderBlockCard *
new_card (HelderBlockView *self)
{
  HelderBlockCard *card = helder_block_card_new (helder_course_get_path (self->course));
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkDropTarget *drop = gtk_drop_target_new (HELDER_TYPE_BLOCK_CARD, GDK_ACTION_MOVE);

  g_signal_connect_object (drop, "drop", G_CALLBACK (card_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (card), GTK_EVENT_CONTROLLER (drop));
  g_signal_connect_object (card, "edit", G_CALLBACK (card_edit_cb), self, 0);
  g_signal_connect_object (card, "selection-changed", G_CALLBACK (card_selection_changed_cb), self, 0);
  helder_block_card_set_extra_menu (card, self->extra_menu);
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
      /* After an edit the marks wait for the next check: the fields'
       * own marks move with the text until then.
       */
      if (self->marks != NULL)
        helder_block_card_set_marks (g_ptr_array_index (self->cards, i),
                                     gtk_text_buffer_get_tag_table (self->buffer), self->marks);
    }
  for (guint i = 0; i < self->cards->len; i++)
    helder_block_card_set_alt_findings (g_ptr_array_index (self->cards, i), self->diagnostics);
}

/* A page with more blocks than MAX_CARDS: no cards, but what to do. */
static void
show_too_long (HelderBlockView *self,
               guint            n_blocks)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean had_focus = focus != NULL && gtk_widget_is_ancestor (focus, self->cards_box);
  g_autofree char *description = NULL;

  for (guint i = 0; i < self->cards->len; i++)
    {
      helder_block_card_release (g_ptr_array_index (self->cards, i));
      gtk_box_remove (GTK_BOX (self->cards_box), g_ptr_array_index (self->cards, i));
    }
  g_ptr_array_set_size (self->cards, 0);
  self->current = NULL;

  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "It has %u block; the Blocks view shows pages of up "
                                              "to %u. Split it into shorter pages (about 600 words "
                                              "each reads best), or edit it as source.",
                                              "It has %u blocks; the Blocks view shows pages of up "
                                              "to %u. Split it into shorter pages (about 600 words "
                                              "each reads best), or edit it as source.",
                                              n_blocks),
                                 n_blocks, MAX_CARDS);
  adw_status_page_set_description (self->too_long, description);
  gtk_stack_set_visible_child_name (self->content_stack, "too-long");
  if (had_focus)
    gtk_widget_grab_focus (self->too_long_button);
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
  if (page_content->blocks->len > MAX_CARDS)
    {
      show_too_long (self, page_content->blocks->len);
      return;
    }
  gtk_stack_set_visible_child_name (self->content_stack, "cards");

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

      /* Its bytes did not change: only their place may have. */
      if (card != NULL)
        helder_block_card_move (card, block, text);
      else if (i < old->len && !used[i] &&
               helder_block_card_update (g_ptr_array_index (old, i), block, text))
        card = g_ptr_array_index (old, i), used[i] = TRUE;
      /* Building a card costs far more than filling one: any card left
       * over that was built for this kind of block takes it (but not the
       * card being edited, which must not change under the author).
       */
      for (guint j = 0; card == NULL && j < old->len; j++)
        if (!used[j] && g_ptr_array_index (old, j) != self->current &&
            helder_block_card_update (g_ptr_array_index (old, j), block, text))
          card = g_ptr_array_index (old, j), used[j] = TRUE;
      if (card == NULL)
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
  g_clear_pointer (&self->marks, g_array_unref);
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

  /* Another page: the last one's cards edit nothing more, but they stay
   * to be filled with this page's blocks (refresh() matches them by kind).
   */
  self->current = NULL;
  self->last_edit.start = self->last_edit.end = 0;
  for (guint i = 0; i < self->cards->len; i++)
    helder_block_card_release (g_ptr_array_index (self->cards, i));
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
  gtk_revealer_set_reveal_child (self->review_banner, !editable);
  for (guint i = 0; i < self->cards->len; i++)
    helder_block_card_set_editable (g_ptr_array_index (self->cards, i), editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "blocks.insert", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "blocks.insert-first", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "blocks.move-up", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "blocks.move-down", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "blocks.duplicate", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "blocks.delete", editable);
}

/**
 * helder_block_view_set_marks:
 * @marks: (element-type HelderCardMark) (nullable): passages of the page
 *   text as it is now, each with the name of a tag of the page's buffer
 *
 * Underlines the findings and highlights the commented passages in the
 * cards, as the tags of the same names do in Source.
 */
void
helder_block_view_set_marks (HelderBlockView *self,
                             GArray          *marks)
{
  g_return_if_fail (HELDER_IS_BLOCK_VIEW (self));

  g_clear_pointer (&self->marks, g_array_unref);
  if (marks != NULL)
    self->marks = g_array_ref (marks);
  if (!self->dirty)
    update_findings (self);
}

/* The menu the cards' text fields add to their context menu. */
void
helder_block_view_set_extra_menu (HelderBlockView *self,
                                  GMenuModel      *menu)
{
  g_return_if_fail (HELDER_IS_BLOCK_VIEW (self));

  g_set_object (&self->extra_menu, menu);
  for (guint i = 0; i < self->cards->len; i++)
    helder_block_card_set_extra_menu (g_ptr_array_index (self->cards, i), menu);
}

/* Puts the focus in the card and the field that hold bytes @start to @end
 * of the page, with them selected, as the Findings pane asks when a
 * finding is chosen.
 */
gboolean
helder_block_view_focus_range (HelderBlockView *self,
                               gsize            start,
                               gsize            end)
{
  gsize offset = start;

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

      offset = CLAMP (offset, block->range.start, block->range.end);
      return helder_block_card_focus_range (card, offset, CLAMP (end, offset, block->range.end));
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

/* The focus goes to the card's first field, where writing starts; a new
 * card's words are selected, so that typing replaces them.
 */
static void
focus_card_field (HelderBlockView *self,
                  int              index,
                  gboolean         select)
{
  if (index < 0 || (guint) index >= self->cards->len)
    return;

  helder_block_card_focus_first_field (g_ptr_array_index (self->cards, index), select);
}

static void
focus_card (HelderBlockView *self,
            int              index)
{
  focus_card_field (self, index, FALSE);
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

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HelderBlockView *self = HELDER_BLOCK_VIEW (widget);
  int index = card_index (self, focused_card (self));
  GtkWidget *focus;

  if (index < 0)
    return;

  /* The card itself moves, so the focus stays where it was. */
  focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  if (focus != NULL)
    g_object_ref (focus);
  apply_text_edit (self, helder_block_edit_move (helder_page_get_text (self->page),
                                                 helder_page_get_length (self->page),
                                                 content (self), (guint) index,
                                                 g_str_equal (action_name, "blocks.move-down")));
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
  g_autoptr(GHashTable) ids = NULL;

  if (index < 0)
    return;

  ids = ids_in_use (self);
  apply_text_edit (self, helder_block_edit_duplicate (helder_page_get_text (self->page),
                                                      helder_page_get_length (self->page),
                                                      block_at (self, index), ids));
  focus_card (self, index + 1);
}

/* Ctrl+Z and Shift+Ctrl+Z in Blocks take back the page's last edits, as
 * in Source: every card edit is one step of the page's own history (a
 * field's private history would not know a deleted or moved block). When
 * the control that had the focus went with the change, the focus goes to
 * the card where the page's cursor is, at the change.
 */
static void
take_back (HelderBlockView *self,
           gboolean         undo)
{
  g_autoptr(GtkWidget) focus = NULL;
  GtkTextIter start;
  GtkTextIter cursor;
  g_autofree char *before = NULL;

  if (self->buffer == NULL || !self->editable ||
      !(undo ? gtk_text_buffer_get_can_undo (self->buffer) : gtk_text_buffer_get_can_redo (self->buffer)))
    return;

  focus = dup_focus (self);
  if (undo)
    gtk_text_buffer_undo (self->buffer);
  else
    gtk_text_buffer_redo (self->buffer);

  gtk_text_buffer_get_start_iter (self->buffer, &start);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, gtk_text_buffer_get_insert (self->buffer));
  before = gtk_text_buffer_get_slice (self->buffer, &start, &cursor, TRUE);
  refocus_if_lost (self, focus, NULL, strlen (before));
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  take_back (HELDER_BLOCK_VIEW (widget), g_str_equal (action_name, "blocks.undo"));
}

static void
undo_clicked_cb (AdwToast        *toast,
                 HelderBlockView *self)
{
  take_back (self, TRUE);
}

/* Deletes the block with its blank lines, and offers Undo. */
static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HelderBlockView *self = HELDER_BLOCK_VIEW (widget);
  int index = card_index (self, focused_card (self));
  GtkWidget *overlay;

  if (index < 0)
    return;

  apply_text_edit (self, helder_block_edit_delete (helder_page_get_text (self->page),
                                                   helder_page_get_length (self->page),
                                                   content (self), (guint) index));
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

/* From a page too long for cards to Source, at the last edit (a long
 * paste) or at the start.
 */
static void
edit_page_source_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  HelderBlockView *self = HELDER_BLOCK_VIEW (widget);
  gsize length = self->page != NULL ? helder_page_get_length (self->page) : 0;

  g_signal_emit (self, signals[EDIT_SOURCE], 0, (guint64) MIN (self->last_edit.start, length),
                 (guint64) MIN (self->last_edit.end, length));
}

/* The list of block types opens above the cards, saying where the block
 * will go.
 */
static void
show_palette (HelderBlockView *self,
              HelderBlockCard *after)
{
  g_autofree char *title = NULL;

  if (after != NULL)
    /* Translators: %s is a block's name, such as "Image: Het logo" */
    title = g_strdup_printf (_("Insert after “%s”"), helder_block_card_get_name (after));
  else
    title = g_strdup (_("Insert at the start of the page"));
  gtk_label_set_text (self->palette_title, title);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->palette), TRUE);
  gtk_widget_child_focus (GTK_WIDGET (self->palette_list), GTK_DIR_TAB_FORWARD);
}

static void
hide_palette (HelderBlockView *self)
{
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->palette), FALSE);
}

static void
close_palette_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HelderBlockView *self = HELDER_BLOCK_VIEW (widget);
  int index = self->insert_after;

  hide_palette (self);
  focus_card (self, index < 0 ? 0 : index);
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
  show_palette (self, card);
}

/* Inserts the chosen block on the line after the card's block, or before
 * the first block.
 */
static void
palette_activated_cb (HelderBlockView *self,
                      GtkListBoxRow   *row)
{
  const PaletteEntry *entry = &palette_entries[gtk_list_box_row_get_index (row)];
  const char *text;
  gsize length;
  gsize at = 0;
  int index = self->insert_after;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(HelderTextEdit) edit = NULL;

  hide_palette (self);
  if (self->page == NULL)
    return;

  text = helder_page_get_text (self->page);
  length = helder_page_get_length (self->page);
  if (index >= 0 && (guint) index < self->cards->len)
    {
      const char *newline;

      at = block_at (self, index)->range.end;
      newline = memchr (text + at, '\n', length - at);
      at = newline != NULL ? (gsize) (newline - text) + 1 : length;
    }
  else if (self->cards->len > 0)
    at = block_at (self, 0)->range.start;

  ids = ids_in_use (self);
  edit = helder_block_edit_insert (text, length, at, entry->template, ids);
  apply_text_edit (self, g_steal_pointer (&edit));
  focus_card_field (self, index + 1, TRUE);
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
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_object (&self->extra_menu);

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
  gtk_widget_class_bind_template_child (widget_class, HelderBlockView, body);
  gtk_widget_class_bind_template_child (widget_class, HelderBlockView, scroller);
  gtk_widget_class_bind_template_child (widget_class, HelderBlockView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, HelderBlockView, too_long);
  gtk_widget_class_bind_template_child (widget_class, HelderBlockView, too_long_button);
  gtk_widget_class_bind_template_child_full (widget_class, "cards", FALSE,
                                             G_STRUCT_OFFSET (HelderBlockView, cards_box));
  gtk_widget_class_bind_template_child (widget_class, HelderBlockView, palette);
  gtk_widget_class_bind_template_child (widget_class, HelderBlockView, review_banner);
  gtk_widget_class_bind_template_child (widget_class, HelderBlockView, palette_title);
  gtk_widget_class_bind_template_child (widget_class, HelderBlockView, palette_list);
  gtk_widget_class_bind_template_callback (widget_class, palette_activated_cb);

  gtk_widget_class_install_action (widget_class, "blocks.insert", NULL, insert_action);
  gtk_widget_class_install_action (widget_class, "blocks.insert-first", NULL, insert_action);
  gtk_widget_class_install_action (widget_class, "blocks.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "blocks.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "blocks.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "blocks.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "blocks.undo", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "blocks.redo", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "blocks.edit-source", NULL, edit_source_action);
  gtk_widget_class_install_action (widget_class, "blocks.edit-page-source", NULL,
                                   edit_page_source_action);
  gtk_widget_class_install_action (widget_class, "blocks.close-palette", NULL, close_palette_action);
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
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>z", "blocks.undo");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Shift><Control>z", "blocks.redo");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  /* Escape closes the list of block types. */
  shortcuts = gtk_shortcut_controller_new ();
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "Escape", "blocks.close-palette");
  gtk_widget_add_controller (self->palette, shortcuts);
}
