/* helder-kpi-html.h
 *
 * The KPI report: a self-contained, accessible HTML page of a course's KPIs
 * for the programme manager.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-kpi.h"

G_BEGIN_DECLS

/* helder_kpi_result_to_html: (transfer full): the caller frees the text with g_free() */
char *helder_kpi_result_to_html (const HelderKpiResult *result,
                                 HelderLmsReport       *report);

G_END_DECLS
