/* helder-preview.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "helder-course.h"

G_BEGIN_DECLS

#define HELDER_TYPE_PREVIEW (helder_preview_get_type ())

G_DECLARE_FINAL_TYPE (HelderPreview, helder_preview, HELDER, PREVIEW, GtkWidget)

typedef enum
{
  HELDER_PREVIEW_PHONE,
  HELDER_PREVIEW_TABLET,
  HELDER_PREVIEW_DESKTOP,
} HelderPreviewDevice;

void     helder_preview_show       (HelderPreview       *self,
                                    HelderCourse        *course,
                                    HelderModule        *module,
                                    HelderPage          *page);
void     helder_preview_refresh    (HelderPreview       *self);
void     helder_preview_follow_line (HelderPreview      *self,
                                     guint               line);
void     helder_preview_set_walking (HelderPreview      *self,
                                     gboolean            walking);
gboolean helder_preview_get_walking (HelderPreview      *self);
void     helder_preview_set_whole_course (HelderPreview *self,
                                          gboolean       whole_course);
gboolean helder_preview_get_whole_course (HelderPreview *self);
void     helder_preview_set_device (HelderPreview       *self,
                                    HelderPreviewDevice  device);
int      helder_preview_get_width  (HelderPreview       *self);
void     helder_preview_set_actual_size (HelderPreview  *self,
                                         gboolean        actual_size);
gboolean helder_preview_get_actual_size (HelderPreview  *self);
double   helder_preview_get_zoom   (HelderPreview       *self);
gboolean helder_preview_is_loading (HelderPreview       *self);
char    *helder_preview_dup_uri    (HelderPreview       *self);
guint    helder_preview_get_n_loads (HelderPreview      *self);
guint    helder_preview_get_n_updates (HelderPreview    *self);

G_END_DECLS
