/* test-never-stuck.c
 *
 * Never leaving a user stuck: New Page asks for the title and names the
 * file from it, the header follows the page's heading as it is typed,
 * and the start page offers a new course while what needs a course is
 * off. With HELDER_NEVER_STUCK_SCREENSHOTS=FOLDER set, the tests save
 * what they show there (docs/screenshots/never-stuck-*.png).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "helder-test-screenshot.h"
#include "helder-test-utils.h"
#include "helder-ui-test-utils.h"
#include "helder-window.h"

static void
screenshot (GtkWidget  *window,
            const char *name)
{
  const char *folder = g_getenv ("HELDER_NEVER_STUCK_SCREENSHOTS");
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;

  if (folder == NULL)
    return;

  file = g_strdup_printf ("never-stuck-%s.png", name);
  path = g_build_filename (folder, file, NULL);
  helder_test_save_screenshot (window, path);
}

/* New Page asks for the title, names the file from it and writes the
 * heading; the header follows the heading as it is typed.
 */
static void
test_new_page_title (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  HelderWindow *window = open_window (folder);
  AdwWindowTitle *header = ADW_WINDOW_TITLE (find_named (GTK_WIDGET (window), "page-title"));
  HelderPage *added;
  GtkTextBuffer *buffer;
  GtkTextIter start;
  GtkTextIter end;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-page", NULL));
  answer_title_dialog ("Wat is een café?");

  added = helder_window_get_page (window);
  g_assert_cmpstr (helder_page_get_file (added), ==, "01-basis/03-wat-is-een-cafe.md");
  g_assert_true (g_str_has_prefix (helder_page_get_text (added), "# Wat is een café?\n"));
  g_assert_cmpstr (adw_window_title_get_title (header), ==, "• Wat is een café?");

  /* The header changes with the heading, without opening another page. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_named (GTK_WIDGET (window), "page-text")));
  gtk_text_buffer_get_iter_at_line_offset (buffer, &start, 0, 2);
  gtk_text_buffer_get_iter_at_line (buffer, &end, 0);
  gtk_text_iter_forward_to_line_end (&end);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, "Een koffie bestellen", -1);
  g_assert_cmpstr (adw_window_title_get_title (header), ==, "• Een koffie bestellen");

  /* Cancel makes no page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-page", NULL));
  focused_title_field ();
  gtk_window_close (GTK_WINDOW (find_toplevel (ADW_TYPE_MESSAGE_DIALOG)));
  wait_for (dialog_gone, NULL);
  g_assert_cmpuint (helder_module_get_n_pages (helder_course_get_module (helder_window_get_course (window), 0)),
                    ==, 3);

  close_and_finalize (window);
  helder_test_remove_tree (path);
}

/* The start page's New Course button is on screen, whole, inside the
 * window, and every slide is over.
 */
static gboolean
start_page_shown (gpointer data)
{
  GtkWidget *button = find_named (data, "new-course");
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (button) ||
      !gtk_widget_compute_bounds (button, GTK_WIDGET (data), &bounds) ||
      bounds.origin.x < 0 ||
      bounds.origin.x + bounds.size.width > gtk_widget_get_width (GTK_WIDGET (data)))
    return FALSE;

  for (GtkWidget *leaflet = gtk_widget_get_ancestor (button, ADW_TYPE_LEAFLET);
       leaflet != NULL;
       leaflet = gtk_widget_get_ancestor (gtk_widget_get_parent (leaflet), ADW_TYPE_LEAFLET))
    if (adw_leaflet_get_child_transition_running (ADW_LEAFLET (leaflet)))
      return FALSE;

  return TRUE;
}

/* With no course the start page offers New Course, also in a window as
 * narrow as a phone, and what needs a course is off.
 */
static void
test_start_page (void)
{
  HelderWindow *window = helder_window_new (NULL);
  GtkWidget *button;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (start_page_shown, window);
  screenshot (GTK_WIDGET (window), "start-narrow");

  button = find_named (GTK_WIDGET (window), "new-course");
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_false (gtk_widget_get_sensitive (find_named (GTK_WIDGET (window), "add")));
  g_assert_false (gtk_widget_get_sensitive (find_named (GTK_WIDGET (window), "insert")));

  /* New Page with no course asks nothing and makes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-page", NULL);
  helder_test_run_for (100);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  close_and_finalize (window);
}

/* The first button in @root whose action is @action. */
static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
course_findings_listed (gpointer data)
{
  GtkListBox *list = GTK_LIST_BOX (find_named (data, "findings"));

  return gtk_list_box_get_row_at_index (list, 0) != NULL &&
         find_action_button (GTK_WIDGET (list), "win.recreate-module") != NULL;
}

/* The exit status of helder-cli validate on the course in @path. */
static int
cli_validate (const char *path)
{
  const char *argv[] = { g_getenv ("HELDER_CLI"), "validate", path, NULL };
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);

  return status;
}

/* The problem dialog that follows a refused answer. */
static gboolean
dialog_shown_again (gpointer data)
{
  AdwMessageDialog *dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  return dialog != NULL &&
         g_strcmp0 (adw_message_dialog_get_heading (dialog), _("Rename Page")) != 0;
}

static gboolean
course_open (gpointer data)
{
  return helder_window_get_course (data) != NULL;
}

/* A module with no module.json stays in the outline where it was, with
 * its error, its pages and its ways out; the course stays usable around
 * it; Findings lists the error first with the same ways out; making the
 * file again gives a course helder-cli validate accepts.
 */
static void
test_broken_module (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autofree char *missing = g_build_filename (path, "02-toets", "module.json", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  HelderWindow *window;
  GtkWidget *broken;
  GtkWidget *outline;
  GtkWidget *first;
  GtkWidget *remake;

  g_assert_cmpint (g_remove (missing), ==, 0);
  g_assert_cmpint (cli_validate (path), !=, 0);
  window = open_window (folder);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);

  /* The first module's page is shown and can be edited. */
  g_assert_cmpstr (helder_page_get_file (helder_window_get_page (window)), ==,
                   "01-basis/01-welkom.md");

  /* The broken module comes after the first one's pages, with its page. */
  outline = find_named (GTK_WIDGET (window), "outline");
  broken = find_named (outline, "broken-module");
  g_assert_nonnull (broken);
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (broken)), ==, 3);
  g_assert_nonnull (find_named (outline, "broken-module-page"));
  g_assert_nonnull (find_action_button (broken, "win.forget-module"));

  /* Findings for the whole course: the error first, with its ways out. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_named (GTK_WIDGET (window), "course-scope")),
                                TRUE);
  wait_for (course_findings_listed, window);
  first = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (find_named (GTK_WIDGET (window), "findings")), 0));
  g_assert_nonnull (find_action_button (first, "win.recreate-module"));
  g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (first)), ":0"));
  screenshot (GTK_WIDGET (window), "broken-module");

  remake = find_action_button (broken, "win.recreate-module");
  g_assert_nonnull (remake);
  g_signal_emit_by_name (remake, "clicked");
  g_assert_true (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_null (find_named (outline, "broken-module"));
  g_assert_cmpuint (helder_course_get_n_modules (helder_window_get_course (window)), ==, 2);
  g_assert_cmpint (cli_validate (path), ==, 0);

  close_and_finalize (window);
  helder_test_remove_tree (path);
}

#define REVIEW_JSON \
  "{\"format\": 1, \"threads\": [{\"id\": \"t1\", \"page\": \"01-basis/01-welkom.md\", " \
  "\"target\": {\"exact\": \"Fijn\", \"prefix\": \"\", \"suffix\": \" dat\", \"start\": 10}, " \
  "\"status\": \"open\", \"statusTime\": \"2026-11-28T22:39:08Z\", \"comments\": [{\"id\": \"c1\", " \
  "\"author\": \"Fatima\", \"role\": \"communications-adviser\", " \
  "\"time\": \"2026-11-28T22:39:08Z\", \"text\": \"Mooi begin.\"}]}]}\n"
#define IGNORED_JSON \
  "{\"format\": 1, \"ignored\": [{\"file\": \"01-basis/01-welkom.md\", " \
  "\"rule\": \"spelling\", \"text\": \"Helder\"}]}\n"

static char *
read_course_file (const char *path,
                  const char *file)
{
  g_autofree char *full = g_build_filename (path, file, NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (full, &text, NULL, NULL));

  return text;
}

/* Rename Page (F2): the file follows the new title, the heading changes,
 * the review's comments and the ignored findings follow the file, and a
 * name in use is refused with a message.
 */
static void
test_rename_page (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autofree char *old_path = g_build_filename (path, "01-basis", "01-welkom.md", NULL);
  g_autofree char *new_path = g_build_filename (path, "01-basis", "01-hallo-allemaal.md", NULL);
  g_autofree char *review = NULL;
  g_autofree char *ignored = NULL;
  g_autofree char *module = NULL;
  GtkEditable *field;
  HelderWindow *window;
  HelderPage *page;

  helder_test_write_file (path, "review.json", REVIEW_JSON);
  helder_test_write_file (path, "ignored.json", IGNORED_JSON);
  window = open_window (folder);
  page = helder_window_get_page (window);
  g_assert_cmpstr (helder_page_get_file (page), ==, "01-basis/01-welkom.md");

  /* F2 asks, with the page's title filled in. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.rename-page", NULL));
  field = focused_title_field ();
  g_assert_cmpstr (gtk_editable_get_text (field), ==, "Welkom");
  answer_title_dialog ("Hallo allemaal");

  g_assert_cmpstr (helder_page_get_file (page), ==, "01-basis/01-hallo-allemaal.md");
  g_assert_true (g_str_has_prefix (helder_page_get_text (page), "# Hallo allemaal\n"));
  g_assert_false (g_file_test (old_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (new_path, G_FILE_TEST_EXISTS));
  g_assert_true (helder_course_find_page (helder_window_get_course (window),
                                          "01-basis/01-hallo-allemaal.md") == page);
  review = read_course_file (path, "review.json");
  g_assert_nonnull (strstr (review, "01-basis/01-hallo-allemaal.md"));
  g_assert_null (strstr (review, "01-welkom.md"));
  ignored = read_course_file (path, "ignored.json");
  g_assert_nonnull (strstr (ignored, "01-basis/01-hallo-allemaal.md"));
  g_assert_null (strstr (ignored, "01-welkom.md"));
  module = read_course_file (path, "01-basis/module.json");
  g_assert_nonnull (strstr (module, "01-hallo-allemaal.md"));
  g_assert_false (helder_course_get_modified (helder_window_get_course (window)));
  g_assert_cmpint (cli_validate (path), ==, 0);

  /* A name in use is refused, with a message; nothing changes. */
  helder_test_write_file (path, "01-basis/01-bezet.md", "# Bezet\n");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.rename-page", NULL));
  field = focused_title_field ();
  gtk_editable_set_text (field, "Bezet");
  g_signal_emit_by_name (field, "activate");
  wait_for (dialog_shown_again, NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), ==,
                   _("Could Not Rename the Page"));
  gtk_window_close (GTK_WINDOW (find_toplevel (ADW_TYPE_MESSAGE_DIALOG)));
  wait_for (dialog_gone, NULL);
  g_assert_cmpstr (helder_page_get_file (page), ==, "01-basis/01-hallo-allemaal.md");

  close_and_finalize (window);
  helder_test_remove_tree (path);
}

static gboolean
open_file_listed (gpointer data)
{
  return find_action_button (find_named (data, "findings"), "win.open-course-file") != NULL;
}

/* A module.json that does not parse is named with its line and offers
 * to open the file; a module whose folder is gone can be taken off the
 * course, and the course is whole again.
 */
static void
test_unreadable_and_gone (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autofree char *toets = g_build_filename (path, "02-toets", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  HelderWindow *window;
  GtkWidget *outline;
  GtkWidget *broken;
  GtkWidget *row;

  helder_test_write_file (path, "01-basis/module.json", "{\n  \"title\": \"Basis\",\n  nope\n");
  helder_test_remove_tree (toets);
  window = helder_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  helder_window_open_course (window, folder);
  wait_for (course_open, window);

  outline = find_named (GTK_WIDGET (window), "outline");
  broken = find_named (outline, "broken-module");
  g_assert_nonnull (find_action_button (broken, "win.open-folder"));
  g_assert_null (find_action_button (broken, "win.recreate-module"));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_named (GTK_WIDGET (window), "course-scope")),
                                TRUE);
  wait_for (open_file_listed, window);
  row = gtk_widget_get_ancestor (find_action_button (find_named (GTK_WIDGET (window), "findings"),
                                                     "win.open-course-file"),
                                 ADW_TYPE_ACTION_ROW);
  /* The file and the line, in words. */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "01-basis/module.json, line "));

  /* The second module's folder is gone: take it off the course. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.forget-module", "s",
                                             "02-toets"));
  g_assert_true (helder_course_get_modified (helder_window_get_course (window)));
  g_assert_cmpuint (helder_course_get_broken_modules (helder_window_get_course (window))->len, ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  helder_test_write_file (path, "01-basis/module.json",
                          "{\"title\": \"Basis\", \"minutes\": 20, \"goals\": [], "
                          "\"pages\": [\"01-welkom.md\", \"02-blokken.md\"]}\n");
  g_assert_cmpint (cli_validate (path), ==, 0);

  close_and_finalize (window);
  helder_test_remove_tree (path);
}

int
main (int   argc,
      char *argv[])
{
  helder_test_follow_language ();
  ui_test_init (&argc, &argv);

  g_test_add_func ("/never-stuck/new-page-title", test_new_page_title);
  g_test_add_func ("/never-stuck/start-page", test_start_page);
  g_test_add_func ("/never-stuck/broken-module", test_broken_module);
  g_test_add_func ("/never-stuck/rename-page", test_rename_page);
  g_test_add_func ("/never-stuck/unreadable-and-gone", test_unreadable_and_gone);

  return g_test_run ();
}
