/* helder-page-content.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-page-content"

#include "config.h"

#include <string.h>

#include <cmark.h>
#include <glib/gi18n-lib.h>

#include "helder-diagnostic.h"
#include "helder-block-spec.h"
#include "helder-cmark.h"
#include "helder-date.h"
#include "helder-course-path.h"
#include "helder-page-content.h"

typedef struct
{
  HelderPageContent *content;
  const char        *text;
  gsize              length;
  guint              paragraph;
  /* The field whose value continuation lines are appended to, and the
   * size of the buffer its value is in, so that each line costs only its
   * own length.
   */
  HelderField       *continued;
  const char        *continued_value;
  gsize              continued_length;
  gsize              continued_size;
  gboolean           raw_html_reported; /* in the current top-level block */
} Parser;

static void
report (Parser         *parser,
        gsize           start,
        gsize           end,
        HelderSeverity  severity,
        const char     *rule,
        const char     *message)
{
  guint line;
  guint column;

  helder_line_map_locate (parser->content->lines, start, &line, &column);
  g_ptr_array_add (parser->content->diagnostics,
                   helder_diagnostic_new (parser->content->file, start, MAX (start, end),
                                          line, column, severity, rule, message));
}

/* Raw HTML is shown to learners as text (docs/course-format.md): said
 * once per block, at the first.
 */
static void
report_raw_html (Parser *parser,
                 gsize   start,
                 gsize   end)
{
  if (parser->raw_html_reported)
    return;
  parser->raw_html_reported = TRUE;
  report (parser, start, end, HELDER_SEVERITY_WARNING, "format-raw-html",
          _("raw HTML is shown to learners as plain text, tags and all; use Markdown or a "
            "block type instead"));
}

static void
add_run (Parser         *parser,
         gsize           start,
         gsize           end,
         HelderTextRole  role)
{
  HelderTextRun run;

  while (start < end && g_ascii_isspace (parser->text[start]))
    start++;
  while (end > start && g_ascii_isspace (parser->text[end - 1]))
    end--;
  if (start >= end)
    return;

  run.range.start = start;
  run.range.end = end;
  run.paragraph = parser->paragraph;
  run.role = role;
  g_array_append_val (parser->content->runs, run);
}

static gsize
node_start (Parser    *parser,
            cmark_node *node)
{
  return helder_line_map_offset (parser->content->lines,
                                 cmark_node_get_start_line (node),
                                 cmark_node_get_start_column (node));
}

static gsize
node_end (Parser    *parser,
          cmark_node *node)
{
  guint line = helder_cmark_node_get_end_line (node);
  gsize end;

  /* An HTML block cmark ends before its start: to the end of its line. */
  if (line != (guint) cmark_node_get_end_line (node))
    return helder_line_map_line_end (parser->content->lines, line);

  end = helder_line_map_offset (parser->content->lines, line,
                                cmark_node_get_end_column (node) + 1);

  return MIN (end, helder_line_map_line_end (parser->content->lines, line) + 1);
}

static void
append_plain_text (GString    *out,
                   cmark_node *node)
{
  for (cmark_node *child = cmark_node_first_child (node);
       child != NULL;
       child = cmark_node_next (child))
    {
      switch ((int) cmark_node_get_type (child))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
          g_string_append (out, cmark_node_get_literal (child));
          break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (out, ' ');
          break;
        default:
          append_plain_text (out, child);
          break;
        }
    }
}

/* A continuation line of a paragraph starts after its container's marks:
 * indentation and, inside a block quote, the '>' marks.
 */
static gsize
skip_container_prefix (Parser *parser,
                       gsize   pos,
                       gsize   line_end,
                       guint   quote_depth)
{
  for (guint i = 0; i < quote_depth; i++)
    {
      while (pos < line_end && parser->text[pos] == ' ')
        pos++;
      if (pos < line_end && parser->text[pos] == '>')
        pos++;
    }
  while (pos < line_end && (parser->text[pos] == ' ' || parser->text[pos] == '\t'))
    pos++;

  return pos;
}

static void
add_inline_images (Parser     *parser,
                   cmark_node *paragraph,
                   gsize       start,
                   gsize       end)
{
  g_autoptr(GString) alt = NULL;
  cmark_iter *iter = cmark_iter_new (paragraph);
  cmark_event_type event;
  gsize cursor = start;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      HelderBlock *image;
      HelderField *field;
      const char *found;
      gsize alt_start = start;
      gsize alt_end = start;

      if (event != CMARK_EVENT_ENTER)
        continue;

      if (cmark_node_get_type (node) == CMARK_NODE_HTML_INLINE)
        {
          const char *html = cmark_node_get_literal (node);
          const char *at = start < end ? g_strstr_len (parser->text + start, end - start, html)
                                       : NULL;
          gsize html_start = at != NULL ? (gsize) (at - parser->text) : start;

          report_raw_html (parser, html_start, html_start + strlen (html));
          continue;
        }

      if (cmark_node_get_type (node) != CMARK_NODE_IMAGE)
        continue;

      alt = g_string_new (NULL);
      append_plain_text (alt, node);

      /* cmark gives no positions for inline nodes: find the image's mark in
       * the paragraph, after the previous one.
       */
      found = cursor < end ? g_strstr_len (parser->text + cursor, end - cursor, "![") : NULL;
      if (found != NULL)
        {
          const char *close = g_strstr_len (found, parser->text + end - found, "](");

          alt_start = found - parser->text + 2;
          alt_end = close != NULL ? (gsize) (close - parser->text) : alt_start;
          cursor = alt_end;
        }

      image = helder_block_new (HELDER_BLOCK_IMAGE);
      image->is_inline = TRUE;
      image->range.start = alt_start >= 2 ? alt_start - 2 : alt_start;
      image->range.end = MAX (alt_end, alt_start);
      helder_line_map_locate (parser->content->lines, image->range.start, &image->line, NULL);
      image->end_line = image->line;

      field = helder_field_new ("src", cmark_node_get_url (node));
      field->key_range = field->value_range = image->range;
      field->line = image->line;
      g_ptr_array_add (image->fields, field);

      if (alt->len > 0)
        {
          field = helder_field_new ("alt", alt->str);
          field->key_range.start = field->key_range.end = alt_start;
          field->value_range.start = alt_start;
          field->value_range.end = alt_end;
          field->line = image->line;
          g_ptr_array_add (image->fields, field);
        }

      g_ptr_array_add (parser->content->images, image);
      g_string_free (g_steal_pointer (&alt), TRUE);
    }

  cmark_iter_free (iter);
}

static void
add_paragraph_runs (Parser     *parser,
                    cmark_node *paragraph,
                    guint       quote_depth,
                    gsize       skip_first)
{
  HelderLineMap *lines = parser->content->lines;
  guint first = cmark_node_get_start_line (paragraph);
  guint last = cmark_node_get_end_line (paragraph);
  gsize start = node_start (parser, paragraph);
  gsize end = node_end (parser, paragraph);

  parser->paragraph++;

  for (guint line = first; line <= last; line++)
    {
      gsize line_start = helder_line_map_line_start (lines, line);
      gsize line_end = helder_line_map_line_end (lines, line);
      gsize from = line == first ? start + skip_first
                                 : skip_container_prefix (parser, line_start, line_end,
                                                          quote_depth);
      gsize to = line == last ? MIN (end, line_end) : line_end;

      add_run (parser, from, to, HELDER_TEXT_PROSE);
    }

  add_inline_images (parser, paragraph, start, end);
}

/* A heading @quote_depth quotes deep; its first line starts at cmark's
 * start column, after any quote or list marks.
 */
static void
add_heading_runs (Parser     *parser,
                  cmark_node *heading,
                  guint       quote_depth)
{
  HelderLineMap *lines = parser->content->lines;
  guint first = cmark_node_get_start_line (heading);
  guint last = cmark_node_get_end_line (heading);
  gsize end = helder_line_map_line_end (lines, first);
  gsize start = MIN (helder_line_map_line_start (lines, first)
                     + MAX (cmark_node_get_start_column (heading), 1) - 1, end);

  parser->paragraph++;

  while (start < end && parser->text[start] == ' ')
    start++;

  if (start < end && parser->text[start] == '#')
    {
      /* ATX heading: drop the opening and the optional closing #s. */
      while (start < end && parser->text[start] == '#')
        start++;
      while (end > start && parser->text[end - 1] == ' ')
        end--;
      if (end > start && parser->text[end - 1] == '#')
        {
          gsize e = end;

          while (e > start && parser->text[e - 1] == '#')
            e--;
          if (e == start || parser->text[e - 1] == ' ')
            end = e;
        }
      add_run (parser, start, end, HELDER_TEXT_HEADING);
      return;
    }

  /* Setext heading: every line but the underline. */
  for (guint line = first; line < last; line++)
    {
      gsize line_end = helder_line_map_line_end (lines, line);

      add_run (parser,
               line == first ? start
                             : skip_container_prefix (parser, helder_line_map_line_start (lines, line),
                                                      line_end, quote_depth),
               line_end, HELDER_TEXT_HEADING);
    }
}

/* Adds the runs of @first and the blocks after it, @quote_depth quotes
 * deep.
 */
static void
add_sibling_runs (Parser     *parser,
                  cmark_node *first,
                  guint       quote_depth)
{
  for (cmark_node *child = first; child != NULL; child = cmark_node_next (child))
    {
      switch ((int) cmark_node_get_type (child))
        {
        case CMARK_NODE_PARAGRAPH:
          add_paragraph_runs (parser, child, quote_depth, 0);
          break;
        case CMARK_NODE_HEADING:
          add_heading_runs (parser, child, quote_depth);
          break;
        case CMARK_NODE_BLOCK_QUOTE:
          add_sibling_runs (parser, cmark_node_first_child (child), quote_depth + 1);
          break;
        case CMARK_NODE_LIST:
        case CMARK_NODE_ITEM:
          add_sibling_runs (parser, cmark_node_first_child (child), quote_depth);
          break;
        case CMARK_NODE_HTML_BLOCK:
          report_raw_html (parser, node_start (parser, child), node_end (parser, child));
          break;
        default:
          break;
        }
    }
}

static guint
edit_distance (const char *a,
               const char *b)
{
  gsize la = strlen (a);
  gsize lb = strlen (b);
  g_autofree guint *row = g_new (guint, lb + 1);

  for (gsize j = 0; j <= lb; j++)
    row[j] = j;

  for (gsize i = 1; i <= la; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint above = row[j];
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }

  return row[lb];
}

/* "key: value" with a lower-case key; the value starts after ": ". */
static gboolean
split_key_value (const char *line,
                 gsize       length,
                 gsize      *key_length,
                 gsize      *value_offset)
{
  gsize i = 0;

  if (length == 0 || !g_ascii_islower (line[0]))
    return FALSE;

  while (i < length && (g_ascii_islower (line[i]) || g_ascii_isdigit (line[i]) ||
                        line[i] == '_' || line[i] == '-'))
    i++;

  if (i >= length || line[i] != ':')
    return FALSE;

  *key_length = i;
  i++;
  while (i < length && line[i] == ' ')
    i++;
  *value_offset = i;

  return TRUE;
}

static gboolean
is_enum_value (const char *values,
               const char *value)
{
  g_auto(GStrv) allowed = g_strsplit (values, "|", -1);

  return g_strv_contains ((const char * const *) allowed, value);
}

/* Letters, digits, - and _. */
static gboolean
is_id_text (const char *value)
{
  for (const char *p = value; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;

  return TRUE;
}

/**
 * helder_goal_reference_is_valid:
 *
 * Returns: whether @value can name a course learning goal: a goal's id
 *   (starting with a letter) or, as older courses write it, its number
 *   from 1.
 */
gboolean
helder_goal_reference_is_valid (const char *value)
{
  g_return_val_if_fail (value != NULL, FALSE);

  if (g_ascii_isdigit (value[0]))
    return g_ascii_string_to_unsigned (value, 10, 1, 999, NULL, NULL);

  return g_ascii_isalpha (value[0]) && is_id_text (value);
}

static gboolean
is_web_address (const char *value)
{
  g_autoptr(GUri) uri = g_uri_parse (value, G_URI_FLAGS_NONE, NULL);

  return uri != NULL && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0' &&
         (g_str_equal (g_uri_get_scheme (uri), "http") ||
          g_str_equal (g_uri_get_scheme (uri), "https"));
}

/* A prose value is Markdown: its raw HTML is shown as text too. */
static void
check_value_html (Parser            *parser,
                  const HelderField *field)
{
  gsize start = field->value_range.start;
  gsize end = field->value_range.end;
  const char *at;
  cmark_node *document;
  cmark_iter *iter;
  cmark_event_type event;
  gboolean found = FALSE;

  if (parser->raw_html_reported || field->value == NULL || strchr (field->value, '<') == NULL)
    return;

  document = cmark_parse_document (field->value, strlen (field->value), CMARK_OPT_DEFAULT);
  iter = cmark_iter_new (document);
  while (!found && (event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node_type type = cmark_node_get_type (cmark_iter_get_node (iter));

      found = type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE;
    }
  cmark_iter_free (iter);
  cmark_node_free (document);

  if (!found)
    return;
  at = start < end ? memchr (parser->text + start, '<', end - start) : NULL;
  report_raw_html (parser, at != NULL ? (gsize) (at - parser->text) : start, end);
}

static void
check_field_value (Parser            *parser,
                   const HelderBlock *block,
                   const HelderFieldSpec   *spec,
                   const HelderField *field)
{
  g_autofree char *message = NULL;
  const char *rule = "format-field-value";

  if (field->value[0] == '\0')
    {
      message = g_strdup_printf (_("field \"%s\" is empty; write a value after the colon"),
                                 field->key);
      rule = "format-field-empty";
    }
  else if ((spec->flags & HELDER_FIELD_BOOL) && !helder_value_is_yes (field->value) &&
           g_ascii_strcasecmp (field->value, "no") != 0 &&
           g_ascii_strcasecmp (field->value, "false") != 0)
    message = g_strdup_printf (_("\"%s\" is not yes or no; write yes or no"), field->value);
  else if ((spec->flags & HELDER_FIELD_ENUM) && !is_enum_value (spec->values, field->value))
    {
      g_autofree char *values = g_strdelimit (g_strdup (spec->values), "|", ',');

      message = g_strdup_printf (_("\"%s\" is not one of: %s"), field->value, values);
    }
  else if (spec->flags & HELDER_FIELD_GOAL)
    {
      /* Whether the goal exists is the course's to say
       * (helder_course_validate_page); here only its form.
       */
      if (!helder_goal_reference_is_valid (field->value))
        message = g_strdup_printf (_("\"%s\" is not a learning goal; write the id of one of "
                                     "the course's goals, such as basiskennis"), field->value);
    }
  else if (spec->flags & HELDER_FIELD_ID)
    {
      if (!is_id_text (field->value))
        message = g_strdup_printf (_("\"%s\" is not a valid id; use letters, digits "
                                     "and -"), field->value);
    }
  else if ((spec->flags & HELDER_FIELD_DATE) && !helder_date_parse_iso (field->value, NULL))
    message = g_strdup_printf (_("\"%s\" is not a date; write it as year-month-day, for "
                                 "example 2026-12-04"), field->value);
  else if ((spec->flags & HELDER_FIELD_URL) && !is_web_address (field->value))
    message = g_strdup_printf (_("\"%s\" is not a web address; write the whole address, "
                                 "starting with https://"), field->value);
  else if (spec->flags & HELDER_FIELD_PATH)
    {
      const char *dot = strrchr (field->value, '.');
      g_autofree char *extension = dot != NULL ? g_ascii_strdown (dot + 1, -1) : NULL;

      if (helder_course_path_check (NULL, field->value, NULL) != HELDER_COURSE_PATH_INSIDE)
        {
          message = g_strdup_printf (_("path \"%s\" leaves the course folder; copy the file "
                                       "into media/ and use that path"), field->value);
          rule = "format-path-outside";
        }
      else if (extension == NULL || !is_enum_value (spec->values, extension))
        {
          g_autofree char *values = g_strdelimit (g_strdup (spec->values), "|", ',');

          message = g_strdup_printf (_("\"%s\" is not a supported file for \"%s\" (use %s)"),
                                     field->value, field->key, values);
          rule = "format-file-type";
        }
    }

  if (message != NULL)
    report (parser, field->value_range.start, field->value_range.end,
            HELDER_SEVERITY_ERROR, rule, message);
}

static void
check_fields (Parser            *parser,
              const HelderBlock *block,
              GPtrArray         *fields,
              const HelderFieldSpec   *specs,
              gsize              where)
{
  const char *name = helder_block_kind_to_string (block->kind);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < fields->len; i++)
    {
      const HelderField *field = g_ptr_array_index (fields, i);
      const HelderFieldSpec *spec = helder_field_spec_find (specs, field->key);

      if (spec == NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("unknown field \"%s\" in this %s block; check the spelling "
                               "(the field is ignored)"), field->key, name);

          report (parser, field->key_range.start, field->key_range.end,
                  HELDER_SEVERITY_WARNING, "format-unknown-field", message);
          continue;
        }

      if (!g_hash_table_add (seen, field->key))
        {
          g_autofree char *message =
            g_strdup_printf (_("field \"%s\" is set twice; keep one (the last one counts)"),
                             field->key);

          report (parser, field->key_range.start, field->key_range.end,
                  HELDER_SEVERITY_WARNING, "format-duplicate-field", message);
        }

      check_field_value (parser, block, spec, field);

      if (spec->flags & HELDER_FIELD_PROSE)
        {
          parser->paragraph++;
          add_run (parser, field->value_range.start, field->value_range.end, HELDER_TEXT_FIELD);
          check_value_html (parser, field);
        }
    }

  for (guint i = 0; specs[i].key != NULL; i++)
    {
      if ((specs[i].flags & HELDER_FIELD_REQUIRED) && !g_hash_table_contains (seen, specs[i].key))
        {
          g_autofree char *message =
            g_strdup_printf (_("field \"%s\" is missing in this %s block; add it"),
                             specs[i].key, name);

          report (parser, where, where, HELDER_SEVERITY_ERROR, "format-field-missing", message);
        }
    }
}

/* Adds a field whose key and value stand at these places of @text (the
 * page), on @line.
 */
static HelderField *
add_field (GPtrArray  *fields,
           const char *key,
           const char *text,
           gsize       key_start,
           gsize       key_end,
           gsize       value_start,
           gsize       value_end,
           guint       line)
{
  HelderField *field = helder_field_new (key, "");

  g_free (field->value);
  field->value = g_strndup (text + value_start, value_end - value_start);
  field->key_range.start = key_start;
  field->key_range.end = key_end;
  field->value_range.start = value_start;
  field->value_range.end = value_end;
  field->line = line;
  g_ptr_array_add (fields, field);

  return field;
}

/* The runs of a multi-line value: after add_run() took the first line,
 * each continuation line is its own run in the same paragraph.
 */
static void
add_continuation_run (Parser      *parser,
                      HelderField *field,
                      gsize        start,
                      gsize        end)
{
  g_autofree char *piece = g_strndup (parser->text + start, end - start);
  const char *stripped = g_strstrip (piece);
  gsize piece_length = strlen (stripped);
  gsize needed;

  /* Anything else that changed the value since starts over. */
  if (parser->continued != field || parser->continued_value != field->value ||
      field->value[parser->continued_length] != '\0')
    {
      parser->continued = field;
      parser->continued_length = strlen (field->value);
      parser->continued_size = parser->continued_length + 1;
    }

  needed = parser->continued_length + 1 + piece_length + 1;
  if (needed > parser->continued_size)
    {
      parser->continued_size = MAX (needed, parser->continued_size * 2);
      field->value = g_realloc (field->value, parser->continued_size);
    }
  if (parser->continued_length > 0)
    field->value[parser->continued_length++] = ' ';
  memcpy (field->value + parser->continued_length, stripped, piece_length + 1);
  parser->continued_length += piece_length;
  parser->continued_value = field->value;

  if (field->value_range.start == field->value_range.end)
    field->value_range.start = start;
  field->value_range.end = end;
}

static void
check_answers (Parser      *parser,
               HelderBlock *block)
{
  const char *kind = helder_block_get_value (block, "kind");
  guint n_correct = 0;

  for (guint i = 0; i < block->items->len; i++)
    if (helder_value_is_yes (helder_block_item_get_value (g_ptr_array_index (block->items, i),
                                                          "correct")))
      n_correct++;

  if (g_strcmp0 (kind, "multiple") == 0)
    {
      if (n_correct == 0)
        report (parser, block->range.start, block->range.start, HELDER_SEVERITY_ERROR,
                "format-answers",
                _("a multiple-choice question needs at least one correct answer; mark it [x]"));
      return;
    }

  if (g_strcmp0 (kind, "truefalse") == 0 && block->items->len != 2)
    report (parser, block->range.start, block->range.start, HELDER_SEVERITY_ERROR,
            "format-answers", _("a true/false question needs exactly two answers"));

  if (n_correct != 1)
    report (parser, block->range.start, block->range.start, HELDER_SEVERITY_ERROR,
            "format-answers",
            _("a single-choice question needs exactly one correct answer; mark one answer [x]"));
}

static void
check_block (Parser      *parser,
             HelderBlock *block)
{
  const HelderBlockSpec *spec = helder_block_spec_get (block->kind);
  const char *name = helder_block_kind_to_string (block->kind);

  check_fields (parser, block, block->fields, spec->fields, block->range.start);

  for (guint i = 0; i < block->items->len; i++)
    {
      HelderBlockItem *item = g_ptr_array_index (block->items, i);

      check_fields (parser, block, item->fields, spec->item_fields, item->range.start);
    }

  if (spec->min_items > 0 && block->items->len < spec->min_items)
    {
      g_autofree char *message =
        g_strdup_printf (_("this %s block needs at least %u items; add items starting with \"- \""),
                         name, spec->min_items);

      report (parser, block->range.start, block->range.start, HELDER_SEVERITY_ERROR,
              "format-items", message);
    }
  else if (spec->min_items == 0 && block->items->len > 0)
    {
      HelderBlockItem *item = g_ptr_array_index (block->items, 0);
      g_autofree char *message =
        g_strdup_printf (_("this %s block has no items; remove the \"- \""), name);

      report (parser, item->range.start, item->range.start, HELDER_SEVERITY_ERROR,
              "format-items", message);
    }

  switch (block->kind)
    {
    case HELDER_BLOCK_IMAGE:
      if (helder_block_get_value (block, "alt") == NULL &&
          !helder_value_is_yes (helder_block_get_value (block, "decorative")))
        report (parser, block->range.start, block->range.start, HELDER_SEVERITY_ERROR,
                "format-image-alt",
                _("image has no alt text; describe the image in \"alt:\", or mark it "
                  "\"decorative: yes\""));
      break;

    case HELDER_BLOCK_CHECK:
    case HELDER_BLOCK_QUESTION:
      if (block->items->len >= 2)
        check_answers (parser, block);
      break;

    case HELDER_BLOCK_SCENARIO:
      {
        guint n_best = 0;

        for (guint i = 0; i < block->items->len; i++)
          if (helder_value_is_yes (helder_block_item_get_value (g_ptr_array_index (block->items, i),
                                                                "best")))
            n_best++;

        if (block->items->len >= 2 && n_best != 1)
          report (parser, block->range.start, block->range.start, HELDER_SEVERITY_ERROR,
                  "format-answers",
                  _("a scenario needs exactly one best choice; mark it \"best: yes\""));
      }
      break;

    case HELDER_BLOCK_SURVEY:
      if (g_strcmp0 (helder_block_get_value (block, "kind"), "likert") == 0 &&
          (helder_block_get_value (block, "low") == NULL ||
           helder_block_get_value (block, "high") == NULL))
        report (parser, block->range.start, block->range.start, HELDER_SEVERITY_ERROR,
                "format-field-missing",
                _("a likert survey item needs labels \"low:\" and \"high:\" for 1 and 5"));
      break;

    case HELDER_BLOCK_TEXT:
    case HELDER_BLOCK_HEADING:
    case HELDER_BLOCK_CODE:
    case HELDER_BLOCK_HTML:
    case HELDER_BLOCK_CALLOUT:
    case HELDER_BLOCK_VIDEO:
    case HELDER_BLOCK_AUDIO:
    case HELDER_BLOCK_ACCORDION:
    case HELDER_BLOCK_TABS:
    case HELDER_BLOCK_FLASHCARDS:
    case HELDER_BLOCK_STEPS:
    case HELDER_BLOCK_CONTINUE:
    case HELDER_BLOCK_SOURCES:
    case HELDER_N_BLOCK_KINDS:
    default:
      break;
    }
}

/* Reads the body of a Helder block line by line (see "The block syntax"
 * in docs/course-format.md).
 */
static void
parse_block_body (Parser      *parser,
                  HelderBlock *block,
                  guint        first_line,
                  guint        last_line,
                  guint        fence_indent)
{
  HelderLineMap *lines = parser->content->lines;
  const HelderBlockSpec *spec = helder_block_spec_get (block->kind);
  HelderBlockItem *item = NULL;
  HelderField *last_field = NULL;

  for (guint line = first_line; line <= last_line; line++)
    {
      gsize start = helder_line_map_line_start (lines, line);
      gsize end = helder_line_map_line_end (lines, line);
      gsize pos = start;
      guint indent = 0;
      gsize key_length;
      gsize value_offset;
      const char *body;
      gsize body_length;

      while (pos < end && parser->text[pos] == ' ' && indent < fence_indent)
        pos++, indent++;
      indent = 0;
      while (pos < end && parser->text[pos] == ' ')
        pos++, indent++;
      while (end > pos && (parser->text[end - 1] == ' ' || parser->text[end - 1] == '\t'))
        end--;

      if (pos >= end || parser->text[pos] == '#')
        continue;

      body = parser->text + pos;
      body_length = end - pos;

      if (indent == 0 && body_length >= 2 && body[0] == '-' && body[1] == ' ')
        {
          gsize rest = pos + 2;

          while (rest < end && parser->text[rest] == ' ')
            rest++;

          item = helder_block_item_new ();
          item->range.start = pos;
          item->range.end = end;
          item->line = line;
          g_ptr_array_add (block->items, item);
          last_field = NULL;

          if (end - rest >= 3 && parser->text[rest] == '[' && parser->text[rest + 2] == ']' &&
              strchr (" xX", parser->text[rest + 1]) != NULL)
            {
              gboolean correct = parser->text[rest + 1] != ' ';
              HelderField *mark = helder_field_new ("correct", correct ? "yes" : "no");
              gsize text_start = rest + 3;

              mark->key_range.start = mark->value_range.start = rest;
              mark->key_range.end = mark->value_range.end = rest + 3;
              mark->line = line;
              g_ptr_array_add (item->fields, mark);

              while (text_start < end && parser->text[text_start] == ' ')
                text_start++;
              last_field = add_field (item->fields, "answer", parser->text, text_start, text_start,
                                      text_start, end, line);
              continue;
            }

          pos = rest;
          body = parser->text + pos;
          body_length = end - pos;
          if (split_key_value (body, body_length, &key_length, &value_offset))
            {
              g_autofree char *key = g_strndup (body, key_length);

              last_field = add_field (item->fields, key, parser->text, pos, pos + key_length,
                                      pos + value_offset, end, line);
            }
          else
            report (parser, pos, end, HELDER_SEVERITY_ERROR, "format-line",
                    _("this line is not \"key: value\"; write key: value after \"- \""));
          continue;
        }

      if (split_key_value (body, body_length, &key_length, &value_offset))
        {
          g_autofree char *key = g_strndup (body, key_length);
          gboolean item_key = helder_field_spec_find (spec->item_fields, key) != NULL;
          gboolean block_key = helder_field_spec_find (spec->fields, key) != NULL;
          GPtrArray *target = NULL;

          if (indent == 0)
            {
              /* A field at the margin belongs to the block; it ends the item. */
              if (item_key && !block_key && item == NULL)
                {
                  report (parser, pos, end, HELDER_SEVERITY_ERROR, "format-item-field",
                          _("an item field before the first item; start items with \"- \""));
                  continue;
                }
              item = NULL;
              target = block->fields;
            }
          else if (item != NULL && item_key)
            target = item->fields;
          else if (item == NULL && item_key && !block_key)
            {
              report (parser, pos, end, HELDER_SEVERITY_ERROR, "format-item-field",
                      _("an item field before the first item; start items with \"- \""));
              continue;
            }

          if (target != NULL)
            {
              last_field = add_field (target, key, parser->text, pos, pos + key_length,
                                      pos + value_offset, end, line);
              continue;
            }
        }

      if (indent > 0 && last_field != NULL)
        {
          add_continuation_run (parser, last_field, pos, end);
          continue;
        }

      report (parser, pos, end, HELDER_SEVERITY_ERROR, "format-line",
              _("this line is not \"key: value\"; write key: value, or indent a continuation "
                "line by two spaces"));
    }
}

static gboolean
is_closing_fence (const char *line,
                  gsize       length,
                  char        fence_char)
{
  gsize i = 0;
  guint n = 0;

  while (i < length && line[i] == ' ')
    i++;
  while (i < length && line[i] == fence_char)
    i++, n++;
  while (i < length && (line[i] == ' ' || line[i] == '\t'))
    i++;

  return n >= 3 && i == length;
}

static void
parse_fenced_block (Parser     *parser,
                    cmark_node *node,
                    HelderBlock *block)
{
  HelderLineMap *lines = parser->content->lines;
  guint first = cmark_node_get_start_line (node);
  guint last = cmark_node_get_end_line (node);
  gsize open_start = helder_line_map_line_start (lines, first);
  gsize open_end = helder_line_map_line_end (lines, first);
  gsize close_start = helder_line_map_line_start (lines, last);
  gsize close_end = helder_line_map_line_end (lines, last);
  guint fence_indent = 0;
  char fence_char;
  gboolean closed;

  while (open_start + fence_indent < open_end && parser->text[open_start + fence_indent] == ' ')
    fence_indent++;
  fence_char = parser->text[open_start + fence_indent];

  closed = last > first && is_closing_fence (parser->text + close_start, close_end - close_start,
                                             fence_char);
  if (!closed)
    report (parser, open_start, open_end, HELDER_SEVERITY_WARNING, "format-unclosed",
            _("block is not closed; add the closing fence (```)"));

  /* An unclosed fence runs to the end of the page, which may hold empty
   * lines cmark does not count.
   */
  if (!closed)
    last = MAX (last, helder_line_map_get_n_lines (lines));

  parse_block_body (parser, block, first + 1, closed ? last - 1 : last, fence_indent);
  check_block (parser, block);
}

static void
parse_callout (Parser      *parser,
               cmark_node  *quote,
               HelderBlock *block)
{
  static GRegex *marker = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  HelderLineMap *lines = parser->content->lines;
  guint first = cmark_node_get_start_line (quote);
  gsize line_start = helder_line_map_line_start (lines, first);
  gsize line_end = helder_line_map_line_end (lines, first);
  g_autofree char *line = g_strndup (parser->text + line_start, line_end - line_start);
  cmark_node *child;

  if (g_once_init_enter (&marker))
    g_once_init_leave (&marker, g_regex_new ("^ {0,3}> ?\\[!([A-Za-z]+)\\][ \\t]*(.*)$",
                                             G_REGEX_OPTIMIZE, 0, NULL));

  if (!g_regex_match (marker, line, 0, &match))
    {
      block->kind = HELDER_BLOCK_TEXT;
      add_sibling_runs (parser, cmark_node_first_child (quote), 1);
      return;
    }

  block->kind = HELDER_BLOCK_CALLOUT;
  {
    g_autofree char *type = g_match_info_fetch (match, 1);

    block->info = g_ascii_strup (type, -1);
  }
  {
    g_autofree char *title = g_match_info_fetch (match, 2);

    block->title = *g_strstrip (title) != '\0' ? g_strdup (title) : NULL;
  }

  if (strcmp (block->info, "IMPORT") == 0)
    {
      /* A note an import left where it could not bring a block over; it
       * stays a finding until someone rebuilds the block.
       */
      report (parser, line_start, line_end, HELDER_SEVERITY_WARNING, "import-leftover",
              _("this part could not be imported as it was; rebuild it with a block from "
                "the + menu, then remove this note"));
    }
  else if (!g_strv_contains ((const char * const[]) { "ACTION", "TIP", "NOTE", "WARNING", NULL },
                             block->info))
    {
      g_autofree char *message =
        g_strdup_printf (_("unknown callout type \"%s\"; use ACTION, TIP, NOTE or WARNING"),
                         block->info);

      report (parser, line_start, line_end, HELDER_SEVERITY_WARNING, "format-callout", message);
    }

  /* The marker line is the first line of the first paragraph; its title is
   * learner text, the marker is not.
   */
  child = cmark_node_first_child (quote);
  if (child != NULL && cmark_node_get_type (child) == CMARK_NODE_PARAGRAPH)
    {
      int title_start = 0;
      int title_end = 0;
      gsize first_start = node_start (parser, child);

      g_match_info_fetch_pos (match, 2, &title_start, &title_end);
      parser->paragraph++;
      add_run (parser, line_start + title_start, line_start + title_end, HELDER_TEXT_HEADING);

      if ((guint) cmark_node_get_end_line (child) > first)
        {
          /* Reuse the paragraph walker for the lines after the marker. */
          gsize skip = helder_line_map_line_start (lines, first + 1) - first_start;

          add_paragraph_runs (parser, child, 1, skip);
        }
      else
        add_inline_images (parser, child, first_start, node_end (parser, child));

      child = cmark_node_next (child);
    }

  /* The callout's body: learner text one quote deep. */
  add_sibling_runs (parser, child, 1);
}

/* cmark 0.30 has no accessor for it: a fenced block's first line starts
 * with ``` or ~~~ after at most three spaces.
 */
static gboolean
is_fenced (Parser     *parser,
           cmark_node *node)
{
  gsize start = helder_line_map_line_start (parser->content->lines,
                                            cmark_node_get_start_line (node));
  gsize end = helder_line_map_line_end (parser->content->lines, cmark_node_get_start_line (node));
  guint spaces = 0;

  while (start < end && parser->text[start] == ' ' && spaces < 3)
    start++, spaces++;

  return end - start >= 3 &&
         (memcmp (parser->text + start, "```", 3) == 0 ||
          memcmp (parser->text + start, "~~~", 3) == 0);
}

static void
parse_code_block (Parser      *parser,
                  cmark_node  *node,
                  HelderBlock *block)
{
  const char *info = cmark_node_get_fence_info (node);
  g_autofree char *name = NULL;
  HelderBlockKind kind;

  if (info == NULL || info[0] == '\0')
    return;

  name = g_strdup (info);
  g_strstrip (name);
  name[strcspn (name, " \t")] = '\0';
  block->info = g_strdup (name);

  if (helder_block_kind_from_string (name, &kind))
    {
      block->kind = kind;
      parse_fenced_block (parser, node, block);
      return;
    }

  if (strlen (name) >= 4)
    {
      for (guint i = 0; i < HELDER_N_BLOCK_KINDS; i++)
        {
          const char *known = helder_block_kind_to_string (i);

          if (helder_block_kind_is_fenced (i) && edit_distance (name, known) <= 2)
            {
              g_autofree char *message =
                g_strdup_printf (_("\"%s\" is not a block type; did you mean \"%s\"?"),
                                 name, known);

              report (parser, block->range.start, block->range.start,
                      HELDER_SEVERITY_WARNING, "format-block-type", message);
              break;
            }
        }
    }
}

/* Returns: (transfer full): the parsed form of the page source @text of
 * @length bytes; problems are in its diagnostics, located in @file.
 */
HelderPageContent *
helder_page_content_parse (const char *file,
                           const char *text,
                           gsize       length)
{
  g_autoptr(HelderPageContent) self = NULL;
  const char *invalid = NULL;
  Parser parser = { 0 };
  cmark_node *document;
  gboolean has_content = FALSE;

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (text != NULL || length == 0, NULL);

  self = g_new0 (HelderPageContent, 1);
  self->file = g_strdup (file);
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_block_free);
  self->images = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_block_free);
  self->runs = g_array_new (FALSE, FALSE, sizeof (HelderTextRun));
  self->diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  self->lines = helder_line_map_new (text, length);

  parser.content = self;
  parser.text = text;
  parser.length = length;

  if (!g_utf8_validate (text, length, &invalid))
    {
      report (&parser, invalid - text, invalid - text + 1, HELDER_SEVERITY_ERROR,
              "format-encoding", _("file is not valid UTF-8; save it as UTF-8"));
      return g_steal_pointer (&self);
    }

  document = cmark_parse_document (text, length, CMARK_OPT_SOURCEPOS);

  for (cmark_node *node = cmark_node_first_child (document);
       node != NULL;
       node = cmark_node_next (node))
    {
      g_autoptr(HelderBlock) block = helder_block_new (HELDER_BLOCK_TEXT);

      block->range.start = node_start (&parser, node);
      block->range.end = node_end (&parser, node);
      block->line = cmark_node_get_start_line (node);
      block->end_line = helder_cmark_node_get_end_line (node);
      parser.raw_html_reported = FALSE;
      has_content = TRUE;

      switch ((int) cmark_node_get_type (node))
        {
        case CMARK_NODE_HEADING:
          {
            g_autoptr(GString) title = g_string_new (NULL);

            block->kind = HELDER_BLOCK_HEADING;
            block->level = cmark_node_get_heading_level (node);
            append_plain_text (title, node);
            block->title = g_strstrip (g_string_free (g_steal_pointer (&title), FALSE));
            add_heading_runs (&parser, node, 0);

            if (block->level == 1 && self->title == NULL)
              self->title = g_strdup (block->title);
          }
          break;

        case CMARK_NODE_PARAGRAPH:
          add_paragraph_runs (&parser, node, 0, 0);
          break;

        case CMARK_NODE_LIST:
          add_sibling_runs (&parser, cmark_node_first_child (node), 0);
          break;

        case CMARK_NODE_BLOCK_QUOTE:
          parse_callout (&parser, node, block);
          break;

        case CMARK_NODE_CODE_BLOCK:
          block->kind = HELDER_BLOCK_CODE;
          if (is_fenced (&parser, node))
            parse_code_block (&parser, node, block);
          break;

        case CMARK_NODE_HTML_BLOCK:
          block->kind = HELDER_BLOCK_HTML;
          report_raw_html (&parser, block->range.start, block->range.end);
          break;

        default:
          break;
        }

      g_ptr_array_add (self->blocks, g_steal_pointer (&block));
    }

  cmark_node_free (document);

  if (!has_content)
    report (&parser, 0, 0, HELDER_SEVERITY_WARNING, "format-empty-page",
            _("the page is empty; write some content, or remove the page"));
  else if (self->title == NULL)
    report (&parser, 0, 0, HELDER_SEVERITY_WARNING, "format-no-title",
            _("the page has no title; start the page with \"# Title\""));

  return g_steal_pointer (&self);
}

/* Frees @self. */
void
helder_page_content_free (HelderPageContent *self)
{
  if (self == NULL)
    return;

  g_free (self->file);
  g_free (self->title);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->images, g_ptr_array_unref);
  g_clear_pointer (&self->runs, g_array_unref);
  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
  g_clear_pointer (&self->lines, helder_line_map_free);
  g_free (self);
}

/* Words as a reader counts them: runs of letters and digits, joined by
 * hyphens or apostrophes ("AI-verordening", "auto's"); link targets and
 * Markdown marks are not words.
 */
guint
helder_count_words (const char *text,
                    gsize       length)
{
  const char *p = text;
  const char *end = text + length;
  gboolean in_word = FALSE;
  guint n = 0;

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;
          in_word = FALSE;
          continue;
        }

      if (c == ']' && p + 1 < end && p[1] == '(')
        {
          const char *close = memchr (p, ')', end - p);

          p = close != NULL ? close + 1 : end;
          in_word = FALSE;
          continue;
        }

      if (g_unichar_isalnum (c))
        {
          if (!in_word)
            n++;
          in_word = TRUE;
        }
      else if (!(in_word && (c == '-' || c == '\'' || c == 0x2019) && p + 1 < end &&
                 g_unichar_isalnum (g_utf8_get_char_validated (g_utf8_next_char (p),
                                                               end - g_utf8_next_char (p)))))
        in_word = FALSE;

      p = g_utf8_next_char (p);
    }

  return n;
}

/* The number of learner-facing words. */
guint
helder_page_content_count_words (const HelderPageContent *self,
                                 const char              *text)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->runs->len; i++)
    {
      const HelderTextRun *run = &g_array_index (self->runs, HelderTextRun, i);

      n += helder_count_words (text + run->range.start, run->range.end - run->range.start);
    }

  return n;
}
