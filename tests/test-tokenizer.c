/* test-tokenizer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "helder-page-content.h"
#include "helder-tokenizer.h"

static char *
sentence_text (const char           *text,
               const HelderTokens   *tokens,
               guint                 i)
{
  const HelderSentence *s = &g_array_index (tokens->sentences, HelderSentence, i);

  return g_strndup (text + s->start, s->end - s->start);
}

static void
assert_sentences (const char         *text,
                  const HelderTokens *tokens,
                  const char * const *expected)
{
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; i < MIN (n, tokens->sentences->len); i++)
    {
      g_autofree char *got = sentence_text (text, tokens, i);

      g_assert_cmpstr (got, ==, expected[i]);
    }
  g_assert_cmpuint (tokens->sentences->len, ==, n);
}

static void
test_abbreviations (void)
{
  const char *text = "Je kunt bijv. een brief sturen. Dat is d.w.z. handig, o.a. voor nr. 5 "
                     "en art. 3 enz. Klaar! Of niet? J. Jansen belt.";
  g_autoptr(HelderTokens) tokens = helder_tokens_new_from_plain (text, strlen (text));
  const char * const expected[] = {
    "Je kunt bijv. een brief sturen.",
    "Dat is d.w.z. handig, o.a. voor nr. 5 en art. 3 enz. Klaar!",
    "Of niet?",
    "J. Jansen belt.",
    NULL
  };

  assert_sentences (text, tokens, expected);
  /* "d.w.z." is one word, not three. */
  g_assert_cmpuint (g_array_index (tokens->sentences, HelderSentence, 1).n_words, ==, 13);
}

static void
test_numbers_and_words (void)
{
  const char *text = "Het kost 1.000 euro of 3,5 procent. De AI-verordening geldt voor auto's…"
                     " Mail info@example.nl of kijk op https://example.nl/a.b. Open plan.pdf.";
  g_autoptr(HelderTokens) tokens = helder_tokens_new_from_plain (text, strlen (text));
  const char * const expected[] = {
    "Het kost 1.000 euro of 3,5 procent.",
    "De AI-verordening geldt voor auto's…",
    "Mail info@example.nl of kijk op https://example.nl/a.b.",
    "Open plan.pdf.",
    NULL
  };
  guint urls = 0;
  guint numbers = 0;

  assert_sentences (text, tokens, expected);
  for (guint i = 0; i < tokens->tokens->len; i++)
    {
      const HelderToken *t = &g_array_index (tokens->tokens, HelderToken, i);
      g_autofree char *word = g_strndup (text + t->start, t->end - t->start);

      if (t->kind == HELDER_TOKEN_URL)
        urls++;
      if (t->kind == HELDER_TOKEN_NUMBER)
        {
          numbers++;
          g_assert_true (g_str_equal (word, "1.000") || g_str_equal (word, "3,5"));
        }
      if (g_str_equal (word, "AI-verordening"))
        g_assert_true (t->flags & HELDER_TOKEN_ALL_CAPS ? FALSE : TRUE);
    }
  g_assert_cmpuint (urls, ==, 3);
  g_assert_cmpuint (numbers, ==, 2);
}

static void
test_paragraphs (void)
{
  const char *text = "Een zin zonder punt\nloopt door op de volgende regel.\n\nNieuwe alinea\n";
  g_autoptr(HelderTokens) tokens = helder_tokens_new_from_plain (text, strlen (text));
  const char * const expected[] = {
    "Een zin zonder punt\nloopt door op de volgende regel.",
    "Nieuwe alinea",
    NULL
  };

  assert_sentences (text, tokens, expected);
}

/* Markdown: headings and list items are sentences of their own, marks and
 * link targets are no words, and every range points into the source.
 */
static void
test_markdown (void)
{
  const char *text = "# Wat is AI\n\nAI is **slim** en *snel*. Lees [de wet](https://wet.nl/ai) "
                     "en gebruik `print()` niet.\n\n- eerste punt\n- tweede punt\n";
  g_autoptr(HelderPageContent) content = helder_page_content_parse ("p.md", text, strlen (text));
  g_autoptr(HelderTokens) tokens = helder_tokens_new_from_runs (text, content->runs);
  const char * const expected[] = {
    "Wat is AI",
    "AI is **slim** en *snel*.",
    "Lees [de wet](https://wet.nl/ai) en gebruik `print()` niet.",
    "eerste punt",
    "tweede punt",
    NULL
  };

  assert_sentences (text, tokens, expected);
  g_assert_cmpint (g_array_index (tokens->sentences, HelderSentence, 0).role, ==,
                   HELDER_TEXT_HEADING);
  /* Lees de wet en gebruik print niet: the link target is skipped. */
  g_assert_cmpuint (g_array_index (tokens->sentences, HelderSentence, 2).n_words, ==, 7);

  for (guint i = 0; i < tokens->tokens->len; i++)
    {
      const HelderToken *t = &g_array_index (tokens->tokens, HelderToken, i);
      g_autofree char *word = g_strndup (text + t->start, t->end - t->start);

      g_assert_null (strchr (word, '*'));
      g_assert_cmpstr (word, !=, "https");
      if (g_str_equal (word, "print"))
        g_assert_true (t->flags & HELDER_TOKEN_CODE);
      if (g_str_equal (word, "AI"))
        g_assert_true (t->flags & HELDER_TOKEN_ALL_CAPS);
    }
}

static void
test_bad_input (void)
{
  /* Invalid UTF-8 and lone marks: no crash, no hang, no words. */
  const char text[] = "\xff\xfe ... ?! ``` ](";
  g_autoptr(HelderTokens) tokens = helder_tokens_new_from_plain (text, sizeof text - 1);

  g_assert_cmpuint (tokens->sentences->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tokenizer/abbreviations", test_abbreviations);
  g_test_add_func ("/tokenizer/numbers-and-words", test_numbers_and_words);
  g_test_add_func ("/tokenizer/paragraphs", test_paragraphs);
  g_test_add_func ("/tokenizer/markdown", test_markdown);
  g_test_add_func ("/tokenizer/bad-input", test_bad_input);

  return g_test_run ();
}
