/* helder-save-transaction.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-save-transaction"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "helder-save-transaction.h"

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
  g_return_if_fail (file != NULL && file[0] != '/' && strstr (file, "..") == NULL);
  g_return_if_fail (strchr (file, '\n') == NULL);
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

  return g_file_set_contents_full (path, data != NULL ? data : "", length,
                                   G_FILE_SET_CONTENTS_CONSISTENT |
                                   G_FILE_SET_CONTENTS_DURABLE,
                                   0644, error);
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
 * simply not there any more.
 */
static gboolean
roll_forward (const char  *root,
              const char  *journal_text,
              GError     **error)
{
  g_auto(GStrv) names = g_strsplit (journal_text, "\n", -1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *target = NULL;
      g_autofree char *fresh = NULL;

      if (names[i][0] == '\0' || names[i][0] == '/' || strstr (names[i], "..") != NULL)
        continue;

      target = g_build_filename (root, names[i], NULL);
      fresh = g_strconcat (target, HELDER_SAVE_SUFFIX, NULL);

      if (g_file_test (fresh, G_FILE_TEST_EXISTS) && !rename_or_error (fresh, target, error))
        return FALSE;
    }

  return TRUE;
}

/* Writes every file all or nothing; FALSE with a message for a person in
 * @error, and the folder as it was.
 */
gboolean
helder_save_transaction_commit (HelderSaveTransaction  *self,
                                GError                **error)
{
  g_autofree char *journal = NULL;
  g_autoptr(GString) names = NULL;
  g_autoptr(GBytes) journal_bytes = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->files->len == 0)
    return TRUE;

  names = g_string_new (NULL);
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

      g_string_append_printf (names, "%s\n", file);
    }

  /* The commit point: once the journal is on disk, the save happens. */
  journal = g_build_filename (self->root, HELDER_SAVE_JOURNAL, NULL);
  journal_bytes = g_bytes_new (names->str, names->len);
  if (!write_durably (journal, journal_bytes, error))
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

static void
remove_leftovers (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      /* Also the temporary files g_file_set_contents() leaves when killed
       * while writing ours ("x.md.helder-new.AB12CD").
       */
      if (strstr (name, HELDER_SAVE_SUFFIX) != NULL ||
          g_str_has_prefix (name, HELDER_SAVE_JOURNAL "."))
        g_unlink (path);
    }
}

/* Finishes or undoes a save a crash interrupted in @root; FALSE with
 * @error set when it cannot.
 */
gboolean
helder_save_transaction_recover (const char  *root,
                                 GError     **error)
{
  g_autofree char *journal = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (root != NULL, FALSE);

  journal = g_build_filename (root, HELDER_SAVE_JOURNAL, NULL);
  if (g_file_get_contents (journal, &text, NULL, NULL))
    {
      if (!roll_forward (root, text, error))
        return FALSE;
      g_unlink (journal);
    }

  remove_leftovers (root);
  dir = g_dir_open (root, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (root, name, NULL);

      if (name[0] != '.' && g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_leftovers (path);
    }

  return TRUE;
}
