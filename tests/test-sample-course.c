/* test-sample-course.c
 *
 * The sample course is what users learn the format from and what every
 * check and export is tried on: assert the facts it promises.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "helder-checks.h"
#include "helder-course.h"

static HelderCourse *
load_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("HELDER_SOURCE_ROOT"), "content-samples",
                                            "ai-bewustzijn", NULL);
  g_autoptr(GError) error = NULL;
  HelderCourse *course = helder_course_load (path, &error);

  g_assert_no_error (error);
  return course;
}

static guint
count_blocks (HelderModule    *module,
              HelderBlockKind  kind,
              const char      *test)
{
  guint n = 0;

  for (guint p = 0; p < helder_module_get_n_pages (module); p++)
    {
      const HelderPageContent *content = helder_page_get_content (helder_module_get_page (module, p));

      for (guint b = 0; b < content->blocks->len; b++)
        {
          const HelderBlock *block = g_ptr_array_index (content->blocks, b);

          if (block->kind == kind &&
              (test == NULL || g_strcmp0 (helder_block_get_value (block, "test"), test) == 0))
            n++;
        }
    }

  return n;
}

static void
test_clean (void)
{
  g_autoptr(HelderCourse) course = load_sample ();
  g_autoptr(GPtrArray) diagnostics = helder_course_validate (course);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *s = helder_diagnostic_to_string (g_ptr_array_index (diagnostics, i));

      g_test_message ("%s", s);
    }
  g_assert_false (helder_diagnostics_have_errors (diagnostics));
}

/* Every rule, language, accessibility, tests and dated facts included: the
 * course a team could publish has no errors and no warnings left, only
 * hints. Dated facts are judged as of the day they were last checked, so
 * the test does not change with the calendar.
 */
static void
test_all_checks (void)
{
  g_autoptr(HelderCourse) course = load_sample ();
  g_autoptr(GDate) checked = g_date_new_dmy (4, G_DATE_DECEMBER, 2026);
  g_autoptr(GPtrArray) diagnostics = helder_checks_run_course_on (course, checked);
  guint hints = 0;

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const HelderDiagnostic *d = g_ptr_array_index (diagnostics, i);
      g_autofree char *s = helder_diagnostic_to_string (d);

      if (d->severity == HELDER_SEVERITY_HINT)
        hints++;
      else
        {
          g_test_message ("%s", s);
          g_assert_cmpint (d->severity, ==, HELDER_SEVERITY_HINT);
        }
    }

  /* The rules did look: long and rare words remain as hints to weigh. */
  g_assert_cmpuint (hints, >, 0);
}

static void
test_modules (void)
{
  g_autoptr(HelderCourse) course = load_sample ();
  const char * const titles[] = {
    "Introductie AI & Wetgeving",
    "AI in de praktijk bij de gemeente",
    "Ethiek & verantwoord gebruik van AI",
  };
  g_autoptr(GHashTable) colours = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpstr (helder_course_get_language (course), ==, "nl");
  g_assert_cmpuint (helder_course_get_n_modules (course), ==, 3);

  for (guint m = 0; m < 3; m++)
    {
      HelderModule *module = helder_course_get_module (course, m);
      guint interactive = count_blocks (module, HELDER_BLOCK_ACCORDION, NULL) +
                          count_blocks (module, HELDER_BLOCK_TABS, NULL) +
                          count_blocks (module, HELDER_BLOCK_FLASHCARDS, NULL) +
                          count_blocks (module, HELDER_BLOCK_STEPS, NULL);
      gboolean has_action = FALSE;

      g_assert_cmpstr (helder_module_get_title (module), ==, titles[m]);
      g_assert_cmpuint (helder_module_get_n_pages (module), >=, 5);
      g_assert_cmpuint (helder_module_get_n_pages (module), <=, 8);
      g_assert_cmpuint (helder_module_get_word_count (module), >=, 1400);
      g_assert_cmpuint (helder_module_get_word_count (module), <=, 2600);
      g_assert_cmpuint (g_strv_length ((GStrv) helder_module_get_goals (module)), >, 0);
      g_assert_cmpuint (count_blocks (module, HELDER_BLOCK_CHECK, NULL), >=, 3);
      g_assert_cmpuint (interactive, >=, 1);

      /* Each module has its own colour. */
      g_assert_nonnull (helder_module_get_colour (module));
      g_assert_true (g_hash_table_add (colours, (gpointer) helder_module_get_colour (module)));

      for (guint p = 0; p < helder_module_get_n_pages (module); p++)
        {
          const HelderPageContent *content =
            helder_page_get_content (helder_module_get_page (module, p));

          for (guint b = 0; b < content->blocks->len; b++)
            {
              const HelderBlock *block = g_ptr_array_index (content->blocks, b);

              if (block->kind == HELDER_BLOCK_CALLOUT && g_strcmp0 (block->info, "ACTION") == 0)
                has_action = TRUE;
            }
        }
      g_assert_true (has_action);
    }
}

/* The four learning goals of the course brief, defined once; every graded
 * question names one of them.
 */
static void
test_goals (void)
{
  g_autoptr(HelderCourse) course = load_sample ();
  const char * const ids[] = { "basiskennis", "ai-verordening", "toepassingen", "ethiek" };

  g_assert_cmpuint (helder_course_get_n_goals (course), ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpstr (helder_course_get_goal (course, i)->id, ==, ids[i]);

  for (HelderPageIter iter = helder_course_iter_pages (course); helder_page_iter_next (&iter);)
    {
      const HelderPageContent *content = helder_page_get_content (iter.page);

      for (guint b = 0; b < content->blocks->len; b++)
        {
          const HelderBlock *block = g_ptr_array_index (content->blocks, b);

          if (block->kind == HELDER_BLOCK_QUESTION)
            g_assert_nonnull (helder_course_find_goal (course,
                                                       helder_block_get_value (block, "goal"),
                                                       NULL));
        }
    }
}

static void
test_tests_and_survey (void)
{
  g_autoptr(HelderCourse) course = load_sample ();
  HelderModule *first = helder_course_get_module (course, 0);
  HelderModule *last = helder_course_get_module (course, 2);

  g_assert_cmpuint (count_blocks (first, HELDER_BLOCK_QUESTION, "pre"), >=, 8);
  g_assert_cmpuint (count_blocks (last, HELDER_BLOCK_QUESTION, "post"), >=, 8);
  g_assert_cmpuint (count_blocks (last, HELDER_BLOCK_QUESTION, "post"), ==,
                    count_blocks (first, HELDER_BLOCK_QUESTION, "pre"));
  g_assert_cmpuint (count_blocks (last, HELDER_BLOCK_SURVEY, NULL), >=, 4);
  g_assert_cmpuint (count_blocks (last, HELDER_BLOCK_SCENARIO, NULL), >=, 2);
}

static void
test_media_accessible (void)
{
  g_autoptr(HelderCourse) course = load_sample ();
  guint images = 0;
  guint decorative = 0;
  guint media = 0;

  for (guint m = 0; m < helder_course_get_n_modules (course); m++)
    {
      HelderModule *module = helder_course_get_module (course, m);

      for (guint p = 0; p < helder_module_get_n_pages (module); p++)
        {
          const HelderPageContent *content =
            helder_page_get_content (helder_module_get_page (module, p));

          for (guint b = 0; b < content->blocks->len; b++)
            {
              const HelderBlock *block = g_ptr_array_index (content->blocks, b);
              const char *alt = helder_block_get_value (block, "alt");

              if (block->kind == HELDER_BLOCK_IMAGE)
                {
                  images++;
                  if (helder_value_is_yes (helder_block_get_value (block, "decorative")))
                    decorative++;
                  else
                    {
                      g_assert_nonnull (alt);
                      g_assert_cmpuint (strlen (alt), >, 20);
                      g_assert_false (g_str_has_prefix (alt, "Afbeelding van"));
                    }
                }

              if (block->kind == HELDER_BLOCK_VIDEO || block->kind == HELDER_BLOCK_AUDIO)
                {
                  media++;
                  g_assert_true (g_str_has_suffix (helder_block_get_value (block, "captions"),
                                                   ".vtt"));
                  g_assert_nonnull (helder_block_get_value (block, "transcript"));
                }
            }
          g_assert_cmpuint (content->images->len, ==, 0);
        }
    }

  g_assert_cmpuint (images, >=, 4);
  g_assert_cmpuint (decorative, >=, 1);
  g_assert_cmpuint (media, >=, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sample-course/clean", test_clean);
  g_test_add_func ("/sample-course/modules", test_modules);
  g_test_add_func ("/sample-course/all-checks", test_all_checks);
  g_test_add_func ("/sample-course/tests-and-survey", test_tests_and_survey);
  g_test_add_func ("/sample-course/goals", test_goals);
  g_test_add_func ("/sample-course/media-accessible", test_media_accessible);

  return g_test_run ();
}
