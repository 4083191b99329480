/* helder-cli-check.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "helder-checks.h"
#include "helder-cli.h"

/* Keeps the findings of one module's folder or of one page file. */
static GPtrArray *
filter_diagnostics (GPtrArray  *diagnostics,
                    const char *module,
                    const char *page)
{
  GPtrArray *kept = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  g_autofree char *prefix = module != NULL ? g_strconcat (module, "/", NULL) : NULL;

  for (guint i = 0; i < diagnostics->len; i++)
    {
      HelderDiagnostic *d = g_ptr_array_index (diagnostics, i);

      if (prefix != NULL && !g_str_has_prefix (d->file, prefix))
        continue;
      if (page != NULL && !g_str_equal (d->file, page))
        continue;
      g_ptr_array_add (kept, helder_diagnostic_ref (d));
    }

  return kept;
}

int
helder_cli_check (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HelderCourse) course = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autofree char *module = NULL;
  g_autofree char *page = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the findings as JSON"), NULL },
    { "module", 0, 0, G_OPTION_ARG_STRING, &module, N_("Only this module"), N_("ID") },
    { "page", 0, 0, G_OPTION_ARG_STRING, &page, N_("Only this page (module/page.md)"),
      N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (_("COURSE — run every check and print the findings"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
                                    _("Each finding is printed as file:line:column: severity: "
                                      "message [rule].\nExit status: 0 no errors, 1 errors, "
                                      "2 unusable input."));

  if (!helder_cli_parse_options (context, &argc, &argv))
    return HELDER_EXIT_UNUSABLE;

  course = helder_cli_load_course (argc, argv);
  if (course == NULL)
    return HELDER_EXIT_UNUSABLE;

  if (module != NULL && helder_course_find_module (course, module) == NULL)
    {
      g_printerr ("helder-cli: ");
      g_printerr (_("the course has no module “%s”"), module);
      g_printerr ("\n");
      return HELDER_EXIT_UNUSABLE;
    }

  if (page != NULL && helder_course_find_page (course, page) == NULL)
    {
      g_printerr ("helder-cli: ");
      g_printerr (_("the course has no page “%s”; write it as module/page.md"), page);
      g_printerr ("\n");
      return HELDER_EXIT_UNUSABLE;
    }

  all = helder_checks_run_course (course);
  diagnostics = filter_diagnostics (all, module, page);
  helder_cli_print_diagnostics (diagnostics, json);

  return helder_diagnostics_have_errors (diagnostics) ? HELDER_EXIT_FINDINGS : HELDER_EXIT_OK;
}
