/* helder-tips-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-tips-export"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "helder-colour.h"
#include "helder-contrast.h"
#include "helder-diagnostic.h"
#include "helder-exporter.h"
#include "helder-markup.h"
#include "helder-renderer.h"
#include "helder-tip-checks.h"
#include "helder-tips-export.h"
#include "helder-tips.h"

#define DEFAULT_ACCENT "#1d5f8a"
#define SLIDE_MARGIN 140
#define TITLE_PIXELS 84
#define TEXT_PIXELS 60
#define TEXT_MIN_PIXELS 44

typedef struct
{
  HelderColour accent;
  HelderColour ink;       /* the text on the accent colour */
  const char  *module;    /* the module's title, or NULL */
  const char  *page;      /* the page's title, or NULL */
} TipLook;

/* The colour and the place in the course of the page a tip comes from. */
static void
tip_look (HelderCourse    *course,
          const HelderTip *tip,
          TipLook         *look)
{
  static const HelderColour white = { 255, 255, 255 };
  static const HelderColour dark = { 0x1a, 0x1a, 0x1a };
  HelderPage *page = tip->page != NULL ? helder_course_find_page (course, tip->page) : NULL;
  HelderModule *module = NULL;
  const char *colour = NULL;

  look->module = NULL;
  look->page = NULL;
  if (page != NULL)
    {
      HelderPageIter iter = helder_course_iter_pages (course);

      while (helder_page_iter_next (&iter))
        if (iter.page == page)
          module = iter.module;
      look->page = helder_page_get_title (page);
    }
  if (module != NULL)
    {
      look->module = helder_module_get_title (module);
      colour = helder_module_get_colour (module);
    }
  if (colour == NULL || !helder_colour_parse (colour, &look->accent, NULL))
    helder_colour_parse (DEFAULT_ACCENT, &look->accent, NULL);
  /* Whichever of white and near-black reads better on the module colour;
   * one of them always reaches 4.5:1.
   */
  look->ink = helder_contrast_ratio (&white, &look->accent)
              >= helder_contrast_ratio (&dark, &look->accent) ? white : dark;
}

static char *
tip_slug (const HelderTip *tip,
          guint            number)
{
  g_autofree char *lower = g_utf8_strdown (tip->title, -1);
  g_autofree char *ascii = g_str_to_ascii (lower, "C");
  GString *slug = g_string_new (NULL);

  g_string_append_printf (slug, "tip-%02u-", number);
  for (const char *p = ascii; *p != '\0' && slug->len < 48; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, *p);
      else if (slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  return g_string_free (slug, FALSE);
}

/* "Meer hierover in de cursus: {page}" and such, from the player's labels. */
static char *
label_with (HelderRenderer *renderer,
            const char     *key,
            const char     *name,
            const char     *value)
{
  g_autofree char *placeholder = g_strdup_printf ("{%s}", name);
  g_auto(GStrv) parts = g_strsplit (helder_renderer_get_label (renderer, key), placeholder, -1);

  return g_strjoinv (value, parts);
}

/* The tip's paragraphs as <p> elements with the given inline style. */
static void
append_paragraphs (GString    *out,
                   const char *text,
                   const char *style)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n\n", -1);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_string_append_printf (out, "<p style=\"%s\">", style);
      helder_markup_append_escaped (out, paragraphs[i]);
      g_string_append (out, "</p>\n");
    }
}

static char *
more_line (HelderRenderer *renderer,
           const TipLook  *look)
{
  g_autofree char *where = NULL;

  if (look->page == NULL)
    return NULL;
  where = look->module != NULL ? g_strdup_printf ("%s, %s", look->module, look->page)
                               : g_strdup (look->page);
  return label_with (renderer, "tip_more", "page", where);
}

static char *
tip_email (HelderCourse    *course,
           HelderRenderer  *renderer,
           const HelderTip *tip,
           const TipLook   *look)
{
  g_autofree char *accent = helder_colour_to_string (&look->accent);
  g_autofree char *more = more_line (renderer, look);
  GString *html = g_string_new (NULL);

  /* Tables and inline styles: what e-mail programs render alike. No
   * images, so nothing is lost when a mail program blocks them.
   */
  g_string_append_printf (html, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                                "<title>", helder_course_get_language (course));
  helder_markup_append_escaped (html, tip->title);
  g_string_append (html, "</title>\n</head>\n"
                         "<body style=\"margin:0;padding:0;background:#f2f2f2;\">\n"
                         "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" "
                         "style=\"background:#f2f2f2;\"><tr><td align=\"center\" style=\"padding:24px 12px;\">\n");
  g_string_append_printf (html, "<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" "
                                "style=\"width:100%%;max-width:600px;background:#ffffff;"
                                "border-top:8px solid %s;\"><tr>\n"
                                "<td style=\"padding:24px 28px;font-family:Arial,Helvetica,sans-serif;"
                                "color:#1a1a1a;\">\n", accent);
  g_string_append (html, "<p style=\"margin:0 0 8px;font-size:15px;color:#4d4d4d;\">");
  helder_markup_append_escaped (html, helder_renderer_get_label (renderer, "tip_kicker"));
  g_string_append (html, " · ");
  helder_markup_append_escaped (html, helder_course_get_title (course));
  g_string_append (html, "</p>\n<h1 style=\"margin:0 0 16px;font-size:26px;line-height:1.3;color:#1a1a1a;\">");
  helder_markup_append_escaped (html, tip->title);
  g_string_append (html, "</h1>\n");
  append_paragraphs (html, tip->text, "margin:0 0 16px;font-size:18px;line-height:1.5;color:#1a1a1a;");
  if (more != NULL)
    {
      g_string_append (html, "<p style=\"margin:8px 0 0;font-size:16px;line-height:1.5;color:#4d4d4d;\">");
      helder_markup_append_escaped (html, more);
      g_string_append (html, "</p>\n");
    }
  g_string_append (html, "</td></tr></table>\n</td></tr></table>\n</body>\n</html>\n");
  return g_string_free (html, FALSE);
}

static PangoLayout *
slide_layout (cairo_t    *cr,
              const char *text,
              int         pixels,
              gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, pixels * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (HELDER_SLIDE_WIDTH - 2 * SLIDE_MARGIN) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_line_spacing (layout, 1.2);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (font);
  return layout;
}

static gboolean
tip_slide (HelderCourse     *course,
           HelderRenderer   *renderer,
           const HelderTip  *tip,
           const TipLook    *look,
           const char       *path,
           GError          **error)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, HELDER_SLIDE_WIDTH,
                                                         HELDER_SLIDE_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *kicker = g_strdup_printf ("%s · %s",
                                             helder_renderer_get_label (renderer, "tip_kicker"),
                                             helder_course_get_title (course));
  g_autofree char *more = more_line (renderer, look);
  PangoLayout *title = NULL;
  PangoLayout *text = NULL;
  PangoLayout *footer;
  int title_height, text_height, footer_height;
  int pixels = TEXT_PIXELS;
  int room;
  cairo_status_t status;

  cairo_set_source_rgb (cr, look->accent.red / 255.0, look->accent.green / 255.0,
                        look->accent.blue / 255.0);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, look->ink.red / 255.0, look->ink.green / 255.0,
                        look->ink.blue / 255.0);

  footer = slide_layout (cr, more != NULL ? more : kicker, 36, FALSE);
  pango_layout_get_pixel_size (footer, NULL, &footer_height);
  title = slide_layout (cr, tip->title, TITLE_PIXELS, TRUE);
  pango_layout_get_pixel_size (title, NULL, &title_height);
  room = HELDER_SLIDE_HEIGHT - 2 * 110 - footer_height - title_height - 48;
  /* The text as large as fits, but never smaller than a screen three
   * metres away allows.
   */
  do
    {
      g_clear_object (&text);
      text = slide_layout (cr, tip->text, pixels, FALSE);
      pango_layout_get_pixel_size (text, NULL, &text_height);
      pixels -= 4;
    }
  while (text_height > room && pixels >= TEXT_MIN_PIXELS);

  cairo_move_to (cr, SLIDE_MARGIN, 110);
  pango_cairo_show_layout (cr, title);
  cairo_move_to (cr, SLIDE_MARGIN, 110 + title_height + 48);
  pango_cairo_show_layout (cr, text);
  cairo_move_to (cr, SLIDE_MARGIN, HELDER_SLIDE_HEIGHT - 110 - footer_height);
  pango_cairo_show_layout (cr, footer);

  g_object_unref (title);
  g_object_unref (text);
  g_object_unref (footer);
  cairo_destroy (cr);

  if (text_height > room)
    {
      cairo_surface_destroy (surface);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("The tip “%s” is too long for a screen: shorten it to at most %u words."),
                   tip->title, HELDER_TIP_MAX_WORDS);
      return FALSE;
    }
  status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _("Cannot write “%s”: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static char *
rfc3339_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static char *
tip_feed (HelderCourse   *course,
          HelderRenderer *renderer,
          GPtrArray      *tips,
          GPtrArray      *emails)
{
  g_autofree char *updated = rfc3339_now ();
  GString *feed = g_string_new ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
  g_autofree char *title = g_strdup_printf ("%s · %s", helder_course_get_title (course),
                                            helder_renderer_get_label (renderer, "tip_kicker"));

  g_string_append_printf (feed, "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"%s\">\n",
                          helder_course_get_language (course));
  g_string_append (feed, "  <title>");
  helder_markup_append_escaped (feed, title);
  g_string_append_printf (feed, "</title>\n  <id>urn:helder:%s:tips</id>\n  <updated>%s</updated>\n",
                          helder_course_get_id (course), updated);
  g_string_append (feed, "  <author><name>");
  helder_markup_append_escaped (feed, helder_course_get_title (course));
  g_string_append (feed, "</name></author>\n  <generator>Helder</generator>\n");
  for (guint i = 0; i < tips->len; i++)
    {
      HelderTip *tip = g_ptr_array_index (tips, i);
      g_autofree char *slug = tip_slug (tip, i + 1);
      g_autoptr(GString) content = g_string_new (NULL);

      g_string_append (feed, "  <entry>\n    <title>");
      helder_markup_append_escaped (feed, tip->title);
      g_string_append_printf (feed, "</title>\n    <id>urn:helder:%s:%s</id>\n"
                                    "    <updated>%s</updated>\n    <summary>",
                              helder_course_get_id (course), slug, updated);
      helder_markup_append_escaped (feed, tip->text);
      g_string_append (feed, "</summary>\n    <content type=\"html\">");
      append_paragraphs (content, tip->text, "margin:0 0 1em");
      helder_markup_append_escaped (feed, content->str);
      g_string_append_printf (feed, "</content>\n    <link rel=\"alternate\" type=\"text/html\" "
                                    "href=\"%s\"/>\n  </entry>\n",
                              (const char *) g_ptr_array_index (emails, i));
    }
  g_string_append (feed, "</feed>\n");
  return g_string_free (feed, FALSE);
}

static gboolean
write_text (const char  *path,
            const char  *text,
            GError     **error)
{
  return g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

static gboolean
make_folder (const char  *path,
             GError     **error)
{
  if (g_mkdir_with_parents (path, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot create the folder “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/**
 * helder_tips_export:
 * @folder: receives feed.xml, email/ and slides/ (and tips-draft.md when
 *   the course has no tips.md)
 * @force: write even when the tips' checks report errors
 * @problems: (out) (optional) (transfer container): the findings in
 *   tips.md, set when they stop the export
 * @n_tips: (out) (optional): the number of tips written
 * @drafted: (out) (optional): whether the tips were drafted from callouts
 *
 * Returns: %TRUE when everything was written
 */
gboolean
helder_tips_export (HelderCourse  *course,
                    const char    *folder,
                    gboolean       force,
                    GPtrArray    **problems,
                    guint         *n_tips,
                    gboolean      *drafted,
                    GError       **error)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  g_autoptr(GPtrArray) tips = NULL;
  g_autoptr(GPtrArray) emails = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(HelderRenderer) renderer = NULL;
  g_autofree char *text = NULL;
  g_autofree char *email_folder = g_build_filename (folder, "email", NULL);
  g_autofree char *slide_folder = g_build_filename (folder, "slides", NULL);
  g_autofree char *feed = NULL;
  g_autofree char *feed_path = g_build_filename (folder, "feed.xml", NULL);

  g_return_val_if_fail (HELDER_IS_COURSE (course), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);

  if (problems != NULL)
    *problems = NULL;
  if (!helder_tip_checks_run (course, findings, error))
    return FALSE;
  if (helder_diagnostics_have_errors (findings) && !force)
    {
      helder_diagnostics_sort (findings);
      if (problems != NULL)
        *problems = g_steal_pointer (&findings);
      g_set_error (error, HELDER_EXPORT_ERROR, HELDER_EXPORT_ERROR_CHECKS,
                   _("The tips have errors; correct them in %s first."), HELDER_TIPS_FILE);
      return FALSE;
    }

  tips = helder_tips_load (course, &text, NULL, error);
  if (tips == NULL)
    return FALSE;
  if (drafted != NULL)
    *drafted = text == NULL;
  if (tips->len == 0)
    {
      g_set_error (error, HELDER_EXPORT_ERROR, HELDER_EXPORT_ERROR_CHECKS,
                   _("The course has no tips: write them in %s, or add “Wat kun jij doen?” "
                     "callouts to its pages to draft them from."), HELDER_TIPS_FILE);
      return FALSE;
    }

  if (!make_folder (email_folder, error) || !make_folder (slide_folder, error))
    return FALSE;

  renderer = helder_renderer_new (course);
  for (guint i = 0; i < tips->len; i++)
    {
      HelderTip *tip = g_ptr_array_index (tips, i);
      g_autofree char *slug = tip_slug (tip, i + 1);
      g_autofree char *email_name = g_strconcat (slug, ".html", NULL);
      g_autofree char *slide_name = g_strconcat (slug, ".png", NULL);
      g_autofree char *email_path = g_build_filename (email_folder, email_name, NULL);
      g_autofree char *slide_path = g_build_filename (slide_folder, slide_name, NULL);
      g_autofree char *email = NULL;
      TipLook look;

      tip_look (course, tip, &look);
      email = tip_email (course, renderer, tip, &look);
      if (!write_text (email_path, email, error)
          || !tip_slide (course, renderer, tip, &look, slide_path, error))
        return FALSE;
      g_ptr_array_add (emails, g_strconcat ("email/", email_name, NULL));
    }

  feed = tip_feed (course, renderer, tips, emails);
  if (!write_text (feed_path, feed, error))
    return FALSE;

  if (text == NULL)
    {
      g_autofree char *draft = helder_tips_to_markdown (tips, helder_course_get_title (course));
      g_autofree char *draft_path = g_build_filename (folder, "tips-draft.md", NULL);

      if (!write_text (draft_path, draft, error))
        return FALSE;
    }
  if (n_tips != NULL)
    *n_tips = tips->len;
  return TRUE;
}
