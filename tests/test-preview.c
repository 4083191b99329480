/* test-preview.c
 *
 * The learner preview in the window, with and without the web engine.
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
#include "helder-test-screenshot.h"
#include "helder-test-utils.h"
#include "helder-ui-test-utils.h"
#include "helder-window.h"

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

typedef struct
{
  char   *value;
  GError *error;
  gboolean done;
} ScriptResult;

static void
script_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ScriptResult *out = user_data;
  g_autoptr(JSCValue) value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source),
                                                                          result, &out->error);

  if (value != NULL)
    out->value = jsc_value_to_string (value);
  out->done = TRUE;
}

static gboolean
script_done (gpointer data)
{
  return ((ScriptResult *) data)->done;
}

/* Runs @script in the preview's page and returns its value as a string.
 * WebKit gives no result when the script ran while its web process was
 * busy setting up the document (seen on loaded machines: "Unsupported
 * result type"); the script then runs again, up to three times. Every
 * other error fails the test.
 */
static char *
run_in_preview (GtkWidget  *window,
                const char *script)
{
  WebKitWebView *view = WEBKIT_WEB_VIEW (find_named (window, "preview-web-view"));

  for (guint attempt = 1; ; attempt++)
    {
      ScriptResult out = { NULL, NULL, FALSE };

      webkit_web_view_evaluate_javascript (view, script, -1, NULL, NULL, NULL, script_done_cb, &out);
      wait_for (script_done, &out);
      if (attempt < 3 && g_error_matches (out.error, WEBKIT_JAVASCRIPT_ERROR,
                                          WEBKIT_JAVASCRIPT_ERROR_INVALID_RESULT))
        {
          g_test_message ("script gave no result, running it again: %s", script);
          g_clear_error (&out.error);
          continue;
        }
      if (out.error != NULL)
        g_printerr ("# script failed: %s\n", script);
      g_assert_no_error (out.error);
      return out.value;
    }
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

/* True once the preview's scale matches its pane: the whole width of
 * the device fits in the web view.
 */
static gboolean
preview_fitted (gpointer data)
{
  HelderPreview *preview = data;
  int width = gtk_widget_get_width (find_named (GTK_WIDGET (preview), "preview-web-view"));

  return !helder_preview_get_actual_size (preview) && width > 0 &&
         helder_preview_get_zoom (preview) < 1.0 &&
         ABS (width - helder_preview_get_zoom (preview) * helder_preview_get_width (preview)) < 2;
}

static gboolean
preview_actual_size (gpointer data)
{
  HelderPreview *preview = data;

  return helder_preview_get_actual_size (preview) && helder_preview_get_zoom (preview) == 1.0;
}

typedef struct
{
  HelderPreview *preview;
  int            before;
} PaneWidth;

static gboolean
pane_widened (gpointer data)
{
  PaneWidth *pane = data;
  GtkWidget *side_pane = gtk_widget_get_ancestor (GTK_WIDGET (pane->preview),
                                                  GTK_TYPE_SCROLLED_WINDOW);

  return gtk_widget_get_width (side_pane) > pane->before;
}

/* Gives @keyval to @widget's key controller, as a key press would. */
static void
send_key (GtkWidget *widget,
          guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  g_assert_true (handled);
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

/* Opens @folder in a 1280-pixel window and its Preview tab, and waits
 * for the first page to load; @wait then follows that preview.
 */
static HelderWindow *
open_preview (GFile        *folder,
              PreviewLoads *wait)
{
  HelderWindow *window = helder_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  helder_window_open_course (window, folder);
  wait_for (page_shown, window);
  wait->preview = show_preview (window);
  wait->loads = 1;
  wait_for (preview_loaded, wait);

  return window;
}

static void
test_preview (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autofree char *heading = NULL;
  g_autofree char *width = NULL;
  g_autoptr(GSettings) settings = NULL;
  const char *scale;
  GtkWidget *handle;
  int pane_before;
  double zoom_before;
  g_autofree char *changed = NULL;
  g_autofree char *marker = NULL;
  g_autofree char *uri = NULL;
  HelderWindow *window;
  HelderPreview *preview;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  PreviewLoads wait;

  /* Opening the Preview tab shows the page the editor shows. */
  window = open_preview (folder, &wait);
  preview = wait.preview;
  uri = helder_preview_dup_uri (preview);
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

  /* A desktop screen is wider than the side pane: it is shown whole,
   * smaller. The page still lays out for 1280 pixels, and the web view
   * fits inside the pane, with nothing to scroll sideways.
   */
  wait_for (preview_fitted, preview);
  g_clear_pointer (&width, g_free);
  width = run_in_preview (GTK_WIDGET (window), "String(document.documentElement.clientWidth)");
  g_assert_cmpstr (width, ==, "1280");
  g_assert_cmpint (gtk_widget_get_width (find_named (GTK_WIDGET (window), "preview-web-view")), <=,
                   gtk_widget_get_width (GTK_WIDGET (preview)));
  scale = gtk_label_get_label (GTK_LABEL (find_named (GTK_WIDGET (window), "preview-scale")));
  g_assert_null (strstr (scale, "100%"));
  g_assert_nonnull (strchr (scale, '%'));
  /* HELDER_PREVIEW_SCREENSHOTS=folder saves how this looks, for docs/. */
  if (g_getenv ("HELDER_PREVIEW_SCREENSHOTS") != NULL)
    {
      const char *language = g_getenv ("LANGUAGE");
      g_autofree char *name = g_strdup_printf ("preview-desktop-fitted-%s.png",
                                               language != NULL && g_str_has_prefix (language, "nl")
                                               ? "nl" : "en");
      g_autofree char *shot = g_build_filename (g_getenv ("HELDER_PREVIEW_SCREENSHOTS"), name, NULL);

      helder_test_run_for (1500);
      helder_test_save_screenshot (GTK_WIDGET (window), shot);
    }

  /* At actual size the page keeps 1280 pixels, one to a screen pixel,
   * and the pane scrolls sideways; the choice is remembered.
   */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_named (GTK_WIDGET (window),
                                                                "preview-actual-size")), TRUE);
  wait_for (preview_actual_size, preview);
  g_assert_cmpint (gtk_widget_get_width (find_named (GTK_WIDGET (window), "preview-web-view")), ==,
                   1280);
  scale = gtk_label_get_label (GTK_LABEL (find_named (GTK_WIDGET (window), "preview-scale")));
  g_assert_nonnull (strstr (scale, "100%"));
  settings = g_settings_new (APP_ID);
  g_assert_true (g_settings_get_boolean (settings, "preview-actual-size"));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_named (GTK_WIDGET (window),
                                                                "preview-actual-size")), FALSE);
  wait_for (preview_fitted, preview);

  /* The side pane's handle makes it wider by keyboard, and the width
   * is kept; the preview's scale follows.
   */
  handle = find_named (GTK_WIDGET (window), "side-pane-handle");
  pane_before = gtk_widget_get_width (gtk_widget_get_ancestor (GTK_WIDGET (preview),
                                                               GTK_TYPE_SCROLLED_WINDOW));
  zoom_before = helder_preview_get_zoom (preview);
  g_assert_true (gtk_widget_grab_focus (handle));
  send_key (handle, GDK_KEY_Left);
  send_key (handle, GDK_KEY_Left);
  wait_for (pane_widened, (&(PaneWidth) { preview, pane_before }));
  g_assert_cmpint (g_settings_get_int (settings, "side-pane-width"), >, pane_before);
  wait_for (preview_fitted, preview);
  g_assert_cmpfloat (helder_preview_get_zoom (preview), >, zoom_before);

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
  uri = helder_preview_dup_uri (preview);
  g_assert_nonnull (strstr (uri, "#page=01-basis%2F02-blokken"));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_named (GTK_WIDGET (window), "walk-module")),
                                TRUE);
  g_assert_true (helder_preview_get_walking (preview));
  wait.loads = 3;
  wait_for (preview_loaded, &wait);
  g_clear_pointer (&uri, g_free);
  uri = helder_preview_dup_uri (preview);
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
  uri = helder_preview_dup_uri (preview);
  g_assert_nonnull (strstr (uri, "#page=01-basis%2F02-blokken"));
  g_clear_pointer (&changed, g_free);
  changed = run_in_preview (GTK_WIDGET (window),
                            "String(document.body.textContent.includes('Terwijl je loopt.'))");
  g_assert_cmpstr (changed, ==, "true");

  close_and_finalize (window);
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
  window = open_window (folder);

  preview = show_preview (window);
  message = find_named (GTK_WIDGET (preview), "preview-unavailable");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (message)),
                            "Reinstall Helder"));
  g_assert_null (helder_preview_dup_uri (preview));
  g_assert_false (helder_preview_is_loading (preview));

  close_and_finalize (window);
  helder_test_remove_tree (path);
}

/* Counts the pages of the web package helder-cli exports of the whole
 * course: what the LMS would play.
 */
static guint
count_package_pages (const char *course)
{
  g_autofree char *work = g_dir_make_tmp ("helder-preview-XXXXXX", NULL);
  g_autofree char *zip = g_build_filename (work, "course.zip", NULL);
  const char *export_argv[] = { g_getenv ("HELDER_CLI"), "export", course, "--format", "web",
                                "--course", "-o", zip, NULL };
  const char *unzip_argv[] = { "unzip", "-p", zip, "index.html", NULL };
  g_autofree char *index = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  guint pages = 0;

  g_spawn_sync (NULL, (char **) export_argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_spawn_sync (NULL, (char **) unzip_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &index, NULL,
                &status, &error);
  g_assert_no_error (error);
  for (const char *at = strstr (index, "<section class=\"helder-page\""); at != NULL;
       at = strstr (at + 1, "<section class=\"helder-page\""))
    pages++;
  helder_test_remove_tree (work);

  return pages;
}

/* Whole Course plays what the course's package plays: every module's
 * pages, the same number as the export has, counted in the player too.
 */
static void
test_preview_whole_course (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autofree char *sections = NULL;
  g_autofree char *counter = NULL;
  g_autofree char *expected = NULL;
  HelderWindow *window;
  HelderPreview *preview;
  PreviewLoads wait;
  guint package_pages;

  window = open_preview (folder, &wait);
  preview = wait.preview;

  /* The module alone, as its own package plays it. */
  sections = run_in_preview (GTK_WIDGET (window),
                             "String(document.querySelectorAll('section.helder-page').length)");
  g_assert_cmpstr (sections, ==, "2");

  package_pages = count_package_pages (path);
  g_assert_cmpuint (package_pages, >, 2);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_named (GTK_WIDGET (window),
                                                                "preview-whole-course")), TRUE);
  g_assert_true (helder_preview_get_whole_course (preview));
  wait.loads = 2;
  wait_for (preview_loaded, &wait);
  g_clear_pointer (&sections, g_free);
  sections = run_in_preview (GTK_WIDGET (window),
                             "String(document.querySelectorAll('section.helder-page').length)");
  g_assert_cmpuint (g_ascii_strtoull (sections, NULL, 10), ==, package_pages);
  expected = g_strdup_printf ("van %u", package_pages);
  counter = run_in_preview (GTK_WIDGET (window), "document.body.innerText");
  g_assert_nonnull (strstr (counter, expected));

  /* Moving to a page of another module stays in the same walk. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_named (GTK_WIDGET (window), "walk-module")),
                                TRUE);
  wait.loads = 3;
  wait_for (preview_loaded, &wait);
  open_page_in_outline (window, "02-toets/01-toets.md");
  helder_test_run_for (500);
  g_assert_cmpuint (helder_preview_get_n_loads (preview), ==, 3);

  close_and_finalize (window);
  helder_test_remove_tree (path);
}

/* The preview follows the dark style: a dark page, light text; back to
 * white when the style turns light again.
 */
static void
test_preview_dark (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *dark = NULL;
  g_autofree char *light = NULL;
  PreviewLoads wait = { 0 };
  HelderWindow *window;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  window = open_preview (folder, &wait);
  dark = run_in_preview (GTK_WIDGET (window), "getComputedStyle (document.body).backgroundColor");
  g_assert_cmpstr (dark, ==, "rgb(36, 36, 36)");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  wait.loads = helder_preview_get_n_loads (wait.preview) + 1;
  wait_for (preview_loaded, &wait);
  light = run_in_preview (GTK_WIDGET (window), "getComputedStyle (document.body).backgroundColor");
  g_assert_cmpstr (light, ==, "rgb(255, 255, 255)");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  close_and_finalize (window);
  helder_test_remove_tree (path);
}

static gboolean
preview_stopped_shown (gpointer data)
{
  GtkWidget *message = find_named (data, "preview-stopped");

  return message != NULL && gtk_widget_get_mapped (message);
}

static gboolean
preview_stopped_gone (gpointer data)
{
  return find_named (data, "preview-stopped") == NULL;
}

/* When the process that draws the page ends (a crash, too little
 * memory), the preview loads the page again; when that one ends too
 * before the page shows, the preview says so and Reload starts over.
 */
static void
test_preview_web_process_stops (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autofree char *heading = NULL;
  PreviewLoads wait = { 0 };
  HelderWindow *window;
  GtkWidget *message;

  window = open_preview (folder, &wait);

  webkit_web_view_terminate_web_process (WEBKIT_WEB_VIEW (find_named (GTK_WIDGET (window),
                                                                      "preview-web-view")));
  wait.loads = 2;
  wait_for (preview_loaded, &wait);
  heading = run_in_preview (GTK_WIDGET (window), "document.querySelector ('h1').textContent");
  g_assert_cmpstr (heading, ==, "De basis");

  /* Twice in a row, before the page showed again. */
  webkit_web_view_terminate_web_process (WEBKIT_WEB_VIEW (find_named (GTK_WIDGET (window),
                                                                      "preview-web-view")));
  webkit_web_view_terminate_web_process (WEBKIT_WEB_VIEW (find_named (GTK_WIDGET (window),
                                                                      "preview-web-view")));
  wait_for (preview_stopped_shown, window);
  message = find_named (GTK_WIDGET (window), "preview-stopped");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (message)),
                            "Your work is not affected"));
  g_assert_null (find_named (GTK_WIDGET (window), "preview-web-view"));
  g_assert_false (helder_preview_is_loading (wait.preview));

  gtk_widget_activate (find_named (message, "preview-reload"));
  wait_for (preview_stopped_gone, window);
  wait.loads = helder_preview_get_n_loads (wait.preview) + 1;
  wait_for (preview_loaded, &wait);
  g_clear_pointer (&heading, g_free);
  heading = run_in_preview (GTK_WIDGET (window), "document.querySelector ('h1').textContent");
  g_assert_cmpstr (heading, ==, "De basis");

  close_and_finalize (window);
  helder_test_remove_tree (path);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/preview/preview", test_preview);
  g_test_add_func ("/preview/preview-without-engine", test_preview_without_engine);
  g_test_add_func ("/preview/whole-course", test_preview_whole_course);
  g_test_add_func ("/preview/dark", test_preview_dark);
  g_test_add_func ("/preview/web-process-stops", test_preview_web_process_stops);

  return g_test_run ();
}
