/* helder-kpi-view.c
 *
 * The KPI dashboard: a tile per KPI with its value, target and status,
 * then the charts (targets, weekly trend, modules, departments, survey,
 * knowledge growth). Exports the charts as one PNG or SVG, every figure
 * as CSV, or the whole dashboard as an A4 PDF report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-kpi-view"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "helder-kpi-chart.h"
#include "helder-kpi-csv.h"
#include "helder-kpi-view.h"

#define EXPORT_WIDTH 900.0
#define EXPORT_HEADING 40.0

struct _HelderKpiView
{
  AdwBin           parent_instance;

  HelderKpiResult *result;
  HelderKpiChart  *charts[HELDER_N_KPI_CHARTS];
  GtkWidget       *headings[HELDER_N_KPI_CHARTS];

  /* Template widgets */
  GtkLabel        *title;
  GtkLabel        *subtitle;
  GtkFlowBox      *tiles;
  GtkBox          *charts_box;
};

G_DEFINE_FINAL_TYPE (HelderKpiView, helder_kpi_view, ADW_TYPE_BIN)

static const char *
chart_title (HelderKpiChartKind kind)
{
  switch (kind)
    {
    case HELDER_KPI_CHART_TARGETS:
      return _("KPIs against their targets");
    case HELDER_KPI_CHART_TREND:
      return _("Trend since launch");
    case HELDER_KPI_CHART_MODULES:
      return _("Participation per module");
    case HELDER_KPI_CHART_DEPARTMENTS:
      return _("Participation per department");
    case HELDER_KPI_CHART_SATISFACTION:
      return _("Satisfaction: answers 1 to 5 per question");
    case HELDER_KPI_CHART_GROWTH:
      return _("Knowledge growth per learning goal: right before and after");
    case HELDER_N_KPI_CHARTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static const char *
status_class (HelderKpiStatus status)
{
  switch (status)
    {
    case HELDER_KPI_STATUS_ON_TRACK:
      return "success";
    case HELDER_KPI_STATUS_AT_RISK:
      return "warning";
    case HELDER_KPI_STATUS_MISSED:
      return "error";
    case HELDER_KPI_STATUS_NO_DATA:
    default:
      return "dim-label";
    }
}

static GtkWidget *
tile_new (const HelderKpiResult *result,
          HelderKpiKind          kind)
{
  const HelderKpiFigure *figure = &result->figures[kind];
  g_autofree char *value = figure->available ? helder_kpi_format_value (kind, figure->value)
                                             : g_strdup ("—");
  g_autofree char *target = helder_kpi_format_value (kind, figure->target);
  g_autofree char *target_text = g_strdup_printf (_("target %s"), target);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label;

  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_margin_start (box, 0);

  label = gtk_label_new (helder_kpi_kind_to_label (kind));
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (value);
  gtk_widget_add_css_class (label, "title-1");
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (target_text);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  /* The status is a word, not only a colour. */
  label = gtk_label_new (helder_kpi_status_to_label (figure->status));
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_add_css_class (label, status_class (figure->status));
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  if (helder_kpi_result_get_note (result, kind) != NULL)
    {
      label = gtk_label_new (helder_kpi_result_get_note (result, kind));
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_box_append (GTK_BOX (box), label);
    }

  gtk_widget_set_tooltip_text (box, figure->suppressed
                                      ? _("Hidden: it would rest on fewer than 5 people.")
                                      : kind == HELDER_KPI_TEAM_DISCUSSION
                                          ? _("Share of the teams in the organisation file that discussed the course.")
                                          : NULL);
  return box;
}

/* The dashboard's dates and numbers of people, in one line. */
static char *
dup_subtitle (const HelderKpiResult *result)
{
  g_autofree char *launch = helder_kpi_format_day (result->launch_day);
  g_autofree char *window_end = helder_kpi_format_day (result->window_end_day);
  g_autofree char *as_of = helder_kpi_format_day (result->as_of_day);

  /* Translators: launch date, end of the window, date of the data, headcount, participants */
  return g_strdup_printf (_("Launch %s, window until %s, data until %s · %u employees, %u participants"),
                          launch, window_end, as_of, result->headcount, result->participants);
}

static void
update (HelderKpiView *self)
{
  GtkWidget *child;
  g_autofree char *subtitle = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tiles))) != NULL)
    gtk_flow_box_remove (self->tiles, child);

  for (guint c = 0; c < HELDER_N_KPI_CHARTS; c++)
    helder_kpi_chart_set_result (self->charts[c], self->result);

  if (self->result == NULL)
    {
      gtk_label_set_label (self->subtitle, _("Open the LMS reports to see the KPIs."));
      return;
    }

  for (guint k = 0; k < HELDER_N_KPIS; k++)
    gtk_flow_box_append (self->tiles, tile_new (self->result, k));

  gtk_label_set_label (self->title, self->result->course_title != NULL
                                      ? self->result->course_title : _("KPIs"));
  subtitle = dup_subtitle (self->result);
  gtk_label_set_label (self->subtitle, subtitle);

  gtk_widget_set_visible (self->headings[HELDER_KPI_CHART_DEPARTMENTS],
                          self->result->departments->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->charts[HELDER_KPI_CHART_DEPARTMENTS]),
                          self->result->departments->len > 0);
}

/* Takes ownership of result. */
void
helder_kpi_view_set_result (HelderKpiView   *self,
                            HelderKpiResult *result)
{
  HelderKpiResult *old;

  g_return_if_fail (HELDER_IS_KPI_VIEW (self));

  old = g_steal_pointer (&self->result);
  self->result = result;
  update (self);
  g_clear_pointer (&old, helder_kpi_result_free);
}

const HelderKpiResult *
helder_kpi_view_get_result (HelderKpiView *self)
{
  g_return_val_if_fail (HELDER_IS_KPI_VIEW (self), NULL);

  return self->result;
}

static void
draw_export (HelderKpiView *self,
             cairo_t       *cr,
             double         height,
             gboolean       dark)
{
  double y = 0;

  cairo_set_source_rgb (cr, dark ? 0.14 : 1, dark ? 0.14 : 1, dark ? 0.14 : 1);
  cairo_paint (cr);

  for (guint c = 0; c < HELDER_N_KPI_CHARTS; c++)
    {
      HelderKpiChart *chart = self->charts[c];

      if (!gtk_widget_get_visible (GTK_WIDGET (chart)))
        continue;
      cairo_set_source_rgb (cr, dark ? 0.93 : 0.1, dark ? 0.93 : 0.1, dark ? 0.93 : 0.1);
      cairo_select_font_face (cr, "Cantarell", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
      cairo_set_font_size (cr, 17);
      cairo_move_to (cr, 12, y + EXPORT_HEADING - 12);
      cairo_show_text (cr, chart_title (c));
      y += EXPORT_HEADING;

      cairo_save (cr);
      cairo_translate (cr, 0, y);
      helder_kpi_chart_draw (chart, cr, EXPORT_WIDTH, dark, NULL);
      cairo_restore (cr);
      y += helder_kpi_chart_get_natural_height (chart) + 12;
    }
  g_assert (y <= height + 1);
}

/* Frees @surface and says, with the user's file name, when writing it
 * failed: @status is what writing said, or success to ask the surface.
 */
static gboolean
close_surface (cairo_surface_t  *surface,
               cairo_status_t    status,
               const char       *path,
               GError          **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"),
                   name, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* A4 in points, with margins of 2 cm. */
#define PDF_WIDTH 595.28
#define PDF_HEIGHT 841.89
#define PDF_MARGIN 56.7

typedef struct
{
  cairo_t *cr;
  double   y;
  guint    page;
} PdfWriter;

static double
pdf_text (PdfWriter  *pdf,
          const char *text,
          double      size,
          gboolean    bold)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (pdf->cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Cantarell");
  int height;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) ((PDF_WIDTH - 2 * PDF_MARGIN) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, NULL, &height);

  cairo_set_source_rgb (pdf->cr, 0.1, 0.1, 0.1);
  cairo_move_to (pdf->cr, PDF_MARGIN, pdf->y);
  pango_cairo_show_layout (pdf->cr, layout);
  pdf->y += height;
  return height;
}

/* Ends the page when @needed more points do not fit on it. */
static void
pdf_make_room (PdfWriter *pdf,
               double     needed)
{
  g_autofree char *number = NULL;

  if (pdf->y + needed <= PDF_HEIGHT - PDF_MARGIN)
    return;

  /* Translators: the page number at the foot of a page of the KPI report */
  number = g_strdup_printf (_("Page %u"), pdf->page);
  pdf->y = PDF_HEIGHT - PDF_MARGIN + 12;
  pdf_text (pdf, number, 9, FALSE);
  cairo_show_page (pdf->cr);
  pdf->page++;
  pdf->y = PDF_MARGIN;
}

/* The report: the course, its dates, every KPI in words (value, target,
 * status and note), then the charts, scaled to the page width; a chart
 * that does not fit on the rest of a page starts a new one.
 */
static gboolean
write_pdf (HelderKpiView  *self,
           const char     *path,
           GError        **error)
{
  const HelderKpiResult *result = self->result;
  const char *title = result->course_title != NULL ? result->course_title : _("KPIs");
  g_autofree char *heading = g_strdup_printf (_("KPI report: %s"), title);
  g_autofree char *subtitle = dup_subtitle (result);
  double scale = (PDF_WIDTH - 2 * PDF_MARGIN) / EXPORT_WIDTH;
  cairo_surface_t *surface = cairo_pdf_surface_create (path, PDF_WIDTH, PDF_HEIGHT);
  PdfWriter pdf = { cairo_create (surface), PDF_MARGIN, 1 };

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, heading);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Helder");

  pdf_text (&pdf, heading, 20, TRUE);
  pdf.y += 4;
  pdf_text (&pdf, subtitle, 10, FALSE);
  pdf.y += 12;

  for (guint k = 0; k < HELDER_N_KPIS; k++)
    {
      const HelderKpiFigure *figure = &result->figures[k];
      g_autofree char *value = figure->available ? helder_kpi_format_value (k, figure->value)
                                                 : g_strdup ("—");
      g_autofree char *target = helder_kpi_format_value (k, figure->target);
      /* Translators: KPI, value, target, status */
      g_autofree char *line = g_strdup_printf (_("%s: %s (target %s) — %s"),
                                               helder_kpi_kind_to_label (k), value, target,
                                               helder_kpi_status_to_label (figure->status));

      pdf_make_room (&pdf, 40);
      pdf_text (&pdf, line, 11, TRUE);
      if (helder_kpi_result_get_note (result, k) != NULL)
        pdf_text (&pdf, helder_kpi_result_get_note (result, k), 10, FALSE);
      pdf.y += 6;
    }

  for (guint c = 0; c < HELDER_N_KPI_CHARTS; c++)
    {
      HelderKpiChart *chart = self->charts[c];
      double height = helder_kpi_chart_get_natural_height (chart) * scale;

      if (!gtk_widget_get_visible (GTK_WIDGET (chart)))
        continue;
      pdf.y += 12;
      pdf_make_room (&pdf, 20 + height);
      pdf_text (&pdf, chart_title (c), 13, TRUE);
      pdf.y += 4;
      cairo_save (pdf.cr);
      cairo_translate (pdf.cr, PDF_MARGIN, pdf.y);
      cairo_scale (pdf.cr, scale, scale);
      helder_kpi_chart_draw (chart, pdf.cr, EXPORT_WIDTH, FALSE, NULL);
      cairo_restore (pdf.cr);
      pdf.y += height;
    }
  pdf_make_room (&pdf, PDF_HEIGHT);

  cairo_destroy (pdf.cr);
  cairo_surface_finish (surface);
  return close_surface (surface, CAIRO_STATUS_SUCCESS, path, error);
}

/* Writes every chart, one under the other with its title, as a PNG or
 * (when the path ends in .svg) an SVG, in the current light or dark style;
 * when the path ends in .csv, every figure as CSV; when it ends in .pdf,
 * the report on A4 paper, always light.
 */
gboolean
helder_kpi_view_export (HelderKpiView  *self,
                        const char     *path,
                        GError        **error)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  gboolean svg = g_str_has_suffix (path, ".svg") || g_str_has_suffix (path, ".SVG");
  double height = 0;
  cairo_surface_t *surface;
  cairo_status_t status = CAIRO_STATUS_SUCCESS;
  cairo_t *cr;

  g_return_val_if_fail (HELDER_IS_KPI_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->result == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("There are no KPIs to export yet: open the LMS reports first."));
      return FALSE;
    }

  if (g_str_has_suffix (path, ".csv") || g_str_has_suffix (path, ".CSV"))
    {
      g_autofree char *csv = helder_kpi_result_to_csv (self->result);

      return g_file_set_contents (path, csv, -1, error);
    }
  if (g_str_has_suffix (path, ".pdf") || g_str_has_suffix (path, ".PDF"))
    return write_pdf (self, path, error);

  for (guint c = 0; c < HELDER_N_KPI_CHARTS; c++)
    if (gtk_widget_get_visible (GTK_WIDGET (self->charts[c])))
      height += EXPORT_HEADING + helder_kpi_chart_get_natural_height (self->charts[c]) + 12;

  surface = svg ? cairo_svg_surface_create (path, EXPORT_WIDTH, height)
                : cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) EXPORT_WIDTH, (int) height);
  cr = cairo_create (surface);
  draw_export (self, cr, height, dark);
  cairo_destroy (cr);

  if (svg)
    cairo_surface_finish (surface);
  else
    {
      cairo_surface_flush (surface);
      status = cairo_surface_write_to_png (surface, path);
    }
  return close_surface (surface, status, path, error);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    HelderKpiView   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path != NULL && !helder_kpi_view_export (self, path, &error))
        {
          GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
          GtkWidget *message = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Export failed"), error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (message));
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HelderKpiView *self = HELDER_KPI_VIEW (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *name = g_strdup_printf ("kpi-dashboard.%s", format);
  const char *title = g_str_equal (format, "svg") ? _("Export as SVG")
                      : g_str_equal (format, "csv") ? _("Export Figures as CSV")
                      : g_str_equal (format, "pdf") ? _("Export Report as PDF")
                      : _("Export as PNG");

  dialog = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
helder_kpi_view_dispose (GObject *object)
{
  HelderKpiView *self = HELDER_KPI_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HELDER_TYPE_KPI_VIEW);

  G_OBJECT_CLASS (helder_kpi_view_parent_class)->dispose (object);
}

static void
helder_kpi_view_finalize (GObject *object)
{
  HelderKpiView *self = HELDER_KPI_VIEW (object);

  g_clear_pointer (&self->result, helder_kpi_result_free);

  G_OBJECT_CLASS (helder_kpi_view_parent_class)->finalize (object);
}

static void
helder_kpi_view_class_init (HelderKpiViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_kpi_view_dispose;
  object_class->finalize = helder_kpi_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/helderapp/Helder/helder-kpi-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderKpiView, title);
  gtk_widget_class_bind_template_child (widget_class, HelderKpiView, subtitle);
  gtk_widget_class_bind_template_child (widget_class, HelderKpiView, tiles);
  gtk_widget_class_bind_template_child_full (widget_class, "charts", FALSE,
                                             G_STRUCT_OFFSET (HelderKpiView, charts_box));

  gtk_widget_class_install_action (widget_class, "kpi.export", "s", export_action);
}

static void
helder_kpi_view_init (HelderKpiView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint c = 0; c < HELDER_N_KPI_CHARTS; c++)
    {
      GtkWidget *heading = gtk_label_new (chart_title (c));

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
      gtk_widget_set_margin_top (heading, 18);
      gtk_widget_add_css_class (heading, "title-4");
      gtk_box_append (self->charts_box, heading);
      self->headings[c] = heading;

      self->charts[c] = g_object_new (HELDER_TYPE_KPI_CHART, "kind", c, NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->charts[c]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, chart_title (c), -1);
      gtk_box_append (self->charts_box, GTK_WIDGET (self->charts[c]));
    }

  update (self);
}

GtkWidget *
helder_kpi_view_new (void)
{
  return g_object_new (HELDER_TYPE_KPI_VIEW, NULL);
}
