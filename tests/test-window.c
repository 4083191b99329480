/* test-window.c
 *
 * The real window, under Xvfb: open the small course and see its pages in
 * the sidebar.
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
#include "helder-window.h"

static GtkWidget *
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

static void
wait_for (gboolean (*condition) (gpointer),
          gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!condition (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (condition (data));
}

static gboolean
page_shown (gpointer data)
{
  return helder_window_get_page (data) != NULL;
}

/* Opens the page of @file, as a click on its row in the outline does. */
static void
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

  window = helder_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  helder_window_open_course (window, folder);
  wait_for (page_shown, window);
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

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
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

  window = helder_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  helder_window_open_course (window, folder);
  wait_for (page_shown, window);
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

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  helder_test_remove_tree (path);
}

static HelderBlockDialog *
find_block_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (HELDER_IS_BLOCK_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return HELDER_BLOCK_DIALOG (window);
    }

  return NULL;
}

static void
set_field (HelderBlockDialog *dialog,
           const char        *key,
           const char        *value)
{
  g_autofree char *name = g_strconcat ("field-", key, NULL);
  GtkWidget *row = find_named (GTK_WIDGET (dialog), name);

  g_assert_true (ADW_IS_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (row), value);
}

static void
test_insert_and_edit_image (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  HelderWindow *window;
  HelderBlockDialog *dialog;
  GtkWidget *done;
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  const char *text;
  const char *block;

  window = helder_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  helder_window_open_course (window, folder);
  wait_for (page_shown, window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.insert-block", "s",
                                             "image"));
  dialog = find_block_dialog ();
  g_assert_nonnull (dialog);
  done = find_named (GTK_WIDGET (dialog), "done");

  /* Without alt text the form will not insert the image. */
  set_field (dialog, "src", "media/logo.png");
  g_assert_false (gtk_widget_get_sensitive (done));
  g_assert_cmpuint (helder_block_dialog_get_problems (dialog)->len, ==, 1);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (dialog),
                                                                       "problems"))),
                            "image has no alt text"));

  set_field (dialog, "alt", "Een blauwe cirkel met een witte letter H.");
  g_assert_true (gtk_widget_get_sensitive (done));
  g_signal_emit_by_name (done, "clicked");

  text = helder_page_get_text (helder_window_get_page (window));
  block = strstr (text, "```image\nsrc: media/logo.png\nalt: Een blauwe cirkel met een witte "
                        "letter H.\n```\n");
  g_assert_nonnull (block);

  /* The same form edits the block under the cursor. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_named (GTK_WIDGET (window), "page-text")));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter,
                                      (int) g_utf8_pointer_to_offset (text, block) + 4);
  gtk_text_buffer_place_cursor (buffer, &iter);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-block", NULL));
  dialog = find_block_dialog ();
  g_assert_nonnull (dialog);
  set_field (dialog, "alt", "Het logo: een witte H in een blauwe cirkel.");
  g_signal_emit_by_name (find_named (GTK_WIDGET (dialog), "done"), "clicked");

  text = helder_page_get_text (helder_window_get_page (window));
  g_assert_nonnull (strstr (text, "alt: Het logo: een witte H in een blauwe cirkel.\n"));
  g_assert_null (strstr (text, "alt: Een blauwe cirkel met een witte letter H.\n```"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  helder_test_remove_tree (path);
}

static void
test_find_and_replace (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  HelderWindow *window;
  GtkWidget *editor;

  window = helder_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  helder_window_open_course (window, folder);
  wait_for (page_shown, window);

  editor = find_named (GTK_WIDGET (window), "editor");
  g_assert_true (gtk_widget_activate_action (editor, "editor.replace", NULL));
  gtk_editable_set_text (GTK_EDITABLE (find_named (editor, "search")), "je");
  gtk_editable_set_text (GTK_EDITABLE (find_named (editor, "replace")), "jij");
  /* The search runs in idle steps; let it count the matches. */
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (gtk_widget_activate_action (editor, "editor.find-next", NULL));

  g_signal_emit_by_name (find_named (editor, "replace"), "activate");
  g_assert_true (g_str_has_prefix (helder_page_get_text (helder_window_get_page (window)),
                                   "# Welkom\n\nFijn dat jij er bent."));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  helder_test_remove_tree (path);
}

typedef struct
{
  HelderPreview *preview;
  guint          loads;
  guint          updates;
} PreviewLoads;

static gboolean
preview_loaded (gpointer data)
{
  PreviewLoads *wait = data;

  return helder_preview_get_n_loads (wait->preview) >= wait->loads &&
         !helder_preview_is_loading (wait->preview);
}

static gboolean
preview_updated (gpointer data)
{
  PreviewLoads *wait = data;

  return helder_preview_get_n_updates (wait->preview) >= wait->updates;
}

static void
script_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  char **out = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JSCValue) value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source),
                                                                          result, &error);

  g_assert_no_error (error);
  *out = jsc_value_to_string (value);
}

static gboolean
string_set (gpointer data)
{
  return *(char **) data != NULL;
}

/* Runs @script in the preview's page and returns its value as a string. */
static char *
run_in_preview (GtkWidget  *window,
                const char *script)
{
  WebKitWebView *view = WEBKIT_WEB_VIEW (find_named (window, "preview-web-view"));
  char *out = NULL;

  webkit_web_view_evaluate_javascript (view, script, -1, NULL, NULL, NULL, script_done_cb, &out);
  wait_for (string_set, &out);

  return out;
}

/* True once the preview's document has scrolled down: it is asked again
 * on every call, so wait_for polls it.
 */
static gboolean
preview_scrolled_down (gpointer data)
{
  g_autofree char *scrolled = run_in_preview (data, "String(window.scrollY > 0)");

  return g_str_equal (scrolled, "true");
}

/* Opens the Preview tab of the side pane, as a click on it does. */
static HelderPreview *
show_preview (HelderWindow *window)
{
  GtkWidget *preview = find_named (GTK_WIDGET (window), "preview");

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_ancestor (preview,
                                                                                  ADW_TYPE_VIEW_STACK)),
                                         "preview");

  return HELDER_PREVIEW (preview);
}

static void
test_preview (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autofree char *heading = NULL;
  g_autofree char *width = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *marker = NULL;
  g_autofree char *uri = NULL;
  HelderWindow *window;
  HelderPreview *preview;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  PreviewLoads wait;

  window = helder_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  helder_window_open_course (window, folder);
  wait_for (page_shown, window);

  /* Opening the Preview tab shows the page the editor shows. */
  preview = show_preview (window);
  wait.preview = preview;
  wait.loads = 1;
  wait_for (preview_loaded, &wait);
  uri = helder_preview_get_uri (preview);
  g_assert_nonnull (strstr (uri, "#page=01-basis%2F01-welkom"));
  heading = run_in_preview (GTK_WIDGET (window),
                            "document.querySelector('.helder-page:not([hidden]) h1:not(.helder-cover-title)').textContent");
  g_assert_cmpstr (heading, ==, "Welkom");

  /* At phone width the learner's screen is 360 pixels wide. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preview-device", "s",
                                             "phone"));
  g_assert_cmpint (helder_preview_get_width (preview), ==, 360);
  width = run_in_preview (GTK_WIDGET (window), "String(window.innerWidth)");
  g_assert_cmpstr (width, ==, "360");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preview-device", "s",
                                             "desktop"));
  g_assert_cmpint (helder_preview_get_width (preview), ==, 1280);

  /* An edit reaches the preview once typing pauses: the page is replaced
   * in place, without reloading the document.
   */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_named (GTK_WIDGET (window), "page-text")));
  gtk_text_buffer_get_end_iter (buffer, &end);
  marker = run_in_preview (GTK_WIDGET (window), "String(window.helderMarker = 42)");
  gtk_text_buffer_insert (buffer, &end, "\nEen nieuwe zin voor de preview.\n", -1);
  wait.updates = 1;
  wait_for (preview_updated, &wait);
  g_assert_cmpuint (helder_preview_get_n_loads (preview), ==, 1);
  g_clear_pointer (&marker, g_free);
  marker = run_in_preview (GTK_WIDGET (window), "String(window.helderMarker)");
  g_assert_cmpstr (marker, ==, "42");
  changed = run_in_preview (GTK_WIDGET (window),
                            "String(document.body.textContent.includes('Een nieuwe zin voor de preview.'))");
  g_assert_cmpstr (changed, ==, "true");

  /* The preview follows the cursor to the block it is in. From the top:
   * at phone width the module cover alone may fill the screen.
   */
  g_free (run_in_preview (GTK_WIDGET (window),
                          "window.scrollTo({ top: 0, behavior: 'instant' }); String(window.scrollY)"));
  g_assert_false (preview_scrolled_down (window));
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *paragraph = g_strdup_printf ("\nAlinea %u van een lange pagina.\n", i);

      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert (buffer, &end, paragraph, -1);
    }
  wait.updates = 2;
  wait_for (preview_updated, &wait);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  wait_for (preview_scrolled_down, window);

  /* Walking the module plays it from its first page and leaves the
   * editor alone; stopping shows the editor's page with its edits.
   */
  open_page_in_outline (window, "01-basis/02-blokken.md");
  wait.loads = 2;
  wait_for (preview_loaded, &wait);
  g_clear_pointer (&uri, g_free);
  uri = helder_preview_get_uri (preview);
  g_assert_nonnull (strstr (uri, "#page=01-basis%2F02-blokken"));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_named (GTK_WIDGET (window), "walk-module")),
                                TRUE);
  g_assert_true (helder_preview_get_walking (preview));
  wait.loads = 3;
  wait_for (preview_loaded, &wait);
  g_clear_pointer (&uri, g_free);
  uri = helder_preview_get_uri (preview);
  g_assert_nonnull (strstr (uri, "#page=01-basis%2F01-welkom&y=0"));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_named (GTK_WIDGET (window), "page-text")));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\nTerwijl je loopt.\n", -1);
  helder_test_run_for (800);
  g_assert_cmpuint (helder_preview_get_n_loads (preview), ==, 3);
  g_assert_cmpuint (helder_preview_get_n_updates (preview), ==, 2);

  helder_preview_set_walking (preview, FALSE);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_named (GTK_WIDGET (window),
                                                                                "walk-module"))));
  wait.loads = 4;
  wait_for (preview_loaded, &wait);
  g_clear_pointer (&uri, g_free);
  uri = helder_preview_get_uri (preview);
  g_assert_nonnull (strstr (uri, "#page=01-basis%2F02-blokken"));
  g_clear_pointer (&changed, g_free);
  changed = run_in_preview (GTK_WIDGET (window),
                            "String(document.body.textContent.includes('Terwijl je loopt.'))");
  g_assert_cmpstr (changed, ==, "true");

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  helder_test_remove_tree (path);
}

/* Without its web engine module the preview says so, in its place. */
static void
test_preview_without_engine (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) folder = NULL;
  HelderWindow *window;
  HelderPreview *preview;
  GtkWidget *message;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  path = helder_test_copy_course ("course-valid");
  folder = g_file_new_for_path (path);
  g_setenv ("HELDER_MODULE_DIR", path, TRUE);
  window = helder_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  helder_window_open_course (window, folder);
  wait_for (page_shown, window);

  preview = show_preview (window);
  message = find_named (GTK_WIDGET (preview), "preview-unavailable");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (message)),
                            "Reinstall Helder"));
  g_assert_null (helder_preview_get_uri (preview));
  g_assert_false (helder_preview_is_loading (preview));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  helder_test_remove_tree (path);
}

static HelderExportDialog *
find_export_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (HELDER_IS_EXPORT_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return HELDER_EXPORT_DIALOG (window);
    }

  return NULL;
}

static gboolean
export_dialog_gone (gpointer data)
{
  return find_export_dialog () == NULL;
}

static void
test_export (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autofree char *target_dir = g_dir_make_tmp ("helder-export-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (target_dir, "cursus.zip", NULL);
  g_autoptr(GFile) target_file = g_file_new_for_path (target);
  g_autofree char *zip = NULL;
  HelderExportDialog *dialog;
  HelderWindow *window;
  gsize length;

  window = helder_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  helder_window_open_course (window, folder);
  wait_for (page_shown, window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = find_export_dialog ();
  g_assert_nonnull (dialog);

  /* The test course has no errors: nothing blocks the export. */
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (find_named (GTK_WIDGET (dialog),
                                                                               "problems"),
                                                                   ADW_TYPE_PREFERENCES_GROUP)));
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_named (GTK_WIDGET (dialog), "scope")), 1);
  helder_export_dialog_set_output (dialog, target_file);
  g_signal_emit_by_name (find_named (GTK_WIDGET (dialog), "export"), "clicked");
  wait_for (export_dialog_gone, NULL);

  /* A SCORM 1.2 package: a ZIP with the manifest as its first entry. */
  g_assert_true (g_file_get_contents (target, &zip, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (memcmp (zip, "PK", 2) == 0);
  /* The first local header (30 bytes) is followed by its name. */
  g_assert_true (memcmp (zip + 30, "imsmanifest.xml", 15) == 0);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  helder_test_remove_tree (path);
  helder_test_remove_tree (target_dir);
}

static gboolean
kpi_loaded (gpointer data)
{
  return !helder_kpi_window_is_loading (data);
}

/* The programme manager opens generated LMS exports of the sample course
 * and sees the KPIs.
 */
static void
test_kpi_dashboard (void)
{
  g_autofree char *out = g_dir_make_tmp ("helder-kpi-XXXXXX", NULL);
  g_autofree char *generator = g_test_build_filename (G_TEST_DIST, "tools", "generate-lms.py",
                                                      NULL);
  g_autofree char *sample = g_build_filename (g_getenv ("HELDER_SOURCE_ROOT"), "content-samples",
                                              "ai-bewustzijn", NULL);
  g_autofree char *course_path = g_build_filename (out, "course", NULL);
  g_autofree char *progress = g_build_filename (out, "progress.csv", NULL);
  g_autofree char *answers = g_build_filename (out, "answers.csv", NULL);
  g_autofree char *organisation = g_build_filename (out, "organisation.csv", NULL);
  const char *argv[] = { "python3", generator, "--learners", "400", "--course", sample, out, NULL };
  char *reports[] = { progress, answers, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderCourse) course = NULL;
  const HelderKpiResult *result;
  HelderKpiWindow *window;
  GtkWidget *stack;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                               G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  course = helder_course_load (course_path, &error);
  g_assert_no_error (error);
  window = helder_kpi_window_new (NULL, course);
  gtk_window_present (GTK_WINDOW (window));

  helder_kpi_window_load_reports (window, reports, organisation);
  wait_for (kpi_loaded, window);

  result = helder_kpi_view_get_result (HELDER_KPI_VIEW (find_named (GTK_WIDGET (window),
                                                                    "kpi-view")));
  g_assert_nonnull (result);
  stack = gtk_widget_get_ancestor (find_named (GTK_WIDGET (window), "kpi-view"), GTK_TYPE_STACK);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "dashboard");

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  helder_test_remove_tree (out);
}

static HelderDiagnostic *
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

static gboolean
has_long_sentence (gpointer data)
{
  return finding_with_rule (data, "b1-sentence-long") != NULL;
}

static void
replace_first (GtkTextBuffer *buffer,
               const char    *text,
               const char    *replacement)
{
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, text, 0, &start, &end, NULL));
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, replacement, -1);
}

static void
count_call (guint *count)
{
  (*count)++;
}

static gboolean
count_reached_one (gpointer data)
{
  return *(guint *) data >= 1;
}

static gboolean
has_no_long_sentence_error (gpointer data)
{
  HelderPageEditor *editor = HELDER_PAGE_EDITOR (find_named (data, "editor"));
  GPtrArray *diagnostics = helder_page_editor_get_diagnostics (editor);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      HelderDiagnostic *d = g_ptr_array_index (diagnostics, i);

      if (g_str_equal (d->rule, "b1-sentence-long") && d->severity == HELDER_SEVERITY_ERROR)
        return FALSE;
    }

  return TRUE;
}

/* Puts the cursor inside @d, as clicking into the word would. */
static void
put_cursor_in (GtkWidget              *window,
               const HelderDiagnostic *d)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_named (window, "page-text")));
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_line_index (buffer, &iter, d->line - 1, 0);
  gtk_text_iter_forward_chars (&iter, d->column);
  gtk_text_buffer_place_cursor (buffer, &iter);
}

/* The content expert's day: type a long sentence, see the finding, fix a
 * bureaucratic word with its suggestion, and add a course term to the
 * course dictionary, all from the editor's menu.
 */
/* Whether the first @word of the page text has the underline @tag_name. */
static gboolean
word_has_tag (GtkTextBuffer *buffer,
              const char    *word,
              const char    *tag_name)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  GtkTextIter start;
  GtkTextIter match;

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_nonnull (tag);
  g_assert_true (gtk_text_iter_forward_search (&start, word, 0, &match, NULL, NULL));

  return gtk_text_iter_has_tag (&match, tag);
}

static void
test_findings_as_you_type (void)
{
  g_autofree char *sample = g_build_filename (g_getenv ("HELDER_SOURCE_ROOT"), "content-samples",
                                              "ai-bewustzijn", NULL);
  g_autofree char *tmp = g_dir_make_tmp ("helder-typing-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmp, "ai-bewustzijn", NULL);
  g_autoptr(GFile) folder = NULL;
  g_autofree char *words = NULL;
  g_autofree char *words_path = g_build_filename (path, "words.txt", NULL);
  GtkWidget *editor;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  HelderWindow *window;
  HelderDiagnostic *d;
  const char *sentence =
    "\nIndien je vragen hebt over de nieuwe regels voor het werken met slimme computers in "
    "het gemeentehuis kun je altijd bij het team van de afdeling terecht voor extra uitleg "
    "over de helderdoos.\n";

  helder_test_copy_tree (sample, path);
  folder = g_file_new_for_path (path);
  window = helder_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  helder_window_open_course (window, folder);
  wait_for (page_shown, window);
  editor = find_named (GTK_WIDGET (window), "editor");

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_named (GTK_WIDGET (window), "page-text")));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, sentence, -1);
  wait_for (has_long_sentence, window);

  d = finding_with_rule (GTK_WIDGET (window), "b1-sentence-long");
  g_assert_cmpint (d->severity, ==, HELDER_SEVERITY_ERROR);
  g_assert_true (word_has_tag (buffer, "gemeentehuis", "helder-error"));
  g_assert_true (word_has_tag (buffer, "Indien", "helder-warning"));

  /* One click replaces "Indien" by its plain alternative. */
  d = finding_with_rule (GTK_WIDGET (window), "b1-bureaucratic");
  g_assert_nonnull (d);
  put_cursor_in (GTK_WIDGET (window), d);
  g_assert_true (gtk_widget_activate_action (editor, "editor.apply-suggestion", "u", 0));
  g_assert_nonnull (strstr (helder_page_get_text (helder_window_get_page (window)),
                            "\nAls je vragen hebt"));
  g_assert_null (finding_with_rule (GTK_WIDGET (window), "b1-bureaucratic"));
  g_assert_true (word_has_tag (buffer, "gemeentehuis", "helder-error"));

  /* Split in two, the sentence is no longer an error: its underline
   * goes from the text that stays.
   */
  replace_first (buffer, " in het gemeentehuis", ". In het gemeentehuis");
  wait_for (has_no_long_sentence_error, window);
  g_assert_false (word_has_tag (buffer, "slimme computers", "helder-error"));

  /* A course term goes into words.txt; the finding goes. */
  d = finding_with_rule (GTK_WIDGET (window), "spelling");
  g_assert_nonnull (d);
  put_cursor_in (GTK_WIDGET (window), d);
  g_assert_true (gtk_widget_activate_action (editor, "editor.add-word", NULL));
  g_assert_null (finding_with_rule (GTK_WIDGET (window), "spelling"));
  g_assert_true (g_file_get_contents (words_path, &words, NULL, NULL));
  g_assert_true (g_str_has_suffix (words, "helderdoos\n"));
  /* The second half of the sentence is still long: its underline stays on
   * the word that is no longer misspelt.
   */
  g_assert_true (word_has_tag (buffer, "helderdoos", "helder-warning"));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  helder_test_remove_tree (tmp);
}

static GtkWidget *
badge_of (GtkWidget  *window,
          const char *title)
{
  GtkWidget *outline = find_named (window, "outline");

  for (GtkWidget *row = gtk_widget_get_first_child (outline);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

      if (GTK_IS_BOX (box) &&
          g_str_equal (gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (box))), title))
        return gtk_widget_get_last_child (box);
    }

  return NULL;
}

static gboolean
blokken_has_badge (gpointer data)
{
  return g_str_equal (gtk_label_get_text (GTK_LABEL (badge_of (data, "Blokken"))), "1");
}

/* Other pages' findings show in the outline and in the course-wide list,
 * checked in the background.
 */
static void
test_course_findings (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autofree char *blokken = g_build_filename (path, "01-basis", "02-blokken.md", NULL);
  g_autofree char *text = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *subtitle = NULL;
  HelderWindow *window;
  GtkWidget *list;

  g_assert_true (g_file_get_contents (blokken, &text, NULL, NULL));
  broken = g_strconcat (text, "\n```image\nsrc: media/logo.png\n```\n", NULL);
  g_assert_true (g_file_set_contents (blokken, broken, -1, NULL));

  window = helder_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  helder_window_open_course (window, folder);
  wait_for (page_shown, window);
  wait_for (blokken_has_badge, window);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (badge_of (GTK_WIDGET (window), "Welkom"))), ==, "");

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_named (GTK_WIDGET (window),
                                                               "course-scope")), TRUE);
  list = find_named (GTK_WIDGET (window), "findings");
  g_assert_nonnull (gtk_widget_get_first_child (list));
  g_object_get (gtk_widget_get_first_child (list), "subtitle", &subtitle, NULL);
  g_assert_nonnull (strstr (subtitle, "01-basis/02-blokken.md"));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
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

  window = helder_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  helder_window_open_course (window, folder);
  wait_for (page_shown, window);
  g_assert_cmpuint (count_page_rows (GTK_WIDGET (window)), ==, 3);

  /* A new page comes after the page shown, and is shown. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-page", NULL));
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

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  helder_test_remove_tree (path);
}

static HelderCourseSettings *
find_settings (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (HELDER_IS_COURSE_SETTINGS (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return HELDER_COURSE_SETTINGS (window);
    }

  return NULL;
}

/* Course settings: title, theme colour with its contrast, pass mark. */
static void
test_course_settings (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(HelderCourse) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json_path = g_build_filename (path, "course.json", NULL);
  g_autofree char *json = NULL;
  HelderCourseSettings *settings;
  HelderWindow *window;
  GtkWidget *accent;
  GtkWidget *contrast;
  GtkWidget *new_word;
  GtkWidget *remove;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  guint checks;

  window = helder_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  helder_window_open_course (window, folder);
  wait_for (page_shown, window);

  /* Sixteen words: a warning with the default thresholds. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_named (GTK_WIDGET (window), "page-text")));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\nDit is een zin van zestien woorden die net iets te "
                          "lang is voor een lezer.\n", -1);
  wait_for (has_long_sentence, window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.course-settings", "s", ""));
  settings = find_settings ();
  g_assert_nonnull (settings);

  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (settings), "course-title")),
                         "Een nieuwe titel");

  /* A pale accent fails on white, and the row says so as it is typed. */
  accent = find_named (GTK_WIDGET (settings), "theme-accent");
  gtk_editable_set_text (GTK_EDITABLE (accent), "#aaccee");
  contrast = g_object_get_data (G_OBJECT (accent), "helder-contrast");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (contrast)), "below 4.5:1"));
  gtk_editable_set_text (GTK_EDITABLE (accent), "#1d5f8a");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (contrast)), "passes AA"));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_named (GTK_WIDGET (settings), "pass-mark")), 80);

  /* The checks: a higher threshold, no spelling, a word for the course. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_named (GTK_WIDGET (settings),
                                                          "sentence-warning-words")), 20);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_named (GTK_WIDGET (settings),
                                                          "sentence-error-words")), 30);
  gtk_switch_set_active (GTK_SWITCH (find_named (GTK_WIDGET (settings), "check-spelling")), FALSE);
  new_word = find_named (GTK_WIDGET (settings), "new-word");
  gtk_editable_set_text (GTK_EDITABLE (new_word), "fietsplaan");
  g_signal_emit_by_name (new_word, "apply");
  g_assert_true (g_strv_contains (helder_course_get_words (helder_window_get_course (window)),
                                  "fietsplaan"));
  gtk_editable_set_text (GTK_EDITABLE (new_word), "kapotwoord");
  g_signal_emit_by_name (new_word, "apply");
  remove = find_named (GTK_WIDGET (settings), "remove-word-kapotwoord");
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  g_assert_false (g_strv_contains (helder_course_get_words (helder_window_get_course (window)),
                                   "kapotwoord"));
  g_assert_null (find_named (GTK_WIDGET (settings), "remove-word-kapotwoord"));

  gtk_window_destroy (GTK_WINDOW (settings));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  /* A sentence of sixteen words is no longer long; the check in the
   * background, which reads the course from disk, knows that too.
   */
  g_assert_null (finding_with_rule (GTK_WIDGET (window), "b1-sentence-long"));
  g_assert_null (finding_with_rule (GTK_WIDGET (window), "spelling"));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_named (GTK_WIDGET (window), "page-text")));
  checks = 0;
  g_signal_connect_swapped (find_named (GTK_WIDGET (window), "editor"), "diagnostics-changed",
                            G_CALLBACK (count_call), &checks);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\nNog een zin met een fuot.\n", -1);
  wait_for (count_reached_one, &checks);
  g_assert_null (finding_with_rule (GTK_WIDGET (window), "b1-sentence-long"));
  g_assert_null (finding_with_rule (GTK_WIDGET (window), "spelling"));

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Een nieuwe titel");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));

  reloaded = helder_course_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (helder_course_get_title (reloaded), ==, "Een nieuwe titel");
  g_assert_true (g_file_get_contents (json_path, &json, NULL, NULL));
  g_assert_nonnull (strstr (json, "\"pass_mark\" : 80"));
  g_assert_nonnull (strstr (json, "\"sentence_warning_words\" : 20"));
  g_assert_nonnull (strstr (json, "\"spelling\" : false"));
  /* Fields Helder does not know survive. */
  g_assert_nonnull (strstr (json, "x-editor-note"));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
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

  window = helder_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  helder_window_open_course (window, folder);
  wait_for (page_shown, window);
  gtk_window_destroy (GTK_WINDOW (window));

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
  course_settings = find_settings ();
  g_assert_nonnull (course_settings);
  g_assert_cmpstr (adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (course_settings)),
                   ==, "checks");
  gtk_window_destroy (GTK_WINDOW (course_settings));

  /* Without a course, there are no checks to lead to. */
  {
    HelderWindow *empty = helder_window_new (NULL);
    HelderPreferences *without = helder_preferences_new (GTK_WINDOW (empty));

    g_assert_false (gtk_widget_get_sensitive (find_named (GTK_WIDGET (without), "course-checks")));
    gtk_window_destroy (GTK_WINDOW (without));
    gtk_window_destroy (GTK_WINDOW (empty));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  helder_test_remove_tree (path);
}

static GtkWidget *
find_button_with_label (GtkWidget  *root,
                        const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_label (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The communications adviser's review: comment on a passage in review
 * mode, resolve it, approve the page; review.json keeps it all.
 */
static void
test_review (void)
{
  g_autofree char *sample = g_build_filename (g_getenv ("HELDER_SOURCE_ROOT"), "content-samples",
                                              "ai-bewustzijn", NULL);
  g_autofree char *tmp = g_dir_make_tmp ("helder-review-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmp, "ai-bewustzijn", NULL);
  g_autofree char *review_path = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  HelderReviewPane *pane;
  HelderWindow *window;
  GtkWidget *threads;
  GtkWidget *card;
  GtkTextBuffer *buffer;
  GtkTextIter start;
  GtkTextIter end;
  guint before;

  helder_test_copy_tree (sample, path);
  folder = g_file_new_for_path (path);
  review_path = g_build_filename (path, "review.json", NULL);
  g_settings_set_string (settings, "reviewer-name", "Sanne de Vries");
  g_settings_set_string (settings, "reviewer-role", "communications-adviser");

  window = helder_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  helder_window_open_course (window, folder);
  wait_for (page_shown, window);

  /* Module 2's second page carries the adviser's threads. */
  open_page_in_outline (window, "02-praktijk/02-vragen-van-inwoners.md");

  pane = HELDER_REVIEW_PANE (find_named (GTK_WIDGET (window), "review-pane"));
  before = helder_review_pane_get_n_threads (pane);
  g_assert_cmpuint (before, >=, 1);

  /* Review mode: read-only text, the review pane in front. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.review-mode", NULL));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (find_named (GTK_WIDGET (window),
                                                                         "page-text"))));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_named (GTK_WIDGET (window), "page-text")));
  gtk_text_buffer_get_iter_at_line (buffer, &start, 2);
  end = start;
  gtk_text_iter_forward_word_ends (&end, 3);
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (pane), "comment")),
                         "Kan dit korter?");
  g_assert_true (gtk_widget_get_sensitive (find_named (GTK_WIDGET (pane), "add-comment")));
  g_signal_emit_by_name (find_named (GTK_WIDGET (pane), "add-comment"), "clicked");
  g_assert_cmpuint (helder_review_pane_get_n_threads (pane), ==, before + 1);

  g_assert_true (g_file_get_contents (review_path, &json, NULL, NULL));
  g_assert_nonnull (strstr (json, "Kan dit korter?"));
  g_assert_nonnull (strstr (json, "Sanne de Vries"));
  g_clear_pointer (&json, g_free);

  /* Resolve the new thread: it is the one with the new comment. */
  threads = find_named (GTK_WIDGET (pane), "threads");
  for (card = gtk_widget_get_first_child (threads); card != NULL; card = gtk_widget_get_next_sibling (card))
    {
      HelderReviewThread *thread = g_object_get_data (G_OBJECT (card), "helder-thread");
      const HelderReviewComment *first = g_ptr_array_index (thread->comments, 0);

      if (g_str_equal (first->text, "Kan dit korter?"))
        break;
    }
  g_assert_nonnull (card);
  g_signal_emit_by_name (find_button_with_label (card, "_Resolve"), "clicked");
  g_assert_true (g_file_get_contents (review_path, &json, NULL, NULL));
  g_assert_nonnull (strstr (json, "resolved"));

  /* Approve the page as the adviser; the outline shows it. */
  g_signal_emit_by_name (find_named (GTK_WIDGET (pane), "approve"), "clicked");
  {
    GtkWidget *outline = find_named (GTK_WIDGET (window), "outline");
    gboolean found = FALSE;

    for (GtkWidget *row = gtk_widget_get_first_child (outline); row != NULL;
         row = gtk_widget_get_next_sibling (row))
      if (g_object_get_data (G_OBJECT (row), "helder-page") == helder_window_get_page (window))
        found = strstr (gtk_label_get_text (g_object_get_data (G_OBJECT (row),
                                                               "helder-review-badge")), "✓") != NULL;
    g_assert_true (found);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  helder_test_remove_tree (tmp);
}

/* Widgets free everything they hold when they go. */
static void
test_widgets_finalize (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "course-valid", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderCourse) course = helder_course_load (path, &error);
  g_autoptr(GPtrArray) diagnostics = NULL;
  GtkWidget *pane;
  GtkWidget *editor;
  HelderBlockDialog *dialog;

  g_assert_no_error (error);
  diagnostics = helder_checks_run_course (course);

  pane = g_object_ref_sink (g_object_new (HELDER_TYPE_FINDINGS_PANE, NULL));
  helder_findings_pane_set_diagnostics (HELDER_FINDINGS_PANE (pane), diagnostics);
  g_assert_cmpuint (helder_findings_pane_get_n_rows (HELDER_FINDINGS_PANE (pane)), ==,
                    MIN (diagnostics->len, 500));
  g_assert_finalize_object (pane);

  editor = g_object_ref_sink (g_object_new (HELDER_TYPE_PAGE_EDITOR, NULL));
  helder_page_editor_set_page (HELDER_PAGE_EDITOR (editor), course,
                               helder_course_find_page (course, "01-basis/02-blokken.md"));
  g_assert_finalize_object (editor);

  dialog = helder_block_dialog_new (NULL, course, HELDER_BLOCK_CHECK, NULL);
  g_object_ref (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
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
  gint64 deadline;

  window = helder_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  helder_window_open_course (window, folder);

  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (helder_window_get_page (window) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

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

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  gtk_source_init ();

  g_test_add_func ("/window/sidebar-lists-pages", test_sidebar_lists_pages);
  g_test_add_func ("/window/edit-check-save", test_edit_check_save);
  g_test_add_func ("/window/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/window/insert-and-edit-image", test_insert_and_edit_image);
  g_test_add_func ("/window/find-and-replace", test_find_and_replace);
  g_test_add_func ("/window/preview", test_preview);
  g_test_add_func ("/window/preview-without-engine", test_preview_without_engine);
  g_test_add_func ("/window/export", test_export);
  g_test_add_func ("/window/kpi-dashboard", test_kpi_dashboard);
  g_test_add_func ("/window/findings-as-you-type", test_findings_as_you_type);
  g_test_add_func ("/window/course-findings", test_course_findings);
  g_test_add_func ("/window/course-structure", test_course_structure);
  g_test_add_func ("/window/course-settings", test_course_settings);
  g_test_add_func ("/window/recent-and-preferences", test_recent_and_preferences);
  g_test_add_func ("/window/review", test_review);
  g_test_add_func ("/window/widgets-finalize", test_widgets_finalize);

  return g_test_run ();
}
