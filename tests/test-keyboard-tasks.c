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
#include "helder-application.h"
#include "helder-block-dialog.h"
#include "helder-preview.h"
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

/* TRUE when no block form is open. */
static gboolean
form_gone (gpointer unused)
{
  return find_toplevel (HELDER_TYPE_BLOCK_DIALOG) == NULL;
}

/* TRUE when the page has the finding of a formal word. */
static gboolean
has_bureaucratic (gpointer window)
{
  return finding_with_rule (window, "b1-bureaucratic") != NULL;
}

/* TRUE when the file at @path exists: a save renames it into place whole. */
static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Returns: (transfer full): the text of the focused widget in the
 * active window (a menu item's label, an entry's text), or %NULL.
 */
static char *
dup_focused_text (void)
{
  GtkWindow *active = helder_test_keyboard_active ();
  GtkWidget *focus = active != NULL ? gtk_root_get_focus (GTK_ROOT (active)) : NULL;
  char *text = NULL;

  if (focus != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (focus), "text"))
    g_object_get (focus, "text", &text, NULL);
  return text;
}

/* Asserts that the focus of the active window shows @text (a msgid). */
static void
assert_focus_on (const char *text)
{
  g_autofree char *focused = dup_focused_text ();

  g_assert_cmpstr (focused, ==, g_dgettext (GETTEXT_PACKAGE, text));
}

/* TRUE when the focus of @window is in the page's editor. */
static gboolean
focus_in_editor (HelderWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && gtk_widget_is_ancestor (focus, find_named (GTK_WIDGET (window), "editor"));
}

/* Presses @accelerator, the mnemonic of the form's Insert button, and
 * waits until the form is gone: the focus must be back in the page.
 */
static void
finish_form (HelderWindow *window,
             const char   *accelerator)
{
  helder_test_keyboard_press (accelerator);
  wait_for (form_gone, NULL);
  helder_test_keyboard_focus (GTK_WINDOW (window));
  g_assert_true (focus_in_editor (window));
}

/* The content expert writes a page by keyboard alone: a title, two
 * paragraphs, a B1 fix from the finding's menu, an image with alt text
 * and a knowledge check through their forms, then Ctrl+S; the saved
 * course passes helder-cli check.
 */
static void
test_content_expert_forms (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autofree char *page_path = g_build_filename (path, "01-basis", "03-wat-is-een-cafe.md", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(HelderApplication) app = helder_application_new ();
  g_autoptr(GError) error = NULL;
  HelderWindow *window = open_window (folder);
  HelderPage *page;

  /* Ctrl+S is the application's: the window joins a registered one. */
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (app));

  new_page_by_keys (window, "Wat is een café?");
  page = helder_window_get_page (window);
  g_assert_cmpstr (helder_page_get_file (page), ==, "01-basis/03-wat-is-een-cafe.md");

  /* Two paragraphs, each a text block from the palette; the second
   * with a formal word, and the cursor put back into it.
   */
  helder_test_keyboard_press ("<Shift><Control>Return");
  helder_test_keyboard_press ("Return");
  helder_test_keyboard_type ("In een café drink je koffie.");
  helder_test_keyboard_press ("<Shift><Control>Return");
  helder_test_keyboard_press ("Return");
  helder_test_keyboard_type ("Je gaat erheen teneinde vrienden te zien.");
  helder_test_keyboard_repeat ("<Control>Left", 4);
  helder_test_keyboard_press ("Right");

  /* The B1 fix: its menu by Shift+F10 opens on its first item; Up goes
   * round to the fixes at its end.
   */
  wait_for (has_bureaucratic, window);
  helder_test_keyboard_press ("<Shift>F10");
  helder_test_keyboard_repeat ("Up", 2);
  assert_focus_on ("Replace by “om”");
  helder_test_keyboard_press ("Return");
  g_assert_nonnull (strstr (helder_page_get_text (page), "erheen om vrienden"));

  /* An image from the Insert menu (Shift+Ctrl+B), its first item: the
   * file's place in the course typed, one Tab past Choose, the alt text.
   */
  helder_test_keyboard_press ("<Shift><Control>b");
  assert_focus_on ("Image…");
  helder_test_keyboard_press ("Return");
  helder_test_keyboard_focus (find_toplevel (HELDER_TYPE_BLOCK_DIALOG));
  helder_test_keyboard_type ("media/logo.png");
  helder_test_keyboard_repeat ("Tab", 2);
  helder_test_keyboard_type ("Het logo van het café");
  finish_form (window, "<Alt>i");

  /* A knowledge check: the question, one Tab past the kind and one past
   * Remove, then per answer its text, the switch that marks the right
   * one, its feedback.
   */
  helder_test_keyboard_press ("<Shift><Control>b");
  helder_test_keyboard_repeat ("Down", 3);
  assert_focus_on ("Knowledge Check…");
  helder_test_keyboard_press ("Return");
  helder_test_keyboard_focus (find_toplevel (HELDER_TYPE_BLOCK_DIALOG));
  helder_test_keyboard_type ("Wat drink je in een café?");
  helder_test_keyboard_repeat ("Tab", 3);
  helder_test_keyboard_type ("Koffie");
  helder_test_keyboard_press ("Tab");
  helder_test_keyboard_press ("space");
  helder_test_keyboard_press ("Tab");
  helder_test_keyboard_type ("Goed zo. In een café drink je koffie.");
  helder_test_keyboard_repeat ("Tab", 2);
  helder_test_keyboard_type ("Benzine");
  helder_test_keyboard_repeat ("Tab", 2);
  helder_test_keyboard_type ("Nee. Benzine is voor een auto.");
  finish_form (window, "<Alt>i");

  helder_test_keyboard_press ("<Control>s");
  wait_for (file_exists, page_path);
  g_assert_true (g_file_get_contents (page_path, &text, NULL, NULL));
  g_assert_cmpstr (text, ==,
                   "# Wat is een café?\n"
                   "\n"
                   "In een café drink je koffie.\n"
                   "\n"
                   "Je gaat erheen om vrienden te zien.\n"
                   "\n"
                   "```image\n"
                   "src: media/logo.png\n"
                   "alt: Het logo van het café\n"
                   "```\n"
                   "\n"
                   "```check\n"
                   "question: Wat drink je in een café?\n"
                   "kind: single\n"
                   "- [x] Koffie\n"
                   "  feedback: Goed zo. In een café drink je koffie.\n"
                   "- [ ] Benzine\n"
                   "  feedback: Nee. Benzine is voor een auto.\n"
                   "```\n");
  g_assert_true (helder_test_check_passes (path));

  close_and_finalize (window);
  helder_test_remove_tree (path);
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
                   "# Nieuwe pagina\n\nLees de [site](https://www.rijksoverheid.nl).\n");

  helder_test_keyboard_press ("<Shift><Control>Delete");
  g_assert_cmpstr (helder_page_get_text (page), ==, "# Nieuwe pagina\n");
  helder_test_keyboard_press ("<Control>z");
  g_assert_cmpstr (helder_page_get_text (page), ==,
                   "# Nieuwe pagina\n\nLees de [site](https://www.rijksoverheid.nl).\n");

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

/* Why the focus of @window on @focus is a stop a person cannot see or
 * use, or %NULL when it is a proper one: a widget not drawn, a wrapper
 * (a flow box child, a list row that does nothing) before the control
 * inside it.
 */
static const char *
hidden_stop (GtkWidget *focus)
{
  if (!gtk_widget_is_drawable (focus) || gtk_widget_get_width (focus) == 0)
    return "not drawn";
  if (GTK_IS_FLOW_BOX_CHILD (focus))
    return "a flow box child";
  if (GTK_IS_LIST_BOX_ROW (focus) && !gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (focus)))
    {
      GtkWidget *box = gtk_widget_get_parent (focus);

      if (!GTK_IS_LIST_BOX (box) || gtk_list_box_get_selection_mode (GTK_LIST_BOX (box)) == GTK_SELECTION_NONE)
        return "a list row that does nothing";
    }
  return NULL;
}

/* Tabs through @window from its focus until the focus comes round again,
 * and fails on each hidden stop on the way, naming it.
 */
static void
assert_tab_stops (GtkWindow  *window,
                  const char *where)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  g_autoptr(GString) problems = g_string_new (NULL);

  helder_test_keyboard_focus (window);
  for (guint presses = 0; presses < 200; presses++)
    {
      GtkWidget *focus;
      const char *why;

      helder_test_keyboard_press ("Tab");
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (focus == NULL || g_ptr_array_find (seen, focus, NULL))
        break;
      g_ptr_array_add (seen, focus);
      /* The preview's web view keeps Tab for the links of the learner's
       * page: it is the walk's last stop.
       */
      if (g_str_equal (G_OBJECT_TYPE_NAME (focus), "WebKitWebView"))
        break;
      why = hidden_stop (focus);
      if (why != NULL)
        g_string_append_printf (problems, "%s: stop %u is %s (%s \"%s\")\n", where, seen->len, why,
                                G_OBJECT_TYPE_NAME (focus), gtk_widget_get_name (focus));
    }
  g_test_message ("%s: %u Tab stops", where, seen->len);
  if (problems->len > 0)
    g_test_message ("%s", problems->str);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* TRUE when the preview has loaded a page and is not loading another. */
static gboolean
preview_loaded (gpointer window)
{
  HelderPreview *preview = HELDER_PREVIEW (find_named (window, "preview"));

  return find_named (window, "preview-web-view") != NULL && helder_preview_get_n_loads (preview) > 0 &&
         !helder_preview_is_loading (preview);
}

/* TRUE when the focus of @window is in the preview's web view. */
static gboolean
focus_in_web_view (HelderWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *web_view = find_named (GTK_WIDGET (window), "preview-web-view");

  return focus != NULL && web_view != NULL && (focus == web_view || gtk_widget_is_ancestor (focus, web_view));
}

static gboolean
focus_left_web_view (gpointer window)
{
  return !focus_in_web_view (window);
}

static gboolean
focus_in_page (gpointer window)
{
  return focus_in_editor (window);
}

/* The preview's web view keeps Tab for the links of the learner's page;
 * the keys that show a side pane tab or the page lead out of it (WebKit
 * hands them back to the window once the page did not use them).
 */
static void
test_out_of_preview (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  HelderWindow *window = open_window (folder);
  GtkWidget *side = find_named (GTK_WIDGET (window), "side-stack");

  g_assert_nonnull (side);
  helder_test_keyboard_focus (GTK_WINDOW (window));
  helder_test_keyboard_press ("<Alt>2");
  wait_for (preview_loaded, window);

  gtk_widget_grab_focus (find_named (GTK_WIDGET (window), "preview-web-view"));
  g_assert_true (focus_in_web_view (window));
  helder_test_keyboard_press ("<Alt>1");
  wait_for (focus_left_web_view, window);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (side)), ==, "findings");

  helder_test_keyboard_press ("<Alt>2");
  gtk_widget_grab_focus (find_named (GTK_WIDGET (window), "preview-web-view"));
  g_assert_true (focus_in_web_view (window));
  helder_test_keyboard_press ("<Alt>3");
  wait_for (focus_left_web_view, window);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (side)), ==, "review");

  helder_test_keyboard_press ("<Alt>2");
  gtk_widget_grab_focus (find_named (GTK_WIDGET (window), "preview-web-view"));
  g_assert_true (focus_in_web_view (window));
  helder_test_keyboard_press ("<Control><Alt>b");
  wait_for (focus_in_page, window);

  close_and_finalize (window);
  helder_test_remove_tree (path);
}

/* Tab through the main window with each side pane tab, and through each
 * block form: every stop is a control a person sees and can use.
 */
static void
test_focus_order (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  HelderWindow *window = open_window (folder);
  /* The preview last: its web view keeps the keys it gets. */
  const char *panes[] = { "<Alt>1", "<Alt>3", "<Alt>2" };
  HelderBlockKind kind;

  for (guint i = 0; i < G_N_ELEMENTS (panes); i++)
    {
      helder_test_keyboard_focus (GTK_WINDOW (window));
      helder_test_keyboard_press (panes[i]);
      assert_tab_stops (GTK_WINDOW (window), panes[i]);
    }

  for (kind = 0; kind < HELDER_N_BLOCK_KINDS; kind++)
    {
      GtkWindow *form;

      if (!helder_block_kind_is_fenced (kind))
        continue;
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.insert-block", "s",
                                                 helder_block_kind_to_string (kind)));
      form = find_toplevel (HELDER_TYPE_BLOCK_DIALOG);
      g_assert_nonnull (form);
      assert_tab_stops (form, helder_block_kind_to_string (kind));
      gtk_window_destroy (form);
      wait_for (form_gone, NULL);
    }

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
  g_test_add_func ("/keyboard-tasks/review-by-keyboard", test_review_by_keyboard);
  g_test_add_func ("/keyboard-tasks/focus-order", test_focus_order);
  g_test_add_func ("/keyboard-tasks/out-of-preview", test_out_of_preview);
  return g_test_run ();
}
