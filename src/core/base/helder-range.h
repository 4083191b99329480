/* helder-range.h: a range of bytes in a text, the unit every finding,
 * block, token and anchor is placed with, and the runs of learner-facing
 * text that the checks read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The bytes [start, end) of a text. */
typedef struct
{
  gsize start;
  gsize end;
} HelderRange;

typedef enum
{
  HELDER_TEXT_PROSE,   /* a line of a paragraph or list item */
  HELDER_TEXT_HEADING, /* a heading's text */
  HELDER_TEXT_FIELD,   /* a prose value of a Helder block field */
} HelderTextRole;

/* A stretch of learner-facing text in the page source, at most one line
 * long. Runs with the same paragraph number belong to one paragraph, so a
 * sentence may continue from one run into the next.
 */
typedef struct
{
  HelderRange    range;
  guint          paragraph;
  HelderTextRole role;
} HelderTextRun;

G_END_DECLS
