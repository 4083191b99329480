/* helder-preferences.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HELDER_TYPE_PREFERENCES (helder_preferences_get_type ())

G_DECLARE_FINAL_TYPE (HelderPreferences, helder_preferences, HELDER, PREFERENCES,
                      AdwPreferencesWindow)

HelderPreferences *helder_preferences_new (GtkWindow *parent);

G_END_DECLS
