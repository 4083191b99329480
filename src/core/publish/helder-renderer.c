/* helder-renderer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-renderer"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <cmark.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "helder-block-edit.h"
#include "helder-colour.h"
#include "helder-date.h"
#include "helder-markup.h"
#include "helder-player-resources.h"
#include "helder-course-path.h"
#include "helder-renderer.h"

#define PLAYER_RESOURCE "/io/github/helderapp/Helder/player/"

struct _HelderRenderer
{
  HelderCourse *course;
  char         *root;        /* the course folder, symlinks resolved */
  JsonParser   *labels;      /* the player's UI text in the course language */
  GPtrArray    *media;       /* of char*: course-relative paths, in first-use order */
  GHashTable   *media_set;
  GPtrArray    *problems;    /* of HelderDiagnostic* */
  guint         serial;      /* makes element ids unique in a document */
  gboolean      source_lines; /* marks each block with its line in the page */
  guint         heading_level; /* of the last heading on the page being rendered */
};

static void
ensure_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      helder_player_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

/* The player's UI text follows the course language, not the author's
 * desktop: the learner reads it. A language without a labels file falls
 * back to Dutch, the language of the courses Helder is made for.
 */
static JsonParser *
load_labels (const char *language)
{
  g_autofree char *primary = g_strdup (language != NULL ? language : "nl");
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GBytes) bytes = NULL;
  char *dash = strchr (primary, '-');

  ensure_resources ();
  if (dash != NULL)
    *dash = '\0';

  for (guint i = 0; i < 2 && bytes == NULL; i++)
    {
      g_autofree char *path = g_strdup_printf (PLAYER_RESOURCE "i18n/%s.json",
                                               i == 0 ? primary : "nl");

      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
    }

  /* The labels are part of the build: failing to read them is a bug. */
  g_assert (bytes != NULL);
  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), NULL))
    g_assert_not_reached ();

  return g_steal_pointer (&parser);
}

/* Returns: (transfer full): a renderer for @course. */
HelderRenderer *
helder_renderer_new (HelderCourse *course)
{
  HelderRenderer *self;
  char *resolved;

  g_return_val_if_fail (HELDER_IS_COURSE (course), NULL);

  self = g_new0 (HelderRenderer, 1);
  self->course = g_object_ref (course);
  resolved = realpath (helder_course_get_path (course), NULL);
  self->root = g_strdup (resolved != NULL ? resolved : helder_course_get_path (course));
  free (resolved);
  self->labels = load_labels (helder_course_get_language (course));
  self->media = g_ptr_array_new_with_free_func (g_free);
  self->media_set = g_hash_table_new (g_str_hash, g_str_equal);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);

  return self;
}

/**
 * helder_renderer_set_source_lines:
 *
 * Marks the first element of each block with the block's line in the page
 * source (data-source-line), so the preview can follow the editor's
 * cursor. Exports leave it off: the learner's document does not need it.
 */
void
helder_renderer_set_source_lines (HelderRenderer *self,
                                  gboolean        source_lines)
{
  g_return_if_fail (self != NULL);

  self->source_lines = source_lines;
}

/* Frees @self. */
void
helder_renderer_free (HelderRenderer *self)
{
  if (self == NULL)
    return;

  g_object_unref (self->course);
  g_free (self->root);
  g_object_unref (self->labels);
  g_hash_table_unref (self->media_set);
  g_ptr_array_unref (self->media);
  g_ptr_array_unref (self->problems);
  g_free (self);
}

/* Returns: (transfer none) (element-type utf8): every media file the
 * rendered pages use, as paths relative to the course folder.
 */
GPtrArray *
helder_renderer_get_media (HelderRenderer *self)
{
  return self->media;
}

/* Returns: (transfer none) (element-type HelderDiagnostic): media that
 * could not be used because it is missing or lies outside the course.
 */
GPtrArray *
helder_renderer_get_problems (HelderRenderer *self)
{
  return self->problems;
}

/* Returns: (transfer none): the player label @key in the course language,
 * owned by @self.
 */
const char *
helder_renderer_get_label (HelderRenderer *self,
                           const char     *key)
{
  JsonObject *labels = json_node_get_object (json_parser_get_root (self->labels));

  return json_object_get_string_member_with_default (labels, key, key);
}

/**
 * helder_player_lookup_file:
 * @name: a file of the player, such as "player.js"
 *
 * Returns: the file's bytes, from the resources compiled into core.
 */
GBytes *
helder_player_lookup_file (const char  *name,
                           GError     **error)
{
  g_autofree char *path = g_strconcat (PLAYER_RESOURCE, name, NULL);

  ensure_resources ();
  return g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

static void
add_problem (HelderRenderer *self,
             HelderPage     *page,
             guint           line,
             const char     *message)
{
  g_ptr_array_add (self->problems,
                   helder_diagnostic_new (helder_page_get_file (page), 0, 0, line, 1,
                                          HELDER_SEVERITY_ERROR, "export-media", message));
}

/* Checks that @path names a file inside the course folder, also after
 * following symbolic links; a problem is recorded when it does not.
 */
static gboolean
check_media (HelderRenderer *self,
             HelderPage     *page,
             guint           line,
             const char     *path)
{
  g_autofree char *resolved = NULL;
  g_autofree char *message = NULL;

  switch (helder_course_path_check (self->root, path, &resolved))
    {
    case HELDER_COURSE_PATH_INSIDE:
      if (g_file_test (resolved, G_FILE_TEST_IS_REGULAR))
        return TRUE;
      G_GNUC_FALLTHROUGH;
    case HELDER_COURSE_PATH_MISSING:
      message = g_strdup_printf (_("file \"%s\" does not exist in the course folder; add it or "
                                   "correct the path"), path);
      break;
    case HELDER_COURSE_PATH_MALFORMED:
    case HELDER_COURSE_PATH_OUTSIDE:
    default:
      message = g_strdup_printf (_("path \"%s\" leaves the course folder; copy the file into "
                                   "media/ and use that path"), path != NULL ? path : "");
      break;
    }

  add_problem (self, page, line, message);
  return FALSE;
}

/* Checks @path and remembers it as a file the package must hold. */
static gboolean
use_media (HelderRenderer *self,
           HelderPage     *page,
           guint           line,
           const char     *path)
{
  if (path != NULL && g_hash_table_contains (self->media_set, path))
    return TRUE;
  if (!check_media (self, page, line, path))
    return FALSE;

  g_ptr_array_add (self->media, g_strdup (path));
  g_hash_table_add (self->media_set, g_ptr_array_index (self->media, self->media->len - 1));

  return TRUE;
}

/* Appends a start tag's attribute, escaped; nothing when @value is NULL. */
static void
append_attribute (GString    *html,
                  const char *name,
                  const char *value)
{
  if (value == NULL)
    return;

  g_string_append_printf (html, " %s=\"", name);
  helder_markup_append_escaped (html, value);
  g_string_append_c (html, '"');
}

/* A course path as a URL: spaces and other reserved characters are
 * percent-encoded, "/" separates folders.
 */
static void
append_path_attribute (GString    *html,
                       const char *name,
                       const char *path)
{
  g_autofree char *url = g_uri_escape_string (path, "/", TRUE);

  append_attribute (html, name, url);
}

static gboolean
url_is_external_link (const char *url)
{
  return g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://")
         || g_str_has_prefix (url, "mailto:");
}

static void
replace_with_text (cmark_node *node,
                   const char *text,
                   gboolean    as_paragraph)
{
  cmark_node *replacement = cmark_node_new (CMARK_NODE_TEXT);

  cmark_node_set_literal (replacement, text);
  if (as_paragraph)
    {
      cmark_node *paragraph = cmark_node_new (CMARK_NODE_PARAGRAPH);

      cmark_node_append_child (paragraph, replacement);
      replacement = paragraph;
    }
  cmark_node_replace (node, replacement);
  cmark_node_free (node);
}

/* Makes a parsed Markdown tree safe and self-contained before rendering:
 * raw HTML becomes visible text (as the course format promises), images
 * must be course files, and links may only leave for the web or e-mail.
 */
static void
sanitise_tree (HelderRenderer *self,
               HelderPage     *page,
               guint           line,
               cmark_node     *document)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  cmark_iter *iter = cmark_iter_new (document);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (event != CMARK_EVENT_ENTER)
        continue;
      switch ((int) cmark_node_get_type (node))
        {
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_HTML_INLINE:
        case CMARK_NODE_IMAGE:
        case CMARK_NODE_LINK:
          g_ptr_array_add (nodes, node);
          break;
        default:
          break;
        }
    }
  cmark_iter_free (iter);

  /* Children come after their parents: handle the innermost first. */
  for (guint i = nodes->len; i > 0; i--)
    {
      cmark_node *node = g_ptr_array_index (nodes, i - 1);
      const char *url = cmark_node_get_url (node);

      switch ((int) cmark_node_get_type (node))
        {
        case CMARK_NODE_HTML_BLOCK:
          {
            g_autofree char *literal = g_strdup (cmark_node_get_literal (node));

            replace_with_text (node, g_strchomp (literal), TRUE);
          }
          break;
        case CMARK_NODE_HTML_INLINE:
          replace_with_text (node, cmark_node_get_literal (node), FALSE);
          break;
        case CMARK_NODE_IMAGE:
          if (!use_media (self, page, line, url))
            replace_with_text (node, helder_renderer_get_label (self, "media_missing"), FALSE);
          break;
        case CMARK_NODE_LINK:
          if (url == NULL || !url_is_external_link (url))
            {
              cmark_node *child;

              /* Keep the link text, drop the link. */
              while ((child = cmark_node_first_child (node)) != NULL)
                cmark_node_insert_before (node, child);
              cmark_node_free (node);
            }
          break;
        default:
          break;
        }
    }
}

static void
append_markdown (HelderRenderer *self,
                 HelderPage     *page,
                 guint           line,
                 const char     *text,
                 gsize           length,
                 GString        *html)
{
  /* cmark 0.30 is safe by default: without CMARK_OPT_UNSAFE it never
   * passes raw HTML or javascript: URLs through.
   */
  cmark_node *document = cmark_parse_document (text, length, CMARK_OPT_DEFAULT);
  char *rendered;

  sanitise_tree (self, page, line, document);
  rendered = cmark_render_html (document, CMARK_OPT_DEFAULT);
  g_string_append (html, rendered);
  free (rendered);
  cmark_node_free (document);
}

/* Inline Markdown in a single value (bold, links), without the <p>. */
static void
append_inline_markdown (HelderRenderer *self,
                        HelderPage     *page,
                        guint           line,
                        const char     *text,
                        GString        *html)
{
  g_autoptr(GString) block = g_string_new (NULL);

  append_markdown (self, page, line, text != NULL ? text : "", text != NULL ? strlen (text) : 0,
                   block);
  g_strchomp (block->str);
  block->len = strlen (block->str);
  if (g_str_has_prefix (block->str, "<p>") && g_str_has_suffix (block->str, "</p>"))
    g_string_append_len (html, block->str + 3, block->len - 7);
  else
    g_string_append (html, block->str);
}

static char *
next_id (HelderRenderer *self)
{
  return g_strdup_printf ("helder-%u", ++self->serial);
}

static const char *
media_type (const char *path)
{
  static const char * const types[] = {
    ".mp4", "video/mp4", ".webm", "video/webm", ".ogg", "video/ogg", ".mp3", "audio/mpeg",
    ".m4a", "audio/mp4", ".wav", "audio/wav", ".opus", "audio/ogg", NULL
  };
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (guint i = 0; types[i] != NULL; i += 2)
    if (g_str_has_suffix (lower, types[i]))
      return types[i + 1];

  return NULL;
}

static void
render_callout (HelderRenderer    *self,
                HelderPage        *page,
                const HelderBlock *block,
                GString           *html)
{
  const char *text = helder_page_get_text (page);
  g_autofree char *body = helder_block_dup_callout_body (text, helder_page_get_length (page), block);
  g_autofree char *type = g_ascii_strdown (block->info != NULL ? block->info : "note", -1);
  g_autofree char *label_key = g_strconcat ("callout_", type, NULL);
  g_autofree char *id = next_id (self);
  const char *title = block->title;

  if (title == NULL)
    title = helder_renderer_get_label (self, label_key);
  if (!g_strv_contains ((const char * const[]) { "action", "tip", "note", "warning", NULL }, type))
    {
      g_free (type);
      type = g_strdup ("note");
    }

  g_string_append_printf (html, "<aside class=\"helder-callout helder-callout-%s\" "
                                "aria-labelledby=\"%s\">\n<h2 id=\"%s\">", type, id, id);
  helder_markup_append_escaped (html, title);
  g_string_append (html, "</h2>\n");
  append_markdown (self, page, block->line + 1, body, strlen (body), html);
  g_string_append (html, "</aside>\n");
}

static void
render_image (HelderRenderer    *self,
              HelderPage        *page,
              const HelderBlock *block,
              GString           *html)
{
  const char *src = helder_block_get_value (block, "src");
  const char *caption = helder_block_get_value (block, "caption");
  gboolean decorative = helder_value_is_yes (helder_block_get_value (block, "decorative"));

  g_string_append (html, "<figure class=\"helder-image\">");
  if (use_media (self, page, block->line, src))
    {
      g_string_append (html, "<img");
      append_path_attribute (html, "src", src);
      append_attribute (html, "alt", decorative ? "" : helder_block_get_value (block, "alt"));
      g_string_append (html, " loading=\"lazy\">");
    }
  else
    {
      g_string_append (html, "<p class=\"helder-missing\">");
      helder_markup_append_escaped (html, helder_renderer_get_label (self, "media_missing"));
      g_string_append (html, "</p>");
    }
  if (caption != NULL)
    {
      g_string_append (html, "<figcaption>");
      helder_markup_append_escaped (html, caption);
      g_string_append (html, "</figcaption>");
    }
  g_string_append (html, "</figure>\n");
}

/* Reads a course file that is written into the page itself. */
static char *
read_media (HelderRenderer *self,
            HelderPage     *page,
            guint           line,
            const char     *path,
            gsize          *length)
{
  g_autofree char *file = NULL;
  char *contents = NULL;

  if (!check_media (self, page, line, path))
    return NULL;

  file = g_build_filename (self->root, path, NULL);
  if (!g_file_get_contents (file, &contents, length, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("file \"%s\" cannot be read; check that "
                                                    "it is a file you may open"), path);

      add_problem (self, page, line, message);
    }

  return contents;
}

static void
append_transcript (HelderRenderer *self,
                   HelderPage     *page,
                   guint           line,
                   const char     *path,
                   GString        *html)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  /* A media block without a transcript is the checks' finding, not a
   * file problem of the package.
   */
  if (path == NULL)
    return;
  /* The transcript is shown in the page, so it is read here and not
   * shipped as a file of its own.
   */
  contents = read_media (self, page, line, path, &length);
  if (contents == NULL)
    return;
  if (!g_utf8_validate (contents, length, NULL))
    {
      g_autofree char *message =
        g_strdup_printf (_("transcript \"%s\" is not UTF-8 text; save it as UTF-8"), path);

      add_problem (self, page, line, message);
      return;
    }

  g_string_append (html, "<details class=\"helder-transcript\"><summary>");
  helder_markup_append_escaped (html, helder_renderer_get_label (self, "transcript"));
  g_string_append (html, "</summary>\n<div class=\"helder-transcript-text\">\n");
  if (g_str_has_suffix (path, ".md"))
    append_markdown (self, page, line, contents, length, html);
  else
    {
      g_auto(GStrv) paragraphs = g_regex_split_simple ("\\n\\s*\\n", contents, 0, 0);

      for (guint i = 0; paragraphs[i] != NULL; i++)
        {
          if (*g_strstrip (paragraphs[i]) == '\0')
            continue;
          g_string_append (html, "<p>");
          helder_markup_append_escaped (html, paragraphs[i]);
          g_string_append (html, "</p>\n");
        }
    }
  g_string_append (html, "</div>\n</details>\n");
}

/* Captions are written into the page as a data: URL. Browsers refuse
 * <track> files from file:// (each file is its own origin there), and the
 * web export must work offline from a folder.
 */
static void
append_captions (HelderRenderer *self,
                 HelderPage     *page,
                 guint           line,
                 const char     *path,
                 GString        *html)
{
  g_autofree char *contents = NULL;
  g_autofree char *encoded = NULL;
  gsize length = 0;

  contents = read_media (self, page, line, path, &length);
  if (contents == NULL)
    return;

  encoded = g_base64_encode ((const guchar *) contents, length);
  g_string_append_printf (html, "<track kind=\"captions\" default src=\"data:text/vtt;base64,%s\"",
                          encoded);
  append_attribute (html, "srclang", helder_course_get_language (self->course));
  append_attribute (html, "label", helder_course_get_language (self->course));
  g_string_append (html, ">");
}

static void
render_media (HelderRenderer    *self,
              HelderPage        *page,
              const HelderBlock *block,
              GString           *html)
{
  gboolean video = block->kind == HELDER_BLOCK_VIDEO;
  const char *element = video ? "video" : "audio";
  const char *src = helder_block_get_value (block, "src");
  const char *captions = helder_block_get_value (block, "captions");
  const char *poster = helder_block_get_value (block, "poster");
  const char *title = helder_block_get_value (block, "title");

  g_string_append_printf (html, "<figure class=\"helder-media helder-%s\">\n", element);
  if (use_media (self, page, block->line, src))
    {
      g_string_append_printf (html, "<%s controls preload=\"metadata\"", element);
      if (video && poster != NULL && use_media (self, page, block->line, poster))
        append_path_attribute (html, "poster", poster);
      append_attribute (html, "aria-label", title);
      g_string_append (html, "><source");
      append_path_attribute (html, "src", src);
      append_attribute (html, "type", media_type (src));
      g_string_append (html, ">");
      if (captions != NULL)
        append_captions (self, page, block->line, captions, html);
      g_string_append_printf (html, "</%s>\n", element);
    }
  else
    {
      g_string_append (html, "<p class=\"helder-missing\">");
      helder_markup_append_escaped (html, helder_renderer_get_label (self, "media_missing"));
      g_string_append (html, "</p>\n");
    }
  if (title != NULL)
    {
      g_string_append (html, "<figcaption>");
      helder_markup_append_escaped (html, title);
      g_string_append (html, "</figcaption>\n");
    }
  append_transcript (self, page, block->line, helder_block_get_value (block, "transcript"), html);
  g_string_append (html, "</figure>\n");
}

/* Accordion, tabs and steps share their items: a title and a text. The
 * HTML works without the player (details elements, a list); the player
 * turns tabs and steps into their interactive form.
 */
static void
render_panels (HelderRenderer    *self,
               HelderPage        *page,
               const HelderBlock *block,
               GString           *html)
{
  const char *kind = helder_block_kind_to_string (block->kind);

  if (block->kind == HELDER_BLOCK_STEPS)
    g_string_append_printf (html, "<ol class=\"helder-%s\" data-helder=\"%s\">\n", kind, kind);
  else
    g_string_append_printf (html, "<div class=\"helder-%s\" data-helder=\"%s\">\n", kind, kind);

  for (guint i = 0; i < block->items->len; i++)
    {
      const HelderBlockItem *item = g_ptr_array_index (block->items, i);
      const HelderField *text = helder_block_item_get_field (item, "text");
      const char *title = helder_block_item_get_value (item, "title");

      if (block->kind == HELDER_BLOCK_ACCORDION)
        {
          g_string_append (html, "<details><summary>");
          helder_markup_append_escaped (html, title);
          g_string_append (html, "</summary>\n<div class=\"helder-panel\">");
        }
      else
        {
          g_autofree char *id = next_id (self);

          /* One level below the heading before it, so the outline has no gap. */
          guint level = MIN (self->heading_level + 1, 6);

          g_string_append_printf (html, "<%s class=\"helder-panel\" aria-labelledby=\"%s\">"
                                        "<h%u class=\"helder-panel-title\" id=\"%s\">",
                                  block->kind == HELDER_BLOCK_STEPS ? "li" : "section", id, level, id);
          helder_markup_append_escaped (html, title);
          g_string_append_printf (html, "</h%u>\n", level);
        }
      g_string_append (html, "<p>");
      if (text != NULL)
        append_inline_markdown (self, page, text->line, text->value, html);
      g_string_append (html, "</p>");
      if (block->kind == HELDER_BLOCK_ACCORDION)
        g_string_append (html, "</div></details>\n");
      else
        g_string_append_printf (html, "</%s>\n",
                                block->kind == HELDER_BLOCK_STEPS ? "li" : "section");
    }

  g_string_append (html, block->kind == HELDER_BLOCK_STEPS ? "</ol>\n" : "</div>\n");
}

static void
render_flashcards (HelderRenderer    *self,
                   const HelderBlock *block,
                   GString           *html)
{
  g_string_append (html, "<ul class=\"helder-flashcards\" data-helder=\"flashcards\">\n");
  for (guint i = 0; i < block->items->len; i++)
    {
      const HelderBlockItem *item = g_ptr_array_index (block->items, i);

      g_string_append (html, "<li class=\"helder-card\"><p class=\"helder-card-front\">");
      helder_markup_append_escaped (html, helder_block_item_get_value (item, "front"));
      g_string_append (html, "</p><p class=\"helder-card-back\">");
      helder_markup_append_escaped (html, helder_block_item_get_value (item, "back"));
      g_string_append (html, "</p></li>\n");
    }
  g_string_append (html, "</ul>\n");
}

static void
render_scenario (HelderRenderer    *self,
                 const HelderBlock *block,
                 GString           *html)
{
  g_autofree char *id = next_id (self);
  const char *title = helder_block_get_value (block, "title");

  g_string_append_printf (html, "<div class=\"helder-scenario\" data-helder=\"scenario\">\n");
  if (title != NULL)
    {
      g_string_append (html, "<h2>");
      helder_markup_append_escaped (html, title);
      g_string_append (html, "</h2>\n");
    }
  g_string_append (html, "<p class=\"helder-situation\">");
  helder_markup_append_escaped (html, helder_block_get_value (block, "situation"));
  g_string_append_printf (html, "</p>\n<p id=\"%s\" class=\"helder-question\">", id);
  helder_markup_append_escaped (html, helder_block_get_value (block, "question"));
  g_string_append_printf (html, "</p>\n<ul class=\"helder-choices\" aria-labelledby=\"%s\">\n",
                          id);
  for (guint i = 0; i < block->items->len; i++)
    {
      const HelderBlockItem *item = g_ptr_array_index (block->items, i);

      g_string_append_printf (html, "<li><button type=\"button\" class=\"helder-choice\" "
                                    "data-best=\"%s\"",
                              helder_value_is_yes (helder_block_item_get_value (item, "best"))
                              ? "yes" : "no");
      append_attribute (html, "data-feedback", helder_block_item_get_value (item, "feedback"));
      g_string_append (html, ">");
      helder_markup_append_escaped (html, helder_block_item_get_value (item, "choice"));
      g_string_append (html, "</button></li>\n");
    }
  g_string_append (html, "</ul>\n<p class=\"helder-feedback\" role=\"status\"></p>\n</div>\n");
}

static const char *
answer_text (const HelderBlockItem *item)
{
  const char *text = helder_block_item_get_value (item, "answer");

  return text != NULL ? text : helder_block_item_get_value (item, "text");
}

/* Knowledge checks and graded questions are one form each; the player
 * marks them, shows the feedback in a live region and reports graded
 * answers. Answers are numbered in the order the author wrote them.
 */
static void
render_quiz (HelderRenderer    *self,
             HelderPage        *page,
             const HelderBlock *block,
             GString           *html)
{
  g_autofree char *id = next_id (self);
  const char *kind = helder_block_get_value (block, "kind");
  gboolean multiple = kind != NULL && g_str_equal (kind, "multiple");
  gboolean graded = block->kind == HELDER_BLOCK_QUESTION;

  g_string_append_printf (html, "<form class=\"helder-quiz helder-%s\" data-helder=\"%s\"",
                          graded ? "question" : "check", graded ? "question" : "check");
  append_attribute (html, "data-kind", multiple ? "multiple" : "single");
  if (graded)
    {
      append_attribute (html, "data-id", helder_block_get_value (block, "id"));
      append_attribute (html, "data-test", helder_block_get_value (block, "test"));
    }
  g_string_append (html, ">\n<fieldset>\n<legend>");
  helder_markup_append_escaped (html, helder_block_get_value (block, "question"));
  g_string_append (html, "</legend>\n");

  for (guint i = 0; i < block->items->len; i++)
    {
      const HelderBlockItem *item = g_ptr_array_index (block->items, i);

      g_string_append_printf (html, "<div class=\"helder-answer\"><input type=\"%s\" "
                                    "id=\"%s-%u\" name=\"%s\" value=\"%u\" data-correct=\"%s\"",
                              multiple ? "checkbox" : "radio", id, i, id, i,
                              helder_value_is_yes (helder_block_item_get_value (item, "correct"))
                              ? "yes" : "no");
      append_attribute (html, "data-feedback", helder_block_item_get_value (item, "feedback"));
      g_string_append_printf (html, "><label for=\"%s-%u\">", id, i);
      helder_markup_append_escaped (html, answer_text (item));
      g_string_append (html, "</label></div>\n");
    }

  g_string_append (html, "</fieldset>\n<button type=\"submit\">");
  helder_markup_append_escaped (html, helder_renderer_get_label (self, "check"));
  g_string_append (html, "</button>\n<div class=\"helder-feedback\" role=\"status\"></div>\n"
                         "</form>\n");
}

static void
render_survey (HelderRenderer    *self,
               const HelderBlock *block,
               GString           *html)
{
  g_autofree char *id = next_id (self);
  const char *kind = helder_block_get_value (block, "kind");
  gboolean likert = kind == NULL || !g_str_equal (kind, "open");

  g_string_append (html, "<form class=\"helder-survey\" data-helder=\"survey\"");
  append_attribute (html, "data-id", helder_block_get_value (block, "id"));
  append_attribute (html, "data-kind", likert ? "likert" : "open");
  g_string_append (html, ">\n");

  if (likert)
    {
      g_string_append (html, "<fieldset>\n<legend>");
      helder_markup_append_escaped (html, helder_block_get_value (block, "question"));
      g_string_append (html, "</legend>\n<div class=\"helder-scale\">");
      for (guint n = 1; n <= 5; n++)
        {
          g_autofree char *number = g_strdup_printf ("%u", n);
          g_autofree char *label = NULL;
          const char *end = n == 1 ? helder_block_get_value (block, "low")
                          : n == 5 ? helder_block_get_value (block, "high") : NULL;
          g_autoptr(GString) scale = g_string_new (helder_renderer_get_label (self, "scale"));

          g_string_replace (scale, "{n}", number, 0);
          label = end != NULL ? g_strdup_printf ("%s: %s", scale->str, end)
                              : g_strdup (scale->str);
          g_string_append_printf (html, "<div class=\"helder-answer\"><input type=\"radio\" "
                                        "id=\"%s-%u\" name=\"%s\" value=\"%u\">"
                                        "<label for=\"%s-%u\">", id, n, id, n, id, n);
          helder_markup_append_escaped (html, label);
          g_string_append (html, "</label></div>\n");
        }
      g_string_append (html, "</div>\n</fieldset>\n");
    }
  else
    {
      g_string_append_printf (html, "<label for=\"%s\">", id);
      helder_markup_append_escaped (html, helder_block_get_value (block, "question"));
      g_string_append_printf (html, "</label>\n<textarea id=\"%s\" name=\"%s\" rows=\"4\" "
                                    "maxlength=\"250\"></textarea>\n", id, id);
    }

  g_string_append (html, "<button type=\"submit\">");
  helder_markup_append_escaped (html, helder_renderer_get_label (self, "send"));
  g_string_append (html, "</button>\n<div class=\"helder-feedback\" role=\"status\"></div>\n"
                         "</form>\n");
}

/* The sources of a page's facts: a small list of links, and the day they
 * were last checked written as a reader writes it.
 */
static void
render_sources (HelderRenderer    *self,
                const HelderBlock *block,
                GString           *html)
{
  g_autofree char *id = next_id (self);
  const char *checked_value = helder_block_get_value (block, "checked");
  GDate checked;

  g_string_append_printf (html, "<aside class=\"helder-sources\" data-helder=\"sources\" "
                                "aria-labelledby=\"%s\">\n<h2 id=\"%s\">", id, id);
  helder_markup_append_escaped (html, helder_renderer_get_label (self, "sources"));
  g_string_append (html, "</h2>\n<ul>\n");
  for (guint i = 0; i < block->items->len; i++)
    {
      const HelderBlockItem *item = g_ptr_array_index (block->items, i);
      const char *url = helder_block_item_get_value (item, "url");

      g_string_append (html, "<li>");
      if (url != NULL && (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://")))
        {
          g_string_append (html, "<a");
          append_attribute (html, "href", url);
          g_string_append (html, ">");
          helder_markup_append_escaped (html, helder_block_item_get_value (item, "title"));
          g_string_append (html, "</a>");
        }
      else
        helder_markup_append_escaped (html, helder_block_item_get_value (item, "title"));
      g_string_append (html, "</li>\n");
    }
  g_string_append (html, "</ul>\n");

  if (checked_value != NULL && helder_date_parse_iso (checked_value, &checked))
    {
      g_autofree char *day = helder_date_dup_long (&checked,
                                                   helder_renderer_get_label (self, "months"));
      g_autoptr(GString) line = g_string_new (helder_renderer_get_label (self, "sources_checked"));

      g_string_replace (line, "{date}", day, 0);
      g_string_append (html, "<p class=\"helder-sources-checked\">");
      helder_markup_append_escaped (html, line->str);
      g_string_append (html, "</p>\n");
    }
  g_string_append (html, "</aside>\n");
}

/* Gives the first element a block rendered to (from @start on) the
 * block's line in the page source: data-source-line="12".
 */
static void
mark_source_line (GString *html,
                  gsize    start,
                  guint    line)
{
  for (gsize i = start; i + 1 < html->len; i++)
    if (html->str[i] == '<' && g_ascii_isalpha (html->str[i + 1]))
      {
        g_autofree char *attribute = g_strdup_printf (" data-source-line=\"%u\"", line);
        gsize end = i + 1;

        while (end < html->len && g_ascii_isalnum (html->str[end]))
          end++;
        g_string_insert (html, (gssize) end, attribute);
        return;
      }
}

static void
render_block (HelderRenderer    *self,
              HelderPage        *page,
              const HelderBlock *block,
              GString           *html)
{
  const char *text = helder_page_get_text (page);

  switch (block->kind)
    {
    case HELDER_BLOCK_TEXT:
    case HELDER_BLOCK_HEADING:
    case HELDER_BLOCK_HTML:
    case HELDER_BLOCK_CODE:
      /* Ordinary CommonMark; a fence that is not a Helder block is code. */
      append_markdown (self, page, block->line, text + block->range.start,
                       block->range.end - block->range.start, html);
      break;
    case HELDER_BLOCK_CALLOUT:
      render_callout (self, page, block, html);
      break;
    case HELDER_BLOCK_IMAGE:
      render_image (self, page, block, html);
      break;
    case HELDER_BLOCK_VIDEO:
    case HELDER_BLOCK_AUDIO:
      render_media (self, page, block, html);
      break;
    case HELDER_BLOCK_ACCORDION:
    case HELDER_BLOCK_TABS:
    case HELDER_BLOCK_STEPS:
      render_panels (self, page, block, html);
      break;
    case HELDER_BLOCK_FLASHCARDS:
      render_flashcards (self, block, html);
      break;
    case HELDER_BLOCK_SCENARIO:
      render_scenario (self, block, html);
      break;
    case HELDER_BLOCK_CHECK:
    case HELDER_BLOCK_QUESTION:
      render_quiz (self, page, block, html);
      break;
    case HELDER_BLOCK_SURVEY:
      render_survey (self, block, html);
      break;
    case HELDER_BLOCK_CONTINUE:
      g_string_append (html, "<div class=\"helder-continue\" data-helder=\"continue\">"
                             "<button type=\"button\">");
      helder_markup_append_escaped (html, helder_block_get_value (block, "label") != NULL
                            ? helder_block_get_value (block, "label")
                            : helder_renderer_get_label (self, "continue"));
      g_string_append (html, "</button></div>\n");
      break;
    case HELDER_BLOCK_SOURCES:
      render_sources (self, block, html);
      break;
    case HELDER_N_BLOCK_KINDS:
    default:
      g_assert_not_reached ();
    }
}

/**
 * helder_player_page_id:
 *
 * Returns: (transfer full): the id the player knows @page by ("module/page"),
 *   in the document's data-page attributes and in #page= links
 */
char *
helder_player_page_id (HelderModule *module,
                       HelderPage   *page)
{
  g_return_val_if_fail (HELDER_IS_MODULE (module), NULL);
  g_return_val_if_fail (HELDER_IS_PAGE (page), NULL);

  return g_strdup_printf ("%s/%s", helder_module_get_id (module), helder_page_get_id (page));
}

/* The level of the last heading in @html, or @level when it has none.
 * Panel titles nest below it.
 */
static guint
last_heading_level (const char *html,
                    guint       level)
{
  for (const char *p = strstr (html, "<h"); p != NULL; p = strstr (p + 2, "<h"))
    {
      if (p[2] >= '1' && p[2] <= '6' && (p[3] == '>' || p[3] == ' '))
        level = p[2] - '0';
    }
  return level;
}

/* The module's colour as the accent of the element just opened. */
static void
append_module_colour (GString      *html,
                      HelderModule *module)
{
  HelderColour colour;

  if (helder_module_get_colour (module) != NULL
      && helder_colour_parse (helder_module_get_colour (module), &colour, NULL))
    {
      g_autofree char *hex = helder_colour_to_string (&colour);

      g_string_append_printf (html, " style=\"--helder-accent: %s\"", hex);
    }
}

/* A label with one number in it, such as "About {n} minutes". */
static void
append_label_number (HelderRenderer *self,
                     GString        *html,
                     const char     *key,
                     guint           n)
{
  g_autoptr(GString) label = g_string_new (helder_renderer_get_label (self, key));
  g_autofree char *number = g_strdup_printf ("%u", n);

  g_string_replace (label, "{n}", number, 0);
  helder_markup_append_escaped (html, label->str);
}

/* A module's first page opens with its cover: the module title, the
 * planned minutes and what the learner will learn.
 */
static void
render_cover (HelderRenderer *self,
              HelderModule   *module,
              GString        *html)
{
  const char * const *goals = helder_module_get_goals (module);

  g_string_append (html, "<header class=\"helder-cover\">\n<p class=\"helder-cover-label\">");
  helder_markup_append_escaped (html, helder_renderer_get_label (self, "cover_module"));
  g_string_append (html, "</p>\n<h1 class=\"helder-cover-title\">");
  helder_markup_append_escaped (html, helder_module_get_title (module));
  g_string_append (html, "</h1>\n");
  if (helder_module_get_minutes (module) > 0)
    {
      g_string_append (html, "<p class=\"helder-cover-minutes\">");
      append_label_number (self, html, "cover_minutes", helder_module_get_minutes (module));
      g_string_append (html, "</p>\n");
    }
  if (goals != NULL && goals[0] != NULL)
    {
      g_string_append (html, "<h2 class=\"helder-cover-goals\">");
      helder_markup_append_escaped (html, helder_renderer_get_label (self, "cover_goals"));
      g_string_append (html, "</h2>\n<ul>\n");
      for (guint i = 0; goals[i] != NULL; i++)
        {
          g_string_append (html, "<li>");
          helder_markup_append_escaped (html, goals[i]);
          g_string_append (html, "</li>\n");
        }
      g_string_append (html, "</ul>\n");
    }
  g_string_append (html, "</header>\n");
}

/* The Contents menu: every module with its pages, as links the player
 * turns into navigation. It marks the current page and the pages seen;
 * on a phone it is a drawer the bar's Contents button opens.
 */
static void
render_contents (HelderRenderer *self,
                 GPtrArray      *modules,
                 GString        *html)
{
  g_string_append (html, "<nav class=\"helder-contents\" id=\"helder-contents\" "
                         "aria-labelledby=\"helder-contents-title\">\n"
                         "<h2 id=\"helder-contents-title\">");
  helder_markup_append_escaped (html, helder_renderer_get_label (self, "contents"));
  g_string_append (html, "</h2>\n<ol class=\"helder-contents-modules\">\n");
  for (guint i = 0; i < modules->len; i++)
    {
      HelderModule *module = g_ptr_array_index (modules, i);

      g_string_append (html, "<li class=\"helder-contents-module\"");
      append_module_colour (html, module);
      g_string_append (html, "><p class=\"helder-contents-module-title\">");
      helder_markup_append_escaped (html, helder_module_get_title (module));
      g_string_append (html, "</p>\n<ol>\n");
      for (guint p = 0; p < helder_module_get_n_pages (module); p++)
        {
          HelderPage *page = helder_module_get_page (module, p);
          g_autofree char *page_id = helder_player_page_id (module, page);
          g_autofree char *href = g_strconcat ("#page=", page_id, NULL);

          g_string_append (html, "<li><a");
          append_attribute (html, "href", href);
          append_attribute (html, "data-page", page_id);
          g_string_append (html, ">");
          helder_markup_append_escaped (html, helder_page_get_title (page));
          g_string_append (html, "</a></li>\n");
        }
      g_string_append (html, "</ol></li>\n");
    }
  g_string_append (html, "</ol>\n</nav>\n");
}

/**
 * helder_renderer_render_page:
 *
 * Appends one page as a <section> whose data attributes tell the player
 * its id and module.
 */
void
helder_renderer_render_page (HelderRenderer *self,
                             HelderModule   *module,
                             HelderPage     *page,
                             GString        *html)
{
  const HelderPageContent *content;
  g_autofree char *page_id = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (HELDER_IS_MODULE (module));
  g_return_if_fail (HELDER_IS_PAGE (page));

  content = helder_page_get_content (page);
  page_id = helder_player_page_id (module, page);

  g_string_append (html, "<section class=\"helder-page\"");
  append_attribute (html, "data-page", page_id);
  append_attribute (html, "data-module", helder_module_get_id (module));
  append_module_colour (html, module);
  g_string_append (html, ">\n");
  self->heading_level = 1;
  if (helder_module_get_page (module, 0) == page)
    render_cover (self, module, html);

  for (guint i = 0; i < content->blocks->len; i++)
    {
      const HelderBlock *block = g_ptr_array_index (content->blocks, i);
      gsize start = html->len;

      render_block (self, page, block, html);
      self->heading_level = last_heading_level (html->str + start, self->heading_level);
      if (self->source_lines)
        mark_source_line (html, start, block->line);
    }

  g_string_append (html, "</section>\n");
}

/* A player file, in the page itself: the style sheet and the script
 * contain no "</", so they cannot close their element.
 */
static void
append_player_file (GString    *html,
                    const char *name)
{
  g_autoptr(GBytes) bytes = helder_player_lookup_file (name, NULL);

  /* The player is part of the build: failing to read it is a bug. */
  g_assert (bytes != NULL);
  g_string_append_len (html, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static JsonNode *
build_config (HelderRenderer *self,
              const char     *lms)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  JsonObject *root = helder_json_document_get_root (helder_course_get_document (self->course));
  JsonObject *tracking = root != NULL && json_object_has_member (root, "tracking")
                         && JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "tracking"))
                         ? json_object_get_object_member (root, "tracking") : NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "course");
  json_builder_add_string_value (builder, helder_course_get_id (self->course));
  json_builder_set_member_name (builder, "lms");
  if (lms != NULL)
    json_builder_add_string_value (builder, lms);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "tracking");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "completion");
  json_builder_add_string_value (builder, tracking != NULL
    ? json_object_get_string_member_with_default (tracking, "completion", "pages") : "pages");
  json_builder_set_member_name (builder, "pages_percent");
  json_builder_add_int_value (builder, tracking != NULL
    ? json_object_get_int_member_with_default (tracking, "pages_percent", 100) : 100);
  json_builder_set_member_name (builder, "pass_mark");
  if (tracking != NULL && json_object_has_member (tracking, "pass_mark"))
    json_builder_add_int_value (builder, json_object_get_int_member (tracking, "pass_mark"));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "reporting");
  json_builder_add_string_value (builder, tracking != NULL
    ? json_object_get_string_member_with_default (tracking, "reporting", "completed-incomplete")
    : "completed-incomplete");
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "labels");
  json_builder_add_value (builder, json_node_copy (json_parser_get_root (self->labels)));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * helder_renderer_render_document:
 * @modules: (element-type HelderModule): the modules to show, in order
 * @lms: (nullable): "scorm12" or "scorm2004" to add the LMS tracking
 *   script, or %NULL for a page that only plays
 *
 * Returns: a complete HTML document that loads the player from lib/.
 */
char *
helder_renderer_render_document (HelderRenderer *self,
                                 GPtrArray      *modules,
                                 const char     *lms)
{
  g_autoptr(GString) html = g_string_new ("<!DOCTYPE html>\n");
  g_autoptr(JsonNode) config = NULL;
  g_autofree char *json = NULL;
  const char *title = helder_course_get_title (self->course);

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (modules != NULL, NULL);

  if (modules->len == 1)
    title = helder_module_get_title (g_ptr_array_index (modules, 0));

  g_string_append (html, "<html");
  append_attribute (html, "lang", helder_course_get_language (self->course));
  g_string_append (html, ">\n<head>\n<meta charset=\"utf-8\">\n"
                         "<meta name=\"viewport\" content=\"width=device-width, "
                         "initial-scale=1\">\n<title>");
  helder_markup_append_escaped (html, title);
  g_string_append (html, "</title>\n");
  if (helder_course_get_description (self->course) != NULL)
    {
      g_string_append (html, "<meta name=\"description\"");
      append_attribute (html, "content", helder_course_get_description (self->course));
      g_string_append (html, ">\n");
    }
  /* No icon to ask the server for; the style sheet is in the page, so the
   * first paint waits for no second request (on a phone in a slow
   * network that is a round trip of 150 ms or more).
   */
  g_string_append (html, "<link rel=\"icon\" href=\"data:,\">\n<style>");
  append_player_file (html, "player.css");
  g_string_append (html, "</style>\n");

  /* JSON inside <script>: "<" is escaped so no value can close the tag. */
  config = build_config (self, lms);
  json = json_to_string (config, FALSE);
  {
    g_autoptr(GString) safe = g_string_new (json);

    g_string_replace (safe, "<", "\\u003c", 0);
    g_string_append_printf (html, "<script type=\"application/json\" id=\"helder-config\">%s"
                                  "</script>\n", safe->str);
  }
  if (lms != NULL)
    g_string_append (html, "<script src=\"" HELDER_PLAYER_DIR "/scorm.js\" defer></script>\n");
  g_string_append (html, "</head>\n<body>\n<a class=\"helder-skip\" href=\"#helder-main\">");
  helder_markup_append_escaped (html, helder_renderer_get_label (self, "skip"));
  g_string_append (html, "</a>\n<header class=\"helder-header\"><p class=\"helder-title\">");
  helder_markup_append_escaped (html, title);
  g_string_append (html, "</p><div class=\"helder-progress\" aria-hidden=\"true\">"
                         "<div class=\"helder-progress-bar\"></div></div></header>\n");
  render_contents (self, modules, html);
  g_string_append (html, "<main id=\"helder-main\" tabindex=\"-1\">\n");

  for (guint i = 0; i < modules->len; i++)
    {
      HelderModule *module = g_ptr_array_index (modules, i);

      for (guint p = 0; p < helder_module_get_n_pages (module); p++)
        {
          helder_renderer_render_page (self, module, helder_module_get_page (module, p), html);
        }
    }

  g_string_append (html, "</main>\n<nav class=\"helder-nav\"");
  append_attribute (html, "aria-label", helder_renderer_get_label (self, "pages_nav"));
  g_string_append (html, " hidden><button type=\"button\" class=\"helder-menu\" "
                         "aria-controls=\"helder-contents\" aria-expanded=\"false\">");
  helder_markup_append_escaped (html, helder_renderer_get_label (self, "contents"));
  g_string_append (html, "</button><button type=\"button\" class=\"helder-previous\">");
  helder_markup_append_escaped (html, helder_renderer_get_label (self, "previous"));
  g_string_append (html, "</button><p class=\"helder-position\" aria-live=\"polite\"></p>"
                         "<button type=\"button\" class=\"helder-next\">");
  helder_markup_append_escaped (html, helder_renderer_get_label (self, "next"));
  /* The player in the page too, so it needs no request of its own. It
   * runs when the page is read; the tracker (deferred) registers before
   * the player starts.
   */
  g_string_append (html, "</button></nav>\n<script>");
  append_player_file (html, "player.js");
  g_string_append (html, "</script>\n</body>\n</html>\n");

  return g_string_free (g_steal_pointer (&html), FALSE);
}
