/* helder-progress.h: progress of work in a worker thread (an export,
 * a check of the whole course), delivered to the thread that started it,
 * so that a progress bar there can follow it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How far a piece of work in a thread is, from 0 to 1. */
typedef void (*HelderProgressFunc) (double   fraction,
                                    gpointer user_data);

/* Carries progress from a worker thread to the thread that started the
 * work: made there, it calls its function in that thread's main context
 * (the one a GTask made there completes in, and before the task's
 * callback). The caller keeps the user data alive until that callback.
 */
typedef struct _HelderProgress HelderProgress;

HelderProgress *helder_progress_new    (HelderProgressFunc  func,
                                        gpointer            user_data);
HelderProgress *helder_progress_ref    (HelderProgress     *self);
void            helder_progress_unref  (HelderProgress     *self);
void            helder_progress_report (HelderProgress     *self,
                                        double              fraction);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderProgress, helder_progress_unref)

G_END_DECLS
