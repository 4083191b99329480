/* helder-syllables.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-syllables"

#include "config.h"

#include <string.h>

#include <hyphen.h>

#include "helder-dictionaries.h"
#include "helder-syllables.h"

/* English loanwords whose written vowels do not match how Dutch speakers
 * say them. A word that contains one is counted as the parts around it
 * plus the spoken count of the loanword.
 */
static const struct
{
  const char *stem;
  guint       syllables;
} loanwords[] = {
  { "service", 2 },
  { "website", 2 },
  { "software", 2 },
  { "hardware", 2 },
  { "update", 2 },
  { "online", 2 },
  { "offline", 2 },
  { "deadline", 2 },
  { "timeline", 2 },
  { "interface", 3 },
  { "smartphone", 2 },
  { "homepage", 2 },
  { "youtube", 2 },
  { "game", 1 },
  { "mail", 1 },
  { "like", 1 },
  { "live", 1 },
};

typedef struct
{
  HyphenDict *patterns; /* NULL when the Dutch patterns are not installed */
  GHashTable *cache;    /* lower-case word → count */
  GMutex      lock;
} Counter;

static Counter *
get_counter (void)
{
  static Counter *counter = NULL;

  if (g_once_init_enter (&counter))
    {
      Counter *self = g_new0 (Counter, 1);
      g_autofree char *path = helder_dictionaries_find ("hyphen", "hyph_nl_NL.dic");

      if (path != NULL)
        self->patterns = hnj_hyphen_load (path);
      if (self->patterns == NULL)
        g_message ("Dutch hyphenation patterns (hyphen-nl) not found; "
                   "syllables are counted from vowels only");
      self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_mutex_init (&self->lock);
      g_once_init_leave (&counter, self);
    }

  return counter;
}

/* Whether the Dutch hyphenation patterns are installed. */
gboolean
helder_syllables_have_patterns (void)
{
  return get_counter ()->patterns != NULL;
}

static gboolean
is_vowel (gunichar c)
{
  switch (c)
    {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y':
    case 0xE0: case 0xE1: case 0xE2: case 0xE4: /* à á â ä */
    case 0xE8: case 0xE9: case 0xEA: case 0xEB: /* è é ê ë */
    case 0xEC: case 0xED: case 0xEE: case 0xEF: /* ì í î ï */
    case 0xF2: case 0xF3: case 0xF4: case 0xF6: /* ò ó ô ö */
    case 0xF9: case 0xFA: case 0xFB: case 0xFC: /* ù ú û ü */
      return TRUE;
    default:
      return FALSE;
    }
}

/* ä ë ï ö ü mark a new syllable even right after another vowel (ideeën). */
static gboolean
is_diaeresis (gunichar c)
{
  return c == 0xE4 || c == 0xEB || c == 0xEF || c == 0xF6 || c == 0xFC;
}

/* Vowel nuclei of a lower-case piece: runs of vowels, with "ij" as one
 * vowel and a diaeresis starting a new run.
 */
static guint
count_nuclei (const char *text,
              gsize       length)
{
  const char *end = text + length;
  gboolean in_vowel = FALSE;
  gunichar previous = 0;
  guint n = 0;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean vowel = is_vowel (c) || (c == 'j' && previous == 'i' && in_vowel);

      /* A word-initial y before a vowel is a consonant (yoghurt). */
      if (c == 'y' && p == text && p + 1 < end && is_vowel ((guchar) p[1]))
        vowel = FALSE;

      if (vowel && (!in_vowel || is_diaeresis (c)))
        n++;
      in_vowel = vowel;
      previous = c;
    }

  return n;
}

/* Segments from the hyphenation patterns, then nuclei per segment. The
 * patterns never split off a single vowel at the start (a-gen-da), and
 * vowels alone get hiatus wrong (the-a-ter); together they agree with
 * hand counts.
 */
static guint
count_piece (Counter    *self,
             const char *piece,
             gsize       length)
{
  g_autofree char *latin1 = NULL;
  g_autofree char *hyphens = NULL;
  char **rep = NULL;
  int *pos = NULL;
  int *cut = NULL;
  gsize latin1_length = 0;
  guint n = 0;
  gsize segment_start = 0;
  gsize offset = 0;

  if (length == 0)
    return 0;

  if (self->patterns != NULL)
    latin1 = g_convert (piece, length, "ISO-8859-1", "UTF-8", NULL, &latin1_length, NULL);

  if (latin1 == NULL || latin1_length == 0 || latin1_length > 200)
    return count_nuclei (piece, length);

  hyphens = g_malloc0 (latin1_length + 5);
  if (hnj_hyphen_hyphenate3 (self->patterns, latin1, latin1_length, hyphens, NULL,
                             &rep, &pos, &cut, 1, 1, 1, 1) != 0)
    return count_nuclei (piece, length);

  if (rep != NULL)
    {
      for (gsize i = 0; i < latin1_length; i++)
        g_free (rep[i]);
      g_free (rep);
      g_free (pos);
      g_free (cut);
    }

  /* Latin-1 has one byte per character: walk the UTF-8 piece alongside. */
  for (gsize i = 0; i < latin1_length; i++)
    {
      offset = g_utf8_next_char (piece + offset) - piece;
      if ((hyphens[i] & 1) && i + 1 < latin1_length)
        {
          n += count_nuclei (piece + segment_start, offset - segment_start);
          segment_start = offset;
        }
    }
  n += count_nuclei (piece + segment_start, length - segment_start);

  return n;
}

static guint
count_lower (Counter    *self,
             const char *word,
             gsize       length)
{
  for (guint i = 0; i < G_N_ELEMENTS (loanwords); i++)
    {
      const char *found = g_strstr_len (word, length, loanwords[i].stem);

      if (found != NULL)
        {
          gsize before = found - word;
          gsize after = before + strlen (loanwords[i].stem);

          return count_lower (self, word, before) + loanwords[i].syllables +
                 count_lower (self, word + after, length - after);
        }
    }

  return count_piece (self, word, length);
}

guint
helder_syllables_count (const char *word,
                        gssize      length)
{
  Counter *self = get_counter ();
  g_autofree char *lower = NULL;
  gpointer cached;
  const char *p;
  const char *end;
  guint n = 0;

  g_return_val_if_fail (word != NULL, 0);

  lower = g_utf8_strdown (word, length);

  g_mutex_lock (&self->lock);
  if (g_hash_table_lookup_extended (self->cache, lower, NULL, &cached))
    {
      g_mutex_unlock (&self->lock);
      return GPOINTER_TO_UINT (cached);
    }
  g_mutex_unlock (&self->lock);

  /* Hyphens, apostrophes and other marks split a word into parts that are
   * counted on their own (AI-verordening, auto's).
   */
  end = lower + strlen (lower);
  p = lower;
  while (p < end)
    {
      const char *q = p;

      while (q < end && g_unichar_isalpha (g_utf8_get_char (q)))
        q = g_utf8_next_char (q);
      n += count_lower (self, p, q - p);
      p = q < end ? g_utf8_next_char (q) : end;
    }
  n = MAX (n, 1);

  g_mutex_lock (&self->lock);
  g_hash_table_insert (self->cache, g_steal_pointer (&lower), GUINT_TO_POINTER (n));
  g_mutex_unlock (&self->lock);

  return n;
}
