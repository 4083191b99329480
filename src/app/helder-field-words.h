/* helder-field-words.h: what the fields of a block and their choices are
 * called for the author, the same in the block's card and in its form.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-block.h"

G_BEGIN_DECLS

/* Returns: (transfer none): the translated label of field @key of a block
 * of @kind, or @key itself when it has none */
const char *helder_field_label       (HelderBlockKind  kind,
                                      const char      *key);
/* Returns: (transfer none): the translated name of a field's @value (a
 * question's kind, a test), or @value itself when it has none */
const char *helder_field_value_label (const char      *value);

G_END_DECLS
