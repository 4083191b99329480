/* helder-kpi-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "helder-course.h"

G_BEGIN_DECLS

#define HELDER_TYPE_KPI_WINDOW (helder_kpi_window_get_type ())

G_DECLARE_FINAL_TYPE (HelderKpiWindow, helder_kpi_window, HELDER, KPI_WINDOW, AdwWindow)

HelderKpiWindow *helder_kpi_window_new          (GtkWindow        *parent,
                                                 HelderCourse     *course);
void             helder_kpi_window_load_reports (HelderKpiWindow  *self,
                                                 GStrv             reports,
                                                 const char       *organisation);
gboolean         helder_kpi_window_is_loading   (HelderKpiWindow  *self);

G_END_DECLS
