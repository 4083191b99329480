/* helder-kpi-csv.h: the KPI results as a CSV table, for a spreadsheet
 * (`helder-cli kpi --csv` and the dashboard's export).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-kpi.h"

G_BEGIN_DECLS

/* helder_kpi_result_to_csv:
 *
 * Returns: (transfer full): every figure as CSV text, one a row, after a
 *   header row; the caller frees it
 */
char *helder_kpi_result_to_csv (const HelderKpiResult *result);

G_END_DECLS
