/* helder-contrast.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-contrast"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "helder-contrast.h"

/* Every foreground/background pair the learner player (data/player)
 * paints, in one place: the player's stylesheet takes its colours from
 * this table (docs/accessibility.md, "Player colours", lists it with the
 * CSS custom property of each entry), and the contrast check walks it for
 * the course theme and for every module colour. Pairs made only of fixed
 * colours are checked by the unit tests, so a change that breaks one
 * fails the build rather than a course.
 */
static const HelderPlayerColourPair player_colour_pairs[] = {
  /* Light mode: the course's own text, background and accent. */
  { "body-text", HELDER_PLAYER_LIGHT, HELDER_CONTRAST_TEXT,
    "var(--helder-text)", "var(--helder-background)", N_("body text") },
  { "link", HELDER_PLAYER_LIGHT, HELDER_CONTRAST_TEXT,
    "var(--helder-accent)", "var(--helder-background)", N_("links") },
  { "focus-outline", HELDER_PLAYER_LIGHT, HELDER_CONTRAST_UI,
    "var(--helder-text)", "var(--helder-background)", N_("the focus outline") },
  { "muted-text", HELDER_PLAYER_LIGHT, HELDER_CONTRAST_TEXT,
    "#595959", "var(--helder-background)", N_("captions and the page counter") },
  { "control-border", HELDER_PLAYER_LIGHT, HELDER_CONTRAST_UI,
    "#767676", "var(--helder-background)", N_("borders of answer options and fields") },
  { "progress", HELDER_PLAYER_LIGHT, HELDER_CONTRAST_UI,
    "var(--helder-accent)", "#e6e6e6", N_("the progress bar") },
  { "feedback-correct", HELDER_PLAYER_LIGHT, HELDER_CONTRAST_TEXT,
    "#1b5e20", "#e8f5e9", N_("feedback on a correct answer") },
  { "feedback-incorrect", HELDER_PLAYER_LIGHT, HELDER_CONTRAST_TEXT,
    "#b71c1c", "#ffebee", N_("feedback on a wrong answer") },
  { "callout", HELDER_PLAYER_LIGHT, HELDER_CONTRAST_TEXT,
    "#1a1a1a", "#eef3f7", N_("text in callouts") },
  { "callout-warning", HELDER_PLAYER_LIGHT, HELDER_CONTRAST_TEXT,
    "#1a1a1a", "#fff4ce", N_("text in warning callouts") },

  /* Both modes: buttons and the module header are filled with the accent. */
  { "button", HELDER_PLAYER_LIGHT | HELDER_PLAYER_DARK, HELDER_CONTRAST_TEXT,
    "#ffffff", "var(--helder-accent)", N_("button labels and the module header") },

  /* Dark mode (prefers-color-scheme: dark): fixed colours, because a
   * course's light theme says nothing about a good dark one.
   */
  { "dark-body-text", HELDER_PLAYER_DARK, HELDER_CONTRAST_TEXT,
    "#ececec", "#1b1b1b", N_("body text") },
  { "dark-link", HELDER_PLAYER_DARK, HELDER_CONTRAST_TEXT,
    "#9ecbff", "#1b1b1b", N_("links") },
  { "dark-focus-outline", HELDER_PLAYER_DARK, HELDER_CONTRAST_UI,
    "#ececec", "#1b1b1b", N_("the focus outline") },
  { "dark-muted-text", HELDER_PLAYER_DARK, HELDER_CONTRAST_TEXT,
    "#b0b0b0", "#1b1b1b", N_("captions and the page counter") },
  { "dark-control-border", HELDER_PLAYER_DARK, HELDER_CONTRAST_UI,
    "#8a8a8a", "#1b1b1b", N_("borders of answer options and fields") },
  { "dark-progress", HELDER_PLAYER_DARK, HELDER_CONTRAST_UI,
    "#9ecbff", "#3a3a3a", N_("the progress bar") },
  { "dark-feedback-correct", HELDER_PLAYER_DARK, HELDER_CONTRAST_TEXT,
    "#a5d6a7", "#1e3320", N_("feedback on a correct answer") },
  { "dark-feedback-incorrect", HELDER_PLAYER_DARK, HELDER_CONTRAST_TEXT,
    "#ef9a9a", "#3b1e1e", N_("feedback on a wrong answer") },
  { "dark-callout", HELDER_PLAYER_DARK, HELDER_CONTRAST_TEXT,
    "#ececec", "#262b30", N_("text in callouts") },
  { "dark-callout-warning", HELDER_PLAYER_DARK, HELDER_CONTRAST_TEXT,
    "#ececec", "#3d3519", N_("text in warning callouts") },
};

/* The sRGB transfer function (IEC 61966-2-1), as WCAG 2.x defines
 * relative luminance.
 */
static double
channel_to_linear (double value)
{
  return value <= 0.04045 ? value / 12.92 : pow ((value + 0.055) / 1.055, 2.4);
}

static double
linear_to_channel (double value)
{
  return value <= 0.0031308 ? value * 12.92 : 1.055 * pow (value, 1.0 / 2.4) - 0.055;
}

/* The WCAG relative luminance of @colour, from 0 (black) to 1 (white). */
double
helder_colour_relative_luminance (const HelderColour *colour)
{
  g_return_val_if_fail (colour != NULL, 0.0);

  return 0.2126 * channel_to_linear (colour->red / 255.0) +
         0.7152 * channel_to_linear (colour->green / 255.0) +
         0.0722 * channel_to_linear (colour->blue / 255.0);
}

/* (L1 + 0.05) / (L2 + 0.05) with L1 the lighter colour: from 1 to 21. */
double
helder_contrast_ratio (const HelderColour *foreground,
                       const HelderColour *background)
{
  double a, b;

  g_return_val_if_fail (foreground != NULL, 1.0);
  g_return_val_if_fail (background != NULL, 1.0);

  a = helder_colour_relative_luminance (foreground);
  b = helder_colour_relative_luminance (background);

  return (MAX (a, b) + 0.05) / (MIN (a, b) + 0.05);
}

/* WCAG 2.2: SC 1.4.3 and 1.4.6 for text, SC 1.4.11 for user interface
 * components and graphics, which has no AAA level.
 */
double
helder_contrast_required (HelderContrastUse   use,
                          HelderContrastLevel level)
{
  switch (use)
    {
    case HELDER_CONTRAST_TEXT:
      return level == HELDER_CONTRAST_AAA ? 7.0 : 4.5;
    case HELDER_CONTRAST_LARGE_TEXT:
      return level == HELDER_CONTRAST_AAA ? 4.5 : 3.0;
    case HELDER_CONTRAST_UI:
      return 3.0;
    default:
      g_return_val_if_reached (4.5);
    }
}

/* Returns: (transfer none): a translated name of @use for people. */
const char *
helder_contrast_use_to_label (HelderContrastUse use)
{
  switch (use)
    {
    case HELDER_CONTRAST_TEXT:
      return _("normal text");
    case HELDER_CONTRAST_LARGE_TEXT:
      return _("large text");
    case HELDER_CONTRAST_UI:
      return _("user interface components");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Returns: (transfer none): the WCAG success criterion @use is checked
 * against, e.g. "1.4.3".
 */
const char *
helder_contrast_use_criterion (HelderContrastUse use)
{
  return use == HELDER_CONTRAST_UI ? "WCAG 2.2 SC 1.4.11" : "WCAG 2.2 SC 1.4.3";
}

/* OKLab (Björn Ottosson, 2020): a perceptual space in which changing the
 * lightness at a fixed hue and chroma looks like "the same colour, lighter
 * or darker".
 */
typedef struct
{
  double l;
  double a;
  double b;
} Oklab;

static Oklab
colour_to_oklab (const HelderColour *colour)
{
  double r = channel_to_linear (colour->red / 255.0);
  double g = channel_to_linear (colour->green / 255.0);
  double b = channel_to_linear (colour->blue / 255.0);
  double l_ = cbrt (0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  double m_ = cbrt (0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  double s_ = cbrt (0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  Oklab lab;

  lab.l = 0.2104542553 * l_ + 0.7936177850 * m_ - 0.0040720468 * s_;
  lab.a = 1.9779984951 * l_ - 2.4285922050 * m_ + 0.4505937099 * s_;
  lab.b = 0.0259040371 * l_ + 0.7827717662 * m_ - 0.8086757660 * s_;

  return lab;
}

/* Linear sRGB of an OKLab colour; FALSE when it lies outside sRGB. */
static gboolean
oklab_to_linear (const Oklab *lab,
                 double       rgb[3])
{
  const double epsilon = 1e-7;
  double l_ = lab->l + 0.3963377774 * lab->a + 0.2158037573 * lab->b;
  double m_ = lab->l - 0.1055613458 * lab->a - 0.0638541728 * lab->b;
  double s_ = lab->l - 0.0894841775 * lab->a - 1.2914855480 * lab->b;
  double l = l_ * l_ * l_;
  double m = m_ * m_ * m_;
  double s = s_ * s_ * s_;

  rgb[0] = 4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s;
  rgb[1] = -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s;
  rgb[2] = -0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s;

  for (guint i = 0; i < 3; i++)
    if (rgb[i] < -epsilon || rgb[i] > 1.0 + epsilon)
      return FALSE;

  return TRUE;
}

/* The colour with OKLCH lightness @lightness and the hue of @lab. When
 * that lightness at the full chroma falls outside sRGB, the chroma is
 * reduced (never the hue) until it fits.
 */
static HelderColour
colour_at_lightness (const Oklab *lab,
                     double       lightness)
{
  Oklab candidate = { lightness, lab->a, lab->b };
  double rgb[3];
  HelderColour colour;

  if (!oklab_to_linear (&candidate, rgb))
    {
      double low = 0.0;
      double high = 1.0;

      for (guint i = 0; i < 24; i++)
        {
          double scale = (low + high) / 2.0;

          candidate.a = lab->a * scale;
          candidate.b = lab->b * scale;
          if (oklab_to_linear (&candidate, rgb))
            low = scale;
          else
            high = scale;
        }
      candidate.a = lab->a * low;
      candidate.b = lab->b * low;
      oklab_to_linear (&candidate, rgb);
    }

  colour.red = (guint8) lround (CLAMP (linear_to_channel (CLAMP (rgb[0], 0.0, 1.0)), 0.0, 1.0) * 255.0);
  colour.green = (guint8) lround (CLAMP (linear_to_channel (CLAMP (rgb[1], 0.0, 1.0)), 0.0, 1.0) * 255.0);
  colour.blue = (guint8) lround (CLAMP (linear_to_channel (CLAMP (rgb[2], 0.0, 1.0)), 0.0, 1.0) * 255.0);

  return colour;
}

/**
 * helder_contrast_suggest:
 * @foreground: the colour to change
 * @background: the colour it must stand out against
 * @target: the contrast ratio to reach, such as 4.5
 * @suggestion: (out): the nearest colour that reaches it
 *
 * Finds the colour closest in OKLCH lightness to @foreground, with the
 * same hue, whose contrast with @background is at least @target. The
 * search walks lightness in small steps both ways and keeps the first
 * passing colour on the shorter side, so the suggestion changes the
 * colour as little as possible.
 *
 * Returns: %FALSE when no lightness of this hue reaches @target.
 */
gboolean
helder_contrast_suggest (const HelderColour *foreground,
                         const HelderColour *background,
                         double              target,
                         HelderColour       *suggestion)
{
  const double step = 0.001;
  Oklab lab;

  g_return_val_if_fail (foreground != NULL, FALSE);
  g_return_val_if_fail (background != NULL, FALSE);
  g_return_val_if_fail (suggestion != NULL, FALSE);

  if (helder_contrast_ratio (foreground, background) >= target)
    {
      *suggestion = *foreground;
      return TRUE;
    }

  lab = colour_to_oklab (foreground);

  for (double delta = step; delta <= 1.0 + step; delta += step)
    {
      const double lightness[2] = { lab.l - delta, lab.l + delta };

      for (guint i = 0; i < 2; i++)
        {
          HelderColour candidate;

          if (lightness[i] < 0.0 || lightness[i] > 1.0)
            continue;
          candidate = colour_at_lightness (&lab, lightness[i]);
          if (helder_contrast_ratio (&candidate, background) >= target)
            {
              *suggestion = candidate;
              return TRUE;
            }
        }
    }

  return FALSE;
}

/**
 * helder_player_colour_pairs:
 * @n_pairs: (out): the number of pairs
 *
 * Returns: (array length=n_pairs): every colour pair the player paints.
 */
const HelderPlayerColourPair *
helder_player_colour_pairs (guint *n_pairs)
{
  g_return_val_if_fail (n_pairs != NULL, NULL);

  *n_pairs = G_N_ELEMENTS (player_colour_pairs);
  return player_colour_pairs;
}

/* Whether @colour is var(--helder-@variable). */
gboolean
helder_player_colour_is_themed (const char *colour,
                                const char *variable)
{
  gsize length;

  g_return_val_if_fail (colour != NULL, FALSE);
  g_return_val_if_fail (variable != NULL, FALSE);

  if (!g_str_has_prefix (colour, "var(--helder-"))
    return FALSE;
  colour += strlen ("var(--helder-");
  length = strlen (variable);

  return strncmp (colour, variable, length) == 0 && g_str_equal (colour + length, ")");
}

/* Resolves @colour (a colour, or a var(--helder-...) of the theme) against
 * @theme into @resolved; FALSE when it cannot.
 */
gboolean
helder_player_colour_resolve (const char               *colour,
                              const HelderThemeColours *theme,
                              HelderColour             *resolved)
{
  g_return_val_if_fail (colour != NULL, FALSE);
  g_return_val_if_fail (theme != NULL, FALSE);
  g_return_val_if_fail (resolved != NULL, FALSE);

  if (helder_player_colour_is_themed (colour, "text"))
    *resolved = theme->text;
  else if (helder_player_colour_is_themed (colour, "background"))
    *resolved = theme->background;
  else if (helder_player_colour_is_themed (colour, "accent"))
    *resolved = theme->accent;
  else
    return helder_colour_parse (colour, resolved, NULL);

  return TRUE;
}
