/* test-threading.c
 *
 * The threading rule (helder-course.h): the course is used on its own
 * thread only; checks and exports in a thread work on a copy, deliver
 * progress and results on the main thread, honour cancellation, and
 * survive the course's files changing under them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-threading"

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "helder-checks.h"
#include "helder-exporter.h"
#include "helder-test-utils.h"

/* What an async call delivered, and on which thread. */
typedef struct
{
  GThread      *main_thread;
  GAsyncResult *result;
  guint         n_progress;
  double        last_fraction;
  gboolean      progress_after_result;
} Outcome;

static void
outcome_clear (Outcome *outcome)
{
  g_clear_object (&outcome->result);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Outcome, outcome_clear)

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  Outcome *outcome = user_data;

  g_assert_true (g_thread_self () == outcome->main_thread);
  g_assert_cmpfloat (fraction, >=, outcome->last_fraction);
  if (outcome->result != NULL)
    outcome->progress_after_result = TRUE;
  outcome->last_fraction = fraction;
  outcome->n_progress++;
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Outcome *outcome = user_data;

  g_assert_true (g_thread_self () == outcome->main_thread);
  outcome->result = g_object_ref (result);
}

static void
wait_for_result (Outcome *outcome)
{
  while (outcome->result == NULL)
    g_main_context_iteration (NULL, TRUE);
  /* Whatever was still queued is dispatched now, to catch late progress. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_checks_async (void)
{
  g_autofree char *path = helder_test_copy_course ("export/course");
  g_autoptr(HelderCourse) course = helder_test_load_course (path);
  g_autoptr(GPtrArray) sync = helder_checks_run_course (course);
  g_autoptr(GPtrArray) async = NULL;
  g_autoptr(GPtrArray) page_findings = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Outcome) course_check = { g_thread_self () };
  g_auto(Outcome) page_check = { g_thread_self () };
  HelderPage *page = helder_course_find_page (course, "01-basis/01-tekst.md");

  helder_checks_run_course_async (course, progress_cb, &course_check, NULL, done_cb,
                                  &course_check);
  wait_for_result (&course_check);
  async = helder_checks_run_course_finish (course_check.result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (async->len, ==, sync->len);
  g_assert_cmpuint (course_check.n_progress, >, 1);
  g_assert_cmpfloat (course_check.last_fraction, ==, 1.0);
  g_assert_false (course_check.progress_after_result);

  /* The page check sees the text as typed, not the file. */
  g_assert_nonnull (page);
  helder_page_set_text (page, "# Tekst\n\nDit is een zin met een fuot.\n", -1);
  helder_checks_run_page_async (course, page, NULL, done_cb, &page_check);
  wait_for_result (&page_check);
  page_findings = helder_checks_run_page_finish (page_check.result, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) expected = helder_checks_run_page (course, page);

    g_assert_cmpuint (page_findings->len, ==, expected->len);
    g_assert_cmpuint (page_findings->len, >, 0);
  }

  helder_test_remove_tree (path);
}

/* Waiting for the checks in threads covers the ones still queued, and
 * returns once each has done its work (its result follows through the
 * main loop): a process may then exit without cutting a check off.
 */
static void
test_wait_for_threads (void)
{
  g_autofree char *path = helder_test_copy_course ("export/course");
  g_autoptr(HelderCourse) course = helder_test_load_course (path);
  g_auto(Outcome) first = { g_thread_self () };
  g_auto(Outcome) second = { g_thread_self () };
  g_auto(Outcome) whole = { g_thread_self () };
  guint course_runs = helder_checks_get_n_course_runs ();

  helder_checks_run_page_async (course, helder_course_find_page (course, "01-basis/01-tekst.md"),
                                NULL, done_cb, &first);
  helder_checks_run_page_async (course, helder_course_find_page (course, "01-basis/01-tekst.md"),
                                NULL, done_cb, &second);
  helder_checks_run_course_async (course, NULL, NULL, NULL, done_cb, &whole);
  helder_checks_wait_for_threads ();
  g_assert_cmpuint (helder_checks_get_n_course_runs (), ==, course_runs + 1);

  wait_for_result (&first);
  wait_for_result (&second);
  wait_for_result (&whole);

  helder_test_remove_tree (path);
}

static void
test_cancelled (void)
{
  g_autofree char *path = helder_test_copy_course ("export/course");
  g_autofree char *dir = helder_test_make_temp_dir ();
  g_autofree char *output = g_build_filename (dir, "pakket.zip", NULL);
  g_autoptr(HelderCourse) course = helder_test_load_course (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) course_error = NULL;
  g_autoptr(GError) page_error = NULL;
  g_autoptr(GError) export_error = NULL;
  g_auto(Outcome) course_check = { g_thread_self () };
  g_auto(Outcome) page_check = { g_thread_self () };
  g_auto(Outcome) export = { g_thread_self () };
  HelderExportOptions options = {
    .format = HELDER_EXPORT_WEB,
    .scope = HELDER_EXPORT_SCOPE_COURSE,
    .output = output,
  };

  g_cancellable_cancel (cancellable);
  helder_checks_run_course_async (course, progress_cb, &course_check, cancellable, done_cb,
                                  &course_check);
  helder_checks_run_page_async (course, helder_course_find_page (course, "01-basis/01-tekst.md"),
                                cancellable, done_cb, &page_check);
  helder_export_async (course, &options, progress_cb, &export, cancellable, done_cb, &export);
  wait_for_result (&course_check);
  wait_for_result (&page_check);
  wait_for_result (&export);

  g_assert_null (helder_checks_run_course_finish (course_check.result, &course_error));
  g_assert_error (course_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (helder_checks_run_page_finish (page_check.result, &page_error));
  g_assert_error (page_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (helder_export_finish (export.result, NULL, &export_error), ==, 0);
  g_assert_error (export_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* A cancelled export writes nothing, not even a temporary file. */
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  {
    g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);

    g_assert_null (g_dir_read_name (folder));
  }

  helder_test_remove_tree (path);
  helder_test_remove_tree (dir);
}

/* An export of every module checks the course once, and not at all when
 * it is handed the findings of a check that was already made.
 */
static void
test_export_checks_once (void)
{
  g_autofree char *path = helder_test_copy_course ("export/course");
  g_autofree char *dir = helder_test_make_temp_dir ();
  g_autofree char *folder = g_build_filename (dir, "pakketten", NULL);
  g_autoptr(HelderCourse) course = helder_test_load_course (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_auto(Outcome) export = { g_thread_self () };
  HelderExportOptions options = {
    .format = HELDER_EXPORT_SCORM12,
    .scope = HELDER_EXPORT_SCOPE_EACH_MODULE,
    .output = folder,
  };
  guint before;

  g_assert_cmpuint (helder_course_get_n_modules (course), ==, 2);

  before = helder_checks_get_n_course_runs ();
  g_assert_cmpuint (helder_export_run (course, &options, NULL, NULL, NULL, NULL, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpuint (helder_checks_get_n_course_runs () - before, ==, 1);

  /* Through the thread: progress over both packages, still one check. */
  before = helder_checks_get_n_course_runs ();
  helder_export_async (course, &options, progress_cb, &export, NULL, done_cb, &export);
  wait_for_result (&export);
  g_assert_cmpuint (helder_export_finish (export.result, NULL, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpuint (helder_checks_get_n_course_runs () - before, ==, 1);
  g_assert_cmpfloat (export.last_fraction, ==, 1.0);
  g_assert_false (export.progress_after_result);

  /* With the findings of the window's latest check: none. */
  findings = helder_checks_run_course (course);
  options.findings = findings;
  before = helder_checks_get_n_course_runs ();
  g_assert_cmpuint (helder_export_run (course, &options, NULL, NULL, NULL, NULL, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpuint (helder_checks_get_n_course_runs (), ==, before);

  for (guint i = 0; i < helder_course_get_n_modules (course); i++)
    {
      g_autofree char *name = helder_export_module_file_name (helder_course_get_module (course, i));
      g_autofree char *zip = g_build_filename (folder, name, NULL);

      g_assert_true (g_file_test (zip, G_FILE_TEST_IS_REGULAR));
    }

  helder_test_remove_tree (path);
  helder_test_remove_tree (dir);
}

/* A thread that rewrites page files in place (not atomically, so readers
 * see half-written files too) until told to stop.
 */
typedef struct
{
  char     *course;
  gint      stop;
  guint     rewrites;
} Writer;

static const char * const versions[] = {
  "# Tekst\n\nDit is de eerste versie van de pagina.\n",
  "# Tekst\n\n```image\nsrc: media/vierkant.png\nalt: Een blauw vierkant\n```\n\nEen zin.\n",
  "",
  "# Tekst\n\nEen [link](#nergens) en ```quiz\n",
};

static gpointer
writer_thread (gpointer user_data)
{
  Writer *writer = user_data;
  const char *pages[] = { "01-basis/01-tekst.md", "02-toets/01-voortoets.md",
                          "01-basis/module.json" };

  while (!g_atomic_int_get (&writer->stop))
    {
      const char *version = versions[writer->rewrites % G_N_ELEMENTS (versions)];
      const char *page = pages[writer->rewrites % G_N_ELEMENTS (pages)];
      g_autofree char *file = g_build_filename (writer->course, page, NULL);
      gsize length = strlen (version);
      int fd;

      /* module.json is only ever truncated and put back whole. */
      if (g_str_has_suffix (page, ".json"))
        {
          g_autofree char *saved = NULL;
          gsize saved_length;

          if (g_file_get_contents (file, &saved, &saved_length, NULL))
            {
              fd = g_open (file, O_WRONLY | O_TRUNC, 0);
              g_assert_cmpint (fd, >=, 0);
              g_assert_cmpint (write (fd, saved, saved_length), ==, (gssize) saved_length);
              g_close (fd, NULL);
            }
        }
      else
        {
          fd = g_open (file, O_WRONLY | O_CREAT | O_TRUNC, 0644);
          g_assert_cmpint (fd, >=, 0);
          /* In two halves, so a reader may find the first alone. */
          g_assert_cmpint (write (fd, version, length / 2), ==, (gssize) (length / 2));
          g_assert_cmpint (write (fd, version + length / 2, length - length / 2), ==,
                           (gssize) (length - length / 2));
          g_close (fd, NULL);
        }
      writer->rewrites++;
    }

  return NULL;
}

/* Exports run while another thread rewrites the course's files and the
 * main thread reloads the open course's pages, as the file monitor does:
 * the export reads its own copy, so nothing it reads is freed under it.
 * Under AddressSanitizer (.ci/run) a use of the live course would show.
 */
static void
test_export_while_files_change (void)
{
  g_autofree char *path = helder_test_copy_course ("export/course");
  g_autofree char *dir = helder_test_make_temp_dir ();
  g_autoptr(HelderCourse) course = helder_test_load_course (path);
  Writer writer = { path, 0, 0 };
  GThread *thread;
  guint exported = 0;
  guint reloads = 0;

  thread = g_thread_new ("writer", writer_thread, &writer);

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("pakket-%u%s", i, i % 3 == 0 ? "" : ".zip");
      g_autofree char *output = g_build_filename (dir, name, NULL);
      g_autoptr(GError) error = NULL;
      g_auto(Outcome) export = { g_thread_self () };
      HelderExportOptions options = {
        .format = (HelderExportFormat) (i % 3),
        .scope = i % 3 == 0 ? HELDER_EXPORT_SCOPE_EACH_MODULE
                 : i % 3 == 1 ? HELDER_EXPORT_SCOPE_COURSE : HELDER_EXPORT_SCOPE_MODULE,
        .module_id = "02-toets",
        .force = i % 2 == 0,
        .output = output,
      };

      helder_export_async (course, &options, progress_cb, &export, NULL, done_cb, &export);
      /* Meanwhile the open course changes on the main thread. */
      while (export.result == NULL)
        {
          HelderPageIter iter = helder_course_iter_pages (course);
          const char *text = versions[reloads % G_N_ELEMENTS (versions)];
          g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));

          for (guint skip = reloads % 6; helder_page_iter_next (&iter) && skip > 0; skip--)
            ;
          if (iter.page != NULL)
            {
              if (reloads % 2 == 0)
                helder_page_reload (iter.page, bytes);
              else
                helder_page_set_text (iter.page, text, -1);
            }
          reloads++;
          g_main_context_iteration (NULL, FALSE);
        }
      wait_for_result (&export);

      /* Either packages or a located error; never a crash. */
      if (helder_export_finish (export.result, NULL, &error) > 0)
        exported++;
      else
        g_assert_nonnull (error);
    }

  g_atomic_int_set (&writer.stop, 1);
  g_thread_join (thread);
  g_test_message ("%u of 12 exports written, %u rewrites, %u reloads", exported,
                  writer.rewrites, reloads);

  helder_test_remove_tree (path);
  helder_test_remove_tree (dir);
}

static gpointer
use_course_thread (gpointer course)
{
  return GUINT_TO_POINTER (helder_course_get_n_modules (course));
}

/* Using the open course from another thread is a programming error that
 * the guard reports.
 */
static void
test_guard (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *path = helder_test_data_path ("export/course");
      g_autoptr(HelderCourse) course = helder_test_load_course (path);

      g_thread_join (g_thread_new ("other", use_course_thread, course));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*helder_course_get_n_modules*owner*");
}

static gpointer
use_page_thread (gpointer page)
{
  return (gpointer) helder_page_get_text (page);
}

static gpointer
use_module_thread (gpointer module)
{
  return GUINT_TO_POINTER (helder_module_get_n_pages (module));
}

/* A module or page of the open course handed to a thread (the export
 * dialog's race: the thread read a page's text while the file monitor
 * replaced it) is reported as well, not only the course itself.
 */
static void
test_guard_parts (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *path = helder_test_data_path ("export/course");
      g_autoptr(HelderCourse) course = helder_test_load_course (path);
      HelderModule *module = helder_course_get_module (course, 0);
      GThread *thread;

      if (g_str_equal (g_getenv ("HELDER_GUARD_PART"), "page"))
        thread = g_thread_new ("other", use_page_thread, helder_module_get_page (module, 0));
      else
        thread = g_thread_new ("other", use_module_thread, module);
      g_thread_join (thread);
      return;
    }

  g_setenv ("HELDER_GUARD_PART", "page", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDIN);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*helder_page_get_text*owner*");

  g_setenv ("HELDER_GUARD_PART", "module", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDIN);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*helder_module_get_n_pages*owner*");
  g_unsetenv ("HELDER_GUARD_PART");
}

/* A course loaded in a thread belongs to the thread that finishes the
 * load, and a copy read in a thread to that thread.
 */
static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  HelderCourse **course = user_data;
  g_autoptr(GError) error = NULL;

  *course = helder_course_load_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_owner_hand_over (void)
{
  g_autofree char *path = helder_test_data_path ("export/course");
  g_autoptr(HelderCourse) course = NULL;
  g_autoptr(HelderCourseSnapshot) snapshot = NULL;

  helder_course_load_async (path, NULL, load_done_cb, &course);
  while (course == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (helder_course_get_n_modules (course), ==, 2);
  /* Its modules and pages are handed over with it. */
  {
    HelderPageIter iter = helder_course_iter_pages (course);
    guint n_pages = 0;

    while (helder_page_iter_next (&iter))
      {
        g_assert_nonnull (helder_page_get_text (iter.page));
        n_pages++;
      }
    g_assert_cmpuint (n_pages, ==, helder_module_get_n_pages (helder_course_get_module (course, 0)) +
                                   helder_module_get_n_pages (helder_course_get_module (course, 1)));
  }

  snapshot = helder_course_dup_snapshot (course);
  g_assert_cmpstr (helder_course_snapshot_get_path (snapshot), ==, path);
}

/* The thread makes every kind of export from copies of what it was
 * given: the lesson's pages and title may go right after the call, and the
 * handout and the tips take the same path as the packages.
 */
static void
test_export_other_kinds (void)
{
  g_autofree char *path = helder_test_copy_course ("export/course");
  g_autofree char *dir = helder_test_make_temp_dir ();
  g_autofree char *lesson = g_build_filename (dir, "les.zip", NULL);
  g_autofree char *handout = g_build_filename (dir, "hand-out.pdf", NULL);
  g_autofree char *tips = g_build_filename (dir, "tips", NULL);
  g_autofree char *feed = g_build_filename (tips, "feed.xml", NULL);
  g_autofree char *inside = g_build_filename (path, "tips", NULL);
  g_autofree char *pdf = NULL;
  g_autoptr(HelderCourse) course = helder_test_load_course (path);
  g_autoptr(GError) error = NULL;
  g_auto(Outcome) lesson_export = { g_thread_self () };
  g_auto(Outcome) handout_export = { g_thread_self () };
  g_auto(Outcome) tips_export = { g_thread_self () };
  char **pages = g_strsplit ("01-basis/01-tekst.md,02-toets/01-voortoets.md", ",", -1);
  char *title = g_strdup ("Korte les");
  HelderExportOptions options = {
    .format = HELDER_EXPORT_SCORM12,
    .scope = HELDER_EXPORT_SCOPE_LESSON,
    .pages = (const char * const *) pages,
    .title = title,
    .force = TRUE,
    .output = lesson,
  };

  helder_export_async (course, &options, NULL, NULL, NULL, done_cb, &lesson_export);
  /* The caller's strings are gone before the thread reads them. */
  for (guint i = 0; pages[i] != NULL; i++)
    memset (pages[i], 'x', strlen (pages[i]));
  memset (title, 'x', strlen (title));
  g_strfreev (pages);
  g_free (title);

  options = (HelderExportOptions) {
    .format = HELDER_EXPORT_PDF,
    .scope = HELDER_EXPORT_SCOPE_MODULE,
    .module_id = "01-basis",
    .no_questions = TRUE,
    .output = handout,
  };
  helder_export_async (course, &options, NULL, NULL, NULL, done_cb, &handout_export);
  options = (HelderExportOptions) {
    .format = HELDER_EXPORT_TIPS,
    .scope = HELDER_EXPORT_SCOPE_COURSE,
    .output = tips,
  };
  helder_export_async (course, &options, NULL, NULL, NULL, done_cb, &tips_export);
  wait_for_result (&lesson_export);
  wait_for_result (&handout_export);
  wait_for_result (&tips_export);

  g_assert_cmpuint (helder_export_finish (lesson_export.result, NULL, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_true (g_file_test (lesson, G_FILE_TEST_IS_REGULAR));

  /* The handout's pages are the count. */
  g_assert_cmpuint (helder_export_finish (handout_export.result, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (handout, &pdf, NULL, NULL));
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));

  /* The tips' count; this course has no tips.md, so they are drafted. */
  g_assert_cmpuint (helder_export_finish (tips_export.result, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (helder_export_get_drafted (tips_export.result));
  g_assert_false (helder_export_get_drafted (handout_export.result));
  g_assert_true (g_file_test (feed, G_FILE_TEST_IS_REGULAR));

  /* Like a package, neither is written into the course. */
  options.output = inside;
  g_assert_cmpuint (helder_export_run (course, &options, NULL, NULL, NULL, NULL, &error), ==, 0);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "inside the course folder"));
  g_assert_false (g_file_test (inside, G_FILE_TEST_EXISTS));

  helder_test_remove_tree (path);
  helder_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/threading/checks-async", test_checks_async);
  g_test_add_func ("/threading/cancelled", test_cancelled);
  g_test_add_func ("/threading/wait-for-threads", test_wait_for_threads);
  g_test_add_func ("/threading/export-checks-once", test_export_checks_once);
  g_test_add_func ("/threading/export-while-files-change", test_export_while_files_change);
  g_test_add_func ("/threading/export-other-kinds", test_export_other_kinds);
  g_test_add_func ("/threading/guard", test_guard);
  g_test_add_func ("/threading/guard-parts", test_guard_parts);
  g_test_add_func ("/threading/owner-hand-over", test_owner_hand_over);

  return g_test_run ();
}
