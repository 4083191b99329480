/* helder-kpi-chart.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "helder-kpi.h"

G_BEGIN_DECLS

typedef enum
{
  HELDER_KPI_CHART_TARGETS,
  HELDER_KPI_CHART_TREND,
  HELDER_KPI_CHART_MODULES,
  HELDER_KPI_CHART_DEPARTMENTS,
  HELDER_KPI_CHART_SATISFACTION,
  HELDER_KPI_CHART_GROWTH,
  HELDER_N_KPI_CHARTS
} HelderKpiChartKind;

#define HELDER_TYPE_KPI_CHART (helder_kpi_chart_get_type ())

G_DECLARE_FINAL_TYPE (HelderKpiChart, helder_kpi_chart, HELDER, KPI_CHART, GtkWidget)

void               helder_kpi_chart_set_result          (HelderKpiChart        *self,
                                                         const HelderKpiResult *result);
HelderKpiChartKind helder_kpi_chart_get_kind            (HelderKpiChart        *self);
double             helder_kpi_chart_get_natural_height  (HelderKpiChart        *self);
void               helder_kpi_chart_draw                (HelderKpiChart        *self,
                                                         cairo_t               *cr,
                                                         double                 width,
                                                         gboolean               dark,
                                                         GArray                *regions);
const char        *helder_kpi_chart_get_tooltip_at      (HelderKpiChart        *self,
                                                         double                 x,
                                                         double                 y);

G_END_DECLS
