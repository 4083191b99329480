/* helder-ignore-list.h
 *
 * HelderIgnoreList: the findings the team chose to ignore (ignored.json).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-diagnostic.h"

G_BEGIN_DECLS

/* Findings an author chose to ignore, kept in the course folder
 * (ignored.json) so the whole team sees the same findings. A finding is
 * ignored when its page, its rule and the text it points at all match,
 * so it stays ignored when the text around it changes. Errors cannot be
 * ignored: they would reach the learner.
 */
typedef struct _HelderIgnoreList HelderIgnoreList;

#define HELDER_IGNORE_FILE "ignored.json"

HelderIgnoreList *helder_ignore_list_load    (const char             *course_path,
                                              GPtrArray              *diagnostics);
void              helder_ignore_list_free    (HelderIgnoreList       *self);
gboolean          helder_ignore_list_add     (HelderIgnoreList       *self,
                                              const HelderDiagnostic *diagnostic,
                                              const char             *page_text,
                                              GError                **error);
gboolean          helder_ignore_list_matches (HelderIgnoreList       *self,
                                              const HelderDiagnostic *diagnostic,
                                              const char             *page_text);
gboolean          helder_ignore_list_rename_page (HelderIgnoreList *self,
                                                  const char       *old_file,
                                                  const char       *new_file,
                                                  GError          **error);
guint             helder_ignore_list_get_n_entries (HelderIgnoreList *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderIgnoreList, helder_ignore_list_free)

G_END_DECLS
