/* helder-kpi-columns.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "helder-course.h"

G_BEGIN_DECLS

#define HELDER_TYPE_KPI_COLUMNS (helder_kpi_columns_get_type ())

G_DECLARE_FINAL_TYPE (HelderKpiColumns, helder_kpi_columns, HELDER, KPI_COLUMNS, AdwWindow)

HelderKpiColumns *helder_kpi_columns_new (GtkWindow    *parent,
                                          HelderCourse *course,
                                          GPtrArray    *headers,
                                          gboolean      replace_unreadable);

G_END_DECLS
