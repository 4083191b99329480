/* helder-test-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "helder-test-utils.h"

char *
helder_test_data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

/* Returns: (transfer full): the test course tests/data/@name, loaded in
 * place (for tests that only read it).
 */
HelderCourse *
helder_test_load_course (const char *name)
{
  /* A course of tests/data by its name, or any folder by its full path. */
  g_autofree char *path = g_path_is_absolute (name) ? g_strdup (name)
                                                    : helder_test_data_path (name);
  g_autoptr(GError) error = NULL;
  HelderCourse *course = helder_course_load (path, &error);

  g_assert_no_error (error);

  return course;
}

void
helder_test_copy_tree (const char *from,
                       const char *to)
{
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  g_assert_cmpint (g_mkdir_with_parents (to, 0755), ==, 0);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *source = g_build_filename (from, name, NULL);
      g_autofree char *target = g_build_filename (to, name, NULL);

      if (g_file_test (source, G_FILE_TEST_IS_DIR))
        helder_test_copy_tree (source, target);
      else
        {
          g_autofree char *data = NULL;
          gsize length;

          g_assert_true (g_file_get_contents (source, &data, &length, NULL));
          g_assert_true (g_file_set_contents (target, data, length, NULL));
        }
    }
}

/* A private copy of tests/data/NAME in a fresh temporary folder. */
char *
helder_test_copy_course (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("helder-test-XXXXXX", &error);
  g_autofree char *source = helder_test_data_path (name);
  char *target;

  g_assert_no_error (error);
  target = g_build_filename (tmp, name, NULL);
  helder_test_copy_tree (source, target);

  return target;
}

/* A fresh, empty temporary folder. */
char *
helder_test_make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("helder-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
helder_test_write_file (const char *folder,
                        const char *file,
                        const char *contents)
{
  g_autofree char *path = g_build_filename (folder, file, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
}

static gboolean
set_flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;

  return G_SOURCE_REMOVE;
}

/* Runs the default main context for @milliseconds. */
void
helder_test_run_for (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, set_flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

void
helder_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        helder_test_remove_tree (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

gboolean
helder_test_files_equal (const char *a,
                         const char *b)
{
  g_autofree char *da = NULL;
  g_autofree char *db = NULL;
  gsize la;
  gsize lb;

  if (!g_file_get_contents (a, &da, &la, NULL) || !g_file_get_contents (b, &db, &lb, NULL))
    return FALSE;

  return la == lb && memcmp (da, db, la) == 0;
}

/* Runs tests/tools/generate-lms.py FOLDER with the given options (a
 * NULL-terminated list): a course and made-up LMS exports in FOLDER.
 */
void
helder_test_generate_lms (const char *folder,
                          const char *first_option,
                          ...)
{
  g_autofree char *generator = g_test_build_filename (G_TEST_DIST, "tools", "generate-lms.py", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;
  va_list options;

  g_ptr_array_add (argv, (gpointer) "python3");
  g_ptr_array_add (argv, generator);
  g_ptr_array_add (argv, (gpointer) folder);
  va_start (options, first_option);
  for (const char *option = first_option; option != NULL; option = va_arg (options, const char *))
    g_ptr_array_add (argv, (gpointer) option);
  va_end (options);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
}

/* Returns: (transfer full): the entry @name of @archive, NUL-terminated. */
char *
helder_test_read_zip_entry (zip_t      *archive,
                            const char *name)
{
  zip_stat_t stat;
  zip_file_t *file;
  char *data;

  g_assert_cmpint (zip_stat (archive, name, 0, &stat), ==, 0);
  file = zip_fopen (archive, name, 0);
  g_assert_nonnull (file);
  data = g_malloc0 (stat.size + 1);
  g_assert_cmpint (zip_fread (file, data, stat.size), ==, (zip_int64_t) stat.size);
  zip_fclose (file);
  return data;
}

/* How many entries @folder holds (not counting its subfolders' files). */
guint
helder_test_count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* Whether `helder-cli check` (the program $HELDER_CLI names) passes on
 * @course; its report goes to the test log when it does not.
 */
gboolean
helder_test_check_passes (const char *course)
{
  const char *argv[] = { g_getenv ("HELDER_CLI"), "check", course, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  int status = 0;

  g_assert_nonnull (argv[0]);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &output, NULL, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_test_message ("helder-cli check: %s", output);

  return g_spawn_check_wait_status (status, NULL);
}
