/* helder-tip-checks.h: the checks of the course's tips of the week: the
 * tips' own rules (length, text, page link) and the B1 language rules, as
 * on pages, located in tips.md.
 *
 * Reads the course: main thread only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-course.h"

G_BEGIN_DECLS

gboolean helder_tip_checks_run (HelderCourse  *course,
                                GPtrArray     *diagnostics,
                                GError       **error);

G_END_DECLS
