/* helder-archive.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-archive"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <zip.h>

#include "helder-archive.h"
#include "helder-course-path.h"

#define COPY_CHUNK (64 * 1024)
#define RATIO_FREE_SIZE (1024 * 1024)

G_DEFINE_QUARK (helder-archive-error-quark, helder_archive_error)

typedef struct
{
  char    *name;
  guint64  size;
  guint64  compressed_size;
  zip_uint64_t index;  /* in a ZIP file */
  char    *path;       /* in an unpacked folder */
} Entry;

struct _HelderArchive
{
  char       *path;
  zip_t      *zip;        /* NULL for a folder */
  GHashTable *entries;    /* name → Entry* */
  GPtrArray  *names;      /* sorted, NULL-terminated */
};

static void
entry_free (Entry *entry)
{
  g_free (entry->name);
  g_free (entry->path);
  g_free (entry);
}

void
helder_archive_limits_init (HelderArchiveLimits *limits)
{
  g_return_if_fail (limits != NULL);

  *limits = (HelderArchiveLimits) {
    .max_entries = 50000,
    .max_entry_size = G_GUINT64_CONSTANT (4) << 30,
    .max_total_size = G_GUINT64_CONSTANT (16) << 30,
    .max_ratio = 200,
  };
}

/* An entry name is safe when it has the form of a path inside a course
 * (the one path rule, helder-course-path.h): relative, '/' separated, no
 * "." or ".." part, no backslash, colon or control character. Joined to a
 * folder it can never leave it. A folder entry's final '/' is no part.
 */
static gboolean
name_is_safe (const char *name)
{
  g_autofree char *bare = g_strdup (name);
  gsize length = strlen (bare);

  if (length > 1 && bare[length - 1] == '/')
    bare[length - 1] = '\0';
  return helder_course_path_check (NULL, bare, NULL) != HELDER_COURSE_PATH_MALFORMED;
}

static gboolean
add_entry (HelderArchive              *self,
           const HelderArchiveLimits  *limits,
           Entry                      *entry,
           guint64                    *total,
           GError                    **error)
{
  if (!name_is_safe (entry->name))
    {
      g_set_error (error, HELDER_ARCHIVE_ERROR, HELDER_ARCHIVE_ERROR_UNSAFE,
                   _("“%s” contains the entry “%s”, which would land outside the folder "
                     "it is unpacked in. Helder does not open such packages: ask for a new "
                     "export."),
                   self->path, entry->name);
      entry_free (entry);
      return FALSE;
    }
  if (g_hash_table_size (self->entries) >= limits->max_entries)
    {
      g_set_error (error, HELDER_ARCHIVE_ERROR, HELDER_ARCHIVE_ERROR_TOO_LARGE,
                   _("“%s” holds more than %u files, more than any course package needs. "
                     "Check that this is the right file."),
                   self->path, limits->max_entries);
      entry_free (entry);
      return FALSE;
    }
  if (entry->size > limits->max_entry_size
      || (self->zip != NULL && entry->size > RATIO_FREE_SIZE
          && entry->size / MAX (entry->compressed_size, 1) > limits->max_ratio))
    {
      g_autofree char *size = g_format_size (entry->size);

      g_set_error (error, HELDER_ARCHIVE_ERROR, HELDER_ARCHIVE_ERROR_TOO_LARGE,
                   _("The entry “%s” in “%s” would unpack to %s, too large or too tightly "
                     "packed to be real course content. Helder does not open it."),
                   entry->name, self->path, size);
      entry_free (entry);
      return FALSE;
    }
  *total += entry->size;
  if (*total > limits->max_total_size)
    {
      g_autofree char *limit = g_format_size (limits->max_total_size);

      g_set_error (error, HELDER_ARCHIVE_ERROR, HELDER_ARCHIVE_ERROR_TOO_LARGE,
                   _("“%s” would unpack to more than %s. Helder does not open it."),
                   self->path, limit);
      entry_free (entry);
      return FALSE;
    }

  g_hash_table_replace (self->entries, entry->name, entry);
  return TRUE;
}

static gboolean
open_zip (HelderArchive             *self,
          const HelderArchiveLimits *limits,
          GError                   **error)
{
  int code = 0;
  zip_int64_t count;
  guint64 total = 0;

  self->zip = zip_open (self->path, ZIP_RDONLY | ZIP_CHECKCONS, &code);
  if (self->zip == NULL)
    {
      zip_error_t zip_error;

      zip_error_init_with_code (&zip_error, code);
      g_set_error (error, HELDER_ARCHIVE_ERROR, HELDER_ARCHIVE_ERROR_BROKEN,
                   _("“%s” is not a ZIP file that can be read (%s). If it was downloaded, "
                     "download it again; it may be incomplete."),
                   self->path, zip_error_strerror (&zip_error));
      zip_error_fini (&zip_error);
      return FALSE;
    }

  count = zip_get_num_entries (self->zip, 0);
  for (zip_int64_t i = 0; i < count; i++)
    {
      zip_stat_t stat;
      Entry *entry;
      const char *name;

      zip_stat_init (&stat);
      if (zip_stat_index (self->zip, i, ZIP_FL_ENC_GUESS, &stat) != 0 || stat.name == NULL)
        {
          g_set_error (error, HELDER_ARCHIVE_ERROR, HELDER_ARCHIVE_ERROR_BROKEN,
                       _("Entry %u of “%s” cannot be read: %s. Download the package "
                         "again."),
                       (guint) i + 1, self->path, zip_strerror (self->zip));
          return FALSE;
        }
      name = stat.name;
      /* Folder entries carry no content. */
      if (g_str_has_suffix (name, "/"))
        {
          if (!name_is_safe (name))
            {
              g_set_error (error, HELDER_ARCHIVE_ERROR, HELDER_ARCHIVE_ERROR_UNSAFE,
                           _("“%s” contains the entry “%s”, which would land outside the "
                             "folder it is unpacked in. Helder does not open such packages: "
                             "ask for a new export."),
                           self->path, name);
              return FALSE;
            }
          continue;
        }

      entry = g_new0 (Entry, 1);
      entry->name = g_strdup (name);
      entry->index = i;
      entry->size = stat.size;
      entry->compressed_size = stat.comp_size;
      if (!add_entry (self, limits, entry, &total, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
walk_folder (HelderArchive             *self,
             const HelderArchiveLimits *limits,
             const char                *root,
             const char                *prefix,
             guint64                   *total,
             GError                   **error)
{
  g_autofree char *folder = prefix[0] != '\0' ? g_build_filename (root, prefix, NULL)
                                              : g_strdup (root);
  g_autoptr(GDir) dir = NULL;
  const char *child;

  dir = g_dir_open (folder, 0, error);
  if (dir == NULL)
    return FALSE;

  while ((child = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *name = prefix[0] != '\0' ? g_strconcat (prefix, "/", child, NULL)
                                                : g_strdup (child);
      g_autofree char *path = g_build_filename (root, name, NULL);
      GStatBuf info;

      if (g_lstat (path, &info) != 0)
        continue;
      if (S_ISLNK (info.st_mode))
        {
          g_set_error (error, HELDER_ARCHIVE_ERROR, HELDER_ARCHIVE_ERROR_UNSAFE,
                       _("The folder “%s” contains the link “%s”. Helder does not follow "
                         "links out of an unpacked package: copy the file itself into the "
                         "folder, or open the ZIP file."),
                       self->path, name);
          return FALSE;
        }
      if (S_ISDIR (info.st_mode))
        {
          if (!walk_folder (self, limits, root, name, total, error))
            return FALSE;
        }
      else if (S_ISREG (info.st_mode))
        {
          Entry *entry = g_new0 (Entry, 1);

          entry->name = g_steal_pointer (&name);
          entry->path = g_steal_pointer (&path);
          entry->size = info.st_size;
          entry->compressed_size = info.st_size;
          if (!add_entry (self, limits, entry, total, error))
            return FALSE;
        }
    }
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * helder_archive_open:
 * @path: a ZIP file, or a folder a package was unpacked into
 * @limits: (nullable): the limits; NULL for helder_archive_limits_init()'s
 *
 * Lists the package's entries and checks every name and size against
 * @limits before anything is read.
 *
 * Returns: (transfer full) (nullable): the archive, or NULL with @error
 *   set (a #HelderArchiveError or a #GFileError)
 */
HelderArchive *
helder_archive_open (const char                *path,
                     const HelderArchiveLimits *limits,
                     GError                   **error)
{
  g_autoptr(HelderArchive) self = NULL;
  HelderArchiveLimits defaults;
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);

  if (limits == NULL)
    {
      helder_archive_limits_init (&defaults);
      limits = &defaults;
    }

  self = g_new0 (HelderArchive, 1);
  self->path = g_strdup (path);
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) entry_free);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      guint64 total = 0;

      ok = walk_folder (self, limits, path, "", &total, error);
    }
  else if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      ok = open_zip (self, limits, error);
    }
  else
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   _("“%s” does not exist or is not a file or folder."), path);
      ok = FALSE;
    }
  if (!ok)
    return NULL;

  self->names = g_ptr_array_sized_new (g_hash_table_size (self->entries) + 1);
  {
    GHashTableIter iter;
    gpointer name;

    g_hash_table_iter_init (&iter, self->entries);
    while (g_hash_table_iter_next (&iter, &name, NULL))
      g_ptr_array_add (self->names, name);
  }
  g_ptr_array_sort (self->names, compare_names);
  g_ptr_array_add (self->names, NULL);

  return g_steal_pointer (&self);
}

void
helder_archive_free (HelderArchive *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->names, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  if (self->zip != NULL)
    zip_discard (self->zip);
  g_free (self->path);
  g_free (self);
}

const char *
helder_archive_get_path (HelderArchive *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->path;
}

/* Returns: (transfer none): the entry names, sorted, NULL-terminated. */
const char * const *
helder_archive_get_names (HelderArchive *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->names->pdata;
}

gboolean
helder_archive_contains (HelderArchive *self,
                         const char    *name)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return name != NULL && g_hash_table_contains (self->entries, name);
}

/* Returns: the uncompressed size of @name, 0 when there is no such entry. */
guint64
helder_archive_get_size (HelderArchive *self,
                         const char    *name)
{
  Entry *entry;

  g_return_val_if_fail (self != NULL, 0);
  entry = g_hash_table_lookup (self->entries, name);
  return entry != NULL ? entry->size : 0;
}

static Entry *
lookup (HelderArchive *self,
        const char    *name,
        GError       **error)
{
  Entry *entry = g_hash_table_lookup (self->entries, name);

  if (entry == NULL)
    g_set_error (error, HELDER_ARCHIVE_ERROR, HELDER_ARCHIVE_ERROR_NOT_FOUND,
                 _("“%s” has no file “%s”."), self->path, name);
  return entry;
}

/* Reads an entry as a stream of chunks; @sink receives each chunk. Stops
 * with an error when the entry gives more bytes than its declared size,
 * which a ZIP bomb with a false size would.
 */
typedef gboolean (*ChunkSink) (const guint8 *data,
                               gsize         length,
                               gpointer      user_data,
                               GError      **error);

static gboolean
read_entry (HelderArchive *self,
            Entry         *entry,
            GCancellable  *cancellable,
            ChunkSink      sink,
            gpointer       user_data,
            GError       **error)
{
  g_autofree guint8 *buffer = g_malloc (COPY_CHUNK);
  guint64 done = 0;
  gboolean ok = TRUE;

  if (self->zip != NULL)
    {
      zip_file_t *file = zip_fopen_index (self->zip, entry->index, 0);
      zip_int64_t n;

      if (file == NULL)
        {
          g_set_error (error, HELDER_ARCHIVE_ERROR, HELDER_ARCHIVE_ERROR_BROKEN,
                       _("“%s” in “%s” cannot be read: %s. Download the package again."),
                       entry->name, self->path, zip_strerror (self->zip));
          return FALSE;
        }
      while (ok && (n = zip_fread (file, buffer, COPY_CHUNK)) > 0)
        {
          done += n;
          if (done > entry->size)
            {
              g_set_error (error, HELDER_ARCHIVE_ERROR, HELDER_ARCHIVE_ERROR_TOO_LARGE,
                           _("“%s” in “%s” is larger than the package says. Helder does "
                             "not open it."),
                           entry->name, self->path);
              ok = FALSE;
            }
          else if (g_cancellable_set_error_if_cancelled (cancellable, error))
            ok = FALSE;
          else
            ok = sink (buffer, n, user_data, error);
        }
      if (ok && n < 0)
        {
          g_set_error (error, HELDER_ARCHIVE_ERROR, HELDER_ARCHIVE_ERROR_BROKEN,
                       _("“%s” in “%s” is damaged: %s. Download the package again."),
                       entry->name, self->path, zip_file_strerror (file));
          ok = FALSE;
        }
      zip_fclose (file);
      return ok;
    }
  else
    {
      int fd = g_open (entry->path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC, 0);
      gssize n;

      if (fd < 0)
        {
          int saved = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("“%s” cannot be read: %s"), entry->path, g_strerror (saved));
          return FALSE;
        }
      while (ok && (n = read (fd, buffer, COPY_CHUNK)) > 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            ok = FALSE;
          else
            ok = sink (buffer, n, user_data, error);
        }
      if (ok && n < 0)
        {
          int saved = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("“%s” cannot be read: %s"), entry->path, g_strerror (saved));
          ok = FALSE;
        }
      close (fd);
      return ok;
    }
}

typedef struct
{
  GByteArray *bytes;
  gsize       max_size;
  const char *name;
} ReadSink;

static gboolean
append_to_bytes (const guint8 *data,
                 gsize         length,
                 gpointer      user_data,
                 GError      **error)
{
  ReadSink *sink = user_data;

  if (sink->bytes->len + length > sink->max_size)
    {
      g_autofree char *limit = g_format_size (sink->max_size);

      g_set_error (error, HELDER_ARCHIVE_ERROR, HELDER_ARCHIVE_ERROR_TOO_LARGE,
                   _("“%s” is larger than %s, too large for this kind of file."),
                   sink->name, limit);
      return FALSE;
    }
  g_byte_array_append (sink->bytes, data, length);
  return TRUE;
}

/**
 * helder_archive_read:
 * @max_size: the most bytes the caller accepts for this entry
 *
 * Returns: (transfer full) (nullable): the whole entry, or NULL with
 *   @error set
 */
GBytes *
helder_archive_read (HelderArchive *self,
                     const char    *name,
                     gsize          max_size,
                     GError       **error)
{
  Entry *entry;
  ReadSink sink;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  entry = lookup (self, name, error);
  if (entry == NULL)
    return NULL;

  sink = (ReadSink) { g_byte_array_new (), max_size, name };
  if (!read_entry (self, entry, NULL, append_to_bytes, &sink, error))
    {
      g_byte_array_unref (sink.bytes);
      return NULL;
    }
  return g_byte_array_free_to_bytes (sink.bytes);
}

static gboolean
write_to_stream (const guint8 *data,
                 gsize         length,
                 gpointer      user_data,
                 GError      **error)
{
  return g_output_stream_write_all (user_data, data, length, NULL, NULL, error);
}

/**
 * helder_archive_extract:
 * @destination: the file to create; it must not exist yet
 *
 * Streams the entry @name into a new file @destination. On failure the
 * partly written file is removed.
 *
 * Returns: %TRUE on success
 */
gboolean
helder_archive_extract (HelderArchive *self,
                        const char    *name,
                        const char    *destination,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  Entry *entry;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name != NULL && destination != NULL, FALSE);

  entry = lookup (self, name, error);
  if (entry == NULL)
    return FALSE;

  file = g_file_new_for_path (destination);
  stream = g_file_create (file, G_FILE_CREATE_NONE, cancellable, error);
  if (stream == NULL)
    return FALSE;

  ok = read_entry (self, entry, cancellable, write_to_stream, stream, error)
       && g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
  if (!ok)
    {
      g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL);
      g_file_delete (file, NULL, NULL);
    }
  return ok;
}
