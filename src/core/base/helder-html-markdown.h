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

/* Helpers for every writer of CommonMark text. */

/* helder_commonmark_escape_char:
 * @out: where the character goes
 * @p: a UTF-8 character in a nul-terminated text
 *
 * Appends the character at @p, with a backslash before it when CommonMark
 * would read it as inline syntax: \\ * _ ` [ ] < > and an & that starts a
 * character reference.
 *
 * Returns: (transfer none): the character after it, in the same text
 */
const char *helder_commonmark_escape_char (GString    *out,
                                           const char *p);

/* helder_commonmark_append_line:
 * @out: where the line goes
 * @line: (array length=length): one line of inline CommonMark, already
 *   escaped with helder_commonmark_escape_char()
 * @heading: TRUE when the line is a heading's text
 *
 * Appends @line and escapes what would make its start read as block
 * syntax ("#", ">", "- ", "+ ", "1.", "=" or "---"); in a heading, every
 * "#", since closing ones would be taken away.
 */
void        helder_commonmark_append_line (GString    *out,
                                           const char *line,
                                           gsize       length,
                                           gboolean    heading);

/* helder_commonmark_append_code_span:
 * @out: where the code span goes
 * @code: the code, not empty, on one line
 *
 * Appends @code between enough backticks, with spaces inside when it
 * starts or ends with a backtick.
 */
void        helder_commonmark_append_code_span (GString    *out,
                                                const char *code);

/* helder_commonmark_append_link_destination:
 * @out: where the destination goes
 * @url: a link target
 *
 * Appends @url as a link destination, percent-encoding the spaces,
 * brackets, parentheses and control characters a reader could take for
 * the end of the link.
 */
void        helder_commonmark_append_link_destination (GString    *out,
                                                       const char *url);

G_END_DECLS
