/* helder-lms-report.h
 *
 * HelderLmsReport: reads LMS exports (CSV and xAPI) and maps their columns
 * to learners, modules and questions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "helder-course.h"

G_BEGIN_DECLS

/* What a column of an LMS export holds. */
typedef enum
{
  HELDER_LMS_COLUMN_IGNORED,
  HELDER_LMS_COLUMN_LEARNER,
  HELDER_LMS_COLUMN_MODULE,
  HELDER_LMS_COLUMN_STATUS,
  HELDER_LMS_COLUMN_STARTED,
  HELDER_LMS_COLUMN_COMPLETED,
  HELDER_LMS_COLUMN_DEPARTMENT,
  HELDER_LMS_COLUMN_TEAM,
  HELDER_LMS_COLUMN_INTERACTION,
  HELDER_LMS_COLUMN_RESULT,
  HELDER_LMS_COLUMN_RESPONSE,
  HELDER_LMS_COLUMN_ATTEMPT,
  HELDER_LMS_COLUMN_DISCUSSED,
  HELDER_N_LMS_COLUMNS
} HelderLmsColumn;

/* What kind of file an input turned out to be. */
typedef enum
{
  HELDER_LMS_INPUT_PROGRESS,     /* one row per learner × module, or per attempt */
  HELDER_LMS_INPUT_INTERACTIONS, /* one row per answer */
  HELDER_LMS_INPUT_MOODLE,       /* Moodle's SCORM interactions report: answers side by side */
  HELDER_LMS_INPUT_XAPI,         /* xAPI statements as an LRS exports them */
  HELDER_LMS_INPUT_ORGANISATION, /* employee → department and team */
} HelderLmsInputKind;

/* What reading one file gave. Every row is either used or skipped, and
 * every skipped row is counted under a located diagnostic.
 */
typedef struct
{
  char               *file;
  HelderLmsInputKind  kind;
  char                separator; /* 0 for JSON */
  const char         *encoding;  /* "UTF-8", "UTF-16", "Windows-1252" or "UTF-8 + Windows-1252" */
  guint               rows;
  guint               used;
  guint               skipped;
} HelderLmsInput;

/* A pre-test or post-test question or a survey item of the course, with
 * the answers every learner gave (0 = no answer).
 */
typedef enum
{
  HELDER_LMS_ITEM_PRE,
  HELDER_LMS_ITEM_POST,
  HELDER_LMS_ITEM_LIKERT,
  HELDER_LMS_ITEM_OPEN,
} HelderLmsItemKind;

#define HELDER_LMS_ANSWER_NONE  0
#define HELDER_LMS_ANSWER_WRONG 1
#define HELDER_LMS_ANSWER_RIGHT 2

typedef struct
{
  char              *id;
  HelderLmsItemKind  kind;
  guint              goal;     /* 0 when the question names none */
  char              *goal_text; /* the module's learning goal of that number, or NULL */
  char              *text;
  char              *module;   /* id of the module the block stands in */
  GArray            *answers;  /* of guint8 per learner: answer code or Likert value 1–5 */
  GArray            *attempts; /* of guint8 per learner: attempt of the answer kept */
} HelderLmsItem;

/* A column of a CSV report as the last load read it: its header as
 * written and the meaning it was read with (from the mapping, or
 * recognised by its name). Columns Moodle numbers ("Question 1",
 * "Response 1", …) and columns without a name are not listed.
 */
typedef struct
{
  char            *file;
  char            *header;
  HelderLmsColumn  column;
} HelderLmsHeader;

typedef struct _HelderLmsReport HelderLmsReport;

HelderLmsReport   *helder_lms_report_new            (HelderCourse     *course);
/* helder_lms_report_mapping_path: (transfer full): the caller frees the text with g_free() */
char              *helder_lms_report_mapping_path   (HelderCourse     *course);
void               helder_lms_report_free           (HelderLmsReport  *self);

gboolean           helder_lms_report_load_mapping   (HelderLmsReport  *self,
                                                     const char       *path,
                                                     GError          **error);
gboolean           helder_lms_report_save_mapping   (HelderLmsReport  *self,
                                                     const char       *path,
                                                     GError          **error);
void               helder_lms_report_map_column     (HelderLmsReport  *self,
                                                     const char       *header,
                                                     HelderLmsColumn   column);
gboolean           helder_lms_save_chosen_columns   (HelderCourse     *course,
                                                     GPtrArray        *headers,
                                                     gboolean          replace_unreadable,
                                                     GError          **error);
gboolean           helder_lms_report_load_file      (HelderLmsReport  *self,
                                                     const char       *path,
                                                     GError          **error);
gboolean           helder_lms_report_load_organisation (HelderLmsReport *self,
                                                     const char       *path,
                                                     GError          **error);

GPtrArray         *helder_lms_report_get_diagnostics (HelderLmsReport *self);
GPtrArray         *helder_lms_report_get_refusals   (HelderLmsReport  *self);
char              *helder_lms_dup_problem_text      (const HelderDiagnostic *problem);
gboolean           helder_lms_problem_is_about_columns (const HelderDiagnostic *problem);
GPtrArray         *helder_lms_report_get_headers    (HelderLmsReport  *self);
GPtrArray         *helder_lms_report_get_inputs     (HelderLmsReport  *self);
GPtrArray         *helder_lms_report_get_items      (HelderLmsReport  *self);
guint              helder_lms_report_get_n_learners (HelderLmsReport  *self);
guint              helder_lms_report_get_n_modules  (HelderLmsReport  *self);
const char        *helder_lms_report_get_module_id  (HelderLmsReport  *self,
                                                     guint             module);
const char        *helder_lms_report_get_module_title (HelderLmsReport *self,
                                                     guint             module);
const guint32     *helder_lms_report_get_days       (HelderLmsReport  *self,
                                                     gboolean          completed);
const gint32      *helder_lms_report_get_learner_departments (HelderLmsReport *self);
const gint32      *helder_lms_report_get_learner_teams (HelderLmsReport *self);
const gboolean    *helder_lms_report_get_learner_in_organisation (HelderLmsReport *self);
GPtrArray         *helder_lms_report_get_departments (HelderLmsReport *self);
guint              helder_lms_report_get_n_teams    (HelderLmsReport  *self);
guint              helder_lms_report_get_n_teams_discussed (HelderLmsReport *self);
guint              helder_lms_report_get_n_employees (HelderLmsReport *self);
guint32            helder_lms_report_get_first_day  (HelderLmsReport  *self);
guint32            helder_lms_report_get_last_day   (HelderLmsReport  *self);

const char        *helder_lms_column_to_string      (HelderLmsColumn   column);
const char        *helder_lms_column_to_label       (HelderLmsColumn   column);
gboolean           helder_lms_column_from_string    (const char       *name,
                                                     HelderLmsColumn  *column);
HelderLmsColumn    helder_lms_column_recognise      (const char       *header);
const char        *helder_lms_input_kind_to_string  (HelderLmsInputKind kind);
guint32            helder_lms_parse_day             (const char       *text);

/* Days are Julian day numbers as GDate counts them; 0 means "no date".
 * A learner who started or completed without a date gets this day.
 */
#define HELDER_LMS_DAY_UNKNOWN G_MAXUINT32

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderLmsReport, helder_lms_report_free)

G_END_DECLS
