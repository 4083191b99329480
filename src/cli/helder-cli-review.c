/* helder-cli-review.c
 *
 * helder-cli review COURSE: the open threads, where they stand, the page
 * states per role and the orphaned threads; with --add-comment, --submit,
 * --approve, --request-changes or --resolve it also records a step of the
 * review. helder-cli review-report COURSE --format html|csv -o PATH
 * writes the report for the programme manager.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "helder-cli.h"
#include "helder-json-members.h"
#include "helder-output.h"
#include "helder-review-report.h"
#include "helder-team-lock.h"

static HelderReview *
load_review (HelderCourse *course)
{
  g_autoptr(GPtrArray) diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  HelderReview *review = helder_review_load (helder_course_get_path (course), diagnostics);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *line = helder_diagnostic_to_string (g_ptr_array_index (diagnostics, i));

      g_printerr ("%s\n", line);
    }
  return review;
}

static void
print_text (HelderCourse *course,
            HelderReview *review,
            GArray       *places)
{
  GPtrArray *pages = helder_review_get_pages (review);
  guint n_open = 0;
  guint n_orphaned = 0;

  g_print ("%s\n", _("Open threads:"));
  for (guint i = 0; i < places->len; i++)
    {
      const HelderReviewPlace *place = &g_array_index (places, HelderReviewPlace, i);
      const HelderReviewThread *thread = place->thread;
      const HelderReviewComment *first = thread->comments->len > 0 ? g_ptr_array_index (thread->comments, 0) : NULL;

      if (thread->status != HELDER_REVIEW_STATUS_OPEN)
        continue;
      n_open++;
      if (place->match == HELDER_ANCHOR_ORPHANED)
        {
          n_orphaned++;
          g_print ("  %s: %s: “%s”", thread->page, _("orphaned"), thread->quote.exact);
        }
      else
        g_print ("  %s:%u:%u: “%s”", thread->page, place->line, place->column, thread->quote.exact);
      if (first != NULL)
        g_print (" — %s (%s): %s", first->author, helder_review_role_to_label (first->role), first->text);
      if (thread->suggestion != NULL)
        g_print (" [%s “%s”]", _("suggestion:"), thread->suggestion);
      if (thread->comments->len > 1)
        g_print (" (%s)", g_dngettext (GETTEXT_PACKAGE, "%u reply", "%u replies", thread->comments->len - 1));
      g_print ("\n");
    }
  if (n_open == 0)
    g_print ("  %s\n", _("none"));

  g_print ("\n%s\n", _("Page states:"));
  for (guint i = 0; i < pages->len; i++)
    {
      const HelderReviewPage *entry = g_ptr_array_index (pages, i);
      HelderPage *page = helder_course_find_page (course, entry->page);

      g_print ("  %s (", entry->page);
      g_print (_("round %u"), entry->round);
      g_print (")\n");
      for (guint r = 0; r < HELDER_N_REVIEW_ROLES; r++)
        {
          const HelderReviewSignoff *signoff = &entry->roles[r];

          if (signoff->time == NULL)
            continue;
          g_print ("    %-24s %s", helder_review_role_to_label (r),
                   helder_review_state_to_label (signoff->state));
          if (signoff->state == HELDER_REVIEW_STATE_APPROVED && page != NULL &&
              !helder_review_approval_is_current (review, entry->page, r, helder_page_get_text (page)))
            g_print (" (%s)", _("changed since approval"));
          g_print (" — %s, %s\n", signoff->author != NULL ? signoff->author : "", signoff->time);
        }
    }
  if (pages->len == 0)
    g_print ("  %s\n", _("none"));

  g_print ("\n");
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u open thread, ", "%u open threads, ", n_open), n_open);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u orphaned", "%u orphaned", n_orphaned), n_orphaned);
  g_print ("\n");
}

static void
print_json (HelderCourse *course,
            HelderReview *review,
            GArray       *places)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  GPtrArray *pages = helder_review_get_pages (review);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "threads");
  json_builder_begin_array (builder);
  for (guint i = 0; i < places->len; i++)
    {
      const HelderReviewPlace *place = &g_array_index (places, HelderReviewPlace, i);
      const HelderReviewThread *thread = place->thread;
      static const char * const matches[] = { "orphaned", "exact", "fuzzy" };

      json_builder_begin_object (builder);
      helder_json_add_string (builder, "id", thread->id);
      helder_json_add_string (builder, "page", thread->page);
      helder_json_add_string (builder, "status", helder_review_status_to_string (thread->status));
      helder_json_add_string (builder, "anchor", matches[place->match]);
      helder_json_add_bool (builder, "orphaned", place->match == HELDER_ANCHOR_ORPHANED);
      helder_json_add_int (builder, "line", place->line);
      helder_json_add_int (builder, "column", place->column);
      helder_json_add_string (builder, "quote", thread->quote.exact);
      helder_json_add_string (builder, "suggestion", thread->suggestion);
      json_builder_set_member_name (builder, "comments");
      json_builder_begin_array (builder);
      for (guint c = 0; c < thread->comments->len; c++)
        {
          const HelderReviewComment *comment = g_ptr_array_index (thread->comments, c);

          json_builder_begin_object (builder);
          helder_json_add_string (builder, "id", comment->id);
          helder_json_add_string (builder, "author", comment->author);
          helder_json_add_string (builder, "role", helder_review_role_to_string (comment->role));
          helder_json_add_string (builder, "time", comment->time);
          helder_json_add_string (builder, "text", comment->text);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "pages");
  json_builder_begin_array (builder);
  for (guint i = 0; i < pages->len; i++)
    {
      const HelderReviewPage *entry = g_ptr_array_index (pages, i);
      HelderPage *page = helder_course_find_page (course, entry->page);

      json_builder_begin_object (builder);
      helder_json_add_string (builder, "page", entry->page);
      helder_json_add_int (builder, "round", entry->round);
      json_builder_set_member_name (builder, "roles");
      json_builder_begin_object (builder);
      for (guint r = 0; r < HELDER_N_REVIEW_ROLES; r++)
        {
          const HelderReviewSignoff *signoff = &entry->roles[r];

          json_builder_set_member_name (builder, helder_review_role_to_string (r));
          json_builder_begin_object (builder);
          helder_json_add_string (builder, "state", helder_review_state_to_string (signoff->state));
          helder_json_add_string (builder, "author", signoff->author);
          helder_json_add_string (builder, "time", signoff->time);
          if (signoff->state == HELDER_REVIEW_STATE_APPROVED)
            helder_json_add_bool (builder, "current",
                                  page != NULL &&
                                  helder_review_approval_is_current (review, entry->page, r,
                                                                     helder_page_get_text (page)));
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "orphaned");
  json_builder_begin_array (builder);
  for (guint i = 0; i < places->len; i++)
    {
      const HelderReviewPlace *place = &g_array_index (places, HelderReviewPlace, i);

      if (place->match == HELDER_ANCHOR_ORPHANED)
        json_builder_add_string_value (builder, place->thread->id);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  helder_cli_print_json (root);
}

typedef struct
{
  char     *add_comment;
  char     *quote;
  char     *text;
  char     *suggestion;
  char     *author;
  char     *role;
  char     *submit;
  char     *approve;
  char     *request_changes;
  char     *resolve;
  char     *reply;
  char     *accept;
  char     *reject;
} Step;

static void
step_clear (Step *step)
{
  g_free (step->add_comment);
  g_free (step->quote);
  g_free (step->text);
  g_free (step->suggestion);
  g_free (step->author);
  g_free (step->role);
  g_free (step->submit);
  g_free (step->approve);
  g_free (step->request_changes);
  g_free (step->resolve);
  g_free (step->reply);
  g_free (step->accept);
  g_free (step->reject);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Step, step_clear)

static void
print_error (const char *message)
{
  g_printerr ("helder-cli: %s\n", message);
}

static HelderPage *
find_page_or_complain (HelderCourse *course,
                       const char   *file)
{
  HelderPage *page = helder_course_find_page (course, file);

  if (page == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a page of the course; give the page file as "
                           "module/page.md (see helder-cli info)"), file);

      print_error (message);
    }
  return page;
}

/* Puts the thread's suggestion in place of its passage and saves the
 * page (atomically, as every save does) before the review records the
 * thread as accepted: the two files never disagree.
 */
static gboolean
accept_suggestion (HelderCourse        *course,
                   HelderReview        *review,
                   HelderReviewThread  *thread,
                   GError             **error)
{
  HelderPage *page = helder_course_find_page (course, thread->page);
  g_autofree char *text = NULL;

  if (page == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("the page %s of this thread is no longer in the course; reject the "
                     "suggestion or resolve the thread"), thread->page);
      return FALSE;
    }
  text = helder_review_accept_suggestion (review, thread, helder_page_get_text (page), NULL, error);
  if (text == NULL)
    return FALSE;
  helder_page_set_text (page, text, -1);

  return helder_course_save (course, error);
}

/* Records one step of the review; returns an exit status. */
static int
record_step (HelderCourse *course,
             HelderReview *review,
             const Step   *step)
{
  g_autoptr(GError) error = NULL;
  HelderReviewRole role;
  HelderPage *page;
  const char *file;
  const char *thread_id;
  gboolean done = FALSE;

  if (step->author == NULL || step->role == NULL)
    {
      print_error (_("give --author NAME and --role ROLE with this step"));
      return HELDER_EXIT_UNUSABLE;
    }
  if (!helder_review_role_from_string (step->role, &role))
    {
      print_error (_("--role must be content-expert, communications-adviser, didactics-lead or "
                     "programme-manager"));
      return HELDER_EXIT_UNUSABLE;
    }

  thread_id = step->resolve != NULL ? step->resolve :
              step->reply != NULL ? step->reply :
              step->accept != NULL ? step->accept : step->reject;
  if (thread_id != NULL)
    {
      HelderReviewThread *thread = helder_review_find_thread (review, thread_id);

      if (thread == NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("there is no thread with id “%s”; see helder-cli review --json"),
                             thread_id);

          print_error (message);
          return HELDER_EXIT_UNUSABLE;
        }
      if (step->reply != NULL && (step->text == NULL || step->text[0] == '\0'))
        {
          print_error (_("--reply needs --text TEXT (the reply)"));
          return HELDER_EXIT_UNUSABLE;
        }
      if (step->reply != NULL || (step->resolve != NULL && step->text != NULL))
        helder_review_reply (review, thread, step->author, role, step->text, NULL);
      if (step->resolve != NULL)
        helder_review_set_status (review, thread, HELDER_REVIEW_STATUS_RESOLVED, NULL);
      else if (step->reject != NULL &&
               !helder_review_reject_suggestion (review, thread, step->author, role, step->text,
                                                 NULL, &error))
        {
          print_error (error->message);
          return HELDER_EXIT_UNUSABLE;
        }
      else if (step->accept != NULL && !accept_suggestion (course, review, thread, &error))
        {
          print_error (error->message);
          return HELDER_EXIT_UNUSABLE;
        }
      done = TRUE;
    }

  file = step->add_comment != NULL ? step->add_comment :
         step->submit != NULL ? step->submit :
         step->approve != NULL ? step->approve : step->request_changes;
  if (file != NULL)
    {
      page = find_page_or_complain (course, file);
      if (page == NULL)
        return HELDER_EXIT_UNUSABLE;

      if (step->add_comment != NULL)
        {
          const char *text = helder_page_get_text (page);
          const char *hit;
          HelderRange range;

          if (step->quote == NULL || step->quote[0] == '\0' || step->text == NULL)
            {
              print_error (_("--add-comment needs --quote TEXT (a passage of the page) and "
                             "--text TEXT (the comment)"));
              return HELDER_EXIT_UNUSABLE;
            }
          hit = strstr (text, step->quote);
          if (hit == NULL)
            {
              g_autofree char *message =
                g_strdup_printf (_("“%s” is not on %s; quote the passage exactly as it is "
                                   "written"), step->quote, file);

              print_error (message);
              return HELDER_EXIT_UNUSABLE;
            }
          range.start = hit - text;
          range.end = range.start + strlen (step->quote);
          helder_review_add_thread (review, file, text, range, step->author, role, step->text,
                                    step->suggestion, NULL);
        }
      else if (step->submit != NULL)
        done = helder_review_start_round (review, file, helder_page_get_text (page),
                                          step->author, NULL, &error);
      else
        done = helder_review_set_state (review, file, role,
                                        step->approve != NULL ? HELDER_REVIEW_STATE_APPROVED
                                                              : HELDER_REVIEW_STATE_CHANGES_REQUESTED,
                                        step->author, helder_page_get_text (page), NULL, &error);
      if (error != NULL)
        {
          print_error (error->message);
          return HELDER_EXIT_UNUSABLE;
        }
      done = TRUE;
    }

  if (!done)
    return HELDER_EXIT_OK;

  if (!helder_review_save (review, helder_course_get_path (course), &error))
    {
      print_error (error->message);
      return HELDER_EXIT_UNUSABLE;
    }
  return HELDER_EXIT_OK;
}

int
helder_cli_review (int    argc,
                   char **argv)
{
  g_autoptr(HelderCourse) course = NULL;
  g_autoptr(HelderReview) review = NULL;
  g_autoptr(GArray) places = NULL;
  g_autoptr(HelderTeamLock) lock = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Step) step = { 0 };
  gboolean json = FALSE;
  guint n_steps;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the review as JSON"), NULL },
    { "add-comment", 0, 0, G_OPTION_ARG_STRING, &step.add_comment,
      N_("Start a thread on a passage of this page (with --quote and --text)"), N_("FILE") },
    { "quote", 0, 0, G_OPTION_ARG_STRING, &step.quote, N_("The passage, exactly as on the page"), N_("TEXT") },
    { "text", 0, 0, G_OPTION_ARG_STRING, &step.text, N_("The comment"), N_("TEXT") },
    { "suggest", 0, 0, G_OPTION_ARG_STRING, &step.suggestion,
      N_("Suggest this text in place of the passage"), N_("TEXT") },
    { "submit", 0, 0, G_OPTION_ARG_STRING, &step.submit,
      N_("Put this page into a new review round"), N_("FILE") },
    { "approve", 0, 0, G_OPTION_ARG_STRING, &step.approve,
      N_("Approve this page for your role"), N_("FILE") },
    { "request-changes", 0, 0, G_OPTION_ARG_STRING, &step.request_changes,
      N_("Ask for changes to this page for your role"), N_("FILE") },
    { "resolve", 0, 0, G_OPTION_ARG_STRING, &step.resolve,
      N_("Resolve the thread with this id (with --text: reply first)"), N_("ID") },
    { "reply", 0, 0, G_OPTION_ARG_STRING, &step.reply,
      N_("Reply to the thread with this id (with --text)"), N_("ID") },
    { "accept", 0, 0, G_OPTION_ARG_STRING, &step.accept,
      N_("Accept the suggestion of the thread with this id: the page gets the new wording"),
      N_("ID") },
    { "reject", 0, 0, G_OPTION_ARG_STRING, &step.reject,
      N_("Reject the suggestion of the thread with this id (with --text: say why)"), N_("ID") },
    { "author", 0, 0, G_OPTION_ARG_STRING, &step.author, N_("Your name"), N_("NAME") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &step.role,
      N_("Your role: content-expert, communications-adviser, didactics-lead or programme-manager"),
      N_("ROLE") },
    { NULL }
  };

  if (!helder_cli_parse_options (_("COURSE — open threads, page states per role, orphaned threads"),
                                 entries,
                                 _("The review lives in review.json in the course folder; "
                                   "see docs/review.md."),
                                 &argc, &argv))
    return HELDER_EXIT_UNUSABLE;

  n_steps = (step.add_comment != NULL) + (step.submit != NULL) + (step.approve != NULL) +
            (step.request_changes != NULL) + (step.resolve != NULL) + (step.reply != NULL) +
            (step.accept != NULL) + (step.reject != NULL);
  if (n_steps > 1)
    {
      print_error (_("give one of --add-comment, --reply, --accept, --reject, --resolve, "
                     "--submit, --approve and --request-changes at a time"));
      return HELDER_EXIT_UNUSABLE;
    }

  course = helder_cli_load_course (argc, argv, n_steps == 1);
  if (course == NULL)
    return HELDER_EXIT_UNUSABLE;

  /* A step reads review.json, changes it and writes it back while holding
   * the course's lock, so parallel writers never lose each other's steps.
   */
  if (n_steps == 1)
    {
      lock = helder_team_lock_acquire (helder_course_get_path (course), &error);
      if (lock == NULL)
        {
          print_error (error->message);
          return HELDER_EXIT_UNUSABLE;
        }
    }

  review = load_review (course);
  if (helder_review_is_broken (review))
    return HELDER_EXIT_FINDINGS;

  if (n_steps == 1)
    {
      status = record_step (course, review, &step);
      if (status != HELDER_EXIT_OK)
        return status;
    }

  places = helder_review_place_threads (course, review);
  if (json)
    print_json (course, review, places);
  else
    print_text (course, review, places);
  return HELDER_EXIT_OK;
}

int
helder_cli_review_report (int    argc,
                          char **argv)
{
  g_autoptr(HelderCourse) course = NULL;
  g_autoptr(HelderReview) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *report = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("html or csv"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to this file"), N_("PATH") },
    { NULL }
  };

  if (!helder_cli_parse_options (_("COURSE — the review report: state per role and threads per page"),
                                 entries,
                                 NULL,
                                 &argc, &argv))
    return HELDER_EXIT_UNUSABLE;
  if (format == NULL || (!g_str_equal (format, "html") && !g_str_equal (format, "csv")) ||
      output == NULL)
    {
      print_error (_("give --format html or --format csv, and -o PATH"));
      return HELDER_EXIT_UNUSABLE;
    }

  course = helder_cli_load_course (argc, argv, FALSE);
  if (course == NULL)
    return HELDER_EXIT_UNUSABLE;
  review = load_review (course);
  if (helder_review_is_broken (review))
    return HELDER_EXIT_FINDINGS;

  report = g_str_equal (format, "html") ? helder_review_report_html (course, review)
                                        : helder_review_report_csv (course, review);
  if (!helder_output_write (output, helder_course_get_path (course), report, -1, &error))
    {
      print_error (error->message);
      return HELDER_EXIT_UNUSABLE;
    }
  return HELDER_EXIT_OK;
}
