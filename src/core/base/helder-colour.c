/* helder-colour.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-colour"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "helder-colour.h"

typedef struct
{
  const char *name;
  guint8      red;
  guint8      green;
  guint8      blue;
} NamedColour;

/* The named colours of CSS Color Module Level 4, sorted by name. */
static const NamedColour named_colours[] = {
  { "aliceblue", 240, 248, 255 },
  { "antiquewhite", 250, 235, 215 },
  { "aqua", 0, 255, 255 },
  { "aquamarine", 127, 255, 212 },
  { "azure", 240, 255, 255 },
  { "beige", 245, 245, 220 },
  { "bisque", 255, 228, 196 },
  { "black", 0, 0, 0 },
  { "blanchedalmond", 255, 235, 205 },
  { "blue", 0, 0, 255 },
  { "blueviolet", 138, 43, 226 },
  { "brown", 165, 42, 42 },
  { "burlywood", 222, 184, 135 },
  { "cadetblue", 95, 158, 160 },
  { "chartreuse", 127, 255, 0 },
  { "chocolate", 210, 105, 30 },
  { "coral", 255, 127, 80 },
  { "cornflowerblue", 100, 149, 237 },
  { "cornsilk", 255, 248, 220 },
  { "crimson", 220, 20, 60 },
  { "cyan", 0, 255, 255 },
  { "darkblue", 0, 0, 139 },
  { "darkcyan", 0, 139, 139 },
  { "darkgoldenrod", 184, 134, 11 },
  { "darkgray", 169, 169, 169 },
  { "darkgreen", 0, 100, 0 },
  { "darkgrey", 169, 169, 169 },
  { "darkkhaki", 189, 183, 107 },
  { "darkmagenta", 139, 0, 139 },
  { "darkolivegreen", 85, 107, 47 },
  { "darkorange", 255, 140, 0 },
  { "darkorchid", 153, 50, 204 },
  { "darkred", 139, 0, 0 },
  { "darksalmon", 233, 150, 122 },
  { "darkseagreen", 143, 188, 143 },
  { "darkslateblue", 72, 61, 139 },
  { "darkslategray", 47, 79, 79 },
  { "darkslategrey", 47, 79, 79 },
  { "darkturquoise", 0, 206, 209 },
  { "darkviolet", 148, 0, 211 },
  { "deeppink", 255, 20, 147 },
  { "deepskyblue", 0, 191, 255 },
  { "dimgray", 105, 105, 105 },
  { "dimgrey", 105, 105, 105 },
  { "dodgerblue", 30, 144, 255 },
  { "firebrick", 178, 34, 34 },
  { "floralwhite", 255, 250, 240 },
  { "forestgreen", 34, 139, 34 },
  { "fuchsia", 255, 0, 255 },
  { "gainsboro", 220, 220, 220 },
  { "ghostwhite", 248, 248, 255 },
  { "gold", 255, 215, 0 },
  { "goldenrod", 218, 165, 32 },
  { "gray", 128, 128, 128 },
  { "green", 0, 128, 0 },
  { "greenyellow", 173, 255, 47 },
  { "grey", 128, 128, 128 },
  { "honeydew", 240, 255, 240 },
  { "hotpink", 255, 105, 180 },
  { "indianred", 205, 92, 92 },
  { "indigo", 75, 0, 130 },
  { "ivory", 255, 255, 240 },
  { "khaki", 240, 230, 140 },
  { "lavender", 230, 230, 250 },
  { "lavenderblush", 255, 240, 245 },
  { "lawngreen", 124, 252, 0 },
  { "lemonchiffon", 255, 250, 205 },
  { "lightblue", 173, 216, 230 },
  { "lightcoral", 240, 128, 128 },
  { "lightcyan", 224, 255, 255 },
  { "lightgoldenrodyellow", 250, 250, 210 },
  { "lightgray", 211, 211, 211 },
  { "lightgreen", 144, 238, 144 },
  { "lightgrey", 211, 211, 211 },
  { "lightpink", 255, 182, 193 },
  { "lightsalmon", 255, 160, 122 },
  { "lightseagreen", 32, 178, 170 },
  { "lightskyblue", 135, 206, 250 },
  { "lightslategray", 119, 136, 153 },
  { "lightslategrey", 119, 136, 153 },
  { "lightsteelblue", 176, 196, 222 },
  { "lightyellow", 255, 255, 224 },
  { "lime", 0, 255, 0 },
  { "limegreen", 50, 205, 50 },
  { "linen", 250, 240, 230 },
  { "magenta", 255, 0, 255 },
  { "maroon", 128, 0, 0 },
  { "mediumaquamarine", 102, 205, 170 },
  { "mediumblue", 0, 0, 205 },
  { "mediumorchid", 186, 85, 211 },
  { "mediumpurple", 147, 112, 219 },
  { "mediumseagreen", 60, 179, 113 },
  { "mediumslateblue", 123, 104, 238 },
  { "mediumspringgreen", 0, 250, 154 },
  { "mediumturquoise", 72, 209, 204 },
  { "mediumvioletred", 199, 21, 133 },
  { "midnightblue", 25, 25, 112 },
  { "mintcream", 245, 255, 250 },
  { "mistyrose", 255, 228, 225 },
  { "moccasin", 255, 228, 181 },
  { "navajowhite", 255, 222, 173 },
  { "navy", 0, 0, 128 },
  { "oldlace", 253, 245, 230 },
  { "olive", 128, 128, 0 },
  { "olivedrab", 107, 142, 35 },
  { "orange", 255, 165, 0 },
  { "orangered", 255, 69, 0 },
  { "orchid", 218, 112, 214 },
  { "palegoldenrod", 238, 232, 170 },
  { "palegreen", 152, 251, 152 },
  { "paleturquoise", 175, 238, 238 },
  { "palevioletred", 219, 112, 147 },
  { "papayawhip", 255, 239, 213 },
  { "peachpuff", 255, 218, 185 },
  { "peru", 205, 133, 63 },
  { "pink", 255, 192, 203 },
  { "plum", 221, 160, 221 },
  { "powderblue", 176, 224, 230 },
  { "purple", 128, 0, 128 },
  { "rebeccapurple", 102, 51, 153 },
  { "red", 255, 0, 0 },
  { "rosybrown", 188, 143, 143 },
  { "royalblue", 65, 105, 225 },
  { "saddlebrown", 139, 69, 19 },
  { "salmon", 250, 128, 114 },
  { "sandybrown", 244, 164, 96 },
  { "seagreen", 46, 139, 87 },
  { "seashell", 255, 245, 238 },
  { "sienna", 160, 82, 45 },
  { "silver", 192, 192, 192 },
  { "skyblue", 135, 206, 235 },
  { "slateblue", 106, 90, 205 },
  { "slategray", 112, 128, 144 },
  { "slategrey", 112, 128, 144 },
  { "snow", 255, 250, 250 },
  { "springgreen", 0, 255, 127 },
  { "steelblue", 70, 130, 180 },
  { "tan", 210, 180, 140 },
  { "teal", 0, 128, 128 },
  { "thistle", 216, 191, 216 },
  { "tomato", 255, 99, 71 },
  { "turquoise", 64, 224, 208 },
  { "violet", 238, 130, 238 },
  { "wheat", 245, 222, 179 },
  { "white", 255, 255, 255 },
  { "whitesmoke", 245, 245, 245 },
  { "yellow", 255, 255, 0 },
  { "yellowgreen", 154, 205, 50 },
};

static int
compare_name (const void *key,
              const void *element)
{
  return strcmp (key, ((const NamedColour *) element)->name);
}

static void
set_not_a_colour (GError     **error,
                  const char  *text,
                  const char  *reason)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               /* TRANSLATORS: the first %s is the colour as written, the second why it is wrong */
               _("\"%s\" is not a colour: %s; use #rrggbb, #rgb, rgb(r, g, b) or a CSS colour name"),
               text, reason);
}

static gboolean
parse_hex (const char    *text,
           const char    *hex,
           HelderColour  *colour,
           GError       **error)
{
  gsize length = strlen (hex);
  guint values[6];

  if (length == 4 || length == 8)
    {
      set_not_a_colour (error, text,
                        _("a colour with transparency cannot be checked for contrast"));
      return FALSE;
    }
  if (length != 3 && length != 6)
    {
      set_not_a_colour (error, text, _("a hex colour has 3 or 6 digits"));
      return FALSE;
    }

  for (gsize i = 0; i < length; i++)
    {
      int v = g_ascii_xdigit_value (hex[i]);

      if (v < 0)
        {
          set_not_a_colour (error, text, _("hex digits are 0–9 and a–f"));
          return FALSE;
        }
      values[i] = v;
    }

  if (length == 3)
    {
      colour->red = values[0] * 17;
      colour->green = values[1] * 17;
      colour->blue = values[2] * 17;
    }
  else
    {
      colour->red = values[0] * 16 + values[1];
      colour->green = values[2] * 16 + values[3];
      colour->blue = values[4] * 16 + values[5];
    }

  return TRUE;
}

/* rgb(r, g, b) with 0–255 numbers or 0–100% percentages; the space
 * separated form of CSS Color 4 is accepted too. Transparency (rgba(),
 * "/ alpha") is refused, since a contrast ratio needs opaque colours.
 */
static gboolean
parse_rgb (const char    *text,
           const char    *lower,
           HelderColour  *colour,
           GError       **error)
{
  static GRegex *regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  guint8 *channels[3] = { &colour->red, &colour->green, &colour->blue };

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex,
                       g_regex_new ("^rgb\\(\\s*([-+0-9.e]+)(%?)\\s*(?:,\\s*|\\s+)([-+0-9.e]+)(%?)"
                                    "\\s*(?:,\\s*|\\s+)([-+0-9.e]+)(%?)\\s*\\)$",
                                    G_REGEX_OPTIMIZE, 0, NULL));

  if (g_str_has_prefix (lower, "rgba(") || strchr (lower, '/') != NULL)
    {
      set_not_a_colour (error, text,
                        _("a colour with transparency cannot be checked for contrast"));
      return FALSE;
    }

  if (!g_regex_match (regex, lower, 0, &match))
    {
      set_not_a_colour (error, text, _("rgb() takes three numbers, as in rgb(29, 95, 138)"));
      return FALSE;
    }

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *number = g_match_info_fetch (match, 1 + i * 2);
      g_autofree char *percent = g_match_info_fetch (match, 2 + i * 2);
      gboolean is_percent = percent[0] == '%';
      char *end = NULL;
      double value = g_ascii_strtod (number, &end);

      if (end == NULL || *end != '\0' || !isfinite (value))
        {
          g_autofree char *reason = g_strdup_printf (_("\"%s\" is not a number"), number);

          set_not_a_colour (error, text, reason);
          return FALSE;
        }
      if (value < 0 || value > (is_percent ? 100.0 : 255.0))
        {
          g_autofree char *reason =
            g_strdup_printf (is_percent ? _("%s%% is outside 0%%–100%%")
                                        : _("%s is outside 0–255"), number);

          set_not_a_colour (error, text, reason);
          return FALSE;
        }
      if (is_percent)
        value = value * 255.0 / 100.0;

      *channels[i] = (guint8) (value + 0.5);
    }

  return TRUE;
}

/* Parses @text into @colour; FALSE with a message for a person in @error
 * when it is not a colour the course format accepts.
 */
gboolean
helder_colour_parse (const char    *text,
                     HelderColour  *colour,
                     GError       **error)
{
  g_autofree char *lower = NULL;
  HelderColour parsed = { 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);

  lower = g_ascii_strdown (text, -1);
  g_strstrip (lower);

  if (lower[0] == '#')
    ok = parse_hex (text, lower + 1, &parsed, error);
  else if (g_str_has_prefix (lower, "rgb"))
    ok = parse_rgb (text, lower, &parsed, error);
  else
    {
      const NamedColour *named = bsearch (lower, named_colours, G_N_ELEMENTS (named_colours),
                                          sizeof named_colours[0], compare_name);

      if (named != NULL)
        {
          parsed.red = named->red;
          parsed.green = named->green;
          parsed.blue = named->blue;
          ok = TRUE;
        }
      else if (g_str_equal (lower, "transparent"))
        set_not_a_colour (error, text,
                          _("a colour with transparency cannot be checked for contrast"));
      else
        set_not_a_colour (error, text, _("it is not a CSS colour name"));
    }

  if (!ok)
    return FALSE;

  if (colour != NULL)
    *colour = parsed;

  return TRUE;
}

/* Returns: (transfer full): @colour as #rrggbb. */
char *
helder_colour_to_string (const HelderColour *colour)
{
  g_return_val_if_fail (colour != NULL, NULL);

  return g_strdup_printf ("#%02x%02x%02x", colour->red, colour->green, colour->blue);
}
