/* helder-test-keyboard.h
 *
 * Real key presses for the UI tests. The keys go through the X server
 * (the XTEST extension of the tests' Xvfb), so GTK receives them exactly
 * as it receives a person's typing: shortcuts, focus moves, mnemonics and
 * text input all take their normal paths.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       helder_test_keyboard_focus   (GtkWindow  *window);
GtkWindow *helder_test_keyboard_active  (void);
void       helder_test_keyboard_press   (const char *accelerator);
void       helder_test_keyboard_repeat  (const char *accelerator,
                                         guint       times);
void       helder_test_keyboard_type    (const char *text);

G_END_DECLS
