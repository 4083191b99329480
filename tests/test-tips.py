#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""helder-cli export --format tips on the sample course: an Atom feed an XML parser
accepts, one e-mail per tip whose text is at B1 level, one 1920x1080 slide per tip whose
text passes the contrast check on its background; tips.md is checked like a page (its
rules and the B1 rules, located in tips.md); without tips.md the tips are drafted from
the "Wat kun jij doen?" callouts. Speaks TAP."""

import html.parser
import json
import os
import shutil
import struct
import subprocess
import tempfile
import xml.etree.ElementTree as ET
import zlib

CLI = os.environ.get("HELDER_CLI", "helder-cli")
ROOT = os.environ.get("HELDER_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), ".."))
SAMPLE = os.path.join(ROOT, "content-samples", "ai-bewustzijn")
ATOM = "{http://www.w3.org/2005/Atom}"

results = []


def ok(cond, name, detail=""):
    results.append((bool(cond), name, detail))


def run(*args, stdin=None):
    return subprocess.run(args, capture_output=True, text=True, input=stdin)


class Paragraphs(html.parser.HTMLParser):
    """The text of the e-mail's <h1> and <p> elements."""

    def __init__(self):
        super().__init__()
        self.parts, self.inside = [], None

    def handle_starttag(self, tag, attrs):
        if tag in ("h1", "p"):
            self.inside = tag
            self.parts.append([tag, ""])

    def handle_endtag(self, tag):
        self.inside = None

    def handle_data(self, data):
        if self.inside:
            self.parts[-1][1] += data


def png_pixels(path):
    """Width, height and rows of RGB pixels of an 8-bit RGB(A) PNG."""
    with open(path, "rb") as f:
        data = f.read()
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            channels = {2: 3, 6: 4}[colour]
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        line = raw[y * (stride + 1):(y + 1) * (stride + 1)]
        kind, row = line[0], bytearray(line[1:])
        for x in range(stride):
            a = row[x - channels] if x >= channels else 0
            b = previous[x]
            c = previous[x - channels] if x >= channels else 0
            if kind == 1:
                row[x] = (row[x] + a) & 255
            elif kind == 2:
                row[x] = (row[x] + b) & 255
            elif kind == 3:
                row[x] = (row[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                row[x] = (row[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(row))
        previous = row
    return width, height, channels, rows


tmp = tempfile.mkdtemp(prefix="helder-tips-")
out = os.path.join(tmp, "tips")
proc = run(CLI, "export", SAMPLE, "--format", "tips", "-o", out)
ok(proc.returncode == 0, "the sample course's tips export", proc.stderr)

with open(os.path.join(SAMPLE, "tips.md"), encoding="utf-8") as f:
    n_tips = f.read().count("\n## ")

feed = ET.parse(os.path.join(out, "feed.xml")).getroot()
entries = feed.findall(ATOM + "entry")
ok(feed.tag == ATOM + "feed" and feed.find(ATOM + "title") is not None
   and feed.find(ATOM + "id") is not None and feed.find(ATOM + "updated") is not None
   and feed.find(ATOM + "author/" + ATOM + "name") is not None,
   "feed.xml is an Atom feed with its required elements")
ok(len(entries) == n_tips and all(e.find(ATOM + x) is not None for e in entries
                                  for x in ("title", "id", "updated", "content")),
   "one Atom entry per tip, each with title, id, updated and content", len(entries))
ok(len({e.find(ATOM + "id").text for e in entries}) == len(entries), "entry ids are unique")

emails = sorted(os.listdir(os.path.join(out, "email")))
ok(len(emails) == n_tips, "one e-mail per tip", emails)
levels = []
for name in emails:
    with open(os.path.join(out, "email", name), encoding="utf-8") as f:
        source = f.read()
    parser = Paragraphs()
    parser.feed(source)
    text = "\n".join(t for tag, t in parser.parts[2:-1] if tag == "p")
    result = json.loads(run(CLI, "readability", "-", "--json", stdin=text).stdout)
    levels.append((name, result["level"], "<img" in source, "<style" in source, "<script" in source))
ok(all(level == "b1" for _, level, *_ in levels), "every e-mail's text is at B1 level", levels)
ok(not any(img or style or script for _, _, img, style, script in levels),
   "the e-mails need no images, style sheets or scripts (inline CSS only)", levels)

slides = sorted(os.listdir(os.path.join(out, "slides")))
ok(len(slides) == n_tips, "one slide per tip", slides)
width, height, channels, rows = png_pixels(os.path.join(out, "slides", slides[0]))
ok((width, height) == (1920, 1080), "slides are 1920x1080", (width, height))
background = rows[5][:3]
# The text's colour: the pixel farthest from the background in the title.
text_colour = max((rows[y][x * channels:x * channels + 3] for y in range(120, 200, 2)
                   for x in range(140, 900, 3)),
                  key=lambda p: sum(abs(p[i] - background[i]) for i in range(3)))
proc = run(CLI, "contrast", "#%02x%02x%02x" % tuple(text_colour), "#%02x%02x%02x" % tuple(background))
ok(proc.returncode == 0 and "AA large text (3:1)" in proc.stdout and "fail" not in
   proc.stdout.split("AA large text (3:1)")[1].splitlines()[0],
   "the slide's text passes the contrast check (AA large text)", proc.stdout)

# tips.md is checked like a page: its own rules and the B1 rules.
course = os.path.join(tmp, "course")
shutil.copytree(SAMPLE, course)
with open(os.path.join(course, "tips.md"), "a", encoding="utf-8") as f:
    f.write("\n## Een heel lange tip\n\n" + "Dit is een zin met zeven woorden. " * 10 + "\n"
            "\n## Zonder tekst\n\n[Nergens](01-introductie/99-bestaat-niet.md)\n")
proc = run(CLI, "check", course, "--json")
found = [d for d in json.loads(proc.stdout)["diagnostics"] if d["file"] == "tips.md"]
rules = {d["rule"] for d in found}
ok({"tip-length", "tip-empty", "tip-page"} <= rules and all(d["line"] > 0 for d in found),
   "tips.md's problems are found and located", sorted(rules))
proc = run(CLI, "export", course, "--format", "tips", "-o", os.path.join(tmp, "refused"))
ok(proc.returncode == 1 and "tips.md" in proc.stdout + proc.stderr,
   "an export of tips with errors is refused with the findings")

# Without tips.md: drafts from the callouts, and a draft file to start from.
os.remove(os.path.join(course, "tips.md"))
drafted = os.path.join(tmp, "drafted")
proc = run(CLI, "export", course, "--format", "tips", "-o", drafted)
ok(proc.returncode == 0 and os.path.exists(os.path.join(drafted, "tips-draft.md"))
   and len(os.listdir(os.path.join(drafted, "email"))) >= 1,
   "without tips.md the tips are drafted from the callouts", proc.stderr)

shutil.rmtree(tmp)
print("1..%d" % len(results))
for i, (passed, name, detail) in enumerate(results, 1):
    print("%s %d - %s" % ("ok" if passed else "not ok", i, name))
    if not passed and detail:
        for line in str(detail).splitlines()[:10]:
            print("# " + line)
