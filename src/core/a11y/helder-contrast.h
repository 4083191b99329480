/* helder-contrast.h
 *
 * WCAG contrast: the ratio of two colours, and the colour pairs of a course
 * theme with the threshold each use needs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "helder-colour.h"

G_BEGIN_DECLS

/* What a colour pair is used for; each use has its own WCAG threshold. */
typedef enum
{
  HELDER_CONTRAST_TEXT,       /* body text: SC 1.4.3 (AA 4.5:1), SC 1.4.6 (AAA 7:1) */
  HELDER_CONTRAST_LARGE_TEXT, /* ≥ 18 pt, or ≥ 14 pt bold: AA 3:1, AAA 4.5:1 */
  HELDER_CONTRAST_UI,         /* focus outlines, borders, icons: SC 1.4.11 (3:1) */
} HelderContrastUse;

typedef enum
{
  HELDER_CONTRAST_AA,
  HELDER_CONTRAST_AAA,
} HelderContrastLevel;

/* Which colour scheme of the learner player a pair belongs to. */
typedef enum
{
  HELDER_PLAYER_LIGHT = 1 << 0,
  HELDER_PLAYER_DARK  = 1 << 1,
} HelderPlayerMode;

/* One foreground/background pair the learner player paints. A colour is
 * either a CSS colour or one of the course's colours, written exactly as
 * the player's CSS writes it: var(--helder-text), var(--helder-background)
 * or var(--helder-accent) (the module colour, or the theme accent).
 */
typedef struct
{
  const char        *id;          /* stable name; the player's CSS uses it */
  guint              modes;       /* HelderPlayerMode flags */
  HelderContrastUse  use;
  const char        *foreground;
  const char        *background;
  const char        *description; /* for people; translatable with _() */
} HelderPlayerColourPair;

/* The course colours that var(--helder-…) stand for. */
typedef struct
{
  HelderColour text;
  HelderColour background;
  HelderColour accent;
} HelderThemeColours;

double       helder_colour_relative_luminance (const HelderColour *colour);
double       helder_contrast_ratio            (const HelderColour *foreground,
                                               const HelderColour *background);
double       helder_contrast_required         (HelderContrastUse   use,
                                               HelderContrastLevel level);
const char  *helder_contrast_use_to_label     (HelderContrastUse   use);
const char  *helder_contrast_use_criterion    (HelderContrastUse   use);
gboolean     helder_contrast_suggest          (const HelderColour *foreground,
                                               const HelderColour *background,
                                               double              target,
                                               HelderColour       *suggestion);

const HelderPlayerColourPair *helder_player_colour_pairs (guint *n_pairs);
gboolean     helder_player_colour_resolve     (const char               *colour,
                                               const HelderThemeColours *theme,
                                               HelderColour             *resolved);
gboolean     helder_player_colour_is_themed   (const char               *colour,
                                               const char               *variable);

G_END_DECLS
