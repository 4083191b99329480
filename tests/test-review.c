/* test-review.c
 *
 * The review model: anchoring after edits, suggestions, page states and
 * approval hashes, the word diff, merging two versions of review.json
 * (also from git's conflict markers), and located messages for broken
 * files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "helder-diagnostic.h"
#include "helder-review.h"
#include "helder-test-utils.h"
#include "helder-word-diff.h"

#define PAGE "02-praktijk/01-test.md"
#define AUTHOR "Sanne de Vries"
#define ADVISER HELDER_REVIEW_ROLE_COMMUNICATIONS_ADVISER

static const char page_text[] =
  "# AI bij de gemeente\n"
  "\n"
  "De gemeente doet veel verschillende dingen. Ze haalt afval op en onderhoudt wegen.\n"
  "\n"
  "Bij elk voorbeeld lees je wat goed gaat. En wat kan misgaan.\n"
  "\n"
  "Tot slot een vraag aan jou. En wat kan misgaan.\n";

static const char passage[] = "Ze haalt afval op en onderhoudt wegen.";

static HelderRange
range_of (const char *text,
          const char *needle,
          guint       occurrence)
{
  const char *hit = text;
  HelderRange range;

  for (guint i = 0; i <= occurrence; i++)
    {
      hit = strstr (i == 0 ? hit : hit + 1, needle);
      g_assert_nonnull (hit);
    }
  range.start = hit - text;
  range.end = range.start + strlen (needle);
  return range;
}

static char *
replace (const char *text,
         const char *from,
         const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, 2);

  g_assert_nonnull (parts[1]);
  return g_strjoin (to, parts[0], parts[1], NULL);
}

static char *
range_text (const char  *text,
            HelderRange  range)
{
  return g_strndup (text + range.start, range.end - range.start);
}

static HelderReviewThread *
add_thread (HelderReview *review,
            const char   *quote,
            guint         occurrence,
            const char   *suggestion)
{
  return helder_review_add_thread (review, PAGE, page_text, range_of (page_text, quote, occurrence),
                                   AUTHOR, ADVISER, "Kan dit korter?", suggestion,
                                   "2025-03-04T10:00:00Z");
}

static void
assert_anchor (HelderReviewThread *thread,
               const char         *edited,
               HelderAnchorMatch   expected_match,
               const char         *expected_text)
{
  HelderRange range;
  HelderAnchorMatch match = helder_review_anchor (thread, edited, &range);
  g_autofree char *found = NULL;

  g_assert_cmpint (match, ==, expected_match);
  if (match == HELDER_ANCHOR_ORPHANED)
    return;
  found = range_text (edited, range);
  g_assert_cmpstr (found, ==, expected_text);
}

static void
test_anchor_edits (void)
{
  g_autoptr(HelderReview) review = helder_review_new ();
  HelderReviewThread *thread = add_thread (review, passage, 0, NULL);
  struct {
    const char       *from;
    const char       *to;
    HelderAnchorMatch match;
    const char       *expected;
  } edits[] = {
    /* before the passage */
    { "De gemeente doet", "Onze mooie gemeente doet", HELDER_ANCHOR_EXACT, passage },
    { "veel verschillende ", "", HELDER_ANCHOR_EXACT, passage },
    { "# AI bij de gemeente\n\n", "", HELDER_ANCHOR_EXACT, passage },
    /* after the passage */
    { "wegen.\n", "wegen. Ook zorgt ze voor groen.\n", HELDER_ANCHOR_EXACT, passage },
    { "\n\nBij elk voorbeeld", "Bij elk voorbeeld", HELDER_ANCHOR_EXACT, passage },
    /* inside the passage */
    { "haalt afval", "haalt elke week afval", HELDER_ANCHOR_FUZZY,
      "Ze haalt elke week afval op en onderhoudt wegen." },
    { "afval op en", "afval en", HELDER_ANCHOR_FUZZY, "Ze haalt afval en onderhoudt wegen." },
    { "onderhoudt wegen", "onderhoudt de wegen", HELDER_ANCHOR_FUZZY,
      "Ze haalt afval op en onderhoudt de wegen." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *edited = replace (page_text, edits[i].from, edits[i].to);

      g_test_message ("edit %u: “%s” → “%s”", i, edits[i].from, edits[i].to);
      assert_anchor (thread, edited, edits[i].match, edits[i].expected);
    }

  /* Edits before, inside and after at once. */
  {
    g_autofree char *a = replace (page_text, "De gemeente", "Jouw gemeente");
    g_autofree char *b = replace (a, "op en", "op, en");
    g_autofree char *c = replace (b, "Bij elk", "Bij ieder");

    assert_anchor (thread, c, HELDER_ANCHOR_FUZZY, "Ze haalt afval op, en onderhoudt wegen.");
  }
}

static void
test_anchor_moved (void)
{
  g_autoptr(HelderReview) review = helder_review_new ();
  HelderReviewThread *thread = add_thread (review, passage, 0, NULL);
  g_autofree char *removed = replace (page_text, " Ze haalt afval op en onderhoudt wegen.", "");
  g_autofree char *moved = replace (removed, "Tot slot een vraag aan jou.",
                                    "Tot slot een vraag aan jou. Ze haalt afval op en onderhoudt wegen.");
  HelderRange range;

  assert_anchor (thread, moved, HELDER_ANCHOR_EXACT, passage);
  helder_review_anchor (thread, moved, &range);
  g_assert_cmpuint (range.start, >, (gsize) (strstr (moved, "Tot slot") - moved));
}

static void
test_anchor_orphaned (void)
{
  g_autoptr(HelderReview) review = helder_review_new ();
  g_autoptr(GPtrArray) diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  g_autoptr(HelderReview) reread = NULL;
  g_autoptr(GBytes) bytes = NULL;
  HelderReviewThread *thread = add_thread (review, passage, 0, NULL);
  g_autofree char *deleted = replace (page_text, " Ze haalt afval op en onderhoudt wegen.", "");

  assert_anchor (thread, deleted, HELDER_ANCHOR_ORPHANED, NULL);

  /* An orphaned thread keeps its quote through a save. */
  bytes = helder_review_serialize (review);
  reread = helder_review_parse (bytes, diagnostics);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_cmpuint (helder_review_get_threads (reread)->len, ==, 1);
  thread = g_ptr_array_index (helder_review_get_threads (reread), 0);
  g_assert_cmpstr (thread->quote.exact, ==, passage);
  g_assert_cmpstr (thread->quote.prefix, ==, "doet veel verschillende dingen. ");
  assert_anchor (thread, deleted, HELDER_ANCHOR_ORPHANED, NULL);
}

static void
test_anchor_identical (void)
{
  g_autoptr(HelderReview) review = helder_review_new ();
  HelderReviewThread *second = add_thread (review, "En wat kan misgaan.", 1, NULL);
  HelderReviewThread *first = add_thread (review, "En wat kan misgaan.", 0, NULL);
  g_autofree char *edited = replace (page_text, "# AI bij de gemeente", "# AI bij onze gemeente, een inleiding");
  g_autofree char *edited2 = replace (edited, "Bij elk voorbeeld", "Bij ieder voorbeeld");
  HelderRange range;
  HelderRange expected = range_of (edited2, "En wat kan misgaan.", 1);

  g_assert_cmpint (helder_review_anchor (second, edited2, &range), ==, HELDER_ANCHOR_EXACT);
  g_assert_cmpuint (range.start, ==, expected.start);

  expected = range_of (edited2, "En wat kan misgaan.", 0);
  g_assert_cmpint (helder_review_anchor (first, edited2, &range), ==, HELDER_ANCHOR_EXACT);
  g_assert_cmpuint (range.start, ==, expected.start);

  /* With the first copy gone, its thread moves to the one left. */
  {
    g_autofree char *one = replace (edited2, "gaat. En wat kan misgaan.", "gaat.");

    expected = range_of (one, "En wat kan misgaan.", 0);
    g_assert_cmpint (helder_review_anchor (first, one, &range), ==, HELDER_ANCHOR_EXACT);
    g_assert_cmpuint (range.start, ==, expected.start);
  }
}

static void
test_suggestion (void)
{
  g_autoptr(HelderReview) review = helder_review_new ();
  g_autoptr(GError) error = NULL;
  HelderReviewThread *accepted = add_thread (review, "veel verschillende dingen", 0, "veel dingen");
  HelderReviewThread *rejected = add_thread (review, "Tot slot een vraag aan jou.", 0, "Een vraag.");
  HelderReviewThread *plain = add_thread (review, passage, 0, NULL);
  g_autofree char *edited = replace (page_text, "De gemeente", "Onze gemeente");
  g_autofree char *result = NULL;

  result = helder_review_accept_suggestion (review, accepted, edited, "2025-03-05T09:00:00Z", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (result, "Onze gemeente doet veel dingen. Ze haalt"));
  g_assert_cmpint (accepted->status, ==, HELDER_REVIEW_STATUS_RESOLVED);
  g_assert_cmpint (accepted->outcome, ==, HELDER_SUGGESTION_ACCEPTED);
  g_assert_cmpstr (accepted->status_time, ==, "2025-03-05T09:00:00Z");

  /* A second accept has nothing left to do. */
  g_assert_null (helder_review_accept_suggestion (review, accepted, result, NULL, &error));
  g_assert_error (error, HELDER_REVIEW_ERROR, HELDER_REVIEW_ERROR_NO_SUGGESTION);
  g_clear_error (&error);

  g_assert_true (helder_review_reject_suggestion (review, rejected, "Piet", HELDER_REVIEW_ROLE_CONTENT_EXPERT,
                                                  "De vraag is nodig voor de oefening.",
                                                  "2025-03-05T09:05:00Z", &error));
  g_assert_no_error (error);
  g_assert_cmpint (rejected->status, ==, HELDER_REVIEW_STATUS_RESOLVED);
  g_assert_cmpint (rejected->outcome, ==, HELDER_SUGGESTION_REJECTED);
  g_assert_cmpuint (rejected->comments->len, ==, 2);
  g_assert_cmpstr (((HelderReviewComment *) g_ptr_array_index (rejected->comments, 1))->text, ==,
                   "De vraag is nodig voor de oefening.");

  g_assert_false (helder_review_reject_suggestion (review, plain, "Piet", HELDER_REVIEW_ROLE_CONTENT_EXPERT,
                                                   NULL, NULL, &error));
  g_assert_error (error, HELDER_REVIEW_ERROR, HELDER_REVIEW_ERROR_NO_SUGGESTION);
  g_clear_error (&error);
  g_assert_cmpint (plain->status, ==, HELDER_REVIEW_STATUS_OPEN);

  /* A suggestion whose passage is gone cannot be applied. */
  {
    HelderReviewThread *gone = add_thread (review, passage, 0, "Ze haalt afval op.");
    g_autofree char *deleted = replace (page_text, " Ze haalt afval op en onderhoudt wegen.", "");

    g_assert_null (helder_review_accept_suggestion (review, gone, deleted, NULL, &error));
    g_assert_error (error, HELDER_REVIEW_ERROR, HELDER_REVIEW_ERROR_ORPHANED);
    g_assert_cmpint (gone->status, ==, HELDER_REVIEW_STATUS_OPEN);
  }
}

/* Undoing an accepted suggestion and saving opens the thread again;
 * redoing it (or typing the suggested words by hand) accepts it. The same
 * words elsewhere on the page change nothing.
 */
static void
test_follow_saved_text (void)
{
  g_autoptr(HelderReview) review = helder_review_new ();
  g_autoptr(GError) error = NULL;
  HelderReviewThread *thread = add_thread (review, "veel verschillende dingen", 0, "veel dingen");
  g_autofree char *accepted = NULL;
  g_autofree char *elsewhere = NULL;
  HelderRange range;

  g_assert_true (helder_review_locate_suggestion (thread, page_text, &range, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (range.end - range.start, ==, strlen ("veel verschillende dingen"));

  accepted = helder_review_accept_suggestion (review, thread, page_text, "2025-03-05T09:00:00Z",
                                              &error);
  g_assert_no_error (error);
  g_assert_false (helder_review_follow_saved_text (review, PAGE, accepted, NULL));
  g_assert_cmpint (thread->outcome, ==, HELDER_SUGGESTION_ACCEPTED);

  /* Another page's text says nothing about this thread. */
  g_assert_false (helder_review_follow_saved_text (review, "elders.md", page_text, NULL));

  /* Undone and saved: open again, with its suggestion. */
  g_assert_true (helder_review_follow_saved_text (review, PAGE, page_text, "2025-03-05T09:01:00Z"));
  g_assert_cmpint (thread->outcome, ==, HELDER_SUGGESTION_PENDING);
  g_assert_cmpint (thread->status, ==, HELDER_REVIEW_STATUS_OPEN);
  g_assert_false (helder_review_follow_saved_text (review, PAGE, page_text, NULL));

  /* Redone and saved: accepted again. */
  g_assert_true (helder_review_follow_saved_text (review, PAGE, accepted, "2025-03-05T09:02:00Z"));
  g_assert_cmpint (thread->outcome, ==, HELDER_SUGGESTION_ACCEPTED);
  g_assert_cmpint (thread->status, ==, HELDER_REVIEW_STATUS_RESOLVED);

  /* The old words added somewhere else leave the accepted thread as it is. */
  elsewhere = g_strconcat (accepted, "\nWe doen veel verschillende dingen.\n", NULL);
  g_assert_false (helder_review_follow_saved_text (review, PAGE, elsewhere, NULL));
  g_assert_cmpint (thread->outcome, ==, HELDER_SUGGESTION_ACCEPTED);
}

static void
test_states (void)
{
  g_autoptr(HelderReview) review = helder_review_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *edited = replace (page_text, "veel verschillende", "heel veel");
  HelderReviewPage *entry;

  g_assert_cmpint (helder_review_get_state (review, PAGE, ADVISER), ==, HELDER_REVIEW_STATE_DRAFT);

  /* A draft cannot be approved before it goes into review. */
  g_assert_false (helder_review_set_state (review, PAGE, ADVISER, HELDER_REVIEW_STATE_APPROVED,
                                           AUTHOR, page_text, NULL, &error));
  g_assert_error (error, HELDER_REVIEW_ERROR, HELDER_REVIEW_ERROR_TRANSITION);
  g_clear_error (&error);

  g_assert_true (helder_review_start_round (review, PAGE, page_text, "Piet", "2025-03-01T08:00:00Z", &error));
  g_assert_no_error (error);
  entry = helder_review_find_page (review, PAGE);
  g_assert_cmpuint (entry->round, ==, 1);
  for (guint r = 0; r < HELDER_N_REVIEW_ROLES; r++)
    g_assert_cmpint (entry->roles[r].state, ==, HELDER_REVIEW_STATE_IN_REVIEW);

  g_assert_true (helder_review_set_state (review, PAGE, ADVISER, HELDER_REVIEW_STATE_CHANGES_REQUESTED,
                                          AUTHOR, page_text, "2025-03-02T08:00:00Z", &error));
  g_assert_true (helder_review_set_state (review, PAGE, HELDER_REVIEW_ROLE_DIDACTICS_LEAD,
                                          HELDER_REVIEW_STATE_APPROVED, "Kees", page_text,
                                          "2025-03-02T09:00:00Z", &error));
  g_assert_no_error (error);
  g_assert_true (helder_review_approval_is_current (review, PAGE, HELDER_REVIEW_ROLE_DIDACTICS_LEAD, page_text));
  g_assert_false (helder_review_approval_is_current (review, PAGE, ADVISER, page_text));
  {
    g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, page_text, -1);

    g_assert_cmpstr (entry->roles[HELDER_REVIEW_ROLE_DIDACTICS_LEAD].sha256, ==, hash);
    g_assert_cmpstr (entry->approved_sha256, ==, hash);
  }

  /* An edit invalidates the approval; the next round keeps only current approvals. */
  g_assert_false (helder_review_approval_is_current (review, PAGE, HELDER_REVIEW_ROLE_DIDACTICS_LEAD, edited));
  g_assert_true (helder_review_start_round (review, PAGE, edited, "Piet", "2025-03-03T08:00:00Z", &error));
  g_assert_cmpuint (entry->round, ==, 2);
  g_assert_cmpint (entry->roles[HELDER_REVIEW_ROLE_DIDACTICS_LEAD].state, ==, HELDER_REVIEW_STATE_IN_REVIEW);
  g_assert_cmpint (entry->roles[ADVISER].state, ==, HELDER_REVIEW_STATE_IN_REVIEW);

  g_assert_true (helder_review_set_state (review, PAGE, ADVISER, HELDER_REVIEW_STATE_APPROVED,
                                          AUTHOR, edited, "2025-03-04T08:00:00Z", &error));
  g_assert_true (helder_review_approval_is_current (review, PAGE, ADVISER, edited));
  /* Nothing to start while every role is in review or approved as is. */
  g_assert_false (helder_review_start_round (review, PAGE, edited, "Piet", NULL, &error));
  g_assert_error (error, HELDER_REVIEW_ERROR, HELDER_REVIEW_ERROR_TRANSITION);
  g_clear_error (&error);

  /* The approved role stays approved in a round started without edits. */
  g_assert_true (helder_review_set_state (review, PAGE, HELDER_REVIEW_ROLE_DIDACTICS_LEAD,
                                          HELDER_REVIEW_STATE_CHANGES_REQUESTED, "Kees", edited,
                                          "2025-03-04T09:00:00Z", &error));
  g_assert_true (helder_review_start_round (review, PAGE, edited, "Piet", "2025-03-05T08:00:00Z", &error));
  g_assert_cmpint (entry->roles[ADVISER].state, ==, HELDER_REVIEW_STATE_APPROVED);
  g_assert_cmpuint (entry->round, ==, 3);

  /* Back to draft is not a step of the review. */
  g_assert_false (helder_review_set_state (review, PAGE, ADVISER, HELDER_REVIEW_STATE_DRAFT,
                                           AUTHOR, edited, NULL, &error));
  g_assert_error (error, HELDER_REVIEW_ERROR, HELDER_REVIEW_ERROR_TRANSITION);
}

static void
test_approved_text_and_diff (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *course = g_dir_make_tmp ("helder-review-XXXXXX", &error);
  g_autoptr(HelderReview) review = helder_review_new ();
  g_autoptr(HelderReview) reread = NULL;
  g_autoptr(GPtrArray) diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  g_autoptr(GPtrArray) segments = NULL;
  g_autofree char *approved = NULL;
  g_autofree char *file = NULL;
  g_autofree char *rendered = NULL;
  g_autofree char *edited = NULL;

  g_assert_no_error (error);
  edited = replace (page_text, "Ze haalt afval op en onderhoudt wegen.",
                    "Ze haalt elke week het afval op en onderhoudt wegen!");

  g_assert_true (helder_review_start_round (review, PAGE, page_text, "Piet", NULL, &error));
  g_assert_true (helder_review_set_state (review, PAGE, ADVISER, HELDER_REVIEW_STATE_APPROVED,
                                          AUTHOR, page_text, NULL, &error));
  g_assert_true (helder_review_save (review, course, &error));
  g_assert_no_error (error);

  file = g_build_filename (course, "review", "approved", "02-praktijk", "01-test.md", NULL);
  g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));

  reread = helder_review_load (course, diagnostics);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  approved = helder_review_dup_approved_text (reread, course, PAGE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (approved, ==, page_text);
  g_assert_true (helder_review_approval_is_current (reread, PAGE, ADVISER, page_text));
  g_assert_false (helder_review_approval_is_current (reread, PAGE, ADVISER, edited));

  segments = helder_word_diff (approved, edited);
  rendered = helder_word_diff_render (segments);
  g_assert_nonnull (strstr (rendered, "Ze haalt {+elke week het +}afval op en onderhoudt wegen[-.-]{+!+}\n"));
  g_assert_cmpuint (segments->len, ==, 6);
  g_assert_cmpint (((HelderDiffSegment *) g_ptr_array_index (segments, 0))->kind, ==, HELDER_DIFF_EQUAL);
  g_assert_cmpint (((HelderDiffSegment *) g_ptr_array_index (segments, 1))->kind, ==, HELDER_DIFF_INSERT);
  g_assert_cmpint (((HelderDiffSegment *) g_ptr_array_index (segments, 3))->kind, ==, HELDER_DIFF_DELETE);

  /* A tampered approved text is refused. */
  g_assert_true (g_file_set_contents (file, "iets anders", -1, NULL));
  g_clear_pointer (&approved, g_free);
  approved = helder_review_dup_approved_text (reread, course, PAGE, &error);
  g_assert_null (approved);
  g_assert_error (error, HELDER_REVIEW_ERROR, HELDER_REVIEW_ERROR_NO_APPROVAL);

  helder_test_remove_tree (course);
}

static void
test_diff_cases (void)
{
  struct { const char *old; const char *new; const char *expected; } cases[] = {
    { "", "", "" },
    { "", "Nieuw.", "{+Nieuw.+}" },
    { "Weg.", "", "[-Weg.-]" },
    { "Een twee drie.", "Een twee drie.", "Een twee drie." },
    { "Je moet dit formulier invullen.", "Vul dit formulier in.",
      "[-Je moet -]{+Vul +}dit formulier [-invullen-]{+in+}." },
    { "De aanvraag wordt beoordeeld.", "We beoordelen de aanvraag.",
      "[-De aanvraag wordt beoordeeld-]{+We beoordelen de aanvraag+}." },
    { "Lees de tekst. Klik daarna op Verder.", "Lees de tekst goed. Klik daarna op Verder.",
      "Lees de tekst{+ goed+}. Klik daarna op Verder." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) segments = helder_word_diff (cases[i].old, cases[i].new);
      g_autofree char *rendered = helder_word_diff_render (segments);

      g_assert_cmpstr (rendered, ==, cases[i].expected);
    }
}

static HelderReview *
reparse (HelderReview *review)
{
  g_autoptr(GPtrArray) diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  g_autoptr(GBytes) bytes = helder_review_serialize (review);
  HelderReview *copy = helder_review_parse (bytes, diagnostics);

  g_assert_cmpuint (diagnostics->len, ==, 0);
  return copy;
}

static guint
count_comments (HelderReview *review)
{
  GPtrArray *threads = helder_review_get_threads (review);
  guint n = 0;

  for (guint i = 0; i < threads->len; i++)
    n += ((HelderReviewThread *) g_ptr_array_index (threads, i))->comments->len;
  return n;
}

static void
test_merge (void)
{
  g_autoptr(HelderReview) base = helder_review_new ();
  g_autoptr(HelderReview) ours = NULL;
  g_autoptr(HelderReview) theirs = NULL;
  g_autoptr(HelderReview) merged = NULL;
  g_autoptr(HelderReview) merged3 = NULL;
  HelderReviewThread *shared;
  HelderReviewThread *thread;
  HelderReviewPage *entry;

  shared = add_thread (base, passage, 0, NULL);
  g_assert_true (helder_review_start_round (base, PAGE, page_text, "Piet", "2025-03-01T08:00:00Z", NULL));

  ours = reparse (base);
  theirs = reparse (base);

  /* Ours: a reply and a new thread; the adviser approves. */
  helder_review_reply (ours, helder_review_find_thread (ours, shared->id), "Piet",
                       HELDER_REVIEW_ROLE_CONTENT_EXPERT, "Aangepast.", "2025-03-05T10:00:00Z");
  add_thread (ours, "Tot slot een vraag aan jou.", 0, NULL);
  g_assert_true (helder_review_set_state (ours, PAGE, ADVISER, HELDER_REVIEW_STATE_APPROVED, AUTHOR,
                                          page_text, "2025-03-05T11:00:00Z", NULL));

  /* Theirs, at the same time: another reply, a resolve later, another thread. */
  helder_review_reply (theirs, helder_review_find_thread (theirs, shared->id), "Kees",
                       HELDER_REVIEW_ROLE_DIDACTICS_LEAD, "Eens.", "2025-03-05T09:00:00Z");
  helder_review_set_status (theirs, helder_review_find_thread (theirs, shared->id),
                            HELDER_REVIEW_STATUS_RESOLVED, "2025-03-05T12:00:00Z");
  add_thread (theirs, "Bij elk voorbeeld", 0, NULL);
  g_assert_true (helder_review_set_state (theirs, PAGE, HELDER_REVIEW_ROLE_DIDACTICS_LEAD,
                                          HELDER_REVIEW_STATE_CHANGES_REQUESTED, "Kees", page_text,
                                          "2025-03-05T10:30:00Z", NULL));

  merged = helder_review_merge (NULL, ours, theirs);
  g_assert_cmpuint (helder_review_get_threads (merged)->len, ==, 3);
  g_assert_cmpuint (count_comments (merged), ==, 5);
  thread = helder_review_find_thread (merged, shared->id);
  g_assert_cmpint (thread->status, ==, HELDER_REVIEW_STATUS_RESOLVED);
  /* Comments in time order, whichever side they came from. */
  g_assert_cmpstr (((HelderReviewComment *) g_ptr_array_index (thread->comments, 1))->text, ==, "Eens.");
  g_assert_cmpstr (((HelderReviewComment *) g_ptr_array_index (thread->comments, 2))->text, ==, "Aangepast.");
  entry = helder_review_find_page (merged, PAGE);
  g_assert_cmpint (entry->roles[ADVISER].state, ==, HELDER_REVIEW_STATE_APPROVED);
  g_assert_cmpint (entry->roles[HELDER_REVIEW_ROLE_DIDACTICS_LEAD].state, ==,
                   HELDER_REVIEW_STATE_CHANGES_REQUESTED);
  g_assert_nonnull (entry->approved_sha256);

  /* The merge is symmetric in what it keeps. */
  {
    g_autoptr(HelderReview) other_way = helder_review_merge (NULL, theirs, ours);

    g_assert_cmpuint (count_comments (other_way), ==, 5);
    g_assert_cmpint (helder_review_find_thread (other_way, shared->id)->status, ==,
                     HELDER_REVIEW_STATUS_RESOLVED);
  }

  /* With the base known, a comment deleted on one side stays deleted. */
  {
    HelderReviewThread *t = helder_review_find_thread (theirs, shared->id);

    g_ptr_array_remove_index (t->comments, 0);
    merged3 = helder_review_merge (base, ours, theirs);
    g_assert_cmpuint (count_comments (merged3), ==, 4);
    t = helder_review_find_thread (merged3, shared->id);
    g_assert_cmpuint (t->comments->len, ==, 2);
    g_assert_cmpstr (((HelderReviewComment *) g_ptr_array_index (t->comments, 0))->text, ==, "Eens.");
  }
}

static const char conflicted[] =
  "{\n"
  "  \"format\": 1,\n"
  "  \"threads\": [\n"
  "    {\n"
  "      \"id\": \"t1\",\n"
  "      \"page\": \"02-praktijk/01-test.md\",\n"
  "      \"target\": { \"exact\": \"Ze haalt afval op\", \"prefix\": \"\", \"suffix\": \"\", \"start\": 60 },\n"
  "      \"status\": \"open\",\n"
  "      \"statusTime\": \"2025-03-04T10:00:00Z\",\n"
  "      \"comments\": [\n"
  "        { \"id\": \"c1\", \"author\": \"Sanne\", \"role\": \"communications-adviser\", \"time\": \"2025-03-04T10:00:00Z\", \"text\": \"Kan dit korter?\" },\n"
  "<<<<<<< HEAD\n"
  "        { \"id\": \"c2\", \"author\": \"Piet\", \"role\": \"content-expert\", \"time\": \"2025-03-05T10:00:00Z\", \"text\": \"Ja, aangepast.\" }\n"
  "=======\n"
  "        { \"id\": \"c3\", \"author\": \"Kees\", \"role\": \"didactics-lead\", \"time\": \"2025-03-05T09:00:00Z\", \"text\": \"Eens.\" }\n"
  ">>>>>>> andere-laptop\n"
  "      ]\n"
  "    }\n"
  "  ]\n"
  "}\n";

static void
test_merge_conflict_markers (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *course = g_dir_make_tmp ("helder-review-XXXXXX", &error);
  g_autoptr(GPtrArray) diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  g_autoptr(GPtrArray) after = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  g_autoptr(HelderReview) review = NULL;
  g_autoptr(HelderReview) saved = NULL;
  const HelderDiagnostic *d;
  HelderReviewThread *thread;

  helder_test_write_file (course, "review.json", conflicted);
  review = helder_review_load (course, diagnostics);
  g_assert_false (helder_review_is_broken (review));
  g_assert_true (helder_review_get_modified (review));
  g_assert_cmpuint (diagnostics->len, ==, 1);
  d = g_ptr_array_index (diagnostics, 0);
  g_assert_cmpstr (d->rule, ==, "review-merged");
  g_assert_cmpint (d->severity, ==, HELDER_SEVERITY_WARNING);

  thread = helder_review_find_thread (review, "t1");
  g_assert_nonnull (thread);
  g_assert_cmpuint (thread->comments->len, ==, 3);
  g_assert_cmpstr (((HelderReviewComment *) g_ptr_array_index (thread->comments, 1))->id, ==, "c3");

  g_assert_true (helder_review_save (review, course, &error));
  g_assert_no_error (error);
  saved = helder_review_load (course, after);
  g_assert_cmpuint (after->len, ==, 0);
  g_assert_cmpuint (count_comments (saved), ==, 3);

  /* A broken side is reported at its line in the file itself. */
  {
    g_autofree char *broken = replace (conflicted, "\"role\": \"didactics-lead\"", "\"role\": \"chef\"");
    g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
    g_autoptr(HelderReview) bad = NULL;

    helder_test_write_file (course, "review.json", broken);
    bad = helder_review_load (course, found);
    g_assert_true (helder_review_is_broken (bad));
    g_assert_cmpuint (found->len, >=, 1);
    d = g_ptr_array_index (found, 0);
    g_assert_cmpstr (d->rule, ==, "review-role");
    g_assert_cmpuint (d->line, ==, 15);
  }

  helder_test_remove_tree (course);
}

/* Someone else writes a thread into review.json of the course in @dir;
 * returns its id.
 */
static const char *
write_thread_meanwhile (const char *dir)
{
  g_autoptr(GPtrArray) diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  g_autoptr(HelderReview) other = helder_review_load (dir, diagnostics);
  const char *id = g_intern_string (add_thread (other, passage, 0, NULL)->id);

  g_assert_true (helder_review_save (other, dir, NULL));
  return id;
}

/* A review kept open (the app's) is saved with what others wrote to
 * review.json meanwhile, and a thread someone removed since its last save
 * stays removed; a file broken meanwhile is never overwritten.
 */
static void
test_save_merged (void)
{
  g_autofree char *dir = helder_test_make_temp_dir ();
  g_autofree char *file = g_build_filename (dir, "review.json", NULL);
  g_autoptr(GPtrArray) diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  g_autoptr(HelderReview) open = helder_review_load (dir, diagnostics);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  HelderReviewThread *own;
  const char *own_id;
  const char *other_id;

  other_id = write_thread_meanwhile (dir);

  /* Saving merges: the thread objects are new ones afterwards. */
  own_id = g_intern_string (add_thread (open, "Bij elk voorbeeld", 0, NULL)->id);
  g_assert_true (helder_review_save_merged (open, dir, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (helder_review_get_threads (open)->len, ==, 2);
  g_assert_nonnull (helder_review_find_thread (open, other_id));
  {
    g_autoptr(HelderReview) saved = helder_review_load (dir, diagnostics);

    g_assert_cmpuint (helder_review_get_threads (saved)->len, ==, 2);
    g_assert_false (helder_review_get_modified (open));
  }

  /* Someone removes the other thread from the file; it stays removed. */
  {
    g_autoptr(HelderReview) other = helder_review_load (dir, diagnostics);

    g_ptr_array_remove (helder_review_get_threads (other), helder_review_find_thread (other, other_id));
    g_assert_true (helder_review_save (other, dir, NULL));
  }
  own = helder_review_find_thread (open, own_id);
  helder_review_reply (open, own, "Piet", HELDER_REVIEW_ROLE_CONTENT_EXPERT, "Gedaan.",
                       "2025-03-05T10:00:00Z");
  g_assert_true (helder_review_save_merged (open, dir, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (helder_review_get_threads (open)->len, ==, 1);
  g_assert_null (helder_review_find_thread (open, other_id));

  /* A file broken meanwhile is left as it is, with a located message. */
  g_assert_true (g_file_set_contents (file, "{ \"format\": 1, \"threads\": [\n", -1, NULL));
  own = g_ptr_array_index (helder_review_get_threads (open), 0);
  helder_review_reply (open, own, "Piet", HELDER_REVIEW_ROLE_CONTENT_EXPERT, "Nog iets.",
                       "2025-03-05T11:00:00Z");
  g_assert_true (g_file_get_contents (file, &before, NULL, NULL));
  g_assert_false (helder_review_save_merged (open, dir, &error));
  g_assert_error (error, HELDER_REVIEW_ERROR, HELDER_REVIEW_ERROR_BROKEN);
  g_assert_nonnull (strstr (error->message, "review.json:"));
  g_assert_true (g_file_get_contents (file, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  g_assert_true (helder_review_get_modified (open));

  helder_test_remove_tree (dir);
}

/* An open review takes in what others wrote, without writing itself. */
static void
test_refresh (void)
{
  g_autofree char *dir = helder_test_make_temp_dir ();
  g_autofree char *file = g_build_filename (dir, "review.json", NULL);
  g_autoptr(GPtrArray) diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  g_autoptr(HelderReview) open = helder_review_load (dir, diagnostics);
  g_autoptr(GError) error = NULL;
  gboolean changed = TRUE;
  const char *other_id;

  g_assert_true (helder_review_refresh (open, dir, &changed, &error));
  g_assert_false (changed);

  add_thread (open, "Bij elk voorbeeld", 0, NULL);
  other_id = write_thread_meanwhile (dir);
  g_assert_true (helder_review_refresh (open, dir, &changed, &error));
  g_assert_no_error (error);
  g_assert_true (changed);
  g_assert_cmpuint (helder_review_get_threads (open)->len, ==, 2);
  g_assert_nonnull (helder_review_find_thread (open, other_id));
  /* The unsaved thread of its own is still to be saved. */
  g_assert_true (helder_review_get_modified (open));
  {
    g_autoptr(HelderReview) saved = helder_review_load (dir, diagnostics);

    g_assert_cmpuint (helder_review_get_threads (saved)->len, ==, 1);
  }
  g_assert_true (helder_review_refresh (open, dir, &changed, &error));
  g_assert_false (changed);

  /* A broken file leaves the review as it was. */
  g_assert_true (g_file_set_contents (file, "{ \"format\": 1, \"threads\": [\n", -1, NULL));
  g_assert_false (helder_review_refresh (open, dir, &changed, &error));
  g_assert_error (error, HELDER_REVIEW_ERROR, HELDER_REVIEW_ERROR_BROKEN);
  g_assert_false (changed);
  g_assert_cmpuint (helder_review_get_threads (open)->len, ==, 2);

  helder_test_remove_tree (dir);
}

static void
test_broken (void)
{
  struct {
    const char *json;
    const char *rule;
    guint       line;
  } cases[] = {
    { "{\n  \"format\": 1,\n  \"threads\": [\n    {\"id\": \"a\",}\n  ]\n}\n", "format-json", 4 },
    { "{\n  \"threads\": []\n}\n", "review-format", 1 },
    { "{\n  \"format\": 7,\n  \"threads\": []\n}\n", "review-format", 2 },
    { "{\n  \"format\": 1,\n  \"threads\": {}\n}\n", "review-field-type", 3 },
    { "{\n  \"format\": 1,\n  \"threads\": [\n    {\n      \"id\": \"a\",\n      \"page\": \"m/p.md\",\n"
      "      \"target\": { \"exact\": \"x\" },\n      \"status\": \"dicht\",\n      \"comments\": []\n    }\n  ]\n}\n",
      "review-value", 8 },
    { "{\n  \"format\": 1,\n  \"threads\": [\n    {\n      \"id\": \"a\",\n      \"page\": \"../geheim.md\",\n"
      "      \"target\": { \"exact\": \"x\" },\n      \"status\": \"open\",\n      \"comments\": []\n    }\n  ]\n}\n",
      "review-page", 6 },
    { "{\n  \"format\": 1,\n  \"threads\": [\n    {\n      \"id\": \"a\",\n      \"page\": \"m/p.md\",\n"
      "      \"target\": { \"exact\": \"x\" },\n      \"status\": \"open\",\n      \"comments\": [\n"
      "        { \"id\": \"c\", \"author\": \"A\", \"role\": \"content-expert\", \"time\": \"gisteren\", \"text\": \"t\" }\n"
      "      ]\n    }\n  ]\n}\n",
      "review-time", 10 },
    { "{\n  \"format\": 1,\n  \"pages\": {\n    \"m/p.md\": { \"round\": 1, \"roles\": { \"didactics-lead\": { \"state\": \"klaar\" } } }\n  }\n}\n",
      "review-value", 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].json, strlen (cases[i].json));
      g_autoptr(HelderReview) review = helder_review_parse (bytes, diagnostics);
      g_autoptr(GError) error = NULL;
      const HelderDiagnostic *d;

      g_test_message ("case %u", i);
      g_assert_true (helder_review_is_broken (review));
      g_assert_cmpuint (diagnostics->len, >=, 1);
      d = g_ptr_array_index (diagnostics, 0);
      g_assert_cmpstr (d->rule, ==, cases[i].rule);
      g_assert_cmpstr (d->file, ==, "review.json");
      g_assert_cmpint (d->severity, ==, HELDER_SEVERITY_ERROR);
      g_assert_cmpuint (d->line, ==, cases[i].line);
      g_assert_cmpuint (strlen (d->message), >, 20);

      /* Never saved over: that would drop what could not be read. */
      g_assert_false (helder_review_save (review, "/nonexistent", &error));
      g_assert_error (error, HELDER_REVIEW_ERROR, HELDER_REVIEW_ERROR_BROKEN);
    }
}

static void
test_round_trip (void)
{
  static const char with_unknown[] =
    "{\n  \"format\": 1,\n  \"tool\": \"x\",\n  \"threads\": [\n    {\n      \"id\": \"a\",\n"
    "      \"page\": \"m/p.md\",\n      \"target\": { \"exact\": \"x\", \"prefix\": \"\", \"suffix\": \"\", \"start\": 3 },\n"
    "      \"status\": \"open\",\n      \"label\": \"taal\",\n      \"comments\": []\n    }\n  ]\n}\n";
  g_autoptr(GPtrArray) diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  g_autoptr(GBytes) bytes = g_bytes_new_static (with_unknown, strlen (with_unknown));
  g_autoptr(HelderReview) review = helder_review_parse (bytes, diagnostics);
  g_autoptr(HelderReview) again = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  const char *text;

  g_assert_cmpuint (diagnostics->len, ==, 0);
  first = helder_review_serialize (review);
  text = g_bytes_get_data (first, NULL);
  g_assert_nonnull (strstr (text, "\"tool\" : \"x\""));
  g_assert_nonnull (strstr (text, "\"label\" : \"taal\""));
  again = helder_review_parse (first, diagnostics);
  second = helder_review_serialize (again);
  g_assert_true (g_bytes_equal (first, second));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/review/anchor/edits", test_anchor_edits);
  g_test_add_func ("/review/anchor/moved", test_anchor_moved);
  g_test_add_func ("/review/anchor/orphaned", test_anchor_orphaned);
  g_test_add_func ("/review/anchor/identical", test_anchor_identical);
  g_test_add_func ("/review/suggestion", test_suggestion);
  g_test_add_func ("/review/follow-saved-text", test_follow_saved_text);
  g_test_add_func ("/review/states", test_states);
  g_test_add_func ("/review/approved-text-and-diff", test_approved_text_and_diff);
  g_test_add_func ("/review/diff", test_diff_cases);
  g_test_add_func ("/review/merge", test_merge);
  g_test_add_func ("/review/merge-conflict-markers", test_merge_conflict_markers);
  g_test_add_func ("/review/save-merged", test_save_merged);
  g_test_add_func ("/review/refresh", test_refresh);
  g_test_add_func ("/review/broken", test_broken);
  g_test_add_func ("/review/round-trip", test_round_trip);

  return g_test_run ();
}
