/* test-save.c
 *
 * Saves must be atomic for the whole course: a child process saves a
 * large course in a loop, switching between two versions, and is killed
 * with SIGKILL at random moments. After every kill the course on disk
 * must load and equal either version, never a mix.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "helder-course.h"
#include "helder-save-transaction.h"
#include "helder-test-utils.h"

#define N_MODULES 3
#define N_PAGES 8
#define N_KILLS 200

static char *
page_text (guint version,
           guint module,
           guint page)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "# Versie %u, module %u, pagina %u\n\n", version, module, page);
  /* About 20 KB a page, so a save of 24 pages takes a while to write. */
  for (guint i = 0; i < 400; i++)
    g_string_append_printf (text, "Zin %u van versie %u. Je leest hier een korte zin.\n",
                            i, version);

  return g_string_free (text, FALSE);
}

static char *
make_course (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("helder-save-XXXXXX", &error);
  g_autoptr(GString) modules = g_string_new (NULL);

  g_assert_no_error (error);

  for (guint m = 0; m < N_MODULES; m++)
    {
      g_autofree char *folder = g_strdup_printf ("m%u", m);
      g_autoptr(GString) pages = g_string_new (NULL);
      g_autofree char *module_json = NULL;
      g_autofree char *module_file = NULL;

      for (guint p = 0; p < N_PAGES; p++)
        {
          g_autofree char *file = g_strdup_printf ("m%u/p%u.md", m, p);
          g_autofree char *text = page_text (0, m, p);

          helder_test_write_file (tmp, file, text);
          g_string_append_printf (pages, "%s\"p%u.md\"", p > 0 ? ", " : "", p);
        }

      module_json = g_strdup_printf ("{\n  \"title\": \"Module %u\",\n  \"pages\": [%s]\n}\n",
                                     m, pages->str);
      module_file = g_strdup_printf ("m%u/module.json", m);
      helder_test_write_file (tmp, module_file, module_json);
      g_string_append_printf (modules, "%s\"%s\"", m > 0 ? ", " : "", folder);
    }

  {
    g_autofree char *course_json =
      g_strdup_printf ("{\n  \"format\": 1,\n  \"id\": \"groot\",\n  \"title\": \"Groot\",\n"
                       "  \"language\": \"nl\",\n  \"modules\": [%s]\n}\n", modules->str);

    helder_test_write_file (tmp, "course.json", course_json);
  }

  return g_steal_pointer (&tmp);
}

/* Which version every page of the course on disk has: 0 or 1, or -1 when
 * the pages disagree (a torn save).
 */
static int
version_on_disk (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderCourse) course = helder_course_load (path, &error);
  int version = -2;

  g_assert_no_error (error);
  g_assert_nonnull (course);
  g_assert_cmpuint (helder_course_get_n_modules (course), ==, N_MODULES);

  for (guint m = 0; m < N_MODULES; m++)
    {
      HelderModule *module = helder_course_get_module (course, m);

      g_assert_cmpuint (helder_module_get_n_pages (module), ==, N_PAGES);

      for (guint p = 0; p < N_PAGES; p++)
        {
          HelderPage *page = helder_module_get_page (module, p);
          int page_version = -1;

          for (guint v = 0; v < 2; v++)
            {
              g_autofree char *expected = page_text (v, m, p);

              if (g_str_equal (helder_page_get_text (page), expected))
                page_version = v;
            }

          g_assert_cmpint (page_version, >=, 0);
          if (version == -2)
            version = page_version;
          else if (version != page_version)
            return -1;
        }
    }

  return version;
}

static void
set_version (HelderCourse *course,
             guint         version)
{
  for (guint m = 0; m < N_MODULES; m++)
    for (guint p = 0; p < N_PAGES; p++)
      {
        g_autofree char *text = page_text (version, m, p);

        helder_page_set_text (helder_module_get_page (helder_course_get_module (course, m), p),
                              text, -1);
      }
}

/* How long one save of the whole course takes on this machine now, in
 * microseconds; the kills are spread over about two saves.
 */
static gint64
measure_save (const char *path)
{
  g_autoptr(HelderCourse) course = helder_course_load (path, NULL);
  gint64 start;

  set_version (course, 1);
  start = g_get_monotonic_time ();
  g_assert_true (helder_course_save (course, NULL));
  set_version (course, 0);
  g_assert_true (helder_course_save (course, NULL));

  return (g_get_monotonic_time () - start) / 2;
}

/* The child tells the parent through @ready when it has loaded the course
 * and starts saving, so the time it takes to start does not count.
 */
G_GNUC_NORETURN static void
save_forever (const char *path,
              guint       version,
              int         ready)
{
  g_autoptr(HelderCourse) course = helder_course_load (path, NULL);

  if (write (ready, "r", 1) != 1)
    _exit (4);

  for (;;)
    {
      set_version (course, version);
      if (!helder_course_save (course, NULL))
        _exit (3);
      version = 1 - version;
    }
}

static void
test_kill_while_saving (void)
{
  g_autofree char *path = make_course ();
  guint seen[2] = { 0, 0 };
  int version = 0;
  GRand *rand = g_rand_new_with_seed (20261128);
  gint64 save_time = measure_save (path);

  g_test_message ("one save takes %" G_GINT64_FORMAT " microseconds", save_time);

  for (guint i = 0; i < N_KILLS; i++)
    {
      int status = 0;
      int fds[2];
      char byte;
      pid_t child;

      g_assert_cmpint (pipe (fds), ==, 0);
      child = fork ();
      g_assert_cmpint (child, >=, 0);
      if (child == 0)
        {
          close (fds[0]);
          save_forever (path, 1 - version, fds[1]);
        }

      close (fds[1]);
      g_assert_cmpint (read (fds[0], &byte, 1), ==, 1);
      close (fds[0]);

      /* Kill at a random moment within the first two saves. */
      g_usleep (g_rand_int_range (rand, 0, (gint32) MAX (2 * save_time, 1000)));
      g_assert_cmpint (kill (child, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (child, &status, 0), ==, child);
      g_assert_true (WIFSIGNALED (status));

      version = version_on_disk (path);
      if (version < 0)
        g_error ("kill %u left a course that mixes versions", i);
      seen[version]++;
    }

  g_test_message ("after %u kills: %u times version 0, %u times version 1",
                  N_KILLS, seen[0], seen[1]);
  /* Both versions must have been seen, or the child never got to save. */
  g_assert_cmpuint (seen[0], >, 0);
  g_assert_cmpuint (seen[1], >, 0);

  {
    g_autofree char *journal = g_build_filename (path, HELDER_SAVE_JOURNAL, NULL);

    g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  }

  g_rand_free (rand);
  helder_test_remove_tree (path);
}

static void
test_recover_rolls_forward (void)
{
  g_autofree char *path = make_course ();
  g_autofree char *journal = g_build_filename (path, HELDER_SAVE_JOURNAL, NULL);
  g_autofree char *fresh = g_build_filename (path, "m0/p0.md" HELDER_SAVE_SUFFIX, NULL);
  g_autofree char *pending = g_build_filename (path, HELDER_SAVE_PENDING_JOURNAL, NULL);
  g_autofree char *stray = g_build_filename (path, "m1/p1.md" HELDER_SAVE_SUFFIX, NULL);
  g_autofree char *unrelated = g_build_filename (path, "m1/p2.md" HELDER_SAVE_SUFFIX, NULL);
  g_autofree char *lookalike = g_build_filename (path, "m1/notities.helder-newsletter.md", NULL);
  g_autofree char *target = g_build_filename (path, "m0/p0.md", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  /* A committed save (journal written) that died before its renames. */
  g_assert_true (g_file_set_contents (fresh, "# Nieuw\n", -1, NULL));
  g_assert_true (g_file_set_contents (journal, "m0/p0.md\n", -1, NULL));
  /* A new file that was never committed, named in the pending journal. */
  g_assert_true (g_file_set_contents (stray, "# Half\n", -1, NULL));
  g_assert_true (g_file_set_contents (pending, "m1/p1.md\n", -1, NULL));
  /* Files no save of ours recorded stay, whatever their names. */
  g_assert_true (g_file_set_contents (unrelated, "# Iemand anders\n", -1, NULL));
  g_assert_true (g_file_set_contents (lookalike, "notities", -1, NULL));

  g_assert_true (helder_save_transaction_recover (path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (target, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "# Nieuw\n");
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (stray, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (pending, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (unrelated, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (lookalike, G_FILE_TEST_EXISTS));

  helder_test_remove_tree (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/save/recover-rolls-forward", test_recover_rolls_forward);
  g_test_add_func ("/save/kill-while-saving", test_kill_while_saving);

  return g_test_run ();
}
