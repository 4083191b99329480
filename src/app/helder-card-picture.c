/* helder-card-picture.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-card-picture"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-card-picture.h"

/* Scales the picture down, before it is decoded, to fit the card. */
static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  int pixels_per_point = GPOINTER_TO_INT (user_data);
  double scale = MIN ((double) HELDER_CARD_PICTURE_MAX_WIDTH * pixels_per_point / MAX (width, 1),
                      (double) HELDER_CARD_PICTURE_HEIGHT * pixels_per_point / MAX (height, 1));

  if (scale < 1.0)
    gdk_pixbuf_loader_set_size (loader, MAX (1, (int) (width * scale + 0.5)),
                                MAX (1, (int) (height * scale + 0.5)));
}

GdkTexture *
helder_card_picture_new_from_bytes (GBytes  *bytes,
                                    int      scale,
                                    GError **error)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr(GBytes) pixels = NULL;
  cairo_surface_t *surface;
  GdkPixbuf *pixbuf;
  cairo_t *cr;
  int width;
  int height;

  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb),
                    GINT_TO_POINTER (MAX (scale, 1)));
  if (!gdk_pixbuf_loader_write_bytes (loader, bytes, error))
    {
      gdk_pixbuf_loader_close (loader, NULL);
      return NULL;
    }
  if (!gdk_pixbuf_loader_close (loader, error))
    return NULL;
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      g_set_error_literal (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_CORRUPT_IMAGE,
                           _("The file holds no picture."));
      return NULL;
    }

  /* Cairo's premultiplied format is GDK_MEMORY_DEFAULT: drawn as it is,
   * where a picture straight from its file is converted on every frame.
   */
  width = gdk_pixbuf_get_width (pixbuf);
  height = gdk_pixbuf_get_height (pixbuf);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  gdk_cairo_set_source_pixbuf (cr, pixbuf, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixels = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                       (gsize) cairo_image_surface_get_stride (surface) * height,
                                       (GDestroyNotify) cairo_surface_destroy, surface);

  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, pixels,
                                 cairo_image_surface_get_stride (surface));
}

GdkTexture *
helder_card_picture_new_from_path (const char  *path,
                                   int          scale,
                                   GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, error);

  return bytes != NULL ? helder_card_picture_new_from_bytes (bytes, scale, error) : NULL;
}
