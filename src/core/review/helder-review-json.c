/* helder-review-json.c
 *
 * Reading and writing review.json: every member checked with a located
 * message, unknown members kept, the file and the newly approved texts
 * written in one save transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-review-json"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>

#include <glib/gi18n-lib.h>

#include "helder-json-document.h"
#include "helder-review-conflict.h"
#include "helder-review-json.h"
#include "helder-review-merge.h"
#include "helder-review-private.h"
#include "helder-save-transaction.h"
#include "helder-team-lock.h"

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
  g_autoptr(GPtrArray) holder = g_ptr_array_new_with_free_func (helder_review_comment_free);
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
  g_autoptr(GPtrArray) holder = g_ptr_array_new_with_free_func (helder_review_thread_free);
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
  thread = helder_review_thread_new ();
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
  if (thread->page != NULL && !helder_review_page_path_is_safe (thread->page))
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
      if (helder_review_name_to_index (helder_review_outcome_names, G_N_ELEMENTS (helder_review_outcome_names), value, &index_value))
        thread->outcome = index_value;
      else
        reader_error (reader, object, "suggestionOutcome", -1, "review-value",
                      _("review.json: \"suggestionOutcome\" must be pending, accepted or "
                        "rejected"));
    }

  value = read_string (reader, object, "status", TRUE, array, index);
  if (value != NULL)
    {
      if (helder_review_name_to_index (helder_review_status_names, G_N_ELEMENTS (helder_review_status_names), value, &index_value))
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
  g_autoptr(GPtrArray) holder = g_ptr_array_new_with_free_func (helder_review_page_free);
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
  if (!helder_review_page_path_is_safe (name))
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

      if (!json_object_has_member (roles, helder_review_role_names[r]))
        continue;
      entry = helder_json_document_get_object (reader->document, reader->diagnostics, roles,
                                               helder_review_role_names[r], FALSE);
      if (entry == NULL)
        {
          reader->n_errors++;
          continue;
        }

      state = read_string (reader, entry, "state", TRUE, roles, -1);
      if (state != NULL)
        {
          if (helder_review_name_to_index (helder_review_state_names, G_N_ELEMENTS (helder_review_state_names), state, &index_value))
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
void
helder_review_read_document (HelderReview *self,
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
  if (data != NULL && helder_review_has_conflict_markers (data, length))
    return helder_review_parse_conflicted (data, length, diagnostics);

  self = helder_review_new ();
  helder_review_read_document (self, bytes, diagnostics);
  return self;
}

static HelderReview *load_file (const char  *course_path,
                               GPtrArray   *diagnostics,
                               GBytes     **file_bytes);

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
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (course_path != NULL, NULL);
  g_return_val_if_fail (diagnostics != NULL, NULL);

  return load_file (course_path, diagnostics, &bytes);
}

/* helder_review_load(), and *@file_bytes: review.json as read, or NULL
 * when there is none.
 */
static HelderReview *
load_file (const char  *course_path,
           GPtrArray   *diagnostics,
           GBytes     **file_bytes)
{
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  HelderReview *self;
  gsize length;

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
  if (helder_review_has_conflict_markers (g_bytes_get_data (bytes, NULL), length))
    self->modified = !self->broken;
  else if (!self->broken)
    self->base = g_bytes_ref (bytes);
  *file_bytes = g_steal_pointer (&bytes);
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
    json_object_set_string_member (object, "suggestionOutcome", helder_review_outcome_names[thread->outcome]);
  json_object_set_string_member (object, "status", helder_review_status_names[thread->status]);
  set_string (object, "statusTime", thread->status_time);

  for (guint i = 0; i < thread->comments->len; i++)
    {
      const HelderReviewComment *comment = g_ptr_array_index (thread->comments, i);
      JsonObject *entry = json_object_new ();

      json_object_set_string_member (entry, "id", comment->id);
      json_object_set_string_member (entry, "author", comment->author);
      json_object_set_string_member (entry, "role", helder_review_role_names[comment->role]);
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
      json_object_set_string_member (entry, "state", helder_review_state_names[signoff->state]);
      set_string (entry, "author", signoff->author);
      set_string (entry, "time", signoff->time);
      set_string (entry, "sha256", signoff->sha256);
      json_object_set_object_member (roles, helder_review_role_names[r], entry);
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
  g_clear_pointer (&self->base, g_bytes_unref);
  self->base = g_steal_pointer (&bytes);
  self->modified = FALSE;
  return TRUE;
}

/* Moves what @from says (threads, pages, approved texts, unknown members)
 * into @self, so that those holding @self see it; frees @from.
 */
static void
take_contents (HelderReview *self,
               HelderReview *from)
{
  g_ptr_array_unref (self->threads);
  self->threads = g_steal_pointer (&from->threads);
  g_ptr_array_unref (self->pages);
  self->pages = g_steal_pointer (&from->pages);
  g_hash_table_unref (self->approved_texts);
  self->approved_texts = g_steal_pointer (&from->approved_texts);
  g_clear_pointer (&self->unknown, json_object_unref);
  self->unknown = g_steal_pointer (&from->unknown);
  g_free (from);
}

/* Merges review.json as it now is on disk into @self, with the version
 * @self was read from or last saved as the base; that file becomes the
 * new base. *@changed: whether @self took in a change (the file differed
 * from the base). A file that cannot be read leaves @self as it is.
 */
static gboolean
merge_from_disk (HelderReview  *self,
                 const char    *course_path,
                 gboolean       saving,
                 gboolean      *changed,
                 GError       **error)
{
  g_autoptr(GPtrArray) diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(HelderReview) theirs = load_file (course_path, diagnostics, &bytes);
  g_autoptr(HelderReview) base = NULL;

  *changed = bytes == NULL ? self->base != NULL
                           : self->base == NULL || !g_bytes_equal (bytes, self->base);
  if (!*changed)
    return TRUE;

  if (theirs->broken)
    {
      g_autofree char *where = diagnostics->len > 0
                               ? helder_diagnostic_to_string (g_ptr_array_index (diagnostics, 0))
                               : g_strdup (HELDER_REVIEW_FILE);

      g_set_error (error, HELDER_REVIEW_ERROR, HELDER_REVIEW_ERROR_BROKEN,
                   saving ? _("The review was not saved: review.json was changed outside Helder "
                              "and now has an error (%s); fix review.json and do it again")
                          : _("review.json was changed outside Helder and now has an error (%s); "
                              "the review shows what it had before: fix review.json"),
                   where);
      *changed = FALSE;
      return FALSE;
    }

  if (self->base != NULL)
    base = helder_review_parse (self->base, diagnostics);
  take_contents (self, helder_review_merge (base, self, theirs));
  g_clear_pointer (&self->base, g_bytes_unref);
  self->base = theirs->base != NULL ? g_bytes_ref (theirs->base) : NULL;
  return TRUE;
}

/**
 * helder_review_refresh:
 * @changed: (out): whether review.json had changed, so that @self changed
 *
 * Takes into @self what others (another window, helder-cli, a
 * colleague's synced copy) wrote to review.json since @self was read or
 * last saved, merged with what @self has (helder_review_merge()); writes
 * nothing. The threads and page states are new objects afterwards when
 * *@changed. A review.json that cannot be read leaves @self as it is.
 */
gboolean
helder_review_refresh (HelderReview  *self,
                       const char    *course_path,
                       gboolean      *changed,
                       GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (course_path != NULL, FALSE);
  g_return_val_if_fail (changed != NULL, FALSE);

  *changed = FALSE;
  if (self->broken)
    return TRUE;

  return merge_from_disk (self, course_path, FALSE, changed, error);
}

/**
 * helder_review_save_merged:
 *
 * Saves @self while others may write review.json too: takes the course's
 * team lock, takes in what was written since @self was read or last saved
 * (as helder_review_refresh() does), then saves. Afterwards @self holds the
 * merged review, so a view of it shows the others' comments too. Use this
 * wherever a review that has been open for a while is saved.
 */
gboolean
helder_review_save_merged (HelderReview  *self,
                           const char    *course_path,
                           GError       **error)
{
  g_autoptr(HelderTeamLock) lock = NULL;
  gboolean changed;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (course_path != NULL, FALSE);

  if (self->broken)
    return helder_review_save (self, course_path, error);

  lock = helder_team_lock_acquire (course_path, error);
  if (lock == NULL ||
      !merge_from_disk (self, course_path, TRUE, &changed, error))
    return FALSE;

  return helder_review_save (self, course_path, error);
}
