/* test-lms-report.c
 *
 * The CSV reader, the LMS report parsers and the KPI privacy rule, on
 * every input variant and every kind of bad input, in small files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "helder-csv.h"
#include "helder-kpi.h"
#include "helder-lms-report.h"
#include "helder-test-utils.h"

typedef struct
{
  GPtrArray *rows;  /* of char*: the fields joined with '|' */
  GArray    *lines; /* of guint */
} Rows;

static gboolean
collect_cb (const char * const *fields,
            guint               n_fields,
            guint               line,
            gpointer            user_data)
{
  Rows *rows = user_data;

  g_assert_cmpuint (g_strv_length ((char **) fields), ==, n_fields);
  g_ptr_array_add (rows->rows, g_strjoinv ("|", (char **) fields));
  g_array_append_val (rows->lines, line);
  return TRUE;
}

static Rows *
read_csv (const char    *text,
          gssize         length,
          HelderCsvInfo *info)
{
  Rows *rows = g_new0 (Rows, 1);
  g_autoptr(GError) error = NULL;

  rows->rows = g_ptr_array_new_with_free_func (g_free);
  rows->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_assert_true (helder_csv_read_bytes (text, length < 0 ? strlen (text) : (gsize) length,
                                        collect_cb, rows, info, &error));
  g_assert_no_error (error);
  return rows;
}

static void
rows_free (Rows *rows)
{
  g_ptr_array_unref (rows->rows);
  g_array_unref (rows->lines);
  g_free (rows);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Rows, rows_free)

static const char *
row (Rows  *rows,
     guint  i)
{
  return g_ptr_array_index (rows->rows, i);
}

static guint
line_of (Rows  *rows,
         guint  i)
{
  return g_array_index (rows->lines, guint, i);
}

static void
test_csv_quotes_and_lines (void)
{
  HelderCsvInfo info;
  g_autoptr(Rows) rows = read_csv ("a,b,c\r\n"
                                   "1,\"twee, drie\",\"zei \"\"ja\"\"\"\r\n"
                                   "\r\n"
                                   "2,\"over\ntwee regels\",x\r\n"
                                   "3,,\n"
                                   "4,laatste,zonder einde", -1, &info);

  g_assert_cmpint (info.separator, ==, ',');
  g_assert_false (info.windows_1252);
  g_assert_cmpuint (rows->rows->len, ==, 5);
  g_assert_cmpstr (row (rows, 1), ==, "1|twee, drie|zei \"ja\"");
  g_assert_cmpstr (row (rows, 2), ==, "2|over\ntwee regels|x");
  g_assert_cmpstr (row (rows, 3), ==, "3||");
  g_assert_cmpstr (row (rows, 4), ==, "4|laatste|zonder einde");
  g_assert_cmpuint (line_of (rows, 0), ==, 1);
  g_assert_cmpuint (line_of (rows, 1), ==, 2);
  g_assert_cmpuint (line_of (rows, 2), ==, 4);
  g_assert_cmpuint (line_of (rows, 3), ==, 6);
  g_assert_cmpuint (line_of (rows, 4), ==, 7);
}

static void
test_csv_separators (void)
{
  HelderCsvInfo info;
  g_autoptr(Rows) semicolons = read_csv ("naam;cijfer\nAnna;7,5\n", -1, &info);
  g_autoptr(Rows) tabs = NULL;
  g_autoptr(Rows) quoted = NULL;

  g_assert_cmpint (info.separator, ==, ';');
  g_assert_cmpstr (row (semicolons, 1), ==, "Anna|7,5");

  tabs = read_csv ("naam\tcijfer\nAnna\t8\n", -1, &info);
  g_assert_cmpint (info.separator, ==, '\t');
  g_assert_cmpstr (row (tabs, 1), ==, "Anna|8");

  /* Separators inside quotes in the header do not count. */
  quoted = read_csv ("\"a;b;c\",d\n1,2\n", -1, &info);
  g_assert_cmpint (info.separator, ==, ',');
  g_assert_cmpstr (row (quoted, 0), ==, "a;b;c|d");
}

static void
test_csv_encodings (void)
{
  HelderCsvInfo info;
  g_autoptr(Rows) bom = read_csv ("\xef\xbb\xbfnaam,afdeling\n1,Financi\xc3\xabn\n", -1, &info);
  g_autoptr(Rows) windows = NULL;
  g_autoptr(Rows) mixed = NULL;

  g_assert_cmpstr (row (bom, 0), ==, "naam|afdeling");
  g_assert_cmpstr (row (bom, 1), ==, "1|Financiën");
  g_assert_false (info.windows_1252);

  windows = read_csv ("naam;afdeling\n1;Financi\xebn \x96 Belasting\n", -1, &info);
  g_assert_true (info.windows_1252);
  g_assert_cmpuint (info.converted_lines, ==, 1);
  g_assert_cmpuint (info.utf8_lines_with_8bit, ==, 0);
  g_assert_cmpstr (row (windows, 1), ==, "1|Financiën – Belasting");

  mixed = read_csv ("naam;afdeling\n1;Financi\xc3\xabn\n2;Financi\xebn\n", -1, &info);
  g_assert_cmpuint (info.converted_lines, ==, 1);
  g_assert_cmpuint (info.utf8_lines_with_8bit, ==, 1);
  g_assert_cmpstr (row (mixed, 1), ==, "1|Financiën");
  g_assert_cmpstr (row (mixed, 2), ==, "2|Financiën");
}

/* The five bytes Windows-1252 leaves undefined do not reject the file:
 * each reads as U+FFFD, and the first is located (issue 14, finding 10).
 */
static void
test_csv_undefined_bytes (void)
{
  HelderCsvInfo info;
  g_autoptr(Rows) rows = read_csv ("naam;afdeling\n1;Financi\xebn\n2;A\x81\x8d\x8f\x90\x9d\n", -1,
                                   &info);

  g_assert_true (info.windows_1252);
  g_assert_cmpuint (info.converted_lines, ==, 2);
  g_assert_cmpstr (row (rows, 1), ==, "1|Financiën");
  g_assert_cmpstr (row (rows, 2), ==, "2|A\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
  g_assert_cmpuint (info.undefined_bytes, ==, 5);
  g_assert_cmpuint (info.first_undefined_line, ==, 3);
  g_assert_cmpuint (info.first_undefined_column, ==, 4);
}

/* UTF-16 (Excel's "Unicode text") in either byte order, with or without
 * a byte order mark, reads as its text; a broken one is refused at its
 * line.
 */
static void
test_csv_utf16 (void)
{
  const char *text = "naam;afdeling\r\n1;Financiën\r\n2;Zoë €\r\n";
  const char *encodings[] = { "UTF-16LE", "UTF-16BE" };
  const char *marks[] = { "\xff\xfe", "\xfe\xff" };

  for (guint e = 0; e < G_N_ELEMENTS (encodings); e++)
    {
      gsize length;
      g_autofree char *converted = g_convert (text, -1, encodings[e], "UTF-8", NULL, &length, NULL);
      g_autoptr(GString) data = g_string_new_len (marks[e], 2);
      g_autoptr(Rows) rows = NULL;
      g_autoptr(GError) error = NULL;
      HelderCsvInfo info;

      g_string_append_len (data, converted, length);
      rows = read_csv (data->str, data->len, &info);
      g_assert_true (info.utf16);
      g_assert_false (info.windows_1252);
      g_assert_cmpint (info.separator, ==, ';');
      g_assert_cmpuint (rows->rows->len, ==, 3);
      g_assert_cmpstr (row (rows, 1), ==, "1|Financiën");
      g_assert_cmpstr (row (rows, 2), ==, "2|Zoë €");
      g_assert_cmpuint (line_of (rows, 2), ==, 3);
      g_clear_pointer (&rows, rows_free);

      rows = read_csv (data->str + 2, data->len - 2, &info);
      g_assert_true (info.utf16);
      g_assert_cmpstr (row (rows, 2), ==, "2|Zoë €");

      /* A lone surrogate on line 3. */
      g_string_truncate (data, 2 + 2 * g_utf8_strlen ("naam;afdeling\r\n1;Financiën\r\n2;", -1));
      g_string_append_len (data, e == 0 ? "\x00\xd8x\x00" : "\xd8\x00\x00x", 4);
      g_assert_false (helder_csv_read_bytes (data->str, data->len, collect_cb, rows, &info,
                                             &error));
      g_assert_error (error, G_CONVERT_ERROR, G_CONVERT_ERROR_ILLEGAL_SEQUENCE);
      g_assert_nonnull (strstr (error->message, "line 3"));
    }
}

static void
test_csv_broken_quotes (void)
{
  HelderCsvInfo info;
  g_autoptr(Rows) rows = read_csv ("a,b\n1,\"goed\"\n2,\"kapot\"x\n3,ok\n4,\"nooit dicht\n",
                                   -1, &info);

  g_assert_cmpuint (info.broken_records, ==, 2);
  g_assert_cmpuint (info.first_broken_line, ==, 3);
  g_assert_cmpuint (rows->rows->len, ==, 3);
  g_assert_cmpstr (row (rows, 2), ==, "3|ok");
  g_assert_cmpuint (line_of (rows, 2), ==, 4);
}

static void
test_recognise_columns (void)
{
  const struct
  {
    const char      *header;
    HelderLmsColumn  column;
  } cases[] = {
    { "User ID", HELDER_LMS_COLUMN_LEARNER },
    { "Personeelsnummer", HELDER_LMS_COLUMN_LEARNER },
    { "E-mailadres", HELDER_LMS_COLUMN_LEARNER },
    { "Email address", HELDER_LMS_COLUMN_LEARNER },
    { "Cursus", HELDER_LMS_COLUMN_MODULE },
    { "Voltooiingsstatus", HELDER_LMS_COLUMN_STATUS },
    { "Lesson status", HELDER_LMS_COLUMN_STATUS },
    { "Gestart op", HELDER_LMS_COLUMN_STARTED },
    { "First access", HELDER_LMS_COLUMN_STARTED },
    { "Afgerond op", HELDER_LMS_COLUMN_COMPLETED },
    { "Completion date", HELDER_LMS_COLUMN_COMPLETED },
    { "Afdeling", HELDER_LMS_COLUMN_DEPARTMENT },
    { "Team", HELDER_LMS_COLUMN_TEAM },
    { "Vraag-id", HELDER_LMS_COLUMN_INTERACTION },
    { "Interaction ID", HELDER_LMS_COLUMN_INTERACTION },
    { "Resultaat", HELDER_LMS_COLUMN_RESULT },
    { "Learner response", HELDER_LMS_COLUMN_RESPONSE },
    { "Poging", HELDER_LMS_COLUMN_ATTEMPT },
    { "Besproken in team", HELDER_LMS_COLUMN_DISCUSSED },
    { "Favoriete kleur", HELDER_LMS_COLUMN_IGNORED },
    { "", HELDER_LMS_COLUMN_IGNORED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].header);
      g_assert_cmpint (helder_lms_column_recognise (cases[i].header), ==, cases[i].column);
    }
}

static guint32
julian (guint day,
        guint month,
        guint year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

static void
test_parse_day (void)
{
  guint32 april3 = julian (3, 4, 2025);

  g_assert_cmpuint (helder_lms_parse_day ("2025-04-03"), ==, april3);
  g_assert_cmpuint (helder_lms_parse_day ("2025-04-03T10:15:00Z"), ==, april3);
  g_assert_cmpuint (helder_lms_parse_day ("2025-04-03 10:15"), ==, april3);
  g_assert_cmpuint (helder_lms_parse_day ("03-04-2025"), ==, april3);
  g_assert_cmpuint (helder_lms_parse_day ("3/4/2025"), ==, april3);
  g_assert_cmpuint (helder_lms_parse_day ("3.4.25"), ==, april3);
  g_assert_cmpuint (helder_lms_parse_day ("3 April 2025"), ==, april3);
  g_assert_cmpuint (helder_lms_parse_day ("donderdag, 3 april 2025, 10:15"), ==, april3);
  g_assert_cmpuint (helder_lms_parse_day ("Thursday, 3 April 2025, 10:15 AM"), ==, april3);
  g_assert_cmpuint (helder_lms_parse_day ("1743674100"), ==, april3);
  g_assert_cmpuint (helder_lms_parse_day ("32-13-2025"), ==, 0);
  g_assert_cmpuint (helder_lms_parse_day ("gisteren"), ==, 0);
  g_assert_cmpuint (helder_lms_parse_day ("3 Brumaire 2025"), ==, 0);
  g_assert_cmpuint (helder_lms_parse_day (""), ==, 0);
}

/* A report on the small KPI course, and a folder for input files. */
typedef struct
{
  HelderCourse    *course;
  HelderLmsReport *report;
  char            *folder;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = helder_test_data_path ("kpi-course");
  g_autoptr(GError) error = NULL;

  fixture->course = helder_course_load (path, &error);
  g_assert_no_error (error);
  fixture->report = helder_lms_report_new (fixture->course);
  fixture->folder = g_dir_make_tmp ("helder-lms-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  helder_lms_report_free (fixture->report);
  g_assert_finalize_object (fixture->course);
  helder_test_remove_tree (fixture->folder);
  g_free (fixture->folder);
}

static char *
write_input (Fixture    *fixture,
             const char *name,
             const char *contents)
{
  helder_test_write_file (fixture->folder, name, contents);
  return g_build_filename (fixture->folder, name, NULL);
}

static HelderLmsInput *
load (Fixture    *fixture,
      const char *name,
      const char *contents)
{
  g_autofree char *path = write_input (fixture, name, contents);
  g_autoptr(GError) error = NULL;
  GPtrArray *inputs;

  g_assert_true (helder_lms_report_load_file (fixture->report, path, &error));
  g_assert_no_error (error);
  inputs = helder_lms_report_get_inputs (fixture->report);
  return g_ptr_array_index (inputs, inputs->len - 1);
}

/* The one diagnostic with this rule, or a failed test. */
static const HelderDiagnostic *
diagnostic (Fixture    *fixture,
            const char *rule)
{
  GPtrArray *diagnostics = helder_lms_report_get_diagnostics (fixture->report);
  const HelderDiagnostic *found = NULL;

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const HelderDiagnostic *d = g_ptr_array_index (diagnostics, i);

      if (g_str_equal (d->rule, rule))
        {
          g_assert_null (found);
          found = d;
        }
    }
  if (found == NULL)
    g_error ("no diagnostic %s", rule);
  return found;
}

static void
assert_diagnostic (Fixture    *fixture,
                   const char *rule,
                   guint       line,
                   const char *fragment)
{
  const HelderDiagnostic *d = diagnostic (fixture, rule);

  g_assert_cmpuint (d->line, ==, line);
  if (strstr (d->message, fragment) == NULL)
    g_error ("“%s” not in “%s”", fragment, d->message);
}

static HelderKpiResult *
compute (Fixture *fixture)
{
  HelderKpiSettings settings;

  helder_kpi_settings_init (&settings, fixture->course);
  return helder_kpi_compute (fixture->report, fixture->course, &settings);
}

static void
test_progress_variants (Fixture       *fixture,
                        gconstpointer  data)
{
  HelderLmsInput *input = load (fixture, "progress.csv",
                                "Gebruikersnaam;Module;Voltooiingsstatus;Startdatum;Einddatum\n"
                                "anna;01-start;Voltooid;01-04-2025;02-04-2025\n"
                                "ANNA;Einde en enquête;passed;2025-04-03;2025-04-04\n"
                                "bert;module 1;bezig;2025-04-05;\n"
                                "bert;2;not attempted;;\n"
                                "carla;01-start;completed;;\n");
  g_autoptr(HelderKpiResult) result = NULL;
  const guint32 *starts = helder_lms_report_get_days (fixture->report, FALSE);
  const guint32 *completions = helder_lms_report_get_days (fixture->report, TRUE);

  g_assert_cmpint (input->kind, ==, HELDER_LMS_INPUT_PROGRESS);
  g_assert_cmpint (input->separator, ==, ';');
  g_assert_cmpuint (input->rows, ==, 5);
  g_assert_cmpuint (input->used, ==, 5);
  g_assert_cmpuint (input->skipped, ==, 0);
  /* anna and ANNA are one learner; e-mail and user names ignore case. */
  g_assert_cmpuint (helder_lms_report_get_n_learners (fixture->report), ==, 3);
  g_assert_cmpuint (starts[0], ==, julian (1, 4, 2025));
  g_assert_cmpuint (completions[1], ==, julian (4, 4, 2025));
  g_assert_cmpuint (starts[2], ==, julian (5, 4, 2025));
  g_assert_cmpuint (starts[3], ==, 0);
  g_assert_cmpuint (completions[4], ==, HELDER_LMS_DAY_UNKNOWN);
  assert_diagnostic (fixture, "kpi-undated", 6, "no date");

  result = compute (fixture);
  g_assert_cmpuint (result->headcount, ==, 40);
  g_assert_cmpstr (result->headcount_source, ==, "setting");
  g_assert_cmpuint (result->participants, ==, 3);
  g_assert_cmpuint (result->completers, ==, 1);
  /* Participation rests on the 40 employees; completion on three
   * participants: too few to show.
   */
  g_assert_true (result->figures[HELDER_KPI_PARTICIPATION].available);
  g_assert_cmpfloat_with_epsilon (result->figures[HELDER_KPI_PARTICIPATION].value, 7.5, 0.001);
  g_assert_true (result->figures[HELDER_KPI_COMPLETION].suppressed);
  g_assert_false (result->figures[HELDER_KPI_COMPLETION].available);
}

static void
test_progress_bad_rows (Fixture       *fixture,
                        gconstpointer  data)
{
  HelderLmsInput *input = load (fixture, "progress.csv",
                                "User ID,Module,Status,Started,Completed,Notes\n"
                                "a1,01-start,completed,2025-04-01,2025-04-02,\n"
                                "a1,01-start,completed,2025-04-01,2025-04-02,\n"
                                "a2,99-onbekend,completed,2025-04-01,,\n"
                                "a3,01-start,half klaar,2025-04-01,,\n"
                                "a4,01-start,completed,gisteren,,\n"
                                ",01-start,completed,2025-04-01,,\n"
                                "a5,01-start\n"
                                "a6,01-start,\"completed\"x,,,\n"
                                "a7,02-einde,incomplete,2025-04-09,,\n");

  g_assert_cmpuint (input->rows, ==, 9);
  g_assert_cmpuint (input->used, ==, 2);
  g_assert_cmpuint (input->skipped, ==, 7);
  assert_diagnostic (fixture, "kpi-duplicate", 3, "repeat");
  assert_diagnostic (fixture, "kpi-unknown-module", 4, "99-onbekend");
  assert_diagnostic (fixture, "kpi-bad-status", 5, "half klaar");
  assert_diagnostic (fixture, "kpi-bad-date", 6, "gisteren");
  assert_diagnostic (fixture, "kpi-no-learner", 7, "no learner id");
  assert_diagnostic (fixture, "kpi-field-count", 8, "(6)");
  assert_diagnostic (fixture, "kpi-broken-quotes", 9, "quote");
  assert_diagnostic (fixture, "kpi-unused-columns", 1, "“Notes”");
}

static void
test_unrecognised_files (Fixture       *fixture,
                         gconstpointer  data)
{
  const char * const cases[][2] = {
    { "geen-leerling.csv", "Module,Status\n01-start,completed\n" },
    { "onbekend.csv", "User ID,Kleur\na1,blauw\n" },
    { "leeg.csv", "" },
    { "kapot.json", "[{\"actor\": " },
    { "geen-lijst.json", "{\"more\": \"\"}" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_input (fixture, cases[i][0], cases[i][1]);
      g_autoptr(GError) error = NULL;

      g_assert_false (helder_lms_report_load_file (fixture->report, path, &error));
      g_assert_nonnull (error);
      g_assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA) ||
                     error->domain == JSON_PARSER_ERROR);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i][0]));
    }

  {
    g_autofree char *path = g_build_filename (fixture->folder, "bestaat-niet.csv", NULL);
    g_autoptr(GError) error = NULL;

    g_assert_false (helder_lms_report_load_file (fixture->report, path, &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  }

  /* A file that could not be used is not counted as an input. */
  g_assert_cmpuint (helder_lms_report_get_inputs (fixture->report)->len, ==, 0);
}

/* Open Reports takes any mix: an organisation file among the reports is
 * recognised by its department and team columns, whatever the order.
 */
static void
test_organisation_among_reports (Fixture       *fixture,
                                 gconstpointer  data)
{
  HelderLmsInput *input;

  input = load (fixture, "voortgang.csv", "User ID,Module,Status\ne1,01-start,completed\n");
  g_assert_cmpint (input->kind, ==, HELDER_LMS_INPUT_PROGRESS);
  input = load (fixture, "organisatie.csv",
                "Personeelsnummer;Afdeling;Team;Besproken in team\n"
                "e1;Groot;A;ja\ne2;Groot;A;\ne3;Klein;B;nee\n");
  g_assert_cmpint (input->kind, ==, HELDER_LMS_INPUT_ORGANISATION);
  g_assert_cmpuint (input->used, ==, 3);
  g_assert_cmpuint (helder_lms_report_get_n_employees (fixture->report), ==, 3);
  g_assert_cmpuint (helder_lms_report_get_n_teams (fixture->report), ==, 2);
  g_assert_cmpuint (helder_lms_report_get_n_teams_discussed (fixture->report), ==, 1);
  g_assert_cmpuint (helder_lms_report_get_inputs (fixture->report)->len, ==, 2);
}

static void
test_interactions (Fixture       *fixture,
                   gconstpointer  data)
{
  HelderLmsInput *input = load (fixture, "answers.csv",
                                "User ID,Interaction ID,Result,Response,Attempt\n"
                                "a1,pre-1,correct,a,1\n"
                                "a1,pre-1,incorrect,b,2\n"
                                "a1,post-1,incorrect,b,1\n"
                                "a1,post-1,correct,a,2\n"
                                "a1,post-1,correct,a,2\n"
                                "a1,https://lms.example/activities/pre-2,wrong,b,1\n"
                                "a1,tevreden,,4,1\n"
                                "a1,tevreden,,veel,2\n"
                                "a1,tip,,\"Korter, graag\",1\n"
                                "a1,pre-9,correct,a,1\n"
                                "a1,post-2,neutral,a,1\n");
  GPtrArray *items = helder_lms_report_get_items (fixture->report);
  const HelderLmsItem *pre1 = g_ptr_array_index (items, 0);
  const HelderLmsItem *post1 = g_ptr_array_index (items, 2);
  const HelderLmsItem *pre2 = g_ptr_array_index (items, 1);
  const HelderLmsItem *likert = g_ptr_array_index (items, 4);

  g_assert_cmpstr (pre1->id, ==, "pre-1");
  g_assert_cmpstr (post1->id, ==, "post-1");
  g_assert_cmpint (input->kind, ==, HELDER_LMS_INPUT_INTERACTIONS);
  g_assert_cmpuint (input->rows, ==, 11);
  g_assert_cmpuint (input->used, ==, 7);
  g_assert_cmpuint (input->skipped, ==, 4);
  /* The first pre-test attempt counts, the last post-test attempt. */
  g_assert_cmpuint (g_array_index (pre1->answers, guint8, 0), ==, HELDER_LMS_ANSWER_RIGHT);
  g_assert_cmpuint (g_array_index (post1->answers, guint8, 0), ==, HELDER_LMS_ANSWER_RIGHT);
  g_assert_cmpuint (g_array_index (pre2->answers, guint8, 0), ==, HELDER_LMS_ANSWER_WRONG);
  g_assert_cmpuint (g_array_index (likert->answers, guint8, 0), ==, 4);
  assert_diagnostic (fixture, "kpi-duplicate", 6, "repeat");
  assert_diagnostic (fixture, "kpi-repeated-answer", 3, "first pre-test answer");
  assert_diagnostic (fixture, "kpi-bad-survey-answer", 9, "veel");
  assert_diagnostic (fixture, "kpi-unknown-question", 11, "pre-9");
  assert_diagnostic (fixture, "kpi-bad-result", 12, "neutral");
}

static void
test_moodle_report (Fixture       *fixture,
                    gconstpointer  data)
{
  HelderLmsInput *input = load (fixture, "moodle.csv",
                                "First name,Surname,Email address,Attempt,Started on,"
                                "Question 1,Response 1,Right answer 1,Result 1,"
                                "Question 2,Response 2,Right answer 2,Result 2\n"
                                "Anna,de Vries,anna@example.org,1,\"Tuesday, 1 April 2025, 10:15 AM\","
                                "pre-1,a,a,correct,pre-2,b,a,incorrect\n"
                                "Bert,Jansen,bert@example.org,1,\"Tuesday, 1 April 2025, 11:00 AM\","
                                "post-1,a,a,correct,-,,,\n"
                                "Carla,Smit,carla@example.org,1,,onbekend,a,a,correct,,,,\n");
  const HelderLmsItem *pre2 = g_ptr_array_index (helder_lms_report_get_items (fixture->report), 1);

  g_assert_cmpint (input->kind, ==, HELDER_LMS_INPUT_MOODLE);
  g_assert_cmpuint (input->rows, ==, 3);
  g_assert_cmpuint (input->used, ==, 2);
  g_assert_cmpuint (input->skipped, ==, 1);
  g_assert_cmpuint (g_array_index (pre2->answers, guint8, 0), ==, HELDER_LMS_ANSWER_WRONG);
  assert_diagnostic (fixture, "kpi-unknown-question", 4, "onbekend");
}

static void
test_xapi (Fixture       *fixture,
           gconstpointer  data)
{
  HelderLmsInput *input = load (fixture, "statements.json",
                                "{\"statements\": ["
                                "{\"actor\": {\"mbox\": \"mailto:Anna@example.org\"},"
                                " \"verb\": {\"id\": \"http://adlnet.gov/expapi/verbs/initialized\"},"
                                " \"object\": {\"id\": \"https://x.example/kpi-cursus/01-start\"},"
                                " \"timestamp\": \"2025-04-02T08:00:00Z\"},"
                                "{\"actor\": {\"account\": {\"name\": \"anna@example.org\"}},"
                                " \"verb\": {\"id\": \"http://adlnet.gov/expapi/verbs/completed\"},"
                                " \"object\": {\"id\": \"https://x.example/kpi-cursus/01-start\"},"
                                " \"timestamp\": \"2025-04-03T08:00:00Z\"},"
                                "{\"actor\": {\"mbox\": \"mailto:anna@example.org\"},"
                                " \"verb\": {\"id\": \"http://adlnet.gov/expapi/verbs/answered\"},"
                                " \"object\": {\"id\": \"https://x.example/interactions/post-2\"},"
                                " \"result\": {\"success\": true, \"response\": \"a\"}},"
                                "{\"actor\": {\"mbox\": \"mailto:anna@example.org\"},"
                                " \"verb\": {\"id\": \"http://adlnet.gov/expapi/verbs/answered\"},"
                                " \"object\": {\"id\": \"https://x.example/interactions/tevreden\"},"
                                " \"result\": {\"response\": \"5\"}},"
                                "{\"verb\": {\"id\": \"http://adlnet.gov/expapi/verbs/answered\"}},"
                                "42,"
                                "{\"actor\": {\"mbox\": \"mailto:bert@example.org\"},"
                                " \"verb\": {\"id\": \"http://adlnet.gov/expapi/verbs/initialized\"},"
                                " \"object\": {\"id\": \"https://x.example/andere-cursus\"}},"
                                "{\"actor\": {\"mbox\": \"mailto:bert@example.org\"},"
                                " \"verb\": {\"id\": \"http://adlnet.gov/expapi/verbs/terminated\"},"
                                " \"object\": {\"id\": \"https://x.example/kpi-cursus/01-start\"},"
                                " \"timestamp\": \"ooit\"}"
                                "]}");
  const guint32 *starts = helder_lms_report_get_days (fixture->report, FALSE);
  const guint32 *completions = helder_lms_report_get_days (fixture->report, TRUE);

  g_assert_cmpint (input->kind, ==, HELDER_LMS_INPUT_XAPI);
  g_assert_cmpuint (input->rows, ==, 8);
  g_assert_cmpuint (input->used, ==, 4);
  g_assert_cmpuint (input->skipped, ==, 4);
  g_assert_cmpuint (starts[0], ==, julian (2, 4, 2025));
  g_assert_cmpuint (completions[0], ==, julian (3, 4, 2025));
  assert_diagnostic (fixture, "kpi-bad-statement", 5, "statement 5");
  assert_diagnostic (fixture, "kpi-unknown-module", 7, "andere-cursus");
  assert_diagnostic (fixture, "kpi-bad-date", 8, "ooit");
}

static void
test_organisation_and_privacy (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *organisation = write_input (fixture, "organisatie.csv",
                                               "Medewerker;Afdeling;Team;Besproken\n"
                                               "e1;Groot;A;ja\ne2;Groot;A;\ne3;Groot;B;nee\n"
                                               "e4;Groot;B;\ne5;Groot;C;2025-05-01\ne6;Groot;C;\n"
                                               "e7;Klein;A;\ne8;Klein;A;\ne6;Groot;C;\n");
  g_autoptr(GString) progress = g_string_new ("Medewerker,Module,Status,Gestart\n");
  g_autoptr(GString) answers = g_string_new ("Medewerker,Vraag,Resultaat,Antwoord\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderKpiResult) result = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  const HelderKpiGroup *big, *small;
  const HelderKpiSurveyItem *survey;
  const HelderKpiGrowth *goal;

  g_assert_true (helder_lms_report_load_organisation (fixture->report, organisation, &error));
  g_assert_no_error (error);
  assert_diagnostic (fixture, "kpi-duplicate", 10, "repeat");

  /* Everyone in the big department did both modules; in the small one, one
   * person started. Four people answered the survey, six the tests.
   */
  for (guint e = 1; e <= 7; e++)
    {
      g_string_append_printf (progress, "e%u,01-start,%s,2025-04-0%u\n", e,
                              e <= 6 ? "completed" : "incomplete", e);
      if (e <= 6)
        g_string_append_printf (progress, "e%u,02-einde,completed,2025-04-0%u\n", e, e + 1);
      if (e <= 6)
        g_string_append_printf (answers, "e%u,pre-1,%s,\ne%u,post-1,correct,\n"
                                "e%u,pre-2,correct,\ne%u,post-2,correct,\n",
                                e, e <= 3 ? "correct" : "incorrect", e, e, e);
      if (e <= 4)
        g_string_append_printf (answers, "e%u,tevreden,,%u\n", e, e + 1);
    }
  load (fixture, "progress.csv", progress->str);
  load (fixture, "answers.csv", answers->str);

  result = compute (fixture);
  g_assert_cmpuint (result->headcount, ==, 40);
  g_assert_cmpuint (result->participants, ==, 7);
  g_assert_cmpuint (result->completers, ==, 6);
  g_assert_cmpfloat_with_epsilon (result->figures[HELDER_KPI_PARTICIPATION].value, 17.5, 0.001);
  g_assert_cmpfloat_with_epsilon (result->figures[HELDER_KPI_COMPLETION].value, 600.0 / 7, 0.001);
  /* Team discussion: A and C of Groot; B of Groot and A of Klein not. */
  g_assert_cmpuint (result->teams, ==, 4);
  g_assert_cmpuint (result->teams_discussed, ==, 2);
  g_assert_cmpfloat_with_epsilon (result->figures[HELDER_KPI_TEAM_DISCUSSION].value, 50, 0.001);

  g_assert_cmpuint (result->departments->len, ==, 2);
  big = g_ptr_array_index (result->departments, 0);
  small = g_ptr_array_index (result->departments, 1);
  g_assert_cmpstr (big->name, ==, "Groot");
  g_assert_false (big->suppressed);
  g_assert_cmpuint (big->people, ==, 6);
  g_assert_cmpfloat_with_epsilon (big->completion, 100, 0.001);
  g_assert_true (small->suppressed);

  /* Four answers to the survey: hidden, and so is satisfaction. */
  survey = g_ptr_array_index (result->survey, 0);
  g_assert_true (survey->suppressed);
  g_assert_cmpuint (survey->counts[4], ==, 0);
  g_assert_true (result->figures[HELDER_KPI_SATISFACTION].suppressed);

  /* Goal 1: 3 of 6 right before, 6 of 6 after: +100%. Goal 2: 6 and 6: 0%. */
  goal = g_ptr_array_index (result->goals, 0);
  g_assert_cmpuint (goal->goal, ==, 1);
  g_assert_cmpstr (goal->text, ==, "Je weet wat AI is.");
  g_assert_cmpfloat_with_epsilon (goal->growth, 100, 0.001);
  g_assert_cmpfloat_with_epsilon (result->figures[HELDER_KPI_KNOWLEDGE_GROWTH].value,
                                  100.0 * (12 - 9) / 9, 0.001);

  json = helder_kpi_result_to_json (result, fixture->report);
  json_generator_set_root (generator, json);
  text = json_generator_to_data (generator, NULL);
  g_assert_null (strstr (text, "e1"));
  g_assert_nonnull (strstr (text, "\"name\":\"Klein\",\"suppressed\":true}"));
}

static void
test_mapping_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *mapping = write_input (fixture, "kpi-mapping.json",
                                          "{\"columns\": {\"Wie\": \"learner\", \"Welke\": \"module\","
                                          " \"Klaar?\": \"completed\"}}");
  g_autofree char *bad = write_input (fixture, "slecht.json", "{\"columns\": {\"Wie\": \"persoon\"}}");
  g_autofree char *saved = g_build_filename (fixture->folder, "opgeslagen.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  HelderLmsInput *input;

  g_assert_false (helder_lms_report_load_mapping (fixture->report, bad, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "persoon"));
  g_clear_error (&error);

  g_assert_true (helder_lms_report_load_mapping (fixture->report, mapping, &error));
  g_assert_no_error (error);
  input = load (fixture, "progress.csv", "Wie,Welke,Klaar?\nx1,01-start,ja\nx2,02-einde,nee\n");
  g_assert_cmpuint (input->used, ==, 2);
  g_assert_cmpuint (helder_lms_report_get_days (fixture->report, TRUE)[0], ==, HELDER_LMS_DAY_UNKNOWN);
  g_assert_cmpuint (helder_lms_report_get_days (fixture->report, TRUE)[3], ==, 0);

  g_assert_true (helder_lms_report_save_mapping (fixture->report, saved, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (saved, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"Klaar?\" : \"completed\""));
}

/* What the app's Match Columns lists: every column of every CSV file,
 * a refused one too, with the meaning it was read with; the messages
 * about columns name no file or option, and what the user chooses is
 * saved beside what the mapping file already held.
 */
static void
test_headers_and_chosen_columns (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *course_path = helder_test_copy_course ("kpi-course");
  g_autofree char *mapping_path = g_build_filename (course_path, "kpi-mapping.json", NULL);
  g_autofree char *refused = write_input (fixture, "wie.csv", "Wie,Klaar?,Status\nx1,ja,klaar\n");
  g_autoptr(HelderCourse) course = NULL;
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  const HelderDiagnostic *refusal;
  const HelderLmsHeader *header;
  GPtrArray *headers;

  load (fixture, "voortgang.csv", "User ID,Module,Status,Notes,Notes\nx1,01-start,completed,,\n");
  g_assert_false (helder_lms_report_load_file (fixture->report, refused, &error));
  g_clear_error (&error);

  headers = helder_lms_report_get_headers (fixture->report);
  g_assert_cmpuint (headers->len, ==, 7);
  header = g_ptr_array_index (headers, 3);
  g_assert_true (g_str_has_suffix (header->file, "voortgang.csv"));
  g_assert_cmpstr (header->header, ==, "Notes");
  g_assert_cmpint (header->column, ==, HELDER_LMS_COLUMN_IGNORED);
  header = g_ptr_array_index (headers, 4);
  g_assert_true (g_str_has_suffix (header->file, "wie.csv"));
  g_assert_cmpstr (header->header, ==, "Wie");
  header = g_ptr_array_index (headers, 6);
  g_assert_cmpstr (header->header, ==, "Status");
  g_assert_cmpint (header->column, ==, HELDER_LMS_COLUMN_STATUS);

  refusal = g_ptr_array_index (helder_lms_report_get_refusals (fixture->report), 0);
  g_assert_true (helder_lms_problem_is_about_columns (refusal));
  g_assert_null (strstr (refusal->message, "kpi-mapping.json"));
  g_assert_true (helder_lms_problem_is_about_columns (diagnostic (fixture, "kpi-unused-columns")));
  g_assert_null (strstr (diagnostic (fixture, "kpi-unused-columns")->message, "kpi-mapping.json"));
  g_assert_cmpstr (helder_lms_column_to_label (HELDER_LMS_COLUMN_LEARNER), ==,
                   "Learner (id, e-mail or staff number)");

  /* Chosen: Wie is the learner, Klaar? the date completed. The file
   * already names a column of another report, and "wie" in another
   * spelling, which gives way.
   */
  g_assert_true (g_file_set_contents (mapping_path,
                                      "{\"columns\": {\"Persoon\": \"learner\", \"wie\": \"team\"}}",
                                      -1, &error));
  g_assert_no_error (error);
  ((HelderLmsHeader *) g_ptr_array_index (headers, 4))->column = HELDER_LMS_COLUMN_LEARNER;
  ((HelderLmsHeader *) g_ptr_array_index (headers, 5))->column = HELDER_LMS_COLUMN_COMPLETED;
  for (guint i = 4; i < 7; i++)
    g_ptr_array_add (chosen, g_ptr_array_index (headers, i));
  course = helder_course_load (course_path, &error);
  g_assert_no_error (error);
  g_assert_true (helder_lms_save_chosen_columns (course, chosen, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (mapping_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==,
                   "{\n"
                   "  \"columns\" : {\n"
                   "    \"Klaar?\" : \"completed\",\n"
                   "    \"Persoon\" : \"learner\",\n"
                   "    \"Status\" : \"status\",\n"
                   "    \"Wie\" : \"learner\"\n"
                   "  }\n"
                   "}\n");

  /* A broken mapping file is said and left as it was, unless the user
   * was told that Apply replaces it.
   */
  g_assert_true (g_file_set_contents (mapping_path, "{\"columns\": {\"Wie\": \"persoon\"}}", -1, &error));
  g_assert_false (helder_lms_save_chosen_columns (course, chosen, FALSE, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, mapping_path));
  g_clear_error (&error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (mapping_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "{\"columns\": {\"Wie\": \"persoon\"}}");

  g_assert_true (helder_lms_save_chosen_columns (course, chosen, TRUE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (mapping_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==,
                   "{\n"
                   "  \"columns\" : {\n"
                   "    \"Klaar?\" : \"completed\",\n"
                   "    \"Status\" : \"status\",\n"
                   "    \"Wie\" : \"learner\"\n"
                   "  }\n"
                   "}\n");

  g_clear_object (&course);
  {
    g_autofree char *parent = g_path_get_dirname (course_path);

    helder_test_remove_tree (parent);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/quotes-and-lines", test_csv_quotes_and_lines);
  g_test_add_func ("/csv/separators", test_csv_separators);
  g_test_add_func ("/csv/encodings", test_csv_encodings);
  g_test_add_func ("/csv/undefined-bytes", test_csv_undefined_bytes);
  g_test_add_func ("/csv/utf16", test_csv_utf16);
  g_test_add_func ("/csv/broken-quotes", test_csv_broken_quotes);
  g_test_add_func ("/lms/recognise-columns", test_recognise_columns);
  g_test_add_func ("/lms/parse-day", test_parse_day);
  g_test_add ("/lms/progress-variants", Fixture, NULL, fixture_set_up, test_progress_variants, fixture_tear_down);
  g_test_add ("/lms/progress-bad-rows", Fixture, NULL, fixture_set_up, test_progress_bad_rows, fixture_tear_down);
  g_test_add ("/lms/unrecognised-files", Fixture, NULL, fixture_set_up, test_unrecognised_files, fixture_tear_down);
  g_test_add ("/lms/organisation-among-reports", Fixture, NULL, fixture_set_up, test_organisation_among_reports, fixture_tear_down);
  g_test_add ("/lms/interactions", Fixture, NULL, fixture_set_up, test_interactions, fixture_tear_down);
  g_test_add ("/lms/moodle", Fixture, NULL, fixture_set_up, test_moodle_report, fixture_tear_down);
  g_test_add ("/lms/xapi", Fixture, NULL, fixture_set_up, test_xapi, fixture_tear_down);
  g_test_add ("/kpi/organisation-and-privacy", Fixture, NULL, fixture_set_up, test_organisation_and_privacy, fixture_tear_down);
  g_test_add ("/lms/mapping-file", Fixture, NULL, fixture_set_up, test_mapping_file, fixture_tear_down);
  g_test_add ("/lms/headers-and-chosen-columns", Fixture, NULL, fixture_set_up, test_headers_and_chosen_columns, fixture_tear_down);

  return g_test_run ();
}
