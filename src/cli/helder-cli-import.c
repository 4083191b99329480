/* helder-cli-import.c: `helder-cli import`, a course from another tool.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-cli.h"
#include "helder-rise-import.h"

int
helder_cli_import (int    argc,
                   char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderImportSummary) summary = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("What made the package: rise (the only one so far, and the default)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The new course folder; it must not exist yet, or be empty"), N_("FOLDER") },
    { NULL }
  };

  if (!helder_cli_parse_options (_("PACKAGE — make a Helder course of another tool's export"),
                                 entries,
                                 _("PACKAGE is an Articulate Rise 360 export (SCORM 1.2, "
                                   "SCORM 2004, xAPI, cmi5 or web): its ZIP file or the "
                                   "folder it was unpacked into. The new course holds "
                                   "import-report.md: what was imported, what changed and "
                                   "what could not come over.\nExit status: 0 imported, "
                                   "2 unusable input."),
                                 &argc, &argv))
    return HELDER_EXIT_UNUSABLE;
  if (format != NULL && g_strcmp0 (format, "rise") != 0)
    {
      g_printerr ("helder-cli: %s\n", _("give --format rise (the only format Helder imports)"));
      return HELDER_EXIT_UNUSABLE;
    }
  if (argc != 2)
    {
      g_printerr ("helder-cli: %s\n", _("give exactly one package to import"));
      return HELDER_EXIT_UNUSABLE;
    }
  if (output == NULL)
    {
      g_printerr ("helder-cli: %s\n", _("give the new course folder with -o FOLDER"));
      return HELDER_EXIT_UNUSABLE;
    }

  summary = helder_rise_import (argv[1], output, NULL, &error);
  if (summary == NULL)
    {
      g_printerr ("helder-cli: %s\n", error->message);
      return HELDER_EXIT_UNUSABLE;
    }

  g_print (_("Imported “%s” into %s: %u modules, %u pages, %u blocks, %u media files."),
           summary->title, output, summary->modules, summary->pages, summary->blocks,
           summary->media);
  g_print ("\n");
  if (summary->changed > 0 || summary->not_imported > 0)
    {
      g_print (_("%u blocks changed form and %u could not be imported; see import-report.md "
                 "in the course."),
               summary->changed, summary->not_imported);
      g_print ("\n");
    }
  return HELDER_EXIT_OK;
}
