/* helder-json-members.h
 *
 * Small helpers that add one member to a JSON object in one call, for the
 * CLI's and the reports' JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One object member in one call, for the JSON that helder-cli prints and
 * the reports write; a NULL string becomes JSON null.
 */
void helder_json_add_string (JsonBuilder *builder,
                             const char  *name,
                             const char  *value);
void helder_json_add_int    (JsonBuilder *builder,
                             const char  *name,
                             gint64       value);
void helder_json_add_bool   (JsonBuilder *builder,
                             const char  *name,
                             gboolean     value);

G_END_DECLS
