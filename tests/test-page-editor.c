/* test-page-editor.c
 *
 * The page editor in the window: blocks, find and replace, findings as
 * you type.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gtksourceview/gtksource.h>
#include <webkit/webkit.h>

#include "helder-application.h"
#include "helder-block-dialog.h"
#include "helder-block-edit.h"
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
#include "helder-ui-test-utils.h"
#include "helder-window.h"

static void
set_field (HelderBlockDialog *dialog,
           const char        *key,
           const char        *value)
{
  g_autofree char *name = g_strconcat ("field-", key, NULL);
  GtkWidget *row = find_named (GTK_WIDGET (dialog), name);

  g_assert_nonnull (row);
  if (ADW_IS_ENTRY_ROW (row))
    gtk_editable_set_text (GTK_EDITABLE (row), value);
  else
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_named (row, "text"))),
                              value, -1);
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

  window = open_window (folder);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.insert-block", "s",
                                             "image"));
  dialog = find_toplevel (HELDER_TYPE_BLOCK_DIALOG);
  g_assert_nonnull (dialog);
  done = find_named (GTK_WIDGET (dialog), "done");

  /* Without alt text the form will not insert the image. */
  set_field (dialog, "src", "media/logo.png");
  g_assert_false (gtk_widget_get_sensitive (done));
  g_assert_cmpuint (helder_block_dialog_get_problems (dialog)->len, ==, 1);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (dialog),
                                                              "message-fields"))),
                   ==, "Describe the image, or switch on Decorative");

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
  dialog = find_toplevel (HELDER_TYPE_BLOCK_DIALOG);
  g_assert_nonnull (dialog);
  set_field (dialog, "alt", "Het logo: een witte H in een blauwe cirkel.");
  g_signal_emit_by_name (find_named (GTK_WIDGET (dialog), "done"), "clicked");

  text = helder_page_get_text (helder_window_get_page (window));
  g_assert_nonnull (strstr (text, "alt: Het logo: een witte H in een blauwe cirkel.\n"));
  g_assert_null (strstr (text, "alt: Een blauwe cirkel met een witte letter H.\n```"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  close_and_finalize (window);
  helder_test_remove_tree (path);
}

static void
test_find_and_replace (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  HelderWindow *window;
  GtkWidget *editor;

  window = open_window (folder);

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

  close_and_finalize (window);
  helder_test_remove_tree (path);
}

/* Presses @accel ("<Control>h") on @widget: the first shortcut of it or
 * of a widget above it that has that trigger runs, as the key would.
 */
static void
press_shortcut (GtkWidget  *widget,
                const char *accel)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (w);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;
          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
              g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

              if (g_str_equal (trigger, accel))
                {
                  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                               w, gtk_shortcut_get_arguments (shortcut)));
                  return;
                }
            }
        }
    }
  g_assert_not_reached ();
}

static gboolean
search_counted (gpointer data)
{
  return g_str_has_suffix (gtk_label_get_text (GTK_LABEL (find_named (data, "search-count"))),
                           "matches");
}

/* Ctrl+H puts the selection in the search field and the focus there;
 * Replace replaces the next match in one press and moves on; Replace All
 * says how many it replaced.
 */
static void
test_replace_by_keys (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  HelderWindow *window;
  GtkWidget *editor;
  GtkWidget *view;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *expected = NULL;
  const char *text;
  int count;

  window = open_window (folder);
  editor = find_named (GTK_WIDGET (window), "editor");
  view = find_named (GTK_WIDGET (window), "page-text");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  /* "je" in "Fijn dat je er bent." is selected. */
  text = helder_page_get_text (helder_window_get_page (window));
  gtk_text_buffer_get_iter_at_offset (buffer, &start,
                                      (int) g_utf8_pointer_to_offset (text, strstr (text, "je er")));
  end = start;
  gtk_text_iter_forward_chars (&end, 2);
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_widget_grab_focus (view);

  press_shortcut (view, "<Control>h");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (editor, "search"))), ==, "je");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         find_named (editor, "search")));
  wait_for (search_counted, editor);

  /* One press replaces the first match after the cursor. */
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_editable_set_text (GTK_EDITABLE (find_named (editor, "replace")), "jij");
  g_signal_emit_by_name (find_named (editor, "replace-button"), "clicked");
  g_assert_true (g_str_has_prefix (helder_page_get_text (helder_window_get_page (window)),
                                   "# Welkom\n\nFijn dat jij er bent. In deze cursus leer je"));
  /* ... and selects the next one. */
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  g_assert_cmpstr (gtk_text_buffer_get_text (buffer, &start, &end, FALSE), ==, "je");

  /* Closing and opening again keeps the last search. */
  g_signal_emit_by_name (find_named (editor, "search"), "stop-search");
  gtk_text_buffer_place_cursor (buffer, &start);
  press_shortcut (view, "<Control>h");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (editor, "search"))), ==, "je");
  wait_for (search_counted, editor);

  count = 0;
  {
    g_autofree char *folded = g_utf8_casefold (helder_page_get_text (helder_window_get_page (window)), -1);

    for (const char *p = strstr (folded, "je"); p != NULL; p = strstr (p + 2, "je"))
      count++;
  }
  g_assert_cmpint (count, >, 1);
  g_signal_emit_by_name (find_named (editor, "replace-all-button"), "clicked");
  expected = g_strdup_printf ("Replaced %d", count);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (editor, "search-count"))), ==, expected);

  close_and_finalize (window);
  helder_test_remove_tree (path);
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
    "over de heldoriet.\n";

  helder_test_copy_tree (sample, path);
  folder = g_file_new_for_path (path);
  window = open_window (folder);
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
  g_assert_true (g_str_has_suffix (words, "heldoriet\n"));
  /* The second half of the sentence is still long: its underline stays on
   * the word that is no longer misspelt.
   */
  g_assert_true (word_has_tag (buffer, "heldoriet", "helder-warning"));

  close_and_finalize (window);
  helder_test_remove_tree (tmp);
}

/* The editor on its own, with a page, finalizes. */
static void
test_page_editor_finalize (void)
{
  g_autoptr(HelderCourse) course = helder_test_load_course ("course-valid");
  GtkWidget *editor = g_object_ref_sink (g_object_new (HELDER_TYPE_PAGE_EDITOR, NULL));

  helder_page_editor_set_page (HELDER_PAGE_EDITOR (editor), course,
                               helder_course_find_page (course, "01-basis/02-blokken.md"));
  g_assert_finalize_object (editor);
}

/* The block dialog on its own finalizes once closed. */
static void
test_block_dialog_finalize (void)
{
  g_autoptr(HelderCourse) course = helder_test_load_course ("course-valid");
  HelderBlockDialog *dialog = helder_block_dialog_new (NULL, course, HELDER_BLOCK_CHECK, NULL);

  close_and_finalize (dialog);
}

/* A test question names a course learning goal chosen by its text; the
 * block gets the goal's id, and a numbered goal shows as its goal.
 */
static void
test_goal_row (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("HELDER_SOURCE_ROOT"), "content-samples",
                                            "ai-bewustzijn", NULL);
  g_autoptr(HelderCourse) course = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *source = NULL;
  const HelderPageContent *content;
  const HelderBlock *question = NULL;
  HelderBlockDialog *dialog;
  GtkWidget *row;

  course = helder_course_load (path, &error);
  g_assert_no_error (error);
  content = helder_page_get_content (helder_course_find_page (course,
                                                              "01-introductie/00-voortoets.md"));
  for (guint i = 0; i < content->blocks->len && question == NULL; i++)
    if (((HelderBlock *) g_ptr_array_index (content->blocks, i))->kind == HELDER_BLOCK_QUESTION)
      question = g_ptr_array_index (content->blocks, i);
  g_assert_cmpstr (helder_block_get_value (question, "goal"), ==, "basiskennis");

  dialog = helder_block_dialog_new (NULL, course, HELDER_BLOCK_QUESTION, question);
  row = find_named (GTK_WIDGET (dialog), "field-goal");
  g_assert_true (ADW_IS_COMBO_ROW (row));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 1);
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (row))),
                   ==, helder_course_get_goal (course, 0)->text);

  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 2);
  source = helder_block_dialog_dup_source (dialog);
  g_assert_nonnull (strstr (source, "\ngoal: ai-verordening\n"));
  g_clear_pointer (&source, g_free);

  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
  source = helder_block_dialog_dup_source (dialog);
  g_assert_null (strstr (source, "goal:"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The height the form asks for, to see that messages do not move it. */
static int
form_height (HelderBlockDialog *dialog)
{
  int height;

  int items;

  gtk_widget_measure (find_named (GTK_WIDGET (dialog), "form"), GTK_ORIENTATION_VERTICAL, 480,
                      NULL, &height, NULL, NULL);
  gtk_widget_measure (find_named (GTK_WIDGET (dialog), "items-group"), GTK_ORIENTATION_VERTICAL,
                      480, NULL, &items, NULL, NULL);
  return height + items;
}

/* The test question form speaks the author's words: kinds by what they
 * mean, messages next to what they are about, an id made for the author
 * under Advanced, feedback in a multi-line field, the focus on the first
 * field to fill in, and a layout that stays put as messages come and go.
 */
static void
test_plain_words (void)
{
  g_autoptr(HelderCourse) course = helder_test_load_course ("course-valid");
  g_autoptr(GHashTable) ids = helder_course_dup_ids_in_use (course);
  g_autofree char *source = NULL;
  HelderBlockDialog *dialog;
  GtkWidget *kind;
  GtkWidget *id;
  GtkWidget *focus;
  GtkWidget *answers_message;
  GtkWidget *second;
  const char *forbidden[] = { "field", "colon", "[x]", "kind", "single", "truefalse", NULL };
  int height;

  dialog = helder_block_dialog_new (NULL, course, HELDER_BLOCK_QUESTION, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  focus = gtk_window_get_focus (GTK_WINDOW (dialog));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, find_named (GTK_WIDGET (dialog), "field-question")));

  kind = find_named (GTK_WIDGET (dialog), "field-kind");
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (kind))),
                   ==, "One right answer");
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind), 2);
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (kind))),
                   ==, "True or false");
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind), 0);

  id = find_named (GTK_WIDGET (dialog), "field-id");
  g_assert_true (ADW_IS_EXPANDER_ROW (gtk_widget_get_ancestor (id, ADW_TYPE_EXPANDER_ROW)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (id)), !=, "");
  g_assert_false (g_hash_table_contains (ids, gtk_editable_get_text (GTK_EDITABLE (id))));

  g_assert_nonnull (find_named (find_named (GTK_WIDGET (dialog), "field-feedback"), "text"));

  /* Nothing filled in: the question asks to be written, next to it. */
  g_assert_false (gtk_widget_get_sensitive (find_named (GTK_WIDGET (dialog), "done")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (dialog), "message-fields"))),
                   ==, "Write the question");

  set_field (dialog, "question", "Wat is een prompt?");
  set_field (dialog, "answer", "Een opdracht aan de AI");
  set_field (dialog, "feedback", "Goed zo.\nEen prompt is wat je de AI vraagt.");
  second = gtk_widget_get_next_sibling (gtk_widget_get_ancestor (find_named (GTK_WIDGET (dialog),
                                                                             "field-answer"),
                                                                 ADW_TYPE_PREFERENCES_GROUP));
  gtk_editable_set_text (GTK_EDITABLE (find_named (second, "field-answer")), "Een zoekmachine");
  answers_message = find_named (GTK_WIDGET (dialog), "message-items");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (answers_message)), ==, "Mark the right answer");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (dialog), "message-fields"))),
                   ==, "");
  for (guint i = 0; forbidden[i] != NULL; i++)
    g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (answers_message)), forbidden[i]));
  height = form_height (dialog);

  gtk_switch_set_active (GTK_SWITCH (find_named (find_named (GTK_WIDGET (dialog), "field-correct"),
                                                 "switch")), TRUE);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (answers_message)), ==, "");
  g_assert_true (gtk_widget_get_sensitive (find_named (GTK_WIDGET (dialog), "done")));
  g_assert_cmpint (form_height (dialog), ==, height);

  source = helder_block_dialog_dup_source (dialog);
  g_assert_nonnull (strstr (source, "kind: single\n"));
  g_assert_nonnull (strstr (source, "feedback: Goed zo. Een prompt is wat je de AI vraagt.\n"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static const char *
scheme_id (GtkWidget *view)
{
  GtkSourceBuffer *buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));

  return gtk_source_style_scheme_get_id (gtk_source_buffer_get_style_scheme (buffer));
}

/* The source editor follows the light or dark style, also when the style
 * changes while it is open.
 */
static void
test_dark_mode (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  AdwStyleManager *style = adw_style_manager_get_default ();
  HelderWindow *window;
  GtkWidget *view;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  window = open_window (folder);
  view = find_named (GTK_WIDGET (window), "page-text");
  g_assert_cmpstr (scheme_id (view), ==, "Adwaita-dark");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_cmpstr (scheme_id (view), ==, "Adwaita");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  close_and_finalize (window);
  helder_test_remove_tree (path);
}

static gboolean
finding_row_shown (gpointer data)
{
  GtkWidget *list = find_named (data, "findings");

  return finding_with_rule (data, "format-image-alt") != NULL &&
         ADW_IS_ACTION_ROW (gtk_widget_get_first_child (list));
}

/* A finding in the Findings pane says where it is in words, without the
 * rule's id.
 */
static void
test_findings_without_rule_ids (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  HelderWindow *window;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  const char *subtitle;

  window = open_window (folder);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_named (GTK_WIDGET (window), "page-text")));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\n```image\nsrc: media/logo.png\n```\n", -1);
  wait_for (finding_row_shown, window);

  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_widget_get_first_child (find_named (GTK_WIDGET (window),
                                                                                               "findings"))));
  g_assert_nonnull (strstr (subtitle, "line "));
  g_assert_null (strstr (subtitle, "format-image-alt"));

  close_and_finalize (window);
  helder_test_remove_tree (path);
}

/* The date the facts were checked shows as a date in words, chosen from
 * a calendar; the block gets it as the format writes dates.
 */
static void
test_date_row (void)
{
  g_autoptr(HelderCourse) course = helder_test_load_course ("course-valid");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 12, 4, 9, 4, 0);
  g_autofree char *today = g_date_time_format (now, "%-d %B %Y");
  g_autofree char *iso = g_date_time_format (now, "checked: %Y-%m-%d\n");
  g_autofree char *source = NULL;
  HelderBlockDialog *dialog;
  GtkWidget *row;

  dialog = helder_block_dialog_new (NULL, course, HELDER_BLOCK_SOURCES, NULL);
  row = find_named (GTK_WIDGET (dialog), "field-checked");
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, today);
  source = helder_block_dialog_dup_source (dialog);
  g_assert_nonnull (strstr (source, iso));
  g_clear_pointer (&source, g_free);

  gtk_calendar_select_day (GTK_CALENDAR (find_named (row, "calendar")), day);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "4 December 2026");
  source = helder_block_dialog_dup_source (dialog);
  g_assert_nonnull (strstr (source, "checked: 2026-12-04\n"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/page-editor/insert-and-edit-image", test_insert_and_edit_image);
  g_test_add_func ("/page-editor/find-and-replace", test_find_and_replace);
  g_test_add_func ("/page-editor/replace-by-keys", test_replace_by_keys);
  g_test_add_func ("/page-editor/dark-mode", test_dark_mode);
  g_test_add_func ("/page-editor/findings-without-rule-ids", test_findings_without_rule_ids);
  g_test_add_func ("/page-editor/findings-as-you-type", test_findings_as_you_type);
  g_test_add_func ("/page-editor/finalize", test_page_editor_finalize);
  g_test_add_func ("/block-dialog/finalize", test_block_dialog_finalize);
  g_test_add_func ("/block-dialog/goal-row", test_goal_row);
  g_test_add_func ("/block-dialog/plain-words", test_plain_words);
  g_test_add_func ("/block-dialog/date-row", test_date_row);

  return g_test_run ();
}
