/* helder-test-quality.c
 *
 * Rules for questions, tests and surveys that a learner can answer
 * honestly and a team can measure knowledge growth with. The rules, their
 * thresholds and their sources are in docs/test-quality.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-test-quality"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "helder-test-quality.h"

/* A graded question with what the course-wide rules need of it. */
typedef struct
{
  HelderPage        *page;
  const HelderBlock *block;
  gboolean           pre;
  char              *goal;  /* the goal's id, its reference when the course has no goals,
                             * or NULL */
} Question;

static void
question_free (Question *question)
{
  g_free (question->goal);
  g_free (question);
}

/* Small words that say nothing about what a question is about. */
static const char * const stop_words[] = {
  "aan", "als", "bij", "dat", "de", "deze", "die", "dit", "dus", "een", "en", "er", "het", "hun",
  "ik", "in", "is", "je", "jij", "jouw", "kan", "maar", "met", "mijn", "na", "niet", "nog", "of",
  "om", "ook", "op", "te", "tot", "u", "uit", "van", "voor", "was", "wat", "we", "welk", "welke",
  "wie", "wij", "zijn", "zo", "ze", "zij",
};

static gboolean
is_stop_word (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (stop_words); i++)
    if (g_str_equal (word, stop_words[i]))
      return TRUE;

  return FALSE;
}

/* A word as the rule compares it: Dutch inflections cut off, so that
 * "voorbeelden" and "voorbeeld" count as one.
 */
static char *
dup_stem (const char *word)
{
  static const char * const endings[] = { "'s", "en", "de", "te", "e", "s", "t" };
  gsize length = strlen (word);

  for (guint i = 0; i < G_N_ELEMENTS (endings); i++)
    {
      gsize ending = strlen (endings[i]);

      if (length >= ending + 4 && g_str_has_suffix (word, endings[i]))
        return g_strndup (word, length - ending);
    }

  return g_strdup (word);
}

/* The words of @text in lower case: runs of letters and digits, with
 * hyphens and apostrophes inside a word kept ("ai-systeem", "auto's").
 */
static GPtrArray *
split_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *p = text != NULL ? text : "";
  const char *start = NULL;

  for (;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean inner = (c == '-' || c == '\'' || c == 0x2019) && start != NULL &&
                       g_unichar_isalnum (g_utf8_get_char (g_utf8_next_char (p)));

      if (c != 0 && (g_unichar_isalnum (c) || inner))
        {
          if (start == NULL)
            start = p;
          continue;
        }
      if (start != NULL)
        g_ptr_array_add (words, g_utf8_strdown (start, p - start));
      start = NULL;
      if (c == 0)
        break;
    }

  return words;
}

static gboolean
has_word (GPtrArray  *words,
          const char *word)
{
  for (guint i = 0; i < words->len; i++)
    if (g_str_equal (g_ptr_array_index (words, i), word))
      return TRUE;

  return FALSE;
}

/* The first of @candidates that is a word of @words, or NULL. */
static const char *
find_any_word (GPtrArray          *words,
               const char * const *candidates)
{
  for (guint i = 0; candidates[i] != NULL; i++)
    if (has_word (words, candidates[i]))
      return candidates[i];

  return NULL;
}

/* @text with its words in lower case and single spaces, to compare
 * answers whatever their case and punctuation.
 */
static char *
dup_normalised (const char *text)
{
  g_autoptr(GPtrArray) words = split_words (text);

  g_ptr_array_add (words, NULL);
  return g_strjoinv (" ", (char **) words->pdata);
}

/* Whether @text is, or starts with, one of @phrases (lower case) as
 * whole words.
 */
static const char *
starts_with_phrase (const char         *text,
                    const char * const *phrases)
{
  g_autofree char *normalised = dup_normalised (text);

  for (guint i = 0; phrases[i] != NULL; i++)
    {
      gsize length = strlen (phrases[i]);

      if (g_str_has_prefix (normalised, phrases[i]) &&
          (normalised[length] == '\0' || normalised[length] == ' '))
        return phrases[i];
    }

  return NULL;
}

static HelderDiagnostic *
report (HelderPage        *page,
        const HelderRange *range,
        HelderSeverity     severity,
        const char        *rule,
        const char        *message,
        GPtrArray         *diagnostics)
{
  return helder_page_add_diagnostic (page, range->start, range->end, severity, rule, message,
                                     diagnostics);
}

/* Where to point at a block's field, or at the block's first line when
 * the field is missing.
 */
static HelderRange
field_range (const HelderBlock *block,
             const char        *key)
{
  const HelderField *field = helder_block_get_field (block, key);
  HelderRange range = { block->range.start, block->range.start };

  return field != NULL ? field->value_range : range;
}

static gboolean
is_quiz (const HelderBlock *block)
{
  return block->kind == HELDER_BLOCK_CHECK || block->kind == HELDER_BLOCK_QUESTION;
}

/* --- rules on one question or survey item --- */

static void
check_stem (HelderPage        *page,
            const HelderBlock *block,
            GPtrArray         *diagnostics)
{
  static const char * const negations[] = {
    "niet", "geen", "nooit", "behalve", "uitgezonderd", NULL
  };
  const char *stem = helder_block_get_value (block, "question");
  g_autoptr(GPtrArray) words = NULL;
  const char *negation;
  g_autofree char *message = NULL;
  HelderRange range;

  if (stem == NULL)
    return;

  /* Only the sentence that asks: "Je hebt dat nog nooit gezien. Wat doe
   * je?" describes a case, and asks nothing negative.
   */
  for (const char *p = stem; *p != '\0'; p++)
    if (strchr (".!?", *p) != NULL && p[1] == ' ' && p[2] != '\0')
      stem = p + 2;
  words = split_words (stem);
  if ((negation = find_any_word (words, negations)) == NULL)
    return;

  range = field_range (block, "question");
  message = g_strdup_printf (_("The question asks what is not so (“%s”). Learners easily read "
                               "past the negation. Ask what is true instead."), negation);
  report (page, &range, HELDER_SEVERITY_WARNING, "test-negative-stem", message, diagnostics);
}

static void
check_options (HelderPage        *page,
               const HelderBlock *block,
               GPtrArray         *diagnostics)
{
  static const char * const catch_all[] = {
    "alle bovenstaande", "alle antwoorden", "alle antwoorden zijn goed", "alles hierboven",
    "geen van de bovenstaande", "geen van bovenstaande", "geen van beide", "geen van allen",
    "geen van deze", "geen van de antwoorden", "allebei", "beide antwoorden", "beide zijn goed",
    "a en b", "b en c",
    "all of the above", "none of the above", NULL
  };
  static const char * const absolutes[] = {
    "altijd", "nooit", "iedereen", "niemand", "alles", "niets", "overal", "nergens", NULL
  };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *kind = helder_block_get_value (block, "kind");
  guint n_answers = 0;

  for (guint i = 0; i < block->items->len; i++)
    {
      const HelderBlockItem *item = g_ptr_array_index (block->items, i);
      const HelderField *answer = helder_block_item_get_field (item, "answer");
      g_autoptr(GPtrArray) words = NULL;
      g_autofree char *normalised = NULL;
      const char *found;

      if (answer == NULL)
        continue;
      n_answers++;
      words = split_words (answer->value);
      normalised = dup_normalised (answer->value);

      if ((found = starts_with_phrase (answer->value, catch_all)) != NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("“%s” can be chosen without knowing the other answers, and "
                               "learners often guess it. Write a real answer instead."),
                             answer->value);

          report (page, &answer->value_range, HELDER_SEVERITY_WARNING, "test-all-or-none",
                  message, diagnostics);
        }

      if ((found = find_any_word (words, absolutes)) != NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("“%s” in an answer gives it away: careful learners know that "
                               "such answers are rarely right. Say it without “%s”."),
                             found, found);

          report (page, &answer->value_range, HELDER_SEVERITY_HINT, "test-absolute-word",
                  message, diagnostics);
        }

      if (*normalised != '\0' && !g_hash_table_add (seen, g_steal_pointer (&normalised)))
        report (page, &answer->value_range, HELDER_SEVERITY_WARNING, "test-duplicate-option",
                _("This answer is also given above. Write a different answer, or remove "
                  "this one."), diagnostics);
    }

  if (g_strcmp0 (kind, "truefalse") != 0 && n_answers > 0 && n_answers < 3)
    {
      HelderRange range = field_range (block, "question");
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "The question has only %u answer. Give at least three, "
                                      "so that guessing is harder.",
                                      "The question has only %u answers. Give at least three, "
                                      "so that guessing is harder.", n_answers), n_answers);

      report (page, &range, HELDER_SEVERITY_WARNING, "test-few-options", message, diagnostics);
    }
}

/* The player says itself whether an answer is right ("Goed." or "Niet
 * goed."); feedback that starts with its own verdict says it twice, or
 * contradicts it.
 */
static void
check_feedback (HelderPage        *page,
                const HelderBlock *block,
                GPtrArray         *diagnostics)
{
  static GRegex *verdict = NULL;

  /* A verdict stands alone, ended by punctuation: "Goed!" or "Nee," but
   * not "Goed nieuws".
   */
  if (g_once_init_enter (&verdict))
    g_once_init_leave (&verdict,
                       g_regex_new ("^\\s*(heel goed|goed gedaan|niet goed|dat klopt|goed|juist|"
                                    "correct|klopt|fout|onjuist|nee|ja|helaas|prima|precies)"
                                    "\\s*[.!,:;]+\\s*",
                                    G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));

  for (guint i = 0; i < block->items->len; i++)
    {
      const HelderBlockItem *item = g_ptr_array_index (block->items, i);
      const HelderField *feedback = helder_block_item_get_field (item, "feedback");
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *word = NULL;
      g_autofree char *message = NULL;
      HelderDiagnostic *diagnostic;
      const char *rest;
      int end = 0;

      if (feedback == NULL || !g_regex_match (verdict, feedback->value, 0, &match))
        continue;

      word = g_match_info_fetch (match, 1);
      message = g_strdup_printf (_("The feedback starts with “%s”, but the course already "
                                   "shows whether the answer is right. Start with why."),
                                 word);
      diagnostic = report (page, &feedback->value_range, HELDER_SEVERITY_WARNING,
                           "test-feedback-verdict", message, diagnostics);

      /* The suggestion: the feedback without its verdict. */
      g_match_info_fetch_pos (match, 0, NULL, &end);
      rest = feedback->value + end;
      if (*rest != '\0')
        {
          g_autofree char *first = g_utf8_strup (rest, g_utf8_next_char (rest) - rest);
          g_autofree char *suggestion = g_strconcat (first, g_utf8_next_char (rest), NULL);

          helder_diagnostic_add_suggestion (diagnostic, suggestion);
        }
    }
}

static gboolean
has_dont_know_option (const HelderBlock *block)
{
  for (guint i = 0; i < block->items->len; i++)
    {
      g_autoptr(GPtrArray) words =
        split_words (helder_block_item_get_value (g_ptr_array_index (block->items, i), "answer"));

      if (has_word (words, "weet") && has_word (words, "niet"))
        return TRUE;
    }

  return FALSE;
}

static void
check_graded (HelderCourse      *course,
              HelderPage        *page,
              const HelderBlock *block,
              GPtrArray         *diagnostics)
{
  HelderRange range = field_range (block, "question");

  if (g_strcmp0 (helder_block_get_value (block, "test"), "pre") == 0 &&
      !has_dont_know_option (block))
    report (page, &range, HELDER_SEVERITY_HINT, "test-no-dont-know",
            _("A pre-test question without “Ik weet het niet” makes learners guess, and a lucky "
              "guess hides what they still have to learn. Add the answer “Ik weet het niet”."),
            diagnostics);

  if (helder_course_get_n_goals (course) > 0 && helder_block_get_field (block, "goal") == NULL)
    report (page, &range, HELDER_SEVERITY_WARNING, "test-goal-missing",
            _("The question measures no learning goal, so it counts for no goal in the report "
              "of knowledge growth. Name the goal it tests."), diagnostics);
}

/* A statement that joins two things with "en" or "of" cannot be answered
 * by someone who agrees with one and not the other.
 */
static void
check_survey (HelderPage        *page,
              const HelderBlock *block,
              GPtrArray         *diagnostics)
{
  static const char * const joins[] = { "en", "of", "en/of", NULL };
  g_autoptr(GPtrArray) words = NULL;
  g_autofree char *message = NULL;
  HelderRange range;
  const char *join;

  if (g_strcmp0 (helder_block_get_value (block, "kind"), "likert") != 0)
    return;

  words = split_words (helder_block_get_value (block, "question"));
  if ((join = find_any_word (words, joins)) == NULL)
    return;

  range = field_range (block, "question");
  message = g_strdup_printf (_("The statement asks two things at once (“%s”). Someone who "
                               "agrees with one and not the other cannot answer. Make it two "
                               "statements."), join);
  report (page, &range, HELDER_SEVERITY_WARNING, "survey-double", message, diagnostics);
}

/**
 * helder_test_quality_check_page:
 *
 * Adds the findings on each question and survey item of @page on its
 * own; the rules that compare questions run on the whole course
 * (helder_test_quality_check_course).
 */
void
helder_test_quality_check_page (HelderCourse *course,
                                HelderPage   *page,
                                GPtrArray    *diagnostics)
{
  const HelderPageContent *content;

  g_return_if_fail (HELDER_IS_COURSE (course));
  g_return_if_fail (HELDER_IS_PAGE (page));
  g_return_if_fail (diagnostics != NULL);

  content = helder_page_get_content (page);
  for (guint b = 0; b < content->blocks->len; b++)
    {
      const HelderBlock *block = g_ptr_array_index (content->blocks, b);

      if (is_quiz (block))
        {
          check_stem (page, block, diagnostics);
          check_options (page, block, diagnostics);
          check_feedback (page, block, diagnostics);
        }
      if (block->kind == HELDER_BLOCK_QUESTION)
        check_graded (course, page, block, diagnostics);
      if (block->kind == HELDER_BLOCK_SURVEY)
        check_survey (page, block, diagnostics);
    }
}

/* --- rules on the tests as a whole --- */

static GPtrArray *
collect_questions (HelderCourse *course)
{
  GPtrArray *questions = g_ptr_array_new_with_free_func ((GDestroyNotify) question_free);

  for (HelderPageIter iter = helder_course_iter_pages (course); helder_page_iter_next (&iter);)
    {
      const HelderPageContent *content = helder_page_get_content (iter.page);

      for (guint b = 0; b < content->blocks->len; b++)
        {
          const HelderBlock *block = g_ptr_array_index (content->blocks, b);
          const char *test = helder_block_get_value (block, "test");
          const char *goal = helder_block_get_value (block, "goal");
          const HelderGoal *found;
          Question *question;

          if (block->kind != HELDER_BLOCK_QUESTION ||
              (g_strcmp0 (test, "pre") != 0 && g_strcmp0 (test, "post") != 0))
            continue;

          question = g_new0 (Question, 1);
          question->page = iter.page;
          question->block = block;
          question->pre = g_str_equal (test, "pre");
          if (goal != NULL && helder_course_get_n_goals (course) == 0)
            question->goal = g_strdup (goal);
          else if (goal != NULL && (found = helder_course_find_goal (course, goal, NULL)) != NULL)
            question->goal = g_strdup (found->id);
          g_ptr_array_add (questions, question);
        }
    }

  return questions;
}

/* The right answer of a single-choice question, when it is longer than
 * every other answer.
 */
static gboolean
right_answer_is_longest (const HelderBlock *block)
{
  glong right = -1;
  glong longest_wrong = -1;
  guint n_right = 0;

  if (g_strcmp0 (helder_block_get_value (block, "kind"), "multiple") == 0)
    return FALSE;

  for (guint i = 0; i < block->items->len; i++)
    {
      const HelderBlockItem *item = g_ptr_array_index (block->items, i);
      const char *answer = helder_block_item_get_value (item, "answer");
      glong length;

      if (answer == NULL)
        continue;
      length = g_utf8_strlen (answer, -1);
      if (helder_value_is_yes (helder_block_item_get_value (item, "correct")))
        {
          right = length;
          n_right++;
        }
      else
        longest_wrong = MAX (longest_wrong, length);
    }

  return n_right == 1 && longest_wrong >= 0 && right > longest_wrong;
}

/* Fewer questions than this say nothing about a pattern in the lengths. */
#define MIN_QUESTIONS_FOR_LENGTHS 5

static void
check_longest_answers (GPtrArray                 *questions,
                       const HelderCheckSettings *settings,
                       GPtrArray                 *diagnostics)
{
  guint n_longest = 0;
  guint percent;

  for (guint i = 0; i < questions->len; i++)
    if (right_answer_is_longest (((Question *) g_ptr_array_index (questions, i))->block))
      n_longest++;

  if (questions->len < MIN_QUESTIONS_FOR_LENGTHS)
    return;
  percent = 100 * n_longest / questions->len;
  if (percent <= settings->longest_answer_percent)
    return;

  for (guint i = 0; i < questions->len; i++)
    {
      Question *question = g_ptr_array_index (questions, i);
      g_autofree char *message = NULL;
      HelderRange range;

      if (!right_answer_is_longest (question->block))
        continue;
      range = field_range (question->block, "question");
      message = g_strdup_printf (_("In %u of the %u test questions the right answer is the "
                                   "longest, so learners can guess it by its length. Make a "
                                   "wrong answer here as long as the right one."),
                                 n_longest, questions->len);
      report (question->page, &range, HELDER_SEVERITY_WARNING, "test-longest-right", message,
              diagnostics);
    }
}

/* Reports at the goal in course.json, or at @fallback when the course
 * does not define its goals.
 */
static void
report_goal (HelderCourse   *course,
             const char     *goal,
             Question       *fallback,
             const char     *message,
             GPtrArray      *diagnostics)
{
  HelderJsonDocument *document = helder_course_get_document (course);
  JsonObject *root = document != NULL ? helder_json_document_get_root (document) : NULL;
  guint position;

  if (root != NULL && helder_course_find_goal (course, goal, &position) != NULL &&
      json_object_has_member (root, "goals"))
    {
      JsonArray *goals = json_object_get_array_member (root, "goals");

      helder_json_document_report (document, diagnostics,
                                   json_array_get_object_element (goals, position), "id", -1,
                                   HELDER_SEVERITY_WARNING, "test-goal-items", message);
    }
  else if (fallback != NULL)
    {
      HelderRange range = field_range (fallback->block, "goal");

      report (fallback->page, &range, HELDER_SEVERITY_WARNING, "test-goal-items", message,
              diagnostics);
    }
}

/* Each goal needs enough items in each test to measure its growth: with
 * two items a learner scores only 0, 50 or 100%.
 */
static void
check_goal_items (HelderCourse              *course,
                  GPtrArray                 *questions,
                  const HelderCheckSettings *settings,
                  GPtrArray                 *diagnostics)
{
  g_autoptr(GPtrArray) goals = g_ptr_array_new ();
  gboolean has_test[2] = { FALSE, FALSE };

  for (guint i = 0; i < helder_course_get_n_goals (course); i++)
    g_ptr_array_add (goals, helder_course_get_goal (course, i)->id);
  for (guint i = 0; i < questions->len; i++)
    {
      Question *question = g_ptr_array_index (questions, i);

      has_test[question->pre] = TRUE;
      if (question->goal != NULL &&
          !g_ptr_array_find_with_equal_func (goals, question->goal, g_str_equal, NULL))
        g_ptr_array_add (goals, question->goal);
    }

  for (guint g = 0; g < goals->len; g++)
    {
      const char *goal = g_ptr_array_index (goals, g);
      const HelderGoal *defined = helder_course_find_goal (course, goal, NULL);
      guint counts[2] = { 0, 0 };
      Question *first = NULL;

      for (guint i = 0; i < questions->len; i++)
        {
          Question *question = g_ptr_array_index (questions, i);

          if (g_strcmp0 (question->goal, goal) != 0)
            continue;
          counts[question->pre]++;
          if (first == NULL)
            first = question;
        }

      for (guint pre = 0; pre < 2; pre++)
        {
          g_autofree char *message = NULL;

          if (!has_test[pre] || counts[pre] >= settings->goal_min_items)
            continue;
          message = g_strdup_printf (pre ? _("The pre-test has %u questions for the learning "
                                             "goal “%s”. Give each goal at least %u, so that "
                                             "its growth can be measured.")
                                         : _("The post-test has %u questions for the learning "
                                             "goal “%s”. Give each goal at least %u, so that "
                                             "its growth can be measured."),
                                     counts[pre], defined != NULL ? defined->text : goal,
                                     settings->goal_min_items);
          report_goal (course, goal, first, message, diagnostics);
        }
    }
}

/* Items with fewer meaningful words than this are too short to compare. */
#define NEAR_COPY_MIN_WORDS 3

/* The share of the smaller set of meaningful words that the other has
 * too, in percent (the overlap coefficient).
 */
static guint
word_overlap (const char *a,
              const char *b)
{
  g_autoptr(GPtrArray) words_a = split_words (a);
  g_autoptr(GPtrArray) words_b = split_words (b);
  g_autoptr(GHashTable) set_a = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) set_b = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer word;
  guint shared = 0;
  guint smaller;

  for (guint i = 0; i < words_a->len; i++)
    if (!is_stop_word (g_ptr_array_index (words_a, i)))
      g_hash_table_add (set_a, dup_stem (g_ptr_array_index (words_a, i)));
  for (guint i = 0; i < words_b->len; i++)
    if (!is_stop_word (g_ptr_array_index (words_b, i)))
      g_hash_table_add (set_b, dup_stem (g_ptr_array_index (words_b, i)));

  smaller = MIN (g_hash_table_size (set_a), g_hash_table_size (set_b));
  if (smaller < NEAR_COPY_MIN_WORDS)
    return 0;

  g_hash_table_iter_init (&iter, set_a);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    if (g_hash_table_contains (set_b, word))
      shared++;

  return 100 * shared / smaller;
}

static const char *right_answer (const HelderBlock *block);

/* What an item asks and what it counts as right, as one text. */
static char *
dup_item_text (const HelderBlock *block)
{
  return g_strconcat (helder_block_get_value (block, "question"), " ", right_answer (block), NULL);
}

static guint
item_overlap (const HelderBlock *a,
              const HelderBlock *b)
{
  g_autofree char *text_a = dup_item_text (a);
  g_autofree char *text_b = dup_item_text (b);

  return word_overlap (text_a, text_b);
}

static const char *
right_answer (const HelderBlock *block)
{
  for (guint i = 0; i < block->items->len; i++)
    {
      const HelderBlockItem *item = g_ptr_array_index (block->items, i);

      if (helder_value_is_yes (helder_block_item_get_value (item, "correct")))
        return helder_block_item_get_value (item, "answer");
    }

  return NULL;
}

/* A post-test item that repeats its pre-test twin measures memory of the
 * pre-test, not learning: compare the questions, and the right answers.
 */
static void
check_near_copies (GPtrArray                 *questions,
                   const HelderCheckSettings *settings,
                   GPtrArray                 *diagnostics)
{
  for (guint i = 0; i < questions->len; i++)
    {
      Question *post = g_ptr_array_index (questions, i);

      if (post->pre || post->goal == NULL)
        continue;

      for (guint j = 0; j < questions->len; j++)
        {
          Question *pre = g_ptr_array_index (questions, j);
          g_autofree char *message = NULL;
          HelderRange range;
          guint overlap;

          if (!pre->pre || g_strcmp0 (pre->goal, post->goal) != 0)
            continue;

          overlap = item_overlap (pre->block, post->block);
          if (overlap < settings->near_copy_percent)
            continue;

          range = field_range (post->block, "question");
          message = g_strdup_printf (_("This question is nearly the same as %s in the pre-test "
                                       "(%u%% of the words are the same). Learners then "
                                       "remember the answer instead of showing what they "
                                       "learned. Ask about the goal with another case or in "
                                       "other words."),
                                     helder_block_get_value (pre->block, "id"), overlap);
          report (post->page, &range, HELDER_SEVERITY_WARNING, "test-near-copy", message,
                  diagnostics);
          break;
        }
    }
}

/* The satisfaction KPI asks about content, relevance and ease of use; a
 * statement covers an area when it uses one of its words.
 */
static void
check_survey_coverage (HelderCourse *course,
                       GPtrArray    *diagnostics)
{
  static const char * const content_words[] = {
    "inhoud", "informatie", "uitleg", "onderwerp", "onderwerpen", "stof", "duidelijk",
    "begrijpelijk", "teksten", NULL
  };
  static const char * const relevance_words[] = {
    "werk", "relevant", "nuttig", "toepassen", "praktijk", "functie", "baan", "taken", NULL
  };
  static const char * const ease_words[] = {
    "makkelijk", "gemakkelijk", "eenvoudig", "gebruiksvriendelijk", "gebruiksgemak",
    "bedienen", "navigeren", "overzichtelijk", NULL
  };
  const struct
  {
    const char * const *words;
    const char         *name;
  } areas[] = {
    { content_words, N_("the content") },
    { relevance_words, N_("its use in the work") },
    { ease_words, N_("ease of use") },
  };
  gboolean covered[G_N_ELEMENTS (areas)] = { FALSE, };
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autofree char *message = NULL;
  HelderPage *first_page = NULL;
  const HelderBlock *first = NULL;
  HelderRange range;

  for (HelderPageIter iter = helder_course_iter_pages (course); helder_page_iter_next (&iter);)
    {
      const HelderPageContent *content = helder_page_get_content (iter.page);

      for (guint b = 0; b < content->blocks->len; b++)
        {
          const HelderBlock *block = g_ptr_array_index (content->blocks, b);
          g_autoptr(GPtrArray) words = NULL;

          if (block->kind != HELDER_BLOCK_SURVEY ||
              g_strcmp0 (helder_block_get_value (block, "kind"), "likert") != 0)
            continue;
          if (first == NULL)
            {
              first = block;
              first_page = iter.page;
            }
          words = split_words (helder_block_get_value (block, "question"));
          for (guint a = 0; a < G_N_ELEMENTS (areas); a++)
            covered[a] = covered[a] || find_any_word (words, areas[a].words) != NULL;
        }
    }

  if (first == NULL)
    return;

  for (guint a = 0; a < G_N_ELEMENTS (areas); a++)
    if (!covered[a])
      g_string_append_printf (missing, "%s%s", missing->len > 0 ? ", " : "", _(areas[a].name));
  if (missing->len == 0)
    return;

  range = field_range (first, "question");
  message = g_strdup_printf (_("The satisfaction survey asks nothing about %s. Add a statement "
                               "about it, so the survey measures content, use in the work and "
                               "ease of use."), missing->str);
  report (first_page, &range, HELDER_SEVERITY_WARNING, "survey-coverage", message, diagnostics);
}

static gboolean
is_term (const char *word)
{
  return g_utf8_strlen (word, -1) >= 4 && !g_ascii_isdigit (word[0]) && !is_stop_word (word);
}

/* The stems of every word learners read outside the tests and surveys. */
static GHashTable *
collect_taught_stems (HelderCourse *course)
{
  GHashTable *stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (HelderPageIter iter = helder_course_iter_pages (course); helder_page_iter_next (&iter);)
    {
      const HelderPageContent *content = helder_page_get_content (iter.page);
      const char *text = helder_page_get_text (iter.page);

      for (guint r = 0; r < content->runs->len; r++)
        {
          const HelderTextRun *run = &g_array_index (content->runs, HelderTextRun, r);
          g_autofree char *piece = NULL;
          g_autoptr(GPtrArray) words = NULL;
          gboolean in_test = FALSE;

          for (guint b = 0; b < content->blocks->len && !in_test; b++)
            {
              const HelderBlock *block = g_ptr_array_index (content->blocks, b);

              in_test = (block->kind == HELDER_BLOCK_QUESTION ||
                         block->kind == HELDER_BLOCK_SURVEY) &&
                        run->range.start >= block->range.start &&
                        run->range.end <= block->range.end;
            }
          if (in_test)
            continue;

          piece = g_strndup (text + run->range.start, run->range.end - run->range.start);
          words = split_words (piece);
          for (guint w = 0; w < words->len; w++)
            g_hash_table_add (stems, dup_stem (g_ptr_array_index (words, w)));
        }
    }

  return stems;
}

/* The most terms one finding names; more would not help the writer. */
#define MAX_TERMS_NAMED 3

static void
check_untaught_terms (HelderCourse *course,
                      GPtrArray    *questions,
                      GPtrArray    *diagnostics)
{
  g_autoptr(GHashTable) taught = NULL;

  if (questions->len == 0)
    return;

  taught = collect_taught_stems (course);
  for (guint i = 0; i < questions->len; i++)
    {
      Question *question = g_ptr_array_index (questions, i);
      g_autoptr(GPtrArray) words = split_words (right_answer (question->block));
      g_autoptr(GPtrArray) missing = g_ptr_array_new ();
      g_autofree char *message = NULL;
      g_autofree char *list = NULL;
      HelderRange range;

      for (guint w = 0; w < words->len && missing->len < MAX_TERMS_NAMED; w++)
        {
          const char *word = g_ptr_array_index (words, w);
          g_autofree char *stem = dup_stem (word);

          if (is_term (word) && !g_hash_table_contains (taught, stem) &&
              !g_ptr_array_find_with_equal_func (missing, word, g_str_equal, NULL))
            g_ptr_array_add (missing, (gpointer) word);
        }
      if (missing->len == 0)
        continue;

      g_ptr_array_add (missing, NULL);
      list = g_strjoinv ("”, “", (char **) missing->pdata);
      range = field_range (question->block, "question");
      message = g_strdup_printf (_("The right answer uses “%s”, which the pages of the course "
                                   "never use. Teach it first, or write the answer in the "
                                   "words of the pages."), list);
      report (question->page, &range, HELDER_SEVERITY_HINT, "test-untaught-term", message,
              diagnostics);
    }
}

/**
 * helder_test_quality_check_course:
 * @settings: the course's thresholds
 *
 * Adds the findings that compare the questions of the pre-test and the
 * post-test, and the survey items, across the course.
 */
void
helder_test_quality_check_course (HelderCourse              *course,
                                  const HelderCheckSettings *settings,
                                  GPtrArray                 *diagnostics)
{
  g_autoptr(GPtrArray) questions = NULL;

  g_return_if_fail (HELDER_IS_COURSE (course));
  g_return_if_fail (settings != NULL);
  g_return_if_fail (diagnostics != NULL);

  questions = collect_questions (course);
  check_longest_answers (questions, settings, diagnostics);
  check_goal_items (course, questions, settings, diagnostics);
  check_near_copies (questions, settings, diagnostics);
  check_untaught_terms (course, questions, diagnostics);
  check_survey_coverage (course, diagnostics);
}
