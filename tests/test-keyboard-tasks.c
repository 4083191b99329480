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

/* Ctrl+N, then the page's title typed into the dialog that asks for it. */
static void
new_page_by_keys (HelderWindow *window,
                  const char   *title)
{
  g_autofree char *typed = g_strconcat (title, "\n", NULL);

  helder_test_keyboard_focus (GTK_WINDOW (window));
  helder_test_keyboard_press ("<Control>n");
  helder_test_keyboard_focus (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  helder_test_keyboard_type (typed);
  wait_for (dialog_gone, NULL);
}

static void
test_content_expert_forms (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  HelderWindow *window = open_window (folder);

  new_page_by_keys (window, "Wat is een café?");
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

  new_page_by_keys (window, "Nieuwe pagina");
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

/* TRUE when @widget is inside a view switcher: the side pane's tabs. */
static gboolean
in_view_switcher (GtkWidget *widget)
{
  return widget != NULL && gtk_widget_get_ancestor (widget, ADW_TYPE_VIEW_SWITCHER) != NULL;
}

/* The focused widget of @window if it is a @type, or its @type ancestor. */
static GtkWidget *
focus_of (HelderWindow *window,
          GType         type)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus == NULL ? NULL : gtk_widget_get_ancestor (focus, type);
}

/* Presses @key until @done says the focus of @window is where it should
 * be, as a person would; returns how many presses it took.
 */
static guint
press_until (HelderWindow  *window,
             const char    *key,
             gboolean     (*done) (HelderWindow *window, gconstpointer data),
             gconstpointer  data)
{
  guint presses = 0;

  while (!done (window, data))
    {
      helder_test_keyboard_press (key);
      presses++;
      g_assert_cmpuint (presses, <=, 40);
    }
  return presses;
}

/* TRUE when the focus is on a button labelled @label (a msgid). */
static gboolean
on_button (HelderWindow  *window,
           gconstpointer  label)
{
  GtkWidget *button = focus_of (window, GTK_TYPE_BUTTON);

  return button != NULL &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), g_dgettext (GETTEXT_PACKAGE, label)) == 0;
}

/* TRUE when the focus is in a thread's reply field. */
static gboolean
in_reply (HelderWindow  *window,
          gconstpointer  unused)
{
  GtkWidget *entry = focus_of (window, GTK_TYPE_ENTRY);

  return entry != NULL && g_object_get_data (G_OBJECT (entry), "helder-thread") != NULL;
}

/* TRUE when the focus is on one of the side pane's tabs. */
static gboolean
on_tab (HelderWindow  *window,
        gconstpointer  unused)
{
  return in_view_switcher (gtk_root_get_focus (GTK_ROOT (window)));
}

/* The communications adviser reviews a page by keyboard alone: review
 * mode, a passage selected with Shift and the arrows, a comment with a
 * suggestion, the name asked the first time, a reply, the suggestion
 * accepted, the page submitted and approved; review.json keeps it all. The comment field
 * is at most 3 Tab presses from the Review tab.
 */
static void
test_review_by_keyboard (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autofree char *review_path = g_build_filename (path, "review.json", NULL);
  g_autofree char *page_path = g_build_filename (path, "01-basis", "01-welkom.md", NULL);
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  HelderWindow *window;
  GtkWidget *comment;
  GtkWindow *dialog;
  guint presses;

  g_settings_reset (settings, "reviewer-name");
  g_settings_reset (settings, "reviewer-role");
  window = open_window (folder);
  g_assert_cmpstr (helder_page_get_file (helder_window_get_page (window)), ==, "01-basis/01-welkom.md");

  /* Review mode; the page as source, where the arrows select. */
  helder_test_keyboard_focus (GTK_WINDOW (window));
  helder_test_keyboard_press ("<Shift><Control>r");
  helder_test_keyboard_press ("<Control><Alt>s");
  g_assert_cmpstr (gtk_widget_get_name (gtk_root_get_focus (GTK_ROOT (window))), ==, "page-text");
  helder_test_keyboard_press ("<Control>Home");
  helder_test_keyboard_repeat ("Down", 2);
  helder_test_keyboard_repeat ("<Shift><Control>Right", 2);

  /* The comment field, and back to the Review tab, counting the stops. */
  helder_test_keyboard_press ("<Alt>3");
  comment = focus_of (window, GTK_TYPE_ENTRY);
  g_assert_nonnull (comment);
  g_assert_cmpstr (gtk_widget_get_name (comment), ==, "comment");
  presses = press_until (window, "<Shift>Tab", on_tab, NULL);
  g_test_message ("%u Tab presses from the Review tab to the comment field", presses);
  g_assert_cmpuint (presses, <=, 3);
  helder_test_keyboard_repeat ("Tab", presses);
  g_assert_true (focus_of (window, GTK_TYPE_ENTRY) == comment);

  /* A comment with a suggestion; the next Tab is the Comment button. */
  helder_test_keyboard_type ("Kan dit korter?");
  helder_test_keyboard_press ("Tab");
  g_assert_cmpstr (gtk_widget_get_name (focus_of (window, GTK_TYPE_ENTRY)), ==, "suggestion");
  helder_test_keyboard_type ("Fijn");
  helder_test_keyboard_press ("Tab");
  g_assert_cmpstr (gtk_widget_get_name (focus_of (window, GTK_TYPE_BUTTON)), ==, "add-comment");
  helder_test_keyboard_press ("space");

  /* The first time, the app asks who reviews. */
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  helder_test_keyboard_focus (dialog);
  helder_test_keyboard_press ("<Control>a");
  helder_test_keyboard_type ("Sanne de Vries\n");
  wait_for (dialog_gone, NULL);
  g_assert_cmpstr (g_settings_get_string (settings, "reviewer-name"), ==, "Sanne de Vries");
  helder_test_keyboard_focus (GTK_WINDOW (window));

  /* A reply in the new thread, then its suggestion accepted. */
  press_until (window, "Tab", in_reply, NULL);
  helder_test_keyboard_type ("Ja, dat kan.\n");
  press_until (window, "Tab", on_button, "_Accept");
  helder_test_keyboard_press ("space");

  /* The page approved. */
  /* A page is first put in review, then approved. */
  press_until (window, "Tab", on_button, "_Submit for Review");
  helder_test_keyboard_press ("space");
  press_until (window, "Tab", on_button, "_Approve Page");
  helder_test_keyboard_press ("space");

  g_assert_true (g_file_get_contents (review_path, &json, NULL, NULL));
  g_assert_nonnull (strstr (json, "Kan dit korter?"));
  g_assert_nonnull (strstr (json, "Ja, dat kan."));
  g_assert_nonnull (strstr (json, "Sanne de Vries"));
  g_assert_nonnull (strstr (json, "\"accepted\""));
  g_assert_nonnull (strstr (json, "\"approved\""));
  g_assert_true (g_file_get_contents (page_path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\nFijn je er bent."));

  close_and_finalize (window);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);
  g_test_add_func ("/keyboard-tasks/content-expert-forms", test_content_expert_forms);
  g_test_add_func ("/keyboard-tasks/write-after-new-page", test_write_after_new_page);
  g_test_add_func ("/keyboard-tasks/review-by-keyboard", test_review_by_keyboard);
  return g_test_run ();
}
