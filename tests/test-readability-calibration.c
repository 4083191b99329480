/* test-readability-calibration.c: does the difficulty score rank real
 * simplifications right? Reads the pairs of tests/data/readability-pairs
 * (official text, B1 rewrite), prints how often each score puts the
 * rewrite below the original, on the calibration part and on the held-out
 * part (every fourth pair), next to two peers: sentence length alone and
 * Flesch-Douma. Fails below the targets of issue 19.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "helder-language-rules.h"
#include "helder-readability.h"

typedef enum
{
  SCORE_DIFFICULTY,
  SCORE_SENTENCE_LENGTH,
  SCORE_FLESCH_DOUMA,
  N_SCORES
} Score;

static const char * const score_names[] = {
  "difficulty", "sentence length", "Flesch-Douma",
};

/* Higher is harder for every score. */
static double
score_of (const HelderReadability *r,
          Score                    score)
{
  switch (score)
    {
    case SCORE_DIFFICULTY:
      return r->difficulty;
    case SCORE_SENTENCE_LENGTH:
      return r->average_sentence_length;
    case SCORE_FLESCH_DOUMA:
      return -r->flesch_douma;
    case N_SCORES:
    default:
      g_assert_not_reached ();
    }
}

typedef struct
{
  guint right[N_SCORES][2]; /* [score][held out] */
  guint pairs[2];
} Ranking;

static void
rank_pairs (const char *file,
            Ranking    *ranking)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "readability-pairs", file,
                                                 NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  guint number = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);

  *ranking = (Ranking) { 0 };
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) pair = NULL;
      HelderReadability official;
      HelderReadability plain;
      gboolean held_out;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      pair = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (pair) != 2)
        g_error ("%s:%u: expected an official text, a tab and its rewrite", file, i + 1);

      held_out = ++number % 4 == 0;
      helder_language_readability_of_plain_text (pair[0], strlen (pair[0]), &official);
      helder_language_readability_of_plain_text (pair[1], strlen (pair[1]), &plain);
      ranking->pairs[held_out]++;
      for (Score s = 0; s < N_SCORES; s++)
        if (score_of (&plain, s) < score_of (&official, s))
          ranking->right[s][held_out]++;
    }
}

static double
percent (guint right,
         guint pairs)
{
  return pairs > 0 ? 100.0 * right / pairs : 0.0;
}

static void
check_ranking (const char *file,
               double      target)
{
  Ranking r;

  rank_pairs (file, &r);
  g_test_message ("%s: %u calibration pairs, %u held out; rewrite ranked easier:",
                  file, r.pairs[0], r.pairs[1]);
  for (Score s = 0; s < N_SCORES; s++)
    g_test_message ("  %-16s calibration %5.1f%%  held out %5.1f%%  all %5.1f%%",
                    score_names[s], percent (r.right[s][0], r.pairs[0]),
                    percent (r.right[s][1], r.pairs[1]),
                    percent (r.right[s][0] + r.right[s][1], r.pairs[0] + r.pairs[1]));

  g_assert_cmpfloat (percent (r.right[SCORE_DIFFICULTY][0], r.pairs[0]), >=, target);
  g_assert_cmpfloat (percent (r.right[SCORE_DIFFICULTY][1], r.pairs[1]), >=, target);
}

static void
test_sentences (void)
{
  check_ranking ("sentences.tsv", 75.0);
}

static void
test_passages (void)
{
  check_ranking ("passages.tsv", 92.0);
}

/* The set is what the issue asks for: at least 150 and 30 pairs. */
static void
test_set_size (void)
{
  Ranking sentences;
  Ranking passages;

  rank_pairs ("sentences.tsv", &sentences);
  rank_pairs ("passages.tsv", &passages);
  g_assert_cmpuint (sentences.pairs[0] + sentences.pairs[1], >=, 150);
  g_assert_cmpuint (passages.pairs[0] + passages.pairs[1], >=, 30);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/readability-calibration/sentences", test_sentences);
  g_test_add_func ("/readability-calibration/passages", test_passages);
  g_test_add_func ("/readability-calibration/set-size", test_set_size);

  return g_test_run ();
}
