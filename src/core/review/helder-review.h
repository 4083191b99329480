/* helder-review.h
 *
 * HelderReview: review.json, the team's comment threads anchored to text and
 * the sign-offs per page and role, with merging of concurrent edits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "helder-text-quote.h"

G_BEGIN_DECLS

#define HELDER_REVIEW_ERROR (helder_review_error_quark ())

typedef enum
{
  HELDER_REVIEW_ERROR_BROKEN,     /* review.json has errors; saving would lose threads */
  HELDER_REVIEW_ERROR_TRANSITION, /* a page state cannot go from here to there */
  HELDER_REVIEW_ERROR_ORPHANED,   /* the thread's passage is gone */
  HELDER_REVIEW_ERROR_NO_SUGGESTION,
  HELDER_REVIEW_ERROR_NO_APPROVAL,
} HelderReviewError;

/* The newest review.json format this Helder reads and writes. */
#define HELDER_REVIEW_FORMAT 1
#define HELDER_REVIEW_FILE "review.json"
/* The text of each page as last approved, as plain files, one per page,
 * at the page's own path under this folder.
 */
#define HELDER_REVIEW_APPROVED_FOLDER "review/approved"

typedef enum
{
  HELDER_REVIEW_ROLE_CONTENT_EXPERT,
  HELDER_REVIEW_ROLE_COMMUNICATIONS_ADVISER,
  HELDER_REVIEW_ROLE_DIDACTICS_LEAD,
  HELDER_REVIEW_ROLE_PROGRAMME_MANAGER,
  HELDER_N_REVIEW_ROLES
} HelderReviewRole;

typedef enum
{
  HELDER_REVIEW_STATE_DRAFT,
  HELDER_REVIEW_STATE_IN_REVIEW,
  HELDER_REVIEW_STATE_CHANGES_REQUESTED,
  HELDER_REVIEW_STATE_APPROVED,
  HELDER_N_REVIEW_STATES
} HelderReviewState;

typedef enum
{
  HELDER_REVIEW_STATUS_OPEN,
  HELDER_REVIEW_STATUS_RESOLVED,
} HelderReviewStatus;

typedef enum
{
  HELDER_SUGGESTION_PENDING,
  HELDER_SUGGESTION_ACCEPTED,
  HELDER_SUGGESTION_REJECTED,
} HelderSuggestionOutcome;

typedef struct
{
  char             *id;
  char             *author;
  HelderReviewRole  role;
  char             *time;   /* ISO 8601, UTC: 2025-03-04T10:15:00Z */
  char             *text;
  JsonObject       *unknown; /* members this Helder does not know, kept */
} HelderReviewComment;

typedef struct
{
  char                    *id;
  char                    *page;       /* the page file, relative to the course */
  HelderTextQuote          quote;
  char                    *suggestion; /* replacement for the quote, or NULL */
  HelderSuggestionOutcome  outcome;
  HelderReviewStatus       status;
  char                    *status_time; /* when status (and outcome) last changed */
  GPtrArray               *comments;    /* of HelderReviewComment*, oldest first */
  JsonObject              *unknown;
} HelderReviewThread;

/* One role's say on a page. time is NULL while the role never said
 * anything (state DRAFT). sha256 is the page text's hash when approved.
 */
typedef struct
{
  HelderReviewState  state;
  char              *author;
  char              *time;
  char              *sha256;
} HelderReviewSignoff;

typedef struct
{
  char                *page;
  guint                round;          /* 0 until the first review round */
  char                *round_time;
  HelderReviewSignoff  roles[HELDER_N_REVIEW_ROLES];
  char                *approved_sha256; /* of the text in review/approved/ */
  char                *approved_time;
  JsonObject          *unknown;
} HelderReviewPage;

/* The review of a course: review.json plus the approved texts. */
typedef struct _HelderReview HelderReview;

GQuark              helder_review_error_quark         (void);

const char         *helder_review_role_to_string      (HelderReviewRole    role);
const char         *helder_review_role_to_label       (HelderReviewRole    role);
gboolean            helder_review_role_from_string    (const char         *text,
                                                       HelderReviewRole   *role);
const char         *helder_review_state_to_string     (HelderReviewState   state);
const char         *helder_review_state_to_label      (HelderReviewState   state);
const char         *helder_review_status_to_string    (HelderReviewStatus  status);

HelderReview       *helder_review_new                 (void);
void                helder_review_free                (HelderReview       *self);
gboolean            helder_review_is_broken           (HelderReview       *self);
gboolean            helder_review_get_modified        (HelderReview       *self);

GPtrArray          *helder_review_get_threads         (HelderReview       *self);
HelderReviewThread *helder_review_find_thread         (HelderReview       *self,
                                                       const char         *id);
HelderReviewThread *helder_review_add_thread          (HelderReview       *self,
                                                       const char         *page,
                                                       const char         *page_text,
                                                       HelderRange         range,
                                                       const char         *author,
                                                       HelderReviewRole    role,
                                                       const char         *text,
                                                       const char         *suggestion,
                                                       const char         *time);
/* helder_review_reply: (transfer none): the new comment, owned by @thread */
HelderReviewComment *helder_review_reply              (HelderReview       *self,
                                                       HelderReviewThread *thread,
                                                       const char         *author,
                                                       HelderReviewRole    role,
                                                       const char         *text,
                                                       const char         *time);
void                helder_review_set_status          (HelderReview       *self,
                                                       HelderReviewThread *thread,
                                                       HelderReviewStatus  status,
                                                       const char         *time);
gboolean            helder_review_locate_suggestion   (HelderReviewThread *thread,
                                                       const char         *page_text,
                                                       HelderRange        *range,
                                                       GError            **error);
void                helder_review_record_accepted     (HelderReview       *self,
                                                       HelderReviewThread *thread,
                                                       const char         *time);
gboolean            helder_review_follow_saved_text   (HelderReview       *self,
                                                       const char         *page,
                                                       const char         *page_text,
                                                       const char         *time);
/* helder_review_accept_suggestion: (transfer full): the caller frees the text with g_free() */
char               *helder_review_accept_suggestion   (HelderReview       *self,
                                                       HelderReviewThread *thread,
                                                       const char         *page_text,
                                                       const char         *time,
                                                       GError            **error);
gboolean            helder_review_reject_suggestion   (HelderReview       *self,
                                                       HelderReviewThread *thread,
                                                       const char         *author,
                                                       HelderReviewRole    role,
                                                       const char         *note,
                                                       const char         *time,
                                                       GError            **error);
HelderAnchorMatch   helder_review_anchor              (HelderReviewThread *thread,
                                                       const char         *page_text,
                                                       HelderRange        *range);

GPtrArray          *helder_review_get_pages           (HelderReview       *self);
void                helder_review_rename_page         (HelderReview       *self,
                                                       const char         *course_path,
                                                       const char         *old_file,
                                                       const char         *new_file);
HelderReviewPage   *helder_review_find_page           (HelderReview       *self,
                                                       const char         *page);
HelderReviewState   helder_review_get_state           (HelderReview       *self,
                                                       const char         *page,
                                                       HelderReviewRole    role);
gboolean            helder_review_start_round         (HelderReview       *self,
                                                       const char         *page,
                                                       const char         *page_text,
                                                       const char         *author,
                                                       const char         *time,
                                                       GError            **error);
gboolean            helder_review_set_state           (HelderReview       *self,
                                                       const char         *page,
                                                       HelderReviewRole    role,
                                                       HelderReviewState   state,
                                                       const char         *author,
                                                       const char         *page_text,
                                                       const char         *time,
                                                       GError            **error);
gboolean            helder_review_approval_is_current (HelderReview       *self,
                                                       const char         *page,
                                                       HelderReviewRole    role,
                                                       const char         *page_text);
char               *helder_review_dup_approved_text   (HelderReview       *self,
                                                       const char         *course_path,
                                                       const char         *page,
                                                       GError            **error);
/* helder_review_hash_text: (transfer full): the caller frees the text with g_free() */
char               *helder_review_hash_text           (const char         *text);
/* helder_review_now: (transfer full): the caller frees the text with g_free() */
char               *helder_review_now                 (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderReview, helder_review_free)

G_END_DECLS

#include "helder-review-json.h"
#include "helder-review-merge.h"
