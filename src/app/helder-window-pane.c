/* helder-window-pane.c
 *
 * The side pane's width: the author drags the handle between the page
 * and the pane (or focuses it and presses Left or Right), and the width
 * is kept for the next start. The preview inside fits a wide screen into
 * whatever width the pane has; the label under the screen buttons says
 * at what scale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-window"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "helder-window-private.h"

/* The pane is never narrower than its controls need, and always leaves
 * the page this much room.
 */
#define PANE_MIN_WIDTH 340
#define PAGE_MIN_WIDTH 360
#define KEY_STEP 32

static int
pane_max_width (HelderWindow *self)
{
  int leaflet_width = gtk_widget_get_width (GTK_WIDGET (self->page_leaflet));
  int handle_width = gtk_widget_get_width (self->pane_handle);

  if (leaflet_width <= 0)
    return G_MAXINT;

  return MAX (PANE_MIN_WIDTH, leaflet_width - handle_width - PAGE_MIN_WIDTH);
}

/* The chosen width is what the pane would like (its natural width), not
 * what it must have: the window can still be made as narrow as a phone,
 * and then the pane folds away behind the page. Folded, the pane takes
 * the whole width and asks only for what its controls need.
 */
static void
apply_pane_width (HelderWindow *self)
{
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (self->side_pane);
  GtkWidget *content = gtk_scrolled_window_get_child (scrolled);
  gboolean folded = adw_leaflet_get_folded (self->page_leaflet);

  gtk_scrolled_window_set_max_content_width (scrolled, self->side_pane_width);
  gtk_widget_set_size_request (content, folded ? PANE_MIN_WIDTH : self->side_pane_width, -1);
}

static gboolean
apply_pane_width_idle_cb (gpointer data)
{
  apply_pane_width (data);
  return G_SOURCE_REMOVE;
}

/* The leaflet folds while it lays itself out; the pane's size follows
 * right after.
 */
static void
leaflet_folded_cb (HelderWindow *self)
{
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_pane_width_idle_cb, g_object_ref (self),
                   g_object_unref);
}

/* Sets the pane's width, within its limits; @save also keeps it. */
static void
set_pane_width (HelderWindow *self,
                int           width,
                gboolean      save)
{
  int max = pane_max_width (self);

  width = CLAMP (width, PANE_MIN_WIDTH, max);
  self->side_pane_width = width;
  apply_pane_width (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pane_handle),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, (double) PANE_MIN_WIDTH,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX,
                                  (double) (max == G_MAXINT ? width : max),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) width,
                                  -1);
  if (save)
    g_settings_set_int (self->settings, "side-pane-width", width);
}

static int
pane_width (HelderWindow *self)
{
  return MAX (self->side_pane_width, gtk_widget_get_width (self->side_pane));
}

static void
drag_begin_cb (HelderWindow   *self,
               double          start_x,
               double          start_y,
               GtkGestureDrag *gesture)
{
  g_object_set_data (G_OBJECT (gesture), "helder-start-width",
                     GINT_TO_POINTER (pane_width (self)));
}

/* The handle is on the pane's left: dragging left makes it wider. */
static void
drag_update_cb (HelderWindow   *self,
                double          offset_x,
                double          offset_y,
                GtkGestureDrag *gesture)
{
  int start = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (gesture), "helder-start-width"));

  set_pane_width (self, start - (int) round (offset_x), FALSE);
}

static void
drag_end_cb (HelderWindow   *self,
             double          offset_x,
             double          offset_y,
             GtkGestureDrag *gesture)
{
  drag_update_cb (self, offset_x, offset_y, gesture);
  set_pane_width (self, pane_width (self), TRUE);
}

static gboolean
handle_key_pressed_cb (HelderWindow          *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      set_pane_width (self, pane_width (self) + KEY_STEP, TRUE);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      set_pane_width (self, pane_width (self) - KEY_STEP, TRUE);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
preview_zoom_changed_cb (HelderWindow *self)
{
  int percent = (int) round (helder_preview_get_zoom (self->preview) * 100);
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;

  /* Translators: the scale the preview shows the learner's screen at,
   * beside the Actual Size button.
   */
  text = g_strdup_printf (_("%d%%"), percent);
  /* Translators: the same scale, in words, for the tooltip and for
   * screen readers.
   */
  description = g_strdup_printf (_("Shown at %d%% of its real size"), percent);
  gtk_label_set_label (self->preview_scale_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->preview_scale_label), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview_scale_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

void
_helder_window_pane_init (HelderWindow *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_set_cursor_from_name (self->pane_handle, "col-resize");
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (drag_update_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (drag_end_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->pane_handle, GTK_EVENT_CONTROLLER (drag));

  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (handle_key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->pane_handle, keys);

  set_pane_width (self, g_settings_get_int (self->settings, "side-pane-width"), FALSE);
  g_signal_connect_object (self->page_leaflet, "notify::folded", G_CALLBACK (leaflet_folded_cb),
                           self, G_CONNECT_SWAPPED);

  g_settings_bind (self->settings, "preview-actual-size", self->preview, "actual-size",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->preview, "notify::zoom", G_CALLBACK (preview_zoom_changed_cb),
                           self, G_CONNECT_SWAPPED);
  preview_zoom_changed_cb (self);
}

void
_helder_window_pane_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child_full (widget_class, "pane_handle", FALSE,
                                             G_STRUCT_OFFSET (HelderWindow, pane_handle));
  gtk_widget_class_bind_template_child_full (widget_class, "preview_scale_label", FALSE,
                                             G_STRUCT_OFFSET (HelderWindow, preview_scale_label));
}
