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

/* Participles that after "zijn" name a state, not an action (de deur is
 * gesloten, AI is verboden): no passive, unless "door" says who acted.
 */
static const char * const state_participles[] = {
  "aangesloten", "bedoeld", "begrepen", "bekend", "beperkt", "beschikbaar", "bestemd",
  "betrokken", "bezet", "bezorgd", "gebaseerd", "gebonden", "gedwongen", "geïnteresseerd",
  "geopend", "gericht", "gesloten", "geregeld", "gevestigd", "gewend", "gewenst", "getrouwd",
  "ingewikkeld", "inbegrepen", "opgelucht", "toegestaan", "uitgesloten", "verbaasd",
  "verboden", "verbonden", "verdeeld", "vereist", "verliefd", "verplicht", "verrast",
  "verwacht", "verzekerd", NULL
};

/* Words that look like participles (ge…d/t/en) but are not. */
static const char * const not_participles[] = {
  "gebied", "gebieden", "gebit", "gebouwen", "gedachten", "gedicht", "geld", "gemeenten",
  "genoegen", "gerecht", "gevolgen", "gewicht", "gewoonten", "gezicht", "gezond",
  "geluid", "getuigen", "geleden", "gelijkheid", "beter", "bedrijven", "verhalen", NULL
};

/* Separable particles before the "ge" of a participle (aangepast), and
 * in front of words (intypen).
 */
static const char * const particles[] = {
  "aan", "af", "bij", "door", "in", "los", "mee", "na", "neer", "om", "op", "over",
  "rond", "samen", "tegen", "terug", "toe", "uit", "vast", "voor", "vrij", "weg", NULL
};

/* Prefixes that make a familiar word into another one a reader knows
 * (on-herkenbaar); with the particles above.
 */
static const char * const word_prefixes[] = { "on", NULL };

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

/* Function words: the closed classes (articles, pronouns, prepositions,
 * conjunctions, auxiliaries and common adverbs). The other words are
 * content words, whose familiarity the difficulty score uses (as LiNT).
 */
static const char * const function_words[] = {
  "aan", "af", "al", "alle", "als", "bij", "ben", "bent", "daar", "dan", "dat", "de", "deze",
  "die", "dit", "door", "drie", "een", "en", "er", "geen", "had", "hadden", "heb", "hebben",
  "hebt", "heeft", "hem", "het", "hier", "hij", "hoe", "hun", "ik", "in", "is", "ja", "je",
  "jij", "jou", "jouw", "jullie", "kan", "kon", "kun", "kunnen", "kunt", "maar", "me", "met",
  "mij", "mijn", "moet", "moeten", "na", "naar", "nee", "niet", "niets", "nog", "nu", "of",
  "om", "omdat", "ons", "onze", "ook", "op", "over", "te", "tegen", "toen", "tot", "twee", "u",
  "uit", "uw", "van", "veel", "voor", "waar", "wanneer", "want", "was", "wat", "we", "wel",
  "welke", "werd", "werden", "wie", "wij", "wil", "wilt", "word", "worden", "wordt", "zal",
  "ze", "zich", "zij", "zijn", "zo", "zou", "zouden", "zullen", "zult", "dus", "terwijl",
  "hun", "haar", "jezelf", "zelf", "iets", "iemand", "ieder", "elke", "elk", "meer", "minder",
  "waren", "mag", "mogen", "mocht", "moest", "moesten", "wilde", "wilden", "kon", "konden",
  "hebben", "één", "tijdens", "sinds", "via", "zonder", "onder", "boven", "tussen", "binnen",
  "buiten", "volgens", "vanaf", "nadat", "voordat", "toch", "dus", "daarom", "zoals", NULL
};

/* Words that open a clause of their own after a comma (clauses are what
 * LiNT counts content words per; without a parser, these mark them).
 */
static const char * const clause_openers[] = {
  "dat", "die", "omdat", "als", "wanneer", "indien", "terwijl", "nadat", "voordat", "zodat",
  "hoewel", "waardoor", "waarbij", "waarin", "waarmee", "welke", "wat", "waar", "en", "maar",
  "want", "dus", "of", "tenzij", "mits", "zodra", "totdat", NULL
};

/* Words that stand for the reader without addressing them. */
static const char * const impersonal_words[] = {
  "men", "aanvrager", "aanvragers", "belanghebbende", "belanghebbenden", NULL
};

/* The three lists of words with a plainer alternative, and their rules. */
typedef enum
{
  PHRASE_BUREAUCRATIC, /* formal language: b1-bureaucratic */
  PHRASE_JARGON,       /* English and specialist terms: b1-jargon */
  PHRASE_ABBREVIATION, /* abbreviations to write out: b1-abbreviation */
} PhraseKind;

typedef struct
{
  PhraseKind kind;
  char     **words;        /* the phrase, one lower-case word each */
  char      *written;      /* an abbreviation as it is written (AVG, KvK) */
  char     **alternatives; /* empty for a term that needs explaining */
} Phrase;

typedef struct
{
  GHashTable *zipf;    /* word → Zipf frequency in hundredths (GUINT) */
  GHashTable *phrases; /* first lower-case word → GPtrArray of Phrase* */
  GHashTable *function_words; /* set of function_words[] */
} LanguageData;

static void
phrase_free (Phrase *entry)
{
  g_strfreev (entry->words);
  g_free (entry->written);
  g_strfreev (entry->alternatives);
  g_free (entry);
}

static gboolean
is_comment_or_empty (const char *line)
{
  return line[0] == '\0' || line[0] == '#';
}

/* Reads one list of `phrase<TAB>alternative|alternative` lines. */
static void
load_phrases (GHashTable *phrases,
              const char *list,
              PhraseKind  kind)
{
  g_autoptr(GBytes) bytes = helder_dictionaries_load_list (list);
  g_auto(GStrv) lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = NULL;
      g_autofree char *lower = NULL;
      Phrase *entry;
      GPtrArray *entries;

      if (is_comment_or_empty (lines[i]))
        continue;
      columns = g_strsplit (lines[i], "\t", 2);
      if (columns[1] == NULL)
        continue;
      lower = g_utf8_strdown (columns[0], -1);
      entry = g_new0 (Phrase, 1);
      entry->kind = kind;
      entry->words = g_strsplit (lower, " ", -1);
      entry->written = kind == PHRASE_ABBREVIATION ? g_strdup (columns[0]) : NULL;
      entry->alternatives = columns[1][0] != '\0' ? g_strsplit (columns[1], "|", -1)
                                                  : g_new0 (char *, 1);
      entries = g_hash_table_lookup (phrases, entry->words[0]);
      if (entries == NULL)
        {
          entries = g_ptr_array_new_with_free_func ((GDestroyNotify) phrase_free);
          g_hash_table_insert (phrases, g_strdup (entry->words[0]), entries);
        }
      g_ptr_array_add (entries, entry);
    }
}

static const LanguageData *
get_data (void)
{
  static LanguageData *data = NULL;

  if (g_once_init_enter (&data))
    {
      LanguageData *self = g_new0 (LanguageData, 1);
      g_autoptr(GBytes) frequencies = helder_dictionaries_load_list ("frequency.txt");
      g_auto(GStrv) lines = NULL;

      self->zipf = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      lines = g_strsplit (g_bytes_get_data (frequencies, NULL), "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          char *tab = strchr (lines[i], '\t');

          if (is_comment_or_empty (lines[i]) || tab == NULL)
            continue;
          *tab = '\0';
          g_hash_table_insert (self->zipf, g_strdup (lines[i]),
                               GUINT_TO_POINTER ((guint) (g_ascii_strtod (tab + 1, NULL) * 100.0 +
                                                          0.5)));
        }

      self->phrases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_ptr_array_unref);
      load_phrases (self->phrases, "bureaucratic.txt", PHRASE_BUREAUCRATIC);
      load_phrases (self->phrases, "jargon.txt", PHRASE_JARGON);
      load_phrases (self->phrases, "abbreviations.txt", PHRASE_ABBREVIATION);

      /* Looked up for every word: a set rather than a list. */
      self->function_words = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; function_words[i] != NULL; i++)
        g_hash_table_add (self->function_words, (gpointer) function_words[i]);

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
  guint                        *quoted;      /* per token: its quoted passage (1, 2, …), or 0 */
  guint8                       *names;       /* per token: 0 not known yet, 1 no name, 2 name */
  guint                         reported_passage; /* the last passage with a quotation hint */
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

  if (token->flags & HELDER_TOKEN_ALL_CAPS)
    return TRUE;
  if (!(token->flags & HELDER_TOKEN_CAPITALISED))
    return FALSE;
  if (!(token->flags & HELDER_TOKEN_FIRST))
    return TRUE;

  /* At the start of a sentence: a word the dictionaries know only with a
   * capital (Mila, Utrecht). Asked once per token.
   */
  if (run->names[i] == 0)
    run->names[i] = helder_spelling_is_available () && run->lower[i] != NULL &&
                    !helder_spelling_check_dutch (run->lower[i], -1) &&
                    helder_spelling_check (run->text + token->start,
                                           token->end - token->start) ? 2 : 1;
  return run->names[i] == 2;
}

static gboolean
has_digit (const char *word)
{
  for (const char *p = word; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      return TRUE;
  return FALSE;
}

/* The familiarity of a word and, when it reads best as a compound of two
 * listed words (cursus + pagina, arbeid-s-markt) or of a particle and a
 * listed word (in-typt), where its head starts.
 */
typedef struct
{
  guint zipf;  /* hundredths of a Zipf value; for a compound, that of its rarer part */
  guint split; /* byte offset of the head of the compound, or 0 */
} Familiarity;

static Familiarity familiarity (const char *word);

static guint
zipf_hundredths (double zipf)
{
  return (guint) (zipf * 100.0 + 0.5);
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
    {
      /* Dutch writes compounds as one word, and no dictionary holds them
       * all: two familiar words joined (nep-video, vak-mens) are right.
       */
      g_autofree char *lower = g_utf8_strdown (word, length);
      Familiarity found = familiarity (lower);

      return found.split >= 3 && found.zipf >= zipf_hundredths (run->settings->rare_word_zipf);
    }

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

/* Zipf values are kept as hundredths; 0 means "not in the list". A word
 * this frequent is familiar under any threshold the rules use: its stems
 * and parts need not be looked up (a dictionary call each).
 */
#define CLEARLY_FAMILIAR 400

static guint
zipf_of (const char *word)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (get_data ()->zipf, word));
}

/* The frequency of a word a reader knows this one from: the verb of a
 * noun in -ing (verstopping → verstoppen, vertalingen → vertalen), and the
 * base form of an adjective whose f or s became v or z (scheve → scheef,
 * boze → boos). 0 when there is none.
 */
static guint
related_zipf (const char *word,
              gsize       length)
{
  static const struct { const char *ending; const char *base; } bases[] = {
    { "ingen", "en" }, { "ing", "en" }, { "ve", "f" }, { "ze", "s" },
  };

  for (guint b = 0; b < G_N_ELEMENTS (bases); b++)
    {
      gsize n = strlen (bases[b].ending);
      g_autofree char *base = NULL;
      g_autofree char *long_vowel = NULL;

      if (length < n + 3 || !g_str_has_suffix (word, bases[b].ending))
        continue;
      base = g_strdup_printf ("%.*s%s", (int) (length - n), word, bases[b].base);
      if (zipf_of (base) > 0)
        return zipf_of (base);
      /* sche-ve → scheef: an open syllable's single vowel is written double. */
      if (bases[b].base[0] != 'e' && strchr ("aeou", word[length - n - 1]) != NULL &&
          strchr ("aeiou", word[length - n - 2]) == NULL)
        {
          long_vowel = g_strdup_printf ("%.*s%c%s", (int) (length - n), word,
                                        word[length - n - 1], bases[b].base);
          if (zipf_of (long_vowel) > 0)
            return zipf_of (long_vowel);
        }
    }

  return 0;
}

/* How familiar a word is to a reader: the better of its own frequency and
 * that of its stem (bruggen → brug, selecteer → selecteren), as a reader
 * who knows one form knows the others; else that of its form without an
 * ending (grotere → groter). 0 when none of these is listed.
 */
static guint
compute_own_zipf (const char *word)
{
  static const char * const endings[] = { "s", "'s", "en", "e", "je", "tje", "jes", "tjes",
                                          "er", "ste", "t", "de", "te", NULL };
  gsize length = strlen (word);
  guint zipf = zipf_of (word);
  g_autoptr(GPtrArray) stems = NULL;

  if (zipf >= CLEARLY_FAMILIAR)
    return zipf;

  stems = helder_spelling_stems (word);

  for (guint s = 0; s < stems->len; s++)
    {
      const char *stem = g_ptr_array_index (stems, s);
      g_autofree char *infinitive = g_strconcat (stem, "en", NULL);
      gsize n = strlen (stem);

      zipf = MAX (zipf, MAX (zipf_of (stem), zipf_of (infinitive)));
      /* selecteer → selecteren: a doubled vowel before the last consonant
       * is written single before -en.
       */
      if (n >= 4 && stem[n - 2] == stem[n - 3] && strchr ("aeou", stem[n - 2]) != NULL)
        {
          g_autofree char *single = g_strdup_printf ("%.*s%cen", (int) (n - 2), stem,
                                                     stem[n - 1]);

          zipf = MAX (zipf, zipf_of (single));
        }
    }
  zipf = MAX (zipf, related_zipf (word, length));
  if (zipf > 0)
    return zipf;

  for (guint e = 0; endings[e] != NULL; e++)
    {
      gsize n = strlen (endings[e]);

      if (length > n + 2 && g_str_has_suffix (word, endings[e]))
        {
          g_autofree char *stem = g_strndup (word, length - n);

          zipf = MAX (zipf, zipf_of (stem));
        }
    }

  return zipf;
}

static Familiarity
compute_familiarity (const char *word)
{
  gsize length = strlen (word);
  Familiarity best = { compute_own_zipf (word), 0 };

  if (best.zipf >= CLEARLY_FAMILIAR)
    return best;

  /* A separable particle or "on" in front of a familiar word: in-typt,
   * on-herkenbaar. The particle itself is always familiar.
   */
  for (guint l = 0; l < 2; l++)
    {
      const char * const *prefixes = l == 0 ? particles : word_prefixes;

      for (guint p = 0; prefixes[p] != NULL; p++)
        {
          gsize n = strlen (prefixes[p]);
          guint rest;

          if (length < n + 4 || !g_str_has_prefix (word, prefixes[p]))
            continue;
          rest = compute_own_zipf (word + n);
          if (rest > best.zipf)
            best = (Familiarity) { rest, n };
        }
    }

  /* Cheap lookups first: the first part, then the head as written, and
   * only then the head's stems (a dictionary call), and only for splits
   * that could beat what was found.
   */
  for (gsize split = 3; split + 3 <= length; split++)
    {
      g_autofree char *first = NULL;
      guint head;
      guint part;

      if ((word[split] & 0xC0) == 0x80)
        continue;
      first = g_strndup (word, split);
      part = zipf_of (first);
      /* A linking s or e between the parts: arbeid-s-markt. */
      if (part == 0 && split > 3 && (word[split - 1] == 's' || word[split - 1] == 'e'))
        {
          first[split - 1] = '\0';
          part = zipf_of (first);
        }
      if (part <= best.zipf)
        continue;

      head = zipf_of (word + split);
      if (head == 0)
        {
          g_autoptr(GPtrArray) head_stems = helder_spelling_stems (word + split);

          for (guint s = 0; s < head_stems->len; s++)
            head = MAX (head, zipf_of (g_ptr_array_index (head_stems, s)));
        }
      if (MIN (head, part) > best.zipf)
        best = (Familiarity) { MIN (head, part), split };
    }

  return best;
}

static Familiarity
familiarity (const char *word)
{
  static GHashTable *cache = NULL;
  static GMutex lock;
  gpointer cached;
  Familiarity found;

  g_mutex_lock (&lock);
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (g_hash_table_lookup_extended (cache, word, NULL, &cached))
    {
      found = *(Familiarity *) cached;
      g_mutex_unlock (&lock);
      return found;
    }
  g_mutex_unlock (&lock);

  found = compute_familiarity (word);

  g_mutex_lock (&lock);
  g_hash_table_insert (cache, g_strdup (word), g_memdup2 (&found, sizeof found));
  g_mutex_unlock (&lock);

  return found;
}

static gboolean
is_familiar (const char *word,
             double      zipf)
{
  guint found = familiarity (word).zipf;

  return found > 0 && found >= zipf_hundredths (zipf);
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
            !is_familiar (parts[p], run->settings->rare_word_zipf) &&
            !g_hash_table_contains (run->course_words, parts[p]))
          return TRUE;
      return FALSE;
    }

  return !is_familiar (word, run->settings->rare_word_zipf);
}

/* A long word is one a reader has to work through: more syllables than
 * the limit, unless the word is very common (informatie), or a compound
 * of familiar parts that are short themselves (computer-programma) and
 * not too long together.
 */
static gboolean
is_long (Run   *run,
         guint  i,
         guint  syllables)
{
  const char *word = run->lower[i];
  Familiarity found;

  if (syllables <= run->settings->long_word_syllables || is_course_word (run, i) ||
      is_name (run, i))
    return FALSE;

  if (strchr (word, '-') != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (word, "-", -1);

      for (guint p = 0; parts[p] != NULL; p++)
        if (helder_syllables_count (parts[p], -1) > run->settings->long_word_syllables &&
            !g_hash_table_contains (run->course_words, parts[p]) &&
            !is_familiar (parts[p], run->settings->long_word_known_zipf))
          return TRUE;
      return FALSE;
    }

  found = familiarity (word);
  if (found.split == 0)
    return !is_familiar (word, run->settings->long_word_known_zipf);

  return syllables > run->settings->long_compound_syllables ||
         found.zipf < zipf_hundredths (run->settings->rare_word_zipf) ||
         helder_syllables_count (word, found.split) > run->settings->long_word_syllables ||
         helder_syllables_count (word + found.split, -1) > run->settings->long_word_syllables;
}

static void
check_word (Run      *run,
            guint     i,
            gboolean  counted,
            gboolean  listed_term)
{
  const HelderToken *token = token_at (run, i);
  HelderReadabilityCounts *counts = &run->findings->counts;
  guint syllables = helder_syllables_count (run->text + token->start, token->end - token->start);
  gboolean rare;

  check_spelling (run, i);
  rare = is_rare (run, i);

  /* A rare word that is also long gets one finding: the rare one. */
  if (!rare && is_long (run, i, syllables) && run->quoted[i] == 0 && !listed_term)
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

  if (rare && run->quoted[i] == 0 && !listed_term)
    {
      g_autofree char *word = token_text (run, i);
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a common word; use a common word, or explain it "
                           "(or, when it is a term of the course, add it to the course's "
                           "own words)"), word);

      add (run, token->start, token->end, HELDER_SEVERITY_HINT, "b1-rare-word", message);
    }

  if (!counted)
    return;
  if (!g_hash_table_contains (get_data ()->function_words, run->lower[i]))
    {
      guint zipf = familiarity (run->lower[i]).zipf;

      /* An unlisted word counts as very rare (Zipf 1); course terms and
       * names as ordinary (Zipf 4): the reader has them explained.
       */
      if (is_course_word (run, i) || is_name (run, i))
        zipf = MAX (zipf, 400);
      counts->content_words++;
      counts->content_zipf += zipf > 0 ? MIN (zipf, 700) : 100;
    }
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

/* Whether @entry matches the tokens from @i on, within the sentence. */
static gboolean
phrase_matches (Run          *run,
                const Phrase *entry,
                guint         i,
                guint         last)
{
  guint n = g_strv_length (entry->words);

  if (i + n > last)
    return FALSE;
  /* An abbreviation is matched as written: AVG, not "avg". */
  if (entry->written != NULL &&
      strncmp (run->text + token_at (run, i)->start, entry->written,
               token_at (run, i)->end - token_at (run, i)->start) != 0)
    return FALSE;
  for (guint w = 1; w < n; w++)
    if (run->lower[i + w] == NULL || !g_str_equal (run->lower[i + w], entry->words[w]))
      return FALSE;

  return TRUE;
}

static char *
phrase_message (const Phrase *entry,
                const char   *phrase)
{
  switch (entry->kind)
    {
    case PHRASE_BUREAUCRATIC:
      return g_strdup_printf (_("“%s” is formal, official language; write “%s”"),
                              phrase, entry->alternatives[0]);
    case PHRASE_JARGON:
      if (entry->alternatives[0] == NULL)
        return g_strdup_printf (_("“%s” is a specialist term; explain it the first time you "
                                  "use it"), phrase);
      return g_strdup_printf (_("“%s” is English or a specialist term; write “%s”, or explain "
                                "it the first time you use it"), phrase, entry->alternatives[0]);
    case PHRASE_ABBREVIATION:
      return g_strdup_printf (_("write “%s” out the first time on a page: “%s (%s)”"),
                              phrase, entry->alternatives[0], phrase);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Formal words, jargon and abbreviations with their plainer form. Returns
 * the number of tokens matched at @i, or 0; @kind says which list matched.
 */
static guint
check_phrase (Run        *run,
              guint       i,
              guint       last,
              PhraseKind *kind)
{
  GPtrArray *entries = g_hash_table_lookup (get_data ()->phrases, run->lower[i]);
  const Phrase *best = NULL;
  guint best_length = 0;
  g_autofree char *phrase = NULL;
  g_autofree char *message = NULL;
  HelderDiagnostic *diagnostic;
  const HelderToken *first;
  const HelderToken *end;
  gboolean capital;

  if (entries == NULL)
    return 0;

  /* The longest phrase that matches wins: "ten behoeve van" over "ten". */
  for (guint e = 0; e < entries->len; e++)
    {
      const Phrase *entry = g_ptr_array_index (entries, e);
      guint n = g_strv_length (entry->words);

      if (n > best_length && phrase_matches (run, entry, i, last))
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
  message = phrase_message (best, phrase);
  diagnostic = add (run, first->start, end->end,
                    best->kind == PHRASE_BUREAUCRATIC ? HELDER_SEVERITY_WARNING
                                                      : HELDER_SEVERITY_HINT,
                    best->kind == PHRASE_BUREAUCRATIC ? "b1-bureaucratic" :
                    best->kind == PHRASE_JARGON ? "b1-jargon" : "b1-abbreviation",
                    message);
  capital = (first->flags & HELDER_TOKEN_CAPITALISED) != 0;
  for (guint a = 0; best->alternatives[a] != NULL; a++)
    {
      g_autofree char *suggestion = NULL;

      if (best->kind == PHRASE_ABBREVIATION)
        suggestion = g_strdup_printf ("%s (%s)", best->alternatives[a], phrase);
      else
        suggestion = match_case (best->alternatives[a], capital);
      helder_diagnostic_add_suggestion (diagnostic, suggestion);
    }

  if (best->kind == PHRASE_BUREAUCRATIC)
    run->findings->counts.formal_phrases++;
  *kind = best->kind;
  return best_length;
}

/**
 * helder_language_abbreviation_full_form:
 * @abbreviation: an abbreviation as written (AVG)
 *
 * Returns: (transfer none) (nullable): its full form from Helder's list
 *   of abbreviations, or %NULL when it is not listed
 */
const char *
helder_language_abbreviation_full_form (const char *abbreviation)
{
  g_autofree char *lower = NULL;
  GPtrArray *entries;

  g_return_val_if_fail (abbreviation != NULL, NULL);

  lower = g_utf8_strdown (abbreviation, -1);
  entries = g_hash_table_lookup (get_data ()->phrases, lower);
  for (guint e = 0; entries != NULL && e < entries->len; e++)
    {
      const Phrase *entry = g_ptr_array_index (entries, e);

      if (entry->kind == PHRASE_ABBREVIATION && g_str_equal (entry->written, abbreviation))
        return entry->alternatives[0];
    }

  return NULL;
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

static gboolean
clause_has (Run        *run,
            guint       clause_first,
            guint       clause_last,
            const char *word)
{
  for (guint j = clause_first; j <= clause_last; j++)
    if (run->lower[j] != NULL && g_str_equal (run->lower[j], word))
      return TRUE;
  return FALSE;
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
               !(in_list (state_participles, run->lower[participle]) &&
                 !clause_has (run, clause_first, clause_last, "door")) &&
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

  run->findings->counts.nominalisations += n;
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

/* The offset of the start of the line that holds @offset. */
static gsize
line_start (const char *text,
            gsize       offset)
{
  while (offset > 0 && text[offset - 1] != '\n')
    offset--;
  return offset;
}

/* The text of the line at @line after its indentation and, when
 * @quote_marks, its block quote marks.
 */
static const char *
line_content (const char *text,
              gsize       line,
              gboolean    quote_marks)
{
  const char *p = text + line;

  while (*p == ' ' || (quote_marks && *p == '>'))
    p++;
  return p;
}

/* Whether the paragraph that starts at @offset is inside a block quote
 * ("> "), but not a callout ("> [!TIP]"), whose text is the author's own.
 */
static gboolean
in_block_quote (const char *text,
                gsize       offset)
{
  gsize line = line_start (text, offset);

  if (*line_content (text, line, FALSE) != '>')
    return FALSE;

  /* Up to the quote's first line: a callout names its type there. */
  while (line > 0 && *line_content (text, line_start (text, line - 1), FALSE) == '>')
    line = line_start (text, line - 1);

  return !g_str_has_prefix (line_content (text, line, TRUE), "[!");
}

/* Marks each token inside a quotation with its passage number: text
 * between „ or “ and ”, between « and », between straight double quotes,
 * or the whole paragraph in a block quote. A quotation is someone else's
 * text (a law, a person): the author cannot rewrite it, only explain it.
 */
static void
mark_quotations (Run *run)
{
  guint n = run->tokens->tokens->len;
  gboolean block = n > 0 && in_block_quote (run->text, token_at (run, 0)->start);
  gboolean inside = FALSE;
  guint passage = 0;
  gsize gap = n > 0 ? token_at (run, 0)->start : 0;

  /* A mark right before the first token (a line that opens with „). */
  while (gap > 0 && run->text[gap - 1] != '\n' && run->text[gap - 1] != ':' &&
         run->text[gap - 1] != ' ')
    gap--;

  for (guint i = 0; i < n; i++)
    {
      const HelderToken *token = token_at (run, i);

      for (const char *p = run->text + gap; p < run->text + token->start;
           p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (!inside && (c == 0x201E || c == 0x201C || c == 0x00AB || c == '"'))
            {
              inside = TRUE;
              passage++;
            }
          else if (inside && (c == 0x201D || c == 0x00BB || c == '"'))
            inside = FALSE;
        }
      gap = token->end;

      if (block)
        run->quoted[i] = 1;
      else if (inside)
        run->quoted[i] = passage;
    }
}

/* The passage of a sentence that is mostly quoted, or 0. */
static guint
quoted_passage (Run                  *run,
                const HelderSentence *sentence)
{
  guint quoted = 0;
  guint passage = 0;

  for (guint i = sentence->first_token; i < sentence->first_token + sentence->n_tokens; i++)
    if (run->quoted[i] != 0 && helder_token_is_word (token_at (run, i)))
      {
        quoted++;
        passage = run->quoted[i];
      }

  return 2 * quoted > sentence->n_words ? passage : 0;
}

/* Coordinating conjunctions a long sentence can be split at, after a
 * comma; "en" is dropped, the others open the second sentence.
 */
static const char * const split_conjunctions[] = { "en", "maar", "dus", "of", NULL };
static const char * const relative_pronouns[] = { "die", "dat", "waar", NULL };

static guint
words_between (Run   *run,
               guint  from,
               guint  to)
{
  guint n = 0;

  for (guint j = from; j < to; j++)
    n += helder_token_is_word (token_at (run, j));
  return n;
}

/* Appends @text[@from, @to) with the first letter in upper case. */
static void
append_capitalised (GString    *out,
                    const char *text,
                    gsize       from,
                    gsize       to)
{
  g_autofree char *part = g_strndup (text + from, to - from);
  g_autofree char *capital = match_case (part, TRUE);

  g_string_append (out, capital);
}

/* The second sentence made of a relative clause at the end of the
 * sentence: its finite verb, last or next to last, moves up to the main
 * clause's place (die het formulier heeft ingevuld → Die heeft het
 * formulier ingevuld). NULL when the verb is not found.
 */
static char *
relative_to_main_clause (Run   *run,
                         guint  pronoun,
                         guint  last,
                         gsize  end)
{
  guint words[2] = { G_MAXUINT, G_MAXUINT };
  guint n = 0;
  guint verb = G_MAXUINT;
  GString *out;

  for (guint j = last; j-- > pronoun + 1 && n < 2;)
    if (helder_token_is_word (token_at (run, j)))
      words[n++] = j;
  for (guint w = 0; w < n && verb == G_MAXUINT; w++)
    if (in_list (bracket_openers, run->lower[words[w]]))
      verb = words[w];
  if (verb == G_MAXUINT || verb == pronoun + 1)
    return NULL;

  out = g_string_new (NULL);
  append_capitalised (out, run->text, token_at (run, pronoun)->start,
                      token_at (run, pronoun)->end);
  g_string_append_c (out, ' ');
  g_string_append_len (out, run->text + token_at (run, verb)->start,
                       token_at (run, verb)->end - token_at (run, verb)->start);
  g_string_append_c (out, ' ');
  g_string_append_len (out, run->text + token_at (run, pronoun + 1)->start,
                       token_at (run, verb - 1)->end - token_at (run, pronoun + 1)->start);
  g_string_append_len (out, run->text + token_at (run, verb)->end,
                       end - token_at (run, verb)->end);

  return g_string_free (out, FALSE);
}

/* A long sentence split in two at a comma before a coordinating
 * conjunction or a relative clause, both parts of at least four words,
 * the split nearest the middle. Returns (transfer full) the two sentences
 * that replace the sentence, or NULL when there is no such split or the
 * sentence runs over more than one line.
 */
static char *
split_sentence (Run                  *run,
                const HelderSentence *sentence)
{
  guint first = sentence->first_token;
  guint last = first + sentence->n_tokens;
  guint best = G_MAXUINT;
  guint best_distance = G_MAXUINT;
  g_autofree char *second = NULL;
  GString *out;

  if (memchr (run->text + sentence->start, '\n', sentence->end - sentence->start) != NULL)
    return NULL;

  for (guint i = first + 1; i + 1 < last; i++)
    {
      const HelderToken *comma = token_at (run, i - 1);
      guint before;
      guint after;
      guint distance;

      if (comma->kind != HELDER_TOKEN_PUNCTUATION || run->text[comma->start] != ',' ||
          !(in_list (split_conjunctions, run->lower[i]) ||
            in_list (relative_pronouns, run->lower[i])))
        continue;
      before = words_between (run, first, i);
      after = words_between (run, i, last);
      if (before < 4 || after < 5)
        continue;
      /* A relative clause must run to the end of the sentence. */
      if (in_list (relative_pronouns, run->lower[i]))
        {
          g_autofree char *main_clause = NULL;
          gboolean comma_after = FALSE;

          for (guint j = i + 1; j < last; j++)
            comma_after |= token_at (run, j)->kind == HELDER_TOKEN_PUNCTUATION &&
                           run->text[token_at (run, j)->start] == ',';
          main_clause = comma_after ? NULL
                                    : relative_to_main_clause (run, i, last, sentence->end);
          if (main_clause == NULL)
            continue;
        }
      distance = before > after ? before - after : after - before;
      if (distance < best_distance)
        {
          best = i;
          best_distance = distance;
        }
    }

  if (best == G_MAXUINT)
    return NULL;

  out = g_string_new_len (run->text + sentence->start,
                          token_at (run, best - 1)->start - sentence->start);
  g_string_append (out, ". ");
  if (in_list (relative_pronouns, run->lower[best]))
    {
      second = relative_to_main_clause (run, best, last, sentence->end);
      g_string_append (out, second);
    }
  else
    {
      guint from = g_str_equal (run->lower[best], "en") ? best + 1 : best;

      append_capitalised (out, run->text, token_at (run, from)->start, sentence->end);
    }

  return g_string_free (out, FALSE);
}

/* The clauses of a sentence: one, plus one for every clause opener
 * after a comma or as the sentence's first word.
 */
static guint
count_clauses (Run   *run,
               guint  first,
               guint  last)
{
  guint clauses = 1;

  for (guint i = first + 1; i < last; i++)
    {
      const HelderToken *before = token_at (run, i - 1);

      if (before->kind == HELDER_TOKEN_PUNCTUATION && run->text[before->start] == ',' &&
          in_list (clause_openers, run->lower[i]))
        clauses++;
    }
  if (in_list (clause_openers, run->lower[first]) && !in_list (split_conjunctions, run->lower[first]))
    clauses++;

  return clauses;
}

static void
check_sentence (Run                  *run,
                const HelderSentence *sentence)
{
  guint first = sentence->first_token;
  guint last = first + sentence->n_tokens;
  HelderReadabilityCounts *counts = &run->findings->counts;
  guint passage = quoted_passage (run, sentence);

  if (passage != 0)
    {
      /* One hint per quoted passage, not one per rule and sentence. */
      if (sentence->n_words > run->settings->sentence_warning_words &&
          passage != run->reported_passage)
        {
          g_autofree char *message =
            g_strdup_printf (_("quotation of %u words; a quotation cannot be shortened, so "
                               "explain it in short sentences of your own"),
                             sentence->n_words);

          add (run, sentence->start, sentence->end, HELDER_SEVERITY_HINT, "b1-sentence-long",
               message);
          run->reported_passage = passage;
        }
    }
  else if (sentence->n_words > run->settings->sentence_warning_words)
    {
      gboolean error = sentence->n_words > run->settings->sentence_error_words;
      g_autofree char *message =
        g_strdup_printf (_("sentence of %u words; split it into sentences of at most %u "
                           "words"), sentence->n_words, run->settings->sentence_warning_words);

      HelderDiagnostic *diagnostic =
        add (run, sentence->start, sentence->end,
             error ? HELDER_SEVERITY_ERROR : HELDER_SEVERITY_WARNING, "b1-sentence-long",
             message);
      g_autofree char *split = split_sentence (run, sentence);

      if (split != NULL)
        helder_diagnostic_add_suggestion (diagnostic, split);
    }

  for (guint i = first, phrase_end = first, term_end = first; i < last; i++)
    {
      PhraseKind kind = PHRASE_BUREAUCRATIC;

      if (run->lower[i] == NULL)
        continue;
      if (in_list (address_words, run->lower[i]))
        run->findings->address_words++;
      /* No phrase starts inside another one. */
      if (i >= phrase_end && run->quoted[i] == 0)
        {
          guint n = check_phrase (run, i, last, &kind);

          phrase_end = i + n;
          if (n > 0 && kind != PHRASE_BUREAUCRATIC)
            term_end = phrase_end;
        }
      /* A listed term says more than "not a common word". */
      if (is_checked_word (run, i))
        check_word (run, i, sentence->role != HELDER_TEXT_HEADING, i < term_end);
      if (run->quoted[i] == 0)
        check_impersonal (run, i);
    }

  /* The author cannot rewrite a quotation: no style findings inside it. */
  if (passage == 0)
    {
      if (check_passives (run, first, last) && sentence->role != HELDER_TEXT_HEADING)
        counts->passives++;
      check_nominalisations (run, first, last);
      check_noun_phrases (run, first, last);
      check_verb_brackets (run, first, last);
    }

  if (sentence->role != HELDER_TEXT_HEADING)
    {
      counts->clauses += count_clauses (run, first, last);
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
  Run run = { settings, course_words, text, tokens, findings, NULL, NULL, NULL, NULL, 0 };
  guint n = tokens->tokens->len;

  g_return_if_fail (settings != NULL);
  g_return_if_fail (course_words != NULL);
  g_return_if_fail (findings != NULL);

  *findings = (HelderLanguageFindings) { 0 };
  findings->diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);

  run.lower = g_new0 (char *, n + 1);
  run.misspelled = g_new0 (gboolean, n + 1);
  run.quoted = g_new0 (guint, n + 1);
  run.names = g_new0 (guint8, n + 1);
  for (guint i = 0; i < n; i++)
    {
      const HelderToken *token = token_at (&run, i);

      if (token->kind == HELDER_TOKEN_WORD || token->kind == HELDER_TOKEN_ABBREVIATION)
        run.lower[i] = g_utf8_strdown (text + token->start, token->end - token->start);
    }

  mark_quotations (&run);
  for (guint s = 0; s < tokens->sentences->len; s++)
    check_sentence (&run, &g_array_index (tokens->sentences, HelderSentence, s));

  /* Sparse: non-words have no entry, so g_strfreev() would stop early. */
  for (guint i = 0; i < n; i++)
    g_free (run.lower[i]);
  g_free (run.lower);
  g_free (run.misspelled);
  g_free (run.quoted);
  g_free (run.names);
}

/**
 * helder_language_readability_of_plain_text:
 * @text: plain UTF-8 text, paragraphs separated by empty lines
 * @out: (out caller-allocates): the scores
 *
 * The scores of a text with the default thresholds and no course words:
 * what `helder-cli readability` prints.
 */
void
helder_language_readability_of_plain_text (const char        *text,
                                           gsize              length,
                                           HelderReadability *out)
{
  g_autoptr(GHashTable) no_words = helder_language_course_words_new (NULL);
  g_autoptr(HelderTokens) tokens = NULL;
  HelderCheckSettings settings;
  HelderLanguageFindings findings;

  g_return_if_fail (text != NULL);
  g_return_if_fail (out != NULL);

  helder_check_settings_init (&settings);
  tokens = helder_tokens_new_from_plain (text, length);
  helder_language_rules_run (&settings, no_words, text, tokens, &findings);
  helder_readability_compute (&findings.counts, out);
  helder_language_findings_clear (&findings);
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
