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

#include "helder-json-document.h"
#include "helder-line-map.h"
#include "helder-review.h"
#include "helder-save-transaction.h"

struct _HelderReview
{
  GPtrArray  *threads;        /* of HelderReviewThread* */
  GPtrArray  *pages;          /* of HelderReviewPage* */
  GHashTable *approved_texts; /* page → approved text not yet written */
  JsonObject *unknown;
  gboolean    broken;
  gboolean    modified;
};

G_DEFINE_QUARK (helder-review-error-quark, helder_review_error)

static const char * const role_names[] = {
  "content-expert", "communications-adviser", "didactics-lead", "programme-manager",
};
static const char * const role_labels[] = {
  N_("content expert"), N_("communications adviser"), N_("didactics lead"),
  N_("programme manager"),
};
static const char * const state_names[] = {
  "draft", "in-review", "changes-requested", "approved",
};
static const char * const state_labels[] = {
  N_("draft"), N_("in review"), N_("changes requested"), N_("approved"),
};
static const char * const status_names[] = { "open", "resolved" };
static const char * const outcome_names[] = { "pending", "accepted", "rejected" };

G_STATIC_ASSERT (G_N_ELEMENTS (role_names) == HELDER_N_REVIEW_ROLES);
G_STATIC_ASSERT (G_N_ELEMENTS (state_names) == HELDER_N_REVIEW_STATES);

const char *
helder_review_role_to_string (HelderReviewRole role)
{
  g_return_val_if_fail (role < HELDER_N_REVIEW_ROLES, NULL);
  return role_names[role];
}

const char *
helder_review_role_to_label (HelderReviewRole role)
{
  g_return_val_if_fail (role < HELDER_N_REVIEW_ROLES, NULL);
  return _(role_labels[role]);
}

static gboolean
name_to_index (const char * const *names,
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

  if (!name_to_index (role_names, G_N_ELEMENTS (role_names), text, &index))
    return FALSE;
  *role = index;
  return TRUE;
}

const char *
helder_review_state_to_string (HelderReviewState state)
{
  g_return_val_if_fail (state < HELDER_N_REVIEW_STATES, NULL);
  return state_names[state];
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
  return status_names[status == HELDER_REVIEW_STATUS_RESOLVED];
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
static int
compare_times (const char *a,
               const char *b)
{
  g_autoptr(GDateTime) ta = a != NULL ? g_date_time_new_from_iso8601 (a, NULL) : NULL;
  g_autoptr(GDateTime) tb = b != NULL ? g_date_time_new_from_iso8601 (b, NULL) : NULL;

  if (ta == NULL || tb == NULL)
    return (ta != NULL) - (tb != NULL);
  return g_date_time_compare (ta, tb);
}

static gboolean
page_path_is_safe (const char *page)
{
  return page != NULL && page[0] != '\0' && page[0] != '/' && strstr (page, "..") == NULL &&
         strchr (page, '\\') == NULL && strchr (page, '\n') == NULL;
}

/* Comments, threads, pages */

static void
comment_free (gpointer data)
{
  HelderReviewComment *comment = data;

  g_free (comment->id);
  g_free (comment->author);
  g_free (comment->time);
  g_free (comment->text);
  g_clear_pointer (&comment->unknown, json_object_unref);
  g_free (comment);
}

static HelderReviewComment *
comment_copy (const HelderReviewComment *from)
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

static void
thread_free (gpointer data)
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

static HelderReviewThread *
thread_new (void)
{
  HelderReviewThread *thread = g_new0 (HelderReviewThread, 1);

  thread->comments = g_ptr_array_new_with_free_func (comment_free);
  return thread;
}

static HelderReviewThread *
thread_copy (const HelderReviewThread *from)
{
  HelderReviewThread *thread = thread_new ();

  thread->id = g_strdup (from->id);
  thread->page = g_strdup (from->page);
  helder_text_quote_copy (&thread->quote, &from->quote);
  thread->suggestion = g_strdup (from->suggestion);
  thread->outcome = from->outcome;
  thread->status = from->status;
  thread->status_time = g_strdup (from->status_time);
  for (guint i = 0; i < from->comments->len; i++)
    g_ptr_array_add (thread->comments, comment_copy (g_ptr_array_index (from->comments, i)));
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

static void
signoff_copy (HelderReviewSignoff       *to,
              const HelderReviewSignoff *from)
{
  signoff_clear (to);
  to->state = from->state;
  to->author = g_strdup (from->author);
  to->time = g_strdup (from->time);
  to->sha256 = g_strdup (from->sha256);
}

static void
page_free (gpointer data)
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

static HelderReviewPage *
page_copy (const HelderReviewPage *from)
{
  HelderReviewPage *page = g_new0 (HelderReviewPage, 1);

  page->page = g_strdup (from->page);
  page->round = from->round;
  page->round_time = g_strdup (from->round_time);
  for (guint r = 0; r < HELDER_N_REVIEW_ROLES; r++)
    signoff_copy (&page->roles[r], &from->roles[r]);
  page->approved_sha256 = g_strdup (from->approved_sha256);
  page->approved_time = g_strdup (from->approved_time);
  page->unknown = from->unknown != NULL ? json_object_ref (from->unknown) : NULL;
  return page;
}

HelderReview *
helder_review_new (void)
{
  HelderReview *self = g_new0 (HelderReview, 1);

  self->threads = g_ptr_array_new_with_free_func (thread_free);
  self->pages = g_ptr_array_new_with_free_func (page_free);
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

/* Reading review.json */

/* Where an object of the file stands, for messages about it as a whole. */
typedef struct
{
  HelderJsonDocument *document;
  GPtrArray          *diagnostics;
  gpointer            container;
  const char         *member;
  int                 index;
  guint               n_errors;
} Reader;

static void
reader_error (Reader     *reader,
              gpointer    container,
              const char *member,
              int         index,
              const char *rule,
              const char *message)
{
  helder_json_document_report (reader->document, reader->diagnostics, container, member, index,
                               HELDER_SEVERITY_ERROR, rule, message);
  reader->n_errors++;
}

/* A required string member; reported at the member, or at the object
 * (@where_container/@where_index) when it is missing.
 */
static const char *
read_string (Reader     *reader,
             JsonObject *object,
             const char *member,
             gboolean    required,
             gpointer    where_container,
             int         where_index)
{
  guint before = reader->diagnostics->len;
  const char *value = NULL;

  if (helder_json_document_get_string (reader->document, reader->diagnostics, object, member,
                                       FALSE, &value))
    return value;

  if (reader->diagnostics->len > before)
    reader->n_errors++;
  else if (required)
    {
      g_autofree char *message =
        g_strdup_printf (_("review.json: field \"%s\" is missing here; add it (see docs/review.md)"),
                         member);

      reader_error (reader, where_container, NULL, where_index, "review-field-missing", message);
    }
  return NULL;
}

static char *
read_time (Reader     *reader,
           JsonObject *object,
           const char *member,
           gboolean    required,
           gpointer    where_container,
           int         where_index)
{
  const char *value = read_string (reader, object, member, required, where_container, where_index);
  g_autoptr(GDateTime) parsed = NULL;

  if (value == NULL)
    return NULL;

  parsed = g_date_time_new_from_iso8601 (value, NULL);
  if (parsed == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("review.json: \"%s\" is not a date and time; write it in ISO 8601 "
                           "with a time zone, e.g. 2025-03-04T10:15:00Z"), value);

      reader_error (reader, object, member, -1, "review-time", message);
      return NULL;
    }
  return g_strdup (value);
}

static gboolean
read_role (Reader           *reader,
           JsonObject       *object,
           const char       *member,
           gpointer          where_container,
           int               where_index,
           HelderReviewRole *role)
{
  const char *value = read_string (reader, object, member, TRUE, where_container, where_index);

  if (value == NULL)
    return FALSE;
  if (!helder_review_role_from_string (value, role))
    {
      g_autofree char *message =
        g_strdup_printf (_("review.json: unknown role \"%s\"; use content-expert, "
                           "communications-adviser, didactics-lead or programme-manager"), value);

      reader_error (reader, object, member, -1, "review-role", message);
      return FALSE;
    }
  return TRUE;
}

static JsonArray *
read_array (Reader     *reader,
            JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *message =
        g_strdup_printf (_("review.json: field \"%s\" must be a list [ … ]"), member);

      reader_error (reader, object, member, -1, "review-field-type", message);
      return NULL;
    }
  return json_node_get_array (node);
}

/* The members of @object not in @known, to write back unchanged. */
static JsonObject *
collect_unknown (JsonObject         *object,
                 const char * const *known)
{
  g_autoptr(GList) members = json_object_get_members (object);
  JsonObject *unknown = NULL;

  for (GList *l = members; l != NULL; l = l->next)
    {
      if (g_strv_contains (known, l->data))
        continue;
      if (unknown == NULL)
        unknown = json_object_new ();
      json_object_set_member (unknown, l->data,
                              json_node_copy (json_object_get_member (object, l->data)));
    }
  return unknown;
}

static HelderReviewComment *
read_comment (Reader     *reader,
              JsonArray  *array,
              int         index)
{
  static const char * const known[] = { "id", "author", "role", "time", "text", NULL };
  g_autoptr(GPtrArray) holder = g_ptr_array_new_with_free_func (comment_free);
  HelderReviewComment *comment;
  JsonNode *node = json_array_get_element (array, index);
  JsonObject *object;
  guint errors = reader->n_errors;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      reader_error (reader, array, NULL, index, "review-field-type",
                    _("review.json: a comment must be an object { … }"));
      return NULL;
    }
  object = json_node_get_object (node);

  comment = g_new0 (HelderReviewComment, 1);
  g_ptr_array_add (holder, comment);
  comment->id = g_strdup (read_string (reader, object, "id", TRUE, array, index));
  comment->author = g_strdup (read_string (reader, object, "author", TRUE, array, index));
  read_role (reader, object, "role", array, index, &comment->role);
  comment->time = read_time (reader, object, "time", TRUE, array, index);
  comment->text = g_strdup (read_string (reader, object, "text", TRUE, array, index));
  comment->unknown = collect_unknown (object, known);

  if (reader->n_errors > errors)
    return NULL;
  return g_ptr_array_steal_index (holder, 0);
}

static HelderReviewThread *
read_thread (Reader     *reader,
             JsonArray  *array,
             int         index,
             GHashTable *ids)
{
  static const char * const known[] = {
    "id", "page", "target", "suggestion", "suggestionOutcome", "status", "statusTime",
    "comments", NULL,
  };
  g_autoptr(GPtrArray) holder = g_ptr_array_new_with_free_func (thread_free);
  HelderReviewThread *thread;
  JsonNode *node = json_array_get_element (array, index);
  JsonObject *object;
  JsonObject *target;
  JsonArray *comments;
  const char *value;
  guint errors = reader->n_errors;
  guint index_value;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      reader_error (reader, array, NULL, index, "review-field-type",
                    _("review.json: a thread must be an object { … }"));
      return NULL;
    }
  object = json_node_get_object (node);
  thread = thread_new ();
  g_ptr_array_add (holder, thread);

  thread->id = g_strdup (read_string (reader, object, "id", TRUE, array, index));
  if (thread->id != NULL && g_hash_table_contains (ids, thread->id))
    {
      g_autofree char *message =
        g_strdup_printf (_("review.json: a second thread with id \"%s\"; give each thread "
                           "its own id"), thread->id);

      reader_error (reader, object, "id", -1, "review-duplicate-id", message);
    }

  thread->page = g_strdup (read_string (reader, object, "page", TRUE, array, index));
  if (thread->page != NULL && !page_path_is_safe (thread->page))
    {
      g_autofree char *message =
        g_strdup_printf (_("review.json: \"%s\" is not a page of the course; write the page "
                           "file as module/page.md"), thread->page);

      reader_error (reader, object, "page", -1, "review-page", message);
    }

  target = helder_json_document_get_object (reader->document, reader->diagnostics, object,
                                            "target", FALSE);
  if (target == NULL)
    {
      if (json_object_has_member (object, "target"))
        reader->n_errors++;
      else
        reader_error (reader, array, NULL, index, "review-field-missing",
                      _("review.json: the thread has no \"target\" (the quoted passage); "
                        "add it (see docs/review.md)"));
    }
  else
    {
      gint64 start = 0;

      thread->quote.exact = g_strdup (read_string (reader, target, "exact", TRUE, object, -1));
      if (thread->quote.exact != NULL && thread->quote.exact[0] == '\0')
        reader_error (reader, target, "exact", -1, "review-quote",
                      _("review.json: the quoted text is empty; a thread quotes at least one "
                        "character"));
      thread->quote.prefix = g_strdup (read_string (reader, target, "prefix", FALSE, NULL, -1));
      thread->quote.suffix = g_strdup (read_string (reader, target, "suffix", FALSE, NULL, -1));
      if (!helder_json_document_get_int (reader->document, reader->diagnostics, target, "start",
                                         FALSE, 0, G_MAXINT32, &start) &&
          json_object_has_member (target, "start"))
        reader->n_errors++;
      thread->quote.hint = (gsize) start;
    }

  thread->suggestion = g_strdup (read_string (reader, object, "suggestion", FALSE, NULL, -1));

  value = read_string (reader, object, "suggestionOutcome", FALSE, NULL, -1);
  if (value != NULL)
    {
      if (name_to_index (outcome_names, G_N_ELEMENTS (outcome_names), value, &index_value))
        thread->outcome = index_value;
      else
        reader_error (reader, object, "suggestionOutcome", -1, "review-value",
                      _("review.json: \"suggestionOutcome\" must be pending, accepted or "
                        "rejected"));
    }

  value = read_string (reader, object, "status", TRUE, array, index);
  if (value != NULL)
    {
      if (name_to_index (status_names, G_N_ELEMENTS (status_names), value, &index_value))
        thread->status = index_value;
      else
        reader_error (reader, object, "status", -1, "review-value",
                      _("review.json: \"status\" must be open or resolved"));
    }
  thread->status_time = read_time (reader, object, "statusTime", FALSE, NULL, -1);

  comments = read_array (reader, object, "comments");
  for (guint i = 0; comments != NULL && i < json_array_get_length (comments); i++)
    {
      HelderReviewComment *comment = read_comment (reader, comments, (int) i);

      if (comment != NULL)
        g_ptr_array_add (thread->comments, comment);
    }
  thread->unknown = collect_unknown (object, known);

  if (reader->n_errors > errors)
    return NULL;
  return g_ptr_array_steal_index (holder, 0);
}

static HelderReviewPage *
read_page (Reader     *reader,
           JsonObject *pages,
           const char *name)
{
  static const char * const known[] = {
    "round", "roundTime", "roles", "approvedSha256", "approvedTime", NULL,
  };
  g_autoptr(GPtrArray) holder = g_ptr_array_new_with_free_func (page_free);
  HelderReviewPage *page;
  JsonObject *object;
  JsonObject *roles;
  gint64 round = 0;
  guint errors = reader->n_errors;

  object = helder_json_document_get_object (reader->document, reader->diagnostics, pages, name,
                                            TRUE);
  if (object == NULL)
    {
      reader->n_errors++;
      return NULL;
    }

  page = g_new0 (HelderReviewPage, 1);
  g_ptr_array_add (holder, page);
  page->page = g_strdup (name);
  if (!page_path_is_safe (name))
    {
      g_autofree char *message =
        g_strdup_printf (_("review.json: \"%s\" is not a page of the course; write the page "
                           "file as module/page.md"), name);

      reader_error (reader, pages, name, -1, "review-page", message);
    }

  if (!helder_json_document_get_int (reader->document, reader->diagnostics, object, "round",
                                     FALSE, 0, G_MAXINT32, &round) &&
      json_object_has_member (object, "round"))
    reader->n_errors++;
  page->round = (guint) round;
  page->round_time = read_time (reader, object, "roundTime", FALSE, NULL, -1);
  page->approved_sha256 = g_strdup (read_string (reader, object, "approvedSha256", FALSE, NULL, -1));
  page->approved_time = read_time (reader, object, "approvedTime", FALSE, NULL, -1);

  roles = helder_json_document_get_object (reader->document, reader->diagnostics, object,
                                           "roles", FALSE);
  if (roles == NULL && json_object_has_member (object, "roles"))
    reader->n_errors++;
  for (guint r = 0; roles != NULL && r < HELDER_N_REVIEW_ROLES; r++)
    {
      HelderReviewSignoff *signoff = &page->roles[r];
      JsonObject *entry;
      const char *state;
      guint index_value;

      if (!json_object_has_member (roles, role_names[r]))
        continue;
      entry = helder_json_document_get_object (reader->document, reader->diagnostics, roles,
                                               role_names[r], FALSE);
      if (entry == NULL)
        {
          reader->n_errors++;
          continue;
        }

      state = read_string (reader, entry, "state", TRUE, roles, -1);
      if (state != NULL)
        {
          if (name_to_index (state_names, G_N_ELEMENTS (state_names), state, &index_value))
            signoff->state = index_value;
          else
            {
              g_autofree char *message =
                g_strdup_printf (_("review.json: unknown page state \"%s\"; use draft, "
                                   "in-review, changes-requested or approved"), state);

              reader_error (reader, entry, "state", -1, "review-value", message);
            }
        }
      signoff->author = g_strdup (read_string (reader, entry, "author", FALSE, NULL, -1));
      signoff->time = read_time (reader, entry, "time", FALSE, NULL, -1);
      signoff->sha256 = g_strdup (read_string (reader, entry, "sha256", FALSE, NULL, -1));
    }
  page->unknown = collect_unknown (object, known);

  if (reader->n_errors > errors)
    return NULL;
  return g_ptr_array_steal_index (holder, 0);
}

/* Reads one review.json (without conflict markers) into @self. */
static void
read_document (HelderReview *self,
               GBytes       *bytes,
               GPtrArray    *diagnostics)
{
  static const char * const known[] = { "format", "threads", "pages", NULL };
  g_autoptr(HelderJsonDocument) document = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  Reader reader = { 0 };
  JsonObject *root;
  JsonArray *threads;
  JsonObject *pages;
  gint64 format = 0;

  document = helder_json_document_parse (HELDER_REVIEW_FILE, bytes, diagnostics);
  if (document == NULL)
    {
      self->broken = TRUE;
      return;
    }

  reader.document = document;
  reader.diagnostics = diagnostics;
  root = helder_json_document_get_root (document);

  if (!json_object_has_member (root, "format"))
    reader_error (&reader, NULL, NULL, -1, "review-format",
                  _("review.json has no \"format\"; add \"format\": 1 at the top"));
  else if (helder_json_document_get_int (document, diagnostics, root, "format", TRUE, 1,
                                         G_MAXINT32, &format))
    {
      if (format > HELDER_REVIEW_FORMAT)
        {
          g_autofree char *message =
            g_strdup_printf (_("review.json has format %d, made by a newer Helder; this Helder "
                               "reads format %d: update Helder to open the review"),
                             (int) format, HELDER_REVIEW_FORMAT);

          reader_error (&reader, root, "format", -1, "review-format", message);
        }
    }
  else
    reader.n_errors++;

  threads = read_array (&reader, root, "threads");
  for (guint i = 0; threads != NULL && i < json_array_get_length (threads); i++)
    {
      HelderReviewThread *thread = read_thread (&reader, threads, (int) i, ids);

      if (thread != NULL)
        {
          g_hash_table_add (ids, thread->id);
          g_ptr_array_add (self->threads, thread);
        }
    }

  pages = helder_json_document_get_object (document, diagnostics, root, "pages", FALSE);
  if (pages == NULL && json_object_has_member (root, "pages"))
    reader.n_errors++;
  if (pages != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (pages);

      for (GList *l = names; l != NULL; l = l->next)
        {
          HelderReviewPage *page = read_page (&reader, pages, l->data);

          if (page != NULL)
            g_ptr_array_add (self->pages, page);
        }
    }

  g_clear_pointer (&self->unknown, json_object_unref);
  self->unknown = collect_unknown (root, known);
  if (reader.n_errors > 0)
    self->broken = TRUE;
}

/* git's conflict markers, when review.json was merged by git without us */

typedef struct
{
  GString *text;
  GArray  *lines; /* guint: the file's line number of each line of text */
} Side;

static void
side_add_line (Side       *side,
               const char *line,
               gsize       length,
               guint       number)
{
  g_string_append_len (side->text, line, length);
  g_array_append_val (side->lines, number);
}

static gboolean
has_conflict_markers (const char *data,
                      gsize       length)
{
  return (length >= 8 && strncmp (data, "<<<<<<< ", 8) == 0) ||
         g_strstr_len (data, length, "\n<<<<<<< ") != NULL ||
         g_strstr_len (data, length, "\n<<<<<<<\n") != NULL;
}

/* Splits the text into what each side of the merge had: "ours" between
 * <<<<<<< and ||||||| or =======, the common base (diff3 style) between
 * ||||||| and =======, "theirs" between ======= and >>>>>>>, and every
 * line outside the markers in all three.
 */
static void
split_conflict (const char *data,
                gsize       length,
                Side        sides[3])
{
  enum { OUTSIDE, OURS, BASE, THEIRS } where = OUTSIDE;
  const char *p = data;
  const char *end = data + length;
  guint number = 0;

  while (p < end)
    {
      const char *newline = memchr (p, '\n', end - p);
      gsize line_length = newline != NULL ? (gsize) (newline - p) + 1 : (gsize) (end - p);

      number++;
      if (line_length >= 7 && strncmp (p, "<<<<<<<", 7) == 0)
        where = OURS;
      else if (where != OUTSIDE && line_length >= 7 && strncmp (p, "|||||||", 7) == 0)
        where = BASE;
      else if (where != OUTSIDE && line_length >= 7 && strncmp (p, "=======", 7) == 0)
        where = THEIRS;
      else if (where != OUTSIDE && line_length >= 7 && strncmp (p, ">>>>>>>", 7) == 0)
        where = OUTSIDE;
      else if (where == OUTSIDE)
        for (guint s = 0; s < 3; s++)
          side_add_line (&sides[s], p, line_length, number);
      else
        side_add_line (&sides[where == OURS ? 0 : where == BASE ? 1 : 2], p, line_length, number);

      p += line_length;
    }
}

/* Reads one side of a conflicted file; its messages name the lines of
 * the file itself.
 */
static HelderReview *
read_side (const Side      *side,
           HelderLineMap   *file_lines,
           GPtrArray       *diagnostics)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  g_autoptr(GBytes) bytes = g_bytes_new (side->text->str, side->text->len);
  HelderReview *review = helder_review_new ();

  read_document (review, bytes, found);
  for (guint i = 0; i < found->len; i++)
    {
      const HelderDiagnostic *d = g_ptr_array_index (found, i);
      guint line = d->line;
      gsize start;

      if (line > 0 && line <= side->lines->len)
        line = g_array_index (side->lines, guint, line - 1);
      start = line > 0 ? helder_line_map_line_start (file_lines, line) : 0;
      g_ptr_array_add (diagnostics,
                       helder_diagnostic_new (d->file, start, start, line, d->column, d->severity,
                                              d->rule, d->message));
    }
  return review;
}

static HelderReview *
parse_conflicted (const char *data,
                  gsize       length,
                  GPtrArray  *diagnostics)
{
  g_autoptr(HelderLineMap) file_lines = helder_line_map_new (data, length);
  g_autoptr(HelderReview) ours = NULL;
  g_autoptr(HelderReview) base = NULL;
  g_autoptr(HelderReview) theirs = NULL;
  Side sides[3];
  HelderReview *merged;
  gboolean has_base;

  for (guint s = 0; s < 3; s++)
    {
      sides[s].text = g_string_new (NULL);
      sides[s].lines = g_array_new (FALSE, FALSE, sizeof (guint));
    }
  split_conflict (data, length, sides);

  /* Without a base section the base side holds only the shared lines,
   * which is no version anybody wrote.
   */
  has_base = g_strstr_len (data, length, "\n|||||||") != NULL;
  ours = read_side (&sides[0], file_lines, diagnostics);
  theirs = read_side (&sides[2], file_lines, diagnostics);
  if (has_base)
    base = read_side (&sides[1], file_lines, diagnostics);

  for (guint s = 0; s < 3; s++)
    {
      g_string_free (sides[s].text, TRUE);
      g_array_unref (sides[s].lines);
    }

  if (ours->broken || theirs->broken || (base != NULL && base->broken))
    {
      merged = helder_review_new ();
      merged->broken = TRUE;
      return merged;
    }

  merged = helder_review_merge (base, ours, theirs);
  g_ptr_array_add (diagnostics,
                   helder_diagnostic_new (HELDER_REVIEW_FILE, 0, 0, 0, 0, HELDER_SEVERITY_WARNING,
                                          "review-merged",
                                          _("review.json had git conflict markers; Helder "
                                            "merged both versions and keeps every comment: save "
                                            "the review to write the merged file")));
  return merged;
}

/**
 * helder_review_parse:
 * @diagnostics: (element-type HelderDiagnostic): where problems go
 *
 * Reads review.json. A file that git left with conflict markers is read
 * as the two (or, diff3 style, three) versions it holds, merged by
 * helder_review_merge(), with a warning that says so.
 *
 * Returns: (transfer full): the review; helder_review_is_broken() when
 *   the file had errors, and then it cannot be saved.
 */
HelderReview *
helder_review_parse (GBytes    *bytes,
                     GPtrArray *diagnostics)
{
  HelderReview *self;
  const char *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (diagnostics != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (data != NULL && has_conflict_markers (data, length))
    return parse_conflicted (data, length, diagnostics);

  self = helder_review_new ();
  read_document (self, bytes, diagnostics);
  return self;
}

/**
 * helder_review_load:
 *
 * Reads review.json of the course in @course_path; a course without one
 * has an empty review.
 */
HelderReview *
helder_review_load (const char *course_path,
                    GPtrArray  *diagnostics)
{
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  HelderReview *self;
  gsize length;

  g_return_val_if_fail (course_path != NULL, NULL);
  g_return_val_if_fail (diagnostics != NULL, NULL);

  path = g_build_filename (course_path, HELDER_REVIEW_FILE, NULL);
  if (!g_file_get_contents (path, &data, &length, &error))
    {
      g_autofree char *message = NULL;

      self = helder_review_new ();
      if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return self;

      message = g_strdup_printf (_("could not read review.json: %s; check the file's "
                                   "permissions"), error->message);
      g_ptr_array_add (diagnostics,
                       helder_diagnostic_new (HELDER_REVIEW_FILE, 0, 0, 0, 0,
                                              HELDER_SEVERITY_ERROR, "review-read", message));
      self->broken = TRUE;
      return self;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&data), length);
  self = helder_review_parse (bytes, diagnostics);
  if (has_conflict_markers (g_bytes_get_data (bytes, NULL), length) && !self->broken)
    self->modified = TRUE;
  return self;
}

/* Writing review.json */

static void
set_string (JsonObject *object,
            const char *member,
            const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, member, value);
}

static void
add_unknown (JsonObject *object,
             JsonObject *unknown)
{
  g_autoptr(GList) members = NULL;

  if (unknown == NULL)
    return;
  members = json_object_get_members (unknown);
  for (GList *l = members; l != NULL; l = l->next)
    if (!json_object_has_member (object, l->data))
      json_object_set_member (object, l->data,
                              json_node_copy (json_object_get_member (unknown, l->data)));
}

static JsonNode *
thread_to_json (const HelderReviewThread *thread)
{
  JsonObject *object = json_object_new ();
  JsonObject *target = json_object_new ();
  JsonArray *comments = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (object, "id", thread->id);
  json_object_set_string_member (object, "page", thread->page);
  json_object_set_string_member (target, "exact", thread->quote.exact);
  json_object_set_string_member (target, "prefix", thread->quote.prefix != NULL ? thread->quote.prefix : "");
  json_object_set_string_member (target, "suffix", thread->quote.suffix != NULL ? thread->quote.suffix : "");
  json_object_set_int_member (target, "start", (gint64) thread->quote.hint);
  json_object_set_object_member (object, "target", target);
  set_string (object, "suggestion", thread->suggestion);
  if (thread->outcome != HELDER_SUGGESTION_PENDING)
    json_object_set_string_member (object, "suggestionOutcome", outcome_names[thread->outcome]);
  json_object_set_string_member (object, "status", status_names[thread->status]);
  set_string (object, "statusTime", thread->status_time);

  for (guint i = 0; i < thread->comments->len; i++)
    {
      const HelderReviewComment *comment = g_ptr_array_index (thread->comments, i);
      JsonObject *entry = json_object_new ();

      json_object_set_string_member (entry, "id", comment->id);
      json_object_set_string_member (entry, "author", comment->author);
      json_object_set_string_member (entry, "role", role_names[comment->role]);
      json_object_set_string_member (entry, "time", comment->time);
      json_object_set_string_member (entry, "text", comment->text);
      add_unknown (entry, comment->unknown);
      json_array_add_object_element (comments, entry);
    }
  json_object_set_array_member (object, "comments", comments);
  add_unknown (object, thread->unknown);

  json_node_take_object (node, object);
  return node;
}

static JsonObject *
page_to_json (const HelderReviewPage *page)
{
  JsonObject *object = json_object_new ();
  JsonObject *roles = json_object_new ();

  json_object_set_int_member (object, "round", page->round);
  set_string (object, "roundTime", page->round_time);
  for (guint r = 0; r < HELDER_N_REVIEW_ROLES; r++)
    {
      const HelderReviewSignoff *signoff = &page->roles[r];
      JsonObject *entry;

      if (signoff->time == NULL && signoff->state == HELDER_REVIEW_STATE_DRAFT)
        continue;
      entry = json_object_new ();
      json_object_set_string_member (entry, "state", state_names[signoff->state]);
      set_string (entry, "author", signoff->author);
      set_string (entry, "time", signoff->time);
      set_string (entry, "sha256", signoff->sha256);
      json_object_set_object_member (roles, role_names[r], entry);
    }
  json_object_set_object_member (object, "roles", roles);
  set_string (object, "approvedSha256", page->approved_sha256);
  set_string (object, "approvedTime", page->approved_time);
  add_unknown (object, page->unknown);
  return object;
}

static int
compare_pages (gconstpointer a,
               gconstpointer b)
{
  const HelderReviewPage *pa = *(HelderReviewPage * const *) a;
  const HelderReviewPage *pb = *(HelderReviewPage * const *) b;

  return strcmp (pa->page, pb->page);
}

/* review.json as it would be written: two-space indented, threads in the
 * order they were made, pages sorted by file, so that a diff of two
 * versions shows only what changed.
 */
GBytes *
helder_review_serialize (HelderReview *self)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GPtrArray) sorted = NULL;
  JsonObject *object = json_object_new ();
  JsonArray *threads = json_array_new ();
  JsonObject *pages = json_object_new ();
  char *text;

  g_return_val_if_fail (self != NULL, NULL);

  json_object_set_int_member (object, "format", HELDER_REVIEW_FORMAT);
  for (guint i = 0; i < self->threads->len; i++)
    json_array_add_element (threads, thread_to_json (g_ptr_array_index (self->threads, i)));
  json_object_set_array_member (object, "threads", threads);

  /* The copy would take over the free function; it only borrows. */
  sorted = g_ptr_array_copy (self->pages, NULL, NULL);
  g_ptr_array_set_free_func (sorted, NULL);
  g_ptr_array_sort (sorted, compare_pages);
  for (guint i = 0; i < sorted->len; i++)
    {
      const HelderReviewPage *page = g_ptr_array_index (sorted, i);

      json_object_set_object_member (pages, page->page, page_to_json (page));
    }
  json_object_set_object_member (object, "pages", pages);
  add_unknown (object, self->unknown);
  json_node_take_object (root, object);

  text = helder_json_to_text (root);
  return g_bytes_new_take (text, strlen (text));
}

/**
 * helder_review_save:
 *
 * Writes review.json and the newly approved texts into the course folder
 * in one transaction: after a crash either all are new or all are old.
 * A review read from a broken review.json is never saved, since that
 * would drop the threads that could not be read.
 */
gboolean
helder_review_save (HelderReview  *self,
                    const char    *course_path,
                    GError       **error)
{
  g_autoptr(HelderSaveTransaction) transaction = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (course_path != NULL, FALSE);

  if (self->broken)
    {
      g_set_error (error, HELDER_REVIEW_ERROR, HELDER_REVIEW_ERROR_BROKEN,
                   _("review.json has errors, so the review was not saved (saving would drop "
                     "what could not be read); fix review.json first"));
      return FALSE;
    }

  transaction = helder_save_transaction_new (course_path);
  bytes = helder_review_serialize (self);
  helder_save_transaction_add (transaction, HELDER_REVIEW_FILE, bytes);

  g_hash_table_iter_init (&iter, self->approved_texts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *file = g_build_filename (HELDER_REVIEW_APPROVED_FOLDER, key, NULL);
      g_autofree char *path = g_build_filename (course_path, file, NULL);
      g_autofree char *folder = g_path_get_dirname (path);
      g_autoptr(GBytes) text = g_bytes_new (value, strlen (value));

      if (g_mkdir_with_parents (folder, 0755) != 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Could not make the folder %s: %s"), folder, g_strerror (saved));
          return FALSE;
        }
      helder_save_transaction_add (transaction, file, text);
    }

  if (!helder_save_transaction_commit (transaction, error))
    return FALSE;

  g_hash_table_remove_all (self->approved_texts);
  self->modified = FALSE;
  return TRUE;
}

/* Threads */

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
  g_return_val_if_fail (page_path_is_safe (page), NULL);
  g_return_val_if_fail (page_text != NULL, NULL);
  g_return_val_if_fail (range.start < range.end && range.end <= strlen (page_text), NULL);
  g_return_val_if_fail (author != NULL && text != NULL, NULL);
  g_return_val_if_fail (role < HELDER_N_REVIEW_ROLES, NULL);

  thread = thread_new ();
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

  if (!check_suggestion (thread, error))
    return NULL;

  if (helder_review_anchor (thread, page_text, &range) == HELDER_ANCHOR_ORPHANED)
    {
      g_set_error (error, HELDER_REVIEW_ERROR, HELDER_REVIEW_ERROR_ORPHANED,
                   _("The quoted text “%s” is no longer on the page, so the suggestion cannot "
                     "be applied; edit the page by hand or reject the suggestion."),
                   thread->quote.exact);
      return NULL;
    }

  text = g_string_new_len (page_text, range.start);
  g_string_append (text, thread->suggestion);
  g_string_append (text, page_text + range.end);

  thread->outcome = HELDER_SUGGESTION_ACCEPTED;
  helder_review_set_status (self, thread, HELDER_REVIEW_STATUS_RESOLVED, time);
  return g_string_free (text, FALSE);
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
  g_return_val_if_fail (page_path_is_safe (page), FALSE);
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
  g_return_val_if_fail (page_path_is_safe (page), FALSE);
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
  g_return_val_if_fail (page_path_is_safe (page), NULL);

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
  int order = compare_times (ca->time, cb->time);

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
      g_ptr_array_add (merged->comments, comment_copy (comment));
    }
  g_ptr_array_sort (merged->comments, compare_comments);

  if (compare_times (theirs->status_time, merged->status_time) > 0)
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
    if (compare_times (theirs->roles[r].time, merged->roles[r].time) > 0)
      signoff_copy (&merged->roles[r], &theirs->roles[r]);

  if (theirs->round > merged->round)
    {
      merged->round = theirs->round;
      g_free (merged->round_time);
      merged->round_time = g_strdup (theirs->round_time);
    }

  if (compare_times (theirs->approved_time, merged->approved_time) > 0)
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
      copy = thread_copy (thread);
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
      g_ptr_array_add (merged->threads, thread_copy (thread));
    }

  for (guint i = 0; i < ours->pages->len; i++)
    {
      const HelderReviewPage *page = g_ptr_array_index (ours->pages, i);
      const char *pending = g_hash_table_lookup (ours->approved_texts, page->page);
      HelderReviewPage *other = helder_review_find_page (theirs, page->page);
      HelderReviewPage *copy = page_copy (page);

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
      g_ptr_array_add (merged->pages, page_copy (page));
      if (pending != NULL)
        g_hash_table_replace (merged->approved_texts, g_strdup (page->page), g_strdup (pending));
    }

  return merged;
}
