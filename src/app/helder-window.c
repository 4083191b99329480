/* helder-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-window"

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "helder-colour.h"
#include "helder-window.h"

struct _HelderWindow
{
  AdwApplicationWindow  parent_instance;

  HelderCourse         *course;
  HelderPage           *page;
  GCancellable         *load_cancellable;
  GSettings            *settings;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  AdwWindowTitle       *course_title;
  AdwWindowTitle       *page_title;
  GtkListBox           *outline;
  GtkStack             *content_stack;
  AdwStatusPage        *empty_page;
  GtkSourceView        *source_view;
};

G_DEFINE_FINAL_TYPE (HelderWindow, helder_window, ADW_TYPE_APPLICATION_WINDOW)

static void
show_page (HelderWindow *self,
           HelderPage   *page)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->source_view));
  GtkTextIter start;

  g_set_object (&self->page, page);
  gtk_text_buffer_set_text (buffer, helder_page_get_text (page),
                            (int) helder_page_get_length (page));
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);

  adw_window_title_set_title (self->page_title, helder_page_get_title (page));
  adw_window_title_set_subtitle (self->page_title, helder_page_get_file (page));
  gtk_stack_set_visible_child_name (self->content_stack, "page");
}

static void
outline_row_activated_cb (HelderWindow  *self,
                          GtkListBoxRow *row)
{
  HelderPage *page = g_object_get_data (G_OBJECT (row), "helder-page");

  if (page == NULL)
    return;

  show_page (self, page);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
back_clicked_cb (HelderWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static GtkWidget *
create_module_row (HelderModule *module)
{
  g_autofree char *markup = NULL;
  g_autofree char *colour = NULL;
  g_autofree char *title = g_markup_escape_text (helder_module_get_title (module), -1);
  HelderColour parsed;
  GtkWidget *label;
  GtkWidget *row;

  /* The colour went through the colour parser, so only #rrggbb reaches
   * the markup.
   */
  if (helder_module_get_colour (module) != NULL &&
      helder_colour_parse (helder_module_get_colour (module), &parsed, NULL))
    colour = helder_colour_to_string (&parsed);

  if (colour != NULL)
    markup = g_strdup_printf ("<span foreground=\"%s\">●</span>  <b>%s</b>", colour, title);
  else
    markup = g_strdup_printf ("<b>%s</b>", title);

  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 4);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "heading");

  return row;
}

static GtkWidget *
create_page_row (HelderPage *page)
{
  GtkWidget *label = gtk_label_new (helder_page_get_title (page));
  GtkWidget *row;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (label, 18);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_widget_set_tooltip_text (row, helder_page_get_file (page));
  g_object_set_data_full (G_OBJECT (row), "helder-page", g_object_ref (page), g_object_unref);

  return row;
}

static void
fill_outline (HelderWindow *self)
{
  GtkWidget *child;
  GtkListBoxRow *first_page = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->outline))) != NULL)
    gtk_list_box_remove (self->outline, child);

  for (guint m = 0; m < helder_course_get_n_modules (self->course); m++)
    {
      HelderModule *module = helder_course_get_module (self->course, m);

      gtk_list_box_append (self->outline, create_module_row (module));

      for (guint p = 0; p < helder_module_get_n_pages (module); p++)
        {
          GtkWidget *row = create_page_row (helder_module_get_page (module, p));

          gtk_list_box_append (self->outline, row);
          if (first_page == NULL)
            first_page = GTK_LIST_BOX_ROW (row);
        }
    }

  if (first_page != NULL)
    {
      gtk_list_box_select_row (self->outline, first_page);
      show_page (self, g_object_get_data (G_OBJECT (first_page), "helder-page"));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Pages"));
      adw_status_page_set_description (self->empty_page,
                                       _("This course has no pages that could be read."));
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
    }
}

static void
show_load_problems (HelderWindow *self)
{
  GPtrArray *diagnostics = helder_course_get_diagnostics (self->course);
  guint errors = 0;
  g_autofree char *message = NULL;

  for (guint i = 0; i < diagnostics->len; i++)
    if (((HelderDiagnostic *) g_ptr_array_index (diagnostics, i))->severity ==
        HELDER_SEVERITY_ERROR)
      errors++;

  if (errors == 0)
    return;

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "The course has %u problem; run “helder-cli validate” "
                                          "to see where",
                                          "The course has %u problems; run “helder-cli validate” "
                                          "to see where",
                                          errors),
                             errors);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
course_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(HelderWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderCourse) course = helder_course_load_finish (result, &error);

  if (course == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  g_set_object (&self->course, course);
  g_clear_object (&self->page);
  adw_window_title_set_title (self->course_title, helder_course_get_title (course));
  adw_window_title_set_subtitle (self->course_title, helder_course_get_path (course));
  gtk_window_set_title (GTK_WINDOW (self), helder_course_get_title (course));
  fill_outline (self);
  show_load_problems (self);
}

void
helder_window_open_course (HelderWindow *self,
                           GFile        *folder)
{
  g_autofree char *path = NULL;

  g_return_if_fail (HELDER_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (folder));

  path = g_file_get_path (folder);
  if (path == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Only local folders can be opened")));
      return;
    }

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  helder_course_load_async (path, self->load_cancellable, course_loaded_cb, g_object_ref (self));
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  HelderWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (folder != NULL)
        helder_window_open_course (self, folder);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HelderWindow *self = HELDER_WINDOW (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Open Course"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (open_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
helder_window_dispose (GObject *object)
{
  HelderWindow *self = (HelderWindow *) object;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->course);
  g_clear_object (&self->page);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (helder_window_parent_class)->dispose (object);
}

static void
helder_window_class_init (HelderWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_window_dispose;

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/helderapp/Helder/helder-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, course_title);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, page_title);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, outline);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, source_view);
  gtk_widget_class_bind_template_callback (widget_class, outline_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
}

static void
helder_window_init (HelderWindow *self)
{
  GtkSourceLanguageManager *languages;
  GtkSourceBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  languages = gtk_source_language_manager_get_default ();
  buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->source_view)));
  gtk_source_buffer_set_language (buffer,
                                  gtk_source_language_manager_get_language (languages, "markdown"));

  /* Window size and state are remembered between runs. */
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}

HelderWindow *
helder_window_new (HelderApplication *application)
{
  return g_object_new (HELDER_TYPE_WINDOW, "application", application, NULL);
}

/* Returns: (transfer none) (nullable) */
HelderCourse *
helder_window_get_course (HelderWindow *self)
{
  g_return_val_if_fail (HELDER_IS_WINDOW (self), NULL);

  return self->course;
}

/* Returns: (transfer none) (nullable): the page shown */
HelderPage *
helder_window_get_page (HelderWindow *self)
{
  g_return_val_if_fail (HELDER_IS_WINDOW (self), NULL);

  return self->page;
}
