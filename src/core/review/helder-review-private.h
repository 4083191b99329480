/* helder-review-private.h
 *
 * What the review units share: the review's fields and the helpers that
 * copy, free and name its parts. Included only by helder-review*.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-review.h"

G_BEGIN_DECLS

struct _HelderReview
{
  GPtrArray  *threads;        /* of HelderReviewThread* */
  GPtrArray  *pages;          /* of HelderReviewPage* */
  GHashTable *approved_texts; /* page → approved text not yet written */
  JsonObject *unknown;
  GBytes     *base;           /* review.json as last read or written; NULL if none */
  gboolean    broken;
  gboolean    modified;
};

extern const char * const helder_review_role_names[HELDER_N_REVIEW_ROLES];
extern const char * const helder_review_state_names[HELDER_N_REVIEW_STATES];
extern const char * const helder_review_status_names[HELDER_REVIEW_STATUS_RESOLVED + 1];
extern const char * const helder_review_outcome_names[HELDER_SUGGESTION_REJECTED + 1];

gboolean            helder_review_name_to_index       (const char * const       *names,
                                                       guint                     n_names,
                                                       const char               *name,
                                                       guint                    *index);
int                 helder_review_compare_times       (const char               *a,
                                                       const char               *b);
gboolean            helder_review_page_path_is_safe   (const char               *page);
void                helder_review_comment_free        (gpointer                  data);
HelderReviewComment *helder_review_comment_copy       (const HelderReviewComment *from);
void                helder_review_thread_free         (gpointer                  data);
HelderReviewThread *helder_review_thread_new          (void);
HelderReviewThread *helder_review_thread_copy         (const HelderReviewThread *from);
void                helder_review_signoff_copy        (HelderReviewSignoff       *to,
                                                       const HelderReviewSignoff *from);
void                helder_review_page_free           (gpointer                  data);
HelderReviewPage   *helder_review_page_copy           (const HelderReviewPage   *from);
void                helder_review_read_document       (HelderReview             *self,
                                                       GBytes                   *bytes,
                                                       GPtrArray                *diagnostics);

G_END_DECLS
