/* fuzz-json.c
 *
 * The JSON documents every course file goes through: parsed, every
 * member read with each getter, and written back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"
#include "helder-diagnostic.h"
#include "helder-json-document.h"

/* Reads every member of @object with each getter, and the objects in
 * it the same way, a few levels deep.
 */
static void
read_members (HelderJsonDocument *document,
              JsonObject         *object,
              GPtrArray          *findings,
              guint               depth)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *member = l->data;
      const char *string;
      gint64 integer;
      double number;
      gboolean boolean;
      JsonObject *child;

      helder_json_document_get_string (document, findings, object, member, FALSE, &string);
      helder_json_document_get_int (document, findings, object, member, FALSE, G_MININT64,
                                    G_MAXINT64, &integer);
      helder_json_document_get_int (document, findings, object, member, FALSE, 0, 100,
                                    &integer);
      helder_json_document_get_number (document, findings, object, member, -1e9, 1e9, &number);
      helder_json_document_get_boolean (document, findings, object, member, &boolean);
      helder_json_document_get_strings (document, findings, object, member, FALSE);
      child = helder_json_document_get_object (document, findings, object, member, FALSE);
      if (child != NULL && depth < 4)
        read_members (document, child, findings, depth + 1);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(HelderJsonDocument) document = helder_json_document_parse ("course.json", bytes,
                                                                       findings);
  g_autoptr(GBytes) written = NULL;
  JsonObject *root;

  if (document == NULL || (root = helder_json_document_get_root (document)) == NULL)
    return 0;

  read_members (document, root, findings, 0);
  helder_json_document_set_string (document, root, "title", "Titel");
  written = helder_json_document_serialize (document);

  return 0;
}
