/* helder-reading-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-reading-text"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-reading-text.h"
#include "helder-renderer.h"

GPtrArray *
helder_reading_text_dup_items (HelderCourse *course,
                               HelderModule *module,
                               HelderPage   *page)
{
  g_autoptr(HelderRenderer) renderer = NULL;
  g_autoptr(GString) html = NULL;

  g_return_val_if_fail (HELDER_IS_COURSE (course), NULL);
  g_return_val_if_fail (HELDER_IS_MODULE (module), NULL);
  g_return_val_if_fail (HELDER_IS_PAGE (page), NULL);

  renderer = helder_renderer_new (course);
  html = g_string_new (NULL);
  helder_renderer_render_page (renderer, module, page, html);

  return helder_reading_order_from_html (html->str, html->len);
}

/* A screen reader says the role a web page gives these, so the line
 * says it too.
 */
char *
helder_reading_text_dup_line (const HelderReadingItem *item)
{
  gboolean named;

  g_return_val_if_fail (item != NULL, NULL);

  named = item->text[0] != '\0';
  switch (item->kind)
    {
    case HELDER_READING_LIST_ITEM:
      return g_strdup_printf ("•\u2002%s", item->text);
    case HELDER_READING_CHOICE:
      return g_strdup_printf ("○\u2002%s", item->text);
    case HELDER_READING_IMAGE:
      return named ? g_strdup_printf (_("Image: %s"), item->text)
                   : g_strdup (_("Image without a description"));
    case HELDER_READING_BUTTON:
      return g_strdup_printf (_("Button: %s"), item->text);
    case HELDER_READING_VIDEO:
      return named ? g_strdup_printf (_("Video: %s"), item->text) : g_strdup (_("Video without a name"));
    case HELDER_READING_AUDIO:
      return named ? g_strdup_printf (_("Audio: %s"), item->text) : g_strdup (_("Audio without a name"));
    case HELDER_READING_HEADING:
    case HELDER_READING_TEXT:
    default:
      return g_strdup (item->text);
    }
}

char *
helder_reading_text_dup_page (HelderCourse *course,
                              HelderModule *module,
                              HelderPage   *page)
{
  g_autoptr(GPtrArray) items = helder_reading_text_dup_items (course, module, page);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *line = helder_reading_text_dup_line (g_ptr_array_index (items, i));

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }

  return g_string_free (text, FALSE);
}
