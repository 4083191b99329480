/* helder-ui-test-utils.h
 *
 * Helpers the UI tests share: finding widgets, waiting for a condition,
 * opening pages and closing windows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-course-settings.h"
#include "helder-window.h"

G_BEGIN_DECLS

GtkWidget * find_named (GtkWidget *root, const char *name);
void wait_for_condition (gboolean (*condition) (gpointer), gpointer data, const char *what);
void wait_for_condition_within (gboolean (*condition) (gpointer), gpointer data, const char *what,
                                guint seconds);
/* Waits up to 90 s for @condition (a function of @data) to hold. */
#define wait_for(condition, data) wait_for_condition ((condition), (data), #condition)
void close_and_finalize (gpointer window);
gboolean pointer_cleared (gpointer location);
gboolean page_shown (gpointer data);
void open_page_in_outline (HelderWindow *window, const char *file);
HelderDiagnostic * finding_with_rule (GtkWidget *window, const char *rule);
gboolean has_long_sentence (gpointer data);
gpointer find_toplevel (GType type);
GPtrArray * dup_shortcuts (GtkWidget *widget);
HelderWindow * open_window (GFile *folder);
gboolean dialog_gone (gpointer data);
GtkEditable * focused_title_field (void);
void answer_title_dialog (const char *title);
void ui_test_init (int *argc, char ***argv);

G_END_DECLS
