/* helder-cmark.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-cmark"

#include "config.h"

#include <string.h>

#include "helder-cmark.h"

/**
 * helder_cmark_node_get_end_line:
 *
 * cmark 0.30 ends an HTML block that closes on a condition (a comment,
 * `<script>`, `<?…?>`, `<!X…>` or CDATA) on the line before its start;
 * a block whose range were taken from that would vanish from the page.
 * This counts such a block's lines from its text instead.
 *
 * Returns: the 1-based line @node ends on
 */
guint
helder_cmark_node_get_end_line (cmark_node *node)
{
  guint start = (guint) cmark_node_get_start_line (node);
  guint end = (guint) cmark_node_get_end_line (node);
  const char *literal;
  guint lines = 0;
  gsize length;

  g_return_val_if_fail (node != NULL, 0);

  if (end >= start || cmark_node_get_type (node) != CMARK_NODE_HTML_BLOCK)
    return end;

  literal = cmark_node_get_literal (node);
  length = literal != NULL ? strlen (literal) : 0;
  for (const char *p = literal; length > 0 && (p = memchr (p, '\n', length - (p - literal)));
       p++)
    lines++;
  if (length > 0 && literal[length - 1] != '\n')
    lines++;

  return start + MAX (lines, 1) - 1;
}
