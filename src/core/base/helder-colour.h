/* helder-colour.h
 *
 * Colours as the course format writes them (#rrggbb): parsing, formatting
 * and relative luminance.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An opaque sRGB colour as the course format writes it. */
typedef struct
{
  guint8 red;
  guint8 green;
  guint8 blue;
} HelderColour;

gboolean  helder_colour_parse     (const char          *text,
                                   HelderColour        *colour,
                                   GError             **error);
/* helder_colour_to_string: (transfer full): the caller frees the text with g_free() */
char     *helder_colour_to_string (const HelderColour  *colour);

G_END_DECLS
