/* helder-test-screenshot.c
 *
 * A PNG of a window as it is drawn now, for the screenshots in docs/.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "helder-test-screenshot.h"

#define DUTCH_LOCALE "nl_NL.UTF-8"

/* With LANGUAGE=nl, dates and numbers are Dutch too ("4 december 2026",
 * decimal commas) when the machine has the Dutch locale (build-aux/dev
 * compiles it); without it they are as C.UTF-8 writes them and the UI
 * text is still Dutch (gettext ignores LANGUAGE in the plain C locale, so
 * a missing nl_NL.UTF-8 asked for in LC_ALL becomes C.UTF-8). Call it
 * first in main(), before setlocale() and before any thread starts: it
 * sets LC_ALL, LC_TIME and LC_NUMERIC in the environment.
 *
 * Returns: %TRUE when nl_NL.UTF-8 is used.
 */
gboolean
helder_test_follow_language (void)
{
  const char *language = g_getenv ("LANGUAGE");
  locale_t dutch;

  if (language == NULL || !g_str_has_prefix (language, "nl"))
    return FALSE;

  dutch = newlocale (LC_ALL_MASK, DUTCH_LOCALE, (locale_t) 0);
  if (dutch == (locale_t) 0)
    {
      g_setenv ("LC_ALL", "C.UTF-8", TRUE);
      g_unsetenv ("LC_TIME");
      g_unsetenv ("LC_NUMERIC");
      return FALSE;
    }
  freelocale (dutch);

  g_setenv ("LC_ALL", DUTCH_LOCALE, TRUE);
  g_setenv ("LC_TIME", DUTCH_LOCALE, TRUE);
  g_setenv ("LC_NUMERIC", DUTCH_LOCALE, TRUE);
  return TRUE;
}

/* Saves @widget (a window or a part of one) as drawn now. */
void
helder_test_save_screenshot (GtkWidget  *widget,
                             const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* Saves @widget as NAME-en.png or NAME-nl.png (after LANGUAGE) in @folder,
 * once it has taken its size and drawn: labels wrap over a few frames.
 */
void
helder_test_save_named_screenshot (GtkWidget  *widget,
                                   const char *folder,
                                   const char *name)
{
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name,
                                           language != NULL && g_str_has_prefix (language, "nl")
                                             ? "nl" : "en");
  g_autofree char *path = g_build_filename (folder, file, NULL);

  for (guint frame = 0; frame < 100; frame++)
    {
      g_usleep (10000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  helder_test_save_screenshot (widget, path);
}
