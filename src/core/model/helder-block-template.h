/* helder-block-template.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-block.h"

G_BEGIN_DECLS

char *helder_block_template_dup_item  (HelderBlockKind kind);
char *helder_block_template_dup_block (HelderBlockKind kind);

G_END_DECLS
