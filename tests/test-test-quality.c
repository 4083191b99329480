/* test-test-quality.c
 *
 * Each rule of docs/test-quality.md on a small course that breaks it and
 * on one that does not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "helder-checks.h"
#include "helder-test-quality.h"
#include "helder-test-utils.h"

#define COURSE_GOALS \
  "  \"goals\": [\n" \
  "    { \"id\": \"basis\", \"text\": \"Je weet wat AI is.\" },\n" \
  "    { \"id\": \"wet\", \"text\": \"Je kent de AI-verordening.\" }\n" \
  "  ],\n"

typedef struct
{
  char         *path;
  HelderCourse *course;
  GPtrArray    *diagnostics;
} Fixture;

/* A course with one module of the given pages (NULL-terminated pairs of
 * file name and text), course.json with @extra members, checked whole.
 */
static void
fixture_set_up (Fixture            *fixture,
                const char         *extra,
                const char * const *pages)
{
  g_autoptr(GString) order = g_string_new (NULL);
  g_autofree char *course_json = NULL;
  g_autofree char *module_json = NULL;
  g_autofree char *module = NULL;
  g_autoptr(GError) error = NULL;

  fixture->path = g_dir_make_tmp ("helder-test-quality-XXXXXX", NULL);
  module = g_build_filename (fixture->path, "m1", NULL);
  g_mkdir (module, 0755);
  for (guint i = 0; pages[i] != NULL; i += 2)
    {
      g_string_append_printf (order, "%s\"%s\"", i > 0 ? ", " : "", pages[i]);
      helder_test_write_file (module, pages[i], pages[i + 1]);
    }
  module_json = g_strdup_printf ("{ \"title\": \"Module\", \"pages\": [%s] }\n", order->str);
  helder_test_write_file (module, "module.json", module_json);
  course_json = g_strdup_printf ("{\n  \"format\": 1,\n  \"id\": \"toets\",\n"
                                 "  \"title\": \"Toets\",\n  \"language\": \"nl\",\n%s"
                                 "  \"modules\": [\"m1\"]\n}\n", extra);
  helder_test_write_file (fixture->path, "course.json", course_json);

  fixture->course = helder_course_load (fixture->path, &error);
  g_assert_no_error (error);
  fixture->diagnostics = helder_checks_run_course (fixture->course);
}

static void
fixture_tear_down (Fixture *fixture)
{
  g_clear_pointer (&fixture->diagnostics, g_ptr_array_unref);
  g_clear_object (&fixture->course);
  helder_test_remove_tree (fixture->path);
  g_free (fixture->path);
}

/* How many findings of @rule there are (at @line, unless 0); they go to
 * the test log.
 */
static guint
count_rule (Fixture    *fixture,
            const char *rule,
            guint       line)
{
  guint n = 0;

  for (guint i = 0; i < fixture->diagnostics->len; i++)
    {
      const HelderDiagnostic *d = g_ptr_array_index (fixture->diagnostics, i);

      if (g_str_equal (d->rule, rule) && (line == 0 || d->line == line))
        {
          g_test_message ("%s:%u: %s", d->file, d->line, d->message);
          n++;
        }
    }

  return n;
}

static const HelderDiagnostic *
find_rule (Fixture    *fixture,
           const char *rule)
{
  for (guint i = 0; i < fixture->diagnostics->len; i++)
    {
      const HelderDiagnostic *d = g_ptr_array_index (fixture->diagnostics, i);

      if (g_str_equal (d->rule, rule))
        return d;
    }

  return NULL;
}

static void
test_question_form (void)
{
  const char *bad =
    "# Vragen\n"
    "\n"
    "```check\n"
    "question: Welke AI is NIET verboden?\n"
    "- [ ] Een sociale score\n"
    "  feedback: Goed! Die is verboden.\n"
    "- [x] Een spamfilter\n"
    "  feedback: Nee, een spamfilter mag wel.\n"
    "- [ ] Alle bovenstaande\n"
    "  feedback: Helaas. Niet alles is verboden.\n"
    "```\n"
    "\n"
    "```check\n"
    "question: Een chatbot geeft nooit een fout antwoord. Wat doe je?\n"
    "- [x] Ik controleer het antwoord\n"
    "  feedback: Want een chatbot kan zich vergissen.\n"
    "- [ ] Ik vertrouw de chatbot altijd\n"
    "  feedback: Want een chatbot kan zich vergissen.\n"
    "- [ ] ik controleer het antwoord.\n"
    "  feedback: Dit staat er al.\n"
    "```\n"
    "\n"
    "```check\n"
    "question: Is dit AI?\n"
    "- [x] Een systeem dat leert\n"
    "  feedback: Goed nieuws: dat is AI.\n"
    "- [ ] Een rekenmachine\n"
    "  feedback: Een rekenmachine leert niet.\n"
    "```\n";
  const char * const pages[] = { "p1.md", bad, NULL };
  Fixture fixture = { 0 };
  const HelderDiagnostic *verdict;

  fixture_set_up (&fixture, "", pages);

  /* "NIET" in the asking sentence; "nooit" only in the case it describes. */
  g_assert_cmpuint (count_rule (&fixture, "test-negative-stem", 4), ==, 1);
  g_assert_cmpuint (count_rule (&fixture, "test-negative-stem", 0), ==, 1);
  g_assert_cmpuint (count_rule (&fixture, "test-all-or-none", 9), ==, 1);
  g_assert_cmpuint (count_rule (&fixture, "test-all-or-none", 0), ==, 1);
  g_assert_cmpuint (count_rule (&fixture, "test-absolute-word", 17), ==, 1);
  g_assert_cmpuint (count_rule (&fixture, "test-absolute-word", 0), ==, 1);
  g_assert_cmpuint (count_rule (&fixture, "test-duplicate-option", 19), ==, 1);
  g_assert_cmpuint (count_rule (&fixture, "test-duplicate-option", 0), ==, 1);
  g_assert_cmpuint (count_rule (&fixture, "test-few-options", 24), ==, 1);
  g_assert_cmpuint (count_rule (&fixture, "test-few-options", 0), ==, 1);

  /* "Goed!", "Nee," and "Helaas." are verdicts; "Goed nieuws:" is not. */
  g_assert_cmpuint (count_rule (&fixture, "test-feedback-verdict", 6), ==, 1);
  g_assert_cmpuint (count_rule (&fixture, "test-feedback-verdict", 8), ==, 1);
  g_assert_cmpuint (count_rule (&fixture, "test-feedback-verdict", 10), ==, 1);
  g_assert_cmpuint (count_rule (&fixture, "test-feedback-verdict", 0), ==, 3);
  verdict = find_rule (&fixture, "test-feedback-verdict");
  g_assert_cmpuint (verdict->severity, ==, HELDER_SEVERITY_WARNING);
  g_assert_cmpuint (verdict->suggestions->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (verdict->suggestions, 0), ==, "Die is verboden.");

  fixture_tear_down (&fixture);
}

/* Eight graded questions; @longest of them have the right answer as their
 * longest answer.
 */
static char *
dup_test_page (const char *test,
               guint       longest,
               gboolean    dont_know)
{
  GString *page = g_string_new ("# Toets\n\n");

  for (guint i = 1; i <= 8; i++)
    g_string_append_printf (page,
                            "```question\n"
                            "id: %s-%u\n"
                            "test: %s\n"
                            "goal: %s\n"
                            "question: Vraag %u over onderwerp %s%u?\n"
                            "- [x] %s\n"
                            "- [ ] Een ander antwoord %u\n"
                            "- [ ] Nog een antwoord %u\n"
                            "%s"
                            "```\n\n",
                            test, i, test, i <= 4 ? "basis" : "wet", i, test, i,
                            i <= longest ? "Het goede antwoord, dat veel langer is" : "Goed",
                            i, i, dont_know ? "- [ ] Ik weet het niet\n" : "");

  return g_string_free (page, FALSE);
}

static void
test_longest_right_answer (void)
{
  g_autofree char *pre_many = dup_test_page ("pre", 4, TRUE);
  g_autofree char *post_many = dup_test_page ("post", 3, FALSE);
  g_autofree char *pre_few = dup_test_page ("pre", 3, TRUE);
  g_autofree char *post_few = dup_test_page ("post", 3, FALSE);
  const char * const many[] = { "voor.md", pre_many, "na.md", post_many, NULL };
  const char * const few[] = { "voor.md", pre_few, "na.md", post_few, NULL };
  const char *threshold = "  \"checks\": { \"longest_answer_percent\": 30 },\n";
  Fixture above = { 0 };
  Fixture below = { 0 };
  Fixture stricter = { 0 };

  /* 7 of 16 (43%) is above 40%: each of the seven is pointed at. 6 of 16
   * (37%) is not, unless the course sets a lower limit.
   */
  fixture_set_up (&above, COURSE_GOALS, many);
  g_assert_cmpuint (count_rule (&above, "test-longest-right", 0), ==, 7);
  g_assert_nonnull (strstr (find_rule (&above, "test-longest-right")->message, "7 of the 16"));
  fixture_set_up (&below, COURSE_GOALS, few);
  g_assert_cmpuint (count_rule (&below, "test-longest-right", 0), ==, 0);
  {
    g_autofree char *extra = g_strconcat (COURSE_GOALS, threshold, NULL);

    fixture_set_up (&stricter, extra, few);
    g_assert_cmpuint (count_rule (&stricter, "test-longest-right", 0), ==, 6);
  }

  /* A pre-test with "Ik weet het niet" everywhere; a post-test without it
   * needs none.
   */
  g_assert_cmpuint (count_rule (&above, "test-no-dont-know", 0), ==, 0);
  g_assert_cmpuint (count_rule (&above, "test-goal-items", 0), ==, 0);

  fixture_tear_down (&above);
  fixture_tear_down (&below);
  fixture_tear_down (&stricter);
}

static void
test_goals_and_copies (void)
{
  const char *pre =
    "# Voortoets\n"
    "\n"
    "```question\n"
    "id: pre-1\n"
    "test: pre\n"
    "goal: basis\n"
    "question: Waar leert een AI-systeem van?\n"
    "- [ ] Van een medewerker die alles intypt\n"
    "- [x] Van heel veel voorbeelden, dus van data\n"
    "- [ ] Het leert niets\n"
    "```\n"
    "\n"
    "```question\n"
    "id: pre-2\n"
    "test: pre\n"
    "question: Wat doet een chatbot?\n"
    "- [x] Hij geeft antwoord op vragen\n"
    "- [ ] Hij print brieven\n"
    "- [ ] Ik weet het niet\n"
    "```\n";
  const char *post =
    "# Natoets\n"
    "\n"
    "```question\n"
    "id: post-1\n"
    "test: post\n"
    "goal: 1\n"
    "question: Wat heeft een AI-systeem nodig om te leren?\n"
    "- [x] Heel veel voorbeelden, dus data\n"
    "- [ ] Een snelle printer\n"
    "- [ ] Een medewerker die alle antwoorden bedenkt\n"
    "```\n"
    "\n"
    "```question\n"
    "id: post-2\n"
    "test: post\n"
    "goal: wet\n"
    "question: Welke regel geldt voor een gemeente die een chatbot inzet?\n"
    "- [x] Inwoners moeten weten dat ze met een chatbot praten\n"
    "- [ ] De chatbot moet een naam hebben\n"
    "- [ ] Er gelden geen regels\n"
    "```\n";
  const char *taught =
    "# Les\n"
    "\n"
    "Een AI-systeem leert van voorbeelden. Die voorbeelden heten data. Heel veel data.\n"
    "Een chatbot geeft antwoord op vragen van inwoners. Ze moeten weten dat ze met een\n"
    "chatbot praten. Dat heet transparantie en er gelden regels voor.\n";
  const char * const pages[] = { "00-voor.md", pre, "01-les.md", taught, "02-na.md", post,
                                 NULL };
  Fixture fixture = { 0 };
  const HelderDiagnostic *copy;
  const HelderDiagnostic *items;

  fixture_set_up (&fixture, COURSE_GOALS, pages);

  /* post-1 ("goal: 1", the first goal) asks pre-1 again with its answer. */
  g_assert_cmpuint (count_rule (&fixture, "test-near-copy", 0), ==, 1);
  copy = find_rule (&fixture, "test-near-copy");
  g_assert_cmpstr (copy->file, ==, "m1/02-na.md");
  g_assert_cmpuint (copy->line, ==, 7);
  g_assert_nonnull (strstr (copy->message, "pre-1"));

  /* pre-2 names no goal; pre-1 has no "Ik weet het niet". */
  g_assert_cmpuint (count_rule (&fixture, "test-goal-missing", 16), ==, 1);
  g_assert_cmpuint (count_rule (&fixture, "test-goal-missing", 0), ==, 1);
  g_assert_cmpuint (count_rule (&fixture, "test-no-dont-know", 7), ==, 1);
  g_assert_cmpuint (count_rule (&fixture, "test-no-dont-know", 0), ==, 1);

  /* Each goal has fewer than three items in each test: reported at the
   * goal in course.json, with the goal's text.
   */
  g_assert_cmpuint (count_rule (&fixture, "test-goal-items", 0), ==, 4);
  items = find_rule (&fixture, "test-goal-items");
  g_assert_cmpstr (items->file, ==, "course.json");
  g_assert_true (items->line == 7 || items->line == 8);
  g_assert_nonnull (strstr (items->message, "Je weet wat AI is."));

  /* The right answers use the words of the lesson. */
  g_assert_cmpuint (count_rule (&fixture, "test-untaught-term", 0), ==, 0);

  fixture_tear_down (&fixture);
}

static void
test_untaught_term (void)
{
  const char *pre =
    "# Voortoets\n"
    "\n"
    "```question\n"
    "id: pre-1\n"
    "test: pre\n"
    "question: Wat is bias?\n"
    "- [x] Het systeem is oneerlijk door scheve data\n"
    "- [ ] Het systeem is traag\n"
    "- [ ] Ik weet het niet\n"
    "```\n";
  const char *lesson =
    "# Bias\n"
    "\n"
    "Bias betekent dat een systeem sommige mensen oneerlijk behandelt. Het systeem leerde van\n"
    "data.\n";
  const char * const pages[] = { "00-voor.md", pre, "01-les.md", lesson, NULL };
  Fixture fixture = { 0 };
  const HelderDiagnostic *term;

  fixture_set_up (&fixture, "", pages);
  g_assert_cmpuint (count_rule (&fixture, "test-untaught-term", 6), ==, 1);
  term = find_rule (&fixture, "test-untaught-term");
  g_assert_cmpuint (term->severity, ==, HELDER_SEVERITY_HINT);
  g_assert_nonnull (strstr (term->message, "“scheve”"));
  g_assert_null (strstr (term->message, "oneerlijk"));
  g_assert_null (strstr (term->message, "systeem"));

  fixture_tear_down (&fixture);
}

static void
test_survey (void)
{
  const char *double_item =
    "# Evaluatie\n"
    "\n"
    "```survey\n"
    "id: inhoud\n"
    "kind: likert\n"
    "question: De inhoud was duidelijk en nuttig.\n"
    "low: Oneens\n"
    "high: Eens\n"
    "```\n"
    "\n"
    "```survey\n"
    "id: open\n"
    "kind: open\n"
    "question: Wat kunnen we beter maken en wat wil je nog leren?\n"
    "```\n";
  const char *covered =
    "# Evaluatie\n"
    "\n"
    "```survey\n"
    "id: inhoud\n"
    "kind: likert\n"
    "question: De uitleg was duidelijk.\n"
    "low: Oneens\n"
    "high: Eens\n"
    "```\n"
    "\n"
    "```survey\n"
    "id: werk\n"
    "kind: likert\n"
    "question: Ik kan dit gebruiken in mijn werk.\n"
    "low: Oneens\n"
    "high: Eens\n"
    "```\n"
    "\n"
    "```survey\n"
    "id: gemak\n"
    "kind: likert\n"
    "question: De cursus was makkelijk te gebruiken.\n"
    "low: Oneens\n"
    "high: Eens\n"
    "```\n";
  const char * const bad_pages[] = { "p1.md", double_item, NULL };
  const char * const good_pages[] = { "p1.md", covered, NULL };
  Fixture bad = { 0 };
  Fixture good = { 0 };
  const HelderDiagnostic *coverage;

  fixture_set_up (&bad, "", bad_pages);
  /* Only statements: an open question may ask more. */
  g_assert_cmpuint (count_rule (&bad, "survey-double", 6), ==, 1);
  g_assert_cmpuint (count_rule (&bad, "survey-double", 0), ==, 1);
  g_assert_cmpuint (count_rule (&bad, "survey-coverage", 6), ==, 1);
  coverage = find_rule (&bad, "survey-coverage");
  g_assert_nonnull (strstr (coverage->message, "ease of use"));
  g_assert_null (strstr (coverage->message, "the content,"));

  fixture_set_up (&good, "", good_pages);
  g_assert_cmpuint (count_rule (&good, "survey-double", 0), ==, 0);
  g_assert_cmpuint (count_rule (&good, "survey-coverage", 0), ==, 0);

  fixture_tear_down (&bad);
  fixture_tear_down (&good);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/test-quality/question-form", test_question_form);
  g_test_add_func ("/test-quality/longest-right-answer", test_longest_right_answer);
  g_test_add_func ("/test-quality/goals-and-copies", test_goals_and_copies);
  g_test_add_func ("/test-quality/untaught-term", test_untaught_term);
  g_test_add_func ("/test-quality/survey", test_survey);

  return g_test_run ();
}
