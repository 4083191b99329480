/* test-kpi-view.c
 *
 * The KPI dashboard under Xvfb with generated LMS data: tiles, charts
 * with their numbers on hover, PNG and SVG export, dark style. With
 * HELDER_KPI_SCREENSHOT=FILE.png set it also saves a picture of the
 * window (that is how docs/screenshots/kpi-dashboard.png is made).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "helder-kpi-chart.h"
#include "helder-kpi-view.h"
#include "helder-test-screenshot.h"
#include "helder-test-utils.h"
#include "helder-ui-test-utils.h"

static char *folder;

/* Generated exports of 6,000 employees with known effects. */
static HelderKpiResult *
generated_result (void)
{
  g_autofree char *course_path = g_build_filename (folder, "course", NULL);
  g_autofree char *progress = g_build_filename (folder, "progress.csv", NULL);
  g_autofree char *answers = g_build_filename (folder, "answers.csv", NULL);
  g_autofree char *organisation = g_build_filename (folder, "organisation.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderCourse) course = NULL;
  g_autoptr(HelderLmsReport) report = NULL;
  HelderKpiSettings settings;

  helder_test_generate_lms (folder, "--learners", "6000", "--seed", "12", "--growth", "35",
                            "--completion", "0.66", NULL);

  course = helder_course_load (course_path, &error);
  g_assert_no_error (error);
  report = helder_lms_report_new (course);
  g_assert_true (helder_lms_report_load_organisation (report, organisation, &error));
  g_assert_true (helder_lms_report_load_file (report, progress, &error));
  g_assert_true (helder_lms_report_load_file (report, answers, &error));
  g_assert_no_error (error);

  helder_kpi_settings_init (&settings, course);
  return helder_kpi_compute (report, course, &settings);
}

static HelderKpiChart *
find_chart (GtkWidget          *root,
            HelderKpiChartKind  kind)
{
  if (HELDER_IS_KPI_CHART (root) && helder_kpi_chart_get_kind (HELDER_KPI_CHART (root)) == kind)
    return HELDER_KPI_CHART (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      HelderKpiChart *found = find_chart (child, kind);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_css_class (GtkWidget  *root,
                 const char *css_class)
{
  guint count = gtk_widget_has_css_class (root, css_class) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count += count_css_class (child, css_class);
  return count;
}

static gboolean
chart_drawn (gpointer chart)
{
  return helder_kpi_chart_get_tooltip_at (chart, 5, 20) != NULL;
}

static void
wait_for_drawing (HelderKpiChart *chart)
{
  wait_for (chart_drawn, chart);
}

static guint32
pixel (const char *png,
       int         x,
       int         y)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (png);
  guint32 value;

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 900);
  value = *(guint32 *) (cairo_image_surface_get_data (surface) +
                        y * cairo_image_surface_get_stride (surface) + x * 4);
  cairo_surface_destroy (surface);
  return value & 0xffffff;
}

/* The output of a poppler tool on @path. */
static char *
run_tool (const char *tool,
          const char *path)
{
  const char *argv[] = { tool, path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  if (g_str_equal (tool, "pdfinfo"))
    argv[2] = NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_dashboard (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = helder_kpi_view_new ();
  HelderKpiResult *result = generated_result ();
  HelderKpiChart *targets;
  HelderKpiChart *trend;
  g_autofree char *png = g_build_filename (folder, "dashboard.png", NULL);
  g_autofree char *dark_png = g_build_filename (folder, "dashboard-dark.png", NULL);
  g_autofree char *svg = g_build_filename (folder, "dashboard.svg", NULL);
  g_autofree char *svg_text = NULL;
  g_autofree char *csv = g_build_filename (folder, "dashboard.csv", NULL);
  g_autofree char *csv_text = NULL;
  g_autofree char *pdf = g_build_filename (folder, "dashboard.pdf", NULL);
  g_autofree char *pdf_text = NULL;
  g_autofree char *pdf_info = NULL;
  const HelderKpiGrowth *goal;
  g_autoptr(GError) error = NULL;
  const char *tooltip;
  const char *screenshot = g_getenv ("HELDER_KPI_SCREENSHOT");
  AdwStyleManager *style = adw_style_manager_get_default ();

  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &view);
  gtk_window_set_default_size (GTK_WINDOW (window), 1040, 2150);
  gtk_window_set_title (GTK_WINDOW (window), "KPI");
  gtk_window_set_child (GTK_WINDOW (window), view);
  helder_kpi_view_set_result (HELDER_KPI_VIEW (view), result);
  gtk_window_present (GTK_WINDOW (window));

  /* Five tiles, one status word each. */
  g_assert_cmpuint (count_css_class (view, "card"), ==, HELDER_N_KPIS);

  targets = find_chart (view, HELDER_KPI_CHART_TARGETS);
  wait_for_drawing (targets);
  tooltip = helder_kpi_chart_get_tooltip_at (targets, 5, 20);
  g_assert_nonnull (tooltip);
  /* In the language of the run: LANGUAGE=nl makes the Dutch screenshot. */
  {
    g_autofree char *expected = g_strdup_printf (_("%s: %s (target %s) — %s"),
                                                 _("Participation"), "72%", "70%", _("On track"));

    g_assert_cmpstr (tooltip, ==, expected);
  }

  /* Hovering a week of the trend gives that week's numbers, and its
   * first day as the locale writes it.
   */
  trend = find_chart (view, HELDER_KPI_CHART_TREND);
  tooltip = helder_kpi_chart_get_tooltip_at (trend, 60, 100);
  g_assert_nonnull (tooltip);
  {
    g_autofree char *week = g_strdup_printf (_("Week %u (from %s): participation %.1f%%, "
                                               "completion %.1f%%"), 1, "1 April 2025", 0.0, 0.0);

    *strchr (week, ':') = '\0';
    if (g_str_has_prefix (setlocale (LC_TIME, NULL), "nl_NL"))
      {
        g_autofree char *dutch = g_strdup_printf (_("Week %u (from %s): participation %.1f%%, "
                                                    "completion %.1f%%"), 1, "1 april 2025",
                                                  0.0, 0.0);

        *strchr (dutch, ':') = '\0';
        g_assert_true (g_str_has_prefix (tooltip, dutch));
        g_assert_true (g_regex_match_simple ("^[^:]*: [^0-9]*[0-9]+,[0-9]%", tooltip, 0, 0));
      }
    else
      g_assert_true (g_str_has_prefix (tooltip, week));
  }

  if (screenshot != NULL)
    helder_test_save_screenshot (window, screenshot);

  g_assert_true (helder_kpi_view_export (HELDER_KPI_VIEW (view), png, &error));
  g_assert_no_error (error);
  g_assert_cmphex (pixel (png, 2, 2), ==, 0xffffff);

  g_assert_true (helder_kpi_view_export (HELDER_KPI_VIEW (view), svg, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &svg_text, NULL, NULL));
  g_assert_nonnull (strstr (svg_text, "<svg"));

  g_assert_true (helder_kpi_view_export (HELDER_KPI_VIEW (view), csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &csv_text, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv_text, "section,id,label,measure,value,note\r\n"));
  {
    g_autofree char *row = g_strdup_printf ("kpi,participation,%s,value,", _("Participation"));

    g_assert_nonnull (strstr (csv_text, row));
  }

  /* The PDF report: A4 pages, the course and every KPI in words, each
   * goal by its text and the answers' colours explained.
   */
  g_assert_true (helder_kpi_view_export (HELDER_KPI_VIEW (view), pdf, &error));
  g_assert_no_error (error);
  pdf_text = run_tool ("pdftotext", pdf);
  /* The report's words are checked in English; a Dutch run is for the
   * screenshots.
   */
  if (g_str_equal (_("Participation"), "Participation"))
    {
      g_assert_nonnull (strstr (pdf_text, "KPI report: "));
      g_assert_nonnull (strstr (pdf_text, "Participation: 72% (target 70%)"));
      g_assert_nonnull (strstr (pdf_text, "Colours of the answers"));
      g_assert_nonnull (strstr (pdf_text, "5 highest"));
      g_assert_nonnull (strstr (pdf_text, "Page 1"));
      g_assert_null (strstr (pdf_text, "Goal 1"));
    }
  goal = g_ptr_array_index (result->goals, 0);
  g_assert_nonnull (goal->text);
  g_assert_nonnull (strstr (pdf_text, goal->text));
  pdf_info = run_tool ("pdfinfo", pdf);
  g_assert_nonnull (strstr (pdf_info, "595.28 x 841.89 pts (A4)"));
  if (screenshot != NULL)
    {
      g_autofree char *base = g_strndup (screenshot, strlen (screenshot) - strlen (".png"));
      g_autofree char *report = g_strconcat (base, "-report.pdf", NULL);
      g_autoptr(GFile) source = g_file_new_for_path (pdf);
      g_autoptr(GFile) copy = g_file_new_for_path (report);

      g_assert_true (g_file_copy (source, copy, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
    }

  /* In the dark style the charts follow, on screen and in the export. */
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style));
  g_assert_true (helder_kpi_view_export (HELDER_KPI_VIEW (view), dark_png, &error));
  g_assert_cmphex (pixel (dark_png, 2, 2), ==, 0x232323);
  if (screenshot != NULL)
    {
      g_autofree char *base = g_strndup (screenshot, strlen (screenshot) - strlen (".png"));
      g_autofree char *dark_screenshot = g_strconcat (base, "-dark.png", NULL);

      wait_for_drawing (targets);
      while (g_main_context_iteration (NULL, FALSE));
      helder_test_save_screenshot (window, dark_screenshot);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (GTK_WINDOW (window));
  wait_for (pointer_cleared, &view);
}

static void
test_export_without_data (void)
{
  g_autoptr(GtkWidget) view = g_object_ref_sink (helder_kpi_view_new ());
  g_autofree char *path = g_build_filename (folder, "leeg.png", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (helder_kpi_view_export (HELDER_KPI_VIEW (view), path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  /* LANGUAGE=nl with HELDER_LOCALEDIR=_build/po: the Dutch dashboard. */
  helder_test_follow_language ();
  ui_test_init (&argc, &argv);
  folder = g_dir_make_tmp ("helder-kpi-view-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/kpi-view/dashboard", test_dashboard);
  g_test_add_func ("/kpi-view/export-without-data", test_export_without_data);

  status = g_test_run ();
  helder_test_remove_tree (folder);
  g_free (folder);
  return status;
}
