/* helder-cli-check.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "helder-checks.h"
#include "helder-date.h"
#include "helder-language-rules.h"
#include "helder-cli.h"
#include "helder-language-checker.h"
#include "helder-tip-checks.h"

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

static void
print_summary (HelderCourse          *course,
               HelderLanguageChecker *checker,
               const char            *only_module)
{
  HelderReadabilityCounts total;
  g_autoptr(GArray) counts = helder_language_dup_module_counts (checker, course, &total);
  HelderReadability scores;

  g_print ("\n");
  for (guint m = 0; m < helder_course_get_n_modules (course); m++)
    {
      HelderModule *module = helder_course_get_module (course, m);
      g_autofree char *title = NULL;

      if (only_module != NULL && !g_str_equal (only_module, helder_module_get_id (module)))
        continue;
      helder_readability_compute (&g_array_index (counts, HelderReadabilityCounts, m), &scores);
      title = g_strdup_printf ("%s (%s)", helder_module_get_id (module),
                               helder_module_get_title (module));
      helder_cli_print_readability (title, &scores);
    }

  if (only_module == NULL)
    {
      helder_readability_compute (&total, &scores);
      helder_cli_print_readability (_("Course"), &scores);
    }
}

static void
print_json (HelderCourse          *course,
            HelderLanguageChecker *checker,
            GPtrArray             *diagnostics,
            const char            *only_module)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  HelderReadabilityCounts total;
  g_autoptr(GArray) counts = helder_language_dup_module_counts (checker, course, &total);
  HelderReadability scores;

  /* JSON is for tools that apply fixes: give spelling findings their
   * replacements, which the check itself leaves out for speed.
   */
  for (guint i = 0; i < diagnostics->len; i++)
    {
      HelderDiagnostic *d = g_ptr_array_index (diagnostics, i);
      HelderPage *page = helder_course_find_page (course, d->file);

      if (page != NULL)
        helder_language_add_spelling_suggestions (d, helder_page_get_text (page));
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "diagnostics");
  json_builder_add_value (builder, helder_cli_diagnostics_to_json (diagnostics));

  json_builder_set_member_name (builder, "modules");
  json_builder_begin_array (builder);
  for (guint m = 0; m < helder_course_get_n_modules (course); m++)
    {
      HelderModule *module = helder_course_get_module (course, m);

      if (only_module != NULL && !g_str_equal (only_module, helder_module_get_id (module)))
        continue;
      helder_readability_compute (&g_array_index (counts, HelderReadabilityCounts, m), &scores);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, helder_module_get_id (module));
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, helder_module_get_title (module));
      json_builder_set_member_name (builder, "readability");
      helder_cli_add_readability_json (builder, &scores);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  helder_readability_compute (&total, &scores);
  json_builder_set_member_name (builder, "course");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "readability");
  helder_cli_add_readability_json (builder, &scores);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  helder_cli_print_json (root);
}

int
helder_cli_check (int    argc,
                  char **argv)
{
  g_autoptr(HelderCourse) course = NULL;
  g_autoptr(HelderLanguageChecker) checker = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *module = NULL;
  g_autofree char *page = NULL;
  g_autofree char *today_text = NULL;
  gboolean json = FALSE;
  GDate today;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the findings as JSON"), NULL },
    { "module", 0, 0, G_OPTION_ARG_STRING, &module, N_("Only this module"), N_("ID") },
    { "page", 0, 0, G_OPTION_ARG_STRING, &page, N_("Only this page (module/page.md)"),
      N_("FILE") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("Read the course's dates as if today were DATE (YYYY-MM-DD), for runs that must "
         "give the same findings on any day"), N_("DATE") },
    { NULL }
  };

  if (!helder_cli_parse_options (_("COURSE — run every check and print the findings"), entries,
                                 _("Each finding is printed as file:line:column: severity: "
                                   "message [rule], followed by the readability scores of "
                                   "each module and the course (see docs/readability.md).\n"
                                   "With --json: an object with \"diagnostics\", \"modules\" "
                                   "and \"course\".\n"
                                   "Exit status: 0 no errors, 1 errors, 2 unusable input."),
                                 &argc, &argv))
    return HELDER_EXIT_UNUSABLE;

  if (today_text == NULL)
    helder_date_set_today (&today);
  else if (!helder_date_parse_iso (today_text, &today))
    {
      g_printerr ("helder-cli: ");
      g_printerr (_("--today “%s” is not a date; write it as YYYY-MM-DD, for example 2026-12-04"),
                  today_text);
      g_printerr ("\n");
      return HELDER_EXIT_UNUSABLE;
    }

  course = helder_cli_load_course (argc, argv, FALSE);
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

  /* One checker for the checks and the scores: the scores are then
   * counted from what the checks remembered.
   */
  checker = helder_language_checker_new_for_course (course);
  all = helder_checks_run_course_with_checker (course, checker, &today);
  if (!helder_tip_checks_run (course, all, &error))
    {
      g_printerr ("helder-cli: %s\n", error->message);
      return HELDER_EXIT_UNUSABLE;
    }
  diagnostics = filter_diagnostics (all, module, page);
  if (json)
    print_json (course, checker, diagnostics, module);
  else
    {
      helder_cli_print_diagnostics (diagnostics, FALSE);
      if (page == NULL)
        print_summary (course, checker, module);
    }

  return helder_diagnostics_have_errors (diagnostics) ? HELDER_EXIT_FINDINGS : HELDER_EXIT_OK;
}
