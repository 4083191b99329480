/* helder-html-markdown.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-html-markdown"

#include "config.h"

#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "helder-html-markdown.h"

/* The output is built paragraph by paragraph: inline content collects,
 * escaped, in `para`; a block element flushes it with the prefixes of the
 * quotes and list items it sits in. Bold, italic and links are "lazy":
 * they are opened just before the first visible character they cover and
 * closed just after the last, so that no delimiter touches a space.
 */

typedef enum
{
  CONTAINER_QUOTE,
  CONTAINER_ITEM,
} ContainerKind;

typedef struct
{
  ContainerKind kind;
  guint         serial;
  char          marker[16]; /* "- " or "12. " for an item */
  gboolean      marker_written;
} Container;

typedef enum
{
  MARK_LINK,
  MARK_BOLD,
  MARK_ITALIC,
  N_MARKS
} MarkKind;

typedef struct
{
  GString   *out;
  GString   *para;
  GPtrArray *dropped;
  GArray    *containers;      /* of Container */
  GArray    *last_serials;    /* of guint: the containers of the last flush */
  guint      next_serial;

  /* What the current position wants, and what `para` has open. */
  guint      want[N_MARKS];   /* nesting depth of each mark */
  const char *want_url;
  MarkKind   open[N_MARKS];
  guint      n_open;
  char      *open_url;

  gboolean   space_pending;   /* a space, written before the next character */
  guint      flatten;         /* inside a table: blocks do not break */
  guint      pre;
  gboolean   item_start;      /* the next flush is an item's first line */
  gboolean   last_in_item;    /* the last flush was inside a list item */
  gboolean   wrote_any;

  /* Word writes lists as paragraphs with "mso-list: l0 level2" styles. */
  guint      word_levels;
  guint      word_counters[10];
  xmlNode   *word_parent;
} Ctx;

static void walk_children (Ctx *ctx, xmlNode *node);
static void walk_node     (Ctx *ctx, xmlNode *node);
static void flush         (Ctx *ctx, guint heading);

static void
report (Ctx        *ctx,
        const char *what)
{
  if (ctx->dropped == NULL)
    return;

  for (guint i = 0; i < ctx->dropped->len; i++)
    if (g_str_equal (g_ptr_array_index (ctx->dropped, i), what))
      return;

  g_ptr_array_add (ctx->dropped, g_strdup (what));
}

static gboolean
name_is (xmlNode    *node,
         const char *name)
{
  return node->name != NULL && g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static gboolean
name_in (xmlNode           *node,
         const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (name_is (node, names[i]))
      return TRUE;

  return FALSE;
}

/* The value of a CSS property in an element's style attribute, lower
 * case, or NULL.
 */
static char *
dup_style (xmlNode    *node,
           const char *property)
{
  g_autofree char *style = (char *) xmlGetProp (node, (const xmlChar *) "style");
  g_auto(GStrv) declarations = NULL;

  if (style == NULL)
    return NULL;

  declarations = g_strsplit (style, ";", -1);
  for (guint i = 0; declarations[i] != NULL; i++)
    {
      char *colon = strchr (declarations[i], ':');

      if (colon == NULL)
        continue;

      *colon = '\0';
      if (g_ascii_strcasecmp (g_strstrip (declarations[i]), property) == 0)
        return g_ascii_strdown (g_strstrip (colon + 1), -1);
    }

  return NULL;
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Marks: closing writes the delimiter; a link's closing writes its URL. */

static void
write_close (Ctx      *ctx,
             MarkKind  mark)
{
  switch (mark)
    {
    case MARK_LINK:
      g_string_append_printf (ctx->para, "](%s)", ctx->open_url);
      g_clear_pointer (&ctx->open_url, g_free);
      break;
    case MARK_BOLD:
      g_string_append (ctx->para, "**");
      break;
    case MARK_ITALIC:
      g_string_append (ctx->para, "*");
      break;
    case N_MARKS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
mark_wanted (Ctx      *ctx,
             MarkKind  mark)
{
  if (ctx->want[mark] == 0)
    return FALSE;

  return mark != MARK_LINK || g_strcmp0 (ctx->want_url, ctx->open_url) == 0;
}

/* Before a visible character the open marks are brought in line with
 * the wanted ones: every open mark from the lowest one no longer wanted
 * closes, innermost first, before the pending space; the wanted ones
 * open, a link outermost, after it.
 */
static void
sync_marks (Ctx *ctx)
{
  guint keep = 0;

  while (keep < ctx->n_open && mark_wanted (ctx, ctx->open[keep]))
    keep++;

  while (ctx->n_open > keep)
    write_close (ctx, ctx->open[--ctx->n_open]);

  if (ctx->space_pending)
    g_string_append_c (ctx->para, ' ');
  ctx->space_pending = FALSE;

  for (MarkKind mark = 0; mark < N_MARKS; mark++)
    {
      gboolean is_open = FALSE;

      if (ctx->want[mark] == 0)
        continue;

      for (guint i = 0; i < ctx->n_open; i++)
        is_open |= ctx->open[i] == mark;

      if (is_open)
        continue;

      ctx->open[ctx->n_open++] = mark;
      if (mark == MARK_LINK)
        {
          ctx->open_url = g_strdup (ctx->want_url);
          g_string_append_c (ctx->para, '[');
        }
      else
        g_string_append (ctx->para, mark == MARK_BOLD ? "**" : "*");
    }
}

static void
close_all_marks (Ctx *ctx)
{
  ctx->space_pending = FALSE;
  while (ctx->n_open > 0)
    write_close (ctx, ctx->open[--ctx->n_open]);
}

static gboolean
para_ends_in_space (Ctx *ctx)
{
  return ctx->para->len == 0
         || ctx->space_pending
         || ctx->para->str[ctx->para->len - 1] == ' '
         || ctx->para->str[ctx->para->len - 1] == '\n';
}

const char *
helder_commonmark_escape_char (GString    *out,
                               const char *p)
{
  const char *next = g_utf8_next_char (p);

  if (strchr ("\\*_`[]<>", *p) != NULL && *p != '\0')
    g_string_append_c (out, '\\');
  else if (*p == '&')
    {
      /* Only "&name;" and "&#123;" would read as a character reference. */
      const char *q = next;

      while (g_ascii_isalnum (*q) || *q == '#')
        q++;
      if (q > next && *q == ';')
        g_string_append_c (out, '\\');
    }

  g_string_append_len (out, p, next - p);

  return next;
}

static void
append_space (Ctx *ctx)
{
  if (!para_ends_in_space (ctx))
    ctx->space_pending = TRUE;
}

static void
append_text (Ctx        *ctx,
             const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (ctx->pre > 0 && *p == '\n')
        {
          close_all_marks (ctx);
          if (ctx->para->len > 0)
            g_string_append (ctx->para, "\\\n");
        }
      else if (is_space (*p) || c == 0x00A0)
        append_space (ctx);
      else
        {
          sync_marks (ctx);
          helder_commonmark_escape_char (ctx->para, p);
        }
    }
}

static void
append_break (Ctx *ctx)
{
  close_all_marks (ctx);

  while (ctx->para->len > 0 && ctx->para->str[ctx->para->len - 1] == ' ')
    g_string_truncate (ctx->para, ctx->para->len - 1);

  /* A break at the start of a paragraph shows nothing; a second one in a
   * row shows an empty line, which is a new paragraph.
   */
  if (g_str_has_suffix (ctx->para->str, "\\\n"))
    flush (ctx, 0);
  else if (ctx->para->len > 0)
    g_string_append (ctx->para, "\\\n");
}

static void
append_code (Ctx     *ctx,
             xmlNode *node)
{
  g_autofree char *content = (char *) xmlNodeGetContent (node);
  g_autoptr(GString) code = g_string_new (NULL);

  for (const char *p = content; p != NULL && *p != '\0'; p++)
    {
      if (is_space (*p))
        {
          if (code->len > 0 && code->str[code->len - 1] != ' ')
            g_string_append_c (code, ' ');
          continue;
        }

      g_string_append_c (code, *p);
    }

  while (code->len > 0 && code->str[code->len - 1] == ' ')
    g_string_truncate (code, code->len - 1);
  if (code->len > 0 && code->str[0] == ' ')
    g_string_erase (code, 0, 1);
  if (code->len == 0)
    return;

  sync_marks (ctx);
  helder_commonmark_append_code_span (ctx->para, code->str);
}

void
helder_commonmark_append_code_span (GString    *out,
                                    const char *code)
{
  g_autofree char *fence = NULL;
  guint longest = 0;
  guint run = 0;
  gsize len = strlen (code);

  g_return_if_fail (len > 0);

  for (const char *p = code; *p != '\0'; p++)
    {
      run = *p == '`' ? run + 1 : 0;
      longest = MAX (longest, run);
    }

  fence = g_strnfill (longest + 1, '`');
  /* A code span that starts or ends with a backtick needs a space inside. */
  if (code[0] == '`' || code[len - 1] == '`')
    g_string_append_printf (out, "%s %s %s", fence, code, fence);
  else
    g_string_append_printf (out, "%s%s%s", fence, code, fence);
}

/* Prefix of a line: "> " for a quote, an item's marker on its first line
 * and as many spaces after that. A blank line only gets the quotes it
 * shares with the line before it.
 */
static void
append_prefix (Ctx      *ctx,
               GString  *line,
               guint     n_containers,
               gboolean  blank)
{
  for (guint i = 0; i < n_containers; i++)
    {
      Container *c = &g_array_index (ctx->containers, Container, i);

      if (c->kind == CONTAINER_QUOTE)
        g_string_append (line, "> ");
      else if (!blank && !c->marker_written)
        {
          g_string_append (line, c->marker);
          c->marker_written = TRUE;
        }
      else
        for (guint j = 0; c->marker[j] != '\0'; j++)
          g_string_append_c (line, ' ');
    }
}

static gboolean
is_list_marker_start (const char *line)
{
  const char *p = line;

  if ((*p == '-' || *p == '+') && (p[1] == ' ' || p[1] == '\0'))
    return TRUE;

  while (g_ascii_isdigit (*p))
    p++;

  return p > line && p - line < 10 && (*p == '.' || *p == ')');
}

void
helder_commonmark_append_line (GString    *out,
                               const char *line,
                               gsize       len,
                               gboolean    heading)
{
  if (!heading && (*line == '#' || *line == '=' || (*line == '-' && len > 0)))
    {
      if (*line == '-' && !is_list_marker_start (line)
          && !(len >= 3 && line[1] == '-' && line[2] == '-'))
        {
          g_string_append_len (out, line, len);
          return;
        }
      g_string_append_c (out, '\\');
    }
  else if (!heading && is_list_marker_start (line) && g_ascii_isdigit (*line))
    {
      const char *p = line;

      while (g_ascii_isdigit (*p))
        p++;
      g_string_append_len (out, line, p - line);
      g_string_append_c (out, '\\');
      len -= p - line;
      line = p;
    }
  else if (*line == '+' && is_list_marker_start (line))
    g_string_append_c (out, '\\');

  for (gsize i = 0; i < len; i++)
    {
      /* A heading's closing "#"s would be taken away. */
      if (heading && line[i] == '#')
        g_string_append_c (out, '\\');
      g_string_append_c (out, line[i]);
    }
}

static void
remember_containers (Ctx *ctx)
{
  g_array_set_size (ctx->last_serials, 0);
  for (guint i = 0; i < ctx->containers->len; i++)
    g_array_append_val (ctx->last_serials,
                        g_array_index (ctx->containers, Container, i).serial);
}

static gboolean
inside_item (Ctx *ctx)
{
  for (guint i = 0; i < ctx->containers->len; i++)
    if (g_array_index (ctx->containers, Container, i).kind == CONTAINER_ITEM)
      return TRUE;

  return FALSE;
}

/* Writes the collected paragraph, or a heading of @heading level. */
static void
flush (Ctx   *ctx,
       guint  heading)
{
  g_auto(GStrv) lines = NULL;
  gsize len;

  close_all_marks (ctx);

  /* Trim spaces and trailing breaks. */
  for (;;)
    {
      len = ctx->para->len;
      if (len > 0 && ctx->para->str[len - 1] == ' ')
        g_string_truncate (ctx->para, len - 1);
      else if (len >= 2 && g_str_has_suffix (ctx->para->str, "\\\n")
               && (len == 2 || ctx->para->str[len - 3] != '\\'))
        g_string_truncate (ctx->para, len - 2);
      else
        break;
    }
  while (ctx->para->len > 0 && ctx->para->str[0] == ' ')
    g_string_erase (ctx->para, 0, 1);

  if (ctx->para->len == 0)
    return;

  if (ctx->wrote_any && !(ctx->item_start && ctx->last_in_item))
    {
      g_autoptr(GString) blank = g_string_new (NULL);
      guint shared = 0;

      while (shared < ctx->containers->len && shared < ctx->last_serials->len
             && g_array_index (ctx->containers, Container, shared).serial
                == g_array_index (ctx->last_serials, guint, shared))
        shared++;

      append_prefix (ctx, blank, shared, TRUE);
      while (blank->len > 0 && blank->str[blank->len - 1] == ' ')
        g_string_truncate (blank, blank->len - 1);
      g_string_append (ctx->out, blank->str);
      g_string_append_c (ctx->out, '\n');
    }

  if (heading > 0)
    {
      /* A heading is one line: its breaks become spaces. */
      g_autofree char *flat = g_strjoinv (" ", (lines = g_strsplit (ctx->para->str, "\\\n", -1)));

      append_prefix (ctx, ctx->out, ctx->containers->len, FALSE);
      for (guint i = 0; i < heading; i++)
        g_string_append_c (ctx->out, '#');
      g_string_append_c (ctx->out, ' ');
      helder_commonmark_append_line (ctx->out, flat, strlen (flat), TRUE);
      g_string_append_c (ctx->out, '\n');
    }
  else
    {
      lines = g_strsplit (ctx->para->str, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          append_prefix (ctx, ctx->out, ctx->containers->len, FALSE);
          helder_commonmark_append_line (ctx->out, lines[i], strlen (lines[i]), FALSE);
          g_string_append_c (ctx->out, '\n');
        }
    }

  g_string_truncate (ctx->para, 0);
  ctx->wrote_any = TRUE;
  ctx->item_start = FALSE;
  ctx->last_in_item = inside_item (ctx);
  remember_containers (ctx);
}

static void
push_container (Ctx           *ctx,
                ContainerKind  kind,
                const char    *marker)
{
  Container c = { kind, ++ctx->next_serial, "", FALSE };

  if (marker != NULL)
    g_strlcpy (c.marker, marker, sizeof c.marker);
  g_array_append_val (ctx->containers, c);
  ctx->item_start = kind == CONTAINER_ITEM;
}

static void
pop_container (Ctx *ctx)
{
  g_array_set_size (ctx->containers, ctx->containers->len - 1);
}

static gboolean
is_word_list_paragraph (xmlNode *node,
                        guint   *level)
{
  g_autofree char *mso = NULL;
  const char *p;

  if (node->type != XML_ELEMENT_NODE || !name_is (node, "p"))
    return FALSE;

  mso = dup_style (node, "mso-list");
  if (mso == NULL || (p = strstr (mso, "level")) == NULL)
    return FALSE;

  *level = CLAMP (g_ascii_strtoull (p + 5, NULL, 10), 1, 9);
  return TRUE;
}

/* Word puts the bullet or number in a span with "mso-list: Ignore". */
static xmlNode *
find_word_list_marker (xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *mso = NULL;
      xmlNode *found;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      mso = dup_style (child, "mso-list");
      if (mso != NULL && g_str_equal (mso, "ignore"))
        return child;

      if ((found = find_word_list_marker (child)) != NULL)
        return found;
    }

  return NULL;
}

static void
close_word_lists (Ctx *ctx)
{
  flush (ctx, 0);
  while (ctx->word_levels > 0)
    {
      pop_container (ctx);
      ctx->word_levels--;
    }
  ctx->word_parent = NULL;
}

static void
handle_word_list_paragraph (Ctx     *ctx,
                            xmlNode *node,
                            guint    level)
{
  xmlNode *marker = find_word_list_marker (node);
  g_autofree char *marker_text = marker != NULL ? (char *) xmlNodeGetContent (marker) : NULL;
  gboolean numbered = FALSE;
  char item_marker[16];

  /* "1.", "a)", "iv." are numbers; "·", "o", "§" are bullets. */
  if (marker_text != NULL)
    {
      gsize len = strlen (marker_text);

      /* Word pads the marker with no-break spaces. */
      while (len > 0)
        {
          if (is_space (marker_text[len - 1]))
            len -= 1;
          else if (len >= 2 && (guchar) marker_text[len - 2] == 0xC2 && (guchar) marker_text[len - 1] == 0xA0)
            len -= 2;
          else
            break;
        }
      marker_text[len] = '\0';
      numbered = g_str_has_suffix (marker_text, ".") || g_str_has_suffix (marker_text, ")");
    }

  flush (ctx, 0);
  if (ctx->word_levels == 0)
    {
      ctx->word_parent = node->parent;
      memset (ctx->word_counters, 0, sizeof ctx->word_counters);
    }

  level = MIN (level, ctx->word_levels + 1);
  while (ctx->word_levels >= level)
    {
      pop_container (ctx);
      ctx->word_levels--;
    }
  /* A deeper level starts counting again under each new item. */
  for (guint i = level + 1; i < G_N_ELEMENTS (ctx->word_counters); i++)
    ctx->word_counters[i] = 0;

  ctx->word_counters[level]++;
  if (numbered)
    g_snprintf (item_marker, sizeof item_marker, "%u. ", ctx->word_counters[level]);
  else
    g_strlcpy (item_marker, "- ", sizeof item_marker);

  push_container (ctx, CONTAINER_ITEM, item_marker);
  ctx->word_levels++;

  /* walk_element leaves the marker out. */
  walk_children (ctx, node);
  flush (ctx, 0);
}

static gboolean
is_http_link (const char *href)
{
  return g_ascii_strncasecmp (href, "http://", 7) == 0
         || g_ascii_strncasecmp (href, "https://", 8) == 0
         || g_ascii_strncasecmp (href, "mailto:", 7) == 0;
}

void
helder_commonmark_append_link_destination (GString    *out,
                                           const char *url)
{
  const char *end = url + strlen (url);

  while (end > url && is_space (end[-1]))
    end--;
  while (url < end && is_space (*url))
    url++;

  for (const char *p = url; p < end; p++)
    {
      if (*p == ' ')
        g_string_append (out, "%20");
      else if (strchr ("()<>\\`", *p) != NULL || (guchar) *p <= 0x20)
        g_string_append_printf (out, "%%%02X", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
}

static const char * const dropped_silently[] = {
  "head", "title", "meta", "link", "noscript", "template",
  "o:p", "xml", "button", "select", "input", "textarea", "option", NULL
};

static const char * const blocks[] = {
  "p", "div", "section", "article", "header", "footer", "nav", "aside", "main",
  "address", "figure", "figcaption", "dl", "dt", "dd", "fieldset", "center",
  "details", "summary", "legend", "caption", "hr", "body", "html", NULL
};

/* Elements dropped with what they hold, and the key they report. */
static const struct
{
  const char *element;
  const char *key;
} dropped_reported[] = {
  { "script", "script" },
  { "style", "style" },
  { "img", "image" },
  { "svg", "image" },
  { "picture", "image" },
  { "canvas", "image" },
  { "video", "video" },
  { "audio", "audio" },
  { "iframe", "iframe" },
  { "frame", "iframe" },
  { "object", "object" },
  { "embed", "object" },
  { "applet", "object" },
  { "math", "object" },
};

static void
walk_inline_mark (Ctx      *ctx,
                  xmlNode  *node,
                  MarkKind  mark)
{
  ctx->want[mark]++;
  walk_children (ctx, node);
  ctx->want[mark]--;
}

static void
walk_link (Ctx     *ctx,
           xmlNode *node)
{
  g_autofree char *href = (char *) xmlGetProp (node, (const xmlChar *) "href");
  g_autoptr(GString) url = NULL;
  const char *outer_url = ctx->want_url;

  if (href == NULL || !is_http_link (g_strstrip (href)) || ctx->want[MARK_LINK] > 0)
    {
      walk_children (ctx, node);
      return;
    }

  url = g_string_new (NULL);
  helder_commonmark_append_link_destination (url, href);
  ctx->want_url = url->str;
  ctx->want[MARK_LINK]++;
  walk_children (ctx, node);
  ctx->want[MARK_LINK]--;
  ctx->want_url = outer_url;

  /* Close the link here, even when nothing visible follows it. */
  if (ctx->open_url != NULL)
    {
      guint keep = 0;

      while (keep < ctx->n_open && ctx->open[keep] != MARK_LINK)
        keep++;
      while (ctx->n_open > keep)
        write_close (ctx, ctx->open[--ctx->n_open]);
    }
}

static void
walk_list (Ctx     *ctx,
           xmlNode *node,
           gboolean numbered)
{
  g_autofree char *start = (char *) xmlGetProp (node, (const xmlChar *) "start");
  guint number = start != NULL ? (guint) g_ascii_strtoull (start, NULL, 10) : 1;

  flush (ctx, 0);
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      char marker[16];

      if (child->type != XML_ELEMENT_NODE || !name_is (child, "li"))
        {
          /* Stray text, or a list nested without an item. */
          walk_node (ctx, child);
          continue;
        }

      if (numbered)
        g_snprintf (marker, sizeof marker, "%u. ", number++);
      else
        g_strlcpy (marker, "- ", sizeof marker);

      push_container (ctx, CONTAINER_ITEM, marker);
      walk_children (ctx, child);
      flush (ctx, 0);
      pop_container (ctx);
    }
}

static void
walk_table_row (Ctx     *ctx,
                xmlNode *row)
{
  gboolean first = TRUE;

  flush (ctx, 0);
  for (xmlNode *cell = row->children; cell != NULL; cell = cell->next)
    {
      if (cell->type != XML_ELEMENT_NODE)
        continue;

      if (!first && ctx->para->len > 0)
        {
          close_all_marks (ctx);
          g_string_append (ctx->para, " – ");
        }

      walk_children (ctx, cell);
      close_all_marks (ctx);
      first = FALSE;
    }
  flush (ctx, 0);
}

static void
walk_element (Ctx     *ctx,
              xmlNode *node)
{
  g_autofree char *weight = NULL;
  g_autofree char *font_style = NULL;
  g_autofree char *mso = NULL;
  guint bold = 0;
  guint italic = 0;

  if (name_in (node, dropped_silently))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (dropped_reported); i++)
    if (name_is (node, dropped_reported[i].element))
      {
        report (ctx, dropped_reported[i].key);
        return;
      }

  mso = dup_style (node, "mso-list");
  if (mso != NULL && g_str_equal (mso, "ignore"))
    return;

  if (name_is (node, "br"))
    {
      if (ctx->flatten > 0)
        append_space (ctx);
      else
        append_break (ctx);
      return;
    }

  if (name_is (node, "code") || name_is (node, "kbd") || name_is (node, "samp") || name_is (node, "tt"))
    {
      append_code (ctx, node);
      return;
    }

  if (name_is (node, "table"))
    {
      report (ctx, "table");
      ctx->flatten++;
      walk_children (ctx, node);
      ctx->flatten--;
      flush (ctx, 0);
      return;
    }

  if (name_is (node, "tr"))
    {
      walk_table_row (ctx, node);
      return;
    }

  if (name_is (node, "form"))
    report (ctx, "form");

  if (ctx->flatten == 0)
    {
      if (strlen ((const char *) node->name) == 2 && g_ascii_tolower (node->name[0]) == 'h'
          && node->name[1] >= '1' && node->name[1] <= '6')
        {
          flush (ctx, 0);
          walk_children (ctx, node);
          flush (ctx, node->name[1] - '0');
          return;
        }

      if (name_is (node, "ul") || name_is (node, "ol") || name_is (node, "menu"))
        {
          walk_list (ctx, node, name_is (node, "ol"));
          return;
        }

      if (name_is (node, "blockquote"))
        {
          flush (ctx, 0);
          push_container (ctx, CONTAINER_QUOTE, NULL);
          ctx->item_start = FALSE;
          walk_children (ctx, node);
          flush (ctx, 0);
          pop_container (ctx);
          return;
        }

      if (name_is (node, "pre"))
        {
          flush (ctx, 0);
          ctx->pre++;
          walk_children (ctx, node);
          ctx->pre--;
          flush (ctx, 0);
          return;
        }
    }
  else if (name_in (node, blocks) || name_is (node, "li") || name_is (node, "blockquote"))
    {
      append_space (ctx);
      walk_children (ctx, node);
      append_space (ctx);
      return;
    }

  if (name_is (node, "li"))
    {
      /* An item outside a list, as Google Docs writes after a nested
       * list, stays an item.
       */
      flush (ctx, 0);
      push_container (ctx, CONTAINER_ITEM, "- ");
      walk_children (ctx, node);
      flush (ctx, 0);
      pop_container (ctx);
      return;
    }

  if (name_in (node, blocks))
    {
      flush (ctx, 0);
      walk_children (ctx, node);
      flush (ctx, 0);
      return;
    }

  /* Inline: bold and italic by element or by style (Word, Google Docs). */
  weight = dup_style (node, "font-weight");
  font_style = dup_style (node, "font-style");

  if (name_is (node, "a"))
    {
      walk_link (ctx, node);
      return;
    }

  if (name_is (node, "b") || name_is (node, "strong"))
    bold = 1;
  if (weight != NULL)
    bold = g_str_equal (weight, "bold") || g_str_equal (weight, "bolder")
           || g_ascii_strtoull (weight, NULL, 10) >= 600;
  if (name_is (node, "i") || name_is (node, "em") || name_is (node, "cite"))
    italic = 1;
  if (font_style != NULL)
    italic = g_str_equal (font_style, "italic") || g_str_equal (font_style, "oblique");

  /* Google Docs wraps a whole paste in <b style="font-weight: normal">:
   * a style that says "not bold" takes away the bold around it.
   */
  if (weight != NULL && !bold && ctx->want[MARK_BOLD] > 0)
    {
      guint outer = ctx->want[MARK_BOLD];

      ctx->want[MARK_BOLD] = 0;
      walk_children (ctx, node);
      ctx->want[MARK_BOLD] = outer;
      return;
    }

  if (bold && italic)
    {
      ctx->want[MARK_BOLD]++;
      walk_inline_mark (ctx, node, MARK_ITALIC);
      ctx->want[MARK_BOLD]--;
    }
  else if (bold)
    walk_inline_mark (ctx, node, MARK_BOLD);
  else if (italic)
    walk_inline_mark (ctx, node, MARK_ITALIC);
  else
    walk_children (ctx, node);
}

static gboolean
is_blank_text (xmlNode *node)
{
  if (node->type != XML_TEXT_NODE)
    return FALSE;

  for (const xmlChar *p = node->content; p != NULL && *p != '\0'; p++)
    if (!is_space (*p))
      return FALSE;

  return TRUE;
}

static void
walk_node (Ctx     *ctx,
           xmlNode *node)
{
  switch (node->type)
    {
    case XML_ELEMENT_NODE:
      walk_element (ctx, node);
      break;
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
      append_text (ctx, (const char *) node->content);
      break;
    case XML_ATTRIBUTE_NODE:
    case XML_ENTITY_REF_NODE:
    case XML_ENTITY_NODE:
    case XML_PI_NODE:
    case XML_COMMENT_NODE:
    case XML_DOCUMENT_NODE:
    case XML_DOCUMENT_TYPE_NODE:
    case XML_DOCUMENT_FRAG_NODE:
    case XML_NOTATION_NODE:
    case XML_HTML_DOCUMENT_NODE:
    case XML_DTD_NODE:
    case XML_ELEMENT_DECL:
    case XML_ATTRIBUTE_DECL:
    case XML_ENTITY_DECL:
    case XML_NAMESPACE_DECL:
    case XML_XINCLUDE_START:
    case XML_XINCLUDE_END:
#ifdef LIBXML_DOCB_ENABLED
    case XML_DOCB_DOCUMENT_NODE:
#endif
    default:
      break;
    }
}

static void
walk_children (Ctx     *ctx,
               xmlNode *node)
{
  xmlNode *next;

  for (xmlNode *child = node->children; child != NULL; child = next)
    {
      guint level;

      next = child->next;

      if (is_word_list_paragraph (child, &level) && ctx->flatten == 0)
        {
          handle_word_list_paragraph (ctx, child, level);
          continue;
        }

      if (ctx->word_levels > 0 && ctx->word_parent == node && !is_blank_text (child)
          && child->type != XML_COMMENT_NODE)
        close_word_lists (ctx);

      walk_node (ctx, child);
    }

  if (ctx->word_levels > 0 && ctx->word_parent == node)
    close_word_lists (ctx);
}

/* Clipboard HTML is UTF-8, but some browsers hand over UTF-16. */
static char *
dup_utf8 (const char *html,
          gsize       length)
{
  const guchar *bytes = (const guchar *) html;

  if (length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
    return g_convert (html, length, "UTF-8", "UTF-16", NULL, NULL, NULL);

  if (length >= 2 && bytes[0] != 0 && bytes[1] == 0)
    return g_convert (html, length, "UTF-8", "UTF-16LE", NULL, NULL, NULL);

  return g_utf8_make_valid (html, length);
}

static gboolean
is_list (xmlNode *node)
{
  return node != NULL && node->type == XML_ELEMENT_NODE
         && (name_is (node, "ul") || name_is (node, "ol"));
}

static xmlNode *
next_element (xmlNode *node)
{
  for (node = node->next; node != NULL; node = node->next)
    if (node->type == XML_ELEMENT_NODE || (node->type == XML_TEXT_NODE && !is_blank_text (node)))
      return node;

  return NULL;
}

static xmlNode *
last_element_child (xmlNode *node)
{
  xmlNode *last = NULL;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      last = child;

  return last;
}

static guint
aria_level (xmlNode *node)
{
  g_autofree char *level = node != NULL ? (char *) xmlGetProp (node, (const xmlChar *) "aria-level") : NULL;

  return level != NULL ? (guint) g_ascii_strtoull (level, NULL, 10) : 0;
}

/* Google Docs writes a nested list between the items of its parent list,
 * and libxml2's parser then closes the parent: the nested list and the
 * items after it end up beside it. Their "aria-level" tells where they
 * belong; this puts them back.
 */
static void
mend_google_lists (xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      xmlNode *next;

      if (!is_list (child))
        {
          mend_google_lists (child);
          continue;
        }

      while ((next = next_element (child)) != NULL)
        {
          if (next->type == XML_ELEMENT_NODE && name_is (next, "li") && aria_level (next) > 0)
            {
              xmlUnlinkNode (next);
              xmlAddChild (child, next);
            }
          else if (is_list (next) && aria_level (last_element_child (next)) > 1)
            {
              guint level = aria_level (last_element_child (next));
              xmlNode *item = last_element_child (child);

              /* Into the deepest last item above that level. */
              while (item != NULL && is_list (last_element_child (item))
                     && aria_level (last_element_child (last_element_child (item))) < level)
                item = last_element_child (last_element_child (item));

              if (item == NULL || aria_level (item) == 0 || aria_level (item) >= level)
                break;
              xmlUnlinkNode (next);
              xmlAddChild (item, next);
            }
          else
            break;
        }

      mend_google_lists (child);
    }
}

/* libxml2's HTML parser knows neither Word's "<o:p>" paragraph marks
 * (it reads them as "<p>", breaking headings in two) nor its revealed
 * conditionals "<![if !supportLists]>" (it reads them as text). This scan
 * takes both out before parsing: the marks with their content, the
 * conditionals keeping what they enclose.
 */
static void
strip_word_markup (char *html)
{
  char *out = html;
  const char *p = html;

  while (*p != '\0')
    {
      if (*p == '<' && g_ascii_strncasecmp (p, "<o:p>", 5) == 0)
        {
          const char *end = strstr (p, "</o:p>");

          if (end == NULL)
            end = strstr (p, "</O:P>");
          p = end != NULL ? end + 6 : p + 5;
          continue;
        }

      /* Comments, Word's hidden conditionals among them, stay for the
       * parser to drop.
       */
      if (strncmp (p, "<!--", 4) == 0)
        {
          const char *end = strstr (p + 4, "-->");
          gsize len = end != NULL ? (gsize) (end + 3 - p) : strlen (p);

          memmove (out, p, len);
          out += len;
          p += len;
          continue;
        }

      if (strncmp (p, "<![", 3) == 0 && strncmp (p, "<![CDATA[", 9) != 0)
        {
          const char *end = strchr (p, '>');

          if (end != NULL && end[-1] == ']' && memchr (p + 1, '<', end - p - 1) == NULL)
            {
              p = end + 1;
              continue;
            }
        }

      *out++ = *p++;
    }

  *out = '\0';
}

char *
helder_html_to_commonmark (const char *html,
                           gssize      length,
                           GPtrArray  *dropped)
{
  g_autofree char *utf8 = NULL;
  htmlDocPtr doc;
  xmlNode *root;
  Ctx ctx = { 0 };

  g_return_val_if_fail (html != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (html);

  utf8 = dup_utf8 (html, MIN ((gsize) length, (gsize) G_MAXINT));
  if (utf8 == NULL || *utf8 == '\0')
    return g_strdup ("");

  strip_word_markup (utf8);

  doc = htmlReadMemory (utf8, strlen (utf8), NULL, "UTF-8",
                        HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR
                        | HTML_PARSE_NOWARNING);
  if (doc == NULL)
    return g_strdup ("");

  ctx.out = g_string_new (NULL);
  ctx.para = g_string_new (NULL);
  ctx.dropped = dropped;
  ctx.containers = g_array_new (FALSE, FALSE, sizeof (Container));
  ctx.last_serials = g_array_new (FALSE, FALSE, sizeof (guint));

  root = (xmlNode *) doc;
  mend_google_lists (root);
  walk_children (&ctx, root);
  flush (&ctx, 0);

  g_free (ctx.open_url);
  g_array_unref (ctx.containers);
  g_array_unref (ctx.last_serials);
  g_string_free (ctx.para, TRUE);
  xmlFreeDoc (doc);

  return g_string_free (ctx.out, FALSE);
}
