/* test-course.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include <string.h>

#include "helder-checks.h"
#include "helder-course.h"
#include "helder-test-utils.h"

static void
test_load_valid (void)
{
  g_autofree char *path = helder_test_data_path ("course-valid");
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderCourse) course = helder_course_load (path, &error);
  HelderModule *module;
  g_autoptr(GPtrArray) diagnostics = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (course);

  diagnostics = helder_course_validate (course);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *s = helder_diagnostic_to_string (g_ptr_array_index (diagnostics, i));

      g_test_message ("unexpected: %s", s);
    }
  g_assert_cmpuint (diagnostics->len, ==, 0);

  g_assert_cmpstr (helder_course_get_id (course), ==, "kleine-cursus");
  g_assert_cmpstr (helder_course_get_title (course), ==, "Kleine cursus");
  g_assert_cmpstr (helder_course_get_language (course), ==, "nl");
  g_assert_cmpuint (helder_course_get_n_modules (course), ==, 2);

  module = helder_course_get_module (course, 0);
  g_assert_cmpstr (helder_module_get_id (module), ==, "01-basis");
  g_assert_cmpstr (helder_module_get_title (module), ==, "De basis");
  g_assert_cmpstr (helder_module_get_colour (module), ==, "#1d5f8a");
  g_assert_cmpuint (helder_module_get_minutes (module), ==, 10);
  g_assert_cmpuint (g_strv_length ((GStrv) helder_module_get_goals (module)), ==, 1);
  g_assert_cmpuint (helder_module_get_n_pages (module), ==, 2);
  g_assert_cmpstr (helder_page_get_title (helder_module_get_page (module, 1)), ==, "Blokken");
  g_assert_cmpuint (helder_module_get_word_count (module), >, 100);
  g_assert_cmpfloat (helder_module_estimate_minutes (module), >, 1.0);

  g_assert_true (helder_course_find_page (course, "02-toets/01-toets.md") ==
                 helder_module_get_page (helder_course_get_module (course, 1), 0));
  g_assert_null (helder_course_find_page (course, "02-toets/nope.md"));
  g_assert_true (g_strv_contains (helder_course_get_words (course), "Markdown"));
  g_assert_false (helder_course_get_modified (course));
}

static void
test_not_a_course (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tests = helder_test_data_path ("");
  HelderCourse *course;

  course = helder_course_load ("/nonexistent/helder", &error);
  g_assert_null (course);
  g_assert_error (error, HELDER_COURSE_ERROR, HELDER_COURSE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  course = helder_course_load (tests, &error);
  g_assert_null (course);
  g_assert_error (error, HELDER_COURSE_ERROR, HELDER_COURSE_ERROR_NOT_A_COURSE);
  g_assert_nonnull (strstr (error->message, "course.json is missing"));
}

static const char * const course_files[] = {
  "course.json",
  "words.txt",
  "01-basis/module.json",
  "01-basis/01-welkom.md",
  "01-basis/02-blokken.md",
  "02-toets/module.json",
  "02-toets/01-toets.md",
  NULL
};

static void
test_save_unchanged_is_identical (void)
{
  g_autofree char *original = helder_test_data_path ("course-valid");
  g_autofree char *copy = helder_test_copy_course ("course-valid");
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderCourse) course = helder_course_load (copy, &error);

  g_assert_no_error (error);
  g_assert_true (helder_course_save (course, &error));
  g_assert_no_error (error);

  for (guint i = 0; course_files[i] != NULL; i++)
    {
      g_autofree char *a = g_build_filename (original, course_files[i], NULL);
      g_autofree char *b = g_build_filename (copy, course_files[i], NULL);

      g_assert_true (helder_test_files_equal (a, b));
    }

  helder_test_remove_tree (copy);
}

/* Changing a page back to the text its file has leaves nothing to save. */
static void
test_back_to_saved (void)
{
  g_autofree char *copy = helder_test_copy_course ("course-valid");
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderCourse) course = helder_course_load (copy, &error);
  HelderPage *page = helder_course_find_page (course, "01-basis/01-welkom.md");
  g_autofree char *original = g_strdup (helder_page_get_text (page));
  g_autofree char *edited = g_strconcat (original, "Nog een zin.\n", NULL);

  helder_page_set_text (page, edited, -1);
  g_assert_true (helder_page_get_modified (page));
  helder_page_set_text (page, original, -1);
  g_assert_false (helder_page_get_modified (page));
  g_assert_false (helder_course_get_modified (course));

  /* After a save, the saved text is the one to come back to. */
  helder_page_set_text (page, edited, -1);
  g_assert_true (helder_course_save (course, &error));
  g_assert_no_error (error);
  helder_page_set_text (page, original, -1);
  g_assert_true (helder_page_get_modified (page));
  helder_page_set_text (page, edited, -1);
  g_assert_false (helder_page_get_modified (page));

  helder_test_remove_tree (copy);
}

/* A copy holds the whole course with the unsaved text; the course itself
 * keeps its changes unsaved, and a copy inside the course is refused.
 */
static void
test_save_copy (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autofree char *inside = g_build_filename (path, "kopie", NULL);
  g_autofree char *outside = g_strconcat (path, "-kopie", NULL);
  g_autofree char *partial = g_build_filename (path, "01-basis", "01-welkom.md.helder-new", NULL);
  g_autofree char *copied_partial = g_build_filename (outside, "01-basis",
                                                      "01-welkom.md.helder-new", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderCourse) course = helder_course_load (path, &error);
  g_autoptr(HelderCourse) copy = NULL;
  HelderPage *page = helder_course_find_page (course, "01-basis/01-welkom.md");

  /* A save that died half-way left a new file behind: not copied. */
  g_assert_true (g_file_set_contents (partial, "half", -1, NULL));
  helder_page_set_text (page, "# Welkom\n\nNog niet bewaard.\n", -1);

  g_assert_false (helder_course_save_copy (course, inside, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (g_file_test (inside, G_FILE_TEST_EXISTS));

  g_assert_true (helder_course_save_copy (course, outside, &error));
  g_assert_no_error (error);
  g_assert_true (helder_page_get_modified (page));
  g_assert_false (g_file_test (copied_partial, G_FILE_TEST_EXISTS));

  copy = helder_course_load (outside, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (helder_page_get_text (helder_course_find_page (copy, "01-basis/01-welkom.md")),
                   ==, "# Welkom\n\nNog niet bewaard.\n");
  g_assert_false (helder_course_get_modified (copy));
  g_assert_cmpuint (helder_course_get_n_modules (copy), ==, helder_course_get_n_modules (course));

  /* A copy goes into a new or an empty folder only. */
  g_assert_false (helder_course_save_copy (course, outside, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);

  helder_test_remove_tree (outside);
  helder_test_remove_tree (path);
}

static void
test_save_edit (void)
{
  g_autofree char *original = helder_test_data_path ("course-valid");
  g_autofree char *copy = helder_test_copy_course ("course-valid");
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderCourse) course = helder_course_load (copy, &error);
  g_autoptr(HelderCourse) reloaded = NULL;
  HelderPage *page = helder_course_find_page (course, "01-basis/01-welkom.md");
  const char *edited = "# Hallo\n\nNieuwe tekst.\n";
  g_autofree char *other_a = g_build_filename (original, "01-basis/02-blokken.md", NULL);
  g_autofree char *other_b = g_build_filename (copy, "01-basis/02-blokken.md", NULL);

  helder_page_set_text (page, edited, -1);
  g_assert_true (helder_page_get_modified (page));
  g_assert_cmpstr (helder_page_get_title (page), ==, "Hallo");
  g_assert_true (helder_course_get_modified (course));

  g_assert_true (helder_course_save (course, &error));
  g_assert_no_error (error);
  g_assert_false (helder_page_get_modified (page));
  g_assert_false (helder_course_get_modified (course));

  reloaded = helder_course_load (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (helder_page_get_text (helder_course_find_page (reloaded, "01-basis/01-welkom.md")),
                   ==, edited);
  g_assert_true (helder_test_files_equal (other_a, other_b));

  helder_test_remove_tree (copy);
}

static void
test_unknown_fields_survive (void)
{
  g_autofree char *copy = helder_test_copy_course ("course-valid");
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderCourse) course = helder_course_load (copy, &error);
  g_autoptr(HelderCourse) reloaded = NULL;
  HelderJsonDocument *doc = helder_course_get_document (course);
  g_autofree char *json_path = g_build_filename (copy, "course.json", NULL);
  g_autofree char *json = NULL;

  helder_json_document_set_string (doc, helder_json_document_get_root (doc), "title",
                                   "Nieuwe titel");
  g_assert_true (helder_course_get_modified (course));
  g_assert_true (helder_course_save (course, &error));
  g_assert_no_error (error);
  /* Saved is saved: nothing is left to write. */
  g_assert_false (helder_course_get_modified (course));

  g_assert_true (g_file_get_contents (json_path, &json, NULL, NULL));
  g_assert_nonnull (strstr (json, "\"x-editor-note\""));
  g_assert_nonnull (strstr (json, "Velden die Helder niet kent, blijven bewaard."));

  reloaded = helder_course_load (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (helder_course_get_title (reloaded), ==, "Nieuwe titel");
  {
    g_autoptr(GPtrArray) diagnostics = helder_course_validate (reloaded);

    g_assert_cmpuint (diagnostics->len, ==, 0);
  }

  helder_test_remove_tree (copy);
}

static void
test_import_media (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autofree char *outside_dir = g_dir_make_tmp ("helder-media-XXXXXX", NULL);
  g_autofree char *outside = g_build_filename (outside_dir, "Foto Één (1).PNG", NULL);
  g_autoptr(GFile) outside_file = g_file_new_for_path (outside);
  g_autofree char *inside = g_build_filename (path, "media", "logo.png", NULL);
  g_autoptr(GFile) inside_file = g_file_new_for_path (inside);
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderCourse) course = helder_course_load (path, &error);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *same = NULL;
  g_autofree char *copied = NULL;

  g_assert_true (g_file_set_contents (outside, "PNG-DATA", -1, NULL));

  first = helder_course_import_media (course, outside_file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, "media/foto-een-1-.png");
  copied = g_build_filename (path, first, NULL);
  g_assert_true (helder_test_files_equal (outside, copied));

  /* A second import never overwrites the first. */
  second = helder_course_import_media (course, outside_file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second, ==, "media/foto-een-1--2.png");

  /* A file already in the course is used where it is. */
  same = helder_course_import_media (course, inside_file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (same, ==, "media/logo.png");

  helder_test_remove_tree (path);
  helder_test_remove_tree (outside_dir);
}

static HelderDiagnostic *
find_rule (GPtrArray  *diagnostics,
           const char *rule)
{
  for (guint i = 0; i < diagnostics->len; i++)
    {
      HelderDiagnostic *d = g_ptr_array_index (diagnostics, i);

      if (g_str_equal (d->rule, rule))
        return d;
    }

  return NULL;
}

static void
test_dictionary_and_ignore (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autofree char *words_path = g_build_filename (path, "words.txt", NULL);
  g_autofree char *words = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderCourse) course = helder_course_load (path, &error);
  g_autoptr(HelderCourse) reloaded = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) again = NULL;
  HelderPage *page = helder_course_find_page (course, "01-basis/01-welkom.md");
  HelderDiagnostic *spelling;
  HelderDiagnostic *hint;

  helder_page_set_text (page, "# Welkom\n\nJe gehandicaptenparkeerkaart helpt je met de fietsplaan.\n", -1);
  g_assert_true (helder_course_save (course, &error));
  before = helder_checks_run_page (course, page);
  spelling = find_rule (before, "spelling");
  hint = find_rule (before, "b1-rare-word");
  g_assert_nonnull (spelling);
  g_assert_nonnull (hint);

  /* A course term goes into words.txt and passes from then on. */
  g_assert_true (helder_course_add_word (course, "fietsplaan", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (words_path, &words, NULL, NULL));
  g_assert_true (g_str_has_prefix (words, "# Woorden van deze cursus\n"));
  g_assert_true (g_str_has_suffix (words, "Markdown\nfietsplaan\n"));

  /* Taken out again, it is a spelling finding again; the rest stays. */
  g_assert_true (helder_course_remove_word (course, "fietsplaan", &error));
  g_assert_no_error (error);
  g_clear_pointer (&words, g_free);
  g_assert_true (g_file_get_contents (words_path, &words, NULL, NULL));
  g_assert_true (g_str_has_prefix (words, "# Woorden van deze cursus\n"));
  g_assert_true (g_str_has_suffix (words, "Markdown\n"));
  g_assert_false (g_strv_contains (helder_course_get_words (course), "fietsplaan"));
  {
    g_autoptr(GPtrArray) removed = helder_checks_run_page (course, page);

    g_assert_nonnull (find_rule (removed, "spelling"));
  }
  g_assert_true (helder_course_add_word (course, "fietsplaan", &error));

  /* An ignored finding stays away, also after loading the course again. */
  g_assert_true (helder_ignore_list_add (helder_course_get_ignore_list (course), hint,
                                         helder_page_get_text (page), &error));
  g_assert_no_error (error);
  after = helder_checks_run_page (course, page);
  g_assert_null (find_rule (after, "spelling"));
  g_assert_null (find_rule (after, "b1-rare-word"));

  reloaded = helder_course_load (path, &error);
  g_assert_no_error (error);
  again = helder_checks_run_page (reloaded, helder_course_find_page (reloaded,
                                                                     "01-basis/01-welkom.md"));
  g_assert_null (find_rule (again, "spelling"));
  g_assert_null (find_rule (again, "b1-rare-word"));

  /* Two team members ignore a finding each, from copies loaded before the
   * other's: ignored.json keeps both.
   */
  {
    g_autoptr(HelderDiagnostic) first =
      helder_diagnostic_new ("01-basis/01-welkom.md", 0, 2, 1, 1, HELDER_SEVERITY_WARNING,
                             "b1-first", "x");
    g_autoptr(HelderDiagnostic) second =
      helder_diagnostic_new ("01-basis/01-welkom.md", 0, 2, 1, 1, HELDER_SEVERITY_WARNING,
                             "b1-second", "x");
    g_autoptr(HelderCourse) third = NULL;

    g_assert_true (helder_ignore_list_add (helder_course_get_ignore_list (reloaded), first,
                                           helder_page_get_text (page), &error));
    g_assert_true (helder_ignore_list_add (helder_course_get_ignore_list (course), second,
                                           helder_page_get_text (page), &error));
    g_assert_no_error (error);
    third = helder_course_load (path, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (helder_ignore_list_get_n_entries (helder_course_get_ignore_list (third)),
                      ==, 3);
  }

  /* Errors reach learners: they cannot be ignored. */
  {
    g_autoptr(HelderDiagnostic) error_finding =
      helder_diagnostic_new ("01-basis/01-welkom.md", 0, 2, 1, 1, HELDER_SEVERITY_ERROR,
                             "b1-sentence-long", "x");

    g_assert_false (helder_ignore_list_add (helder_course_get_ignore_list (course), error_finding,
                                            helder_page_get_text (page), &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  }

  helder_test_remove_tree (path);
}

/* A background check reads the course from disk, with the edits laid
 * over it: also those of course.json that are not saved yet.
 */
static void
test_read_with_edits (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderCourse) course = helder_course_load (path, &error);
  g_autoptr(HelderCourse) copy = NULL;
  g_autoptr(GHashTable) texts = NULL;
  HelderJsonDocument *doc;

  g_assert_no_error (error);
  texts = helder_course_dup_edited_texts (course);
  g_assert_cmpuint (g_hash_table_size (texts), ==, 0);
  g_clear_pointer (&texts, g_hash_table_unref);

  doc = helder_course_get_document (course);
  helder_json_document_set_string (doc, helder_json_document_get_root (doc), "title",
                                   "Nog niet bewaard");
  helder_page_set_text (helder_course_find_page (course, "01-basis/01-welkom.md"), "# Nieuw\n", -1);
  texts = helder_course_dup_edited_texts (course);
  copy = helder_course_read (path, texts, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (helder_course_get_title (copy), ==, "Nog niet bewaard");
  g_assert_cmpstr (helder_page_get_text (helder_course_find_page (copy, "01-basis/01-welkom.md")),
                   ==, "# Nieuw\n");

  g_clear_object (&course);
  helder_test_remove_tree (path);
}

/* The pages, module by module, as a learner meets them. */
static void
test_iter_pages (void)
{
  g_autofree char *path = helder_test_data_path ("course-valid");
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderCourse) course = helder_course_load (path, &error);
  const char * const expected[] = {
    "01-basis/01-welkom.md", "01-basis/02-blokken.md", "02-toets/01-toets.md"
  };
  guint n = 0;

  g_assert_no_error (error);
  for (HelderPageIter iter = helder_course_iter_pages (course); helder_page_iter_next (&iter);)
    {
      g_assert_cmpuint (n, <, G_N_ELEMENTS (expected));
      g_assert_cmpstr (helder_page_get_file (iter.page), ==, expected[n]);
      g_assert_true (helder_module_get_page (iter.module, iter.page_index - 1) == iter.page);
      n++;
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
}

static void
test_structure (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("helder-new-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmp, "Mijn Cursus", NULL);
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderCourse) course = NULL;
  g_autoptr(HelderCourse) reloaded = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  HelderModule *first;
  HelderModule *second;
  HelderPage *extra;
  HelderPage *other;

  course = helder_course_create (path, "Mijn cursus", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (helder_course_get_id (course), ==, "mijn-cursus");
  g_assert_cmpuint (helder_course_get_n_modules (course), ==, 1);
  problems = helder_course_validate (course);
  g_assert_false (helder_diagnostics_have_errors (problems));

  /* A second creation in the same, now full, folder is refused. */
  g_assert_null (helder_course_create (path, "Nog een", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  first = helder_course_get_module (course, 0);
  g_assert_null (helder_course_find_page (course, "01-module/02-extra.md"));
  extra = helder_module_add_page (first, path, "02-extra.md", "# Extra\n\nMeer tekst.\n", 1,
                                  &error);
  g_assert_no_error (error);
  /* Page look-ups follow every change of the modules and their pages. */
  g_assert_true (helder_course_find_page (course, "01-module/02-extra.md") == extra);
  g_assert_true (helder_page_get_modified (extra));
  g_assert_null (helder_module_add_page (first, path, "02-extra.md", "# X\n", 0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_null (helder_module_add_page (first, path, "Geen Naam.txt", "# X\n", 0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
  g_clear_error (&error);

  second = helder_course_add_module (course, "02-tweede", "Tweede module", 0, &error);
  g_assert_no_error (error);
  other = helder_module_add_page (second, path, "01-start.md", "# Start\n\nHallo.\n", 0, &error);
  g_assert_no_error (error);
  helder_course_move_module (course, second, 1);
  helder_module_move_page (first, extra, 0);
  g_assert_true (helder_module_get_page (first, 0) == extra);
  helder_module_set_title (second, "De tweede module");

  /* Removing a page takes it off the list; its file stays. Undo puts
   * the same page back.
   */
  {
    g_autoptr(HelderPage) removed = g_object_ref (other);

    g_assert_true (helder_course_find_page (course, "02-tweede/01-start.md") == other);
    helder_module_remove_page (second, removed);
    g_assert_cmpuint (helder_module_get_n_pages (second), ==, 0);
    g_assert_null (helder_course_find_page (course, "02-tweede/01-start.md"));
    helder_module_insert_page (second, removed, 0);
    g_assert_true (helder_course_find_page (course, "02-tweede/01-start.md") == other);
    g_object_ref (second);
    helder_course_remove_module (course, second);
    g_assert_null (helder_course_find_page (course, "02-tweede/01-start.md"));
    helder_course_insert_module (course, second, 1);
    g_object_unref (second);
    helder_module_remove_page (second, removed);
    g_assert_null (helder_course_find_page (course, "02-tweede/01-start.md"));
    helder_module_insert_page (second, removed, 0);
    g_assert_true (helder_course_find_page (course, "02-tweede/01-start.md") == other);
  }
  helder_module_remove_page (first, helder_module_get_page (first, 1));

  g_assert_true (helder_course_save (course, &error));
  g_assert_no_error (error);

  reloaded = helder_course_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (helder_course_get_n_modules (reloaded), ==, 2);
  g_assert_cmpstr (helder_module_get_id (helder_course_get_module (reloaded, 1)), ==, "02-tweede");
  g_assert_cmpstr (helder_module_get_title (helder_course_get_module (reloaded, 1)), ==,
                   "De tweede module");
  g_assert_cmpuint (helder_module_get_n_pages (helder_course_get_module (reloaded, 0)), ==, 1);
  g_assert_cmpstr (helder_page_get_title (helder_module_get_page (helder_course_get_module (reloaded, 0), 0)),
                   ==, "Extra");
  g_assert_cmpstr (helder_page_get_title (helder_module_get_page (helder_course_get_module (reloaded, 1), 0)),
                   ==, "Start");
  kept = g_build_filename (path, "01-module", "01-welkom.md", NULL);
  g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));
  {
    g_autoptr(GPtrArray) after = helder_course_validate (reloaded);

    g_assert_false (helder_diagnostics_have_errors (after));
  }

  helder_test_remove_tree (tmp);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  HelderCourse **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = helder_course_load_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_load_async (void)
{
  g_autofree char *path = helder_test_data_path ("course-valid");
  g_autoptr(HelderCourse) course = NULL;

  helder_course_load_async (path, NULL, loaded_cb, &course);
  while (course == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (helder_course_get_n_modules (course), ==, 2);
}

/* One rule for a language tag and one set of theme defaults, shared by
 * the course check, the a11y check and the course settings.
 */
static void
test_language_tag_and_theme (void)
{
  const char *good[] = { "nl", "nl-BE", "fy-NL", "nds", "en-GB-oxendict" };
  const char *bad[] = { "", "NL", "n", "dutch", "nl_BE", "nl-", "nl-B" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (helder_course_is_language_tag (good[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (helder_course_is_language_tag (bad[i]));

  g_assert_cmpstr (helder_course_get_default_theme_colour ("accent"), ==, "#1d5f8a");
  g_assert_cmpstr (helder_course_get_default_theme_colour ("text"), ==, "#1a1a1a");
  g_assert_cmpstr (helder_course_get_default_theme_colour ("background"), ==, "#ffffff");
  g_assert_null (helder_course_get_default_theme_colour ("border"));
}

/* A new page's file is named from its title: the next number, lower
 * case, accents folded, hyphens, and never a name already in use.
 */
static void
test_page_name_from_title (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(HelderCourse) course = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *taken = NULL;
  g_autofree char *empty = NULL;
  HelderModule *basis;

  course = helder_course_load (path, &error);
  g_assert_no_error (error);
  basis = helder_course_get_module (course, 0);

  name = helder_module_dup_page_name (basis, path, "Wat is een Café? Één vraag!");
  g_assert_cmpstr (name, ==, "03-wat-is-een-cafe-een-vraag.md");

  /* A file of that name on disk, outside the module's list, is not used. */
  helder_test_write_file (path, "01-basis/03-welkom.md", "# Oud\n");
  taken = helder_module_dup_page_name (basis, path, "Welkom");
  g_assert_cmpstr (taken, ==, "04-welkom.md");

  empty = helder_module_dup_page_name (basis, path, "?!");
  g_assert_cmpstr (empty, ==, "03-pagina.md");

  helder_test_remove_tree (path);
}

static const HelderDiagnostic *
diagnostic_for_file (GPtrArray  *diagnostics,
                     const char *file)
{
  for (guint i = 0; i < diagnostics->len; i++)
    if (g_str_equal (((HelderDiagnostic *) g_ptr_array_index (diagnostics, i))->file, file))
      return g_ptr_array_index (diagnostics, i);

  return NULL;
}

/* A module whose module.json is missing stays in the course, where it
 * was, and is recreated from its folder's pages; one that does not parse
 * says where; one whose folder is gone can be taken off the list.
 */
static void
test_broken_modules (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autofree char *missing = g_build_filename (path, "02-toets", "module.json", NULL);
  g_autofree char *basis = g_build_filename (path, "01-basis", NULL);
  g_autoptr(HelderCourse) course = NULL;
  g_autoptr(HelderCourse) reloaded = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  const HelderDiagnostic *unreadable;
  HelderBrokenModule *broken;

  g_assert_cmpint (g_remove (missing), ==, 0);
  helder_test_write_file (path, "01-basis/module.json", "{\n  \"title\": \"Basis\",\n  nope\n");
  course = helder_course_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (helder_course_get_n_modules (course), ==, 0);
  g_assert_cmpuint (helder_course_get_broken_modules (course)->len, ==, 2);
  broken = g_ptr_array_index (helder_course_get_broken_modules (course), 0);
  g_assert_cmpstr (broken->id, ==, "01-basis");
  g_assert_cmpint (broken->kind, ==, HELDER_BROKEN_MODULE_UNREADABLE);
  broken = g_ptr_array_index (helder_course_get_broken_modules (course), 1);
  g_assert_cmpstr (broken->id, ==, "02-toets");
  g_assert_cmpint (broken->kind, ==, HELDER_BROKEN_MODULE_NO_FILE);

  /* The file that does not parse is named with its line. */
  problems = helder_course_validate (course);
  unreadable = diagnostic_for_file (problems, "01-basis/module.json");
  g_assert_nonnull (unreadable);
  g_assert_cmpuint (unreadable->line, >, 0);
  g_assert_nonnull (diagnostic_for_file (problems, "02-toets/module.json"));

  /* Only a missing module.json is recreated. */
  g_assert_false (helder_course_recreate_module (course, "01-basis", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  g_assert_true (helder_course_recreate_module (course, "02-toets", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (helder_course_get_n_modules (course), ==, 1);
  g_assert_cmpstr (helder_module_get_title (helder_course_get_module (course, 0)), ==, "Toets");
  g_assert_cmpstr (helder_page_get_file (helder_module_get_page (helder_course_get_module (course, 0), 0)),
                   ==, "02-toets/01-toets.md");
  g_assert_cmpuint (helder_course_get_broken_modules (course)->len, ==, 1);
  after = helder_course_validate (course);
  g_assert_null (diagnostic_for_file (after, "02-toets/module.json"));

  /* A folder that is gone: the entry comes off the course's list, the
   * other modules keep their order.
   */
  helder_test_remove_tree (basis);
  g_clear_object (&course);
  course = helder_course_load (path, &error);
  g_assert_no_error (error);
  broken = g_ptr_array_index (helder_course_get_broken_modules (course), 0);
  g_assert_cmpint (broken->kind, ==, HELDER_BROKEN_MODULE_NO_FOLDER);
  g_assert_false (helder_course_get_modified (course));
  helder_course_forget_module (course, "01-basis");
  g_assert_cmpuint (helder_course_get_broken_modules (course)->len, ==, 0);
  g_assert_true (helder_course_get_modified (course));
  g_assert_true (helder_course_save (course, &error));
  g_assert_no_error (error);

  reloaded = helder_course_load (path, &error);
  g_assert_no_error (error);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = helder_course_validate (reloaded);
  g_assert_false (helder_diagnostics_have_errors (after));
  g_assert_cmpuint (helder_course_get_n_modules (reloaded), ==, 1);

  helder_test_remove_tree (path);
}

/* A module that cannot be read keeps its place when others move. */
static void
test_broken_module_keeps_place (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autofree char *missing = g_build_filename (path, "01-basis", "module.json", NULL);
  g_autoptr(HelderCourse) course = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_remove (missing), ==, 0);
  course = helder_course_load (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (helder_course_add_module (course, "03-nieuw", "Nieuw", 1, &error));
  g_assert_no_error (error);
  g_assert_true (helder_course_recreate_module (course, "01-basis", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (helder_module_get_id (helder_course_get_module (course, 0)), ==, "01-basis");
  g_assert_cmpstr (helder_module_get_id (helder_course_get_module (course, 1)), ==, "02-toets");
  g_assert_cmpstr (helder_module_get_id (helder_course_get_module (course, 2)), ==, "03-nieuw");
  g_assert_true (helder_course_save (course, &error));
  g_assert_no_error (error);
  g_clear_object (&course);
  course = helder_course_load (path, &error);
  g_assert_cmpuint (helder_course_get_n_modules (course), ==, 3);
  g_assert_cmpstr (helder_module_get_id (helder_course_get_module (course, 0)), ==, "01-basis");

  helder_test_remove_tree (path);
}

/* Renaming a page renames its file (keeping its number), sets its
 * heading, refuses a name in use, and the ignored findings follow.
 */
static void
test_rename_page (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autofree char *renamed = g_build_filename (path, "01-basis", "02-alle-blokken.md", NULL);
  g_autoptr(HelderCourse) course = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_file = NULL;
  g_autofree char *ignored = NULL;
  g_autofree char *ignored_path = g_build_filename (path, "ignored.json", NULL);
  HelderModule *basis;
  HelderPage *page;

  helder_test_write_file (path, "ignored.json",
                          "{\"format\": 1, \"ignored\": [{\"file\": \"01-basis/02-blokken.md\", "
                          "\"rule\": \"spelling\", \"text\": \"Helder\"}]}\n");
  course = helder_course_load (path, &error);
  g_assert_no_error (error);
  basis = helder_course_get_module (course, 0);
  page = helder_module_get_page (basis, 1);

  g_assert_true (helder_module_rename_page (basis, path, page, "Alle blokken", &old_file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (old_file, ==, "01-basis/02-blokken.md");
  g_assert_cmpstr (helder_page_get_file (page), ==, "01-basis/02-alle-blokken.md");
  g_assert_cmpstr (helder_page_get_title (page), ==, "Alle blokken");
  g_assert_true (g_file_test (renamed, G_FILE_TEST_EXISTS));
  g_assert_true (helder_course_find_page (course, "01-basis/02-alle-blokken.md") == page);
  g_assert_null (helder_course_find_page (course, "01-basis/02-blokken.md"));

  g_assert_true (helder_ignore_list_rename_page (helder_course_get_ignore_list (course), old_file,
                                                 helder_page_get_file (page), &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (ignored_path, &ignored, NULL, NULL));
  g_assert_nonnull (strstr (ignored, "01-basis/02-alle-blokken.md"));

  /* A name in use is refused and nothing changes. */
  helder_test_write_file (path, "01-basis/02-bezet.md", "# Bezet\n");
  g_assert_false (helder_module_rename_page (basis, path, page, "Bezet", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_cmpstr (helder_page_get_file (page), ==, "01-basis/02-alle-blokken.md");
  g_assert_cmpstr (helder_page_get_title (page), ==, "Alle blokken");

  /* Saved, the course is whole again. */
  g_clear_error (&error);
  g_assert_true (helder_course_save (course, &error));
  g_assert_no_error (error);
  {
    g_autoptr(HelderCourse) reloaded = helder_course_load (path, &error);
    g_autoptr(GPtrArray) problems = helder_course_validate (reloaded);

    g_assert_false (helder_diagnostics_have_errors (problems));
  }

  helder_test_remove_tree (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/course/load-valid", test_load_valid);
  g_test_add_func ("/course/not-a-course", test_not_a_course);
  g_test_add_func ("/course/save-unchanged-is-identical", test_save_unchanged_is_identical);
  g_test_add_func ("/course/save-edit", test_save_edit);
  g_test_add_func ("/course/back-to-saved", test_back_to_saved);
  g_test_add_func ("/course/save-copy", test_save_copy);
  g_test_add_func ("/course/unknown-fields-survive", test_unknown_fields_survive);
  g_test_add_func ("/course/load-async", test_load_async);
  g_test_add_func ("/course/import-media", test_import_media);
  g_test_add_func ("/course/dictionary-and-ignore", test_dictionary_and_ignore);
  g_test_add_func ("/course/structure", test_structure);
  g_test_add_func ("/course/page-name-from-title", test_page_name_from_title);
  g_test_add_func ("/course/broken-modules", test_broken_modules);
  g_test_add_func ("/course/rename-page", test_rename_page);
  g_test_add_func ("/course/broken-module-keeps-place", test_broken_module_keeps_place);
  g_test_add_func ("/course/read-with-edits", test_read_with_edits);
  g_test_add_func ("/course/iter-pages", test_iter_pages);
  g_test_add_func ("/course/language-tag-and-theme", test_language_tag_and_theme);

  return g_test_run ();
}
