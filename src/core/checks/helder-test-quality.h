/* helder-test-quality.h: the rules for sound questions, tests and
 * surveys (docs/test-quality.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-check-settings.h"
#include "helder-course.h"

G_BEGIN_DECLS

void helder_test_quality_check_page   (HelderCourse              *course,
                                       HelderPage                *page,
                                       GPtrArray                 *diagnostics);
void helder_test_quality_check_course (HelderCourse              *course,
                                       const HelderCheckSettings *settings,
                                       GPtrArray                 *diagnostics);

G_END_DECLS
