/* helder-cli-validate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-cli.h"

static JsonNode *
diagnostics_to_json (GPtrArray *diagnostics)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      const HelderDiagnostic *d = g_ptr_array_index (diagnostics, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, d->file);
      json_builder_set_member_name (builder, "line");
      json_builder_add_int_value (builder, d->line);
      json_builder_set_member_name (builder, "column");
      json_builder_add_int_value (builder, d->column);
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, d->start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, d->end);
      json_builder_set_member_name (builder, "severity");
      json_builder_add_string_value (builder, helder_severity_to_string (d->severity));
      json_builder_set_member_name (builder, "rule");
      json_builder_add_string_value (builder, d->rule);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, d->message);
      json_builder_set_member_name (builder, "suggestions");
      json_builder_begin_array (builder);
      for (guint j = 0; j < d->suggestions->len; j++)
        json_builder_add_string_value (builder, g_ptr_array_index (d->suggestions, j));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

int
helder_cli_validate (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HelderCourse) course = NULL;
  gboolean json = FALSE;
  GPtrArray *diagnostics;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the problems as JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("COURSE — report problems in the course's files"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
                                    _("Each problem is printed as file:line:column: severity: "
                                      "message [rule].\nExit status: 0 no errors, 1 errors, "
                                      "2 unusable input."));

  if (!helder_cli_parse_options (context, &argc, &argv))
    return HELDER_EXIT_UNUSABLE;

  course = helder_cli_load_course (argc, argv);
  if (course == NULL)
    return HELDER_EXIT_UNUSABLE;

  diagnostics = helder_course_get_diagnostics (course);

  if (json)
    {
      g_autoptr(JsonNode) node = diagnostics_to_json (diagnostics);

      helder_cli_print_json (node);
    }
  else
    for (guint i = 0; i < diagnostics->len; i++)
      {
        g_autofree char *line = helder_diagnostic_to_string (g_ptr_array_index (diagnostics, i));

        g_print ("%s\n", line);
      }

  return helder_diagnostics_have_errors (diagnostics) ? HELDER_EXIT_FINDINGS : HELDER_EXIT_OK;
}
