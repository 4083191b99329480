/* helder-lms-xapi.c
 *
 * xAPI statements from a learning record store: answers and progress.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-lms-xapi"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "helder-json-document.h"
#include "helder-lms-report-private.h"

/* xAPI statements. */

const char *
helder_lms_object_string (JsonObject *object,
                          const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

JsonObject *
helder_lms_object_object (JsonObject *object,
                          const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
actor_id (JsonObject *actor)
{
  JsonObject *account = helder_lms_object_object (actor, "account");

  if (helder_lms_object_string (account, "name") != NULL)
    return helder_lms_object_string (account, "name");
  if (helder_lms_object_string (actor, "mbox") != NULL)
    return helder_lms_object_string (actor, "mbox");
  if (helder_lms_object_string (actor, "mbox_sha1sum") != NULL)
    return helder_lms_object_string (actor, "mbox_sha1sum");
  return helder_lms_object_string (actor, "openid");
}

/* Finds the module in an activity id: its last part, or a part of the
 * path that is a module id (…/ai-bewustzijn/02-praktijk/vraag/3).
 */
static guint
module_of_activity (HelderLmsReport *self,
                    const char      *activity)
{
  g_auto(GStrv) parts = g_strsplit_set (activity, "/#", -1);

  for (int i = g_strv_length (parts) - 1; i >= 0; i--)
    for (guint m = 0; m < self->module_ids->len; m++)
      if (g_str_equal (parts[i], g_ptr_array_index (self->module_ids, m)))
        return m + 1;
  return 0;
}

static void
xapi_statement (LoadState  *state,
                JsonNode   *node,
                guint       number)
{
  HelderLmsReport *self = state->report;
  JsonObject *statement = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonObject *result = helder_lms_object_object (statement, "result");
  const char *learner_id = actor_id (helder_lms_object_object (statement, "actor"));
  const char *verb_id = helder_lms_object_string (helder_lms_object_object (statement, "verb"), "id");
  const char *activity = helder_lms_object_string (helder_lms_object_object (statement, "object"), "id");
  const char *timestamp = helder_lms_object_string (statement, "timestamp");
  const char *verb;
  guint32 day = timestamp != NULL ? helder_lms_parse_day (timestamp) : 0;
  guint learner;
  g_autofree char *where = g_strdup_printf (_("statement %u"), number);

  state->input->rows++;
  if (learner_id == NULL || verb_id == NULL || activity == NULL)
    {
      helder_lms_problem (state, PROBLEM_BAD_STATEMENT, number, where);
      return;
    }
  if (timestamp != NULL && day == 0)
    {
      helder_lms_problem (state, PROBLEM_BAD_DATE, number, timestamp);
      return;
    }
  verb = helder_lms_strip_iri (verb_id);
  learner = helder_lms_report_learner_lookup (self, learner_id, TRUE);

  if (g_str_equal (verb, "answered") || g_str_equal (verb, "responded"))
    {
      const char *response = helder_lms_object_string (result, "response");
      JsonNode *success = result != NULL ? json_object_get_member (result, "success") : NULL;
      const char *correct = "";

      if (success != NULL && JSON_NODE_HOLDS_VALUE (success) &&
          json_node_get_value_type (success) == G_TYPE_BOOLEAN)
        correct = json_node_get_boolean (success) ? "correct" : "incorrect";
      if (helder_lms_record_answer (state, learner, activity, correct, response != NULL ? response : "", 0, number))
        state->input->used++;
      return;
    }

  if (g_str_equal (verb, "initialized") || g_str_equal (verb, "launched") ||
      g_str_equal (verb, "attempted") || g_str_equal (verb, "experienced") ||
      g_str_equal (verb, "completed") || g_str_equal (verb, "passed"))
    {
      guint module = module_of_activity (self, activity);
      gsize slot;

      if (module == 0)
        {
          helder_lms_problem (state, PROBLEM_UNKNOWN_MODULE, number, activity);
          return;
        }
      slot = (gsize) learner * self->module_ids->len + module - 1;
      if (day == 0)
        {
          helder_lms_problem (state, PROBLEM_UNDATED, number, NULL);
          day = HELDER_LMS_DAY_UNKNOWN;
        }
      helder_lms_keep_earliest (&g_array_index (self->starts, guint32, slot), day);
      if (g_str_equal (verb, "completed") || g_str_equal (verb, "passed"))
        helder_lms_keep_earliest (&g_array_index (self->completions, guint32, slot), day);
      helder_lms_report_note_day (self, day);
      state->input->used++;
      return;
    }

  /* Other verbs (suspended, terminated, progressed…) say nothing a KPI needs. */
  state->input->used++;
}

gboolean
helder_lms_report_load_xapi (HelderLmsReport  *self,
                             const char       *path,
                             GError          **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  LoadState state = { 0 };
  JsonNode *root;
  JsonArray *statements = NULL;

  if (!helder_json_parser_load_file (parser, path, error))
    {
      /* The message already names the file, line and column. */
      g_prefix_error (error, _("not valid JSON: "));
      return FALSE;
    }

  root = json_parser_get_root (parser);
  if (root != NULL && JSON_NODE_HOLDS_ARRAY (root))
    statements = json_node_get_array (root);
  else if (root != NULL && JSON_NODE_HOLDS_OBJECT (root) &&
           json_object_has_member (json_node_get_object (root), "statements") &&
           JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (root), "statements")))
    statements = json_object_get_array_member (json_node_get_object (root), "statements");

  if (statements == NULL)
    {
      helder_lms_report_refuse_file (self, path, 0, "kpi-unusable-file",
                                     _("expected a JSON array of xAPI statements, or an object "
                                       "with “statements”; export the statements from the LRS "
                                       "again."),
                                     error);
      return FALSE;
    }

  state.report = self;
  state.input = helder_lms_report_add_input (self, path, HELDER_LMS_INPUT_XAPI);
  for (guint i = 0; i < json_array_get_length (statements); i++)
    xapi_statement (&state, json_array_get_element (statements, i), i + 1);

  helder_lms_report_problems (&state);
  helder_lms_load_state_clear (&state);
  return TRUE;
}
