/* helder-tip-checks.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-tip-checks"

#include "config.h"

#include "helder-check-settings.h"
#include "helder-language-checker.h"
#include "helder-page-content.h"
#include "helder-tip-checks.h"
#include "helder-tips.h"

/**
 * helder_tip_checks_run:
 * @diagnostics: receives the findings in tips.md
 *
 * Checks tips.md when the course has one; drafts are not checked (they
 * are the pages' own text, checked there).
 *
 * Returns: %FALSE with @error set when tips.md cannot be read
 */
gboolean
helder_tip_checks_run (HelderCourse  *course,
                       GPtrArray     *diagnostics,
                       GError       **error)
{
  g_autoptr(GPtrArray) tips = NULL;
  g_autoptr(HelderPageContent) content = NULL;
  g_autoptr(HelderLanguageChecker) checker = NULL;
  g_autoptr(GPtrArray) language = NULL;
  g_autofree char *text = NULL;
  HelderCheckSettings settings;

  g_return_val_if_fail (HELDER_IS_COURSE (course), FALSE);
  g_return_val_if_fail (diagnostics != NULL, FALSE);

  tips = helder_tips_load (course, &text, diagnostics, error);
  if (tips == NULL)
    return FALSE;
  if (text == NULL)
    return TRUE;

  if (helder_course_get_document (course) != NULL)
    helder_check_settings_read (&settings, helder_course_get_document (course), NULL);
  else
    helder_check_settings_init (&settings);
  content = helder_page_content_parse (HELDER_TIPS_FILE, text, strlen (text));
  checker = helder_language_checker_new (&settings, helder_course_get_words (course));
  language = helder_language_checker_check (checker, HELDER_TIPS_FILE, text, content, NULL);
  for (guint i = 0; i < language->len; i++)
    g_ptr_array_add (diagnostics, helder_diagnostic_ref (g_ptr_array_index (language, i)));
  return TRUE;
}
