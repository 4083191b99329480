#!/usr/bin/env python3
# helder-cli review and review-report on a copy of the sample course:
# the sample review, recording steps, anchors after edits (moved, orphaned),
# the approval going stale after an edit, the HTML and CSV reports, and a
# broken review.json. Speaks TAP.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import html.parser
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile

import taplib
from taplib import ok

CLI = os.environ.get("HELDER_CLI", "helder-cli")
ROOT = os.environ.get("HELDER_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), ".."))
SAMPLE = os.path.join(ROOT, "content-samples", "ai-bewustzijn")
P1 = "02-praktijk/01-ai-in-de-gemeente.md"
P2 = "02-praktijk/02-vragen-van-inwoners.md"

def run(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True)


def review_json(course):
    proc = run("review", course, "--json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


tmp = tempfile.mkdtemp(prefix="helder-review-cli-")
course = os.path.join(tmp, "course")
shutil.copytree(SAMPLE, course)

# The sample course's review in progress.
data = review_json(course)
adviser = [t for t in data["threads"] if t["comments"][0]["role"] == "communications-adviser"
           and t["page"].startswith("02-praktijk/")]
ok(len(adviser) >= 3, "sample: threads by the communications adviser on module 2", adviser)
ok(any(t["suggestion"] for t in adviser), "sample: one thread suggests new wording")
ok(all(not t["orphaned"] and t["line"] > 0 for t in data["threads"] if t["status"] == "open"),
   "sample: every open thread anchored")
page = [p for p in data["pages"] if p["page"] == P1][0]
ok(page["roles"]["communications-adviser"]["state"] == "approved" and
   page["roles"]["communications-adviser"]["current"] and
   page["roles"]["didactics-lead"]["state"] == "approved", "sample: page 1 approved by two roles", page)
proc = run("validate", course)
ok(proc.returncode == 0, "sample: validate stays clean", proc.stdout + proc.stderr)

# Recording a comment, and a comment whose quote is not on the page.
proc = run("review", course, "--add-comment", P2, "--quote", "De chatbot geeft meteen antwoord.",
           "--text", 'Mooi kort, "goed" zo; <b>echt</b>', "--author", "Test", "--role", "didactics-lead")
ok(proc.returncode == 0, "add-comment", proc.stderr)
proc = run("review", course, "--add-comment", P2, "--quote", "Dit staat er niet.", "--text", "x",
           "--author", "Test", "--role", "didactics-lead")
ok(proc.returncode == 2 and "Dit staat er niet." in proc.stderr, "add-comment: unknown quote refused", proc.stderr)
proc = run("review", course, "--approve", P2, "--author", "Test", "--role", "nobody")
ok(proc.returncode == 2, "unknown role refused", proc.stderr)

# Edits: the passage moves to another paragraph; another passage is deleted;
# the approved page changes.
path2 = os.path.join(course, P2)
with open(path2, encoding="utf-8") as f:
    text = f.read()
text = text.replace(" De chatbot geeft meteen antwoord.", "")
text = text.replace("Kies een tab.", "Kies een tab. De chatbot geeft meteen antwoord.")
text = text.replace("Dat heet hallucineren. ", "")
with open(path2, "w", encoding="utf-8") as f:
    f.write(text)
with open(os.path.join(course, P1), "a", encoding="utf-8") as f:
    f.write("\nEen extra zin.\n")

data = review_json(course)
moved = [t for t in data["threads"] if t["quote"] == "De chatbot geeft meteen antwoord."][0]
line_of_tab = text[:text.index("Kies een tab.")].count("\n") + 1
ok(moved["anchor"] == "exact" and moved["line"] == line_of_tab, "moved passage re-anchored", moved)
gone = [t for t in data["threads"] if t["quote"] == "Dat heet hallucineren."][0]
ok(gone["orphaned"] and gone["id"] in data["orphaned"], "deleted passage: thread orphaned, kept", gone)
page = [p for p in data["pages"] if p["page"] == P1][0]
ok(not page["roles"]["communications-adviser"]["current"], "approval stale after an edit", page)
proc = run("review", course)
ok("orphaned" in proc.stdout and "changed since approval" in proc.stdout, "text output", proc.stdout)

# Reports.
html_path = os.path.join(tmp, "report.html")
csv_path = os.path.join(tmp, "report.csv")
proc = run("review-report", course, "--format", "html", "-o", html_path)
ok(proc.returncode == 0, "review-report html", proc.stderr)
with open(html_path, encoding="utf-8") as f:
    report = f.read()
ok("<b>echt</b>" not in report and "&lt;b&gt;echt&lt;/b&gt;" in report, "html: author text escaped")
ok('<html lang="' in report and "<caption>" in report and 'scope="col"' in report, "html: lang, captions, headers")


class Checker(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack = []
        self.bad = []

    def handle_starttag(self, tag, attrs):
        if tag not in ("meta",):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.bad.append(tag)


checker = Checker()
checker.feed(report)
ok(not checker.bad and not checker.stack, "html: tags balanced", checker.bad)

proc = run("review-report", course, "--format", "csv", "-o", csv_path)
ok(proc.returncode == 0, "review-report csv", proc.stderr)
with open(csv_path, encoding="utf-8", newline="") as f:
    rows = list(csv.reader(f))
width = len(rows[0])
ok(all(len(r) == width for r in rows), "csv: every row has every column")
ok(any(r[-1] == 'Mooi kort, "goed" zo; <b>echt</b>' for r in rows), "csv: comma and quotes round trip")
files = {r[0] for r in rows[1:]}
ok(P1 in files and "03-ethiek/06-natoets.md" in files, "csv: every page listed")

# The same verbs as the app: reply, accept and reject a suggestion, resolve.
def review_file(course):
    with open(os.path.join(course, "review.json"), encoding="utf-8") as f:
        return json.load(f)


def thread_with(course, suggestion):
    return [t for t in review_json(course)["threads"] if t["suggestion"] == suggestion][0]


who = ("--author", "Els", "--role", "communications-adviser")
proc = run("review", course, "--add-comment", P2, "--quote", "Kies een tab.", "--text", "Korter?",
           "--suggest", "Kies een tabblad.", *who)
ok(proc.returncode == 0, "suggest: recorded", proc.stderr)
proc = run("review", course, "--add-comment", P2, "--quote", "De chatbot geeft meteen antwoord.",
           "--text", "Anders?", "--suggest", "De chatbot antwoordt meteen.", *who)
ok(proc.returncode == 0, "second suggestion recorded", proc.stderr)
first = thread_with(course, "Kies een tabblad.")
second = thread_with(course, "De chatbot antwoordt meteen.")

proc = run("review", course, "--reply", first["id"], *who)
ok(proc.returncode == 2 and "--text" in proc.stderr, "reply: without text refused", proc.stderr)
proc = run("review", course, "--reply", first["id"], "--text", "Goed idee.", "--author", "Kees",
           "--role", "content-expert")
ok(proc.returncode == 0 and len(thread_with(course, "Kies een tabblad.")["comments"]) == 2,
   "reply: added to the thread", proc.stderr)
proc = run("review", course, "--reply", "geen-thread", "--text", "x", *who)
ok(proc.returncode == 2 and "geen-thread" in proc.stderr, "reply: unknown thread refused", proc.stderr)

proc = run("review", course, "--accept", first["id"], "--author", "Kees", "--role", "content-expert")
with open(path2, encoding="utf-8") as f:
    accepted_text = f.read()
ok(proc.returncode == 0 and "Kies een tabblad." in accepted_text and "Kies een tab. " not in accepted_text,
   "accept: the page has the new wording", proc.stderr)
stored = [t for t in review_file(course)["threads"] if t["id"] == first["id"]][0]
ok(stored["status"] == "resolved" and stored.get("suggestionOutcome") == "accepted",
   "accept: thread resolved as accepted", stored)
proc = run("review", course, "--accept", first["id"], *who)
ok(proc.returncode == 2, "accept: twice refused", proc.stderr)

proc = run("review", course, "--reject", second["id"], "--text", "Liever zo laten.", "--author", "Kees",
           "--role", "content-expert")
with open(path2, encoding="utf-8") as f:
    ok(proc.returncode == 0 and f.read() == accepted_text, "reject: the page is unchanged", proc.stderr)
stored = [t for t in review_file(course)["threads"] if t["id"] == second["id"]][0]
ok(stored["status"] == "resolved" and stored.get("suggestionOutcome") == "rejected" and
   stored["comments"][-1]["text"] == "Liever zo laten.", "reject: resolved with the reason", stored)
proc = run("review", course, "--accept", moved["id"], *who)
ok(proc.returncode == 2, "accept: a thread without a suggestion refused", proc.stderr)

# A thread on a page the course no longer has stays in the CSV report.
with open(os.path.join(course, "review.json"), encoding="utf-8") as f:
    before_move = f.read()
data = review_file(course)
data["threads"][0]["page"] = "09-oud/01-weg.md"
with open(os.path.join(course, "review.json"), "w", encoding="utf-8") as f:
    json.dump(data, f)
proc = run("review-report", course, "--format", "csv", "-o", csv_path)
with open(csv_path, encoding="utf-8", newline="") as f:
    rows = list(csv.reader(f))
ok(proc.returncode == 0 and any(r[0] == "09-oud/01-weg.md" and r[len(rows[0]) - 9] == data["threads"][0]["id"]
                                for r in rows), "csv: threads of removed pages kept", proc.stderr)
ok(all(len(r) == len(rows[0]) for r in rows), "csv: every row has every column, also for removed pages")
with open(os.path.join(course, "review.json"), "w", encoding="utf-8") as f:
    f.write(before_move)

# A broken review.json: located message, exit 1, nothing written.
with open(os.path.join(course, "review.json"), encoding="utf-8") as f:
    original = f.read()
broken = original.replace('"role" : "didactics-lead"', '"role" : "chef"', 1)
with open(os.path.join(course, "review.json"), "w", encoding="utf-8") as f:
    f.write(broken)
proc = run("review", course, "--approve", P2, "--author", "Test", "--role", "didactics-lead")
line = broken[:broken.index('"chef"')].count("\n") + 1
ok(proc.returncode == 1 and ("review.json:%d:" % line) in proc.stderr, "broken review.json located", proc.stderr)
with open(os.path.join(course, "review.json"), encoding="utf-8") as f:
    ok(f.read() == broken, "broken review.json left alone")

shutil.rmtree(tmp)

sys.exit(taplib.main())
