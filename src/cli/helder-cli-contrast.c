/* helder-cli-contrast.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-cli"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "helder-cli.h"
#include "helder-contrast.h"

typedef struct
{
  HelderContrastUse   use;
  HelderContrastLevel level;
} Criterion;

static const Criterion criteria[] = {
  { HELDER_CONTRAST_TEXT, HELDER_CONTRAST_AA },
  { HELDER_CONTRAST_TEXT, HELDER_CONTRAST_AAA },
  { HELDER_CONTRAST_LARGE_TEXT, HELDER_CONTRAST_AA },
  { HELDER_CONTRAST_LARGE_TEXT, HELDER_CONTRAST_AAA },
  { HELDER_CONTRAST_UI, HELDER_CONTRAST_AA },
};

/* WCAG forbids rounding a ratio up to a threshold, so the two decimals
 * shown are cut off, never rounded: 4.499 shows as 4.49, not as 4.50.
 */
static double
two_decimals (double ratio)
{
  return floor (ratio * 100.0 + 1e-9) / 100.0;
}

static const char *
level_name (HelderContrastLevel level)
{
  return level == HELDER_CONTRAST_AAA ? "AAA" : "AA";
}

static const char *
use_key (HelderContrastUse use)
{
  switch (use)
    {
    case HELDER_CONTRAST_TEXT:
      return "normal";
    case HELDER_CONTRAST_LARGE_TEXT:
      return "large";
    case HELDER_CONTRAST_UI:
      return "ui";
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
parse_colour_argument (const char   *text,
                       HelderColour *colour)
{
  g_autoptr(GError) error = NULL;

  if (helder_colour_parse (text, colour, &error))
    return TRUE;

  g_printerr ("helder-cli: %s\n", error->message);
  return FALSE;
}

/* The nearest foregrounds that pass normal text at AA and at AAA. */
static guint
collect_suggestions (const HelderColour *foreground,
                     const HelderColour *background,
                     double              ratio,
                     HelderContrastLevel levels[2],
                     HelderColour        suggestions[2])
{
  guint n = 0;

  for (HelderContrastLevel level = HELDER_CONTRAST_AA; level <= HELDER_CONTRAST_AAA; level++)
    {
      double required = helder_contrast_required (HELDER_CONTRAST_TEXT, level);

      if (ratio < required &&
          helder_contrast_suggest (foreground, background, required, &suggestions[n]))
        levels[n++] = level;
    }

  return n;
}

static void
print_json (const HelderColour *foreground,
            const HelderColour *background,
            double              ratio)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *fg = helder_colour_to_string (foreground);
  g_autofree char *bg = helder_colour_to_string (background);
  HelderContrastLevel levels[2];
  HelderColour suggestions[2];
  guint n_suggestions = collect_suggestions (foreground, background, ratio, levels, suggestions);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "foreground");
  json_builder_add_string_value (builder, fg);
  json_builder_set_member_name (builder, "background");
  json_builder_add_string_value (builder, bg);
  json_builder_set_member_name (builder, "ratio");
  json_builder_add_double_value (builder, two_decimals (ratio));
  json_builder_set_member_name (builder, "checks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (criteria); i++)
    {
      double required = helder_contrast_required (criteria[i].use, criteria[i].level);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "level");
      json_builder_add_string_value (builder, level_name (criteria[i].level));
      json_builder_set_member_name (builder, "use");
      json_builder_add_string_value (builder, use_key (criteria[i].use));
      json_builder_set_member_name (builder, "required");
      json_builder_add_double_value (builder, required);
      json_builder_set_member_name (builder, "pass");
      json_builder_add_boolean_value (builder, ratio >= required);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "suggestions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_suggestions; i++)
    {
      g_autofree char *colour = helder_colour_to_string (&suggestions[i]);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "level");
      json_builder_add_string_value (builder, level_name (levels[i]));
      json_builder_set_member_name (builder, "foreground");
      json_builder_add_string_value (builder, colour);
      json_builder_set_member_name (builder, "ratio");
      json_builder_add_double_value (builder,
                                     two_decimals (helder_contrast_ratio (&suggestions[i],
                                                                          background)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  helder_cli_print_json (root);
}

static void
print_text (const HelderColour *foreground,
            const HelderColour *background,
            double              ratio)
{
  g_autofree char *fg = helder_colour_to_string (foreground);
  g_autofree char *bg = helder_colour_to_string (background);
  HelderContrastLevel levels[2];
  HelderColour suggestions[2];
  guint n_suggestions = collect_suggestions (foreground, background, ratio, levels, suggestions);

  /* TRANSLATORS: "#ffffff on #e50082: contrast ratio 4.35:1" */
  g_print (_("%s on %s: contrast ratio %.2f:1"), fg, bg, two_decimals (ratio));
  g_print ("\n");

  for (guint i = 0; i < G_N_ELEMENTS (criteria); i++)
    {
      double required = helder_contrast_required (criteria[i].use, criteria[i].level);
      g_autofree char *label =
        g_strdup_printf ("%s %s (%g:1)", level_name (criteria[i].level),
                         helder_contrast_use_to_label (criteria[i].use), required);

      g_print ("  %-40s %s\n", label, ratio >= required ? _("pass") : _("fail"));
    }

  for (guint i = 0; i < n_suggestions; i++)
    {
      g_autofree char *colour = helder_colour_to_string (&suggestions[i]);

      /* TRANSLATORS: "suggestion for AA normal text: #d1007a (4.51:1) keeps the hue …" */
      g_print (_("suggestion for %s normal text: %s (%.2f:1) keeps the hue and changes the "
                 "lightness"),
               level_name (levels[i]), colour,
               two_decimals (helder_contrast_ratio (&suggestions[i], background)));
      g_print ("\n");
    }

  for (HelderContrastLevel level = HELDER_CONTRAST_AA; level <= HELDER_CONTRAST_AAA; level++)
    {
      double required = helder_contrast_required (HELDER_CONTRAST_TEXT, level);
      gboolean suggested = FALSE;

      for (guint i = 0; i < n_suggestions; i++)
        suggested |= levels[i] == level;
      if (ratio >= required || suggested)
        continue;

      g_print (_("no foreground of this hue reaches %g:1 on %s (%s normal text); change the "
                 "background"), required, bg, level_name (level));
      g_print ("\n");
    }
}

int
helder_cli_contrast (int    argc,
                     char **argv)
{
  HelderColour foreground, background;
  gboolean json = FALSE;
  double ratio;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the result as JSON"), NULL },
    { NULL }
  };

  if (!helder_cli_parse_options (_("FOREGROUND BACKGROUND — WCAG contrast of two colours"), entries,
                                 _("Colours are #rrggbb, #rgb, rgb(r, g, b) or CSS colour "
                                   "names. When normal text fails, the nearest foreground "
                                   "with the same hue that passes is suggested.\nExit status: "
                                   "0 passes AA for normal text, 1 fails it, 2 unusable "
                                   "input."),
                                 &argc, &argv))
    return HELDER_EXIT_UNUSABLE;

  if (argc != 3)
    {
      g_printerr ("helder-cli: %s\n", _("give two colours: the foreground and the background"));
      return HELDER_EXIT_UNUSABLE;
    }

  if (!parse_colour_argument (argv[1], &foreground) ||
      !parse_colour_argument (argv[2], &background))
    return HELDER_EXIT_UNUSABLE;

  ratio = helder_contrast_ratio (&foreground, &background);
  if (json)
    print_json (&foreground, &background, ratio);
  else
    print_text (&foreground, &background, ratio);

  return ratio >= helder_contrast_required (HELDER_CONTRAST_TEXT, HELDER_CONTRAST_AA)
           ? HELDER_EXIT_OK : HELDER_EXIT_FINDINGS;
}
