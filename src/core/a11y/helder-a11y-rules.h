/* helder-a11y-rules.h
 *
 * The accessibility checks (WCAG 2.2 AA and EN 301 549) on pages and on the
 * whole course: alt text, headings, links, media with captions and
 * transcripts, theme contrast. helder-checks.c runs them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-course.h"

G_BEGIN_DECLS

/* Defaults of the accessibility checks; docs/accessibility.md gives
 * their sources.
 */
#define HELDER_A11Y_MAX_ALT_CHARS 150
#define HELDER_A11Y_TRANSCRIPT_MIN_SHARE 0.5 /* of the caption text's words */
#define HELDER_A11Y_BUDGET_TOLERANCE 0.25    /* ±25 % of a module's minutes */

void   helder_a11y_check_page   (HelderCourse *course,
                                 HelderPage   *page,
                                 GPtrArray    *diagnostics);
void   helder_a11y_check_time_budget (HelderCourse *course,
                                     HelderModule *module,
                                     GPtrArray    *diagnostics);
double helder_a11y_estimate_minutes  (HelderCourse *course,
                                     HelderModule *module);
void   helder_a11y_check_course (HelderCourse *course,
                                 GPtrArray    *diagnostics);

G_END_DECLS
