/* helder-checks.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-course.h"

G_BEGIN_DECLS

/* One entry point for every check, so the CLI, the editor and the export
 * see the same findings. Each family of rules (format, language,
 * accessibility) adds its diagnostics to the same array.
 */
GPtrArray *helder_checks_run_page   (HelderCourse *course,
                                     HelderPage   *page);
GPtrArray *helder_checks_run_course (HelderCourse *course);
GPtrArray *helder_checks_run_course_on (HelderCourse *course,
                                        const GDate  *today);

G_END_DECLS
