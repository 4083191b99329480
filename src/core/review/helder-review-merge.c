/* helder-review-merge.c
 *
 * The three-way merge of two versions of a review edited apart, by the
 * stable ids of threads and comments (docs/review.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-review-merge"

#include "config.h"

#include <string.h>

#include "helder-review-merge.h"
#include "helder-review-private.h"

/* Merging two versions of the review */

static gboolean
has_comment (const HelderReviewThread *thread,
             const char               *id)
{
  for (guint i = 0; thread != NULL && i < thread->comments->len; i++)
    if (g_str_equal (((HelderReviewComment *) g_ptr_array_index (thread->comments, i))->id, id))
      return TRUE;
  return FALSE;
}

static int
compare_comments (gconstpointer a,
                  gconstpointer b)
{
  const HelderReviewComment *ca = *(HelderReviewComment * const *) a;
  const HelderReviewComment *cb = *(HelderReviewComment * const *) b;
  int order = helder_review_compare_times (ca->time, cb->time);

  return order != 0 ? order : strcmp (ca->id, cb->id);
}

/* A thread's comments are the union of both sides' (less those one side
 * deleted since @base); the status that changed last wins.
 */
static void
merge_thread (HelderReviewThread       *merged,
              const HelderReviewThread *theirs,
              const HelderReviewThread *base)
{
  g_autoptr(GPtrArray) ours_ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < merged->comments->len; i++)
    g_ptr_array_add (ours_ids,
                     g_strdup (((HelderReviewComment *) g_ptr_array_index (merged->comments, i))->id));

  for (guint i = merged->comments->len; i > 0; i--)
    {
      const HelderReviewComment *comment = g_ptr_array_index (merged->comments, i - 1);

      if (has_comment (base, comment->id) && !has_comment (theirs, comment->id))
        g_ptr_array_remove_index (merged->comments, i - 1);
    }

  for (guint i = 0; i < theirs->comments->len; i++)
    {
      const HelderReviewComment *comment = g_ptr_array_index (theirs->comments, i);
      gboolean in_ours = FALSE;

      for (guint j = 0; j < ours_ids->len && !in_ours; j++)
        in_ours = g_str_equal (g_ptr_array_index (ours_ids, j), comment->id);
      if (in_ours || has_comment (base, comment->id))
        continue;
      g_ptr_array_add (merged->comments, helder_review_comment_copy (comment));
    }
  g_ptr_array_sort (merged->comments, compare_comments);

  if (helder_review_compare_times (theirs->status_time, merged->status_time) > 0)
    {
      merged->status = theirs->status;
      merged->outcome = theirs->outcome;
      g_free (merged->status_time);
      merged->status_time = g_strdup (theirs->status_time);
    }
  if (merged->suggestion == NULL && theirs->suggestion != NULL)
    merged->suggestion = g_strdup (theirs->suggestion);
}

/* Each role's say that was given last wins; the round is the highest. */
static void
merge_page (HelderReview           *merged_review,
            HelderReviewPage       *merged,
            const HelderReviewPage *theirs,
            HelderReview           *theirs_review)
{
  for (guint r = 0; r < HELDER_N_REVIEW_ROLES; r++)
    if (helder_review_compare_times (theirs->roles[r].time, merged->roles[r].time) > 0)
      helder_review_signoff_copy (&merged->roles[r], &theirs->roles[r]);

  if (theirs->round > merged->round)
    {
      merged->round = theirs->round;
      g_free (merged->round_time);
      merged->round_time = g_strdup (theirs->round_time);
    }

  if (helder_review_compare_times (theirs->approved_time, merged->approved_time) > 0)
    {
      const char *pending = g_hash_table_lookup (theirs_review->approved_texts, theirs->page);

      g_free (merged->approved_sha256);
      merged->approved_sha256 = g_strdup (theirs->approved_sha256);
      g_free (merged->approved_time);
      merged->approved_time = g_strdup (theirs->approved_time);
      if (pending != NULL)
        g_hash_table_replace (merged_review->approved_texts, g_strdup (theirs->page),
                              g_strdup (pending));
      else
        g_hash_table_remove (merged_review->approved_texts, theirs->page);
    }
}

/**
 * helder_review_merge:
 * @base: (nullable): the version both started from, if known
 *
 * Merges two versions of a review edited apart, by the stable ids of
 * threads and comments: every thread and comment of either side is kept,
 * unless @base had it and one side deleted it since; a thread's status and
 * each role's page state take the value set last (by time); the round is
 * the highest of both. See docs/review.md.
 *
 * Returns: (transfer full): the merged review, marked as modified.
 */
HelderReview *
helder_review_merge (HelderReview *base,
                     HelderReview *ours,
                     HelderReview *theirs)
{
  HelderReview *merged;

  g_return_val_if_fail (ours != NULL && theirs != NULL, NULL);

  merged = helder_review_new ();
  merged->unknown = ours->unknown != NULL ? json_object_ref (ours->unknown) : NULL;
  merged->modified = TRUE;

  for (guint i = 0; i < ours->threads->len; i++)
    {
      const HelderReviewThread *thread = g_ptr_array_index (ours->threads, i);
      HelderReviewThread *other = helder_review_find_thread (theirs, thread->id);
      HelderReviewThread *in_base = base != NULL ? helder_review_find_thread (base, thread->id) : NULL;
      HelderReviewThread *copy;

      if (other == NULL && in_base != NULL)
        continue;
      copy = helder_review_thread_copy (thread);
      if (other != NULL)
        merge_thread (copy, other, in_base);
      g_ptr_array_add (merged->threads, copy);
    }
  for (guint i = 0; i < theirs->threads->len; i++)
    {
      const HelderReviewThread *thread = g_ptr_array_index (theirs->threads, i);

      if (helder_review_find_thread (ours, thread->id) != NULL ||
          (base != NULL && helder_review_find_thread (base, thread->id) != NULL))
        continue;
      g_ptr_array_add (merged->threads, helder_review_thread_copy (thread));
    }

  for (guint i = 0; i < ours->pages->len; i++)
    {
      const HelderReviewPage *page = g_ptr_array_index (ours->pages, i);
      const char *pending = g_hash_table_lookup (ours->approved_texts, page->page);
      HelderReviewPage *other = helder_review_find_page (theirs, page->page);
      HelderReviewPage *copy = helder_review_page_copy (page);

      g_ptr_array_add (merged->pages, copy);
      if (pending != NULL)
        g_hash_table_replace (merged->approved_texts, g_strdup (page->page), g_strdup (pending));
      if (other != NULL)
        merge_page (merged, copy, other, theirs);
    }
  for (guint i = 0; i < theirs->pages->len; i++)
    {
      const HelderReviewPage *page = g_ptr_array_index (theirs->pages, i);
      const char *pending = g_hash_table_lookup (theirs->approved_texts, page->page);

      if (helder_review_find_page (ours, page->page) != NULL)
        continue;
      g_ptr_array_add (merged->pages, helder_review_page_copy (page));
      if (pending != NULL)
        g_hash_table_replace (merged->approved_texts, g_strdup (page->page), g_strdup (pending));
    }

  return merged;
}
