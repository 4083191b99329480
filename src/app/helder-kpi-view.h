/* helder-kpi-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "helder-kpi.h"

G_BEGIN_DECLS

#define HELDER_TYPE_KPI_VIEW (helder_kpi_view_get_type ())

G_DECLARE_FINAL_TYPE (HelderKpiView, helder_kpi_view, HELDER, KPI_VIEW, AdwBin)

GtkWidget             *helder_kpi_view_new        (void);
void                   helder_kpi_view_set_result (HelderKpiView    *self,
                                                   HelderKpiResult  *result);
const HelderKpiResult *helder_kpi_view_get_result (HelderKpiView    *self);
gboolean               helder_kpi_view_export     (HelderKpiView    *self,
                                                   const char       *path,
                                                   GError          **error);

G_END_DECLS
