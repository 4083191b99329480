/* helder-review-conflict.h
 *
 * Reading a review.json that git left with conflict markers (core only).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-review.h"

G_BEGIN_DECLS

gboolean      helder_review_has_conflict_markers (const char *data,
                                                 gsize       length);
/* helder_review_parse_conflicted: (transfer full): the caller frees it with helder_review_free() */
HelderReview *helder_review_parse_conflicted     (const char *data,
                                                 gsize       length,
                                                 GPtrArray  *diagnostics);

G_END_DECLS
