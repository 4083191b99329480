/* test-window.c
 *
 * The window itself: its outline, editing and saving, changes on disk,
 * the course's structure, recent courses and preferences, shortcuts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gtksourceview/gtksource.h>
#include <webkit/webkit.h>

#include "helder-application.h"
#include "helder-block-dialog.h"
#include "helder-checks.h"
#include "helder-findings-pane.h"
#include "helder-course-settings.h"
#include "helder-export-dialog.h"
#include "helder-kpi-view.h"
#include "helder-kpi-window.h"
#include "helder-page-editor.h"
#include "helder-preferences.h"
#include "helder-preview.h"
#include "helder-review-pane.h"
#include "helder-test-utils.h"
#include "helder-ui-test-utils.h"
#include "helder-window.h"

static GPtrArray *
row_labels (GtkWidget *list)
{
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);

  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *child;

      if (!GTK_IS_LIST_BOX_ROW (row))
        continue;
      child = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      /* A page row holds its title and a count of findings. */
      if (GTK_IS_BOX (child))
        child = gtk_widget_get_first_child (child);
      g_ptr_array_add (labels, g_strdup_printf ("%s%s",
                                                gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row))
                                                  ? "page:" : "module:",
                                                gtk_label_get_text (GTK_LABEL (child))));
    }

  return labels;
}

static gboolean
has_findings (gpointer data)
{
  GtkWidget *list = find_named (data, "findings");

  return list != NULL && gtk_widget_get_first_child (list) != NULL;
}

static void
test_edit_check_save (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(HelderCourse) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  HelderWindow *window;
  GtkWidget *view;
  GtkWidget *list;
  GtkWidget *row;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  const char *added = "\n```image\nsrc: media/logo.png\n```\n";

  window = open_window (folder);
  g_assert_false (has_findings (window));

  /* Type an image block without alt text at the end of the page. */
  view = find_named (GTK_WIDGET (window), "page-text");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, added, -1);
  g_assert_true (helder_page_get_modified (helder_window_get_page (window)));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));

  /* The finding shows up once typing pauses. */
  wait_for (has_findings, window);
  list = find_named (GTK_WIDGET (window), "findings");
  row = gtk_widget_get_first_child (list);
  g_object_get (row, "title", &title, NULL);
  g_assert_nonnull (strstr (title, "image has no alt text"));

  /* Saving writes the page, and the mark of unsaved changes goes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));
  reloaded = helder_course_load (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (helder_page_get_text (helder_course_find_page (reloaded,
                                                                                  "01-basis/01-welkom.md")),
                                   added));

  close_and_finalize (window);
  helder_test_remove_tree (path);
}

static gboolean
banner_shown (gpointer data)
{
  GtkWidget *revealer = gtk_widget_get_parent (find_named (data, "changed-label"));

  while (!GTK_IS_REVEALER (revealer))
    revealer = gtk_widget_get_parent (revealer);

  return gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
}

typedef struct
{
  HelderPage *page;
  const char *text;
} PageText;

static gboolean
page_has_text (gpointer data)
{
  PageText *expected = data;

  return g_str_equal (helder_page_get_text (expected->page), expected->text);
}

static void
test_changed_on_disk (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autofree char *welkom = g_build_filename (path, "01-basis", "01-welkom.md", NULL);
  g_autofree char *blokken = g_build_filename (path, "01-basis", "02-blokken.md", NULL);
  HelderWindow *window;
  HelderPage *shown;
  HelderPage *other;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  PageText expected;

  window = open_window (folder);
  shown = helder_window_get_page (window);
  other = helder_course_find_page (helder_window_get_course (window), "01-basis/02-blokken.md");

  /* A page without edits follows the file on disk. */
  g_assert_true (g_file_set_contents (blokken, "# Blokken\n\nNieuw van buiten.\n", -1, NULL));
  expected.page = other;
  expected.text = "# Blokken\n\nNieuw van buiten.\n";
  wait_for (page_has_text, &expected);
  g_assert_false (helder_page_get_modified (other));

  /* A page with edits is not overwritten: the author is asked. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_named (GTK_WIDGET (window), "page-text")));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "Mijn zin.\n", -1);
  g_assert_true (g_file_set_contents (welkom, "# Welkom\n\nAndere tekst.\n", -1, NULL));
  wait_for (banner_shown, window);
  g_assert_true (g_str_has_suffix (helder_page_get_text (shown), "Mijn zin.\n"));
  g_assert_true (helder_page_get_modified (shown));

  close_and_finalize (window);
  helder_test_remove_tree (path);
}

static guint
count_page_rows (GtkWidget *window)
{
  GtkWidget *outline = find_named (window, "outline");
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (outline);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)))
      n++;

  return n;
}

/* New, moved and removed pages and modules, with Undo, saved and read
 * back.
 */
static void
test_course_structure (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(HelderCourse) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  HelderWindow *window;
  HelderModule *basis;
  HelderPage *added;

  window = open_window (folder);
  g_assert_cmpuint (count_page_rows (GTK_WIDGET (window)), ==, 3);

  /* A new page comes after the page shown, and is shown. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-page", NULL));
  answer_title_dialog ("Nieuwe pagina");
  added = helder_window_get_page (window);
  g_assert_cmpstr (helder_page_get_file (added), ==, "01-basis/03-nieuwe-pagina.md");
  basis = helder_course_get_module (helder_window_get_course (window), 0);
  g_assert_true (helder_module_get_page (basis, 1) == added);
  g_assert_cmpuint (count_page_rows (GTK_WIDGET (window)), ==, 4);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.move-page", "i", -1));
  g_assert_true (helder_module_get_page (basis, 0) == added);

  /* Removing is undone from the toast. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-page", NULL));
  g_assert_cmpuint (count_page_rows (GTK_WIDGET (window)), ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-outline", NULL));
  g_assert_cmpuint (count_page_rows (GTK_WIDGET (window)), ==, 4);
  g_assert_true (helder_module_get_page (basis, 0) == added);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-module", NULL));
  g_assert_cmpuint (helder_course_get_n_modules (helder_window_get_course (window)), ==, 3);
  g_assert_true (helder_course_get_modified (helder_window_get_course (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_false (helder_course_get_modified (helder_window_get_course (window)));

  reloaded = helder_course_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (helder_course_get_n_modules (reloaded), ==, 3);
  g_assert_cmpstr (helder_module_get_id (helder_course_get_module (reloaded, 2)), ==,
                   "03-nieuwe-module");
  g_assert_cmpstr (helder_page_get_file (helder_module_get_page (helder_course_get_module (reloaded, 0), 0)),
                   ==, "01-basis/03-nieuwe-pagina.md");
  {
    g_autoptr(GPtrArray) problems = helder_course_validate (reloaded);

    g_assert_false (helder_diagnostics_have_errors (problems));
  }

  close_and_finalize (window);
  helder_test_remove_tree (path);
}

/* A course opened once is offered on the start page of the next window;
 * who you are in reviews is a preference.
 */
static void
test_recent_and_preferences (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *name = NULL;
  HelderPreferences *preferences;
  HelderCourseSettings *course_settings;
  HelderWindow *window;
  GtkWidget *recent;
  GtkWidget *row;

  window = open_window (folder);
  close_and_finalize (window);

  window = helder_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  recent = find_named (GTK_WIDGET (window), "recent");
  row = gtk_widget_get_first_child (recent);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, path);
  g_signal_emit_by_name (recent, "row-activated", row);
  wait_for (page_shown, window);
  g_assert_cmpstr (helder_course_get_path (helder_window_get_course (window)), ==, path);

  preferences = helder_preferences_new (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (preferences));
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (preferences), "reviewer-name")),
                         "Sanne de Vries");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_named (GTK_WIDGET (preferences),
                                                         "reviewer-role")), 1);
  name = g_settings_get_string (settings, "reviewer-name");
  g_assert_cmpstr (name, ==, "Sanne de Vries");
  {
    g_autofree char *role = g_settings_get_string (settings, "reviewer-role");

    g_assert_cmpstr (role, ==, "communications-adviser");
  }

  /* The checks are the course's: Preferences leads to its settings. */
  g_signal_emit_by_name (find_named (GTK_WIDGET (preferences), "course-checks"), "activated");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  course_settings = find_toplevel (HELDER_TYPE_COURSE_SETTINGS);
  g_assert_nonnull (course_settings);
  g_assert_cmpstr (adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (course_settings)),
                   ==, "checks");
  close_and_finalize (course_settings);

  /* Without a course, there are no checks to lead to. */
  {
    HelderWindow *empty = helder_window_new (NULL);
    HelderPreferences *without = helder_preferences_new (GTK_WINDOW (empty));

    g_assert_false (gtk_widget_get_sensitive (find_named (GTK_WIDGET (without), "course-checks")));
    close_and_finalize (without);
    close_and_finalize (empty);
  }

  close_and_finalize (window);
  helder_test_remove_tree (path);
}

/* Ctrl+S, Ctrl+E and Shift+Ctrl+E are registered once, as application
 * accels: the window binds none of their actions itself.
 */
static void
test_shortcuts_once (void)
{
  HelderWindow *window = helder_window_new (NULL);
  g_autoptr(GPtrArray) shortcuts = dup_shortcuts (GTK_WIDGET (window));
  guint bound = 0;

  g_object_ref_sink (window);
  for (guint i = 0; i < shortcuts->len; i++)
    {
      GtkShortcutAction *action = gtk_shortcut_get_action (g_ptr_array_index (shortcuts, i));
      const char *name = GTK_IS_NAMED_ACTION (action)
                           ? gtk_named_action_get_action_name (GTK_NAMED_ACTION (action))
                           : NULL;

      if (g_strcmp0 (name, "win.save") == 0 || g_strcmp0 (name, "win.export") == 0 ||
          g_strcmp0 (name, "win.edit-block") == 0)
        bound++;
    }
  g_assert_cmpuint (bound, ==, 0);

  g_clear_pointer (&shortcuts, g_ptr_array_unref);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* The widest descendant of @widget by its minimum width, for the message
 * when the window cannot be made narrow.
 */
static GtkWidget *
widest_child (GtkWidget *widget,
              int        limit)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int minimum = 0;

      if (!gtk_widget_get_visible (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      if (minimum > limit)
        return widest_child (child, limit);
    }
  return widget;
}

static void
assert_fits_width (GtkWidget *window,
                   int        width)
{
  int minimum = 0;

  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (minimum > width)
    {
      GtkWidget *culprit = widest_child (window, width);

      g_error ("the window needs %d px, more than %d; %s (%s) is the widest part", minimum,
               width, G_OBJECT_TYPE_NAME (culprit),
               gtk_widget_get_name (culprit) != NULL ? gtk_widget_get_name (culprit) : "");
    }
}

/* The manual promises a window as narrow as a phone, 360 px, with and
 * without a course, and on each page kind of the sample course.
 */
static void
test_narrow_window (void)
{
  g_autofree char *samples = g_build_filename (g_getenv ("HELDER_SOURCE_ROOT"),
                                               "content-samples", "ai-bewustzijn", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (samples);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  HelderWindow *empty = helder_window_new (NULL);
  HelderWindow *window;

  gtk_window_present (GTK_WINDOW (empty));
  assert_fits_width (GTK_WIDGET (empty), 360);
  close_and_finalize (empty);

  /* A side pane the author made wide is what the pane would like, not
   * what the window must have.
   */
  g_settings_set_int (settings, "side-pane-width", 700);
  window = open_window (folder);
  assert_fits_width (GTK_WIDGET (window), 360);
  open_page_in_outline (window, "01-introductie/02-wat-is-ai.md");
  assert_fits_width (GTK_WIDGET (window), 360);
  close_and_finalize (window);
  g_settings_reset (settings, "side-pane-width");
}

static void
test_sidebar_lists_pages (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "course-valid", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GPtrArray) labels = NULL;
  HelderWindow *window;
  GtkWidget *outline;
  GtkWidget *view;
  GtkTextBuffer *buffer;
  GtkTextIter start;
  GtkTextIter end;
  g_autofree char *shown = NULL;

  window = helder_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  helder_window_open_course (window, folder);

  wait_for (page_shown, window);

  g_assert_nonnull (helder_window_get_course (window));
  outline = find_named (GTK_WIDGET (window), "outline");
  g_assert_true (GTK_IS_LIST_BOX (outline));

  labels = row_labels (outline);
  g_assert_cmpuint (labels->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (labels, 0), ==, "module:●  De basis");
  g_assert_cmpstr (g_ptr_array_index (labels, 1), ==, "page:Welkom");
  g_assert_cmpstr (g_ptr_array_index (labels, 2), ==, "page:Blokken");
  g_assert_cmpstr (g_ptr_array_index (labels, 3), ==, "module:●  De toets");
  g_assert_cmpstr (g_ptr_array_index (labels, 4), ==, "page:De toets");

  /* The first page is shown, ready to edit. */
  view = find_named (GTK_WIDGET (window), "page-text");
  g_assert_true (GTK_IS_TEXT_VIEW (view));
  g_assert_true (gtk_text_view_get_editable (GTK_TEXT_VIEW (view)));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (shown, ==, helder_page_get_text (helder_window_get_page (window)));
  g_assert_true (g_str_has_prefix (shown, "# Welkom"));

  close_and_finalize (window);
}

static gboolean
never_true (gpointer data)
{
  return FALSE;
}

/* A wait whose condition never holds fails at its deadline, naming what
 * it waited for, even when no event ever wakes the main loop.
 */
static void
test_wait_deadline (void)
{
  if (g_test_subprocess ())
    {
      wait_for_condition_within (never_true, NULL, "never_true", 1);
      return;
    }
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*waited 1 s for never_true, which did not come true*");
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/window/sidebar-lists-pages", test_sidebar_lists_pages);
  g_test_add_func ("/window/edit-check-save", test_edit_check_save);
  g_test_add_func ("/window/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/window/course-structure", test_course_structure);
  g_test_add_func ("/window/recent-and-preferences", test_recent_and_preferences);
  g_test_add_func ("/window/shortcuts-once", test_shortcuts_once);
  g_test_add_func ("/window/narrow-window", test_narrow_window);
  g_test_add_func ("/window/wait-deadline", test_wait_deadline);

  return g_test_run ();
}
