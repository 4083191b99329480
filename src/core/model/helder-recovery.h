/* helder-recovery.h
 *
 * Keeps unsaved edits outside the course folder, so a crash loses nothing,
 * and offers them back when the course is opened again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "helder-course.h"

G_BEGIN_DECLS

/* Unsaved edits, kept outside the course folder so that a crash loses
 * nothing: helder_recovery_store() writes the text of every modified page
 * to a file in the user's state folder (one file per course folder);
 * helder_recovery_find() tells, when the course is opened again, which
 * pages have text that was never saved.
 */
gboolean    helder_recovery_store   (HelderCourse  *course,
                                     GError       **error);
void        helder_recovery_store_async  (HelderCourse        *course,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean    helder_recovery_store_finish (GAsyncResult        *result,
                                          GError             **error);
GHashTable *helder_recovery_find    (HelderCourse  *course,
                                     GDateTime    **saved_at);
guint       helder_recovery_apply   (HelderCourse  *course,
                                     GHashTable    *texts);
void        helder_recovery_discard (HelderCourse  *course);
char       *helder_recovery_dup_path (HelderCourse *course);

G_END_DECLS
