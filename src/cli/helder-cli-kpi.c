/* helder-cli-kpi.c
 *
 * helder-cli kpi COURSE --report FILE…: the KPI report from the
 * learning platform's exports, as text, JSON or one HTML file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "helder-cli.h"
#include "helder-kpi-csv.h"
#include "helder-kpi-html.h"
#include "helder-kpi.h"
#include "helder-lms-report.h"
#include "helder-output.h"
#include "helder-team-lock.h"

static gboolean
parse_day_option (const char *name,
                  const char *value,
                  guint32    *day)
{
  if (value == NULL)
    return TRUE;

  *day = helder_lms_parse_day (value);
  if (*day == 0)
    {
      g_printerr ("helder-cli: ");
      g_printerr (_("%s: “%s” is not a date; write it as 2025-04-01"), name, value);
      g_printerr ("\n");
      return FALSE;
    }
  return TRUE;
}

static gboolean
apply_maps (HelderLmsReport *report,
            char           **maps)
{
  for (guint i = 0; maps != NULL && maps[i] != NULL; i++)
    {
      const char *equals = strrchr (maps[i], '=');
      g_autofree char *header = NULL;
      HelderLmsColumn column;

      if (equals == NULL || !helder_lms_column_from_string (equals + 1, &column))
        {
          g_printerr ("helder-cli: ");
          g_printerr (_("--map “%s”: write COLUMN=MEANING, where MEANING is learner, module, "
                        "status, started, completed, department, team, interaction, result, "
                        "response, attempt, discussed or ignored"), maps[i]);
          g_printerr ("\n");
          return FALSE;
        }
      header = g_strndup (maps[i], equals - maps[i]);
      helder_lms_report_map_column (report, header, column);
    }
  return TRUE;
}

/* The report's messages about columns say what is missing, not how to
 * say it: on the command line that is --map or the mapping file.
 */
static void
print_mapping_hint (void)
{
  g_printerr ("helder-cli: ");
  g_printerr (_("say what a column holds with --map \"COLUMN=MEANING\" (such as --map "
                "\"Wie=learner\"), or in kpi-mapping.json in the course folder; "
                "--save-mapping writes that file for you"));
  g_printerr ("\n");
}

/* Prints why a file could not be used, with the hint when it was its columns. */
static void
print_refusal (HelderLmsReport *report,
               guint            refused,
               const GError    *error)
{
  GPtrArray *refusals = helder_lms_report_get_refusals (report);

  g_printerr ("helder-cli: %s\n", error->message);
  if (refusals->len > refused &&
      helder_lms_problem_is_about_columns (g_ptr_array_index (refusals, refusals->len - 1)))
    print_mapping_hint ();
}

static void
print_text (const HelderKpiResult *result)
{
  g_autofree char *launch = helder_kpi_format_day (result->launch_day);
  g_autofree char *window_end = helder_kpi_format_day (result->window_end_day);
  g_autofree char *as_of = helder_kpi_format_day (result->as_of_day);

  g_print ("%s\n", result->course_title != NULL ? result->course_title : "");
  /* Translators: launch date, end of the three months, date of the data */
  g_print (_("Launch %s, window until %s, data until %s"), launch, window_end, as_of);
  g_print ("\n");
  if (result->headcount > 0)
    g_print (_("Headcount %u (%s), %u participants, %u completed everything"),
             result->headcount, result->headcount_source, result->participants, result->completers);
  else
    g_print (_("Headcount unknown (give --headcount N or --org FILE), %u participants, "
               "%u completed everything"),
             result->participants, result->completers);
  g_print ("\n\n");

  for (guint k = 0; k < HELDER_N_KPIS; k++)
    {
      const HelderKpiFigure *figure = &result->figures[k];
      g_autofree char *value = figure->available ? helder_kpi_format_value (k, figure->value)
                                                 : g_strdup ("—");
      g_autofree char *target = helder_kpi_format_value (k, figure->target);
      const char *note = helder_kpi_result_get_note (result, k);

      g_print ("  %-18s %8s  %s %-8s  %s%s%s\n", helder_kpi_kind_to_label (k), value,
               _("target"), target, helder_kpi_status_to_label (figure->status),
               note != NULL ? " · " : "", note != NULL ? note : "");
    }
}

int
helder_cli_kpi (int    argc,
                char **argv)
{
  g_autoptr(HelderCourse) course = NULL;
  g_autoptr(HelderLmsReport) report = NULL;
  g_autoptr(HelderKpiResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) reports = NULL;
  g_auto(GStrv) maps = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *launch = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *output = NULL;
  g_autofree char *mapping_path = NULL;
  g_autoptr(HelderTeamLock) lock = NULL;
  HelderKpiSettings settings;
  gboolean json = FALSE;
  gboolean html = FALSE;
  gboolean csv = FALSE;
  gboolean save_mapping = FALSE;
  gboolean about_columns = FALSE;
  int headcount = 0;
  GPtrArray *diagnostics;
  const GOptionEntry entries[] = {
    { "report", 'r', 0, G_OPTION_ARG_FILENAME_ARRAY, &reports,
      N_("An LMS export: progress CSV, answers CSV, Moodle interactions CSV or xAPI JSON (repeat for more)"), N_("FILE") },
    { "org", 0, 0, G_OPTION_ARG_FILENAME, &organisation,
      N_("Organisation file: employee id, department, team, discussed"), N_("FILE") },
    { "headcount", 0, 0, G_OPTION_ARG_INT, &headcount,
      N_("Number of employees (default: from the organisation file)"), N_("N") },
    { "launch", 0, 0, G_OPTION_ARG_STRING, &launch,
      N_("Launch date (default: course.json kpi.launch, else the first date in the reports)"), N_("DATE") },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of,
      N_("Date the report is for (default: the last date in the reports)"), N_("DATE") },
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &maps,
      N_("Say what a column holds, e.g. --map \"Mijn kolom=learner\""), N_("COLUMN=MEANING") },
    { "save-mapping", 0, 0, G_OPTION_ARG_NONE, &save_mapping,
      N_("Save the columns and their meaning to kpi-mapping.json in the course folder"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the figures as JSON"), NULL },
    { "html", 0, 0, G_OPTION_ARG_NONE, &html, N_("Write the report as one HTML file"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Write every figure as CSV, one per row"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to this file"), N_("PATH") },
    { NULL }
  };

  if (!helder_cli_parse_options (_("COURSE — KPIs from the learning platform's reports"), entries,
                                 _("Only aggregates are shown; any group of fewer than 5 "
                                   "people is suppressed. See docs/kpi.md."),
                                 &argc, &argv))
    return HELDER_EXIT_UNUSABLE;
  if (reports == NULL)
    {
      g_printerr ("helder-cli: %s\n", _("give at least one --report FILE"));
      return HELDER_EXIT_UNUSABLE;
    }
  if (json + html + csv > 1)
    {
      g_printerr ("helder-cli: %s\n", _("choose one of --json, --html and --csv"));
      return HELDER_EXIT_UNUSABLE;
    }
  if (headcount < 0)
    {
      g_printerr ("helder-cli: %s\n", _("--headcount must be a positive number"));
      return HELDER_EXIT_UNUSABLE;
    }

  course = helder_cli_load_course (argc, argv, save_mapping);
  if (course == NULL)
    return HELDER_EXIT_UNUSABLE;

  /* The mapping is read, extended and written back under the course's
   * lock, so two runs never lose each other's columns.
   */
  if (save_mapping)
    {
      lock = helder_team_lock_acquire (helder_course_get_path (course), &error);
      if (lock == NULL)
        {
          g_printerr ("helder-cli: %s\n", error->message);
          return HELDER_EXIT_UNUSABLE;
        }
    }

  helder_kpi_settings_init (&settings, course);
  if (headcount > 0)
    settings.headcount = headcount;
  if (!parse_day_option ("--launch", launch, &settings.launch_day) ||
      !parse_day_option ("--as-of", as_of, &settings.as_of_day))
    return HELDER_EXIT_UNUSABLE;

  report = helder_lms_report_new (course);
  mapping_path = helder_lms_report_mapping_path (course);
  if (g_file_test (mapping_path, G_FILE_TEST_EXISTS) &&
      !helder_lms_report_load_mapping (report, mapping_path, &error))
    {
      g_printerr ("helder-cli: %s\n", error->message);
      return HELDER_EXIT_UNUSABLE;
    }
  if (!apply_maps (report, maps))
    return HELDER_EXIT_UNUSABLE;

  if (organisation != NULL &&
      !helder_lms_report_load_organisation (report, organisation, &error))
    {
      print_refusal (report, 0, error);
      return HELDER_EXIT_UNUSABLE;
    }
  for (guint i = 0; reports[i] != NULL; i++)
    {
      guint refused = helder_lms_report_get_refusals (report)->len;

      if (!helder_lms_report_load_file (report, reports[i], &error))
        {
          print_refusal (report, refused, error);
          return HELDER_EXIT_UNUSABLE;
        }
    }

  if (save_mapping && !helder_lms_report_save_mapping (report, mapping_path, &error))
    {
      g_printerr ("helder-cli: %s\n", error->message);
      return HELDER_EXIT_UNUSABLE;
    }

  diagnostics = helder_lms_report_get_diagnostics (report);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *line = helder_diagnostic_to_string (g_ptr_array_index (diagnostics, i));

      g_printerr ("%s\n", line);
      about_columns |= helder_lms_problem_is_about_columns (g_ptr_array_index (diagnostics, i));
    }
  if (about_columns)
    print_mapping_hint ();

  result = helder_kpi_compute (report, course, &settings);
  if (result->learners_outside_organisation > 0)
    {
      g_printerr ("helder-cli: ");
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "%u learner in the reports is not in the organisation file; they count, but in no department",
                               "%u learners in the reports are not in the organisation file; they count, but in no department",
                               result->learners_outside_organisation),
                  result->learners_outside_organisation);
      g_printerr ("\n");
    }

  if (json || html || csv)
    {
      g_autofree char *text = NULL;

      if (json)
        {
          g_autoptr(JsonNode) node = helder_kpi_result_to_json (result, report);
          g_autoptr(JsonGenerator) generator = json_generator_new ();

          json_generator_set_pretty (generator, TRUE);
          json_generator_set_indent (generator, 2);
          json_generator_set_root (generator, node);
          text = json_generator_to_data (generator, NULL);
        }
      else if (csv)
        text = helder_kpi_result_to_csv (result);
      else
        text = helder_kpi_result_to_html (result, report);

      if (output == NULL)
        g_print ("%s\n", text);
      else if (!helder_output_write (output, helder_course_get_path (course), text, -1, &error))
        {
          g_printerr ("helder-cli: %s\n", error->message);
          return HELDER_EXIT_UNUSABLE;
        }
    }
  else
    print_text (result);

  return HELDER_EXIT_OK;
}
