/* helder-block-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "helder-course.h"

G_BEGIN_DECLS

#define HELDER_TYPE_BLOCK_VIEW (helder_block_view_get_type ())

G_DECLARE_FINAL_TYPE (HelderBlockView, helder_block_view, HELDER, BLOCK_VIEW, GtkWidget)

void     helder_block_view_set_page        (HelderBlockView *self,
                                            HelderCourse    *course,
                                            HelderPage      *page,
                                            GtkTextBuffer   *buffer);
void     helder_block_view_set_diagnostics (HelderBlockView *self,
                                            GPtrArray       *diagnostics);
void     helder_block_view_set_editable    (HelderBlockView *self,
                                            gboolean         editable);
gboolean helder_block_view_focus_range     (HelderBlockView *self,
                                            gsize            start,
                                            gsize            end);
void     helder_block_view_set_marks       (HelderBlockView *self,
                                            GArray          *marks);
void     helder_block_view_set_extra_menu  (HelderBlockView *self,
                                            GMenuModel      *menu);

G_END_DECLS
