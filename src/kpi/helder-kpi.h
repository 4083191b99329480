/* helder-kpi.h
 *
 * The KPIs of a course from LMS reports: participation, completion, scores,
 * goals, per department and team, never for groups small enough to point at
 * a person.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "helder-course.h"
#include "helder-lms-report.h"

G_BEGIN_DECLS

/* Groups smaller than this are never shown: their figures could point
 * at a person.
 */
#define HELDER_KPI_MINIMUM_GROUP 5

typedef enum
{
  HELDER_KPI_PARTICIPATION,
  HELDER_KPI_COMPLETION,
  HELDER_KPI_SATISFACTION,
  HELDER_KPI_KNOWLEDGE_GROWTH,
  HELDER_KPI_TEAM_DISCUSSION,
  HELDER_N_KPIS
} HelderKpiKind;

typedef enum
{
  HELDER_KPI_STATUS_ON_TRACK,
  HELDER_KPI_STATUS_AT_RISK,
  HELDER_KPI_STATUS_MISSED,
  HELDER_KPI_STATUS_NO_DATA,
} HelderKpiStatus;

typedef struct
{
  double  targets[HELDER_N_KPIS];
  guint32 launch_day; /* Julian day; 0: the first day in the reports */
  guint32 as_of_day;  /* Julian day; 0: the last day in the reports */
  guint   headcount;  /* 0: from the organisation file, else the learners seen */
  guint   window_months;
} HelderKpiSettings;

typedef struct
{
  double          value;
  double          target;
  guint           people;     /* how many people (teams for team discussion) it rests on */
  gboolean        available;  /* FALSE: no data, or suppressed */
  gboolean        suppressed; /* fewer than HELDER_KPI_MINIMUM_GROUP people */
  HelderKpiStatus status;
} HelderKpiFigure;

/* Participation and completion of one module or one department. */
typedef struct
{
  char     *id;
  char     *name;
  guint     people;
  guint     participants;
  guint     completers;
  double    participation;
  double    completion;
  gboolean  suppressed;            /* the group has fewer than 5 people */
  gboolean  completion_suppressed; /* fewer than 5 participants */
} HelderKpiGroup;

typedef struct
{
  guint32 start_day;
  guint   participants; /* so far */
  guint   completers;   /* so far */
  double  participation;
  double  completion;
} HelderKpiWeek;

typedef struct
{
  char     *id;
  char     *text;
  guint     answers;
  double    mean;
  guint     counts[5];
  gboolean  suppressed;
} HelderKpiSurveyItem;

/* Pre-test and post-test of one question (pre-N and post-N), of one
 * learning goal, or of all, over the learners who answered both.
 */
typedef struct
{
  char     *pre_id;  /* NULL for a goal */
  char     *post_id;
  char     *text;
  guint     goal;
  guint     pairs;
  double    pre;     /* % right before */
  double    post;    /* % right after */
  double    growth;  /* % more right answers: (post − pre) / pre × 100 */
  gboolean  suppressed;
} HelderKpiGrowth;

typedef struct
{
  HelderKpiSettings settings;
  char             *course_title;
  guint32           launch_day;
  guint32           window_end_day;
  guint32           as_of_day;
  guint             headcount;
  const char       *headcount_source; /* "setting", "organisation" or "unknown" (headcount 0) */
  guint             learners;
  guint             learners_outside_organisation;
  guint             participants;
  guint             completers;
  HelderKpiFigure   figures[HELDER_N_KPIS];
  GArray           *weeks;       /* of HelderKpiWeek */
  GPtrArray        *modules;     /* of HelderKpiGroup* */
  GPtrArray        *departments; /* of HelderKpiGroup* */
  GPtrArray        *survey;      /* of HelderKpiSurveyItem* */
  GPtrArray        *questions;   /* of HelderKpiGrowth* */
  GPtrArray        *goals;       /* of HelderKpiGrowth* */
  guint             teams;
  guint             teams_discussed;
  guint             suppressed_groups;
} HelderKpiResult;

void             helder_kpi_settings_init       (HelderKpiSettings       *settings,
                                                 HelderCourse            *course);
/* helder_kpi_compute: (transfer full): the caller frees it with helder_kpi_result_free() */
HelderKpiResult *helder_kpi_compute             (HelderLmsReport         *report,
                                                 HelderCourse            *course,
                                                 const HelderKpiSettings *settings);
void             helder_kpi_result_free         (HelderKpiResult         *self);
/* helder_kpi_result_to_json: (transfer full): the caller frees it with json_node_unref() */
JsonNode        *helder_kpi_result_to_json      (const HelderKpiResult   *self,
                                                 HelderLmsReport         *report);

const char      *helder_kpi_kind_to_string      (HelderKpiKind            kind);
const char      *helder_kpi_kind_to_label       (HelderKpiKind            kind);
/* helder_kpi_format_value: (transfer full): the caller frees the text with g_free() */
char            *helder_kpi_format_value        (HelderKpiKind            kind,
                                                 double                   value);
const char      *helder_kpi_status_to_string    (HelderKpiStatus          status);
const char      *helder_kpi_status_to_label     (HelderKpiStatus          status);
/* helder_kpi_format_day: (transfer full): the caller frees the text with g_free() */
char            *helder_kpi_format_day          (guint32                  day);
char            *helder_kpi_dup_iso_day         (guint32                  day);
/* helder_kpi_format_number: (transfer full): the caller frees the text with g_free() */
char            *helder_kpi_format_number       (double                   value,
                                                 guint                    decimals,
                                                 gboolean                 sign);
const char      *helder_kpi_result_get_note     (const HelderKpiResult   *self,
                                                 HelderKpiKind            kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderKpiResult, helder_kpi_result_free)

G_END_DECLS
