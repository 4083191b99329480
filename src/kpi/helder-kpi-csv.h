/* helder-kpi-csv.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-kpi.h"

G_BEGIN_DECLS

char *helder_kpi_result_to_csv (const HelderKpiResult *result);

G_END_DECLS
