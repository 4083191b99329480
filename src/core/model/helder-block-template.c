/* helder-block-template.c
 *
 * The source of a new, empty Helder block and of a new item in one, as the
 * block editor inserts them: every required field on its own line, empty
 * for the author to fill in, and the fewest items the block needs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-block-template"

#include "config.h"

#include "helder-block-spec.h"
#include "helder-block-template.h"

static void
append_item (GString         *out,
             HelderBlockKind  kind)
{
  const HelderBlockSpec *spec = helder_block_spec_get (kind);
  gboolean first = TRUE;

  /* Answers use the shorthand the documentation shows, unmarked. */
  if (helder_field_spec_find (spec->item_fields, "correct") != NULL)
    {
      g_string_append (out, "- [ ]\n");
      first = FALSE;
    }

  for (guint i = 0; spec->item_fields[i].key != NULL; i++)
    {
      const HelderFieldSpec *field = &spec->item_fields[i];

      if (g_str_equal (field->key, "answer") || g_str_equal (field->key, "correct"))
        continue;
      if ((field->flags & HELDER_FIELD_REQUIRED) == 0 && !g_str_equal (field->key, "feedback"))
        continue;
      g_string_append_printf (out, "%s%s:\n", first ? "- " : "  ", field->key);
      first = FALSE;
    }
}

/**
 * helder_block_template_dup_item:
 *
 * Returns: (transfer full): the lines of a new item of a @kind block,
 *   each ending with a newline
 */
char *
helder_block_template_dup_item (HelderBlockKind kind)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (helder_block_kind_is_fenced (kind), NULL);

  append_item (out, kind);

  return g_string_free (out, FALSE);
}

/**
 * helder_block_template_dup_block:
 *
 * A new block of @kind with its required fields empty, except an id (new
 * and random, so two new blocks never share one) and a choice of values
 * (the first value).
 *
 * Returns: (transfer full): the block's source, without a final newline
 */
char *
helder_block_template_dup_block (HelderBlockKind kind)
{
  const HelderBlockSpec *spec = helder_block_spec_get (kind);
  GString *out;

  g_return_val_if_fail (helder_block_kind_is_fenced (kind), NULL);

  out = g_string_new ("```");
  g_string_append_printf (out, "%s\n", helder_block_kind_to_string (kind));

  for (guint i = 0; spec->fields[i].key != NULL; i++)
    {
      const HelderFieldSpec *field = &spec->fields[i];

      if ((field->flags & HELDER_FIELD_REQUIRED) == 0)
        continue;
      if ((field->flags & HELDER_FIELD_ID) != 0)
        g_string_append_printf (out, "%s: %s-%08x\n", field->key,
                                helder_block_kind_to_string (kind), g_random_int ());
      else if ((field->flags & HELDER_FIELD_ENUM) != 0)
        {
          g_auto(GStrv) values = g_strsplit (field->values, "|", 2);

          g_string_append_printf (out, "%s: %s\n", field->key, values[0]);
        }
      else
        g_string_append_printf (out, "%s:\n", field->key);
    }

  for (guint i = 0; i < spec->min_items; i++)
    append_item (out, kind);

  g_string_append (out, "```");

  return g_string_free (out, FALSE);
}
