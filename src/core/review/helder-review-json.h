/* helder-review-json.h
 *
 * Reading and writing review.json.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-review.h"

G_BEGIN_DECLS

HelderReview *helder_review_parse     (GBytes        *bytes,
                                      GPtrArray     *diagnostics);
HelderReview *helder_review_load      (const char    *course_path,
                                      GPtrArray     *diagnostics);
/* helder_review_serialize: (transfer full): the caller frees it with g_bytes_unref() */
GBytes       *helder_review_serialize (HelderReview  *self);
gboolean      helder_review_save      (HelderReview  *self,
                                      const char    *course_path,
                                      GError       **error);
gboolean      helder_review_refresh   (HelderReview  *self,
                                      const char    *course_path,
                                      gboolean      *changed,
                                      GError       **error);
gboolean      helder_review_save_merged (HelderReview  *self,
                                        const char    *course_path,
                                        GError       **error);

G_END_DECLS
