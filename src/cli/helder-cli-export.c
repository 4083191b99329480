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
#include "helder-a11y-rules.h"
#include "helder-exporter.h"
#include "helder-handout.h"
#include "helder-tips-export.h"
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

/* A PDF handout of one module, or of the whole course. */
static int
export_handout (HelderCourse *course,
                HelderModule *module,
                gboolean      questions,
                const char   *output)
{
  g_autoptr(GError) error = NULL;
  HelderHandoutOptions options;
  guint pages = 0;

  helder_handout_options_init (&options);
  options.questions = questions;
  if (!helder_handout_write (course, module, &options, output, &pages, &error))
    {
      g_printerr ("helder-cli: %s\n", error->message);
      return HELDER_EXIT_UNUSABLE;
    }
  g_printerr (g_dngettext (GETTEXT_PACKAGE, "%s: %u page\n", "%s: %u pages\n", pages), output,
              pages);
  return HELDER_EXIT_OK;
}

/* The tips of the week: a feed, e-mails and slides in @output. */
static int
export_tips (HelderCourse *course,
             gboolean      force,
             const char   *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  guint tips = 0;
  gboolean drafted = FALSE;

  if (!helder_tips_export (course, output, force, &problems, &tips, &drafted, &error))
    {
      if (problems != NULL)
        helder_cli_print_diagnostics (problems, FALSE);
      g_printerr ("helder-cli: %s\n", error->message);
      return problems != NULL ? HELDER_EXIT_FINDINGS : HELDER_EXIT_UNUSABLE;
    }
  g_printerr (g_dngettext (GETTEXT_PACKAGE, "%s: %u tip\n", "%s: %u tips\n", tips), output, tips);
  if (drafted)
    g_printerr ("%s\n", _("The course has no tips.md: these tips were drafted from its “Wat kun "
                          "jij doen?” callouts. Edit tips-draft.md and save it in the course as "
                          "tips.md."));
  return HELDER_EXIT_OK;
}

int
helder_cli_export (int    argc,
                   char **argv)
{
  g_autoptr(HelderCourse) course = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *module_id = NULL;
  g_autofree char *output = NULL;
  gboolean whole = FALSE;
  gboolean force = FALSE;
  gboolean no_questions = FALSE;
  g_auto(GStrv) page_args = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *title = NULL;
  HelderExportFormat format;
  HelderExportOptions options = { 0 };
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *name = NULL;
  Progress progress = { NULL, -1 };
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("Package format: scorm12, scorm2004 or web; pdf for a printable handout; tips for "
         "the tips of the week"),
      N_("FORMAT") },
    { "module", 'm', 0, G_OPTION_ARG_STRING, &module_id, N_("Export only this module"),
      N_("ID") },
    { "course", 'c', 0, G_OPTION_ARG_NONE, &whole, N_("Export the whole course as one package"),
      NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Export even when the checks report errors"),
      NULL },
    { "no-questions", 0, 0, G_OPTION_ARG_NONE, &no_questions,
      N_("Leave knowledge checks, tests and surveys out of a PDF handout"), NULL },
    { "pages", 'p', 0, G_OPTION_ARG_STRING_ARRAY, &page_args,
      N_("A bite-size lesson of these pages (module/page.md, separated by commas, or the "
         "option given again), in this order"), N_("PAGES") },
    { "title", 't', 0, G_OPTION_ARG_STRING, &title, N_("The bite-size lesson's title"),
      N_("TITLE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The ZIP file (with --module or --course) or the folder for one ZIP per module"),
      N_("PATH") },
    { NULL }
  };

  if (!helder_cli_parse_options (_("COURSE — export SCORM or web packages"), entries,
                                 _("Without --module or --course, PATH is a folder that "
                                   "receives one ZIP per module.\nExit status: 0 exported, "
                                   "1 the checks found errors, 2 unusable input."),
                                 &argc, &argv))
    return HELDER_EXIT_UNUSABLE;

  if (format_name == NULL
      || (!helder_export_format_from_string (format_name, &format)
          && g_strcmp0 (format_name, "pdf") != 0 && g_strcmp0 (format_name, "tips") != 0))
    {
      g_printerr ("helder-cli: %s\n", _("give --format scorm12, scorm2004, web, pdf or tips"));
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

  course = helder_cli_load_course (argc, argv, FALSE);
  if (course == NULL)
    return HELDER_EXIT_UNUSABLE;

  if (g_strcmp0 (format_name, "tips") == 0)
    return export_tips (course, force, output);
  if (g_strcmp0 (format_name, "pdf") == 0)
    {
      HelderModule *module = NULL;

      if (module_id != NULL && (module = helder_course_find_module (course, module_id)) == NULL)
        {
          g_printerr ("helder-cli: ");
          g_printerr (_("the course has no module “%s”"), module_id);
          g_printerr ("\n");
          return HELDER_EXIT_UNUSABLE;
        }
      return export_handout (course, module, !no_questions, output);
    }

  if (page_args != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_autoptr(HelderModule) lesson = NULL;
      g_autoptr(GPtrArray) budget =
        g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);

      for (guint i = 0; page_args[i] != NULL; i++)
        {
          g_auto(GStrv) parts = g_strsplit (page_args[i], ",", -1);

          for (guint j = 0; parts[j] != NULL; j++)
            if (*g_strstrip (parts[j]) != '\0')
              g_strv_builder_add (builder, parts[j]);
        }
      pages = g_strv_builder_end (builder);
      if (title == NULL || module_id != NULL || whole)
        {
          g_printerr ("helder-cli: %s\n",
                      _("a bite-size lesson needs --title, and no --module or --course"));
          return HELDER_EXIT_UNUSABLE;
        }
      /* The time budget of 5 to 10 minutes applies to the lesson too. */
      lesson = helder_course_dup_lesson (course, title, (const char * const *) pages, &error);
      if (lesson == NULL)
        {
          g_printerr ("helder-cli: %s\n", error->message);
          return HELDER_EXIT_UNUSABLE;
        }
      helder_a11y_check_time_budget (course, lesson, budget);
      helder_cli_print_diagnostics (budget, FALSE);
    }

  options.format = format;
  options.scope = page_args != NULL ? HELDER_EXPORT_SCOPE_LESSON
                  : module_id != NULL ? HELDER_EXPORT_SCOPE_MODULE
                  : whole ? HELDER_EXPORT_SCOPE_COURSE
                  : HELDER_EXPORT_SCOPE_EACH_MODULE;
  options.module_id = module_id;
  options.pages = (const char * const *) pages;
  options.title = title;
  options.force = force;
  options.output = output;

  /* Each module into its own ZIP: the folder must be a safe place too. */
  if (options.scope == HELDER_EXPORT_SCOPE_EACH_MODULE
      && !helder_output_check (output, helder_course_get_path (course), TRUE, &error))
    {
      g_printerr ("helder-cli: %s\n", error->message);
      return HELDER_EXIT_UNUSABLE;
    }
  if (helder_export_run (course, &options, isatty (STDERR_FILENO) ? progress_cb : NULL, &progress,
                         NULL, &problems, &error) > 0)
    return HELDER_EXIT_OK;

  if (problems != NULL)
    helder_cli_print_diagnostics (problems, FALSE);
  if (error == NULL)
    return HELDER_EXIT_OK;
  g_printerr ("helder-cli: %s\n", error->message);
  /* The core leaves the options out: the app has its own switch. */
  if (g_error_matches (error, HELDER_EXPORT_ERROR, HELDER_EXPORT_ERROR_CHECKS))
    g_printerr ("helder-cli: %s\n", _("to export anyway, add --force"));

  return g_error_matches (error, HELDER_EXPORT_ERROR, HELDER_EXPORT_ERROR_CHECKS)
         || g_error_matches (error, HELDER_EXPORT_ERROR, HELDER_EXPORT_ERROR_MEDIA)
         ? HELDER_EXIT_FINDINGS : HELDER_EXIT_UNUSABLE;
}
