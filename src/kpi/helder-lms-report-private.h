/* helder-lms-report-private.h
 *
 * What the LMS report units share (helder-lms-report.c, -csv.c, -xapi.c,
 * -mapping.c): the report's fields, the state of one file being read, and
 * the helpers that store what a row or statement says. Included only by
 * those units.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "helder-diagnostic.h"
#include "helder-lms-report.h"

G_BEGIN_DECLS

struct _HelderLmsReport
{
  GPtrArray  *module_ids;      /* of char* */
  GPtrArray  *module_titles;   /* of char* */
  GHashTable *module_names;    /* normalised name → index + 1 */
  GPtrArray  *items;           /* of HelderLmsItem* */
  GHashTable *item_index;      /* id → index + 1 */

  GHashTable *learner_index;   /* id → index + 1 */
  guint       n_learners;
  GArray     *starts;          /* of guint32, n_learners × n_modules */
  GArray     *completions;     /* of guint32, n_learners × n_modules */
  GArray     *learner_departments; /* of gint32 */
  GArray     *learner_teams;   /* of gint32 */
  GArray     *in_organisation; /* of gboolean */

  GPtrArray  *departments;     /* of char* */
  GHashTable *department_index;
  GPtrArray  *teams;           /* of char* */
  GHashTable *team_index;
  GArray     *team_discussed;  /* of gboolean */
  guint       n_employees;

  GHashTable *mapping;         /* normalised header → HelderLmsColumn, set by the user */
  GPtrArray  *headers;         /* of HelderLmsHeader*: every file's columns, in order */
  GPtrArray  *diagnostics;
  GPtrArray  *refusals;        /* of HelderDiagnostic*: one per file left out */
  GPtrArray  *inputs;          /* of HelderLmsInput* */
  guint32     first_day;
  guint32     last_day;
};

/* Kinds of bad input, each counted per file and reported once with the
 * line of its first occurrence.
 */
typedef enum
{
  PROBLEM_FIELD_COUNT,
  PROBLEM_NO_LEARNER,
  PROBLEM_UNKNOWN_MODULE,
  PROBLEM_BAD_STATUS,
  PROBLEM_BAD_DATE,
  PROBLEM_UNKNOWN_ITEM,
  PROBLEM_BAD_RESULT,
  PROBLEM_BAD_LIKERT,
  PROBLEM_DUPLICATE,
  PROBLEM_BAD_STATEMENT,
  PROBLEM_REPEATED,
  PROBLEM_UNDATED,
  N_PROBLEMS
} ProblemKind;

typedef struct
{
  guint  count;
  guint  first_line;
  char  *example;
} Problem;

typedef struct
{
  HelderLmsReport *report;
  HelderLmsInput  *input;
  gboolean         header_done;
  guint            n_header;
  int              columns[HELDER_N_LMS_COLUMNS]; /* field index, or -1 */
  GArray          *moodle_groups;  /* of MoodleGroup */
  GHashTable      *row_hashes;     /* of row_hash (), to find duplicate rows */
  Problem          problems[N_PROBLEMS];
  GError          *error;
} LoadState;

typedef struct
{
  int question;
  int response;
  int result;
} MoodleGroup;

typedef enum
{
  STATUS_UNKNOWN,
  STATUS_NOT_STARTED,
  STATUS_STARTED,
  STATUS_COMPLETED,
} Status;

extern const char * const helder_lms_column_names[HELDER_N_LMS_COLUMNS];

/* helder_lms_normalise_header: (transfer full): the caller frees the text with g_free() */
char *helder_lms_normalise_header (const char *header);

guint helder_lms_report_learner_lookup (HelderLmsReport *self,
                                        const char      *id,
                                        gboolean         add);

gint32 helder_lms_intern_name (GPtrArray  *names,
                               GHashTable *index,
                               const char *name);

void helder_lms_report_note_day (HelderLmsReport *self,
                                 guint32          day);

void helder_lms_keep_earliest (guint32 *slot,
                               guint32  day);

void helder_lms_problem (LoadState   *state,
                         ProblemKind  kind,
                         guint        line,
                         const char  *example);

void helder_lms_report_add_diagnostic (HelderLmsReport *self,
                                       const char      *file,
                                       guint            line,
                                       HelderSeverity   severity,
                                       const char      *rule,
                                       const char      *message);

void helder_lms_report_problems (LoadState *state);

void helder_lms_report_refuse_file (HelderLmsReport  *self,
                                    const char       *file,
                                    guint             line,
                                    const char       *rule,
                                    const char       *message,
                                    GError          **error);

void helder_lms_report_add_header (HelderLmsReport *self,
                                   const char      *file,
                                   const char      *header,
                                   HelderLmsColumn  column);

gboolean helder_lms_value_in (const char *value,
                              const char *list);

Status helder_lms_parse_status (const char *value);

gboolean helder_lms_parse_yes (const char *value);

const char *helder_lms_strip_iri (const char *id);

gboolean helder_lms_record_answer (LoadState  *state,
                                   guint       learner,
                                   const char *id,
                                   const char *result,
                                   const char *response,
                                   guint       attempt,
                                   guint       line);

/* helder_lms_report_add_input: (transfer none): the new input, owned by the report */
HelderLmsInput *helder_lms_report_add_input (HelderLmsReport    *self,
                                             const char         *path,
                                             HelderLmsInputKind  kind);

void helder_lms_load_state_clear (LoadState *state);

gboolean helder_lms_report_load_csv (HelderLmsReport     *self,
                                     const char          *path,
                                     HelderLmsInputKind   kind,
                                     GError             **error);

gboolean helder_lms_report_load_xapi (HelderLmsReport  *self,
                                      const char       *path,
                                      GError          **error);

const char *helder_lms_object_string (JsonObject *object,
                                      const char *member);

/* helder_lms_object_object: (transfer none): the member object, owned by @object */
JsonObject *helder_lms_object_object (JsonObject *object,
                                      const char *member);

G_END_DECLS
