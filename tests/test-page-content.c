/* test-page-content.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "helder-block-spec.h"
#include "helder-diagnostic.h"
#include "helder-page-content.h"

static HelderPageContent *
parse (const char *text)
{
  return helder_page_content_parse ("m/p.md", text, strlen (text));
}

static char *
range_text (const char        *text,
            const HelderRange *range)
{
  return g_strndup (text + range->start, range->end - range->start);
}

static const HelderBlock *
find_block (const HelderPageContent *content,
            HelderBlockKind          kind)
{
  for (guint i = 0; i < content->blocks->len; i++)
    {
      const HelderBlock *block = g_ptr_array_index (content->blocks, i);

      if (block->kind == kind)
        return block;
    }

  return NULL;
}

static void
test_text_and_heading (void)
{
  const char *text = "# Wat is AI?\n\nAI staat voor **kunstmatige**\nintelligentie.\n\n## Meer\n";
  g_autoptr(HelderPageContent) content = parse (text);
  const HelderTextRun *run;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_cmpuint (content->diagnostics->len, ==, 0);
  g_assert_cmpstr (content->title, ==, "Wat is AI?");
  g_assert_cmpuint (content->blocks->len, ==, 3);
  g_assert_cmpint (((HelderBlock *) g_ptr_array_index (content->blocks, 0))->kind, ==,
                   HELDER_BLOCK_HEADING);
  g_assert_cmpuint (((HelderBlock *) g_ptr_array_index (content->blocks, 2))->level, ==, 2);

  /* Heading text without the marks, then one run per paragraph line. */
  g_assert_cmpuint (content->runs->len, ==, 4);
  run = &g_array_index (content->runs, HelderTextRun, 0);
  first = range_text (text, &run->range);
  g_assert_cmpstr (first, ==, "Wat is AI?");
  g_assert_cmpint (run->role, ==, HELDER_TEXT_HEADING);

  run = &g_array_index (content->runs, HelderTextRun, 2);
  second = range_text (text, &run->range);
  g_assert_cmpstr (second, ==, "intelligentie.");
  g_assert_cmpuint (run->paragraph, ==,
                    g_array_index (content->runs, HelderTextRun, 1).paragraph);
  g_assert_cmpint (run->role, ==, HELDER_TEXT_PROSE);

  g_assert_cmpuint (helder_page_content_count_words (content, text), ==, 9);
}

static void
test_check_block (void)
{
  const char *text =
    "# Vraag\n"
    "\n"
    "```check\n"
    "question: Wanneer begon de wet?\n"
    "kind: single\n"
    "- [ ] In 2020\n"
    "  feedback: Nee, toen nog niet.\n"
    "- [x] Op 1 augustus\n"
    "  2024\n"
    "  feedback: Goed!\n"
    "```\n";
  g_autoptr(HelderPageContent) content = parse (text);
  const HelderBlock *block = find_block (content, HELDER_BLOCK_CHECK);
  const HelderBlockItem *item;
  const HelderField *answer;
  g_autofree char *answer_source = NULL;

  g_assert_cmpuint (content->diagnostics->len, ==, 0);
  g_assert_nonnull (block);
  g_assert_cmpuint (block->line, ==, 3);
  g_assert_cmpuint (block->end_line, ==, 11);
  g_assert_cmpstr (helder_block_get_value (block, "question"), ==, "Wanneer begon de wet?");
  g_assert_cmpuint (block->items->len, ==, 2);

  item = g_ptr_array_index (block->items, 1);
  g_assert_true (helder_value_is_yes (helder_block_item_get_value (item, "correct")));
  answer = helder_block_item_get_field (item, "answer");
  g_assert_cmpstr (answer->value, ==, "Op 1 augustus 2024");
  answer_source = range_text (text, &answer->value_range);
  g_assert_cmpstr (answer_source, ==, "Op 1 augustus\n  2024");
  g_assert_cmpstr (helder_block_item_get_value (item, "feedback"), ==, "Goed!");
  g_assert_false (helder_value_is_yes (helder_block_item_get_value (g_ptr_array_index (block->items, 0),
                                                                    "correct")));
}

static void
test_callout (void)
{
  const char *text = "# T\n\n> [!ACTION] Wat kun jij doen?\n> Vraag het je team.\n>\n> ## Daarna\n";
  g_autoptr(HelderPageContent) content = parse (text);
  const HelderBlock *block = find_block (content, HELDER_BLOCK_CALLOUT);
  gboolean found_title = FALSE;
  gboolean found_body = FALSE;
  gboolean found_heading = FALSE;

  g_assert_cmpuint (content->diagnostics->len, ==, 0);
  g_assert_nonnull (block);
  g_assert_cmpstr (block->info, ==, "ACTION");
  g_assert_cmpstr (block->title, ==, "Wat kun jij doen?");

  for (guint i = 0; i < content->runs->len; i++)
    {
      const HelderTextRun *run = &g_array_index (content->runs, HelderTextRun, i);
      g_autofree char *s = range_text (text, &run->range);

      found_title |= g_str_equal (s, "Wat kun jij doen?");
      found_body |= g_str_equal (s, "Vraag het je team.");
      /* A heading in the callout's body is learner text too. */
      found_heading |= g_str_equal (s, "Daarna") && run->role == HELDER_TEXT_HEADING;
      g_assert_null (strstr (s, "[!ACTION]"));
      g_assert_null (strchr (s, '>'));
    }
  g_assert_true (found_title);
  g_assert_true (found_body);
  g_assert_true (found_heading);
}

static void
test_inline_image (void)
{
  const char *text = "# T\n\nKijk: ![Een rode fiets](media/fiets.png) en verder.\n";
  g_autoptr(HelderPageContent) content = parse (text);
  const HelderBlock *image;
  const HelderField *alt;
  g_autofree char *alt_source = NULL;

  g_assert_cmpuint (content->images->len, ==, 1);
  image = g_ptr_array_index (content->images, 0);
  g_assert_true (image->is_inline);
  g_assert_cmpstr (helder_block_get_value (image, "src"), ==, "media/fiets.png");
  alt = helder_block_get_field (image, "alt");
  g_assert_cmpstr (alt->value, ==, "Een rode fiets");
  alt_source = range_text (text, &alt->value_range);
  g_assert_cmpstr (alt_source, ==, "Een rode fiets");
}

static void
test_block_fields_are_prose_runs (void)
{
  const char *text = "# T\n\n```flashcards\n- front: Algoritme\n  back: Een reeks stappen.\n"
                     "- front: Data\n  back: Gegevens.\n```\n";
  g_autoptr(HelderPageContent) content = parse (text);
  guint fields = 0;

  g_assert_cmpuint (content->diagnostics->len, ==, 0);
  for (guint i = 0; i < content->runs->len; i++)
    if (g_array_index (content->runs, HelderTextRun, i).role == HELDER_TEXT_FIELD)
      fields++;
  g_assert_cmpuint (fields, ==, 4);
}

static void
test_other_code_is_code (void)
{
  const char *text = "# T\n\n```python\nprint('hallo')\n```\n\n    ingesprongen code\n";
  g_autoptr(HelderPageContent) content = parse (text);

  g_assert_cmpuint (content->diagnostics->len, ==, 0);
  g_assert_cmpint (((HelderBlock *) g_ptr_array_index (content->blocks, 1))->kind, ==,
                   HELDER_BLOCK_CODE);
  g_assert_cmpint (((HelderBlock *) g_ptr_array_index (content->blocks, 2))->kind, ==,
                   HELDER_BLOCK_CODE);
  /* Code is not learner prose. */
  g_assert_cmpuint (content->runs->len, ==, 1);
}

static void
assert_same_fields (GPtrArray *a,
                    GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const HelderField *fa = g_ptr_array_index (a, i);
      const HelderField *fb = g_ptr_array_index (b, i);

      g_assert_cmpstr (fa->key, ==, fb->key);
      g_assert_cmpstr (fa->value, ==, fb->value);
    }
}

/* Formatting a block and parsing the result gives the same block back,
 * for every block of the sample course and the test course.
 */
static void
test_format_round_trip (void)
{
  const char * const pages[] = {
    "course-valid/01-basis/01-welkom.md",
    "course-valid/01-basis/02-blokken.md",
    "course-valid/02-toets/01-toets.md",
    NULL
  };
  guint formatted = 0;

  for (guint i = 0; pages[i] != NULL; i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", pages[i], NULL);
      g_autofree char *text = NULL;
      g_autoptr(HelderPageContent) content = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &text, &length, NULL));
      content = helder_page_content_parse (pages[i], text, length);

      for (guint b = 0; b < content->blocks->len; b++)
        {
          const HelderBlock *block = g_ptr_array_index (content->blocks, b);
          g_autofree char *source = NULL;
          g_autoptr(HelderPageContent) again = NULL;
          const HelderBlock *copy;

          if (!helder_block_kind_is_fenced (block->kind))
            continue;

          source = helder_block_format (block);
          again = helder_page_content_parse ("x.md", source, strlen (source));
          g_assert_cmpuint (again->blocks->len, ==, 1);
          copy = g_ptr_array_index (again->blocks, 0);
          g_assert_cmpint (copy->kind, ==, block->kind);
          assert_same_fields (copy->fields, block->fields);
          g_assert_cmpuint (copy->items->len, ==, block->items->len);
          for (guint j = 0; j < block->items->len; j++)
            {
              HelderBlockItem *a = g_ptr_array_index (copy->items, j);
              HelderBlockItem *c = g_ptr_array_index (block->items, j);

              g_assert_cmpuint (a->fields->len, ==, c->fields->len);
              for (guint k = 0; k < c->fields->len; k++)
                {
                  const HelderField *field = g_ptr_array_index (c->fields, k);

                  g_assert_cmpstr (helder_block_item_get_value (a, field->key), ==, field->value);
                }
            }
          formatted++;
        }
    }

  g_assert_cmpuint (formatted, >=, 14);
}

static void
test_spec (void)
{
  const HelderBlockSpec *spec = helder_block_spec_get (HELDER_BLOCK_CHECK);
  const HelderFieldSpec *question = helder_field_spec_find (spec->fields, "question");

  g_assert_nonnull (question);
  g_assert_true (question->flags & HELDER_FIELD_REQUIRED);
  g_assert_true (question->flags & HELDER_FIELD_PROSE);
  g_assert_nonnull (helder_field_spec_find (spec->item_fields, "feedback"));
  g_assert_null (helder_field_spec_find (spec->fields, "feedback"));
  g_assert_cmpuint (spec->min_items, ==, 2);
  g_assert_null (helder_block_spec_get (HELDER_BLOCK_TEXT)->fields[0].key);
}

static gboolean
has_rule_at (const HelderPageContent *content,
             const char              *rule,
             guint                    line)
{
  for (guint i = 0; i < content->diagnostics->len; i++)
    {
      const HelderDiagnostic *d = g_ptr_array_index (content->diagnostics, i);

      if (g_str_equal (d->rule, rule) && d->line == line)
        return TRUE;
    }

  return FALSE;
}

static void
test_sources_block (void)
{
  const char *text =
    "# Datums\n"
    "\n"
    "```sources\n"
    "checked: 2026-12-04\n"
    "- title: AI-verordening (EU) 2024/1689, artikel 4\n"
    "  url: https://eur-lex.europa.eu/eli/reg/2024/1689/oj\n"
    "- title: Een boek zonder adres\n"
    "```\n";
  const char *broken =
    "# Datums\n"
    "\n"
    "```sources\n"
    "checked: 4 december 2026\n"
    "- title: Wet\n"
    "  url: eur-lex.europa.eu\n"
    "- title: Ander\n"
    "  url: ftp://example.org/x\n"
    "```\n"
    "\n"
    "```sources\n"
    "checked: 2026-02-30\n"
    "```\n"
    "\n"
    "```sources\n"
    "- title: Zonder datum\n"
    "```\n";
  g_autoptr(HelderPageContent) content = parse (text);
  g_autoptr(HelderPageContent) wrong = parse (broken);
  const HelderBlock *block = find_block (content, HELDER_BLOCK_SOURCES);
  g_autofree char *formatted = NULL;

  g_assert_cmpuint (content->diagnostics->len, ==, 0);
  g_assert_nonnull (block);
  g_assert_cmpstr (helder_block_get_value (block, "checked"), ==, "2026-12-04");
  g_assert_cmpuint (block->items->len, ==, 2);
  g_assert_cmpstr (helder_block_item_get_value (g_ptr_array_index (block->items, 0), "url"), ==,
                   "https://eur-lex.europa.eu/eli/reg/2024/1689/oj");
  g_assert_null (helder_block_item_get_value (g_ptr_array_index (block->items, 1), "url"));
  /* Titles of sources are cited as they are: no text run for the language
   * checks, only the page's heading.
   */
  g_assert_cmpuint (content->runs->len, ==, 1);
  formatted = helder_block_format (block);
  g_assert_cmpstr (formatted, ==, text + strlen ("# Datums\n\n"));

  /* Each problem at its line: a date that is not YYYY-MM-DD, or does not
   * exist; an address that is not http(s); no date; no items.
   */
  g_assert_true (has_rule_at (wrong, "format-field-value", 4));
  g_assert_true (has_rule_at (wrong, "format-field-value", 6));
  g_assert_true (has_rule_at (wrong, "format-field-value", 8));
  g_assert_true (has_rule_at (wrong, "format-field-value", 12));
  g_assert_true (has_rule_at (wrong, "format-items", 11));
  g_assert_true (has_rule_at (wrong, "format-field-missing", 15));
}

static void
test_goal_reference (void)
{
  const char *text =
    "# Toets\n"
    "\n"
    "```question\n"
    "id: pre-1\n"
    "test: pre\n"
    "goal: basiskennis\n"
    "question: Wat is AI?\n"
    "- [x] Een systeem dat leert\n"
    "- [ ] Een printer\n"
    "- [ ] Ik weet het niet\n"
    "```\n"
    "\n"
    "```question\n"
    "id: pre-2\n"
    "test: pre\n"
    "goal: 2 of 3\n"
    "question: Wat is AI?\n"
    "- [x] Een systeem dat leert\n"
    "- [ ] Een printer\n"
    "```\n";
  g_autoptr(HelderPageContent) content = parse (text);

  g_assert_true (helder_goal_reference_is_valid ("basiskennis"));
  g_assert_true (helder_goal_reference_is_valid ("ai-verordening"));
  g_assert_true (helder_goal_reference_is_valid ("12"));
  g_assert_false (helder_goal_reference_is_valid ("0"));
  g_assert_false (helder_goal_reference_is_valid ("-basis"));
  g_assert_false (helder_goal_reference_is_valid ("2 of 3"));
  g_assert_false (helder_goal_reference_is_valid (""));

  g_assert_cmpuint (content->diagnostics->len, ==, 1);
  g_assert_true (has_rule_at (content, "format-field-value", 16));
}

static void
test_count_words (void)
{
  g_assert_cmpuint (helder_count_words ("De AI-verordening geldt sinds 2024.", -1 + 36), ==, 5);
  g_assert_cmpuint (helder_count_words ("auto's en [een link](https://a.nl/b-c)", 39), ==, 4);
  g_assert_cmpuint (helder_count_words ("**vet** _schuin_ `code`", 23), ==, 3);
  g_assert_cmpuint (helder_count_words ("", 0), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/page-content/text-and-heading", test_text_and_heading);
  g_test_add_func ("/page-content/check-block", test_check_block);
  g_test_add_func ("/page-content/callout", test_callout);
  g_test_add_func ("/page-content/inline-image", test_inline_image);
  g_test_add_func ("/page-content/block-fields-are-prose-runs", test_block_fields_are_prose_runs);
  g_test_add_func ("/page-content/other-code-is-code", test_other_code_is_code);
  g_test_add_func ("/page-content/count-words", test_count_words);
  g_test_add_func ("/page-content/format-round-trip", test_format_round_trip);
  g_test_add_func ("/page-content/spec", test_spec);
  g_test_add_func ("/page-content/sources-block", test_sources_block);
  g_test_add_func ("/page-content/goal-reference", test_goal_reference);

  return g_test_run ();
}
