/* helder-team-lock.c
 *
 * An exclusive flock() on .helder-lock in the course folder. The lock is
 * taken again freely inside one process (a save inside a read-change-
 * write that already holds it), since flock() would otherwise wait for
 * itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-team-lock"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "helder-team-lock.h"

typedef struct
{
  int   fd;
  guint holders;
} Held;

struct _HelderTeamLock
{
  char *key;
};

static GMutex held_lock;
static GHashTable *held; /* canonical course path → Held* */

/**
 * helder_team_lock_acquire:
 * @course_path: the course folder
 *
 * Waits until no other process writes into the course, then holds the
 * lock until helder_team_lock_release().
 *
 * Returns: (transfer full): the lock, or %NULL with @error set when the
 *   lock file cannot be made
 */
HelderTeamLock *
helder_team_lock_acquire (const char  *course_path,
                          GError     **error)
{
  g_autofree char *key = NULL;
  HelderTeamLock *self;
  Held *entry;

  g_return_val_if_fail (course_path != NULL, NULL);

  key = g_canonicalize_filename (course_path, NULL);
  g_mutex_lock (&held_lock);
  if (held == NULL)
    held = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  entry = g_hash_table_lookup (held, key);
  if (entry == NULL)
    {
      g_autofree char *path = g_build_filename (key, HELDER_TEAM_LOCK_FILE, NULL);
      int fd = open (path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
      int result = -1;

      while (fd >= 0 && (result = flock (fd, LOCK_EX)) != 0 && errno == EINTR)
        ;
      if (fd < 0 || result != 0)
        {
          int saved = errno;

          if (fd >= 0)
            close (fd);
          g_mutex_unlock (&held_lock);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Could not lock %s so that one change at a time is written: %s; check "
                         "that the course folder may be written to"), path, g_strerror (saved));
          return NULL;
        }
      entry = g_new0 (Held, 1);
      entry->fd = fd;
      g_hash_table_insert (held, g_strdup (key), entry);
    }
  entry->holders++;
  g_mutex_unlock (&held_lock);

  self = g_new0 (HelderTeamLock, 1);
  self->key = g_steal_pointer (&key);
  return self;
}

void
helder_team_lock_release (HelderTeamLock *self)
{
  Held *entry;

  if (self == NULL)
    return;

  g_mutex_lock (&held_lock);
  entry = g_hash_table_lookup (held, self->key);
  g_assert (entry != NULL && entry->holders > 0);
  if (--entry->holders == 0)
    {
      /* Closing the file drops the flock. */
      close (entry->fd);
      g_hash_table_remove (held, self->key);
    }
  g_mutex_unlock (&held_lock);

  g_free (self->key);
  g_free (self);
}
