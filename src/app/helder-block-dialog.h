/* helder-block-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "helder-course.h"

G_BEGIN_DECLS

#define HELDER_TYPE_BLOCK_DIALOG (helder_block_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HelderBlockDialog, helder_block_dialog, HELDER, BLOCK_DIALOG, AdwWindow)

HelderBlockDialog *helder_block_dialog_new        (GtkWindow         *parent,
                                                   HelderCourse      *course,
                                                   HelderBlockKind    kind,
                                                   const HelderBlock *block);
char              *helder_block_dialog_dup_source (HelderBlockDialog *self);
GPtrArray         *helder_block_dialog_get_problems (HelderBlockDialog *self);
const char        *helder_block_kind_get_label    (HelderBlockKind    kind);

G_END_DECLS
