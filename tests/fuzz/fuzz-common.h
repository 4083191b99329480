/* fuzz-common.h
 *
 * What the fuzz targets share: an input split into the files it stands
 * for, and a private folder to write them to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

/* The line that separates the files of one input (course.json, then
 * module.json, then a page; or a quote's parts and the text).
 */
#define FUZZ_SEPARATOR "\n=====\n"

int LLVMFuzzerInitialize   (int           *argc,
                            char        ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Splits @data at FUZZ_SEPARATOR into exactly @n parts (the missing ones
 * empty, the last one taking the rest), each NUL-terminated.
 */
static inline GStrv
fuzz_split (const uint8_t *data,
            size_t         size,
            guint          n)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  GStrv parts = g_new0 (char *, n + 1);
  const char *rest = text;

  /* Bytes after a NUL byte are out of reach of a C string; they count as
   * the rest of the last part.
   */
  for (guint i = 0; i < n; i++)
    {
      const char *end = i + 1 < n ? strstr (rest, FUZZ_SEPARATOR) : NULL;

      if (end == NULL)
        {
          parts[i] = g_strdup (rest);
          rest += strlen (rest);
        }
      else
        {
          parts[i] = g_strndup (rest, end - rest);
          rest = end + strlen (FUZZ_SEPARATOR);
        }
    }

  return parts;
}

static inline void
fuzz_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        fuzz_remove_tree (child);
      }
  g_remove (path);
}

static char *fuzz_folder_path;

static inline void
fuzz_folder_remove (void)
{
  fuzz_remove_tree (fuzz_folder_path);
}

/* A folder of this process for the files an input stands for, made once
 * and removed when the process exits.
 */
static inline const char *
fuzz_folder (void)
{
  if (fuzz_folder_path == NULL)
    {
      fuzz_folder_path = g_dir_make_tmp ("helder-fuzz-XXXXXX", NULL);
      g_assert (fuzz_folder_path != NULL);
      atexit (fuzz_folder_remove);
    }

  return fuzz_folder_path;
}

static inline void
fuzz_write (const char *folder,
            const char *file,
            const char *contents,
            gssize      length)
{
  g_autofree char *path = g_build_filename (folder, file, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_assert (g_mkdir_with_parents (parent, 0755) == 0);
  g_assert (g_file_set_contents (path, contents, length, NULL));
}
