#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""helder-cli kpi on generated LMS exports with known effects: the KPIs it
reports must be the ones the generator put in. Speaks TAP."""

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
GENERATOR = os.path.join(os.environ["G_TEST_SRCDIR"], "tools", "generate-lms.py")

scratch = tempfile.mkdtemp(prefix="helder-kpi-")


def generate(name, *args):
    out = os.path.join(scratch, name)
    subprocess.run([sys.executable, GENERATOR, out, *args], check=True, timeout=300)
    with open(os.path.join(out, "expected.json"), encoding="utf-8") as f:
        return out, json.load(f)


def kpi(folder, *args, env=None):
    proc = subprocess.run([CLI, "kpi", os.path.join(folder, "course"), *args],
                          capture_output=True, text=True, timeout=120, cwd=folder, env=env)
    return proc.returncode, proc.stdout, proc.stderr


def has_dutch_locale():
    proc = subprocess.run(["locale", "-a"], capture_output=True, text=True)
    return any(name.lower() in ("nl_nl.utf8", "nl_nl.utf-8") for name in proc.stdout.split())


def kpi_json(folder, *reports, extra=()):
    args = []
    for report in reports:
        args += ["--report", os.path.join(folder, report)]
    code, out, err = kpi(folder, *args, "--org", os.path.join(folder, "organisation.csv"),
                         "--json", *extra)
    check(code == 0, f"exit {code}: {err}")
    return json.loads(out), err


def figures(report):
    return {k["id"]: k for k in report["kpis"]}


def near(actual, expected, tolerance, what):
    check(actual is not None and abs(actual - expected) <= tolerance,
          f"{what}: reported {actual}, generated {expected} ± {tolerance}")


def check_kpis(report, expected, tolerance_growth=1.0, tolerance_share=0.1):
    values = figures(report)
    near(values["participation"]["value"], expected["participation"], tolerance_share, "participation")
    near(values["completion"]["value"], expected["completion"], tolerance_share, "completion")
    near(values["satisfaction"]["value"], expected["satisfaction"], 0.05, "satisfaction")
    near(values["knowledge_growth"]["value"], expected["knowledge_growth"], tolerance_growth,
         "knowledge growth")
    near(values["team_discussion"]["value"], expected["team_discussion"], tolerance_share,
         "team discussion")
    check(report["headcount"] == expected["headcount"], f"headcount {report['headcount']}")
    check(report["launch"] == expected["launch"], f"launch {report['launch']}")
    check(report["window_end"] == expected["window_end"], f"window end {report['window_end']}")


@test
def full_size_english_csv():
    """28,000 learners, +35% growth: reported +35% ± 1, and the rest exact."""
    folder, expected = generate("english", "--seed", "7", "--growth", "35")
    report, err = kpi_json(folder, "progress.csv", "answers.csv")
    check_kpis(report, expected)
    check(err == "", f"no messages expected for clean input: {err}")
    goals = report["knowledge_growth"]["goals"]
    check([g["goal"] for g in goals] == [1, 2, 3, 4], f"goals {goals}")
    for goal in goals:
        near(goal["growth"], expected["knowledge_growth"], 3.0, f"goal {goal['goal']}")
        check(goal["text"], f"goal {goal['goal']} has its text")
    questions = report["knowledge_growth"]["questions"]
    check(len(questions) == 8 and questions[0]["pre"] == "pre-1" and questions[0]["post"] == "post-1",
          f"questions {questions[:1]}")
    for item in report["satisfaction"]:
        near(item["mean"], expected["satisfaction"], 0.05, item["id"])
        check(sum(item["distribution"]) == item["answers"], f"distribution of {item['id']}")
    tiny = [d for d in report["departments"] if d["name"] == expected["tiny_department"]]
    check(tiny and tiny[0]["suppressed"] and "people" not in tiny[0],
          f"the department of 3 people is suppressed: {tiny}")
    check(len(report["modules"]) == 3 and report["modules"][0]["participation"] > 70,
          f"modules {report['modules']}")
    check(report["trend"][0]["start"] == expected["launch"], "trend starts at launch")
    participation = [w["participation"] for w in report["trend"]]
    check(participation == sorted(participation), "cumulative participation never drops")
    check(sum(i["skipped"] for i in report["inputs"]) == 0, f"inputs {report['inputs']}")


@test
def sample_course():
    """The real sample course's questions and survey, with exports made for it."""
    sample = os.path.join(os.environ["HELDER_SOURCE_ROOT"], "content-samples", "ai-bewustzijn")
    folder, expected = generate("sample", "--course", sample, "--learners", "3000", "--seed", "8",
                                "--growth", "40")
    report, err = kpi_json(folder, "progress.csv", "answers.csv")
    check_kpis(report, expected, tolerance_growth=4.0)
    check(len(report["knowledge_growth"]["questions"]) == 12, "twelve pre/post pairs")
    check({i["id"] for i in report["satisfaction"]} ==
          {"tevreden-inhoud", "tevreden-relevantie", "tevreden-gebruiksgemak"}, report["satisfaction"])
    with open(os.path.join(sample, "course.json"), encoding="utf-8") as f:
        goals = json.load(f)["goals"]
    reported = [(g["goal"], g["text"]) for g in report["knowledge_growth"]["goals"]]
    check(reported == [(i + 1, g["text"]) for i, g in enumerate(goals)],
          f"each goal is labelled with its text in course.json: {reported}")
    check("kpi-unknown" not in err, err)


@test
def sample_reports():
    """The made-up reports in content-samples/lms-reports on the sample course: every goal
    by its text in course.json, and no participation rate without a headcount."""
    samples = os.path.join(os.environ["HELDER_SOURCE_ROOT"], "content-samples")
    course = os.path.join(samples, "ai-bewustzijn")
    reports = os.path.join(samples, "lms-reports")

    def run(*args):
        proc = subprocess.run([CLI, "kpi", course, "--report", os.path.join(reports, "progress.csv"),
                               *args], capture_output=True, text=True, timeout=120)
        check(proc.returncode == 0, f"exit {proc.returncode}: {proc.stderr}")
        return proc.stdout

    report = json.loads(run("--report", os.path.join(reports, "answers.csv"),
                            "--org", os.path.join(reports, "organisation.csv"), "--json"))
    with open(os.path.join(course, "course.json"), encoding="utf-8") as f:
        goals = json.load(f)["goals"]
    reported = [g["text"] for g in report["knowledge_growth"]["goals"]]
    check(reported == [g["text"] for g in goals],
          f"each goal is labelled with its text in course.json: {reported}")
    check(figures(report)["participation"]["value"] is not None, "participation with the organisation file")

    alone = json.loads(run("--json"))
    check(alone["headcount"] == 0 and alone["headcount_source"] == "unknown", alone["headcount"])
    check(figures(alone)["participation"]["value"] is None and
          figures(alone)["participation"]["status"] == "no-data", figures(alone)["participation"])
    check("Headcount unknown" in run() and "enter the number of employees" in run(),
          "the text report says the headcount is missing")

    given = json.loads(run("--headcount", "2000", "--json"))
    near(figures(given)["participation"]["value"], 100 * given["participants"] / 2000, 0.01,
         "participation over the given headcount")


@test
def csv_has_every_figure():
    """--csv -o FILE: each figure of the JSON report is a row, with the same value."""
    import csv
    samples = os.path.join(os.environ["HELDER_SOURCE_ROOT"], "content-samples")
    reports = os.path.join(samples, "lms-reports")
    out = os.path.join(scratch, "figures.csv")
    args = [CLI, "kpi", os.path.join(samples, "ai-bewustzijn"),
            "--report", os.path.join(reports, "progress.csv"),
            "--report", os.path.join(reports, "answers.csv"),
            "--org", os.path.join(reports, "organisation.csv")]
    proc = subprocess.run(args + ["--csv", "-o", out], capture_output=True, text=True, timeout=120)
    check(proc.returncode == 0, f"exit {proc.returncode}: {proc.stderr}")
    report = json.loads(subprocess.run(args + ["--json"], capture_output=True, text=True,
                                       timeout=120, check=True).stdout)
    with open(out, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    value = {(r["section"], r["id"], r["measure"]): r["value"] for r in rows}

    check(value[("report", "", "headcount")] == str(report["headcount"]), "headcount")
    for k in report["kpis"]:
        near(float(value[("kpi", k["id"], "value")]), k["value"], 0.06, k["id"])
        check(value[("kpi", k["id"], "status")] == k["status"], k["id"])
    for m in report["modules"]:
        near(float(value[("module", m["id"], "participation")]), m["participation"], 0.06, m["id"])
    check(len(report["departments"]) > 0 and
          {d["name"] for d in report["departments"]} <= {r["label"] for r in rows if r["section"] == "department"},
          "every department")
    check(len([r for r in rows if r["section"] == "week" and r["measure"] == "participation"]) ==
          len(report["trend"]), "every week")
    goals = [r["label"] for r in rows if r["section"] == "goal" and r["measure"] == "growth"]
    check(goals == [g["text"] for g in report["knowledge_growth"]["goals"]], f"goals {goals}")
    check(len([r for r in rows if r["section"] == "question" and r["measure"] == "growth"]) ==
          len(report["knowledge_growth"]["questions"]), "every question")
    check(len([r for r in rows if r["section"] == "survey" and r["measure"] == "mean"]) ==
          len(report["satisfaction"]), "every survey item")


@test
def dutch_numbers_and_dates():
    """In the Dutch locale the text report writes 4,1 and 1 april 2025; JSON stays 4.1 and
    2025-04-01."""
    if not has_dutch_locale():
        raise taplib.Skip("no nl_NL.UTF-8 locale on this machine (build-aux/dev compiles it)")
    samples = os.path.join(os.environ["HELDER_SOURCE_ROOT"], "content-samples")
    reports = os.path.join(samples, "lms-reports")
    env = dict(os.environ, LANGUAGE="nl", LC_ALL="nl_NL.UTF-8",
               HELDER_LOCALEDIR=os.path.join(os.environ["G_TEST_BUILDDIR"], "..", "po"))
    args = [CLI, "kpi", os.path.join(samples, "ai-bewustzijn"),
            "--report", os.path.join(reports, "progress.csv"),
            "--report", os.path.join(reports, "answers.csv"), "--launch", "2025-04-01"]
    text = subprocess.run(args, capture_output=True, text=True, timeout=120, env=env,
                          check=True).stdout
    report = json.loads(subprocess.run(args + ["--json"], capture_output=True, text=True,
                                       timeout=120, env=env, check=True).stdout)
    satisfaction = figures(report)["satisfaction"]["value"]
    check(f"{satisfaction:.1f}".replace(".", ",") in text, f"satisfaction {satisfaction} in {text}")
    check("1 april 2025" in text and "30 juni 2025" in text, text)
    check(report["launch"] == "2025-04-01", report["launch"])


@test
def statuses_follow_targets():
    """Below target after the window is missed; above is on track."""
    folder, expected = generate("status", "--learners", "3000", "--participation", "0.5",
                                "--completion", "0.8", "--growth", "20", "--satisfaction", "3.7")
    report, _ = kpi_json(folder, "progress.csv", "answers.csv")
    values = figures(report)
    check(values["participation"]["status"] == "missed", values["participation"])
    check(values["completion"]["status"] == "on-track", values["completion"])
    check(values["knowledge_growth"]["status"] == "missed", values["knowledge_growth"])
    check(values["satisfaction"]["status"] == "at-risk", values["satisfaction"])
    # In week 3 of the window, 40% started: ahead of the straight line to 70%.
    report, _ = kpi_json(folder, "progress.csv", "answers.csv", extra=("--as-of", "2025-04-20"))
    check(figures(report)["participation"]["status"] == "on-track", figures(report)["participation"])
    check(len(report["trend"]) == 3, f"three weeks of trend: {len(report['trend'])}")


@test
def dutch_semicolon_windows_1252():
    """Dutch column names, semicolons, dd-mm-yyyy dates and Windows-1252."""
    folder, expected = generate("dutch", "--learners", "4000", "--style", "dutch", "--seed", "3")
    with open(os.path.join(folder, "organisation.csv"), "rb") as f:
        check(b"Financi\xebn" in f.read(), "the file really is Windows-1252")
    report, err = kpi_json(folder, "progress.csv", "answers.csv")
    check_kpis(report, expected, tolerance_growth=4.0)
    check(all(i["separator"] == ";" for i in report["inputs"]), f"inputs {report['inputs']}")
    check(report["inputs"][0]["encoding"] == "Windows-1252", f"inputs {report['inputs']}")
    check(any(d["name"] == "Financiën" for d in report["departments"]), "ë read as ë")


@test
def moodle_interactions_report():
    folder, expected = generate("moodle", "--learners", "2000", "--answers", "moodle",
                                "--post-attempts", "3", "--seed", "5")
    report, err = kpi_json(folder, "progress.csv", "answers-moodle.csv")
    check(report["inputs"][2]["kind"] == "moodle-interactions", f"inputs {report['inputs']}")
    check_kpis(report, expected, tolerance_growth=5.0)
    check(re.search(r"kpi-repeated-answer", err), f"retakes are reported: {err}")


@test
def xapi_statements():
    folder, expected = generate("xapi", "--learners", "2000", "--answers", "xapi", "--seed", "11")
    report, err = kpi_json(folder, "statements.json")
    check(report["inputs"][1]["kind"] == "xapi", f"inputs {report['inputs']}")
    check_kpis(report, expected, tolerance_growth=5.0)


@test
def html_report_is_self_contained_and_accessible():
    folder, _ = generate("html", "--learners", "1500", "--seed", "2")
    out = os.path.join(folder, "report.html")
    code, _, err = kpi(folder, "--report", "progress.csv", "--report", "answers.csv",
                       "--org", "organisation.csv", "--html", "-o", out)
    check(code == 0, f"exit {code}: {err}")
    with open(out, encoding="utf-8") as f:
        html = f.read()
    check(html.startswith("<!DOCTYPE html>"), "a whole document")
    for pattern in (r"<script", r"<link", r"src=\"http", r"href=\"http"):
        check(not re.search(pattern, html), f"nothing outside the file: {pattern}")
    charts = re.findall(r"<svg[^>]*>", html)
    check(len(charts) >= 5, f"{len(charts)} charts")
    for chart in charts:
        check('role="img"' in chart and "aria-labelledby" in chart, f"accessible chart: {chart}")
    check(html.count("<title id=") == len(charts) and html.count("<desc id=") == len(charts),
          "every chart has a title and a description")
    check(html.count("<table>") >= 5, "the tables behind the charts")
    check("M000" not in html, "no employee ids in the report")


SVG_NUMBER_ATTRIBUTE = re.compile(r'\s(?:x|y|x1|x2|y1|y2|width|height)="([^"]*)"')
SVG_POINTS = re.compile(r'\spoints="([^"]*)"')


@test
def html_charts_keep_decimal_points_in_a_dutch_locale():
    """A Dutch desktop writes decimal commas; SVG coordinates need points."""
    if not has_dutch_locale():
        raise taplib.Skip("no nl_NL.UTF-8 locale on this machine (build-aux/dev compiles it)")
    folder, _ = generate("html-nl", "--learners", "1500", "--seed", "2")
    out = os.path.join(folder, "report.html")
    env = dict(os.environ, LC_ALL="nl_NL.UTF-8", LANGUAGE="nl")
    code, _, err = kpi(folder, "--report", "progress.csv", "--report", "answers.csv",
                       "--org", "organisation.csv", "--html", "-o", out, env=env)
    check(code == 0, f"exit {code}: {err}")
    with open(out, encoding="utf-8") as f:
        html = f.read()
    numbers = SVG_NUMBER_ATTRIBUTE.findall(html)
    check(len(numbers) > 50, f"{len(numbers)} coordinates")
    for value in numbers:
        check(re.fullmatch(r"-?\d+(\.\d+)?", value), f"a coordinate as SVG reads it: {value!r}")
    points = SVG_POINTS.findall(html)
    check(points, "the trend lines")
    for value in points:
        check(re.fullmatch(r"(-?\d+(\.\d+)?,-?\d+(\.\d+)? ?)+", value), f"points: {value[:60]!r}")
    check(re.search(r"\d,\d%", html), "the report's own numbers have decimal commas")


@test
def bad_and_unknown_input_is_reported():
    folder, _ = generate("bad", "--learners", "300", "--seed", "4")
    with open(os.path.join(folder, "progress.csv"), "a", encoding="utf-8") as f:
        f.write("M000001,99-onbekend,completed,2025-04-02,2025-04-03\r\n")
        f.write("M000002,01-introductie,completed,32-13-2025,\r\n")
        f.write(",01-introductie,completed,2025-04-02,\r\n")
        f.write("M000003,01-introductie\r\n")
    report, err = kpi_json(folder, "progress.csv", "answers.csv")
    progress = report["inputs"][1]
    check(progress["skipped"] == 4 and progress["rows"] == progress["used"] + 4, f"progress {progress}")
    for rule in ("kpi-unknown-module", "kpi-bad-date", "kpi-no-learner", "kpi-field-count"):
        check(re.search(r"progress\.csv:\d+:1: warning: .*\[" + rule + r"\]", err), f"{rule} in {err}")
    code, _, err = kpi(folder, "--report", os.path.join(folder, "expected.json"))
    check(code == 2 and "xAPI" in err, f"not statements: exit {code}: {err}")
    code, _, err = kpi(folder, "--report", os.path.join(folder, "nothing.csv"))
    check(code == 2 and "nothing.csv" in err, f"missing file: exit {code}: {err}")


@test
def mapping_file_is_saved_and_used():
    folder, expected = generate("mapping", "--learners", "500", "--seed", "9")
    path = os.path.join(folder, "progress.csv")
    with open(path, encoding="utf-8") as f:
        text = f.read().replace("User ID,", "Wie,", 1)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    code, _, err = kpi(folder, "--report", path)
    check(code == 2 and "kpi-mapping.json" in err and '--map "Wie=learner"' in err,
          f"unknown learner column: exit {code}: {err}")
    code, _, err = kpi(folder, "--report", path, "--map", "Wie=learner", "--save-mapping")
    check(code == 0, f"exit {code}: {err}")
    with open(os.path.join(folder, "course", "kpi-mapping.json"), encoding="utf-8") as f:
        mapping = json.load(f)
    check(mapping["columns"]["Wie"] == "learner" and mapping["columns"]["Status"] == "status",
          f"mapping {mapping}")
    report, _ = kpi_json(folder, "progress.csv")
    near(figures(report)["participation"]["value"], expected["participation"], 0.1, "participation")


def main():
    status = taplib.main()
    shutil.rmtree(scratch, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
