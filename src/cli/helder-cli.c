/* helder-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "helder-cli.h"
#include "helder-save-transaction.h"

typedef struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *summary;
} Command;

static const Command commands[] = {
  { "validate", helder_cli_validate, N_("Report problems in the course's files") },
  { "check", helder_cli_check, N_("Run every check and print the findings") },
  { "info", helder_cli_info, N_("Show modules, pages, blocks, words and minutes") },
  { "contrast", helder_cli_contrast, N_("Show the WCAG contrast of two colours") },
  { "export", helder_cli_export, N_("Export SCORM 1.2, SCORM 2004 or web packages") },
  { "import", helder_cli_import, N_("Make a course of an Articulate Rise 360 export") },
  { "kpi", helder_cli_kpi, N_("Show the KPIs from the learning platform's reports") },
  { "readability", helder_cli_readability, N_("Show the readability scores of a plain text") },
  { "review", helder_cli_review, N_("Show or record the review: threads, page states per role") },
  { "review-report", helder_cli_review_report, N_("Write the review report as HTML or CSV") },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n\n", _("Usage: helder-cli COMMAND [OPTION…] COURSE"));
  fprintf (stream, "%s\n", _("Check and export Helder courses without a display."));
  fprintf (stream, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-12s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Options:"));
  fprintf (stream, "  %-12s %s\n", "-h, --help", _("Show this help"));
  fprintf (stream, "  %-12s %s\n", "--version", _("Show the version"));
  fprintf (stream, "\n%s\n", _("Run “helder-cli COMMAND --help” for the options of a command."));
  fprintf (stream, "%s\n", _("Exit status: 0 no errors, 1 the course has errors, 2 unusable input."));
}

/* Parses a command's options out of argv: @parameter and @description are
 * the translated help text around the options. Prints why and returns
 * FALSE on an unknown or malformed option.
 */
gboolean
helder_cli_parse_options (const char          *parameter,
                          const GOptionEntry  *entries,
                          const char          *description,
                          int                 *argc,
                          char              ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context, description);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("helder-cli: %s\n", error->message);
      return FALSE;
    }

  return TRUE;
}

/* Loads the one course folder left in argv after the options; prints why
 * and returns NULL when there is none. Only a command that may write into
 * the course (@may_write) finishes an interrupted save; the others leave
 * the folder exactly as it is and say how to finish it.
 */
HelderCourse *
helder_cli_load_course (int        argc,
                        char     **argv,
                        gboolean   may_write)
{
  g_autoptr(GError) error = NULL;
  HelderCourse *course;

  if (argc != 2)
    {
      g_printerr ("helder-cli: %s\n", _("give exactly one course folder"));
      return NULL;
    }

  if (may_write)
    course = helder_course_load (argv[1], &error);
  else
    course = helder_course_read (argv[1], NULL, &error);
  if (course == NULL)
    g_printerr ("helder-cli: %s\n", error->message);
  else if (!may_write && helder_save_transaction_is_interrupted (argv[1]))
    g_printerr ("helder-cli: %s\n",
                _("a save of this course was interrupted, so this shows the course as it was "
                  "before that save; open the course in Helder, or run a helder-cli command "
                  "that changes it (such as review --add-comment), to finish the save"));

  return course;
}

void
helder_cli_print_json (JsonNode *node)
{
  g_autofree char *text = helder_json_to_text (node);

  g_print ("%s", text);
}

JsonNode *
helder_cli_diagnostics_to_json (GPtrArray *diagnostics)
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

void
helder_cli_print_diagnostics (GPtrArray *diagnostics,
                              gboolean   json)
{
  if (json)
    {
      g_autoptr(JsonNode) node = helder_cli_diagnostics_to_json (diagnostics);

      helder_cli_print_json (node);
      return;
    }

  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *line = helder_diagnostic_to_string (g_ptr_array_index (diagnostics, i));

      g_print ("%s\n", line);
    }
}

/* Text from course files and review.json reaches the terminal; its control
 * characters (an escape sequence could rewrite the screen or the window
 * title) are shown as U+FFFD instead. Lines and tabs stay.
 */
static void
write_printable (FILE       *stream,
                 const char *text)
{
  g_autoptr(GString) out = NULL;

  if (!isatty (fileno (stream)))
    {
      fputs (text, stream);
      return;
    }

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0';)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_unichar (out, 0xfffd);
          p++;
          continue;
        }
      if ((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f))
        g_string_append_unichar (out, 0xfffd);
      else
        g_string_append_unichar (out, c);
      p = g_utf8_next_char (p);
    }
  fputs (out->str, stream);
}

static void
print_cb (const char *text)
{
  write_printable (stdout, text);
}

static void
printerr_cb (const char *text)
{
  write_printable (stderr, text);
}

int
main (int    argc,
      char **argv)
{
  const char *name;

  setlocale (LC_ALL, "");
  /* HELDER_LOCALEDIR lets an uninstalled build (build-aux/dev run) use
   * the translations it just compiled.
   */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("HELDER_LOCALEDIR") != NULL
                                     ? g_getenv ("HELDER_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("helder-cli");
  g_set_print_handler (print_cb);
  g_set_printerr_handler (printerr_cb);

  if (argc < 2)
    {
      print_usage (stderr);
      return HELDER_EXIT_UNUSABLE;
    }

  name = argv[1];
  if (g_str_equal (name, "--version") || g_str_equal (name, "-v"))
    {
      g_print ("helder-cli %s\n", PACKAGE_VERSION);
      return HELDER_EXIT_OK;
    }
  if (g_str_equal (name, "--help") || g_str_equal (name, "-h") || g_str_equal (name, "help"))
    {
      print_usage (stdout);
      return HELDER_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (name, commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  g_printerr ("helder-cli: ");
  g_printerr (_("unknown command “%s”; run “helder-cli --help” for the list"), name);
  g_printerr ("\n");
  return HELDER_EXIT_UNUSABLE;
}
