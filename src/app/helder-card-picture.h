/* helder-card-picture.h
 *
 * Pictures as a block card shows them: decoded at the size the card
 * draws them, in the format GTK's renderers draw without converting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* How high a card shows a picture, and at most how wide, in points. */
#define HELDER_CARD_PICTURE_HEIGHT    180
#define HELDER_CARD_PICTURE_MAX_WIDTH 1280

/* Decodes the picture in @bytes (any format gdk-pixbuf reads, SVG too),
 * scaled down to fit HELDER_CARD_PICTURE_MAX_WIDTH ×
 * HELDER_CARD_PICTURE_HEIGHT points on a screen of @scale pixels per
 * point, and never up. Safe to call in a thread.
 * Returns: (transfer full) (nullable): the picture, or %NULL with @error set.
 */
GdkTexture *helder_card_picture_new_from_bytes (GBytes      *bytes,
                                                int          scale,
                                                GError     **error);
/* The same for the file at @path.
 * Returns: (transfer full) (nullable): the picture, or %NULL with @error set.
 */
GdkTexture *helder_card_picture_new_from_path  (const char  *path,
                                                int          scale,
                                                GError     **error);

G_END_DECLS
