/* bench-blocks.c: the core half of opening a page in the Blocks view.
 * Parses the longest page of the sample course and builds the rich text
 * of each of its text blocks; prints the median time next to cmark
 * rendering the same page to HTML, measured in the same run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <cmark.h>
#include <glib/gstdio.h>

#include "helder-page-content.h"
#include "helder-rich-text.h"

#define ROUNDS 200

static void
find_longest (const char *folder,
              char      **longest,
              gsize      *longest_length)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      GStatBuf info;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        find_longest (path, longest, longest_length);
      else if (g_str_has_suffix (name, ".md") && !g_str_equal (name, "README.md")
               && g_stat (path, &info) == 0 && (gsize) info.st_size > *longest_length)
        {
          g_free (*longest);
          *longest = g_steal_pointer (&path);
          *longest_length = info.st_size;
        }
    }
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static double
median_ms (gint64 *times)
{
  qsort (times, ROUNDS, sizeof (gint64), compare_times);
  return times[ROUNDS / 2] / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *samples = g_build_filename (g_getenv ("HELDER_SOURCE_ROOT"), "content-samples",
                                               "ai-bewustzijn", NULL);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  gint64 ours[ROUNDS];
  gint64 peer[ROUNDS];
  guint n_blocks = 0;
  guint n_rich = 0;

  find_longest (samples, &path, &length);
  if (path == NULL || !g_file_get_contents (path, &text, &length, NULL))
    {
      g_printerr ("No sample page found under %s; set HELDER_SOURCE_ROOT to the source folder.\n", samples);
      return 1;
    }

  for (guint round = 0; round < ROUNDS; round++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(HelderPageContent) content = helder_page_content_parse (path, text, length);
      g_autofree char *html = NULL;

      n_rich = 0;
      for (guint i = 0; i < content->blocks->len; i++)
        {
          HelderBlock *block = g_ptr_array_index (content->blocks, i);
          g_autoptr(HelderRichText) rich = NULL;

          if (block->kind != HELDER_BLOCK_TEXT && block->kind != HELDER_BLOCK_HEADING)
            continue;

          rich = helder_rich_text_parse (text + block->range.start,
                                         block->range.end - block->range.start, NULL);
          n_rich += rich != NULL;
        }
      n_blocks = content->blocks->len;
      ours[round] = g_get_monotonic_time () - start;

      start = g_get_monotonic_time ();
      html = cmark_markdown_to_html (text, length, CMARK_OPT_DEFAULT);
      peer[round] = g_get_monotonic_time () - start;
    }

  g_print ("page: %s (%" G_GSIZE_FORMAT " bytes, %u blocks, %u as rich text)\n",
           path, length, n_blocks, n_rich);
  g_print ("parse + rich text: %.3f ms (median of %d)\n", median_ms (ours), ROUNDS);
  g_print ("peer, cmark to HTML: %.3f ms (median of %d)\n", median_ms (peer), ROUNDS);
  g_print ("budget for a usable Blocks view: 150 ms\n");

  return 0;
}
