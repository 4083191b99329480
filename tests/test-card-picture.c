/* test-card-picture.c
 *
 * Pictures on block cards: decoded small enough for the card, never
 * enlarged, in the renderer's own format, and bad files refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "helder-card-picture.h"

/* A @width × @height PNG, one colour of @alpha. */
static GBytes *
png_bytes (int    width,
           int    height,
           guint8 alpha)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, TRUE, 8, width, height);
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize size = 0;

  /* Pure red, as RGBA. */
  gdk_pixbuf_fill (pixbuf, 0xff000000u | alpha);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", &error, NULL));
  g_assert_no_error (error);

  return g_bytes_new_take (buffer, size);
}

static void
test_large_scaled_down (void)
{
  g_autoptr(GBytes) bytes = png_bytes (2000, 1000, 0xff);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = helder_card_picture_new_from_bytes (bytes, 2, &error);

  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 2 * HELDER_CARD_PICTURE_HEIGHT);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 720);

  /* On a screen of one pixel per point, half of that. */
  g_clear_object (&texture);
  texture = helder_card_picture_new_from_bytes (bytes, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, HELDER_CARD_PICTURE_HEIGHT);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 360);
}

static void
test_wide_scaled_down (void)
{
  g_autoptr(GBytes) bytes = png_bytes (4000, 100, 0xff);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = helder_card_picture_new_from_bytes (bytes, 1, &error);

  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, HELDER_CARD_PICTURE_MAX_WIDTH);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 32);
}

/* A small picture keeps its size, and its pixels come out as cairo
 * draws them: premultiplied, blue green red alpha in memory order.
 */
static void
test_small_kept (void)
{
  g_autoptr(GBytes) bytes = png_bytes (50, 30, 0x80);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = helder_card_picture_new_from_bytes (bytes, 2, &error);
  guint32 pixels[50 * 30];

  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 50);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 30);
  gdk_texture_download (texture, (guchar *) pixels, 50 * 4);
  /* ARGB32 in a native 32-bit word: alpha 0x80, red 0x80 (premultiplied). */
  g_assert_cmphex (pixels[0], ==, 0x80800000u);
  g_assert_cmphex (pixels[50 * 30 - 1], ==, 0x80800000u);
}

/* An SVG is drawn at the card's size, not at its own and then scaled. */
static void
test_svg_drawn_small (void)
{
  static const char svg[] =
    "<svg xmlns='http://www.w3.org/2000/svg' width='1000' height='650' viewBox='0 0 1000 650'>"
    "<rect width='1000' height='650' fill='#1d5f8a'/></svg>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (svg, sizeof svg - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = helder_card_picture_new_from_bytes (bytes, 2, &error);

  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 2 * HELDER_CARD_PICTURE_HEIGHT);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 554);
}

static void
test_broken_refused (void)
{
  static const char not_a_picture[] = "# Dit is tekst, geen plaatje\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (not_a_picture, sizeof not_a_picture - 1);
  g_autoptr(GBytes) cut = NULL;
  g_autoptr(GBytes) png = png_bytes (40, 40, 0xff);
  g_autoptr(GError) error = NULL;
  GdkTexture *texture;

  texture = helder_card_picture_new_from_bytes (bytes, 2, &error);
  g_assert_null (texture);
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* An empty file. */
  cut = g_bytes_new_from_bytes (png, 0, 0);
  texture = helder_card_picture_new_from_bytes (cut, 1, &error);
  g_assert_null (texture);
  g_assert_nonnull (error);
  g_clear_error (&error);

  texture = helder_card_picture_new_from_path ("/nonexistent/helder/picture.png", 1, &error);
  g_assert_null (texture);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/card-picture/large-scaled-down", test_large_scaled_down);
  g_test_add_func ("/card-picture/wide-scaled-down", test_wide_scaled_down);
  g_test_add_func ("/card-picture/small-kept", test_small_kept);
  g_test_add_func ("/card-picture/svg-drawn-small", test_svg_drawn_small);
  g_test_add_func ("/card-picture/broken-refused", test_broken_refused);

  return g_test_run ();
}
