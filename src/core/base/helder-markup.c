/* helder-markup.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-markup"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "helder-markup.h"

/* helder_markup_append_escaped:
 * Appends @text to @out with <, >, &, ' and " escaped for HTML and XML
 * text and attribute values; a NULL @text appends nothing.
 */
void
helder_markup_append_escaped (GString    *out,
                              const char *text)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;
  escaped = g_markup_escape_text (text, -1);
  g_string_append (out, escaped);
}

/* helder_markup_append_report_head:
 * Starts a stand-alone HTML report in the language of the translation:
 * everything up to and including its <h1> with @title (escaped), with
 * @style (CSS, not escaped) in its head. The caller writes the body and
 * closes </main></body></html>.
 */
void
helder_markup_append_report_head (GString    *out,
                                  const char *title,
                                  const char *style)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (title != NULL);
  g_return_if_fail (style != NULL);

  /* Translators: the language code of this translation, for <html lang> */
  g_string_append_printf (out, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                          "<title>", _("en"));
  helder_markup_append_escaped (out, title);
  g_string_append_printf (out, "</title><style>%s</style></head><body><main><h1>", style);
  helder_markup_append_escaped (out, title);
  g_string_append (out, "</h1>\n");
}
