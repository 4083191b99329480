/* helder-media.h
 *
 * Media files: their kind by extension and their duration (GStreamer's
 * discoverer), for the media checks and the export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gint64 helder_media_get_duration (const char  *path,
                                  GError     **error);

G_END_DECLS
