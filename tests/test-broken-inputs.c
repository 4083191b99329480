/* test-broken-inputs.c
 *
 * Each folder in tests/data/broken/cases/ holds the files that differ from
 * tests/data/broken/base/ and an expect.json naming the one diagnostic the
 * loader must report: file, line, column, rule and message. Each case is
 * its own test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "helder-course.h"
#include "helder-test-utils.h"

static void
test_case (gconstpointer data)
{
  const char *case_dir = data;
  g_autofree char *expect_path = g_build_filename (case_dir, "expect.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderCourse) course = NULL;
  g_autofree char *course_dir = helder_test_copy_course ("broken/base");
  g_autofree char *expect_copy = g_build_filename (course_dir, "expect.json", NULL);
  JsonObject *expect;
  const char *file;
  const char *rule;
  const char *message;
  gint64 line;
  gint64 column;
  g_autoptr(GPtrArray) diagnostics = NULL;
  gboolean found = FALSE;

  g_assert_true (json_parser_load_from_file (parser, expect_path, &error));
  g_assert_no_error (error);
  expect = json_node_get_object (json_parser_get_root (parser));
  file = json_object_get_string_member (expect, "file");
  rule = json_object_get_string_member (expect, "rule");
  message = json_object_get_string_member (expect, "message");
  line = json_object_get_int_member (expect, "line");
  column = json_object_get_int_member_with_default (expect, "column", -1);

  helder_test_copy_tree (case_dir, course_dir);
  g_unlink (expect_copy);
  if (json_object_has_member (expect, "delete"))
    {
      JsonArray *deletes = json_object_get_array_member (expect, "delete");

      for (guint i = 0; i < json_array_get_length (deletes); i++)
        {
          g_autofree char *path =
            g_build_filename (course_dir, json_array_get_string_element (deletes, i), NULL);

          g_assert_cmpint (g_unlink (path), ==, 0);
        }
    }

  /* A broken file never stops the course from loading. */
  course = helder_course_load (course_dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (course);

  diagnostics = helder_course_validate (course);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      const HelderDiagnostic *d = g_ptr_array_index (diagnostics, i);
      g_autofree char *text = helder_diagnostic_to_string (d);

      g_test_message ("reported: %s", text);
      if (g_str_equal (d->file, file) && g_str_equal (d->rule, rule) &&
          strstr (d->message, message) != NULL && d->line == line &&
          (column < 0 || d->column == column))
        {
          /* Each problem is reported once. */
          g_assert_false (found);
          found = TRUE;
        }
    }

  if (!found)
    g_error ("expected %s:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ": … %s [%s]",
             file, line, column, message, rule);

  helder_test_remove_tree (course_dir);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cases = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_test_init (&argc, &argv, NULL);

  cases = helder_test_data_path ("broken/cases");
  dir = g_dir_open (cases, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *test_path = g_strconcat ("/broken-inputs/", g_ptr_array_index (names, i),
                                                NULL);

      g_test_add_data_func_full (test_path,
                                 g_build_filename (cases, g_ptr_array_index (names, i), NULL),
                                 test_case, g_free);
    }

  return g_test_run ();
}
