/* helder-reading-order.h: a learner's page, as HTML, turned into the
 * lines a screen reader reads, in its reading order: headings, text,
 * list items, images by their alt text, answer choices, buttons and
 * media by their names. The app shows them as the preview's "Read as
 * Text" view, for the team members who use a screen reader (the web
 * preview's own tree is out of their reach under GTK 4.8).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  HELDER_READING_TEXT,
  HELDER_READING_HEADING,
  HELDER_READING_LIST_ITEM,
  HELDER_READING_IMAGE,
  HELDER_READING_CHOICE,
  HELDER_READING_BUTTON,
  HELDER_READING_VIDEO,
  HELDER_READING_AUDIO,
} HelderReadingKind;

typedef struct {
  HelderReadingKind  kind;
  guint              level;  /* a heading's level, 1 to 6; else 0 */
  char              *text;   /* what is read; an image without alt text has "" */
} HelderReadingItem;

void       helder_reading_item_free       (HelderReadingItem *item);

/* helder_reading_order_from_html:
 * @html: the page's HTML, UTF-8
 * @length: its length in bytes, or -1 when it ends with a nul byte
 *
 * Parses @html with libxml2's HTML parser (no network, no error output)
 * and walks it in document order, as a screen reader's browse mode does:
 * whitespace is collapsed, scripts, styles, templates and what is hidden
 * (the hidden attribute, aria-hidden="true") are left out, a decorative
 * image (alt="") is not read, and a radio button or check box is read
 * once, as the text of its label.
 *
 * Returns: (transfer full) (element-type HelderReadingItem): the items,
 *   freed with the array
 */
GPtrArray *helder_reading_order_from_html (const char *html,
                                           gssize      length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderReadingItem, helder_reading_item_free)

G_END_DECLS
