/* test-data-paths.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-data-paths"

#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "helder-data-paths.h"

/* Two data folders as in Flatpak: "app" (the bundle's /app/share) before
 * "usr" (the runtime's /usr/share).
 */
typedef struct
{
  char *root;
  char *app;
  char *usr;
} Fixture;

static char *
make_file (const char *dir,
           const char *relative_path)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, relative_path, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
  g_file_set_contents (path, "SET UTF-8\n", -1, &error);
  g_assert_no_error (error);

  return path;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->root = g_dir_make_tmp ("helder-data-paths-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->app = g_build_filename (fixture->root, "app", NULL);
  fixture->usr = g_build_filename (fixture->root, "usr", NULL);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_assert_cmpint (g_remove (path), ==, 0);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_assert_cmpint (g_remove (child), ==, 0);
    }
  g_dir_close (dir);
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->root);
  g_free (fixture->root);
  g_free (fixture->app);
  g_free (fixture->usr);
}

static void
test_first_folder_wins (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *dirs[] = { fixture->app, fixture->usr, NULL };
  g_autofree char *in_app = make_file (fixture->app, "hyphen/hyph_nl_NL.dic");
  g_autofree char *in_usr = make_file (fixture->usr, "hyphen/hyph_nl_NL.dic");
  g_autofree char *found = helder_find_data_file_in (dirs, "hyphen/hyph_nl_NL.dic");

  g_assert_cmpstr (found, ==, in_app);
}

static void
test_broken_link_is_skipped (Fixture       *fixture,
                             gconstpointer  data)
{
  const char *dirs[] = { fixture->app, fixture->usr, NULL };
  g_autofree char *in_usr = make_file (fixture->usr, "hunspell/nl_NL.dic");
  g_autofree char *link_dir = g_build_filename (fixture->app, "hunspell", NULL);
  g_autofree char *link = g_build_filename (link_dir, "nl_NL.dic", NULL);
  g_autofree char *found = NULL;

  /* As in the GNOME runtime without its Dutch locale extension. */
  g_assert_cmpint (g_mkdir_with_parents (link_dir, 0755), ==, 0);
  g_assert_cmpint (symlink ("../locale/nl/hunspell/nl_NL.dic", link), ==, 0);

  found = helder_find_data_file_in (dirs, "hunspell/nl_NL.dic");
  g_assert_cmpstr (found, ==, in_usr);
}

static void
test_working_link_is_used (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *dirs[] = { fixture->app, fixture->usr, NULL };
  g_autofree char *target = make_file (fixture->app, "locale/nl/hunspell/nl_NL.dic");
  g_autofree char *link_dir = g_build_filename (fixture->app, "hunspell", NULL);
  g_autofree char *link = g_build_filename (link_dir, "nl_NL.dic", NULL);
  g_autofree char *in_usr = make_file (fixture->usr, "hunspell/nl_NL.dic");
  g_autofree char *found = NULL;

  g_assert_cmpint (g_mkdir_with_parents (link_dir, 0755), ==, 0);
  g_assert_cmpint (symlink ("../locale/nl/hunspell/nl_NL.dic", link), ==, 0);

  found = helder_find_data_file_in (dirs, "hunspell/nl_NL.dic");
  g_assert_cmpstr (found, ==, link);
}

static void
test_missing_and_directories (Fixture       *fixture,
                              gconstpointer  data)
{
  const char *dirs[] = { fixture->app, fixture->usr, NULL };
  const char *no_dirs[] = { NULL };
  g_autofree char *dir_named_like_file = g_build_filename (fixture->app, "hunspell", "nl.dic",
                                                           NULL);
  g_autofree char *missing = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *nowhere = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir_named_like_file, 0755), ==, 0);

  missing = helder_find_data_file_in (dirs, "hunspell/xx_XX.dic");
  directory = helder_find_data_file_in (dirs, "hunspell/nl.dic");
  nowhere = helder_find_data_file_in (no_dirs, "hunspell/nl.dic");
  g_assert_null (missing);
  g_assert_null (directory);
  g_assert_null (nowhere);
}

/* helder_find_data_file() follows XDG_DATA_DIRS, which main() points at two
 * empty temporary folders before GLib first reads it.
 */
static void
test_system_data_dirs (void)
{
  g_auto(GStrv) dirs = g_strsplit (g_getenv ("XDG_DATA_DIRS"), ":", -1);
  g_autofree char *in_usr = make_file (dirs[1], "hyphen/hyph_nl_NL.dic");
  g_autofree char *found_usr = helder_find_data_file ("hyphen/hyph_nl_NL.dic");
  g_autofree char *in_app = make_file (dirs[0], "hyphen/hyph_nl_NL.dic");
  g_autofree char *found_app = helder_find_data_file ("hyphen/hyph_nl_NL.dic");
  g_autofree char *found_nothing = helder_find_data_file ("hyphen/hyph_xx_XX.dic");

  g_assert_cmpstr (found_usr, ==, in_usr);
  g_assert_cmpstr (found_app, ==, in_app);
  g_assert_null (found_nothing);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("helder-xdg-XXXXXX", &error);
  g_autofree char *app = NULL;
  g_autofree char *usr = NULL;
  g_autofree char *xdg = NULL;
  int status;

  g_assert_no_error (error);
  app = g_build_filename (root, "app-share", NULL);
  usr = g_build_filename (root, "usr-share", NULL);
  xdg = g_strjoin (":", app, usr, NULL);
  g_setenv ("XDG_DATA_DIRS", xdg, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/data-paths/first-folder-wins", Fixture, NULL,
              fixture_set_up, test_first_folder_wins, fixture_tear_down);
  g_test_add ("/data-paths/broken-link-is-skipped", Fixture, NULL,
              fixture_set_up, test_broken_link_is_skipped, fixture_tear_down);
  g_test_add ("/data-paths/working-link-is-used", Fixture, NULL,
              fixture_set_up, test_working_link_is_used, fixture_tear_down);
  g_test_add ("/data-paths/missing-and-directories", Fixture, NULL,
              fixture_set_up, test_missing_and_directories, fixture_tear_down);
  g_test_add_func ("/data-paths/system-data-dirs", test_system_data_dirs);

  status = g_test_run ();

  remove_tree (root);
  return status;
}
