/* helder-renderer.h
 *
 * HelderRenderer: turns pages into accessible HTML for the learner player;
 * the preview and every export use it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-course.h"

G_BEGIN_DECLS

/* Turns pages of a course into accessible HTML for the learner player.
 * The same output powers the preview and every export, so the renderer
 * knows nothing about LMSs: it only names the scripts a caller asks for.
 *
 * Author text never passes as markup: CommonMark goes through cmark in
 * safe mode with raw HTML turned into text, and every other string is
 * escaped. Media paths are resolved inside the course folder only; each
 * one that is used is remembered (helder_renderer_get_media) and each
 * one that cannot be used becomes a problem (helder_renderer_get_problems).
 */
typedef struct _HelderRenderer HelderRenderer;

/* Where the player's own files live, relative to the rendered document. */
#define HELDER_PLAYER_DIR "lib"

HelderRenderer *helder_renderer_new             (HelderCourse    *course);
void            helder_renderer_free            (HelderRenderer  *self);
void            helder_renderer_set_source_lines (HelderRenderer *self,
                                                 gboolean         source_lines);
void            helder_renderer_render_page     (HelderRenderer  *self,
                                                 HelderModule    *module,
                                                 HelderPage      *page,
                                                 GString         *html);
/* helder_renderer_render_document: (transfer full): the caller frees the text with g_free() */
char           *helder_renderer_render_document (HelderRenderer  *self,
                                                 GPtrArray       *modules,
                                                 const char      *lms);
GPtrArray      *helder_renderer_get_media       (HelderRenderer  *self);
GPtrArray      *helder_renderer_get_problems    (HelderRenderer  *self);
const char     *helder_renderer_get_label       (HelderRenderer  *self,
                                                 const char      *key);


/* helder_player_lookup_file: (transfer full): the caller frees it with g_bytes_unref() */
GBytes         *helder_player_lookup_file       (const char      *name,
                                                 GError         **error);
/* helder_player_page_id: (transfer full): the caller frees the text with g_free() */
char           *helder_player_page_id           (HelderModule    *module,
                                                 HelderPage      *page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderRenderer, helder_renderer_free)

G_END_DECLS
