/* test-recovery.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "helder-recovery.h"
#include "helder-test-utils.h"

static void
test_store_find_apply (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderCourse) course = helder_course_load (path, &error);
  g_autoptr(HelderCourse) after_crash = NULL;
  g_autoptr(GHashTable) texts = NULL;
  g_autoptr(GDateTime) saved_at = NULL;
  g_autofree char *recovery = NULL;
  const char *unsaved = "# Welkom\n\nDeze zin is nog niet bewaard.\n";

  g_assert_no_error (error);

  /* Nothing modified: no recovery file. */
  g_assert_true (helder_recovery_store (course, &error));
  g_assert_no_error (error);
  recovery = helder_recovery_dup_path (course);
  g_assert_false (g_file_test (recovery, G_FILE_TEST_EXISTS));

  helder_page_set_text (helder_course_find_page (course, "01-basis/01-welkom.md"), unsaved, -1);
  g_assert_true (helder_recovery_store (course, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (recovery, G_FILE_TEST_EXISTS));

  /* The app crashed: the course on disk is the old one. */
  after_crash = helder_course_load (path, &error);
  g_assert_no_error (error);
  texts = helder_recovery_find (after_crash, &saved_at);
  g_assert_nonnull (texts);
  g_assert_cmpuint (g_hash_table_size (texts), ==, 1);
  /* When the text was kept: a moment ago. */
  g_assert_nonnull (saved_at);
  g_assert_cmpint (g_date_time_to_unix (saved_at), <=, g_get_real_time () / G_USEC_PER_SEC);
  g_assert_cmpint (g_date_time_to_unix (saved_at), >=, g_get_real_time () / G_USEC_PER_SEC - 3600);
  g_assert_cmpstr (g_hash_table_lookup (texts, "01-basis/01-welkom.md"), ==, unsaved);

  g_assert_cmpuint (helder_recovery_apply (after_crash, texts), ==, 1);
  g_assert_cmpstr (helder_page_get_text (helder_course_find_page (after_crash,
                                                                  "01-basis/01-welkom.md")),
                   ==, unsaved);
  g_assert_true (helder_course_get_modified (after_crash));

  /* Once the text is what the course has, there is nothing to recover. */
  g_clear_pointer (&texts, g_hash_table_unref);
  g_assert_null (helder_recovery_find (after_crash, NULL));

  helder_recovery_discard (after_crash);
  g_assert_false (g_file_test (recovery, G_FILE_TEST_EXISTS));
  helder_test_remove_tree (path);
}

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (helder_recovery_store_finish (result, &error));
  g_assert_no_error (error);
  (*(guint *) user_data)++;
}

static void
wait_for_stores (guint *done,
                 guint  n)
{
  while (*done < n)
    g_main_context_iteration (NULL, TRUE);
}

/* The editor stores in a thread: the newest store wins, whatever order
 * the threads finish in, and a discard is not undone by a store begun
 * before it.
 */
static void
test_store_in_thread (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderCourse) course = helder_course_load (path, &error);
  g_autoptr(HelderCourse) after_crash = NULL;
  g_autoptr(GHashTable) texts = NULL;
  g_autofree char *recovery = NULL;
  HelderPage *page;
  guint done = 0;

  g_assert_no_error (error);
  recovery = helder_recovery_dup_path (course);
  page = helder_course_find_page (course, "01-basis/01-welkom.md");

  for (guint i = 1; i <= 8; i++)
    {
      g_autofree char *text = g_strdup_printf ("# Welkom\n\nVersie %u.\n", i);

      helder_page_set_text (page, text, -1);
      helder_recovery_store_async (course, stored_cb, &done);
    }
  wait_for_stores (&done, 8);

  after_crash = helder_course_load (path, &error);
  g_assert_no_error (error);
  texts = helder_recovery_find (after_crash, NULL);
  g_assert_nonnull (texts);
  g_assert_cmpstr (g_hash_table_lookup (texts, "01-basis/01-welkom.md"), ==,
                   "# Welkom\n\nVersie 8.\n");

  helder_recovery_store_async (course, stored_cb, &done);
  helder_recovery_discard (course);
  wait_for_stores (&done, 9);
  g_assert_false (g_file_test (recovery, G_FILE_TEST_EXISTS));

  helder_test_remove_tree (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *state = g_dir_make_tmp ("helder-state-XXXXXX", &error);

  /* Recovery files go to the user's state folder: use a private one. */
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/recovery/store-find-apply", test_store_find_apply);
  g_test_add_func ("/recovery/store-in-thread", test_store_in_thread);

  return g_test_run ();
}
