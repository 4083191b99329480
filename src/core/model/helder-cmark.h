/* helder-cmark.h
 *
 * What the model needs from cmark beyond its own API: the true last line
 * of a block.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cmark.h>
#include <glib.h>

G_BEGIN_DECLS

guint helder_cmark_node_get_end_line (cmark_node *node);

G_END_DECLS
