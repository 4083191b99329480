/* helder-html-markdown.h: HTML, as pasted from Word, Google Docs, a web
 * page or an e-mail, turned into the CommonMark of a text block.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* helder_html_to_commonmark:
 * @html: the HTML, UTF-8 (UTF-16 with a byte order mark is converted)
 * @length: its length in bytes, or -1 when it ends with a nul byte
 * @dropped: (nullable) (element-type utf8): receives, once each, a short
 *   English key of what could not be kept ("script", "style", "image",
 *   "video", "audio", "table", "form", "iframe", "object"), so the caller
 *   can tell the user; the caller owns the array, which frees with g_free
 *
 * Parses @html with libxml2's HTML parser (no network, no error output)
 * and keeps headings, paragraphs, line breaks, bullet and numbered lists
 * (nested, also Word's list paragraphs), block quotes, bold, italic,
 * inline code and links to http, https and mailto addresses. Everything
 * else is dropped but keeps its visible text; a table becomes one
 * paragraph per row with its cells separated by " – ". Text is escaped so
 * it stays text, and whitespace is collapsed as a browser would.
 *
 * Returns: (transfer full): the CommonMark, ending with one newline, or
 *   an empty string when nothing visible was left.
 */
char *helder_html_to_commonmark (const char *html,
                                 gssize      length,
                                 GPtrArray  *dropped);

G_END_DECLS
