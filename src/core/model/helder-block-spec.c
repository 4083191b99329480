/* helder-block-spec.c
 *
 * The Helder block types of the course format (docs/course-format.md):
 * which fields each has, and how a block is written back as source.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-block-spec"

#include "config.h"

#include "helder-block-spec.h"

#define IMAGE_EXTENSIONS "png|jpg|jpeg|gif|svg|webp"
#define VIDEO_EXTENSIONS "mp4|webm|ogv|ogg"
#define AUDIO_EXTENSIONS "mp3|m4a|ogg|oga|opus|wav|webm"
#define CAPTION_EXTENSIONS "vtt"
#define TRANSCRIPT_EXTENSIONS "txt|md"

static const HelderFieldSpec image_fields[] = {
  { "src", HELDER_FIELD_REQUIRED | HELDER_FIELD_PATH, IMAGE_EXTENSIONS },
  { "alt", HELDER_FIELD_PROSE, NULL },
  { "decorative", HELDER_FIELD_BOOL, NULL },
  { "caption", HELDER_FIELD_PROSE, NULL },
  { NULL }
};
static const HelderFieldSpec video_fields[] = {
  { "src", HELDER_FIELD_REQUIRED | HELDER_FIELD_PATH, VIDEO_EXTENSIONS },
  { "captions", HELDER_FIELD_REQUIRED | HELDER_FIELD_PATH, CAPTION_EXTENSIONS },
  { "transcript", HELDER_FIELD_REQUIRED | HELDER_FIELD_PATH, TRANSCRIPT_EXTENSIONS },
  { "title", HELDER_FIELD_PROSE, NULL },
  { "poster", HELDER_FIELD_PATH, IMAGE_EXTENSIONS },
  { NULL }
};
static const HelderFieldSpec audio_fields[] = {
  { "src", HELDER_FIELD_REQUIRED | HELDER_FIELD_PATH, AUDIO_EXTENSIONS },
  { "captions", HELDER_FIELD_REQUIRED | HELDER_FIELD_PATH, CAPTION_EXTENSIONS },
  { "transcript", HELDER_FIELD_REQUIRED | HELDER_FIELD_PATH, TRANSCRIPT_EXTENSIONS },
  { "title", HELDER_FIELD_PROSE, NULL },
  { NULL }
};
static const HelderFieldSpec titled_fields[] = {
  { "title", HELDER_FIELD_PROSE, NULL },
  { NULL }
};
static const HelderFieldSpec panel_item_fields[] = {
  { "title", HELDER_FIELD_REQUIRED | HELDER_FIELD_PROSE, NULL },
  { "text", HELDER_FIELD_REQUIRED | HELDER_FIELD_PROSE, NULL },
  { NULL }
};
static const HelderFieldSpec card_item_fields[] = {
  { "front", HELDER_FIELD_REQUIRED | HELDER_FIELD_PROSE, NULL },
  { "back", HELDER_FIELD_REQUIRED | HELDER_FIELD_PROSE, NULL },
  { NULL }
};
static const HelderFieldSpec scenario_fields[] = {
  { "title", HELDER_FIELD_PROSE, NULL },
  { "situation", HELDER_FIELD_REQUIRED | HELDER_FIELD_PROSE, NULL },
  { "question", HELDER_FIELD_PROSE, NULL },
  { NULL }
};
static const HelderFieldSpec scenario_item_fields[] = {
  { "choice", HELDER_FIELD_REQUIRED | HELDER_FIELD_PROSE, NULL },
  { "feedback", HELDER_FIELD_REQUIRED | HELDER_FIELD_PROSE, NULL },
  { "best", HELDER_FIELD_BOOL, NULL },
  { NULL }
};
static const HelderFieldSpec check_block_fields[] = {
  { "question", HELDER_FIELD_REQUIRED | HELDER_FIELD_PROSE, NULL },
  { "kind", HELDER_FIELD_ENUM, "single|multiple|truefalse" },
  { NULL }
};
static const HelderFieldSpec check_item_fields[] = {
  { "answer", HELDER_FIELD_REQUIRED | HELDER_FIELD_PROSE, NULL },
  { "correct", HELDER_FIELD_BOOL, NULL },
  { "feedback", HELDER_FIELD_REQUIRED | HELDER_FIELD_PROSE, NULL },
  { NULL }
};
static const HelderFieldSpec question_fields[] = {
  { "id", HELDER_FIELD_REQUIRED | HELDER_FIELD_ID, NULL },
  { "test", HELDER_FIELD_REQUIRED | HELDER_FIELD_ENUM, "pre|post" },
  { "goal", HELDER_FIELD_GOAL, NULL },
  { "question", HELDER_FIELD_REQUIRED | HELDER_FIELD_PROSE, NULL },
  { "kind", HELDER_FIELD_ENUM, "single|multiple|truefalse" },
  { NULL }
};
static const HelderFieldSpec question_item_fields[] = {
  { "answer", HELDER_FIELD_REQUIRED | HELDER_FIELD_PROSE, NULL },
  { "correct", HELDER_FIELD_BOOL, NULL },
  { "feedback", HELDER_FIELD_PROSE, NULL },
  { NULL }
};
static const HelderFieldSpec survey_fields[] = {
  { "id", HELDER_FIELD_REQUIRED | HELDER_FIELD_ID, NULL },
  { "kind", HELDER_FIELD_REQUIRED | HELDER_FIELD_ENUM, "likert|open" },
  { "question", HELDER_FIELD_REQUIRED | HELDER_FIELD_PROSE, NULL },
  { "low", HELDER_FIELD_PROSE, NULL },
  { "high", HELDER_FIELD_PROSE, NULL },
  { NULL }
};
static const HelderFieldSpec continue_fields[] = {
  { "label", HELDER_FIELD_PROSE, NULL },
  { NULL }
};
static const HelderFieldSpec no_fields[] = {
  { NULL }
};

static const HelderBlockSpec block_specs[HELDER_N_BLOCK_KINDS] = {
  [HELDER_BLOCK_IMAGE] = { image_fields, no_fields, 0 },
  [HELDER_BLOCK_VIDEO] = { video_fields, no_fields, 0 },
  [HELDER_BLOCK_AUDIO] = { audio_fields, no_fields, 0 },
  [HELDER_BLOCK_ACCORDION] = { titled_fields, panel_item_fields, 2 },
  [HELDER_BLOCK_TABS] = { titled_fields, panel_item_fields, 2 },
  [HELDER_BLOCK_STEPS] = { titled_fields, panel_item_fields, 2 },
  [HELDER_BLOCK_FLASHCARDS] = { titled_fields, card_item_fields, 2 },
  [HELDER_BLOCK_SCENARIO] = { scenario_fields, scenario_item_fields, 2 },
  [HELDER_BLOCK_CHECK] = { check_block_fields, check_item_fields, 2 },
  [HELDER_BLOCK_QUESTION] = { question_fields, question_item_fields, 2 },
  [HELDER_BLOCK_SURVEY] = { survey_fields, no_fields, 0 },
  [HELDER_BLOCK_CONTINUE] = { continue_fields, no_fields, 0 },
};

static const HelderFieldSpec no_item_fields[] = {
  { NULL }
};

const HelderBlockSpec *
helder_block_spec_get (HelderBlockKind kind)
{
  static const HelderBlockSpec plain = { no_item_fields, no_item_fields, 0 };

  g_return_val_if_fail (kind < HELDER_N_BLOCK_KINDS, &plain);

  if (!helder_block_kind_is_fenced (kind))
    return &plain;

  return &block_specs[kind];
}

const HelderFieldSpec *
helder_field_spec_find (const HelderFieldSpec *specs,
                        const char            *key)
{
  g_return_val_if_fail (specs != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; specs[i].key != NULL; i++)
    if (g_str_equal (specs[i].key, key))
      return &specs[i];

  return NULL;
}

void
helder_field_value_format (GString    *out,
                           const char *value)
{
  g_auto(GStrv) lines = g_strsplit (value, "\n", -1);
  gboolean first = TRUE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      /* An empty line would end the value; a later one would not be read. */
      if (*lines[i] == '\0')
        continue;
      if (!first)
        g_string_append (out, "\n    ");
      g_string_append (out, lines[i]);
      first = FALSE;
    }
}

char *
helder_block_item_format (const HelderBlockItem *item)
{
  GString *out = g_string_new (NULL);
  const char *answer = helder_block_item_get_value (item, "answer");
  const char *correct = helder_block_item_get_value (item, "correct");
  gboolean first = TRUE;

  g_return_val_if_fail (item != NULL, NULL);

  /* Answers use the shorthand the documentation shows: - [x] text. */
  if (answer != NULL)
    {
      g_string_append_printf (out, "- [%c] ", helder_value_is_yes (correct) ? 'x' : ' ');
      helder_field_value_format (out, answer);
      g_string_append_c (out, '\n');
      first = FALSE;
    }

  for (guint i = 0; i < item->fields->len; i++)
    {
      const HelderField *field = g_ptr_array_index (item->fields, i);

      if (answer != NULL && (g_str_equal (field->key, "answer") ||
                             g_str_equal (field->key, "correct")))
        continue;

      g_string_append_printf (out, "%s%s: ", first ? "- " : "  ", field->key);
      helder_field_value_format (out, field->value);
      g_string_append_c (out, '\n');
      first = FALSE;
    }

  return g_string_free (out, FALSE);
}

/**
 * helder_block_format:
 *
 * Returns: (transfer full): the source of @block, a fenced block with its
 *   fields and items in their order, ending with a newline.
 */
char *
helder_block_format (const HelderBlock *block)
{
  GString *out;

  g_return_val_if_fail (block != NULL, NULL);
  g_return_val_if_fail (helder_block_kind_is_fenced (block->kind), NULL);

  out = g_string_new ("```");
  g_string_append (out, helder_block_kind_to_string (block->kind));
  g_string_append_c (out, '\n');

  for (guint i = 0; i < block->fields->len; i++)
    {
      const HelderField *field = g_ptr_array_index (block->fields, i);

      g_string_append_printf (out, "%s: ", field->key);
      helder_field_value_format (out, field->value);
      g_string_append_c (out, '\n');
    }

  for (guint i = 0; i < block->items->len; i++)
    {
      g_autofree char *item = helder_block_item_format (g_ptr_array_index (block->items, i));

      g_string_append (out, item);
    }

  g_string_append (out, "```\n");

  return g_string_free (out, FALSE);
}
