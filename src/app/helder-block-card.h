/* helder-block-card.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "helder-block.h"

G_BEGIN_DECLS

#define HELDER_TYPE_BLOCK_CARD (helder_block_card_get_type ())

G_DECLARE_FINAL_TYPE (HelderBlockCard, helder_block_card, HELDER, BLOCK_CARD, GtkWidget)

/* A passage of the page source to mark in the cards with a tag of the
 * page's text buffer: a finding's underline, a comment's highlight.
 */
typedef struct
{
  gsize       start;
  gsize       end;
  const char *tag;
} HelderCardMark;

HelderBlockCard *helder_block_card_new          (const char        *course_path);
gboolean         helder_block_card_update       (HelderBlockCard   *self,
                                                 const HelderBlock *block,
                                                 const char        *text);
void             helder_block_card_move         (HelderBlockCard   *self,
                                                 const HelderBlock *block,
                                                 const char        *text);
void             helder_block_card_release      (HelderBlockCard   *self);
const HelderBlock *helder_block_card_get_block  (HelderBlockCard   *self);
const char      *helder_block_card_get_source   (HelderBlockCard   *self);
const char      *helder_block_card_get_name     (HelderBlockCard   *self);
void             helder_block_card_set_findings (HelderBlockCard   *self,
                                                 guint              n_findings);
void             helder_block_card_set_alt_findings (HelderBlockCard *self,
                                                     GPtrArray       *diagnostics);
void             helder_block_card_set_editable (HelderBlockCard   *self,
                                                 gboolean           editable);
gboolean         helder_block_card_is_source    (HelderBlockCard   *self);
void             helder_block_card_set_marks    (HelderBlockCard   *self,
                                                 GtkTextTagTable   *tags,
                                                 GArray            *marks);
gboolean         helder_block_card_focus_first_field (HelderBlockCard *self,
                                                     gboolean         select);
gboolean         helder_block_card_focus_range  (HelderBlockCard   *self,
                                                 gsize              start,
                                                 gsize              end);
void             helder_block_card_set_extra_menu (HelderBlockCard *self,
                                                   GMenuModel      *menu);

G_END_DECLS
