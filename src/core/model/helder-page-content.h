/* helder-page-content.h
 *
 * HelderPageContent: the parsed form of one page (blocks, images, learner-
 * facing text runs, syntax problems).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "helder-block.h"
#include "helder-line-map.h"

G_BEGIN_DECLS

/* The parsed form of one page source: its blocks with their byte ranges,
 * its inline images, the runs of learner-facing text, and the problems
 * found in the page syntax. It is rebuilt whenever the text changes.
 */
typedef struct
{
  char          *file;
  char          *title;       /* text of the first level-1 heading, or NULL */
  GPtrArray     *blocks;      /* of HelderBlock*, top level, in source order */
  GPtrArray     *images;      /* of HelderBlock*: inline ![alt](src) images */
  GArray        *runs;        /* of HelderTextRun */
  GPtrArray     *diagnostics; /* of HelderDiagnostic* */
  HelderLineMap *lines;
} HelderPageContent;

HelderPageContent *helder_page_content_parse (const char        *file,
                                              const char        *text,
                                              gsize              length);
void               helder_page_content_free  (HelderPageContent *self);
guint              helder_page_content_count_words (const HelderPageContent *self,
                                                    const char              *text);
guint              helder_count_words        (const char        *text,
                                              gsize              length);
gboolean           helder_goal_reference_is_valid (const char   *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderPageContent, helder_page_content_free)

G_END_DECLS
