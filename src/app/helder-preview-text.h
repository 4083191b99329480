/* helder-preview-text.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "helder-course.h"

G_BEGIN_DECLS

#define HELDER_TYPE_PREVIEW_TEXT (helder_preview_text_get_type ())

G_DECLARE_FINAL_TYPE (HelderPreviewText, helder_preview_text, HELDER, PREVIEW_TEXT, GtkWidget)

void helder_preview_text_show (HelderPreviewText *self,
                               HelderCourse      *course,
                               HelderModule      *module,
                               HelderPage        *page);

G_END_DECLS
