/* test-line-map.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "helder-line-map.h"

static void
test_locate (void)
{
  const char *text = "één\ntwee\n\ndrie";
  g_autoptr(HelderLineMap) map = helder_line_map_new (text, strlen (text));
  guint line;
  guint column;

  g_assert_cmpuint (helder_line_map_get_n_lines (map), ==, 4);

  helder_line_map_locate (map, 0, &line, &column);
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (column, ==, 1);

  /* "één" is five bytes but three characters. */
  helder_line_map_locate (map, 5, &line, &column);
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (column, ==, 4);

  helder_line_map_locate (map, 7, &line, &column);
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpuint (column, ==, 2);

  helder_line_map_locate (map, 12, &line, &column);
  g_assert_cmpuint (line, ==, 4);
  g_assert_cmpuint (column, ==, 1);

  /* Past the end clamps to the end. */
  helder_line_map_locate (map, 1000, &line, &column);
  g_assert_cmpuint (line, ==, 4);
  g_assert_cmpuint (column, ==, 5);
}

static void
test_line_bounds (void)
{
  const char *text = "a\r\nbc\nd";
  g_autoptr(HelderLineMap) map = helder_line_map_new (text, strlen (text));

  g_assert_cmpuint (helder_line_map_line_start (map, 1), ==, 0);
  g_assert_cmpuint (helder_line_map_line_end (map, 1), ==, 1);
  g_assert_cmpuint (helder_line_map_line_start (map, 2), ==, 3);
  g_assert_cmpuint (helder_line_map_line_end (map, 2), ==, 5);
  g_assert_cmpuint (helder_line_map_line_end (map, 3), ==, 7);
  g_assert_cmpuint (helder_line_map_offset (map, 2, 2), ==, 4);
  g_assert_cmpuint (helder_line_map_offset (map, 9, 1), ==, 7);
}

static void
test_empty (void)
{
  g_autoptr(HelderLineMap) map = helder_line_map_new ("", 0);
  guint line;
  guint column;

  g_assert_cmpuint (helder_line_map_get_n_lines (map), ==, 1);
  helder_line_map_locate (map, 0, &line, &column);
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (column, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/line-map/locate", test_locate);
  g_test_add_func ("/line-map/line-bounds", test_line_bounds);
  g_test_add_func ("/line-map/empty", test_empty);

  return g_test_run ();
}
