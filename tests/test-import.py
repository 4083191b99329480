#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""helder-cli import: Rise-style packages of each generation and format, built from the
two real decoded Rise courses in ../shared/fixtures/rise, become Helder courses that
validate; every lesson and block is in import-report.md; text with non-ASCII characters
and the media come over; bad packages are refused with a message and leave nothing
behind. Speaks TAP."""

import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

CLI = os.environ.get("HELDER_CLI", "helder-cli")
ROOT = os.environ.get("HELDER_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), ".."))
FIXTURES = os.path.join(ROOT, "..", "shared", "fixtures", "rise")
MAKE = os.path.join(ROOT, "tests", "tools", "make-rise-package.py")

results = []


def ok(cond, name, detail=""):
    results.append((bool(cond), name, detail))


def run(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True)


def make(course, output, generation, fmt="scorm12", folder=False):
    args = [sys.executable, MAKE, course, output, "--generation", str(generation), "--format", fmt]
    if folder:
        args.append("--folder")
    subprocess.run(args, check=True)


def nothing_left(tmp, name):
    return not os.path.exists(os.path.join(tmp, name)) and \
        not glob.glob(os.path.join(tmp, "." + name + ".import-*"))


def rise_blocks(course):
    """The blocks (and quiz questions) of a decoded Rise course, per lesson title."""
    lessons = course["course"]["lessons"]
    return [(l["title"], len(l.get("items", []))) for l in lessons if l["type"] != "section"]


tmp = tempfile.mkdtemp(prefix="helder-import-")
cases = [
    ("scorm2004-4th-course.json", 3, "scorm2004", False),
    ("scorm2004-4th-course.json", 2, "scorm12", False),
    ("scorm2004-4th-course.json", 1, "web", False),
    ("scorm12-quiz-course.json", 3, "scorm12", False),
    ("scorm12-quiz-course.json", 2, "xapi", False),
    ("scorm12-quiz-course.json", 1, "scorm12", False),
    ("scorm12-quiz-course.json", 3, "web", True),
]
for fixture, generation, fmt, folder in cases:
    label = "%s, generation %d, %s%s" % (fixture.split("-course")[0], generation, fmt,
                                         " (unpacked)" if folder else "")
    source = os.path.join(FIXTURES, fixture)
    package = os.path.join(tmp, "%s-%d-%s%s" % (fixture, generation, fmt, "" if folder else ".zip"))
    course = os.path.join(tmp, "course-%s-%d-%s" % (fixture.split("-")[0], generation, fmt))
    make(source, package, generation, fmt, folder)
    proc = run("import", package, "-o", course)
    ok(proc.returncode == 0, label + ": imported", proc.stdout + proc.stderr)
    if proc.returncode != 0:
        continue

    # Validates: content findings (alt text, transcripts, captions, notes
    # left by the import) are allowed, format errors are not.
    proc = run("validate", course, "--json")
    findings = json.loads(proc.stdout or "[]")
    # The content Rise does not hold: alt text, caption files, transcripts.
    errors = [f for f in findings if f["severity"] == "error"
              and not (f["rule"] == "format-image-alt"
                       or (f["rule"] == "format-field-missing"
                           and re.search(r'"(captions|transcript)"', f["message"])))]
    ok(not errors, label + ": the course validates, with only content findings", errors[:5])

    with open(source, encoding="utf-8") as f:
        data = json.load(f)
    with open(os.path.join(course, "import-report.md"), encoding="utf-8") as f:
        report = f.read()
    expected = sum(n for _, n in rise_blocks(data))
    lines = len(re.findall(r"^- ", report, re.M))
    ok(lines == expected, label + ": every block has its line in import-report.md",
       "%d lines for %d blocks" % (lines, expected))
    titles = [t.strip() for t, _ in rise_blocks(data)]
    ok(all(t in report for t in titles), label + ": every lesson is in import-report.md")

    text = ""
    for md in sorted(glob.glob(os.path.join(course, "*", "*.md"))):
        with open(md, encoding="utf-8") as f:
            text += f.read()
    if fixture.startswith("scorm2004"):
        ok("What’s the Impact of Bias?" in text and "bias—where" in text,
           label + ": non-ASCII text survives")
    else:
        ok("```question" in text and "test: post" in text, label + ": quiz lessons become a test")
        with open(os.path.join(course, "course.json"), encoding="utf-8") as f:
            ok(json.load(f)["tracking"]["pass_mark"] == 80, label + ": the quiz pass mark is kept")
    media = re.findall(r"^(?:src|captions|poster): (media/\S+)$", text, re.M)
    ok(media and all(os.path.isfile(os.path.join(course, m)) for m in media),
       label + ": the media are in place", [m for m in media if not os.path.isfile(os.path.join(course, m))][:3])
    ok("[!IMPORT]" not in text or "Not imported" in text or "Niet geïmporteerd" in text,
       label + ": blocks without a Helder form are kept as marked notes")

# Bad input: a located message, exit status 2, and no course folder left behind.
quiz = os.path.join(FIXTURES, "scorm12-quiz-course.json")


def refused(name, package, pattern):
    dest = os.path.join(tmp, "refused-" + name)
    proc = run("import", package, "-o", dest)
    ok(proc.returncode == 2 and re.search(pattern, proc.stderr, re.I) and nothing_left(tmp, "refused-" + name),
       "refused: " + name, proc.stderr)


plain = os.path.join(tmp, "not-rise.zip")
with zipfile.ZipFile(plain, "w") as z:
    z.writestr("index.html", "<html><body>Hallo</body></html>")
refused("not a Rise export", plain, r"not an export of Articulate Rise|geen export van Articulate Rise")

good = os.path.join(tmp, "good.zip")
make(quiz, good, 3)
truncated = os.path.join(tmp, "truncated.zip")
with open(good, "rb") as f:
    data = f.read()
with open(truncated, "wb") as f:
    f.write(data[: len(data) // 2])
refused("a truncated ZIP", truncated, r"truncated|ZIP|zip")

escaping = os.path.join(tmp, "escaping.zip")
shutil.copy(good, escaping)
with zipfile.ZipFile(escaping, "a") as z:
    z.writestr("../../buiten.txt", "x")
refused("an entry outside the folder", escaping, r"outside|buiten")

bomb = os.path.join(tmp, "bomb.zip")
shutil.copy(good, bomb)
with zipfile.ZipFile(bomb, "a", compression=zipfile.ZIP_DEFLATED) as z:
    z.writestr("scormcontent/assets/zeros.mp4", bytes(200 * 1024 * 1024))
refused("a ZIP bomb", bomb, r"tightly packed|too large|te groot|strak")

broken_json = os.path.join(tmp, "broken-json.zip")
with zipfile.ZipFile(broken_json, "w") as z:
    import base64
    z.writestr("scormcontent/locales/und.js",
               '__resolveJsonp("course:und","%s")' % base64.b64encode(b'{"course": {"lessons": [').decode())
refused("malformed course data", broken_json, r"damaged|beschadigd")

deep = os.path.join(tmp, "deep-json.zip")
with zipfile.ZipFile(deep, "w") as z:
    z.writestr("scormcontent/locales/und.js",
               '__resolveJsonp("course:und","%s")' % base64.b64encode(b"[" * 100000).decode())
refused("course data nested 100,000 deep", deep, r"damaged|beschadigd")

existing = os.path.join(tmp, "existing")
os.makedirs(existing)
with open(os.path.join(existing, "notes.txt"), "w") as f:
    f.write("mine")
proc = run("import", good, "-o", existing)
ok(proc.returncode == 2 and os.listdir(existing) == ["notes.txt"],
   "refused: a destination that is not empty, and it is left as it was", proc.stderr)

shutil.rmtree(tmp)
print("1..%d" % len(results))
for i, (passed, name, detail) in enumerate(results, 1):
    print("%s %d - %s" % ("ok" if passed else "not ok", i, name))
    if not passed and detail:
        for line in str(detail).splitlines()[:12]:
            print("# " + line)
