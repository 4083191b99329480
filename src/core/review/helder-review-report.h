/* helder-review-report.h
 *
 * The review report: an HTML page of a course's review threads and sign-offs
 * for the people who were not in the app.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-course.h"
#include "helder-review.h"

G_BEGIN_DECLS

/* A thread and where its passage stands on the page today. */
typedef struct
{
  HelderReviewThread *thread;      /* borrowed from the review */
  HelderPage         *page;        /* borrowed; NULL when the course has no such page */
  HelderAnchorMatch   match;
  HelderRange         range;
  guint               line;        /* 1-based; 0 when orphaned */
  guint               column;
} HelderReviewPlace;

GArray *helder_review_place_threads   (HelderCourse *course,
                                       HelderReview *review);
/* helder_review_report_html: (transfer full): the caller frees the text with g_free() */
char   *helder_review_report_html     (HelderCourse *course,
                                       HelderReview *review);
/* helder_review_report_csv: (transfer full): the caller frees the text with g_free() */
char   *helder_review_report_csv      (HelderCourse *course,
                                       HelderReview *review);

G_END_DECLS
