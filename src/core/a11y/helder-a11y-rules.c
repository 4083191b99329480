/* helder-a11y-rules.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-a11y-rules"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "helder-a11y-rules.h"
#include "helder-contrast.h"
#include "helder-course-path.h"
#include "helder-media.h"
#include "helder-webvtt.h"

/* ------------------------------------------------------------------ */
/* Page rules: images, headings, links                                 */
/* ------------------------------------------------------------------ */

static HelderDiagnostic *
report_in_page (const HelderPageContent *content,
                GPtrArray               *diagnostics,
                gsize                    start,
                gsize                    end,
                HelderSeverity           severity,
                const char              *rule,
                const char              *message)
{
  HelderDiagnostic *diagnostic;
  guint line, column;

  helder_line_map_locate (content->lines, start, &line, &column);
  diagnostic = helder_diagnostic_new (content->file, start, end, line, column, severity, rule,
                                      message);
  g_ptr_array_add (diagnostics, diagnostic);

  return diagnostic;
}

/* Alt text that only names the medium: the screen reader already says
 * "image", so these words are noise (WCAG technique G94, H37).
 */
static const char * const redundant_alt_prefixes[] = {
  "afbeelding van", "foto van", "plaatje van", "illustratie van", "een afbeelding van",
  "een foto van", "image of", "picture of", "photo of", "an image of", "a picture of",
};

static gboolean
alt_is_file_name (const char *alt,
                  const char *src)
{
  static GRegex *regex = NULL;
  g_autofree char *base = NULL;
  char *dot;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex,
                       g_regex_new ("^(\\S+\\.(png|jpe?g|gif|svg|webp|bmp|tiff?|heic)|"
                                    "(img|dsc|dscn|pxl|screenshot|schermafbeelding)[-_ ]?[0-9]"
                                    "\\S*)$",
                                    G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));

  if (g_regex_match (regex, alt, 0, NULL))
    return TRUE;
  if (src == NULL)
    return FALSE;

  base = g_path_get_basename (src);
  if ((dot = strrchr (base, '.')) != NULL)
    *dot = '\0';

  return g_ascii_strcasecmp (alt, base) == 0;
}

/* @alt with a redundant prefix cut off and its first letter upper case. */
static char *
alt_without_prefix (const char *alt,
                    gsize       prefix_length)
{
  const char *rest = alt + prefix_length;
  GString *out;

  while (*rest == ' ' || *rest == ':' || *rest == ',')
    rest++;
  if (*rest == '\0')
    return NULL;

  out = g_string_new (NULL);
  g_string_append_unichar (out, g_unichar_toupper (g_utf8_get_char (rest)));
  g_string_append (out, g_utf8_next_char (rest));

  return g_string_free (out, FALSE);
}

static void
check_image (const HelderPageContent *content,
             const HelderBlock       *image,
             GPtrArray               *diagnostics)
{
  const HelderField *alt = helder_block_get_field (image, "alt");
  const char *src = helder_block_get_value (image, "src");
  g_autofree char *value = NULL;
  g_autofree char *folded = NULL;
  glong length;

  if (helder_value_is_yes (helder_block_get_value (image, "decorative")))
    return;

  /* A fenced image without alt text is already a format error. */
  if (alt == NULL)
    {
      if (image->is_inline)
        report_in_page (content, diagnostics, image->range.start, image->range.end,
                        HELDER_SEVERITY_ERROR, "a11y-alt-missing",
                        _("the image has no alt text; write what matters in the picture between "
                          "the brackets, or use an image block with \"decorative: yes\""));
      return;
    }

  value = g_strstrip (g_strdup (alt->value));
  folded = g_utf8_strdown (value, -1);
  length = g_utf8_strlen (value, -1);

  if (alt_is_file_name (value, src))
    {
      report_in_page (content, diagnostics, alt->value_range.start, alt->value_range.end,
                      HELDER_SEVERITY_ERROR, "a11y-alt-file-name",
                      _("the alt text is a file name, which tells a screen reader user nothing; "
                        "describe what matters in the picture"));
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (redundant_alt_prefixes); i++)
    {
      gsize prefix = strlen (redundant_alt_prefixes[i]);

      if (g_str_has_prefix (folded, redundant_alt_prefixes[i]) &&
          (folded[prefix] == '\0' || folded[prefix] == ' ' || folded[prefix] == ':'))
        {
          /* The message quotes the prefix as written, not the whole text. */
          g_autofree char *message =
            g_strdup_printf (_("the alt text starts with \"%.*s\"; screen readers already say "
                               "it is an image, so start with what it shows"), (int) prefix, value);
          g_autofree char *better = alt_without_prefix (value, prefix);
          HelderDiagnostic *d;

          d = report_in_page (content, diagnostics, alt->value_range.start,
                              alt->value_range.end, HELDER_SEVERITY_WARNING,
                              "a11y-alt-redundant", message);
          if (better != NULL)
            helder_diagnostic_add_suggestion (d, better);
          break;
        }
    }

  if (length > HELDER_A11Y_MAX_ALT_CHARS)
    {
      g_autofree char *message =
        g_strdup_printf (_("the alt text has %ld characters; keep it under %d and put a longer "
                           "description in the text or the caption"), length,
                         HELDER_A11Y_MAX_ALT_CHARS);

      report_in_page (content, diagnostics, alt->value_range.start, alt->value_range.end,
                      HELDER_SEVERITY_WARNING, "a11y-alt-long", message);
    }
}

static char *
course_file (HelderCourse *course,
             const char   *path)
{
  char *resolved = NULL;

  /* Paths that leave the course folder are reported by the course's own
   * checks; nothing is read from them here.
   */
  helder_course_path_check (helder_course_get_path (course), path, &resolved);
  return resolved;
}

/* A picture the learner's browser cannot show is as bad as a missing one. */
static void
check_picture_file (HelderCourse            *course,
                    const HelderPageContent *content,
                    const HelderField       *src,
                    GPtrArray               *diagnostics)
{
  g_autofree char *file = NULL;
  g_autoptr(GError) error = NULL;

  if (course == NULL || src == NULL || src->value[0] == '\0' ||
      (file = course_file (course, src->value)) == NULL)
    return;

  if (!helder_media_check_picture (file, &error))
    report_in_page (content, diagnostics, src->value_range.start, src->value_range.end,
                    HELDER_SEVERITY_ERROR, "a11y-picture-damaged", error->message);
}

/* The "#" marks of an ATX heading, or an empty range for Setext. */
static HelderRange
heading_marker (const char        *text,
                const HelderBlock *heading)
{
  HelderRange marker = { heading->range.start, heading->range.start };
  gsize pos = heading->range.start;

  while (pos < heading->range.end && text[pos] == ' ')
    pos++;
  marker.start = marker.end = pos;
  while (marker.end < heading->range.end && text[marker.end] == '#')
    marker.end++;

  return marker;
}

static void
check_headings (const HelderPageContent *content,
                const char              *text,
                GPtrArray               *diagnostics)
{
  guint previous = 0;
  guint title_line = 0;

  for (guint i = 0; i < content->blocks->len; i++)
    {
      const HelderBlock *block = g_ptr_array_index (content->blocks, i);
      HelderRange marker;
      guint wanted = 0;
      g_autofree char *message = NULL;
      const char *rule = NULL;

      if (block->kind != HELDER_BLOCK_HEADING)
        continue;

      marker = heading_marker (text, block);
      if (block->level == 1 && title_line > 0)
        {
          wanted = 2;
          rule = "a11y-title";
          message = g_strdup_printf (_("the page already has a title on line %u; a page has "
                                       "one title, so make this a level-2 heading (##)"),
                                     title_line);
        }
      else if (block->level == 1)
        title_line = block->line;
      else if (previous > 0 && block->level > previous + 1)
        {
          wanted = previous + 1;
          rule = "a11y-heading-order";
          message = g_strdup_printf (_("the heading jumps from level %u to level %u; screen "
                                       "reader users navigate by level, so use level %u"),
                                     previous, block->level, wanted);
        }

      if (rule != NULL)
        {
          gboolean atx = marker.end > marker.start;
          HelderDiagnostic *d =
            report_in_page (content, diagnostics, atx ? marker.start : block->range.start,
                            atx ? marker.end : block->range.start, HELDER_SEVERITY_WARNING,
                            rule, message);

          if (atx)
            {
              g_autofree char *hashes = g_strnfill (wanted, '#');

              helder_diagnostic_add_suggestion (d, hashes);
            }
        }

      previous = block->level;
    }
}

/* Link texts that say nothing about where the link goes (WCAG 2.4.4). */
static const char * const vague_link_texts[] = {
  "klik hier", "klik", "hier", "lees meer", "lees verder", "meer", "meer info",
  "meer informatie", "link", "deze link", "deze pagina", "website", "click here", "here",
  "read more", "more", "more info",
};

static gboolean
is_web_address (const char *text)
{
  return g_str_has_prefix (text, "http://") || g_str_has_prefix (text, "https://") ||
         g_str_has_prefix (text, "www.");
}

/* Link text without emphasis marks and closing punctuation, lower case. */
static char *
fold_link_text (const char *text)
{
  GString *out = g_string_new (NULL);
  g_autofree char *folded = NULL;

  for (const char *p = text; *p != '\0'; p++)
    if (*p != '*' && *p != '_' && *p != '`')
      g_string_append_c (out, *p);
  g_strstrip (out->str);
  out->len = strlen (out->str);
  while (out->len > 0 && strchr (".:!?", out->str[out->len - 1]) != NULL)
    g_string_truncate (out, out->len - 1);

  folded = g_utf8_strdown (out->str, -1);
  g_string_free (out, TRUE);

  return g_steal_pointer (&folded);
}

static void
check_link (const HelderPageContent *content,
            GPtrArray               *diagnostics,
            const char              *link_text,
            gsize                    start,
            gsize                    end)
{
  g_autofree char *folded = fold_link_text (link_text);

  if (folded[0] == '\0')
    {
      report_in_page (content, diagnostics, start, end, HELDER_SEVERITY_ERROR, "a11y-link-text",
                      _("the link has no text; write the name of the page it opens between "
                        "the brackets"));
      return;
    }

  if (is_web_address (folded))
    {
      report_in_page (content, diagnostics, start, end, HELDER_SEVERITY_WARNING,
                      "a11y-link-text",
                      _("the link text is a web address, which screen readers spell out; name "
                        "the page it opens instead"));
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (vague_link_texts); i++)
    if (g_str_equal (folded, vague_link_texts[i]))
      {
        g_autofree char *message =
          g_strdup_printf (_("the link text \"%s\" does not say where the link goes; use words "
                             "that name the page, such as its title"), link_text);

        report_in_page (content, diagnostics, start, end, HELDER_SEVERITY_WARNING,
                        "a11y-link-text", message);
        return;
      }
}

static void
check_links (const HelderPageContent *content,
             const char              *text,
             GPtrArray               *diagnostics)
{
  static GRegex *link_regex = NULL;
  static GRegex *url_regex = NULL;

  if (g_once_init_enter (&link_regex))
    g_once_init_leave (&link_regex,
                       g_regex_new ("(!?)\\[([^\\]]*)\\]\\([^)]*\\)", G_REGEX_OPTIMIZE, 0, NULL));
  if (g_once_init_enter (&url_regex))
    g_once_init_leave (&url_regex,
                       g_regex_new ("<?(https?://|www\\.)[^\\s<>()\\[\\]]+>?",
                                    G_REGEX_OPTIMIZE | G_REGEX_CASELESS, 0, NULL));

  for (guint i = 0; i < content->runs->len; i++)
    {
      const HelderTextRun *run = &g_array_index (content->runs, HelderTextRun, i);
      gsize length = run->range.end - run->range.start;
      g_autofree char *line = g_strndup (text + run->range.start, length);
      g_autoptr(GArray) links = g_array_new (FALSE, FALSE, sizeof (HelderRange));
      g_autoptr(GMatchInfo) match = NULL;

      for (g_regex_match (link_regex, line, 0, &match);
           g_match_info_matches (match);
           g_match_info_next (match, NULL))
        {
          HelderRange whole;
          int whole_start, whole_end, text_start, text_end, bang_start, bang_end;
          g_autofree char *link_text = g_match_info_fetch (match, 2);

          g_match_info_fetch_pos (match, 0, &whole_start, &whole_end);
          g_match_info_fetch_pos (match, 1, &bang_start, &bang_end);
          g_match_info_fetch_pos (match, 2, &text_start, &text_end);
          whole.start = whole_start;
          whole.end = whole_end;
          g_array_append_val (links, whole);

          if (bang_end > bang_start)
            continue; /* an image: its alt text has rules of its own */
          check_link (content, diagnostics, link_text,
                      run->range.start + text_start, run->range.start + text_end);
        }
      g_clear_pointer (&match, g_match_info_unref);

      for (g_regex_match (url_regex, line, 0, &match);
           g_match_info_matches (match);
           g_match_info_next (match, NULL))
        {
          int s, e;
          gboolean inside_link = FALSE;

          g_match_info_fetch_pos (match, 0, &s, &e);
          for (guint j = 0; j < links->len && !inside_link; j++)
            {
              const HelderRange *link = &g_array_index (links, HelderRange, j);

              inside_link = (gsize) s >= link->start && (gsize) e <= link->end;
            }
          if (inside_link)
            continue;

          report_in_page (content, diagnostics, run->range.start + s, run->range.start + e,
                          HELDER_SEVERITY_WARNING, "a11y-bare-url",
                          _("a bare web address is spelled out by screen readers and says "
                            "little; write it as a link with a name: [name of the page](address)"));
        }
    }
}

/**
 * helder_a11y_check_page:
 *
 * The accessibility rules that look at one page: alt text, pictures that
 * cannot be shown, heading structure and link text.
 */
void
helder_a11y_check_page (HelderCourse *course,
                        HelderPage   *page,
                        GPtrArray    *diagnostics)
{
  const HelderPageContent *content;
  const char *text;

  g_return_if_fail (HELDER_IS_PAGE (page));
  g_return_if_fail (diagnostics != NULL);

  content = helder_page_get_content (page);
  text = helder_page_get_text (page);

  for (guint i = 0; i < content->blocks->len; i++)
    {
      const HelderBlock *block = g_ptr_array_index (content->blocks, i);

      if (block->kind == HELDER_BLOCK_IMAGE)
        {
          check_image (content, block, diagnostics);
          check_picture_file (course, content, helder_block_get_field (block, "src"), diagnostics);
        }
      else if (block->kind == HELDER_BLOCK_VIDEO)
        check_picture_file (course, content, helder_block_get_field (block, "poster"), diagnostics);
    }
  for (guint i = 0; i < content->images->len; i++)
    {
      const HelderBlock *image = g_ptr_array_index (content->images, i);

      check_image (content, image, diagnostics);
      check_picture_file (course, content, helder_block_get_field (image, "src"), diagnostics);
    }

  check_headings (content, text, diagnostics);
  check_links (content, text, diagnostics);
}

/* ------------------------------------------------------------------ */
/* Course rules: language, contrast, media, time budget                */
/* ------------------------------------------------------------------ */

static HelderDiagnostic *
report_in_json (HelderJsonDocument *document,
                GPtrArray          *diagnostics,
                JsonObject         *object,
                const char         *member,
                HelderSeverity      severity,
                const char         *rule,
                const char         *message)
{
  helder_json_document_report (document, diagnostics,
                               object != NULL && json_object_has_member (object, member)
                                 ? object : NULL,
                               member, -1, severity, rule, message);

  return g_ptr_array_index (diagnostics, diagnostics->len - 1);
}

/* Where var(--helder-NAME) is set: theme.NAME in course.json, or the
 * module's "colour" for the accent.
 */
typedef struct
{
  HelderJsonDocument *document;
  JsonObject         *object;
  const char         *variable; /* "text", "background" or "accent" */
  const char         *member;
  const char         *what;     /* for people */
} ColourSource;

static void
check_pair (const HelderPlayerColourPair *pair,
            const HelderThemeColours     *theme,
            const ColourSource           *source,
            GPtrArray                    *diagnostics)
{
  HelderColour foreground, background, changed, other, suggestion;
  double ratio, required;
  gboolean source_is_foreground;
  g_autofree char *fg = NULL;
  g_autofree char *bg = NULL;
  g_autofree char *message = NULL;
  g_autofree char *better = NULL;
  g_autofree char *advice = NULL;
  gboolean has_suggestion;
  HelderDiagnostic *d;

  /* Each failing pair is reported once, on the course colour that paints
   * it; when both sides are course colours (links: accent on background)
   * the foreground gets the blame and the suggestion.
   */
  source_is_foreground = helder_player_colour_is_themed (pair->foreground, source->variable);
  if (!source_is_foreground && !helder_player_colour_is_themed (pair->background, source->variable))
    return;
  if (!source_is_foreground && g_str_has_prefix (pair->foreground, "var("))
    return;

  if (!helder_player_colour_resolve (pair->foreground, theme, &foreground) ||
      !helder_player_colour_resolve (pair->background, theme, &background))
    g_return_if_reached ();

  ratio = helder_contrast_ratio (&foreground, &background);
  required = helder_contrast_required (pair->use, HELDER_CONTRAST_AA);
  if (ratio >= required)
    return;

  changed = source_is_foreground ? foreground : background;
  other = source_is_foreground ? background : foreground;
  fg = helder_colour_to_string (&foreground);
  bg = helder_colour_to_string (&background);
  has_suggestion = helder_contrast_suggest (&changed, &other, required, &suggestion);
  better = has_suggestion ? helder_colour_to_string (&suggestion) : NULL;
  advice = has_suggestion
             ? g_strdup_printf (_("%s keeps the hue and reaches %.2f:1"), better,
                                floor (helder_contrast_ratio (&suggestion, &other) * 100.0) / 100.0)
             : g_strdup (_("choose a lighter or darker colour"));
  message = g_strdup_printf (_("%s: the contrast of %s (%s on %s%s) is %.2f:1, below the "
                               "%g:1 that %s asks for %s; %s"),
                             source->what, _(pair->description), fg, bg,
                             pair->modes == HELDER_PLAYER_DARK ? _(", dark mode") : "",
                             floor (ratio * 100.0) / 100.0, required,
                             helder_contrast_use_criterion (pair->use),
                             helder_contrast_use_to_label (pair->use), advice);
  d = report_in_json (source->document, diagnostics, source->object, source->member,
                      HELDER_SEVERITY_ERROR, "a11y-contrast", message);
  if (better != NULL)
    helder_diagnostic_add_suggestion (d, better);
}

static void
check_colours_of (const ColourSource       *source,
                  const HelderThemeColours *theme,
                  GPtrArray                *diagnostics)
{
  const HelderPlayerColourPair *pairs;
  guint n_pairs;

  pairs = helder_player_colour_pairs (&n_pairs);
  for (guint i = 0; i < n_pairs; i++)
    check_pair (&pairs[i], theme, source, diagnostics);
}

static void
read_theme_colour (JsonObject   *theme,
                   const char   *member,
                   HelderColour *colour)
{
  const char *value;

  /* A bad colour is a format error; the default stands in for it. */
  if (theme != NULL && json_object_has_member (theme, member) &&
      (value = json_object_get_string_member_with_default (theme, member, NULL)) != NULL)
    helder_colour_parse (value, colour, NULL);
}

static void
check_contrast (HelderCourse *course,
                GPtrArray    *diagnostics)
{
  HelderJsonDocument *document = helder_course_get_document (course);
  /* No document when course.json could not be read at all. */
  JsonObject *root = document != NULL ? helder_json_document_get_root (document) : NULL;
  JsonObject *theme_object = NULL;
  HelderThemeColours theme;
  const char * const variables[] = { "text", "background", "accent" };

  helder_colour_parse (helder_course_get_default_theme_colour ("text"), &theme.text, NULL);
  helder_colour_parse (helder_course_get_default_theme_colour ("background"), &theme.background,
                       NULL);
  helder_colour_parse (helder_course_get_default_theme_colour ("accent"), &theme.accent, NULL);

  if (root != NULL && json_object_has_member (root, "theme") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "theme")))
    theme_object = json_object_get_object_member (root, "theme");
  read_theme_colour (theme_object, "text", &theme.text);
  read_theme_colour (theme_object, "background", &theme.background);
  read_theme_colour (theme_object, "accent", &theme.accent);

  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      g_autofree char *what = g_strdup_printf (_("theme colour \"%s\""), variables[i]);
      ColourSource source = { document, theme_object, variables[i], variables[i], what };

      check_colours_of (&source, &theme, diagnostics);
    }

  for (guint i = 0; i < helder_course_get_n_modules (course); i++)
    {
      HelderModule *module = helder_course_get_module (course, i);
      HelderJsonDocument *module_document = helder_module_get_document (module);
      HelderThemeColours module_theme = theme;
      g_autofree char *what = NULL;
      ColourSource source;

      if (helder_module_get_colour (module) == NULL ||
          !helder_colour_parse (helder_module_get_colour (module), &module_theme.accent, NULL))
        continue;

      what = g_strdup_printf (_("module colour %s"), helder_module_get_colour (module));
      source = (ColourSource) { module_document, helder_json_document_get_root (module_document),
                                "accent", "colour", what };
      check_colours_of (&source, &module_theme, diagnostics);
    }
}

/* What the media checks learn about each file once per run. */
typedef struct
{
  HelderCourse *course;
  GPtrArray    *diagnostics;
  GHashTable   *durations;     /* path → gint64 ms, -1 when unknown */
  GHashTable   *caption_words; /* path → word count of the captions */
} MediaChecks;

static gint64
media_duration (MediaChecks             *checks,
                const HelderPageContent *content,
                const HelderBlock       *block)
{
  const HelderField *src = helder_block_get_field (block, "src");
  g_autofree char *file = NULL;
  g_autoptr(GError) error = NULL;
  gpointer cached;
  gint64 duration;

  if (src == NULL || (file = course_file (checks->course, src->value)) == NULL ||
      !g_file_test (file, G_FILE_TEST_IS_REGULAR))
    return -1;

  if (g_hash_table_lookup_extended (checks->durations, src->value, NULL, &cached))
    return *(gint64 *) cached;

  duration = helder_media_get_duration (file, &error);
  if (duration < 0)
    report_in_page (content, checks->diagnostics, src->value_range.start, src->value_range.end,
                    HELDER_SEVERITY_WARNING, "a11y-media-duration", error->message);
  g_hash_table_insert (checks->durations, g_strdup (src->value), g_memdup2 (&duration,
                                                                           sizeof duration));

  return duration;
}

/* Parses and checks a caption file once; returns its word count, or -1
 * when it cannot be read.
 */
static gint64
check_captions (MediaChecks *checks,
                const char  *path,
                gint64       duration)
{
  g_autofree char *file = course_file (checks->course, path);
  g_autofree char *text = NULL;
  g_autofree char *plain = NULL;
  g_autoptr(HelderWebVtt) vtt = NULL;
  gpointer cached;
  gsize length;
  gint64 words;

  if (g_hash_table_lookup_extended (checks->caption_words, path, NULL, &cached))
    return *(gint64 *) cached;

  if (file == NULL || !g_file_get_contents (file, &text, &length, NULL))
    return -1;

  vtt = helder_webvtt_parse (path, text, length);
  g_ptr_array_extend (checks->diagnostics, vtt->diagnostics,
                      (GCopyFunc) helder_diagnostic_ref, NULL);
  helder_webvtt_check_quality (vtt, &helder_caption_guidelines_default, duration,
                               checks->diagnostics);

  plain = helder_webvtt_plain_text (vtt);
  words = helder_count_words (plain, strlen (plain));
  g_hash_table_insert (checks->caption_words, g_strdup (path), g_memdup2 (&words, sizeof words));

  return words;
}

static void
check_transcript (MediaChecks             *checks,
                  const HelderPageContent *content,
                  const HelderField       *transcript,
                  gint64                   caption_words)
{
  g_autofree char *file = course_file (checks->course, transcript->value);
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  gsize length;
  guint words;

  if (caption_words <= 0 || file == NULL || !g_file_get_contents (file, &text, &length, NULL))
    return;

  words = helder_count_words (text, length);
  if (words >= caption_words * HELDER_A11Y_TRANSCRIPT_MIN_SHARE)
    return;

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "the transcript has %u word but the captions have "
                                          "%lld; a transcript gives everything that is said and "
                                          "shown, so complete it",
                                          "the transcript has %u words but the captions have "
                                          "%lld; a transcript gives everything that is said and "
                                          "shown, so complete it", words),
                             words, (long long) caption_words);
  report_in_page (content, checks->diagnostics, transcript->value_range.start,
                  transcript->value_range.end, HELDER_SEVERITY_WARNING, "a11y-transcript",
                  message);
}

/* Checks the media blocks of @module; returns their length in ms. */
static gint64
check_module_media (MediaChecks  *checks,
                    HelderModule *module)
{
  gint64 total = 0;

  for (guint i = 0; i < helder_module_get_n_pages (module); i++)
    {
      const HelderPageContent *content = helder_page_get_content (helder_module_get_page (module, i));

      for (guint j = 0; j < content->blocks->len; j++)
        {
          const HelderBlock *block = g_ptr_array_index (content->blocks, j);
          const HelderField *captions, *transcript;
          gint64 duration, words = -1;

          if (block->kind != HELDER_BLOCK_VIDEO && block->kind != HELDER_BLOCK_AUDIO)
            continue;

          duration = media_duration (checks, content, block);
          if (duration > 0)
            total += duration;

          /* Missing "captions" and "transcript" fields are format errors. */
          if ((captions = helder_block_get_field (block, "captions")) != NULL)
            words = check_captions (checks, captions->value, duration);
          if ((transcript = helder_block_get_field (block, "transcript")) != NULL)
            check_transcript (checks, content, transcript, words);
        }
    }

  return total;
}

/* Reading at B1 speed and the interactions (helder_module_estimate_minutes)
 * plus the media, against the module's planned minutes.
 */
static void
check_time_budget (HelderModule *module,
                   gint64        media,
                   GPtrArray    *diagnostics)
{
  HelderJsonDocument *document = helder_module_get_document (module);
  guint planned = helder_module_get_minutes (module);
  double reading = helder_module_estimate_minutes (module);
  double estimate = reading + media / 60000.0;
  g_autofree char *message = NULL;

  if (planned == 0 || fabs (estimate - planned) <= planned * HELDER_A11Y_BUDGET_TOLERANCE)
    return;

  message = g_strdup_printf (estimate > planned
                               ? _("the module takes about %.0f min (%.0f min reading and "
                                   "interactions, %.0f min media), more than the %u min "
                                   "planned; shorten it or plan more time")
                               : _("the module takes about %.0f min (%.0f min reading and "
                                   "interactions, %.0f min media), less than the %u min "
                                   "planned; plan less time or add content"),
                             estimate, reading, media / 60000.0, planned);
  report_in_json (document, diagnostics, helder_json_document_get_root (document), "minutes",
                  HELDER_SEVERITY_WARNING, "a11y-time-budget", message);
}

/* The length of @module's media in ms; their own findings are left out. */
static gint64
module_media_length (HelderCourse *course,
                     HelderModule *module)
{
  g_autoptr(GHashTable) durations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) caption_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                               g_free);
  g_autoptr(GPtrArray) media_findings =
    g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  MediaChecks checks = { course, media_findings, durations, caption_words };

  return check_module_media (&checks, module);
}

/**
 * helder_a11y_check_time_budget:
 *
 * The time-budget rule on its own, for a module that is not one of the
 * course's (a bite-size lesson): its reading, interactions and media
 * against its planned minutes. The media's own findings are left to the
 * course check.
 */
void
helder_a11y_check_time_budget (HelderCourse *course,
                               HelderModule *module,
                               GPtrArray    *diagnostics)
{
  g_return_if_fail (HELDER_IS_COURSE (course));
  g_return_if_fail (HELDER_IS_MODULE (module));
  g_return_if_fail (diagnostics != NULL);

  check_time_budget (module, module_media_length (course, module), diagnostics);
}

/**
 * helder_a11y_estimate_minutes:
 *
 * Returns: the minutes the time-budget rule estimates for @module: its
 *   reading and interactions (helder_module_estimate_minutes()) and its
 *   media
 */
double
helder_a11y_estimate_minutes (HelderCourse *course,
                              HelderModule *module)
{
  g_return_val_if_fail (HELDER_IS_COURSE (course), 0);
  g_return_val_if_fail (HELDER_IS_MODULE (module), 0);

  return helder_module_estimate_minutes (module) + module_media_length (course, module) / 60000.0;
}

/**
 * helder_a11y_check_course:
 *
 * The accessibility rules that look at the course as a whole: colour
 * contrast of the theme, the module colours and the player, caption
 * files and transcripts of every video and audio block, and each module's
 * time budget.
 */
void
helder_a11y_check_course (HelderCourse *course,
                          GPtrArray    *diagnostics)
{
  g_autoptr(GHashTable) durations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) caption_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                               g_free);
  MediaChecks checks = { course, diagnostics, durations, caption_words };

  g_return_if_fail (HELDER_IS_COURSE (course));
  g_return_if_fail (diagnostics != NULL);

  check_contrast (course, diagnostics);

  for (guint i = 0; i < helder_course_get_n_modules (course); i++)
    {
      HelderModule *module = helder_course_get_module (course, i);
      gint64 media = check_module_media (&checks, module);

      check_time_budget (module, media, diagnostics);
    }
}
