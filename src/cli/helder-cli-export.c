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
#include "helder-output.h"

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

static int
export_one (HelderCourse       *course,
            HelderExportFormat  format,
            HelderModule       *module,
            gboolean            force,
            const char         *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *name = g_path_get_basename (output);
  Progress progress = { name, -1 };
  gboolean terminal = isatty (STDERR_FILENO);

  if (helder_export_package (course, format, module, force, output,
                             terminal ? progress_cb : NULL, &progress, &problems, &error))
    return HELDER_EXIT_OK;

  if (problems != NULL)
    helder_cli_print_diagnostics (problems, FALSE);
  g_printerr ("helder-cli: %s\n", error->message);

  return g_error_matches (error, HELDER_EXPORT_ERROR, HELDER_EXPORT_ERROR_CHECKS)
         || g_error_matches (error, HELDER_EXPORT_ERROR, HELDER_EXPORT_ERROR_MEDIA)
         ? HELDER_EXIT_FINDINGS : HELDER_EXIT_UNUSABLE;
}

int
helder_cli_export (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HelderCourse) course = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *module_id = NULL;
  g_autofree char *output = NULL;
  gboolean whole = FALSE;
  gboolean force = FALSE;
  HelderExportFormat format;
  HelderModule *module = NULL;
  int status = HELDER_EXIT_OK;
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

  course = helder_cli_load_course (argc, argv, FALSE);
  if (course == NULL)
    return HELDER_EXIT_UNUSABLE;

  if (module_id != NULL)
    {
      module = helder_course_find_module (course, module_id);
      if (module == NULL)
        {
          g_printerr ("helder-cli: ");
          g_printerr (_("the course has no module “%s”"), module_id);
          g_printerr ("\n");
          return HELDER_EXIT_UNUSABLE;
        }
    }

  if (whole || module != NULL)
    return export_one (course, format, module, force, output);

  if (!helder_output_check (output, helder_course_get_path (course), TRUE, &error))
    {
      g_printerr ("helder-cli: %s\n", error->message);
      return HELDER_EXIT_UNUSABLE;
    }
  if (g_mkdir_with_parents (output, 0755) != 0)
    {
      g_printerr ("helder-cli: ");
      g_printerr (_("cannot create the folder “%s”: %s"), output, g_strerror (errno));
      g_printerr ("\n");
      return HELDER_EXIT_UNUSABLE;
    }

  for (guint i = 0; i < helder_course_get_n_modules (course); i++)
    {
      HelderModule *each = helder_course_get_module (course, i);
      g_autofree char *file = helder_export_module_file_name (each);
      g_autofree char *path = g_build_filename (output, file, NULL);

      status = MAX (status, export_one (course, format, each, force, path));
    }

  return status;
}
