/* helder-date.h: calendar dates as the course format and Dutch text
 * write them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  helder_date_parse_iso      (const char  *text,
                                      GDate       *date);
guint     helder_date_month_from_name (const char *word,
                                       gsize       length);
char     *helder_date_dup_long       (const GDate *date,
                                      const char  *month_names);
void      helder_date_set_today      (GDate       *date);

G_END_DECLS
