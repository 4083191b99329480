/* helder-tips-export.h: the tips of the week for every channel the
 * municipality uses: an Atom feed for the intranet, one self-contained
 * HTML e-mail per tip (inline CSS, no images needed), and one 1920×1080
 * PNG slide per tip for the narrowcasting screens (cairo and Pango, text
 * large enough to read from three metres, its contrast with the module
 * colour at least 4.5:1).
 *
 * Reads the course: main thread only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-course.h"

G_BEGIN_DECLS

#define HELDER_SLIDE_WIDTH 1920
#define HELDER_SLIDE_HEIGHT 1080

gboolean helder_tips_export (HelderCourse  *course,
                             const char    *folder,
                             gboolean       force,
                             GPtrArray    **problems,
                             guint         *n_tips,
                             gboolean      *drafted,
                             GError       **error);

G_END_DECLS
