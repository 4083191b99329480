/* helder-lms-csv.c
 *
 * The CSV kinds of an LMS report: progress per learner and module, one
 * answer a row, Moodle's SCORM interactions report, and the organisation
 * file; their columns recognised by name, every unusable row counted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-lms-csv"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "helder-csv.h"
#include "helder-lms-report-private.h"

/* CSV rows. */

static const char *
field (LoadState          *state,
       const char * const *fields,
       HelderLmsColumn     column)
{
  int index = state->columns[column];

  return index >= 0 ? fields[index] : "";
}

static guint
parse_attempt (const char *value)
{
  return (guint) MIN (g_ascii_strtoull (value, NULL, 10), 255);
}

/* A 64-bit FNV-1a hash of the whole row, kept as the key itself: with a
 * million rows the chance that two different rows share one is about
 * one in ten million, and no row needs to be stored.
 */
static gpointer
row_hash (const char * const *fields)
{
  guint64 hash = G_GUINT64_CONSTANT (14695981039346656037);

  for (guint i = 0; fields[i] != NULL; i++)
    {
      for (const char *p = fields[i]; *p != '\0'; p++)
        hash = (hash ^ (guchar) *p) * G_GUINT64_CONSTANT (1099511628211);
      hash = (hash ^ 0x1f) * G_GUINT64_CONSTANT (1099511628211);
    }

  return (gpointer) (guintptr) hash;
}

static void
progress_row (LoadState          *state,
              const char * const *fields,
              guint               line)
{
  HelderLmsReport *self = state->report;
  const char *learner_id = field (state, fields, HELDER_LMS_COLUMN_LEARNER);
  const char *module_name = field (state, fields, HELDER_LMS_COLUMN_MODULE);
  const char *status_text = field (state, fields, HELDER_LMS_COLUMN_STATUS);
  const char *started_text = field (state, fields, HELDER_LMS_COLUMN_STARTED);
  const char *completed_text = field (state, fields, HELDER_LMS_COLUMN_COMPLETED);
  const char *department = field (state, fields, HELDER_LMS_COLUMN_DEPARTMENT);
  guint module = 0;
  guint32 started = 0, completed = 0;
  Status status;
  guint learner;
  gsize slot;

  if (state->columns[HELDER_LMS_COLUMN_MODULE] >= 0)
    {
      g_autofree char *name = helder_lms_normalise_header (module_name);

      module = GPOINTER_TO_UINT (g_hash_table_lookup (self->module_names, name));
      if (module == 0)
        {
          helder_lms_problem (state, PROBLEM_UNKNOWN_MODULE, line, module_name);
          return;
        }
      module--;
    }

  if (*started_text != '\0' && (started = helder_lms_parse_day (started_text)) == 0)
    {
      helder_lms_problem (state, PROBLEM_BAD_DATE, line, started_text);
      return;
    }

  /* Some platforms put "yes" in a "completed" column instead of a date. */
  if (*completed_text != '\0' && (completed = helder_lms_parse_day (completed_text)) == 0)
    {
      if (state->columns[HELDER_LMS_COLUMN_STATUS] < 0 && helder_lms_parse_yes (completed_text))
        completed = HELDER_LMS_DAY_UNKNOWN;
      else if (!helder_lms_value_in (completed_text, "|no|nee|n|false|-|"))
        {
          helder_lms_problem (state, PROBLEM_BAD_DATE, line, completed_text);
          return;
        }
    }

  if (state->columns[HELDER_LMS_COLUMN_STATUS] >= 0)
    {
      status = helder_lms_parse_status (status_text);
      if (status == STATUS_UNKNOWN)
        {
          helder_lms_problem (state, PROBLEM_BAD_STATUS, line, status_text);
          return;
        }
      if (status == STATUS_COMPLETED && completed == 0)
        completed = started != 0 ? started : HELDER_LMS_DAY_UNKNOWN;
      else if (status != STATUS_COMPLETED)
        completed = 0;
      if (status != STATUS_NOT_STARTED && started == 0)
        started = completed != 0 ? completed : HELDER_LMS_DAY_UNKNOWN;
    }
  else if (completed != 0 && started == 0)
    started = completed;

  if (state->row_hashes != NULL && !g_hash_table_add (state->row_hashes, row_hash (fields)))
    {
      helder_lms_problem (state, PROBLEM_DUPLICATE, line, NULL);
      return;
    }

  learner = helder_lms_report_learner_lookup (self, learner_id, TRUE);
  if (*department != '\0' && g_array_index (self->learner_departments, gint32, learner) < 0)
    g_array_index (self->learner_departments, gint32, learner) =
      helder_lms_intern_name (self->departments, self->department_index, department);

  slot = (gsize) learner * self->module_ids->len + module;
  if (started != 0)
    {
      if (started == HELDER_LMS_DAY_UNKNOWN)
        helder_lms_problem (state, PROBLEM_UNDATED, line, NULL);
      helder_lms_keep_earliest (&g_array_index (self->starts, guint32, slot), started);
      helder_lms_report_note_day (self, started);
    }
  if (completed != 0)
    {
      if (completed == HELDER_LMS_DAY_UNKNOWN)
        helder_lms_problem (state, PROBLEM_UNDATED, line, NULL);
      helder_lms_keep_earliest (&g_array_index (self->completions, guint32, slot), completed);
      helder_lms_report_note_day (self, completed);
    }
  state->input->used++;
}

static void
interaction_row (LoadState          *state,
                 const char * const *fields,
                 guint               line)
{
  guint learner = helder_lms_report_learner_lookup (state->report, field (state, fields, HELDER_LMS_COLUMN_LEARNER), TRUE);

  if (helder_lms_record_answer (state, learner,
                     field (state, fields, HELDER_LMS_COLUMN_INTERACTION),
                     field (state, fields, HELDER_LMS_COLUMN_RESULT),
                     field (state, fields, HELDER_LMS_COLUMN_RESPONSE),
                     parse_attempt (field (state, fields, HELDER_LMS_COLUMN_ATTEMPT)), line))
    state->input->used++;
}

static void
moodle_row (LoadState          *state,
            const char * const *fields,
            guint               line)
{
  guint learner = helder_lms_report_learner_lookup (state->report, field (state, fields, HELDER_LMS_COLUMN_LEARNER), TRUE);
  guint attempt = parse_attempt (field (state, fields, HELDER_LMS_COLUMN_ATTEMPT));
  guint skipped = state->input->skipped;
  gboolean any = FALSE;

  for (guint g = 0; g < state->moodle_groups->len; g++)
    {
      const MoodleGroup *group = &g_array_index (state->moodle_groups, MoodleGroup, g);
      const char *id = group->question >= 0 ? fields[group->question] : "";

      if (*id == '\0' || g_str_equal (id, "-"))
        continue;
      any |= helder_lms_record_answer (state, learner, id,
                            group->result >= 0 ? fields[group->result] : "",
                            group->response >= 0 ? fields[group->response] : "",
                            attempt, line);
    }

  /* A row counts once: used when one of its answers was, otherwise
   * skipped once, whatever the number of bad answers in it.
   */
  state->input->skipped = skipped;
  if (any)
    state->input->used++;
  else
    state->input->skipped++;
}

static void
organisation_row (LoadState          *state,
                  const char * const *fields,
                  guint               line)
{
  HelderLmsReport *self = state->report;
  const char *department = field (state, fields, HELDER_LMS_COLUMN_DEPARTMENT);
  const char *team = field (state, fields, HELDER_LMS_COLUMN_TEAM);
  const char *discussed = field (state, fields, HELDER_LMS_COLUMN_DISCUSSED);
  guint learner = helder_lms_report_learner_lookup (self, field (state, fields, HELDER_LMS_COLUMN_LEARNER), TRUE);

  if (g_array_index (self->in_organisation, gboolean, learner))
    {
      helder_lms_problem (state, PROBLEM_DUPLICATE, line, NULL);
      return;
    }

  g_array_index (self->in_organisation, gboolean, learner) = TRUE;
  self->n_employees++;
  if (*department != '\0')
    g_array_index (self->learner_departments, gint32, learner) =
      helder_lms_intern_name (self->departments, self->department_index, department);
  if (*team != '\0')
    {
      /* Teams of the same name in two departments are two teams. */
      g_autofree char *key = g_strdup_printf ("%s / %s", department, team);
      gint32 index = helder_lms_intern_name (self->teams, self->team_index, key);

      g_array_set_size (self->team_discussed, self->teams->len);
      g_array_index (self->learner_teams, gint32, learner) = index;
      if (*discussed != '\0' && helder_lms_parse_yes (discussed))
        g_array_index (self->team_discussed, gboolean, index) = TRUE;
    }
  state->input->used++;
}

static gboolean
recognise_moodle_group (LoadState  *state,
                        const char *name,
                        int         index)
{
  static const struct
  {
    const char *prefix;
    int         part; /* 0 question, 1 response, 2 result, 3 right answer */
  } prefixes[] = {
    { "question ", 0 }, { "vraag ", 0 }, { "response ", 1 }, { "antwoord ", 1 },
    { "result ", 2 }, { "resultaat ", 2 }, { "right answer ", 3 }, { "juist antwoord ", 3 },
    { "correct antwoord ", 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      const char *rest;
      char *end = NULL;
      guint64 number;
      MoodleGroup *group;

      if (!g_str_has_prefix (name, prefixes[i].prefix))
        continue;
      rest = name + strlen (prefixes[i].prefix);
      number = g_ascii_strtoull (rest, &end, 10);
      if (end == rest || *end != '\0' || number == 0 || number > 1000)
        continue;

      if (state->moodle_groups->len < number)
        {
          guint old = state->moodle_groups->len;

          g_array_set_size (state->moodle_groups, number);
          for (guint g = old; g < number; g++)
            g_array_index (state->moodle_groups, MoodleGroup, g) = (MoodleGroup) { -1, -1, -1 };
        }
      group = &g_array_index (state->moodle_groups, MoodleGroup, number - 1);
      if (prefixes[i].part == 0)
        group->question = index;
      else if (prefixes[i].part == 1)
        group->response = index;
      else if (prefixes[i].part == 2)
        group->result = index;
      return TRUE;
    }
  return FALSE;
}

static gboolean
read_header (LoadState          *state,
             const char * const *fields,
             guint               n_fields,
             guint               line)
{
  HelderLmsReport *self = state->report;
  g_autoptr(GString) ignored = g_string_new (NULL);
  gboolean organisation = state->input->kind == HELDER_LMS_INPUT_ORGANISATION;

  state->n_header = n_fields;
  for (guint c = 0; c < HELDER_N_LMS_COLUMNS; c++)
    state->columns[c] = -1;

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *name = helder_lms_normalise_header (fields[i]);
      gpointer mapped = NULL;
      HelderLmsColumn column;

      if (g_hash_table_lookup_extended (self->mapping, name, NULL, &mapped))
        column = GPOINTER_TO_UINT (mapped);
      else if (recognise_moodle_group (state, name, i))
        continue;
      else
        column = helder_lms_column_recognise (fields[i]);

      if (*fields[i] != '\0')
        helder_lms_report_add_header (self, state->input->file, fields[i], column);
      if (column != HELDER_LMS_COLUMN_IGNORED && state->columns[column] < 0)
        state->columns[column] = i;
      else if (*fields[i] != '\0')
        g_string_append_printf (ignored, "%s“%s”", ignored->len > 0 ? ", " : "", fields[i]);
    }

  if (state->columns[HELDER_LMS_COLUMN_LEARNER] < 0)
    {
      helder_lms_report_refuse_file (self, state->input->file, line, "kpi-no-learner-column",
                                     _("no column with the learner's id (such as “user id”, "
                                       "“e-mail” or “personeelsnummer”)."),
                                     &state->error);
      return FALSE;
    }

  if (!organisation)
    {
      if (state->moodle_groups->len > 0)
        state->input->kind = HELDER_LMS_INPUT_MOODLE;
      else if (state->columns[HELDER_LMS_COLUMN_INTERACTION] >= 0)
        state->input->kind = HELDER_LMS_INPUT_INTERACTIONS;
      else if (state->columns[HELDER_LMS_COLUMN_STATUS] >= 0 ||
               state->columns[HELDER_LMS_COLUMN_STARTED] >= 0 ||
               state->columns[HELDER_LMS_COLUMN_COMPLETED] >= 0)
        {
          state->input->kind = HELDER_LMS_INPUT_PROGRESS;
          state->row_hashes = g_hash_table_new (NULL, NULL);
          if (state->columns[HELDER_LMS_COLUMN_MODULE] < 0 && self->module_ids->len != 1)
            {
              helder_lms_report_refuse_file (self, state->input->file, line,
                                             "kpi-no-module-column",
                                             _("no column that names the module (such as "
                                               "“module” or “cursus”), and the course has more "
                                               "than one."),
                                             &state->error);
              return FALSE;
            }
        }
      /* People with a department or team but no progress or answers:
       * an organisation file given among the reports.
       */
      else if (state->columns[HELDER_LMS_COLUMN_DEPARTMENT] >= 0 ||
               state->columns[HELDER_LMS_COLUMN_TEAM] >= 0)
        state->input->kind = HELDER_LMS_INPUT_ORGANISATION;
      else
        {
          helder_lms_report_refuse_file (self, state->input->file, line, "kpi-unknown-report",
                                         _("Helder does not recognise this report: it has no "
                                           "status or date columns and no question columns."),
                                         &state->error);
          return FALSE;
        }
    }

  if (ignored->len > 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("these columns are not used: %s."), ignored->str);

      helder_lms_report_add_diagnostic (self, state->input->file, line, HELDER_SEVERITY_HINT, "kpi-unused-columns", message);
    }

  return TRUE;
}

static gboolean
csv_row_cb (const char * const *fields,
            guint               n_fields,
            guint               line,
            gpointer            user_data)
{
  LoadState *state = user_data;

  if (!state->header_done)
    {
      state->header_done = TRUE;
      return read_header (state, fields, n_fields, line);
    }

  state->input->rows++;
  if (n_fields != state->n_header)
    {
      /* A single empty field is a blank line written by a spreadsheet. */
      if (n_fields == 1 && *fields[0] == '\0')
        state->input->rows--;
      else
        helder_lms_problem (state, PROBLEM_FIELD_COUNT, line, NULL);
      return TRUE;
    }
  if (*field (state, fields, HELDER_LMS_COLUMN_LEARNER) == '\0')
    {
      helder_lms_problem (state, PROBLEM_NO_LEARNER, line, NULL);
      return TRUE;
    }

  switch (state->input->kind)
    {
    case HELDER_LMS_INPUT_PROGRESS:
      progress_row (state, fields, line);
      break;
    case HELDER_LMS_INPUT_INTERACTIONS:
      interaction_row (state, fields, line);
      break;
    case HELDER_LMS_INPUT_MOODLE:
      moodle_row (state, fields, line);
      break;
    case HELDER_LMS_INPUT_ORGANISATION:
      organisation_row (state, fields, line);
      break;
    case HELDER_LMS_INPUT_XAPI:
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

/* A file that could not be read leaves no trace among the inputs. */
static void
load_state_fail (LoadState *state)
{
  g_ptr_array_remove (state->report->inputs, state->input);
  state->input = NULL;
}

void
helder_lms_load_state_clear (LoadState *state)
{
  for (guint k = 0; k < N_PROBLEMS; k++)
    g_free (state->problems[k].example);
  g_clear_pointer (&state->moodle_groups, g_array_unref);
  g_clear_pointer (&state->row_hashes, g_hash_table_unref);
  g_clear_error (&state->error);
}

gboolean
helder_lms_report_load_csv (HelderLmsReport     *self,
                            const char          *path,
                            HelderLmsInputKind   kind,
                            GError             **error)
{
  LoadState state = { 0 };
  HelderCsvInfo info;

  state.report = self;
  state.input = helder_lms_report_add_input (self, path, kind);
  state.moodle_groups = g_array_new (FALSE, FALSE, sizeof (MoodleGroup));

  if (!helder_csv_read_file (path, csv_row_cb, &state, &info, error))
    {
      g_prefix_error (error, "%s: ", path);
      load_state_fail (&state);
      helder_lms_load_state_clear (&state);
      return FALSE;
    }
  if (state.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&state.error));
      load_state_fail (&state);
      helder_lms_load_state_clear (&state);
      return FALSE;
    }
  if (!state.header_done)
    {
      helder_lms_report_refuse_file (self, path, 0, "kpi-unusable-file",
                                     _("the file is empty; export the report again."), error);
      load_state_fail (&state);
      helder_lms_load_state_clear (&state);
      return FALSE;
    }

  state.input->separator = info.separator;
  if (info.utf16)
    state.input->encoding = "UTF-16";
  if (info.converted_lines > 0)
    state.input->encoding = info.utf8_lines_with_8bit > 0 ? "UTF-8 + Windows-1252" : "Windows-1252";
  if (info.undefined_bytes > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u byte is not a character in Windows-1252 and is read as �; "
                                      "it is in column %u of this line. Check the names and ids on it.",
                                      "%u bytes are not characters in Windows-1252 and are read as �; "
                                      "the first is in column %u of this line. Check the names and ids "
                                      "on it.",
                                      info.undefined_bytes),
                         info.undefined_bytes, info.first_undefined_column);

      helder_lms_report_add_diagnostic (self, path, info.first_undefined_line,
                                        HELDER_SEVERITY_WARNING, "kpi-undefined-byte", message);
    }
  if (info.converted_lines > 0 && info.utf8_lines_with_8bit > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "the file mixes encodings: %u line is Windows-1252, the rest UTF-8; "
                                      "each line is read in its own encoding. Check names with accents.",
                                      "the file mixes encodings: %u lines are Windows-1252, the rest UTF-8; "
                                      "each line is read in its own encoding. Check names with accents.",
                                      info.converted_lines),
                         info.converted_lines);

      helder_lms_report_add_diagnostic (self, path, 0, HELDER_SEVERITY_WARNING, "kpi-mixed-encoding", message);
    }
  if (info.broken_records > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u row has a quote that is not closed or stray text after a quote; it is skipped. Check the quotes on this line.",
                                      "%u rows have a quote that is not closed or stray text after a quote; they are skipped. Check the quotes on this line, the first of them.",
                                      info.broken_records),
                         info.broken_records);

      state.input->rows += info.broken_records;
      state.input->skipped += info.broken_records;
      helder_lms_report_add_diagnostic (self, path, info.first_broken_line, HELDER_SEVERITY_WARNING, "kpi-broken-quotes", message);
    }

  helder_lms_report_problems (&state);
  helder_lms_load_state_clear (&state);
  return TRUE;
}
