/* helder-cli-readability.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-cli"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "helder-cli.h"
#include "helder-language-rules.h"
#include "helder-tokenizer.h"

void
helder_cli_print_readability (const char              *title,
                              const HelderReadability *r)
{
  g_print ("%s: %s (%s %.0f/100)\n", title, helder_level_to_label (r->level),
           _("difficulty"), r->difficulty);
  g_print ("  %s %u, %s %u, %s %.1f, %s %.2f\n",
           _("words"), r->counts.words, _("sentences"), r->counts.sentences,
           _("words per sentence"), r->average_sentence_length,
           _("syllables per word"), r->syllables_per_word);
  g_print ("  %s %.1f, %s %.1f%%, %s %.1f%%, %s %.1f\n",
           _("Flesch-Douma"), r->flesch_douma, _("long words"), r->long_word_percent,
           _("rare words"), r->rare_word_percent,
           _("passives per 100 sentences"), r->passives_per_100_sentences);
  g_print ("  %s %.2f, %s %.1f\n",
           _("familiarity of content words (Zipf)"), r->content_word_frequency,
           _("content words per clause"), r->content_words_per_clause);
}

void
helder_cli_add_readability_json (JsonBuilder             *builder,
                                 const HelderReadability *r)
{
  const struct { const char *name; guint value; } counts[] = {
    { "words", r->counts.words },
    { "sentences", r->counts.sentences },
    { "letter_words", r->counts.letter_words },
    { "syllables", r->counts.syllables },
    { "long_words", r->counts.long_words },
    { "rare_words", r->counts.rare_words },
    { "passives", r->counts.passives },
    { "content_words", r->counts.content_words },
    { "content_zipf", r->counts.content_zipf },
    { "clauses", r->counts.clauses },
    { "nominalisations", r->counts.nominalisations },
    { "formal_phrases", r->counts.formal_phrases },
  };
  const struct { const char *name; double value; } figures[] = {
    { "average_sentence_length", r->average_sentence_length },
    { "syllables_per_word", r->syllables_per_word },
    { "flesch_douma", r->flesch_douma },
    { "long_word_percent", r->long_word_percent },
    { "rare_word_percent", r->rare_word_percent },
    { "passives_per_100_sentences", r->passives_per_100_sentences },
    { "content_word_frequency", r->content_word_frequency },
    { "content_words_per_clause", r->content_words_per_clause },
    { "difficulty", r->difficulty },
  };

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      json_builder_set_member_name (builder, counts[i].name);
      json_builder_add_int_value (builder, counts[i].value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      json_builder_set_member_name (builder, figures[i].name);
      json_builder_add_double_value (builder, figures[i].value);
    }
  json_builder_set_member_name (builder, "level");
  json_builder_add_string_value (builder, helder_level_to_string (r->level));
  json_builder_set_member_name (builder, "level_label");
  json_builder_add_string_value (builder, helder_level_to_label (r->level));
  json_builder_end_object (builder);
}

static char *
read_input (const char  *name,
            gsize       *length,
            GError     **error)
{
  char *contents = NULL;

  if (g_str_equal (name, "-"))
    {
      GString *text = g_string_new (NULL);
      char buffer[65536];
      size_t n;

      while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
        g_string_append_len (text, buffer, n);
      *length = text->len;
      return g_string_free (text, FALSE);
    }

  if (!g_file_get_contents (name, &contents, length, error))
    return NULL;
  return contents;
}

int
helder_cli_readability (int    argc,
                        char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  HelderReadability scores;
  const char *invalid = NULL;
  gboolean json = FALSE;
  gsize length = 0;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the scores as JSON"), NULL },
    { NULL }
  };

  if (!helder_cli_parse_options (_("FILE|- — readability scores of a plain Dutch text"), entries,
                                 _("Reads a plain-text file, or standard input for “-”. "
                                   "Paragraphs are separated by empty lines.\n"
                                   "See docs/readability.md for how the scores are "
                                   "computed."),
                                 &argc, &argv))
    return HELDER_EXIT_UNUSABLE;

  if (argc != 2)
    {
      g_printerr ("helder-cli: %s\n", _("give exactly one text file, or - for standard input"));
      return HELDER_EXIT_UNUSABLE;
    }

  text = read_input (argv[1], &length, &error);
  if (text == NULL)
    {
      g_printerr ("helder-cli: %s\n", error->message);
      return HELDER_EXIT_UNUSABLE;
    }
  if (!g_utf8_validate (text, length, &invalid))
    {
      g_printerr ("helder-cli: ");
      g_printerr (_("%s: byte %zu is not valid UTF-8; save the text as UTF-8"),
                  argv[1], (gsize) (invalid - text));
      g_printerr ("\n");
      return HELDER_EXIT_UNUSABLE;
    }

  helder_language_readability_of_plain_text (text, length, &scores);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      helder_cli_add_readability_json (builder, &scores);
      root = json_builder_get_root (builder);
      helder_cli_print_json (root);
    }
  else
    helder_cli_print_readability (argv[1], &scores);

  return HELDER_EXIT_OK;
}
