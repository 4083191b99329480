/* helder-block-edit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-block-edit"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "helder-block-edit.h"
#include "helder-block-spec.h"

HelderTextEdit *
helder_text_edit_new (gsize       start,
                      gsize       end,
                      const char *text)
{
  HelderTextEdit *self;

  g_return_val_if_fail (start <= end, NULL);

  self = g_new0 (HelderTextEdit, 1);
  self->start = start;
  self->end = end;
  self->text = g_strdup (text != NULL ? text : "");

  return self;
}

void
helder_text_edit_free (HelderTextEdit *self)
{
  if (self == NULL)
    return;

  g_free (self->text);
  g_free (self);
}

char *
helder_text_edit_dup_applied (const HelderTextEdit *self,
                              const char           *text,
                              gsize                 length)
{
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->end <= length, NULL);

  out = g_string_sized_new (length + strlen (self->text));
  g_string_append_len (out, text, self->start);
  g_string_append (out, self->text);
  g_string_append_len (out, text + self->end, length - self->end);

  return g_string_free (out, FALSE);
}

HelderTextEdit *
helder_text_edit_dup_inverse (const HelderTextEdit *self,
                              const char           *text,
                              gsize                 length)
{
  g_autofree char *old = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->end <= length, NULL);

  old = g_strndup (text + self->start, self->end - self->start);

  return helder_text_edit_new (self->start, self->start + strlen (self->text), old);
}

/* An edit of a page: what it writes follows the page's line ends, so a
 * page written with CR LF stays so.
 */
static HelderTextEdit *
page_edit_new (const char *text,
               gsize       length,
               gsize       start,
               gsize       end,
               const char *replacement)
{
  const char *newline = memchr (text, '\n', length);
  g_autoptr(GString) converted = NULL;

  if (newline == NULL || newline == text || newline[-1] != '\r')
    return helder_text_edit_new (start, end, replacement);

  converted = g_string_new (NULL);
  for (const char *p = replacement; *p != '\0'; p++)
    {
      if (*p == '\n' && (p == replacement || p[-1] != '\r'))
        g_string_append_c (converted, '\r');
      g_string_append_c (converted, *p);
    }

  return helder_text_edit_new (start, end, converted->str);
}

/* Lines */

/* The length of the empty line at @pos ("\n" or "\r\n"), or 0. */
static gsize
empty_line_at (const char *text,
               gsize       length,
               gsize       pos)
{
  if (pos < length && text[pos] == '\n')
    return 1;
  if (pos + 1 < length && text[pos] == '\r' && text[pos + 1] == '\n')
    return 2;

  return 0;
}

/* The length of the empty line that ends at @pos, after another line
 * end, or 0.
 */
static gsize
empty_line_before (const char *text,
                   gsize       pos)
{
  gsize len = pos >= 2 && text[pos - 2] == '\r' ? 2 : 1;

  if (pos < len + 1 || text[pos - 1] != '\n' || text[pos - len - 1] != '\n')
    return 0;

  return len;
}

static gsize
line_start (const char *text,
            gsize       pos)
{
  while (pos > 0 && text[pos - 1] != '\n')
    pos--;

  return pos;
}

/* The offset after the newline of the line holding @pos. */
static gsize
line_after (const char *text,
            gsize       length,
            gsize       pos)
{
  while (pos < length && text[pos] != '\n')
    pos++;

  return pos < length ? pos + 1 : length;
}

/* The last byte of a range, for the line it ends on. */
static gsize
range_last (HelderRange range)
{
  return range.end > range.start ? range.end - 1 : range.start;
}

static void
block_lines (const char        *text,
             gsize              length,
             const HelderBlock *block,
             gsize             *start,
             gsize             *end)
{
  *start = line_start (text, block->range.start);
  *end = line_after (text, length, range_last (block->range));
}

static void
item_lines (const char            *text,
            gsize                  length,
            const HelderBlockItem *item,
            gsize                 *start,
            gsize                 *end)
{
  *start = line_start (text, item->range.start);
  *end = line_after (text, length, range_last (item->range));

  for (guint i = 0; i < item->fields->len; i++)
    {
      const HelderField *field = g_ptr_array_index (item->fields, i);

      *end = MAX (*end, line_after (text, length, range_last (field->value_range)));
    }
}

/* The source of a block, ending with a newline. */
static char *
dup_block_source (const char        *text,
                  gsize              length,
                  const HelderBlock *block)
{
  gsize start, end;
  char *source;

  block_lines (text, length, block, &start, &end);
  source = g_strndup (text + start, end - start);
  if (end == start || source[end - start - 1] != '\n')
    {
      char *with_newline = g_strconcat (source, "\n", NULL);

      g_free (source);
      source = with_newline;
    }

  return source;
}

/* Several replacements in one block, as one edit spanning them all. */

typedef struct
{
  gsize  start;
  gsize  end;
  char  *text;
} Change;

static void
change_clear (gpointer data)
{
  g_free (((Change *) data)->text);
}

static GArray *
changes_new (void)
{
  GArray *changes = g_array_new (FALSE, FALSE, sizeof (Change));

  g_array_set_clear_func (changes, change_clear);

  return changes;
}

static void
changes_add (GArray     *changes,
             gsize       start,
             gsize       end,
             const char *text)
{
  Change change = { start, end, g_strdup (text) };

  g_array_append_val (changes, change);
}

static int
compare_changes (gconstpointer a,
                 gconstpointer b)
{
  const Change *x = a;
  const Change *y = b;

  return x->start < y->start ? -1 : x->start > y->start;
}

static HelderTextEdit *
changes_to_edit (GArray     *changes,
                 const char *text,
                 gsize       length)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gsize start, pos;

  if (changes->len == 0)
    return NULL;

  g_array_sort (changes, compare_changes);
  start = pos = g_array_index (changes, Change, 0).start;

  for (guint i = 0; i < changes->len; i++)
    {
      const Change *change = &g_array_index (changes, Change, i);

      g_assert (change->start >= pos);
      g_string_append_len (out, text + pos, change->start - pos);
      g_string_append (out, change->text);
      pos = change->end;
    }

  return page_edit_new (text, length, start, pos, out->str);
}

/* Fields */

static const HelderField *
find_field (GPtrArray  *fields,
            const char *key)
{
  for (guint i = 0; i < fields->len; i++)
    {
      const HelderField *field = g_ptr_array_index (fields, i);

      if (g_str_equal (field->key, key))
        return field;
    }

  return NULL;
}

/* "- [x] text": the mark and the text have no key of their own. */
static gboolean
is_shorthand (const HelderField *field)
{
  return field->key_range.start == field->key_range.end
         || (field->key_range.start == field->value_range.start
             && field->key_range.end == field->value_range.end);
}

static int
spec_index (const HelderFieldSpec *specs,
            const char            *key)
{
  int i;

  for (i = 0; specs[i].key != NULL; i++)
    if (g_str_equal (specs[i].key, key))
      return i;

  return i;
}

static void
change_field (GArray            *changes,
              const char        *text,
              gsize              length,
              const HelderBlock *block,
              int                item_index,
              const char        *key,
              const char        *value)
{
  const HelderBlockSpec *spec = helder_block_spec_get (block->kind);
  const HelderBlockItem *item = item_index >= 0 ? g_ptr_array_index (block->items, item_index) : NULL;
  GPtrArray *fields = item != NULL ? item->fields : block->fields;
  const HelderFieldSpec *specs = item != NULL ? spec->item_fields : spec->fields;
  const HelderField *field = find_field (fields, key);
  g_autoptr(GString) formatted = g_string_new (NULL);

  if (value != NULL)
    helder_field_value_format (formatted, value);

  if (field != NULL && is_shorthand (field) && g_str_equal (key, "correct"))
    {
      changes_add (changes, field->value_range.start, field->value_range.end,
                   value != NULL && helder_value_is_yes (value) ? "[x]" : "[ ]");
      return;
    }

  if (field != NULL && (value != NULL || is_shorthand (field)
                        || (item != NULL && field == g_ptr_array_index (item->fields, 0))))
    {
      gsize start = field->value_range.start;

      /* "key:" with nothing after it gets its space. */
      if (!is_shorthand (field) && start > 0 && text[start - 1] == ':' && formatted->len > 0)
        g_string_prepend_c (formatted, ' ');
      changes_add (changes, start, field->value_range.end, formatted->str);
      return;
    }

  if (field != NULL)
    {
      gsize start = line_start (text, field->key_range.start);
      gsize end = line_after (text, length, range_last (field->value_range));

      changes_add (changes, start, end, "");
      return;
    }

  if (value == NULL)
    return;

  /* A new field goes after the last one that comes before it in the
   * documented order, else after the fence or the item's first field.
   */
  {
    int wanted = spec_index (specs, key);
    const HelderField *after = NULL;
    g_autofree char *line = NULL;
    gsize at;

    for (guint i = 0; i < fields->len; i++)
      {
        const HelderField *other = g_ptr_array_index (fields, i);

        if (spec_index (specs, other->key) <= wanted)
          after = other;
      }

    if (after == NULL && item != NULL && fields->len > 0)
      after = g_ptr_array_index (fields, 0);

    if (after != NULL)
      at = line_after (text, length, MAX (range_last (after->value_range), after->key_range.start));
    else
      at = line_after (text, length, block->range.start);

    line = g_strdup_printf ("%s%s: %s\n", item != NULL ? "  " : "", key, formatted->str);
    /* At the end of a page without a final newline. */
    if (at == length && length > 0 && text[length - 1] != '\n')
      {
        char *with_newline = g_strconcat ("\n", line, NULL);

        g_free (line);
        line = with_newline;
      }
    changes_add (changes, at, at, line);
  }
}

HelderTextEdit *
helder_block_edit_set_field (const char        *text,
                             gsize              length,
                             const HelderBlock *block,
                             int                item,
                             const char        *key,
                             const char        *value)
{
  g_autoptr(GArray) changes = changes_new ();

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (block != NULL, NULL);
  g_return_val_if_fail (helder_block_kind_is_fenced (block->kind), NULL);
  g_return_val_if_fail (item < (int) block->items->len, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  change_field (changes, text, length, block, item, key, value);

  return changes_to_edit (changes, text, length);
}

/* Items */

HelderTextEdit *
helder_block_edit_add_item (const char         *text,
                            gsize               length,
                            const HelderBlock  *block,
                            guint               position,
                            const char * const *fields)
{
  g_autoptr(HelderBlockItem) item = helder_block_item_new ();
  g_autofree char *source = NULL;
  gsize at;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (block != NULL, NULL);
  g_return_val_if_fail (fields != NULL && fields[0] != NULL, NULL);

  for (guint i = 0; fields[i] != NULL && fields[i + 1] != NULL; i += 2)
    g_ptr_array_add (item->fields, helder_field_new (fields[i], fields[i + 1]));

  source = helder_block_item_format (item);

  if (position < block->items->len)
    {
      const HelderBlockItem *next = g_ptr_array_index (block->items, position);

      at = line_start (text, next->range.start);
    }
  else if (block->items->len > 0)
    {
      gsize start;

      item_lines (text, length, g_ptr_array_index (block->items, block->items->len - 1), &start, &at);
    }
  else
    {
      /* After the last field, else after the fence. */
      at = line_after (text, length, block->range.start);
      for (guint i = 0; i < block->fields->len; i++)
        {
          const HelderField *field = g_ptr_array_index (block->fields, i);

          at = MAX (at, line_after (text, length, range_last (field->value_range)));
        }
    }

  return page_edit_new (text, length, at, at, source);
}

HelderTextEdit *
helder_block_edit_remove_item (const char        *text,
                               gsize              length,
                               const HelderBlock *block,
                               guint              item)
{
  gsize start, end;

  g_return_val_if_fail (block != NULL, NULL);
  g_return_val_if_fail (item < block->items->len, NULL);

  item_lines (text, length, g_ptr_array_index (block->items, item), &start, &end);

  return page_edit_new (text, length, start, end, "");
}

/* Moves stretch @from of the @n stretches [bounds[2k], bounds[2k+1]), in
 * page order, to place @to, keeping what lies between them in its place.
 */
static HelderTextEdit *
reorder_edit (const char  *text,
              gsize        length,
              const gsize *bounds,
              guint        n,
              guint        from,
              guint        to)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gsize last_end = bounds[2 * n - 1];
  gboolean unterminated = last_end == 0 || text[last_end - 1] != '\n';

  for (guint k = 0; k < n; k++)
    {
      /* Block k of the new order, then the gap that followed place k. */
      guint source = k == to ? from
                   : from < to && k >= from && k < to ? k + 1
                   : to < from && k > to && k <= from ? k - 1 : k;
      gsize start = bounds[2 * source];
      gsize end = bounds[2 * source + 1];

      g_string_append_len (out, text + start, end - start);
      if (end == start || text[end - 1] != '\n')
        g_string_append_c (out, '\n');
      if (k + 1 < n)
        g_string_append_len (out, text + bounds[2 * k + 1], bounds[2 * k + 2] - bounds[2 * k + 1]);
    }

  /* The last stretch of a page may lack its newline: so does the new one. */
  if (unterminated)
    g_string_truncate (out, out->len - (g_str_has_suffix (out->str, "\r\n") ? 2 : 1));

  return page_edit_new (text, length, bounds[0], last_end, out->str);
}

/* Swaps the lines @a_start to @a_end with @b_start to @b_end (after them),
 * keeping what lies between them.
 */
static HelderTextEdit *
swap_edit (const char *text,
           gsize       length,
           gsize       a_start,
           gsize       a_end,
           gsize       b_start,
           gsize       b_end)
{
  const gsize bounds[] = { a_start, a_end, b_start, b_end };

  return reorder_edit (text, length, bounds, 2, 1, 0);
}

/* Where a block or an item lies, in whole lines. */
typedef void (*LinesFunc) (const char    *text,
                           gsize          length,
                           gconstpointer  thing,
                           gsize         *start,
                           gsize         *end);

/* Moves things->pdata[@index] past its neighbour, up or @down. */
static HelderTextEdit *
move_past_neighbour (const char *text,
                     gsize       length,
                     GPtrArray  *things,
                     guint       index,
                     gboolean    down,
                     LinesFunc   lines)
{
  gsize a_start, a_end, b_start, b_end;
  guint first;

  if (down ? index + 1 >= things->len : index == 0)
    return NULL;

  first = down ? index : index - 1;
  lines (text, length, g_ptr_array_index (things, first), &a_start, &a_end);
  lines (text, length, g_ptr_array_index (things, first + 1), &b_start, &b_end);

  return swap_edit (text, length, a_start, a_end, b_start, b_end);
}

HelderTextEdit *
helder_block_edit_move_item (const char        *text,
                             gsize              length,
                             const HelderBlock *block,
                             guint              item,
                             gboolean           down)
{
  g_return_val_if_fail (block != NULL, NULL);
  g_return_val_if_fail (item < block->items->len, NULL);

  return move_past_neighbour (text, length, block->items, item, down, (LinesFunc) item_lines);
}

static const char *
question_kind (const HelderBlock *block)
{
  const char *kind = helder_block_get_value (block, "kind");

  return kind != NULL && *kind != '\0' ? kind : "single";
}

static const char *
mark_key (const HelderBlock *block)
{
  return block->kind == HELDER_BLOCK_SCENARIO ? "best" : "correct";
}

static gboolean
item_is_marked (const HelderBlock *block,
                guint              item)
{
  return helder_value_is_yes (helder_block_item_get_value (g_ptr_array_index (block->items, item),
                                                           mark_key (block)));
}

/* Sets each item's mark where it differs from @marks. */
static HelderTextEdit *
mark_items (const char        *text,
            gsize              length,
            const HelderBlock *block,
            GArray            *changes,
            const gboolean    *marks)
{
  for (guint i = 0; i < block->items->len; i++)
    {
      const HelderBlockItem *item = g_ptr_array_index (block->items, i);
      gboolean has_field = helder_block_item_get_field (item, mark_key (block)) != NULL;

      if (marks[i] == item_is_marked (block, i))
        continue;

      /* A choice that is not the best needs no "best: no" line. */
      if (!marks[i] && has_field && block->kind == HELDER_BLOCK_SCENARIO)
        change_field (changes, text, length, block, i, mark_key (block), NULL);
      else
        change_field (changes, text, length, block, i, mark_key (block), marks[i] ? "yes" : "no");
    }

  return changes_to_edit (changes, text, length);
}

HelderTextEdit *
helder_block_edit_set_correct (const char        *text,
                               gsize              length,
                               const HelderBlock *block,
                               guint              item,
                               gboolean           correct)
{
  g_autoptr(GArray) changes = changes_new ();
  g_autofree gboolean *marks = NULL;
  gboolean only_one;

  g_return_val_if_fail (block != NULL, NULL);
  g_return_val_if_fail (block->kind == HELDER_BLOCK_CHECK || block->kind == HELDER_BLOCK_QUESTION
                        || block->kind == HELDER_BLOCK_SCENARIO, NULL);
  g_return_val_if_fail (item < block->items->len, NULL);

  only_one = block->kind == HELDER_BLOCK_SCENARIO || !g_str_equal (question_kind (block), "multiple");
  marks = g_new0 (gboolean, block->items->len);
  for (guint i = 0; i < block->items->len; i++)
    marks[i] = i == item ? correct : (only_one && correct ? FALSE : item_is_marked (block, i));

  return mark_items (text, length, block, changes, marks);
}

HelderTextEdit *
helder_block_edit_set_question_kind (const char        *text,
                                     gsize              length,
                                     const HelderBlock *block,
                                     const char        *kind)
{
  g_autoptr(GArray) changes = changes_new ();
  g_autofree gboolean *marks = NULL;
  gboolean seen = FALSE;

  g_return_val_if_fail (block != NULL, NULL);
  g_return_val_if_fail (block->kind == HELDER_BLOCK_CHECK || block->kind == HELDER_BLOCK_QUESTION, NULL);
  g_return_val_if_fail (g_strv_contains ((const char *[]) { "single", "multiple", "truefalse", NULL }, kind), NULL);

  if (g_strcmp0 (helder_block_get_value (block, "kind"), kind) != 0)
    change_field (changes, text, length, block, -1, "kind", kind);

  marks = g_new0 (gboolean, block->items->len);
  for (guint i = 0; i < block->items->len; i++)
    {
      marks[i] = item_is_marked (block, i);
      if (!g_str_equal (kind, "multiple"))
        {
          marks[i] = marks[i] && !seen;
          seen |= marks[i];
        }
    }
  if (!g_str_equal (kind, "multiple") && !seen && block->items->len > 0)
    marks[0] = TRUE;

  return mark_items (text, length, block, changes, marks);
}

/* Blocks */

GHashTable *
helder_course_dup_ids_in_use (HelderCourse *course)
{
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  HelderPageIter iter = helder_course_iter_pages (course);

  g_return_val_if_fail (HELDER_IS_COURSE (course), ids);

  while (helder_page_iter_next (&iter))
    {
      const HelderPageContent *page_content = helder_page_get_content (iter.page);

      for (guint i = 0; i < page_content->blocks->len; i++)
        {
          const char *id = helder_block_get_value (g_ptr_array_index (page_content->blocks, i), "id");

          if (id != NULL)
            g_hash_table_add (ids, g_strdup (id));
        }
    }

  return ids;
}

char *
helder_block_dup_new_id (const char *question,
                         const char *prefix,
                         GHashTable *ids_in_use)
{
  g_autofree char *ascii = g_str_to_ascii (question != NULL ? question : "", "C");
  g_autoptr(GString) id = g_string_new (prefix);
  guint words = 0;
  gsize base;
  g_autofree char *stem = NULL;

  if (id->len > 0)
    g_string_append_c (id, '-');
  base = id->len;

  for (const char *p = ascii; *p != '\0' && words < 4;)
    {
      while (*p != '\0' && !g_ascii_isalnum (*p))
        p++;
      if (*p == '\0')
        break;
      if (id->len > base)
        g_string_append_c (id, '-');
      while (g_ascii_isalnum (*p) && id->len < base + 32)
        g_string_append_c (id, g_ascii_tolower (*p++));
      while (g_ascii_isalnum (*p))
        p++;
      words++;
    }

  if (id->len == base)
    g_string_append (id, prefix != NULL && *prefix != '\0' ? "1" : "vraag");

  stem = g_strdup (id->str);
  for (guint n = 2; ids_in_use != NULL && g_hash_table_contains (ids_in_use, id->str); n++)
    {
      g_string_assign (id, stem);
      g_string_append_printf (id, "-%u", n);
    }

  return g_string_free (g_steal_pointer (&id), FALSE);
}

static const char *
template_info (HelderTemplate template)
{
  static const char *infos[HELDER_N_TEMPLATES] = {
    [HELDER_TEMPLATE_IMAGE] = "image",
    [HELDER_TEMPLATE_VIDEO] = "video",
    [HELDER_TEMPLATE_AUDIO] = "audio",
    [HELDER_TEMPLATE_ACCORDION] = "accordion",
    [HELDER_TEMPLATE_TABS] = "tabs",
    [HELDER_TEMPLATE_FLASHCARDS] = "flashcards",
    [HELDER_TEMPLATE_STEPS] = "steps",
    [HELDER_TEMPLATE_SCENARIO] = "scenario",
    [HELDER_TEMPLATE_CHECK] = "check",
    [HELDER_TEMPLATE_QUESTION] = "question",
    [HELDER_TEMPLATE_SURVEY] = "survey",
    [HELDER_TEMPLATE_CONTINUE] = "continue",
  };

  return infos[template];
}

char *
helder_block_dup_template (HelderTemplate  template,
                           GHashTable     *ids_in_use)
{
  static const char *callouts[] = { "ACTION", "TIP", "NOTE", "WARNING" };
  g_autoptr(HelderBlock) block = NULL;
  HelderBlockKind kind;
  const HelderBlockSpec *spec;

  g_return_val_if_fail (template < HELDER_N_TEMPLATES, NULL);

  switch (template)
    {
    case HELDER_TEMPLATE_TEXT:
      return g_strdup_printf ("%s\n", _("New text"));
    case HELDER_TEMPLATE_HEADING:
      return g_strdup_printf ("## %s\n", _("New heading"));
    case HELDER_TEMPLATE_BULLETS:
      return g_strdup_printf ("- %s\n- %s\n", _("First point"), _("Second point"));
    case HELDER_TEMPLATE_QUOTE:
      return g_strdup_printf ("> %s\n", _("Quote"));
    case HELDER_TEMPLATE_CALLOUT_ACTION:
    case HELDER_TEMPLATE_CALLOUT_TIP:
    case HELDER_TEMPLATE_CALLOUT_NOTE:
    case HELDER_TEMPLATE_CALLOUT_WARNING:
      return g_strdup_printf ("> [!%s]\n> %s\n", callouts[template - HELDER_TEMPLATE_CALLOUT_ACTION],
                              _("New text"));
    case HELDER_TEMPLATE_CODE:
      return g_strdup ("```text\n```\n");
    case HELDER_TEMPLATE_IMAGE:
    case HELDER_TEMPLATE_VIDEO:
    case HELDER_TEMPLATE_AUDIO:
    case HELDER_TEMPLATE_ACCORDION:
    case HELDER_TEMPLATE_TABS:
    case HELDER_TEMPLATE_FLASHCARDS:
    case HELDER_TEMPLATE_STEPS:
    case HELDER_TEMPLATE_SCENARIO:
    case HELDER_TEMPLATE_CHECK:
    case HELDER_TEMPLATE_QUESTION:
    case HELDER_TEMPLATE_SURVEY:
    case HELDER_TEMPLATE_CONTINUE:
    case HELDER_N_TEMPLATES:
    default:
      break;
    }

  if (!helder_block_kind_from_string (template_info (template), &kind))
    g_return_val_if_reached (NULL);

  spec = helder_block_spec_get (kind);
  block = helder_block_new (kind);

  /* The required fields, empty; the defaults the author picks from. */
  for (guint i = 0; spec->fields[i].key != NULL; i++)
    {
      const HelderFieldSpec *field = &spec->fields[i];
      g_autofree char *value = NULL;

      if (field->flags & HELDER_FIELD_ID)
        value = helder_block_dup_new_id (NULL, kind == HELDER_BLOCK_QUESTION ? "post" : "enquete", ids_in_use);
      else if (g_str_equal (field->key, "test"))
        value = g_strdup ("post");
      else if (g_str_equal (field->key, "kind"))
        value = g_strndup (field->values, strcspn (field->values, "|"));
      else if (!(field->flags & HELDER_FIELD_REQUIRED))
        continue;

      g_ptr_array_add (block->fields, helder_field_new (field->key, value != NULL ? value : ""));
    }

  for (guint n = 0; n < spec->min_items; n++)
    {
      HelderBlockItem *item = helder_block_item_new ();

      for (guint i = 0; spec->item_fields[i].key != NULL; i++)
        {
          const HelderFieldSpec *field = &spec->item_fields[i];

          if (g_str_equal (field->key, "correct"))
            g_ptr_array_add (item->fields, helder_field_new ("correct", n == 0 ? "yes" : "no"));
          else if (field->flags & HELDER_FIELD_REQUIRED || g_str_equal (field->key, "feedback"))
            g_ptr_array_add (item->fields, helder_field_new (field->key, ""));
        }
      g_ptr_array_add (block->items, item);
    }

  return helder_block_format (block);
}

/* TRUE when @text holds nothing but blank lines. */
static gboolean
only_blank_lines (const char *text,
                  gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      if (text[i] != '\n' && text[i] != '\r' && text[i] != ' ' && text[i] != '\t')
        return FALSE;
    }

  return TRUE;
}

HelderTextEdit *
helder_block_edit_insert_source (const char *text,
                                 gsize       length,
                                 gsize       offset,
                                 const char *source)
{
  g_autofree char *separated = NULL;
  g_autoptr(GString) lines = NULL;
  gboolean blank_before, newline_before, blank_after;
  gsize at, end;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (source != NULL, NULL);

  at = offset >= length ? length : line_start (text, offset);
  /* Blank lines that end the page are taken up: the page ends with the
   * new block's last line.
   */
  end = only_blank_lines (text + at, length - at) ? length : at;

  /* The block's lines, each ending in one newline. */
  lines = g_string_new (source);
  while (lines->len > 0 && (lines->str[lines->len - 1] == '\n' || lines->str[lines->len - 1] == '\r'))
    g_string_truncate (lines, lines->len - 1);
  g_string_append_c (lines, '\n');

  blank_before = at == 0 || empty_line_before (text, at) > 0;
  newline_before = at == 0 || text[at - 1] == '\n';
  blank_after = end >= length || empty_line_at (text, length, at) > 0;
  separated = g_strconcat (newline_before ? "" : "\n", blank_before ? "" : "\n", lines->str,
                           blank_after ? "" : "\n", NULL);

  return page_edit_new (text, length, at, end, separated);
}

HelderTextEdit *
helder_block_edit_insert (const char     *text,
                          gsize           length,
                          gsize           offset,
                          HelderTemplate  template,
                          GHashTable     *ids_in_use)
{
  g_autofree char *source = NULL;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (template < HELDER_N_TEMPLATES, NULL);

  source = helder_block_dup_template (template, ids_in_use);

  return helder_block_edit_insert_source (text, length, offset, source);
}

HelderTextEdit *
helder_block_edit_replace (const char        *text,
                           gsize              length,
                           const HelderBlock *block,
                           const char        *markdown)
{
  g_autofree char *replacement = NULL;
  gsize start, end;

  g_return_val_if_fail (block != NULL, NULL);
  g_return_val_if_fail (markdown != NULL, NULL);

  block_lines (text, length, block, &start, &end);

  /* The block's lines end with a newline unless the page does not. */
  replacement = g_strdup (markdown);
  if (end == length && length > 0 && text[length - 1] != '\n' && g_str_has_suffix (replacement, "\n"))
    replacement[strlen (replacement) - 1] = '\0';
  else if (end > start && text[end - 1] == '\n' && !g_str_has_suffix (replacement, "\n"))
    {
      char *with_newline = g_strconcat (replacement, "\n", NULL);

      g_free (replacement);
      replacement = with_newline;
    }

  return page_edit_new (text, length, start, end, replacement);
}

char *
helder_block_dup_callout_body (const char        *text,
                               gsize              length,
                               const HelderBlock *block)
{
  GString *body = g_string_new (NULL);
  gsize start, end, pos;

  g_return_val_if_fail (block != NULL && block->kind == HELDER_BLOCK_CALLOUT, NULL);

  block_lines (text, length, block, &start, &end);
  pos = line_after (text, length, start);

  while (pos < end)
    {
      gsize next = line_after (text, length, pos);
      gsize from = pos;
      guint spaces = 0;

      /* Up to three spaces, ">" and one space are the quote's, not the text's. */
      while (from < next && text[from] == ' ' && spaces < 3)
        from++, spaces++;
      if (from < next && text[from] == '>')
        {
          from++;
          if (from < next && text[from] == ' ')
            from++;
        }
      else
        from = pos;

      g_string_append_len (body, text + from, next - from);
      pos = next;
    }

  if (body->len > 0 && body->str[body->len - 1] != '\n')
    g_string_append_c (body, '\n');

  return g_string_free (body, FALSE);
}

HelderTextEdit *
helder_block_edit_set_callout (const char        *text,
                               gsize              length,
                               const HelderBlock *block,
                               const char        *type,
                               const char        *title,
                               const char        *body)
{
  g_autoptr(GString) source = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (block != NULL && block->kind == HELDER_BLOCK_CALLOUT, NULL);
  g_return_val_if_fail (type != NULL, NULL);
  g_return_val_if_fail (body != NULL, NULL);

  g_string_append_printf (source, "> [!%s]", type);
  if (title != NULL && *title != '\0')
    {
      g_autofree char *one_line = g_strdelimit (g_strdup (title), "\r\n", ' ');

      g_string_append_printf (source, " %s", g_strstrip (one_line));
    }
  g_string_append_c (source, '\n');

  trimmed = g_strdup (body);
  g_strchomp (trimmed);
  lines = g_strsplit (trimmed, "\n", -1);
  for (guint i = 0; *trimmed != '\0' && lines[i] != NULL; i++)
    g_string_append_printf (source, "%s%s\n", *lines[i] != '\0' ? "> " : ">", lines[i]);

  return helder_block_edit_replace (text, length, block, source->str);
}

HelderTextEdit *
helder_block_edit_move (const char              *text,
                        gsize                    length,
                        const HelderPageContent *content,
                        guint                    index,
                        gboolean                 down)
{
  g_return_val_if_fail (content != NULL, NULL);
  g_return_val_if_fail (index < content->blocks->len, NULL);

  return move_past_neighbour (text, length, content->blocks, index, down, (LinesFunc) block_lines);
}

HelderTextEdit *
helder_block_edit_move_to (const char              *text,
                           gsize                    length,
                           const HelderPageContent *content,
                           guint                    index,
                           guint                    to)
{
  guint first = MIN (index, to);
  guint n = MAX (index, to) - first + 1;
  g_autofree gsize *bounds = NULL;

  g_return_val_if_fail (content != NULL, NULL);
  g_return_val_if_fail (index < content->blocks->len && to < content->blocks->len, NULL);

  if (index == to)
    return NULL;

  bounds = g_new (gsize, 2 * n);
  for (guint k = 0; k < n; k++)
    block_lines (text, length, g_ptr_array_index (content->blocks, first + k),
                 &bounds[2 * k], &bounds[2 * k + 1]);

  return reorder_edit (text, length, bounds, n, index - first, to - first);
}

HelderTextEdit *
helder_block_edit_duplicate (const char        *text,
                             gsize              length,
                             const HelderBlock *block,
                             GHashTable        *ids_in_use)
{
  g_autofree char *source = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *separated = NULL;
  const HelderField *id;
  gsize start, end;

  g_return_val_if_fail (block != NULL, NULL);

  block_lines (text, length, block, &start, &end);
  source = dup_block_source (text, length, block);

  /* A copy of a graded question or survey item needs an id of its own. */
  id = helder_block_get_field (block, "id");
  if (id != NULL)
    {
      g_autofree char *new_id = NULL;
      g_autofree char *stem = g_strdup (id->value);
      char *dash = strrchr (stem, '-');
      gsize offset = id->value_range.start - start;

      /* "post-3" makes "post-4", not "post-3-2". */
      if (dash != NULL && dash[1] != '\0' && strspn (dash + 1, "0123456789") == strlen (dash + 1))
        {
          guint n = (guint) g_ascii_strtoull (dash + 1, NULL, 10);

          *dash = '\0';
          new_id = g_strdup_printf ("%s-%u", stem, ++n);
          while (ids_in_use != NULL && g_hash_table_contains (ids_in_use, new_id))
            {
              g_free (new_id);
              new_id = g_strdup_printf ("%s-%u", stem, ++n);
            }
        }
      else
        new_id = helder_block_dup_new_id (stem, NULL, ids_in_use);

      copy = g_strdup_printf ("%.*s%s%s", (int) offset, source, new_id,
                              source + offset + (id->value_range.end - id->value_range.start));
    }

  /* Past the end of a page without a final newline, the copy follows a
   * newline and goes without one.
   */
  if (end == length && length > 0 && text[length - 1] != '\n')
    {
      separated = g_strconcat ("\n\n", copy != NULL ? copy : source, NULL);
      separated[strlen (separated) - 1] = '\0';
    }
  else
    separated = g_strconcat ("\n", copy != NULL ? copy : source, NULL);

  return page_edit_new (text, length, end, end, separated);
}

HelderTextEdit *
helder_block_edit_delete (const char              *text,
                          gsize                    length,
                          const HelderPageContent *content,
                          guint                    index)
{
  gsize start, end;

  g_return_val_if_fail (content != NULL, NULL);
  g_return_val_if_fail (index < content->blocks->len, NULL);

  block_lines (text, length, g_ptr_array_index (content->blocks, index), &start, &end);

  /* The blank lines after it go too; after the last block, those before. */
  if (index + 1 < content->blocks->len)
    while (empty_line_at (text, length, end) > 0)
      end += empty_line_at (text, length, end);
  else
    while (empty_line_before (text, start) > 0)
      start -= empty_line_before (text, start);

  return page_edit_new (text, length, start, end, "");
}
