/* helder-block.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-block"

#include "config.h"

#include "helder-block.h"

static const char * const kind_names[HELDER_N_BLOCK_KINDS] = {
  [HELDER_BLOCK_TEXT] = "text",
  [HELDER_BLOCK_HEADING] = "heading",
  [HELDER_BLOCK_CODE] = "code",
  [HELDER_BLOCK_HTML] = "html",
  [HELDER_BLOCK_CALLOUT] = "callout",
  [HELDER_BLOCK_IMAGE] = "image",
  [HELDER_BLOCK_VIDEO] = "video",
  [HELDER_BLOCK_AUDIO] = "audio",
  [HELDER_BLOCK_ACCORDION] = "accordion",
  [HELDER_BLOCK_TABS] = "tabs",
  [HELDER_BLOCK_FLASHCARDS] = "flashcards",
  [HELDER_BLOCK_STEPS] = "steps",
  [HELDER_BLOCK_SCENARIO] = "scenario",
  [HELDER_BLOCK_CHECK] = "check",
  [HELDER_BLOCK_QUESTION] = "question",
  [HELDER_BLOCK_SURVEY] = "survey",
  [HELDER_BLOCK_CONTINUE] = "continue",
  [HELDER_BLOCK_SOURCES] = "sources",
};

/* Returns: (transfer full): a field @key with @value, both copied. */
HelderField *
helder_field_new (const char *key,
                  const char *value)
{
  HelderField *self = g_new0 (HelderField, 1);

  self->key = g_strdup (key);
  self->value = g_strdup (value);

  return self;
}

/* Frees @self. */
void
helder_field_free (HelderField *self)
{
  if (self == NULL)
    return;

  g_free (self->key);
  g_free (self->value);
  g_free (self);
}

/* Returns: (transfer full): an empty item. */
HelderBlockItem *
helder_block_item_new (void)
{
  HelderBlockItem *self = g_new0 (HelderBlockItem, 1);

  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_field_free);

  return self;
}

/* Frees @self and its fields. */
void
helder_block_item_free (HelderBlockItem *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->fields);
  g_free (self);
}

/* Returns: (transfer full): an empty block of @kind. */
HelderBlock *
helder_block_new (HelderBlockKind kind)
{
  HelderBlock *self;

  g_return_val_if_fail (kind < HELDER_N_BLOCK_KINDS, NULL);

  self = g_new0 (HelderBlock, 1);
  self->kind = kind;
  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_field_free);
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_block_item_free);

  return self;
}

/* Frees @self, its fields and its items. */
void
helder_block_free (HelderBlock *self)
{
  if (self == NULL)
    return;

  g_free (self->info);
  g_free (self->title);
  g_ptr_array_unref (self->fields);
  g_ptr_array_unref (self->items);
  g_free (self);
}

/* Returns: (transfer none): the name of @kind in the page source, static. */
const char *
helder_block_kind_to_string (HelderBlockKind kind)
{
  g_return_val_if_fail (kind < HELDER_N_BLOCK_KINDS, NULL);

  return kind_names[kind];
}

/* Only the kinds that are written as fenced blocks have a name in the
 * page source; the others come from CommonMark itself.
 */
gboolean
helder_block_kind_from_string (const char      *name,
                               HelderBlockKind *kind)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < HELDER_N_BLOCK_KINDS; i++)
    {
      if (helder_block_kind_is_fenced (i) && g_str_equal (name, kind_names[i]))
        {
          if (kind != NULL)
            *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Whether @kind is written as a fenced Helder block. */
gboolean
helder_block_kind_is_fenced (HelderBlockKind kind)
{
  return kind >= HELDER_BLOCK_IMAGE && kind < HELDER_N_BLOCK_KINDS;
}

/* Blocks the learner acts on, each of which costs time beyond reading. */
gboolean
helder_block_kind_is_interaction (HelderBlockKind kind)
{
  switch (kind)
    {
    case HELDER_BLOCK_ACCORDION:
    case HELDER_BLOCK_TABS:
    case HELDER_BLOCK_FLASHCARDS:
    case HELDER_BLOCK_STEPS:
    case HELDER_BLOCK_SCENARIO:
    case HELDER_BLOCK_CHECK:
    case HELDER_BLOCK_QUESTION:
    case HELDER_BLOCK_SURVEY:
      return TRUE;

    case HELDER_BLOCK_TEXT:
    case HELDER_BLOCK_HEADING:
    case HELDER_BLOCK_CODE:
    case HELDER_BLOCK_HTML:
    case HELDER_BLOCK_CALLOUT:
    case HELDER_BLOCK_IMAGE:
    case HELDER_BLOCK_VIDEO:
    case HELDER_BLOCK_AUDIO:
    case HELDER_BLOCK_CONTINUE:
    case HELDER_BLOCK_SOURCES:
    case HELDER_N_BLOCK_KINDS:
    default:
      return FALSE;
    }
}

static const HelderField *
find_field (GPtrArray  *fields,
            const char *key)
{
  /* The last one counts when a field is set twice, as documented. */
  for (guint i = fields->len; i > 0; i--)
    {
      const HelderField *field = g_ptr_array_index (fields, i - 1);

      if (g_str_equal (field->key, key))
        return field;
    }

  return NULL;
}

/* Returns: (transfer none) (nullable): the field @key of @self, or NULL. */
const HelderField *
helder_block_get_field (const HelderBlock *self,
                        const char        *key)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return find_field (self->fields, key);
}

/* Returns: (transfer none) (nullable): the value of the field @key, owned
 * by @self, or NULL.
 */
const char *
helder_block_get_value (const HelderBlock *self,
                        const char        *key)
{
  const HelderField *field = helder_block_get_field (self, key);

  return field != NULL ? field->value : NULL;
}

/* Returns: (transfer none) (nullable): the field @key of @self, or NULL. */
const HelderField *
helder_block_item_get_field (const HelderBlockItem *self,
                             const char            *key)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return find_field (self->fields, key);
}

/* Returns: (transfer none) (nullable): the value of the field @key, owned
 * by @self, or NULL.
 */
const char *
helder_block_item_get_value (const HelderBlockItem *self,
                             const char            *key)
{
  const HelderField *field = helder_block_item_get_field (self, key);

  return field != NULL ? field->value : NULL;
}

/* Whether a boolean field's value means yes. */
gboolean
helder_value_is_yes (const char *value)
{
  return value != NULL && (g_ascii_strcasecmp (value, "yes") == 0 ||
                           g_ascii_strcasecmp (value, "true") == 0);
}
