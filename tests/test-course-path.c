/* test-course-path.c
 *
 * The one path rule, as a table: each path from a course file and where
 * it leads in a course folder with links in and out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include <glib/gstdio.h>

#include "helder-course-path.h"

static const struct
{
  const char      *path;
  HelderCoursePath form;   /* with no course folder: the form alone */
  HelderCoursePath course; /* in the course folder made by make_course () */
} cases[] = {
  { "media/logo.png", HELDER_COURSE_PATH_INSIDE, HELDER_COURSE_PATH_INSIDE },
  { "01-basis/01-welkom.md", HELDER_COURSE_PATH_INSIDE, HELDER_COURSE_PATH_INSIDE },
  { "01-basis/a..b.md", HELDER_COURSE_PATH_INSIDE, HELDER_COURSE_PATH_MISSING },
  { "media/nieuw.png", HELDER_COURSE_PATH_INSIDE, HELDER_COURSE_PATH_MISSING },
  { "nieuw/nieuw.png", HELDER_COURSE_PATH_INSIDE, HELDER_COURSE_PATH_MISSING },
  { "media/binnen.png", HELDER_COURSE_PATH_INSIDE, HELDER_COURSE_PATH_INSIDE },
  { "media/buiten.png", HELDER_COURSE_PATH_INSIDE, HELDER_COURSE_PATH_OUTSIDE },
  { "media/nergens.png", HELDER_COURSE_PATH_INSIDE, HELDER_COURSE_PATH_OUTSIDE },
  { "elders/x.md", HELDER_COURSE_PATH_INSIDE, HELDER_COURSE_PATH_OUTSIDE },
  { "elders/nieuw.md", HELDER_COURSE_PATH_INSIDE, HELDER_COURSE_PATH_OUTSIDE },
  { "terug/media/logo.png", HELDER_COURSE_PATH_INSIDE, HELDER_COURSE_PATH_OUTSIDE },
  { "", HELDER_COURSE_PATH_MALFORMED, HELDER_COURSE_PATH_MALFORMED },
  { "/etc/passwd", HELDER_COURSE_PATH_MALFORMED, HELDER_COURSE_PATH_MALFORMED },
  { "../x.png", HELDER_COURSE_PATH_MALFORMED, HELDER_COURSE_PATH_MALFORMED },
  { "media/../../x.png", HELDER_COURSE_PATH_MALFORMED, HELDER_COURSE_PATH_MALFORMED },
  { "media/..", HELDER_COURSE_PATH_MALFORMED, HELDER_COURSE_PATH_MALFORMED },
  { "./media/logo.png", HELDER_COURSE_PATH_MALFORMED, HELDER_COURSE_PATH_MALFORMED },
  { "media//logo.png", HELDER_COURSE_PATH_MALFORMED, HELDER_COURSE_PATH_MALFORMED },
  { "media/", HELDER_COURSE_PATH_MALFORMED, HELDER_COURSE_PATH_MALFORMED },
  { "media\\logo.png", HELDER_COURSE_PATH_MALFORMED, HELDER_COURSE_PATH_MALFORMED },
  { "C:/x.png", HELDER_COURSE_PATH_MALFORMED, HELDER_COURSE_PATH_MALFORMED },
  { "https://example.org/x.png", HELDER_COURSE_PATH_MALFORMED, HELDER_COURSE_PATH_MALFORMED },
  { "media/a\nb.png", HELDER_COURSE_PATH_MALFORMED, HELDER_COURSE_PATH_MALFORMED },
  { "media/\xff.png", HELDER_COURSE_PATH_MALFORMED, HELDER_COURSE_PATH_MALFORMED },
};

static void
write_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_file_set_contents (path, "x", -1, &error);
  g_assert_no_error (error);
}

/* tmp/course with media/logo.png, 01-basis/01-welkom.md and links:
 * media/binnen.png → logo.png, media/buiten.png → ../../secret.png,
 * media/nergens.png → a file that does not exist, elders → ../outside,
 * terug → .. (the course's parent).
 */
static char *
make_course (const char *tmp)
{
  g_autofree char *course = g_build_filename (tmp, "course", NULL);
  g_autofree char *logo = g_build_filename (course, "media", "logo.png", NULL);
  g_autofree char *page = g_build_filename (course, "01-basis", "01-welkom.md", NULL);
  g_autofree char *secret = g_build_filename (tmp, "secret.png", NULL);
  g_autofree char *outside = g_build_filename (tmp, "outside", "x.md", NULL);
  static const char * const links[][2] = {
    { "media/binnen.png", "logo.png" },
    { "media/buiten.png", "../../secret.png" },
    { "media/nergens.png", "../../nothing.png" },
    { "elders", "../outside" },
    { "terug", ".." },
  };

  write_file (logo);
  write_file (page);
  write_file (secret);
  write_file (outside);
  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      g_autofree char *link = g_build_filename (course, links[i][0], NULL);

      g_assert_cmpint (symlink (links[i][1], link), ==, 0);
    }

  return g_steal_pointer (&course);
}

static void
test_table (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("helder-course-path-XXXXXX", &error);
  g_autofree char *course = NULL;

  g_assert_no_error (error);
  course = make_course (tmp);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *resolved = NULL;
      g_autofree char *shown = g_strescape (cases[i].path, NULL);
      HelderCoursePath where;

      /* Escaped: a line of TAP that is not UTF-8 is not read as a comment. */
      g_test_message ("%s", shown);
      g_assert_cmpint (helder_course_path_check (NULL, cases[i].path, NULL), ==, cases[i].form);
      where = helder_course_path_check (course, cases[i].path, &resolved);
      g_assert_cmpint (where, ==, cases[i].course);
      g_assert_true ((resolved != NULL) == (where == HELDER_COURSE_PATH_INSIDE));
    }
}

/* A course folder reached through a link is still the course. */
/* Names a package may hold: Windows and macOS must be able to unpack
 * them, and no two may become one there.
 */
static void
test_package_names (void)
{
  const struct
  {
    const char *path;
    gboolean    ok;
  } names[] = {
    { "media/logo.png", TRUE },
    { "media/con-tekst.png", TRUE },
    { "media/console.png", TRUE },
    { "media/com10.png", TRUE },
    { "media/a<b.png", FALSE },
    { "media/a>b.png", FALSE },
    { "media/a\"b.png", FALSE },
    { "media/a|b.png", FALSE },
    { "media/a?b.png", FALSE },
    { "media/a*b.png", FALSE },
    { "media/punt.", FALSE },
    { "media/spatie ", FALSE },
    { "map./logo.png", FALSE },
    { "media/CON", FALSE },
    { "media/nul.png", FALSE },
    { "media/Aux.tar.gz", FALSE },
    { "media/com1.png", FALSE },
    { "lpt9/logo.png", FALSE },
    { "media/prn .png", FALSE },
  };
  g_autoptr(GHashTable) twins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *again = NULL;
  g_autofree char *upper = NULL;
  g_autofree char *decomposed = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *problem = helder_course_path_dup_package_problem (names[i].path, NULL);

      g_test_message ("%s: %s", names[i].path, problem != NULL ? problem : "ok");
      g_assert_true ((problem == NULL) == names[i].ok);
      if (problem != NULL)
        g_assert_nonnull (strstr (problem, names[i].path));
    }

  g_assert_null (helder_course_path_dup_package_problem ("media/caf\xc3\xa9.png", twins));
  again = helder_course_path_dup_package_problem ("media/caf\xc3\xa9.png", twins);
  g_assert_null (again);
  upper = helder_course_path_dup_package_problem ("media/CAF\xc3\x89.png", twins);
  g_assert_nonnull (upper);
  decomposed = helder_course_path_dup_package_problem ("media/cafe\xcc\x81.png", twins);
  g_assert_nonnull (decomposed);
  g_assert_nonnull (strstr (decomposed, "media/caf\xc3\xa9.png"));
}

static void
test_linked_root (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("helder-course-path-XXXXXX", &error);
  g_autofree char *course = NULL;
  g_autofree char *link = NULL;
  g_autofree char *resolved = NULL;

  g_assert_no_error (error);
  course = make_course (tmp);
  link = g_build_filename (tmp, "via-link", NULL);
  g_assert_cmpint (symlink (course, link), ==, 0);

  g_assert_cmpint (helder_course_path_check (link, "media/logo.png", &resolved), ==,
                   HELDER_COURSE_PATH_INSIDE);
  g_assert_true (g_str_has_suffix (resolved, "/course/media/logo.png"));
  g_assert_cmpint (helder_course_path_check (link, "media/buiten.png", NULL), ==,
                   HELDER_COURSE_PATH_OUTSIDE);
}

/* A folder holds itself and what lies below it, not its neighbours. */
static void
test_holds (void)
{
  g_autofree char *root = g_dir_make_tmp ("helder-holds-XXXXXX", NULL);
  g_autofree char *real = realpath (root, NULL);
  g_autofree char *below = g_build_filename (real, "module", "page.md", NULL);
  g_autofree char *neighbour = g_strconcat (real, "-copy", NULL);
  g_autofree char *parent = g_path_get_dirname (real);

  g_assert_true (helder_course_path_holds (root, real));
  g_assert_true (helder_course_path_holds (root, below));
  g_assert_false (helder_course_path_holds (root, neighbour));
  g_assert_false (helder_course_path_holds (root, parent));
  g_assert_false (helder_course_path_holds ("/no/such/folder", below));
  g_rmdir (root);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/course-path/table", test_table);
  g_test_add_func ("/course-path/linked-root", test_linked_root);
  g_test_add_func ("/course-path/package-names", test_package_names);
  g_test_add_func ("/course-path/holds", test_holds);

  return g_test_run ();
}
