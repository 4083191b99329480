/* helder-field-words.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-field-words"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-field-words.h"

typedef struct
{
  const char *name;
  const char *words;
} Words;

static const char *
find_words (const Words *table,
            gsize        n,
            const char  *name)
{
  for (gsize i = 0; i < n; i++)
    if (g_str_equal (name, table[i].name))
      return _(table[i].words);

  return name;
}

const char *
helder_field_label (HelderBlockKind  kind,
                    const char      *key)
{
  static const Words labels[] = {
    { "question", N_("Question") },
    { "answer", N_("Answer") },
    { "correct", N_("Right answer") },
    { "best", N_("Best choice") },
    { "feedback", N_("Feedback") },
    { "choice", N_("Choice") },
    { "situation", N_("Situation") },
    { "title", N_("Title") },
    { "text", N_("Text") },
    { "front", N_("Front") },
    { "back", N_("Back") },
    { "alt", N_("Alt text") },
    { "decorative", N_("Decorative (screen readers skip it)") },
    { "caption", N_("Caption") },
    { "captions", N_("Captions") },
    { "transcript", N_("Transcript") },
    { "poster", N_("Poster picture") },
    { "test", N_("Test") },
    { "goal", N_("Learning goal") },
    { "low", N_("Lowest score means") },
    { "high", N_("Highest score means") },
    { "label", N_("Button text") },
    { "id", N_("Name in reports") },
    { "checked", N_("Facts checked on") },
    { "url", N_("Web address") },
  };

  g_return_val_if_fail (key != NULL, NULL);

  if (g_str_equal (key, "src"))
    return kind == HELDER_BLOCK_IMAGE ? _("Picture")
         : kind == HELDER_BLOCK_VIDEO ? _("Video file") : _("Audio file");
  if (g_str_equal (key, "kind"))
    return kind == HELDER_BLOCK_SURVEY ? _("Kind of answer") : _("Kind of question");

  return find_words (labels, G_N_ELEMENTS (labels), key);
}

const char *
helder_field_value_label (const char *value)
{
  static const Words names[] = {
    { "single", N_("One right answer") },
    { "multiple", N_("Several right answers") },
    { "truefalse", N_("True or false") },
    { "pre", N_("Test before the course") },
    { "post", N_("Test after the course") },
    { "likert", N_("Scale from 1 to 5") },
    { "open", N_("Open answer") },
  };

  g_return_val_if_fail (value != NULL, NULL);

  return find_words (names, G_N_ELEMENTS (names), value);
}
