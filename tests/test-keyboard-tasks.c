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

/* After New Page the focus is in the page; the palette puts it in the
 * new block, with its first words selected; Ctrl+K links the words
 * chosen before the address was typed; Ctrl+Z takes a deleted block back.
 */
static void
test_write_after_new_page (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  HelderWindow *window = open_window (folder);
  HelderPage *page;

  helder_test_keyboard_focus (GTK_WINDOW (window));
  helder_test_keyboard_press ("<Control>n");
  helder_test_keyboard_focus (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  helder_test_keyboard_type ("Nieuwe pagina\n");
  wait_for (dialog_gone, NULL);
  page = helder_window_get_page (window);

  helder_test_keyboard_press ("<Shift><Control>Return");
  helder_test_keyboard_press ("Return");
  helder_test_keyboard_type ("Lees de site.");
  helder_test_keyboard_press ("Left");
  helder_test_keyboard_press ("<Shift><Control>Left");
  helder_test_keyboard_press ("<Control>k");
  helder_test_keyboard_type ("https://www.rijksoverheid.nl\n");
  g_assert_cmpstr (helder_page_get_text (page), ==,
                   "# Nieuwe pagina\n\nLees de [site](https://www.rijksoverheid.nl).\n\n");

  helder_test_keyboard_press ("<Shift><Control>Delete");
  g_assert_cmpstr (helder_page_get_text (page), ==, "# Nieuwe pagina\n\n");
  helder_test_keyboard_press ("<Control>z");
  g_assert_cmpstr (helder_page_get_text (page), ==,
                   "# Nieuwe pagina\n\nLees de [site](https://www.rijksoverheid.nl).\n\n");

  close_and_finalize (window);
  helder_test_remove_tree (path);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);
  g_test_add_func ("/keyboard-tasks/content-expert-forms", test_content_expert_forms);
  g_test_add_func ("/keyboard-tasks/write-after-new-page", test_write_after_new_page);
  return g_test_run ();
}
