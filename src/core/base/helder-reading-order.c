/* helder-reading-order.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-reading-order"

#include "config.h"

#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "helder-reading-order.h"

typedef struct {
  GPtrArray         *items;
  GString           *line;
  HelderReadingKind  kind;   /* of the line being collected */
  guint              level;
  GHashTable        *choices; /* ids of radio buttons and check boxes */
} Walker;

/* Elements that start and end a line of their own. */
static const char *const block_elements[] = {
  "address", "article", "aside", "blockquote", "body", "dd", "details", "div", "dl", "dt",
  "fieldset", "figcaption", "figure", "footer", "form", "header", "hr", "legend", "main",
  "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul",
};

/* Elements nothing is read of. */
static const char *const silent_elements[] = {
  "head", "iframe", "noscript", "object", "script", "select", "style", "svg", "template",
  "textarea",
};

void
helder_reading_item_free (HelderReadingItem *item)
{
  if (item == NULL)
    return;
  g_free (item->text);
  g_free (item);
}

static gboolean
name_in (const xmlChar     *name,
         const char *const *names,
         gsize              n_names)
{
  for (gsize i = 0; i < n_names; i++)
    if (g_ascii_strcasecmp ((const char *) name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

static char *
dup_attribute (xmlNode    *node,
               const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

static gboolean
attribute_is (xmlNode    *node,
              const char *name,
              const char *value)
{
  g_autofree char *actual = dup_attribute (node, name);

  return actual != NULL && g_ascii_strcasecmp (g_strstrip (actual), value) == 0;
}

static void
add_item (Walker            *walker,
          HelderReadingKind  kind,
          guint              level,
          const char        *text)
{
  HelderReadingItem *item = g_new0 (HelderReadingItem, 1);

  item->kind = kind;
  item->level = level;
  item->text = g_strdup (text);
  g_ptr_array_add (walker->items, item);
}

/* Appends text as a browser lays it out: every run of white space one space. */
static void
append_text (Walker     *walker,
             const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (walker->line->len > 0 && walker->line->str[walker->line->len - 1] != ' ')
            g_string_append_c (walker->line, ' ');
        }
      else
        g_string_append_c (walker->line, *p);
    }
}

/* Ends the line being collected; the next one is plain text. */
static void
flush (Walker *walker)
{
  g_strstrip (walker->line->str);
  walker->line->len = strlen (walker->line->str);
  if (walker->line->len > 0)
    add_item (walker, walker->kind, walker->level, walker->line->str);
  g_string_truncate (walker->line, 0);
  walker->kind = HELDER_READING_TEXT;
  walker->level = 0;
}

static void walk_children (Walker  *walker,
                           xmlNode *node);

/* Collects @node's content as one line of @kind. */
static void
walk_as_line (Walker            *walker,
              xmlNode           *node,
              HelderReadingKind  kind,
              guint              level)
{
  flush (walker);
  walker->kind = kind;
  walker->level = level;
  walk_children (walker, node);
  flush (walker);
}

static void
walk_media (Walker            *walker,
            xmlNode           *node,
            HelderReadingKind  kind)
{
  g_autofree char *name = dup_attribute (node, "aria-label");

  if (name == NULL)
    name = dup_attribute (node, "title");
  flush (walker);
  add_item (walker, kind, 0, name != NULL ? g_strstrip (name) : "");
}

static void
walk_element (Walker  *walker,
              xmlNode *node)
{
  const xmlChar *name = node->name;

  if (name_in (name, silent_elements, G_N_ELEMENTS (silent_elements)) ||
      xmlHasProp (node, (const xmlChar *) "hidden") != NULL ||
      attribute_is (node, "aria-hidden", "true"))
    return;

  if (strlen ((const char *) name) == 2 && g_ascii_tolower (name[0]) == 'h' &&
      name[1] >= '1' && name[1] <= '6')
    walk_as_line (walker, node, HELDER_READING_HEADING, name[1] - '0');
  else if (g_ascii_strcasecmp ((const char *) name, "li") == 0)
    walk_as_line (walker, node, HELDER_READING_LIST_ITEM, 0);
  else if (g_ascii_strcasecmp ((const char *) name, "button") == 0)
    walk_as_line (walker, node, HELDER_READING_BUTTON, 0);
  else if (g_ascii_strcasecmp ((const char *) name, "img") == 0)
    {
      g_autofree char *alt = dup_attribute (node, "alt");

      /* alt="" marks a decorative image, which is not read. */
      if (alt == NULL || *g_strstrip (alt) != '\0')
        {
          flush (walker);
          add_item (walker, HELDER_READING_IMAGE, 0, alt != NULL ? alt : "");
        }
    }
  else if (g_ascii_strcasecmp ((const char *) name, "video") == 0)
    walk_media (walker, node, HELDER_READING_VIDEO);
  else if (g_ascii_strcasecmp ((const char *) name, "audio") == 0)
    walk_media (walker, node, HELDER_READING_AUDIO);
  else if (g_ascii_strcasecmp ((const char *) name, "input") == 0)
    {
      g_autofree char *id = dup_attribute (node, "id");

      /* Read once, with its label. */
      if (id != NULL && (attribute_is (node, "type", "radio") || attribute_is (node, "type", "checkbox")))
        g_hash_table_add (walker->choices, g_steal_pointer (&id));
    }
  else if (g_ascii_strcasecmp ((const char *) name, "label") == 0)
    {
      g_autofree char *target = dup_attribute (node, "for");

      if (target != NULL && g_hash_table_contains (walker->choices, target))
        walk_as_line (walker, node, HELDER_READING_CHOICE, 0);
      else
        walk_children (walker, node);
    }
  else if (g_ascii_strcasecmp ((const char *) name, "br") == 0)
    {
      HelderReadingKind kind = walker->kind;
      guint level = walker->level;

      flush (walker);
      walker->kind = kind;
      walker->level = level;
    }
  else if (name_in (name, block_elements, G_N_ELEMENTS (block_elements)))
    {
      flush (walker);
      walk_children (walker, node);
      flush (walker);
    }
  else
    walk_children (walker, node);
}

static void
walk_children (Walker  *walker,
               xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        append_text (walker, (const char *) child->content);
      else if (child->type == XML_ELEMENT_NODE)
        walk_element (walker, child);
    }
}

GPtrArray *
helder_reading_order_from_html (const char *html,
                                gssize      length)
{
  Walker walker = { 0 };
  htmlDocPtr doc;

  g_return_val_if_fail (html != NULL, NULL);

  if (length < 0)
    length = strlen (html);

  walker.items = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_reading_item_free);
  walker.line = g_string_new (NULL);
  walker.choices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  doc = htmlReadMemory (html, (int) MIN (length, G_MAXINT), NULL, "UTF-8",
                        HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                        HTML_PARSE_NOWARNING | HTML_PARSE_NOIMPLIED);
  if (doc != NULL)
    {
      for (xmlNode *node = doc->children; node != NULL; node = node->next)
        if (node->type == XML_ELEMENT_NODE)
          walk_element (&walker, node);
        else if (node->type == XML_TEXT_NODE)
          append_text (&walker, (const char *) node->content);
      flush (&walker);
      xmlFreeDoc (doc);
    }

  g_string_free (walker.line, TRUE);
  g_hash_table_unref (walker.choices);
  return walker.items;
}
