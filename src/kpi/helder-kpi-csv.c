/* helder-kpi-csv.c
 *
 * Every figure of a KPI report as CSV, one figure per row, for a
 * spreadsheet or another tool. Numbers use a decimal point and dates are
 * ISO 8601, whatever the user's language, so that the file reads the same
 * everywhere; a figure that is hidden or unknown has an empty value and
 * says why in the note column.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-kpi-csv"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "helder-csv.h"
#include "helder-kpi-csv.h"

static void
row (GString    *out,
     const char *section,
     const char *id,
     const char *label,
     const char *measure,
     const char *value,
     const char *note)
{
  const char *fields[] = { section, id != NULL ? id : "", label != NULL ? label : "", measure,
                           value != NULL ? value : "", note != NULL ? note : "" };

  helder_csv_append_row (out, fields, G_N_ELEMENTS (fields));
}

static void
row_number (GString    *out,
            const char *section,
            const char *id,
            const char *label,
            const char *measure,
            double      value,
            gboolean    shown,
            const char *note)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  row (out, section, id, label, measure,
       shown ? g_ascii_formatd (buffer, sizeof buffer, "%.2f", value) : NULL,
       shown ? NULL : note);
}

static void
row_count (GString    *out,
           const char *section,
           const char *id,
           const char *label,
           const char *measure,
           guint       value)
{
  g_autofree char *text = g_strdup_printf ("%u", value);

  row (out, section, id, label, measure, text, NULL);
}

static void
row_day (GString    *out,
         const char *measure,
         guint32     day)
{
  g_autofree char *text = helder_kpi_dup_iso_day (day);

  row (out, "report", NULL, NULL, measure, text, NULL);
}

static void
write_groups (GString    *out,
              const char *section,
              GPtrArray  *groups,
              const char *hidden,
              const char *unknown)
{
  for (guint i = 0; i < groups->len; i++)
    {
      const HelderKpiGroup *group = g_ptr_array_index (groups, i);

      if (group->suppressed)
        {
          row (out, section, group->id, group->name, "people", NULL, hidden);
          continue;
        }
      row_count (out, section, group->id, group->name, "people", group->people);
      row_count (out, section, group->id, group->name, "participants", group->participants);
      row_count (out, section, group->id, group->name, "completers", group->completers);
      row_number (out, section, group->id, group->name, "participation", group->participation,
                  group->people > 0, unknown);
      row_number (out, section, group->id, group->name, "completion", group->completion,
                  !group->completion_suppressed, hidden);
    }
}

static void
write_growth (GString    *out,
              const char *section,
              GPtrArray  *growths,
              const char *hidden)
{
  for (guint i = 0; i < growths->len; i++)
    {
      const HelderKpiGrowth *growth = g_ptr_array_index (growths, i);
      g_autofree char *id = growth->post_id != NULL ? g_strdup (growth->post_id)
                                                    : g_strdup_printf ("%u", growth->goal);

      row_count (out, section, id, growth->text, "pairs", growth->pairs);
      row_number (out, section, id, growth->text, "pre_correct", growth->pre, !growth->suppressed, hidden);
      row_number (out, section, id, growth->text, "post_correct", growth->post, !growth->suppressed, hidden);
      row_number (out, section, id, growth->text, "growth", growth->growth, !growth->suppressed, hidden);
    }
}

/**
 * helder_kpi_result_to_csv:
 *
 * Returns: (transfer full): every figure of @result as CSV text, with a
 * header row: section, id, label, measure, value, note.
 */
char *
helder_kpi_result_to_csv (const HelderKpiResult *result)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *hidden = _("hidden (fewer than 5 people)");
  const char *unknown = _("unknown: no headcount");
  const char *header[] = { "section", "id", "label", "measure", "value", "note" };

  g_return_val_if_fail (result != NULL, NULL);

  helder_csv_append_row (out, header, G_N_ELEMENTS (header));

  row (out, "report", NULL, NULL, "course", result->course_title, NULL);
  row_day (out, "launch", result->launch_day);
  row_day (out, "window_end", result->window_end_day);
  row_day (out, "as_of", result->as_of_day);
  if (result->headcount > 0)
    row_count (out, "report", NULL, NULL, "headcount", result->headcount);
  else
    row (out, "report", NULL, NULL, "headcount", NULL, unknown);
  row (out, "report", NULL, NULL, "headcount_source", result->headcount_source, NULL);
  row_count (out, "report", NULL, NULL, "participants", result->participants);
  row_count (out, "report", NULL, NULL, "completers", result->completers);
  row_count (out, "report", NULL, NULL, "teams", result->teams);
  row_count (out, "report", NULL, NULL, "teams_discussed", result->teams_discussed);
  row_count (out, "report", NULL, NULL, "suppressed_groups", result->suppressed_groups);

  for (guint k = 0; k < HELDER_N_KPIS; k++)
    {
      const HelderKpiFigure *figure = &result->figures[k];
      const char *id = helder_kpi_kind_to_string (k);
      const char *label = helder_kpi_kind_to_label (k);
      const char *note = helder_kpi_result_get_note (result, k);

      row_number (out, "kpi", id, label, "value", figure->value, figure->available,
                  figure->suppressed ? hidden : note);
      row_number (out, "kpi", id, label, "target", figure->target, TRUE, NULL);
      row (out, "kpi", id, label, "status", helder_kpi_status_to_string (figure->status), NULL);
      row_count (out, "kpi", id, label, "people", figure->people);
    }

  for (guint w = 0; w < result->weeks->len; w++)
    {
      const HelderKpiWeek *week = &g_array_index (result->weeks, HelderKpiWeek, w);
      g_autofree char *id = g_strdup_printf ("%u", w + 1);

      row_count (out, "week", id, NULL, "participants", week->participants);
      row_count (out, "week", id, NULL, "completers", week->completers);
      row_number (out, "week", id, NULL, "participation", week->participation,
                  result->headcount > 0, unknown);
      row_number (out, "week", id, NULL, "completion", week->completion,
                  week->participants >= HELDER_KPI_MINIMUM_GROUP, hidden);
    }

  write_groups (out, "module", result->modules, hidden, unknown);
  write_groups (out, "department", result->departments, hidden, unknown);

  for (guint i = 0; i < result->survey->len; i++)
    {
      const HelderKpiSurveyItem *item = g_ptr_array_index (result->survey, i);

      row_count (out, "survey", item->id, item->text, "answers", item->answers);
      row_number (out, "survey", item->id, item->text, "mean", item->mean, !item->suppressed, hidden);
      for (guint v = 0; v < 5; v++)
        {
          g_autofree char *measure = g_strdup_printf ("answered_%u", v + 1);

          if (item->suppressed)
            row (out, "survey", item->id, item->text, measure, NULL, hidden);
          else
            row_count (out, "survey", item->id, item->text, measure, item->counts[v]);
        }
    }

  write_growth (out, "goal", result->goals, hidden);
  write_growth (out, "question", result->questions, hidden);

  return g_string_free (g_steal_pointer (&out), FALSE);
}
