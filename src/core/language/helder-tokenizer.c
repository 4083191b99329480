/* helder-tokenizer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-tokenizer"

#include "config.h"

#include <string.h>

#include "helder-tokenizer.h"

/* Abbreviations whose final dot does not end a sentence, lower case,
 * without that final dot.
 */
static const char * const abbreviations[] = {
  "a.s", "art", "blz", "bv", "bijv", "ca", "d.m.v", "d.w.z", "dhr", "dr", "drs", "e.a",
  "e.d", "enz", "etc", "evt", "excl", "i.c.m", "i.p.v", "i.s.m", "i.v.m", "incl", "ing", "jl",
  "m.a.w", "m.b.t", "mevr", "mln", "mr", "mrd", "n.a.v", "nl", "nr", "o.a", "o.b.v", "p",
  "prof", "resp", "t.a.v", "t.o.v", "t.z.t", "vgl", "vs", "z.s.m", "zgn",
};

static gboolean
is_abbreviation (const char *text,
                 gsize       length)
{
  char lower[8];

  if (length == 0 || length >= sizeof lower)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    lower[i] = g_ascii_tolower (text[i]);
  lower[length] = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (abbreviations); i++)
    if (strcmp (lower, abbreviations[i]) == 0)
      return TRUE;

  return FALSE;
}

static gunichar
char_at (const char *p,
         const char *end)
{
  gunichar c;

  if (p >= end)
    return 0;
  c = g_utf8_get_char_validated (p, end - p);
  return c == (gunichar) -1 || c == (gunichar) -2 ? 0 : c;
}

static gboolean
is_word_char (gunichar c)
{
  return c != 0 && g_unichar_isalnum (c);
}

static gboolean
is_sentence_end (const char *text,
                 const HelderToken *token)
{
  char c = text[token->start];

  return token->kind == HELDER_TOKEN_PUNCTUATION &&
         (c == '.' || c == '!' || c == '?' ||
          (token->end - token->start == 3 && memcmp (text + token->start, "…", 3) == 0));
}

typedef struct
{
  const char   *text;
  HelderTokens *tokens;
  gboolean      in_code;
} Scanner;

static void
add_token (Scanner         *scanner,
           gsize            start,
           gsize            end,
           HelderTokenKind  kind)
{
  HelderToken token = { start, end, kind, 0 };

  if (scanner->in_code)
    token.flags |= HELDER_TOKEN_CODE;

  if (kind == HELDER_TOKEN_WORD)
    {
      const char *p = scanner->text + start;
      const char *e = scanner->text + end;
      guint letters = 0;
      gboolean all_upper = TRUE;

      if (g_unichar_isupper (g_utf8_get_char (p)))
        token.flags |= HELDER_TOKEN_CAPITALISED;
      for (; p < e; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_isalpha (c))
            {
              letters++;
              all_upper = all_upper && g_unichar_isupper (c);
            }
        }
      if (letters >= 2 && all_upper)
        token.flags |= HELDER_TOKEN_ALL_CAPS;
    }

  g_array_append_val (scanner->tokens->tokens, token);
}

/* Reads a web address or mail address from p; returns its end or NULL. */
static const char *
scan_address (const char *p,
              const char *end)
{
  const char *q = p;
  gboolean has_at = FALSE;

  if (!(g_str_has_prefix (p, "http://") || g_str_has_prefix (p, "https://") ||
        g_str_has_prefix (p, "www.")))
    {
      const char *dot;

      /* A file name: a word, a dot, a short lower-case extension. */
      while (q < end && (g_ascii_isalnum (*q) || *q == '-' || *q == '_'))
        q++;
      dot = q;
      if (dot < end && *dot == '.')
        {
          const char *e = dot + 1;

          while (e < end && g_ascii_islower (*e))
            e++;
          if (e - dot >= 3 && e - dot <= 5 && (e == end || !g_ascii_isalnum (*e)) &&
              (e == end || *e != '.' || e + 1 == end || g_ascii_isspace (e[1])) && dot > p)
            return e;
        }
      q = p;

      /* A mail address: word characters, then @, then a domain. */
      while (q < end && (g_ascii_isalnum (*q) || strchr ("._%+-", *q) != NULL))
        q++;
      if (q == p || q >= end || *q != '@')
        return NULL;
      has_at = TRUE;
    }

  while (q < end && !g_ascii_isspace (*q) && *q != ')' && *q != '>' && *q != ']')
    q++;
  while (q > p && strchr (".,;:!?'\"", q[-1]) != NULL)
    q--;

  return has_at && q - p < 3 ? NULL : q;
}

/* Reads a word or number starting at p; returns its end and its kind. */
static const char *
scan_word (const char      *p,
           const char      *end,
           HelderTokenKind *kind)
{
  const char *start = p;
  const char *q = p;
  gboolean letters = FALSE;
  gboolean dotted;

  for (;;)
    {
      gunichar c = char_at (q, end);

      if (is_word_char (c))
        {
          letters = letters || g_unichar_isalpha (c);
          q = g_utf8_next_char (q);
          continue;
        }

      /* Inner marks join: AI-verordening, auto's, 1.000, 3,5, d.w.z. */
      if ((c == '-' || c == '\'' || c == 0x2019 || c == '.' || c == ',') &&
          is_word_char (char_at (g_utf8_next_char (q), end)))
        {
          const char *next = g_utf8_next_char (q);

          if ((c == '.' || c == ',') && !letters &&
              g_unichar_isdigit (char_at (next, end)))
            {
              q = next;
              continue;
            }
          /* Dotted abbreviations: groups of one or two letters (d.w.z). */
          if (c == '.' && letters && g_unichar_isalpha (char_at (next, end)))
            {
              const char *group = q;

              while (group > start && g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (group))))
                group = g_utf8_prev_char (group);
              if (q - group <= 2)
                {
                  q = next;
                  continue;
                }
              break;
            }
          if (c != '.' && c != ',')
            {
              q = next;
              continue;
            }
        }
      break;
    }

  *kind = letters ? HELDER_TOKEN_WORD : HELDER_TOKEN_NUMBER;
  if (!letters)
    return q;

  dotted = memchr (start, '.', q - start) != NULL;

  /* A known abbreviation takes its final dot; so do an initial (J.) and
   * a dotted group (a.s.r.).
   */
  if (q < end && *q == '.' &&
      (dotted || is_abbreviation (start, q - start) ||
       (q - start == 1 && g_ascii_isupper (*start))))
    {
      *kind = HELDER_TOKEN_ABBREVIATION;
      return q + 1;
    }

  if (dotted)
    {
      if (is_abbreviation (start, q - start))
        {
          *kind = HELDER_TOKEN_ABBREVIATION;
          return q;
        }
      /* Two sentences without a space between them: keep the first word. */
      return memchr (start, '.', q - start);
    }

  return q;
}

static void
scan_run (Scanner    *scanner,
          gsize       run_start,
          gsize       run_end)
{
  const char *text = scanner->text;
  const char *p = text + run_start;
  const char *end = text + run_end;

  scanner->in_code = FALSE;

  while (p < end)
    {
      gunichar c = char_at (p, end);
      const char *q;

      if (c == 0)
        {
          p++;
          continue;
        }

      if (c == '`')
        {
          while (p < end && *p == '`')
            p++;
          scanner->in_code = !scanner->in_code;
          continue;
        }

      /* A link's target is not text: [text](target). */
      if (c == ']' && p + 1 < end && p[1] == '(')
        {
          const char *close = memchr (p, ')', end - p);

          p = close != NULL ? close + 1 : end;
          continue;
        }

      if (g_ascii_isalnum (*p) && (q = scan_address (p, end)) != NULL)
        {
          add_token (scanner, p - text, q - text, HELDER_TOKEN_URL);
          p = q;
          continue;
        }

      if (is_word_char (c))
        {
          HelderTokenKind kind;

          q = scan_word (p, end, &kind);
          add_token (scanner, p - text, q - text, kind);
          p = q;
          continue;
        }

      if (c == 0x2026 || (c == '.' && p + 2 < end && p[1] == '.' && p[2] == '.'))
        {
          q = c == '.' ? p + 3 : g_utf8_next_char (p);
          while (q < end && *q == '.')
            q++;
          add_token (scanner, p - text, q - text, HELDER_TOKEN_PUNCTUATION);
          p = q;
          continue;
        }

      if (strchr (".,;:!?()", (int) c) != NULL)
        add_token (scanner, p - text, p + 1 - text, HELDER_TOKEN_PUNCTUATION);

      p = g_utf8_next_char (p);
    }
}

static void
close_sentence (HelderTokens   *self,
                HelderSentence *sentence)
{
  guint last = sentence->first_token + sentence->n_tokens;

  if (sentence->n_words > 0)
    {
      HelderToken *first = &g_array_index (self->tokens, HelderToken, sentence->first_token);

      sentence->start = first->start;
      sentence->end = g_array_index (self->tokens, HelderToken, last - 1).end;
      for (guint i = sentence->first_token; i < last; i++)
        {
          HelderToken *token = &g_array_index (self->tokens, HelderToken, i);

          if (helder_token_is_word (token))
            {
              token->flags |= HELDER_TOKEN_FIRST;
              break;
            }
        }
      g_array_append_val (self->sentences, *sentence);
    }

  sentence->first_token = last;
  sentence->n_tokens = 0;
  sentence->n_words = 0;
}

/* Whether @token is a word (not a number or punctuation). */
gboolean
helder_token_is_word (const HelderToken *token)
{
  return token->kind == HELDER_TOKEN_WORD || token->kind == HELDER_TOKEN_NUMBER ||
         token->kind == HELDER_TOKEN_ABBREVIATION;
}

/**
 * helder_tokens_new_from_runs:
 * @text: the page source
 * @runs: (element-type HelderTextRun): its runs of learner-facing text
 *
 * Splits the runs into tokens and sentences. Runs with the same paragraph
 * number form one paragraph; a sentence may continue on the next run of
 * its paragraph, never into another paragraph.
 */
HelderTokens *
helder_tokens_new_from_runs (const char   *text,
                             const GArray *runs)
{
  HelderTokens *self;
  Scanner scanner = { 0 };
  HelderSentence sentence = { 0 };

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (runs != NULL, NULL);

  self = g_new0 (HelderTokens, 1);
  self->tokens = g_array_new (FALSE, FALSE, sizeof (HelderToken));
  self->sentences = g_array_new (FALSE, FALSE, sizeof (HelderSentence));
  scanner.text = text;
  scanner.tokens = self;

  for (guint i = 0; i < runs->len; i++)
    {
      const HelderTextRun *run = &g_array_index (runs, HelderTextRun, i);
      guint from = self->tokens->len;

      if (sentence.n_tokens > 0 && sentence.paragraph != run->paragraph)
        close_sentence (self, &sentence);
      sentence.paragraph = run->paragraph;
      sentence.role = run->role;

      scan_run (&scanner, run->range.start, run->range.end);

      for (guint t = from; t < self->tokens->len; t++)
        {
          const HelderToken *token = &g_array_index (self->tokens, HelderToken, t);

          sentence.n_tokens++;
          if (helder_token_is_word (token))
            sentence.n_words++;
          if (is_sentence_end (text, token))
            close_sentence (self, &sentence);
        }
    }
  close_sentence (self, &sentence);

  return self;
}

/**
 * helder_plain_text_runs:
 *
 * Runs for a plain text: one run per line, paragraphs separated by empty
 * lines.
 *
 * Returns: (transfer full) (element-type HelderTextRun): the runs
 */
GArray *
helder_plain_text_runs (const char *text,
                        gsize       length)
{
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (HelderTextRun));
  guint paragraph = 1;
  gsize line_start = 0;

  while (line_start < length)
    {
      const char *newline = memchr (text + line_start, '\n', length - line_start);
      gsize line_end = newline != NULL ? (gsize) (newline - text) : length;
      gsize s = line_start;
      gsize e = line_end;

      while (s < e && g_ascii_isspace (text[s]))
        s++;
      while (e > s && g_ascii_isspace (text[e - 1]))
        e--;

      if (s == e)
        paragraph++;
      else
        {
          HelderTextRun run = { { s, e }, paragraph, HELDER_TEXT_PROSE };

          g_array_append_val (runs, run);
        }
      line_start = line_end + 1;
    }

  return runs;
}

/* Returns: (transfer full): the sentences and words of the plain text
 * @text.
 */
HelderTokens *
helder_tokens_new_from_plain (const char *text,
                              gsize       length)
{
  g_autoptr(GArray) runs = helder_plain_text_runs (text, length);

  return helder_tokens_new_from_runs (text, runs);
}

/* Frees @self. */
void
helder_tokens_free (HelderTokens *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->tokens, g_array_unref);
  g_clear_pointer (&self->sentences, g_array_unref);
  g_free (self);
}
