/* test-kpi-window.c
 *
 * The KPI window and its dashboard.
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
#include "helder-test-utils.h"
#include "helder-ui-test-utils.h"
#include "helder-window.h"

static gboolean
kpi_loaded (gpointer data)
{
  return !helder_kpi_window_is_loading (data);
}

/* The programme manager opens generated LMS exports of the sample course
 * and sees the KPIs.
 */
static void
test_kpi_dashboard (void)
{
  g_autofree char *out = g_dir_make_tmp ("helder-kpi-XXXXXX", NULL);
  g_autofree char *generator = g_test_build_filename (G_TEST_DIST, "tools", "generate-lms.py",
                                                      NULL);
  g_autofree char *sample = g_build_filename (g_getenv ("HELDER_SOURCE_ROOT"), "content-samples",
                                              "ai-bewustzijn", NULL);
  g_autofree char *course_path = g_build_filename (out, "course", NULL);
  g_autofree char *progress = g_build_filename (out, "progress.csv", NULL);
  g_autofree char *answers = g_build_filename (out, "answers.csv", NULL);
  g_autofree char *organisation = g_build_filename (out, "organisation.csv", NULL);
  const char *argv[] = { "python3", generator, "--learners", "400", "--course", sample, out, NULL };
  char *reports[] = { progress, answers, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderCourse) course = NULL;
  const HelderKpiResult *result;
  HelderKpiWindow *window;
  GtkWidget *stack;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                               G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  course = helder_course_load (course_path, &error);
  g_assert_no_error (error);
  window = helder_kpi_window_new (NULL, course);
  gtk_window_present (GTK_WINDOW (window));

  helder_kpi_window_load_reports (window, reports, organisation);
  wait_for (kpi_loaded, window);

  result = helder_kpi_view_get_result (HELDER_KPI_VIEW (find_named (GTK_WIDGET (window),
                                                                    "kpi-view")));
  g_assert_nonnull (result);
  stack = gtk_widget_get_ancestor (find_named (GTK_WIDGET (window), "kpi-view"), GTK_TYPE_STACK);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "dashboard");

  close_and_finalize (window);
  helder_test_remove_tree (out);
}

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_label (GTK_LABEL (root)), text) != NULL &&
      gtk_widget_is_drawable (root))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

static void
wait_loaded (HelderKpiWindow *window)
{
  wait_for (kpi_loaded, window);
  while (g_main_context_iteration (NULL, FALSE));
}

/* The folder the LMS reports are generated in, made by main(). */
static char *folder;

/* The window on the generated course, with these reports loaded. The
 * caller destroys it with close_window().
 */
static HelderKpiWindow *
open_kpi_window (char **reports)
{
  g_autofree char *course_path = g_build_filename (folder, "course", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderCourse) course = helder_course_load (course_path, &error);
  HelderKpiWindow *window;

  g_assert_no_error (error);
  window = helder_kpi_window_new (NULL, course);
  gtk_window_present (GTK_WINDOW (window));
  helder_kpi_window_load_reports (window, reports, NULL);
  wait_loaded (window);
  return window;
}

static void
close_kpi_window (HelderKpiWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  while (window != NULL && g_main_context_iteration (NULL, TRUE));
}

static void
test_progress_only (void)
{
  g_autofree char *progress = g_build_filename (folder, "progress.csv", NULL);
  char *reports[] = { progress, NULL };
  const HelderKpiResult *result;
  HelderKpiWindow *window;
  HelderKpiView *view;
  GtkWidget *spin;

  helder_test_generate_lms (folder, "--learners", "400", "--seed", "5", NULL);
  window = open_kpi_window (reports);

  view = HELDER_KPI_VIEW (find_named (GTK_WIDGET (window), "kpi-view"));
  result = helder_kpi_view_get_result (view);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->participants, >, 0);
  g_assert_cmpuint (result->headcount, ==, 0);
  g_assert_false (result->figures[HELDER_KPI_PARTICIPATION].available);
  g_assert_cmpint (result->figures[HELDER_KPI_PARTICIPATION].status, ==, HELDER_KPI_STATUS_NO_DATA);
  g_assert_true (has_label (GTK_WIDGET (view), "enter the number of employees"));
  g_assert_true (has_label (GTK_WIDGET (window), "Participation needs the number of employees"));

  spin = find_named (GTK_WIDGET (window), "headcount-spin");
  g_assert_nonnull (spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 500);
  g_signal_emit_by_name (find_named (GTK_WIDGET (window), "headcount-button"), "clicked");
  g_assert_true (helder_kpi_window_is_loading (window));
  wait_loaded (window);

  result = helder_kpi_view_get_result (view);
  g_assert_cmpuint (result->headcount, ==, 500);
  g_assert_cmpstr (result->headcount_source, ==, "setting");
  g_assert_true (result->figures[HELDER_KPI_PARTICIPATION].available);
  g_assert_cmpfloat_with_epsilon (result->figures[HELDER_KPI_PARTICIPATION].value,
                                  100.0 * result->participants / 500, 1e-9);
  g_assert_false (has_label (GTK_WIDGET (view), "enter the number of employees"));

  close_kpi_window (window);
}

/* Open Reports with the progress export, the answers export, the
 * organisation file and a file that is none of them, in any order.
 */
static void
test_any_mix (void)
{
  g_autofree char *progress = g_build_filename (folder, "progress.csv", NULL);
  g_autofree char *answers = g_build_filename (folder, "answers.csv", NULL);
  g_autofree char *organisation = g_build_filename (folder, "organisation.csv", NULL);
  g_autofree char *other = g_build_filename (folder, "begroting.csv", NULL);
  char *reports[] = { organisation, other, answers, progress, NULL };
  g_autoptr(GError) error = NULL;
  const HelderKpiResult *result;
  HelderKpiWindow *window;
  GtkWidget *problems;
  const char *text;

  g_assert_true (g_file_set_contents (other, "Post;Bedrag\nReizen;1200\n", -1, &error));
  g_assert_no_error (error);
  window = open_kpi_window (reports);

  result = helder_kpi_view_get_result (HELDER_KPI_VIEW (find_named (GTK_WIDGET (window), "kpi-view")));
  g_assert_nonnull (result);
  g_assert_cmpstr (result->headcount_source, ==, "organisation");
  g_assert_cmpuint (result->headcount, ==, 400);
  g_assert_cmpuint (result->departments->len, >, 0);
  g_assert_true (result->figures[HELDER_KPI_PARTICIPATION].available);
  g_assert_true (result->figures[HELDER_KPI_KNOWLEDGE_GROWTH].available);

  /* The file left out is named with the whole reason, not in a toast,
   * and in words: not as the command line locates it.
   */
  problems = find_named (GTK_WIDGET (window), "report-problems");
  g_assert_true (gtk_widget_is_drawable (problems));
  text = gtk_label_get_label (GTK_LABEL (problems));
  g_assert_nonnull (strstr (text, "Line 1 of begroting.csv: no column with the learner's id"));
  g_assert_null (strstr (text, "kpi-mapping.json"));
  g_assert_null (strstr (text, other));
  g_assert_false (has_label (GTK_WIDGET (window), "Participation needs the number of employees"));

  close_kpi_window (window);
}

/* Rows a report cannot use are located in words, with what to do. */
static void
test_row_problems_in_words (void)
{
  g_autofree char *broken = g_build_filename (folder, "voortgang-export.csv", NULL);
  char *reports[] = { broken, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) command_line = g_regex_new ("\\.csv:[0-9]+", 0, 0, NULL);
  HelderKpiWindow *window;
  const char *text;

  g_assert_true (g_file_set_contents (broken,
                                      "learner,module,status,started,completed\n"
                                      "M000001,01-introductie,completed,2025-04-02,2025-04-03\n"
                                      "M000002,01-introductie,completed,32-13-2025,\n", -1, &error));
  g_assert_no_error (error);
  window = open_kpi_window (reports);

  text = gtk_label_get_label (GTK_LABEL (find_named (GTK_WIDGET (window), "report-problems")));
  g_assert_nonnull (strstr (text, "Line 3 of voortgang-export.csv: 1 row has a date Helder cannot "
                                  "read (“32-13-2025”)"));
  g_assert_false (g_regex_match (command_line, text, 0, NULL));

  close_kpi_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  ui_test_init (&argc, &argv);
  folder = g_dir_make_tmp ("helder-kpi-window-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/kpi-window/kpi-dashboard", test_kpi_dashboard);
  g_test_add_func ("/kpi-window/progress-only-asks-for-headcount", test_progress_only);
  g_test_add_func ("/kpi-window/any-mix-of-files", test_any_mix);
  g_test_add_func ("/kpi-window/row-problems-in-words", test_row_problems_in_words);

  status = g_test_run ();
  helder_test_remove_tree (folder);
  g_free (folder);
  return status;
}
