/* helder-recovery.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-recovery"

#include "config.h"

#include <errno.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "helder-recovery.h"

/* One file per course folder, named after a hash of its absolute path so
 * two courses never share one.
 */
char *
helder_recovery_get_path (HelderCourse *course)
{
  g_autofree char *absolute = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (HELDER_IS_COURSE (course), NULL);

  absolute = g_canonicalize_filename (helder_course_get_path (course), NULL);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, absolute, -1);
  name = g_strconcat (hash, ".json", NULL);

  return g_build_filename (g_get_user_state_dir (), "helder", "recovery", name, NULL);
}

gboolean
helder_recovery_store (HelderCourse  *course,
                       GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *data = NULL;
  g_autofree char *absolute = NULL;
  guint n_pages = 0;
  gsize length;

  g_return_val_if_fail (HELDER_IS_COURSE (course), FALSE);

  path = helder_recovery_get_path (course);
  absolute = g_canonicalize_filename (helder_course_get_path (course), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "course");
  json_builder_add_string_value (builder, absolute);
  json_builder_set_member_name (builder, "saved-at");
  json_builder_add_int_value (builder, g_get_real_time () / G_USEC_PER_SEC);
  json_builder_set_member_name (builder, "pages");
  json_builder_begin_object (builder);

  for (guint m = 0; m < helder_course_get_n_modules (course); m++)
    {
      HelderModule *module = helder_course_get_module (course, m);

      for (guint p = 0; p < helder_module_get_n_pages (module); p++)
        {
          HelderPage *page = helder_module_get_page (module, p);

          if (!helder_page_get_modified (page))
            continue;

          json_builder_set_member_name (builder, helder_page_get_file (page));
          json_builder_add_string_value (builder, helder_page_get_text (page));
          n_pages++;
        }
    }

  json_builder_end_object (builder);
  json_builder_end_object (builder);

  if (n_pages == 0)
    {
      g_unlink (path);
      return TRUE;
    }

  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "%s: %s", folder, g_strerror (saved));
      return FALSE;
    }

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);

  return g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                   error);
}

/**
 * helder_recovery_find:
 *
 * Returns: (transfer full) (nullable): page file → unsaved text, for the
 *   pages of @course whose recovered text differs from the text it has now;
 *   %NULL when there is nothing to recover.
 */
GHashTable *
helder_recovery_find (HelderCourse *course)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) texts = NULL;
  g_autofree char *path = NULL;
  JsonNode *root;
  JsonObject *pages;
  g_autoptr(GList) members = NULL;

  g_return_val_if_fail (HELDER_IS_COURSE (course), NULL);

  path = helder_recovery_get_path (course);
  if (!json_parser_load_from_file (parser, path, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  pages = json_object_get_object_member (json_node_get_object (root), "pages");
  if (pages == NULL)
    return NULL;

  texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  members = json_object_get_members (pages);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      HelderPage *page = helder_course_find_page (course, l->data);
      JsonNode *node = json_object_get_member (pages, l->data);
      const char *text;

      if (page == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
          json_node_get_value_type (node) != G_TYPE_STRING)
        continue;

      text = json_node_get_string (node);
      if (!g_str_equal (text, helder_page_get_text (page)))
        g_hash_table_insert (texts, g_strdup (l->data), g_strdup (text));
    }

  if (g_hash_table_size (texts) == 0)
    return NULL;

  return g_steal_pointer (&texts);
}

/* Puts the recovered texts into their pages (as unsaved changes) and
 * returns how many pages changed.
 */
guint
helder_recovery_apply (HelderCourse *course,
                       GHashTable   *texts)
{
  GHashTableIter iter;
  gpointer key;
  gpointer value;
  guint n = 0;

  g_return_val_if_fail (HELDER_IS_COURSE (course), 0);
  g_return_val_if_fail (texts != NULL, 0);

  g_hash_table_iter_init (&iter, texts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      HelderPage *page = helder_course_find_page (course, key);

      if (page != NULL)
        {
          helder_page_set_text (page, value, -1);
          n++;
        }
    }

  return n;
}

void
helder_recovery_discard (HelderCourse *course)
{
  g_autofree char *path = NULL;

  g_return_if_fail (HELDER_IS_COURSE (course));

  path = helder_recovery_get_path (course);
  g_unlink (path);
}
