/* test-rich-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "helder-rich-text.h"
#include "helder-test-utils.h"

static char *
round_trip (const char *markdown)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderRichText) text = helder_rich_text_parse (markdown, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);

  return helder_rich_text_dup_commonmark (text);
}

static void
test_model (void)
{
  const char *markdown = "# Wat is *AI*?\n\n"
                         "AI is **slim** en [leert](https://x.nl \"\") van `data`.\n"
                         "Een tweede regel\\\nna een break.\n\n"
                         "- een\n  1. sub\n- twee\n\n"
                         "> citaat\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderRichText) text = helder_rich_text_parse (markdown, -1, &error);
  HelderRichParagraph *p;
  HelderRichRun *run;

  g_assert_no_error (error);
  g_assert_cmpuint (text->paragraphs->len, ==, 6);

  p = g_ptr_array_index (text->paragraphs, 0);
  g_assert_cmpint (p->kind, ==, HELDER_PARAGRAPH_HEADING);
  g_assert_cmpuint (p->level, ==, 1);
  g_assert_cmpuint (p->runs->len, ==, 3);
  run = g_ptr_array_index (p->runs, 1);
  g_assert_cmpstr (run->text, ==, "AI");
  g_assert_cmpint (run->style, ==, HELDER_RUN_ITALIC);

  p = g_ptr_array_index (text->paragraphs, 1);
  g_assert_cmpint (p->kind, ==, HELDER_PARAGRAPH_TEXT);
  run = g_ptr_array_index (p->runs, 1);
  g_assert_cmpstr (run->text, ==, "slim");
  g_assert_cmpint (run->style, ==, HELDER_RUN_BOLD);
  run = g_ptr_array_index (p->runs, 3);
  g_assert_cmpstr (run->text, ==, "leert");
  g_assert_cmpstr (run->url, ==, "https://x.nl");
  run = g_ptr_array_index (p->runs, 5);
  g_assert_cmpstr (run->text, ==, "data");
  g_assert_cmpint (run->style, ==, HELDER_RUN_CODE);
  run = g_ptr_array_index (p->runs, 6);
  g_assert_cmpstr (run->text, ==, ". Een tweede regel\nna een break.");

  p = g_ptr_array_index (text->paragraphs, 2);
  g_assert_cmpint (p->kind, ==, HELDER_PARAGRAPH_BULLET);
  g_assert_cmpuint (p->level, ==, 1);
  p = g_ptr_array_index (text->paragraphs, 3);
  g_assert_cmpint (p->kind, ==, HELDER_PARAGRAPH_NUMBER);
  g_assert_cmpuint (p->level, ==, 2);
  p = g_ptr_array_index (text->paragraphs, 5);
  g_assert_cmpint (p->kind, ==, HELDER_PARAGRAPH_QUOTE);
}

/* Canonical text reads and writes back byte for byte. */
static void
test_canonical (void)
{
  const char *cases[] = {
    "Een zin met **vet**, *schuin*, ***beide*** en `code`.\n",
    "# Kop\n\n## Kop met \\# erin\n\nTekst.\n",
    "- een\n- twee\n  - drie\n    1. vier\n    2. vijf\n- zes\n",
    "1. een\n2. twee\n\nTekst na de lijst.\n",
    "1. een\n2. twee\n- los\n",
    "> een\n>\n> twee\n\nNa het citaat.\n",
    "Regel een\\\nregel twee\n",
    "Zie [de **site**](https://example.org/a%20b) en [mail](mailto:a@b.nl).\n",
    "Tekens: \\* \\_ \\` \\[x\\] \\<b\\> \\\\ Q&A \\&amp;\n",
    "1\\. geen lijst\n\n\\- ook niet\n\n\\# geen kop\n",
    "**vet** gewoon *schuin* gewoon\n",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *written = round_trip (cases[i]);

      g_test_message ("%s", cases[i]);
      g_assert_cmpstr (written, ==, cases[i]);
    }
}

/* Other spellings are written in the canonical form, and that form reads
 * back as the same rich text.
 */
static void
test_normalise (void)
{
  const struct
  {
    const char *in;
    const char *out;
  } cases[] = {
    { "__vet__ en _schuin_\n", "**vet** en *schuin*\n" },
    { "Kop\n===\n\nlang\nafgebroken\nregel\n", "# Kop\n\nlang afgebroken regel\n" },
    { "* een\n* twee\n", "- een\n- twee\n" },
    { "- een\n\n- twee\n", "- een\n- twee\n" },
    { "1) een\n1) twee\n", "1. een\n2. twee\n" },
    { "Een <https://x.nl>\n", "Een [https://x.nl](https://x.nl)\n" },
    { "Tekst met break  \nvolgende\n", "Tekst met break\\\nvolgende\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *written = round_trip (cases[i].in);
      g_autofree char *again = round_trip (written);

      g_test_message ("%s", cases[i].in);
      g_assert_cmpstr (written, ==, cases[i].out);
      g_assert_cmpstr (again, ==, written);
    }
}

static void
test_unsupported (void)
{
  const char *cases[] = {
    "<div>html</div>\n",
    "Tekst met <b>html</b>.\n",
    "Een ![plaatje](a.png) hier.\n",
    "```\ncode\n```\n",
    "    ingesprongen code\n",
    "---\n",
    "[link](https://x.nl \"titel\")\n",
    "- een\n\n  tweede alinea\n",
    "3. drie\n",
    "> - lijst in citaat\n",
    "> een\n\n> twee\n",
    "- een\n\n* twee\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HelderRichText) text = helder_rich_text_parse (cases[i], -1, &error);

      g_test_message ("%s", cases[i]);
      g_assert_null (text);
      g_assert_error (error, HELDER_RICH_TEXT_ERROR, HELDER_RICH_TEXT_ERROR_UNSUPPORTED);
      g_assert_nonnull (strstr (error->message, "line"));
    }
}

/* Runs built by an editor, with spaces at their edges, write valid
 * emphasis.
 */
static void
test_editor_runs (void)
{
  g_autoptr(HelderRichText) text = helder_rich_text_new ();
  HelderRichParagraph *p = helder_rich_paragraph_new (HELDER_PARAGRAPH_TEXT, 0);
  g_autofree char *written = NULL;

  g_ptr_array_add (text->paragraphs, p);
  g_ptr_array_add (p->runs, helder_rich_run_new ("Dit is ", 0, NULL));
  g_ptr_array_add (p->runs, helder_rich_run_new ("vet ", HELDER_RUN_BOLD, NULL));
  g_ptr_array_add (p->runs, helder_rich_run_new ("en vet-schuin", HELDER_RUN_BOLD | HELDER_RUN_ITALIC, NULL));
  g_ptr_array_add (p->runs, helder_rich_run_new (" met ", 0, NULL));
  g_ptr_array_add (p->runs, helder_rich_run_new ("een link", 0, "https://x.nl/a (b)"));
  g_ptr_array_add (p->runs, helder_rich_run_new (" en ", HELDER_RUN_BOLD, NULL));
  g_ptr_array_add (p->runs, helder_rich_run_new ("vet", HELDER_RUN_BOLD, "https://y.nl"));
  g_ptr_array_add (p->runs, helder_rich_run_new (".", 0, NULL));
  g_ptr_array_add (text->paragraphs, helder_rich_paragraph_new (HELDER_PARAGRAPH_TEXT, 0));
  p = helder_rich_paragraph_new (HELDER_PARAGRAPH_NUMBER, 1);
  g_ptr_array_add (p->runs, helder_rich_run_new ("2024. Een jaar", 0, NULL));
  g_ptr_array_add (text->paragraphs, p);

  p = helder_rich_paragraph_new (HELDER_PARAGRAPH_HEADING, 2);
  g_ptr_array_add (p->runs, helder_rich_run_new ("Een\nkop", 0, NULL));
  g_ptr_array_add (text->paragraphs, p);

  written = helder_rich_text_dup_commonmark (text);
  g_assert_cmpstr (written, ==,
                   "Dit is **vet *en vet-schuin*** met [een link](https://x.nl/a%20%28b%29) **en** [**vet**](https://y.nl).\n"
                   "\n"
                   "1. 2024\\. Een jaar\n"
                   "\n"
                   "## Een kop\n");
}

/* What the paste converter writes reads as rich text, and writes back
 * the same.
 */
static void
test_pasted (void)
{
  const char *names[] = { "word", "google-docs", "web-page", "email" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *file = g_strdup_printf ("html/%s.md", names[i]);
      g_autofree char *path = helder_test_data_path (file);
      g_autofree char *markdown = NULL;
      g_autofree char *written = NULL;

      g_assert_true (g_file_get_contents (path, &markdown, NULL, NULL));
      written = round_trip (markdown);
      g_assert_cmpstr (written, ==, markdown);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rich-text/model", test_model);
  g_test_add_func ("/rich-text/canonical", test_canonical);
  g_test_add_func ("/rich-text/normalise", test_normalise);
  g_test_add_func ("/rich-text/unsupported", test_unsupported);
  g_test_add_func ("/rich-text/editor-runs", test_editor_runs);
  g_test_add_func ("/rich-text/pasted", test_pasted);

  return g_test_run ();
}
