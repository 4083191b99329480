/* helder-block-spec.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-block.h"

G_BEGIN_DECLS

/* What a field of a Helder block may hold. */
typedef enum
{
  HELDER_FIELD_REQUIRED = 1 << 0,
  HELDER_FIELD_PROSE    = 1 << 1, /* learner-facing text: the language checks read it */
  HELDER_FIELD_PATH     = 1 << 2, /* a file in the course; `values` lists the extensions */
  HELDER_FIELD_BOOL     = 1 << 3,
  HELDER_FIELD_ENUM     = 1 << 4, /* one of `values`, separated by | */
  HELDER_FIELD_GOAL     = 1 << 5, /* a learning goal number, 1 to 9 */
  HELDER_FIELD_ID       = 1 << 6, /* an id, unique in the course */
} HelderFieldFlags;

typedef struct
{
  const char       *key;
  HelderFieldFlags  flags;
  const char       *values;
} HelderFieldSpec;

/* The fields a block kind has, and those of its items; both lists end
 * with an entry whose key is NULL.
 */
typedef struct
{
  const HelderFieldSpec *fields;
  const HelderFieldSpec *item_fields;
  guint                  min_items;
} HelderBlockSpec;

const HelderBlockSpec *helder_block_spec_get  (HelderBlockKind        kind);
const HelderFieldSpec *helder_field_spec_find (const HelderFieldSpec *specs,
                                               const char            *key);
char                  *helder_block_format    (const HelderBlock     *block);

/* helder_block_item_format:
 * Returns: (transfer full): the source of @item in a fenced block: an
 *   answer as "- [x] text", other items as "- key: value" with their
 *   further fields on "  key: value" lines, ending with a newline.
 */
char                  *helder_block_item_format (const HelderBlockItem *item);

/* helder_field_value_format:
 * Appends @value as a field value: its first line as it is, each further
 * line on a continuation line indented by four spaces (empty lines left
 * out, since they would end the value). Four spaces, not two: a line of
 * text starting with ``` indented by three spaces or fewer would close
 * the block.
 */
void                   helder_field_value_format (GString             *out,
                                                  const char          *value);

G_END_DECLS
