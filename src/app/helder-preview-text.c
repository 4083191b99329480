/* helder-preview-text.c
 *
 * The preview's "Read as Text" view: the page as the learner's screen
 * reader reads it, line by line, in a read-only text view that a screen
 * reader can read in turn. Under GTK 4.8 the web preview's content cannot
 * reach a screen reader (WebKitGTK 6 needs GtkAtSpiSocket, GTK 4.14);
 * this view gives the same content another way. It renders with the
 * export's own renderer, so it reads what the package will show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-preview-text"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-preview-text.h"
#include "helder-reading-text.h"

/* Edits reach the text once typing pauses this long, as in the preview. */
#define REFRESH_DELAY_MS 300

struct _HelderPreviewText
{
  GtkWidget     parent_instance;

  HelderCourse *course;
  HelderModule *module;
  HelderPage   *page;
  guint         refresh_source;
  gboolean      stale;  /* the page changed while the view was not on screen */

  GtkWidget    *content;
  GtkWidget    *scroller;
  GtkWidget    *text_view;
};

G_DEFINE_FINAL_TYPE (HelderPreviewText, helder_preview_text, GTK_TYPE_WIDGET)

static void
refresh (HelderPreviewText *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  double scrolled = gtk_adjustment_get_value (adjustment);
  g_autoptr(GPtrArray) items = NULL;
  GtkTextIter end;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->stale = FALSE;
  gtk_text_buffer_set_text (buffer, "", 0);
  if (self->page == NULL)
    return;

  items = helder_reading_text_dup_items (self->course, self->module, self->page);

  gtk_text_buffer_get_end_iter (buffer, &end);
  for (guint i = 0; i < items->len; i++)
    {
      const HelderReadingItem *item = g_ptr_array_index (items, i);
      g_autofree char *line = helder_reading_text_dup_line (item);
      const char *tag = NULL;

      if (item->kind == HELDER_READING_HEADING)
        tag = item->level <= 1 ? "heading-1" : "heading";
      else if (item->kind != HELDER_READING_TEXT)
        tag = "indented";
      if (i > 0)
        gtk_text_buffer_insert (buffer, &end, "\n", 1);
      if (tag != NULL)
        gtk_text_buffer_insert_with_tags_by_name (buffer, &end, line, -1, tag, NULL);
      else
        gtk_text_buffer_insert (buffer, &end, line, -1);
    }
  gtk_adjustment_set_value (adjustment, scrolled);
}

static gboolean
refresh_timeout_cb (gpointer user_data)
{
  HelderPreviewText *self = user_data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
page_text_changed_cb (HelderPreviewText *self)
{
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->refresh_source = g_timeout_add (REFRESH_DELAY_MS, refresh_timeout_cb, self);
  else
    self->stale = TRUE;
}

/**
 * helder_preview_text_show:
 *
 * Reads @page, and follows its edits. While the view is not on screen
 * the page is read only once it is shown.
 */
void
helder_preview_text_show (HelderPreviewText *self,
                          HelderCourse      *course,
                          HelderModule      *module,
                          HelderPage        *page)
{
  g_return_if_fail (HELDER_IS_PREVIEW_TEXT (self));
  g_return_if_fail (HELDER_IS_COURSE (course));
  g_return_if_fail (HELDER_IS_MODULE (module));
  g_return_if_fail (HELDER_IS_PAGE (page));

  if (self->page == page && self->module == module && self->course == course)
    return;
  if (self->page != NULL)
    g_signal_handlers_disconnect_by_func (self->page, page_text_changed_cb, self);
  g_set_object (&self->course, course);
  g_set_object (&self->module, module);
  g_set_object (&self->page, page);
  g_signal_connect_object (page, "notify::text", G_CALLBACK (page_text_changed_cb), self,
                           G_CONNECT_SWAPPED);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  else
    self->stale = TRUE;
}

static void
helder_preview_text_map (GtkWidget *widget)
{
  HelderPreviewText *self = HELDER_PREVIEW_TEXT (widget);

  GTK_WIDGET_CLASS (helder_preview_text_parent_class)->map (widget);
  if (self->stale)
    refresh (self);
}

static void
helder_preview_text_dispose (GObject *object)
{
  HelderPreviewText *self = HELDER_PREVIEW_TEXT (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->page != NULL)
    g_signal_handlers_disconnect_by_func (self->page, page_text_changed_cb, self);
  g_clear_object (&self->page);
  g_clear_object (&self->module);
  g_clear_object (&self->course);
  gtk_widget_dispose_template (GTK_WIDGET (object), HELDER_TYPE_PREVIEW_TEXT);

  G_OBJECT_CLASS (helder_preview_text_parent_class)->dispose (object);
}

static void
helder_preview_text_class_init (HelderPreviewTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_preview_text_dispose;
  widget_class->map = helder_preview_text_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/helderapp/Helder/helder-preview-text.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderPreviewText, content);
  gtk_widget_class_bind_template_child (widget_class, HelderPreviewText, scroller);
  gtk_widget_class_bind_template_child (widget_class, HelderPreviewText, text_view);
}

static void
helder_preview_text_init (HelderPreviewText *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  gtk_text_buffer_create_tag (buffer, "heading-1", "weight", PANGO_WEIGHT_BOLD,
                              "scale", 1.4, "pixels-above-lines", 6, NULL);
  gtk_text_buffer_create_tag (buffer, "heading", "weight", PANGO_WEIGHT_BOLD,
                              "scale", 1.15, "pixels-above-lines", 12, NULL);
  gtk_text_buffer_create_tag (buffer, "indented", "left-margin", 24, NULL);
}
