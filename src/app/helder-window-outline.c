/* helder-window-outline.c
 *
 * The outline of the window: its rows (built here, one per module and
 * page) and the course's structure from it: new courses, modules and
 * pages; moving, renaming and removing them, with Undo in the toast.
 * Nothing is deleted from disk: a removed page or module only leaves the
 * course's lists, and comes back with Undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-window"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-colour.h"
#include "helder-course-settings.h"
#include "helder-review-json.h"
#include "helder-window-private.h"

typedef enum
{
  UNDO_REMOVE_PAGE,
  UNDO_MOVE_PAGE,
  UNDO_REMOVE_MODULE,
  UNDO_MOVE_MODULE,
} UndoKind;

struct _HelderOutlineUndo
{
  UndoKind      kind;
  HelderModule *module;
  HelderPage   *page;
  guint         position;
};

void
_helder_outline_undo_free (HelderOutlineUndo *undo)
{
  g_clear_object (&undo->module);
  g_clear_object (&undo->page);
  g_free (undo);
}

static void
remember (HelderWindow *self,
          UndoKind      kind,
          HelderModule *module,
          HelderPage   *page,
          guint         position,
          const char   *message)
{
  HelderOutlineUndo *undo = g_new0 (HelderOutlineUndo, 1);
  AdwToast *toast = adw_toast_new (message);

  undo->kind = kind;
  undo->module = module != NULL ? g_object_ref (module) : NULL;
  undo->page = page != NULL ? g_object_ref (page) : NULL;
  undo->position = position;
  g_clear_pointer (&self->outline_undo, _helder_outline_undo_free);
  self->outline_undo = undo;

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-outline");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
changed (HelderWindow *self,
         HelderPage   *select)
{
  _helder_window_fill_outline (self, select);
  _helder_window_update_title (self);
  _helder_window_check_course (self);
}

/* The module the outline's menu was opened on, or the shown page's. */
static HelderModule *
selected_module (HelderWindow *self)
{
  HelderModule *module = g_object_get_data (G_OBJECT (self), "helder-menu-module");

  if (module == NULL && self->page != NULL)
    module = helder_course_find_module_of_page (self->course, self->page);

  return module;
}

/* The first "NN-name.md" (or folder) that is not in use. */
static char *
free_name (const char *folder,
           guint       start,
           const char *stem,
           const char *suffix)
{
  for (guint n = start;; n++)
    {
      g_autofree char *name = g_strdup_printf ("%02u-%s%s", n, stem, suffix);
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&name);
    }
}

/* The title typed into a dialog of ask_title(), when @response is its
 * @accept and the title is not empty.
 */
static char *
dup_entered_title (AdwMessageDialog *dialog,
                   const char       *response,
                   const char       *accept)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "helder-entry");
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (!g_str_equal (response, accept) || title[0] == '\0')
    return NULL;

  return g_steal_pointer (&title);
}

/* Enter in the title field answers the dialog as its default button does. */
static void
title_activated_cb (AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "accept");
  gtk_window_close (GTK_WINDOW (dialog));
}

/* A small dialog that asks for a title, with the focus in its field and
 * Enter for @accept_label. @response_cb gets the window; @about (a
 * module or page) is the dialog's "helder-about".
 */
static void
ask_title (HelderWindow *self,
           const char   *heading,
           const char   *field_label,
           const char   *title,
           const char   *accept_label,
           GCallback     response_cb,
           GObject      *about)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  field_label, -1);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, NULL));
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "accept", accept_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "accept", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "accept");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "helder-about", g_object_ref (about),
                          g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "helder-entry", entry);
  g_signal_connect_object (dialog, "response", response_cb, self, 0);
  g_signal_connect_object (entry, "activate", G_CALLBACK (title_activated_cb), dialog,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_window_set_focus (GTK_WINDOW (dialog), entry);
}

static void
new_page_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  HelderWindow *self = user_data;
  HelderModule *module = g_object_get_data (G_OBJECT (dialog), "helder-about");
  g_autofree char *title = dup_entered_title (dialog, response, "accept");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  HelderPage *page;
  guint position;
  int current;

  /* The course may have been closed or replaced while the dialog was open. */
  if (title == NULL || self->course == NULL ||
      helder_course_find_module (self->course, helder_module_get_id (module)) != module)
    return;

  current = self->page != NULL ? helder_module_find_page (module, self->page) : -1;
  position = current >= 0 ? (guint) current + 1 : helder_module_get_n_pages (module);
  name = helder_module_dup_page_name (module, helder_course_get_path (self->course), title);
  text = g_strdup_printf ("# %s\n\n", title);

  page = helder_module_add_page (module, helder_course_get_path (self->course), name, text,
                                 position, &error);
  if (page == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  changed (self, page);
  /* Writing starts at once, below the title. */
  helder_page_editor_focus_end (self->editor);
}

/* New Page asks for the page's title first; the file is named from it. */
static void
new_page_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HelderWindow *self = HELDER_WINDOW (widget);
  HelderModule *module = selected_module (self);

  if (self->course == NULL || module == NULL)
    return;

  ask_title (self, _("New Page"), _("Title of the page"), "", _("C_reate"),
             G_CALLBACK (new_page_response_cb), G_OBJECT (module));
}

static void
new_module_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HelderWindow *self = HELDER_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  HelderModule *module;
  HelderPage *page;

  if (self->course == NULL)
    return;

  id = free_name (helder_course_get_path (self->course),
                  helder_course_get_n_modules (self->course) + 1, "nieuwe-module", "");
  module = helder_course_add_module (self->course, id, _("New module"),
                                     helder_course_get_n_modules (self->course), &error);
  if (module == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  page = helder_module_add_page (module, helder_course_get_path (self->course), "01-welkom.md",
                                 "# Welkom\n\n", 0, &error);
  changed (self, page);
}

static void
move_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HelderWindow *self = HELDER_WINDOW (widget);
  HelderModule *module;
  int step = g_variant_get_int32 (parameter);
  int from;
  int to;

  if (self->page == NULL || (module = helder_course_find_module_of_page (self->course, self->page)) == NULL)
    return;

  from = helder_module_find_page (module, self->page);
  to = from + step;
  if (from < 0 || to < 0 || to >= (int) helder_module_get_n_pages (module))
    return;

  helder_module_move_page (module, self->page, to);
  changed (self, self->page);
}

static void
remove_page_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HelderWindow *self = HELDER_WINDOW (widget);
  g_autoptr(HelderPage) page = NULL;
  g_autofree char *message = NULL;
  HelderModule *module;
  int position;

  if (self->page == NULL || (module = helder_course_find_module_of_page (self->course, self->page)) == NULL)
    return;

  page = g_object_ref (self->page);
  position = helder_module_find_page (module, page);
  helder_module_remove_page (module, page);
  message = g_strdup_printf (_("“%s” was removed from the module"), helder_page_get_title (page));
  remember (self, UNDO_REMOVE_PAGE, module, page, position, message);
  changed (self, NULL);
}

static void
move_module_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HelderWindow *self = HELDER_WINDOW (widget);
  HelderModule *module = selected_module (self);
  int step = g_variant_get_int32 (parameter);
  int from = -1;

  if (module == NULL)
    return;

  for (guint i = 0; i < helder_course_get_n_modules (self->course); i++)
    if (helder_course_get_module (self->course, i) == module)
      from = i;

  if (from < 0 || from + step < 0 ||
      from + step >= (int) helder_course_get_n_modules (self->course))
    return;

  helder_course_move_module (self->course, module, from + step);
  changed (self, self->page);
}

static void
remove_module_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HelderWindow *self = HELDER_WINDOW (widget);
  HelderModule *module = selected_module (self);
  g_autoptr(HelderModule) keep = NULL;
  g_autofree char *message = NULL;
  guint position = 0;

  if (module == NULL)
    return;

  keep = g_object_ref (module);
  for (guint i = 0; i < helder_course_get_n_modules (self->course); i++)
    if (helder_course_get_module (self->course, i) == module)
      position = i;

  helder_course_remove_module (self->course, keep);
  message = g_strdup_printf (_("“%s” was removed from the course"),
                             helder_module_get_title (keep));
  remember (self, UNDO_REMOVE_MODULE, keep, NULL, position, message);
  changed (self, NULL);
}

static void
undo_outline_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HelderWindow *self = HELDER_WINDOW (widget);
  HelderOutlineUndo *undo = g_steal_pointer (&self->outline_undo);

  if (undo == NULL || self->course == NULL)
    return;

  switch (undo->kind)
    {
    case UNDO_REMOVE_PAGE:
      helder_module_insert_page (undo->module, undo->page, undo->position);
      break;
    case UNDO_MOVE_PAGE:
      helder_module_move_page (undo->module, undo->page, undo->position);
      break;
    case UNDO_REMOVE_MODULE:
      helder_course_insert_module (self->course, undo->module, undo->position);
      break;
    case UNDO_MOVE_MODULE:
      helder_course_move_module (self->course, undo->module, undo->position);
      break;
    default:
      g_assert_not_reached ();
    }

  changed (self, undo->page != NULL ? undo->page : self->page);
  _helder_outline_undo_free (undo);
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  HelderWindow *self = user_data;
  HelderModule *module = g_object_get_data (G_OBJECT (dialog), "helder-about");
  g_autofree char *title = dup_entered_title (dialog, response, "accept");

  if (title == NULL)
    return;

  helder_module_set_title (module, title);
  changed (self, self->page);
}

static void
rename_module_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HelderWindow *self = HELDER_WINDOW (widget);
  HelderModule *module = selected_module (self);

  if (module == NULL)
    return;

  ask_title (self, _("Rename Module"), _("Title of the module"), helder_module_get_title (module),
             _("_Rename"), G_CALLBACK (rename_response_cb), G_OBJECT (module));
}

/* Says whole, in a dialog, why something could not be done. */
static void
show_problem (HelderWindow *self,
              const char   *heading,
              const char   *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rename_page_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         gpointer          user_data)
{
  HelderWindow *self = user_data;
  HelderPage *page = g_object_get_data (G_OBJECT (dialog), "helder-about");
  g_autofree char *title = dup_entered_title (dialog, response, "accept");
  g_autofree char *old_file = NULL;
  g_autoptr(GError) error = NULL;
  const char *root;
  HelderModule *module;

  if (title == NULL || self->course == NULL ||
      (module = helder_course_find_module_of_page (self->course, page)) == NULL)
    return;

  root = helder_course_get_path (self->course);
  if (!helder_module_rename_page (module, root, page, title, &old_file, &error))
    {
      show_problem (self, _("Could Not Rename the Page"), error->message);
      return;
    }

  /* The review's comments and the ignored findings follow the file. */
  if (!g_str_equal (old_file, helder_page_get_file (page)))
    {
      if (self->review != NULL)
        {
          helder_review_rename_page (self->review, root, old_file, helder_page_get_file (page));
          if (helder_review_get_modified (self->review) &&
              !helder_review_save (self->review, root, &error))
            show_problem (self, _("Could Not Rename the Page"), error->message);
          g_clear_error (&error);
        }
      if (!helder_ignore_list_rename_page (helder_course_get_ignore_list (self->course), old_file,
                                           helder_page_get_file (page), &error))
        show_problem (self, _("Could Not Rename the Page"), error->message);
    }

  /* The file is renamed on disk already: the course's list of pages is
   * saved with it, so the two never disagree.
   */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.save", NULL);
  changed (self, page);
}

/* Rename Page (F2, or the row's menu): a new title, and the file named
 * from it.
 */
static void
rename_page_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HelderWindow *self = HELDER_WINDOW (widget);

  if (self->course == NULL || self->page == NULL)
    return;

  ask_title (self, _("Rename Page"), _("Title of the page"), helder_page_get_title (self->page),
             _("_Rename"), G_CALLBACK (rename_page_response_cb), G_OBJECT (self->page));
}

static void
course_created (HelderWindow *self,
                GFile        *folder)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (folder);
  g_autofree char *title = g_file_get_basename (folder);
  g_autoptr(HelderCourse) course = helder_course_create (path, title, &error);

  if (course == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  helder_window_open_course (self, folder);
}

static void
new_course_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  /* The name given becomes the course's folder and its first title. */
  _helder_window_choose_folder (HELDER_WINDOW (widget), _("New Course"), _("_Create"),
                                _("New course"), course_created);
}

static void
settings_closed_cb (HelderWindow *self)
{
  adw_window_title_set_title (self->course_title, helder_course_get_title (self->course));
  changed (self, self->page);
  /* The thresholds or the dictionary may have changed. */
  if (self->page != NULL)
    helder_page_editor_check_now (self->editor);
}

/* win.course-settings opens the course's settings; with a page name
 * ("checks"), on that page.
 */
static void
course_settings_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HelderWindow *self = HELDER_WINDOW (widget);
  HelderCourseSettings *settings;
  const char *page = g_variant_get_string (parameter, NULL);

  if (self->course == NULL || helder_course_get_document (self->course) == NULL)
    return;

  settings = helder_course_settings_new (GTK_WINDOW (self), self->course);
  if (page[0] != '\0')
    adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (settings), page);
  g_signal_connect_object (settings, "destroy", G_CALLBACK (settings_closed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (settings));
}

/* Right-click or the Menu key on a row: what can be done with it. */
static void
popup_row_menu (HelderWindow  *self,
                GtkListBoxRow *row)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  HelderModule *module = g_object_get_data (G_OBJECT (row), "helder-module");
  GtkWidget *popover;

  g_object_set_data_full (G_OBJECT (self), "helder-menu-module",
                          module != NULL ? g_object_ref (module) : NULL, g_object_unref);

  if (g_object_get_data (G_OBJECT (row), "helder-page") != NULL)
    {
      g_menu_append (menu, _("_Rename…"), "win.rename-page");
      g_menu_append (menu, _("Move _Up"), "win.move-page(-1)");
      g_menu_append (menu, _("Move _Down"), "win.move-page(1)");
      g_menu_append (menu, _("_New Page"), "win.new-page");
      g_menu_append (menu, _("_Remove from Module"), "win.remove-page");
    }
  else
    {
      g_menu_append (menu, _("_Rename…"), "win.rename-module");
      g_menu_append (menu, _("Move _Up"), "win.move-module(-1)");
      g_menu_append (menu, _("Move _Down"), "win.move-module(1)");
      g_menu_append (menu, _("_New Page"), "win.new-page");
      g_menu_append (menu, _("_Remove from Course"), "win.remove-module");
    }

  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (popover, GTK_WIDGET (row));
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
select_row (HelderWindow  *self,
            GtkListBoxRow *row)
{
  HelderPage *page = g_object_get_data (G_OBJECT (row), "helder-page");

  if (page != NULL)
    {
      gtk_list_box_select_row (self->outline, row);
      if (page != self->page)
        _helder_window_show_page (self, page);
    }
  else
    gtk_list_box_select_row (self->outline, NULL);
}

static void
outline_pressed_cb (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    HelderWindow    *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (self->outline, (int) y);

  if (row == NULL)
    return;

  /* Module rows are not selectable; the menu acts on the row clicked. */
  select_row (self, row);
  popup_row_menu (self, row);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static gboolean
outline_menu_key_cb (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  HelderWindow *self = HELDER_WINDOW (user_data);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  while (focus != NULL && !GTK_IS_LIST_BOX_ROW (focus))
    focus = gtk_widget_get_parent (focus);

  if (focus == NULL)
    return FALSE;

  popup_row_menu (self, GTK_LIST_BOX_ROW (focus));
  return TRUE;
}

/* Drag a page onto another page of the same module to put it there. */
static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  HelderPage *page = g_object_get_data (G_OBJECT (row), "helder-page");

  return page != NULL ? gdk_content_provider_new_typed (HELDER_TYPE_PAGE, page) : NULL;
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkWidget     *row)
{
  HelderWindow *self = HELDER_WINDOW (gtk_widget_get_root (row));
  HelderPage *dragged = g_value_get_object (value);
  HelderPage *onto = g_object_get_data (G_OBJECT (row), "helder-page");
  HelderModule *module;
  g_autofree char *message = NULL;
  int from;
  int to;

  if (dragged == NULL || onto == NULL || dragged == onto)
    return FALSE;

  module = helder_course_find_module_of_page (self->course, dragged);
  if (module == NULL || module != helder_course_find_module_of_page (self->course, onto))
    return FALSE;

  from = helder_module_find_page (module, dragged);
  to = helder_module_find_page (module, onto);
  helder_module_move_page (module, dragged, to);
  message = g_strdup_printf (_("“%s” was moved"), helder_page_get_title (dragged));
  remember (self, UNDO_MOVE_PAGE, module, dragged, from, message);
  changed (self, dragged);

  return TRUE;
}

/* Called for each page row the outline makes. */
/* Rows move by drag and drop. */
static void
add_drag_and_drop (GtkWidget *row)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (HELDER_TYPE_PAGE, GDK_ACTION_MOVE);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
}

static void
outline_row_activated_cb (HelderWindow  *self,
                          GtkListBoxRow *row)
{
  HelderPage *page = g_object_get_data (G_OBJECT (row), "helder-page");

  if (page == NULL)
    return;

  _helder_window_show_page (self, page);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
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
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  helder_module_get_title (module), -1);
  g_object_set_data_full (G_OBJECT (row), "helder-module", g_object_ref (module), g_object_unref);

  return row;
}

static GtkWidget *
create_page_row (HelderPage *page)
{
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *review_badge;
  GtkWidget *unsaved;
  GtkWidget *badge;
  GtkWidget *box;
  GtkWidget *row;

  /* The row follows the page's title as the author edits its heading. */
  g_object_bind_property (page, "title", label, "label", G_BINDING_SYNC_CREATE);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);

  /* How many errors and warnings the page has, filled in by the checks. */
  badge = gtk_label_new (NULL);
  gtk_widget_add_css_class (badge, "dim-label");
  gtk_widget_add_css_class (badge, "caption");
  gtk_widget_add_css_class (badge, "numeric");

  review_badge = gtk_label_new (NULL);
  gtk_widget_add_css_class (review_badge, "dim-label");
  gtk_widget_add_css_class (review_badge, "caption");

  /* The page's unsaved changes show on its row, where the author looks. */
  unsaved = gtk_label_new ("•");
  gtk_widget_set_name (unsaved, "unsaved-mark");
  gtk_widget_add_css_class (unsaved, "accent");
  gtk_widget_set_tooltip_text (unsaved, _("Changes not saved yet"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (unsaved), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Changes not saved yet"), -1);
  g_object_bind_property (page, "modified", unsaved, "visible", G_BINDING_SYNC_CREATE);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (box, 18);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), unsaved);
  gtk_box_append (GTK_BOX (box), review_badge);
  gtk_box_append (GTK_BOX (box), badge);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, helder_page_get_file (page));
  g_object_set_data_full (G_OBJECT (row), "helder-page", g_object_ref (page), g_object_unref);
  g_object_set_data (G_OBJECT (row), "helder-badge", badge);
  g_object_set_data (G_OBJECT (row), "helder-review-badge", review_badge);

  return row;
}

/* A button that repairs a module: its label, action and the action's
 * string target.
 */
typedef struct
{
  const char *label;
  const char *action;
  const char *target;
} WayOut;

/* A module that could not be read, where the course lists it: what is
 * wrong, its ways out, and the pages its folder holds.
 */
static void
append_broken_module (HelderWindow       *self,
                      HelderBrokenModule *broken)
{
  g_autofree char *folder = g_build_filename (helder_course_get_path (self->course), broken->id,
                                              NULL);
  g_autofree char *file = g_build_filename (folder, "module.json", NULL);
  g_autofree char *folder_uri = g_filename_to_uri (folder, NULL, NULL);
  g_autofree char *file_uri = g_filename_to_uri (file, NULL, NULL);
  g_autofree char *title = g_markup_printf_escaped ("<b>%s</b>", broken->id);
  g_auto(GStrv) pages = helder_module_dup_folder_pages (helder_course_get_path (self->course),
                                                        broken->id);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *buttons = gtk_flow_box_new ();
  GtkWidget *badge = gtk_image_new_from_icon_name ("dialog-error-symbolic");
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *problem;
  GtkWidget *row;
  const char *text;
  WayOut ways[3];
  guint n_ways = 0;

  switch (broken->kind)
    {
    case HELDER_BROKEN_MODULE_NO_FILE:
      text = _("The file that lists this module’s pages is missing. Helder can make it again "
               "from the pages in the folder.");
      ways[n_ways++] = (WayOut) { _("Make _Again"), "win.recreate-module", broken->id };
      ways[n_ways++] = (WayOut) { _("Open _Folder"), "win.open-folder", folder_uri };
      break;
    case HELDER_BROKEN_MODULE_UNREADABLE:
      text = _("The file that lists this module’s pages cannot be read. Open it and fix the "
               "place the findings name.");
      ways[n_ways++] = (WayOut) { _("Open _File"), "win.open-folder", file_uri };
      break;
    case HELDER_BROKEN_MODULE_NO_FOLDER:
    default:
      text = _("The course lists this module, but its folder is gone. Put the folder back, or "
               "remove the module from the course.");
      break;
    }
  ways[n_ways++] = (WayOut) { _("_Remove from Course"), "win.forget-module", broken->id };

  gtk_widget_add_css_class (badge, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Error"), -1);
  gtk_label_set_markup (GTK_LABEL (label), title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (heading), badge);
  gtk_box_append (GTK_BOX (heading), label);

  problem = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (problem), TRUE);
  gtk_label_set_xalign (GTK_LABEL (problem), 0);
  gtk_widget_add_css_class (problem, "caption");

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (buttons), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (buttons), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (buttons), 6);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (buttons), 3);
  for (guint i = 0; i < n_ways; i++)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (ways[i].label);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), ways[i].action);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                              g_variant_new_string (ways[i].target));
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_flow_box_append (GTK_FLOW_BOX (buttons), button);
    }

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), problem);
  gtk_box_append (GTK_BOX (box), buttons);

  row = gtk_list_box_row_new ();
  gtk_widget_set_name (row, "broken-module");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (self->outline, row);

  /* Its pages are still there, shown until the module can be read. */
  for (guint i = 0; pages[i] != NULL; i++)
    {
      GtkWidget *name = gtk_label_new (pages[i]);
      GtkWidget *page_row = gtk_list_box_row_new ();

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_widget_set_margin_start (name, 18);
      gtk_widget_add_css_class (name, "dim-label");
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (page_row), name);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (page_row), FALSE);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (page_row), FALSE);
      gtk_widget_set_name (page_row, "broken-module-page");
      gtk_list_box_append (self->outline, page_row);
    }
}

static void
recreate_module_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HelderWindow *self = HELDER_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->course == NULL)
    return;

  if (!helder_course_recreate_module (self->course, g_variant_get_string (parameter, NULL),
                                      &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  changed (self, self->page);
}

static void
forget_module_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HelderWindow *self = HELDER_WINDOW (widget);

  if (self->course == NULL)
    return;

  helder_course_forget_module (self->course, g_variant_get_string (parameter, NULL));
  changed (self, self->page);
}

/* Fills the outline and shows @select, or the first page. */
void
_helder_window_fill_outline (HelderWindow *self,
                             HelderPage   *select)
{
  GtkWidget *child;
  GtkListBoxRow *first_page = NULL;
  GtkListBoxRow *selected = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->outline))) != NULL)
    gtk_list_box_remove (self->outline, child);

  for (guint m = 0, b = 0; m <= helder_course_get_n_modules (self->course); m++)
    {
      GPtrArray *broken = helder_course_get_broken_modules (self->course);
      HelderModule *module;

      for (; b < broken->len && (((HelderBrokenModule *) g_ptr_array_index (broken, b))->position <= m ||
                                 m == helder_course_get_n_modules (self->course)); b++)
        append_broken_module (self, g_ptr_array_index (broken, b));
      if (m == helder_course_get_n_modules (self->course))
        break;

      module = helder_course_get_module (self->course, m);
      gtk_list_box_append (self->outline, create_module_row (module));

      for (guint p = 0; p < helder_module_get_n_pages (module); p++)
        {
          HelderPage *page = helder_module_get_page (module, p);
          GtkWidget *row = create_page_row (page);

          _helder_window_track_page (self, page);
          add_drag_and_drop (row);
          gtk_list_box_append (self->outline, row);
          _helder_window_follow_page_row (self, row);
          if (first_page == NULL)
            first_page = GTK_LIST_BOX_ROW (row);
          if (page == select)
            selected = GTK_LIST_BOX_ROW (row);
        }
    }

  if (selected == NULL)
    selected = first_page;

  if (selected != NULL)
    {
      gtk_list_box_select_row (self->outline, selected);
      _helder_window_show_page (self, g_object_get_data (G_OBJECT (selected), "helder-page"));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Pages"));
      adw_status_page_set_description (self->empty_page,
                                       _("This course has no pages that could be read."));
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
    }
}

void
_helder_window_outline_init (HelderWindow *self)
{
  GtkGesture *gesture = gtk_gesture_click_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (outline_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->outline), GTK_EVENT_CONTROLLER (gesture));

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (
                                                            gtk_keyval_trigger_new (GDK_KEY_Menu, 0),
                                                            gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK)),
                                                          gtk_callback_action_new (outline_menu_key_cb,
                                                                                   self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->outline), shortcuts);
}

void
_helder_window_outline_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, outline_row_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.new-course", NULL, new_course_action);
  gtk_widget_class_install_action (widget_class, "win.new-page", NULL, new_page_action);
  gtk_widget_class_install_action (widget_class, "win.new-module", NULL, new_module_action);
  gtk_widget_class_install_action (widget_class, "win.move-page", "i", move_page_action);
  gtk_widget_class_install_action (widget_class, "win.remove-page", NULL, remove_page_action);
  gtk_widget_class_install_action (widget_class, "win.move-module", "i", move_module_action);
  gtk_widget_class_install_action (widget_class, "win.remove-module", NULL, remove_module_action);
  gtk_widget_class_install_action (widget_class, "win.rename-module", NULL, rename_module_action);
  gtk_widget_class_install_action (widget_class, "win.rename-page", NULL, rename_page_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.rename-page", NULL);
  gtk_widget_class_install_action (widget_class, "win.recreate-module", "s",
                                   recreate_module_action);
  gtk_widget_class_install_action (widget_class, "win.forget-module", "s", forget_module_action);
  gtk_widget_class_install_action (widget_class, "win.undo-outline", NULL, undo_outline_action);
  gtk_widget_class_install_action (widget_class, "win.course-settings", "s",
                                   course_settings_action);
}
