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
 * two courses never share one. Returns: (transfer full): the path.
 */
char *
helder_recovery_dup_path (HelderCourse *course)
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

/* What a store writes: the recovery file's path and its text, or no text
 * when no page has unsaved changes (the file is then removed). Writes may
 * run in threads; each has a number, and one never overwrites what a
 * later one (or a discard) wrote.
 */
typedef struct
{
  char    *path;
  GBytes  *data;
  guint64  sequence;
} RecoveryWrite;

static GMutex write_lock;
static guint64 last_sequence;    /* the newest write or discard begun */
static guint64 written_sequence; /* the newest write or discard done */

static void
recovery_write_free (RecoveryWrite *write)
{
  g_free (write->path);
  g_clear_pointer (&write->data, g_bytes_unref);
  g_free (write);
}

static RecoveryWrite *
recovery_write_new (HelderCourse *course)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *absolute = g_canonicalize_filename (helder_course_get_path (course), NULL);
  RecoveryWrite *write = g_new0 (RecoveryWrite, 1);
  guint n_pages = 0;

  write->path = helder_recovery_dup_path (course);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "course");
  json_builder_add_string_value (builder, absolute);
  json_builder_set_member_name (builder, "saved-at");
  json_builder_add_int_value (builder, g_get_real_time () / G_USEC_PER_SEC);
  json_builder_set_member_name (builder, "pages");
  json_builder_begin_object (builder);

  for (HelderPageIter iter = helder_course_iter_pages (course); helder_page_iter_next (&iter);)
    {
      HelderPage *page = iter.page;

      if (!helder_page_get_modified (page))
        continue;

      json_builder_set_member_name (builder, helder_page_get_file (page));
      json_builder_add_string_value (builder, helder_page_get_text (page));
      n_pages++;
    }

  json_builder_end_object (builder);
  json_builder_end_object (builder);

  if (n_pages > 0)
    {
      char *data;
      gsize length;

      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      data = json_generator_to_data (generator, &length);
      write->data = g_bytes_new_take (data, length);
    }

  g_mutex_lock (&write_lock);
  write->sequence = ++last_sequence;
  g_mutex_unlock (&write_lock);

  return write;
}

static gboolean
recovery_write_run (RecoveryWrite  *write,
                    GError        **error)
{
  g_autofree char *folder = g_path_get_dirname (write->path);
  gboolean ok = TRUE;

  g_mutex_lock (&write_lock);
  if (write->sequence < written_sequence)
    {
      g_mutex_unlock (&write_lock);
      return TRUE;
    }

  if (write->data == NULL)
    g_unlink (write->path);
  else if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "%s: %s", folder, g_strerror (saved));
      ok = FALSE;
    }
  else
    ok = g_file_set_contents_full (write->path, g_bytes_get_data (write->data, NULL),
                                   g_bytes_get_size (write->data),
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);

  written_sequence = write->sequence;
  g_mutex_unlock (&write_lock);

  return ok;
}

gboolean
helder_recovery_store (HelderCourse  *course,
                       GError       **error)
{
  RecoveryWrite *write;
  gboolean ok;

  g_return_val_if_fail (HELDER_IS_COURSE (course), FALSE);

  write = recovery_write_new (course);
  ok = recovery_write_run (write, error);
  recovery_write_free (write);

  return ok;
}

static void
store_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;

  if (recovery_write_run (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * helder_recovery_store_async:
 *
 * Like helder_recovery_store(), but writes (and syncs) the file in a
 * thread: the texts are taken now, so the caller may go on editing.
 */
void
helder_recovery_store_async (HelderCourse        *course,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HELDER_IS_COURSE (course));

  task = g_task_new (NULL, NULL, callback, user_data);
  g_task_set_source_tag (task, helder_recovery_store_async);
  g_task_set_task_data (task, recovery_write_new (course), (GDestroyNotify) recovery_write_free);
  g_task_run_in_thread (task, store_thread);
}

/* Finishes helder_recovery_store_async(); FALSE with @error set when the
 * file could not be written.
 */
gboolean
helder_recovery_store_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * helder_recovery_find:
 *
 * @saved_at: (out) (optional) (transfer full): when the texts were kept,
 *   in local time; set only when something is returned
 *
 * Returns: (transfer full) (nullable): page file → unsaved text, for the
 *   pages of @course whose recovered text differs from the text it has now;
 *   %NULL when there is nothing to recover.
 */
GHashTable *
helder_recovery_find (HelderCourse  *course,
                      GDateTime    **saved_at)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) texts = NULL;
  g_autofree char *path = NULL;
  JsonNode *root;
  JsonObject *pages;
  g_autoptr(GList) members = NULL;

  g_return_val_if_fail (HELDER_IS_COURSE (course), NULL);

  path = helder_recovery_dup_path (course);
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

  if (saved_at != NULL)
    {
      gint64 seconds = json_object_get_int_member_with_default (json_node_get_object (root),
                                                                "saved-at", 0);

      /* A file without its time (or a broken one) dates from when it was last written. */
      if (seconds <= 0)
        {
          g_autoptr(GFile) file = g_file_new_for_path (path);
          g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                                         G_FILE_QUERY_INFO_NONE, NULL, NULL);

          seconds = info != NULL ? (gint64) g_file_info_get_attribute_uint64 (info,
                                                                              G_FILE_ATTRIBUTE_TIME_MODIFIED)
                                 : g_get_real_time () / G_USEC_PER_SEC;
        }
      *saved_at = g_date_time_new_from_unix_local (seconds);
    }

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

/* Removes the course's recovery file: its edits were saved or thrown away. */
void
helder_recovery_discard (HelderCourse *course)
{
  g_autofree char *path = NULL;

  g_return_if_fail (HELDER_IS_COURSE (course));

  /* A write still running in a thread must not bring the file back. */
  path = helder_recovery_dup_path (course);
  g_mutex_lock (&write_lock);
  written_sequence = ++last_sequence;
  g_unlink (path);
  g_mutex_unlock (&write_lock);
}
