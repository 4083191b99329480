/* test-preview-text.c
 *
 * The preview's Read as Text view: the page as a screen reader reads it
 * to the learner, reached by keyboard, following the editor. With
 * HELDER_PREVIEW_TEXT_SCREENSHOTS=FOLDER set it saves what it shows as
 * FOLDER/preview-read-as-text-{en,nl}.png.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "helder-test-keyboard.h"
#include "helder-test-screenshot.h"
#include "helder-test-utils.h"
#include "helder-ui-test-utils.h"
#include "helder-window.h"

static char *
dup_view_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
shows_edit (gpointer view)
{
  g_autofree char *text = dup_view_text (view);

  return strstr (text, "Een nieuwe zin over AI.") != NULL;
}

static void
test_read_as_text (void)
{
  g_autofree char *samples = g_build_filename (g_getenv ("HELDER_SOURCE_ROOT"), "content-samples",
                                               "ai-bewustzijn", NULL);
  g_autofree char *path = helder_test_make_temp_dir ();
  g_autoptr(GFile) folder = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *mnemonic = NULL;
  g_auto(GStrv) lines = NULL;
  HelderWindow *window;
  HelderPage *page;
  GtkWidget *view;
  GtkWidget *preview;
  GtkTextIter end;

  helder_test_copy_tree (samples, path);
  folder = g_file_new_for_path (path);
  window = open_window (folder);
  open_page_in_outline (window, "01-introductie/02-wat-is-ai.md");
  page = helder_window_get_page (window);
  view = find_named (GTK_WIDGET (window), "preview-text");
  preview = find_named (GTK_WIDGET (window), "preview");

  /* Alt+2 opens the preview, the button's mnemonic (Alt+R in English)
   * its text.
   */
  mnemonic = gtk_accelerator_name (gtk_label_get_mnemonic_keyval (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (find_named (GTK_WIDGET (window), "preview-read-as-text"))))),
                                   GDK_ALT_MASK);
  helder_test_keyboard_focus (GTK_WINDOW (window));
  helder_test_keyboard_press ("<Alt>2");
  helder_test_keyboard_press (mnemonic);
  g_assert_true (gtk_widget_get_mapped (view));
  g_assert_false (gtk_widget_get_visible (preview));

  text = dup_view_text (view);
  g_assert_true (g_str_has_prefix (text, "Wat is AI?\n"));
  expected = g_strdup_printf (_("Video: %s"), "Wat is AI? Een korte uitleg");
  g_assert_nonnull (strstr (text, expected));
  g_assert_nonnull (strstr (text, "\n○\u2002Er is geen verschil.\n"));
  g_assert_nonnull (strstr (text, "Schema: data gaan naar een AI-systeem"));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_false (g_str_has_prefix (lines[i], "```"));
      g_assert_null (strstr (lines[i], "question:"));
      g_assert_null (strstr (lines[i], "feedback:"));
    }
  /* Read-only, and named for a screen reader. */
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (view)));

  /* It follows the editor's text. */
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_named (GTK_WIDGET (window),
                                                                                "page-text")));

    gtk_text_buffer_get_end_iter (buffer, &end);
    gtk_text_buffer_insert (buffer, &end, "\nEen nieuwe zin over AI.\n", -1);
    g_assert_nonnull (strstr (helder_page_get_text (page), "Een nieuwe zin over AI."));
    wait_for (shows_edit, view);
  }

  if (g_getenv ("HELDER_PREVIEW_TEXT_SCREENSHOTS") != NULL)
    helder_test_save_named_screenshot (GTK_WIDGET (window), g_getenv ("HELDER_PREVIEW_TEXT_SCREENSHOTS"),
                                       "preview-read-as-text");

  /* Again: back to the web preview. */
  helder_test_keyboard_press (mnemonic);
  g_assert_true (gtk_widget_get_visible (preview));
  g_assert_false (gtk_widget_get_mapped (view));

  close_and_finalize (window);
  helder_test_remove_tree (path);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);
  g_test_add_func ("/preview-text/read-as-text", test_read_as_text);
  return g_test_run ();
}
