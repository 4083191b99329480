/* helder-rise-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-rise-import"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>

#include "helder-archive.h"
#include "helder-html-markdown.h"
#include "helder-json-document.h"
#include "helder-rise-import.h"

/* The course data is a few megabytes at most; a page of base64 JSON over
 * this is not a course.
 */
#define MAX_DATA_SIZE (64 * 1024 * 1024)

G_DEFINE_QUARK (helder-import-error-quark, helder_import_error)

typedef enum
{
  OUTCOME_MAPPED,
  OUTCOME_CHANGED,
  OUTCOME_NOT_IMPORTED,
} Outcome;

typedef struct
{
  char    *file;      /* page file name in its module folder */
  char    *title;
  GString *text;      /* the page's CommonMark */
  GString *report;    /* this lesson's lines of import-report.md */
} Page;

typedef struct
{
  char      *folder;
  char      *title;
  GPtrArray *pages;   /* of Page* */
} Module;

typedef struct
{
  HelderArchive       *archive;
  GCancellable        *cancellable;
  char                *root;          /* "scormcontent/" or "" */
  JsonParser          *parser;
  JsonObject          *course;
  char                *staging;       /* the folder being written */
  GPtrArray           *modules;       /* of Module* */
  GHashTable          *media;         /* package entry → "media/name" */
  GHashTable          *media_names;   /* names used in media/ */
  guint                questions;
  int                  pass_mark;
  GString             *notes;         /* the current block's notes for the report */
  GPtrArray           *dropped;       /* what the current block's HTML lost */
  HelderImportSummary *summary;
} Import;

static void
page_free (Page *page)
{
  g_free (page->file);
  g_free (page->title);
  g_string_free (page->text, TRUE);
  g_string_free (page->report, TRUE);
  g_free (page);
}

static void
module_free (Module *module)
{
  g_free (module->folder);
  g_free (module->title);
  g_ptr_array_unref (module->pages);
  g_free (module);
}

void
helder_import_summary_free (HelderImportSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->title);
  g_free (summary);
}

/* --- reading JSON safely ------------------------------------------------- */

static const char *
member_string (JsonObject *object,
               const char *member)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, member))
    return NULL;
  node = json_object_get_member (object, member);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonObject *
member_object (JsonObject *object,
               const char *member)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, member))
    return NULL;
  node = json_object_get_member (object, member);
  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
member_array (JsonObject *object,
              const char *member)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, member))
    return NULL;
  node = json_object_get_member (object, member);
  return JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gboolean
member_true (JsonObject *object,
             const char *member)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, member))
    return FALSE;
  node = json_object_get_member (object, member);
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN
         && json_node_get_boolean (node);
}

static JsonObject *
array_object (JsonArray *array,
              guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* --- text ----------------------------------------------------------------- */

/* The visible text of an HTML fragment on one line, for the plain-text
 * fields of Helder blocks.
 */
static char *
html_to_plain (const char *html)
{
  htmlDocPtr doc;
  xmlChar *content;
  GString *plain;
  gboolean space = FALSE;

  if (html == NULL || *html == '\0')
    return g_strdup ("");

  doc = htmlReadMemory (html, strlen (html), NULL, "UTF-8",
                        HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  if (doc == NULL)
    return g_strdup ("");
  content = xmlNodeGetContent (xmlDocGetRootElement (doc));
  plain = g_string_new (NULL);
  for (const char *p = (const char *) content; p != NULL && *p != '\0';
       p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0xa0)
        {
          space = plain->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (plain, ' ');
      space = FALSE;
      g_string_append_unichar (plain, c);
    }
  xmlFree (content);
  xmlFreeDoc (doc);
  return g_string_free (plain, FALSE);
}

static char *
html_to_markdown (Import     *import,
                  const char *html)
{
  g_autofree char *markdown = NULL;

  if (html == NULL || *html == '\0')
    return g_strdup ("");
  markdown = helder_html_to_commonmark (html, -1, import->dropped);
  return g_strdup (g_strstrip (markdown));
}

static void
add_separator (GString *text)
{
  if (text->len == 0)
    return;
  while (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);
  g_string_append (text, "\n\n");
}

static void
add_markdown (Page       *page,
              const char *markdown)
{
  if (markdown == NULL || *markdown == '\0')
    return;
  add_separator (page->text);
  g_string_append (page->text, markdown);
  g_string_append_c (page->text, '\n');
}

static void
add_heading (Page       *page,
             guint       level,
             const char *html)
{
  g_autofree char *plain = html_to_plain (html);
  g_autofree char *escaped = NULL;

  if (*plain == '\0')
    return;
  add_separator (page->text);
  for (guint i = 0; i < level; i++)
    g_string_append_c (page->text, '#');
  /* A heading is one line of CommonMark; a leading '#' or a trailing run of
   * them would change it, so they are escaped.
   */
  escaped = helder_html_to_commonmark (plain, -1, NULL);
  g_string_append_printf (page->text, " %s\n", g_strstrip (g_strdelimit (escaped, "\n", ' ')));
}

/* Prefixes each line of @markdown with "> ". */
static void
add_quoted (GString    *text,
            const char *markdown)
{
  g_auto(GStrv) lines = g_strsplit (markdown, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    g_string_append_printf (text, lines[i][0] != '\0' ? "> %s\n" : ">\n", lines[i]);
}

/* A field of a fenced block: one line of plain text. */
static void
add_field (GString    *text,
           const char *indent,
           const char *key,
           const char *value)
{
  g_string_append_printf (text, "%s%s: %s\n", indent, key, value);
}

/* A note on the block being imported, listed under its line in the report. */
static void G_GNUC_PRINTF (2, 3)
add_note (Import     *import,
          const char *format,
          ...)
{
  va_list args;

  g_string_append (import->notes, "  - ");
  va_start (args, format);
  g_string_append_vprintf (import->notes, format, args);
  va_end (args);
  g_string_append_c (import->notes, '\n');
}

/* --- media ---------------------------------------------------------------- */

/* A readable, unique file name in media/ for @entry. Rise stores files as
 * "<random>_transcoded-<random>-Name%2520with%2520spaces.mp3" and keeps
 * the original name beside some; @original is preferred when given.
 */
static char *
safe_media_name (Import     *import,
                 const char *entry,
                 const char *original)
{
  static GRegex *rise_prefix = NULL;
  g_autofree char *base = g_path_get_basename (original != NULL && *original != '\0'
                                               && !g_str_has_prefix (original, "http")
                                               ? original : entry);
  g_autofree char *once = g_uri_unescape_string (base, NULL);
  g_autofree char *twice = once != NULL ? g_uri_unescape_string (once, NULL) : NULL;
  g_autofree char *plain = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *ascii = NULL;
  GString *name = g_string_new (NULL);
  const char *dot;
  g_autofree char *stem = NULL;
  g_autofree char *extension = NULL;
  char *candidate;

  if (g_once_init_enter (&rise_prefix))
    g_once_init_leave (&rise_prefix,
                       g_regex_new ("^[A-Za-z0-9_-]{16}_(transcoded-[A-Za-z0-9_-]{16}-)?",
                                    G_REGEX_OPTIMIZE, 0, NULL));
  plain = g_regex_replace_literal (rise_prefix, twice != NULL ? twice : base, -1, 0, "", 0, NULL);
  lower = g_utf8_strdown (plain, -1);
  ascii = g_str_to_ascii (lower, "C");

  for (const char *p = ascii; *p != '\0'; p++)
    {
      char c = *p;

      if (g_ascii_isalnum (c) || c == '.')
        g_string_append_c (name, c);
      else if (name->len > 0 && name->str[name->len - 1] != '-')
        g_string_append_c (name, '-');
    }
  while (name->len > 0 && (name->str[0] == '.' || name->str[0] == '-'))
    g_string_erase (name, 0, 1);
  if (name->len == 0)
    g_string_append (name, "bestand");

  dot = strrchr (name->str, '.');
  stem = dot != NULL && dot != name->str ? g_strndup (name->str, dot - name->str)
                                         : g_strdup (name->str);
  extension = dot != NULL && dot != name->str ? g_strdup (dot) : g_strdup ("");
  g_string_free (name, TRUE);

  candidate = g_strconcat (stem, extension, NULL);
  for (guint n = 2; g_hash_table_contains (import->media_names, candidate); n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s-%u%s", stem, n, extension);
    }
  g_hash_table_add (import->media_names, candidate);
  return g_strdup (candidate);
}

/* Copies the package entry for a Rise media path into media/ once, and
 * returns its path in the course ("media/x.jpg"), or NULL when the package
 * does not have it.
 */
static const char *
import_media (Import     *import,
              const char *rise_path,
              const char *original,
              GError    **error)
{
  g_autofree char *entry = NULL;
  g_autofree char *decoded = NULL;
  g_autofree char *name = NULL;
  g_autofree char *destination = NULL;
  const char *known;

  if (rise_path == NULL || *rise_path == '\0' || g_str_has_prefix (rise_path, "http"))
    return NULL;

  entry = g_strconcat (import->root, "assets/", rise_path, NULL);
  if (!helder_archive_contains (import->archive, entry))
    {
      decoded = g_uri_unescape_string (entry, NULL);
      if (decoded == NULL || !helder_archive_contains (import->archive, decoded))
        return NULL;
      g_free (entry);
      entry = g_steal_pointer (&decoded);
    }

  known = g_hash_table_lookup (import->media, entry);
  if (known != NULL)
    return known;

  name = safe_media_name (import, entry, original);
  destination = g_build_filename (import->staging, "media", name, NULL);
  if (!helder_archive_extract (import->archive, entry, destination, import->cancellable, error))
    return NULL;

  import->summary->media++;
  g_hash_table_insert (import->media, g_strdup (entry), g_strconcat ("media/", name, NULL));
  return g_hash_table_lookup (import->media, entry);
}

/* The course path of a Rise media object ({"key", "crushedKey", "src",
 * "originalUrl"}), trying each name Rise may have stored it under.
 */
static const char *
import_media_object (Import     *import,
                     JsonObject *media,
                     Page       *page,
                     GError    **error)
{
  const char *candidates[] = {
    member_string (media, "crushedKey"), member_string (media, "key"),
    member_string (media, "src"), member_string (media, "originalUrl"),
  };
  const char *first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      const char *path;

      if (candidates[i] == NULL)
        continue;
      if (first == NULL)
        first = candidates[i];
      path = import_media (import, candidates[i], member_string (media, "originalUrl"), error);
      if (path != NULL || (error != NULL && *error != NULL))
        return path;
    }
  if (first != NULL)
    {
      add_note (import, _("The file “%s” is not in the package, so this part could not be "
                          "imported: add the file to the course and rebuild it."),
            first);
    }
  return NULL;
}

/* --- blocks --------------------------------------------------------------- */

static void
note_dropped (Import *import)
{
  g_autoptr(GString) list = NULL;

  if (import->dropped->len == 0)
    return;
  list = g_string_new (NULL);
  for (guint i = 0; i < import->dropped->len; i++)
    g_string_append_printf (list, "%s%s", i > 0 ? ", " : "",
                            (char *) g_ptr_array_index (import->dropped, i));
  add_note (import, _("Formatting that a page cannot hold was left out (%s); the text was "
                      "kept."),
            list->str);
  g_ptr_array_set_size (import->dropped, 0);
}

static void
report_block (Import     *import,
              Page       *page,
              const char *rise_kind,
              Outcome     outcome,
              const char *note)
{
  const char *label;

  import->summary->blocks++;
  note_dropped (import);
  switch (outcome)
    {
    case OUTCOME_CHANGED:
      import->summary->changed++;
      label = _("changed");
      break;
    case OUTCOME_NOT_IMPORTED:
      import->summary->not_imported++;
      label = _("not imported");
      break;
    case OUTCOME_MAPPED:
    default:
      label = _("imported");
      break;
    }
  g_string_append_printf (page->report, "- %s: %s", rise_kind, label);
  if (note != NULL)
    g_string_append_printf (page->report, " — %s", note);
  g_string_append_c (page->report, '\n');
  g_string_append (page->report, import->notes->str);
  g_string_truncate (import->notes, 0);
}

/* All the text of a block Helder has no form for, so nothing is lost. */
static void
gather_text (JsonNode  *node,
             GString   *text)
{
  static const char * const text_members[] = {
    "heading", "paragraph", "title", "description", "caption", "name", "text",
    "feedback", "label", "front", "back", "date", NULL,
  };

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        gather_text (json_array_get_element (array, i), text);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *child = json_object_get_member (object, l->data);

          if (JSON_NODE_HOLDS_VALUE (child) && json_node_get_value_type (child) == G_TYPE_STRING)
            {
              g_autofree char *plain = NULL;

              if (!g_strv_contains (text_members, l->data))
                continue;
              plain = html_to_plain (json_node_get_string (child));
              if (*plain != '\0')
                g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "", plain);
            }
          else if (strcmp (l->data, "settings") != 0 && strcmp (l->data, "media") != 0)
            gather_text (child, text);
        }
    }
}

/* A Rise block that has no Helder form: its text in an IMPORT note, which
 * validate reports until someone rebuilds the block.
 */
static void
add_not_imported (Import     *import,
                  Page       *page,
                  JsonNode   *block,
                  const char *body,
                  const char *rise_kind,
                  const char *reason)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *markdown = NULL;
  g_autofree char *title = NULL;

  if (body == NULL)
    {
      gather_text (block, text);
      markdown = helder_html_to_commonmark (text->str, -1, NULL);
    }
  else
    markdown = g_strdup (body);
  add_separator (page->text);
  title = g_strdup_printf (_("Not imported: Rise block “%s”"), rise_kind);
  g_string_append_printf (page->text, "> [!IMPORT] %s\n", title);
  if (*g_strstrip (markdown) != '\0')
    {
      g_string_append (page->text, ">\n");
      add_quoted (page->text, markdown);
    }
  report_block (import, page, rise_kind, OUTCOME_NOT_IMPORTED, reason);
}

/* Where a picture, video or sound is missing from the package: a note at
 * its place with its caption, which validate reports until it is fixed.
 */
static void
add_missing_media (Import     *import,
                   Page       *page,
                   const char *title,
                   const char *caption_html)
{
  g_autofree char *caption = html_to_plain (caption_html);
  g_autofree char *escaped = helder_html_to_commonmark (caption, -1, NULL);

  add_separator (page->text);
  g_string_append_printf (page->text, "> [!IMPORT] %s\n", title);
  if (*g_strstrip (escaped) != '\0')
    {
      g_string_append (page->text, ">\n");
      add_quoted (page->text, escaped);
    }
  add_note (import, "%s", title);
}

static gboolean
add_image (Import     *import,
           Page       *page,
           JsonObject *item,
           const char *caption_member,
           GError    **error)
{
  JsonObject *media = member_object (member_object (item, "media"), "image");
  const char *path;
  const char *alt;
  g_autofree char *caption = NULL;

  if (media == NULL)
    return TRUE;
  path = import_media_object (import, media, page, error);
  if (error != NULL && *error != NULL)
    return FALSE;
  if (path == NULL)
    {
      add_missing_media (import, page, _("Not imported: a picture that is not in the package"),
                         member_string (item, caption_member));
      return TRUE;
    }

  add_separator (page->text);
  g_string_append (page->text, "```image\n");
  add_field (page->text, "", "src", path);
  alt = member_string (media, "altText");
  if (alt == NULL)
    alt = member_string (media, "alt");
  if (alt != NULL && *alt != '\0')
    {
      g_autofree char *plain = html_to_plain (alt);

      add_field (page->text, "", "alt", plain);
    }
  else
    {
      add_note (import, _("The picture %s has no alt text in Rise: describe it, or "
                                "mark it as decorative."),
                              path);
    }
  caption = html_to_plain (member_string (item, caption_member));
  if (*caption != '\0')
    add_field (page->text, "", "caption", caption);
  g_string_append (page->text, "```\n");
  return TRUE;
}

static gboolean
add_media (Import     *import,
           Page       *page,
           JsonObject *item,
           const char *kind,
           GError    **error)
{
  JsonObject *media = member_object (item, "media");
  JsonObject *object = member_object (media, kind);
  const char *custom_member = strcmp (kind, "video") == 0 ? "customVideo" : "customAudio";
  JsonObject *custom = member_object (media, custom_member);
  JsonArray *captions = member_array (object, "captions");
  const char *path = NULL;
  const char *captions_path = NULL;
  g_autofree char *caption = NULL;

  if (custom == NULL)
    custom = member_object (item, custom_member);
  if (custom != NULL)
    path = import_media (import, member_string (custom, "src"), NULL, error);
  if (path == NULL && object != NULL && (error == NULL || *error == NULL))
    path = import_media_object (import, object, page, error);
  if (error != NULL && *error != NULL)
    return FALSE;
  if (path == NULL)
    {
      add_missing_media (import, page,
                         strcmp (kind, "video") == 0
                         ? _("Not imported: a video that is not in the package")
                         : _("Not imported: a sound that is not in the package"),
                         member_string (item, "caption"));
      return TRUE;
    }

  for (guint i = 0; captions != NULL && captions_path == NULL && i < json_array_get_length (captions); i++)
    captions_path = import_media (import, member_string (array_object (captions, i), "key"),
                                  member_string (array_object (captions, i), "filename"), error);
  if (captions_path == NULL && custom != NULL && (error == NULL || *error == NULL))
    captions_path = import_media (import, member_string (custom, "subtitle"), NULL, error);
  if (error != NULL && *error != NULL)
    return FALSE;

  add_separator (page->text);
  g_string_append_printf (page->text, "```%s\n", kind);
  add_field (page->text, "", "src", path);
  if (captions_path != NULL)
    add_field (page->text, "", "captions", captions_path);
  else
    {
      add_note (import, _("%s has no caption file in the package: add one."), path);
    }
  add_note (import, _("Rise keeps no transcript of %s: add one."), path);
  if (custom != NULL && strcmp (kind, "video") == 0)
    {
      const char *poster = import_media (import, member_string (custom, "poster"), NULL, error);

      if (poster != NULL)
        add_field (page->text, "", "poster", poster);
    }
  g_string_append (page->text, "```\n");
  /* Rise shows the caption under the player: it stays visible text. */
  caption = html_to_markdown (import, member_string (item, "caption"));
  add_markdown (page, caption);
  return error == NULL || *error == NULL;
}

/* The pictures on a block's items (tabs, panels, both sides of cards),
 * each as an image block after the block; @count says how many.
 */
static gboolean
add_item_images (Import     *import,
                 Page       *page,
                 JsonArray  *items,
                 guint      *count,
                 GError    **error)
{
  *count = 0;
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *item = array_object (items, i);
      JsonObject *holders[] = { item, member_object (item, "front"), member_object (item, "back") };

      for (guint h = 0; h < G_N_ELEMENTS (holders); h++)
        {
          if (member_object (member_object (holders[h], "media"), "image") == NULL)
            continue;
          if (!add_image (import, page, holders[h], "caption", error))
            return FALSE;
          (*count)++;
        }
    }
  return TRUE;
}

/* Items with a title and a text: accordion, tabs, steps. */
static void
add_titled_items (Page       *page,
                  const char *kind,
                  JsonArray  *items,
                  const char *title_member,
                  const char *text_member,
                  const char *date_member)
{
  add_separator (page->text);
  g_string_append_printf (page->text, "```%s\n", kind);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = array_object (items, i);
      g_autofree char *title = html_to_plain (member_string (item, title_member));
      g_autofree char *text = html_to_plain (member_string (item, text_member));
      g_autofree char *date = date_member != NULL
                              ? html_to_plain (member_string (item, date_member)) : NULL;

      if (*title == '\0' && *text == '\0')
        continue;
      /* Rise's process steps often have text only; learner text is Dutch. */
      if (*title == '\0' && strcmp (kind, "steps") == 0)
        {
          g_free (title);
          title = g_strdup_printf ("Stap %u", i + 1);
        }
      if (date != NULL && *date != '\0')
        {
          char *dated = g_strdup_printf ("%s – %s", date, title);

          g_free (title);
          title = dated;
        }
      add_field (page->text, "- ", "title", *title != '\0' ? title : text);
      add_field (page->text, "  ", "text", *text != '\0' ? text : title);
    }
  g_string_append (page->text, "```\n");
}

static const char *
answer_feedback (JsonObject *question,
                 JsonObject *answer,
                 gboolean    correct)
{
  const char *feedback = member_string (answer, "feedback");

  if (feedback == NULL || *feedback == '\0')
    feedback = member_string (question, correct ? "feedbackCorrect" : "feedbackIncorrect");
  if (feedback == NULL || *feedback == '\0')
    feedback = member_string (question, "feedback");
  return feedback;
}

static gboolean
answer_is_correct (JsonObject *question,
                   JsonObject *answer,
                   gboolean    single)
{
  const char *id = member_string (answer, "id");
  const char *correct = member_string (question, "correct");
  JsonArray *corrects = member_array (question, "corrects");

  if (json_object_has_member (answer, "correct"))
    return member_true (answer, "correct");
  /* Quiz lessons name the right answer of a single-choice question in
   * "correct"; their "corrects" may be left over from an earlier version
   * of the question, so it counts only for several right answers.
   */
  if (single)
    return id != NULL && g_strcmp0 (id, correct) == 0;
  for (guint i = 0; corrects != NULL && i < json_array_get_length (corrects); i++)
    if (g_strcmp0 (json_array_get_string_element (corrects, i), id) == 0)
      return TRUE;
  return FALSE;
}

/* A Rise question as a Helder check (@graded FALSE) or a post-test
 * question.
 */
static void
add_question (Import     *import,
              Page       *page,
              JsonObject *question,
              gboolean    graded,
              const char *rise_kind)
{
  const char *type = member_string (question, "type");
  JsonArray *answers = member_array (question, "answers");
  gboolean single = g_strcmp0 (type, "MULTIPLE_CHOICE") == 0;
  g_autofree char *text = html_to_plain (member_string (question, "title"));

  if (!single && g_strcmp0 (type, "MULTIPLE_RESPONSE") != 0)
    {
      /* Fill-in and matching: the question, the answers Rise accepts (or
       * the pairs) and the feedback, for the author to rebuild.
       */
      g_autoptr(GString) body = g_string_new (NULL);
      g_autoptr(GString) accepted = g_string_new (NULL);
      g_autofree char *feedback = html_to_plain (member_string (question, "feedback"));
      g_autofree char *escaped = NULL;

      for (guint i = 0; answers != NULL && i < json_array_get_length (answers); i++)
        {
          JsonObject *answer = array_object (answers, i);
          g_autofree char *answer_text = html_to_plain (member_string (answer, "title"));
          g_autofree char *match = html_to_plain (member_string (answer, "matchTitle"));

          if (*answer_text == '\0')
            continue;
          g_string_append_printf (accepted, "%s%s", accepted->len > 0 ? "; " : "", answer_text);
          if (*match != '\0')
            g_string_append_printf (accepted, " → %s", match);
        }
      g_string_append_printf (body, "%s\n\n", text);
      if (accepted->len > 0)
        {
          g_string_append_printf (body, _("Answers in Rise: %s"), accepted->str);
          g_string_append (body, "\n\n");
        }
      if (*feedback != '\0')
        {
          g_string_append_printf (body, _("Feedback in Rise: %s"), feedback);
          g_string_append_c (body, '\n');
        }
      escaped = helder_html_to_commonmark (body->str, -1, NULL);
      add_not_imported (import, page, NULL, escaped, rise_kind,
                        _("Helder has no fill-in or matching question; the question and "
                          "its answers are kept as a note. Rebuild it as a knowledge check."));
      return;
    }

  add_separator (page->text);
  g_string_append_printf (page->text, "```%s\n", graded ? "question" : "check");
  if (graded)
    {
      g_autofree char *id = g_strdup_printf ("vraag-%u", ++import->questions);

      add_field (page->text, "", "id", id);
      add_field (page->text, "", "test", "post");
    }
  add_field (page->text, "", "question", text);
  add_field (page->text, "", "kind", single ? "single" : "multiple");
  for (guint i = 0; answers != NULL && i < json_array_get_length (answers); i++)
    {
      JsonObject *answer = array_object (answers, i);
      gboolean correct = answer_is_correct (question, answer, single);
      g_autofree char *answer_text = html_to_plain (member_string (answer, "title"));
      g_autofree char *feedback = html_to_plain (answer_feedback (question, answer, correct));

      g_string_append_printf (page->text, "- [%c] %s\n", correct ? 'x' : ' ', answer_text);
      if (*feedback != '\0')
        add_field (page->text, "  ", "feedback", feedback);
    }
  g_string_append (page->text, "```\n");
  report_block (import, page, rise_kind, OUTCOME_MAPPED, NULL);
}

static gboolean
add_block (Import     *import,
           Page       *page,
           JsonNode   *node,
           GError    **error)
{
  JsonObject *block = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *type = member_string (block, "type");
  const char *family = member_string (block, "family");
  const char *variant = member_string (block, "variant");
  JsonArray *items = member_array (block, "items");
  guint n_items = items != NULL ? json_array_get_length (items) : 0;
  guint pictures = 0;
  g_autofree char *rise_kind = g_strdup_printf ("%s / %s", family != NULL ? family : "?",
                                                variant != NULL ? variant : "?");

  if (block == NULL || type == NULL)
    {
      add_not_imported (import, page, node, NULL, rise_kind, _("the block has no type"));
      return TRUE;
    }

  if (strcmp (type, "text") == 0 && g_strcmp0 (family, "impact") == 0)
    {
      /* Statements and notes. */
      for (guint i = 0; i < n_items; i++)
        {
          JsonObject *item = array_object (items, i);
          g_autofree char *heading = html_to_plain (member_string (item, "heading"));
          g_autofree char *body = html_to_markdown (import, member_string (item, "paragraph"));

          add_separator (page->text);
          if (g_strcmp0 (variant, "note") == 0)
            {
              g_string_append_printf (page->text, "> [!NOTE]%s%s\n",
                                      *heading != '\0' ? " " : "", heading);
              if (*body != '\0')
                add_quoted (page->text, body);
            }
          else
            {
              if (*heading != '\0')
                g_string_append_printf (page->text, "> **%s**\n>\n", heading);
              add_quoted (page->text, body);
            }
        }
      report_block (import, page, rise_kind, OUTCOME_MAPPED,
                    g_strcmp0 (variant, "note") == 0 ? _("as a note") : _("as a quote"));
    }
  else if (strcmp (type, "text") == 0)
    {
      gboolean table = g_strcmp0 (variant, "table") == 0;

      for (guint i = 0; i < n_items; i++)
        {
          JsonObject *item = array_object (items, i);
          g_autofree char *body = NULL;

          /* Rise keeps a placeholder heading in paragraph-only blocks. */
          if (variant != NULL && strstr (variant, "heading") != NULL)
            add_heading (page, strstr (variant, "subheading") != NULL ? 3 : 2,
                         member_string (item, "heading"));
          body = html_to_markdown (import, member_string (item, table ? "table" : "paragraph"));
          if (table && *body == '\0')
            {
              g_autoptr(GString) text = g_string_new (NULL);

              gather_text (json_array_get_element (items, i), text);
              g_free (body);
              body = helder_html_to_commonmark (text->str, -1, NULL);
            }
          add_markdown (page, body);
        }
      report_block (import, page, rise_kind, table ? OUTCOME_CHANGED : OUTCOME_MAPPED,
                    table ? _("the table is kept as text") : NULL);
    }
  else if (strcmp (type, "list") == 0)
    {
      gboolean numbered = g_strcmp0 (variant, "numbered") == 0;

      add_separator (page->text);
      for (guint i = 0; i < n_items; i++)
        {
          g_autofree char *body =
            html_to_markdown (import, member_string (array_object (items, i), "paragraph"));

          g_strdelimit (body, "\n", ' ');
          if (numbered)
            g_string_append_printf (page->text, "%u. %s\n", i + 1, body);
          else
            g_string_append_printf (page->text, "- %s\n", body);
        }
      report_block (import, page, rise_kind,
                    g_strcmp0 (variant, "checkboxes") == 0 ? OUTCOME_CHANGED : OUTCOME_MAPPED,
                    g_strcmp0 (variant, "checkboxes") == 0
                    ? _("the checklist is a bulleted list") : NULL);
    }
  else if (strcmp (type, "image") == 0)
    {
      gboolean gallery = g_strcmp0 (family, "gallery") == 0;
      gboolean with_text = variant != NULL && strstr (variant, "text") != NULL;

      for (guint i = 0; i < n_items; i++)
        {
          JsonObject *item = array_object (items, i);
          g_autofree char *body = NULL;

          if (!add_image (import, page, item, "caption", error))
            return FALSE;
          body = html_to_markdown (import, member_string (item, "paragraph"));
          add_markdown (page, body);
        }
      report_block (import, page, rise_kind,
                    gallery || with_text ? OUTCOME_CHANGED : OUTCOME_MAPPED,
                    gallery ? _("the gallery's pictures follow one another")
                    : with_text ? _("the picture and its text follow one another") : NULL);
    }
  else if (strcmp (type, "multimedia") == 0
           && (g_strcmp0 (variant, "video") == 0 || g_strcmp0 (variant, "audio") == 0))
    {
      for (guint i = 0; i < n_items; i++)
        if (!add_media (import, page, array_object (items, i), variant, error))
          return FALSE;
      report_block (import, page, rise_kind, OUTCOME_MAPPED, NULL);
    }
  else if (strcmp (type, "multimedia") == 0)
    {
      /* Embeds and attachments become links. */
      add_separator (page->text);
      for (guint i = 0; i < n_items; i++)
        {
          JsonObject *item = array_object (items, i);
          JsonObject *embed = member_object (item, "embed");
          JsonObject *attachment = member_object (member_object (item, "media"), "attachment");
          const char *url = member_string (embed, "url");
          g_autofree char *label = html_to_plain (member_string (item, "title"));
          g_autofree char *escaped = NULL;

          if (url == NULL)
            url = member_string (item, "src");
          if (attachment != NULL)
            url = import_media_object (import, attachment, page, error);
          if (error != NULL && *error != NULL)
            return FALSE;
          if (*label == '\0')
            {
              g_free (label);
              label = html_to_plain (member_string (item, "caption"));
            }
          if (*label == '\0')
            {
              g_free (label);
              label = g_strdup (url != NULL ? url : "");
            }
          escaped = helder_html_to_commonmark (label, -1, NULL);
          g_strstrip (escaped);
          if (url != NULL && (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://")
                              || g_str_has_prefix (url, "media/")))
            g_string_append_printf (page->text, "- [%s](<%s>)\n", escaped, url);
          else if (*escaped != '\0')
            g_string_append_printf (page->text, "- %s\n", escaped);
        }
      report_block (import, page, rise_kind, OUTCOME_CHANGED, _("as a link"));
    }
  else if (strcmp (type, "quote") == 0)
    {
      for (guint i = 0; i < n_items; i++)
        {
          JsonObject *item = array_object (items, i);
          g_autofree char *body = html_to_markdown (import, member_string (item, "paragraph"));
          g_autofree char *name = html_to_plain (member_string (item, "name"));

          add_separator (page->text);
          add_quoted (page->text, body);
          if (*name != '\0')
            g_string_append_printf (page->text, ">\n> — %s\n", name);
          if (member_object (item, "avatar") != NULL || member_object (item, "background") != NULL)
            pictures++;
        }
      /* A quote's portrait and backdrop are decoration in Rise. */
      report_block (import, page, rise_kind, pictures > 0 ? OUTCOME_CHANGED : OUTCOME_MAPPED,
                    pictures > 0 ? _("the quote's portrait and background picture are left out")
                                 : NULL);
    }
  else if (strcmp (type, "interactive") == 0 && g_strcmp0 (family, "flashcard") == 0)
    {
      add_separator (page->text);
      g_string_append (page->text, "```flashcards\n");
      for (guint i = 0; i < n_items; i++)
        {
          JsonObject *item = array_object (items, i);
          g_autofree char *front =
            html_to_plain (member_string (member_object (item, "front"), "description"));
          g_autofree char *back =
            html_to_plain (member_string (member_object (item, "back"), "description"));

          add_field (page->text, "- ", "front", front);
          add_field (page->text, "  ", "back", back);
        }
      g_string_append (page->text, "```\n");
      if (!add_item_images (import, page, items, &pictures, error))
        return FALSE;
      report_block (import, page, rise_kind, pictures > 0 ? OUTCOME_CHANGED : OUTCOME_MAPPED,
                    pictures > 0 ? _("the pictures on the cards follow the cards") : NULL);
    }
  else if (strcmp (type, "interactive") == 0
           && (g_strcmp0 (variant, "accordion") == 0 || g_strcmp0 (variant, "tabs") == 0))
    {
      add_titled_items (page, variant, items, "title", "description", NULL);
      if (!add_item_images (import, page, items, &pictures, error))
        return FALSE;
      report_block (import, page, rise_kind, pictures > 0 ? OUTCOME_CHANGED : OUTCOME_MAPPED,
                    pictures > 0 ? _("the pictures in the panels follow the panels") : NULL);
    }
  else if (strcmp (type, "interactive") == 0
           && (g_strcmp0 (variant, "process") == 0 || g_strcmp0 (variant, "timeline") == 0))
    {
      add_titled_items (page, "steps", items, "title", "description",
                        g_strcmp0 (variant, "timeline") == 0 ? "date" : NULL);
      report_block (import, page, rise_kind, OUTCOME_CHANGED, _("as steps"));
    }
  else if (strcmp (type, "interactive") == 0 && g_strcmp0 (variant, "labeledgraphic") == 0)
    {
      if (!add_image (import, page, block, "caption", error))
        return FALSE;
      add_titled_items (page, "steps", items, "title", "description", NULL);
      report_block (import, page, rise_kind, OUTCOME_CHANGED,
                    _("the picture, then its labels as steps"));
    }
  else if (strcmp (type, "interactive") == 0 && g_strcmp0 (family, "buttons") == 0)
    {
      add_separator (page->text);
      for (guint i = 0; i < n_items; i++)
        {
          JsonObject *item = array_object (items, i);
          g_autofree char *label = html_to_plain (member_string (item, "buttonText"));
          g_autofree char *text = html_to_plain (member_string (item, "title"));
          const char *url = member_string (item, "destination");
          g_autofree char *escaped = NULL;

          if (url == NULL)
            url = member_string (item, "url");
          escaped = helder_html_to_commonmark (*label != '\0' ? label : text, -1, NULL);
          g_strstrip (escaped);
          if (url != NULL && (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://")))
            g_string_append_printf (page->text, "- [%s](<%s>)\n", escaped, url);
          else
            g_string_append_printf (page->text, "- %s\n", escaped);
        }
      report_block (import, page, rise_kind, OUTCOME_CHANGED, _("as a link"));
    }
  else if (strcmp (type, "knowledgeCheck") == 0)
    {
      for (guint i = 0; i < n_items; i++)
        add_question (import, page, array_object (items, i), FALSE, rise_kind);
    }
  else if (strcmp (type, "divider") == 0 && g_strcmp0 (family, "continue") == 0)
    {
      g_autofree char *label = html_to_plain (member_string (array_object (items, 0), "title"));

      add_separator (page->text);
      g_string_append (page->text, "```continue\n");
      /* Rise's own default label is English; Helder's default is Dutch. */
      if (*label != '\0' && g_ascii_strcasecmp (label, "continue") != 0)
        add_field (page->text, "", "label", label);
      g_string_append (page->text, "```\n");
      report_block (import, page, rise_kind, OUTCOME_MAPPED, NULL);
    }
  else if (strcmp (type, "divider") == 0)
    {
      add_separator (page->text);
      g_string_append (page->text, "---\n");
      report_block (import, page, rise_kind, OUTCOME_MAPPED, NULL);
    }
  else
    {
      add_not_imported (import, page, node, NULL, rise_kind,
                        _("Helder has no block like it; its text is kept as a note"));
    }

  return TRUE;
}

/* --- the course ----------------------------------------------------------- */

/* A file or folder name from a title: lower-case ASCII letters, digits
 * and '-', starting with a letter, at most 40 characters.
 */
static char *
slug (const char *title,
      const char *fallback)
{
  g_autofree char *lower = g_utf8_strdown (title != NULL ? title : "", -1);
  g_autofree char *ascii = g_str_to_ascii (lower, "C");
  GString *slug = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0' && slug->len < 40; p++)
    {
      if (g_ascii_isalnum (*p) && (slug->len > 0 || g_ascii_isalpha (*p)))
        g_string_append_c (slug, *p);
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0)
    g_string_append (slug, fallback);
  return g_string_free (slug, FALSE);
}

static Module *
module_new (Import     *import,
            const char *title)
{
  Module *module = g_new0 (Module, 1);
  g_autofree char *name = slug (title, "module");

  module->title = g_strdup (title);
  module->folder = g_strdup_printf ("%02u-%s", import->modules->len + 1, name);
  module->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) page_free);
  g_ptr_array_add (import->modules, module);
  return module;
}

static gboolean
add_lesson (Import     *import,
            Module     *module,
            JsonObject *lesson,
            GError    **error)
{
  const char *type = member_string (lesson, "type");
  JsonArray *items = member_array (lesson, "items");
  g_autofree char *title = html_to_plain (member_string (lesson, "title"));
  g_autofree char *name = NULL;
  Page *page = g_new0 (Page, 1);

  if (*title == '\0')
    {
      g_free (title);
      title = g_strdup_printf (_("Lesson %u"), module->pages->len + 1);
    }
  name = slug (title, "pagina");
  page->file = g_strdup_printf ("%02u-%s.md", module->pages->len + 1, name);
  page->title = g_strdup (title);
  page->text = g_string_new (NULL);
  page->report = g_string_new (NULL);
  g_ptr_array_add (module->pages, page);
  add_heading (page, 1, title);

  if (g_strcmp0 (type, "quiz") == 0)
    {
      JsonObject *settings = member_object (lesson, "settings");

      if (settings != NULL && json_object_has_member (settings, "passingScore"))
        {
          gint64 score = json_object_get_int_member (settings, "passingScore");

          if (score >= 0 && score <= 100)
            import->pass_mark = MAX (import->pass_mark, (int) score);
        }
      for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
        {
          JsonObject *question = array_object (items, i);
          const char *question_type = member_string (question, "type");
          g_autofree char *kind = g_strdup_printf ("quiz / %s",
                                                   question_type != NULL ? question_type : "?");

          if (question != NULL)
            add_question (import, page, question, TRUE, kind);
        }
    }
  else
    {
      for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
        {
          if (g_cancellable_set_error_if_cancelled (import->cancellable, error)
              || !add_block (import, page, json_array_get_element (items, i), error))
            return FALSE;
        }
    }
  import->summary->pages++;
  return TRUE;
}

/* The base64 course data in one of the three places Rise has kept it. */
static char *
find_course_data (Import  *import,
                  GError **error)
{
  static const char * const roots[] = { "scormcontent/", "", NULL };
  g_autoptr(GRegex) jsonp = g_regex_new ("__resolveJsonp\\(\\s*\"course:[^\"]*\"\\s*,\\s*\"([A-Za-z0-9+/=]+)\"",
                                         0, 0, NULL);
  g_autoptr(GRegex) inline_data =
    g_regex_new ("(?:window\\.courseData|var\\s+data)\\s*=\\s*[\"']([A-Za-z0-9+/=]+)[\"']",
                 0, 0, NULL);

  for (guint r = 0; roots[r] != NULL; r++)
    {
      const char *places[] = { "locales/und.js", "index.html" };

      for (guint p = 0; p < G_N_ELEMENTS (places); p++)
        {
          g_autofree char *name = g_strconcat (roots[r], places[p], NULL);
          g_autoptr(GBytes) bytes = NULL;
          g_autoptr(GMatchInfo) match = NULL;
          g_autofree char *text = NULL;
          gsize length;
          const char *data;

          if (!helder_archive_contains (import->archive, name))
            continue;
          bytes = helder_archive_read (import->archive, name, MAX_DATA_SIZE, error);
          if (bytes == NULL)
            return NULL;
          data = g_bytes_get_data (bytes, &length);
          text = g_strndup (data, length);
          if (g_regex_match (p == 0 ? jsonp : inline_data, text, 0, &match))
            {
              import->root = g_strdup (roots[r]);
              return g_match_info_fetch (match, 1);
            }
        }
    }

  g_set_error (error, HELDER_IMPORT_ERROR, HELDER_IMPORT_ERROR_NOT_RISE,
               _("“%s” is not an export of Articulate Rise 360: it holds no Rise course. "
                 "In Rise, choose Export and import the ZIP file it gives you."),
               helder_archive_get_path (import->archive));
  return NULL;
}

static gboolean
read_course (Import  *import,
             GError **error)
{
  g_autofree char *base64 = find_course_data (import, error);
  g_autofree guchar *decoded = NULL;
  g_autoptr(GError) parse_error = NULL;
  gsize length = 0;
  gsize deep_at = 0;
  JsonNode *root;
  JsonObject *object;

  if (base64 == NULL)
    return FALSE;

  decoded = g_base64_decode (base64, &length);
  /* json-glib's parser recurses once per level: nothing deeper than any
   * course reaches it.
   */
  if (length == 0 || !g_utf8_validate ((const char *) decoded, length, NULL)
      || helder_json_find_too_deep ((const char *) decoded, length, &deep_at))
    {
      g_set_error (error, HELDER_IMPORT_ERROR, HELDER_IMPORT_ERROR_BAD_DATA,
                   _("The course data in “%s” is damaged, so it cannot be imported. Export "
                     "the course from Rise again."),
                   helder_archive_get_path (import->archive));
      return FALSE;
    }

  import->parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (import->parser, (const char *) decoded, length, &parse_error))
    {
      g_set_error (error, HELDER_IMPORT_ERROR, HELDER_IMPORT_ERROR_BAD_DATA,
                   _("The course data in “%s” is damaged (%s), so it cannot be imported. "
                     "Export the course from Rise again."),
                   helder_archive_get_path (import->archive), parse_error->message);
      return FALSE;
    }

  root = json_parser_get_root (import->parser);
  object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  /* The oldest exports hold the course itself; later ones wrap it. */
  if (member_object (object, "course") != NULL)
    object = member_object (object, "course");
  if (member_array (object, "lessons") == NULL)
    {
      g_set_error (error, HELDER_IMPORT_ERROR, HELDER_IMPORT_ERROR_BAD_DATA,
                   _("The course data in “%s” has no lessons, so there is nothing to "
                     "import. Export the course from Rise again."),
                   helder_archive_get_path (import->archive));
      return FALSE;
    }
  import->course = object;
  return TRUE;
}

static gboolean
write_file (const char  *folder,
            const char  *name,
            const char  *text,
            GError     **error)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);

  return g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

static char *
course_json (Import *import)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *title = html_to_plain (member_string (import->course, "title"));
  g_autofree char *description = html_to_plain (member_string (import->course, "description"));
  g_autofree char *id = slug (title, "cursus");
  const char *colour = member_string (import->course, "color");
  g_autoptr(GRegex) hex = g_regex_new ("^#[0-9A-Fa-f]{6}$", 0, 0, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, *title != '\0' ? title : _("Imported course"));
  if (*description != '\0')
    {
      json_builder_set_member_name (builder, "description");
      json_builder_add_string_value (builder, description);
    }
  /* Rise does not say which language a course is in; the team's courses
   * are Dutch, and the language can be changed in Course Settings.
   */
  json_builder_set_member_name (builder, "language");
  json_builder_add_string_value (builder, "nl");
  if (colour != NULL && g_regex_match (hex, colour, 0, NULL))
    {
      g_autofree char *lower = g_ascii_strdown (colour, -1);

      json_builder_set_member_name (builder, "theme");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "accent");
      json_builder_add_string_value (builder, lower);
      json_builder_end_object (builder);
    }
  if (import->pass_mark >= 0)
    {
      json_builder_set_member_name (builder, "tracking");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "pass_mark");
      json_builder_add_int_value (builder, import->pass_mark);
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "modules");
  json_builder_begin_array (builder);
  for (guint i = 0; i < import->modules->len; i++)
    json_builder_add_string_value (builder, ((Module *) g_ptr_array_index (import->modules, i))->folder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return helder_json_to_text (root);
}

static char *
module_json (Module *module)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, module->title);
  json_builder_set_member_name (builder, "pages");
  json_builder_begin_array (builder);
  for (guint i = 0; i < module->pages->len; i++)
    json_builder_add_string_value (builder, ((Page *) g_ptr_array_index (module->pages, i))->file);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return helder_json_to_text (root);
}

static char *
import_report (Import     *import,
               const char *package)
{
  GString *report = g_string_new (NULL);
  g_autofree char *base = g_path_get_basename (package);
  HelderImportSummary *summary = import->summary;

  g_string_append_printf (report, "# %s\n\n", _("Import from Rise"));
  g_string_append_printf (report, _("Imported from “%s”: %u modules, %u pages, %u blocks, %u "
                                    "media files."),
                          base, summary->modules, summary->pages, summary->blocks,
                          summary->media);
  g_string_append (report, "\n\n");
  g_string_append_printf (report, _("%u blocks were brought over in a nearby form and %u "
                                    "could not be imported; those are kept as notes with "
                                    "their text, marked “Not imported”. Helder lists each of "
                                    "them among the findings until it is rebuilt."),
                          summary->changed, summary->not_imported);
  g_string_append (report, "\n\n");
  g_string_append (report, _("Rise keeps no transcripts and often no alt text: the checks "
                             "show each picture, video and sound that still needs them."));
  g_string_append (report, "\n");

  for (guint m = 0; m < import->modules->len; m++)
    {
      Module *module = g_ptr_array_index (import->modules, m);

      g_string_append_printf (report, "\n## %s (%s)\n", module->title, module->folder);
      for (guint p = 0; p < module->pages->len; p++)
        {
          Page *page = g_ptr_array_index (module->pages, p);

          g_string_append_printf (report, "\n### %s (%s)\n\n", page->title, page->file);
          if (page->report->len == 0)
            g_string_append_printf (report, "%s\n", _("No blocks."));
          else
            g_string_append (report, page->report->str);
        }
    }
  return g_string_free (report, FALSE);
}

static gboolean
write_course (Import     *import,
              const char *package,
              GError    **error)
{
  g_autofree char *course = course_json (import);
  g_autofree char *report = NULL;

  if (!write_file (import->staging, "course.json", course, error))
    return FALSE;
  for (guint m = 0; m < import->modules->len; m++)
    {
      Module *module = g_ptr_array_index (import->modules, m);
      g_autofree char *folder = g_build_filename (import->staging, module->folder, NULL);
      g_autofree char *json = module_json (module);

      if (g_mkdir (folder, 0755) != 0)
        {
          int saved = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("Cannot create the folder “%s”: %s"), folder, g_strerror (saved));
          return FALSE;
        }
      if (!write_file (folder, "module.json", json, error))
        return FALSE;
      for (guint p = 0; p < module->pages->len; p++)
        {
          Page *page = g_ptr_array_index (module->pages, p);

          if (!write_file (folder, page->file, page->text->str, error))
            return FALSE;
        }
    }
  report = import_report (import, package);
  return write_file (import->staging, "import-report.md", report, error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *child;

  while (dir != NULL && (child = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *inner = g_build_filename (path, child, NULL);

      if (g_file_test (inner, G_FILE_TEST_IS_DIR) && !g_file_test (inner, G_FILE_TEST_IS_SYMLINK))
        remove_tree (inner);
      else
        g_unlink (inner);
    }
  g_rmdir (path);
}

static gboolean
prepare_staging (Import      *import,
                 const char  *destination,
                 GError     **error)
{
  g_autofree char *parent = g_path_get_dirname (destination);
  g_autofree char *base = g_path_get_basename (destination);
  g_autofree char *template = g_strdup_printf (".%s.import-XXXXXX", base);
  g_autofree char *media = NULL;

  if (g_file_test (destination, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GDir) dir = g_dir_open (destination, 0, NULL);

      if (dir == NULL || g_dir_read_name (dir) != NULL
          || g_file_test (destination, G_FILE_TEST_IS_SYMLINK))
        {
          g_set_error (error, HELDER_IMPORT_ERROR, HELDER_IMPORT_ERROR_DESTINATION,
                       _("“%s” already exists. Choose a new folder name for the imported "
                         "course."),
                       destination);
          return FALSE;
        }
    }
  if (!g_file_test (parent, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, HELDER_IMPORT_ERROR, HELDER_IMPORT_ERROR_DESTINATION,
                   _("The folder “%s” does not exist. Choose a place for the imported course "
                     "in an existing folder."),
                   parent);
      return FALSE;
    }

  import->staging = g_build_filename (parent, template, NULL);
  if (g_mkdtemp_full (import->staging, 0755) == NULL)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot create the imported course in “%s”: %s"), parent,
                   g_strerror (saved));
      g_clear_pointer (&import->staging, g_free);
      return FALSE;
    }
  media = g_build_filename (import->staging, "media", NULL);
  g_mkdir (media, 0755);
  return TRUE;
}

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->archive, helder_archive_free);
  g_clear_object (&import->parser);
  g_clear_pointer (&import->root, g_free);
  g_clear_pointer (&import->modules, g_ptr_array_unref);
  g_clear_pointer (&import->media, g_hash_table_unref);
  g_clear_pointer (&import->media_names, g_hash_table_unref);
  g_clear_pointer (&import->summary, helder_import_summary_free);
  if (import->notes != NULL)
    g_string_free (g_steal_pointer (&import->notes), TRUE);
  g_clear_pointer (&import->dropped, g_ptr_array_unref);
  if (import->staging != NULL)
    remove_tree (import->staging);
  g_clear_pointer (&import->staging, g_free);
}

/**
 * helder_rise_import:
 * @package: a Rise export: its ZIP file or the folder it was unpacked into
 * @destination: the new course folder; it must not exist, or be empty
 *
 * Imports the Rise course in @package as a new Helder course at
 * @destination. Nothing is left behind when it fails.
 *
 * Returns: (transfer full) (nullable): what was imported, or NULL with
 *   @error set (a #HelderImportError, #HelderArchiveError or #GFileError)
 */
HelderImportSummary *
helder_rise_import (const char    *package,
                    const char    *destination,
                    GCancellable  *cancellable,
                    GError       **error)
{
  Import import = { 0 };
  JsonArray *lessons;
  Module *module = NULL;
  gboolean ok = TRUE;
  HelderImportSummary *summary;

  g_return_val_if_fail (package != NULL, NULL);
  g_return_val_if_fail (destination != NULL, NULL);

  import.cancellable = cancellable;
  import.pass_mark = -1;
  import.modules = g_ptr_array_new_with_free_func ((GDestroyNotify) module_free);
  import.media = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import.media_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.summary = g_new0 (HelderImportSummary, 1);
  import.notes = g_string_new (NULL);
  import.dropped = g_ptr_array_new_with_free_func (g_free);

  import.archive = helder_archive_open (package, NULL, error);
  if (import.archive == NULL || !read_course (&import, error)
      || !prepare_staging (&import, destination, error))
    {
      import_clear (&import);
      return NULL;
    }

  lessons = member_array (import.course, "lessons");
  for (guint i = 0; ok && i < json_array_get_length (lessons); i++)
    {
      JsonObject *lesson = array_object (lessons, i);
      const char *type = member_string (lesson, "type");
      g_autofree char *title = html_to_plain (member_string (lesson, "title"));

      if (lesson == NULL)
        continue;
      if (g_strcmp0 (type, "section") == 0)
        {
          module = module_new (&import, *title != '\0' ? title : _("Module"));
          continue;
        }
      if (module == NULL)
        {
          g_autofree char *course_title = html_to_plain (member_string (import.course, "title"));

          module = module_new (&import, *course_title != '\0' ? course_title : _("Module"));
        }
      ok = add_lesson (&import, module, lesson, error);
    }

  /* A section with no lessons after it has nothing to show. */
  for (guint m = import.modules->len; ok && m > 0; m--)
    if (((Module *) g_ptr_array_index (import.modules, m - 1))->pages->len == 0)
      g_ptr_array_remove_index (import.modules, m - 1);
  if (ok && import.modules->len == 0)
    {
      g_set_error (error, HELDER_IMPORT_ERROR, HELDER_IMPORT_ERROR_BAD_DATA,
                   _("The Rise course in “%s” has no lessons with content, so there is "
                     "nothing to import."),
                   package);
      ok = FALSE;
    }

  if (ok)
    {
      g_autofree char *title = html_to_plain (member_string (import.course, "title"));

      import.summary->modules = import.modules->len;
      import.summary->title = g_strdup (*title != '\0' ? title : _("Imported course"));
      ok = write_course (&import, package, error);
    }
  if (ok && g_file_test (destination, G_FILE_TEST_IS_DIR))
    g_rmdir (destination);
  if (ok && g_rename (import.staging, destination) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot move the imported course into “%s”: %s"), destination,
                   g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    {
      import_clear (&import);
      return NULL;
    }

  g_clear_pointer (&import.staging, g_free);
  summary = g_steal_pointer (&import.summary);
  import_clear (&import);
  return summary;
}

typedef struct
{
  char *package;
  char *destination;
} ImportTask;

static void
import_task_free (ImportTask *data)
{
  g_free (data->package);
  g_free (data->destination);
  g_free (data);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportTask *data = task_data;
  GError *error = NULL;
  HelderImportSummary *summary;

  summary = helder_rise_import (data->package, data->destination, cancellable, &error);
  if (summary == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, summary, (GDestroyNotify) helder_import_summary_free);
}

/**
 * helder_rise_import_async:
 *
 * Runs helder_rise_import() in a thread; @callback runs in the calling
 * thread's main context.
 */
void
helder_rise_import_async (const char          *package,
                          const char          *destination,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportTask *data;

  g_return_if_fail (package != NULL);
  g_return_if_fail (destination != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, helder_rise_import_async);
  data = g_new0 (ImportTask, 1);
  data->package = g_strdup (package);
  data->destination = g_strdup (destination);
  g_task_set_task_data (task, data, (GDestroyNotify) import_task_free);
  g_task_run_in_thread (task, import_thread);
}

/* Returns: (transfer full) (nullable): what was imported */
HelderImportSummary *
helder_rise_import_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
