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

/* A quotation is exempt as a block: at most one finding per passage. */
static void
test_quotation (void)
{
  g_autoptr(Result) inline_quote =
    run_rules ("De wet zegt: „een aansprakelijkheidsverzekering wordt door de verzekeraar "
               "verstrekt indien de epistemologie van de aanvrager dat vereist.” Lees het rustig.",
               NULL);
  g_autoptr(Result) block =
    run_rules ("> De aansprakelijkheidsverzekering wordt door de verzekeraar verstrekt indien de "
               "aanvrager dat wil, en de epistemologie van de aanvraag en de beoordeling van de "
               "vraag is zorgvuldig gedaan. Een tweede lange zin van de wet wordt ook door de "
               "verzekeraar met veel zorg en aandacht voor alle mensen in het land bepaald.",
               NULL);
  g_autoptr(Result) callout =
    run_rules ("> [!TIP]\n> Neem je identiteitsbewijs mee.", NULL);
  const char * const rules[] = { "b1-long-word", "b1-rare-word", "b1-passive",
                                 "b1-bureaucratic", "b1-impersonal", "b1-nominalisation", NULL };

  for (guint r = 0; rules[r] != NULL; r++)
    {
      g_autoptr(GPtrArray) in_line = with_rule (inline_quote, rules[r]);
      g_autoptr(GPtrArray) in_block = with_rule (block, rules[r]);

      g_assert_cmpuint (in_line->len, ==, 0);
      g_assert_cmpuint (in_block->len, ==, 0);
    }
  /* Two long quoted sentences, one hint. */
  g_assert_cmpint (only (block, "b1-sentence-long")->severity, ==, HELDER_SEVERITY_HINT);
  /* A callout is the author's own text. */
  only (callout, "b1-long-word");
}

/* A long sentence gets a split into two sentences, applied in one step. */
static void
test_sentence_split (void)
{
  g_autoptr(Result) conjunction =
    run_rules ("Je vraagt de uitkering aan bij de balie van de gemeente in de stad, en daarna "
               "stuurt de gemeente je binnen twee weken een brief.", NULL);
  g_autoptr(Result) relative =
    run_rules ("De medewerker helpt vandaag alle inwoners van de gemeente bij de balie, die het "
               "formulier voor de aanvraag niet goed hebben ingevuld.", NULL);
  g_autoptr(Result) no_split =
    run_rules ("Je vraagt de uitkering aan bij de balie van de gemeente in de stad en daarna "
               "stuurt de gemeente je binnen twee weken een brief.", NULL);
  HelderDiagnostic *a = only (conjunction, "b1-sentence-long");
  HelderDiagnostic *b = only (relative, "b1-sentence-long");
  g_autofree char *split_a = helder_text_apply_suggestion (conjunction->text, a, 0);
  g_autofree char *split_b = helder_text_apply_suggestion (relative->text, b, 0);

  g_assert_cmpstr (split_a, ==, "Je vraagt de uitkering aan bij de balie van de gemeente in de "
                   "stad. Daarna stuurt de gemeente je binnen twee weken een brief.");
  g_assert_cmpstr (split_b, ==, "De medewerker helpt vandaag alle inwoners van de gemeente bij "
                   "de balie. Die hebben het formulier voor de aanvraag niet goed ingevuld.");
  g_assert_cmpuint (only (no_split, "b1-sentence-long")->suggestions->len, ==, 0);
}

static void
test_long_word (void)
{
  g_autoptr(Result) result = run_rules ("Neem je identiteitsbewijs mee.", NULL);
  g_autoptr(Result) course = run_rules ("Neem je identiteitsbewijs mee.",
                                        (const char * const[]) { "identiteitsbewijs", NULL });
  g_autofree char *word = covered (result, only (result, "b1-long-word"));
  g_autoptr(GPtrArray) none = with_rule (course, "b1-long-word");

  g_assert_cmpstr (word, ==, "identiteitsbewijs");
  g_assert_cmpuint (none->len, ==, 0);
  /* Short, and long but very common. */
  assert_none ("De fiets is rood.", "b1-long-word");
  assert_none ("Je krijgt informatie over de gemeente.", "b1-long-word");
  /* Everyday words, and compounds of short familiar words (issue 19). */
  assert_none ("Je leidinggevende wil de ondertitels samenvatten.", "b1-long-word");
  assert_none ("Het computerprogramma zet de lantaarnpalen aan.", "b1-long-word");
  assert_none ("Vooroordelen kunnen in uitkeringen terechtkomen.", "b1-long-word");
  {
    /* A long compound of rare parts gets one finding, the rare one. */
    g_autoptr(Result) compound = run_rules ("Vraag een gehandicaptenparkeerkaart aan.", NULL);
    g_autofree char *rare = covered (compound, only (compound, "b1-rare-word"));
    g_autoptr(GPtrArray) not_long = with_rule (compound, "b1-long-word");

    g_assert_cmpstr (rare, ==, "gehandicaptenparkeerkaart");
    g_assert_cmpuint (not_long->len, ==, 0);
  }
  /* Hyphenated: each part on its own. */
  assert_none ("De AI-oplossingen werken.", "b1-long-word");
}

static void
test_rare_word (void)
{
  g_autoptr(Result) result = run_rules ("In het museum ging het over epistemologie.", NULL);
  g_autofree char *word = covered (result, only (result, "b1-rare-word"));

  g_assert_cmpstr (word, ==, "epistemologie");
  /* Common words, their inflections and compounds of common words. */
  assert_none ("In het museum stonden oude huizen, een cursuspagina en huisdeuren.", "b1-rare-word");
  /* A form is as familiar as its stem: omgevingen, vertalingen. */
  assert_none ("De vertalingen passen in alle omgevingen en organisaties.", "b1-rare-word");
  assert_none ("Je leidinggevende zet de lantaarnpalen aan.", "b1-rare-word");
  /* A noun in -ing is as familiar as its verb, scheve as scheef. */
  assert_none ("De verstoppingen in de buis zijn scheve stukken.", "b1-rare-word");
  /* A name at the start of a sentence. */
  assert_none ("Utrecht ligt in het midden van het land.", "b1-rare-word");
}

/* The word hints against 150 words of the sample course labelled by hand
 * (tests/data/lang/familiar-words.tsv): a familiar word gets none, an
 * unfamiliar one gets one. Issue 19 asks for at least 80% right.
 */
static void
test_familiar_words (void)
{
  const char * const word_rules[] = { "b1-long-word", "b1-rare-word", "b1-jargon",
                                      "b1-abbreviation", "spelling", NULL };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "lang",
                                                 "familiar-words.tsv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) wrong = g_string_new (NULL);
  guint right = 0;
  guint total = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = NULL;
      g_autofree char *text = NULL;
      g_autoptr(Result) result = NULL;
      gboolean familiar;
      gboolean hinted = FALSE;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      columns = g_strsplit (lines[i], "\t", 2);
      g_assert_nonnull (columns[1]);
      familiar = g_str_equal (columns[1], "familiar");
      text = g_strdup_printf ("Dit gaat over %s.", columns[0]);
      result = run_rules (text, NULL);
      for (guint r = 0; word_rules[r] != NULL; r++)
        {
          g_autoptr(GPtrArray) found = with_rule (result, word_rules[r]);

          hinted |= found->len > 0;
        }

      total++;
      if (hinted != familiar)
        right++;
      else
        g_string_append_printf (wrong, " %s (%s)", columns[0], columns[1]);
    }

  g_test_message ("word hints right on %u of %u labelled words (%.1f%%); wrong:%s", right, total,
                  100.0 * right / total, wrong->str);
  g_assert_cmpuint (total, >=, 150);
  g_assert_cmpfloat (100.0 * right / total, >=, 80.0);
}

static void
test_passive (void)
{
  g_autoptr(Result) main_clause = run_rules ("De brief wordt door de medewerker verstuurd.", NULL);
  g_autoptr(Result) sub_clause = run_rules ("Ik weet dat de brief morgen verstuurd wordt.", NULL);
  g_autoptr(Result) state = run_rules ("De brief is gisteren door de medewerker verstuurd.", NULL);
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
  /* A state, not an action (issue 19). */
  assert_none ("De deur van het gebouw is gesloten.", "b1-passive-zijn");
  assert_none ("Deze AI is sinds 2 februari 2025 verboden.", "b1-passive-zijn");
  assert_none ("Ook verboden is AI die emoties herkent.", "b1-passive-zijn");
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
test_jargon (void)
{
  g_autoptr(Result) english = run_rules ("Let op automation bias bij elke tool.", NULL);
  g_autoptr(GPtrArray) terms = with_rule (english, "b1-jargon");
  HelderDiagnostic *tool;
  g_autofree char *fixed = NULL;

  g_assert_cmpuint (terms->len, ==, 2);
  g_assert_cmpstr (((HelderDiagnostic *) g_ptr_array_index (terms, 0))->suggestions->pdata[0], ==,
                   "blind vertrouwen in de computer");
  tool = g_ptr_array_index (terms, 1);
  fixed = helder_text_apply_suggestion (english->text, tool, 0);
  g_assert_cmpstr (fixed, ==, "Let op automation bias bij elke hulpmiddel.");
  /* A listed term is not also "not a common word". */
  assert_none ("Let op automation bias bij elke tool.", "b1-rare-word");
  assert_none ("Let op het vooroordeel bij elk hulpmiddel.", "b1-jargon");
}

static void
test_abbreviation (void)
{
  g_autoptr(Result) result = run_rules ("De AVG beschermt je gegevens.", NULL);
  HelderDiagnostic *d = only (result, "b1-abbreviation");
  g_autofree char *fixed = helder_text_apply_suggestion (result->text, d, 0);

  g_assert_cmpstr (fixed, ==,
                   "De Algemene verordening gegevensbescherming (AVG) beschermt je gegevens.");
  g_assert_cmpstr (helder_language_abbreviation_full_form ("BSN"), ==, "burgerservicenummer");
  g_assert_null (helder_language_abbreviation_full_form ("avg"));
  /* Only as written: "avg" is no abbreviation. */
  assert_none ("Het avg-bestand is groot.", "b1-abbreviation");
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
  /* A compound of two familiar words that no dictionary lists. */
  assert_none ("Een nepvideo is gevaarlijk als de vakmens niet oplet.", "spelling");
  {
    /* A typo in a compound is still one. */
    g_autoptr(Result) typo = run_rules ("De gemeeentehuis is open.", NULL);

    only (typo, "spelling");
  }
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

  {
    /* An abbreviation: once per page, and not when the page writes it out. */
    const char *bare = "# Privacy\n\nDe AVG geldt voor jou. De AVG is streng.\n";
    const char *explained = "# De Algemene verordening gegevensbescherming\n\nDe AVG geldt "
                            "voor jou.\n";
    g_autoptr(HelderPageContent) d = parse (bare);
    g_autoptr(HelderPageContent) e = parse (explained);
    g_autoptr(GPtrArray) found_d = helder_language_checker_check (checker, "d.md", bare, d, NULL);
    g_autoptr(GPtrArray) found_e = helder_language_checker_check (checker, "e.md", explained, e,
                                                                  NULL);
    guint n = 0;

    for (guint i = 0; i < found_d->len; i++)
      n += g_str_equal (((HelderDiagnostic *) g_ptr_array_index (found_d, i))->rule,
                        "b1-abbreviation");
    g_assert_cmpuint (n, ==, 1);
    g_assert_false (has_rule (found_e, "b1-abbreviation"));
  }
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
/* Each threshold a course may set reads and writes its own field, and
 * only that one.
 */
static void
test_threshold_fields (void)
{
  HelderCheckSettings defaults;
  HelderCheckSettings settings;

  helder_check_settings_init (&defaults);
  for (guint i = 0; i < HELDER_N_CHECK_THRESHOLDS; i++)
    {
      guint min, max;

      helder_check_threshold_get_range (i, &min, &max);
      g_assert_cmpuint (min, <, max);
      settings = defaults;
      helder_check_settings_set_threshold (&settings, i, max);
      g_assert_cmpuint (helder_check_settings_get_threshold (&settings, i), ==, max);
      g_assert_false (helder_check_settings_equal (&settings, &defaults));
      for (guint j = 0; j < HELDER_N_CHECK_THRESHOLDS; j++)
        if (j != i)
          g_assert_cmpuint (helder_check_settings_get_threshold (&settings, j), ==,
                            helder_check_settings_get_threshold (&defaults, j));
    }

  settings = defaults;
  helder_check_settings_set_threshold (&settings, HELDER_CHECK_SENTENCE_WARNING_WORDS, 17);
  helder_check_settings_set_threshold (&settings, HELDER_CHECK_PAGE_AVERAGE_WORDS, 9);
  helder_check_settings_set_threshold (&settings, HELDER_CHECK_FACTS_VALID_DAYS, 400);
  g_assert_cmpuint (settings.sentence_warning_words, ==, 17);
  g_assert_cmpfloat (settings.page_average_words, ==, 9.0);
  g_assert_cmpuint (settings.facts_valid_days, ==, 400);
  g_assert_cmpuint (settings.sentence_error_words, ==, defaults.sentence_error_words);
}

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

  {
    /* The long-word limits come from course.json too. */
    g_autoptr(GPtrArray) long_before = NULL;
    g_autoptr(GPtrArray) long_after = NULL;

    helder_page_set_text (page, "# Welkom\n\nNeem je identiteitsbewijs mee.\n", -1);
    long_before = check_with_course (checker, course, page);
    g_assert_true (has_rule (long_before, "b1-long-word"));
    settings.sentence_error_words = 24;
    settings.long_word_syllables = 6;
    helder_check_settings_write (&settings, helder_course_get_document (course));
    helder_check_settings_read (&read_back, helder_course_get_document (course), problems);
    g_assert_cmpuint (read_back.long_word_syllables, ==, 6);
    long_after = check_with_course (checker, course, page);
    g_assert_false (has_rule (long_after, "b1-long-word"));
  }

  g_clear_object (&course);
  helder_test_remove_tree (path);
}

/* The counts behind the LiNT-based score: content words (not de, bij,
 * en, ik), their familiarity, and clauses opened after a comma.
 */
static void
test_lint_counts (void)
{
  g_autoptr(Result) result = run_rules ("Ik werk bij de gemeente, en ik help inwoners.", NULL);
  g_autoptr(Result) rare = run_rules ("Ik werk bij de epistemologie.", NULL);
  const HelderReadabilityCounts *c = &result->findings.counts;

  g_assert_cmpuint (c->content_words, ==, 4);
  g_assert_cmpuint (c->clauses, ==, 2);
  g_assert_cmpuint (c->sentences, ==, 1);
  /* Everyday words are well above Zipf 3; an unlisted one counts as 1. */
  g_assert_cmpuint (c->content_zipf, >, 4 * 300);
  g_assert_cmpuint (rare->findings.counts.content_words, ==, 2);
  g_assert_cmpuint (rare->findings.counts.content_zipf, <, c->content_zipf / 2);
}

static gboolean
page_has_rule (HelderCourse *course,
               HelderPage   *page,
               const char   *rule)
{
  g_autoptr(GPtrArray) found =
    g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  g_autoptr(HelderLanguageChecker) checker = helder_language_checker_new_for_course (course);

  helder_language_check_page (course, checker, page, found);
  return has_rule (found, rule);
}

/* An abbreviation is written out at its first use in a module. */
static void
test_abbreviation_in_module (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderCourse) course = helder_course_load (path, &error);
  HelderPage *first;
  HelderPage *second;
  HelderPage *other_module;

  g_assert_no_error (error);
  first = helder_course_find_page (course, "01-basis/01-welkom.md");
  second = helder_course_find_page (course, "01-basis/02-blokken.md");
  other_module = helder_course_find_page (course, "02-toets/01-toets.md");
  helder_page_set_text (first, "# Welkom\n\nDe AVG beschermt je gegevens.\n", -1);
  helder_page_set_text (second, "# Blokken\n\nDe AVG geldt ook hier.\n", -1);
  helder_page_set_text (other_module, "# Toets\n\nWat zegt de AVG?\n", -1);

  g_assert_true (page_has_rule (course, first, "b1-abbreviation"));
  g_assert_false (page_has_rule (course, second, "b1-abbreviation"));
  g_assert_true (page_has_rule (course, other_module, "b1-abbreviation"));

  /* Without the first use, the second page is the first. */
  helder_page_set_text (first, "# Welkom\n\nJe gegevens zijn beschermd.\n", -1);
  g_assert_true (page_has_rule (course, second, "b1-abbreviation"));

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
  kept = helder_checks_run_course_with_checker (course, checker, NULL);
  g_assert_cmpuint (kept->len, ==, own->len);
  helder_language_count_page (checker, page, &remembered);

  fresh = helder_language_checker_new_for_course (course);
  helder_language_count_page (fresh, page, &counted);
  g_assert_cmpuint (remembered.words, >, 0);
  g_assert_cmpuint (remembered.words, ==, counted.words);
  g_assert_cmpuint (remembered.sentences, ==, counted.sentences);
}

/* Scoring a course counts each page once, however many modules it has
 * (issue 14, finding 8: each module's score walked the whole course).
 */
static void
test_module_counts (void)
{
  g_autoptr(HelderCourse) course = helder_test_load_course ("course-valid");
  g_autoptr(HelderLanguageChecker) checker = helder_language_checker_new_for_course (course);
  g_autoptr(GArray) modules = NULL;
  HelderReadabilityCounts total;
  guint n_pages = 0;
  guint words = 0;

  modules = helder_language_dup_module_counts (checker, course, &total);
  g_assert_cmpuint (modules->len, ==, helder_course_get_n_modules (course));
  for (guint m = 0; m < modules->len; m++)
    {
      HelderModule *module = helder_course_get_module (course, m);
      HelderReadabilityCounts expected = { 0 };

      for (guint p = 0; p < helder_module_get_n_pages (module); p++)
        {
          g_autoptr(HelderLanguageChecker) fresh = helder_language_checker_new_for_course (course);
          HelderReadabilityCounts counts;

          helder_language_count_page (fresh, helder_module_get_page (module, p), &counts);
          helder_readability_counts_add (&expected, &counts);
          n_pages++;
        }
      g_assert_cmpuint (expected.words, >, 0);
      g_assert_cmpuint (g_array_index (modules, HelderReadabilityCounts, m).words, ==,
                        expected.words);
      g_assert_cmpuint (g_array_index (modules, HelderReadabilityCounts, m).sentences, ==,
                        expected.sentences);
      words += expected.words;
    }
  g_assert_cmpuint (total.words, ==, words);
  g_assert_cmpuint (helder_language_checker_get_n_page_checks (checker), ==, n_pages);
}

static void
test_scores (void)
{
  /* 100 words in 10 sentences; 40 content words of mean Zipf 5.0 in 20
   * clauses.
   */
  HelderReadabilityCounts counts = { .words = 100, .sentences = 10, .letter_words = 100,
                                     .syllables = 150, .content_words = 40,
                                     .content_zipf = 40 * 500, .clauses = 20 };
  HelderReadability r;

  helder_readability_compute (&counts, &r);
  g_assert_cmpfloat_with_epsilon (r.flesch_douma, 82.04, 0.001);
  g_assert_cmpfloat_with_epsilon (r.average_sentence_length, 10.0, 0.001);
  g_assert_cmpfloat_with_epsilon (r.content_word_frequency, 5.0, 0.001);
  g_assert_cmpfloat_with_epsilon (r.content_words_per_clause, 2.0, 0.001);
  /* LiNT: 100 - (3.204 + 15.845 freq + 13.096 × 0.5 - 1.331 × 0.5 × 10 - 3.829 cwpc) */
  g_assert_cmpfloat_with_epsilon (r.difficulty,
                                  100 - (3.204 + 15.845 * 5 + 6.548 - 6.655 - 7.658), 0.001);
  g_assert_cmpint (r.level, ==, HELDER_LEVEL_B1);

  /* Long sentences of rare words, many per clause. */
  counts = (HelderReadabilityCounts) { .words = 250, .sentences = 10, .letter_words = 250,
                                       .syllables = 500, .long_words = 50, .rare_words = 25,
                                       .passives = 5, .content_words = 150,
                                       .content_zipf = 150 * 350, .clauses = 15 };
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
  g_test_add_func ("/language/quotation", test_quotation);
  g_test_add_func ("/language/sentence-split", test_sentence_split);
  g_test_add_func ("/language/rare-word", test_rare_word);
  g_test_add_func ("/language/familiar-words", test_familiar_words);
  g_test_add_func ("/language/passive", test_passive);
  g_test_add_func ("/language/nominalisation", test_nominalisation);
  g_test_add_func ("/language/noun-phrase", test_noun_phrase);
  g_test_add_func ("/language/verb-bracket", test_verb_bracket);
  g_test_add_func ("/language/bureaucratic", test_bureaucratic);
  g_test_add_func ("/language/impersonal", test_impersonal);
  g_test_add_func ("/language/jargon", test_jargon);
  g_test_add_func ("/language/abbreviation", test_abbreviation);
  g_test_add_func ("/language/spelling", test_spelling);
  g_test_add_func ("/language/page-rules", test_page_rules);
  g_test_add_func ("/language/recheck", test_recheck);
  g_test_add_func ("/language/scores", test_scores);
  g_test_add_func ("/language/lint-counts", test_lint_counts);
  g_test_add_func ("/language/abbreviation-in-module", test_abbreviation_in_module);
  g_test_add_func ("/language/threshold-fields", test_threshold_fields);
  g_test_add_func ("/language/course-thresholds", test_course_thresholds);
  g_test_add_func ("/language/checker-owner", test_checker_owner);
  g_test_add_func ("/language/module-counts", test_module_counts);

  return g_test_run ();
}
