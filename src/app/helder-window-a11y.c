/* helder-window-a11y.c
 *
 * The window for people who use a screen reader or no mouse: names of
 * the outline's rows as a screen reader reads them, one clean name for
 * every button with a mnemonic, and the keys that reach the Insert menu,
 * the side pane's tabs and the walk through the module.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-window"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-window-private.h"

/* GTK 4.8 names a button with a mnemonic twice: the button keeps its
 * raw label ("_Approve Page") as its accessible label, and its label
 * child, whose mnemonic points at the button, adds "Approve Page"
 * through the labelled-by relation; Orca reads "_Approve Page Approve
 * Page". The relation alone names the button right, so the raw label
 * goes whenever a button's label or mnemonic changes.
 */
static void
drop_raw_label (GtkButton *button)
{
  if (gtk_button_get_use_underline (button) && gtk_button_get_label (button) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
fix_mnemonic_name (GtkWidget *widget)
{
  if (!GTK_IS_BUTTON (widget))
    return;

  drop_raw_label (GTK_BUTTON (widget));
  if (g_object_get_data (G_OBJECT (widget), "helder-mnemonic-name") == NULL)
    {
      g_object_set_data (G_OBJECT (widget), "helder-mnemonic-name", GINT_TO_POINTER (TRUE));
      g_signal_connect (widget, "notify::label", G_CALLBACK (drop_raw_label), NULL);
      g_signal_connect (widget, "notify::use-underline", G_CALLBACK (drop_raw_label), NULL);
    }
}

/* AdwPreferencesWindow 1.2 leaves its search entry without a name. */
static void
fix_search_entry_name (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget) &&
      ADW_IS_PREFERENCES_WINDOW (gtk_widget_get_root (widget)))
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Search"), -1);
}

/* GtkShortcutsWindow 4.8 names its own search button, search entry and
 * section menu after their classes.
 */
static void
fix_shortcuts_window_name (GtkWidget *widget)
{
  const char *name = NULL;

  if (!GTK_IS_SHORTCUTS_WINDOW (gtk_widget_get_root (widget)))
    return;

  if (GTK_IS_SEARCH_ENTRY (widget))
    name = _("Search Shortcuts");
  else if (GTK_IS_TOGGLE_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) == NULL)
    name = _("Search");
  else if (GTK_IS_MENU_BUTTON (widget))
    name = _("Sections");

  if (name != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                    -1);
}

static void
fix_mnemonic_names (GtkWidget *root)
{
  fix_mnemonic_name (root);
  fix_search_entry_name (root);
  fix_shortcuts_window_name (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    fix_mnemonic_names (child);
}

/* "notify" takes no emission hooks, so each button gets its own
 * handlers: all of a window's buttons when the window is realized
 * (hidden pages of a stack are on the accessibility bus too), and a
 * button added later when it is realized itself.
 */
static gboolean
widget_realized_cb (GSignalInvocationHint *hint,
                    guint                  n_values,
                    const GValue          *values,
                    gpointer               data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);

  if (GTK_IS_WINDOW (widget))
    fix_mnemonic_names (widget);
  else
    fix_mnemonic_name (widget);

  return TRUE;
}

static void
install_mnemonic_name_fix (void)
{
  /* Class init runs once: the hook lives as long as the process. */
  g_signal_add_emission_hook (g_signal_lookup ("realize", GTK_TYPE_WIDGET), 0,
                              widget_realized_cb, NULL, NULL);
}

/* Where @page is in the course, counted from 1, and how many pages the
 * course has.
 */
static void
page_position (HelderCourse *course,
               HelderPage   *page,
               guint        *position,
               guint        *total)
{
  *position = 0;
  *total = 0;
  for (guint m = 0; m < helder_course_get_n_modules (course); m++)
    {
      HelderModule *module = helder_course_get_module (course, m);

      for (guint p = 0; p < helder_module_get_n_pages (module); p++)
        {
          (*total)++;
          if (helder_module_get_page (module, p) == page)
            *position = *total;
        }
    }
}

/* Names a page's row in the outline the way a screen-reader user needs
 * it: "Wat is AI?, page 2 of 7, 1 error or warning, 2 open comments".
 * The counts are the ones the row's badges show.
 */
void
_helder_window_name_page_row (HelderWindow *self,
                              GtkWidget    *row)
{
  HelderPage *page = g_object_get_data (G_OBJECT (row), "helder-page");
  guint findings = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "helder-n-findings"));
  guint comments = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "helder-n-comments"));
  g_autoptr(GString) name = g_string_new (helder_page_get_title (page));
  guint position;
  guint total;

  if (self->course == NULL)
    return;

  page_position (self->course, page, &position, &total);
  /* Translators: where a page is in the course, for screen readers. */
  g_string_append_printf (name, _(", page %u of %u"), position, total);
  if (findings > 0)
    {
      g_string_append (name, ", ");
      g_string_append_printf (name,
                              g_dngettext (GETTEXT_PACKAGE, "%u error or warning",
                                           "%u errors or warnings", findings), findings);
    }
  if (comments > 0)
    {
      g_string_append (name, ", ");
      g_string_append_printf (name,
                              g_dngettext (GETTEXT_PACKAGE, "%u open comment",
                                           "%u open comments", comments), comments);
    }

  /* Only a changed name is sent, so typing stays quick. */
  if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "helder-name"), name->str) == 0)
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name->str,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "helder-name", g_string_free (g_steal_pointer (&name),
                                                                        FALSE), g_free);
}

static void
page_title_changed_cb (GtkWidget *row)
{
  GtkRoot *root = gtk_widget_get_root (row);

  if (HELDER_IS_WINDOW (root))
    _helder_window_name_page_row (HELDER_WINDOW (root), row);
}

/* Names @row now and again whenever its page's title changes. */
void
_helder_window_follow_page_row (HelderWindow *self,
                                GtkWidget    *row)
{
  HelderPage *page = g_object_get_data (G_OBJECT (row), "helder-page");

  g_signal_connect_object (page, "notify::title", G_CALLBACK (page_title_changed_cb), row,
                           G_CONNECT_SWAPPED);
  _helder_window_name_page_row (self, row);
}

static void
insert_menu_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HelderWindow *self = HELDER_WINDOW (widget);

  if (self->page != NULL)
    gtk_menu_button_popup (GTK_MENU_BUTTON (self->insert_button));
}

/* Shows a tab of the side pane and puts the focus in it: in the Review
 * tab on the comment field, elsewhere on the pane's first control.
 */
static void
side_pane_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HelderWindow *self = HELDER_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  GtkWidget *child = adw_view_stack_get_child_by_name (self->side_stack, name);

  if (child == NULL)
    return;
  adw_view_stack_set_visible_child (self->side_stack, child);
  /* In a narrow window the pane hides behind the outline and the page. */
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  adw_leaflet_navigate (self->page_leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  if (child == GTK_WIDGET (self->review_pane))
    helder_review_pane_focus_comment (self->review_pane);
  else
    gtk_widget_child_focus (child, GTK_DIR_TAB_FORWARD);
}

/* Shows the page as blocks or as source, with the focus in it. */
static void
page_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HelderWindow *self = HELDER_WINDOW (widget);

  /* In a narrow window the page may hide behind the outline. */
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  helder_page_editor_show_view (self->editor, g_variant_get_string (parameter, NULL));
}

/* Walks the page's module in the preview, as a learner would, or stops
 * the walk.
 */
static void
walk_module_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HelderWindow *self = HELDER_WINDOW (widget);

  if (self->page == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->side_stack, "preview");
  helder_preview_set_walking (self->preview, !helder_preview_get_walking (self->preview));
}

void
_helder_window_a11y_class_init (GtkWidgetClass *widget_class)
{
  install_mnemonic_name_fix ();

  gtk_widget_class_install_action (widget_class, "win.insert-menu", NULL, insert_menu_action);
  gtk_widget_class_install_action (widget_class, "win.side-pane", "s", side_pane_action);
  gtk_widget_class_install_action (widget_class, "win.walk-module", NULL, walk_module_action);
  gtk_widget_class_install_action (widget_class, "win.page-view", "s", page_view_action);

  /* The keys live here, once, and help-overlay.ui lists them. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.insert-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.review-mode", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.side-pane",
                                       "s", "findings");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.side-pane",
                                       "s", "preview");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.side-pane",
                                       "s", "review");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.walk-module", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "win.page-view", "s", "blocks");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "win.page-view", "s", "source");
}
