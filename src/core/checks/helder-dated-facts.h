/* helder-dated-facts.h: dates in the text that have passed but read as
 * still to come, and facts whose check is too old (docs/test-quality.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-check-settings.h"
#include "helder-course.h"

G_BEGIN_DECLS

void helder_dated_facts_check_page (HelderPage                *page,
                                    const HelderCheckSettings *settings,
                                    const GDate               *today,
                                    GPtrArray                 *diagnostics);

G_END_DECLS
