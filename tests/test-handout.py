#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""helder-cli export --format pdf: the handout of module 1 of the sample course has
the module's page titles in its text, embedded fonts, a link per table-of-contents
entry and pages that render; questions and the answer key come and go with
--no-questions; the whole course prints too. Speaks TAP."""

import json
import os
import re
import shutil
import subprocess
import tempfile

CLI = os.environ.get("HELDER_CLI", "helder-cli")
ROOT = os.environ.get("HELDER_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), ".."))
SAMPLE = os.path.join(ROOT, "content-samples", "ai-bewustzijn")

results = []


def ok(cond, name, detail=""):
    results.append((bool(cond), name, detail))


def run(*args):
    return subprocess.run(args, capture_output=True, text=True)


tools = all(shutil.which(t) for t in ("pdftotext", "pdffonts", "pdftoppm"))
tmp = tempfile.mkdtemp(prefix="helder-handout-")
info = json.loads(run(CLI, "info", SAMPLE, "--json").stdout)
module = info["modules"][0]
titles = [p["title"] for p in module["pages"]]

pdf = os.path.join(tmp, "module-1.pdf")
proc = run(CLI, "export", SAMPLE, "--format", "pdf", "--module", module["id"], "-o", pdf)
ok(proc.returncode == 0 and os.path.getsize(pdf) > 0, "module 1 exports as a PDF", proc.stderr)

if not tools:
    print("1..0 # SKIP poppler-utils is not installed (apt-get install poppler-utils)")
    raise SystemExit(0)

text = run("pdftotext", "-layout", pdf, "-").stdout
flat = " ".join(text.split())
missing = [t for t in titles if " ".join(t.split()) not in flat]
ok(not missing, "the handout has every page title of module 1", missing)
ok("Inhoud" in text, "the handout opens with a table of contents")
ok("Vraag 1" in text and "Antwoorden" in text, "questions are printed with an answer key")
ok("Uitgeschreven tekst" in text, "a video is printed with its transcript")

fonts = run("pdffonts", pdf).stdout.splitlines()[2:]
ok(fonts and all(line.split()[-5] == "yes" for line in fonts), "every font is embedded", fonts)

with open(pdf, "rb") as f:
    raw = f.read()
dests = set(re.findall(rb"/Subtype /Link.*?/Dest \(([^)]*)\)", raw, re.S))
ok(len(dests) >= len(titles), "a link per table-of-contents entry",
   "%d links for %d pages" % (len(dests), len(titles)))
names = re.search(rb"/Names \[(.*?)\n\s*\]", raw, re.S)
named = set(re.findall(rb"\(([^)]*)\)", names.group(1))) if names else set()
ok(dests and dests <= named, "every link points at a named place in the document",
   sorted(dests - named))

kinds = set(re.findall(rb"/S /([A-Za-z0-9]+)", raw))
ok(b"/StructTreeRoot" in raw and {b"H1", b"P", b"L", b"LI", b"Figure", b"Link"} <= kinds,
   "the PDF is tagged: headings, paragraphs, lists, figures and links", sorted(kinds))

pages = int(re.search(r"Pages:\s+(\d+)", run("pdfinfo", pdf).stdout).group(1)) \
    if shutil.which("pdfinfo") else 0
proc = run("pdftoppm", "-r", "30", "-png", pdf, os.path.join(tmp, "page"))
images = [f for f in os.listdir(tmp) if f.startswith("page")]
ok(proc.returncode == 0 and len(images) == pages and pages > len(titles),
   "every page renders", "%d images for %d pages" % (len(images), pages))

bare = os.path.join(tmp, "no-questions.pdf")
proc = run(CLI, "export", SAMPLE, "--format", "pdf", "--module", module["id"], "--no-questions",
           "-o", bare)
bare_text = run("pdftotext", bare, "-").stdout
ok(proc.returncode == 0 and "Vraag 1" not in bare_text and "Antwoorden" not in bare_text,
   "--no-questions leaves questions and the key out")

course = os.path.join(tmp, "course.pdf")
proc = run(CLI, "export", SAMPLE, "--format", "pdf", "-o", course)
course_text = run("pdftotext", course, "-").stdout
ok(proc.returncode == 0 and all(m["title"] in course_text for m in info["modules"]),
   "the whole course prints, every module with its title")

proc = run(CLI, "export", SAMPLE, "--format", "pdf", "-o", os.path.join(tmp, "no", "such", "x.pdf"))
ok(proc.returncode == 2 and "x.pdf" in proc.stderr, "an output folder that does not exist is named",
   proc.stderr)

shutil.rmtree(tmp)
print("1..%d" % len(results))
for i, (passed, name, detail) in enumerate(results, 1):
    print("%s %d - %s" % ("ok" if passed else "not ok", i, name))
    if not passed and detail:
        for line in str(detail).splitlines()[:10]:
            print("# " + line)
