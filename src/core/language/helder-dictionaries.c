/* helder-dictionaries.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-dictionaries"

#include "config.h"

#include <gio/gio.h>

#include "helder-dictionaries.h"
#include "helder-lang-resources.h"

char *
helder_dictionaries_find (const char *folder,
                          const char *name)
{
  const char * const *dirs = g_get_system_data_dirs ();

  g_return_val_if_fail (folder != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dirs[i], folder, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }

  return NULL;
}

GBytes *
helder_dictionaries_load_list (const char *name)
{
  g_autofree char *path = g_strconcat ("/io/github/helderapp/Helder/lang/nl/", name, NULL);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  g_return_val_if_fail (name != NULL, NULL);

  bytes = g_resource_lookup_data (helder_lang_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  /* The lists are built into the library, so this is a packaging bug. */
  if (bytes == NULL)
    g_error ("language list %s is missing from the build: %s", name, error->message);

  return bytes;
}
