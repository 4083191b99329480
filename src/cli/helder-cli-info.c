/* helder-cli-info.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-cli.h"
#include "helder-json-members.h"

static void
count_blocks (HelderPage *page,
              guint      *counts)
{
  const HelderPageContent *content = helder_page_get_content (page);

  for (guint i = 0; i < content->blocks->len; i++)
    counts[((HelderBlock *) g_ptr_array_index (content->blocks, i))->kind]++;
  counts[HELDER_BLOCK_IMAGE] += content->images->len;
}

static void
add_block_counts (JsonBuilder *builder,
                  const guint *counts)
{
  json_builder_set_member_name (builder, "blocks");
  json_builder_begin_object (builder);
  for (guint k = 0; k < HELDER_N_BLOCK_KINDS; k++)
    {
      json_builder_set_member_name (builder, helder_block_kind_to_string (k));
      json_builder_add_int_value (builder, counts[k]);
    }
  json_builder_end_object (builder);
}

static void
print_block_counts (const guint *counts)
{
  gboolean first = TRUE;

  for (guint k = 0; k < HELDER_N_BLOCK_KINDS; k++)
    {
      if (counts[k] == 0)
        continue;
      g_print ("%s%s %u", first ? "" : ", ", helder_block_kind_to_string (k), counts[k]);
      first = FALSE;
    }
  g_print ("\n");
}

int
helder_cli_info (int    argc,
                 char **argv)
{
  g_autoptr(HelderCourse) course = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint course_counts[HELDER_N_BLOCK_KINDS] = { 0 };
  guint total_pages = 0;
  guint total_words = 0;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the facts as JSON"), NULL },
    { NULL }
  };

  if (!helder_cli_parse_options (_("COURSE — show modules, pages, blocks, words and minutes"),
                                 entries,
                                 _("Minutes are estimated from the words at B1 reading speed "
                                   "(150 words a minute) plus a quarter of a minute per interaction."),
                                 &argc, &argv))
    return HELDER_EXIT_UNUSABLE;

  course = helder_cli_load_course (argc, argv, FALSE);
  if (course == NULL)
    return HELDER_EXIT_UNUSABLE;

  json_builder_begin_object (builder);
  helder_json_add_string (builder, "id", helder_course_get_id (course));
  helder_json_add_string (builder, "title", helder_course_get_title (course));
  helder_json_add_string (builder, "language", helder_course_get_language (course));
  json_builder_set_member_name (builder, "modules");
  json_builder_begin_array (builder);

  if (!json)
    g_print ("%s (%s)\n", helder_course_get_title (course),
             helder_course_get_id (course) != NULL ? helder_course_get_id (course) : "?");

  for (guint m = 0; m < helder_course_get_n_modules (course); m++)
    {
      HelderModule *module = helder_course_get_module (course, m);
      guint module_counts[HELDER_N_BLOCK_KINDS] = { 0 };
      double estimate = helder_module_estimate_minutes (module);

      json_builder_begin_object (builder);
      helder_json_add_string (builder, "id", helder_module_get_id (module));
      helder_json_add_string (builder, "title", helder_module_get_title (module));
      helder_json_add_string (builder, "colour", helder_module_get_colour (module));
      helder_json_add_int (builder, "minutes", helder_module_get_minutes (module));
      json_builder_set_member_name (builder, "estimated_minutes");
      json_builder_add_double_value (builder, (gint64) (estimate * 10 + 0.5) / 10.0);
      helder_json_add_int (builder, "words", helder_module_get_word_count (module));
      json_builder_set_member_name (builder, "pages");
      json_builder_begin_array (builder);

      if (!json)
        {
          /* Translators: pages, words, estimated and planned minutes */
          g_autofree char *summary =
            g_strdup_printf (_("%u pages, %u words, about %.0f minutes (planned %u)"),
                             helder_module_get_n_pages (module),
                             helder_module_get_word_count (module), estimate,
                             helder_module_get_minutes (module));

          g_print ("\n%s — %s\n  %s\n", helder_module_get_id (module),
                   helder_module_get_title (module), summary);
        }

      for (guint p = 0; p < helder_module_get_n_pages (module); p++)
        {
          HelderPage *page = helder_module_get_page (module, p);
          guint page_counts[HELDER_N_BLOCK_KINDS] = { 0 };

          count_blocks (page, page_counts);
          for (guint k = 0; k < HELDER_N_BLOCK_KINDS; k++)
            module_counts[k] += page_counts[k];

          json_builder_begin_object (builder);
          helder_json_add_string (builder, "file", helder_page_get_file (page));
          helder_json_add_string (builder, "id", helder_page_get_id (page));
          helder_json_add_string (builder, "title", helder_page_get_title (page));
          helder_json_add_int (builder, "words", helder_page_get_word_count (page));
          add_block_counts (builder, page_counts);
          json_builder_end_object (builder);

          if (!json)
            g_print ("  %-28s %5u  %s\n", helder_page_get_id (page),
                     helder_page_get_word_count (page), helder_page_get_title (page));
        }

      json_builder_end_array (builder);
      add_block_counts (builder, module_counts);
      json_builder_end_object (builder);

      if (!json)
        {
          g_print ("  ");
          print_block_counts (module_counts);
        }

      for (guint k = 0; k < HELDER_N_BLOCK_KINDS; k++)
        course_counts[k] += module_counts[k];
      total_pages += helder_module_get_n_pages (module);
      total_words += helder_module_get_word_count (module);
    }

  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "totals");
  json_builder_begin_object (builder);
  helder_json_add_int (builder, "modules", helder_course_get_n_modules (course));
  helder_json_add_int (builder, "pages", total_pages);
  helder_json_add_int (builder, "words", total_words);
  add_block_counts (builder, course_counts);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  if (json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);

      helder_cli_print_json (root);
    }
  else
    {
      g_autofree char *total = g_strdup_printf (_("Total: %u modules, %u pages, %u words"),
                                                helder_course_get_n_modules (course),
                                                total_pages, total_words);

      g_print ("\n%s\n", total);
    }

  return HELDER_EXIT_OK;
}
