/* helder-block.h
 *
 * HelderBlock: one block of a page (text, heading, callout, image, video,
 * check, ...), its fields and its items.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "helder-range.h"

G_BEGIN_DECLS

typedef enum
{
  HELDER_BLOCK_TEXT,        /* paragraphs, lists, quotes, breaks: plain CommonMark */
  HELDER_BLOCK_HEADING,
  HELDER_BLOCK_CODE,        /* a fenced or indented block that is not a Helder block */
  HELDER_BLOCK_HTML,        /* raw HTML: never shown to learners as HTML */
  HELDER_BLOCK_CALLOUT,
  HELDER_BLOCK_IMAGE,
  HELDER_BLOCK_VIDEO,
  HELDER_BLOCK_AUDIO,
  HELDER_BLOCK_ACCORDION,
  HELDER_BLOCK_TABS,
  HELDER_BLOCK_FLASHCARDS,
  HELDER_BLOCK_STEPS,
  HELDER_BLOCK_SCENARIO,
  HELDER_BLOCK_CHECK,
  HELDER_BLOCK_QUESTION,
  HELDER_BLOCK_SURVEY,
  HELDER_BLOCK_CONTINUE,
  HELDER_BLOCK_SOURCES,      /* where a page's facts come from, and when they were checked */
  HELDER_N_BLOCK_KINDS
} HelderBlockKind;

/* "key: value" in a Helder block. The value's continuation lines are
 * joined with single spaces; value_range spans them all in the source.
 */
typedef struct
{
  char        *key;
  char        *value;
  HelderRange  key_range;
  HelderRange  value_range;
  guint        line;
} HelderField;

/* An answer, panel, card, step or choice: the fields after a "- ". */
typedef struct
{
  HelderRange  range;
  guint        line;
  GPtrArray   *fields; /* of HelderField* */
} HelderBlockItem;

typedef struct
{
  HelderBlockKind  kind;
  HelderRange      range;     /* the whole block in the page source */
  guint            line;      /* first line, 1-based */
  guint            end_line;  /* last line, 1-based */
  char            *info;      /* fence info string, or the callout type */
  char            *title;     /* heading text, or the callout title */
  guint            level;     /* heading level */
  gboolean         is_inline; /* an image written as ![alt](src) in a paragraph */
  GPtrArray       *fields;    /* of HelderField* */
  GPtrArray       *items;     /* of HelderBlockItem* */
} HelderBlock;

HelderBlock     *helder_block_new              (HelderBlockKind       kind);
void             helder_block_free             (HelderBlock          *self);
HelderBlockItem *helder_block_item_new         (void);
void             helder_block_item_free        (HelderBlockItem      *self);
HelderField     *helder_field_new              (const char           *key,
                                                const char           *value);
void             helder_field_free             (HelderField          *self);

const char      *helder_block_kind_to_string   (HelderBlockKind       kind);
gboolean         helder_block_kind_from_string (const char           *name,
                                                HelderBlockKind      *kind);
gboolean         helder_block_kind_is_fenced   (HelderBlockKind       kind);
gboolean         helder_block_kind_is_interaction (HelderBlockKind    kind);

const HelderField *helder_block_get_field      (const HelderBlock    *self,
                                                const char           *key);
const char      *helder_block_get_value        (const HelderBlock    *self,
                                                const char           *key);
const HelderField *helder_block_item_get_field (const HelderBlockItem *self,
                                                const char           *key);
const char      *helder_block_item_get_value   (const HelderBlockItem *self,
                                                const char           *key);
gboolean         helder_value_is_yes           (const char           *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderBlock, helder_block_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderBlockItem, helder_block_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderField, helder_field_free)

G_END_DECLS
