#!/usr/bin/env python3
# helder-cli contrast against the independent reference in
# contrast-reference/wcag.py: ratios within 0.01, pass/fail per WCAG
# threshold, and every suggestion checked by the reference too; then
# helder-cli check on the accessibility test course. Speaks TAP.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import colorsys
import json
import os
import random
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "contrast-reference"))
import wcag  # noqa: E402

import taplib  # noqa: E402
from taplib import ok  # noqa: E402

CLI = os.environ.get("HELDER_CLI", "helder-cli")

PAIRS = [
    ("#ffffff", "#000000"), ("#000", "#fff"), ("#ffffff", "#ffffff"),
    ("#ffffff", "#e50082"), ("#e50082", "#ffffff"), ("#777", "#fff"),
    ("#767676", "#ffffff"), ("#595959", "#ffffff"), ("#1a1a1a", "#ffffff"),
    ("#1d5f8a", "#ffffff"), ("#ffffff", "#1d5f8a"), ("yellow", "white"),
    ("navy", "white"), ("white", "rebeccapurple"), ("darkslategray", "silver"),
    ("orange", "black"), ("teal", "white"), ("crimson", "white"),
    ("rgb(29, 95, 138)", "rgb(255, 255, 255)"), ("rgb(0 0 0)", "rgb(100%, 100%, 100%)"),
    ("rgb(20%, 40%, 60%)", "#fafafa"), ("#f00", "#0f0"), ("#00f", "#ff0"),
    ("#808080", "#000000"), ("#808080", "#ffffff"), ("#0a0a0a", "#0b0b0b"),
    ("#e6e6e6", "#1d5f8a"), ("#1b5e20", "#e8f5e9"), ("#b71c1c", "#ffebee"),
    ("#9ecbff", "#1b1b1b"),
]

# Forty more pairs, spread over the whole colour cube by a fixed seed.
rng = random.Random(20241128)
for _ in range(40):
    PAIRS.append(tuple("#%02x%02x%02x" % tuple(rng.randrange(256) for _ in range(3))
                       for _ in range(2)))

THRESHOLDS = {("AA", "normal"): 4.5, ("AAA", "normal"): 7.0, ("AA", "large"): 3.0,
              ("AAA", "large"): 4.5, ("AA", "ui"): 3.0}

def hue(colour):
    r, g, b = wcag.parse(colour)
    h, l, s = colorsys.rgb_to_hls(r / 255, g / 255, b / 255)
    return h, s


for fg, bg in PAIRS:
    proc = subprocess.run([CLI, "contrast", "--json", fg, bg], capture_output=True, text=True)
    expected = wcag.ratio(fg, bg)
    name = "%s on %s" % (fg, bg)
    if proc.returncode not in (0, 1):
        ok(False, name, proc.stderr)
        continue
    data = json.loads(proc.stdout)
    good = abs(data["ratio"] - expected) <= 0.01
    for check in data["checks"]:
        required = THRESHOLDS[(check["level"], check["use"])]
        if abs(expected - required) > 1e-6 and check["pass"] != (expected >= required):
            good = False
    if proc.returncode != (0 if expected >= 4.5 else 1):
        good = False
    for suggestion in data["suggestions"]:
        required = THRESHOLDS[(suggestion["level"], "normal")]
        if wcag.ratio(suggestion["foreground"], bg) < required:
            good = False
    if expected < 4.5 and not data["suggestions"]:
        good = False
    ok(good, "%s: %.4f (reference %.4f)" % (name, data["ratio"], expected),
       proc.stdout)

# A suggestion keeps a saturated colour's hue.
proc = subprocess.run([CLI, "contrast", "--json", "#ff66aa", "#ffffff"], capture_output=True,
                      text=True)
data = json.loads(proc.stdout)
h0, _ = hue("#ff66aa")
h1, s1 = hue(data["suggestions"][0]["foreground"])
ok(abs(h0 - h1) < 0.03 and s1 > 0.3, "suggestion for #ff66aa keeps its pink hue",
   data["suggestions"][0]["foreground"])

proc = subprocess.run([CLI, "contrast", "#ffffff", "#e50082"], capture_output=True, text=True)
ok(proc.returncode == 0 and "4.51:1" in proc.stdout and "AAA normal text (7:1)" in proc.stdout,
   "text output for #ffffff on #e50082", proc.stdout)

for bad, reason in [("#12345", "3 or 6 digits"), ("#ffff", "transparency"),
                    ("rgb(300, 0, 0)", "outside 0–255"), ("rgb(1, 2)", "three numbers"),
                    ("rgba(0, 0, 0, 0.5)", "transparency"), ("blauw", "not a CSS colour name"),
                    ("#gggggg", "hex digits"), ("rgb(120%, 0%, 0%)", "outside 0%–100%")]:
    proc = subprocess.run([CLI, "contrast", bad, "#fff"], capture_output=True, text=True)
    ok(proc.returncode == 2 and reason in proc.stderr and bad in proc.stderr,
       "bad colour %s is refused with its reason" % bad, proc.stderr)

proc = subprocess.run([CLI, "contrast", "#fff"], capture_output=True, text=True)
ok(proc.returncode == 2, "one colour is unusable input", proc.stderr)

proc = subprocess.run([CLI, "contrast", "#ffffff", "#e50082"], capture_output=True, text=True)
ok("no foreground of this hue reaches 7:1 on #e50082" in proc.stdout,
   "an unreachable AAA says to change the background", proc.stdout)

course = os.path.join(os.environ.get("G_TEST_SRCDIR", os.path.dirname(os.path.abspath(__file__))),
                      "data", "a11y", "course")
proc = subprocess.run([CLI, "check", "--json", course], capture_output=True, text=True)
ok(proc.returncode == 1, "check on the test course reports errors", proc.stderr)
findings = json.loads(proc.stdout)["diagnostics"] if proc.stdout else []
contrast = [f for f in findings if f["rule"] == "a11y-contrast" and f["file"] == "course.json"]
ok(len(contrast) == 3 and all(f["line"] == 7 and f["column"] > 1 for f in contrast),
   "theme accent contrast findings are located in course.json", json.dumps(contrast, indent=1))
ok(all(f["suggestions"] and wcag.ratio(f["suggestions"][0], "#ffffff") >= 3.0 for f in contrast),
   "each contrast finding suggests a colour that the reference accepts",
   json.dumps(contrast, indent=1))
rules = {(f["file"], f["rule"]) for f in findings}
for expected in [("01-basis/module.json", "a11y-contrast"),
                 ("01-basis/module.json", "a11y-time-budget"),
                 ("media/uitleg.vtt", "captions-coverage"),
                 ("media/uitleg.vtt", "captions-reading-speed"),
                 ("01-basis/03-media.md", "a11y-transcript")]:
    ok(expected in rules, "check reports %s in %s" % (expected[1], expected[0]), proc.stdout)
# The language rules (b1-*, spelling) have their own tests.
ok(not any(f["file"].startswith("02-goed/") and not f["rule"].startswith(("b1-", "spelling"))
           for f in findings),
   "the clean module has no findings", proc.stdout)

sys.exit(taplib.main())
