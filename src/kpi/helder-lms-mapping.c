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
#include "helder-team-lock.h"

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

/* Reads the "columns" of a mapping file into @columns (header as
 * written → HelderLmsColumn).
 */
static gboolean
read_columns (const char  *path,
              GHashTable  *columns,
              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  JsonNode *root;
  g_autoptr(GList) members = NULL;

  if (!helder_json_parser_load_file (parser, path, error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }

  root = json_parser_get_root (parser);
  object = root != NULL && JSON_NODE_HOLDS_OBJECT (root)
             ? helder_lms_object_object (json_node_get_object (root), "columns") : NULL;
  if (object == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: expected an object with “columns”: {\"column name\": \"learner\", …}"),
                   path);
      return FALSE;
    }

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *value = helder_lms_object_string (object, l->data);
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
      g_hash_table_insert (columns, g_strdup (l->data), GUINT_TO_POINTER (column));
    }

  return TRUE;
}

/* Writes @columns (header as written → HelderLmsColumn) as a mapping
 * file, sorted by header, replacing the file at once.
 */
static gboolean
write_columns (GHashTable  *columns,
               const char  *path,
               GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) headers = g_hash_table_get_keys (columns);
  g_autofree char *text = NULL;

  headers = g_list_sort (headers, (GCompareFunc) g_strcmp0);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "columns");
  json_builder_begin_object (builder);
  for (GList *l = headers; l != NULL; l = l->next)
    {
      json_builder_set_member_name (builder, l->data);
      json_builder_add_string_value (builder,
                                     helder_lms_column_names[GPOINTER_TO_UINT (g_hash_table_lookup (columns, l->data))]);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = helder_json_to_text (root);

  return helder_output_write (path, NULL, text, -1, error);
}

gboolean
helder_lms_report_load_mapping (HelderLmsReport  *self,
                                const char       *path,
                                GError          **error)
{
  g_autoptr(GHashTable) columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer header, column;

  if (!read_columns (path, columns, error))
    return FALSE;

  g_hash_table_iter_init (&iter, columns);
  while (g_hash_table_iter_next (&iter, &header, &column))
    helder_lms_report_map_column (self, header, GPOINTER_TO_UINT (column));

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
  g_autoptr(GHashTable) columns = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->headers->len; i++)
    {
      const HelderLmsHeader *seen = g_ptr_array_index (self->headers, i);

      g_hash_table_insert (columns, seen->header, GUINT_TO_POINTER (seen->column));
    }

  return write_columns (columns, path, error);
}

/**
 * helder_lms_save_chosen_columns:
 * @course: the course whose mapping file is written
 * @headers: (element-type HelderLmsHeader): the columns with the meaning
 *   the user chose for each
 * @replace_unreadable: whether a mapping file that cannot be read is
 *   replaced by the chosen columns alone, rather than refused
 *
 * Saves what the user chose (in the app's Match Columns) to the course's
 * mapping file, under the course's lock, keeping the columns of other
 * files already in it. A header listed twice gets the meaning of the
 * last.
 *
 * Returns: %FALSE with @error set when the course is locked, the file
 *   cannot be written, or it cannot be read and @replace_unreadable is
 *   %FALSE; the file is then as it was.
 */
gboolean
helder_lms_save_chosen_columns (HelderCourse  *course,
                                GPtrArray     *headers,
                                gboolean       replace_unreadable,
                                GError       **error)
{
  g_autoptr(HelderTeamLock) lock = NULL;
  g_autoptr(GHashTable) columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *path = NULL;
  GHashTableIter iter;
  gpointer header;

  g_return_val_if_fail (HELDER_IS_COURSE (course), FALSE);
  g_return_val_if_fail (headers != NULL, FALSE);

  lock = helder_team_lock_acquire (helder_course_get_path (course), error);
  if (lock == NULL)
    return FALSE;

  path = helder_lms_report_mapping_path (course);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GError) read_error = NULL;

      if (!read_columns (path, columns, &read_error))
        {
          if (!replace_unreadable)
            {
              g_propagate_error (error, g_steal_pointer (&read_error));
              return FALSE;
            }
          g_hash_table_remove_all (columns);
        }
    }

  /* Headers are matched as the reports match them ("Klaar?" = "klaar"):
   * an older spelling of a chosen header gives way to it.
   */
  for (guint i = 0; i < headers->len; i++)
    g_hash_table_add (chosen, helder_lms_normalise_header (((HelderLmsHeader *) g_ptr_array_index (headers, i))->header));
  g_hash_table_iter_init (&iter, columns);
  while (g_hash_table_iter_next (&iter, &header, NULL))
    {
      g_autofree char *name = helder_lms_normalise_header (header);

      if (g_hash_table_contains (chosen, name))
        g_hash_table_iter_remove (&iter);
    }

  for (guint i = 0; i < headers->len; i++)
    {
      const HelderLmsHeader *h = g_ptr_array_index (headers, i);

      g_return_val_if_fail (h->column < HELDER_N_LMS_COLUMNS, FALSE);
      g_hash_table_insert (columns, g_strdup (h->header), GUINT_TO_POINTER (h->column));
    }

  return write_columns (columns, path, error);
}
