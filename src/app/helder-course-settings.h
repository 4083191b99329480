/* helder-course-settings.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "helder-course.h"

G_BEGIN_DECLS

#define HELDER_TYPE_COURSE_SETTINGS (helder_course_settings_get_type ())

G_DECLARE_FINAL_TYPE (HelderCourseSettings, helder_course_settings, HELDER, COURSE_SETTINGS,
                      AdwPreferencesWindow)

HelderCourseSettings *helder_course_settings_new (GtkWindow    *parent,
                                                  HelderCourse *course);

G_END_DECLS
