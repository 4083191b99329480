/* helder-review-merge.h
 *
 * The three-way merge of two versions of a review.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-review.h"

G_BEGIN_DECLS

HelderReview *helder_review_merge (HelderReview *base,
                                  HelderReview *ours,
                                  HelderReview *theirs);

G_END_DECLS
