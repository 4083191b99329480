/* helder-language-rules.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-language-rules"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "helder-dictionaries.h"
#include "helder-language-rules.h"
#include "helder-spelling.h"
#include "helder-syllables.h"

/* Words that address the reader. */
static const char * const address_words[] = {
  "je", "jij", "jou", "jouw", "jullie", "u", "uw", NULL
};

/* Forms of "worden" (passive) and "zijn" (state or perfect) before or
 * after a participle.
 */
static const char * const worden_forms[] = {
  "word", "wordt", "worden", "werd", "werden", "geworden", NULL
};
static const char * const zijn_forms[] = {
  "is", "was", "zijn", "waren", "geweest", NULL
};

/* Participles that form the perfect with "zijn" (is gegaan): no passive. */
static const char * const zijn_perfects[] = {
  "begonnen", "gebeurd", "gebleven", "geboren", "gedaald", "gegaan", "gegroeid",
  "gekomen", "gelukt", "gestegen", "gestopt", "gestorven", "gevallen", "geweest",
  "geworden", "ontstaan", "opgegroeid", "teruggekomen", "vertrokken", "verdwenen",
  "veranderd", "verhuisd", "overleden", "meegegaan", "weggegaan", NULL
};

/* Words that look like participles (ge…d/t/en) but are not. */
static const char * const not_participles[] = {
  "gebied", "gebieden", "gebit", "gebouwen", "gedachten", "gedicht", "geld", "gemeenten",
  "genoegen", "gerecht", "gevolgen", "gewicht", "gewoonten", "gezicht", "gezond",
  "geluid", "getuigen", "geleden", "gelijkheid", "beter", "bedrijven", "verhalen", NULL
};

/* Separable particles before the "ge" of a participle (aangepast). */
static const char * const particles[] = {
  "aan", "af", "bij", "door", "in", "los", "mee", "na", "neer", "om", "op", "over",
  "rond", "samen", "tegen", "terug", "toe", "uit", "vast", "voor", "vrij", "weg", NULL
};

/* Finite verbs that open a verb bracket; the clause's last word closes it. */
static const char * const bracket_openers[] = {
  "heb", "hebt", "heeft", "hebben", "had", "hadden", "is", "ben", "bent", "zijn", "was",
  "waren", "word", "wordt", "worden", "werd", "werden", "kan", "kun", "kunt", "kunnen",
  "kon", "konden", "moet", "moeten", "moest", "moesten", "zal", "zult", "zullen", "zou",
  "zouden", "wil", "wilt", "willen", "wilde", "mag", "mogen", "mocht", NULL
};

/* "het" and "dit" are left out: as pronouns they start too many false
 * finds (gaat het om de vraag …).
 */
static const char * const determiners[] = {
  "de", "een", "deze", NULL
};

static const char * const prepositions[] = {
  "aan", "bij", "door", "in", "met", "na", "naar", "om", "onder", "op", "over", "sinds",
  "tegen", "tijdens", "tot", "uit", "van", "vanuit", "via", "voor", "volgens", "zonder", NULL
};

/* Words that stand for the reader without addressing them. */
static const char * const impersonal_words[] = {
  "men", "aanvrager", "aanvragers", "belanghebbende", "belanghebbenden", NULL
};

typedef struct
{
  char  **words;        /* the phrase, one lower-case word each */
  char  **alternatives;
} Bureaucratic;

typedef struct
{
  GHashTable *ranks;        /* word → rank (GUINT) */
  GHashTable *bureaucratic; /* first word → GPtrArray of Bureaucratic* */
} LanguageData;

static void
bureaucratic_free (Bureaucratic *entry)
{
  g_strfreev (entry->words);
  g_strfreev (entry->alternatives);
  g_free (entry);
}

static gboolean
is_comment_or_empty (const char *line)
{
  return line[0] == '\0' || line[0] == '#';
}

static const LanguageData *
get_data (void)
{
  static LanguageData *data = NULL;

  if (g_once_init_enter (&data))
    {
      LanguageData *self = g_new0 (LanguageData, 1);
      g_autoptr(GBytes) ranks = helder_dictionaries_load_list ("frequency.txt");
      g_autoptr(GBytes) phrases = helder_dictionaries_load_list ("bureaucratic.txt");
      g_auto(GStrv) lines = NULL;

      self->ranks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      lines = g_strsplit (g_bytes_get_data (ranks, NULL), "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          char *tab = strchr (lines[i], '\t');

          if (is_comment_or_empty (lines[i]) || tab == NULL)
            continue;
          *tab = '\0';
          g_hash_table_insert (self->ranks, g_strdup (lines[i]),
                               GUINT_TO_POINTER ((guint) g_ascii_strtoull (tab + 1, NULL, 10)));
        }
      g_strfreev (lines);

      self->bureaucratic = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                  (GDestroyNotify) g_ptr_array_unref);
      lines = g_strsplit (g_bytes_get_data (phrases, NULL), "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_auto(GStrv) columns = NULL;
          Bureaucratic *entry;
          GPtrArray *list;

          if (is_comment_or_empty (lines[i]))
            continue;
          columns = g_strsplit (lines[i], "\t", 2);
          if (columns[1] == NULL)
            continue;
          entry = g_new0 (Bureaucratic, 1);
          entry->words = g_strsplit (columns[0], " ", -1);
          entry->alternatives = g_strsplit (columns[1], "|", -1);
          list = g_hash_table_lookup (self->bureaucratic, entry->words[0]);
          if (list == NULL)
            {
              list = g_ptr_array_new_with_free_func ((GDestroyNotify) bureaucratic_free);
              g_hash_table_insert (self->bureaucratic, g_strdup (entry->words[0]), list);
            }
          g_ptr_array_add (list, entry);
        }

      g_once_init_leave (&data, self);
    }

  return data;
}

/**
 * helder_language_course_words_new:
 * @words: the entries of the course's words.txt
 *
 * Returns: (transfer full): a set of the lower-case words of @words; an
 *   entry of several words adds each of them
 */
GHashTable *
helder_language_course_words_new (const char * const *words)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
      g_autofree char *lower = g_utf8_strdown (words[i], -1);
      g_auto(GStrv) parts = g_strsplit_set (lower, " \t", -1);

      g_hash_table_add (set, g_strdup (lower));
      for (guint j = 0; parts[j] != NULL; j++)
        if (parts[j][0] != '\0')
          g_hash_table_add (set, g_strdup (parts[j]));
    }

  return set;
}

/* Frees what @findings holds, not @findings itself. */
void
helder_language_findings_clear (HelderLanguageFindings *findings)
{
  g_clear_pointer (&findings->diagnostics, g_ptr_array_unref);
  *findings = (HelderLanguageFindings) { 0 };
}

/* The state of one run of the rules over a text. */
typedef struct
{
  const HelderCheckSettings *settings;
  GHashTable                   *course_words;
  const char                   *text;
  const HelderTokens           *tokens;
  HelderLanguageFindings       *findings;
  char                        **lower;       /* per token: lower-case text, words only */
  gboolean                     *misspelled;  /* per token */
} Run;

static const HelderToken *
token_at (Run  *run,
          guint i)
{
  return &g_array_index (run->tokens->tokens, HelderToken, i);
}

static gboolean
in_list (const char * const *list,
         const char         *word)
{
  return word != NULL && g_strv_contains (list, word);
}

static HelderDiagnostic *
add (Run            *run,
     gsize           start,
     gsize           end,
     HelderSeverity  severity,
     const char     *rule,
     const char     *message)
{
  HelderDiagnostic *diagnostic = helder_diagnostic_new ("", start, end, 0, 0, severity,
                                                        rule, message);

  g_ptr_array_add (run->findings->diagnostics, diagnostic);
  return diagnostic;
}

static char *
token_text (Run  *run,
            guint i)
{
  const HelderToken *token = token_at (run, i);

  return g_strndup (run->text + token->start, token->end - token->start);
}

/* A word of letters that the word rules look at: not code, not an
 * address, not a number.
 */
static gboolean
is_checked_word (Run  *run,
                 guint i)
{
  const HelderToken *token = token_at (run, i);

  return token->kind == HELDER_TOKEN_WORD && !(token->flags & HELDER_TOKEN_CODE);
}

static gboolean
is_course_word (Run  *run,
                guint i)
{
  return run->lower[i] != NULL && g_hash_table_contains (run->course_words, run->lower[i]);
}

/* A name: capitalised inside a sentence, or an acronym (AI, AVG). */
static gboolean
is_name (Run  *run,
         guint i)
{
  const HelderToken *token = token_at (run, i);

  return (token->flags & HELDER_TOKEN_ALL_CAPS) ||
         ((token->flags & HELDER_TOKEN_CAPITALISED) && !(token->flags & HELDER_TOKEN_FIRST));
}

static gboolean
has_digit (const char *word)
{
  for (const char *p = word; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      return TRUE;
  return FALSE;
}

/* A word is spelled right when hunspell knows it as written, or each part
 * between hyphens is known, a course word or an acronym.
 */
static gboolean
spelled_right (Run        *run,
               const char *word,
               gsize       length)
{
  const char *end = word + length;
  const char *p = word;

  if (helder_spelling_check (word, length))
    return TRUE;
  if (memchr (word, '-', length) == NULL)
    return FALSE;

  while (p < end)
    {
      const char *q = memchr (p, '-', end - p);
      gsize part = (q != NULL ? q : end) - p;
      g_autofree char *lower = g_utf8_strdown (p, part);
      g_autofree char *upper = g_utf8_strup (p, part);

      if (part > 0 && !helder_spelling_check (p, part) &&
          !g_hash_table_contains (run->course_words, lower) &&
          strncmp (upper, p, part) != 0)
        return FALSE;
      p = q != NULL ? q + 1 : end;
    }

  return TRUE;
}

static void
check_spelling (Run  *run,
                guint i)
{
  const HelderToken *token = token_at (run, i);
  g_autofree char *word = NULL;
  g_autofree char *message = NULL;
  HelderDiagnostic *diagnostic;

  if (!run->settings->spelling || !helder_spelling_is_available () ||
      is_course_word (run, i) || (token->flags & HELDER_TOKEN_ALL_CAPS) ||
      has_digit (run->lower[i]))
    return;

  if (spelled_right (run, run->text + token->start, token->end - token->start))
    return;

  run->misspelled[i] = TRUE;
  word = token_text (run, i);
  message = g_strdup_printf (_("unknown word “%s”; correct the spelling, or add the word "
                               "to the course's words.txt if it is right"), word);
  diagnostic = add (run, token->start, token->end, HELDER_SEVERITY_WARNING, "spelling", message);

  if (run->settings->spelling_suggestions)
    {
      g_autoptr(GPtrArray) suggestions = helder_spelling_suggest (word, -1);

      for (guint s = 0; s < suggestions->len; s++)
        helder_diagnostic_add_suggestion (diagnostic, g_ptr_array_index (suggestions, s));
    }
}

static guint
rank_of (const char *word)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (get_data ()->ranks, word));
}

/* The better of two ranks, where 0 means "not in the list". */
static guint
better_rank (guint a,
             guint b)
{
  return a == 0 ? b : b == 0 ? a : MIN (a, b);
}

/* How common a word is for a reader: its own rank, or that of its stem
 * (bruggen → brug) or its form without an ending (grotere → groter), or,
 * for a compound of two listed words, the rank of the rarer part
 * (cursus + pagina). 0 when none of these is listed.
 */
static guint
compute_rank (const char *word)
{
  static const char * const endings[] = { "s", "'s", "en", "e", "je", "tje", "jes", "tjes",
                                          "er", "ste", "t", "de", "te", NULL };
  gsize length = strlen (word);
  guint rank = rank_of (word);
  g_autoptr(GPtrArray) stems = NULL;

  if (rank > 0)
    return rank;

  stems = helder_spelling_stems (word);
  for (guint s = 0; s < stems->len; s++)
    {
      const char *stem = g_ptr_array_index (stems, s);
      g_autofree char *infinitive = g_strconcat (stem, "en", NULL);
      gsize n = strlen (stem);

      rank = better_rank (rank, better_rank (rank_of (stem), rank_of (infinitive)));
      /* selecteer → selecteren: a doubled vowel before the last consonant
       * is written single before -en.
       */
      if (n >= 4 && stem[n - 2] == stem[n - 3] && strchr ("aeou", stem[n - 2]) != NULL)
        {
          g_autofree char *single = g_strdup_printf ("%.*s%cen", (int) (n - 2), stem,
                                                     stem[n - 1]);

          rank = better_rank (rank, rank_of (single));
        }
    }
  if (rank > 0)
    return rank;

  for (guint e = 0; endings[e] != NULL; e++)
    {
      gsize n = strlen (endings[e]);

      if (length > n + 2 && g_str_has_suffix (word, endings[e]))
        {
          g_autofree char *stem = g_strndup (word, length - n);

          rank = better_rank (rank, rank_of (stem));
        }
    }
  if (rank > 0)
    return rank;

  for (gsize split = 3; split + 3 <= length; split++)
    {
      g_autofree char *first = NULL;
      guint head_rank;
      guint first_rank;

      if ((word[split] & 0xC0) == 0x80)
        continue;
      head_rank = rank_of (word + split);
      if (head_rank == 0)
        {
          g_autoptr(GPtrArray) head_stems = helder_spelling_stems (word + split);

          for (guint s = 0; s < head_stems->len; s++)
            head_rank = better_rank (head_rank, rank_of (g_ptr_array_index (head_stems, s)));
          if (head_rank == 0)
            continue;
        }
      first = g_strndup (word, split);
      first_rank = rank_of (first);
      /* A linking s or e between the parts: arbeid-s-markt. */
      if (first_rank == 0 && split > 3 && (word[split - 1] == 's' || word[split - 1] == 'e'))
        {
          g_autofree char *shorter = g_strndup (word, split - 1);

          first_rank = rank_of (shorter);
        }
      if (first_rank > 0)
        rank = better_rank (rank, MAX (head_rank, first_rank));
    }

  return rank;
}

static guint
effective_rank (const char *word)
{
  static GHashTable *cache = NULL;
  static GMutex lock;
  gpointer cached;
  guint rank;

  g_mutex_lock (&lock);
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_hash_table_lookup_extended (cache, word, NULL, &cached))
    {
      g_mutex_unlock (&lock);
      return GPOINTER_TO_UINT (cached);
    }
  g_mutex_unlock (&lock);

  rank = compute_rank (word);

  g_mutex_lock (&lock);
  g_hash_table_insert (cache, g_strdup (word), GUINT_TO_POINTER (rank));
  g_mutex_unlock (&lock);

  return rank;
}

static gboolean
is_common (Run        *run,
           const char *word,
           guint       band)
{
  guint rank = effective_rank (word);

  return rank > 0 && rank <= band;
}

static gboolean
is_rare (Run  *run,
         guint i)
{
  const char *word = run->lower[i];

  if (is_course_word (run, i) || is_name (run, i) || run->misspelled[i] ||
      g_utf8_strlen (word, -1) < 4 || has_digit (word) || strchr (word, '\'') != NULL)
    return FALSE;

  if (strchr (word, '-') != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (word, "-", -1);

      for (guint p = 0; parts[p] != NULL; p++)
        if (g_utf8_strlen (parts[p], -1) >= 4 &&
            !is_common (run, parts[p], run->settings->rare_word_rank) &&
            !g_hash_table_contains (run->course_words, parts[p]))
          return TRUE;
      return FALSE;
    }

  return !is_common (run, word, run->settings->rare_word_rank);
}

static void
check_word (Run      *run,
            guint     i,
            gboolean  counted)
{
  const HelderToken *token = token_at (run, i);
  HelderReadabilityCounts *counts = &run->findings->counts;
  guint syllables = helder_syllables_count (run->text + token->start, token->end - token->start);
  gboolean rare;

  check_spelling (run, i);
  rare = is_rare (run, i);

  if (syllables > run->settings->long_word_syllables && !is_course_word (run, i) &&
      !is_name (run, i) && !is_common (run, run->lower[i], run->settings->long_word_common_rank))
    {
      g_autofree char *word = token_text (run, i);
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "“%s” is a long word (%u syllable); use a shorter word, "
                                      "or explain it",
                                      "“%s” is a long word (%u syllables); use a shorter word, "
                                      "or explain it", syllables),
                         word, syllables);

      add (run, token->start, token->end, HELDER_SEVERITY_HINT, "b1-long-word", message);
    }

  if (rare)
    {
      g_autofree char *word = token_text (run, i);
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a common word; use a common word, or explain it "
                           "(add course terms to words.txt)"), word);

      add (run, token->start, token->end, HELDER_SEVERITY_HINT, "b1-rare-word", message);
    }

  if (!counted)
    return;
  counts->letter_words++;
  counts->syllables += syllables;
  if (syllables > run->settings->long_word_syllables)
    counts->long_words++;
  if (rare)
    counts->rare_words++;
}

/* Copies @alternative, with a capital when the replaced text had one. */
static char *
match_case (const char *alternative,
            gboolean    capital)
{
  gunichar first = g_utf8_get_char (alternative);
  char buffer[8];
  int n;

  if (!capital)
    return g_strdup (alternative);

  n = g_unichar_to_utf8 (g_unichar_toupper (first), buffer);
  buffer[n] = '\0';
  return g_strconcat (buffer, g_utf8_next_char (alternative), NULL);
}

/* Returns the number of tokens matched at @i, or 0. */
static guint
check_bureaucratic (Run  *run,
                    guint i,
                    guint last)
{
  GPtrArray *entries = g_hash_table_lookup (get_data ()->bureaucratic, run->lower[i]);
  const Bureaucratic *best = NULL;
  guint best_length = 0;
  g_autofree char *phrase = NULL;
  g_autofree char *message = NULL;
  HelderDiagnostic *diagnostic;
  const HelderToken *first;
  const HelderToken *end;

  if (entries == NULL)
    return 0;

  /* The longest phrase that matches wins: "ten behoeve van" over "ten". */
  for (guint e = 0; e < entries->len; e++)
    {
      const Bureaucratic *entry = g_ptr_array_index (entries, e);
      guint n = g_strv_length (entry->words);
      gboolean match = i + n <= last;

      for (guint w = 1; match && w < n; w++)
        match = run->lower[i + w] != NULL && g_str_equal (run->lower[i + w], entry->words[w]);
      if (match && n > best_length)
        {
          best = entry;
          best_length = n;
        }
    }

  if (best == NULL)
    return 0;

  first = token_at (run, i);
  end = token_at (run, i + best_length - 1);
  phrase = g_strndup (run->text + first->start, end->end - first->start);
  message = g_strdup_printf (_("“%s” is formal, official language; write “%s”"),
                             phrase, best->alternatives[0]);
  diagnostic = add (run, first->start, end->end, HELDER_SEVERITY_WARNING, "b1-bureaucratic",
                    message);
  for (guint a = 0; best->alternatives[a] != NULL; a++)
    {
      g_autofree char *suggestion =
        match_case (best->alternatives[a], (first->flags & HELDER_TOKEN_CAPITALISED) != 0);

      helder_diagnostic_add_suggestion (diagnostic, suggestion);
    }

  return best_length;
}

/* Strong participles with be-, ver-, ont- or her- (ge- ones are found by
 * their shape).
 */
static const char * const strong_participles[] = {
  "begonnen", "bedrogen", "besloten", "beschreven", "besproken", "bestreden", "bevolen",
  "bevonden", "bewezen", "herschreven", "ontnomen", "ontvangen", "verboden", "verbonden",
  "verbroken", "verdwenen", "vergeten", "verkozen", "verkregen", "verloren", "vermeden",
  "verschenen", "verslagen", "vertrokken", "verzonden", "verworven", "ondernomen", NULL
};

static gboolean
is_known (const char *word)
{
  return !helder_spelling_is_available () || helder_spelling_check_dutch (word, -1);
}

/* A known word, other than the one given, made of @word with its last
 * @drop bytes replaced by @add.
 */
static gboolean
variant_is_known (const char *word,
                  gsize       drop,
                  const char *add)
{
  g_autofree char *stem = g_strndup (word, strlen (word) - drop);
  g_autofree char *variant = g_strconcat (stem, add, NULL);

  return helder_spelling_is_available () && helder_spelling_check_dutch (variant, -1);
}

static gboolean
has_participle_shape (const char *word)
{
  static const char * const prefixes[] = { "be", "ver", "ont", "her", "er", NULL };
  gsize length = strlen (word);
  gboolean ge = g_str_has_prefix (word, "ge");

  /* Plurals of -ing nouns (omgevingen) are no participles. */
  if (length < 5 || g_str_has_suffix (word, "ingen"))
    return FALSE;

  if (g_str_has_suffix (word, "en"))
    /* gebroken, not gebruiken (gebruik is a word); be-/ver- only if strong. */
    return ge ? !variant_is_known (word, 2, "") : in_list (strong_participles, word);

  if (!g_str_has_suffix (word, "d") && !g_str_has_suffix (word, "t"))
    return FALSE;
  /* verstuurt is the present tense when verstuurd exists; belangrijkst a
   * superlative of belangrijk.
   */
  if (g_str_has_suffix (word, "t") && variant_is_known (word, 1, "d"))
    return FALSE;
  if (g_str_has_suffix (word, "st") && variant_is_known (word, 2, ""))
    return FALSE;
  if (ge)
    return TRUE;

  for (guint p = 0; prefixes[p] != NULL; p++)
    if (g_str_has_prefix (word, prefixes[p]) && length > strlen (prefixes[p]) + 2)
      return TRUE;

  return FALSE;
}

/* ge…d/t/en, be-/ver-/ont-/her-/er-…d/t, a strong participle, or a
 * separable particle in front of ge… (aangepast, uitgelegd); known to the
 * Dutch dictionary and not a name.
 */
static gboolean
is_participle (Run  *run,
               guint i)
{
  const char *word = run->lower[i];
  gboolean shape;

  if (word == NULL || in_list (not_participles, word) || is_name (run, i))
    return FALSE;

  shape = has_participle_shape (word);
  for (guint p = 0; !shape && particles[p] != NULL; p++)
    if (g_str_has_prefix (word, particles[p]) &&
        g_str_has_prefix (word + strlen (particles[p]), "ge"))
      shape = has_participle_shape (word + strlen (particles[p]));

  return shape && is_known (word);
}

static gboolean
ends_clause (Run  *run,
             guint i)
{
  const HelderToken *token = token_at (run, i);

  return token->kind == HELDER_TOKEN_PUNCTUATION && strchr (",;:()", run->text[token->start]);
}

/* The clause of token @i: from the previous to the next , ; : ( ). */
static void
clause_bounds (Run   *run,
               guint  i,
               guint  first,
               guint  last,
               guint *clause_first,
               guint *clause_last)
{
  guint a = i;
  guint b = i;

  while (a > first && !ends_clause (run, a - 1))
    a--;
  while (b + 1 < last && !ends_clause (run, b + 1))
    b++;
  *clause_first = a;
  *clause_last = b;
}

/* The last word of the clause that ends at @clause_last. */
static guint
last_word (Run  *run,
           guint clause_first,
           guint clause_last)
{
  guint b = clause_last;

  while (b > clause_first && run->lower[b] == NULL)
    b--;
  return b;
}

static void
add_passive (Run            *run,
             guint           a,
             guint           b,
             HelderSeverity  severity,
             const char     *rule)
{
  const HelderToken *from = token_at (run, MIN (a, b));
  const HelderToken *to = token_at (run, MAX (a, b));
  g_autofree char *auxiliary = token_text (run, a);
  g_autofree char *participle = token_text (run, b);
  g_autofree char *message = NULL;

  if (severity == HELDER_SEVERITY_WARNING)
    message = g_strdup_printf (_("passive voice (“%s … %s”); say who does it, for example "
                                 "“de docent %s …”"), auxiliary, participle,
                               participle);
  else
    message = g_strdup_printf (_("maybe passive voice (“%s … %s”); if someone does it, say "
                                 "who"), auxiliary, participle);
  add (run, from->start, to->end, severity, rule, message);
}

/* Returns TRUE when the sentence has a passive with "worden". */
static gboolean
check_passives (Run  *run,
                guint first,
                guint last)
{
  gboolean found = FALSE;

  for (guint i = first; i < last; i++)
    {
      gboolean worden = in_list (worden_forms, run->lower[i]);
      gboolean zijn = in_list (zijn_forms, run->lower[i]);
      guint clause_first;
      guint clause_last;
      guint end_word;
      guint participle = G_MAXUINT;

      if (!worden && !zijn)
        continue;

      clause_bounds (run, i, first, last, &clause_first, &clause_last);
      end_word = last_word (run, clause_first, clause_last);

      /* Main clause: participle at the end (wordt … gebruikt). Subordinate
       * clause: participle right before the verb (die gebruikt wordt).
       */
      if (end_word > i && is_participle (run, end_word))
        participle = end_word;
      else if (i > clause_first && is_participle (run, i - 1))
        participle = i - 1;
      else if (worden)
        for (guint j = i + 1; j <= clause_last && participle == G_MAXUINT; j++)
          if (is_participle (run, j))
            participle = j;

      if (participle == G_MAXUINT)
        continue;

      if (worden && !g_str_equal (run->lower[participle], "geworden"))
        {
          add_passive (run, i, participle, HELDER_SEVERITY_WARNING, "b1-passive");
          found = TRUE;
        }
      else if (zijn && !in_list (zijn_perfects, run->lower[participle]) &&
               !(i > first && in_list (prepositions, run->lower[i - 1])))
        add_passive (run, i, participle, HELDER_SEVERITY_HINT, "b1-passive-zijn");
    }

  return found;
}

static gboolean
is_nominalisation (Run  *run,
                   guint i)
{
  static const char * const endings[] = {
    "ing", "ingen", "atie", "aties", "heid", "heden", "name", "names", NULL
  };
  const char *word = run->lower[i];

  if (word == NULL || is_course_word (run, i) || is_name (run, i) || strlen (word) < 7)
    return FALSE;

  for (guint e = 0; endings[e] != NULL; e++)
    if (g_str_has_suffix (word, endings[e]))
      return TRUE;

  return FALSE;
}

static void
check_nominalisations (Run  *run,
                       guint first,
                       guint last)
{
  guint n = 0;
  guint from = 0;
  guint to = 0;

  for (guint i = first; i < last; i++)
    {
      /* "het verstrekken van": an infinitive used as a noun. */
      gboolean infinitive = i + 2 < last && run->lower[i] != NULL &&
                            g_str_equal (run->lower[i], "het") && run->lower[i + 1] != NULL &&
                            g_str_has_suffix (run->lower[i + 1], "en") &&
                            strlen (run->lower[i + 1]) >= 6 && run->lower[i + 2] != NULL &&
                            g_str_equal (run->lower[i + 2], "van");
      guint at = infinitive ? i + 1 : i;

      if (!infinitive && !is_nominalisation (run, i))
        continue;
      if (n++ == 0)
        from = at;
      to = at;
    }

  if (n >= run->settings->nominalisations && n > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u noun made from a verb in one sentence; write with "
                                      "verbs (“het aanvragen van” → “aanvragen”)",
                                      "%u nouns made from verbs in one sentence; write with "
                                      "verbs (“het aanvragen van” → “aanvragen”)", n), n);

      add (run, token_at (run, from)->start, token_at (run, to)->end, HELDER_SEVERITY_HINT,
           "b1-nominalisation", message);
    }
}

/* "de door de minister voorgestelde regeling": an article, then a
 * preposition, then words up to a participle or adjective and its noun.
 */
static void
check_noun_phrases (Run  *run,
                    guint first,
                    guint last)
{
  for (guint i = first; i + 2 < last; i++)
    {
      guint words = 0;

      if (!in_list (determiners, run->lower[i]) || !in_list (prepositions, run->lower[i + 1]))
        continue;

      for (guint j = i + 2; j + 1 < last && run->lower[j] != NULL; j++)
        {
          const char *w = run->lower[j];

          words++;
          if (!in_list (determiners, w) && !in_list (prepositions, w) &&
              strlen (w) >= 5 && (g_str_has_suffix (w, "e") || is_participle (run, j)) &&
              run->lower[j + 1] != NULL)
            {
              if (words + 1 > run->settings->noun_phrase_words)
                {
                  g_autofree char *phrase =
                    g_strndup (run->text + token_at (run, i)->start,
                               token_at (run, j + 1)->end - token_at (run, i)->start);
                  g_autofree char *message =
                    g_strdup_printf (_("long noun phrase “%s”; put the description after "
                                       "the noun, in a clause with “die” or “dat”"), phrase);

                  add (run, token_at (run, i)->start, token_at (run, j + 1)->end,
                       HELDER_SEVERITY_WARNING, "b1-noun-phrase", message);
                }
              i = j + 1;
              break;
            }
        }
    }
}

/* A finite verb far from the verb or participle that closes its clause. */
static void
check_verb_brackets (Run  *run,
                     guint first,
                     guint last)
{
  for (guint i = first; i < last; i++)
    {
      guint clause_first;
      guint clause_last;
      guint end_word;
      guint between = 0;
      const char *closing;

      if (!in_list (bracket_openers, run->lower[i]))
        continue;

      clause_bounds (run, i, first, last, &clause_first, &clause_last);
      end_word = last_word (run, clause_first, clause_last);
      closing = run->lower[end_word];
      if (end_word <= i || closing == NULL ||
          !(is_participle (run, end_word) ||
            (g_str_has_suffix (closing, "en") && helder_spelling_check_dutch (closing, -1) &&
             !in_list (worden_forms, run->lower[i]) && !in_list (zijn_forms, run->lower[i]) &&
             !g_str_has_prefix (run->lower[i], "he") && !g_str_equal (run->lower[i], "had") &&
             !g_str_equal (run->lower[i], "hadden"))))
        {
          i = clause_last;
          continue;
        }

      for (guint j = i + 1; j < end_word; j++)
        if (run->lower[j] != NULL)
          between++;

      if (between > run->settings->verb_bracket_words)
        {
          g_autofree char *opener = token_text (run, i);
          g_autofree char *closer = token_text (run, end_word);
          g_autofree char *message =
            g_strdup_printf (_("%u words between “%s” and “%s”; put the verbs closer "
                               "together, or split the sentence"), between, opener, closer);

          add (run, token_at (run, i)->start, token_at (run, end_word)->end,
               HELDER_SEVERITY_WARNING, "b1-verb-bracket", message);
        }
      i = clause_last;
    }
}

static void
check_impersonal (Run  *run,
                  guint i)
{
  const HelderToken *token = token_at (run, i);
  g_autofree char *word = NULL;
  g_autofree char *message = NULL;
  HelderDiagnostic *diagnostic;
  gboolean capital;

  if (!in_list (impersonal_words, run->lower[i]))
    return;

  word = token_text (run, i);
  capital = (token->flags & HELDER_TOKEN_CAPITALISED) != 0;
  message = g_strdup_printf (_("“%s” talks about the reader; address the reader with “je” "
                               "or “u”"), word);
  diagnostic = add (run, token->start, token->end, HELDER_SEVERITY_HINT, "b1-impersonal",
                    message);
  /* Only "men" can be swapped word for word; the nouns need a new sentence. */
  if (g_str_equal (run->lower[i], "men"))
    {
      helder_diagnostic_add_suggestion (diagnostic, capital ? "Je" : "je");
      helder_diagnostic_add_suggestion (diagnostic, capital ? "U" : "u");
    }
}

/* A sentence whose long part is a quotation (after „ “ or ") quotes
 * someone else, a law or a person: the author cannot shorten it, only
 * explain it.
 */
static gboolean
is_quotation (Run                  *run,
              const HelderSentence *sentence)
{
  static const char * const marks[] = { "„", "“", "\"", "«", NULL };
  gsize from = sentence->start >= 4 ? sentence->start - 4 : 0;
  gsize opening = G_MAXSIZE;
  guint quoted = 0;

  for (guint m = 0; marks[m] != NULL; m++)
    {
      const char *found = g_strstr_len (run->text + from, sentence->end - from, marks[m]);

      if (found != NULL)
        opening = MIN (opening, (gsize) (found - run->text));
    }
  if (opening == G_MAXSIZE)
    return FALSE;

  for (guint i = sentence->first_token; i < sentence->first_token + sentence->n_tokens; i++)
    if (token_at (run, i)->start > opening && helder_token_is_word (token_at (run, i)))
      quoted++;

  return quoted > run->settings->sentence_warning_words;
}

static void
check_sentence (Run                  *run,
                const HelderSentence *sentence)
{
  guint first = sentence->first_token;
  guint last = first + sentence->n_tokens;
  HelderReadabilityCounts *counts = &run->findings->counts;

  if (sentence->n_words > run->settings->sentence_warning_words && is_quotation (run, sentence))
    {
      g_autofree char *message =
        g_strdup_printf (_("quotation of %u words; a quotation cannot be shortened, so explain "
                           "it in short sentences of your own"), sentence->n_words);

      add (run, sentence->start, sentence->end, HELDER_SEVERITY_HINT, "b1-sentence-long",
           message);
    }
  else if (sentence->n_words > run->settings->sentence_warning_words)
    {
      gboolean error = sentence->n_words > run->settings->sentence_error_words;
      g_autofree char *message =
        g_strdup_printf (_("sentence of %u words; split it into sentences of at most %u "
                           "words"), sentence->n_words, run->settings->sentence_warning_words);

      add (run, sentence->start, sentence->end,
           error ? HELDER_SEVERITY_ERROR : HELDER_SEVERITY_WARNING, "b1-sentence-long", message);
    }

  for (guint i = first, phrase_end = first; i < last; i++)
    {
      if (run->lower[i] == NULL)
        continue;
      if (in_list (address_words, run->lower[i]))
        run->findings->address_words++;
      if (is_checked_word (run, i))
        check_word (run, i, sentence->role != HELDER_TEXT_HEADING);
      check_impersonal (run, i);
      /* No phrase starts inside another one. */
      if (i >= phrase_end)
        phrase_end = i + check_bureaucratic (run, i, last);
    }

  if (check_passives (run, first, last) && sentence->role != HELDER_TEXT_HEADING)
    counts->passives++;
  check_nominalisations (run, first, last);
  check_noun_phrases (run, first, last);
  check_verb_brackets (run, first, last);

  if (sentence->role != HELDER_TEXT_HEADING)
    {
      counts->words += sentence->n_words;
      counts->sentences++;
      run->findings->prose_words += sentence->n_words;
    }
}

/**
 * helder_language_rules_run:
 * @course_words: set of lower-case words from helder_language_course_words_new()
 * @findings: (out caller-allocates): where the findings go; clear with
 *   helder_language_findings_clear()
 *
 * Runs every sentence and word rule on @tokens, read from @text.
 */
void
helder_language_rules_run (const HelderCheckSettings *settings,
                           GHashTable                   *course_words,
                           const char                   *text,
                           const HelderTokens           *tokens,
                           HelderLanguageFindings       *findings)
{
  Run run = { settings, course_words, text, tokens, findings, NULL, NULL };
  guint n = tokens->tokens->len;

  g_return_if_fail (settings != NULL);
  g_return_if_fail (course_words != NULL);
  g_return_if_fail (findings != NULL);

  *findings = (HelderLanguageFindings) { 0 };
  findings->diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);

  run.lower = g_new0 (char *, n + 1);
  run.misspelled = g_new0 (gboolean, n + 1);
  for (guint i = 0; i < n; i++)
    {
      const HelderToken *token = token_at (&run, i);

      if (token->kind == HELDER_TOKEN_WORD || token->kind == HELDER_TOKEN_ABBREVIATION)
        run.lower[i] = g_utf8_strdown (text + token->start, token->end - token->start);
    }

  for (guint s = 0; s < tokens->sentences->len; s++)
    check_sentence (&run, &g_array_index (tokens->sentences, HelderSentence, s));

  /* Sparse: non-words have no entry, so g_strfreev() would stop early. */
  for (guint i = 0; i < n; i++)
    g_free (run.lower[i]);
  g_free (run.lower);
  g_free (run.misspelled);
}

/**
 * helder_language_add_spelling_suggestions:
 * @text: the source the diagnostic points into (the page text)
 *
 * Gives a spelling finding its replacements, when someone wants them: in
 * the editor's menu, or in `helder-cli check --json`.
 *
 * Returns: whether @diagnostic has suggestions now
 */
gboolean
helder_language_add_spelling_suggestions (HelderDiagnostic *diagnostic,
                                          const char       *text)
{
  g_autoptr(GPtrArray) suggestions = NULL;

  g_return_val_if_fail (diagnostic != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (!g_str_equal (diagnostic->rule, "spelling") || diagnostic->suggestions->len > 0)
    return diagnostic->suggestions->len > 0;

  suggestions = helder_spelling_suggest (text + diagnostic->start,
                                         diagnostic->end - diagnostic->start);
  for (guint i = 0; i < suggestions->len; i++)
    helder_diagnostic_add_suggestion (diagnostic, g_ptr_array_index (suggestions, i));

  return diagnostic->suggestions->len > 0;
}

/**
 * helder_text_apply_suggestion:
 *
 * Returns: (transfer full): @text with the range of @diagnostic replaced by
 *   its suggestion number @suggestion
 */
char *
helder_text_apply_suggestion (const char             *text,
                              const HelderDiagnostic *diagnostic,
                              guint                   suggestion)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (diagnostic != NULL, NULL);
  g_return_val_if_fail (suggestion < diagnostic->suggestions->len, NULL);
  g_return_val_if_fail (diagnostic->end <= strlen (text), NULL);

  out = g_string_new_len (text, diagnostic->start);
  g_string_append (out, g_ptr_array_index (diagnostic->suggestions, suggestion));
  g_string_append (out, text + diagnostic->end);

  return g_string_free (out, FALSE);
}
