/* helder-json-members.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-json-members"

#include "config.h"

#include "helder-json-members.h"

void
helder_json_add_string (JsonBuilder *builder,
                        const char  *name,
                        const char  *value)
{
  g_return_if_fail (JSON_IS_BUILDER (builder));
  g_return_if_fail (name != NULL);

  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* Adds the member @name with the integer @value. */
void
helder_json_add_int (JsonBuilder *builder,
                     const char  *name,
                     gint64       value)
{
  g_return_if_fail (JSON_IS_BUILDER (builder));
  g_return_if_fail (name != NULL);

  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/* Adds the member @name with the boolean @value. */
void
helder_json_add_bool (JsonBuilder *builder,
                      const char  *name,
                      gboolean     value)
{
  g_return_if_fail (JSON_IS_BUILDER (builder));
  g_return_if_fail (name != NULL);

  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}
