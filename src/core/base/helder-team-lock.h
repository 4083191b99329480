/* helder-team-lock.h
 *
 * One lock per course folder for everything that writes into it, so that
 * two writers (two helder-cli runs, or the app and a CLI run) take turns:
 * each takes the lock, reads the file again, changes it and writes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The lock file in the course folder; it holds nothing. */
#define HELDER_TEAM_LOCK_FILE ".helder-lock"

typedef struct _HelderTeamLock HelderTeamLock;

HelderTeamLock *helder_team_lock_acquire (const char      *course_path,
                                          GError         **error);
void            helder_team_lock_release (HelderTeamLock  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderTeamLock, helder_team_lock_release)

G_END_DECLS
