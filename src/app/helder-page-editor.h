/* helder-page-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "helder-course.h"
#include "helder-language-checker.h"

G_BEGIN_DECLS

#define HELDER_TYPE_PAGE_EDITOR (helder_page_editor_get_type ())

G_DECLARE_FINAL_TYPE (HelderPageEditor, helder_page_editor, HELDER, PAGE_EDITOR, GtkWidget)

void          helder_page_editor_set_page        (HelderPageEditor       *self,
                                                  HelderCourse           *course,
                                                  HelderPage             *page);
HelderPage   *helder_page_editor_get_page        (HelderPageEditor       *self);
HelderLanguageChecker *helder_page_editor_get_language_checker (HelderPageEditor *self);
GPtrArray    *helder_page_editor_get_diagnostics (HelderPageEditor       *self);
void          helder_page_editor_check_now       (HelderPageEditor       *self);
void          helder_page_editor_select          (HelderPageEditor       *self,
                                                  const HelderDiagnostic *diagnostic);
void          helder_page_editor_select_range    (HelderPageEditor       *self,
                                                  gsize                   start,
                                                  gsize                   end);
gboolean      helder_page_editor_apply_suggestion (HelderPageEditor      *self,
                                                   const HelderDiagnostic *diagnostic,
                                                   guint                  index);
GtkTextBuffer *helder_page_editor_get_buffer     (HelderPageEditor       *self);
gboolean      helder_page_editor_get_selection   (HelderPageEditor       *self,
                                                  gsize                  *start,
                                                  gsize                  *end);
gboolean      helder_page_editor_show_view       (HelderPageEditor       *self,
                                                  const char             *name);
void          helder_page_editor_set_editable    (HelderPageEditor       *self,
                                                  gboolean                editable);
void          helder_page_editor_set_highlights  (HelderPageEditor       *self,
                                                  GArray                 *ranges);
gsize         helder_page_editor_get_cursor      (HelderPageEditor       *self);
void          helder_page_editor_focus_end       (HelderPageEditor       *self);
void          helder_page_editor_insert_block    (HelderPageEditor       *self,
                                                  const char             *source);
void          helder_page_editor_replace         (HelderPageEditor       *self,
                                                  const HelderRange      *range,
                                                  const char             *source);

G_END_DECLS
