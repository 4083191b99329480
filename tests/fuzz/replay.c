/* replay.c
 *
 * Replays fuzz inputs through a fuzz target without libFuzzer: the
 * regression inputs and seeds under tests/fuzz/ run in every build, so a
 * crash fuzzing found stays fixed. Speaks TAP, one line per input.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
collect (const char *path,
         GPtrArray  *files)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  g_assert (dir != NULL);
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (path, g_ptr_array_index (names, i), NULL);

      collect (child, files);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
    collect (argv[i], files);

  g_print ("1..%u\n", files->len);
  for (guint i = 0; i < files->len; i++)
    {
      const char *file = g_ptr_array_index (files, i);
      g_autofree char *data = NULL;
      gsize length;

      if (!g_file_get_contents (file, &data, &length, NULL))
        {
          g_print ("not ok %u %s cannot be read\n", i + 1, file);
          continue;
        }
      /* Exactly the input's bytes, as libFuzzer passes them: no NUL
       * after them, so a sanitizer sees a read past the end.
       */
      {
        g_autofree uint8_t *input = g_malloc (MAX (length, 1));

        memcpy (input, data, length);
        LLVMFuzzerTestOneInput (input, length);
      }
      g_print ("ok %u %s\n", i + 1, file);
    }

  return 0;
}
