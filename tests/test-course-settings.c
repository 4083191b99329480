/* test-course-settings.c
 *
 * The course settings window.
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

static void
count_call (guint *count)
{
  (*count)++;
}

static gboolean
count_reached_one (gpointer data)
{
  return *(guint *) data >= 1;
}

/* Course settings: title, theme colour with its contrast, pass mark. */
static void
test_course_settings (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(HelderCourse) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json_path = g_build_filename (path, "course.json", NULL);
  g_autofree char *json = NULL;
  HelderCourseSettings *settings;
  HelderWindow *window;
  GtkWidget *accent;
  GtkWidget *contrast;
  GtkWidget *new_word;
  GtkWidget *remove;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  guint checks;

  window = open_window (folder);

  /* Sixteen words: a warning with the default thresholds. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_named (GTK_WIDGET (window), "page-text")));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\nDit is een zin van zestien woorden die net iets te "
                          "lang is voor een lezer.\n", -1);
  wait_for (has_long_sentence, window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.course-settings", "s", ""));
  settings = find_toplevel (HELDER_TYPE_COURSE_SETTINGS);
  g_assert_nonnull (settings);

  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (settings), "course-title")),
                         "Een nieuwe titel");

  /* A pale accent fails on white, and the row says so as it is typed. */
  accent = find_named (GTK_WIDGET (settings), "theme-accent");
  gtk_editable_set_text (GTK_EDITABLE (accent), "#aaccee");
  contrast = g_object_get_data (G_OBJECT (accent), "helder-contrast");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (contrast)), "below 4.5:1"));
  gtk_editable_set_text (GTK_EDITABLE (accent), "#1d5f8a");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (contrast)), "passes AA"));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_named (GTK_WIDGET (settings), "pass-mark")), 80);

  /* Tracking choices are in words; course.json gets their values. */
  {
    AdwComboRow *completion = ADW_COMBO_ROW (find_named (GTK_WIDGET (settings),
                                                         "tracking-completion"));
    AdwComboRow *reporting = ADW_COMBO_ROW (find_named (GTK_WIDGET (settings),
                                                        "tracking-reporting"));

    adw_combo_row_set_selected (completion, 1);
    adw_combo_row_set_selected (reporting, 3);
    g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (completion)),
                     ==, "The post-test is passed");
    g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (reporting)),
                     ==, "Completed / Failed");
  }

  /* The checks: a higher threshold, no spelling, a word for the course. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_named (GTK_WIDGET (settings),
                                                          "sentence-warning-words")), 20);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_named (GTK_WIDGET (settings),
                                                          "sentence-error-words")), 30);
  gtk_switch_set_active (GTK_SWITCH (find_named (GTK_WIDGET (settings), "check-spelling")), FALSE);
  /* The tests and the dated facts have their thresholds on the same page. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_named (GTK_WIDGET (settings),
                                                          "facts-valid-days")), 180);
  new_word = find_named (GTK_WIDGET (settings), "new-word");
  gtk_editable_set_text (GTK_EDITABLE (new_word), "fietsplaan");
  g_signal_emit_by_name (new_word, "apply");
  g_assert_true (g_strv_contains (helder_course_get_words (helder_window_get_course (window)),
                                  "fietsplaan"));
  gtk_editable_set_text (GTK_EDITABLE (new_word), "kapotwoord");
  g_signal_emit_by_name (new_word, "apply");
  remove = find_named (GTK_WIDGET (settings), "remove-word-kapotwoord");
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  g_assert_false (g_strv_contains (helder_course_get_words (helder_window_get_course (window)),
                                   "kapotwoord"));
  g_assert_null (find_named (GTK_WIDGET (settings), "remove-word-kapotwoord"));

  close_and_finalize (settings);

  /* A sentence of sixteen words is no longer long; the check in the
   * background, which reads the course from disk, knows that too.
   */
  g_assert_null (finding_with_rule (GTK_WIDGET (window), "b1-sentence-long"));
  g_assert_null (finding_with_rule (GTK_WIDGET (window), "spelling"));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_named (GTK_WIDGET (window), "page-text")));
  checks = 0;
  g_signal_connect_swapped (find_named (GTK_WIDGET (window), "editor"), "diagnostics-changed",
                            G_CALLBACK (count_call), &checks);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\nNog een zin met een fuot.\n", -1);
  wait_for (count_reached_one, &checks);
  g_assert_null (finding_with_rule (GTK_WIDGET (window), "b1-sentence-long"));
  g_assert_null (finding_with_rule (GTK_WIDGET (window), "spelling"));

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Een nieuwe titel");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));

  reloaded = helder_course_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (helder_course_get_title (reloaded), ==, "Een nieuwe titel");
  g_assert_true (g_file_get_contents (json_path, &json, NULL, NULL));
  g_assert_nonnull (strstr (json, "\"pass_mark\" : 80"));
  g_assert_nonnull (strstr (json, "\"completion\" : \"test\""));
  g_assert_nonnull (strstr (json, "\"reporting\" : \"completed-failed\""));
  g_assert_nonnull (strstr (json, "\"sentence_warning_words\" : 20"));
  g_assert_nonnull (strstr (json, "\"spelling\" : false"));
  g_assert_nonnull (strstr (json, "\"facts_valid_days\" : 180"));
  /* Fields Helder does not know survive. */
  g_assert_nonnull (strstr (json, "x-editor-note"));

  close_and_finalize (window);
  helder_test_remove_tree (path);
}

int
main (int   argc,
      char *argv[])
{
  helder_test_follow_language ();
  ui_test_init (&argc, &argv);

  g_test_add_func ("/course-settings/course-settings", test_course_settings);

  return g_test_run ();
}
