/* helder-kpi-chart.c
 *
 * One chart of the KPI dashboard, drawn with cairo: the KPIs against
 * their targets, the weekly trend, participation per module or per
 * department, the spread of the survey answers, or the knowledge growth
 * per learning goal. The same drawing code paints the widget and the
 * exported PNG or SVG. Pointing at a bar or a week shows its numbers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-kpi-chart"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include <pango/pangocairo.h>

#include "helder-kpi-chart.h"

#define LABEL_WIDTH 230.0
#define ROW_HEIGHT 34.0
#define LABEL_FONT_SIZE 12.5
#define ROW_GAP 10.0
#define PADDING 12.0
#define TREND_HEIGHT 240.0

struct _HelderKpiChart
{
  GtkWidget                parent_instance;

  HelderKpiChartKind       kind;
  const HelderKpiResult   *result;  /* owned by the dashboard */
  GArray                  *regions; /* of Region, from the last paint */
};

typedef struct
{
  graphene_rect_t  rect;
  char            *text;
} Region;

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HelderKpiChart, helder_kpi_chart, GTK_TYPE_WIDGET)

typedef struct
{
  double r, g, b;
} Colour;

/* Colours that keep 3:1 against the background in both styles. */
typedef struct
{
  Colour background;
  Colour text;
  Colour grid;
  Colour accent;
  Colour second;
  Colour muted;
  Colour status[4];
  Colour likert[5];
} Palette;

static const Palette light_palette = {
  { 1, 1, 1 }, { 0.1, 0.1, 0.1 }, { 0.8, 0.8, 0.8 },
  { 0.11, 0.37, 0.54 }, { 0.78, 0.27, 0 }, { 0.55, 0.55, 0.55 },
  { { 0.15, 0.52, 0.22 }, { 0.72, 0.45, 0 }, { 0.75, 0.11, 0.16 }, { 0.5, 0.5, 0.5 } },
  { { 0.65, 0.11, 0.18 }, { 0.9, 0.38, 0 }, { 0.6, 0.6, 0.59 }, { 0.34, 0.65, 0.45 }, { 0.15, 0.45, 0.3 } },
};

static const Palette dark_palette = {
  { 0.14, 0.14, 0.14 }, { 0.93, 0.93, 0.93 }, { 0.35, 0.35, 0.35 },
  { 0.42, 0.69, 0.93 }, { 1, 0.6, 0.35 }, { 0.6, 0.6, 0.6 },
  { { 0.56, 0.94, 0.64 }, { 0.97, 0.89, 0.36 }, { 1, 0.48, 0.39 }, { 0.7, 0.7, 0.7 } },
  { { 1, 0.48, 0.39 }, { 1, 0.64, 0.28 }, { 0.6, 0.6, 0.6 }, { 0.56, 0.94, 0.64 }, { 0.2, 0.82, 0.48 } },
};

static void
set_colour (cairo_t      *cr,
            const Colour *colour)
{
  cairo_set_source_rgb (cr, colour->r, colour->g, colour->b);
}

static void
region_clear (Region *region)
{
  g_free (region->text);
}

static void
add_region (GArray     *regions,
            double      x,
            double      y,
            double      width,
            double      height,
            char       *text)
{
  Region region;

  if (regions == NULL)
    {
      g_free (text);
      return;
    }
  graphene_rect_init (&region.rect, x, y, MAX (width, 4), height);
  region.text = text;
  g_array_append_val (regions, region);
}

static void
draw_text (cairo_t      *cr,
           const Colour *colour,
           double        x,
           double        y,
           const char   *text,
           gboolean      right_aligned)
{
  cairo_text_extents_t extents;

  set_colour (cr, colour);
  cairo_text_extents (cr, text, &extents);
  cairo_move_to (cr, right_aligned ? x - extents.x_advance : x, y);
  cairo_show_text (cr, text);
}

/* A label in the label column, centred on its row: it wraps to a second
 * line when it is long, and only what does not fit in two lines is cut
 * with an ellipsis (the row's tooltip says it whole).
 */
static void
draw_label (cairo_t      *cr,
            const Colour *colour,
            double        row_top,
            const char   *text)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Cantarell");
  int height;

  pango_font_description_set_absolute_size (font, LABEL_FONT_SIZE * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) ((LABEL_WIDTH - PADDING - 8) * PANGO_SCALE));
  pango_layout_set_height (layout, -2);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, NULL, &height);

  set_colour (cr, colour);
  cairo_move_to (cr, PADDING, row_top + (ROW_HEIGHT - height) / 2);
  pango_cairo_show_layout (cr, layout);
}

static double
bar_area (double width)
{
  return MAX (width - LABEL_WIDTH - PADDING - 70, 40);
}

/* One horizontal bar with its value after it; returns the bar's rect. */
static void
draw_bar (cairo_t       *cr,
          const Palette *palette,
          const Colour  *colour,
          double         width,
          double         y,
          double         share,
          const char    *value)
{
  double length = bar_area (width) * CLAMP (share, 0, 1);

  set_colour (cr, colour);
  cairo_rectangle (cr, LABEL_WIDTH, y, length, ROW_HEIGHT);
  cairo_fill (cr);
  draw_text (cr, &palette->text, LABEL_WIDTH + length + 6, y + ROW_HEIGHT * 0.68, value, FALSE);
}

static void
draw_target (cairo_t       *cr,
             const Palette *palette,
             double         width,
             double         y,
             double         share)
{
  double x = LABEL_WIDTH + bar_area (width) * CLAMP (share, 0, 1);
  const double dashes[] = { 4, 2 };

  set_colour (cr, &palette->text);
  cairo_set_line_width (cr, 2.5);
  cairo_set_dash (cr, dashes, 2, 0);
  cairo_move_to (cr, x, y - 4);
  cairo_line_to (cr, x, y + ROW_HEIGHT + 4);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static double
row_y (guint row)
{
  return PADDING + row * (ROW_HEIGHT + ROW_GAP);
}

static void
draw_targets (const HelderKpiResult *result,
              cairo_t               *cr,
              const Palette         *palette,
              double                 width,
              GArray                *regions)
{
  for (guint k = 0; k < HELDER_N_KPIS; k++)
    {
      const HelderKpiFigure *figure = &result->figures[k];
      double scale = k == HELDER_KPI_SATISFACTION ? 5 : 100;
      double y = row_y (k);
      g_autofree char *value = figure->available ? helder_kpi_format_value (k, figure->value) : g_strdup ("—");
      g_autofree char *target = helder_kpi_format_value (k, figure->target);

      draw_label (cr, &palette->text, y, helder_kpi_kind_to_label (k));
      draw_bar (cr, palette, &palette->status[figure->status], width, y,
                figure->available ? figure->value / scale : 0, value);
      draw_target (cr, palette, width, y, figure->target / scale);
      /* Translators: KPI, value, target, status */
      add_region (regions, 0, y, width, ROW_HEIGHT,
                  g_strdup_printf (_("%s: %s (target %s) — %s"), helder_kpi_kind_to_label (k),
                                   value, target, helder_kpi_status_to_label (figure->status)));
    }
}

static void
draw_trend (const HelderKpiResult *result,
            cairo_t               *cr,
            const Palette         *palette,
            double                 width,
            GArray                *regions)
{
  const double left = 48, top = PADDING, bottom = 28;
  double plot_width = width - left - PADDING;
  double plot_height = TREND_HEIGHT - top - bottom;
  guint n = result->weeks->len;
  const double dashes[] = { 7, 4 };

  cairo_set_line_width (cr, 1);
  for (guint tick = 0; tick <= 100; tick += 25)
    {
      double y = top + plot_height * (1 - tick / 100.0);
      g_autofree char *label = g_strdup_printf ("%u%%", tick);

      set_colour (cr, &palette->grid);
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, left + plot_width, y);
      cairo_stroke (cr);
      draw_text (cr, &palette->text, left - 6, y + 4, label, TRUE);
    }

  /* The participation target as a thin line, for orientation. */
  {
    double y = top + plot_height * (1 - result->figures[HELDER_KPI_PARTICIPATION].target / 100);

    set_colour (cr, &palette->muted);
    cairo_set_dash (cr, dashes, 2, 0);
    cairo_move_to (cr, left, y);
    cairo_line_to (cr, left + plot_width, y);
    cairo_stroke (cr);
    cairo_set_dash (cr, NULL, 0, 0);
  }

  /* Without a headcount there is no participation line to draw. */
  for (guint series = result->headcount > 0 ? 0 : 1; series < 2 && n > 0; series++)
    {
      set_colour (cr, series == 0 ? &palette->accent : &palette->second);
      cairo_set_line_width (cr, 3);
      if (series == 1)
        cairo_set_dash (cr, dashes, 2, 0);
      for (guint w = 0; w < n; w++)
        {
          const HelderKpiWeek *week = &g_array_index (result->weeks, HelderKpiWeek, w);
          double value = series == 0 ? week->participation : week->completion;
          double x = left + (n > 1 ? plot_width * w / (n - 1) : plot_width / 2);

          cairo_line_to (cr, x, top + plot_height * (1 - value / 100));
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  for (guint w = 0; w < n; w++)
    {
      const HelderKpiWeek *week = &g_array_index (result->weeks, HelderKpiWeek, w);
      double step = n > 1 ? plot_width / (n - 1) : plot_width;
      double x = left + (n > 1 ? plot_width * w / (n - 1) : plot_width / 2);
      g_autofree char *day = helder_kpi_format_day (week->start_day);

      /* Translators: week number, its first day, participation, completion */
      add_region (regions, x - step / 2, top, step, plot_height,
                  g_strdup_printf (_("Week %u (from %s): participation %.1f%%, completion %.1f%%"),
                                   w + 1, day, week->participation, week->completion));
    }

  if (n > 0)
    {
      g_autofree char *first = g_strdup (_("week 1"));
      g_autofree char *last = g_strdup_printf (_("week %u"), n);

      draw_text (cr, &palette->text, left, TREND_HEIGHT - 8, first, FALSE);
      draw_text (cr, &palette->text, left + plot_width, TREND_HEIGHT - 8, last, TRUE);
    }

  /* The legend: colour and line style both tell the lines apart. */
  set_colour (cr, &palette->accent);
  cairo_set_line_width (cr, 3);
  cairo_move_to (cr, left + plot_width / 2 - 150, TREND_HEIGHT - 12);
  cairo_rel_line_to (cr, 24, 0);
  cairo_stroke (cr);
  draw_text (cr, &palette->text, left + plot_width / 2 - 120, TREND_HEIGHT - 8, _("participation"), FALSE);
  set_colour (cr, &palette->second);
  cairo_set_dash (cr, dashes, 2, 0);
  cairo_move_to (cr, left + plot_width / 2 + 10, TREND_HEIGHT - 12);
  cairo_rel_line_to (cr, 24, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  draw_text (cr, &palette->text, left + plot_width / 2 + 40, TREND_HEIGHT - 8, _("completion"), FALSE);
}

static void
draw_groups (GPtrArray     *groups,
             cairo_t       *cr,
             const Palette *palette,
             double         width,
             GArray        *regions)
{
  guint row = 0;

  for (guint i = 0; i < groups->len; i++)
    {
      const HelderKpiGroup *group = g_ptr_array_index (groups, i);
      double y = row_y (row++);
      g_autofree char *value = NULL;
      g_autofree char *number = NULL;

      draw_label (cr, &palette->text, y, group->name);
      if (group->suppressed)
        {
          draw_text (cr, &palette->muted, LABEL_WIDTH, y + ROW_HEIGHT * 0.68,
                     _("hidden: fewer than 5 people"), FALSE);
          add_region (regions, 0, y, width, ROW_HEIGHT,
                      g_strdup_printf (_("%s: hidden, the group has fewer than 5 people"), group->name));
          continue;
        }
      if (group->people == 0)
        {
          draw_text (cr, &palette->muted, LABEL_WIDTH, y + ROW_HEIGHT * 0.68,
                     _("share unknown: enter the headcount"), FALSE);
          add_region (regions, 0, y, width, ROW_HEIGHT,
                      g_strdup_printf (_("%s: %u people started; the share is unknown until "
                                         "you enter the headcount or open the organisation file"),
                                       group->name, group->participants));
          continue;
        }
      number = helder_kpi_format_number (group->participation, 1, FALSE);
      value = g_strconcat (number, "%", NULL);
      draw_bar (cr, palette, &palette->accent, width, y, group->participation / 100, value);
      if (group->completion_suppressed)
        add_region (regions, 0, y, width, ROW_HEIGHT,
                    g_strdup_printf (_("%s: %u of %u people started (%.1f%%)"), group->name,
                                     group->participants, group->people, group->participation));
      else
        /* Translators: group, participants, people, participation, completion */
        add_region (regions, 0, y, width, ROW_HEIGHT,
                    g_strdup_printf (_("%s: %u of %u people started (%.1f%%); %.1f%% of them completed"),
                                     group->name, group->participants, group->people,
                                     group->participation, group->completion));
    }
}

/* What the five colours mean, in words and numbers as well, so that no
 * one has to tell the colours apart.
 */
static void
draw_likert_legend (cairo_t       *cr,
                    const Palette *palette,
                    double         y)
{
  const char *names[5] = {
    /* Translators: the lowest answer of a 1 to 5 survey scale */
    _("1 lowest"), "2", "3", "4",
    /* Translators: the highest answer of a 1 to 5 survey scale */
    _("5 highest"),
  };
  double x = LABEL_WIDTH;

  draw_label (cr, &palette->muted, y, _("Colours of the answers"));
  for (guint v = 0; v < 5; v++)
    {
      cairo_text_extents_t extents;

      set_colour (cr, &palette->likert[v]);
      cairo_rectangle (cr, x, y + (ROW_HEIGHT - 14) / 2, 14, 14);
      cairo_fill (cr);
      draw_text (cr, &palette->text, x + 19, y + ROW_HEIGHT * 0.68, names[v], FALSE);
      cairo_text_extents (cr, names[v], &extents);
      x += 19 + extents.x_advance + 16;
    }
}

static void
draw_satisfaction (const HelderKpiResult *result,
                   cairo_t               *cr,
                   const Palette         *palette,
                   double                 width,
                   GArray                *regions)
{
  for (guint i = 0; i < result->survey->len; i++)
    {
      const HelderKpiSurveyItem *item = g_ptr_array_index (result->survey, i);
      double y = row_y (i);
      double x = LABEL_WIDTH;

      draw_label (cr, &palette->text, y, item->text);
      if (item->suppressed)
        {
          draw_text (cr, &palette->muted, LABEL_WIDTH, y + ROW_HEIGHT * 0.68,
                     _("hidden: fewer than 5 answers"), FALSE);
          continue;
        }
      for (guint v = 0; v < 5; v++)
        {
          double segment = bar_area (width) * item->counts[v] / item->answers;

          set_colour (cr, &palette->likert[v]);
          cairo_rectangle (cr, x, y, segment, ROW_HEIGHT);
          cairo_fill (cr);
          /* Translators: answer value, count, share, question */
          add_region (regions, x, y, segment, ROW_HEIGHT,
                      g_strdup_printf (_("Answer %u: %u people (%.1f%%) — “%s”"), v + 1, item->counts[v],
                                       100.0 * item->counts[v] / item->answers, item->text));
          x += segment;
        }
      {
        g_autofree char *mean = g_strdup_printf ("%.2f", item->mean);

        draw_text (cr, &palette->text, x + 6, y + ROW_HEIGHT * 0.68, mean, FALSE);
      }
    }
  if (result->survey->len > 0)
    draw_likert_legend (cr, palette, row_y (result->survey->len));
}

static void
draw_growth (const HelderKpiResult *result,
             cairo_t               *cr,
             const Palette         *palette,
             double                 width,
             GArray                *regions)
{
  guint row = 0;

  for (guint i = 0; i < result->goals->len; i++)
    {
      const HelderKpiGrowth *goal = g_ptr_array_index (result->goals, i);
      double y = row_y (row);
      double half = (ROW_HEIGHT - 2) / 2;
      g_autofree char *label = goal->text != NULL ? g_strdup (goal->text)
                                                  : g_strdup_printf (_("Goal %u"), goal->goal);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      double length;

      row++;
      draw_label (cr, &palette->text, y, label);
      if (goal->suppressed)
        {
          draw_text (cr, &palette->muted, LABEL_WIDTH, y + ROW_HEIGHT * 0.68,
                     _("hidden: fewer than 5 people"), FALSE);
          continue;
        }
      before = g_strdup_printf ("%.0f%%", goal->pre);
      after = g_strdup_printf ("%.0f%% (%+.0f%%)", goal->post, goal->growth);

      length = bar_area (width) * goal->pre / 100;
      set_colour (cr, &palette->muted);
      cairo_rectangle (cr, LABEL_WIDTH, y, length, half);
      cairo_fill (cr);
      draw_text (cr, &palette->text, LABEL_WIDTH + length + 6, y + half - 3, before, FALSE);

      length = bar_area (width) * goal->post / 100;
      set_colour (cr, &palette->accent);
      cairo_rectangle (cr, LABEL_WIDTH, y + half + 2, length, half);
      cairo_fill (cr);
      draw_text (cr, &palette->text, LABEL_WIDTH + length + 6, y + ROW_HEIGHT - 3, after, FALSE);

      /* Translators: goal number, goal text, % right before, after, growth, learners */
      add_region (regions, 0, y, width, ROW_HEIGHT,
                  g_strdup_printf (_("Goal %u%s%s: %.1f%% right before, %.1f%% after (%+.1f%%), %u learners"),
                                   goal->goal, goal->text != NULL ? " — " : "",
                                   goal->text != NULL ? goal->text : "", goal->pre, goal->post,
                                   goal->growth, goal->pairs));
    }
}

static guint
n_rows (HelderKpiChart *self)
{
  if (self->result == NULL)
    return 0;

  switch (self->kind)
    {
    case HELDER_KPI_CHART_TARGETS:
      return HELDER_N_KPIS;
    case HELDER_KPI_CHART_MODULES:
      return self->result->modules->len;
    case HELDER_KPI_CHART_DEPARTMENTS:
      return self->result->departments->len;
    case HELDER_KPI_CHART_SATISFACTION:
      /* The answers' colours get a row of their own. */
      return self->result->survey->len + (self->result->survey->len > 0 ? 1 : 0);
    case HELDER_KPI_CHART_GROWTH:
      return self->result->goals->len;
    case HELDER_KPI_CHART_TREND:
    case HELDER_N_KPI_CHARTS:
    default:
      return 0;
    }
}

double
helder_kpi_chart_get_natural_height (HelderKpiChart *self)
{
  g_return_val_if_fail (HELDER_IS_KPI_CHART (self), 0);

  if (self->kind == HELDER_KPI_CHART_TREND)
    return TREND_HEIGHT;
  return 2 * PADDING + n_rows (self) * (ROW_HEIGHT + ROW_GAP) - ROW_GAP;
}

void
helder_kpi_chart_draw (HelderKpiChart *self,
                       cairo_t        *cr,
                       double          width,
                       gboolean        dark,
                       GArray         *regions)
{
  const Palette *palette = dark ? &dark_palette : &light_palette;

  g_return_if_fail (HELDER_IS_KPI_CHART (self));

  set_colour (cr, &palette->background);
  cairo_rectangle (cr, 0, 0, width, helder_kpi_chart_get_natural_height (self));
  cairo_fill (cr);
  if (self->result == NULL)
    return;

  cairo_select_font_face (cr, "Cantarell", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 13);

  switch (self->kind)
    {
    case HELDER_KPI_CHART_TARGETS:
      draw_targets (self->result, cr, palette, width, regions);
      break;
    case HELDER_KPI_CHART_TREND:
      draw_trend (self->result, cr, palette, width, regions);
      break;
    case HELDER_KPI_CHART_MODULES:
      draw_groups (self->result->modules, cr, palette, width, regions);
      break;
    case HELDER_KPI_CHART_DEPARTMENTS:
      draw_groups (self->result->departments, cr, palette, width, regions);
      break;
    case HELDER_KPI_CHART_SATISFACTION:
      draw_satisfaction (self->result, cr, palette, width, regions);
      break;
    case HELDER_KPI_CHART_GROWTH:
      draw_growth (self->result, cr, palette, width, regions);
      break;
    case HELDER_N_KPI_CHARTS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
helder_kpi_chart_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  HelderKpiChart *self = HELDER_KPI_CHART (widget);
  double width = gtk_widget_get_width (widget);
  cairo_t *cr;

  g_array_set_size (self->regions, 0);
  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (0, 0, width, gtk_widget_get_height (widget)));
  helder_kpi_chart_draw (self, cr, width, is_dark (), self->regions);
  cairo_destroy (cr);
}

static void
helder_kpi_chart_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  HelderKpiChart *self = HELDER_KPI_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 360;
      *natural = 720;
    }
  else
    *minimum = *natural = (int) helder_kpi_chart_get_natural_height (self);
}

const char *
helder_kpi_chart_get_tooltip_at (HelderKpiChart *self,
                                 double          x,
                                 double          y)
{
  g_return_val_if_fail (HELDER_IS_KPI_CHART (self), NULL);

  for (guint i = 0; i < self->regions->len; i++)
    {
      const Region *region = &g_array_index (self->regions, Region, i);

      if (graphene_rect_contains_point (&region->rect, &GRAPHENE_POINT_INIT (x, y)))
        return region->text;
    }
  return NULL;
}

static gboolean
query_tooltip_cb (HelderKpiChart *self,
                  int             x,
                  int             y,
                  gboolean        keyboard,
                  GtkTooltip     *tooltip)
{
  const char *text = helder_kpi_chart_get_tooltip_at (self, x, y);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
dark_changed_cb (HelderKpiChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
helder_kpi_chart_set_result (HelderKpiChart        *self,
                             const HelderKpiResult *result)
{
  g_return_if_fail (HELDER_IS_KPI_CHART (self));

  self->result = result;
  g_array_set_size (self->regions, 0);
  gtk_widget_queue_resize (GTK_WIDGET (self));

  /* The text alternative: what the tooltips say, all of it, found by
   * drawing once to a surface that records nothing for the screen.
   */
  if (result != NULL)
    {
      g_autoptr(GArray) regions = g_array_new (FALSE, FALSE, sizeof (Region));
      g_autoptr(GString) description = g_string_new (NULL);
      cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR, NULL);
      cairo_t *cr = cairo_create (surface);

      g_array_set_clear_func (regions, (GDestroyNotify) region_clear);
      helder_kpi_chart_draw (self, cr, 720, FALSE, regions);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      for (guint i = 0; i < regions->len; i++)
        g_string_append_printf (description, "%s%s", i > 0 ? "; " : "",
                                g_array_index (regions, Region, i).text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      description->str, -1);
    }
}

HelderKpiChartKind
helder_kpi_chart_get_kind (HelderKpiChart *self)
{
  g_return_val_if_fail (HELDER_IS_KPI_CHART (self), 0);

  return self->kind;
}

static void
helder_kpi_chart_finalize (GObject *object)
{
  HelderKpiChart *self = HELDER_KPI_CHART (object);

  g_array_unref (self->regions);

  G_OBJECT_CLASS (helder_kpi_chart_parent_class)->finalize (object);
}

static void
helder_kpi_chart_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HelderKpiChart *self = HELDER_KPI_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_kpi_chart_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HelderKpiChart *self = HELDER_KPI_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      if (self->kind != (HelderKpiChartKind) g_value_get_int (value))
        {
          self->kind = g_value_get_int (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_kpi_chart_class_init (HelderKpiChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = helder_kpi_chart_finalize;
  object_class->get_property = helder_kpi_chart_get_property;
  object_class->set_property = helder_kpi_chart_set_property;
  widget_class->snapshot = helder_kpi_chart_snapshot;
  widget_class->measure = helder_kpi_chart_measure;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, HELDER_N_KPI_CHARTS - 1, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "kpichart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
helder_kpi_chart_init (HelderKpiChart *self)
{
  self->regions = g_array_new (FALSE, FALSE, sizeof (Region));
  g_array_set_clear_func (self->regions, (GDestroyNotify) region_clear);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}
