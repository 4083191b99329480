/* fuzz-anchor.c
 *
 * Review anchors: a quote (exact text, prefix, suffix) from review.json
 * found again in a page that changed; one input holds the three parts
 * and the page, separated by FUZZ_SEPARATOR lines. As in review.json and
 * a page, every part is UTF-8.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"
#include "helder-text-quote.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_auto(GStrv) parts = fuzz_split (data, size, 4);
  HelderTextQuote quote = { 0 };
  HelderTextQuote again = { 0 };
  HelderRange range = { 0, 0 };
  const char *text;
  gsize length;

  for (guint i = 0; i < 4; i++)
    if (!g_utf8_validate (parts[i], -1, NULL))
      return 0;

  text = parts[3];
  length = strlen (text);
  quote.exact = parts[0];
  quote.prefix = parts[1];
  quote.suffix = parts[2];
  quote.hint = size % (length + 1);

  if (helder_text_quote_anchor (&quote, text, length, &range) != HELDER_ANCHOR_ORPHANED)
    {
      g_assert (range.start <= range.end && range.end <= length);
      /* What was found can be quoted again, as a moved comment is. */
      helder_text_quote_init_from_range (&again, text, length, range);
      helder_text_quote_clear (&again);
    }

  return 0;
}
