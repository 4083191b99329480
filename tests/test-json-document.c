/* test-json-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "helder-json-document.h"

static HelderJsonDocument *
parse (const char *text,
       GPtrArray  *diagnostics)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return helder_json_document_parse ("x.json", bytes, diagnostics);
}

static void
test_unchanged_is_identical (void)
{
  /* Odd spacing and key order must survive as they are. */
  const char *text = "{ \"b\":1,   \"a\" : [ \"x\" ],\n\"unknown\": {\"deep\": true} }";
  g_autoptr(GPtrArray) diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  g_autoptr(HelderJsonDocument) doc = parse (text, diagnostics);
  g_autoptr(GBytes) out = NULL;

  g_assert_nonnull (doc);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_false (helder_json_document_is_modified (doc));
  out = helder_json_document_serialize (doc);
  g_assert_cmpmem (g_bytes_get_data (out, NULL), g_bytes_get_size (out), text, strlen (text));
}

static void
test_change_keeps_unknown (void)
{
  const char *text = "{\n  \"title\": \"Oud\",\n  \"x-extra\": {\"keep\": [1, 2]}\n}\n";
  g_autoptr(GPtrArray) diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  g_autoptr(HelderJsonDocument) doc = parse (text, diagnostics);
  g_autoptr(GBytes) out = NULL;
  const char *data;

  helder_json_document_set_string (doc, helder_json_document_get_root (doc), "title", "Nieuw");
  g_assert_true (helder_json_document_is_modified (doc));
  out = helder_json_document_serialize (doc);
  data = g_bytes_get_data (out, NULL);
  g_assert_nonnull (g_strstr_len (data, g_bytes_get_size (out), "\"Nieuw\""));
  g_assert_nonnull (g_strstr_len (data, g_bytes_get_size (out), "\"x-extra\""));
  g_assert_nonnull (g_strstr_len (data, g_bytes_get_size (out), "\"keep\""));
  g_assert_true (data[g_bytes_get_size (out) - 1] == '\n');
}

/* Whole numbers beyond 64 bits, which json-glib reads as other numbers,
 * are judged as written, anywhere in the document, until a setter
 * replaces them.
 */
static void
test_huge_integers (void)
{
  const char *text = "{\"a\": [1, -99999999999999999999, \"9223372036854775808\"],\n"
                     " \"n\": 99999999999999999999, \"m\": 7, \"x\": 1.5e400,\n"
                     " \"o\": {\"k\": -9223372036854775809}, \"z\": 9223372036854775807}";
  g_autoptr(GPtrArray) diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  g_autoptr(HelderJsonDocument) doc = parse (text, diagnostics);
  JsonObject *root = helder_json_document_get_root (doc);
  gint64 value = 0;

  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_cmpstr (helder_json_document_get_huge_integer (doc, root, "n"), ==,
                   "99999999999999999999");
  g_assert_cmpstr (helder_json_document_get_huge_integer (doc, json_object_get_object_member (root, "o"), "k"),
                   ==, "-9223372036854775809");
  g_assert_null (helder_json_document_get_huge_integer (doc, root, "m"));
  g_assert_null (helder_json_document_get_huge_integer (doc, root, "z"));

  g_assert_false (helder_json_document_get_int (doc, diagnostics, root, "n", TRUE, 0, 100, &value));
  g_assert_cmpuint (diagnostics->len, ==, 1);
  g_assert_nonnull (strstr (((HelderDiagnostic *) g_ptr_array_index (diagnostics, 0))->message,
                            "value 99999999999999999999 of \"n\" is out of range (0–100)"));
  g_assert_cmpuint (((HelderDiagnostic *) g_ptr_array_index (diagnostics, 0))->line, ==, 2);
  g_assert_true (helder_json_document_get_int (doc, diagnostics, root, "m", TRUE, 0, 100, &value));
  g_assert_cmpint (value, ==, 7);

  helder_json_document_set_int (doc, root, "n", 42);
  g_assert_null (helder_json_document_get_huge_integer (doc, root, "n"));
  g_assert_true (helder_json_document_get_int (doc, diagnostics, root, "n", TRUE, 0, 100, &value));
  g_assert_cmpint (value, ==, 42);
}

static void
test_member_location (void)
{
  const char *text = "{\n  \"title\": \"A\",\n  \"minutes\": \"twintig\"\n}\n";
  g_autoptr(GPtrArray) diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  g_autoptr(HelderJsonDocument) doc = parse (text, diagnostics);
  HelderDiagnostic *d;
  gint64 minutes;

  g_assert_false (helder_json_document_get_int (doc, diagnostics,
                                                helder_json_document_get_root (doc),
                                                "minutes", TRUE, 1, 600, &minutes));
  g_assert_cmpuint (diagnostics->len, ==, 1);
  d = g_ptr_array_index (diagnostics, 0);
  g_assert_cmpstr (d->rule, ==, "format-field-type");
  g_assert_cmpuint (d->line, ==, 3);
  g_assert_nonnull (strstr (d->message, "\"minutes\" must be a whole number"));
}

/* A colour member is read when it is a colour; another string, or
 * another type, is reported on its own line; a missing one is no problem.
 */
static void
test_colour (void)
{
  const char *text = "{\n  \"a\": \"#1d5f8a\",\n  \"b\": \"blauwgroen\",\n  \"c\": 12\n}\n";
  g_autoptr(GPtrArray) diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  g_autoptr(HelderJsonDocument) doc = parse (text, diagnostics);
  JsonObject *root = helder_json_document_get_root (doc);
  const char *value = "unset";
  HelderDiagnostic *d;

  g_assert_true (helder_json_document_get_colour (doc, diagnostics, root, "a", &value));
  g_assert_cmpstr (value, ==, "#1d5f8a");
  g_assert_cmpuint (diagnostics->len, ==, 0);

  g_assert_false (helder_json_document_get_colour (doc, diagnostics, root, "missing", &value));
  g_assert_null (value);
  g_assert_cmpuint (diagnostics->len, ==, 0);

  g_assert_false (helder_json_document_get_colour (doc, diagnostics, root, "b", &value));
  g_assert_null (value);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  d = g_ptr_array_index (diagnostics, 0);
  g_assert_cmpstr (d->rule, ==, "format-colour");
  g_assert_cmpuint (d->line, ==, 3);
  g_assert_nonnull (strstr (d->message, "blauwgroen"));

  g_assert_false (helder_json_document_get_colour (doc, diagnostics, root, "c", &value));
  g_assert_cmpuint (diagnostics->len, ==, 2);
  d = g_ptr_array_index (diagnostics, 1);
  g_assert_cmpstr (d->rule, ==, "format-field-type");
  g_assert_cmpuint (d->line, ==, 4);
}

static void
test_syntax_error_location (void)
{
  const char *text = "{\n  \"a\": 1\n  \"b\": 2\n}\n";
  g_autoptr(GPtrArray) diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  g_autoptr(HelderJsonDocument) doc = parse (text, diagnostics);
  HelderDiagnostic *d;

  g_assert_null (doc);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  d = g_ptr_array_index (diagnostics, 0);
  g_assert_cmpstr (d->rule, ==, "format-json");
  /* json-glib points at the token before the missing comma. */
  g_assert_cmpuint (d->line, ==, 2);
  g_assert_cmpuint (d->column, >, 1);
  g_assert_nonnull (strstr (d->message, "is not valid JSON"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-document/unchanged-is-identical", test_unchanged_is_identical);
  g_test_add_func ("/json-document/change-keeps-unknown", test_change_keeps_unknown);
  g_test_add_func ("/json-document/member-location", test_member_location);
  g_test_add_func ("/json-document/colour", test_colour);
  g_test_add_func ("/json-document/huge-integers", test_huge_integers);
  g_test_add_func ("/json-document/syntax-error-location", test_syntax_error_location);

  return g_test_run ();
}
