/* helder-test-screenshot.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean helder_test_follow_language   (void);

void helder_test_save_screenshot       (GtkWidget  *widget,
                                        const char *path);
void helder_test_save_named_screenshot (GtkWidget  *widget,
                                        const char *folder,
                                        const char *name);

G_END_DECLS
