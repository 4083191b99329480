/* fuzz-page.c
 *
 * The page parser: any bytes as a page file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"
#include "helder-page-content.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(HelderPageContent) content = NULL;

  content = helder_page_content_parse ("m/p.md", (const char *) data, size);
  if (content != NULL && g_utf8_validate ((const char *) data, size, NULL))
    {
      g_autofree char *text = g_strndup ((const char *) data, size);

      helder_page_content_count_words (content, text);
    }

  return 0;
}
