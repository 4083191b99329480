/* helder-handout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-handout"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cmark.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <librsvg/rsvg.h>
#include <pango/pangocairo.h>

#include "helder-block-edit.h"
#include "helder-colour.h"
#include "helder-course-path.h"
#include "helder-date.h"
#include "helder-handout.h"
#include "helder-renderer.h"

/* A4 in PostScript points, and the margins of the text. */
#define PAGE_WIDTH 595.276
#define PAGE_HEIGHT 841.890
#define MARGIN_SIDE 62.0
#define MARGIN_TOP 62.0
#define MARGIN_BOTTOM 78.0
#define CONTENT_WIDTH (PAGE_WIDTH - 2 * MARGIN_SIDE)
#define BOTTOM (PAGE_HEIGHT - MARGIN_BOTTOM)
#define IMAGE_MAX_HEIGHT 300.0
#define INDENT 18.0

#define FONT_FAMILY "Sans"
#define BODY_SIZE 10.5
#define DEFAULT_ACCENT "#1d5f8a"

typedef struct
{
  char  *title;
  char  *dest;
  guint  page;
  int    outline_parent; /* index of the module entry, or -1 */
  gboolean module;
} TocEntry;

typedef struct
{
  guint  number;
  char  *answer;
  char  *explanation;
} KeyEntry;

typedef struct
{
  guint start;
  guint end;
  char *uri;
} Link;

typedef struct
{
  HelderCourse               *course;
  HelderModule               *only;      /* NULL: the whole course */
  const HelderHandoutOptions *options;
  HelderRenderer             *renderer;  /* the player's labels in the course language */
  char                       *root;      /* the course folder, symlinks resolved */

  cairo_surface_t            *surface;
  cairo_t                    *cr;
  double                      y;
  guint                       page;
  guint                       total;     /* from the first pass; 0 during it */
  gboolean                    page_started;
  double                      accent[3];

  GPtrArray                  *toc;       /* of TocEntry*, filled in the first pass */
  guint                       toc_next;
  GPtrArray                  *key;       /* of KeyEntry* */
  guint                       question;
} Handout;

static void
toc_entry_free (TocEntry *entry)
{
  g_free (entry->title);
  g_free (entry->dest);
  g_free (entry);
}

static void
key_entry_free (KeyEntry *entry)
{
  g_free (entry->answer);
  g_free (entry->explanation);
  g_free (entry);
}

static void
link_clear (Link *link)
{
  g_free (link->uri);
}

void
helder_handout_options_init (HelderHandoutOptions *options)
{
  g_return_if_fail (options != NULL);
  options->questions = TRUE;
}

/* "Pagina {n} van {total}" and its kind, from the player's labels. */
static char *
label_format (Handout    *self,
              const char *key,
              const char *name,
              guint       value,
              const char *other,
              guint       other_value)
{
  g_autofree char *first = g_strdup_printf ("{%s}", name);
  g_autofree char *number = g_strdup_printf ("%u", value);
  g_auto(GStrv) parts = g_strsplit (helder_renderer_get_label (self->renderer, key), first, -1);
  g_autofree char *joined = g_strjoinv (number, parts);

  if (other != NULL)
    {
      g_autofree char *second = g_strdup_printf ("{%s}", other);
      g_autofree char *other_number = g_strdup_printf ("%u", other_value);
      g_auto(GStrv) more = g_strsplit (joined, second, -1);

      return g_strjoinv (other_number, more);
    }
  return g_steal_pointer (&joined);
}

static void
set_accent (Handout      *self,
            HelderModule *module)
{
  HelderColour colour;
  const char *text = module != NULL ? helder_module_get_colour (module) : NULL;

  if (text == NULL || !helder_colour_parse (text, &colour, NULL))
    helder_colour_parse (DEFAULT_ACCENT, &colour, NULL);
  self->accent[0] = colour.red / 255.0;
  self->accent[1] = colour.green / 255.0;
  self->accent[2] = colour.blue / 255.0;
}

/* --- pages ----------------------------------------------------------------- */

static void
draw_footer (Handout *self)
{
  PangoLayout *layout = pango_cairo_create_layout (self->cr);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY " 8.5");
  g_autofree char *text = NULL;
  int width;

  if (self->total > 0)
    text = label_format (self, "progress", "n", self->page, "total", self->total);
  else
    text = g_strdup_printf ("%u", self->page);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, NULL);
  cairo_set_source_rgb (self->cr, 0.33, 0.33, 0.33);
  cairo_move_to (self->cr, PAGE_WIDTH - MARGIN_SIDE - width, PAGE_HEIGHT - MARGIN_BOTTOM + 30);
  pango_cairo_show_layout (self->cr, layout);

  pango_layout_set_text (layout, helder_course_get_title (self->course), -1);
  pango_layout_set_width (layout, (CONTENT_WIDTH - width - 20) * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  cairo_move_to (self->cr, MARGIN_SIDE, PAGE_HEIGHT - MARGIN_BOTTOM + 30);
  pango_cairo_show_layout (self->cr, layout);

  pango_font_description_free (font);
  g_object_unref (layout);
}

static void
start_page (Handout *self)
{
  if (self->page_started)
    return;
  self->page++;
  self->page_started = TRUE;
  self->y = MARGIN_TOP;
  draw_footer (self);
}

static void
end_page (Handout *self)
{
  if (!self->page_started)
    return;
  cairo_show_page (self->cr);
  self->page_started = FALSE;
}

/* Makes room for @height; a new page when it does not fit. */
static void
need (Handout *self,
      double   height)
{
  start_page (self);
  if (self->y + height > BOTTOM && self->y > MARGIN_TOP)
    {
      end_page (self);
      start_page (self);
    }
}

static void
space (Handout *self,
       double   points)
{
  if (self->page_started && self->y > MARGIN_TOP)
    self->y += points;
}

/* --- text ------------------------------------------------------------------ */

typedef struct
{
  double   size;
  gboolean bold;
  gboolean italic;
  gboolean monospace;
  gboolean accent;
  double   indent;
  gboolean bar;      /* a bar in the accent colour beside each line (quotes, callouts) */
  const char *tag;   /* the PDF structure element, for screen readers */
} Style;

static const Style body_style = { BODY_SIZE, FALSE, FALSE, FALSE, FALSE, 0, FALSE, "P" };

/* Lays out @markup line by line, starting a new page where a line does
 * not fit; @links are byte ranges of the layout's text to make links of.
 */
static void
show_markup (Handout     *self,
             const char  *markup,
             GArray      *links,
             const Style *style)
{
  PangoLayout *layout = pango_cairo_create_layout (self->cr);
  PangoFontDescription *font = pango_font_description_new ();
  PangoLayoutIter *iter;
  double x = MARGIN_SIDE + style->indent + (style->bar ? 12 : 0);
  double top;

  pango_font_description_set_family (font, style->monospace ? "Monospace" : FONT_FAMILY);
  pango_font_description_set_size (font, style->size * PANGO_SCALE);
  pango_font_description_set_weight (font, style->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style (font, style->italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (MARGIN_SIDE + CONTENT_WIDTH - x) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_line_spacing (layout, 1.25);
  pango_layout_set_markup (layout, markup, -1);

  start_page (self);
  cairo_tag_begin (self->cr, style->tag, NULL);
  iter = pango_layout_get_iter (layout);
  top = -1;
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double line_top, height, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line_top = (double) logical.y / PANGO_SCALE;
      height = (double) logical.height / PANGO_SCALE;
      baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE - line_top;
      if (top < 0)
        top = line_top;

      need (self, height);
      if (style->accent)
        cairo_set_source_rgb (self->cr, self->accent[0], self->accent[1], self->accent[2]);
      else
        cairo_set_source_rgb (self->cr, 0.1, 0.1, 0.1);
      cairo_move_to (self->cr, x, self->y + baseline);
      pango_cairo_show_layout_line (self->cr, line);

      if (style->bar)
        {
          cairo_set_source_rgb (self->cr, self->accent[0], self->accent[1], self->accent[2]);
          cairo_rectangle (self->cr, MARGIN_SIDE + style->indent, self->y, 3, height);
          cairo_fill (self->cr);
        }

      for (guint i = 0; links != NULL && i < links->len; i++)
        {
          Link *link = &g_array_index (links, Link, i);
          int from = (int) MAX ((guint) line->start_index, link->start);
          int to = (int) MIN ((guint) (line->start_index + line->length), link->end);
          int x_from, x_to;
          g_autofree char *attributes = NULL;
          g_autofree char *escaped = NULL;

          if (from >= to)
            continue;
          pango_layout_line_index_to_x (line, from, FALSE, &x_from);
          pango_layout_line_index_to_x (line, to, FALSE, &x_to);
          escaped = g_strescape (link->uri, NULL);
          attributes = g_strdup_printf ("rect=[%f %f %f %f] uri='%s'",
                                        x + (double) MIN (x_from, x_to) / PANGO_SCALE, self->y,
                                        (double) ABS (x_to - x_from) / PANGO_SCALE, height,
                                        escaped);
          cairo_tag_begin (self->cr, CAIRO_TAG_LINK, attributes);
          cairo_tag_end (self->cr, CAIRO_TAG_LINK);
        }
      self->y += height;
    }
  while (pango_layout_iter_next_line (iter));
  cairo_tag_end (self->cr, style->tag);

  pango_layout_iter_free (iter);
  pango_font_description_free (font);
  g_object_unref (layout);
}

static void
show_text (Handout     *self,
           const char  *text,
           const Style *style)
{
  g_autofree char *markup = g_markup_escape_text (text != NULL ? text : "", -1);

  show_markup (self, markup, NULL, style);
}

static gboolean
link_is_external (const char *url)
{
  return url != NULL && (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://")
                         || g_str_has_prefix (url, "mailto:"));
}

static void
append_plain (GString    *markup,
              GString    *plain,
              const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (markup, escaped);
  g_string_append (plain, text);
}

/* Pango markup for the inline content of @node, and the links in it. */
static void
inline_markup (Handout    *self,
               cmark_node *node,
               GString    *markup,
               GString    *plain,
               GArray     *links)
{
  for (cmark_node *child = cmark_node_first_child (node); child != NULL;
       child = cmark_node_next (child))
    {
      const char *literal = cmark_node_get_literal (child);

      switch (cmark_node_get_type (child))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_HTML_INLINE:
          append_plain (markup, plain, literal != NULL ? literal : "");
          break;
        case CMARK_NODE_CODE:
          g_string_append (markup, "<tt>");
          append_plain (markup, plain, literal != NULL ? literal : "");
          g_string_append (markup, "</tt>");
          break;
        case CMARK_NODE_SOFTBREAK:
          append_plain (markup, plain, " ");
          break;
        case CMARK_NODE_LINEBREAK:
          append_plain (markup, plain, "\n");
          break;
        case CMARK_NODE_EMPH:
          g_string_append (markup, "<i>");
          inline_markup (self, child, markup, plain, links);
          g_string_append (markup, "</i>");
          break;
        case CMARK_NODE_STRONG:
          g_string_append (markup, "<b>");
          inline_markup (self, child, markup, plain, links);
          g_string_append (markup, "</b>");
          break;
        case CMARK_NODE_LINK:
          {
            const char *url = cmark_node_get_url (child);
            Link link = { plain->len, 0, NULL };

            if (!link_is_external (url))
              {
                inline_markup (self, child, markup, plain, links);
                break;
              }
            g_string_append_printf (markup, "<span foreground=\"#%02x%02x%02x\" underline=\"single\">",
                                    (int) (self->accent[0] * 255), (int) (self->accent[1] * 255),
                                    (int) (self->accent[2] * 255));
            inline_markup (self, child, markup, plain, links);
            g_string_append (markup, "</span>");
            link.end = plain->len;
            link.uri = g_strdup (url);
            g_array_append_val (links, link);
          }
          break;
        case CMARK_NODE_IMAGE:
          /* An image inside a paragraph is printed as its alt text. */
          g_string_append (markup, "<i>");
          inline_markup (self, child, markup, plain, links);
          g_string_append (markup, "</i>");
          break;
        case CMARK_NODE_NONE:
        case CMARK_NODE_DOCUMENT:
        case CMARK_NODE_BLOCK_QUOTE:
        case CMARK_NODE_LIST:
        case CMARK_NODE_ITEM:
        case CMARK_NODE_CODE_BLOCK:
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_CUSTOM_BLOCK:
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HEADING:
        case CMARK_NODE_THEMATIC_BREAK:
        case CMARK_NODE_CUSTOM_INLINE:
        default:
          inline_markup (self, child, markup, plain, links);
          break;
        }
    }
}

static void
show_inline (Handout     *self,
             cmark_node  *node,
             const Style *style)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autoptr(GString) plain = g_string_new (NULL);
  g_autoptr(GArray) links = g_array_new (FALSE, FALSE, sizeof (Link));

  g_array_set_clear_func (links, (GDestroyNotify) link_clear);
  inline_markup (self, node, markup, plain, links);
  show_markup (self, markup->str, links, style);
}

/* A field value: one line of inline CommonMark. */
static void
show_value (Handout     *self,
            const char  *value,
            const Style *style)
{
  cmark_node *document;
  cmark_node *paragraph;

  if (value == NULL || *value == '\0')
    return;
  document = cmark_parse_document (value, strlen (value), CMARK_OPT_DEFAULT);
  paragraph = cmark_node_first_child (document);
  if (paragraph != NULL)
    show_inline (self, paragraph, style);
  cmark_node_free (document);
}

static void show_blocks (Handout     *self,
                         cmark_node  *parent,
                         const Style *style,
                         gboolean     skip_title);

static void
show_list (Handout     *self,
           cmark_node  *list,
           const Style *style)
{
  gboolean ordered = cmark_node_get_list_type (list) == CMARK_ORDERED_LIST;
  int number = cmark_node_get_list_start (list);
  Style item_style = *style;

  item_style.indent = style->indent + INDENT;
  cairo_tag_begin (self->cr, "L", NULL);
  for (cmark_node *item = cmark_node_first_child (list); item != NULL;
       item = cmark_node_next (item), number++)
    {
      g_autofree char *marker = ordered ? g_strdup_printf ("%d.", number) : g_strdup ("•");
      double item_top;
      guint item_page;
      Style marker_style = *style;

      need (self, style->size * 1.6);
      item_top = self->y;
      item_page = self->page;
      cairo_tag_begin (self->cr, "LI", NULL);
      show_blocks (self, item, &item_style, FALSE);
      /* The marker beside the item's first line, on the page it began. */
      if (item_page == self->page)
        {
          double after = self->y;

          self->y = item_top;
          marker_style.bold = FALSE;
          marker_style.tag = "Lbl";
          show_text (self, marker, &marker_style);
          self->y = after;
        }
      cairo_tag_end (self->cr, "LI");
    }
  cairo_tag_end (self->cr, "L");
}

static void
show_blocks (Handout     *self,
             cmark_node  *parent,
             const Style *style,
             gboolean     skip_title)
{
  for (cmark_node *node = cmark_node_first_child (parent); node != NULL;
       node = cmark_node_next (node))
    {
      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_PARAGRAPH:
          show_inline (self, node, style);
          space (self, style->size * 0.6);
          break;
        case CMARK_NODE_HEADING:
          {
            int level = cmark_node_get_heading_level (node);
            Style heading = *style;

            /* The page title is printed by the page itself. */
            if (level == 1 && skip_title)
              {
                skip_title = FALSE;
                break;
              }
            heading.size = level <= 2 ? 14.5 : 12;
            heading.bold = TRUE;
            heading.tag = level <= 2 ? "H2" : "H3";
            heading.accent = level <= 2;
            space (self, 8);
            need (self, 60);
            show_inline (self, node, &heading);
            space (self, 4);
          }
          break;
        case CMARK_NODE_LIST:
          show_list (self, node, style);
          space (self, style->size * 0.6);
          break;
        case CMARK_NODE_BLOCK_QUOTE:
          {
            Style quote = *style;

            quote.bar = TRUE;
            show_blocks (self, node, &quote, FALSE);
          }
          break;
        case CMARK_NODE_CODE_BLOCK:
        case CMARK_NODE_HTML_BLOCK:
          {
            Style code = *style;

            code.monospace = TRUE;
            code.size = style->size - 1;
            show_text (self, cmark_node_get_literal (node), &code);
            space (self, style->size * 0.6);
          }
          break;
        case CMARK_NODE_THEMATIC_BREAK:
          need (self, 12);
          cairo_set_source_rgb (self->cr, 0.75, 0.75, 0.75);
          cairo_rectangle (self->cr, MARGIN_SIDE, self->y + 5, CONTENT_WIDTH, 0.75);
          cairo_fill (self->cr);
          self->y += 12;
          break;
        case CMARK_NODE_NONE:
        case CMARK_NODE_DOCUMENT:
        case CMARK_NODE_ITEM:
        case CMARK_NODE_CUSTOM_BLOCK:
        case CMARK_NODE_TEXT:
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
        case CMARK_NODE_CODE:
        case CMARK_NODE_HTML_INLINE:
        case CMARK_NODE_CUSTOM_INLINE:
        case CMARK_NODE_EMPH:
        case CMARK_NODE_STRONG:
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
        default:
          show_blocks (self, node, style, FALSE);
          break;
        }
    }
}

static void
show_markdown (Handout     *self,
               const char  *text,
               gsize        length,
               const Style *style,
               gboolean     skip_title)
{
  /* Safe mode: raw HTML stays text, as on every other channel. */
  cmark_node *document = cmark_parse_document (text, length, CMARK_OPT_DEFAULT);

  show_blocks (self, document, style, skip_title);
  cmark_node_free (document);
}

/* --- media ----------------------------------------------------------------- */

/* The file @path names inside the course, or NULL when it is not there or
 * would leave the course folder (the one path rule, helder-course-path.h).
 */
static char *
course_file (Handout    *self,
             const char *path)
{
  g_autofree char *resolved = NULL;

  if (path == NULL
      || helder_course_path_check (self->root, path, &resolved) != HELDER_COURSE_PATH_INSIDE
      || !g_file_test (resolved, G_FILE_TEST_IS_REGULAR))
    return NULL;
  return g_steal_pointer (&resolved);
}

/* Draws a picture at its size, within the text width and IMAGE_MAX_HEIGHT. */
static void
show_picture (Handout    *self,
              const char *path)
{
  g_autofree char *file = course_file (self, path);
  g_autoptr(GError) error = NULL;
  double width = 0, height = 0, scale;

  if (file == NULL)
    return;

  if (g_str_has_suffix (file, ".svg") || g_str_has_suffix (file, ".SVG"))
    {
      RsvgHandle *handle = rsvg_handle_new_from_file (file, &error);
      RsvgRectangle viewport;
      gboolean has_width, has_height, has_viewbox;
      RsvgLength svg_width, svg_height;
      RsvgRectangle viewbox;

      if (handle == NULL)
        return;
      /* A drawing that gives only a viewBox is as large as its viewBox. */
      if (!rsvg_handle_get_intrinsic_size_in_pixels (handle, &width, &height))
        {
          rsvg_handle_get_intrinsic_dimensions (handle, &has_width, &svg_width, &has_height,
                                                &svg_height, &has_viewbox, &viewbox);
          if (!has_viewbox)
            {
              g_object_unref (handle);
              return;
            }
          width = viewbox.width;
          height = viewbox.height;
        }
      if (width <= 0 || height <= 0)
        {
          g_object_unref (handle);
          return;
        }
      scale = MIN (1.0, MIN (CONTENT_WIDTH / width, IMAGE_MAX_HEIGHT / height));
      need (self, height * scale + 6);
      viewport = (RsvgRectangle) { MARGIN_SIDE, self->y, width * scale, height * scale };
      cairo_tag_begin (self->cr, "Figure", NULL);
      rsvg_handle_render_document (handle, self->cr, &viewport, NULL);
      cairo_tag_end (self->cr, "Figure");
      g_object_unref (handle);
      self->y += height * scale + 6;
      return;
    }
  else
    {
      g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_file (file, &error);
      cairo_surface_t *image;
      int stride;
      guchar *data;
      const guchar *pixels;
      gboolean alpha;
      int channels;

      if (pixbuf == NULL)
        return;
      width = gdk_pixbuf_get_width (pixbuf);
      height = gdk_pixbuf_get_height (pixbuf);
      /* Photos are printed at about 150 dpi, never wider than the text. */
      scale = MIN (72.0 / 150.0, MIN (CONTENT_WIDTH / width, IMAGE_MAX_HEIGHT / height));

      image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      stride = cairo_image_surface_get_stride (image);
      data = cairo_image_surface_get_data (image);
      pixels = gdk_pixbuf_read_pixels (pixbuf);
      alpha = gdk_pixbuf_get_has_alpha (pixbuf);
      channels = gdk_pixbuf_get_n_channels (pixbuf);
      cairo_surface_flush (image);
      for (int row = 0; row < (int) height; row++)
        for (int column = 0; column < (int) width; column++)
          {
            const guchar *p = pixels + row * gdk_pixbuf_get_rowstride (pixbuf) + column * channels;
            guint a = alpha ? p[3] : 255;
            guint32 *out = (guint32 *) (data + row * stride) + column;

            /* cairo wants premultiplied native-endian ARGB. */
            *out = (a << 24) | ((p[0] * a / 255) << 16) | ((p[1] * a / 255) << 8) | (p[2] * a / 255);
          }
      cairo_surface_mark_dirty (image);

      need (self, height * scale + 6);
      cairo_save (self->cr);
      cairo_translate (self->cr, MARGIN_SIDE, self->y);
      cairo_scale (self->cr, scale, scale);
      cairo_set_source_surface (self->cr, image, 0, 0);
      cairo_tag_begin (self->cr, "Figure", NULL);
      cairo_paint (self->cr);
      cairo_tag_end (self->cr, "Figure");
      cairo_restore (self->cr);
      cairo_surface_destroy (image);
      self->y += height * scale + 6;
    }
}

static void
show_caption (Handout    *self,
              const char *caption)
{
  Style style = body_style;

  style.size = BODY_SIZE - 1.5;
  style.italic = TRUE;
  style.tag = "Caption";
  show_value (self, caption, &style);
  space (self, 8);
}

/* --- blocks ---------------------------------------------------------------- */

static char *
answer_letter (guint index)
{
  return g_strdup_printf ("%c", 'A' + (char) (index % 26));
}

/* A knowledge check, a test question or a scenario: the question, the
 * choices lettered, and an entry in the answer key.
 */
static void
show_question (Handout           *self,
               const HelderBlock *block)
{
  gboolean scenario = block->kind == HELDER_BLOCK_SCENARIO;
  const char *answer_key = scenario ? "choice" : "answer";
  g_autoptr(GString) right = g_string_new (NULL);
  g_autoptr(GString) explanation = g_string_new (NULL);
  g_autofree char *heading = NULL;
  KeyEntry *entry;
  Style bold = body_style;
  Style option = body_style;

  if (!self->options->questions)
    return;

  self->question++;
  heading = g_strdup_printf ("%s %u", helder_renderer_get_label (self->renderer, "question"),
                             self->question);
  bold.bold = TRUE;
  option.indent = INDENT;
  space (self, 6);
  need (self, 80);
  show_text (self, heading, &bold);
  if (scenario)
    {
      show_value (self, helder_block_get_value (block, "title"), &bold);
      show_value (self, helder_block_get_value (block, "situation"), &body_style);
    }
  show_value (self, helder_block_get_value (block, "question"), &body_style);

  for (guint i = 0; i < block->items->len; i++)
    {
      const HelderBlockItem *item = g_ptr_array_index (block->items, i);
      const char *text = helder_block_item_get_value (item, answer_key);
      gboolean correct = helder_value_is_yes (helder_block_item_get_value (item, scenario ? "best"
                                                                                             : "correct"));
      g_autofree char *letter = answer_letter (i);
      g_autofree char *line = g_strdup_printf ("%s.  %s", letter, text != NULL ? text : "");
      const char *feedback = helder_block_item_get_value (item, "feedback");

      show_value (self, line, &option);
      if (correct)
        {
          g_string_append_printf (right, "%s%s", right->len > 0 ? ", " : "", letter);
          if (feedback != NULL)
            g_string_append_printf (explanation, "%s%s", explanation->len > 0 ? " " : "", feedback);
        }
    }
  space (self, 8);

  entry = g_new0 (KeyEntry, 1);
  entry->number = self->question;
  entry->answer = g_string_free (g_steal_pointer (&right), FALSE);
  entry->explanation = g_string_free (g_steal_pointer (&explanation), FALSE);
  g_ptr_array_add (self->key, entry);
}

static void
show_survey (Handout           *self,
             const HelderBlock *block)
{
  Style small = body_style;

  if (!self->options->questions)
    return;
  small.size = BODY_SIZE - 1;
  space (self, 6);
  show_value (self, helder_block_get_value (block, "question"), &body_style);
  if (g_strcmp0 (helder_block_get_value (block, "kind"), "likert") == 0)
    {
      g_autofree char *scale = g_strdup_printf ("1  2  3  4  5   (1 = %s, 5 = %s)",
                                                helder_block_get_value (block, "low"),
                                                helder_block_get_value (block, "high"));

      show_text (self, scale, &small);
    }
  else
    {
      /* Room to write an answer by hand. */
      need (self, 60);
      cairo_set_source_rgb (self->cr, 0.7, 0.7, 0.7);
      for (int i = 1; i <= 3; i++)
        cairo_rectangle (self->cr, MARGIN_SIDE, self->y + i * 18, CONTENT_WIDTH, 0.5);
      cairo_fill (self->cr);
      self->y += 60;
    }
  space (self, 8);
}

static void
show_items (Handout           *self,
            const HelderBlock *block,
            const char        *title_key,
            const char        *text_key)
{
  Style bold = body_style;
  Style text = body_style;

  bold.bold = TRUE;
  text.indent = block->kind == HELDER_BLOCK_FLASHCARDS ? INDENT : 0;
  for (guint i = 0; i < block->items->len; i++)
    {
      const HelderBlockItem *item = g_ptr_array_index (block->items, i);
      const char *title = helder_block_item_get_value (item, title_key);

      need (self, 40);
      if (block->kind == HELDER_BLOCK_STEPS)
        {
          g_autofree char *numbered = g_strdup_printf ("%u. %s", i + 1, title != NULL ? title : "");

          show_value (self, numbered, &bold);
        }
      else
        show_value (self, title, &bold);
      show_value (self, helder_block_item_get_value (item, text_key), &text);
      space (self, 6);
    }
  space (self, 4);
}

static void
show_media (Handout           *self,
            const HelderBlock *block)
{
  g_autofree char *transcript_file = course_file (self, helder_block_get_value (block, "transcript"));
  g_autofree char *transcript = NULL;
  const char *title = helder_block_get_value (block, "title");
  Style bold = body_style;
  gsize length = 0;

  bold.bold = TRUE;
  space (self, 4);
  show_picture (self, helder_block_get_value (block, "poster"));
  if (title != NULL)
    show_value (self, title, &bold);
  if (transcript_file != NULL && g_file_get_contents (transcript_file, &transcript, &length, NULL)
      && g_utf8_validate (transcript, length, NULL))
    {
      Style label = body_style;

      label.italic = TRUE;
      show_text (self, helder_renderer_get_label (self->renderer, "transcript"), &label);
      show_markdown (self, transcript, length, &body_style, FALSE);
    }
  space (self, 6);
}

static void
show_callout (Handout           *self,
              HelderPage        *page,
              const HelderBlock *block)
{
  const char *text = helder_page_get_text (page);
  g_autofree char *type = g_ascii_strdown (block->info != NULL ? block->info : "note", -1);
  g_autofree char *label_key = g_strconcat ("callout_", type, NULL);
  const char *title = block->title != NULL ? block->title
                                           : helder_renderer_get_label (self->renderer, label_key);
  g_autofree char *body = helder_block_dup_callout_body (text, helder_page_get_length (page), block);
  Style style = body_style;
  Style heading = body_style;

  style.bar = TRUE;
  heading.bar = TRUE;
  heading.bold = TRUE;
  heading.accent = TRUE;
  space (self, 4);
  need (self, 50);
  show_text (self, title, &heading);
  show_markdown (self, body, strlen (body), &style, FALSE);
  space (self, 6);
}

/* Where the page's facts come from, and when they were checked. */
static void
show_sources (Handout           *self,
              const HelderBlock *block)
{
  const char *checked_value = helder_block_get_value (block, "checked");
  Style heading = body_style;
  Style small = body_style;
  GDate checked;

  heading.bold = TRUE;
  heading.tag = "H3";
  small.size = BODY_SIZE - 1.5;
  space (self, 6);
  need (self, 40);
  show_text (self, helder_renderer_get_label (self->renderer, "sources"), &heading);
  for (guint i = 0; i < block->items->len; i++)
    {
      const HelderBlockItem *item = g_ptr_array_index (block->items, i);
      const char *title = helder_block_item_get_value (item, "title");
      const char *url = helder_block_item_get_value (item, "url");
      g_autofree char *line = url != NULL ? g_strdup_printf ("%s (%s)", title, url)
                                          : g_strdup (title);

      show_text (self, line, &small);
    }
  if (checked_value != NULL && helder_date_parse_iso (checked_value, &checked))
    {
      g_autofree char *day = helder_date_dup_long (&checked,
                                                   helder_renderer_get_label (self->renderer,
                                                                              "months"));
      g_autoptr(GString) line = g_string_new (helder_renderer_get_label (self->renderer,
                                                                         "sources_checked"));

      g_string_replace (line, "{date}", day, 0);
      small.italic = TRUE;
      show_text (self, line->str, &small);
    }
  space (self, 6);
}

static void
show_block (Handout           *self,
            HelderPage        *page,
            const HelderBlock *block,
            gboolean          *skip_title)
{
  const char *text = helder_page_get_text (page);

  switch (block->kind)
    {
    case HELDER_BLOCK_TEXT:
    case HELDER_BLOCK_HEADING:
    case HELDER_BLOCK_CODE:
    case HELDER_BLOCK_HTML:
      show_markdown (self, text + block->range.start, block->range.end - block->range.start,
                     &body_style, *skip_title);
      if (block->kind == HELDER_BLOCK_HEADING && block->level == 1)
        *skip_title = FALSE;
      break;
    case HELDER_BLOCK_CALLOUT:
      show_callout (self, page, block);
      break;
    case HELDER_BLOCK_IMAGE:
      space (self, 4);
      show_picture (self, helder_block_get_value (block, "src"));
      show_caption (self, helder_block_get_value (block, "caption"));
      break;
    case HELDER_BLOCK_VIDEO:
    case HELDER_BLOCK_AUDIO:
      show_media (self, block);
      break;
    case HELDER_BLOCK_ACCORDION:
    case HELDER_BLOCK_TABS:
    case HELDER_BLOCK_STEPS:
      show_items (self, block, "title", "text");
      break;
    case HELDER_BLOCK_FLASHCARDS:
      show_items (self, block, "front", "back");
      break;
    case HELDER_BLOCK_CHECK:
    case HELDER_BLOCK_QUESTION:
    case HELDER_BLOCK_SCENARIO:
      show_question (self, block);
      break;
    case HELDER_BLOCK_SURVEY:
      show_survey (self, block);
      break;
    case HELDER_BLOCK_SOURCES:
      show_sources (self, block);
      break;
    case HELDER_BLOCK_CONTINUE:
    case HELDER_N_BLOCK_KINDS:
    default:
      break;
    }
}

static void
show_page (Handout      *self,
           HelderModule *module,
           HelderPage   *page)
{
  const HelderPageContent *content = helder_page_get_content (page);
  TocEntry *entry = g_ptr_array_index (self->toc, self->toc_next++);
  g_autofree char *dest = g_strdup_printf ("name='%s'", entry->dest);
  Style title = body_style;
  gboolean skip_title = TRUE;

  title.size = 20;
  title.bold = TRUE;
  title.tag = "H1";
  end_page (self);
  start_page (self);
  entry->page = self->page;
  cairo_tag_begin (self->cr, CAIRO_TAG_DEST, dest);
  cairo_tag_end (self->cr, CAIRO_TAG_DEST);
  show_text (self, helder_page_get_title (page) != NULL ? helder_page_get_title (page)
                                                        : helder_page_get_id (page), &title);
  cairo_set_source_rgb (self->cr, self->accent[0], self->accent[1], self->accent[2]);
  cairo_rectangle (self->cr, MARGIN_SIDE, self->y + 4, 48, 3);
  cairo_fill (self->cr);
  self->y += 18;

  for (guint i = 0; i < content->blocks->len; i++)
    show_block (self, page, g_ptr_array_index (content->blocks, i), &skip_title);
}

/* --- the document ---------------------------------------------------------- */

static gboolean
module_included (Handout      *self,
                 HelderModule *module)
{
  return self->only == NULL || self->only == module;
}

static void
collect_toc (Handout *self)
{
  HelderPageIter iter = helder_course_iter_pages (self->course);
  HelderModule *last = NULL;
  int parent = -1;

  while (helder_page_iter_next (&iter))
    {
      TocEntry *entry;

      if (!module_included (self, iter.module))
        continue;
      if (iter.module != last && self->only == NULL)
        {
          entry = g_new0 (TocEntry, 1);
          entry->title = g_strdup (helder_module_get_title (iter.module));
          entry->dest = g_strdup_printf ("module-%u", iter.module_index + 1);
          entry->module = TRUE;
          entry->outline_parent = -1;
          parent = self->toc->len;
          g_ptr_array_add (self->toc, entry);
        }
      last = iter.module;
      entry = g_new0 (TocEntry, 1);
      entry->title = g_strdup (helder_page_get_title (iter.page) != NULL
                               ? helder_page_get_title (iter.page) : helder_page_get_id (iter.page));
      entry->dest = g_strdup_printf ("page-%u-%u", iter.module_index + 1, iter.page_index + 1);
      entry->outline_parent = parent;
      g_ptr_array_add (self->toc, entry);
    }
}

static void
show_contents (Handout *self)
{
  Style title = body_style;
  Style heading = body_style;
  PangoLayout *layout = pango_cairo_create_layout (self->cr);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY " 10.5");

  title.size = 24;
  title.bold = TRUE;
  title.tag = "H1";
  heading.size = 14.5;
  heading.bold = TRUE;
  heading.accent = TRUE;
  heading.tag = "H2";
  set_accent (self, self->only);

  start_page (self);
  show_text (self, helder_course_get_title (self->course), &title);
  if (self->only != NULL)
    {
      Style module_title = title;

      module_title.size = 17;
      module_title.accent = TRUE;
      show_text (self, helder_module_get_title (self->only), &module_title);
    }
  else if (helder_course_get_description (self->course) != NULL)
    show_text (self, helder_course_get_description (self->course), &body_style);
  space (self, 24);
  show_text (self, helder_renderer_get_label (self->renderer, "contents"), &heading);
  space (self, 6);

  pango_layout_set_font_description (layout, font);
  cairo_tag_begin (self->cr, "TOC", NULL);
  for (guint i = 0; i < self->toc->len; i++)
    {
      TocEntry *entry = g_ptr_array_index (self->toc, i);
      g_autofree char *number = g_strdup_printf ("%u", entry->page);
      g_autofree char *link = g_strdup_printf ("dest='%s'", entry->dest);
      int width, height;
      double indent = entry->module ? 0 : (self->only == NULL ? INDENT : 0);

      if (entry->module)
        space (self, 6);
      need (self, 18);
      pango_font_description_set_weight (font, entry->module ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
      pango_layout_set_font_description (layout, font);
      cairo_set_source_rgb (self->cr, 0.1, 0.1, 0.1);
      cairo_tag_begin (self->cr, "TOCI", NULL);
      cairo_tag_begin (self->cr, CAIRO_TAG_LINK, link);
      pango_layout_set_width (layout, (CONTENT_WIDTH - indent - 40) * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_text (layout, entry->title, -1);
      cairo_move_to (self->cr, MARGIN_SIDE + indent, self->y);
      pango_cairo_show_layout (self->cr, layout);
      pango_layout_set_width (layout, -1);
      pango_layout_set_text (layout, number, -1);
      pango_layout_get_pixel_size (layout, &width, &height);
      cairo_move_to (self->cr, MARGIN_SIDE + CONTENT_WIDTH - width, self->y);
      pango_cairo_show_layout (self->cr, layout);
      cairo_tag_end (self->cr, CAIRO_TAG_LINK);
      cairo_tag_end (self->cr, "TOCI");
      self->y += height + 4;
    }
  cairo_tag_end (self->cr, "TOC");

  pango_font_description_free (font);
  g_object_unref (layout);
}

static void
show_answer_key (Handout *self)
{
  Style heading = body_style;
  Style bold = body_style;

  if (self->key->len == 0)
    return;
  heading.size = 20;
  heading.bold = TRUE;
  heading.tag = "H1";
  bold.bold = TRUE;
  end_page (self);
  start_page (self);
  show_text (self, helder_renderer_get_label (self->renderer, "answers"), &heading);
  space (self, 12);
  for (guint i = 0; i < self->key->len; i++)
    {
      KeyEntry *entry = g_ptr_array_index (self->key, i);
      g_autofree char *line = g_strdup_printf ("%s %u: %s",
                                               helder_renderer_get_label (self->renderer, "question"),
                                               entry->number, entry->answer);

      need (self, 30);
      show_text (self, line, &bold);
      show_value (self, entry->explanation, &body_style);
      space (self, 6);
    }
}

static cairo_status_t
discard_cb (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

static void
add_outline (Handout *self)
{
  g_autofree int *ids = g_new0 (int, self->toc->len);

  for (guint i = 0; i < self->toc->len; i++)
    {
      TocEntry *entry = g_ptr_array_index (self->toc, i);
      g_autofree char *link = g_strdup_printf ("dest='%s'", entry->dest);
      int parent = entry->outline_parent >= 0 ? ids[entry->outline_parent]
                                              : CAIRO_PDF_OUTLINE_ROOT;

      ids[i] = cairo_pdf_surface_add_outline (self->surface, parent, entry->title, link,
                                              entry->module ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
    }
}

/* One pass over the whole document: the contents, the pages, the key. */
static void
lay_out (Handout *self)
{
  HelderPageIter iter = helder_course_iter_pages (self->course);
  HelderModule *last = NULL;

  self->page = 0;
  self->page_started = FALSE;
  self->toc_next = 0;
  self->question = 0;
  g_ptr_array_set_size (self->key, 0);

  cairo_tag_begin (self->cr, "Document", NULL);
  show_contents (self);
  while (helder_page_iter_next (&iter))
    {
      if (!module_included (self, iter.module))
        continue;
      if (iter.module != last)
        {
          set_accent (self, iter.module);
          if (self->only == NULL)
            {
              TocEntry *entry = g_ptr_array_index (self->toc, self->toc_next++);
              g_autofree char *dest = NULL;

              end_page (self);
              start_page (self);
              entry->page = self->page;
              dest = g_strdup_printf ("name='%s'", entry->dest);
              cairo_tag_begin (self->cr, CAIRO_TAG_DEST, dest);
              cairo_tag_end (self->cr, CAIRO_TAG_DEST);
              /* The module's own first page carries its title. */
              self->page_started = TRUE;
              {
                Style module_title = body_style;

                module_title.size = 26;
                module_title.bold = TRUE;
                module_title.accent = TRUE;
                module_title.tag = "H1";
                self->y = PAGE_HEIGHT / 3;
                show_text (self, helder_module_get_title (iter.module), &module_title);
              }
            }
          last = iter.module;
        }
      show_page (self, iter.module, iter.page);
    }
  show_answer_key (self);
  cairo_tag_end (self->cr, "Document");
  end_page (self);
}

/**
 * helder_handout_write:
 * @module: (nullable): the module to print; NULL for the whole course
 * @options: (nullable): what to print; NULL for the defaults
 * @output: the PDF file to write
 * @n_pages: (out) (optional): the number of pages written
 *
 * Writes a PDF handout. The file is written whole to a temporary name
 * beside @output and renamed into place.
 *
 * Returns: %TRUE on success
 */
gboolean
helder_handout_write (HelderCourse               *course,
                      HelderModule               *module,
                      const HelderHandoutOptions *options,
                      const char                 *output,
                      guint                      *n_pages,
                      GError                    **error)
{
  Handout self = { 0 };
  HelderHandoutOptions defaults;
  g_autofree char *temporary = NULL;
  cairo_status_t status;
  char *resolved;
  int fd;

  g_return_val_if_fail (HELDER_IS_COURSE (course), FALSE);
  g_return_val_if_fail (module == NULL || HELDER_IS_MODULE (module), FALSE);
  g_return_val_if_fail (output != NULL, FALSE);

  if (options == NULL)
    {
      helder_handout_options_init (&defaults);
      options = &defaults;
    }

  self.course = course;
  self.only = module;
  self.options = options;
  self.renderer = helder_renderer_new (course);
  resolved = realpath (helder_course_get_path (course), NULL);
  self.root = g_strdup (resolved != NULL ? resolved : helder_course_get_path (course));
  free (resolved);
  self.toc = g_ptr_array_new_with_free_func ((GDestroyNotify) toc_entry_free);
  self.key = g_ptr_array_new_with_free_func ((GDestroyNotify) key_entry_free);
  collect_toc (&self);

  /* First pass: where every page lands, and how many there are. */
  self.surface = cairo_pdf_surface_create_for_stream (discard_cb, NULL, PAGE_WIDTH, PAGE_HEIGHT);
  self.cr = cairo_create (self.surface);
  lay_out (&self);
  self.total = self.page;
  cairo_destroy (self.cr);
  cairo_surface_destroy (self.surface);

  /* Second pass: the same layout, with the numbers known. */
  temporary = g_strconcat (output, ".XXXXXX", NULL);
  fd = g_mkstemp (temporary);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot write “%s”: %s"), output, g_strerror (saved));
      helder_renderer_free (self.renderer);
      g_free (self.root);
      g_ptr_array_unref (self.toc);
      g_ptr_array_unref (self.key);
      return FALSE;
    }
  close (fd);
  self.surface = cairo_pdf_surface_create (temporary, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (self.surface, CAIRO_PDF_METADATA_TITLE,
                                  module != NULL ? helder_module_get_title (module)
                                                 : helder_course_get_title (course));
  cairo_pdf_surface_set_metadata (self.surface, CAIRO_PDF_METADATA_CREATOR, "Helder");
  self.cr = cairo_create (self.surface);
  lay_out (&self);
  add_outline (&self);
  cairo_destroy (self.cr);
  cairo_surface_finish (self.surface);
  status = cairo_surface_status (self.surface);
  cairo_surface_destroy (self.surface);

  helder_renderer_free (self.renderer);
  g_free (self.root);
  g_ptr_array_unref (self.toc);
  g_ptr_array_unref (self.key);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("Cannot write “%s”: %s"), output, cairo_status_to_string (status));
      g_unlink (temporary);
      return FALSE;
    }
  if (g_rename (temporary, output) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot write “%s”: %s"), output, g_strerror (saved));
      g_unlink (temporary);
      return FALSE;
    }
  if (n_pages != NULL)
    *n_pages = self.total;
  return TRUE;
}
