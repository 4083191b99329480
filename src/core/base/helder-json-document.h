/* helder-json-document.h
 *
 * HelderJsonDocument: a JSON file of the course that keeps its bytes and the
 * line and column of every member, so problems are located and unchanged
 * files are written back byte for byte.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "helder-diagnostic.h"

G_BEGIN_DECLS

/* A JSON file of the course (course.json, module.json) as it is on disk:
 * the original bytes, the parsed tree, and where each member stands, so
 * that every problem can be reported with its line and column. Until a
 * value is changed the document serialises to its original bytes; members
 * Helder does not know stay in the tree and so survive a save.
 */
typedef struct _HelderJsonDocument HelderJsonDocument;

/* The getters report problems (a missing member, a wrong type, a value
 * out of range) to @diagnostics, with their place; a caller that only
 * wants the values may pass NULL.
 */

/* The deepest nesting of arrays and objects any JSON file may have. */
#define HELDER_JSON_MAX_DEPTH 512

gboolean            helder_json_find_too_deep         (const char         *data,
                                                       gsize               length,
                                                       gsize              *offset);
gboolean            helder_json_parser_load_file      (JsonParser         *parser,
                                                       const char         *path,
                                                       GError            **error);

HelderJsonDocument *helder_json_document_parse        (const char         *file,
                                                       GBytes             *bytes,
                                                       GPtrArray          *diagnostics);
void                helder_json_document_free         (HelderJsonDocument *self);
const char         *helder_json_document_get_file     (HelderJsonDocument *self);
JsonObject         *helder_json_document_get_root     (HelderJsonDocument *self);
gboolean            helder_json_document_is_modified  (HelderJsonDocument *self);
/* helder_json_document_serialize: (transfer full): the caller frees it with g_bytes_unref() */
GBytes             *helder_json_document_serialize    (HelderJsonDocument *self);
void                helder_json_document_mark_saved   (HelderJsonDocument *self,
                                                       GBytes             *bytes);

void                helder_json_document_report       (HelderJsonDocument *self,
                                                       GPtrArray          *diagnostics,
                                                       gpointer            container,
                                                       const char         *member,
                                                       int                 index,
                                                       HelderSeverity      severity,
                                                       const char         *rule,
                                                       const char         *message);

gboolean            helder_json_document_get_string   (HelderJsonDocument *self,
                                                       GPtrArray          *diagnostics,
                                                       JsonObject         *object,
                                                       const char         *member,
                                                       gboolean            required,
                                                       const char        **value);
gboolean            helder_json_document_get_int      (HelderJsonDocument *self,
                                                       GPtrArray          *diagnostics,
                                                       JsonObject         *object,
                                                       const char         *member,
                                                       gboolean            required,
                                                       gint64              min,
                                                       gint64              max,
                                                       gint64             *value);
gboolean            helder_json_document_get_colour   (HelderJsonDocument *self,
                                                       GPtrArray          *diagnostics,
                                                       JsonObject         *object,
                                                       const char         *member,
                                                       const char        **value);
const char         *helder_json_document_get_huge_integer (HelderJsonDocument *self,
                                                       JsonObject         *object,
                                                       const char         *member);
gboolean            helder_json_document_get_number   (HelderJsonDocument *self,
                                                       GPtrArray          *diagnostics,
                                                       JsonObject         *object,
                                                       const char         *member,
                                                       double              min,
                                                       double              max,
                                                       double             *value);
gboolean            helder_json_document_get_boolean  (HelderJsonDocument *self,
                                                       GPtrArray          *diagnostics,
                                                       JsonObject         *object,
                                                       const char         *member,
                                                       gboolean           *value);
JsonObject         *helder_json_document_get_object   (HelderJsonDocument *self,
                                                       GPtrArray          *diagnostics,
                                                       JsonObject         *object,
                                                       const char         *member,
                                                       gboolean            required);
JsonArray          *helder_json_document_get_array    (HelderJsonDocument *self,
                                                       GPtrArray          *diagnostics,
                                                       JsonObject         *object,
                                                       const char         *member,
                                                       gboolean            required);
JsonArray          *helder_json_document_get_strings  (HelderJsonDocument *self,
                                                       GPtrArray          *diagnostics,
                                                       JsonObject         *object,
                                                       const char         *member,
                                                       gboolean            required);

void                helder_json_document_set_string   (HelderJsonDocument *self,
                                                       JsonObject         *object,
                                                       const char         *member,
                                                       const char         *value);
void                helder_json_document_set_int      (HelderJsonDocument *self,
                                                       JsonObject         *object,
                                                       const char         *member,
                                                       gint64              value);
void                helder_json_document_set_boolean  (HelderJsonDocument *self,
                                                       JsonObject         *object,
                                                       const char         *member,
                                                       gboolean            value);
/* helder_json_document_ensure_object: (transfer none): the member object, owned by the document */
JsonObject         *helder_json_document_ensure_object (HelderJsonDocument *self,
                                                       JsonObject         *object,
                                                       const char         *member);
void                helder_json_document_set_strings  (HelderJsonDocument *self,
                                                       JsonObject         *object,
                                                       const char         *member,
                                                       const char * const *values);

/* helder_json_to_text: (transfer full): the caller frees the text with g_free() */
char               *helder_json_to_text               (JsonNode           *root);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderJsonDocument, helder_json_document_free)

G_END_DECLS
