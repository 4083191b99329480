/* test-block-edit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <cmark.h>

#include "helder-block-edit.h"
#include "helder-diagnostic.h"
#include "helder-rich-text.h"
#include "helder-test-utils.h"

/* Applies @edit to @text, checks that its inverse restores @text byte for
 * byte and that the result parses, and returns the result.
 */
static char *
apply_checked (const char           *text,
               const HelderTextEdit *edit)
{
  g_autoptr(HelderTextEdit) inverse = NULL;
  g_autofree char *restored = NULL;
  char *result;

  g_assert_nonnull (edit);
  result = helder_text_edit_dup_applied (edit, text, strlen (text));
  inverse = helder_text_edit_dup_inverse (edit, text, strlen (text));
  restored = helder_text_edit_dup_applied (inverse, result, strlen (result));
  g_assert_cmpstr (restored, ==, text);

  return result;
}

/* apply_checked() for an edit it then frees. */
static char *
apply_owned (const char     *text,
             HelderTextEdit *edit)
{
  g_autoptr(HelderTextEdit) owned = edit;

  return apply_checked (text, owned);
}

static gboolean
has_errors (const HelderPageContent *content)
{
  for (guint i = 0; i < content->diagnostics->len; i++)
    {
      HelderDiagnostic *diagnostic = g_ptr_array_index (content->diagnostics, i);

      if (diagnostic->severity == HELDER_SEVERITY_ERROR)
        {
          g_test_message ("%s", diagnostic->message);
          return TRUE;
        }
    }

  return FALSE;
}

static HelderBlock *
nth_block (HelderPageContent *content,
           guint              index)
{
  g_assert_cmpuint (index, <, content->blocks->len);
  return g_ptr_array_index (content->blocks, index);
}

/* The text before the block's first line and after its last line. */
static void
assert_only_block_changed (const char        *before,
                           const char        *after,
                           const HelderBlock *block)
{
  gsize start = block->range.start;
  gsize tail;

  while (start > 0 && before[start - 1] != '\n')
    start--;
  tail = strlen (before) - block->range.end;

  g_assert_cmpint (strncmp (before, after, start), ==, 0);
  g_assert_cmpuint (strlen (after), >=, tail);
  g_assert_cmpstr (before + block->range.end, ==, after + strlen (after) - tail);
}

static void
collect_pages (const char *folder,
               GPtrArray  *pages)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_pages (path, pages);
      else if (g_str_has_suffix (name, ".md") && !g_str_equal (name, "README.md"))
        g_ptr_array_add (pages, g_steal_pointer (&path));
    }
}

static GPtrArray *
valid_pages (void)
{
  GPtrArray *pages = g_ptr_array_new_with_free_func (g_free);
  const char *folders[] = { "course-valid", "export/course", "kpi-course", "a11y/course" };
  g_autofree char *samples = g_build_filename (g_getenv ("HELDER_SOURCE_ROOT"), "content-samples",
                                               "ai-bewustzijn", NULL);

  collect_pages (samples, pages);
  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *path = helder_test_data_path (folders[i]);

      collect_pages (path, pages);
    }

  return pages;
}

/* On every page: setting each one-line field to its own value changes no
 * byte; setting it to a new value changes only its block's lines, reads
 * back, and undoes byte for byte. Every text block either reads as rich
 * text or says why not.
 */
static void
test_identity (void)
{
  g_autoptr(GPtrArray) pages = valid_pages ();
  guint n_pages = 0;
  guint n_fields = 0;
  guint n_rich = 0;
  guint n_source = 0;
  guint n_callouts = 0;

  for (guint p = 0; p < pages->len; p++)
    {
      const char *path = g_ptr_array_index (pages, p);
      g_autofree char *text = NULL;
      gsize length;
      g_autoptr(HelderPageContent) content = NULL;

      g_assert_true (g_file_get_contents (path, &text, &length, NULL));
      content = helder_page_content_parse (path, text, length);
      if (has_errors (content))
        continue;

      n_pages++;
      for (guint b = 0; b < content->blocks->len; b++)
        {
          HelderBlock *block = nth_block (content, b);

          if (block->kind == HELDER_BLOCK_TEXT || block->kind == HELDER_BLOCK_HEADING)
            {
              g_autoptr(GError) error = NULL;
              g_autoptr(HelderRichText) rich = helder_rich_text_parse (text + block->range.start,
                                                                       block->range.end - block->range.start,
                                                                       &error);

              g_assert_true ((rich != NULL) != (error != NULL));

              /* Written back in the canonical form, it shows the same. */
              if (rich != NULL)
                {
                  g_autofree char *source = g_strndup (text + block->range.start,
                                                       block->range.end - block->range.start);
                  g_autofree char *written = helder_rich_text_dup_commonmark (rich);
                  g_autofree char *shown = cmark_markdown_to_html (source, strlen (source), CMARK_OPT_DEFAULT);
                  g_autofree char *shown_again = cmark_markdown_to_html (written, strlen (written), CMARK_OPT_DEFAULT);

                  /* A hard-wrapped line is read as one: a soft break and a
                   * space show alike.
                   */
                  g_strdelimit (shown, "\n", ' ');
                  g_strdelimit (shown_again, "\n", ' ');
                  g_test_message ("%s line %u", path, block->line);
                  g_assert_cmpstr (shown_again, ==, shown);
                  n_rich++;
                }
              else
                n_source++;
              continue;
            }

          /* A callout written back from its parts is the same callout. */
          if (block->kind == HELDER_BLOCK_CALLOUT)
            {
              g_autofree char *body = helder_block_dup_callout_body (text, length, block);
              g_autoptr(HelderTextEdit) edit = helder_block_edit_set_callout (text, length, block, block->info,
                                                                              block->title, body);
              g_autofree char *result = apply_checked (text, edit);
              g_autoptr(HelderPageContent) reparsed = helder_page_content_parse (path, result, strlen (result));
              HelderBlock *again = nth_block (reparsed, b);
              g_autofree char *body_again = helder_block_dup_callout_body (result, strlen (result), again);

              g_test_message ("%s line %u", path, block->line);
              g_assert_cmpstr (result, ==, text);
              g_assert_cmpstr (body_again, ==, body);
              n_callouts++;
              continue;
            }

          if (!helder_block_kind_is_fenced (block->kind))
            continue;

          for (int item = -1; item < (int) block->items->len; item++)
            {
              GPtrArray *fields = item < 0 ? block->fields
                                           : ((HelderBlockItem *) g_ptr_array_index (block->items, item))->fields;

              for (guint f = 0; f < fields->len; f++)
                {
                  const HelderField *field = g_ptr_array_index (fields, f);
                  g_autoptr(HelderTextEdit) same = NULL;
                  g_autoptr(HelderTextEdit) changed = NULL;
                  g_autofree char *unchanged = NULL;
                  g_autofree char *result = NULL;
                  g_autoptr(HelderPageContent) reparsed = NULL;
                  const char *new_value;

                  if (strchr (field->value, '\n') != NULL
                      || field->value_range.end - field->value_range.start != strlen (field->value))
                    continue;

                  g_test_message ("%s line %u: %s", path, field->line, field->key);
                  same = helder_block_edit_set_field (text, length, block, item, field->key, field->value);
                  unchanged = apply_checked (text, same);
                  g_assert_cmpstr (unchanged, ==, text);

                  new_value = g_str_equal (field->key, "correct") || g_str_equal (field->key, "best")
                              || g_str_equal (field->key, "decorative")
                              ? (helder_value_is_yes (field->value) ? "no" : "yes")
                              : "Een nieuwe waarde";
                  changed = helder_block_edit_set_field (text, length, block, item, field->key, new_value);
                  result = apply_checked (text, changed);
                  assert_only_block_changed (text, result, block);

                  reparsed = helder_page_content_parse (path, result, strlen (result));
                  g_assert_cmpuint (reparsed->blocks->len, ==, content->blocks->len);
                  if (item < 0)
                    g_assert_cmpstr (helder_block_get_value (nth_block (reparsed, b), field->key), ==, new_value);
                  else
                    g_assert_cmpstr (helder_block_item_get_value (g_ptr_array_index (nth_block (reparsed, b)->items, item),
                                                                  field->key), ==, new_value);
                  n_fields++;
                }
            }
        }
    }

  g_test_message ("%u pages, %u fields set, %u text blocks as rich text, %u as source, %u callouts",
                  n_pages, n_fields, n_rich, n_source, n_callouts);
  g_assert_cmpuint (n_callouts, >=, 4);

  /* The sample course alone has more than twenty pages. */
  g_assert_cmpuint (n_pages, >=, 20);
  g_assert_cmpuint (n_fields, >=, 100);
}

static const char *page =
  "# Toets\n"
  "\n"
  "Eerste alinea.\n"
  "\n"
  "```check\n"
  "question: Wat is AI?\n"
  "- [x] Een computer die leert\n"
  "  feedback: Goed.\n"
  "- [ ] Een robot\n"
  "  feedback: Nee.\n"
  "- [ ] Een mens\n"
  "  feedback: Nee,\n"
  "    dat niet.\n"
  "```\n"
  "\n"
  "```image\n"
  "src: media/a.png\n"
  "alt: Een plaatje\n"
  "```\n";

static HelderPageContent *
parse (const char *text)
{
  HelderPageContent *content = helder_page_content_parse ("p.md", text, strlen (text));

  g_assert_false (has_errors (content));
  return content;
}

/* Sets a field on the test page and checks what it wrote there. */
static char *
set_field_checked (HelderPageContent *content,
                   guint              block,
                   int                item,
                   const char        *key,
                   const char        *value,
                   const char        *expected)
{
  g_autoptr(HelderTextEdit) edit = helder_block_edit_set_field (page, strlen (page), nth_block (content, block),
                                                                item, key, value);
  char *result = apply_checked (page, edit);

  g_test_message ("%s", result);
  g_assert_nonnull (strstr (result, expected));
  assert_only_block_changed (page, result, nth_block (content, block));

  return result;
}

static void
test_set_field (void)
{
  g_autoptr(HelderPageContent) content = parse (page);
  g_autoptr(HelderPageContent) after = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *decorative = NULL;
  g_autofree char *lines = NULL;
  g_autofree char *removed = NULL;
  g_autofree char *answer = NULL;

  /* A missing field goes in its documented place: caption after alt,
   * decorative between them.
   */
  caption = set_field_checked (content, 3, -1, "caption", "Onderschrift",
                               "alt: Een plaatje\ncaption: Onderschrift\n```\n");
  decorative = set_field_checked (content, 3, -1, "decorative", "yes",
                                  "alt: Een plaatje\ndecorative: yes\n");

  /* Several lines become continuation lines; they read back joined. */
  lines = set_field_checked (content, 2, 2, "feedback", "Nee.\nEen mens is geen AI.",
                             "  feedback: Nee.\n    Een mens is geen AI.\n```");
  after = parse (lines);
  g_assert_cmpstr (helder_block_item_get_value (g_ptr_array_index (nth_block (after, 2)->items, 2), "feedback"),
                   ==, "Nee. Een mens is geen AI.");

  /* A block field's text lines cannot close the block. */
  g_clear_pointer (&lines, g_free);
  lines = set_field_checked (content, 3, -1, "alt", "Een plaatje\n```\nmet code", "alt: Een plaatje\n    ```\n    met code\n```\n");
  g_clear_pointer (&after, helder_page_content_free);
  after = parse (lines);
  g_assert_cmpuint (after->blocks->len, ==, 4);
  g_assert_cmpstr (helder_block_get_value (nth_block (after, 3), "alt"), ==, "Een plaatje ``` met code");

  /* Removing an item field takes its line. */
  removed = set_field_checked (content, 2, 1, "feedback", NULL, "- [ ] Een robot\n- [ ] Een mens");

  /* The answer text of the shorthand. */
  answer = set_field_checked (content, 2, 1, "answer", "Een auto", "- [ ] Een auto\n  feedback: Nee.\n");
}

static void
test_items (void)
{
  g_autoptr(HelderPageContent) content = parse (page);
  HelderBlock *check = nth_block (content, 2);
  const char *answer[] = { "answer", "Een plant", "correct", "no", "feedback", "Nee.", NULL };
  gsize length = strlen (page);
  g_autofree char *appended = apply_owned (page, helder_block_edit_add_item (page, length, check, 99, answer));
  g_autofree char *first = apply_owned (page, helder_block_edit_add_item (page, length, check, 0, answer));
  g_autofree char *removed = apply_owned (page, helder_block_edit_remove_item (page, length, check, 2));
  g_autofree char *moved = apply_owned (page, helder_block_edit_move_item (page, length, check, 2, FALSE));
  g_autoptr(HelderPageContent) after = parse (appended);

  g_assert_nonnull (strstr (appended, "    dat niet.\n- [ ] Een plant\n  feedback: Nee.\n```"));
  g_assert_cmpuint (nth_block (after, 2)->items->len, ==, 4);
  assert_only_block_changed (page, appended, check);

  g_assert_nonnull (strstr (first, "question: Wat is AI?\n- [ ] Een plant\n  feedback: Nee.\n- [x]"));

  g_assert_null (strstr (removed, "mens"));
  g_assert_nonnull (strstr (removed, "  feedback: Nee.\n```"));

  g_assert_null (helder_block_edit_move_item (page, length, check, 0, FALSE));
  g_assert_null (helder_block_edit_move_item (page, length, check, 2, TRUE));
  g_assert_nonnull (strstr (moved, "- [ ] Een mens\n  feedback: Nee,\n    dat niet.\n- [ ] Een robot\n  feedback: Nee.\n```"));
}

static guint
count_correct (const char *text,
               guint       block)
{
  g_autoptr(HelderPageContent) content = parse (text);
  HelderBlock *check = nth_block (content, block);
  guint n = 0;

  for (guint i = 0; i < check->items->len; i++)
    n += helder_value_is_yes (helder_block_item_get_value (g_ptr_array_index (check->items, i), "correct"));

  return n;
}

static void
test_correct (void)
{
  g_autoptr(HelderPageContent) content = parse (page);
  HelderBlock *check = nth_block (content, 2);
  g_autoptr(HelderTextEdit) edit = NULL;
  g_autoptr(HelderPageContent) multiple = NULL;
  g_autofree char *result = NULL;
  g_autofree char *both = NULL;

  /* Single: marking another one right moves the mark. */
  edit = helder_block_edit_set_correct (page, strlen (page), check, 1, TRUE);
  result = apply_checked (page, edit);
  g_assert_nonnull (strstr (result, "- [ ] Een computer die leert\n  feedback: Goed.\n- [x] Een robot"));
  g_assert_cmpuint (count_correct (result, 2), ==, 1);
  assert_only_block_changed (page, result, check);
  g_clear_pointer (&edit, helder_text_edit_free);
  g_clear_pointer (&result, g_free);

  /* Multiple: marks add up. */
  edit = helder_block_edit_set_question_kind (page, strlen (page), check, "multiple");
  result = apply_checked (page, edit);
  g_assert_nonnull (strstr (result, "question: Wat is AI?\nkind: multiple\n"));
  multiple = parse (result);
  g_clear_pointer (&edit, helder_text_edit_free);
  edit = helder_block_edit_set_correct (result, strlen (result), nth_block (multiple, 2), 2, TRUE);
  both = apply_checked (result, edit);
  g_assert_cmpuint (count_correct (both, 2), ==, 2);
  g_clear_pointer (&edit, helder_text_edit_free);

  /* Back to single keeps only the first right answer. */
  {
    g_autoptr(HelderPageContent) two = parse (both);
    g_autofree char *single = NULL;

    edit = helder_block_edit_set_question_kind (both, strlen (both), nth_block (two, 2), "single");
    single = apply_checked (both, edit);
    g_assert_nonnull (strstr (single, "kind: single\n"));
    g_assert_cmpuint (count_correct (single, 2), ==, 1);
    g_assert_nonnull (strstr (single, "- [x] Een computer"));
  }
}

static void
test_blocks (void)
{
  g_autoptr(HelderPageContent) content = parse (page);
  gsize length = strlen (page);
  g_autofree char *moved = apply_owned (page, helder_block_edit_move (page, length, content, 3, FALSE));
  g_autofree char *deleted = apply_owned (page, helder_block_edit_delete (page, length, content, 1));
  g_autofree char *deleted_last = apply_owned (page, helder_block_edit_delete (page, length, content, 3));
  g_autofree char *copied = apply_owned (page, helder_block_edit_duplicate (page, length, nth_block (content, 1), NULL));
  g_autofree char *replaced = apply_owned (page, helder_block_edit_replace (page, length, nth_block (content, 1),
                                                                            "Nieuwe **tekst**.\n\n- een\n"));

  /* Moving the image up past the check is one edit spanning both. */
  g_assert_null (helder_block_edit_move (page, length, content, 3, TRUE));
  g_assert_true (g_str_has_prefix (moved, "# Toets\n\nEerste alinea.\n\n```image\n"));
  g_assert_true (g_str_has_suffix (moved, "    dat niet.\n```\n"));

  g_assert_true (g_str_has_prefix (deleted, "# Toets\n\n```check\n"));
  g_assert_true (g_str_has_suffix (deleted_last, "    dat niet.\n```\n"));
  g_assert_true (g_str_has_prefix (copied, "# Toets\n\nEerste alinea.\n\nEerste alinea.\n\n```check"));
  g_assert_true (g_str_has_prefix (replaced, "# Toets\n\nNieuwe **tekst**.\n\n- een\n\n```check"));
}

/* Dragging a block to another place is one edit; the blank lines between
 * the blocks stay where they are, and so does a missing last newline.
 */
static void
test_move_to (void)
{
  const char *unterminated = "Een.\n\nTwee.\n\n\nDrie.";
  g_autoptr(HelderPageContent) content = parse (page);
  g_autoptr(HelderPageContent) three = parse (unterminated);
  gsize length = strlen (page);
  g_autofree char *first = apply_owned (page, helder_block_edit_move_to (page, length, content, 3, 0));
  g_autofree char *last = apply_owned (page, helder_block_edit_move_to (page, length, content, 0, 3));
  g_autofree char *up = apply_owned (page, helder_block_edit_move_to (page, length, content, 3, 2));
  g_autofree char *stepped = apply_owned (page, helder_block_edit_move (page, length, content, 3, FALSE));
  g_autofree char *end = apply_owned (unterminated,
                                      helder_block_edit_move_to (unterminated, strlen (unterminated),
                                                                 three, 0, 2));
  g_autofree char *start = apply_owned (unterminated,
                                        helder_block_edit_move_to (unterminated, strlen (unterminated),
                                                                   three, 2, 0));

  g_assert_null (helder_block_edit_move_to (page, length, content, 1, 1));
  g_assert_true (g_str_has_prefix (first, "```image\nsrc: media/a.png\nalt: Een plaatje\n```\n\n# Toets\n\nEerste alinea.\n\n```check\n"));
  g_assert_true (g_str_has_suffix (first, "    dat niet.\n```\n"));
  g_assert_true (g_str_has_prefix (last, "Eerste alinea.\n\n```check\n"));
  g_assert_true (g_str_has_suffix (last, "```\n\n# Toets\n"));
  /* One place up is what Alt+Up does. */
  g_assert_cmpstr (up, ==, stepped);
  g_assert_cmpuint (strlen (first), ==, length);
  g_assert_cmpstr (end, ==, "Twee.\n\nDrie.\n\n\nEen.");
  g_assert_cmpstr (start, ==, "Drie.\n\nEen.\n\n\nTwee.");
}

static void
test_insert_templates (void)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_add (ids, (gpointer) "post-1");

  for (HelderTemplate t = 0; t < HELDER_N_TEMPLATES; t++)
    {
      g_autoptr(HelderPageContent) content = parse (page);
      g_autoptr(HelderPageContent) after = NULL;
      g_autoptr(HelderTextEdit) edit = NULL;
      g_autofree char *result = NULL;
      HelderBlock *inserted;

      /* In the middle of the first paragraph's line: it goes before it. */
      edit = helder_block_edit_insert (page, strlen (page), 12, t, ids);
      result = apply_checked (page, edit);
      after = helder_page_content_parse ("p.md", result, strlen (result));
      g_test_message ("template %d:\n%s", t, result);
      g_assert_cmpuint (after->blocks->len, ==, content->blocks->len + 1);
      inserted = nth_block (after, 1);
      g_assert_cmpuint (inserted->line, ==, 3);
      g_assert_true (g_str_has_suffix (result, "\n\nEerste alinea.\n\n```check\nquestion: Wat is AI?\n- [x] Een computer die leert\n  feedback: Goed.\n- [ ] Een robot\n  feedback: Nee.\n- [ ] Een mens\n  feedback: Nee,\n    dat niet.\n```\n\n```image\nsrc: media/a.png\nalt: Een plaatje\n```\n"));
      if (t == HELDER_TEMPLATE_QUESTION)
        g_assert_cmpstr (helder_block_get_value (inserted, "id"), ==, "post-1-2");
      if (t >= HELDER_TEMPLATE_CALLOUT_ACTION && t <= HELDER_TEMPLATE_CALLOUT_WARNING)
        g_assert_cmpint (inserted->kind, ==, HELDER_BLOCK_CALLOUT);
    }
}

/* A block put on the page stands on lines of its own with one blank
 * line around it; at the end of the page it takes up the blank lines
 * there, so that the page ends with its last line.
 */
static void
test_insert_source (void)
{
  const struct { const char *text; gsize offset; const char *result; } cases[] = {
    { "", 0, "X\n" },
    { "# T\n\n", 4, "# T\n\nX\n" },
    { "# T\n\n", 5, "# T\n\nX\n" },
    { "# T\n\n\n\n", 5, "# T\n\nX\n" },
    { "# T\n", 4, "# T\n\nX\n" },
    { "# T", 3, "# T\n\nX\n" },
    { "A\n\nB\n", 3, "A\n\nX\n\nB\n" },
    { "A\nB\n", 2, "A\n\nX\n\nB\n" },
    { "A\n\nB\n  \n\n", 5, "A\n\nB\n\nX\n" },
    { "A\r\n\r\n\r\n", 3, "A\r\n\r\nX\r\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = NULL;

      g_test_message ("case %u", i);
      result = apply_owned (cases[i].text,
                            helder_block_edit_insert_source (cases[i].text, strlen (cases[i].text),
                                                             cases[i].offset, "X\n\n"));
      g_assert_cmpstr (result, ==, cases[i].result);
    }
}

static void
test_callout (void)
{
  const char *text = "Voor.\n\n> [!TIP] Oud\n> Eerste regel\nlui vervolg\n>\n> - punt\n\nNa.\n";
  g_autoptr(HelderPageContent) content = parse (text);
  HelderBlock *callout = nth_block (content, 1);
  g_autofree char *body = helder_block_dup_callout_body (text, strlen (text), callout);
  g_autoptr(HelderTextEdit) edit = NULL;
  g_autofree char *result = NULL;

  g_assert_cmpstr (body, ==, "Eerste regel\nlui vervolg\n\n- punt\n");

  edit = helder_block_edit_set_callout (text, strlen (text), callout, "WARNING", NULL, "Pas **op**.\n\n- een\n");
  result = apply_checked (text, edit);
  g_assert_cmpstr (result, ==, "Voor.\n\n> [!WARNING]\n> Pas **op**.\n>\n> - een\n\nNa.\n");
}

/* The body the preview, the handout and the tips draft all read: the
 * lines after the title line without up to three spaces, ">" and one space.
 */
static void
test_callout_body (void)
{
  const struct { const char *text; const char *body; } cases[] = {
    { "> [!NOTE] Alleen een titel\n", "" },
    { "> [!NOTE]\n> Laatste regel", "Laatste regel\n" },
    { "   > [!TIP]\n   >  Ingesprongen\n  >zonder spatie\n", " Ingesprongen\nzonder spatie\n" },
    { "> [!ACTION] Doe\r\n> Een\r\n>\r\n> Twee\r\n", "Een\r\n\r\nTwee\r\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HelderPageContent) content = parse (cases[i].text);
      g_autofree char *body = helder_block_dup_callout_body (cases[i].text, strlen (cases[i].text),
                                                             nth_block (content, 0));

      g_test_message ("case %u", i);
      g_assert_cmpstr (body, ==, cases[i].body);
    }
}

/* A page written with CR LF stays so. */
static void
test_crlf (void)
{
  const char *text = "Tekst.\r\n\r\n```image\r\nsrc: media/a.png\r\nalt: Oud\r\n```\r\n";
  g_autoptr(HelderPageContent) content = parse (text);
  gsize length = strlen (text);
  g_autofree char *caption = apply_owned (text, helder_block_edit_set_field (text, length, nth_block (content, 1), -1,
                                                                             "caption", "Een\nonderschrift"));
  g_autofree char *inserted = apply_owned (text, helder_block_edit_insert (text, length, 0,
                                                                           HELDER_TEMPLATE_BULLETS, NULL));
  g_autofree char *moved = apply_owned (text, helder_block_edit_move (text, length, content, 1, FALSE));
  g_autofree char *deleted = apply_owned (text, helder_block_edit_delete (text, length, content, 0));
  g_autofree char *deleted_last = apply_owned (text, helder_block_edit_delete (text, length, content, 1));

  g_assert_cmpstr (caption, ==, "Tekst.\r\n\r\n```image\r\nsrc: media/a.png\r\nalt: Oud\r\n"
                                "caption: Een\r\n    onderschrift\r\n```\r\n");
  g_assert_true (g_str_has_prefix (inserted, "- First point\r\n- Second point\r\n\r\nTekst.\r\n"));
  g_assert_cmpstr (moved, ==, "```image\r\nsrc: media/a.png\r\nalt: Oud\r\n```\r\n\r\nTekst.\r\n");
  g_assert_cmpstr (deleted, ==, "```image\r\nsrc: media/a.png\r\nalt: Oud\r\n```\r\n");
  g_assert_cmpstr (deleted_last, ==, "Tekst.\r\n");
}

static void
test_new_id (void)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  a = helder_block_dup_new_id ("Wat is de AI-verordening precies, en waarom?", "post", ids);
  g_assert_cmpstr (a, ==, "post-wat-is-de-ai");
  g_hash_table_add (ids, a);
  b = helder_block_dup_new_id ("Wat is de AI?", "post", ids);
  g_assert_cmpstr (b, ==, "post-wat-is-de-ai-2");
  c = helder_block_dup_new_id ("Één vraag ", NULL, NULL);
  g_assert_cmpstr (c, ==, "een-vraag");
}

static void
test_duplicate_question (void)
{
  const char *text = "```question\nid: post-3\ntest: post\nquestion: Wat?\n- [x] Ja\n- [ ] Nee\n```";
  g_autoptr(HelderPageContent) content = parse (text);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(HelderTextEdit) edit = NULL;
  g_autofree char *result = NULL;

  g_hash_table_add (ids, (gpointer) "post-3");
  g_hash_table_add (ids, (gpointer) "post-4");
  edit = helder_block_edit_duplicate (text, strlen (text), nth_block (content, 0), ids);
  result = apply_checked (text, edit);
  g_assert_cmpstr (result, ==,
                   "```question\nid: post-3\ntest: post\nquestion: Wat?\n- [x] Ja\n- [ ] Nee\n```\n\n"
                   "```question\nid: post-5\ntest: post\nquestion: Wat?\n- [x] Ja\n- [ ] Nee\n```");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/block-edit/identity", test_identity);
  g_test_add_func ("/block-edit/set-field", test_set_field);
  g_test_add_func ("/block-edit/items", test_items);
  g_test_add_func ("/block-edit/correct", test_correct);
  g_test_add_func ("/block-edit/blocks", test_blocks);
  g_test_add_func ("/block-edit/move-to", test_move_to);
  g_test_add_func ("/block-edit/insert-templates", test_insert_templates);
  g_test_add_func ("/block-edit/insert-source", test_insert_source);
  g_test_add_func ("/block-edit/callout", test_callout);
  g_test_add_func ("/block-edit/callout-body", test_callout_body);
  g_test_add_func ("/block-edit/crlf", test_crlf);
  g_test_add_func ("/block-edit/new-id", test_new_id);
  g_test_add_func ("/block-edit/duplicate-question", test_duplicate_question);

  return g_test_run ();
}
