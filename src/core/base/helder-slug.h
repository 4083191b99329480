/* helder-slug.h: names for files and folders made from a title.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *helder_slug_dup (const char *title,
                       gsize       max_length);

G_END_DECLS
