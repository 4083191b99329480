/* helder-cli-validate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-cli.h"

int
helder_cli_validate (int    argc,
                     char **argv)
{
  g_autoptr(HelderCourse) course = NULL;
  gboolean json = FALSE;
  g_autoptr(GPtrArray) diagnostics = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the problems as JSON"), NULL },
    { NULL }
  };

  if (!helder_cli_parse_options (_("COURSE — report problems in the course's files"), entries,
                                 _("Each problem is printed as file:line:column: severity: "
                                   "message [rule].\nExit status: 0 no errors, 1 errors, "
                                   "2 unusable input."),
                                 &argc, &argv))
    return HELDER_EXIT_UNUSABLE;

  course = helder_cli_load_course (argc, argv, FALSE);
  if (course == NULL)
    return HELDER_EXIT_UNUSABLE;

  diagnostics = helder_course_validate (course);

  helder_cli_print_diagnostics (diagnostics, json);

  return helder_diagnostics_have_errors (diagnostics) ? HELDER_EXIT_FINDINGS : HELDER_EXIT_OK;
}
