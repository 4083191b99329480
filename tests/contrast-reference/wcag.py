# wcag.py: an independent reference for the WCAG 2.x contrast ratio,
# written from the WCAG 2.2 definitions of "relative luminance" and
# "contrast ratio" only (no code shared with src/core/a11y/helder-contrast.c),
# so the tests can compare the two.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import re

# A handful of CSS named colours, copied from CSS Color Module Level 4.
NAMES = {
    "black": (0, 0, 0),
    "white": (255, 255, 255),
    "navy": (0, 0, 128),
    "yellow": (255, 255, 0),
    "rebeccapurple": (102, 51, 153),
    "darkslategray": (47, 79, 79),
    "orange": (255, 165, 0),
    "teal": (0, 128, 128),
    "silver": (192, 192, 192),
    "crimson": (220, 20, 60),
}


def parse(text):
    """(r, g, b) with 0-255 integers for #rgb, #rrggbb, rgb() or a name."""
    t = text.strip().lower()
    if t.startswith("#"):
        digits = t[1:]
        if len(digits) == 3:
            digits = "".join(c * 2 for c in digits)
        return tuple(int(digits[i:i + 2], 16) for i in (0, 2, 4))
    m = re.fullmatch(r"rgb\(\s*([\d.]+)(%?)[\s,]+([\d.]+)(%?)[\s,]+([\d.]+)(%?)\s*\)", t)
    if m:
        out = []
        for value, pct in zip(m.group(1, 3, 5), m.group(2, 4, 6)):
            v = float(value)
            out.append(round(v * 2.55) if pct else round(v))
        return tuple(out)
    return NAMES[t]


def luminance(rgb):
    """Relative luminance per WCAG 2.2 (with its 0.03928 knee)."""
    def lin(c8):
        c = c8 / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (lin(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(fg, bg):
    a, b = luminance(parse(fg)), luminance(parse(bg))
    hi, lo = max(a, b), min(a, b)
    return (hi + 0.05) / (lo + 0.05)
