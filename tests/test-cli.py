#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""helder-cli as a user runs it: output, JSON and exit statuses on valid
and broken courses. Speaks TAP."""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import taplib
from taplib import check, test

CLI = os.environ["HELDER_CLI"]
DATA = os.path.join(os.environ["G_TEST_SRCDIR"], "data")
VALID = os.path.join(DATA, "course-valid")
BROKEN = os.path.join(DATA, "broken")
# The sample course as it was in November 2026, before its second edition:
# the test-quality and dated-fact rules must find its known problems.
FROZEN_SAMPLE = os.path.join(DATA, "sample-course-2026-11")
SAMPLE = os.path.join(os.environ["G_TEST_SRCDIR"], "..", "content-samples", "ai-bewustzijn")


def run(*args):
    proc = subprocess.run([CLI, *args], capture_output=True, text=True, timeout=60)
    return proc.returncode, proc.stdout, proc.stderr


def broken_course(case):
    """The base broken course with one case's files laid over it."""
    tmp = tempfile.mkdtemp(prefix="helder-cli-")
    course = os.path.join(tmp, "course")
    shutil.copytree(os.path.join(BROKEN, "base"), course)
    case_dir = os.path.join(BROKEN, "cases", case)
    with open(os.path.join(case_dir, "expect.json"), encoding="utf-8") as f:
        expect = json.load(f)
    shutil.copytree(case_dir, course, dirs_exist_ok=True)
    os.unlink(os.path.join(course, "expect.json"))
    for name in expect.get("delete", []):
        os.unlink(os.path.join(course, name))
    return course, expect


DIAGNOSTIC = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning|hint): "
                        r"(?P<msg>.+) \[(?P<rule>[a-z0-9-]+)\]$")


@test
def version():
    code, out, _ = run("--version")
    check(code == 0, f"exit {code}")
    check(re.match(r"^helder-cli \d+\.\d+\.\d+$", out.strip()), out)


def app_version():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    proc = subprocess.run([os.environ["HELDER_APP"], "--version"], capture_output=True, text=True,
                          timeout=60, env=env)
    check(proc.returncode == 0, f"exit {proc.returncode}: {proc.stderr}")
    check(re.match(r"^helder \d+\.\d+\.\d+$", proc.stdout.strip()), proc.stdout)


# Only a build with the app (-Dapp=true, the default) has it to run.
if "HELDER_APP" in os.environ:
    test(app_version)


@test
def help_lists_commands():
    code, out, _ = run("--help")
    check(code == 0, f"exit {code}")
    for command in ("validate", "check", "info"):
        check(re.search(rf"^\s+{command}\s", out, re.M), f"{command} missing from help")


@test
def subcommand_help():
    for command in ("validate", "check", "info"):
        code, out, _ = run(command, "--help")
        check(code == 0, f"{command} --help exit {code}")
        check("--json" in out, f"{command} --help does not mention --json")


@test
def every_command_parses_its_options():
    commands = {"validate": "COURSE", "check": "COURSE", "info": "COURSE", "export": "COURSE",
                "import": "PACKAGE", "kpi": "COURSE", "readability": "FILE|-",
                "contrast": "FOREGROUND BACKGROUND", "review": "COURSE", "review-report": "COURSE"}
    for command, parameter in commands.items():
        code, out, _ = run(command, "--help")
        check(code == 0, f"{command} --help exit {code}")
        usage = rf"^Usage:\n +helder-cli \S+ {re.escape(parameter)} — "
        check(re.search(usage, out), f"{command}: {out}")
        code, _, err = run(command, "--no-such-option", VALID)
        check(code == 2, f"{command} --no-such-option exit {code}")
        check(err.startswith("helder-cli: ") and "--no-such-option" in err, f"{command}: {err}")


@test
def no_arguments_is_unusable():
    code, _, err = run()
    check(code == 2, f"exit {code}")
    check("Usage" in err, err)


@test
def unknown_command_is_unusable():
    code, _, err = run("frobnicate", VALID)
    check(code == 2, f"exit {code}")
    check("unknown command" in err, err)


@test
def validate_valid_course_is_clean():
    code, out, err = run("validate", VALID)
    check(code == 0, f"exit {code}: {out}{err}")
    check(out == "", out)


@test
def validate_json_valid_course_is_empty_list():
    code, out, _ = run("validate", "--json", VALID)
    check(code == 0, f"exit {code}")
    check(json.loads(out) == [], out)


@test
def validate_missing_folder():
    code, _, err = run("validate", "/nonexistent/helder-course")
    check(code == 2, f"exit {code}")
    check("no such folder" in err, err)


@test
def validate_not_a_course():
    code, _, err = run("validate", DATA)
    check(code == 2, f"exit {code}")
    check("course.json is missing" in err, err)


@test
def validate_two_courses_is_unusable():
    code, _, err = run("validate", VALID, VALID)
    check(code == 2, f"exit {code}")
    check("exactly one course folder" in err, err)


@test
def validate_broken_cases_text():
    cases = sorted(os.listdir(os.path.join(BROKEN, "cases")))
    check(len(cases) >= 25, f"only {len(cases)} broken cases")
    for case in cases:
        course, expect = broken_course(case)
        try:
            code, out, _ = run("validate", course)
            lines = out.splitlines()
            expected_code = 1 if any(" error: " in l for l in lines) else 0
            check(code == expected_code, f"{case}: exit {code}, expected {expected_code}")
            for line in lines:
                if DIAGNOSTIC.match(line) is None:
                    check(re.match(r"^[^:]+: (error|warning|hint): .+ \[[a-z0-9-]+\]$", line),
                          f"{case}: unparsable line {line!r}")
            wanted = [l for l in lines if expect["message"] in l and f"[{expect['rule']}]" in l
                      and l.startswith(expect["file"])]
            check(wanted, f"{case}: no line with {expect['message']!r} in {out!r}")
        finally:
            shutil.rmtree(os.path.dirname(course))


@test
def validate_broken_json_has_locations():
    course, expect = broken_course("image-file-missing")
    try:
        code, out, _ = run("validate", "--json", course)
        check(code == 1, f"exit {code}")
        found = [d for d in json.loads(out) if d["rule"] == expect["rule"]]
        check(len(found) == 1, out)
        d = found[0]
        check(d["file"] == "m1/p1.md", d)
        check(d["line"] == expect["line"] and d["column"] == expect["column"], d)
        check(d["severity"] == "error", d)
        check(d["end"] > d["start"], d)
        check(isinstance(d["suggestions"], list), d)
    finally:
        shutil.rmtree(os.path.dirname(course))


@test
def warnings_alone_exit_zero():
    course, _ = broken_course("page-no-title")
    try:
        code, out, _ = run("validate", course)
        check(code == 0, f"exit {code}")
        check(": warning: " in out, out)
    finally:
        shutil.rmtree(os.path.dirname(course))


@test
def info_text():
    code, out, _ = run("info", VALID)
    check(code == 0, f"exit {code}")
    check("Kleine cursus (kleine-cursus)" in out, out)
    check("01-basis — De basis" in out, out)
    check("Total: 2 modules, 3 pages" in out, out)


@test
def info_json():
    code, out, _ = run("info", "--json", VALID)
    check(code == 0, f"exit {code}")
    info = json.loads(out)
    check(info["id"] == "kleine-cursus", info)
    check([m["id"] for m in info["modules"]] == ["01-basis", "02-toets"], info)
    basis = info["modules"][0]
    check(basis["colour"] == "#1d5f8a" and basis["minutes"] == 10, basis)
    check([p["file"] for p in basis["pages"]] == ["01-basis/01-welkom.md", "01-basis/02-blokken.md"],
          basis)
    check(basis["words"] == sum(p["words"] for p in basis["pages"]), basis)
    check(basis["estimated_minutes"] > 0, basis)
    for kind in ("accordion", "tabs", "steps", "flashcards", "scenario", "check", "video",
                 "audio", "continue", "callout"):
        check(basis["blocks"][kind] >= 1, f"{kind} not counted: {basis['blocks']}")
    check(basis["blocks"]["image"] == 3, basis["blocks"])
    toets = info["modules"][1]
    check(toets["blocks"]["question"] == 2 and toets["blocks"]["survey"] == 2, toets["blocks"])
    totals = info["totals"]
    check(totals["modules"] == 2 and totals["pages"] == 3, totals)
    check(totals["words"] == sum(m["words"] for m in info["modules"]), totals)


@test
def check_valid_course():
    code, out, err = run("check", VALID)
    check(code == 0, f"exit {code}: {out}{err}")


@test
def check_reports_broken_review_file():
    tmp = tempfile.mkdtemp(prefix="helder-cli-")
    course = os.path.join(tmp, "course")
    shutil.copytree(VALID, course)
    try:
        with open(os.path.join(course, "review.json"), "w", encoding="utf-8") as f:
            f.write('{\n  "format": 1,\n  "threads": [ 1,\n}\n')
        code, out, _ = run("check", course)
        check(code == 1, f"exit {code}")
        check(re.search(r"^review\.json:4:\d+: error: .*\[format-json\]$", out, re.M), out)
    finally:
        shutil.rmtree(tmp)


@test
def check_filters():
    course, _ = broken_course("image-file-missing")
    try:
        code, out, _ = run("check", "--page", "m1/p1.md", course)
        check(code == 1 and "format-missing-file" in out, f"exit {code}: {out}")
        code, _, err = run("check", "--module", "nope", course)
        check(code == 2 and "no module" in err, f"exit {code}: {err}")
        code, _, err = run("check", "--page", "m1/nope.md", course)
        check(code == 2 and "no page" in err, f"exit {code}: {err}")
    finally:
        shutil.rmtree(os.path.dirname(course))


def frozen_findings(*options):
    code, out, err = run("check", "--json", *options, FROZEN_SAMPLE)
    check(code == 0, f"exit {code}: {err}")
    return json.loads(out)["diagnostics"]


@test
def check_finds_known_test_problems():
    found = frozen_findings("--today", "2026-12-04")
    longest = [d for d in found if d["rule"] == "test-longest-right"]
    check(len(longest) >= 8 and all(d["severity"] == "warning" for d in longest), longest)
    check("of the 16 test questions" in longest[0]["message"], longest[0])
    copies = [(d["file"], d["line"]) for d in found if d["rule"] == "test-near-copy"]
    check(copies == [("03-ethiek/06-natoets.md", 21)], copies)
    copy = [d for d in found if d["rule"] == "test-near-copy"][0]
    check("pre-2" in copy["message"], copy)
    double = [(d["file"], d["line"]) for d in found if d["rule"] == "survey-double"]
    check(double == [("03-ethiek/07-evaluatie.md", 10)], double)
    untaught = [d["message"] for d in found if d["rule"] == "test-untaught-term"]
    check(any("scheve" in m for m in untaught), untaught)


@test
def check_finds_passed_date_as_of_today():
    found = frozen_findings("--today", "2026-12-04")
    late = [d for d in found if d["rule"] == "facts-past-date"]
    check([(d["file"], d["line"]) for d in late] == [("01-introductie/04-risicogroepen.md", 17)],
          late)
    check("2 augustus 2026" in late[0]["message"], late[0])
    check(late[0]["suggestions"] == ["sinds 2 augustus 2026"], late[0])
    # The day before, the date is still to come.
    before = frozen_findings("--today", "2026-08-01")
    check(not [d for d in before if d["rule"] == "facts-past-date"], before)
    code, _, err = run("check", "--today", "4-12-2026", FROZEN_SAMPLE)
    check(code == 2 and "not a date" in err, f"exit {code}: {err}")


# The sample course's findings when its words.txt had 57 entries (issue 19).
SAMPLE_FINDINGS_WITH_57_WORDS = 75


@test
def sample_course_findings_are_worth_acting_on():
    """Issue 19: course terms only in words.txt, fewer findings, and the
    known false alarms gone while the real problems are found."""
    with open(os.path.join(SAMPLE, "words.txt"), encoding="utf-8") as f:
        words = [w.strip() for w in f if w.strip() and not w.startswith("#")]
    check(len(words) <= 15, f"words.txt has {len(words)} entries")

    code, out, err = run("check", "--json", SAMPLE)
    check(code == 0, f"exit {code}: {err}")
    found = json.loads(out)["diagnostics"]
    print(f"# sample course: {len(found)} findings with {len(words)} course terms "
          f"(was {SAMPLE_FINDINGS_WITH_57_WORDS} with 57)")
    check(len(found) < SAMPLE_FINDINGS_WITH_57_WORDS, f"{len(found)} findings")

    flagged = {}
    for d in found:
        path = os.path.join(SAMPLE, d["file"])
        with open(path, "rb") as f:
            text = f.read()
        quoted = text[d["start"]:d["end"]].decode("utf-8").lower()
        flagged.setdefault(quoted, set()).add(d["rule"])

    for everyday in ("leidinggevende", "samenvatten", "computerprogramma", "uitkeringen",
                     "lantaarnpalen", "terechtkomen", "vooroordelen", "ondertitels"):
        check(everyday not in flagged, f"{everyday}: {flagged.get(everyday)}")
    for term in ("bias", "automation bias", "human in the loop", "privacy officer",
                 "risicomodel", "ciso", "avg", "gehandicaptenparkeerkaart"):
        check(term in flagged, f"{term} not flagged")
    passives = [q for q, rules in flagged.items() if "b1-passive-zijn" in rules and "verboden" in q]
    check(not passives, f"state passives flagged: {passives}")
    legal = [d for d in found if d["file"].endswith("02-wat-is-ai.md") and d["line"] == 41]
    check(len(legal) == 1, f"{len(legal)} findings on the quoted legal definition")


@test
def export_hint_is_the_clis():
    """The core says what is wrong; only the CLI names its own option."""
    tmp = tempfile.mkdtemp(prefix="helder-cli-")
    course = os.path.join(tmp, "course")
    shutil.copytree(VALID, course)
    with open(os.path.join(course, "01-basis", "01-welkom.md"), "w", encoding="utf-8") as f:
        f.write("# Fout\n\n```check\nquestion: Wat?\n- [ ] Een\n  feedback: Nee.\n"
                "- [ ] Twee\n  feedback: Nee.\n```\n")
    try:
        code, _, err = run("export", "--format", "scorm12", "--course", "-o", os.path.join(tmp, "uit.zip"), course)
        lines = [line for line in err.splitlines() if line.startswith("helder-cli: ")]
        check(code == 1, f"exit {code}: {err}")
        check(len(lines) == 2 and "the checks found" in lines[0] and "--force" not in lines[0],
              err)
        check("--force" in lines[1], err)
    finally:
        shutil.rmtree(tmp)


@test
def export_bite_size_lesson():
    """A lesson of chosen pages: its own title, only its pages, the time budget."""
    tmp = tempfile.mkdtemp(prefix="helder-cli-")
    pages = ["02-praktijk/02-vragen-van-inwoners.md", "02-praktijk/03-vertalen-en-samenvatten.md",
             "03-ethiek/04-niet-blind-vertrouwen.md"]
    try:
        out = os.path.join(tmp, "les.zip")
        code, said, err = run("export", "--format", "scorm12", "--pages", ",".join(pages[:2]),
                              "--pages", pages[2], "--title", "Chatbots en vertalen", "-o", out,
                              SAMPLE)
        check(code == 0, f"exit {code}: {err}")
        import zipfile
        with zipfile.ZipFile(out) as z:
            manifest = z.read("imsmanifest.xml").decode()
            index = z.read("scormcontent/index.html").decode()
        check("<title>Chatbots en vertalen</title>" in manifest, manifest[:500])
        check(index.count('class="helder-page"') == 3, "three pages in the lesson")
        check("a11y-time-budget" not in said + err, said + err)
        # One page is not a 5-10 minute lesson: the time budget says so.
        code, said, err = run("export", "--format", "web", "--pages", pages[0], "--title", "Kort",
                              "-o", os.path.join(tmp, "kort.zip"), SAMPLE)
        check(code == 0 and "a11y-time-budget" in said + err, f"exit {code}: {said}{err}")
        code, _, err = run("export", "--format", "web", "--pages", "02-praktijk/99-nee.md",
                           "--title", "Nee", "-o", os.path.join(tmp, "nee.zip"), SAMPLE)
        check(code == 2 and "99-nee.md" in err, f"exit {code}: {err}")
        code, _, err = run("export", "--format", "web", "--pages", pages[0], "-o",
                           os.path.join(tmp, "x.zip"), SAMPLE)
        check(code == 2 and "--title" in err, f"exit {code}: {err}")
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    sys.exit(taplib.main())
