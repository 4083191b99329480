/* helder-lms-mapping.c
 *
 * The column mapping (kpi-mapping.json) that corrects how the columns of
 * an LMS report were recognised.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-lms-mapping"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "helder-json-document.h"
#include "helder-json-members.h"
#include "helder-lms-report-private.h"
#include "helder-output.h"

/* The mapping file. */

void
helder_lms_report_map_column (HelderLmsReport *self,
                              const char      *header,
                              HelderLmsColumn  column)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (column < HELDER_N_LMS_COLUMNS);

  g_hash_table_insert (self->mapping, helder_lms_normalise_header (header), GUINT_TO_POINTER (column));
}

gboolean
helder_lms_report_load_mapping (HelderLmsReport  *self,
                                const char       *path,
                                GError          **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *columns;
  JsonNode *root;
  g_autoptr(GList) members = NULL;

  if (!helder_json_parser_load_file (parser, path, error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }

  root = json_parser_get_root (parser);
  columns = root != NULL && JSON_NODE_HOLDS_OBJECT (root)
              ? helder_lms_object_object (json_node_get_object (root), "columns") : NULL;
  if (columns == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: expected an object with “columns”: {\"column name\": \"learner\", …}"),
                   path);
      return FALSE;
    }

  members = json_object_get_members (columns);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *value = helder_lms_object_string (columns, l->data);
      HelderLmsColumn column;

      if (value == NULL || !helder_lms_column_from_string (value, &column))
        {
          g_autofree char *known = NULL;
          const char *names[HELDER_N_LMS_COLUMNS + 1] = { NULL };

          for (guint c = 0; c < HELDER_N_LMS_COLUMNS; c++)
            names[c] = helder_lms_column_names[c];
          known = g_strjoinv (", ", (char **) names);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s: column “%s”: “%s” is not one of: %s"),
                       path, (const char *) l->data, value != NULL ? value : "?", known);
          return FALSE;
        }
      helder_lms_report_map_column (self, l->data, column);
    }

  return TRUE;
}

/* Writes every column seen in the inputs with the meaning Helder gave it,
 * so the user can correct one line and keep the rest.
 */
gboolean
helder_lms_report_save_mapping (HelderLmsReport  *self,
                                const char       *path,
                                GError          **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) headers = g_hash_table_get_keys (self->seen_headers);
  g_autofree char *text = NULL;

  headers = g_list_sort (headers, (GCompareFunc) g_strcmp0);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "columns");
  json_builder_begin_object (builder);
  for (GList *l = headers; l != NULL; l = l->next)
    {
      json_builder_set_member_name (builder, l->data);
      json_builder_add_string_value (builder,
                                     helder_lms_column_names[GPOINTER_TO_UINT (g_hash_table_lookup (self->seen_headers, l->data))]);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = helder_json_to_text (root);

  return helder_output_write (path, NULL, text, -1, error);
}
