/* helder-save-transaction.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-save-transaction"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "helder-course-path.h"
#include "helder-output.h"
#include "helder-save-transaction.h"
#include "helder-team-lock.h"

struct _HelderSaveTransaction
{
  char      *root;
  GPtrArray *files; /* of char*, relative to root */
  GPtrArray *bytes; /* of GBytes*, in the same order */
};

/* Returns: (transfer full): an empty transaction for the folder @root. */
HelderSaveTransaction *
helder_save_transaction_new (const char *root)
{
  HelderSaveTransaction *self;

  g_return_val_if_fail (root != NULL, NULL);

  self = g_new0 (HelderSaveTransaction, 1);
  self->root = g_strdup (root);
  self->files = g_ptr_array_new_with_free_func (g_free);
  self->bytes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  return self;
}

/* Frees @self; files not committed are left alone. */
void
helder_save_transaction_free (HelderSaveTransaction *self)
{
  if (self == NULL)
    return;

  g_free (self->root);
  g_ptr_array_unref (self->files);
  g_ptr_array_unref (self->bytes);
  g_free (self);
}

/* Adds @bytes as the new contents of @file (relative to the folder);
 * nothing is written before commit.
 */
void
helder_save_transaction_add (HelderSaveTransaction *self,
                             const char            *file,
                             GBytes                *bytes)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (helder_course_path_check (NULL, file, NULL) == HELDER_COURSE_PATH_INSIDE);
  g_return_if_fail (bytes != NULL);

  g_ptr_array_add (self->files, g_strdup (file));
  g_ptr_array_add (self->bytes, g_bytes_ref (bytes));
}

/* How many files the transaction holds. */
guint
helder_save_transaction_get_n_files (HelderSaveTransaction *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->files->len;
}

static gboolean
write_durably (const char  *path,
               GBytes      *bytes,
               GError     **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return helder_output_write_synced (path, data != NULL ? data : "", length, error);
}

/* Whether @name (relative to @root) is a regular file of our own: not a
 * link, and not reached through a link that leaves the folder.
 */
static gboolean
is_own_file (const char *root,
             const char *name)
{
  g_autofree char *path = g_build_filename (root, name, NULL);
  GStatBuf info;

  return helder_course_path_check (root, name, NULL) == HELDER_COURSE_PATH_INSIDE &&
         g_lstat (path, &info) == 0 && S_ISREG (info.st_mode);
}

static gboolean
rename_or_error (const char  *from,
                 const char  *to,
                 GError     **error)
{
  if (g_rename (from, to) == 0)
    return TRUE;

  {
    int saved = errno;

    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                 _("Could not move %s into place: %s"), to, g_strerror (saved));
  }
  return FALSE;
}

/* Renames each new file named in the journal over its target. A file
 * already renamed (a second recovery after a crash in the first) is
 * simply not there any more. Names that do not stay inside the folder, and
 * new files that are not ours (a link), are left alone.
 */
static gboolean
roll_forward (const char  *root,
              const char  *journal_text,
              GError     **error)
{
  g_auto(GStrv) names = g_strsplit (journal_text, "\n", -1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *fresh_name = g_strconcat (names[i], HELDER_SAVE_SUFFIX, NULL);
      g_autofree char *target = NULL;
      g_autofree char *fresh = NULL;

      if (helder_course_path_check (NULL, names[i], NULL) != HELDER_COURSE_PATH_INSIDE ||
          !is_own_file (root, fresh_name))
        continue;

      target = g_build_filename (root, names[i], NULL);
      fresh = g_build_filename (root, fresh_name, NULL);
      if (!rename_or_error (fresh, target, error))
        return FALSE;
    }

  return TRUE;
}

/* Removes the new files of a save that never reached its commit point:
 * exactly the names its pending journal lists.
 */
static void
drop_uncommitted (const char *root,
                  const char *pending_text)
{
  g_auto(GStrv) names = g_strsplit (pending_text, "\n", -1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *fresh_name = g_strconcat (names[i], HELDER_SAVE_SUFFIX, NULL);

      if (helder_course_path_check (NULL, names[i], NULL) == HELDER_COURSE_PATH_INSIDE &&
          is_own_file (root, fresh_name))
        {
          g_autofree char *fresh = g_build_filename (root, fresh_name, NULL);

          g_unlink (fresh);
        }
    }
}

/* Reads one of our journals; %NULL when there is none (or it is not ours). */
static char *
read_journal (const char *root,
              const char *name)
{
  g_autofree char *path = g_build_filename (root, name, NULL);
  char *text = NULL;

  if (!is_own_file (root, name) || !g_file_get_contents (path, &text, NULL, NULL))
    return NULL;
  return text;
}

gboolean
helder_save_transaction_commit (HelderSaveTransaction  *self,
                                GError                **error)
{
  g_autofree char *journal = NULL;
  g_autofree char *pending = NULL;
  g_autoptr(GString) names = NULL;
  g_autoptr(GBytes) journal_bytes = NULL;
  g_autoptr(HelderTeamLock) lock = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->files->len == 0)
    return TRUE;

  /* One save at a time in a folder: the journals have fixed names. */
  lock = helder_team_lock_acquire (self->root, error);
  if (lock == NULL)
    return FALSE;

  names = g_string_new (NULL);
  for (guint i = 0; i < self->files->len; i++)
    {
      const char *file = g_ptr_array_index (self->files, i);

      if (helder_course_path_check (self->root, file, NULL) == HELDER_COURSE_PATH_OUTSIDE)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                       _("%s in %s is a link to a place outside the course folder; Helder does "
                         "not write through it. Replace the link by the file itself"),
                       file, self->root);
          return FALSE;
        }
      g_string_append_printf (names, "%s\n", file);
    }

  /* The pending journal names every new file before it is written, so a
   * recovery removes exactly those when the save dies before its commit.
   */
  journal = g_build_filename (self->root, HELDER_SAVE_JOURNAL, NULL);
  pending = g_build_filename (self->root, HELDER_SAVE_PENDING_JOURNAL, NULL);
  journal_bytes = g_bytes_new (names->str, names->len);
  if (!write_durably (pending, journal_bytes, error))
    return FALSE;

  for (guint i = 0; i < self->files->len; i++)
    {
      const char *file = g_ptr_array_index (self->files, i);
      g_autofree char *fresh = g_strconcat (self->root, G_DIR_SEPARATOR_S, file,
                                            HELDER_SAVE_SUFFIX, NULL);
      g_autofree char *folder = g_path_get_dirname (fresh);

      /* A new module's folder is made with its first file. */
      if (g_mkdir_with_parents (folder, 0755) != 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Could not make the folder %s: %s"), folder, g_strerror (saved));
          return FALSE;
        }

      if (!write_durably (fresh, g_ptr_array_index (self->bytes, i), error))
        return FALSE;
    }

  /* The commit point: once the journal has its name, the save happens. */
  if (!rename_or_error (pending, journal, error))
    return FALSE;

  if (!roll_forward (self->root, names->str, error))
    return FALSE;

  if (g_unlink (journal) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not finish saving in %s: %s"), self->root, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}

/**
 * helder_save_transaction_is_interrupted:
 *
 * Returns: whether @root holds a save that reached its commit point but
 *   was not finished; helder_save_transaction_recover() finishes it.
 */
gboolean
helder_save_transaction_is_interrupted (const char *root)
{
  g_return_val_if_fail (root != NULL, FALSE);

  return is_own_file (root, HELDER_SAVE_JOURNAL);
}

/**
 * helder_save_transaction_recover:
 *
 * Finishes a committed save (renames the new files its journal names)
 * and removes the new files of one that died before its commit point
 * (the names its pending journal lists). It touches nothing else: no
 * file it did not record, nothing through a link.
 */
gboolean
helder_save_transaction_recover (const char  *root,
                                 GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *pending_text = NULL;
  g_autoptr(HelderTeamLock) lock = NULL;

  g_return_val_if_fail (root != NULL, FALSE);

  /* A pending journal may be a save another process is making right now:
   * wait for it to finish first.
   */
  if (!helder_save_transaction_is_interrupted (root) &&
      !is_own_file (root, HELDER_SAVE_PENDING_JOURNAL))
    return TRUE;
  lock = helder_team_lock_acquire (root, error);
  if (lock == NULL)
    return FALSE;

  text = read_journal (root, HELDER_SAVE_JOURNAL);
  pending_text = read_journal (root, HELDER_SAVE_PENDING_JOURNAL);

  if (text != NULL)
    {
      g_autofree char *journal = g_build_filename (root, HELDER_SAVE_JOURNAL, NULL);

      if (!roll_forward (root, text, error))
        return FALSE;
      g_unlink (journal);
    }

  if (pending_text != NULL)
    {
      g_autofree char *pending = g_build_filename (root, HELDER_SAVE_PENDING_JOURNAL, NULL);

      drop_uncommitted (root, pending_text);
      g_unlink (pending);
    }

  return TRUE;
}
