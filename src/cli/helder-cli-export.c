/* helder-cli-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-cli"

#include "config.h"

#include <errno.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "helder-cli.h"
#include "helder-exporter.h"

typedef struct
{
  const char *name;
  int         last;
} Progress;

/* One line that is rewritten in place, only on a terminal. */
static void
progress_cb (double   fraction,
             gpointer user_data)
{
  Progress *progress = user_data;
  int percent = (int) (fraction * 100 + 0.5);

  if (percent == progress->last)
    return;
  progress->last = percent;
  g_printerr ("\r%s: %3d %%", progress->name, percent);
  if (percent >= 100)
    g_printerr ("\n");
}

int
helder_cli_export (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HelderCourse) course = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *module_id = NULL;
  g_autofree char *output = NULL;
  gboolean whole = FALSE;
  gboolean force = FALSE;
  HelderExportFormat format;
  HelderExportOptions options = { 0 };
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  Progress progress = { NULL, -1 };
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("Package format: scorm12, scorm2004 or web"), N_("FORMAT") },
    { "module", 'm', 0, G_OPTION_ARG_STRING, &module_id, N_("Export only this module"),
      N_("ID") },
    { "course", 'c', 0, G_OPTION_ARG_NONE, &whole, N_("Export the whole course as one package"),
      NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Export even when the checks report errors"),
      NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The ZIP file (with --module or --course) or the folder for one ZIP per module"),
      N_("PATH") },
    { NULL }
  };

  context = g_option_context_new (_("COURSE — export SCORM or web packages"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
                                    _("Without --module or --course, PATH is a folder that "
                                      "receives one ZIP per module.\nExit status: 0 exported, "
                                      "1 the checks found errors, 2 unusable input."));

  if (!helder_cli_parse_options (context, &argc, &argv))
    return HELDER_EXIT_UNUSABLE;

  if (format_name == NULL || !helder_export_format_from_string (format_name, &format))
    {
      g_printerr ("helder-cli: %s\n", _("give --format scorm12, scorm2004 or web"));
      return HELDER_EXIT_UNUSABLE;
    }
  if (output == NULL)
    {
      g_printerr ("helder-cli: %s\n", _("give the output path with -o PATH"));
      return HELDER_EXIT_UNUSABLE;
    }
  if (whole && module_id != NULL)
    {
      g_printerr ("helder-cli: %s\n", _("give --module or --course, not both"));
      return HELDER_EXIT_UNUSABLE;
    }
  name = g_path_get_basename (output);
  progress.name = name;

  course = helder_cli_load_course (argc, argv);
  if (course == NULL)
    return HELDER_EXIT_UNUSABLE;

  options.format = format;
  options.scope = module_id != NULL ? HELDER_EXPORT_SCOPE_MODULE
                  : whole ? HELDER_EXPORT_SCOPE_COURSE
                  : HELDER_EXPORT_SCOPE_EACH_MODULE;
  options.module_id = module_id;
  options.force = force;
  options.output = output;

  if (helder_export_run (course, &options, isatty (STDERR_FILENO) ? progress_cb : NULL, &progress,
                         NULL, &problems, &error) > 0)
    return HELDER_EXIT_OK;

  if (problems != NULL)
    helder_cli_print_diagnostics (problems, FALSE);
  if (error == NULL)
    return HELDER_EXIT_OK;
  g_printerr ("helder-cli: %s\n", error->message);

  return g_error_matches (error, HELDER_EXPORT_ERROR, HELDER_EXPORT_ERROR_CHECKS)
         || g_error_matches (error, HELDER_EXPORT_ERROR, HELDER_EXPORT_ERROR_MEDIA)
         ? HELDER_EXIT_FINDINGS : HELDER_EXIT_UNUSABLE;
}
