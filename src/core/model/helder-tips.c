/* helder-tips.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-tips"

#include "config.h"

#include <string.h>

#include <cmark.h>
#include <glib/gi18n-lib.h>

#include "helder-block-edit.h"
#include "helder-cmark.h"
#include "helder-diagnostic.h"
#include "helder-line-map.h"
#include "helder-tips.h"

void
helder_tip_free (HelderTip *tip)
{
  if (tip == NULL)
    return;
  g_free (tip->title);
  g_free (tip->text);
  g_free (tip->page);
  g_free (tip);
}

/* The visible text of a node, as a reader would say it. */
static void
node_text (cmark_node *node,
           GString    *text)
{
  for (cmark_node *child = cmark_node_first_child (node); child != NULL;
       child = cmark_node_next (child))
    {
      switch (cmark_node_get_type (child))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
        case CMARK_NODE_HTML_INLINE:
          g_string_append (text, cmark_node_get_literal (child));
          break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (text, ' ');
          break;
        case CMARK_NODE_ITEM:
          if (text->len > 0 && text->str[text->len - 1] != '\n')
            g_string_append_c (text, '\n');
          node_text (child, text);
          break;
        case CMARK_NODE_NONE:
        case CMARK_NODE_DOCUMENT:
        case CMARK_NODE_BLOCK_QUOTE:
        case CMARK_NODE_LIST:
        case CMARK_NODE_CODE_BLOCK:
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_CUSTOM_BLOCK:
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HEADING:
        case CMARK_NODE_THEMATIC_BREAK:
        case CMARK_NODE_CUSTOM_INLINE:
        case CMARK_NODE_EMPH:
        case CMARK_NODE_STRONG:
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
        default:
          node_text (child, text);
          break;
        }
    }
}

/* A paragraph that is only a link to a course page: its URL, or NULL. */
static const char *
page_link (cmark_node *paragraph)
{
  cmark_node *link = NULL;

  for (cmark_node *child = cmark_node_first_child (paragraph); child != NULL;
       child = cmark_node_next (child))
    {
      cmark_node_type type = cmark_node_get_type (child);

      if (type == CMARK_NODE_LINK && link == NULL)
        link = child;
      else if (type == CMARK_NODE_TEXT)
        {
          const char *literal = cmark_node_get_literal (child);

          for (const char *p = literal; *p != '\0'; p++)
            if (!g_ascii_isspace (*p))
              return NULL;
        }
      else
        return NULL;
    }
  if (link == NULL)
    return NULL;
  return g_str_has_suffix (cmark_node_get_url (link), ".md") ? cmark_node_get_url (link) : NULL;
}

static void
report (GPtrArray           *diagnostics,
        const HelderLineMap *lines,
        gsize                start,
        gsize                end,
        HelderSeverity       severity,
        const char          *rule,
        const char          *message)
{
  guint line, column;

  if (diagnostics == NULL)
    return;
  helder_line_map_locate (lines, start, &line, &column);
  g_ptr_array_add (diagnostics, helder_diagnostic_new (HELDER_TIPS_FILE, start, end, line, column,
                                                       severity, rule, message));
}

static void
finish_tip (HelderCourse        *course,
            HelderTip           *tip,
            GString             *text,
            const HelderLineMap *lines,
            gsize                heading_end,
            GPtrArray           *diagnostics)
{
  tip->text = g_strdup (g_strstrip (text->str));
  tip->words = helder_count_words (tip->text, strlen (tip->text));
  g_string_truncate (text, 0);

  if (tip->words == 0)
    report (diagnostics, lines, tip->range.start, heading_end, HELDER_SEVERITY_ERROR, "tip-empty",
            _("this tip has a title but no text; write one to three short sentences under it"));
  else if (tip->words > HELDER_TIP_MAX_WORDS)
    {
      g_autofree char *message =
        g_strdup_printf (_("this tip has %u words; keep a tip to %u words, so it fits an e-mail "
                           "and a screen"),
                         tip->words, HELDER_TIP_MAX_WORDS);

      report (diagnostics, lines, tip->range.start, heading_end, HELDER_SEVERITY_WARNING,
              "tip-length", message);
    }
  if (tip->page != NULL && helder_course_find_page (course, tip->page) == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("the course has no page “%s”; link to a page as module/page.md"),
                         tip->page);

      report (diagnostics, lines, tip->range.start, heading_end, HELDER_SEVERITY_WARNING,
              "tip-page", message);
      g_clear_pointer (&tip->page, g_free);
    }
}

/**
 * helder_tips_parse:
 * @text: the text of tips.md
 * @diagnostics: (nullable): where problems are reported, located in tips.md
 *
 * Returns: (transfer container) (element-type HelderTip): the tips, in order
 */
GPtrArray *
helder_tips_parse (HelderCourse *course,
                   const char   *text,
                   gsize         length,
                   GPtrArray    *diagnostics)
{
  GPtrArray *tips = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_tip_free);
  g_autoptr(HelderLineMap) lines = helder_line_map_new (text, length);
  g_autoptr(GString) body = g_string_new (NULL);
  cmark_node *document;
  HelderTip *tip = NULL;
  gsize heading_end = 0;

  g_return_val_if_fail (HELDER_IS_COURSE (course), tips);
  g_return_val_if_fail (text != NULL, tips);

  document = cmark_parse_document (text, length, CMARK_OPT_DEFAULT);
  for (cmark_node *node = cmark_node_first_child (document); node != NULL;
       node = cmark_node_next (node))
    {
      gsize start = helder_line_map_line_start (lines, cmark_node_get_start_line (node));
      gsize end = helder_line_map_line_end (lines, helder_cmark_node_get_end_line (node));
      const char *url;

      if (cmark_node_get_type (node) == CMARK_NODE_HEADING
          && cmark_node_get_heading_level (node) == 2)
        {
          g_autoptr(GString) title = g_string_new (NULL);

          if (tip != NULL)
            {
              tip->range.end = start;
              finish_tip (course, tip, body, lines, heading_end, diagnostics);
            }
          node_text (node, title);
          tip = g_new0 (HelderTip, 1);
          tip->title = g_strdup (g_strstrip (title->str));
          tip->line = cmark_node_get_start_line (node);
          tip->range.start = start;
          heading_end = end;
          g_ptr_array_add (tips, tip);
          continue;
        }
      /* The file's own title (# Tips van de week) and anything before the
       * first tip belong to no tip.
       */
      if (tip == NULL)
        continue;
      if (cmark_node_get_type (node) == CMARK_NODE_PARAGRAPH && (url = page_link (node)) != NULL)
        {
          g_free (tip->page);
          tip->page = g_strdup (url);
          continue;
        }
      if (body->len > 0)
        g_string_append (body, "\n\n");
      node_text (node, body);
    }
  if (tip != NULL)
    {
      tip->range.end = length;
      finish_tip (course, tip, body, lines, heading_end, diagnostics);
    }
  cmark_node_free (document);
  return tips;
}

/* The body of a callout block: its lines without the "> " and the
 * "[!ACTION] title" line.
 */
static char *
callout_text (const char        *text,
              const HelderBlock *block)
{
  g_autofree char *markdown = helder_block_dup_callout_body (text, strlen (text), block);
  g_autoptr(GString) plain = g_string_new (NULL);
  cmark_node *document;

  document = cmark_parse_document (markdown, strlen (markdown), CMARK_OPT_DEFAULT);
  for (cmark_node *node = cmark_node_first_child (document); node != NULL;
       node = cmark_node_next (node))
    {
      if (plain->len > 0)
        g_string_append (plain, "\n\n");
      node_text (node, plain);
    }
  cmark_node_free (document);
  return g_strdup (g_strstrip (plain->str));
}

/**
 * helder_tips_draft:
 *
 * Drafts a tip from every "Wat kun jij doen?" callout (type ACTION) of
 * the course, titled after its page, for the team to edit.
 *
 * Returns: (transfer container) (element-type HelderTip): the drafts
 */
GPtrArray *
helder_tips_draft (HelderCourse *course)
{
  GPtrArray *tips = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_tip_free);
  HelderPageIter iter;

  g_return_val_if_fail (HELDER_IS_COURSE (course), tips);

  iter = helder_course_iter_pages (course);
  while (helder_page_iter_next (&iter))
    {
      const HelderPageContent *content = helder_page_get_content (iter.page);

      for (guint i = 0; i < content->blocks->len; i++)
        {
          const HelderBlock *block = g_ptr_array_index (content->blocks, i);
          HelderTip *tip;

          if (block->kind != HELDER_BLOCK_CALLOUT || g_strcmp0 (block->info, "ACTION") != 0)
            continue;
          tip = g_new0 (HelderTip, 1);
          tip->title = g_strdup (helder_page_get_title (iter.page) != NULL
                                 ? helder_page_get_title (iter.page)
                                 : helder_page_get_id (iter.page));
          tip->text = callout_text (helder_page_get_text (iter.page), block);
          tip->words = helder_count_words (tip->text, strlen (tip->text));
          tip->page = g_strdup (helder_page_get_file (iter.page));
          g_ptr_array_add (tips, tip);
        }
    }
  return tips;
}

/**
 * helder_tips_load:
 * @text: (out) (optional) (nullable): the text of tips.md, NULL for drafts
 * @diagnostics: (nullable): where tips.md's problems are reported
 *
 * Returns: (transfer container) (nullable): the course's tips from
 *   tips.md; without the file, drafts (helder_tips_draft()); NULL with
 *   @error set when tips.md cannot be read
 */
GPtrArray *
helder_tips_load (HelderCourse  *course,
                  char         **text,
                  GPtrArray     *diagnostics,
                  GError       **error)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;
  GPtrArray *tips;

  g_return_val_if_fail (HELDER_IS_COURSE (course), NULL);

  if (text != NULL)
    *text = NULL;
  path = g_build_filename (helder_course_get_path (course), HELDER_TIPS_FILE, NULL);
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return helder_tips_draft (course);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!g_utf8_validate (contents, length, NULL))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("%s is not valid UTF-8: save it as UTF-8"), HELDER_TIPS_FILE);
      return NULL;
    }
  tips = helder_tips_parse (course, contents, length, diagnostics);
  if (text != NULL)
    *text = g_steal_pointer (&contents);
  return tips;
}

/* tips.md's text for @tips, for a draft the team copies into the course. */
char *
helder_tips_to_markdown (GPtrArray  *tips,
                         const char *course_title)
{
  GString *markdown = g_string_new (NULL);

  g_return_val_if_fail (tips != NULL, NULL);

  g_string_append_printf (markdown, "# Tips: %s\n", course_title);
  for (guint i = 0; i < tips->len; i++)
    {
      HelderTip *tip = g_ptr_array_index (tips, i);

      g_string_append_printf (markdown, "\n## %s\n\n%s\n", tip->title, tip->text);
      if (tip->page != NULL)
        g_string_append_printf (markdown, "\n[%s](%s)\n", tip->title, tip->page);
    }
  return g_string_free (markdown, FALSE);
}
