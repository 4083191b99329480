/* helder-language-rules.h
 *
 * The Dutch B1 language rules on a stretch of text: sentence length, long
 * and rare words, passive voice, nominalisations, bureaucratic words,
 * spelling.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "helder-diagnostic.h"
#include "helder-check-settings.h"
#include "helder-readability.h"
#include "helder-tokenizer.h"

G_BEGIN_DECLS

/* What the rules found in one stretch of text. Diagnostics have an empty
 * file name and no line: the caller places them.
 */
typedef struct
{
  GPtrArray              *diagnostics; /* of HelderDiagnostic* */
  HelderReadabilityCounts counts;
  guint                   address_words; /* je, jij, jouw, u, uw, jullie */
  guint                   prose_words;   /* words outside headings */
} HelderLanguageFindings;

void  helder_language_rules_run      (const HelderCheckSettings *settings,
                                      GHashTable                   *course_words,
                                      const char                   *text,
                                      const HelderTokens           *tokens,
                                      HelderLanguageFindings       *findings);
void  helder_language_findings_clear (HelderLanguageFindings       *findings);
GHashTable *helder_language_course_words_new (const char * const   *words);
gboolean helder_language_add_spelling_suggestions (HelderDiagnostic *diagnostic,
                                                   const char       *text);
void  helder_language_readability_of_plain_text (const char        *text,
                                                 gsize              length,
                                                 HelderReadability *out);
const char *helder_language_abbreviation_full_form (const char *abbreviation);
/* helder_text_apply_suggestion: (transfer full): the caller frees the text with g_free() */
char *helder_text_apply_suggestion   (const char                   *text,
                                      const HelderDiagnostic       *diagnostic,
                                      guint                         suggestion);

G_END_DECLS
