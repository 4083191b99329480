/* helder-ignore-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-ignore-list"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "helder-ignore-list.h"
#include "helder-json-document.h"
#include "helder-output.h"
#include "helder-team-lock.h"

struct _HelderIgnoreList
{
  char       *path;
  GHashTable *keys; /* "file\nrule\ntext" */
  GPtrArray  *entries; /* of char*, the same keys in the order they were added */
};

static char *
make_key (const char *file,
          const char *rule,
          const char *text)
{
  return g_strdup_printf ("%s\n%s\n%s", file, rule, text);
}

static char *
diagnostic_text (const HelderDiagnostic *d,
                 const char             *page_text)
{
  return g_strndup (page_text + d->start, d->end - d->start);
}

/* Takes @key. A key already there is kept (adding it again would free the
 * one the entries point to).
 */
static void
add_key (HelderIgnoreList *self,
         char             *key)
{
  if (g_hash_table_contains (self->keys, key))
    {
      g_free (key);
      return;
    }
  g_hash_table_add (self->keys, key);
  g_ptr_array_add (self->entries, key);
}

/* A member that holds a string, or %NULL (also for one of another type). */
static const char *
string_member (JsonObject *entry,
               const char *member)
{
  JsonNode *node = entry != NULL ? json_object_get_member (entry, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/**
 * helder_ignore_list_load:
 * @diagnostics: receives the problems of a broken ignored.json
 *
 * Returns: (transfer full): the list; empty when the course has none.
 */
HelderIgnoreList *
helder_ignore_list_load (const char *course_path,
                         GPtrArray  *diagnostics)
{
  HelderIgnoreList *self;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (course_path != NULL, NULL);
  g_return_val_if_fail (diagnostics != NULL, NULL);

  self = g_new0 (HelderIgnoreList, 1);
  self->path = g_build_filename (course_path, HELDER_IGNORE_FILE, NULL);
  self->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->entries = g_ptr_array_new ();

  if (g_file_get_contents (self->path, &data, &length, NULL))
    {
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&data), length);
      g_autoptr(HelderJsonDocument) doc = helder_json_document_parse (HELDER_IGNORE_FILE, bytes,
                                                                       diagnostics);
      JsonObject *root;
      JsonNode *node;
      JsonArray *ignored;

      if (doc == NULL)
        return self;

      root = helder_json_document_get_root (doc);
      node = json_object_get_member (root, "ignored");
      if (node != NULL && !JSON_NODE_HOLDS_ARRAY (node))
        {
          helder_json_document_report (doc, diagnostics, root, "ignored", -1,
                                       HELDER_SEVERITY_WARNING, "format-type",
                                       _("\"ignored\" must be a list of findings; the ignored "
                                         "findings are left out"));
          return self;
        }
      ignored = node != NULL ? json_node_get_array (node) : NULL;
      for (guint i = 0; ignored != NULL && i < json_array_get_length (ignored); i++)
        {
          JsonNode *element = json_array_get_element (ignored, i);
          JsonObject *entry = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
          const char *file = string_member (entry, "file");
          const char *rule = string_member (entry, "rule");
          const char *text = string_member (entry, "text");

          if (file == NULL || rule == NULL || text == NULL)
            {
              helder_json_document_report (doc, diagnostics, ignored, NULL, i,
                                           HELDER_SEVERITY_WARNING, "format-field-missing",
                                           _("an ignored finding needs \"file\", \"rule\" and "
                                             "\"text\", each a text; it is left out"));
              continue;
            }

          add_key (self, make_key (file, rule, text));
        }
    }

  return self;
}

/* Frees @self. */
void
helder_ignore_list_free (HelderIgnoreList *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->entries);
  g_hash_table_unref (self->keys);
  g_free (self->path);
  g_free (self);
}

static gboolean
save (HelderIgnoreList  *self,
      GError           **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *data = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "ignored");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->entries->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (self->entries, i), "\n", 3);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, parts[0]);
      json_builder_set_member_name (builder, "rule");
      json_builder_add_string_value (builder, parts[1]);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, parts[2]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  data = helder_json_to_text (root);

  return helder_output_write (self->path, NULL, data, -1, error);
}

/**
 * helder_ignore_list_rename_page:
 * @old_file: a page's file before it was renamed
 * @new_file: its file now
 *
 * The findings ignored on the page follow it to its new file name;
 * ignored.json is written when anything changed.
 *
 * Returns: %FALSE with @error set when ignored.json could not be written
 */
gboolean
helder_ignore_list_rename_page (HelderIgnoreList  *self,
                                const char        *old_file,
                                const char        *new_file,
                                GError           **error)
{
  g_autofree char *prefix = g_strconcat (old_file, "\n", NULL);
  gboolean changed = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (old_file != NULL && new_file != NULL, FALSE);

  for (guint i = 0; i < self->entries->len; i++)
    {
      char *key = g_ptr_array_index (self->entries, i);
      char *renamed;

      if (!g_str_has_prefix (key, prefix))
        continue;

      renamed = g_strconcat (new_file, "\n", key + strlen (prefix), NULL);
      /* The table owns the keys: the old one goes with its entry. */
      self->entries->pdata[i] = renamed;
      g_hash_table_remove (self->keys, key);
      g_hash_table_add (self->keys, renamed);
      changed = TRUE;
    }

  return !changed || save (self, error);
}

/* Ignores @diagnostic (where it is, and wherever the same words get the
 * same finding on that page) and writes ignored.json at once.
 */
gboolean
helder_ignore_list_add (HelderIgnoreList        *self,
                        const HelderDiagnostic  *diagnostic,
                        const char              *page_text,
                        GError                 **error)
{
  g_autofree char *text = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(HelderTeamLock) lock = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (diagnostic != NULL, FALSE);
  g_return_val_if_fail (page_text != NULL, FALSE);

  if (diagnostic->severity == HELDER_SEVERITY_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                   _("errors cannot be ignored: learners would see them; fix the error"));
      return FALSE;
    }

  /* Under the course's lock: what others ignored since this list was
   * read is read again and kept.
   */
  folder = g_path_get_dirname (self->path);
  lock = helder_team_lock_acquire (folder, error);
  if (lock == NULL)
    return FALSE;
  {
    g_autoptr(GPtrArray) ignored = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
    HelderIgnoreList *on_disk = helder_ignore_list_load (folder, ignored);

    for (guint i = 0; i < on_disk->entries->len; i++)
      add_key (self, g_strdup (g_ptr_array_index (on_disk->entries, i)));
    helder_ignore_list_free (on_disk);
  }

  text = diagnostic_text (diagnostic, page_text);
  add_key (self, make_key (diagnostic->file, diagnostic->rule, text));

  return save (self, error);
}

/* Whether @diagnostic, on a page whose text is @page_text, is one the
 * team ignored.
 */
gboolean
helder_ignore_list_matches (HelderIgnoreList       *self,
                            const HelderDiagnostic *diagnostic,
                            const char             *page_text)
{
  g_autofree char *text = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (diagnostic != NULL, FALSE);

  if (diagnostic->severity == HELDER_SEVERITY_ERROR || page_text == NULL ||
      g_hash_table_size (self->keys) == 0)
    return FALSE;

  text = diagnostic_text (diagnostic, page_text);
  key = make_key (diagnostic->file, diagnostic->rule, text);

  return g_hash_table_contains (self->keys, key);
}

/* The number of ignored findings. */
guint
helder_ignore_list_get_n_entries (HelderIgnoreList *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->entries->len;
}
