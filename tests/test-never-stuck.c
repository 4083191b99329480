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

#include <glib/gi18n.h>

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

static gboolean
start_page_shown (gpointer data)
{
  GtkWidget *button = find_named (data, "new-course");

  return gtk_widget_get_mapped (button);
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
  helder_test_run_for (200);
  screenshot (GTK_WIDGET (window), "start-narrow");

  button = find_named (GTK_WIDGET (window), "new-course");
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_cmpint (gtk_widget_get_width (button), <=, 360);
  g_assert_false (gtk_widget_get_sensitive (find_named (GTK_WIDGET (window), "add")));
  g_assert_false (gtk_widget_get_sensitive (find_named (GTK_WIDGET (window), "insert")));

  /* New Page with no course asks nothing and makes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-page", NULL);
  helder_test_run_for (100);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  close_and_finalize (window);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/never-stuck/new-page-title", test_new_page_title);
  g_test_add_func ("/never-stuck/start-page", test_start_page);

  return g_test_run ();
}
