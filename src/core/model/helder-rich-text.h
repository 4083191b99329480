/* helder-rich-text.h: a text block's CommonMark as paragraphs of styled
 * runs, for a rich-text editor, and back in one canonical form.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HELDER_RICH_TEXT_ERROR (helder_rich_text_error_quark ())

typedef enum
{
  /* The text holds something the editor cannot show exactly (a table,
   * raw HTML, an image, a code block...): show it as source instead.
   */
  HELDER_RICH_TEXT_ERROR_UNSUPPORTED,
} HelderRichTextError;

typedef enum
{
  HELDER_PARAGRAPH_TEXT,
  HELDER_PARAGRAPH_HEADING, /* level: 1 to 6 */
  HELDER_PARAGRAPH_BULLET,  /* level: nesting, 1 for a top-level item */
  HELDER_PARAGRAPH_NUMBER,  /* level: nesting, 1 for a top-level item */
  HELDER_PARAGRAPH_QUOTE,
} HelderParagraphKind;

typedef enum
{
  HELDER_RUN_BOLD   = 1 << 0,
  HELDER_RUN_ITALIC = 1 << 1,
  HELDER_RUN_CODE   = 1 << 2,
} HelderRunStyle;

/* A stretch of text in one style. A line break inside a paragraph is a
 * "\n" in @text.
 */
typedef struct
{
  char           *text;
  HelderRunStyle  style;
  char           *url;   /* the link's target, or NULL */
} HelderRichRun;

typedef struct
{
  HelderParagraphKind  kind;
  guint                level;
  GPtrArray           *runs; /* of HelderRichRun* */
} HelderRichParagraph;

typedef struct
{
  GPtrArray *paragraphs; /* of HelderRichParagraph* */
} HelderRichText;

GQuark               helder_rich_text_error_quark     (void);

/* Takes copies of @text and @url (nullable). */
HelderRichRun       *helder_rich_run_new              (const char                *text,
                                                       HelderRunStyle             style,
                                                       const char                *url);
void                 helder_rich_run_free             (HelderRichRun             *self);

HelderRichParagraph *helder_rich_paragraph_new        (HelderParagraphKind        kind,
                                                       guint                      level);
void                 helder_rich_paragraph_free       (HelderRichParagraph       *self);

HelderRichText      *helder_rich_text_new             (void);
void                 helder_rich_text_free            (HelderRichText            *self);

/* helder_rich_text_parse:
 * @markdown: the CommonMark of a text block (UTF-8)
 * @length: its length in bytes, or -1 when nul-terminated
 * @error: set to HELDER_RICH_TEXT_ERROR_UNSUPPORTED, with a message that
 *   names what cannot be shown, when the text is not exactly
 *   representable as rich text
 *
 * Reads paragraphs, headings, bullet and numbered lists (nested, one
 * paragraph per item), block quotes of paragraphs, bold, italic, inline
 * code, links without a title, and line breaks; a soft line break (a
 * hard-wrapped line) reads as a space.
 *
 * Returns: (transfer full) (nullable): the rich text, or NULL with @error set
 */
HelderRichText      *helder_rich_text_parse           (const char                *markdown,
                                                       gssize                     length,
                                                       GError                   **error);

/* helder_rich_text_dup_commonmark:
 * Writes @self in the canonical form of docs/course-format.md, ending
 * with one newline (an empty text gives an empty string).
 *
 * Returns: (transfer full): the CommonMark
 */
char                *helder_rich_text_dup_commonmark  (const HelderRichText      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderRichRun, helder_rich_run_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderRichParagraph, helder_rich_paragraph_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderRichText, helder_rich_text_free)

G_END_DECLS
