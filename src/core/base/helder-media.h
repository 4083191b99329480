/* helder-media.h
 *
 * Media files: their kind by extension and their duration (GStreamer's
 * discoverer), for the media checks and the export; a video's first
 * frame, for the Blocks view's video card; whether a picture can be
 * shown at all, for the accessibility checks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gint64  helder_media_get_duration       (const char  *path,
                                         GError     **error);
GBytes *helder_media_dup_first_frame    (const char  *path,
                                         GError     **error);
gboolean helder_media_check_picture     (const char  *path,
                                         GError     **error);

G_END_DECLS
