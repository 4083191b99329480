/* helder-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HELDER_TYPE_APPLICATION (helder_application_get_type ())

G_DECLARE_FINAL_TYPE (HelderApplication, helder_application, HELDER, APPLICATION,
                      AdwApplication)

HelderApplication *helder_application_new (void);

G_END_DECLS
