/* test-contrast.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "helder-contrast.h"

static HelderColour
colour (const char *text)
{
  g_autoptr(GError) error = NULL;
  HelderColour parsed;

  g_assert_true (helder_colour_parse (text, &parsed, &error));
  g_assert_no_error (error);
  return parsed;
}

static void
test_luminance (void)
{
  HelderColour black = colour ("black");
  HelderColour white = colour ("#fff");
  HelderColour grey = colour ("#808080");

  g_assert_cmpfloat_with_epsilon (helder_colour_relative_luminance (&black), 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (helder_colour_relative_luminance (&white), 1.0, 1e-12);
  /* 128/255 through the sRGB curve: 0.2158605. */
  g_assert_cmpfloat_with_epsilon (helder_colour_relative_luminance (&grey), 0.2158605, 1e-6);
  g_assert_cmpfloat_with_epsilon (helder_contrast_ratio (&white, &black), 21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (helder_contrast_ratio (&black, &white), 21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (helder_contrast_ratio (&grey, &grey), 1.0, 1e-12);
}

static void
test_thresholds (void)
{
  g_assert_cmpfloat (helder_contrast_required (HELDER_CONTRAST_TEXT, HELDER_CONTRAST_AA), ==, 4.5);
  g_assert_cmpfloat (helder_contrast_required (HELDER_CONTRAST_TEXT, HELDER_CONTRAST_AAA), ==, 7.0);
  g_assert_cmpfloat (helder_contrast_required (HELDER_CONTRAST_LARGE_TEXT, HELDER_CONTRAST_AA), ==, 3.0);
  g_assert_cmpfloat (helder_contrast_required (HELDER_CONTRAST_LARGE_TEXT, HELDER_CONTRAST_AAA), ==, 4.5);
  g_assert_cmpfloat (helder_contrast_required (HELDER_CONTRAST_UI, HELDER_CONTRAST_AA), ==, 3.0);
  g_assert_cmpfloat (helder_contrast_required (HELDER_CONTRAST_UI, HELDER_CONTRAST_AAA), ==, 3.0);
}

/* The suggestion passes, and a colour one step closer to the original
 * lightness would not: it is the nearest passing colour.
 */
static void
test_suggest (void)
{
  const char *cases[][2] = {
    { "#e50082", "#ffffff" }, { "#ffffff", "#e50082" }, { "#777777", "#ffffff" },
    { "#ffff00", "#ffffff" }, { "#1d5f8a", "#1a1a1a" }, { "#00ff00", "#ffffff" },
    { "#ff0000", "#000000" }, { "#808080", "#808080" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      HelderColour fg = colour (cases[i][0]);
      HelderColour bg = colour (cases[i][1]);
      HelderColour suggestion;
      double before = helder_contrast_ratio (&fg, &bg);
      double after;

      g_assert_true (helder_contrast_suggest (&fg, &bg, 4.5, &suggestion));
      after = helder_contrast_ratio (&suggestion, &bg);
      g_assert_cmpfloat (after, >=, 4.5);
      if (before < 4.5)
        g_assert_cmpfloat (after, <, 6.0);
    }
}

static void
test_suggest_keeps_hue (void)
{
  HelderColour pink = colour ("#e50082");
  HelderColour white = colour ("white");
  HelderColour suggestion;

  g_assert_true (helder_contrast_suggest (&pink, &white, 7.0, &suggestion));
  /* Still a pink: red well above green, blue between them. */
  g_assert_cmpuint (suggestion.red, >, suggestion.blue);
  g_assert_cmpuint (suggestion.blue, >, suggestion.green);
  g_assert_cmpuint (suggestion.red, <, pink.red);
}

static void
test_suggest_impossible (void)
{
  HelderColour grey = colour ("#777777");
  HelderColour suggestion;

  /* Against mid grey nothing, not even black or white, reaches 7:1. */
  g_assert_false (helder_contrast_suggest (&grey, &grey, 7.0, &suggestion));
}

static void
test_player_pairs (void)
{
  const HelderThemeColours theme = { colour ("#1a1a1a"), colour ("#ffffff"), colour ("#1d5f8a") };
  guint n = 0;
  const HelderPlayerColourPair *pairs = helder_player_colour_pairs (&n);
  gboolean light = FALSE, dark = FALSE, focus = FALSE, link = FALSE, feedback = FALSE;

  g_assert_cmpuint (n, >=, 10);
  for (guint i = 0; i < n; i++)
    {
      HelderColour fg, bg;
      double ratio;

      g_assert_true (helder_player_colour_resolve (pairs[i].foreground, &theme, &fg));
      g_assert_true (helder_player_colour_resolve (pairs[i].background, &theme, &bg));
      ratio = helder_contrast_ratio (&fg, &bg);
      if (ratio < helder_contrast_required (pairs[i].use, HELDER_CONTRAST_AA))
        g_error ("player pair %s fails with the default theme: %.2f:1", pairs[i].id, ratio);

      light |= (pairs[i].modes & HELDER_PLAYER_LIGHT) != 0;
      dark |= (pairs[i].modes & HELDER_PLAYER_DARK) != 0;
      focus |= g_str_has_suffix (pairs[i].id, "focus-outline");
      link |= g_str_has_suffix (pairs[i].id, "link");
      feedback |= g_str_has_suffix (pairs[i].id, "feedback-incorrect");

      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (pairs[i].id, !=, pairs[j].id);
    }
  g_assert_true (light && dark && focus && link && feedback);
}

static void
test_player_resolve (void)
{
  const HelderThemeColours theme = { colour ("#111111"), colour ("#fefefe"), colour ("#e50082") };
  HelderColour resolved;

  g_assert_true (helder_player_colour_resolve ("var(--helder-accent)", &theme, &resolved));
  g_assert_cmpuint (resolved.red, ==, 0xe5);
  g_assert_true (helder_player_colour_resolve ("var(--helder-text)", &theme, &resolved));
  g_assert_cmpuint (resolved.red, ==, 0x11);
  g_assert_true (helder_player_colour_resolve ("var(--helder-background)", &theme, &resolved));
  g_assert_cmpuint (resolved.red, ==, 0xfe);
  g_assert_true (helder_player_colour_resolve ("#123456", &theme, &resolved));
  g_assert_cmpuint (resolved.blue, ==, 0x56);
  g_assert_false (helder_player_colour_resolve ("var(--helder-accentx)", &theme, &resolved));
  g_assert_true (helder_player_colour_is_themed ("var(--helder-accent)", "accent"));
  g_assert_false (helder_player_colour_is_themed ("var(--helder-accent)", "text"));
}

static void
test_parse_errors (void)
{
  const char *bad[][2] = {
    { "#12", "3 or 6 digits" },
    { "#11223344", "transparency" },
    { "transparent", "transparency" },
    { "rgb(0, 0, 256)", "outside 0–255" },
    { "rgb(-1, 0, 0)", "outside 0–255" },
    { "rgb(0, 0, 0, 0)", "three numbers" },
    { "rgb(0 0 0 / 50%)", "transparency" },
    { "rgb(1e9, 0, 0)", "outside 0–255" },
    { "rgb(1.2.3, 0, 0)", "not a number" },
    { "", "not a CSS colour name" },
  };
  HelderColour parsed;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (helder_colour_parse (bad[i][0], &parsed, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      if (strstr (error->message, bad[i][1]) == NULL)
        g_error ("%s: message \"%s\" lacks \"%s\"", bad[i][0], error->message, bad[i][1]);
    }

  parsed = colour ("RGB( 100% , 0% , 50.2% )");
  g_assert_cmpuint (parsed.red, ==, 255);
  g_assert_cmpuint (parsed.blue, ==, 128);
  parsed = colour ("rgb(10.4 20.6 255)");
  g_assert_cmpuint (parsed.red, ==, 10);
  g_assert_cmpuint (parsed.green, ==, 21);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/contrast/luminance", test_luminance);
  g_test_add_func ("/contrast/thresholds", test_thresholds);
  g_test_add_func ("/contrast/suggest", test_suggest);
  g_test_add_func ("/contrast/suggest-keeps-hue", test_suggest_keeps_hue);
  g_test_add_func ("/contrast/suggest-impossible", test_suggest_impossible);
  g_test_add_func ("/contrast/player-pairs", test_player_pairs);
  g_test_add_func ("/contrast/player-resolve", test_player_resolve);
  g_test_add_func ("/contrast/parse-errors", test_parse_errors);

  return g_test_run ();
}
