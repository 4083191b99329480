/* helder-test-screenshot.c
 *
 * A PNG of a window as it is drawn now, for the screenshots in docs/.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "helder-test-screenshot.h"

void
helder_test_save_screenshot (GtkWidget  *window,
                             const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
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
