/* helder-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "helder-application.h"
#include "helder-course.h"

G_BEGIN_DECLS

#define HELDER_TYPE_WINDOW (helder_window_get_type ())

G_DECLARE_FINAL_TYPE (HelderWindow, helder_window, HELDER, WINDOW, AdwApplicationWindow)

HelderWindow *helder_window_new          (HelderApplication *application);
void          helder_window_open_course  (HelderWindow      *self,
                                          GFile             *folder);
HelderCourse *helder_window_get_course   (HelderWindow      *self);
HelderPage   *helder_window_get_page     (HelderWindow      *self);
void          helder_window_keep_unsaved (HelderWindow      *self);

G_END_DECLS
