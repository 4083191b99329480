/* helder-block-edit.h: changes to a page's blocks as byte-range
 * replacements of the page text, so the text buffer stays the one source
 * of truth (undo, recovery, checks and anchors work as for typing).
 *
 * Every function reads the page @text (@length bytes) and a block of the
 * HelderPageContent parsed from exactly that text, and returns one edit
 * that touches only the lines of that block (moving a block: of it and its
 * neighbour). Apply it, then parse the page again before the next edit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "helder-page-content.h"
#include "helder-course.h"

G_BEGIN_DECLS

/* Replace the bytes [start, end) of the text by @text. */
typedef struct
{
  gsize  start;
  gsize  end;
  char  *text;
} HelderTextEdit;

/* Takes a copy of @text. */
HelderTextEdit *helder_text_edit_new         (gsize                  start,
                                              gsize                  end,
                                              const char            *text);
void            helder_text_edit_free        (HelderTextEdit        *self);

/* Returns: (transfer full): @text with @self applied. */
char           *helder_text_edit_dup_applied (const HelderTextEdit  *self,
                                              const char            *text,
                                              gsize                  length);

/* helder_text_edit_dup_inverse:
 * @text: the text @self applies to, before applying it
 *
 * Returns: (transfer full): the edit that, applied after @self, restores
 *   @text byte for byte.
 */
HelderTextEdit *helder_text_edit_dup_inverse (const HelderTextEdit  *self,
                                              const char            *text,
                                              gsize                  length);

/* helder_block_edit_set_field:
 * @item: index of the item (answer, choice, panel, card, step), or -1 for
 *   a field of the block itself
 * @key: the field, e.g. "question", "feedback", "alt"
 * @value: (nullable): the new value; several lines are written as indented
 *   continuation lines. NULL removes the field (an item's first field and
 *   an answer's text are emptied instead).
 *
 * A field the block does not have yet is added in its place in the order
 * of docs/course-format.md. For "correct" on an answer written as
 * "- [x] text" the mark is changed.
 *
 * Returns: (transfer full): the edit
 */
HelderTextEdit *helder_block_edit_set_field  (const char            *text,
                                              gsize                  length,
                                              const HelderBlock     *block,
                                              int                    item,
                                              const char            *key,
                                              const char            *value);

/* helder_block_edit_add_item:
 * @position: the new item's index; block->items->len or more appends it
 * @fields: the new item's fields (at least one), as "key" and "value" in
 *   turn, NULL-terminated: { "answer", "", "correct", "no", "feedback", "", NULL }
 *
 * Returns: (transfer full): the edit
 */
HelderTextEdit *helder_block_edit_add_item   (const char            *text,
                                              gsize                  length,
                                              const HelderBlock     *block,
                                              guint                  position,
                                              const char * const    *fields);
HelderTextEdit *helder_block_edit_remove_item (const char           *text,
                                              gsize                  length,
                                              const HelderBlock     *block,
                                              guint                  item);

/* Moves @item one place up (@down FALSE) or down, past its neighbour;
 * returns NULL when there is no neighbour on that side.
 */
/* helder_block_edit_move_item: (transfer full): the caller frees the edit with helder_text_edit_free() */
HelderTextEdit *helder_block_edit_move_item  (const char            *text,
                                              gsize                  length,
                                              const HelderBlock     *block,
                                              guint                  item,
                                              gboolean               down);

/* helder_block_edit_set_correct:
 * Marks an answer of a check or question right or wrong, as its kind
 * allows: "single" and "truefalse" have exactly one right answer, so
 * marking one right marks the others wrong; "multiple" changes only
 * @item. Choices of a scenario use "best" the same way as "single".
 *
 * Returns: (transfer full): the edit
 */
HelderTextEdit *helder_block_edit_set_correct (const char           *text,
                                              gsize                  length,
                                              const HelderBlock     *block,
                                              guint                  item,
                                              gboolean               correct);

/* helder_block_edit_set_question_kind:
 * @kind: "single", "multiple" or "truefalse"
 *
 * Sets the kind of a check or question and, for "single" and
 * "truefalse", keeps only the first right answer (or marks the first
 * answer right when none is).
 *
 * Returns: (transfer full): the edit
 */
HelderTextEdit *helder_block_edit_set_question_kind (const char     *text,
                                                    gsize           length,
                                                    const HelderBlock *block,
                                                    const char     *kind);

/* The templates the insert palette offers. */
typedef enum
{
  HELDER_TEMPLATE_TEXT,
  HELDER_TEMPLATE_HEADING,
  HELDER_TEMPLATE_BULLETS,
  HELDER_TEMPLATE_QUOTE,
  HELDER_TEMPLATE_CALLOUT_ACTION,
  HELDER_TEMPLATE_CALLOUT_TIP,
  HELDER_TEMPLATE_CALLOUT_NOTE,
  HELDER_TEMPLATE_CALLOUT_WARNING,
  HELDER_TEMPLATE_CODE,
  HELDER_TEMPLATE_IMAGE,
  HELDER_TEMPLATE_VIDEO,
  HELDER_TEMPLATE_AUDIO,
  HELDER_TEMPLATE_ACCORDION,
  HELDER_TEMPLATE_TABS,
  HELDER_TEMPLATE_FLASHCARDS,
  HELDER_TEMPLATE_STEPS,
  HELDER_TEMPLATE_SCENARIO,
  HELDER_TEMPLATE_CHECK,
  HELDER_TEMPLATE_QUESTION,
  HELDER_TEMPLATE_SURVEY,
  HELDER_TEMPLATE_CONTINUE,
  HELDER_N_TEMPLATES
} HelderTemplate;

/* helder_block_dup_template:
 * @ids_in_use: (nullable) (element-type utf8 utf8): the ids of the
 *   course's questions and survey items (keys), for a question or survey
 *   item's new id
 *
 * Returns: (transfer full): the canonical source of a new block, ending
 *   with a newline. Text blocks hold a short translated text to type over;
 *   fields are empty, except those with a default (kind, test).
 */
char           *helder_block_dup_template    (HelderTemplate         template,
                                              GHashTable            *ids_in_use);

/* helder_block_edit_insert_source:
 * @offset: where to insert; moved to the start of its line
 * @source: the lines of one block
 *
 * Inserts @source on lines of its own, with one blank line between it
 * and the blocks around it. When only blank lines follow @offset, they
 * are taken up, so that the page ends with the block's last line and one
 * newline.
 *
 * Returns: (transfer full): the edit
 */
HelderTextEdit *helder_block_edit_insert_source (const char          *text,
                                                 gsize                length,
                                                 gsize                offset,
                                                 const char          *source);

/* helder_block_edit_insert:
 * @offset: where to insert; moved to the start of its line
 *
 * Inserts the template as helder_block_edit_insert_source() does.
 *
 * Returns: (transfer full): the edit
 */
HelderTextEdit *helder_block_edit_insert     (const char            *text,
                                              gsize                  length,
                                              gsize                  offset,
                                              HelderTemplate         template,
                                              GHashTable            *ids_in_use);

/* Replaces the lines of a text or heading block by @markdown (its new
 * CommonMark, e.g. from helder_rich_text_dup_commonmark()).
 */
HelderTextEdit *helder_block_edit_replace    (const char            *text,
                                              gsize                  length,
                                              const HelderBlock     *block,
                                              const char            *markdown);

/* helder_block_dup_callout_body:
 * Returns: (transfer full): the CommonMark of a callout's text, the
 *   lines after its "[!TYPE] title" line without their "> ", ending with
 *   a newline (empty when the callout has no text)
 */
char           *helder_block_dup_callout_body (const char           *text,
                                               gsize                 length,
                                               const HelderBlock    *block);

/* helder_block_edit_set_callout:
 * @type: "ACTION", "TIP", "NOTE" or "WARNING"
 * @title: (nullable): the title; NULL or empty for the type's default
 * @body: the callout's text as CommonMark
 *
 * Rewrites a callout as "> [!TYPE] title" and its text on "> " lines.
 *
 * Returns: (transfer full): the edit
 */
HelderTextEdit *helder_block_edit_set_callout (const char           *text,
                                               gsize                 length,
                                               const HelderBlock    *block,
                                               const char           *type,
                                               const char           *title,
                                               const char           *body);

/* Moves blocks->pdata[@index] past its neighbour, up or @down: one edit
 * spanning both. Returns NULL when there is no neighbour on that side.
 */
/* helder_block_edit_move: (transfer full): the caller frees the edit with helder_text_edit_free() */
HelderTextEdit *helder_block_edit_move       (const char            *text,
                                              gsize                  length,
                                              const HelderPageContent *content,
                                              guint                  index,
                                              gboolean               down);

/* Moves blocks->pdata[@index] so that it becomes block @to, as a drag
 * does: one edit spanning the blocks in between, whose blank lines stay
 * where they are. Returns NULL when @to is @index.
 */
/* helder_block_edit_move_to: (transfer full): the caller frees the edit with helder_text_edit_free() */
HelderTextEdit *helder_block_edit_move_to    (const char            *text,
                                              gsize                  length,
                                              const HelderPageContent *content,
                                              guint                  index,
                                              guint                  to);

/* Inserts a copy of the block after it; a question or survey item gets a
 * new id that is not in @ids_in_use (nullable).
 */
/* helder_block_edit_duplicate: (transfer full): the caller frees the edit with helder_text_edit_free() */
HelderTextEdit *helder_block_edit_duplicate  (const char            *text,
                                              gsize                  length,
                                              const HelderBlock     *block,
                                              GHashTable            *ids_in_use);

/* Removes the block's lines and the blank lines that separated it. */
/* helder_block_edit_delete: (transfer full): the caller frees the edit with helder_text_edit_free() */
HelderTextEdit *helder_block_edit_delete     (const char            *text,
                                              gsize                  length,
                                              const HelderPageContent *content,
                                              guint                  index);

/* helder_block_dup_new_id:
 * @question: the question text the id is made from
 * @prefix: (nullable): put before it, e.g. "post"
 * @ids_in_use: (nullable) (element-type utf8 utf8): ids to avoid (keys)
 *
 * Returns: (transfer full): an id of lower-case letters, digits and
 *   hyphens, made from the first words of @question, with "-2", "-3"…
 *   added until it is not in @ids_in_use
 */
char           *helder_block_dup_new_id      (const char            *question,
                                              const char            *prefix,
                                              GHashTable            *ids_in_use);

/* helder_course_dup_ids_in_use:
 *
 * Returns: (transfer full) (element-type utf8 utf8): the ids of the
 *   course's questions and survey items (keys), which a new or copied
 *   block must not take
 */
GHashTable     *helder_course_dup_ids_in_use (HelderCourse          *course);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderTextEdit, helder_text_edit_free)

G_END_DECLS
