/* helder-markup.h: escaped text and the start of a stand-alone HTML
 * report, shared by every writer of HTML and XML.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void helder_markup_append_escaped     (GString    *out,
                                       const char *text);
void helder_markup_append_report_head (GString    *out,
                                       const char *title,
                                       const char *style);

G_END_DECLS
