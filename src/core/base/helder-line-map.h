/* helder-line-map.h
 *
 * HelderLineMap: byte offsets to 1-based lines and columns and back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Maps byte offsets in a text to 1-based lines and character columns and
 * back, so every finding can say where it is.
 */
typedef struct _HelderLineMap HelderLineMap;

HelderLineMap *helder_line_map_new        (const char          *text,
                                           gsize                length);
void           helder_line_map_free       (HelderLineMap       *self);
guint          helder_line_map_get_n_lines (const HelderLineMap *self);
gsize          helder_line_map_line_start (const HelderLineMap *self,
                                           guint                line);
gsize          helder_line_map_line_end   (const HelderLineMap *self,
                                           guint                line);
void           helder_line_map_locate     (const HelderLineMap *self,
                                           gsize                offset,
                                           guint               *line,
                                           guint               *column);
gsize          helder_line_map_offset     (const HelderLineMap *self,
                                           guint                line,
                                           guint                byte_column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderLineMap, helder_line_map_free)

G_END_DECLS
