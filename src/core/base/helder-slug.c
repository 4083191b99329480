/* helder-slug.c: names for files and folders made from a title.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-slug"

#include "config.h"

#include "helder-slug.h"

/**
 * helder_slug_dup:
 * @title: any text, as a person wrote it
 * @max_length: the longest result, in bytes; 0 for no limit
 *
 * The title as a name for a file or folder: lower case, accents folded
 * ("één" gives "een"), letters and digits, every other run of characters
 * one "-", none at either end. It may be empty.
 *
 * Returns: (transfer full): the name; the caller frees it
 */
char *
helder_slug_dup (const char *title,
                 gsize       max_length)
{
  g_autofree char *lower = NULL;
  g_autofree char *ascii = NULL;
  GString *slug = g_string_new (NULL);

  g_return_val_if_fail (title != NULL, NULL);

  lower = g_utf8_strdown (title, -1);
  ascii = g_str_to_ascii (lower, "C");
  for (const char *p = ascii; *p != '\0' && (max_length == 0 || slug->len < max_length); p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }

  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);

  return g_string_free (slug, FALSE);
}
