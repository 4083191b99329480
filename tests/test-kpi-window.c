/* test-kpi-window.c
 *
 * The KPI window and its dashboard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include <gtksourceview/gtksource.h>
#include <webkit/webkit.h>

#include "helder-application.h"
#include "helder-block-dialog.h"
#include "helder-checks.h"
#include "helder-findings-pane.h"
#include "helder-course-settings.h"
#include "helder-export-dialog.h"
#include "helder-kpi-columns.h"
#include "helder-kpi-view.h"
#include "helder-kpi-window.h"
#include "helder-page-editor.h"
#include "helder-preferences.h"
#include "helder-preview.h"
#include "helder-review-pane.h"
#include "helder-test-keyboard.h"
#include "helder-test-screenshot.h"
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
open_kpi_window_on (const char  *course_path,
                    char       **reports)
{
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

static HelderKpiWindow *
open_kpi_window (char **reports)
{
  g_autofree char *course_path = g_build_filename (folder, "course", NULL);

  return open_kpi_window_on (course_path, reports);
}

static void
close_kpi_window (HelderKpiWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  wait_for (pointer_cleared, &window);
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

/* A course of two modules and a progress report whose learner column is
 * "Wie" and whose completion column is "Klaar?": names Helder does not
 * know. Returns: (transfer full): the course's folder; the report is
 * @report in its parent.
 */
static char *
make_unknown_columns (char **report)
{
  g_autofree char *course = helder_test_copy_course ("kpi-course");
  g_autofree char *parent = g_path_get_dirname (course);
  g_autoptr(GError) error = NULL;

  *report = g_build_filename (parent, "wie-klaar.csv", NULL);
  g_assert_true (g_file_set_contents (*report,
                                      "Wie,Module,Klaar?\n"
                                      "m1,01-start,2025-04-03\n"
                                      "m2,01-start,2025-04-04\n"
                                      "m3,02-einde,2025-04-05\n"
                                      "m4,01-start,\n"
                                      "m5,01-start,2025-04-07\n"
                                      "m6,02-einde,2025-04-08\n", -1, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&course);
}

static HelderKpiWindow *
open_unknown_columns (const char *course_path,
                      char       *report)
{
  char *reports[] = { report, NULL };

  return open_kpi_window_on (course_path, reports);
}

static void
remove_unknown_columns (const char *course_path)
{
  g_autofree char *parent = g_path_get_dirname (course_path);

  helder_test_remove_tree (parent);
}

static gboolean
columns_open (gpointer unused)
{
  return find_toplevel (HELDER_TYPE_KPI_COLUMNS) != NULL;
}

static gboolean
columns_gone (gpointer unused)
{
  return find_toplevel (HELDER_TYPE_KPI_COLUMNS) == NULL;
}

/* The row of the column @header in the Match Columns dialog. */
static AdwActionRow *
column_row (GtkWidget  *root,
            const char *header)
{
  if (ADW_IS_ACTION_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), header) == 0)
    return ADW_ACTION_ROW (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwActionRow *row = column_row (child, header);

      if (row != NULL)
        return row;
    }
  return NULL;
}

static GtkDropDown *
column_choice (GtkWidget  *dialog,
               const char *header)
{
  AdwActionRow *row = column_row (dialog, header);

  g_assert_nonnull (row);
  return GTK_DROP_DOWN (adw_action_row_get_activatable_widget (row));
}

/* Opens Match Columns from the button beside the problems. */
static GtkWidget *
open_match_columns (HelderKpiWindow *window)
{
  GtkWidget *button = find_named (GTK_WIDGET (window), "match-columns-problems");

  g_assert_true (gtk_widget_is_drawable (button));
  gtk_widget_activate (button);
  wait_for (columns_open, NULL);
  return GTK_WIDGET (find_toplevel (HELDER_TYPE_KPI_COLUMNS));
}

/* Match Columns lists the columns of wie-klaar.csv with what Helder
 * recognised by their names.
 */
static void
assert_recognised (GtkWidget *dialog)
{
  g_assert_cmpuint (gtk_drop_down_get_selected (column_choice (dialog, "Wie")), ==,
                    HELDER_LMS_COLUMN_IGNORED);
  g_assert_cmpuint (gtk_drop_down_get_selected (column_choice (dialog, "Module")), ==,
                    HELDER_LMS_COLUMN_MODULE);
  g_assert_cmpuint (gtk_drop_down_get_selected (column_choice (dialog, "Klaar?")), ==,
                    HELDER_LMS_COLUMN_IGNORED);
}

static const char expected_mapping[] =
  "{\n"
  "  \"columns\" : {\n"
  "    \"Klaar?\" : \"completed\",\n"
  "    \"Module\" : \"module\",\n"
  "    \"Wie\" : \"learner\"\n"
  "  }\n"
  "}\n";

/* After Apply: the mapping file says what was chosen and the dashboard
 * counts the learners at once.
 */
static void
assert_matched (HelderKpiWindow *window,
                const char      *course_path)
{
  g_autofree char *mapping = g_build_filename (course_path, "kpi-mapping.json", NULL);
  g_autofree char *contents = NULL;
  const HelderKpiResult *result;
  GtkWidget *stack;

  wait_loaded (window);
  g_assert_true (g_file_get_contents (mapping, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected_mapping);

  result = helder_kpi_view_get_result (HELDER_KPI_VIEW (find_named (GTK_WIDGET (window),
                                                                    "kpi-view")));
  g_assert_nonnull (result);
  g_assert_cmpuint (result->participants, ==, 5);
  g_assert_cmpuint (result->completers, ==, 0);
  stack = gtk_widget_get_ancestor (find_named (GTK_WIDGET (window), "kpi-view"), GTK_TYPE_STACK);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "dashboard");
  g_assert_false (has_label (GTK_WIDGET (window), _("Choose what each column holds with "
                                                    "Match Columns.")));
}

/* Says "Wie" is the learner and "Klaar?" the date completed, takes the
 * picture when @screenshots is a folder, and applies.
 */
static void
match_and_apply (HelderKpiWindow *window,
                 GtkWidget       *dialog,
                 const char      *course_path,
                 const char      *screenshots)
{
  gtk_drop_down_set_selected (column_choice (dialog, "Wie"), HELDER_LMS_COLUMN_LEARNER);
  gtk_drop_down_set_selected (column_choice (dialog, "Klaar?"), HELDER_LMS_COLUMN_COMPLETED);
  if (screenshots != NULL)
    helder_test_save_named_screenshot (dialog, screenshots, "kpi-columns");
  gtk_widget_activate (find_named (dialog, "apply"));
  wait_for (columns_gone, NULL);
  assert_matched (window, course_path);
}

/* The programme manager opens a report with columns Helder does not
 * know: she reads what is missing in words (no file syntax, no command
 * line), opens Match Columns, says "Wie" is the learner and "Klaar?" the
 * date completed, and Apply shows the dashboard. Cancel first changes
 * nothing.
 */
static void
test_match_columns (void)
{
  g_autofree char *report = NULL;
  g_autofree char *course_path = make_unknown_columns (&report);
  g_autofree char *mapping = g_build_filename (course_path, "kpi-mapping.json", NULL);
  HelderKpiWindow *window = open_unknown_columns (course_path, report);
  const char *screenshots = g_getenv ("HELDER_KPI_COLUMNS_SCREENSHOTS");
  const char *text;
  GtkWidget *dialog;

  text = gtk_label_get_label (GTK_LABEL (find_named (GTK_WIDGET (window), "report-problems")));
  g_assert_nonnull (strstr (text, _("no column with the learner's id (such as “user id”, "
                                    "“e-mail” or “personeelsnummer”).")));
  g_assert_nonnull (strstr (text, _("Choose what each column holds with Match Columns.")));
  g_assert_false (has_label (GTK_WIDGET (window), "kpi-mapping.json"));
  g_assert_false (has_label (GTK_WIDGET (window), "--map"));
  g_assert_false (has_label (GTK_WIDGET (window), "kpi-"));
  /* Not "No LMS Reports Yet": reports were opened, none could be used. */
  g_assert_true (gtk_widget_get_mapped (find_named (GTK_WIDGET (window), "kpi-unusable")));
  if (screenshots != NULL)
    helder_test_save_named_screenshot (GTK_WIDGET (window), screenshots, "kpi-column-problems");

  /* Cancel writes nothing. */
  dialog = open_match_columns (window);
  assert_recognised (dialog);
  gtk_drop_down_set_selected (column_choice (dialog, "Wie"), HELDER_LMS_COLUMN_LEARNER);
  gtk_widget_activate (find_named (dialog, "cancel"));
  wait_for (columns_gone, NULL);
  g_assert_false (g_file_test (mapping, G_FILE_TEST_EXISTS));
  g_assert_false (helder_kpi_window_is_loading (window));

  dialog = open_match_columns (window);
  assert_recognised (dialog);
  g_assert_false (has_label (dialog, "kpi-mapping.json"));
  match_and_apply (window, dialog, course_path, screenshots);
  g_assert_false (gtk_widget_get_mapped (find_named (GTK_WIDGET (window), "kpi-unusable")));

  /* Opened again, it shows the saved choice. */
  g_assert_true (gtk_widget_is_sensitive (find_named (GTK_WIDGET (window), "match-columns")));
  gtk_widget_activate (find_named (GTK_WIDGET (window), "match-columns"));
  wait_for (columns_open, NULL);
  dialog = GTK_WIDGET (find_toplevel (HELDER_TYPE_KPI_COLUMNS));
  g_assert_cmpuint (gtk_drop_down_get_selected (column_choice (dialog, "Wie")), ==,
                    HELDER_LMS_COLUMN_LEARNER);
  gtk_window_close (GTK_WINDOW (dialog));
  wait_for (columns_gone, NULL);

  close_kpi_window (window);
  remove_unknown_columns (course_path);
}

/* Saved choices that cannot be read leave her neither stuck nor reading
 * JSON: the report opens with its columns recognised by name, the bar
 * says so in words, and Apply in Match Columns saves the choices anew.
 */
static void
test_match_columns_unreadable_choices (void)
{
  g_autofree char *report = NULL;
  g_autofree char *course_path = make_unknown_columns (&report);
  HelderKpiWindow *window;
  const char *text;
  GtkWidget *dialog;

  helder_test_write_file (course_path, "kpi-mapping.json", "{\"columns\": [");
  window = open_unknown_columns (course_path, report);

  text = gtk_label_get_label (GTK_LABEL (find_named (GTK_WIDGET (window), "report-problems")));
  g_assert_nonnull (strstr (text, _("The column choices saved for this course cannot be read")));
  g_assert_false (has_label (GTK_WIDGET (window), "kpi-mapping.json"));
  g_assert_false (has_label (GTK_WIDGET (window), "“columns”"));

  dialog = open_match_columns (window);
  assert_recognised (dialog);
  match_and_apply (window, dialog, course_path, NULL);
  g_assert_false (has_label (GTK_WIDGET (window), _("The column choices saved for this course "
                                                    "cannot be read")));

  close_kpi_window (window);
  remove_unknown_columns (course_path);
}

/* An organisation file whose columns Helder does not know is left out in
 * words, not in a toast that stops everything: the reports still count,
 * and once its learner column is named the organisation counts too. Its
 * name, with an ampersand, is shown as it is written.
 */
static void
test_organisation_columns (void)
{
  g_autofree char *report = NULL;
  g_autofree char *course_path = make_unknown_columns (&report);
  g_autofree char *parent = g_path_get_dirname (course_path);
  g_autofree char *organisation = g_build_filename (parent, "mensen & teams.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderCourse) course = helder_course_load (course_path, &error);
  char *reports[] = { report, NULL };
  const HelderKpiResult *result;
  HelderKpiWindow *window;
  GtkWidget *dialog;
  const char *text;

  g_assert_no_error (error);
  helder_test_write_file (course_path, "kpi-mapping.json",
                          "{\"columns\": {\"Wie\": \"learner\", \"Klaar?\": \"completed\"}}");
  helder_test_write_file (parent, "mensen & teams.csv",
                          "Persoon,Afdeling\nm1,HR\nm2,HR\nm3,ICT\nm4,ICT\nm5,ICT\nm6,HR\n"
                          "m7,HR\nm8,ICT\n");
  window = helder_kpi_window_new (NULL, course);
  gtk_window_present (GTK_WINDOW (window));
  helder_kpi_window_load_reports (window, reports, organisation);
  wait_loaded (window);

  text = gtk_label_get_label (GTK_LABEL (find_named (GTK_WIDGET (window), "report-problems")));
  g_assert_nonnull (strstr (text, "mensen & teams.csv"));
  g_assert_nonnull (strstr (text, _("Choose what each column holds with Match Columns.")));
  result = helder_kpi_view_get_result (HELDER_KPI_VIEW (find_named (GTK_WIDGET (window),
                                                                    "kpi-view")));
  g_assert_nonnull (result);
  g_assert_cmpuint (result->participants, ==, 5);
  g_assert_cmpuint (result->departments->len, ==, 0);

  dialog = open_match_columns (window);
  g_assert_cmpuint (gtk_drop_down_get_selected (column_choice (dialog, "Afdeling")), ==,
                    HELDER_LMS_COLUMN_DEPARTMENT);
  gtk_drop_down_set_selected (column_choice (dialog, "Persoon"), HELDER_LMS_COLUMN_LEARNER);
  gtk_widget_activate (find_named (dialog, "apply"));
  wait_for (columns_gone, NULL);
  wait_loaded (window);

  result = helder_kpi_view_get_result (HELDER_KPI_VIEW (find_named (GTK_WIDGET (window),
                                                                    "kpi-view")));
  g_assert_cmpuint (result->participants, ==, 5);
  g_assert_cmpuint (result->departments->len, ==, 2);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (
    find_named (GTK_WIDGET (window), "report-problems"), GTK_TYPE_REVEALER))));

  close_kpi_window (window);
  remove_unknown_columns (course_path);
}

/* Presses Tab until the focus is on the list of @header (at most 20). */
static void
tab_to_row (GtkWidget  *dialog,
            const char *header)
{
  GtkWidget *choice = GTK_WIDGET (column_choice (dialog, header));

  for (guint i = 0; i < 20; i++)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));

      if (focus != NULL && (focus == choice || gtk_widget_is_ancestor (focus, choice)))
        return;
      helder_test_keyboard_press ("Tab");
    }
  g_error ("Tab never reached the list of “%s”", header);
}

/* Opens the focused list, goes to its first item and @down items down. */
static void
choose_by_keys (guint down)
{
  helder_test_keyboard_press ("space");
  helder_test_keyboard_press ("Home");
  helder_test_keyboard_repeat ("Down", down);
  helder_test_keyboard_press ("Return");
}

/* The same by keyboard alone: Alt+M opens Match Columns, Tab goes to
 * a column, Space opens its list, the arrows choose, Alt+A applies.
 */
static void
test_match_columns_keyboard (void)
{
  g_autofree char *report = NULL;
  g_autofree char *course_path = make_unknown_columns (&report);
  HelderKpiWindow *window = open_unknown_columns (course_path, report);
  GtkWidget *dialog;

  helder_test_keyboard_focus (GTK_WINDOW (window));
  helder_test_keyboard_press ("<Alt>m");
  wait_for (columns_open, NULL);
  dialog = GTK_WIDGET (find_toplevel (HELDER_TYPE_KPI_COLUMNS));
  helder_test_keyboard_focus (GTK_WINDOW (dialog));

  tab_to_row (dialog, "Wie");
  choose_by_keys (HELDER_LMS_COLUMN_LEARNER - HELDER_LMS_COLUMN_IGNORED);
  g_assert_cmpuint (gtk_drop_down_get_selected (column_choice (dialog, "Wie")), ==,
                    HELDER_LMS_COLUMN_LEARNER);
  tab_to_row (dialog, "Klaar?");
  choose_by_keys (HELDER_LMS_COLUMN_COMPLETED - HELDER_LMS_COLUMN_IGNORED);
  g_assert_cmpuint (gtk_drop_down_get_selected (column_choice (dialog, "Klaar?")), ==,
                    HELDER_LMS_COLUMN_COMPLETED);

  helder_test_keyboard_press ("<Alt>a");
  wait_for (columns_gone, NULL);
  assert_matched (window, course_path);

  close_kpi_window (window);
  remove_unknown_columns (course_path);
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
  g_test_add_func ("/kpi-window/match-columns", test_match_columns);
  g_test_add_func ("/kpi-window/match-columns-keyboard", test_match_columns_keyboard);
  g_test_add_func ("/kpi-window/match-columns-unreadable-choices",
                   test_match_columns_unreadable_choices);
  g_test_add_func ("/kpi-window/organisation-columns", test_organisation_columns);

  status = g_test_run ();
  helder_test_remove_tree (folder);
  g_free (folder);
  return status;
}
