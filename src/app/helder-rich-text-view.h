/* helder-rich-text-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "helder-rich-text.h"

G_BEGIN_DECLS

#define HELDER_TYPE_RICH_TEXT_VIEW (helder_rich_text_view_get_type ())

G_DECLARE_FINAL_TYPE (HelderRichTextView, helder_rich_text_view, HELDER, RICH_TEXT_VIEW, GtkTextView)

GtkWidget *helder_rich_text_view_new           (void);
void       helder_rich_text_view_set_text      (HelderRichTextView   *self,
                                                const HelderRichText *text);
char      *helder_rich_text_view_dup_markdown  (HelderRichTextView   *self);
void       helder_rich_text_view_set_paragraph (HelderRichTextView   *self,
                                                HelderParagraphKind   kind,
                                                guint                 level);
void       helder_rich_text_view_toggle_style  (HelderRichTextView   *self,
                                                HelderRunStyle        style);
void       helder_rich_text_view_paste_html    (HelderRichTextView   *self,
                                                const char           *html,
                                                gssize                length);

G_END_DECLS
