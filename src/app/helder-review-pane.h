/* helder-review-pane.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "helder-course.h"
#include "helder-review.h"

G_BEGIN_DECLS

#define HELDER_TYPE_REVIEW_PANE (helder_review_pane_get_type ())

G_DECLARE_FINAL_TYPE (HelderReviewPane, helder_review_pane, HELDER, REVIEW_PANE, GtkWidget)

void          helder_review_pane_set_page     (HelderReviewPane *self,
                                               HelderCourse     *course,
                                               HelderReview     *review,
                                               HelderPage       *page);
void          helder_review_pane_set_selection (HelderReviewPane *self,
                                                gsize             start,
                                                gsize             end);
GArray       *helder_review_pane_get_ranges   (HelderReviewPane *self);
gboolean      helder_review_pane_add_comment  (HelderReviewPane *self,
                                               const char       *text,
                                               const char       *suggestion,
                                               GError          **error);
guint         helder_review_pane_get_n_threads (HelderReviewPane *self);
void          helder_review_pane_focus_comment (HelderReviewPane *self);

G_END_DECLS
