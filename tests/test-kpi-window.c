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

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/kpi-window/kpi-dashboard", test_kpi_dashboard);

  return g_test_run ();
}
