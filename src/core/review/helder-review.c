/* helder-review.c
 *
 * The review of a course: threads of comments pinned to passages of the
 * pages, suggestions, and each role's sign-off per page, kept in
 * review.json; the texts as approved in review/approved/. The format,
 * the anchoring and the merge rules are described in docs/review.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-review"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>

#include <glib/gi18n-lib.h>

#include "helder-course-path.h"
#include "helder-json-document.h"
#include "helder-line-map.h"
#include "helder-review.h"
#include "helder-review-private.h"
#include "helder-save-transaction.h"

G_DEFINE_QUARK (helder-review-error-quark, helder_review_error)

const char * const helder_review_role_names[HELDER_N_REVIEW_ROLES] = {
  "content-expert", "communications-adviser", "didactics-lead", "programme-manager",
};
static const char * const role_labels[] = {
  N_("content expert"), N_("communications adviser"), N_("didactics lead"),
  N_("programme manager"),
};
const char * const helder_review_state_names[HELDER_N_REVIEW_STATES] = {
  "draft", "in-review", "changes-requested", "approved",
};
static const char * const state_labels[] = {
  N_("draft"), N_("in review"), N_("changes requested"), N_("approved"),
};
const char * const helder_review_status_names[HELDER_REVIEW_STATUS_RESOLVED + 1] = { "open", "resolved" };
const char * const helder_review_outcome_names[HELDER_SUGGESTION_REJECTED + 1] = { "pending", "accepted", "rejected" };

G_STATIC_ASSERT (G_N_ELEMENTS (helder_review_role_names) == HELDER_N_REVIEW_ROLES);
G_STATIC_ASSERT (G_N_ELEMENTS (helder_review_state_names) == HELDER_N_REVIEW_STATES);

const char *
helder_review_role_to_string (HelderReviewRole role)
{
  g_return_val_if_fail (role < HELDER_N_REVIEW_ROLES, NULL);
  return helder_review_role_names[role];
}

const char *
helder_review_role_to_label (HelderReviewRole role)
{
  g_return_val_if_fail (role < HELDER_N_REVIEW_ROLES, NULL);
  return _(role_labels[role]);
}

gboolean
helder_review_name_to_index (const char * const *names,
                             guint               n_names,
                             const char         *text,
                             guint              *index)
{
  for (guint i = 0; text != NULL && i < n_names; i++)
    if (g_str_equal (names[i], text))
      {
        *index = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
helder_review_role_from_string (const char       *text,
                                HelderReviewRole *role)
{
  guint index;

  if (!helder_review_name_to_index (helder_review_role_names, G_N_ELEMENTS (helder_review_role_names), text, &index))
    return FALSE;
  *role = index;
  return TRUE;
}

const char *
helder_review_state_to_string (HelderReviewState state)
{
  g_return_val_if_fail (state < HELDER_N_REVIEW_STATES, NULL);
  return helder_review_state_names[state];
}

const char *
helder_review_state_to_label (HelderReviewState state)
{
  g_return_val_if_fail (state < HELDER_N_REVIEW_STATES, NULL);
  return _(state_labels[state]);
}

const char *
helder_review_status_to_string (HelderReviewStatus status)
{
  return helder_review_status_names[status == HELDER_REVIEW_STATUS_RESOLVED];
}

/* The current time as review.json writes it: ISO 8601 in UTC, to the second. */
char *
helder_review_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

char *
helder_review_hash_text (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

/* Orders two ISO 8601 times; a missing time is older than any other. */
int
helder_review_compare_times (const char *a,
                             const char *b)
{
  g_autoptr(GDateTime) ta = a != NULL ? g_date_time_new_from_iso8601 (a, NULL) : NULL;
  g_autoptr(GDateTime) tb = b != NULL ? g_date_time_new_from_iso8601 (b, NULL) : NULL;

  if (ta == NULL || tb == NULL)
    return (ta != NULL) - (tb != NULL);
  return g_date_time_compare (ta, tb);
}

gboolean
helder_review_page_path_is_safe (const char *page)
{
  return helder_course_path_check (NULL, page, NULL) == HELDER_COURSE_PATH_INSIDE;
}

/* Comments, threads, pages */

void
helder_review_comment_free (gpointer data)
{
  HelderReviewComment *comment = data;

  g_free (comment->id);
  g_free (comment->author);
  g_free (comment->time);
  g_free (comment->text);
  g_clear_pointer (&comment->unknown, json_object_unref);
  g_free (comment);
}

HelderReviewComment *
helder_review_comment_copy (const HelderReviewComment *from)
{
  HelderReviewComment *comment = g_new0 (HelderReviewComment, 1);

  comment->id = g_strdup (from->id);
  comment->author = g_strdup (from->author);
  comment->role = from->role;
  comment->time = g_strdup (from->time);
  comment->text = g_strdup (from->text);
  comment->unknown = from->unknown != NULL ? json_object_ref (from->unknown) : NULL;
  return comment;
}

void
helder_review_thread_free (gpointer data)
{
  HelderReviewThread *thread = data;

  g_free (thread->id);
  g_free (thread->page);
  helder_text_quote_clear (&thread->quote);
  g_free (thread->suggestion);
  g_free (thread->status_time);
  g_ptr_array_unref (thread->comments);
  g_clear_pointer (&thread->unknown, json_object_unref);
  g_free (thread);
}

HelderReviewThread *
helder_review_thread_new (void)
{
  HelderReviewThread *thread = g_new0 (HelderReviewThread, 1);

  thread->comments = g_ptr_array_new_with_free_func (helder_review_comment_free);
  return thread;
}

HelderReviewThread *
helder_review_thread_copy (const HelderReviewThread *from)
{
  HelderReviewThread *thread = helder_review_thread_new ();

  thread->id = g_strdup (from->id);
  thread->page = g_strdup (from->page);
  helder_text_quote_copy (&thread->quote, &from->quote);
  thread->suggestion = g_strdup (from->suggestion);
  thread->outcome = from->outcome;
  thread->status = from->status;
  thread->status_time = g_strdup (from->status_time);
  for (guint i = 0; i < from->comments->len; i++)
    g_ptr_array_add (thread->comments, helder_review_comment_copy (g_ptr_array_index (from->comments, i)));
  thread->unknown = from->unknown != NULL ? json_object_ref (from->unknown) : NULL;
  return thread;
}

static void
signoff_clear (HelderReviewSignoff *signoff)
{
  g_clear_pointer (&signoff->author, g_free);
  g_clear_pointer (&signoff->time, g_free);
  g_clear_pointer (&signoff->sha256, g_free);
  signoff->state = HELDER_REVIEW_STATE_DRAFT;
}

void
helder_review_signoff_copy (HelderReviewSignoff       *to,
                            const HelderReviewSignoff *from)
{
  signoff_clear (to);
  to->state = from->state;
  to->author = g_strdup (from->author);
  to->time = g_strdup (from->time);
  to->sha256 = g_strdup (from->sha256);
}

void
helder_review_page_free (gpointer data)
{
  HelderReviewPage *page = data;

  g_free (page->page);
  g_free (page->round_time);
  for (guint r = 0; r < HELDER_N_REVIEW_ROLES; r++)
    signoff_clear (&page->roles[r]);
  g_free (page->approved_sha256);
  g_free (page->approved_time);
  g_clear_pointer (&page->unknown, json_object_unref);
  g_free (page);
}

HelderReviewPage *
helder_review_page_copy (const HelderReviewPage *from)
{
  HelderReviewPage *page = g_new0 (HelderReviewPage, 1);

  page->page = g_strdup (from->page);
  page->round = from->round;
  page->round_time = g_strdup (from->round_time);
  for (guint r = 0; r < HELDER_N_REVIEW_ROLES; r++)
    helder_review_signoff_copy (&page->roles[r], &from->roles[r]);
  page->approved_sha256 = g_strdup (from->approved_sha256);
  page->approved_time = g_strdup (from->approved_time);
  page->unknown = from->unknown != NULL ? json_object_ref (from->unknown) : NULL;
  return page;
}

HelderReview *
helder_review_new (void)
{
  HelderReview *self = g_new0 (HelderReview, 1);

  self->threads = g_ptr_array_new_with_free_func (helder_review_thread_free);
  self->pages = g_ptr_array_new_with_free_func (helder_review_page_free);
  self->approved_texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

void
helder_review_free (HelderReview *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->threads);
  g_ptr_array_unref (self->pages);
  g_hash_table_unref (self->approved_texts);
  g_clear_pointer (&self->unknown, json_object_unref);
  g_clear_pointer (&self->base, g_bytes_unref);
  g_free (self);
}

gboolean
helder_review_is_broken (HelderReview *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->broken;
}

gboolean
helder_review_get_modified (HelderReview *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->modified;
}

/* Threads */

/* Returns: (transfer none) (element-type HelderReviewThread): the threads;
 * helder_review_refresh() and helder_review_save_merged() may replace the
 * array and every thread in it, so keep ids, not pointers, across them.
 */
GPtrArray *
helder_review_get_threads (HelderReview *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->threads;
}

HelderReviewThread *
helder_review_find_thread (HelderReview *self,
                           const char   *id)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; id != NULL && i < self->threads->len; i++)
    {
      HelderReviewThread *thread = g_ptr_array_index (self->threads, i);

      if (g_str_equal (thread->id, id))
        return thread;
    }
  return NULL;
}

static HelderReviewComment *
add_comment (HelderReviewThread *thread,
             const char         *author,
             HelderReviewRole    role,
             const char         *text,
             const char         *time)
{
  HelderReviewComment *comment = g_new0 (HelderReviewComment, 1);

  comment->id = g_uuid_string_random ();
  comment->author = g_strdup (author);
  comment->role = role;
  comment->time = time != NULL ? g_strdup (time) : helder_review_now ();
  comment->text = g_strdup (text);
  g_ptr_array_add (thread->comments, comment);
  return comment;
}

/**
 * helder_review_add_thread:
 * @range: the passage of @page_text the thread is about
 * @suggestion: (nullable): text to replace the passage with
 * @time: (nullable): ISO 8601 time; %NULL for now
 *
 * Returns: (transfer none): the new open thread, with @text as its first
 *   comment.
 */
HelderReviewThread *
helder_review_add_thread (HelderReview     *self,
                          const char       *page,
                          const char       *page_text,
                          HelderRange       range,
                          const char       *author,
                          HelderReviewRole  role,
                          const char       *text,
                          const char       *suggestion,
                          const char       *time)
{
  HelderReviewThread *thread;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (helder_review_page_path_is_safe (page), NULL);
  g_return_val_if_fail (page_text != NULL, NULL);
  g_return_val_if_fail (range.start < range.end && range.end <= strlen (page_text), NULL);
  g_return_val_if_fail (author != NULL && text != NULL, NULL);
  g_return_val_if_fail (role < HELDER_N_REVIEW_ROLES, NULL);

  thread = helder_review_thread_new ();
  thread->id = g_uuid_string_random ();
  thread->page = g_strdup (page);
  helder_text_quote_init_from_range (&thread->quote, page_text, strlen (page_text), range);
  thread->suggestion = g_strdup (suggestion);
  thread->status = HELDER_REVIEW_STATUS_OPEN;
  add_comment (thread, author, role, text, time);
  thread->status_time = g_strdup (((HelderReviewComment *) g_ptr_array_index (thread->comments, 0))->time);
  g_ptr_array_add (self->threads, thread);
  self->modified = TRUE;
  return thread;
}

HelderReviewComment *
helder_review_reply (HelderReview       *self,
                     HelderReviewThread *thread,
                     const char         *author,
                     HelderReviewRole    role,
                     const char         *text,
                     const char         *time)
{
  g_return_val_if_fail (self != NULL && thread != NULL, NULL);
  g_return_val_if_fail (author != NULL && text != NULL, NULL);
  g_return_val_if_fail (role < HELDER_N_REVIEW_ROLES, NULL);

  self->modified = TRUE;
  return add_comment (thread, author, role, text, time);
}

void
helder_review_set_status (HelderReview       *self,
                          HelderReviewThread *thread,
                          HelderReviewStatus  status,
                          const char         *time)
{
  g_return_if_fail (self != NULL && thread != NULL);

  thread->status = status;
  g_free (thread->status_time);
  thread->status_time = time != NULL ? g_strdup (time) : helder_review_now ();
  self->modified = TRUE;
}

HelderAnchorMatch
helder_review_anchor (HelderReviewThread *thread,
                      const char         *page_text,
                      HelderRange        *range)
{
  g_return_val_if_fail (thread != NULL, HELDER_ANCHOR_ORPHANED);
  g_return_val_if_fail (page_text != NULL, HELDER_ANCHOR_ORPHANED);

  return helder_text_quote_anchor (&thread->quote, page_text, strlen (page_text), range);
}

static gboolean
check_suggestion (HelderReviewThread  *thread,
                  GError             **error)
{
  if (thread->suggestion == NULL || thread->outcome != HELDER_SUGGESTION_PENDING)
    {
      g_set_error (error, HELDER_REVIEW_ERROR, HELDER_REVIEW_ERROR_NO_SUGGESTION,
                   _("The thread has no open suggestion to accept or reject."));
      return FALSE;
    }
  return TRUE;
}

/**
 * helder_review_locate_suggestion:
 *
 * Finds where the thread's open suggestion goes in @page_text: the
 * passage it replaces.
 *
 * Returns: %FALSE with @error set when the thread has no open suggestion
 *   or its passage is gone
 */
gboolean
helder_review_locate_suggestion (HelderReviewThread  *thread,
                                 const char          *page_text,
                                 HelderRange         *range,
                                 GError             **error)
{
  g_return_val_if_fail (thread != NULL, FALSE);
  g_return_val_if_fail (page_text != NULL, FALSE);
  g_return_val_if_fail (range != NULL, FALSE);

  if (!check_suggestion (thread, error))
    return FALSE;

  if (helder_review_anchor (thread, page_text, range) == HELDER_ANCHOR_ORPHANED)
    {
      g_set_error (error, HELDER_REVIEW_ERROR, HELDER_REVIEW_ERROR_ORPHANED,
                   _("The quoted text “%s” is no longer on the page, so the suggestion cannot "
                     "be applied; edit the page by hand or reject the suggestion."),
                   thread->quote.exact);
      return FALSE;
    }
  return TRUE;
}

/* Records that the page now holds the suggestion: the thread is accepted
 * and resolved.
 */
void
helder_review_record_accepted (HelderReview       *self,
                               HelderReviewThread *thread,
                               const char         *time)
{
  g_return_if_fail (self != NULL && thread != NULL);

  thread->outcome = HELDER_SUGGESTION_ACCEPTED;
  helder_review_set_status (self, thread, HELDER_REVIEW_STATUS_RESOLVED, time);
}

/**
 * helder_review_accept_suggestion:
 *
 * Replaces the thread's passage in @page_text by its suggestion and
 * resolves the thread.
 *
 * Returns: (transfer full): the new page text, or %NULL when the thread
 *   has no open suggestion or its passage is gone.
 */
char *
helder_review_accept_suggestion (HelderReview        *self,
                                 HelderReviewThread  *thread,
                                 const char          *page_text,
                                 const char          *time,
                                 GError             **error)
{
  HelderRange range;
  GString *text;

  g_return_val_if_fail (self != NULL && thread != NULL, NULL);
  g_return_val_if_fail (page_text != NULL, NULL);

  if (!helder_review_locate_suggestion (thread, page_text, &range, error))
    return NULL;

  text = g_string_new_len (page_text, range.start);
  g_string_append (text, thread->suggestion);
  g_string_append (text, page_text + range.end);

  helder_review_record_accepted (self, thread, time);
  return g_string_free (text, FALSE);
}

/* Whether @exact stands in @text between the end of @quote's prefix and
 * the start of its suffix (a few characters of each), not merely
 * somewhere else on the page.
 */
static gboolean
stands_in_place (const HelderTextQuote *quote,
                 const char            *exact,
                 const char            *text)
{
  HelderTextQuote in_place = { (char *) exact, quote->prefix, quote->suffix, quote->hint };
  gsize length = strlen (text);
  gsize prefix_length = quote->prefix != NULL ? strlen (quote->prefix) : 0;
  gsize suffix_length = quote->suffix != NULL ? strlen (quote->suffix) : 0;
  gsize before = MIN (prefix_length, 8);
  gsize after = MIN (suffix_length, 8);
  HelderRange range;

  if (helder_text_quote_anchor (&in_place, text, length, &range) != HELDER_ANCHOR_EXACT)
    return FALSE;

  return range.start >= before && range.end + after <= length &&
         memcmp (text + range.start - before, quote->prefix + prefix_length - before, before) == 0 &&
         memcmp (text + range.end, quote->suffix, after) == 0;
}

/**
 * helder_review_follow_saved_text:
 * @page: the page's file, relative to the course
 * @page_text: the text of @page as it was just saved
 *
 * Keeps the suggestions of @page true to its saved text, whatever the
 * author did after accepting one: a suggestion whose passage stands there
 * as it was (an accepted change undone) is open again; one whose
 * suggested wording stands in its place (the change redone, or typed by
 * hand) is accepted.
 *
 * Returns: whether a thread changed (the review then wants saving)
 */
gboolean
helder_review_follow_saved_text (HelderReview *self,
                                 const char   *page,
                                 const char   *page_text,
                                 const char   *time)
{
  gboolean changed = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (page != NULL && page_text != NULL, FALSE);

  for (guint i = 0; i < self->threads->len; i++)
    {
      HelderReviewThread *thread = g_ptr_array_index (self->threads, i);

      if (thread->suggestion == NULL || !g_str_equal (thread->page, page))
        continue;

      if (thread->outcome == HELDER_SUGGESTION_ACCEPTED &&
          stands_in_place (&thread->quote, thread->quote.exact, page_text) &&
          !stands_in_place (&thread->quote, thread->suggestion, page_text))
        {
          thread->outcome = HELDER_SUGGESTION_PENDING;
          helder_review_set_status (self, thread, HELDER_REVIEW_STATUS_OPEN, time);
          changed = TRUE;
        }
      else if (thread->outcome == HELDER_SUGGESTION_PENDING &&
               thread->status == HELDER_REVIEW_STATUS_OPEN &&
               !stands_in_place (&thread->quote, thread->quote.exact, page_text) &&
               stands_in_place (&thread->quote, thread->suggestion, page_text))
        {
          helder_review_record_accepted (self, thread, time);
          changed = TRUE;
        }
    }

  return changed;
}

/* Resolves the thread without changing the page; a non-empty @note says
 * why, as a reply.
 */
gboolean
helder_review_reject_suggestion (HelderReview        *self,
                                 HelderReviewThread  *thread,
                                 const char          *author,
                                 HelderReviewRole     role,
                                 const char          *note,
                                 const char          *time,
                                 GError             **error)
{
  g_return_val_if_fail (self != NULL && thread != NULL, FALSE);
  g_return_val_if_fail (author != NULL, FALSE);

  if (!check_suggestion (thread, error))
    return FALSE;

  if (note != NULL && note[0] != '\0')
    helder_review_reply (self, thread, author, role, note, time);
  thread->outcome = HELDER_SUGGESTION_REJECTED;
  helder_review_set_status (self, thread, HELDER_REVIEW_STATUS_RESOLVED, time);
  return TRUE;
}

/* Page states */

/* Returns: (transfer none) (element-type HelderReviewPage): the page
 * states; replaced like the threads (helder_review_get_threads()).
 */
GPtrArray *
helder_review_get_pages (HelderReview *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->pages;
}

HelderReviewPage *
helder_review_find_page (HelderReview *self,
                         const char   *page)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; page != NULL && i < self->pages->len; i++)
    {
      HelderReviewPage *entry = g_ptr_array_index (self->pages, i);

      if (g_str_equal (entry->page, page))
        return entry;
    }
  return NULL;
}

static HelderReviewPage *
ensure_page (HelderReview *self,
             const char   *page)
{
  HelderReviewPage *entry = helder_review_find_page (self, page);

  if (entry == NULL)
    {
      entry = g_new0 (HelderReviewPage, 1);
      entry->page = g_strdup (page);
      g_ptr_array_add (self->pages, entry);
    }
  return entry;
}

HelderReviewState
helder_review_get_state (HelderReview     *self,
                         const char       *page,
                         HelderReviewRole  role)
{
  HelderReviewPage *entry;

  g_return_val_if_fail (self != NULL, HELDER_REVIEW_STATE_DRAFT);
  g_return_val_if_fail (role < HELDER_N_REVIEW_ROLES, HELDER_REVIEW_STATE_DRAFT);

  entry = helder_review_find_page (self, page);
  return entry != NULL ? entry->roles[role].state : HELDER_REVIEW_STATE_DRAFT;
}

/* Which state may follow which: a page goes into review, a reviewer asks
 * for changes or approves, and a new round puts it back into review.
 */
static gboolean
transition_allowed (HelderReviewState from,
                    HelderReviewState to)
{
  switch (to)
    {
    case HELDER_REVIEW_STATE_IN_REVIEW:
      return from != HELDER_REVIEW_STATE_IN_REVIEW;
    case HELDER_REVIEW_STATE_CHANGES_REQUESTED:
      return from == HELDER_REVIEW_STATE_IN_REVIEW || from == HELDER_REVIEW_STATE_APPROVED;
    case HELDER_REVIEW_STATE_APPROVED:
      return from == HELDER_REVIEW_STATE_IN_REVIEW || from == HELDER_REVIEW_STATE_CHANGES_REQUESTED;
    case HELDER_REVIEW_STATE_DRAFT:
    case HELDER_N_REVIEW_STATES:
    default:
      return FALSE;
    }
}

static void
sign (HelderReviewSignoff *signoff,
      HelderReviewState    state,
      const char          *author,
      const char          *time)
{
  signoff->state = state;
  g_free (signoff->author);
  signoff->author = g_strdup (author);
  g_free (signoff->time);
  signoff->time = g_strdup (time);
  g_clear_pointer (&signoff->sha256, g_free);
}

/**
 * helder_review_start_round:
 *
 * Puts the page (back) into review for every role, except the roles whose
 * approval still holds for @page_text, and counts a new round.
 */
gboolean
helder_review_start_round (HelderReview  *self,
                           const char    *page,
                           const char    *page_text,
                           const char    *author,
                           const char    *time,
                           GError       **error)
{
  g_autofree char *now = time != NULL ? g_strdup (time) : helder_review_now ();
  HelderReviewPage *entry;
  gboolean changed = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (helder_review_page_path_is_safe (page), FALSE);
  g_return_val_if_fail (page_text != NULL && author != NULL, FALSE);

  entry = ensure_page (self, page);
  for (guint r = 0; r < HELDER_N_REVIEW_ROLES; r++)
    {
      if (entry->roles[r].state == HELDER_REVIEW_STATE_IN_REVIEW ||
          helder_review_approval_is_current (self, page, r, page_text))
        continue;
      sign (&entry->roles[r], HELDER_REVIEW_STATE_IN_REVIEW, author, now);
      changed = TRUE;
    }

  if (!changed)
    {
      g_set_error (error, HELDER_REVIEW_ERROR, HELDER_REVIEW_ERROR_TRANSITION,
                   _("%s is already in review for every role that has not approved it."), page);
      return FALSE;
    }

  entry->round++;
  g_free (entry->round_time);
  entry->round_time = g_steal_pointer (&now);
  self->modified = TRUE;
  return TRUE;
}

/**
 * helder_review_set_state:
 * @page_text: the page's text; approving records its SHA-256 and keeps
 *   it as the text of the last approved round
 *
 * Records @role's say on @page.
 */
gboolean
helder_review_set_state (HelderReview       *self,
                         const char         *page,
                         HelderReviewRole    role,
                         HelderReviewState   state,
                         const char         *author,
                         const char         *page_text,
                         const char         *time,
                         GError            **error)
{
  g_autofree char *now = time != NULL ? g_strdup (time) : helder_review_now ();
  HelderReviewPage *entry;
  HelderReviewSignoff *signoff;
  HelderReviewState from;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (helder_review_page_path_is_safe (page), FALSE);
  g_return_val_if_fail (role < HELDER_N_REVIEW_ROLES, FALSE);
  g_return_val_if_fail (state < HELDER_N_REVIEW_STATES, FALSE);
  g_return_val_if_fail (author != NULL && page_text != NULL, FALSE);

  from = helder_review_get_state (self, page, role);
  if (!transition_allowed (from, state))
    {
      g_set_error (error, HELDER_REVIEW_ERROR, HELDER_REVIEW_ERROR_TRANSITION,
                   /* Translators: page, role, state, state */
                   _("%s: the %s cannot go from “%s” to “%s”; a page first goes into review, "
                     "then a reviewer approves it or asks for changes."),
                   page, helder_review_role_to_label (role), helder_review_state_to_label (from),
                   helder_review_state_to_label (state));
      return FALSE;
    }

  entry = ensure_page (self, page);
  signoff = &entry->roles[role];
  sign (signoff, state, author, now);
  if (entry->round == 0)
    {
      entry->round = 1;
      entry->round_time = g_strdup (now);
    }

  if (state == HELDER_REVIEW_STATE_APPROVED)
    {
      signoff->sha256 = helder_review_hash_text (page_text);
      g_free (entry->approved_sha256);
      entry->approved_sha256 = g_strdup (signoff->sha256);
      g_free (entry->approved_time);
      entry->approved_time = g_strdup (now);
      g_hash_table_replace (self->approved_texts, g_strdup (page), g_strdup (page_text));
    }

  self->modified = TRUE;
  return TRUE;
}

/* Whether @role approved exactly @page_text: an edit after the approval
 * makes it stale.
 */
gboolean
helder_review_approval_is_current (HelderReview     *self,
                                   const char       *page,
                                   HelderReviewRole  role,
                                   const char       *page_text)
{
  HelderReviewPage *entry;
  g_autofree char *hash = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (role < HELDER_N_REVIEW_ROLES, FALSE);
  g_return_val_if_fail (page_text != NULL, FALSE);

  entry = helder_review_find_page (self, page);
  if (entry == NULL || entry->roles[role].state != HELDER_REVIEW_STATE_APPROVED ||
      entry->roles[role].sha256 == NULL)
    return FALSE;

  hash = helder_review_hash_text (page_text);
  return g_str_equal (hash, entry->roles[role].sha256);
}

/**
 * helder_review_dup_approved_text:
 *
 * The page's text as it was last approved (by any role), from
 * review/approved/ in the course folder, checked against the hash in
 * review.json.
 *
 * Returns: (transfer full): the text, or %NULL with @error set.
 */
char *
helder_review_dup_approved_text (HelderReview  *self,
                                 const char    *course_path,
                                 const char    *page,
                                 GError       **error)
{
  HelderReviewPage *entry;
  const char *pending;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *hash = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (helder_review_page_path_is_safe (page), NULL);

  entry = helder_review_find_page (self, page);
  if (entry == NULL || entry->approved_sha256 == NULL)
    {
      g_set_error (error, HELDER_REVIEW_ERROR, HELDER_REVIEW_ERROR_NO_APPROVAL,
                   _("%s was never approved, so there is no approved text to compare with."),
                   page);
      return NULL;
    }

  pending = g_hash_table_lookup (self->approved_texts, page);
  if (pending != NULL)
    return g_strdup (pending);

  g_return_val_if_fail (course_path != NULL, NULL);
  path = g_build_filename (course_path, HELDER_REVIEW_APPROVED_FOLDER, page, NULL);
  if (!g_file_get_contents (path, &text, NULL, error))
    return NULL;

  hash = helder_review_hash_text (text);
  if (!g_str_equal (hash, entry->approved_sha256))
    {
      g_set_error (error, HELDER_REVIEW_ERROR, HELDER_REVIEW_ERROR_NO_APPROVAL,
                   _("%s/%s does not hold the text that was approved (its SHA-256 differs "
                     "from review.json); approve the page again to store it anew."),
                   HELDER_REVIEW_APPROVED_FOLDER, page);
      return NULL;
    }
  return g_steal_pointer (&text);
}
