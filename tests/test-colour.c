/* test-colour.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "helder-colour.h"

static void
assert_colour (const char *text,
               const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normal = NULL;
  HelderColour colour;

  g_assert_true (helder_colour_parse (text, &colour, &error));
  g_assert_no_error (error);
  normal = helder_colour_to_string (&colour);
  g_assert_cmpstr (normal, ==, expected);
}

static void
test_forms (void)
{
  assert_colour ("#1d5f8a", "#1d5f8a");
  assert_colour ("#1D5F8A", "#1d5f8a");
  assert_colour ("#fff", "#ffffff");
  assert_colour ("  #abc ", "#aabbcc");
  assert_colour ("rgb(29, 95, 138)", "#1d5f8a");
  assert_colour ("rgb(29 95 138)", "#1d5f8a");
  assert_colour ("rgb(100%, 0%, 50%)", "#ff0080");
  assert_colour ("navy", "#000080");
  assert_colour ("DarkGreen", "#006400");
  assert_colour ("rebeccapurple", "#663399");
  assert_colour ("white", "#ffffff");
}

static void
test_invalid (void)
{
  const char * const bad[] = {
    "", "#", "#12", "#12345", "#ggg", "rgb(1,2)", "rgb(300, 0, 0)", "blauw", "rgba(0,0,0,1)",
    "#1234567", NULL
  };

  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (helder_colour_parse (bad[i], NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_nonnull (strstr (error->message, "is not a colour"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/colour/forms", test_forms);
  g_test_add_func ("/colour/invalid", test_invalid);

  return g_test_run ();
}
