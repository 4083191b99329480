/* helder-handout.h: a printable PDF handout of a module or a whole course,
 * laid out with cairo and Pango (no browser, no display).
 *
 * A4, in the course's colours, with a table of contents whose entries
 * link to their pages, PDF bookmarks, and page numbers. Text, headings,
 * lists, quotes, callouts, images (SVG through librsvg) with captions;
 * accordions, tabs, flashcards and steps printed open; video and audio as
 * their poster and transcript; knowledge checks and tests as questions
 * with an answer key at the end, or left out. The handout's own words
 * ("Inhoud", "Antwoorden") are the player's labels in the course language.
 *
 * Reads the course: main thread only, like everything that takes a
 * HelderCourse.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-course.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean questions;  /* print knowledge checks and tests, with an answer key (TRUE) */
} HelderHandoutOptions;

void     helder_handout_options_init (HelderHandoutOptions       *options);
gboolean helder_handout_write        (HelderCourse               *course,
                                      HelderModule               *module,
                                      const HelderHandoutOptions *options,
                                      const char                 *output,
                                      guint                      *n_pages,
                                      GError                    **error);

G_END_DECLS
