/* helder-kpi-html.c
 *
 * The KPI report as one self-contained HTML file: no scripts, no files
 * next to it, charts as inline SVG. Every chart has a text alternative
 * (its title and a description that says what it shows) and the table
 * with the numbers behind it, so the report works with a screen reader
 * and prints well.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-kpi-html"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "helder-kpi-html.h"
#include "helder-markup.h"

#define CHART_WIDTH 640
#define BAR_HEIGHT 28
#define MAX_LABEL_CHARS 26

static const char style[] =
  "body{font-family:Cantarell,'Noto Sans',system-ui,sans-serif;color:#1a1a1a;background:#fff;"
  "max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
  "h1{font-size:1.8rem}h2{font-size:1.35rem;margin-top:2.5rem;border-bottom:2px solid #1d5f8a}"
  "table{border-collapse:collapse;margin:1rem 0;width:100%}"
  "th,td{border:1px solid #9a9a9a;padding:.3rem .6rem;text-align:right}"
  "th:first-child,td:first-child{text-align:left}caption{text-align:left;font-weight:bold}"
  ".on-track{color:#1c6b2a}.at-risk{color:#8a5300}.missed{color:#a51d2d}.no-data{color:#555}"
  ".cards{display:flex;flex-wrap:wrap;gap:1rem}"
  ".card{border:1px solid #9a9a9a;border-radius:.5rem;padding:.8rem 1rem;min-width:10rem}"
  ".card .value{font-size:2rem;font-weight:bold}svg{max-width:100%;height:auto}"
  "svg text{font-family:inherit;font-size:13px;fill:#1a1a1a}.target{stroke:#1a1a1a}.note{color:#444}"
  "@media (prefers-color-scheme:dark){body{background:#1e1e1e;color:#eee}svg text{fill:#eee}.target{stroke:#eee}"
  ".on-track{color:#8ff0a4}.at-risk{color:#f8e45c}.missed{color:#ff7b63}.no-data{color:#bbb}"
  ".note{color:#ccc}}";

/* An SVG coordinate: a decimal point whatever the user's locale, which
 * the report's own numbers follow.
 */
typedef char Coordinate[G_ASCII_DTOSTR_BUF_SIZE];

static const char *
coordinate (Coordinate buffer,
            double     value)
{
  return g_ascii_formatd (buffer, sizeof (Coordinate), "%.1f", value);
}

static char *
format_percent (double value,
                gboolean available)
{
  return available ? g_strdup_printf ("%.1f%%", value) : g_strdup (_("hidden (fewer than 5 people)"));
}

/* Opens an accessible chart: role img, named by its title, described by
 * a sentence that says what the chart shows.
 */
static void
begin_chart (GString    *out,
             const char *id,
             guint       height,
             const char *title,
             const char *description)
{
  g_string_append_printf (out,
                          "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
                          "viewBox=\"0 0 %u %u\" width=\"%u\" height=\"%u\" "
                          "aria-labelledby=\"%s-title %s-desc\"><title id=\"%s-title\">",
                          CHART_WIDTH, height, CHART_WIDTH, height, id, id, id);
  helder_markup_append_escaped (out, title);
  g_string_append_printf (out, "</title><desc id=\"%s-desc\">", id);
  helder_markup_append_escaped (out, description);
  g_string_append (out, "</desc>");
}

static void
end_chart (GString    *out,
           const char *caption)
{
  g_string_append (out, "</svg><figcaption>");
  helder_markup_append_escaped (out, caption);
  g_string_append (out, "</figcaption></figure>\n");
}

static void
bar (GString    *out,
     guint       row,
     const char *label,
     double      value,
     double      scale_max,
     const char *colour,
     const char *value_text)
{
  double y = 10 + row * (BAR_HEIGHT + 8);
  double width = scale_max > 0 ? MIN (value / scale_max, 1.0) * (CHART_WIDTH - 260) : 0;
  Coordinate a, b, c, d;

  /* Long names are cut to fit before the bar; the table has them whole. */
  g_string_append_printf (out, "<text x=\"0\" y=\"%s\">", coordinate (a, y + BAR_HEIGHT * 0.65));
  if (g_utf8_strlen (label, -1) > MAX_LABEL_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (label, 0, MAX_LABEL_CHARS - 1);

      helder_markup_append_escaped (out, cut);
      g_string_append (out, "…");
    }
  else
    helder_markup_append_escaped (out, label);
  g_string_append_printf (out,
                          "</text><rect x=\"190\" y=\"%s\" width=\"%s\" height=\"%u\" fill=\"%s\"/>"
                          "<text x=\"%s\" y=\"%s\">",
                          coordinate (a, y), coordinate (b, width), BAR_HEIGHT, colour,
                          coordinate (c, 196 + width), coordinate (d, y + BAR_HEIGHT * 0.65));
  helder_markup_append_escaped (out, value_text);
  g_string_append (out, "</text>");
}

static void
target_mark (GString *out,
             guint    row,
             double   target,
             double   scale_max)
{
  double y = 10 + row * (BAR_HEIGHT + 8);
  double x = 190 + (scale_max > 0 ? MIN (target / scale_max, 1.0) : 0) * (CHART_WIDTH - 260);
  Coordinate a, b, c;

  g_string_append_printf (out,
                          "<line class=\"target\" x1=\"%s\" x2=\"%s\" y1=\"%s\" y2=\"%s\" "
                          "stroke-width=\"3\" stroke-dasharray=\"4 2\"/>",
                          coordinate (a, x), coordinate (a, x), coordinate (b, y - 3),
                          coordinate (c, y + BAR_HEIGHT + 3));
}

static const char *
status_colour (HelderKpiStatus status)
{
  switch (status)
    {
    case HELDER_KPI_STATUS_ON_TRACK:
      return "#2b8a3e";
    case HELDER_KPI_STATUS_AT_RISK:
      return "#c77c02";
    case HELDER_KPI_STATUS_MISSED:
      return "#c01c28";
    case HELDER_KPI_STATUS_NO_DATA:
    default:
      return "#8a8a8a";
    }
}

static void
write_kpis (GString               *out,
            const HelderKpiResult *result)
{
  g_autoptr(GString) description = g_string_new (NULL);

  g_string_append_printf (out, "<h2>%s</h2>\n<div class=\"cards\">", _("KPIs against their targets"));
  for (guint k = 0; k < HELDER_N_KPIS; k++)
    {
      const HelderKpiFigure *figure = &result->figures[k];
      g_autofree char *value = figure->available ? helder_kpi_format_value (k, figure->value) : g_strdup ("—");
      g_autofree char *target = helder_kpi_format_value (k, figure->target);

      g_string_append (out, "<div class=\"card\"><div>");
      helder_markup_append_escaped (out, helder_kpi_kind_to_label (k));
      g_string_append_printf (out, "</div><div class=\"value\">%s</div><div>%s %s</div>"
                              "<div class=\"%s\">%s</div>",
                              value, _("target"), target, helder_kpi_status_to_string (figure->status),
                              helder_kpi_status_to_label (figure->status));
      if (helder_kpi_result_get_note (result, k) != NULL)
        {
          g_string_append (out, "<div class=\"note\">");
          helder_markup_append_escaped (out, helder_kpi_result_get_note (result, k));
          g_string_append (out, "</div>");
        }
      g_string_append (out, "</div>");

      /* Translators: KPI name, value, target, status, e.g. "Participation 71%, target 70%: On track. " */
      g_string_append_printf (description, _("%s %s, target %s: %s. "),
                              helder_kpi_kind_to_label (k), value, target,
                              helder_kpi_status_to_label (figure->status));
    }
  g_string_append (out, "</div>\n");

  begin_chart (out, "kpis", 10 + HELDER_N_KPIS * (BAR_HEIGHT + 8), _("Each KPI as a share of its target"),
               description->str);
  for (guint k = 0; k < HELDER_N_KPIS; k++)
    {
      const HelderKpiFigure *figure = &result->figures[k];
      g_autofree char *value = figure->available ? helder_kpi_format_value (k, figure->value) : g_strdup ("—");
      double scale = k == HELDER_KPI_SATISFACTION ? 5 : 100;

      bar (out, k, helder_kpi_kind_to_label (k), figure->available ? MAX (figure->value, 0) : 0, scale,
           status_colour (figure->status), value);
      target_mark (out, k, figure->target, scale);
    }
  end_chart (out, _("Bars show the value; the dashed line is the target."));
}

static void
write_trend (GString               *out,
             const HelderKpiResult *result)
{
  const guint height = 240, left = 50, bottom = 30, top = 10;
  guint n = result->weeks->len;
  double plot_width = CHART_WIDTH - left - 20;
  double plot_height = height - top - bottom;
  g_autofree char *description = NULL;
  const HelderKpiWeek *last;

  if (n == 0)
    return;
  last = &g_array_index (result->weeks, HelderKpiWeek, n - 1);

  g_string_append_printf (out, "<h2>%s</h2>\n", _("Trend since launch"));
  description = g_strdup_printf (_("Over %u weeks, participation rose to %.1f%% and completion "
                                   "to %.1f%%. The table below gives every week."),
                                 n, last->participation, last->completion);
  begin_chart (out, "trend", height, _("Participation and completion per week"), description);

  for (guint tick = 0; tick <= 100; tick += 25)
    {
      double y = top + plot_height * (1 - tick / 100.0);
      Coordinate a, b, c;

      g_string_append_printf (out,
                              "<line x1=\"%u\" x2=\"%s\" y1=\"%s\" y2=\"%s\" stroke=\"#bbb\"/>"
                              "<text x=\"4\" y=\"%s\">%u%%</text>",
                              left, coordinate (a, left + plot_width), coordinate (b, y),
                              coordinate (b, y), coordinate (c, y + 4), tick);
    }

  for (guint series = result->headcount > 0 ? 0 : 1; series < 2; series++)
    {
      g_string_append_printf (out, "<polyline fill=\"none\" stroke-width=\"3\" stroke=\"%s\"%s points=\"",
                              series == 0 ? "#1d5f8a" : "#c64600",
                              series == 0 ? "" : " stroke-dasharray=\"6 3\"");
      for (guint w = 0; w < n; w++)
        {
          const HelderKpiWeek *week = &g_array_index (result->weeks, HelderKpiWeek, w);
          double value = series == 0 ? week->participation : week->completion;
          double x = left + (n > 1 ? plot_width * w / (n - 1) : plot_width / 2);
          Coordinate a, b;

          g_string_append_printf (out, "%s,%s ", coordinate (a, x),
                                  coordinate (b, top + plot_height * (1 - value / 100)));
        }
      g_string_append (out, "\"/>");
    }
  g_string_append_printf (out, "<text x=\"%u\" y=\"%u\">%s</text>", left, height - 8, _("week 1"));
  {
    Coordinate a;

    g_string_append_printf (out, "<text x=\"%s\" y=\"%u\" text-anchor=\"end\">",
                            coordinate (a, left + plot_width), height - 8);
  }
  g_string_append_printf (out, _("week %u"), n);
  g_string_append (out, "</text>");
  end_chart (out, _("Solid line: participation (share of the headcount). Dashed line: completion "
                    "(share of the participants)."));

  g_string_append_printf (out, "<table><caption>%s</caption><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n",
                          _("Per week"), _("Week"), _("From"), _("Participation"), _("Completion"));
  for (guint w = 0; w < n; w++)
    {
      const HelderKpiWeek *week = &g_array_index (result->weeks, HelderKpiWeek, w);
      g_autofree char *day = helder_kpi_format_day (week->start_day);
      g_autofree char *completion = format_percent (week->completion,
                                                    week->participants >= HELDER_KPI_MINIMUM_GROUP);

      g_string_append_printf (out, "<tr><td>%u</td><td>%s</td><td>%.1f%%</td><td>%s</td></tr>\n",
                              w + 1, day != NULL ? day : "", week->participation, completion);
    }
  g_string_append (out, "</table>\n");
}

static void
write_groups (GString    *out,
              const char *id,
              const char *heading,
              GPtrArray  *groups)
{
  g_autoptr(GString) description = g_string_new (NULL);
  guint shown = 0;

  if (groups->len == 0)
    return;

  g_string_append_printf (out, "<h2>%s</h2>\n", heading);
  for (guint i = 0; i < groups->len; i++)
    {
      const HelderKpiGroup *group = g_ptr_array_index (groups, i);

      if (group->suppressed)
        continue;
      /* Translators: group name, participation, completion */
      g_string_append_printf (description, _("%s: participation %.1f%%, completion %.1f%%. "),
                              group->name, group->participation, group->completion);
      shown++;
    }

  if (shown > 0)
    {
      guint row = 0;

      begin_chart (out, id, 10 + shown * (BAR_HEIGHT + 8), heading, description->str);
      for (guint i = 0; i < groups->len; i++)
        {
          const HelderKpiGroup *group = g_ptr_array_index (groups, i);
          g_autofree char *text = NULL;

          if (group->suppressed || group->people == 0)
            continue;
          text = g_strdup_printf ("%.1f%%", group->participation);
          bar (out, row++, group->name, group->participation, 100, "#1d5f8a", text);
        }
      end_chart (out, _("Participation: the share of the group that started."));
    }

  g_string_append_printf (out, "<table><caption>%s</caption><tr><th>%s</th><th>%s</th><th>%s</th>"
                          "<th>%s</th><th>%s</th></tr>\n", heading, _("Name"), _("People"),
                          _("Participants"), _("Participation"), _("Completion"));
  for (guint i = 0; i < groups->len; i++)
    {
      const HelderKpiGroup *group = g_ptr_array_index (groups, i);

      g_string_append (out, "<tr><td>");
      helder_markup_append_escaped (out, group->name);
      if (group->suppressed)
        g_string_append_printf (out, "</td><td colspan=\"4\">%s</td></tr>\n",
                                _("hidden (fewer than 5 people)"));
      else
        {
          g_autofree char *completion = format_percent (group->completion, !group->completion_suppressed);

          g_string_append_printf (out, "</td><td>%u</td><td>%u</td><td>%.1f%%</td><td>%s</td></tr>\n",
                                  group->people, group->participants, group->participation, completion);
        }
    }
  g_string_append (out, "</table>\n");
}

static void
write_satisfaction (GString               *out,
                    const HelderKpiResult *result)
{
  static const char * const colours[5] = { "#a51d2d", "#e66100", "#9a9996", "#57a773", "#26734d" };
  g_autoptr(GString) description = g_string_new (NULL);
  guint shown = 0, row = 0;

  if (result->survey->len == 0)
    return;

  g_string_append_printf (out, "<h2>%s</h2>\n", _("Satisfaction per question"));
  for (guint i = 0; i < result->survey->len; i++)
    {
      const HelderKpiSurveyItem *item = g_ptr_array_index (result->survey, i);

      if (item->suppressed)
        continue;
      /* Translators: survey question, mean out of 5, number of answers */
      g_string_append_printf (description, _("“%s”: average %.2f of 5 from %u answers. "),
                              item->text, item->mean, item->answers);
      shown++;
    }

  if (shown > 0)
    {
      begin_chart (out, "satisfaction", 10 + shown * (BAR_HEIGHT + 8),
                   _("How the answers to each survey question are spread from 1 to 5"),
                   description->str);
      for (guint i = 0; i < result->survey->len; i++)
        {
          const HelderKpiSurveyItem *item = g_ptr_array_index (result->survey, i);
          double x = 190, y;
          Coordinate a, b, c;

          if (item->suppressed)
            continue;
          y = 10 + row++ * (BAR_HEIGHT + 8);
          g_string_append_printf (out, "<text x=\"0\" y=\"%s\">",
                                  coordinate (a, y + BAR_HEIGHT * 0.65));
          helder_markup_append_escaped (out, item->id);
          g_string_append (out, "</text>");
          for (guint v = 0; v < 5; v++)
            {
              double width = (double) item->counts[v] / item->answers * (CHART_WIDTH - 260);

              g_string_append_printf (out, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%u\" fill=\"%s\"/>",
                                      coordinate (a, x), coordinate (b, y), coordinate (c, width),
                                      BAR_HEIGHT, colours[v]);
              x += width;
            }
          g_string_append_printf (out, "<text x=\"%s\" y=\"%s\">%.2f</text>", coordinate (a, x + 6),
                                  coordinate (b, y + BAR_HEIGHT * 0.65), item->mean);
        }
      end_chart (out, _("From left to right the share of answers 1 (dark red) to 5 (dark green); "
                        "the number is the average."));
    }

  g_string_append_printf (out, "<table><caption>%s</caption><tr><th>%s</th><th>%s</th><th>1</th><th>2</th>"
                          "<th>3</th><th>4</th><th>5</th><th>%s</th></tr>\n",
                          _("Answers per value"), _("Question"), _("Answers"), _("Average"));
  for (guint i = 0; i < result->survey->len; i++)
    {
      const HelderKpiSurveyItem *item = g_ptr_array_index (result->survey, i);

      g_string_append (out, "<tr><td>");
      helder_markup_append_escaped (out, item->text);
      if (item->suppressed)
        {
          g_string_append_printf (out, "</td><td colspan=\"7\">%s</td></tr>\n",
                                  _("hidden (fewer than 5 people)"));
          continue;
        }
      g_string_append_printf (out, "</td><td>%u</td>", item->answers);
      for (guint v = 0; v < 5; v++)
        g_string_append_printf (out, "<td>%u</td>", item->counts[v]);
      g_string_append_printf (out, "<td>%.2f</td></tr>\n", item->mean);
    }
  g_string_append (out, "</table>\n");
}

static void
write_growth_table (GString    *out,
                    const char *caption,
                    GPtrArray  *growths,
                    gboolean    questions)
{
  g_string_append_printf (out, "<table><caption>%s</caption><tr><th>%s</th><th>%s</th><th>%s</th>"
                          "<th>%s</th><th>%s</th></tr>\n", caption,
                          questions ? _("Question") : _("Learning goal"), _("Learners"),
                          _("Right before"), _("Right after"), _("Growth"));
  for (guint i = 0; i < growths->len; i++)
    {
      const HelderKpiGrowth *growth = g_ptr_array_index (growths, i);

      g_string_append (out, "<tr><td>");
      if (questions)
        {
          helder_markup_append_escaped (out, growth->pre_id);
          g_string_append (out, " / ");
          helder_markup_append_escaped (out, growth->post_id);
          g_string_append (out, ": ");
          helder_markup_append_escaped (out, growth->text);
        }
      else
        {
          g_string_append_printf (out, _("Goal %u"), growth->goal);
          if (growth->text != NULL)
            {
              g_string_append (out, ": ");
              helder_markup_append_escaped (out, growth->text);
            }
        }
      if (growth->suppressed)
        g_string_append_printf (out, "</td><td colspan=\"4\">%s</td></tr>\n",
                                _("hidden (fewer than 5 people)"));
      else
        g_string_append_printf (out, "</td><td>%u</td><td>%.1f%%</td><td>%.1f%%</td><td>%+.1f%%</td></tr>\n",
                                growth->pairs, growth->pre, growth->post, growth->growth);
    }
  g_string_append (out, "</table>\n");
}

static void
write_growth (GString               *out,
              const HelderKpiResult *result)
{
  g_autoptr(GString) description = g_string_new (NULL);
  guint shown = 0, row = 0;

  if (result->questions->len == 0)
    return;

  g_string_append_printf (out, "<h2>%s</h2>\n", _("Knowledge growth per learning goal"));
  for (guint i = 0; i < result->goals->len; i++)
    {
      const HelderKpiGrowth *goal = g_ptr_array_index (result->goals, i);

      if (goal->suppressed)
        continue;
      /* Translators: goal number, % right in the pre-test, in the post-test, growth */
      g_string_append_printf (description, _("Goal %u: %.1f%% right before, %.1f%% after (%+.1f%%). "),
                              goal->goal, goal->pre, goal->post, goal->growth);
      shown++;
    }

  if (shown > 0)
    {
      begin_chart (out, "growth", 10 + 2 * shown * (BAR_HEIGHT + 8),
                   _("Right answers before and after, per learning goal"), description->str);
      for (guint i = 0; i < result->goals->len; i++)
        {
          const HelderKpiGrowth *goal = g_ptr_array_index (result->goals, i);
          g_autofree char *before_label = NULL;
          g_autofree char *after_label = NULL;
          g_autofree char *before = NULL;
          g_autofree char *after = NULL;

          if (goal->suppressed)
            continue;
          before_label = g_strdup_printf (_("Goal %u before"), goal->goal);
          after_label = g_strdup_printf (_("Goal %u after"), goal->goal);
          before = g_strdup_printf ("%.1f%%", goal->pre);
          after = g_strdup_printf ("%.1f%% (%+.0f%%)", goal->post, goal->growth);
          bar (out, row++, before_label, goal->pre, 100, "#9a9996", before);
          bar (out, row++, after_label, goal->post, 100, "#1d5f8a", after);
        }
      end_chart (out, _("Grey: share of right answers in the pre-test. Blue: in the post-test, "
                        "by the same learners."));
    }

  write_growth_table (out, _("Per learning goal"), result->goals, FALSE);
  write_growth_table (out, _("Per question"), result->questions, TRUE);
}

static void
write_inputs (GString         *out,
              HelderLmsReport *report)
{
  GPtrArray *inputs = helder_lms_report_get_inputs (report);
  GPtrArray *diagnostics = helder_lms_report_get_diagnostics (report);

  g_string_append_printf (out, "<h2>%s</h2>\n<table><caption>%s</caption><tr><th>%s</th><th>%s</th>"
                          "<th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n",
                          _("Where the figures come from"), _("Files read"), _("File"), _("Kind"),
                          _("Encoding"), _("Rows"), _("Used"), _("Skipped"));
  for (guint i = 0; i < inputs->len; i++)
    {
      const HelderLmsInput *input = g_ptr_array_index (inputs, i);
      g_autofree char *name = g_path_get_basename (input->file);

      g_string_append (out, "<tr><td>");
      helder_markup_append_escaped (out, name);
      g_string_append_printf (out, "</td><td>%s</td><td>%s</td><td>%u</td><td>%u</td><td>%u</td></tr>\n",
                              helder_lms_input_kind_to_string (input->kind), input->encoding,
                              input->rows, input->used, input->skipped);
    }
  g_string_append (out, "</table>\n");

  if (diagnostics->len > 0)
    {
      g_string_append (out, "<ul class=\"note\">");
      for (guint i = 0; i < diagnostics->len; i++)
        {
          const HelderDiagnostic *d = g_ptr_array_index (diagnostics, i);
          g_autofree char *name = g_path_get_basename (d->file);
          g_autofree char *where = d->line > 0 ? g_strdup_printf ("%s:%u", name, d->line) : g_strdup (name);

          g_string_append (out, "<li>");
          helder_markup_append_escaped (out, where);
          g_string_append (out, ": ");
          helder_markup_append_escaped (out, d->message);
          g_string_append (out, "</li>\n");
        }
      g_string_append (out, "</ul>\n");
    }
}

/* Returns: (transfer full): the KPI report as a self-contained HTML page. */
char *
helder_kpi_result_to_html (const HelderKpiResult *result,
                           HelderLmsReport       *report)
{
  GString *out = g_string_new (NULL);
  g_autofree char *launch = helder_kpi_format_day (result->launch_day);
  g_autofree char *window_end = helder_kpi_format_day (result->window_end_day);
  g_autofree char *as_of = helder_kpi_format_day (result->as_of_day);
  g_autofree char *title = g_strdup_printf (_("KPI report: %s"),
                                            result->course_title != NULL ? result->course_title : "");
  const HelderKpiFigure *team = &result->figures[HELDER_KPI_TEAM_DISCUSSION];

  g_return_val_if_fail (result != NULL, NULL);

  helder_markup_append_report_head (out, title, style);
  g_string_append (out, "<p>");
  g_string_append_printf (out, _("Launch %s; the three-month window runs until %s; data until %s. "
                                 "Headcount %u, %u participants, %u completed all modules."),
                          launch, window_end, as_of, result->headcount, result->participants,
                          result->completers);
  g_string_append (out, "</p>\n");

  write_kpis (out, result);
  write_trend (out, result);
  write_groups (out, "modules", _("Per module"), result->modules);
  write_groups (out, "departments", _("Per department"), result->departments);
  write_satisfaction (out, result);
  write_growth (out, result);

  g_string_append_printf (out, "<h2>%s</h2>\n<p>", _("Team discussion"));
  if (result->teams > 0)
    g_string_append_printf (out, _("%u of %u teams discussed the course (%.1f%%)."),
                            result->teams_discussed, result->teams, team->value);
  else
    g_string_append (out, _("No teams: give an organisation file with a team column."));
  g_string_append (out, "</p>\n");

  if (report != NULL)
    write_inputs (out, report);

  g_string_append_printf (out, "<p class=\"note\">%s</p></main></body></html>\n",
                          _("Privacy: this report holds aggregates only. Any group of fewer than 5 "
                            "people is hidden, so no figure points at a person."));

  return g_string_free (out, FALSE);
}
