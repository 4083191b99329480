/* test-review-pane.c
 *
 * The review pane: threads, replies and sign-offs.
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

/* A copy of the sample course in a new folder under *@tmp, opened as the
 * communications adviser on module 2's second page, which carries the
 * adviser's threads. Returns the window; *@path is the course folder.
 */
static HelderWindow *
open_sample_as_adviser (char **tmp,
                        char **path)
{
  g_autofree char *sample = g_build_filename (g_getenv ("HELDER_SOURCE_ROOT"), "content-samples",
                                              "ai-bewustzijn", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GFile) folder = NULL;
  HelderWindow *window;

  *tmp = g_dir_make_tmp ("helder-review-XXXXXX", NULL);
  *path = g_build_filename (*tmp, "ai-bewustzijn", NULL);
  helder_test_copy_tree (sample, *path);
  folder = g_file_new_for_path (*path);
  g_settings_set_string (settings, "reviewer-name", "Sanne de Vries");
  g_settings_set_string (settings, "reviewer-role", "communications-adviser");

  window = open_window (folder);
  open_page_in_outline (window, "02-praktijk/02-vragen-van-inwoners.md");
  return window;
}

/* Selects the first three words of the page's third line. */
static void
select_passage (HelderWindow *window)
{
  GtkTextBuffer *buffer =
    gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_named (GTK_WIDGET (window), "page-text")));
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_iter_at_line (buffer, &start, 2);
  end = start;
  gtk_text_iter_forward_word_ends (&end, 3);
  gtk_text_buffer_select_range (buffer, &start, &end);
}

static gboolean label_in_tree_matches (GtkWidget *root, GRegex *regex);

/* A regex for the translated @format, with any text in place of its %s. */
static GRegex *
translated_regex (const char *format)
{
  g_auto(GStrv) parts = g_strsplit (g_dgettext (GETTEXT_PACKAGE, format), "%s", -1);
  g_autoptr(GString) pattern = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *escaped = g_regex_escape_string (parts[i], -1);

      if (i > 0)
        g_string_append (pattern, ".*");
      g_string_append (pattern, escaped);
    }
  return g_regex_new (pattern->str, 0, 0, NULL);
}


/* With HELDER_REVIEW_SCREENSHOTS=FOLDER, saves @widget there, for the
 * manual.
 */
static void
maybe_save_screenshot (GtkWidget  *widget,
                       const char *name)
{
  if (g_getenv ("HELDER_REVIEW_SCREENSHOTS") != NULL)
    helder_test_save_named_screenshot (widget, g_getenv ("HELDER_REVIEW_SCREENSHOTS"), name);
}


static gboolean
states_say_changed (gpointer states)
{
  g_autoptr(GRegex) changed = translated_regex ("%s, but the text changed since");

  return label_in_tree_matches (states, changed);
}

static gboolean
states_say_current (gpointer states)
{
  return !states_say_changed (states);
}

/* The communications adviser's review: comment on a passage in review
 * mode, resolve it, approve the page; review.json keeps it all.
 */
static void
test_review (void)
{
  g_autofree char *tmp = NULL;
  g_autofree char *path = NULL;
  g_autofree char *review_path = NULL;
  g_autofree char *json = NULL;
  HelderReviewPane *pane;
  HelderWindow *window;
  GtkWidget *threads;
  GtkWidget *card;
  guint before;

  window = open_sample_as_adviser (&tmp, &path);
  review_path = g_build_filename (path, "review.json", NULL);

  pane = HELDER_REVIEW_PANE (find_named (GTK_WIDGET (window), "review-pane"));
  before = helder_review_pane_get_n_threads (pane);
  g_assert_cmpuint (before, >=, 1);

  /* Review mode: read-only text, the review pane in front. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.review-mode", NULL));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (find_named (GTK_WIDGET (window),
                                                                         "page-text"))));
  /* The page says so, where the author looks. */
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (find_named (GTK_WIDGET (window),
                                                                          "review-mode-banner"))));

  select_passage (window);
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
  g_signal_emit_by_name (find_button_with_label (card, g_dgettext (GETTEXT_PACKAGE, "_Resolve")), "clicked");
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

  /* The first keystroke that changes the approved text shows it in the
   * states; the changes view marks each insertion and deletion by more
   * than colour, with Next and Previous between them.
   */
  {
    GtkTextBuffer *buffer =
      gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_named (GTK_WIDGET (window), "page-text")));
    GtkWidget *states = find_named (GTK_WIDGET (pane), "review-states");
    g_autoptr(GRegex) changed = translated_regex ("%s, but the text changed since");
    AdwMessageDialog *dialog;
    GtkTextBuffer *diff;
    GtkTextTagTable *tags;
    GtkTextIter iter;
    GtkTextIter start;
    GtkTextIter end;
    gboolean underlined = FALSE;
    gboolean struck = FALSE;

    g_assert_false (label_in_tree_matches (states, changed));
    gtk_text_buffer_get_iter_at_line (buffer, &start, 2);
    end = start;
    gtk_text_iter_forward_word_end (&end);
    gtk_text_buffer_begin_user_action (buffer);
    gtk_text_buffer_delete (buffer, &start, &end);
    gtk_text_buffer_insert (buffer, &start, "Bijna alle", -1);
    gtk_text_buffer_end_user_action (buffer);
    wait_for (states_say_changed, states);

    g_signal_emit_by_name (find_named (GTK_WIDGET (pane), "diff"), "clicked");
    dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_nonnull (dialog);
    diff = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_named (GTK_WIDGET (dialog), "diff-text")));
    tags = gtk_text_buffer_get_tag_table (diff);
    gtk_text_buffer_get_start_iter (diff, &iter);
    do
      {
        underlined |= gtk_text_iter_has_tag (&iter, gtk_text_tag_table_lookup (tags, "inserted"));
        struck |= gtk_text_iter_has_tag (&iter, gtk_text_tag_table_lookup (tags, "deleted"));
      }
    while (gtk_text_iter_forward_char (&iter));
    g_assert_true (underlined && struck);

    /* It reads as the learner's page, not as its file: the heading
     * without its mark, the tabs and the knowledge check without fences
     * or keys, the answers as choices.
     */
    {
      g_autofree char *shown = NULL;

      gtk_text_buffer_get_bounds (diff, &start, &end);
      shown = gtk_text_buffer_get_text (diff, &start, &end, FALSE);
      g_assert_nonnull (strstr (shown, "Bijna alle"));
      g_assert_nonnull (strstr (shown, "Vragen van inwoners: de chatbot"));
      g_assert_nonnull (strstr (shown, "○\u2002De gemeente"));
      g_assert_null (strstr (shown, "```"));
      g_assert_null (strstr (shown, "question:"));
      g_assert_null (strstr (shown, "feedback:"));
      g_assert_null (strstr (shown, "title:"));
      g_assert_null (strstr (shown, "- [x]"));
      g_assert_false (g_str_has_prefix (shown, "# "));
    }
    {
      GtkTextTag *inserted = gtk_text_tag_table_lookup (tags, "inserted");
      GtkTextTag *deleted = gtk_text_tag_table_lookup (tags, "deleted");
      PangoUnderline underline;
      gboolean strikethrough;

      g_object_get (inserted, "underline", &underline, NULL);
      g_object_get (deleted, "strikethrough", &strikethrough, NULL);
      g_assert_cmpint (underline, !=, PANGO_UNDERLINE_NONE);
      g_assert_true (strikethrough);
    }

    /* The first change is selected; Next goes to the second. */
    g_assert_true (gtk_text_buffer_get_selection_bounds (diff, &start, &end));
    g_assert_true (gtk_text_iter_has_tag (&start, gtk_text_tag_table_lookup (tags, "deleted")) ||
                   gtk_text_iter_has_tag (&start, gtk_text_tag_table_lookup (tags, "inserted")));
    {
      int first = gtk_text_iter_get_offset (&start);

      g_signal_emit_by_name (find_named (GTK_WIDGET (dialog), "next-change"), "clicked");
      g_assert_true (gtk_text_buffer_get_selection_bounds (diff, &start, &end));
      g_assert_cmpint (gtk_text_iter_get_offset (&start), >, first);
      g_signal_emit_by_name (find_named (GTK_WIDGET (dialog), "previous-change"), "clicked");
      g_assert_true (gtk_text_buffer_get_selection_bounds (diff, &start, &end));
      g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, first);
    }
    maybe_save_screenshot (GTK_WIDGET (dialog), "review-changes");
    gtk_window_destroy (GTK_WINDOW (dialog));

    /* Undone: the approval is of this text again. */
    gtk_text_buffer_undo (buffer);
    wait_for (states_say_current, states);
  }

  close_and_finalize (window);
  helder_test_remove_tree (tmp);
}

static gboolean
pane_shows_comment (HelderReviewPane *pane,
                    const char       *text)
{
  GtkWidget *threads = find_named (GTK_WIDGET (pane), "threads");

  for (GtkWidget *card = gtk_widget_get_first_child (threads); card != NULL;
       card = gtk_widget_get_next_sibling (card))
    {
      HelderReviewThread *thread = g_object_get_data (G_OBJECT (card), "helder-thread");

      for (guint i = 0; thread != NULL && i < thread->comments->len; i++)
        if (g_str_equal (((HelderReviewComment *) g_ptr_array_index (thread->comments, i))->text,
                         text))
          return TRUE;
    }
  return FALSE;
}

static gboolean
pane_shows_cli_comment (gpointer pane)
{
  return pane_shows_comment (pane, "Geschreven terwijl de app open stond.");
}

/* The card of the thread that @comment started. */
static GtkWidget *
card_of (HelderReviewPane *pane,
         const char       *comment)
{
  for (GtkWidget *card = gtk_widget_get_first_child (find_named (GTK_WIDGET (pane), "threads"));
       card != NULL; card = gtk_widget_get_next_sibling (card))
    {
      HelderReviewThread *thread = g_object_get_data (G_OBJECT (card), "helder-thread");

      if (g_str_equal (((HelderReviewComment *) g_ptr_array_index (thread->comments, 0))->text,
                       comment))
        return card;
    }
  return NULL;
}

/* The reply field of the card of the thread that @comment started. */
static GtkEditable *
reply_entry_of (HelderReviewPane *pane,
                const char       *comment)
{
  for (GtkWidget *child = gtk_widget_get_first_child (card_of (pane, comment)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_ENTRY (child))
      return GTK_EDITABLE (child);
  g_assert_not_reached ();
}

/* Another reviewer writes a comment with helder-cli while the app has the
 * course open: the pane shows it, a reply being typed stays, and the
 * comment the app adds next keeps it in review.json.
 */
static void
test_comment_written_meanwhile (void)
{
  g_autofree char *tmp = NULL;
  g_autofree char *path = NULL;
  g_autofree char *review_path = NULL;
  g_autofree char *json = NULL;
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = {
    g_getenv ("HELDER_CLI"), "review", NULL, "--add-comment",
    "02-praktijk/02-vragen-van-inwoners.md", "--quote", "De chatbot geeft meteen antwoord.",
    "--text", "Geschreven terwijl de app open stond.", "--author", "Kees",
    "--role", "didactics-lead", NULL
  };
  HelderReviewPane *pane;
  HelderWindow *window;
  int status = 0;
  guint before;

  window = open_sample_as_adviser (&tmp, &path);
  review_path = g_build_filename (path, "review.json", NULL);
  pane = HELDER_REVIEW_PANE (find_named (GTK_WIDGET (window), "review-pane"));
  before = helder_review_pane_get_n_threads (pane);

  select_passage (window);
  g_assert_true (helder_review_pane_add_comment (pane, "Kan dit korter?", NULL, &error));
  g_assert_no_error (error);
  gtk_editable_set_text (reply_entry_of (pane, "Kan dit korter?"), "Half getypt");

  argv[2] = path;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &output, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* Shown without a step of the app's own; the reply being typed stays. */
  wait_for (pane_shows_cli_comment, pane);
  g_assert_cmpuint (helder_review_pane_get_n_threads (pane), ==, before + 2);
  g_assert_true (pane_shows_comment (pane, "Kan dit korter?"));
  g_assert_cmpstr (gtk_editable_get_text (reply_entry_of (pane, "Kan dit korter?")), ==,
                   "Half getypt");

  g_signal_emit_by_name (reply_entry_of (pane, "Kan dit korter?"), "activate");
  g_assert_true (pane_shows_comment (pane, "Half getypt"));
  g_assert_cmpstr (gtk_editable_get_text (reply_entry_of (pane, "Kan dit korter?")), ==, "");
  g_assert_true (g_file_get_contents (review_path, &json, NULL, NULL));
  g_assert_nonnull (strstr (json, "Kan dit korter?"));
  g_assert_nonnull (strstr (json, "Half getypt"));
  g_assert_nonnull (strstr (json, "Geschreven terwijl de app open stond."));

  close_and_finalize (window);
  helder_test_remove_tree (tmp);
}


/* The thread that @comment started, as review.json on disk has it. */
static HelderSuggestionOutcome
outcome_on_disk (const char *path,
                 const char *comment)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  g_autoptr(HelderReview) review = helder_review_load (path, problems);
  GPtrArray *threads = helder_review_get_threads (review);

  for (guint i = 0; i < threads->len; i++)
    {
      HelderReviewThread *thread = g_ptr_array_index (threads, i);

      if (g_str_equal (((HelderReviewComment *) g_ptr_array_index (thread->comments, 0))->text,
                       comment))
        return thread->outcome;
    }
  g_assert_not_reached ();
}

static char *
page_on_disk (const char *path)
{
  g_autofree char *file = g_build_filename (path, "02-praktijk", "02-vragen-van-inwoners.md", NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (file, &text, NULL, NULL));
  return text;
}

static gboolean
label_in_tree_matches (GtkWidget *root,
                       GRegex    *regex)
{
  if (GTK_IS_LABEL (root) && g_regex_match (regex, gtk_label_get_text (GTK_LABEL (root)), 0, NULL))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (label_in_tree_matches (child, regex))
      return TRUE;
  return FALSE;
}

/* Accepting a suggestion is an edit Undo takes back, saved at once with
 * the review; the thread reads as accepted; whatever the author does
 * next, the page and review.json agree. A reply keeps the focus in its
 * own thread, and times read as dates, not as file syntax.
 */
static void
test_accept_suggestion (void)
{
  g_autofree char *tmp = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) iso = g_regex_new ("[0-9]{4}-[0-9]{2}-[0-9]{2}T", 0, 0, NULL);
  HelderReviewPane *pane;
  HelderWindow *window;
  GtkTextBuffer *buffer;
  GtkEditable *reply;
  GtkWidget *card;
  g_autofree char *id = NULL;
  GtkWidget *focus;

  window = open_sample_as_adviser (&tmp, &path);
  pane = HELDER_REVIEW_PANE (find_named (GTK_WIDGET (window), "review-pane"));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_named (GTK_WIDGET (window), "page-text")));

  select_passage (window);
  g_assert_true (helder_review_pane_add_comment (pane, "Klopt dit?", "Bijna alle gemeenten hebben",
                                                 &error));
  g_assert_no_error (error);
  g_assert_true (helder_review_pane_add_comment (pane, "Een tweede draad", NULL, &error));
  g_assert_no_error (error);

  /* A reply keeps the focus in its own thread. */
  reply = reply_entry_of (pane, "Klopt dit?");
  id = g_strdup (g_object_get_data (G_OBJECT (reply), "helder-thread-id"));
  gtk_editable_set_text (reply, "Ik kijk het na.");
  g_signal_emit_by_name (reply, "activate");
  g_assert_true (pane_shows_comment (pane, "Ik kijk het na."));
  focus = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_TYPE_ENTRY);
  g_assert_nonnull (focus);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (focus), "helder-thread-id"), ==, id);
  g_assert_false (label_in_tree_matches (GTK_WIDGET (pane), iso));

  /* Accept: the page is saved with the new words, the thread accepted. */
  card = card_of (pane, "Klopt dit?");
  g_signal_emit_by_name (find_button_with_label (card, g_dgettext (GETTEXT_PACKAGE, "_Accept")), "clicked");
  text = page_on_disk (path);
  g_assert_nonnull (strstr (text, "\nBijna alle gemeenten hebben een chatbot"));
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (outcome_on_disk (path, "Klopt dit?"), ==, HELDER_SUGGESTION_ACCEPTED);
  g_assert_false (helder_page_get_modified (helder_window_get_page (window)));
  {
    g_autoptr(GRegex) arrow = g_regex_new ("“Veel gemeenten hebben” → “Bijna alle gemeenten hebben”",
                                           0, 0, NULL);
    g_autoptr(GRegex) accepted = translated_regex ("Suggestion accepted, %s");

    card = card_of (pane, "Klopt dit?");
    g_assert_true (label_in_tree_matches (card, arrow));
    g_assert_true (label_in_tree_matches (card, accepted));
    g_assert_false (label_in_tree_matches (card, iso));
  }
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 800);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.review-mode", NULL);
  maybe_save_screenshot (GTK_WIDGET (window), "review-accepted");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.review-mode", NULL);

  /* Undone but not saved (as after closing without saving): the files
   * on disk still agree.
   */
  g_assert_true (gtk_text_buffer_get_can_undo (buffer));
  gtk_text_buffer_undo (buffer);
  g_assert_true (helder_page_get_modified (helder_window_get_page (window)));
  text = page_on_disk (path);
  g_assert_nonnull (strstr (text, "\nBijna alle gemeenten hebben"));
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (outcome_on_disk (path, "Klopt dit?"), ==, HELDER_SUGGESTION_ACCEPTED);

  /* Undone and saved: the thread is open again, its suggestion with it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  text = page_on_disk (path);
  g_assert_nonnull (strstr (text, "\nVeel gemeenten hebben"));
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (outcome_on_disk (path, "Klopt dit?"), ==, HELDER_SUGGESTION_PENDING);
  g_assert_nonnull (find_button_with_label (card_of (pane, "Klopt dit?"), g_dgettext (GETTEXT_PACKAGE, "_Accept")));

  /* Redone and saved: accepted again. */
  gtk_text_buffer_redo (buffer);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_cmpint (outcome_on_disk (path, "Klopt dit?"), ==, HELDER_SUGGESTION_ACCEPTED);
  g_assert_null (find_button_with_label (card_of (pane, "Klopt dit?"), g_dgettext (GETTEXT_PACKAGE, "_Accept")));

  close_and_finalize (window);
  helder_test_remove_tree (tmp);
}

/* With no name set, the first comment asks for the reviewer's name and
 * role, once; the comment is signed with them, never with a login name.
 */
static void
test_asks_name_once (void)
{
  g_autofree char *tmp = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  HelderReviewPane *pane;
  HelderWindow *window;
  AdwMessageDialog *dialog;
  GtkWidget *card;
  HelderReviewThread *thread;
  const HelderReviewComment *first;

  window = open_sample_as_adviser (&tmp, &path);
  g_settings_reset (settings, "reviewer-name");
  g_settings_reset (settings, "reviewer-role");
  pane = HELDER_REVIEW_PANE (find_named (GTK_WIDGET (window), "review-pane"));

  select_passage (window);
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (pane), "comment")), "Wie ben ik?");
  g_signal_emit_by_name (find_named (GTK_WIDGET (pane), "add-comment"), "clicked");
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_null (card_of (pane, "Wie ben ik?"));

  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (dialog), "reviewer-name")), "");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "sign"));
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (dialog), "reviewer-name")),
                         "Fatima Amrani");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_named (GTK_WIDGET (dialog), "reviewer-role")),
                              HELDER_REVIEW_ROLE_DIDACTICS_LEAD);
  adw_message_dialog_response (dialog, "sign");

  card = card_of (pane, "Wie ben ik?");
  g_assert_nonnull (card);
  thread = g_object_get_data (G_OBJECT (card), "helder-thread");
  first = g_ptr_array_index (thread->comments, 0);
  g_assert_cmpstr (first->author, ==, "Fatima Amrani");
  g_assert_cmpint (first->role, ==, HELDER_REVIEW_ROLE_DIDACTICS_LEAD);
  g_assert_cmpstr (g_settings_get_string (settings, "reviewer-name"), ==, "Fatima Amrani");

  /* Asked once: the next comment goes straight in. */
  select_passage (window);
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (pane), "comment")), "Nog een");
  g_signal_emit_by_name (find_named (GTK_WIDGET (pane), "add-comment"), "clicked");
  g_assert_nonnull (card_of (pane, "Nog een"));

  close_and_finalize (window);
  helder_test_remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  helder_test_follow_language ();
  ui_test_init (&argc, &argv);

  g_test_add_func ("/review-pane/review", test_review);
  g_test_add_func ("/review-pane/comment-written-meanwhile", test_comment_written_meanwhile);
  g_test_add_func ("/review-pane/accept-suggestion", test_accept_suggestion);
  g_test_add_func ("/review-pane/asks-name-once", test_asks_name_once);

  return g_test_run ();
}
