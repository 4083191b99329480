/* helder-save-transaction.h
 *
 * HelderSaveTransaction: saves several files of a course folder all or
 * nothing, with a journal that survives a crash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Saves several files of a course folder so that, whatever moment the
 * process dies at, the folder holds either all old or all new versions:
 * a pending journal names the new files, every new file is written (and
 * synced) next to its target, then the pending journal is renamed to the
 * journal (the commit point), the new files are renamed over the old ones
 * and the journal is removed. helder_save_transaction_recover() finishes
 * a committed save and drops exactly the new files of one that never
 * reached its commit point.
 */
typedef struct _HelderSaveTransaction HelderSaveTransaction;

#define HELDER_SAVE_JOURNAL ".helder-save-journal"
#define HELDER_SAVE_SUFFIX ".helder-new"
#define HELDER_SAVE_PENDING_JOURNAL HELDER_SAVE_JOURNAL HELDER_SAVE_SUFFIX

HelderSaveTransaction *helder_save_transaction_new     (const char             *root);
void                   helder_save_transaction_free    (HelderSaveTransaction  *self);
void                   helder_save_transaction_add     (HelderSaveTransaction  *self,
                                                        const char             *file,
                                                        GBytes                 *bytes);
guint                  helder_save_transaction_get_n_files (HelderSaveTransaction *self);
gboolean               helder_save_transaction_commit  (HelderSaveTransaction  *self,
                                                        GError                **error);
gboolean               helder_save_transaction_recover (const char             *root,
                                                        GError                **error);
gboolean               helder_save_transaction_is_interrupted (const char      *root);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderSaveTransaction, helder_save_transaction_free)

G_END_DECLS
