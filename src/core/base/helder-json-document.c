/* helder-json-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-json-document"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "helder-colour.h"
#include "helder-json-document.h"
#include "helder-line-map.h"

struct _HelderJsonDocument
{
  char          *file;
  GBytes        *bytes;
  JsonNode      *root;
  HelderLineMap *lines;
  GHashTable    *locations; /* "%p/member" or "%p#index" → packed line/column */
  GPtrArray     *repeated;  /* of RepeatedMember*, while parsing */
  GArray        *huge;      /* of HugeInteger, while parsing; NULL for none */
  guint          n_integers; /* whole numbers parsed so far */
  guint          next_huge;
  GHashTable    *huge_text; /* location key → the text of a whole number
                             * beyond 64 bits; NULL for none */
  gboolean       modified;
};

/* A whole number in the text that does not fit in 64 bits, which
 * json-glib reads as another number (99999999999999999999 as -1).
 */
typedef struct
{
  guint ordinal; /* among the whole numbers of the text, in order */
  gsize offset;
  gsize length;
} HugeInteger;

/* A member written twice in one object: json-glib keeps the last. */
typedef struct
{
  char  *member;
  guint  line;
  guint  column;
} RepeatedMember;

static void
repeated_member_free (RepeatedMember *repeated)
{
  g_free (repeated->member);
  g_free (repeated);
}

#define PACK_LOCATION(line, column) ((((guint64) (line)) << 32) | (guint32) (column))

static char *
location_key (gconstpointer container,
              const char   *member,
              int           index)
{
  if (member != NULL)
    return g_strdup_printf ("%p/%s", container, member);

  return g_strdup_printf ("%p#%d", container, index);
}

static void
remember_location (HelderJsonDocument *self,
                   JsonParser         *parser,
                   char               *key)
{
  guint line = json_parser_get_current_line (parser);
  guint column = json_parser_get_current_pos (parser);
  guint64 *packed = g_new (guint64, 1);

  *packed = PACK_LOCATION (line, column);
  g_hash_table_insert (self->locations, key, packed);
}

/* The whole numbers of @data, in order, that do not fit in 64 bits: a
 * number token without fraction or exponent, outside strings.
 *
 * Returns: (transfer full) (nullable) (element-type HugeInteger): NULL
 *   when there are none
 */
static GArray *
find_huge_integers (const char *data,
                    gsize       length)
{
  GArray *huge = NULL;
  gboolean in_string = FALSE;
  guint ordinal = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];
      gsize start = i;
      gboolean whole = TRUE;

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        {
          in_string = TRUE;
          continue;
        }
      if (c != '-' && !g_ascii_isdigit (c))
        continue;

      while (i + 1 < length && data[i + 1] != '\0' && strchr ("0123456789+-.eE", data[i + 1]))
        {
          i++;
          if (strchr (".eE", data[i]) != NULL)
            whole = FALSE;
        }
      if (!whole)
        continue;

      {
        g_autofree char *text = g_strndup (data + start, i + 1 - start);
        g_autoptr(GError) error = NULL;
        gint64 value;

        if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value, &error) &&
            g_error_matches (error, G_NUMBER_PARSER_ERROR, G_NUMBER_PARSER_ERROR_OUT_OF_BOUNDS))
          {
            HugeInteger found = { ordinal, start, i + 1 - start };

            if (huge == NULL)
              huge = g_array_new (FALSE, FALSE, sizeof (HugeInteger));
            g_array_append_val (huge, found);
          }
      }
      ordinal++;
    }

  return huge;
}

/* Remembers the text of @node's number when it is beyond 64 bits: whole
 * numbers reach the parser's signals in the order of the text.
 */
static void
follow_integer (HelderJsonDocument *self,
                JsonNode           *node,
                gpointer            container,
                const char         *member,
                int                 index)
{
  const HugeInteger *huge;
  const char *data;

  if (self->huge == NULL || self->next_huge >= self->huge->len ||
      !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return;

  huge = &g_array_index (self->huge, HugeInteger, self->next_huge);
  if (huge->ordinal == self->n_integers++)
    {
      data = g_bytes_get_data (self->bytes, NULL);
      if (self->huge_text == NULL)
        self->huge_text = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_replace (self->huge_text, location_key (container, member, index),
                            g_strndup (data + huge->offset, huge->length));
      self->next_huge++;
    }
}

static void
on_object_member_cb (JsonParser *parser,
                     JsonObject *object,
                     const char *member,
                     gpointer    user_data)
{
  HelderJsonDocument *self = user_data;
  char *key = location_key (object, member, -1);

  follow_integer (self, json_object_get_member (object, member), object, member, -1);

  if (g_hash_table_contains (self->locations, key))
    {
      RepeatedMember *repeated = g_new0 (RepeatedMember, 1);

      repeated->member = g_strdup (member);
      repeated->line = json_parser_get_current_line (parser);
      repeated->column = json_parser_get_current_pos (parser);
      g_ptr_array_add (self->repeated, repeated);
    }
  remember_location (self, parser, key);
}

static void
on_array_element_cb (JsonParser *parser,
                     JsonArray  *array,
                     int         index,
                     gpointer    user_data)
{
  follow_integer (user_data, json_array_get_element (array, index), array, NULL, index);
  remember_location (user_data, parser, location_key (array, NULL, index));
}

static void
add_diagnostic (HelderJsonDocument *self,
                GPtrArray          *diagnostics,
                guint               line,
                guint               column,
                HelderSeverity      severity,
                const char         *rule,
                const char         *message)
{
  gsize start = 0;

  /* A caller that only wants the values passes no array. */
  if (diagnostics == NULL)
    return;

  if (line > 0)
    start = helder_line_map_offset (self->lines, line, MAX (column, 1));

  g_ptr_array_add (diagnostics,
                   helder_diagnostic_new (self->file, start, start, line,
                                          line > 0 ? MAX (column, 1) : 0,
                                          severity, rule, message));
}

/**
 * helder_json_find_too_deep:
 * @offset: (out): where the first array or object too deep starts
 *
 * json-glib's parser recurses once per level, so a document nested tens
 * of thousands of levels deep overflows the stack. Every JSON text is
 * scanned with this first: no file Helder reads needs more than
 * %HELDER_JSON_MAX_DEPTH levels.
 *
 * Returns: whether @data nests arrays and objects deeper than
 *   %HELDER_JSON_MAX_DEPTH
 */
gboolean
helder_json_find_too_deep (const char *data,
                           gsize       length,
                           gsize      *offset)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > HELDER_JSON_MAX_DEPTH)
            {
              *offset = i;
              return TRUE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return FALSE;
}

/**
 * helder_json_parser_load_file:
 *
 * Loads the JSON file @path into @parser, refusing first, with the file,
 * line and column, a document nested too deeply for json-glib (see
 * helder_json_find_too_deep()).
 */
gboolean
helder_json_parser_load_file (JsonParser  *parser,
                              const char  *path,
                              GError     **error)
{
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, error);
  const char *data;
  gsize length;
  gsize offset;

  if (file == NULL)
    return FALSE;

  data = g_mapped_file_get_contents (file);
  length = g_mapped_file_get_length (file);
  if (helder_json_find_too_deep (data, length, &offset))
    {
      g_autoptr(HelderLineMap) lines = helder_line_map_new (data, length);
      guint line;
      guint column;

      helder_line_map_locate (lines, offset, &line, &column);
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                   _("%s:%u:%u: the JSON is nested more than %u levels deep, which no file "
                     "Helder reads needs; check the program that wrote the file"),
                   path, line, column, HELDER_JSON_MAX_DEPTH);
      return FALSE;
    }

  /* From the file, so json-glib's messages name it. */
  return json_parser_load_from_mapped_file (parser, path, error);
}

/* Returns NULL (and adds an error) when the bytes are not a JSON object. */
HelderJsonDocument *
helder_json_document_parse (const char *file,
                            GBytes     *bytes,
                            GPtrArray  *diagnostics)
{
  g_autoptr(HelderJsonDocument) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (diagnostics != NULL, NULL);

  self = g_new0 (HelderJsonDocument, 1);
  self->file = g_strdup (file);
  self->bytes = g_bytes_ref (bytes);
  self->locations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->repeated = g_ptr_array_new_with_free_func ((GDestroyNotify) repeated_member_free);
  data = g_bytes_get_data (bytes, &length);
  /* Empty bytes may have no data at all; json-glib wants some. */
  if (data == NULL)
    data = "";
  self->lines = helder_line_map_new (data, length);

  {
    const char *end;

    if (!g_utf8_validate (data, length, &end))
      {
        guint line;
        guint column;

        /* At the first byte that is not UTF-8. */
        helder_line_map_locate (self->lines, end - data, &line, &column);
        add_diagnostic (self, diagnostics, line, column, HELDER_SEVERITY_ERROR, "format-encoding",
                        _("file is not valid UTF-8; save it as UTF-8"));
        return NULL;
      }
  }

  {
    gsize offset;

    if (helder_json_find_too_deep (data, length, &offset))
      {
        g_autofree char *message =
          g_strdup_printf (_("%s is nested more than %u levels deep, which no Helder file "
                             "needs; check the program that wrote the file"),
                           file, HELDER_JSON_MAX_DEPTH);
        guint line;
        guint column;

        helder_line_map_locate (self->lines, offset, &line, &column);
        add_diagnostic (self, diagnostics, line, column, HELDER_SEVERITY_ERROR, "format-json",
                        message);
        return NULL;
      }
  }

  self->huge = find_huge_integers (data, length);
  parser = json_parser_new ();
  g_signal_connect (parser, "object-member", G_CALLBACK (on_object_member_cb), self);
  g_signal_connect (parser, "array-element", G_CALLBACK (on_array_element_cb), self);

  if (!json_parser_load_from_data (parser, data, length, &error))
    {
      static GRegex *position = NULL;
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *message = NULL;
      const char *reason = error->message;
      guint line = 1;
      guint column = 1;

      /* json-glib reports the place only inside its message, as
       * "<data>:LINE:COLUMN: Parse error: …".
       */
      if (g_once_init_enter (&position))
        g_once_init_leave (&position, g_regex_new ("^[^:]*:([0-9]+):([0-9]+): *", 0, 0, NULL));

      if (g_regex_match (position, error->message, 0, &match))
        {
          g_autofree char *l = g_match_info_fetch (match, 1);
          g_autofree char *c = g_match_info_fetch (match, 2);
          int end = 0;

          line = (guint) g_ascii_strtoull (l, NULL, 10);
          column = (guint) g_ascii_strtoull (c, NULL, 10);
          g_match_info_fetch_pos (match, 0, NULL, &end);
          reason = error->message + end;
        }

      message = g_strdup_printf (_("%s is not valid JSON: %s; fix the JSON at this place "
                                   "(a missing comma or quote is usual)"),
                                 file, reason);
      add_diagnostic (self, diagnostics, MAX (line, 1), MAX (column, 1),
                      HELDER_SEVERITY_ERROR, "format-json", message);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      add_diagnostic (self, diagnostics, 1, 1, HELDER_SEVERITY_ERROR, "format-json",
                      _("the top level must be an object: the file must start with {"));
      return NULL;
    }

  for (guint i = 0; i < self->repeated->len; i++)
    {
      const RepeatedMember *repeated = g_ptr_array_index (self->repeated, i);
      g_autofree char *message =
        g_strdup_printf (_("\"%s\" is written twice in the same place; Helder uses this "
                           "last one, so remove the other"), repeated->member);

      add_diagnostic (self, diagnostics, MAX (repeated->line, 1), MAX (repeated->column, 1),
                      HELDER_SEVERITY_WARNING, "format-duplicate-key", message);
    }

  g_clear_pointer (&self->huge, g_array_unref);

  /* Stealing the root keeps the containers the locations are keyed by. */
  self->root = json_parser_steal_root (parser);

  return g_steal_pointer (&self);
}

/* Frees @self and its tree. */
void
helder_json_document_free (HelderJsonDocument *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->root, json_node_unref);
  g_clear_pointer (&self->lines, helder_line_map_free);
  g_clear_pointer (&self->locations, g_hash_table_unref);
  g_clear_pointer (&self->repeated, g_ptr_array_unref);
  g_clear_pointer (&self->huge, g_array_unref);
  g_clear_pointer (&self->huge_text, g_hash_table_unref);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self->file);
  g_free (self);
}

/* Returns: (transfer none): the file name findings in this document carry. */
const char *
helder_json_document_get_file (HelderJsonDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->file;
}

/* Returns: (transfer none) (nullable): the root object, or NULL when the
 * file is not a JSON object.
 */
JsonObject *
helder_json_document_get_root (HelderJsonDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return json_node_get_object (self->root);
}

/* Whether a value was changed since the document was read or written. */
gboolean
helder_json_document_is_modified (HelderJsonDocument *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->modified;
}

/**
 * helder_json_to_text:
 *
 * Returns: (transfer full): @root as Helder writes its JSON files: pretty
 *   printed with two spaces, as the course format's examples are, and
 *   ending in a line break
 */
char *
helder_json_to_text (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  g_return_val_if_fail (root != NULL, NULL);

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);

  return g_strconcat (text, "\n", NULL);
}

/* The original bytes until something changed; then the tree as
 * helder_json_to_text() writes it.
 */
GBytes *
helder_json_document_serialize (HelderJsonDocument *self)
{
  char *text;

  g_return_val_if_fail (self != NULL, NULL);

  if (!self->modified)
    return g_bytes_ref (self->bytes);

  text = helder_json_to_text (self->root);
  return g_bytes_new_take (text, strlen (text));
}

/* @bytes were written to disk: they are the document's text from now on. */
void
helder_json_document_mark_saved (HelderJsonDocument *self,
                                 GBytes             *bytes)
{
  gsize length;
  const char *data;

  g_return_if_fail (self != NULL);
  g_return_if_fail (bytes != NULL);

  g_clear_pointer (&self->lines, helder_line_map_free);
  g_bytes_unref (self->bytes);
  self->bytes = g_bytes_ref (bytes);
  data = g_bytes_get_data (bytes, &length);
  self->lines = helder_line_map_new (data, length);
  self->modified = FALSE;
}

/* Reports a problem at @member of @container (a JsonObject), or at element
 * @index of @container (a JsonArray) when @member is NULL. A container of
 * NULL means the whole file.
 */
void
helder_json_document_report (HelderJsonDocument *self,
                             GPtrArray          *diagnostics,
                             gpointer            container,
                             const char         *member,
                             int                 index,
                             HelderSeverity      severity,
                             const char         *rule,
                             const char         *message)
{
  guint line = 1;
  guint column = 1;

  g_return_if_fail (self != NULL);

  if (container != NULL)
    {
      g_autofree char *key = location_key (container, member, index);
      guint64 *loc = g_hash_table_lookup (self->locations, key);

      if (loc != NULL)
        {
          line = (guint) (*loc >> 32);
          column = (guint) (*loc & 0xffffffff);
        }
    }

  add_diagnostic (self, diagnostics, line, column, severity, rule, message);
}

static void
report_missing (HelderJsonDocument *self,
                GPtrArray          *diagnostics,
                JsonObject         *object,
                const char         *member)
{
  g_autofree char *message =
    g_strdup_printf (_("field \"%s\" is missing; add it (see docs/course-format.md)"), member);

  helder_json_document_report (self, diagnostics, NULL, NULL, -1,
                               HELDER_SEVERITY_ERROR, "format-field-missing", message);
}

static void
report_type (HelderJsonDocument *self,
             GPtrArray          *diagnostics,
             JsonObject         *object,
             const char         *member,
             const char         *what)
{
  g_autofree char *message = g_strdup_printf (_("field \"%s\" must be %s"), member, what);

  helder_json_document_report (self, diagnostics, object, member, -1,
                               HELDER_SEVERITY_ERROR, "format-field-type", message);
}

static gboolean
holds_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
holds_int (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
holds_boolean (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN;
}

static gboolean
holds_number (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) &&
         (json_node_get_value_type (node) == G_TYPE_INT64 ||
          json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

static gboolean
holds_object (JsonNode *node)
{
  return JSON_NODE_HOLDS_OBJECT (node);
}

static gboolean
holds_array (JsonNode *node)
{
  return JSON_NODE_HOLDS_ARRAY (node);
}

/* The member when it is there and @holds it; otherwise NULL, with the
 * problem reported (a missing member only when it is @required).
 */
static JsonNode *
get_member (HelderJsonDocument *self,
            GPtrArray          *diagnostics,
            JsonObject         *object,
            const char         *member,
            gboolean            required,
            gboolean          (*holds) (JsonNode *node),
            const char         *what)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    {
      if (required)
        report_missing (self, diagnostics, object, member);
      return NULL;
    }

  if (!holds (node))
    {
      report_type (self, diagnostics, object, member, what);
      return NULL;
    }

  return node;
}

/* Reads the string member @member of @object into @value (owned by the
 * document); reports a missing required or wrongly typed member, located,
 * in @diagnostics.
 */
gboolean
helder_json_document_get_string (HelderJsonDocument *self,
                                 GPtrArray          *diagnostics,
                                 JsonObject         *object,
                                 const char         *member,
                                 gboolean            required,
                                 const char        **value)
{
  JsonNode *node;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  *value = NULL;
  node = get_member (self, diagnostics, object, member, required, holds_string, _("a string"));
  if (node == NULL)
    return FALSE;

  *value = json_node_get_string (node);
  return TRUE;
}

/* Reads the integer member @member of @object within the range given into
 * @value; reports a missing required, wrongly typed or out-of-range
 * member, located, in @diagnostics.
 */
gboolean
helder_json_document_get_int (HelderJsonDocument *self,
                              GPtrArray          *diagnostics,
                              JsonObject         *object,
                              const char         *member,
                              gboolean            required,
                              gint64              min,
                              gint64              max,
                              gint64             *value)
{
  JsonNode *node;
  const char *huge;
  gint64 v;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  node = get_member (self, diagnostics, object, member, required, holds_int,
                     _("a whole number"));
  if (node == NULL)
    return FALSE;

  v = json_node_get_int (node);
  huge = helder_json_document_get_huge_integer (self, object, member);
  if (huge != NULL || v < min || v > max)
    {
      g_autofree char *shown = huge != NULL ? g_strdup (huge)
                                            : g_strdup_printf ("%" G_GINT64_FORMAT, v);
      g_autofree char *message =
        g_strdup_printf (_("value %s of \"%s\" is out of range "
                           "(%lld–%lld); pick a value in the range"),
                         shown, member, (long long) min, (long long) max);

      helder_json_document_report (self, diagnostics, object, member, -1,
                                   HELDER_SEVERITY_ERROR, "format-range", message);
      return FALSE;
    }

  *value = v;
  return TRUE;
}

/* Reads the optional colour member @member of @object into @value (owned
 * by the document); reports a wrongly typed member, or a string that is
 * not a colour, located, in @diagnostics.
 */
gboolean
helder_json_document_get_colour (HelderJsonDocument *self,
                                 GPtrArray          *diagnostics,
                                 JsonObject         *object,
                                 const char         *member,
                                 const char        **value)
{
  g_autoptr(GError) error = NULL;
  const char *text;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  *value = NULL;
  if (!helder_json_document_get_string (self, diagnostics, object, member, FALSE, &text))
    return FALSE;

  if (!helder_colour_parse (text, NULL, &error))
    {
      helder_json_document_report (self, diagnostics, object, member, -1,
                                   HELDER_SEVERITY_ERROR, "format-colour", error->message);
      return FALSE;
    }

  *value = text;
  return TRUE;
}

/**
 * helder_json_document_get_huge_integer:
 *
 * json-glib reads a whole number beyond 64 bits as another number
 * (99999999999999999999 as -1); a reader that takes numbers from the
 * tree itself asks here first.
 *
 * Returns: (transfer none) (nullable): the text of the whole number
 *   @member of @object when it does not fit in 64 bits, else %NULL
 */
const char *
helder_json_document_get_huge_integer (HelderJsonDocument *self,
                                       JsonObject         *object,
                                       const char         *member)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (object != NULL && member != NULL, NULL);

  if (self->huge_text == NULL)
    return NULL;
  key = location_key (object, member, -1);
  return g_hash_table_lookup (self->huge_text, key);
}

/* Like helder_json_document_get_int() for a number with a fraction. */
gboolean
helder_json_document_get_number (HelderJsonDocument *self,
                                 GPtrArray          *diagnostics,
                                 JsonObject         *object,
                                 const char         *member,
                                 double              min,
                                 double              max,
                                 double             *value)
{
  JsonNode *node;
  const char *huge;
  double v;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  node = get_member (self, diagnostics, object, member, FALSE, holds_number, _("a number"));
  if (node == NULL)
    return FALSE;

  huge = helder_json_document_get_huge_integer (self, object, member);
  v = huge != NULL ? g_ascii_strtod (huge, NULL) : json_node_get_double (node);
  if (v < min || v > max)
    {
      g_autofree char *message =
        g_strdup_printf (_("value %g of \"%s\" is out of range (%g–%g); pick a value in the range"),
                         v, member, min, max);

      helder_json_document_report (self, diagnostics, object, member, -1,
                                   HELDER_SEVERITY_ERROR, "format-range", message);
      return FALSE;
    }

  *value = v;
  return TRUE;
}

/* Like helder_json_document_get_int() for true or false. */
gboolean
helder_json_document_get_boolean (HelderJsonDocument *self,
                                  GPtrArray          *diagnostics,
                                  JsonObject         *object,
                                  const char         *member,
                                  gboolean           *value)
{
  JsonNode *node;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  node = get_member (self, diagnostics, object, member, FALSE, holds_boolean,
                     _("true or false"));
  if (node == NULL)
    return FALSE;

  *value = json_node_get_boolean (node);
  return TRUE;
}

/* Returns: (transfer none) (nullable): the object member @member of @object,
 * or NULL (a missing required member or a wrong type is reported in
 * @diagnostics).
 */
JsonObject *
helder_json_document_get_object (HelderJsonDocument *self,
                                 GPtrArray          *diagnostics,
                                 JsonObject         *object,
                                 const char         *member,
                                 gboolean            required)
{
  JsonNode *node;

  g_return_val_if_fail (self != NULL, NULL);

  node = get_member (self, diagnostics, object, member, required, holds_object, _("an object"));

  return node != NULL ? json_node_get_object (node) : NULL;
}

JsonArray *
helder_json_document_get_array (HelderJsonDocument *self,
                                GPtrArray          *diagnostics,
                                JsonObject         *object,
                                const char         *member,
                                gboolean            required)
{
  JsonNode *node;

  g_return_val_if_fail (self != NULL, NULL);

  node = get_member (self, diagnostics, object, member, required, holds_array, _("an array"));

  return node != NULL ? json_node_get_array (node) : NULL;
}

/* Returns the array when it holds only strings; otherwise reports each
 * element that is not a string and returns NULL.
 */
JsonArray *
helder_json_document_get_strings (HelderJsonDocument *self,
                                  GPtrArray          *diagnostics,
                                  JsonObject         *object,
                                  const char         *member,
                                  gboolean            required)
{
  JsonNode *node;
  JsonArray *array;
  gboolean ok = TRUE;

  g_return_val_if_fail (self != NULL, NULL);

  node = get_member (self, diagnostics, object, member, required, holds_array,
                     _("an array of strings"));
  if (node == NULL)
    return NULL;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!holds_string (element))
        {
          g_autofree char *message =
            g_strdup_printf (_("element %u of \"%s\" must be a string"), i + 1, member);

          helder_json_document_report (self, diagnostics, array, NULL, i,
                                       HELDER_SEVERITY_ERROR, "format-field-type", message);
          ok = FALSE;
        }
    }

  return ok ? array : NULL;
}

/* Marks the document modified after a change of @member of @object,
 * which no longer holds a number as written in the file.
 */
static void
member_changed (HelderJsonDocument *self,
                JsonObject         *object,
                const char         *member)
{
  self->modified = TRUE;
  if (self->huge_text != NULL)
    {
      g_autofree char *key = location_key (object, member, -1);

      g_hash_table_remove (self->huge_text, key);
    }
}

/* Sets the string member @member of @object (NULL removes it) and marks the
 * document modified.
 */
void
helder_json_document_set_string (HelderJsonDocument *self,
                                 JsonObject         *object,
                                 const char         *member,
                                 const char         *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (object != NULL);
  g_return_if_fail (member != NULL);

  if (value == NULL)
    {
      if (!json_object_has_member (object, member))
        return;
      json_object_remove_member (object, member);
    }
  else
    {
      JsonNode *old = json_object_get_member (object, member);

      /* The member may hold anything; only the same string is no change. */
      if (old != NULL && json_node_get_value_type (old) == G_TYPE_STRING
          && g_strcmp0 (json_node_get_string (old), value) == 0)
        return;
      json_object_set_string_member (object, member, value);
    }

  member_changed (self, object, member);
}

/* Sets the member @member of @object to an array of @strings and marks the
 * document modified.
 */
void
helder_json_document_set_strings (HelderJsonDocument *self,
                                  JsonObject         *object,
                                  const char         *member,
                                  const char * const *values)
{
  JsonArray *array;

  g_return_if_fail (self != NULL);
  g_return_if_fail (object != NULL);
  g_return_if_fail (member != NULL);
  g_return_if_fail (values != NULL);

  array = json_array_new ();
  for (guint i = 0; values[i] != NULL; i++)
    json_array_add_string_element (array, values[i]);

  json_object_set_array_member (object, member, array);
  member_changed (self, object, member);
}

/* Sets @member of @object to @value (taken), unless it holds that value
 * already: an unchanged document is written back byte for byte.
 */
static void
set_value (HelderJsonDocument *self,
           JsonObject         *object,
           const char         *member,
           JsonNode           *value)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && json_node_equal (node, value))
    {
      json_node_unref (value);
      return;
    }

  json_object_set_member (object, member, value);
  member_changed (self, object, member);
}

/* Sets the integer member @member of @object and marks the document
 * modified.
 */
void
helder_json_document_set_int (HelderJsonDocument *self,
                              JsonObject         *object,
                              const char         *member,
                              gint64              value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (object != NULL);
  g_return_if_fail (member != NULL);

  set_value (self, object, member, json_node_init_int (json_node_alloc (), value));
}

/* Sets the boolean member @member of @object and marks the document
 * modified.
 */
void
helder_json_document_set_boolean (HelderJsonDocument *self,
                                  JsonObject         *object,
                                  const char         *member,
                                  gboolean            value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (object != NULL);
  g_return_if_fail (member != NULL);

  set_value (self, object, member, json_node_init_boolean (json_node_alloc (), value));
}

/* The object at @member of @object, made (empty) when there is none, so
 * that a setting can be written into it ("theme", "tracking").
 */
JsonObject *
helder_json_document_ensure_object (HelderJsonDocument *self,
                                    JsonObject         *object,
                                    const char         *member)
{
  JsonNode *node;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (member != NULL, NULL);

  node = json_object_get_member (object, member);
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    return json_node_get_object (node);

  json_object_set_object_member (object, member, json_object_new ());
  member_changed (self, object, member);

  return json_object_get_object_member (object, member);
}
