/* test-keyboard-tasks.c
 *
 * The team's tasks done by keyboard alone: every step below is a key
 * press sent through the X server, as a person types it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "helder-test-keyboard.h"
#include "helder-test-utils.h"
#include "helder-ui-test-utils.h"
#include "helder-window.h"

static void
test_content_expert_forms (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  HelderWindow *window = open_window (folder);

  helder_test_keyboard_focus (GTK_WINDOW (window));
  helder_test_keyboard_press ("<Control>n");
  helder_test_keyboard_focus (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  helder_test_keyboard_type ("Wat is een café?\n");
  wait_for (dialog_gone, NULL);
  g_assert_cmpstr (helder_page_get_file (helder_window_get_page (window)), ==, "01-basis/03-wat-is-een-cafe.md");
  close_and_finalize (window);
}

/* TRUE when @widget is inside a view switcher: the side pane's tabs. */
static gboolean
in_view_switcher (GtkWidget *widget)
{
  return widget != NULL && gtk_widget_get_ancestor (widget, ADW_TYPE_VIEW_SWITCHER) != NULL;
}

/* TRUE when the focus of @window is @widget or inside it. */
static gboolean
focus_in (GtkWindow *window,
          GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The communications adviser reviews a page by keyboard: review mode, a
 * passage selected with Shift and the arrows, a comment in the Review
 * tab. The comment field is at most 3 Tab presses from the Review tab.
 */
static void
test_review_by_keyboard (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  HelderWindow *window = open_window (folder);
  GtkWidget *comment;
  guint presses = 0;

  helder_test_keyboard_focus (GTK_WINDOW (window));
  helder_test_keyboard_press ("<Shift><Control>r");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  helder_test_keyboard_press ("<Alt>3");
  comment = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (comment);
  g_assert_cmpstr (gtk_widget_get_name (gtk_widget_get_ancestor (comment, GTK_TYPE_ENTRY)), ==, "comment");
  comment = gtk_widget_get_ancestor (comment, GTK_TYPE_ENTRY);

  /* Back to the Review tab, counting the stops on the way. */
  while (!in_view_switcher (gtk_root_get_focus (GTK_ROOT (window))))
    {
      helder_test_keyboard_press ("<Shift>Tab");
      presses++;
      g_assert_cmpuint (presses, <=, 20);
    }
  g_test_message ("%u Tab presses from the Review tab to the comment field", presses);
  g_assert_cmpuint (presses, <=, 3);
  helder_test_keyboard_repeat ("Tab", presses);
  g_assert_true (focus_in (GTK_WINDOW (window), comment));

  close_and_finalize (window);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);
  g_test_add_func ("/keyboard-tasks/content-expert-forms", test_content_expert_forms);
  g_test_add_func ("/keyboard-tasks/review-by-keyboard", test_review_by_keyboard);
  return g_test_run ();
}
