/* helder-spelling.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-spelling"

#include "config.h"

#include <hunspell.h>

#include "helder-dictionaries.h"
#include "helder-spelling.h"

/* At most this many suggestions per word: a person reads three or four. */
#define MAX_SUGGESTIONS 4

enum {
  KNOWN_DUTCH   = 1 << 0,
  KNOWN_ENGLISH = 1 << 1,
  CHECKED       = 1 << 2,
};

typedef struct
{
  Hunhandle  *dutch;       /* NULL when hunspell-nl is not installed */
  Hunhandle  *english;     /* NULL when hunspell-en-us is not installed */
  GHashTable *answers;     /* word → CHECKED | KNOWN_* */
  GHashTable *suggestions; /* word → GPtrArray of char* */
  GMutex      lock;
} Speller;

static Hunhandle *
open_dictionary (const char *name)
{
  g_autofree char *aff_name = g_strconcat (name, ".aff", NULL);
  g_autofree char *dic_name = g_strconcat (name, ".dic", NULL);
  g_autofree char *aff = helder_dictionaries_find ("hunspell", aff_name);
  g_autofree char *dic = helder_dictionaries_find ("hunspell", dic_name);

  if (aff == NULL || dic == NULL)
    {
      g_message ("hunspell dictionary %s not found; install hunspell-%s", name,
                 g_str_equal (name, "nl") ? "nl" : "en-us");
      return NULL;
    }

  return Hunspell_create (aff, dic);
}

static Speller *
get_speller (void)
{
  static Speller *speller = NULL;

  if (g_once_init_enter (&speller))
    {
      Speller *self = g_new0 (Speller, 1);

      self->dutch = open_dictionary ("nl");
      self->english = open_dictionary ("en_US");
      self->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      self->suggestions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) g_ptr_array_unref);
      g_mutex_init (&self->lock);
      g_once_init_leave (&speller, self);
    }

  return speller;
}

gboolean
helder_spelling_is_available (void)
{
  return get_speller ()->dutch != NULL;
}

/* Both dictionaries are UTF-8 (SET UTF-8), so words go in as they are. */
static guint
lookup (const char *word,
        gssize      length)
{
  Speller *self = get_speller ();
  g_autofree char *key = length < 0 ? g_strdup (word) : g_strndup (word, length);
  gpointer cached;
  guint answer = CHECKED;

  g_mutex_lock (&self->lock);
  if (g_hash_table_lookup_extended (self->answers, key, NULL, &cached))
    {
      g_mutex_unlock (&self->lock);
      return GPOINTER_TO_UINT (cached);
    }

  /* Hunspell handles are not thread-safe: keep the lock while asking. */
  if (self->dutch == NULL || Hunspell_spell (self->dutch, key))
    answer |= KNOWN_DUTCH;
  else if (self->english != NULL && Hunspell_spell (self->english, key))
    answer |= KNOWN_ENGLISH;

  g_hash_table_insert (self->answers, g_steal_pointer (&key), GUINT_TO_POINTER (answer));
  g_mutex_unlock (&self->lock);

  return answer;
}

/* Known to the Dutch or the English dictionary. Without the Dutch
 * dictionary every word counts as known: no dictionary, no findings.
 */
gboolean
helder_spelling_check (const char *word,
                       gssize      length)
{
  g_return_val_if_fail (word != NULL, TRUE);

  return (lookup (word, length) & (KNOWN_DUTCH | KNOWN_ENGLISH)) != 0;
}

/* Whether @word is spelled right in Dutch (or is an English term Dutch
 * texts use). Safe in any thread.
 */
gboolean
helder_spelling_check_dutch (const char *word,
                             gssize      length)
{
  g_return_val_if_fail (word != NULL, TRUE);

  return (lookup (word, length) & KNOWN_DUTCH) != 0;
}

/**
 * helder_spelling_suggest:
 *
 * Returns: (transfer full) (element-type utf8): up to four replacements
 *   from the Dutch dictionary, best first; the array is shared with the
 *   cache, so only read it and unref it
 */
GPtrArray *
helder_spelling_suggest (const char *word,
                         gssize      length)
{
  Speller *self = get_speller ();
  g_autofree char *key = NULL;
  GPtrArray *found;
  char **list = NULL;
  int n;

  g_return_val_if_fail (word != NULL, NULL);

  key = length < 0 ? g_strdup (word) : g_strndup (word, length);

  g_mutex_lock (&self->lock);
  found = g_hash_table_lookup (self->suggestions, key);
  if (found == NULL)
    {
      found = g_ptr_array_new_with_free_func (g_free);
      n = self->dutch != NULL ? Hunspell_suggest (self->dutch, &list, key) : 0;
      for (int i = 0; i < n && found->len < MAX_SUGGESTIONS; i++)
        g_ptr_array_add (found, g_strdup (list[i]));
      if (list != NULL)
        Hunspell_free_list (self->dutch, &list, n);
      g_hash_table_insert (self->suggestions, g_steal_pointer (&key), found);
    }
  g_ptr_array_ref (found);
  g_mutex_unlock (&self->lock);

  return found;
}

/**
 * helder_spelling_stems:
 *
 * Returns: (transfer full) (element-type utf8): the stems the Dutch
 *   dictionary gives for @word (bruggen → brug), maybe none
 */
GPtrArray *
helder_spelling_stems (const char *word)
{
  Speller *self = get_speller ();
  GPtrArray *stems = g_ptr_array_new_with_free_func (g_free);
  char **list = NULL;
  int n;

  g_return_val_if_fail (word != NULL, stems);

  if (self->dutch == NULL)
    return stems;

  g_mutex_lock (&self->lock);
  n = Hunspell_stem (self->dutch, &list, word);
  for (int i = 0; i < n; i++)
    g_ptr_array_add (stems, g_strdup (list[i]));
  if (list != NULL)
    Hunspell_free_list (self->dutch, &list, n);
  g_mutex_unlock (&self->lock);

  return stems;
}
