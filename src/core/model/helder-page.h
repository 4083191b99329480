/* helder-page.h
 *
 * HelderPage: one page of a module, its text and its parsed content.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "helder-diagnostic.h"
#include "helder-page-content.h"

G_BEGIN_DECLS

#define HELDER_TYPE_PAGE (helder_page_get_type ())

G_DECLARE_FINAL_TYPE (HelderPage, helder_page, HELDER, PAGE, GObject)

HelderPage              *helder_page_new             (const char *file,
                                                      GBytes     *bytes);
const char              *helder_page_get_file        (HelderPage *self);
void                     helder_page_set_file        (HelderPage *self,
                                                      const char *file);
const char              *helder_page_get_id          (HelderPage *self);
const char              *helder_page_get_title       (HelderPage *self);
const char              *helder_page_get_text        (HelderPage *self);
gsize                    helder_page_get_length      (HelderPage *self);
void                     helder_page_set_text        (HelderPage *self,
                                                      const char *text,
                                                      gssize      length);
const HelderPageContent *helder_page_get_content     (HelderPage *self);
guint                    helder_page_get_word_count  (HelderPage *self);
gboolean                 helder_page_get_modified    (HelderPage *self);
/* helder_page_serialize: (transfer full): the caller frees it with g_bytes_unref() */
GBytes                  *helder_page_serialize       (HelderPage *self);
void                     helder_page_mark_saved      (HelderPage *self);
void                     helder_page_mark_new        (HelderPage *self);
void                     helder_page_reload          (HelderPage *self,
                                                      GBytes     *bytes);
void                     helder_page_take_over       (HelderPage *self);
HelderDiagnostic        *helder_page_add_diagnostic  (HelderPage     *self,
                                                      gsize           start,
                                                      gsize           end,
                                                      HelderSeverity  severity,
                                                      const char     *rule,
                                                      const char     *message,
                                                      GPtrArray      *diagnostics);

G_END_DECLS
