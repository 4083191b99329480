/* helder-module.h
 *
 * HelderModule: one module of a course (module.json and its pages).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "helder-json-document.h"
#include "helder-page.h"

G_BEGIN_DECLS

#define HELDER_TYPE_MODULE (helder_module_get_type ())

G_DECLARE_FINAL_TYPE (HelderModule, helder_module, HELDER, MODULE, GObject)

gboolean      helder_module_id_is_valid        (const char   *id);
char        **helder_module_dup_folder_pages   (const char   *root,
                                                const char   *id);
HelderModule *helder_module_load               (const char   *root,
                                                const char   *id,
                                                GPtrArray    *diagnostics);
const char   *helder_module_get_id             (HelderModule *self);
const char   *helder_module_get_title          (HelderModule *self);
const char   *helder_module_get_colour         (HelderModule *self);
guint         helder_module_get_minutes        (HelderModule *self);
const char * const *helder_module_get_goals    (HelderModule *self);
void          helder_module_take_over          (HelderModule *self);
GListModel   *helder_module_get_pages          (HelderModule *self);
HelderPage   *helder_module_get_page           (HelderModule *self,
                                                guint         position);
guint         helder_module_get_n_pages        (HelderModule *self);
guint         helder_module_get_word_count     (HelderModule *self);
double        helder_module_estimate_minutes   (HelderModule *self);
HelderJsonDocument *helder_module_get_document (HelderModule *self);
HelderModule *helder_module_new                (const char   *id,
                                                const char   *title);
void          helder_module_set_title          (HelderModule *self,
                                                const char   *title);
gboolean      helder_module_set_colour         (HelderModule *self,
                                                const char   *colour);
void          helder_module_set_minutes        (HelderModule *self,
                                                guint         minutes);
HelderPage   *helder_module_add_page           (HelderModule *self,
                                                const char   *root,
                                                const char   *name,
                                                const char   *text,
                                                guint         position,
                                                GError      **error);
void          helder_module_insert_page        (HelderModule *self,
                                                HelderPage   *page,
                                                guint         position);
void          helder_module_remove_page        (HelderModule *self,
                                                HelderPage   *page);
void          helder_module_move_page          (HelderModule *self,
                                                HelderPage   *page,
                                                guint         position);
char         *helder_module_dup_page_name      (HelderModule *self,
                                                const char   *root,
                                                const char   *title);
gboolean      helder_module_rename_page        (HelderModule *self,
                                                const char   *root,
                                                HelderPage   *page,
                                                const char   *title,
                                                char        **old_file,
                                                GError      **error);
int           helder_module_find_page          (HelderModule *self,
                                                HelderPage   *page);

G_END_DECLS
