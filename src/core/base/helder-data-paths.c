/* helder-data-paths.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-data-paths"

#include "config.h"

#include "helder-data-paths.h"

/* The system's own copy, for environments whose XDG_DATA_DIRS leaves it out. */
#define HELDER_SYSTEM_DATA_DIR "/usr/share"

/* Returns the first existing regular file @relative_path below one of
 * @data_dirs, in their order, or NULL. g_file_test() follows symbolic links,
 * so a link whose target is missing (the Dutch dictionaries of the GNOME
 * runtime point into a locale extension that may not be installed) is
 * skipped like a missing file, and the search goes on.
 */
char *
helder_find_data_file_in (const char * const *data_dirs,
                          const char         *relative_path)
{
  g_return_val_if_fail (data_dirs != NULL, NULL);
  g_return_val_if_fail (relative_path != NULL, NULL);
  g_return_val_if_fail (!g_path_is_absolute (relative_path), NULL);

  for (guint i = 0; data_dirs[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (data_dirs[i], relative_path, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }

  return NULL;
}

/* Searches the system data folders (XDG_DATA_DIRS; inside Flatpak these
 * start with /app/share, where the manifest bundles the Dutch dictionaries,
 * then /usr/share from the runtime), then /usr/share if the list lacks it.
 * Returns a newly allocated path, or NULL when no folder has the file.
 */
char *
helder_find_data_file (const char *relative_path)
{
  const char * const *system_dirs = g_get_system_data_dirs ();
  g_autoptr(GPtrArray) dirs = g_ptr_array_new_with_free_func (g_free);
  gboolean has_system_dir = FALSE;

  for (guint i = 0; system_dirs[i] != NULL; i++)
    {
      /* Canonical, so "/usr/share/" (GLib's default list) matches too. */
      char *dir = g_canonicalize_filename (system_dirs[i], "/");

      has_system_dir |= g_str_equal (dir, HELDER_SYSTEM_DATA_DIR);
      g_ptr_array_add (dirs, dir);
    }
  if (!has_system_dir)
    g_ptr_array_add (dirs, g_strdup (HELDER_SYSTEM_DATA_DIR));
  g_ptr_array_add (dirs, NULL);

  return helder_find_data_file_in ((const char * const *) dirs->pdata, relative_path);
}
