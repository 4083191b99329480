/* bench-language.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The language-check benchmark: a full check of about 200,000 words of
 * Dutch (the GIMP manual from the Debian package gimp-help-nl, made into
 * text at run time) against `hunspell -l -d nl_NL` on the same text; the
 * re-check after a one-character edit in a 600-word page; peak memory.
 */

#include "config.h"

#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "helder-language-checker.h"
#include "helder-page-content.h"

#define CORPUS_WORDS 200000
#define PAGE_WORDS 600
#define EDITS 400

static const char *help_dirs[] = {
  "/usr/share/gimp/2.0/help/nl",
  NULL
};

static void
add_html_file (GString    *corpus,
               const char *path,
               GRegex     *paragraphs,
               GRegex     *tags)
{
  g_autofree char *html = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  if (!g_file_get_contents (path, &html, NULL, NULL) || !g_utf8_validate (html, -1, NULL))
    return;

  g_regex_match (paragraphs, html, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *inner = g_match_info_fetch (match, 1);
      g_autofree char *plain = g_regex_replace_literal (tags, inner, -1, 0, "", 0, NULL);
      g_auto(GStrv) words = g_strsplit_set (g_strstrip (plain), " \t\r\n", -1);
      GString *line = g_string_new (NULL);

      for (guint i = 0; words[i] != NULL; i++)
        if (words[i][0] != '\0')
          {
            if (line->len > 0)
              g_string_append_c (line, ' ');
            g_string_append (line, words[i]);
          }
      if (line->len > 40)
        g_string_append_printf (corpus, "%s\n\n", line->str);
      g_string_free (line, TRUE);
      g_match_info_next (match, NULL);
    }
}

static void
collect (GString    *corpus,
         const char *dir,
         GRegex     *paragraphs,
         GRegex     *tags,
         guint      *total)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < names->len && *total < CORPUS_WORDS; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect (corpus, path, paragraphs, tags, total);
      else if (g_str_has_suffix (path, ".html"))
        {
          gsize before = corpus->len;

          add_html_file (corpus, path, paragraphs, tags);
          *total += helder_count_words (corpus->str + before, corpus->len - before);
        }
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GRegex) paragraphs = g_regex_new ("<p[^>]*>(.*?)</p>", G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GRegex) tags = g_regex_new ("<[^>]*>|&[a-z]+;|&#[0-9]+;", 0, 0, NULL);
  g_autoptr(GString) corpus = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *corpus_path = NULL;
  g_autofree char *peer_out = NULL;
  g_autoptr(HelderPageContent) content = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(HelderLanguageChecker) checker = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GString) page = g_string_new (NULL);
  const char *peer_argv[] = { "hunspell", "-l", "-d", "nl_NL", NULL, NULL };
  struct rusage usage;
  gint64 start;
  double ours;
  double peer;
  int fd;
  int status;
  guint words;

  words = 0;
  for (guint i = 0; help_dirs[i] != NULL; i++)
    collect (corpus, help_dirs[i], paragraphs, tags, &words);
  if (words < CORPUS_WORDS / 2)
    {
      g_print ("SKIP: install gimp-help-nl for the Dutch corpus (found %u words)\n", words);
      return 77;
    }

  fd = g_file_open_tmp ("helder-bench-XXXXXX.txt", &corpus_path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (corpus_path, corpus->str, corpus->len, &error);
  g_assert_no_error (error);
  peer_argv[4] = corpus_path;

  g_print ("corpus: %u words from gimp-help-nl\n", words);

  /* The peer: hunspell lists the misspelled words of the same text. */
  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) peer_argv, NULL, G_SPAWN_SEARCH_PATH |
                     G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &peer_out, NULL, &status, &error))
    {
      g_print ("SKIP: hunspell is not installed (%s)\n", error->message);
      g_unlink (corpus_path);
      return 77;
    }
  peer = (g_get_monotonic_time () - start) / 1e6;

  /* Ours: parse, tokenize, every rule with spelling, dictionaries loaded
   * from scratch like the peer's. Like `hunspell -l`, the check lists the
   * unknown words; their replacements are asked for one at a time, below.
   */
  start = g_get_monotonic_time ();
  content = helder_page_content_parse ("corpus.md", corpus->str, corpus->len);
  checker = helder_language_checker_new (NULL, NULL);
  found = helder_language_checker_check (checker, "corpus.md", corpus->str, content, NULL);
  ours = (g_get_monotonic_time () - start) / 1e6;
  getrusage (RUSAGE_SELF, &usage);

  g_print ("full check: helder %.2f s (%u findings), hunspell -l %.2f s: %.1fx faster "
           "(target >= 2x)\n", ours, found->len, peer, peer / ours);
  g_print ("peak memory of the full check: %.1f MB (target <= 100 MB)\n",
           usage.ru_maxrss / 1024.0);

  /* What one spelling finding's replacements cost when the author opens
   * its menu: hunspell's suggest, for the first 100 unknown words.
   */
  {
    guint asked = 0;

    start = g_get_monotonic_time ();
    for (guint i = 0; i < found->len && asked < 100; i++)
      {
        HelderDiagnostic *d = g_ptr_array_index (found, i);

        if (g_str_equal (d->rule, "spelling"))
          {
            helder_language_add_spelling_suggestions (d, corpus->str);
            asked++;
          }
      }
    if (asked > 0)
      g_print ("spelling replacements on demand: %.1f ms per finding (%u findings)\n",
               (g_get_monotonic_time () - start) / 1e3 / asked, asked);
  }

  /* The editor: a 600-word page, one character changed per re-check. */
  {
    const char *p = corpus->str;

    while (helder_count_words (page->str, page->len) < PAGE_WORDS && *p != '\0')
      {
        const char *end = strstr (p, "\n\n");
        gsize n = end != NULL ? (gsize) (end - p) + 2 : strlen (p);

        g_string_append_len (page, p, n);
        p += n;
      }
  }
  {
    g_autoptr(HelderLanguageChecker) editor = helder_language_checker_new (NULL, NULL);
    g_autoptr(HelderPageContent) first = helder_page_content_parse ("p.md", page->str, page->len);
    g_autoptr(GPtrArray) initial = helder_language_checker_check (editor, "p.md", page->str,
                                                                  first, NULL);
    gsize middle = page->len / 2;

    while (middle < page->len && !g_ascii_isalpha (page->str[middle]))
      middle++;

    for (guint i = 0; i < EDITS; i++)
      {
        g_autoptr(HelderPageContent) edited = NULL;
        g_autoptr(GPtrArray) added = NULL;
        g_autoptr(GPtrArray) removed = NULL;
        double ms;

        /* Type a letter, then the next edit puts the old one back. */
        page->str[middle] = page->str[middle] == 'x' ? 'e' : 'x';
        start = g_get_monotonic_time ();
        edited = helder_page_content_parse ("p.md", page->str, page->len);
        helder_language_checker_recheck (editor, "p.md", page->str, edited, &added, &removed);
        ms = (g_get_monotonic_time () - start) / 1e3;
        g_array_append_val (times, ms);
      }
    g_array_sort (times, compare_doubles);
    g_print ("re-check after a one-character edit in a %u-word page (parse + rules, %u edits): "
             "median %.3f ms (target <= 1 ms), p99 %.3f ms (target <= 5 ms)\n",
             helder_count_words (page->str, page->len), EDITS,
             g_array_index (times, double, times->len / 2),
             g_array_index (times, double, times->len * 99 / 100));
  }

  g_unlink (corpus_path);
  return 0;
}
