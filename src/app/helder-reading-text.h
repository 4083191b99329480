/* helder-reading-text.h: a page as the learner's screen reader reads it,
 * as lines of text in the user's words ("Image: …", "Button: …"). The
 * preview's "Read as Text" view shows it, and "Changes Since Approval"
 * compares two versions of it, so that neither shows file syntax.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-course.h"
#include "helder-reading-order.h"

G_BEGIN_DECLS

/* helder_reading_text_dup_items:
 *
 * Renders @page with the export's own renderer, as a page of @module,
 * and reads the result in reading order.
 *
 * Returns: (transfer full) (element-type HelderReadingItem): the items
 */
GPtrArray *helder_reading_text_dup_items (HelderCourse            *course,
                                          HelderModule            *module,
                                          HelderPage              *page);

/* helder_reading_text_dup_line:
 *
 * Returns: (transfer full): @item as one line, with the role a screen
 *   reader says before it ("Image: …", "• …")
 */
char      *helder_reading_text_dup_line  (const HelderReadingItem *item);

/* helder_reading_text_dup_page:
 *
 * Returns: (transfer full): the lines of @page joined by newlines
 */
char      *helder_reading_text_dup_page  (HelderCourse            *course,
                                          HelderModule            *module,
                                          HelderPage              *page);

G_END_DECLS
