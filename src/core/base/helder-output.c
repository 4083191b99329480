/* helder-output.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-output"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "helder-course-path.h"
#include "helder-output.h"

/* Temporaries are named .NAME.helder-partial-PID-XXXXXX next to NAME; a
 * writer (libzip) may add a suffix of its own.
 */
#define PARTIAL_INFIX ".helder-partial-"

/* The absolute path of @path with its folder's links followed; %NULL when
 * the folder does not exist.
 */
static char *
resolve_parent (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  char *real = realpath (folder, NULL);
  char *resolved;

  if (real == NULL)
    return NULL;
  resolved = g_build_filename (real, name, NULL);
  free (real);
  return resolved;
}

/**
 * helder_output_check:
 * @output: the path the user gave
 * @course_path: (nullable): the course folder, which @output must stay out
 *   of
 * @folder: whether @output is a folder to write files into, rather than a
 *   file
 *
 * Refuses an output path inside the course folder (also through links),
 * and, for a file, one that is a folder or anything but a regular file (a
 * pipe, a device); for a folder, one that exists as something else.
 *
 * Returns: whether Helder may write to @output
 */
gboolean
helder_output_check (const char  *output,
                     const char  *course_path,
                     gboolean     folder,
                     GError     **error)
{
  g_autofree char *resolved = NULL;
  g_autofree char *name = NULL;
  GStatBuf info;
  gboolean exists;

  g_return_val_if_fail (output != NULL, FALSE);

  name = g_path_get_basename (output);
  if (!folder && (*output == '\0' || g_str_has_suffix (output, "/") ||
                  g_str_equal (name, ".") || g_str_equal (name, "..")))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder; give the name of the file to write"), output);
      return FALSE;
    }

  resolved = resolve_parent (output);
  if (resolved == NULL)
    {
      g_autofree char *parent = g_path_get_dirname (output);

      if (folder)
        return TRUE;
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("the folder “%s” does not exist; make it first or write the file "
                     "elsewhere"), parent);
      return FALSE;
    }

  if (course_path != NULL && helder_course_path_holds (course_path, resolved))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("“%s” is inside the course folder; write it to a place outside the course "
                     "so that no course file is replaced"), output);
      return FALSE;
    }

  /* stat follows a link: what counts is what would be replaced or used. */
  exists = g_stat (resolved, &info) == 0;
  if (folder && exists && !S_ISDIR (info.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   _("“%s” exists and is not a folder; give a folder for the packages"), output);
      return FALSE;
    }
  if (!folder && exists && S_ISDIR (info.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder; give the name of the file to write"), output);
      return FALSE;
    }
  if (!folder && exists && !S_ISREG (info.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not an ordinary file (it is a device or a pipe); give the name "
                     "of a file to write"), output);
      return FALSE;
    }

  return TRUE;
}

/* Removes the temporaries that runs which no longer live left for
 * @output; those of a run still going are kept.
 */
static void
remove_stale_temps (const char *folder,
                    const char *prefix)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *entry;

  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      const char *rest;
      char *end;
      guint64 pid;
      GStatBuf info;

      if (!g_str_has_prefix (entry, prefix))
        continue;
      rest = entry + strlen (prefix);
      pid = g_ascii_strtoull (rest, &end, 10);
      if (end == rest || *end != '-' || pid == 0 || pid > G_MAXINT ||
          kill ((pid_t) pid, 0) == 0 || errno != ESRCH)
        continue;

      path = g_build_filename (folder, entry, NULL);
      if (g_lstat (path, &info) == 0 && S_ISREG (info.st_mode))
        g_unlink (path);
    }
}

/**
 * helder_output_dup_temp:
 *
 * Makes an empty temporary file next to @output, first removing what
 * killed runs left there for the same @output.
 *
 * Returns: (transfer full): the temporary's path, for
 *   helder_output_commit(); %NULL with @error set when the folder cannot be
 *   written
 */
char *
helder_output_dup_temp (const char  *output,
                        GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (output);
  g_autofree char *name = g_path_get_basename (output);
  g_autofree char *prefix = g_strconcat (".", name, PARTIAL_INFIX, NULL);
  g_autofree char *template = NULL;
  int fd;

  remove_stale_temps (folder, prefix);

  template = g_strdup_printf ("%s/%s%d-XXXXXX", folder, prefix, (int) getpid ());
  fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("cannot create a file in “%s”: %s"), folder, g_strerror (saved));
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&template);
}

/**
 * helder_output_commit:
 *
 * Moves the complete @temp into place as @output; on failure @temp is
 * removed.
 */
gboolean
helder_output_commit (const char  *temp,
                      const char  *output,
                      GError     **error)
{
  if (g_chmod (temp, 0644) != 0 || g_rename (temp, output) != 0)
    {
      int saved = errno;

      g_unlink (temp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("cannot write “%s”: %s"), output, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/**
 * helder_output_write_synced:
 *
 * Writes @data into @path (made when missing, never through a link) and
 * syncs it to the disk before closing.
 */
gboolean
helder_output_write_synced (const char  *path,
                            const char  *data,
                            gsize        length,
                            GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
  int saved = 0;

  if (fd < 0)
    saved = errno;
  while (fd >= 0 && saved == 0 && length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0 && errno != EINTR)
        saved = errno;
      else if (written > 0)
        {
          data += written;
          length -= written;
        }
    }
  if (fd >= 0 && saved == 0 && fsync (fd) != 0)
    saved = errno;
  if (fd >= 0 && close (fd) != 0 && saved == 0)
    saved = errno;

  if (saved != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write %s: %s; check that the folder may be written to"), path,
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/**
 * helder_output_write:
 * @course_path: (nullable): see helder_output_check()
 *
 * Checks @output, then writes @data to it through a synced temporary, so
 * @output is either the old file or the complete new one.
 */
gboolean
helder_output_write (const char  *output,
                     const char  *course_path,
                     const char  *data,
                     gssize       length,
                     GError     **error)
{
  g_autofree char *temp = NULL;

  g_return_val_if_fail (output != NULL && data != NULL, FALSE);

  if (!helder_output_check (output, course_path, FALSE, error))
    return FALSE;
  temp = helder_output_dup_temp (output, error);
  if (temp == NULL)
    return FALSE;

  if (!helder_output_write_synced (temp, data, length < 0 ? strlen (data) : (gsize) length,
                                   error))
    {
      g_unlink (temp);
      return FALSE;
    }

  return helder_output_commit (temp, output, error);
}
