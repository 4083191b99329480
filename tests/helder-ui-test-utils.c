/* helder-ui-test-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include <glib/gi18n.h>

#include <gtksourceview/gtksource.h>

#include "helder-checks.h"
#include "helder-page-editor.h"
#include "helder-ui-test-utils.h"

GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
deadline_passed_cb (gpointer user_data)
{
  gboolean *passed = user_data;

  *passed = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds, for @seconds at most; a
 * timeout wakes the loop at the deadline, so it holds even when nothing
 * else happens. A condition that never holds fails the test, naming it.
 */
void
wait_for_condition_within (gboolean   (*condition) (gpointer),
                           gpointer     data,
                           const char  *what,
                           guint        seconds)
{
  gboolean passed = FALSE;
  guint deadline = g_timeout_add_seconds (seconds, deadline_passed_cb, &passed);

  while (!condition (data) && !passed)
    g_main_context_iteration (NULL, TRUE);
  if (!passed)
    g_source_remove (deadline);
  if (!condition (data))
    g_error ("waited %u s for %s, which did not come true", seconds, what);
}

void
wait_for_condition (gboolean   (*condition) (gpointer),
                    gpointer     data,
                    const char  *what)
{
  /* Generous: a busy CI machine can take many seconds to start WebKit;
   * a condition that holds ends the wait at once.
   */
  wait_for_condition_within (condition, data, what, 90);
}

/* For a weak pointer at @location: whether its object is gone. */
gboolean
pointer_cleared (gpointer location)
{
  return *(gpointer *) location == NULL;
}

static gboolean
only_ours (gpointer window)
{
  return g_atomic_int_get ((int *) &G_OBJECT (window)->ref_count) == 1;
}

/* Closes @window and checks that nothing keeps it alive. Work the window
 * started (a check in a thread, a timeout) may hold it until it ends, so
 * the main loop runs until the window is gone: a window something keeps
 * alive for good fails the test after the usual wait.
 */
void
close_and_finalize (gpointer window)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  wait_for_condition (only_ours, window, "the closed window to be let go");
  g_assert_finalize_object (window);
}

gboolean
page_shown (gpointer data)
{
  return helder_window_get_page (data) != NULL;
}

/* Opens the page of @file, as a click on its row in the outline does. */
void
open_page_in_outline (HelderWindow *window,
                      const char   *file)
{
  HelderPage *page = helder_course_find_page (helder_window_get_course (window), file);
  GtkWidget *outline = find_named (GTK_WIDGET (window), "outline");

  g_assert_nonnull (page);
  for (GtkWidget *row = gtk_widget_get_first_child (outline); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "helder-page") == page)
      g_signal_emit_by_name (outline, "row-activated", row);
  g_assert_true (helder_window_get_page (window) == page);
}

HelderDiagnostic *
finding_with_rule (GtkWidget  *window,
                   const char *rule)
{
  HelderPageEditor *editor = HELDER_PAGE_EDITOR (find_named (window, "editor"));
  GPtrArray *diagnostics = helder_page_editor_get_diagnostics (editor);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      HelderDiagnostic *d = g_ptr_array_index (diagnostics, i);

      if (g_str_equal (d->rule, rule))
        return d;
    }

  return NULL;
}

gboolean
has_long_sentence (gpointer data)
{
  return finding_with_rule (data, "b1-sentence-long") != NULL;
}

/* Returns: (transfer none) (nullable): the visible toplevel window of
 * @type, such as a dialog the window opened.
 */
gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/* Returns: (transfer full): every GtkShortcut of @widget's shortcut
 * controllers, its class's key bindings among them.
 */
GPtrArray *
dup_shortcuts (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GPtrArray *shortcuts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        g_ptr_array_add (shortcuts, g_list_model_get_item (G_LIST_MODEL (controller), j));
    }

  return shortcuts;
}

/* Returns: (transfer none): a new window, shown, with the course in
 * @folder open at its first page.
 */
HelderWindow *
open_window (GFile *folder)
{
  HelderWindow *window = helder_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  helder_window_open_course (window, folder);
  wait_for (page_shown, window);

  return window;
}

/* GTK 4.8 warns "Trying to snapshot … without a current allocation" when
 * an AdwLeaflet folds or unfolds between a resize and the next frame (a
 * toolkit bug, fixed in later GTK); the frame after is drawn whole. Every
 * other warning stays fatal.
 */
static GLogWriterOutput
log_writer_cb (GLogLevelFlags   log_level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "GLIB_DOMAIN") && fields[i].length < 0)
      domain = fields[i].value;
    else if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
      message = fields[i].value;

  if ((log_level & G_LOG_LEVEL_WARNING) && g_strcmp0 (domain, "Gtk") == 0 && message != NULL &&
      g_str_has_prefix (message, "Trying to snapshot ") &&
      g_str_has_suffix (message, " without a current allocation"))
    return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* What every UI test's main() starts with. */
void
ui_test_init (int    *argc,
              char ***argv)
{
  /* LANGUAGE=nl with HELDER_LOCALEDIR=_build/po shows the Dutch UI, for
   * screenshots.
   */
  g_log_set_writer_func (log_writer_cb, NULL, NULL);
  setlocale (LC_ALL, "");
  if (g_getenv ("HELDER_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("HELDER_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  gtk_source_init ();
  /* As the app does when it shuts down: a test that ends while a page
   * is checked in a thread waits for the check rather than crash in the
   * dictionaries' teardown.
   */
  atexit (helder_checks_wait_for_threads);
}

static gboolean
dialog_shown (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

gboolean
dialog_gone (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

/* Returns: (transfer none): the title field of the message dialog shown,
 * which must have the focus.
 */
GtkEditable *
focused_title_field (void)
{
  GtkWindow *dialog;
  GtkWidget *focus;
  GtkWidget *entry;

  wait_for (dialog_shown, NULL);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  focus = gtk_window_get_focus (dialog);
  g_assert_nonnull (focus);
  entry = gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);

  return GTK_EDITABLE (entry);
}

/* Types @title into the field of the message dialog shown, which must
 * have the focus, and presses Enter.
 */
void
answer_title_dialog (const char *title)
{
  GtkEditable *entry = focused_title_field ();

  gtk_editable_set_text (entry, title);
  /* What Enter in the field does. */
  g_signal_emit_by_name (entry, "activate");
  wait_for (dialog_gone, NULL);
}
