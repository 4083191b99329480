/* test-language-rules.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "helder-checks.h"
#include "helder-language-checker.h"
#include "helder-language-rules.h"
#include "helder-readability.h"
#include "helder-test-utils.h"
#include "helder-tokenizer.h"

typedef struct
{
  char                  *text;
  HelderLanguageFindings findings;
} Result;

static void
result_free (Result *result)
{
  g_free (result->text);
  helder_language_findings_clear (&result->findings);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Result, result_free)

static Result *
run_rules (const char         *text,
           const char * const *course_words)
{
  Result *result = g_new0 (Result, 1);
  g_autoptr(HelderTokens) tokens = NULL;
  g_autoptr(GHashTable) words = helder_language_course_words_new (course_words);
  HelderCheckSettings settings;

  helder_check_settings_init (&settings);
  result->text = g_strdup (text);
  tokens = helder_tokens_new_from_plain (result->text, strlen (text));
  helder_language_rules_run (&settings, words, result->text, tokens, &result->findings);

  return result;
}

static GPtrArray *
with_rule (Result     *result,
           const char *rule)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < result->findings.diagnostics->len; i++)
    {
      HelderDiagnostic *d = g_ptr_array_index (result->findings.diagnostics, i);

      if (g_str_equal (d->rule, rule))
        g_ptr_array_add (found, d);
    }

  return found;
}

static HelderDiagnostic *
only (Result     *result,
      const char *rule)
{
  g_autoptr(GPtrArray) found = with_rule (result, rule);

  if (found->len != 1)
    g_error ("expected one %s in “%s”, found %u", rule, result->text, found->len);
  return g_ptr_array_index (found, 0);
}

static void
assert_none (const char *text,
             const char *rule)
{
  g_autoptr(Result) result = run_rules (text, NULL);
  g_autoptr(GPtrArray) found = with_rule (result, rule);

  if (found->len != 0)
    g_error ("expected no %s in “%s”: %s", rule, text,
             ((HelderDiagnostic *) g_ptr_array_index (found, 0))->message);
}

static char *
covered (Result                 *result,
         const HelderDiagnostic *d)
{
  return g_strndup (result->text + d->start, d->end - d->start);
}

static void
test_sentence_length (void)
{
  g_autoptr(Result) sixteen =
    run_rules ("Dit is een zin van zestien woorden die net iets te lang is voor een lezer.", NULL);
  g_autoptr(Result) twenty_one =
    run_rules ("Dit is een zin van eenentwintig woorden die echt veel te lang is voor een lezer "
               "op niveau B1 vandaag echt.", NULL);

  g_assert_cmpint (only (sixteen, "b1-sentence-long")->severity, ==, HELDER_SEVERITY_WARNING);
  g_assert_cmpint (only (twenty_one, "b1-sentence-long")->severity, ==, HELDER_SEVERITY_ERROR);
  assert_none ("Dit is een zin van vijftien woorden die precies kort genoeg is voor alle lezers.",
               "b1-sentence-long");

  {
    /* A quotation cannot be rewritten: a hint to explain it. */
    g_autoptr(Result) quote =
      run_rules ("De wet zegt: „Dit is een zin van eenentwintig woorden die echt veel te lang is "
                 "voor een lezer op niveau B1 vandaag echt.”", NULL);

    g_assert_cmpint (only (quote, "b1-sentence-long")->severity, ==, HELDER_SEVERITY_HINT);
  }
}

static void
test_long_word (void)
{
  g_autoptr(Result) result = run_rules ("De aansprakelijkheidsverzekering is duur.", NULL);
  g_autoptr(Result) course = run_rules ("De aansprakelijkheidsverzekering is duur.",
                                        (const char * const[]) { "aansprakelijkheidsverzekering",
                                                                 NULL });
  g_autofree char *word = covered (result, only (result, "b1-long-word"));
  g_autoptr(GPtrArray) none = with_rule (course, "b1-long-word");

  g_assert_cmpstr (word, ==, "aansprakelijkheidsverzekering");
  g_assert_cmpuint (none->len, ==, 0);
  /* Short, and long but very common. */
  assert_none ("De fiets is rood.", "b1-long-word");
  assert_none ("Je krijgt informatie over de gemeente.", "b1-long-word");
}

static void
test_rare_word (void)
{
  g_autoptr(Result) result = run_rules ("In het museum ging het over epistemologie.", NULL);
  g_autofree char *word = covered (result, only (result, "b1-rare-word"));

  g_assert_cmpstr (word, ==, "epistemologie");
  /* Common words, their inflections and compounds of common words. */
  assert_none ("In het museum stonden oude huizen, een cursuspagina en huisdeuren.", "b1-rare-word");
}

static void
test_passive (void)
{
  g_autoptr(Result) main_clause = run_rules ("De brief wordt door de medewerker verstuurd.", NULL);
  g_autoptr(Result) sub_clause = run_rules ("Ik weet dat de brief morgen verstuurd wordt.", NULL);
  g_autoptr(Result) state = run_rules ("De deur van het gebouw is gesloten.", NULL);
  g_autofree char *passive = covered (main_clause, only (main_clause, "b1-passive"));

  g_assert_cmpstr (passive, ==, "wordt door de medewerker verstuurd");
  only (sub_clause, "b1-passive");
  g_assert_cmpuint (main_clause->findings.counts.passives, ==, 1);
  g_assert_cmpint (only (state, "b1-passive-zijn")->severity, ==, HELDER_SEVERITY_HINT);

  assert_none ("De medewerker verstuurt de brief.", "b1-passive");
  assert_none ("Het wordt morgen beter weer.", "b1-passive");
  assert_none ("Hij is gisteren naar huis gegaan.", "b1-passive-zijn");
  assert_none ("Je bent de brief vergeten.", "b1-passive-zijn");
  assert_none ("Dat is het belangrijkst.", "b1-passive-zijn");
}

static void
test_nominalisation (void)
{
  g_autoptr(Result) result =
    run_rules ("De afhandeling van de aanvraag vraagt om een zorgvuldige beoordeling.", NULL);
  g_autoptr(Result) infinitive =
    run_rules ("Het verstrekken van gegevens vraagt om toestemming en een registratie.", NULL);

  only (result, "b1-nominalisation");
  only (infinitive, "b1-nominalisation");
  assert_none ("Wij handelen je aanvraag snel af.", "b1-nominalisation");
  assert_none ("De beoordeling komt morgen.", "b1-nominalisation");
}

static void
test_noun_phrase (void)
{
  g_autoptr(Result) result =
    run_rules ("Wij bespreken de door de minister vorig jaar voorgestelde regeling.", NULL);
  g_autofree char *phrase = covered (result, only (result, "b1-noun-phrase"));

  g_assert_cmpstr (phrase, ==, "de door de minister vorig jaar voorgestelde regeling");
  assert_none ("Wij bespreken de regeling die de minister vorig jaar voorstelde.",
               "b1-noun-phrase");
  assert_none ("Het gaat om de vraag of iedereen mee kan doen.", "b1-noun-phrase");
}

static void
test_verb_bracket (void)
{
  g_autoptr(Result) result =
    run_rules ("Je moet de formulieren voor de aanvraag van je nieuwe paspoort morgen bij de "
               "balie inleveren.", NULL);
  g_autoptr(Result) perfect =
    run_rules ("Ik heb gisteren met mijn collega's op kantoor over de plannen voor volgend jaar "
               "gesproken.", NULL);

  only (result, "b1-verb-bracket");
  only (perfect, "b1-verb-bracket");
  assert_none ("Je moet het formulier morgen inleveren.", "b1-verb-bracket");
  assert_none ("Je moet morgen het formulier bij de balie van het stadhuis in de stad "
               "afgeven, en dan ben je klaar.", "b1-passive");
}

static void
test_bureaucratic (void)
{
  g_autoptr(Result) result = run_rules ("Indien je vragen hebt, bel ons.", NULL);
  g_autoptr(Result) phrase = run_rules ("Dit boek is ten behoeve van de cursus.", NULL);
  HelderDiagnostic *d = only (result, "b1-bureaucratic");
  HelderDiagnostic *p = only (phrase, "b1-bureaucratic");
  g_autofree char *fixed = helder_text_apply_suggestion (result->text, d, 0);
  g_autofree char *fixed_phrase = helder_text_apply_suggestion (phrase->text, p, 0);

  g_assert_cmpstr (fixed, ==, "Als je vragen hebt, bel ons.");
  g_assert_cmpstr (fixed_phrase, ==, "Dit boek is voor de cursus.");
  assert_none ("Als je vragen hebt, bel ons.", "b1-bureaucratic");
}

static void
test_impersonal (void)
{
  g_autoptr(Result) result = run_rules ("Men kan hier parkeren.", NULL);
  HelderDiagnostic *d = only (result, "b1-impersonal");
  g_autofree char *fixed = helder_text_apply_suggestion (result->text, d, 0);

  g_assert_cmpstr (fixed, ==, "Je kan hier parkeren.");
  g_assert_cmpuint (result->findings.address_words, ==, 0);
  assert_none ("Je kunt hier parkeren.", "b1-impersonal");
}

static void
test_spelling (void)
{
  g_autoptr(Result) result = run_rules ("Dit is een fuot.", NULL);
  g_autoptr(Result) course = run_rules ("Vraag het aan Helderbot.",
                                        (const char * const[]) { "Helderbot", NULL });
  HelderDiagnostic *d = only (result, "spelling");
  g_autoptr(GPtrArray) none = with_rule (course, "spelling");
  gboolean has_fout = FALSE;

  /* Replacements are asked for when wanted, not while checking. */
  g_assert_cmpuint (d->suggestions->len, ==, 0);
  g_assert_true (helder_language_add_spelling_suggestions (d, result->text));

  for (guint i = 0; i < d->suggestions->len; i++)
    if (g_str_equal (g_ptr_array_index (d->suggestions, i), "fout"))
      {
        g_autofree char *fixed = helder_text_apply_suggestion (result->text, d, i);

        g_assert_cmpstr (fixed, ==, "Dit is een fout.");
        has_fout = TRUE;
      }
  g_assert_true (has_fout);
  g_assert_cmpuint (none->len, ==, 0);
  /* Dutch, English terms, acronyms, numbers, code and addresses. */
  assert_none ("Je gebruikt een laptop en software van de AVG in 2024. Zie `fooBar` en "
               "https://example.nl.", "spelling");
}

static HelderPageContent *
parse (const char *text)
{
  return helder_page_content_parse ("m/p.md", text, strlen (text));
}

static gboolean
has_rule (GPtrArray  *diagnostics,
          const char *rule)
{
  for (guint i = 0; i < diagnostics->len; i++)
    if (g_str_equal (((HelderDiagnostic *) g_ptr_array_index (diagnostics, i))->rule, rule))
      return TRUE;
  return FALSE;
}

static void
test_page_rules (void)
{
  const char *distant = "# Over de wet\n\nDe wet regelt veel zaken. De gemeente volgt de wet. "
                        "Het college besluit over de regels. De raad controleert het college. "
                        "De burgers kiezen de raad. Zo werkt de democratie in een gemeente in "
                        "ons land. Dat is al lang zo.\n";
  const char *direct = "# Over de wet\n\nDe wet regelt veel zaken voor jou. De gemeente volgt "
                       "de wet. Het college besluit over de regels. De raad controleert het "
                       "college. Jij kiest de raad. Zo werkt de democratie in een gemeente in "
                       "ons land. Dat is al lang zo.\n";
  const char *wordy = "# Lang\n\nJe leest hier een zin die veertien woorden lang is en dus "
                      "best lang. " "Je leest hier een zin die veertien woorden lang is en dus "
                      "best lang. " "Je leest hier een zin die veertien woorden lang is en dus "
                      "best lang. " "Je leest hier een zin die veertien woorden lang is en dus "
                      "best lang. " "Je leest hier een zin die veertien woorden lang is en dus "
                      "best lang.\n";
  g_autoptr(HelderLanguageChecker) checker = helder_language_checker_new (NULL, NULL);
  g_autoptr(HelderPageContent) a = parse (distant);
  g_autoptr(HelderPageContent) b = parse (direct);
  g_autoptr(HelderPageContent) c = parse (wordy);
  g_autoptr(GPtrArray) found_a = helder_language_checker_check (checker, "a.md", distant, a, NULL);
  g_autoptr(GPtrArray) found_b = helder_language_checker_check (checker, "b.md", direct, b, NULL);
  g_autoptr(GPtrArray) found_c = helder_language_checker_check (checker, "c.md", wordy, c, NULL);

  g_assert_true (has_rule (found_a, "b1-reader-address"));
  g_assert_false (has_rule (found_b, "b1-reader-address"));
  g_assert_false (has_rule (found_a, "b1-page-average"));
  g_assert_true (has_rule (found_c, "b1-page-average"));
}

/* The editor's path: an edit of one character changes exactly the
 * findings of that word.
 */
static void
test_recheck (void)
{
  const char *before = "# Fouten\n\nDit is een fout in de tekst.\n\nJe leest nog een zin.\n";
  const char *after = "# Fouten\n\nDit is een fuot in de tekst.\n\nJe leest nog een zin.\n";
  g_autoptr(HelderLanguageChecker) checker = helder_language_checker_new (NULL, NULL);
  g_autoptr(HelderPageContent) one = parse (before);
  g_autoptr(HelderPageContent) two = parse (after);
  g_autoptr(GPtrArray) first = helder_language_checker_check (checker, "p.md", before, one, NULL);
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GPtrArray) removed = NULL;
  g_autoptr(GPtrArray) added_again = NULL;
  g_autoptr(GPtrArray) removed_again = NULL;
  HelderDiagnostic *d;

  g_assert_false (has_rule (first, "spelling"));

  helder_language_checker_recheck (checker, "p.md", after, two, &added, &removed);
  g_assert_cmpuint (added->len, ==, 1);
  g_assert_cmpuint (removed->len, ==, 0);
  d = g_ptr_array_index (added, 0);
  g_assert_cmpstr (d->rule, ==, "spelling");
  g_assert_cmpuint (d->line, ==, 3);
  g_assert_cmpuint (d->column, ==, 12);

  helder_language_checker_recheck (checker, "p.md", before, one, &added_again, &removed_again);
  g_assert_cmpuint (added_again->len, ==, 0);
  g_assert_cmpuint (removed_again->len, ==, 1);
}

static GPtrArray *
check_with_course (HelderLanguageChecker *checker,
                   HelderCourse          *course,
                   HelderPage            *page)
{
  helder_language_checker_follow_course (checker, course);
  return helder_language_checker_check (checker,
                                        helder_page_get_file (page), helder_page_get_text (page),
                                        helder_page_get_content (page), NULL);
}

/* A course sets its own thresholds in course.json; the course's checker
 * follows them as soon as they change.
 */
static void
test_course_thresholds (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderCourse) course = helder_course_load (path, &error);
  g_autoptr(HelderLanguageChecker) checker = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) unspelt = NULL;
  HelderCheckSettings settings;
  HelderCheckSettings read_back;
  HelderPage *page;

  g_assert_no_error (error);
  page = helder_course_find_page (course, "01-basis/01-welkom.md");
  g_assert_nonnull (page);
  helder_page_set_text (page, "# Welkom\n\nDit is een zin van zestien woorden die net iets te "
                        "lang is voor een lezer. Hier staat een fuot.\n", -1);

  checker = helder_language_checker_new_for_course (course);
  before = check_with_course (checker, course, page);
  g_assert_true (has_rule (before, "b1-sentence-long"));
  g_assert_true (has_rule (before, "spelling"));

  helder_check_settings_read (&settings, helder_course_get_document (course), problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (settings.sentence_warning_words, ==, 15);
  settings.sentence_warning_words = 16;
  settings.sentence_error_words = 24;
  settings.page_average_words = 14;
  helder_check_settings_write (&settings, helder_course_get_document (course));

  after = check_with_course (checker, course, page);
  g_assert_false (has_rule (after, "b1-sentence-long"));
  g_assert_true (has_rule (after, "spelling"));

  settings.spelling = FALSE;
  helder_check_settings_write (&settings, helder_course_get_document (course));
  unspelt = check_with_course (checker, course, page);
  g_assert_false (has_rule (unspelt, "spelling"));

  helder_check_settings_read (&read_back, helder_course_get_document (course), problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (helder_check_settings_equal (&settings, &read_back));

  /* An error threshold below the warning threshold is reported and raised. */
  settings.sentence_error_words = 10;
  helder_check_settings_write (&settings, helder_course_get_document (course));
  helder_check_settings_read (&read_back, helder_course_get_document (course), problems);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpuint (read_back.sentence_error_words, ==, 16);

  g_clear_object (&course);
  helder_test_remove_tree (path);
}

/* The checks hang nothing on the course: whoever checks again and again
 * keeps a checker and passes it, and the scores are then counted from
 * what the checks remembered.
 */
static void
test_checker_owner (void)
{
  g_autoptr(HelderCourse) course = helder_test_load_course ("course-valid");
  HelderPage *page = helder_course_find_page (course, "01-basis/02-blokken.md");
  g_autoptr(GPtrArray) own = helder_checks_run_course (course);
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(HelderLanguageChecker) checker = NULL;
  g_autoptr(HelderLanguageChecker) fresh = NULL;
  HelderReadabilityCounts remembered;
  HelderReadabilityCounts counted;

  g_assert_null (g_object_get_data (G_OBJECT (course), "helder-language-checker"));

  checker = helder_language_checker_new_for_course (course);
  kept = helder_checks_run_course_with_checker (course, checker);
  g_assert_cmpuint (kept->len, ==, own->len);
  helder_language_count_page (checker, page, &remembered);

  fresh = helder_language_checker_new_for_course (course);
  helder_language_count_page (fresh, page, &counted);
  g_assert_cmpuint (remembered.words, >, 0);
  g_assert_cmpuint (remembered.words, ==, counted.words);
  g_assert_cmpuint (remembered.sentences, ==, counted.sentences);
}

static void
test_scores (void)
{
  HelderReadabilityCounts counts = { .words = 100, .sentences = 10, .letter_words = 100,
                                     .syllables = 150 };
  HelderReadability r;

  helder_readability_compute (&counts, &r);
  g_assert_cmpfloat_with_epsilon (r.flesch_douma, 82.04, 0.001);
  g_assert_cmpfloat_with_epsilon (r.average_sentence_length, 10.0, 0.001);
  g_assert_cmpfloat_with_epsilon (r.difficulty, 0.4 * 100 * (90 - 82.04) / 60 + 0.2 * 25, 0.001);
  g_assert_cmpint (r.level, ==, HELDER_LEVEL_B1);

  counts = (HelderReadabilityCounts) { .words = 250, .sentences = 10, .letter_words = 250,
                                       .syllables = 500, .long_words = 50, .rare_words = 25,
                                       .passives = 5 };
  helder_readability_compute (&counts, &r);
  g_assert_cmpint (r.level, ==, HELDER_LEVEL_C1);
  g_assert_cmpfloat_with_epsilon (r.passives_per_100_sentences, 50.0, 0.001);

  counts = (HelderReadabilityCounts) { 0 };
  helder_readability_compute (&counts, &r);
  g_assert_cmpfloat (r.difficulty, ==, 0.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/language/sentence-length", test_sentence_length);
  g_test_add_func ("/language/long-word", test_long_word);
  g_test_add_func ("/language/rare-word", test_rare_word);
  g_test_add_func ("/language/passive", test_passive);
  g_test_add_func ("/language/nominalisation", test_nominalisation);
  g_test_add_func ("/language/noun-phrase", test_noun_phrase);
  g_test_add_func ("/language/verb-bracket", test_verb_bracket);
  g_test_add_func ("/language/bureaucratic", test_bureaucratic);
  g_test_add_func ("/language/impersonal", test_impersonal);
  g_test_add_func ("/language/spelling", test_spelling);
  g_test_add_func ("/language/page-rules", test_page_rules);
  g_test_add_func ("/language/recheck", test_recheck);
  g_test_add_func ("/language/scores", test_scores);
  g_test_add_func ("/language/course-thresholds", test_course_thresholds);
  g_test_add_func ("/language/checker-owner", test_checker_owner);

  return g_test_run ();
}
