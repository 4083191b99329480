/* helder-kpi.c
 *
 * The programme's KPIs from what the learning platform reported:
 * participation and completion within the first months after launch,
 * satisfaction, knowledge growth from the pre-test to the post-test, and
 * the share of teams that discussed the course. Only aggregates leave
 * this unit, and any group of fewer than five people is suppressed.
 * docs/kpi.md gives the formulas.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-kpi"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "helder-json-members.h"
#include "helder-kpi.h"

/* The campaign window: "within 3 months of launch". */
#define DEFAULT_WINDOW_MONTHS 3
/* Below target but within this share of it is "at risk", not "missed". */
#define AT_RISK_SHARE 0.9
#define MAX_WEEKS 104

static const char * const kind_names[HELDER_N_KPIS] = {
  "participation", "completion", "satisfaction", "knowledge_growth", "team_discussion",
};

static const double default_targets[HELDER_N_KPIS] = { 70, 70, 4.0, 30, 40 };

/* Returns: (transfer none): the name of @kind in course.json, static. */
const char *
helder_kpi_kind_to_string (HelderKpiKind kind)
{
  g_return_val_if_fail (kind < HELDER_N_KPIS, NULL);

  return kind_names[kind];
}

/* Returns: (transfer none): a translated name of @kind for people. */
const char *
helder_kpi_kind_to_label (HelderKpiKind kind)
{
  switch (kind)
    {
    case HELDER_KPI_PARTICIPATION:
      return _("Participation");
    case HELDER_KPI_COMPLETION:
      return _("Completion");
    case HELDER_KPI_SATISFACTION:
      return _("Satisfaction");
    case HELDER_KPI_KNOWLEDGE_GROWTH:
      return _("Knowledge growth");
    case HELDER_KPI_TEAM_DISCUSSION:
      return _("Team discussion");
    case HELDER_N_KPIS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Returns: (transfer full): @value of a KPI of @kind as people read it. */
char *
helder_kpi_format_value (HelderKpiKind kind,
                         double        value)
{
  g_autofree char *number = NULL;

  if (kind == HELDER_KPI_SATISFACTION)
    return helder_kpi_format_number (value, 1, FALSE);
  number = helder_kpi_format_number (value, 0, kind == HELDER_KPI_KNOWLEDGE_GROWTH);
  return g_strconcat (number, "%", NULL);
}

/**
 * helder_kpi_format_number:
 *
 * Formats @value with @decimals decimals (and a + before a positive value
 * when @sign) as the user's locale writes numbers (a decimal comma in
 * nl_NL), as every number the app shows. Files (JSON, CSV) use
 * g_ascii_formatd() instead. Returns a string the caller frees.
 */
char *
helder_kpi_format_number (double   value,
                          guint    decimals,
                          gboolean sign)
{
  return g_strdup_printf (sign ? "%+.*f" : "%.*f", (int) MIN (decimals, 6), value);
}

/* Returns: (transfer none): the name of @status in JSON, static. */
const char *
helder_kpi_status_to_string (HelderKpiStatus status)
{
  switch (status)
    {
    case HELDER_KPI_STATUS_ON_TRACK:
      return "on-track";
    case HELDER_KPI_STATUS_AT_RISK:
      return "at-risk";
    case HELDER_KPI_STATUS_MISSED:
      return "missed";
    case HELDER_KPI_STATUS_NO_DATA:
      return "no-data";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Returns: (transfer none): a translated name of @status for people. */
const char *
helder_kpi_status_to_label (HelderKpiStatus status)
{
  switch (status)
    {
    case HELDER_KPI_STATUS_ON_TRACK:
      return _("On track");
    case HELDER_KPI_STATUS_AT_RISK:
      return _("At risk");
    case HELDER_KPI_STATUS_MISSED:
      return _("Missed");
    case HELDER_KPI_STATUS_NO_DATA:
      return _("No data");
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
day_to_date (guint32  day,
             GDate   *date)
{
  if (day == 0 || day == HELDER_LMS_DAY_UNKNOWN || !g_date_valid_julian (day))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_julian (date, day);
  return TRUE;
}

/* Returns the day as 2025-04-01 for files (JSON, CSV), whatever the
 * language, or NULL for no day; the caller frees it.
 */
char *
helder_kpi_dup_iso_day (guint32 day)
{
  GDate date;

  if (!day_to_date (day, &date))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

/* Returns the day as people write it ("1 April 2025"), with the month
 * named as the user's locale names it, as every date the app shows; NULL
 * for no day. The caller frees it.
 */
char *
helder_kpi_format_day (guint32 day)
{
  g_autoptr(GDateTime) time = NULL;
  GDate date;

  if (!day_to_date (day, &date))
    return NULL;
  time = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 0, 0, 0);
  /* Translators: a date as in "4 December 2026"; see g_date_time_format() */
  return g_date_time_format (time, _("%-d %B %Y"));
}

/* Defaults, then what course.json's "kpi" object says: the targets, and
 * the optional "launch" date and "headcount".
 */
void
helder_kpi_settings_init (HelderKpiSettings *settings,
                          HelderCourse      *course)
{
  HelderJsonDocument *document;
  JsonObject *root;
  JsonNode *kpi;

  memset (settings, 0, sizeof *settings);
  memcpy (settings->targets, default_targets, sizeof default_targets);
  settings->window_months = DEFAULT_WINDOW_MONTHS;

  document = course != NULL ? helder_course_get_document (course) : NULL;
  root = document != NULL ? helder_json_document_get_root (document) : NULL;
  kpi = root != NULL ? json_object_get_member (root, "kpi") : NULL;
  if (kpi == NULL || !JSON_NODE_HOLDS_OBJECT (kpi))
    return;

  for (guint k = 0; k < HELDER_N_KPIS; k++)
    {
      JsonNode *node = json_object_get_member (json_node_get_object (kpi), kind_names[k]);

      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
          (json_node_get_value_type (node) == G_TYPE_INT64 ||
           json_node_get_value_type (node) == G_TYPE_DOUBLE))
        settings->targets[k] = json_node_get_double (node);
    }

  {
    JsonNode *launch = json_object_get_member (json_node_get_object (kpi), "launch");
    gint64 headcount;

    if (launch != NULL && JSON_NODE_HOLDS_VALUE (launch) &&
        json_node_get_value_type (launch) == G_TYPE_STRING)
      settings->launch_day = helder_lms_parse_day (json_node_get_string (launch));
    /* validate reports a headcount out of range. */
    if (helder_json_document_get_int (document, NULL, json_node_get_object (kpi), "headcount",
                                      FALSE, 1, HELDER_COURSE_MAX_HEADCOUNT, &headcount))
      settings->headcount = (guint) headcount;
  }
}

static void
group_free (HelderKpiGroup *group)
{
  g_free (group->id);
  g_free (group->name);
  g_free (group);
}

static void
survey_item_free (HelderKpiSurveyItem *item)
{
  g_free (item->id);
  g_free (item->text);
  g_free (item);
}

static void
growth_free (HelderKpiGrowth *growth)
{
  g_free (growth->pre_id);
  g_free (growth->post_id);
  g_free (growth->text);
  g_free (growth);
}

/* Frees @self. */
void
helder_kpi_result_free (HelderKpiResult *self)
{
  if (self == NULL)
    return;

  g_free (self->course_title);
  g_array_unref (self->weeks);
  g_ptr_array_unref (self->modules);
  g_ptr_array_unref (self->departments);
  g_ptr_array_unref (self->survey);
  g_ptr_array_unref (self->questions);
  g_ptr_array_unref (self->goals);
  g_free (self);
}

static double
percent (guint part,
         guint whole)
{
  return whole > 0 ? 100.0 * part / whole : 0;
}

static gboolean
within (guint32 day,
        guint32 end)
{
  return day != 0 && (day == HELDER_LMS_DAY_UNKNOWN || day <= end);
}

/* Participation and completion have a window: before it closes, a
 * figure below target is "on track" while it keeps pace with a straight
 * line from 0 at launch to the target at the end, and "at risk" when
 * it lags. The other KPIs have no window: below target but within 90%
 * of it is "at risk".
 */
static void
set_status (HelderKpiResult *self,
            HelderKpiKind    kind)
{
  HelderKpiFigure *figure = &self->figures[kind];
  gboolean windowed = kind == HELDER_KPI_PARTICIPATION || kind == HELDER_KPI_COMPLETION;

  figure->target = self->settings.targets[kind];
  if (!figure->available)
    figure->status = HELDER_KPI_STATUS_NO_DATA;
  else if (figure->value >= figure->target)
    figure->status = HELDER_KPI_STATUS_ON_TRACK;
  else if (windowed && self->as_of_day < self->window_end_day)
    {
      double elapsed = (double) (self->as_of_day - self->launch_day + 1) /
                       (self->window_end_day - self->launch_day + 1);

      figure->status = figure->value >= figure->target * elapsed
                         ? HELDER_KPI_STATUS_ON_TRACK : HELDER_KPI_STATUS_AT_RISK;
    }
  else if (!windowed && figure->value >= figure->target * AT_RISK_SHARE)
    figure->status = HELDER_KPI_STATUS_AT_RISK;
  else
    figure->status = HELDER_KPI_STATUS_MISSED;
}

static void
set_figure (HelderKpiResult *self,
            HelderKpiKind    kind,
            double           value,
            guint            people,
            guint            minimum)
{
  HelderKpiFigure *figure = &self->figures[kind];

  figure->people = people;
  figure->suppressed = people > 0 && people < minimum;
  figure->available = people >= minimum;
  figure->value = figure->available ? value : 0;
  if (figure->suppressed)
    self->suppressed_groups++;
  set_status (self, kind);
}

/* Per learner: the first day they started any module, and the day they
 * had completed every module (0 when they did not).
 */
static void
learner_days (HelderLmsReport *report,
              guint            learner,
              guint32         *first_start,
              guint32         *all_completed)
{
  guint n_modules = helder_lms_report_get_n_modules (report);
  const guint32 *starts = helder_lms_report_get_days (report, FALSE) + (gsize) learner * n_modules;
  const guint32 *completions = helder_lms_report_get_days (report, TRUE) + (gsize) learner * n_modules;
  guint32 first = 0, last = 0;

  for (guint m = 0; m < n_modules; m++)
    {
      if (starts[m] != 0 && (first == 0 || starts[m] < first))
        first = starts[m];
      if (completions[m] == 0)
        last = G_MAXUINT32 - 1; /* not all completed: see below */
      else if (last != G_MAXUINT32 - 1 && completions[m] > last)
        last = completions[m];
    }

  *first_start = first;
  *all_completed = last == G_MAXUINT32 - 1 ? 0 : last;
}

static HelderKpiGroup *
group_new (const char *id,
           const char *name)
{
  HelderKpiGroup *group = g_new0 (HelderKpiGroup, 1);

  group->id = g_strdup (id);
  group->name = g_strdup (name);
  return group;
}

static void
finish_group (HelderKpiResult *self,
              HelderKpiGroup  *group)
{
  /* No people means an unknown headcount: not a small group, no share. */
  group->suppressed = group->people > 0 && group->people < HELDER_KPI_MINIMUM_GROUP;
  group->completion_suppressed = group->participants < HELDER_KPI_MINIMUM_GROUP;
  if (group->suppressed || group->completion_suppressed)
    self->suppressed_groups++;
  group->participation = group->suppressed ? 0 : percent (group->participants, group->people);
  group->completion = group->completion_suppressed ? 0 : percent (group->completers, group->participants);
}

static void
compute_participation (HelderKpiResult *self,
                       HelderLmsReport *report)
{
  guint n_learners = helder_lms_report_get_n_learners (report);
  guint n_modules = helder_lms_report_get_n_modules (report);
  const guint32 *starts = helder_lms_report_get_days (report, FALSE);
  const guint32 *completions = helder_lms_report_get_days (report, TRUE);
  const gint32 *departments = helder_lms_report_get_learner_departments (report);
  const gboolean *in_organisation = helder_lms_report_get_learner_in_organisation (report);
  GPtrArray *department_names = helder_lms_report_get_departments (report);
  gboolean have_organisation = helder_lms_report_get_n_employees (report) > 0;
  guint n_weeks;
  g_autofree guint *week_starts = NULL;
  g_autofree guint *week_completions = NULL;

  for (guint m = 0; m < n_modules; m++)
    g_ptr_array_add (self->modules, group_new (helder_lms_report_get_module_id (report, m),
                                               helder_lms_report_get_module_title (report, m)));
  for (guint d = 0; d < department_names->len; d++)
    g_ptr_array_add (self->departments, group_new (NULL, g_ptr_array_index (department_names, d)));

  n_weeks = self->as_of_day >= self->launch_day
              ? MIN ((self->as_of_day - self->launch_day) / 7 + 1, MAX_WEEKS) : 1;
  week_starts = g_new0 (guint, n_weeks);
  week_completions = g_new0 (guint, n_weeks);

  for (guint l = 0; l < n_learners; l++)
    {
      guint32 first_start, all_completed;
      gboolean participant, completer;
      HelderKpiGroup *department = NULL;

      learner_days (report, l, &first_start, &all_completed);
      participant = within (first_start, self->window_end_day);
      completer = participant && within (all_completed, self->window_end_day);

      if (have_organisation && !in_organisation[l])
        self->learners_outside_organisation++;
      if (departments[l] >= 0 && (!have_organisation || in_organisation[l]))
        {
          department = g_ptr_array_index (self->departments, departments[l]);
          department->people++;
        }

      if (participant)
        {
          self->participants++;
          if (department != NULL)
            department->participants++;
        }
      if (completer)
        {
          self->completers++;
          if (department != NULL)
            department->completers++;
        }

      for (guint m = 0; m < n_modules; m++)
        {
          HelderKpiGroup *module = g_ptr_array_index (self->modules, m);

          if (within (starts[(gsize) l * n_modules + m], self->window_end_day))
            {
              module->participants++;
              if (within (completions[(gsize) l * n_modules + m], self->window_end_day))
                module->completers++;
            }
        }

      /* The trend places each start and completion in its week. */
      if (first_start != 0 && first_start != HELDER_LMS_DAY_UNKNOWN && first_start <= self->as_of_day)
        {
          guint week = first_start <= self->launch_day ? 0 : (first_start - self->launch_day) / 7;

          if (week < n_weeks)
            week_starts[week]++;
          if (all_completed != 0 && all_completed != HELDER_LMS_DAY_UNKNOWN &&
              all_completed <= self->as_of_day)
            {
              week = all_completed <= self->launch_day ? 0 : (all_completed - self->launch_day) / 7;
              if (week < n_weeks)
                week_completions[week]++;
            }
        }
    }

  for (guint m = 0; m < n_modules; m++)
    {
      HelderKpiGroup *module = g_ptr_array_index (self->modules, m);

      module->people = self->headcount;
      finish_group (self, module);
    }
  for (guint d = 0; d < self->departments->len; d++)
    finish_group (self, g_ptr_array_index (self->departments, d));

  {
    guint participants = 0, completers = 0;

    for (guint w = 0; w < n_weeks; w++)
      {
        HelderKpiWeek week = { 0 };

        participants += week_starts[w];
        completers += week_completions[w];
        week.start_day = self->launch_day + 7 * w;
        week.participants = participants;
        week.completers = completers;
        week.participation = percent (participants, self->headcount);
        week.completion = participants >= HELDER_KPI_MINIMUM_GROUP ? percent (completers, participants) : 0;
        g_array_append_val (self->weeks, week);
      }
  }

  set_figure (self, HELDER_KPI_PARTICIPATION, percent (self->participants, self->headcount),
              self->participants > 0 ? self->headcount : 0, HELDER_KPI_MINIMUM_GROUP);
  set_figure (self, HELDER_KPI_COMPLETION, percent (self->completers, self->participants),
              self->participants, HELDER_KPI_MINIMUM_GROUP);
}

static void
compute_satisfaction (HelderKpiResult *self,
                      HelderLmsReport *report)
{
  GPtrArray *items = helder_lms_report_get_items (report);
  g_autofree gboolean *responded = g_new0 (gboolean, MAX (helder_lms_report_get_n_learners (report), 1));
  guint respondents = 0;
  guint64 sum = 0, answers = 0;

  for (guint i = 0; i < items->len; i++)
    {
      const HelderLmsItem *item = g_ptr_array_index (items, i);
      HelderKpiSurveyItem *survey;
      guint64 item_sum = 0;

      if (item->kind != HELDER_LMS_ITEM_LIKERT)
        continue;

      survey = g_new0 (HelderKpiSurveyItem, 1);
      survey->id = g_strdup (item->id);
      survey->text = g_strdup (item->text);
      for (guint l = 0; l < item->answers->len; l++)
        {
          guint8 value = g_array_index (item->answers, guint8, l);

          if (value == 0)
            continue;
          survey->counts[value - 1]++;
          survey->answers++;
          item_sum += value;
          if (!responded[l])
            {
              responded[l] = TRUE;
              respondents++;
            }
        }

      sum += item_sum;
      answers += survey->answers;
      survey->suppressed = survey->answers < HELDER_KPI_MINIMUM_GROUP;
      if (survey->suppressed)
        {
          self->suppressed_groups++;
          memset (survey->counts, 0, sizeof survey->counts);
        }
      else
        survey->mean = (double) item_sum / survey->answers;
      g_ptr_array_add (self->survey, survey);
    }

  set_figure (self, HELDER_KPI_SATISFACTION, answers > 0 ? (double) sum / answers : 0, respondents,
              HELDER_KPI_MINIMUM_GROUP);
}

/* The number at the end of an id: 3 for pre-3. */
static guint
item_number (const char *id)
{
  const char *dash = strrchr (id, '-');
  const char *digits = dash != NULL ? dash + 1 : id;
  char *end = NULL;
  guint64 number = g_ascii_strtoull (digits, &end, 10);

  return end != digits && *end == '\0' ? (guint) number : 0;
}

static void
finish_growth (HelderKpiResult *self,
               HelderKpiGrowth *growth,
               guint            pre_right,
               guint            post_right,
               guint            answers)
{
  growth->suppressed = growth->pairs < HELDER_KPI_MINIMUM_GROUP;
  if (growth->suppressed)
    {
      self->suppressed_groups++;
      return;
    }
  growth->pre = percent (pre_right, answers);
  growth->post = percent (post_right, answers);
  growth->growth = pre_right > 0 ? 100.0 * ((double) post_right - pre_right) / pre_right : 0;
}

static guint
find_goal (GPtrArray *goals,
           guint      goal)
{
  for (guint i = 0; i < goals->len; i++)
    if (((HelderKpiGrowth *) g_ptr_array_index (goals, i))->goal == goal)
      return i;
  return G_MAXUINT;
}

static int
compare_goals (gconstpointer a,
               gconstpointer b)
{
  const HelderKpiGrowth *x = *(HelderKpiGrowth * const *) a;
  const HelderKpiGrowth *y = *(HelderKpiGrowth * const *) b;

  return (int) x->goal - (int) y->goal;
}

typedef struct
{
  guint pre_right;
  guint post_right;
  guint answers;
} GoalCounts;

static void
compute_growth (HelderKpiResult *self,
                HelderLmsReport *report)
{
  GPtrArray *items = helder_lms_report_get_items (report);
  g_autoptr(GArray) goal_counts = g_array_new (FALSE, TRUE, sizeof (GoalCounts));
  g_autofree gboolean *paired = g_new0 (gboolean, MAX (helder_lms_report_get_n_learners (report), 1));
  guint total_pre = 0, total_post = 0, total_answers = 0, people = 0;

  for (guint i = 0; i < items->len; i++)
    {
      const HelderLmsItem *pre = g_ptr_array_index (items, i);
      const HelderLmsItem *post = NULL;
      HelderKpiGrowth *growth;
      HelderKpiGrowth *goal;
      GoalCounts *counts;
      guint index;
      guint pre_right = 0, post_right = 0;
      guint number = item_number (pre->id);
      guint length;

      if (pre->kind != HELDER_LMS_ITEM_PRE || number == 0)
        continue;
      for (guint j = 0; j < items->len && post == NULL; j++)
        {
          const HelderLmsItem *candidate = g_ptr_array_index (items, j);

          if (candidate->kind == HELDER_LMS_ITEM_POST && item_number (candidate->id) == number)
            post = candidate;
        }
      if (post == NULL)
        continue;

      growth = g_new0 (HelderKpiGrowth, 1);
      growth->pre_id = g_strdup (pre->id);
      growth->post_id = g_strdup (post->id);
      growth->text = g_strdup (post->text);
      growth->goal = post->goal != 0 ? post->goal : pre->goal;

      length = MIN (pre->answers->len, post->answers->len);
      for (guint l = 0; l < length; l++)
        {
          guint8 before = g_array_index (pre->answers, guint8, l);
          guint8 after = g_array_index (post->answers, guint8, l);

          if (before == HELDER_LMS_ANSWER_NONE || after == HELDER_LMS_ANSWER_NONE)
            continue;
          growth->pairs++;
          pre_right += before == HELDER_LMS_ANSWER_RIGHT;
          post_right += after == HELDER_LMS_ANSWER_RIGHT;
          if (!paired[l])
            {
              paired[l] = TRUE;
              people++;
            }
        }
      finish_growth (self, growth, pre_right, post_right, growth->pairs);
      g_ptr_array_add (self->questions, growth);

      total_pre += pre_right;
      total_post += post_right;
      total_answers += growth->pairs;

      index = find_goal (self->goals, growth->goal);
      if (index == G_MAXUINT)
        {
          goal = g_new0 (HelderKpiGrowth, 1);
          goal->goal = growth->goal;
          goal->text = g_strdup (post->goal_text != NULL ? post->goal_text : pre->goal_text);
          g_ptr_array_add (self->goals, goal);
          g_array_set_size (goal_counts, self->goals->len);
          index = self->goals->len - 1;
        }
      goal = g_ptr_array_index (self->goals, index);
      counts = &g_array_index (goal_counts, GoalCounts, index);
      counts->pre_right += pre_right;
      counts->post_right += post_right;
      counts->answers += growth->pairs;
      /* The people behind a goal: at least those of its largest question. */
      goal->pairs = MAX (goal->pairs, growth->pairs);
    }

  for (guint g = 0; g < self->goals->len; g++)
    {
      const GoalCounts *counts = &g_array_index (goal_counts, GoalCounts, g);

      finish_growth (self, g_ptr_array_index (self->goals, g),
                     counts->pre_right, counts->post_right, counts->answers);
    }
  g_ptr_array_sort (self->goals, compare_goals);

  set_figure (self, HELDER_KPI_KNOWLEDGE_GROWTH,
              total_pre > 0 ? 100.0 * ((double) total_post - total_pre) / total_pre : 0,
              total_pre > 0 ? people : 0, HELDER_KPI_MINIMUM_GROUP);
}

/* Returns: (transfer full): the KPIs of @course from @report with @settings. */
HelderKpiResult *
helder_kpi_compute (HelderLmsReport         *report,
                    HelderCourse            *course,
                    const HelderKpiSettings *settings)
{
  HelderKpiResult *self;
  GDate end;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (settings != NULL, NULL);

  self = g_new0 (HelderKpiResult, 1);
  self->settings = *settings;
  self->course_title = g_strdup (course != NULL ? helder_course_get_title (course) : NULL);
  self->weeks = g_array_new (FALSE, TRUE, sizeof (HelderKpiWeek));
  self->modules = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  self->departments = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  self->survey = g_ptr_array_new_with_free_func ((GDestroyNotify) survey_item_free);
  self->questions = g_ptr_array_new_with_free_func ((GDestroyNotify) growth_free);
  self->goals = g_ptr_array_new_with_free_func ((GDestroyNotify) growth_free);

  self->launch_day = settings->launch_day != 0 ? settings->launch_day
                                               : helder_lms_report_get_first_day (report);
  if (self->launch_day == 0)
    {
      GDate today;

      g_date_clear (&today, 1);
      g_date_set_time_t (&today, time (NULL));
      self->launch_day = g_date_get_julian (&today);
    }
  g_date_clear (&end, 1);
  g_date_set_julian (&end, self->launch_day);
  g_date_add_months (&end, settings->window_months > 0 ? settings->window_months : DEFAULT_WINDOW_MONTHS);
  g_date_subtract_days (&end, 1);
  self->window_end_day = g_date_get_julian (&end);
  self->as_of_day = settings->as_of_day != 0 ? settings->as_of_day
                                             : MAX (helder_lms_report_get_last_day (report), self->launch_day);

  self->learners = helder_lms_report_get_n_learners (report);
  if (settings->headcount > 0)
    {
      self->headcount = settings->headcount;
      self->headcount_source = "setting";
    }
  else if (helder_lms_report_get_n_employees (report) > 0)
    {
      self->headcount = helder_lms_report_get_n_employees (report);
      self->headcount_source = "organisation";
    }
  else
    {
      /* The learners seen are only those who took part: as a headcount
       * they would always give 100%. Without a real headcount there is
       * no participation rate to show.
       */
      self->headcount = 0;
      self->headcount_source = "unknown";
    }

  compute_participation (self, report);
  compute_satisfaction (self, report);
  compute_growth (self, report);

  self->teams = helder_lms_report_get_n_teams (report);
  self->teams_discussed = helder_lms_report_get_n_teams_discussed (report);
  set_figure (self, HELDER_KPI_TEAM_DISCUSSION, percent (self->teams_discussed, self->teams),
              self->teams, 1);

  return self;
}

/* JSON. */

/* Percentages to one decimal, averages out of 5 to two. */
static void
add_rounded (JsonBuilder *builder,
             const char  *name,
             double       value,
             guint        decimals,
             gboolean     available)
{
  double scale = decimals == 2 ? 100 : 10;

  json_builder_set_member_name (builder, name);
  if (available)
    json_builder_add_double_value (builder, round (value * scale) / scale);
  else
    json_builder_add_null_value (builder);
}

static void
add_number (JsonBuilder *builder,
            const char  *name,
            double       value,
            gboolean     available)
{
  add_rounded (builder, name, value, 1, available);
}

static void
add_day (JsonBuilder *builder,
         const char  *name,
         guint32      day)
{
  g_autofree char *text = helder_kpi_dup_iso_day (day);

  helder_json_add_string (builder, name, text);
}

static void
add_groups (JsonBuilder *builder,
            const char  *name,
            GPtrArray   *groups)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < groups->len; i++)
    {
      const HelderKpiGroup *group = g_ptr_array_index (groups, i);

      json_builder_begin_object (builder);
      if (group->id != NULL)
        helder_json_add_string (builder, "id", group->id);
      helder_json_add_string (builder, "name", group->name);
      helder_json_add_bool (builder, "suppressed", group->suppressed);
      if (group->suppressed)
        {
          json_builder_end_object (builder);
          continue;
        }
      helder_json_add_int (builder, "people", group->people);
      helder_json_add_int (builder, "participants", group->participants);
      add_number (builder, "participation", group->participation, TRUE);
      add_number (builder, "completion", group->completion, !group->completion_suppressed);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_growths (JsonBuilder *builder,
             const char  *name,
             GPtrArray   *growths)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < growths->len; i++)
    {
      const HelderKpiGrowth *growth = g_ptr_array_index (growths, i);

      json_builder_begin_object (builder);
      if (growth->pre_id != NULL)
        {
          helder_json_add_string (builder, "pre", growth->pre_id);
          helder_json_add_string (builder, "post", growth->post_id);
        }
      helder_json_add_int (builder, "goal", growth->goal);
      helder_json_add_string (builder, "text", growth->text);
      helder_json_add_bool (builder, "suppressed", growth->suppressed);
      if (!growth->suppressed)
        {
          helder_json_add_int (builder, "pairs", growth->pairs);
          add_number (builder, "pre_correct", growth->pre, TRUE);
          add_number (builder, "post_correct", growth->post, TRUE);
          add_number (builder, "growth", growth->growth, TRUE);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* Returns: (transfer full): the KPIs as JSON, for helder-cli kpi --json. */
JsonNode *
helder_kpi_result_to_json (const HelderKpiResult *self,
                           HelderLmsReport       *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  helder_json_add_string (builder, "course", self->course_title);
  add_day (builder, "launch", self->launch_day);
  add_day (builder, "window_end", self->window_end_day);
  add_day (builder, "as_of", self->as_of_day);
  helder_json_add_int (builder, "headcount", self->headcount);
  helder_json_add_string (builder, "headcount_source", self->headcount_source);
  helder_json_add_int (builder, "learners", self->learners);
  helder_json_add_int (builder, "participants", self->participants);
  helder_json_add_int (builder, "completers", self->completers);

  json_builder_set_member_name (builder, "kpis");
  json_builder_begin_array (builder);
  for (guint k = 0; k < HELDER_N_KPIS; k++)
    {
      const HelderKpiFigure *figure = &self->figures[k];

      json_builder_begin_object (builder);
      helder_json_add_string (builder, "id", kind_names[k]);
      add_rounded (builder, "value", figure->value, k == HELDER_KPI_SATISFACTION ? 2 : 1,
                   figure->available);
      add_number (builder, "target", figure->target, TRUE);
      helder_json_add_string (builder, "unit", k == HELDER_KPI_SATISFACTION ? "of 5" : "%");
      helder_json_add_string (builder, "status", helder_kpi_status_to_string (figure->status));
      helder_json_add_int (builder, k == HELDER_KPI_TEAM_DISCUSSION ? "teams" : "people", figure->people);
      helder_json_add_bool (builder, "suppressed", figure->suppressed);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "trend");
  json_builder_begin_array (builder);
  for (guint w = 0; w < self->weeks->len; w++)
    {
      const HelderKpiWeek *week = &g_array_index (self->weeks, HelderKpiWeek, w);

      json_builder_begin_object (builder);
      helder_json_add_int (builder, "week", w + 1);
      add_day (builder, "start", week->start_day);
      add_number (builder, "participation", week->participation, TRUE);
      add_number (builder, "completion", week->completion,
                  week->participants >= HELDER_KPI_MINIMUM_GROUP);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_groups (builder, "modules", self->modules);
  add_groups (builder, "departments", self->departments);

  json_builder_set_member_name (builder, "satisfaction");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->survey->len; i++)
    {
      const HelderKpiSurveyItem *item = g_ptr_array_index (self->survey, i);

      json_builder_begin_object (builder);
      helder_json_add_string (builder, "id", item->id);
      helder_json_add_string (builder, "text", item->text);
      helder_json_add_bool (builder, "suppressed", item->suppressed);
      if (!item->suppressed)
        {
          helder_json_add_int (builder, "answers", item->answers);
          add_rounded (builder, "mean", item->mean, 2, TRUE);
          json_builder_set_member_name (builder, "distribution");
          json_builder_begin_array (builder);
          for (guint v = 0; v < 5; v++)
            json_builder_add_int_value (builder, item->counts[v]);
          json_builder_end_array (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "knowledge_growth");
  json_builder_begin_object (builder);
  add_growths (builder, "goals", self->goals);
  add_growths (builder, "questions", self->questions);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "team_discussion");
  json_builder_begin_object (builder);
  helder_json_add_int (builder, "teams", self->teams);
  helder_json_add_int (builder, "discussed", self->teams_discussed);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "privacy");
  json_builder_begin_object (builder);
  helder_json_add_int (builder, "minimum_group", HELDER_KPI_MINIMUM_GROUP);
  helder_json_add_int (builder, "suppressed_groups", self->suppressed_groups);
  json_builder_end_object (builder);

  if (report != NULL)
    {
      GPtrArray *inputs = helder_lms_report_get_inputs (report);

      json_builder_set_member_name (builder, "inputs");
      json_builder_begin_array (builder);
      for (guint i = 0; i < inputs->len; i++)
        {
          const HelderLmsInput *input = g_ptr_array_index (inputs, i);
          char separator[2] = { input->separator, '\0' };

          json_builder_begin_object (builder);
          helder_json_add_string (builder, "file", input->file);
          helder_json_add_string (builder, "kind", helder_lms_input_kind_to_string (input->kind));
          helder_json_add_string (builder, "encoding", input->encoding);
          helder_json_add_string (builder, "separator", input->separator != 0 ? separator : NULL);
          helder_json_add_int (builder, "rows", input->rows);
          helder_json_add_int (builder, "used", input->used);
          helder_json_add_int (builder, "skipped", input->skipped);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * helder_kpi_result_get_note:
 *
 * Says why a KPI has no value when the reason is something the user can
 * supply: participation needs the number of employees. Returns a
 * translated string owned by the library, or NULL when there is nothing
 * to ask for.
 */
const char *
helder_kpi_result_get_note (const HelderKpiResult *self,
                            HelderKpiKind          kind)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (kind == HELDER_KPI_PARTICIPATION && self->headcount == 0)
    return _("Unknown: enter the number of employees or open the organisation file.");
  return NULL;
}
