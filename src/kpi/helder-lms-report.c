/* helder-lms-report.c
 *
 * Reads what a learning platform reports about a course: progress per
 * learner and module, answers to the pre-test, post-test and survey (as a
 * CSV with one answer a row, as Moodle's SCORM interactions report, or as
 * xAPI statements), and the organisation file that says who works where.
 * Columns are recognised by their common Dutch and English names; a
 * mapping saved in the course folder (kpi-mapping.json) corrects that.
 *
 * Personal data stays here: learners become row numbers in arrays, and
 * only counts leave this unit. Every row that cannot be used is counted
 * under a located message; nothing is dropped without a word.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-lms-report"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "helder-csv.h"
#include "helder-diagnostic.h"
#include "helder-lms-report.h"
#include "helder-lms-report-private.h"

const char * const helder_lms_column_names[HELDER_N_LMS_COLUMNS] = {
  "ignored", "learner", "module", "status", "started", "completed", "department", "team",
  "interaction", "result", "response", "attempt", "discussed",
};

/* Header names as they are after helder_lms_normalise_header (): lower case, every
 * run of other characters than letters and digits one space.
 */
static const struct
{
  HelderLmsColumn  column;
  const char      *names;
} known_headers[] = {
  { HELDER_LMS_COLUMN_LEARNER,
    "|learner|learner id|user|user id|userid|username|user name|gebruiker|gebruikersnaam|"
    "employee|employee id|employee number|personeelsnummer|medewerker|medewerker id|"
    "medewerkernummer|deelnemer|deelnemer id|student|student id|id number|idnumber|email|"
    "email address|e mail|e mail address|e mailadres|emailadres|login|staff id|"
    "personnel number|persoon id|actor|" },
  { HELDER_LMS_COLUMN_MODULE,
    "|module|module id|module name|modulenaam|course|course id|course name|cursus|cursusnaam|"
    "activity|activity name|activiteit|sco|sco title|onderdeel|leermodule|training|" },
  { HELDER_LMS_COLUMN_STATUS,
    "|status|completion status|voltooiingsstatus|lesson status|voortgang|progress|"
    "progress status|completion|voltooiing|success status|" },
  { HELDER_LMS_COLUMN_STARTED,
    "|started|started on|start|start date|startdatum|begindatum|gestart|gestart op|"
    "begonnen op|first access|first accessed|eerste toegang|date started|datum gestart|"
    "first launch|eerst geopend|" },
  { HELDER_LMS_COLUMN_COMPLETED,
    "|completed|completed on|completion date|date completed|datum voltooid|voltooid|"
    "voltooid op|afgerond|afgerond op|datum afgerond|einddatum|finished|finished on|end date|" },
  { HELDER_LMS_COLUMN_DEPARTMENT,
    "|department|afdeling|directie|directorate|division|sector|organisatieonderdeel|"
    "business unit|dienst|" },
  { HELDER_LMS_COLUMN_TEAM, "|team|team name|teamnaam|unit|eenheid|group|groep|" },
  { HELDER_LMS_COLUMN_INTERACTION,
    "|interaction|interaction id|interactie|interactie id|question|question id|vraag|"
    "vraag id|vraagnummer|item|item id|cmi interactions id|" },
  { HELDER_LMS_COLUMN_RESULT, "|result|resultaat|correct|juist|uitkomst|outcome|" },
  { HELDER_LMS_COLUMN_RESPONSE,
    "|response|learner response|student response|antwoord|gegeven antwoord|answer|waarde|value|" },
  { HELDER_LMS_COLUMN_ATTEMPT, "|attempt|attempt number|attempt no|poging|pogingnummer|" },
  { HELDER_LMS_COLUMN_DISCUSSED,
    "|discussed|team discussed|discussed in team|besproken|besproken in team|"
    "besproken in teamoverleg|teamgesprek|team discussion|" },
};

static void
helder_lms_item_free (HelderLmsItem *item)
{
  g_free (item->id);
  g_free (item->text);
  g_free (item->goal_text);
  g_free (item->module);
  g_array_unref (item->answers);
  g_array_unref (item->attempts);
  g_free (item);
}

static void
helder_lms_header_free (HelderLmsHeader *header)
{
  g_free (header->file);
  g_free (header->header);
  g_free (header);
}

static void
helder_lms_input_free (HelderLmsInput *input)
{
  g_free (input->file);
  g_free (input);
}

/* Lower case, and every run of characters other than ASCII letters,
 * digits and non-ASCII letters becomes one space, trimmed.
 */
char *
helder_lms_normalise_header (const char *header)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = header; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append_unichar (out, g_unichar_tolower (c));
          space = FALSE;
        }
      else
        space = TRUE;
    }

  return g_string_free (out, FALSE);
}

HelderLmsColumn
helder_lms_column_recognise (const char *header)
{
  g_autofree char *name = helder_lms_normalise_header (header);
  g_autofree char *needle = g_strdup_printf ("|%s|", name);

  if (*name == '\0')
    return HELDER_LMS_COLUMN_IGNORED;

  for (guint i = 0; i < G_N_ELEMENTS (known_headers); i++)
    if (strstr (known_headers[i].names, needle) != NULL)
      return known_headers[i].column;

  return HELDER_LMS_COLUMN_IGNORED;
}

const char *
helder_lms_column_to_string (HelderLmsColumn column)
{
  g_return_val_if_fail (column < HELDER_N_LMS_COLUMNS, NULL);

  return helder_lms_column_names[column];
}

/* What a column holds, in the words of the person who reads the app's
 * Match Columns dialog.
 *
 * Returns: (transfer none): the translated text.
 */
const char *
helder_lms_column_to_label (HelderLmsColumn column)
{
  g_return_val_if_fail (column < HELDER_N_LMS_COLUMNS, NULL);

  switch (column)
    {
    case HELDER_LMS_COLUMN_IGNORED:
      return _("Not used");
    case HELDER_LMS_COLUMN_LEARNER:
      return _("Learner (id, e-mail or staff number)");
    case HELDER_LMS_COLUMN_MODULE:
      return _("Module");
    case HELDER_LMS_COLUMN_STATUS:
      return _("Status (started, completed…)");
    case HELDER_LMS_COLUMN_STARTED:
      return _("Date started");
    case HELDER_LMS_COLUMN_COMPLETED:
      return _("Date completed");
    case HELDER_LMS_COLUMN_DEPARTMENT:
      return _("Department");
    case HELDER_LMS_COLUMN_TEAM:
      return _("Team");
    case HELDER_LMS_COLUMN_INTERACTION:
      return _("Question");
    case HELDER_LMS_COLUMN_RESULT:
      return _("Result (right or wrong)");
    case HELDER_LMS_COLUMN_RESPONSE:
      return _("Answer given");
    case HELDER_LMS_COLUMN_ATTEMPT:
      return _("Attempt");
    case HELDER_LMS_COLUMN_DISCUSSED:
      return _("Discussed in the team");
    case HELDER_N_LMS_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

gboolean
helder_lms_column_from_string (const char      *name,
                               HelderLmsColumn *column)
{
  for (guint i = 0; i < HELDER_N_LMS_COLUMNS; i++)
    if (g_strcmp0 (name, helder_lms_column_names[i]) == 0)
      {
        *column = i;
        return TRUE;
      }
  return FALSE;
}

const char *
helder_lms_input_kind_to_string (HelderLmsInputKind kind)
{
  switch (kind)
    {
    case HELDER_LMS_INPUT_PROGRESS:
      return "progress";
    case HELDER_LMS_INPUT_INTERACTIONS:
      return "interactions";
    case HELDER_LMS_INPUT_MOODLE:
      return "moodle-interactions";
    case HELDER_LMS_INPUT_XAPI:
      return "xapi";
    case HELDER_LMS_INPUT_ORGANISATION:
      return "organisation";
    default:
      g_assert_not_reached ();
    }
}

/* Dates. */

static const char * const month_names[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
};
static const char * const dutch_month_names[] = {
  "jan", "feb", "maa", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
};

static guint
read_number (const char **p,
             guint       *digits)
{
  guint value = 0;

  *digits = 0;
  while (g_ascii_isdigit (**p) && *digits < 10)
    {
      value = value * 10 + (guint) (**p - '0');
      (*p)++;
      (*digits)++;
    }
  return value;
}

static guint
read_month_name (const char **p)
{
  char prefix[4] = { 0 };
  const char *start = *p;

  while (g_ascii_isalpha (**p))
    (*p)++;
  if (*p - start < 3)
    return 0;
  for (guint i = 0; i < 3; i++)
    prefix[i] = g_ascii_tolower (start[i]);
  for (guint m = 0; m < 12; m++)
    if (strcmp (prefix, month_names[m]) == 0 || strcmp (prefix, dutch_month_names[m]) == 0)
      return m + 1;
  return 0;
}

/* Understands 2025-04-03 (with or without a time after it), 03-04-2025
 * and 3/4/2025 (day first, as in the Netherlands), "3 April 2025" and
 * "Thursday, 3 April 2025, 10:15 AM" (Moodle), "3 april 2025", and Unix
 * timestamps. Returns a Julian day number, or 0.
 */
guint32
helder_lms_parse_day (const char *text)
{
  const char *p = text;
  guint a, b, c, digits_a, digits_b, digits_c;
  guint day, month, year;

  while (*p == ' ')
    p++;

  /* A weekday in front: "Thursday, 3 April 2025". */
  if (g_ascii_isalpha (*p))
    {
      const char *comma = strchr (p, ',');

      if (comma == NULL)
        return 0;
      p = comma + 1;
      while (*p == ' ')
        p++;
    }

  a = read_number (&p, &digits_a);
  if (digits_a == 0)
    return 0;

  if (*p == '\0' && digits_a >= 9)
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (a);
      GDate date;

      if (time == NULL)
        return 0;
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, g_date_time_get_day_of_month (time),
                      g_date_time_get_month (time), g_date_time_get_year (time));
      return g_date_get_julian (&date);
    }

  if (*p == '-' || *p == '/' || *p == '.')
    {
      char separator = *p++;

      b = read_number (&p, &digits_b);
      if (digits_b == 0 || *p != separator)
        return 0;
      p++;
      c = read_number (&p, &digits_c);
      if (digits_c == 0)
        return 0;
      if (digits_a == 4)
        {
          year = a;
          month = b;
          day = c;
        }
      else
        {
          day = a;
          month = b;
          year = digits_c == 2 ? 2000 + c : c;
        }
    }
  else if (*p == ' ')
    {
      while (*p == ' ')
        p++;
      day = a;
      month = read_month_name (&p);
      while (*p == ' ' || *p == '.')
        p++;
      year = read_number (&p, &digits_c);
      if (month == 0 || digits_c != 4)
        return 0;
    }
  else
    return 0;

  if (year < 1900 || year > 2999 || !g_date_valid_dmy (day, month, year))
    return 0;

  {
    GDate date;

    g_date_clear (&date, 1);
    g_date_set_dmy (&date, day, month, year);
    return g_date_get_julian (&date);
  }
}

/* The report. */

static void
add_module_name (HelderLmsReport *self,
                 const char      *name,
                 guint            index)
{
  if (name != NULL && *name != '\0')
    g_hash_table_insert (self->module_names, helder_lms_normalise_header (name), GUINT_TO_POINTER (index + 1));
}

static void
add_course_item (HelderLmsReport   *self,
                 HelderCourse      *course,
                 const HelderBlock *block,
                 HelderModule      *module)
{
  const char * const *goals = helder_module_get_goals (module);
  const char *id = helder_block_get_value (block, "id");
  const char *test = helder_block_get_value (block, "test");
  const char *kind = helder_block_get_value (block, "kind");
  const char *goal = helder_block_get_value (block, "goal");
  HelderLmsItem *item;

  if (id == NULL || g_hash_table_contains (self->item_index, id))
    return;

  item = g_new0 (HelderLmsItem, 1);
  item->id = g_strdup (id);
  if (block->kind == HELDER_BLOCK_SURVEY)
    item->kind = g_strcmp0 (kind, "open") == 0 ? HELDER_LMS_ITEM_OPEN : HELDER_LMS_ITEM_LIKERT;
  else if (g_strcmp0 (test, "pre") == 0)
    item->kind = HELDER_LMS_ITEM_PRE;
  else if (g_strcmp0 (test, "post") == 0)
    item->kind = HELDER_LMS_ITEM_POST;
  else
    {
      g_free (item->id);
      g_free (item);
      return;
    }
  item->text = g_strdup (helder_block_get_value (block, "question"));
  item->module = g_strdup (helder_module_get_id (module));
  /* The course's goals name the goal (course.json); a course without
   * them numbers its goals after those of the question's module.
   */
  if (helder_course_get_n_goals (course) > 0)
    {
      const HelderGoal *found;
      guint position;

      if (goal != NULL && (found = helder_course_find_goal (course, goal, &position)) != NULL)
        {
          item->goal = position + 1;
          item->goal_text = g_strdup (found->text);
        }
    }
  else
    {
      item->goal = goal != NULL ? (guint) g_ascii_strtoull (goal, NULL, 10) : 0;
      if (item->goal > 0 && goals != NULL && item->goal <= g_strv_length ((char **) goals))
        item->goal_text = g_strdup (goals[item->goal - 1]);
    }
  item->answers = g_array_new (FALSE, TRUE, 1);
  item->attempts = g_array_new (FALSE, TRUE, 1);
  g_ptr_array_add (self->items, item);
  g_hash_table_insert (self->item_index, item->id, GUINT_TO_POINTER (self->items->len));
}

HelderLmsReport *
helder_lms_report_new (HelderCourse *course)
{
  HelderLmsReport *self = g_new0 (HelderLmsReport, 1);

  g_return_val_if_fail (HELDER_IS_COURSE (course), NULL);

  self->module_ids = g_ptr_array_new_with_free_func (g_free);
  self->module_titles = g_ptr_array_new_with_free_func (g_free);
  self->module_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_lms_item_free);
  self->item_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->learner_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->starts = g_array_new (FALSE, TRUE, sizeof (guint32));
  self->completions = g_array_new (FALSE, TRUE, sizeof (guint32));
  self->learner_departments = g_array_new (FALSE, FALSE, sizeof (gint32));
  self->learner_teams = g_array_new (FALSE, FALSE, sizeof (gint32));
  self->in_organisation = g_array_new (FALSE, TRUE, sizeof (gboolean));
  self->departments = g_ptr_array_new_with_free_func (g_free);
  self->department_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->teams = g_ptr_array_new_with_free_func (g_free);
  self->team_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->team_discussed = g_array_new (FALSE, TRUE, sizeof (gboolean));
  self->mapping = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->headers = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_lms_header_free);
  self->diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  self->refusals = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  self->inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_lms_input_free);

  for (guint m = 0; m < helder_course_get_n_modules (course); m++)
    {
      HelderModule *module = helder_course_get_module (course, m);
      g_autofree char *number = g_strdup_printf ("%u", m + 1);
      g_autofree char *named = g_strdup_printf ("module %u", m + 1);

      g_ptr_array_add (self->module_ids, g_strdup (helder_module_get_id (module)));
      g_ptr_array_add (self->module_titles, g_strdup (helder_module_get_title (module)));
      add_module_name (self, helder_module_get_id (module), m);
      add_module_name (self, helder_module_get_title (module), m);
      add_module_name (self, number, m);
      add_module_name (self, named, m);

      for (guint p = 0; p < helder_module_get_n_pages (module); p++)
        {
          const HelderPageContent *content =
            helder_page_get_content (helder_module_get_page (module, p));

          for (guint b = 0; b < content->blocks->len; b++)
            {
              const HelderBlock *block = g_ptr_array_index (content->blocks, b);

              if (block->kind == HELDER_BLOCK_QUESTION || block->kind == HELDER_BLOCK_SURVEY)
                add_course_item (self, course, block, module);
            }
        }
    }

  return self;
}

void
helder_lms_report_free (HelderLmsReport *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->module_ids);
  g_ptr_array_unref (self->module_titles);
  g_hash_table_unref (self->module_names);
  g_hash_table_unref (self->item_index);
  g_ptr_array_unref (self->items);
  g_hash_table_unref (self->learner_index);
  g_array_unref (self->starts);
  g_array_unref (self->completions);
  g_array_unref (self->learner_departments);
  g_array_unref (self->learner_teams);
  g_array_unref (self->in_organisation);
  g_hash_table_unref (self->department_index);
  g_ptr_array_unref (self->departments);
  g_hash_table_unref (self->team_index);
  g_ptr_array_unref (self->teams);
  g_array_unref (self->team_discussed);
  g_hash_table_unref (self->mapping);
  g_ptr_array_unref (self->headers);
  g_ptr_array_unref (self->diagnostics);
  g_ptr_array_unref (self->refusals);
  g_ptr_array_unref (self->inputs);
  g_free (self);
}

guint
helder_lms_report_learner_lookup (HelderLmsReport *self,
                                  const char      *id,
                                  gboolean         add)
{
  char buffer[256];
  gsize length = strlen (id);
  gpointer value;
  guint index;
  gint32 none = -1;

  /* E-mail addresses and user names are compared without case. */
  if (length >= sizeof buffer)
    length = sizeof buffer - 1;
  for (gsize i = 0; i < length; i++)
    buffer[i] = g_ascii_tolower (id[i]);
  buffer[length] = '\0';
  if (length > 7 && strncmp (buffer, "mailto:", 7) == 0)
    memmove (buffer, buffer + 7, length - 6);

  value = g_hash_table_lookup (self->learner_index, buffer);
  if (value != NULL)
    return GPOINTER_TO_UINT (value) - 1;
  if (!add)
    return G_MAXUINT;

  index = self->n_learners++;
  g_hash_table_insert (self->learner_index, g_strdup (buffer), GUINT_TO_POINTER (index + 1));
  g_array_set_size (self->starts, self->n_learners * self->module_ids->len);
  g_array_set_size (self->completions, self->n_learners * self->module_ids->len);
  g_array_append_val (self->learner_departments, none);
  g_array_append_val (self->learner_teams, none);
  g_array_set_size (self->in_organisation, self->n_learners);

  return index;
}

gint32
helder_lms_intern_name (GPtrArray  *names,
                        GHashTable *index,
                        const char *name)
{
  gpointer value = g_hash_table_lookup (index, name);
  char *copy;

  if (value != NULL)
    return GPOINTER_TO_INT (value) - 1;

  copy = g_strdup (name);
  g_ptr_array_add (names, copy);
  g_hash_table_insert (index, copy, GINT_TO_POINTER (names->len));
  return names->len - 1;
}

void
helder_lms_report_note_day (HelderLmsReport *self,
                            guint32          day)
{
  if (day == 0 || day == HELDER_LMS_DAY_UNKNOWN)
    return;
  if (self->first_day == 0 || day < self->first_day)
    self->first_day = day;
  if (day > self->last_day)
    self->last_day = day;
}

/* Keeps the earliest known day; a known day beats an unknown one. */
void
helder_lms_keep_earliest (guint32 *slot,
                          guint32  day)
{
  if (*slot == 0 || day < *slot)
    *slot = day;
}

/* Problems. */

void
helder_lms_problem (LoadState   *state,
                    ProblemKind  kind,
                    guint        line,
                    const char  *example)
{
  Problem *p = &state->problems[kind];

  if (p->count++ == 0)
    {
      p->first_line = line;
      p->example = g_strdup (example);
    }
  if (kind != PROBLEM_REPEATED && kind != PROBLEM_UNDATED)
    state->input->skipped++;
}

void
helder_lms_report_add_diagnostic (HelderLmsReport *self,
                                  const char      *file,
                                  guint            line,
                                  HelderSeverity   severity,
                                  const char      *rule,
                                  const char      *message)
{
  g_ptr_array_add (self->diagnostics,
                   helder_diagnostic_new (file, 0, 0, line, line > 0 ? 1 : 0, severity, rule, message));
}

/* A file Helder cannot use: @error says it as the command line does
 * (FILE:LINE: message), the refusals keep it located for the app to say
 * it in words.
 */
void
helder_lms_report_refuse_file (HelderLmsReport  *self,
                               const char       *file,
                               guint             line,
                               const char       *rule,
                               const char       *message,
                               GError          **error)
{
  g_ptr_array_add (self->refusals, helder_diagnostic_new (file, 0, 0, line, line > 0 ? 1 : 0,
                                                          HELDER_SEVERITY_ERROR, rule, message));
  if (line > 0)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s:%u: %s", file, line, message);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: %s", file, message);
}

/**
 * helder_lms_dup_problem_text:
 *
 * Says @problem (a report's diagnostic or refusal) as a person reads it:
 * "Line 12 of export.csv: …", where the command line writes
 * export.csv:12: ….
 *
 * Returns: (transfer full): the text.
 */
char *
helder_lms_dup_problem_text (const HelderDiagnostic *problem)
{
  g_autofree char *name = g_path_get_basename (problem->file);

  g_return_val_if_fail (problem != NULL, NULL);

  if (problem->line > 0)
    /* Translators: a problem in a report file: the line, the file's name, what to do */
    return g_strdup_printf (_("Line %u of %s: %s"), problem->line, name, problem->message);
  /* Translators: a problem with a report file as a whole: its name, what to do */
  return g_strdup_printf (_("In %s: %s"), name, problem->message);
}

/* The problems that go away once the user says what the columns of a
 * file hold. Their messages name no way to say it: the command line and
 * the app each add their own.
 */
gboolean
helder_lms_problem_is_about_columns (const HelderDiagnostic *problem)
{
  static const char * const rules[] = {
    "kpi-no-learner-column", "kpi-no-module-column", "kpi-unknown-report", "kpi-unused-columns",
    NULL
  };

  g_return_val_if_fail (problem != NULL, FALSE);

  return problem->rule != NULL && g_strv_contains (rules, problem->rule);
}

void
helder_lms_report_problems (LoadState *state)
{
  for (guint k = 0; k < N_PROBLEMS; k++)
    {
      Problem *p = &state->problems[k];
      const char *example = p->example != NULL ? p->example : "";
      g_autofree char *message = NULL;
      const char *rule = NULL;
      HelderSeverity severity = HELDER_SEVERITY_WARNING;

      if (p->count == 0)
        continue;

      switch ((ProblemKind) k)
        {
        case PROBLEM_FIELD_COUNT:
          rule = "kpi-field-count";
          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u row has another number of fields than the header (%u); it is skipped. Check the separators and quotes on this line.",
                                                  "%u rows have another number of fields than the header (%u); they are skipped. Check the separators and quotes on this line, the first of them.",
                                                  p->count),
                                     p->count, state->n_header);
          break;
        case PROBLEM_NO_LEARNER:
          rule = "kpi-no-learner";
          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u row has no learner id; it is skipped. Fill in the learner column.",
                                                  "%u rows have no learner id; they are skipped. Fill in the learner column (first on this line).",
                                                  p->count),
                                     p->count);
          break;
        case PROBLEM_UNKNOWN_MODULE:
          rule = "kpi-unknown-module";
          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u row names a module the course does not have (“%s”); it is skipped. Use the module's folder name, title or number.",
                                                  "%u rows name a module the course does not have (first “%s”); they are skipped. Use the module's folder name, title or number.",
                                                  p->count),
                                     p->count, example);
          break;
        case PROBLEM_BAD_STATUS:
          rule = "kpi-bad-status";
          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u row has a status Helder does not know (“%s”); it is skipped. Use completed, incomplete, passed, failed or not attempted.",
                                                  "%u rows have a status Helder does not know (first “%s”); they are skipped. Use completed, incomplete, passed, failed or not attempted.",
                                                  p->count),
                                     p->count, example);
          break;
        case PROBLEM_BAD_DATE:
          rule = "kpi-bad-date";
          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u row has a date Helder cannot read (“%s”); it is skipped. Write dates as 2025-04-01 or 01-04-2025.",
                                                  "%u rows have a date Helder cannot read (first “%s”); they are skipped. Write dates as 2025-04-01 or 01-04-2025.",
                                                  p->count),
                                     p->count, example);
          break;
        case PROBLEM_UNKNOWN_ITEM:
          rule = "kpi-unknown-question";
          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u answer is to a question or survey id the course does not have (“%s”); it is skipped. Check that the report belongs to this course.",
                                                  "%u answers are to question or survey ids the course does not have (first “%s”); they are skipped. Check that the report belongs to this course.",
                                                  p->count),
                                     p->count, example);
          break;
        case PROBLEM_BAD_RESULT:
          rule = "kpi-bad-result";
          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u answer has a result that is neither right nor wrong (“%s”); it is skipped. Use correct or incorrect.",
                                                  "%u answers have a result that is neither right nor wrong (first “%s”); they are skipped. Use correct or incorrect.",
                                                  p->count),
                                     p->count, example);
          break;
        case PROBLEM_BAD_LIKERT:
          rule = "kpi-bad-survey-answer";
          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u survey answer is not a number from 1 to 5 (“%s”); it is skipped.",
                                                  "%u survey answers are not a number from 1 to 5 (first “%s”); they are skipped.",
                                                  p->count),
                                     p->count, example);
          break;
        case PROBLEM_DUPLICATE:
          rule = "kpi-duplicate";
          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u row repeats an earlier row; it is skipped.",
                                                  "%u rows repeat earlier rows; they are skipped (first on this line).",
                                                  p->count),
                                     p->count);
          break;
        case PROBLEM_BAD_STATEMENT:
          rule = "kpi-bad-statement";
          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u statement lacks an actor, verb or object Helder can use (%s); it is skipped.",
                                                  "%u statements lack an actor, verb or object Helder can use (first: %s); they are skipped.",
                                                  p->count),
                                     p->count, example);
          break;
        case PROBLEM_REPEATED:
          rule = "kpi-repeated-answer";
          severity = HELDER_SEVERITY_HINT;
          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u answer repeats a question the learner answered before; the first pre-test answer and the last post-test and survey answer count.",
                                                  "%u answers repeat a question the learner answered before; the first pre-test answer and the last post-test and survey answer count.",
                                                  p->count),
                                     p->count);
          break;
        case PROBLEM_UNDATED:
          rule = "kpi-undated";
          severity = HELDER_SEVERITY_HINT;
          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u start or completion has no date; it counts as within the three months but is left out of the weekly trend.",
                                                  "%u starts or completions have no date; they count as within the three months but are left out of the weekly trend.",
                                                  p->count),
                                     p->count);
          break;
        case N_PROBLEMS:
        default:
          g_assert_not_reached ();
        }

      helder_lms_report_add_diagnostic (state->report, state->input->file, p->first_line, severity, rule, message);
    }
}

/* Values. */

gboolean
helder_lms_value_in (const char *value,
                     const char *list)
{
  g_autofree char *name = helder_lms_normalise_header (value);
  g_autofree char *needle = g_strdup_printf ("|%s|", name);

  return strstr (list, needle) != NULL;
}

Status
helder_lms_parse_status (const char *value)
{
  if (*value == '\0' || helder_lms_value_in (value, "|not attempted|not started|niet gestart|niet begonnen|"
                                          "nog niet gestart|niet ingeschreven|enrolled|ingeschreven|"))
    return STATUS_NOT_STARTED;
  if (helder_lms_value_in (value, "|completed|complete|passed|voltooid|afgerond|geslaagd|behaald|voldaan|"
                       "finished|done|klaar|"))
    return STATUS_COMPLETED;
  if (helder_lms_value_in (value, "|incomplete|in progress|failed|attempted|browsed|started|bezig|gestart|"
                       "niet voltooid|onvoltooid|gezakt|niet geslaagd|niet afgerond|"
                       "in behandeling|begonnen|"))
    return STATUS_STARTED;
  return STATUS_UNKNOWN;
}

static guint8
parse_result (const char *value)
{
  /* The values SCORM itself defines come first: they are most rows. */
  if (strcmp (value, "correct") == 0)
    return HELDER_LMS_ANSWER_RIGHT;
  if (strcmp (value, "incorrect") == 0 || strcmp (value, "wrong") == 0)
    return HELDER_LMS_ANSWER_WRONG;
  if (helder_lms_value_in (value, "|correct|right|juist|goed|true|1|yes|ja|passed|"))
    return HELDER_LMS_ANSWER_RIGHT;
  if (helder_lms_value_in (value, "|incorrect|wrong|fout|onjuist|false|0|no|nee|failed|"))
    return HELDER_LMS_ANSWER_WRONG;
  return HELDER_LMS_ANSWER_NONE;
}

gboolean
helder_lms_parse_yes (const char *value)
{
  return helder_lms_value_in (value, "|yes|ja|y|j|x|true|waar|1|besproken|discussed|") ||
         helder_lms_parse_day (value) != 0;
}

static guint8
parse_likert (const char *value)
{
  char *end = NULL;
  double number = g_ascii_strtod (value, &end);

  if (end == value || number < 1 || number > 5 || number != (guint) number)
    return 0;
  return (guint8) number;
}

/* The last part of an IRI (https://example.org/vraag/pre-1 → pre-1), so
 * that xAPI activity ids and plain interaction ids meet.
 */
const char *
helder_lms_strip_iri (const char *id)
{
  const char *slash = strrchr (id, '/');
  const char *hash = strrchr (id, '#');
  const char *last = MAX (slash, hash);

  return last != NULL && last[1] != '\0' ? last + 1 : id;
}

static HelderLmsItem *
find_item (HelderLmsReport *self,
           const char      *id)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->item_index, helder_lms_strip_iri (id)));

  return index > 0 ? g_ptr_array_index (self->items, index - 1) : NULL;
}

/* Stores one answer. attempt is 0 when the input does not number them:
 * then the order of the rows is the order of the attempts.
 */
gboolean
helder_lms_record_answer (LoadState  *state,
                          guint       learner,
                          const char *id,
                          const char *result,
                          const char *response,
                          guint       attempt,
                          guint       line)
{
  HelderLmsItem *item = find_item (state->report, id);
  guint8 value;
  guint8 *slot;
  guint8 *attempt_slot;
  gboolean later;

  if (item == NULL)
    {
      helder_lms_problem (state, PROBLEM_UNKNOWN_ITEM, line, id);
      return FALSE;
    }

  switch (item->kind)
    {
    case HELDER_LMS_ITEM_PRE:
    case HELDER_LMS_ITEM_POST:
      value = parse_result (result);
      if (value == HELDER_LMS_ANSWER_NONE)
        {
          helder_lms_problem (state, PROBLEM_BAD_RESULT, line, result);
          return FALSE;
        }
      break;
    case HELDER_LMS_ITEM_LIKERT:
      value = parse_likert (*response != '\0' ? response : result);
      if (value == 0)
        {
          helder_lms_problem (state, PROBLEM_BAD_LIKERT, line, *response != '\0' ? response : result);
          return FALSE;
        }
      break;
    case HELDER_LMS_ITEM_OPEN:
      /* Only that an answer was given is kept, never its text. */
      value = 1;
      break;
    default:
      g_assert_not_reached ();
    }

  if (item->answers->len < state->report->n_learners)
    {
      g_array_set_size (item->answers, state->report->n_learners);
      g_array_set_size (item->attempts, state->report->n_learners);
    }
  slot = &g_array_index (item->answers, guint8, learner);
  attempt_slot = &g_array_index (item->attempts, guint8, learner);

  if (*slot == 0)
    {
      *slot = value;
      *attempt_slot = MIN (MAX (attempt, 1), 255);
      return TRUE;
    }

  if (attempt == 0)
    attempt = MIN (*attempt_slot + 1u, 255u);
  else if (attempt == *attempt_slot)
    {
      helder_lms_problem (state, PROBLEM_DUPLICATE, line, NULL);
      return FALSE;
    }

  helder_lms_problem (state, PROBLEM_REPEATED, line, NULL);
  later = MIN (attempt, 255) > *attempt_slot;
  if ((item->kind == HELDER_LMS_ITEM_PRE) != later)
    {
      *slot = value;
      *attempt_slot = MIN (attempt, 255);
    }
  return TRUE;
}

HelderLmsInput *
helder_lms_report_add_input (HelderLmsReport    *self,
                             const char         *path,
                             HelderLmsInputKind  kind)
{
  HelderLmsInput *input = g_new0 (HelderLmsInput, 1);

  input->file = g_strdup (path);
  input->kind = kind;
  input->encoding = "UTF-8";
  g_ptr_array_add (self->inputs, input);
  return input;
}

gboolean
helder_lms_report_load_file (HelderLmsReport  *self,
                             const char       *path,
                             GError          **error)
{
  g_autoptr(GMappedFile) file = NULL;
  const char *data;
  gsize length;
  gsize i = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = g_mapped_file_new (path, FALSE, error);
  if (file == NULL)
    return FALSE;

  /* JSON starts with [ or { after white space; a CSV never does. */
  data = g_mapped_file_get_contents (file);
  length = g_mapped_file_get_length (file);
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;
  if (i < length && (data[i] == '[' || data[i] == '{'))
    return helder_lms_report_load_xapi (self, path, error);

  return helder_lms_report_load_csv (self, path, HELDER_LMS_INPUT_PROGRESS, error);
}

gboolean
helder_lms_report_load_organisation (HelderLmsReport  *self,
                                     const char       *path,
                                     GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return helder_lms_report_load_csv (self, path, HELDER_LMS_INPUT_ORGANISATION, error);
}

/* Accessors. */

GPtrArray *
helder_lms_report_get_diagnostics (HelderLmsReport *self)
{
  return self->diagnostics;
}

/* Returns: (transfer none) (element-type HelderDiagnostic): one located
 * error for each file left out as unusable.
 */
GPtrArray *
helder_lms_report_get_refusals (HelderLmsReport *self)
{
  return self->refusals;
}

/* Records a column of @file, once per header. */
void
helder_lms_report_add_header (HelderLmsReport *self,
                              const char      *file,
                              const char      *header,
                              HelderLmsColumn  column)
{
  HelderLmsHeader *added;

  for (guint i = self->headers->len; i > 0; i--)
    {
      HelderLmsHeader *seen = g_ptr_array_index (self->headers, i - 1);

      if (!g_str_equal (seen->file, file))
        break;
      if (g_str_equal (seen->header, header))
        return;
    }

  added = g_new0 (HelderLmsHeader, 1);
  added->file = g_strdup (file);
  added->header = g_strdup (header);
  added->column = column;
  g_ptr_array_add (self->headers, added);
}

/**
 * helder_lms_report_get_headers:
 *
 * The columns of every CSV file loaded, refused files included, in the
 * order of the files and of their columns: what the user can correct.
 *
 * Returns: (transfer none) (element-type HelderLmsHeader): owned by the
 *   report; take a reference with g_ptr_array_ref() to keep it longer.
 */
GPtrArray *
helder_lms_report_get_headers (HelderLmsReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->headers;
}

GPtrArray *
helder_lms_report_get_inputs (HelderLmsReport *self)
{
  return self->inputs;
}

GPtrArray *
helder_lms_report_get_items (HelderLmsReport *self)
{
  return self->items;
}

guint
helder_lms_report_get_n_learners (HelderLmsReport *self)
{
  return self->n_learners;
}

guint
helder_lms_report_get_n_modules (HelderLmsReport *self)
{
  return self->module_ids->len;
}

const char *
helder_lms_report_get_module_id (HelderLmsReport *self,
                                 guint            module)
{
  return g_ptr_array_index (self->module_ids, module);
}

const char *
helder_lms_report_get_module_title (HelderLmsReport *self,
                                    guint            module)
{
  return g_ptr_array_index (self->module_titles, module);
}

/* Per learner and module (learner × n_modules + module): the first day
 * the learner started or completed the module, 0 when never.
 */
const guint32 *
helder_lms_report_get_days (HelderLmsReport *self,
                            gboolean         completed)
{
  return (const guint32 *) (completed ? self->completions : self->starts)->data;
}

const gint32 *
helder_lms_report_get_learner_departments (HelderLmsReport *self)
{
  return (const gint32 *) self->learner_departments->data;
}

const gint32 *
helder_lms_report_get_learner_teams (HelderLmsReport *self)
{
  return (const gint32 *) self->learner_teams->data;
}

const gboolean *
helder_lms_report_get_learner_in_organisation (HelderLmsReport *self)
{
  return (const gboolean *) self->in_organisation->data;
}

GPtrArray *
helder_lms_report_get_departments (HelderLmsReport *self)
{
  return self->departments;
}

guint
helder_lms_report_get_n_teams (HelderLmsReport *self)
{
  return self->teams->len;
}

guint
helder_lms_report_get_n_teams_discussed (HelderLmsReport *self)
{
  guint count = 0;

  for (guint i = 0; i < self->team_discussed->len; i++)
    count += g_array_index (self->team_discussed, gboolean, i) ? 1 : 0;
  return count;
}

guint
helder_lms_report_get_n_employees (HelderLmsReport *self)
{
  return self->n_employees;
}

guint32
helder_lms_report_get_first_day (HelderLmsReport *self)
{
  return self->first_day;
}

guint32
helder_lms_report_get_last_day (HelderLmsReport *self)
{
  return self->last_day;
}

/* The column mapping the user corrected is kept in the course folder, so
 * the next report of the same LMS is read the same way.
 */
char *
helder_lms_report_mapping_path (HelderCourse *course)
{
  g_return_val_if_fail (HELDER_IS_COURSE (course), NULL);

  return g_build_filename (helder_course_get_path (course), "kpi-mapping.json", NULL);
}
