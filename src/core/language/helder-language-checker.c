/* helder-language-checker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-language-checker"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "helder-language-checker.h"
#include "helder-tokenizer.h"

/* The result of one paragraph; diagnostics are relative to its start. */
typedef struct
{
  HelderLanguageFindings findings;
} Paragraph;

struct _HelderLanguageChecker
{
  HelderCheckSettings settings;
  char                 **words;        /* the course words as given */
  GHashTable            *course_words; /* their lower-case set */
  GHashTable            *pages;        /* file → GHashTable (key → Paragraph*) */
  GHashTable            *results;      /* file → GPtrArray: the last diagnostics */
  guint                  n_page_checks;
  GMutex                 lock;
};

static void
paragraph_free (Paragraph *paragraph)
{
  helder_language_findings_clear (&paragraph->findings);
  g_free (paragraph);
}

static GHashTable *
paragraph_table_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                (GDestroyNotify) paragraph_free);
}

/* Returns: (transfer full): a checker with @settings (NULL for the
 * defaults) and the course words @course_words (nullable).
 */
HelderLanguageChecker *
helder_language_checker_new (const HelderCheckSettings *settings,
                             const char * const           *course_words)
{
  HelderLanguageChecker *self = g_atomic_rc_box_new0 (HelderLanguageChecker);

  if (settings != NULL)
    self->settings = *settings;
  else
    helder_check_settings_init (&self->settings);
  self->pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_hash_table_unref);
  self->results = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_ptr_array_unref);
  g_mutex_init (&self->lock);
  helder_language_checker_set_words (self, course_words);

  return self;
}

/**
 * helder_language_checker_new_for_course:
 *
 * Must be called on the main thread (it reads @course).
 *
 * Returns: (transfer full): a checker with the words.txt and the
 *   thresholds of @course
 */
HelderLanguageChecker *
helder_language_checker_new_for_course (HelderCourse *course)
{
  HelderLanguageChecker *self;

  g_return_val_if_fail (HELDER_IS_COURSE (course), NULL);

  self = helder_language_checker_new (NULL, NULL);
  helder_language_checker_follow_course (self, course);

  return self;
}

/**
 * helder_language_checker_ref:
 *
 * Returns: (transfer full): @self, with one more reference
 */
HelderLanguageChecker *
helder_language_checker_ref (HelderLanguageChecker *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

static void
checker_clear (HelderLanguageChecker *self)
{
  g_strfreev (self->words);
  g_clear_pointer (&self->course_words, g_hash_table_unref);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->results, g_hash_table_unref);
  g_mutex_clear (&self->lock);
}

/* Drops one reference; the last one frees the checker and what it
 * remembers.
 */
void
helder_language_checker_unref (HelderLanguageChecker *self)
{
  if (self != NULL)
    g_atomic_rc_box_release_full (self, (GDestroyNotify) checker_clear);
}

/* New course words change what the rules say about every paragraph. */
void
helder_language_checker_set_words (HelderLanguageChecker *self,
                                   const char * const    *course_words)
{
  const char * const empty[] = { NULL };

  g_return_if_fail (self != NULL);

  if (course_words == NULL)
    course_words = empty;

  g_mutex_lock (&self->lock);
  if (self->words == NULL || !g_strv_equal ((const char * const *) self->words, course_words))
    {
      g_strfreev (self->words);
      self->words = g_strdupv ((char **) course_words);
      g_clear_pointer (&self->course_words, g_hash_table_unref);
      self->course_words = helder_language_course_words_new (course_words);
      g_hash_table_remove_all (self->pages);
    }
  g_mutex_unlock (&self->lock);
}

/* New thresholds, too, change what the rules say about every paragraph. */
void
helder_language_checker_set_settings (HelderLanguageChecker        *self,
                                      const HelderCheckSettings *settings)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (settings != NULL);

  g_mutex_lock (&self->lock);
  if (!helder_check_settings_equal (&self->settings, settings))
    {
      self->settings = *settings;
      g_hash_table_remove_all (self->pages);
    }
  g_mutex_unlock (&self->lock);
}

static Paragraph *
check_paragraph (HelderLanguageChecker *self,
                 const char            *text,
                 const GArray          *runs,
                 guint                  first,
                 guint                  n,
                 gsize                  base)
{
  g_autoptr(GArray) part = g_array_sized_new (FALSE, FALSE, sizeof (HelderTextRun), n);
  g_autoptr(HelderTokens) tokens = NULL;
  Paragraph *paragraph = g_new0 (Paragraph, 1);

  g_array_append_vals (part, &g_array_index (runs, HelderTextRun, first), n);
  tokens = helder_tokens_new_from_runs (text, part);
  helder_language_rules_run (&self->settings, self->course_words, text, tokens,
                             &paragraph->findings);

  for (guint i = 0; i < paragraph->findings.diagnostics->len; i++)
    {
      HelderDiagnostic *d = g_ptr_array_index (paragraph->findings.diagnostics, i);

      d->start -= base;
      d->end -= base;
    }

  return paragraph;
}

/* A reader learns a long or rare word, a term or an abbreviation once it
 * is explained: only its first use on a page is reported.
 */
static gboolean
is_repeated_word (const HelderDiagnostic *relative,
                  const char             *text,
                  gsize                   base,
                  GHashTable             *seen)
{
  g_autofree char *word = NULL;

  if (!g_str_equal (relative->rule, "b1-long-word") &&
      !g_str_equal (relative->rule, "b1-rare-word") &&
      !g_str_equal (relative->rule, "b1-jargon") &&
      !g_str_equal (relative->rule, "b1-abbreviation"))
    return FALSE;

  word = g_strdup_printf ("%s:%.*s", relative->rule, (int) (relative->end - relative->start),
                          text + base + relative->start);
  return !g_hash_table_add (seen, g_utf8_strdown (word, -1));
}

/* The full form of the abbreviation at @text[@start, @end), in lower
 * case (transfer full), or NULL when it is not listed.
 */
static char *
dup_lower_full_form (const char *text,
                     gsize       start,
                     gsize       end)
{
  g_autofree char *abbreviation = g_strndup (text + start, end - start);
  const char *full_form = helder_language_abbreviation_full_form (abbreviation);

  return full_form != NULL ? g_utf8_strdown (full_form, -1) : NULL;
}

/* An abbreviation whose full form the page gives anywhere (in a heading,
 * or before the abbreviation in brackets) needs no finding.
 */
static gboolean
is_written_out (const HelderDiagnostic  *relative,
                const char              *text,
                gsize                    base,
                char                   **lower_text)
{
  g_autofree char *full = NULL;

  if (!g_str_equal (relative->rule, "b1-abbreviation"))
    return FALSE;

  full = dup_lower_full_form (text, base + relative->start, base + relative->end);
  if (full == NULL)
    return FALSE;
  /* Lower-cased once per page, and only for pages with abbreviations. */
  if (*lower_text == NULL)
    *lower_text = g_utf8_strdown (text, -1);

  return strstr (*lower_text, full) != NULL;
}

static void
place (GPtrArray               *out,
       const HelderDiagnostic  *relative,
       const char              *file,
       gsize                    base,
       const HelderPageContent *content)
{
  HelderDiagnostic *d;
  guint line;
  guint column;

  helder_line_map_locate (content->lines, base + relative->start, &line, &column);
  d = helder_diagnostic_new (file, base + relative->start, base + relative->end, line, column,
                             relative->severity, relative->rule, relative->message);
  for (guint i = 0; i < relative->suggestions->len; i++)
    helder_diagnostic_add_suggestion (d, g_ptr_array_index (relative->suggestions, i));
  g_ptr_array_add (out, d);
}

static void
add_page_findings (HelderLanguageChecker         *self,
                   GPtrArray                     *out,
                   const char                    *file,
                   const HelderPageContent       *content,
                   const HelderReadabilityCounts *counts,
                   guint                          prose_words,
                   guint                          address_words)
{
  HelderDiagnostic *d;
  gsize start = 0;
  gsize end = 0;

  /* Page findings point at the first heading, or the start of the page. */
  for (guint i = 0; i < content->runs->len; i++)
    {
      const HelderTextRun *run = &g_array_index (content->runs, HelderTextRun, i);

      if (run->role == HELDER_TEXT_HEADING)
        {
          start = run->range.start;
          end = run->range.end;
          break;
        }
    }

  if (prose_words >= self->settings.reader_address_words && address_words == 0)
    {
      guint line;
      guint column;

      helder_line_map_locate (content->lines, start, &line, &column);
      d = helder_diagnostic_new (file, start, end, line, column, HELDER_SEVERITY_WARNING,
                                 "b1-reader-address",
                                 _("the page never addresses the reader; write to the "
                                   "learner with “je” or “u”"));
      g_ptr_array_add (out, d);
    }

  if (counts->sentences >= 5 &&
      (double) counts->words / counts->sentences > self->settings.page_average_words)
    {
      g_autofree char *message =
        g_strdup_printf (_("sentences on this page have %.1f words on average; aim for at "
                           "most %.0f by splitting long sentences"),
                         (double) counts->words / counts->sentences,
                         self->settings.page_average_words);
      guint line;
      guint column;

      helder_line_map_locate (content->lines, start, &line, &column);
      d = helder_diagnostic_new (file, start, end, line, column, HELDER_SEVERITY_HINT,
                                 "b1-page-average", message);
      g_ptr_array_add (out, d);
    }
}

static GPtrArray *
check_locked (HelderLanguageChecker   *self,
              const char              *file,
              const char              *text,
              const HelderPageContent *content,
              HelderReadabilityCounts *counts)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  GHashTable *old = g_hash_table_lookup (self->pages, file);
  GHashTable *fresh = paragraph_table_new ();
  const GArray *runs = content->runs;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *lower_text = NULL;
  HelderReadabilityCounts sum = { 0 };
  guint prose_words = 0;
  guint address_words = 0;
  guint i = 0;

  while (i < runs->len)
    {
      const HelderTextRun *first = &g_array_index (runs, HelderTextRun, i);
      guint n = 1;
      gsize end;
      g_autofree char *key = NULL;
      Paragraph *paragraph;

      while (i + n < runs->len &&
             g_array_index (runs, HelderTextRun, i + n).paragraph == first->paragraph)
        n++;
      end = g_array_index (runs, HelderTextRun, i + n - 1).range.end;

      key = g_strdup_printf ("%d:%.*s", first->role, (int) (end - first->range.start),
                             text + first->range.start);
      paragraph = g_hash_table_lookup (fresh, key);
      if (paragraph == NULL)
        {
          gpointer stolen_key = NULL;
          gpointer stolen = NULL;

          if (old != NULL && g_hash_table_steal_extended (old, key, &stolen_key, &stolen))
            g_free (stolen_key);
          paragraph = stolen != NULL ? stolen
                                     : check_paragraph (self, text, runs, i, n,
                                                        first->range.start);
          g_hash_table_insert (fresh, g_strdup (key), paragraph);
        }

      for (guint d = 0; d < paragraph->findings.diagnostics->len; d++)
        {
          const HelderDiagnostic *relative = g_ptr_array_index (paragraph->findings.diagnostics, d);

          if (!is_repeated_word (relative, text, first->range.start, seen) &&
              !is_written_out (relative, text, first->range.start, &lower_text))
            place (out, relative, file, first->range.start, content);
        }
      helder_readability_counts_add (&sum, &paragraph->findings.counts);
      prose_words += paragraph->findings.prose_words;
      address_words += paragraph->findings.address_words;

      i += n;
    }

  g_hash_table_replace (self->pages, g_strdup (file), fresh);
  add_page_findings (self, out, file, content, &sum, prose_words, address_words);
  helder_diagnostics_sort (out);

  if (counts != NULL)
    *counts = sum;

  return out;
}

/**
 * helder_language_checker_check:
 * @counts: (out) (optional): the page's readability counts
 *
 * Returns: (transfer container) (element-type HelderDiagnostic): the
 *   language findings on the page, sorted by place
 */
GPtrArray *
helder_language_checker_check (HelderLanguageChecker   *self,
                               const char              *file,
                               const char              *text,
                               const HelderPageContent *content,
                               HelderReadabilityCounts *counts)
{
  GPtrArray *out;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (content != NULL, NULL);

  g_mutex_lock (&self->lock);
  self->n_page_checks++;
  out = check_locked (self, file, text, content, counts);
  g_hash_table_replace (self->results, g_strdup (file), g_ptr_array_ref (out));
  g_mutex_unlock (&self->lock);

  return out;
}

static gboolean
same_finding (const HelderDiagnostic *a,
              const HelderDiagnostic *b)
{
  return a->start == b->start && a->end == b->end && a->severity == b->severity &&
         g_str_equal (a->rule, b->rule) && g_str_equal (a->message, b->message);
}

static GPtrArray *
missing_from (GPtrArray *these,
              GPtrArray *others)
{
  GPtrArray *missing = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);

  for (guint i = 0; i < these->len; i++)
    {
      HelderDiagnostic *d = g_ptr_array_index (these, i);
      gboolean found = FALSE;

      for (guint j = 0; j < others->len && !found; j++)
        found = same_finding (d, g_ptr_array_index (others, j));
      if (!found)
        g_ptr_array_add (missing, helder_diagnostic_ref (d));
    }

  return missing;
}

/**
 * helder_language_checker_recheck:
 * @added: (out) (transfer container): findings that are new since the last
 *   check of @file
 * @removed: (out) (transfer container): findings of the last check that are
 *   gone
 *
 * For the editor: checks @file again after an edit; only paragraphs whose
 * text changed are analysed.
 */
void
helder_language_checker_recheck (HelderLanguageChecker    *self,
                                 const char               *file,
                                 const char               *text,
                                 const HelderPageContent  *content,
                                 GPtrArray               **added,
                                 GPtrArray               **removed)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) now = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (added != NULL && removed != NULL);

  g_mutex_lock (&self->lock);
  before = g_hash_table_lookup (self->results, file);
  before = before != NULL ? g_ptr_array_ref (before)
                          : g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  now = check_locked (self, file, text, content, NULL);
  g_hash_table_replace (self->results, g_strdup (file), g_ptr_array_ref (now));
  g_mutex_unlock (&self->lock);

  *added = missing_from (now, before);
  *removed = missing_from (before, now);
}

/**
 * helder_language_checker_follow_course:
 *
 * Takes the current words.txt and the thresholds of @course's course.json
 * (on the main thread, like everything that reads the course); the
 * paragraphs they change are checked again on the next check.
 */
void
helder_language_checker_follow_course (HelderLanguageChecker *self,
                                       HelderCourse          *course)
{
  HelderCheckSettings settings;

  g_return_if_fail (self != NULL);
  g_return_if_fail (HELDER_IS_COURSE (course));

  /* Problems with the thresholds are the course check's to report. */
  if (helder_course_get_document (course) != NULL)
    helder_check_settings_read (&settings, helder_course_get_document (course), NULL);
  else
    helder_check_settings_init (&settings);

  helder_language_checker_set_words (self, helder_course_get_words (course));
  helder_language_checker_set_settings (self, &settings);
}

static GPtrArray *
check_page (HelderLanguageChecker   *checker,
            HelderPage              *page,
            HelderReadabilityCounts *counts)
{
  return helder_language_checker_check (checker, helder_page_get_file (page),
                                        helder_page_get_text (page),
                                        helder_page_get_content (page), counts);
}

/* The page's readability counts; for a page checked before, from the
 * checker's memory.
 */
void
helder_language_count_page (HelderLanguageChecker   *checker,
                            HelderPage              *page,
                            HelderReadabilityCounts *counts)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_if_fail (checker != NULL);
  g_return_if_fail (HELDER_IS_PAGE (page));
  g_return_if_fail (counts != NULL);

  found = check_page (checker, page, counts);
}

/**
 * helder_language_dup_module_counts:
 * @course_counts: (out) (optional): the counts of the whole course
 *
 * Counts every page of @course once: the sums of each module and of the
 * course, so scoring a course takes time in proportion to its pages.
 *
 * Returns: (transfer full) (element-type HelderReadabilityCounts): the
 *   counts of each module, in course order.
 */
GArray *
helder_language_dup_module_counts (HelderLanguageChecker   *checker,
                                   HelderCourse            *course,
                                   HelderReadabilityCounts *course_counts)
{
  guint n_modules;
  GArray *modules;
  HelderReadabilityCounts total = { 0 };

  g_return_val_if_fail (checker != NULL, NULL);
  g_return_val_if_fail (HELDER_IS_COURSE (course), NULL);

  n_modules = helder_course_get_n_modules (course);
  modules = g_array_sized_new (FALSE, TRUE, sizeof (HelderReadabilityCounts), n_modules);
  g_array_set_size (modules, n_modules);
  for (guint m = 0; m < n_modules; m++)
    {
      HelderModule *module = helder_course_get_module (course, m);
      HelderReadabilityCounts *sum = &g_array_index (modules, HelderReadabilityCounts, m);

      for (guint p = 0; p < helder_module_get_n_pages (module); p++)
        {
          HelderReadabilityCounts counts;

          helder_language_count_page (checker, helder_module_get_page (module, p), &counts);
          helder_readability_counts_add (sum, &counts);
          helder_readability_counts_add (&total, &counts);
        }
    }

  if (course_counts != NULL)
    *course_counts = total;
  return modules;
}

/**
 * helder_language_checker_get_n_page_checks:
 *
 * Returns: how many times @self checked a page, for tests that see work
 *   is not repeated.
 */
guint
helder_language_checker_get_n_page_checks (HelderLanguageChecker *self)
{
  guint n;

  g_return_val_if_fail (self != NULL, 0);

  g_mutex_lock (&self->lock);
  n = self->n_page_checks;
  g_mutex_unlock (&self->lock);
  return n;
}

/* Whether @word occurs in @text as a word of its own, as written. */
static gboolean
contains_word (const char *text,
               const char *word)
{
  gsize n = strlen (word);

  for (const char *p = strstr (text, word); p != NULL; p = strstr (p + 1, word))
    if ((p == text || !g_ascii_isalnum (p[-1])) && !g_ascii_isalnum (p[n]))
      return TRUE;
  return FALSE;
}

/* The pages before @page in its module (transfer container), or NULL
 * when @page is the first or not in @course.
 */
static GPtrArray *
earlier_pages_in_module (HelderCourse *course,
                         HelderPage   *page)
{
  HelderPageIter iter = helder_course_iter_pages (course);
  g_autoptr(GPtrArray) earlier = g_ptr_array_new ();
  HelderModule *module = NULL;

  while (helder_page_iter_next (&iter))
    {
      if (iter.module != module)
        {
          module = iter.module;
          g_ptr_array_set_size (earlier, 0);
        }
      if (iter.page == page)
        return earlier->len > 0 ? g_steal_pointer (&earlier) : NULL;
      g_ptr_array_add (earlier, iter.page);
    }

  return NULL;
}

/* An abbreviation is written out at its first use in a module: when an
 * earlier page of the module used it or gave its full form, a learner who
 * follows the module has met it.
 */
static gboolean
met_earlier_in_module (const HelderDiagnostic *d,
                       const char             *text,
                       GPtrArray              *earlier)
{
  g_autofree char *abbreviation = NULL;
  g_autofree char *full = NULL;

  if (earlier == NULL || !g_str_equal (d->rule, "b1-abbreviation"))
    return FALSE;

  abbreviation = g_strndup (text + d->start, d->end - d->start);
  full = dup_lower_full_form (text, d->start, d->end);
  for (guint i = 0; i < earlier->len; i++)
    {
      const char *other = helder_page_get_text (g_ptr_array_index (earlier, i));
      g_autofree char *lower = NULL;

      if (contains_word (other, abbreviation))
        return TRUE;
      lower = full != NULL ? g_utf8_strdown (other, -1) : NULL;
      if (lower != NULL && strstr (lower, full) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* Adds the language findings on @page of @course to @diagnostics; an
 * abbreviation already met on an earlier page of the module is not
 * reported again.
 */
void
helder_language_check_page (HelderCourse          *course,
                            HelderLanguageChecker *checker,
                            HelderPage            *page,
                            GPtrArray             *diagnostics)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) earlier = NULL;
  gboolean looked = FALSE;

  g_return_if_fail (HELDER_IS_COURSE (course));
  g_return_if_fail (checker != NULL);
  g_return_if_fail (HELDER_IS_PAGE (page));
  g_return_if_fail (diagnostics != NULL);

  found = check_page (checker, page, NULL);
  for (guint i = 0; i < found->len; i++)
    {
      HelderDiagnostic *d = g_ptr_array_index (found, i);

      /* The module's other pages are only looked at for abbreviations. */
      if (!looked && g_str_equal (d->rule, "b1-abbreviation"))
        {
          earlier = earlier_pages_in_module (course, page);
          looked = TRUE;
        }
      if (!met_earlier_in_module (d, helder_page_get_text (page), earlier))
        g_ptr_array_add (diagnostics, helder_diagnostic_ref (d));
    }
}
