#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""helder-cli against hostile courses and paths: files from outside the
course, read-only commands that must not touch the folder, unsafe -o
paths, killed runs, parallel review writers, and JSON nested too deep.
Each case was a finding of a hostile-input probe (issue 14). Speaks TAP."""

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import taplib  # noqa: E402
from taplib import check, test  # noqa: E402

CLI = os.environ["HELDER_CLI"]
SRCDIR = os.environ["G_TEST_SRCDIR"]
VALID = os.path.join(SRCDIR, "data", "course-valid")
SAMPLE = os.path.join(SRCDIR, "..", "content-samples", "ai-bewustzijn")
GENERATOR = os.path.join(SRCDIR, "tools", "generate-lms.py")



def run(*args, cwd=None):
    proc = subprocess.run([CLI, *args], capture_output=True, text=True, timeout=120, cwd=cwd)
    check(proc.returncode in (0, 1, 2),
          f"{' '.join(args)}: died with {proc.returncode}: {proc.stderr[-2000:]}")
    check("CRITICAL" not in proc.stderr and "WARNING" not in proc.stderr,
          f"{' '.join(args)}: {proc.stderr[-2000:]}")
    return proc.returncode, proc.stdout, proc.stderr


def scratch():
    return tempfile.mkdtemp(prefix="helder-hostile-")


def copy_course(source=VALID):
    tmp = scratch()
    course = os.path.join(tmp, "course")
    shutil.copytree(source, course, symlinks=True)
    return tmp, course


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def folder_hash(folder):
    """Names, link targets and contents of everything in @folder, without
    following links."""
    digest = hashlib.sha256()
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(dirs + files):
            path = os.path.join(root, name)
            digest.update(os.path.relpath(path, folder).encode() + b"\0")
            if os.path.islink(path):
                digest.update(b"link:" + os.readlink(path).encode())
            elif os.path.isfile(path):
                with open(path, "rb") as f:
                    digest.update(f.read())
    return digest.hexdigest()


def errors_for(out, file_part):
    return [line for line in out.splitlines()
            if file_part in line and re.match(r"^[^:]+:\d+:\d+: error: ", line)]


# Finding 1 ---------------------------------------------------------------

@test
def kpi_html_escapes_question_ids():
    tmp = scratch()
    out = os.path.join(tmp, "lms")
    subprocess.run([sys.executable, GENERATOR, out], check=True, timeout=300,
                   stdout=subprocess.DEVNULL)
    hostile = "<i>pre</i>-1"
    for root, _, files in os.walk(out):
        for name in files:
            if name.endswith((".md", ".csv")):
                path = os.path.join(root, name)
                write(path, re.sub(r"\bpre-1\b(?!\d)", hostile, read(path)))
    html = os.path.join(tmp, "kpi.html")
    code, _, err = run("kpi", os.path.join(out, "course"), "--report",
                       os.path.join(out, "progress.csv"), "--report", os.path.join(out, "answers.csv"),
                       "--org", os.path.join(out, "organisation.csv"), "--html", "-o", html)
    check(code == 0, f"exit {code}: {err}")
    text = read(html)
    check("<i>" not in text, "the question id went into the report as markup")
    check("&lt;i&gt;pre&lt;/i&gt;-1" in text, "the question id is not in the report at all")


# Finding 2 ---------------------------------------------------------------

@test
def page_file_linked_outside_is_reported():
    tmp, course = copy_course()
    write(os.path.join(tmp, "secret.md"), "# Geheim\n\nDit staat buiten de cursus.\n")
    os.symlink(os.path.join(tmp, "secret.md"), os.path.join(course, "01-basis", "03-link.md"))
    module = os.path.join(course, "01-basis", "module.json")
    data = json.loads(read(module))
    data["pages"].append("03-link.md")
    write(module, json.dumps(data, indent=2))
    code, out, _ = run("validate", course)
    check(code == 1, f"validate exit {code}: {out}")
    check(errors_for(out, "module.json"), f"no located error for the linked page: {out}")
    check(any("outside the course" in line for line in errors_for(out, "module.json")), out)
    package = os.path.join(tmp, "out.zip")
    code, out, err = run("export", "--force", "-o", package, course)
    if code == 0:
        check(b"Dit staat buiten de cursus" not in open(package, "rb").read(),
              "the linked page was exported")


@test
def module_folder_linked_outside_is_reported():
    tmp, course = copy_course()
    outside = os.path.join(tmp, "elders")
    write(os.path.join(outside, "module.json"),
          json.dumps({"title": "Elders", "minutes": 5, "pages": ["01-x.md"]}))
    write(os.path.join(outside, "01-x.md"), "# Elders\n\nDit staat buiten de cursus.\n")
    os.symlink(outside, os.path.join(course, "03-elders"))
    course_json = os.path.join(course, "course.json")
    data = json.loads(read(course_json))
    data["modules"].append("03-elders")
    write(course_json, json.dumps(data, indent=2))
    code, out, _ = run("validate", course)
    check(code == 1, f"validate exit {code}: {out}")
    check(any("outside the course" in line for line in errors_for(out, "course.json")), out)


@test
def media_outside_is_reported_by_validate():
    tmp, course = copy_course()
    write(os.path.join(tmp, "x.png"), "not really a picture")
    write(os.path.join(tmp, "x.vtt"), "WEBVTT\n\n00:00.000 --> 00:01.000\nHallo\n")
    os.symlink(os.path.join(tmp, "x.png"), os.path.join(course, "media", "buiten.png"))
    os.unlink(os.path.join(course, "media", "uitleg.vtt"))
    os.symlink(os.path.join(tmp, "x.vtt"), os.path.join(course, "media", "uitleg.vtt"))
    page = os.path.join(course, "01-basis", "01-welkom.md")
    write(page, read(page) + "\n![Iets](../../x.png)\n\n![Iets anders](/etc/hosts)\n\n"
          "![Nog iets](media/buiten.png)\n")
    code, out, _ = run("validate", course)
    check(code == 1, f"validate exit {code}: {out}")
    found = errors_for(out, "01-welkom.md")
    for path in ("../../x.png", "/etc/hosts", "media/buiten.png"):
        check(any(path in line and "outside the course" in line for line in found),
              f"{path} not reported: {out}")
    check(any("uitleg.vtt" in line and "outside the course" in line for line in errors_for(out, ".md")),
          f"the linked captions are not reported: {out}")


# Finding 3 ---------------------------------------------------------------

def hostile_course():
    tmp, course = copy_course(SAMPLE)
    outside = os.path.join(tmp, "outside")
    write(os.path.join(outside, "keep.helder-new"), "outside the course")
    os.symlink(outside, os.path.join(course, "gedeeld"))
    write(os.path.join(course, "notities.helder-newsletter.md"), "notes")
    write(os.path.join(course, ".helder-save-journal.bak"), "mine")
    write(os.path.join(course, "01-introductie", "x.md.helder-new.keep"), "mine too")
    return tmp, course, outside


def interrupt_save(course, journal):
    """A save of course.json that was committed but not finished."""
    write(os.path.join(course, "course.json.helder-new"), read(os.path.join(course, "course.json"))
          .replace("\"title\"", "\"x-new\": 1, \"title\"", 1))
    write(os.path.join(course, ".helder-save-journal"), journal)


READ_ONLY = [
    ("validate",),
    ("check",),
    ("info",),
    ("review",),
    ("review", "--json"),
]


def progress_report(tmp):
    path = os.path.join(tmp, "progress.csv")
    write(path, "User ID,Module,Status\nM1,01-introductie,completed\n")
    return path


def read_only_commands(tmp):
    return READ_ONLY + [
        ("review-report", "--format", "html", "-o", os.path.join(tmp, "r.html")),
        ("export", "--force", "--format", "web", "-o", os.path.join(tmp, "p")),
        ("kpi", "--report", progress_report(tmp)),
    ]


@test
def read_only_commands_leave_the_folder_alone():
    tmp, course, outside = hostile_course()
    for args in read_only_commands(tmp):
        before, outside_before = folder_hash(course), folder_hash(outside)
        run(*args[:1], course, *args[1:])
        check(folder_hash(course) == before, f"{args[0]} changed the course folder")
        check(folder_hash(outside) == outside_before, f"{args[0]} changed a folder outside")


@test
def read_only_commands_leave_a_stale_journal_alone():
    tmp, course, _ = hostile_course()
    interrupt_save(course, "course.json\n")
    for args in read_only_commands(tmp):
        before = folder_hash(course)
        _, _, err = run(*args[:1], course, *args[1:])
        check(folder_hash(course) == before, f"{args[0]} changed the course folder")
        check("interrupted" in err and "Helder" in err,
              f"{args[0]} does not say how to finish the save: {err}")


@test
def recovery_touches_only_what_it_made():
    tmp, course, outside = hostile_course()
    interrupt_save(course, "course.json\ngedeeld/keep\n")
    code, _, err = run("review", course, "--add-comment", "01-introductie/01-welkom.md",
                       "--quote", "x", "--text", "x", "--author", "T", "--role", "didactics-lead")
    check("x-new" in read(os.path.join(course, "course.json")), "the interrupted save was not finished")
    check(not os.path.exists(os.path.join(course, ".helder-save-journal")), "journal left")
    for name in ("notities.helder-newsletter.md", ".helder-save-journal.bak",
                 "01-introductie/x.md.helder-new.keep"):
        check(os.path.exists(os.path.join(course, name)), f"{name} was deleted")
    check(os.path.exists(os.path.join(outside, "keep.helder-new")), "a file outside was touched")
    check(not os.path.exists(os.path.join(outside, "keep")), "recovery renamed through a link")


# Findings 4 and 6 --------------------------------------------------------

def unsafe_outputs(tmp, course):
    fifo = os.path.join(tmp, "fifo")
    os.mkfifo(fifo)
    return [os.path.join(course, "course.json"), os.path.join(course, "nieuw.html"),
            os.path.join(course, "01-basis", "01-welkom.md"), tmp, fifo, "/dev/null"]


@test
def unsafe_output_paths_are_refused():
    tmp, course = copy_course()
    tmp_sample, sample = copy_course(SAMPLE)
    for output in unsafe_outputs(tmp, course):
        before = folder_hash(course)
        code, _, err = run("export", "--course", "--format", "web", "-o", output, course)
        check(code == 2 and "helder-cli:" in err, f"export -o {output}: exit {code}: {err}")
        check(folder_hash(course) == before, f"export -o {output} changed the course")
    for output in unsafe_outputs(tmp_sample, sample):
        before = folder_hash(sample)
        code, _, err = run("review-report", "--format", "csv", "-o", output, sample)
        check(code == 2 and "helder-cli:" in err, f"review-report -o {output}: exit {code}: {err}")
        code, _, err = run("kpi", sample, "--report", progress_report(tmp), "--html", "-o", output)
        check(code == 2 and "helder-cli:" in err, f"kpi -o {output}: exit {code}: {err}")
        check(folder_hash(sample) == before, f"-o {output} changed the course")
    code, _, err = run("export", "--format", "web", "-o", os.path.join(course, "pakketten"), course)
    check(code == 2 and not os.path.exists(os.path.join(course, "pakketten")),
          f"export into a folder inside the course: exit {code}: {err}")


def leftovers(folder, keep):
    return sorted(set(os.listdir(folder)) - set(keep))


@test
def killed_exports_leave_nothing_behind():
    tmp, course = copy_course(SAMPLE)
    out = os.path.join(tmp, "out")
    os.mkdir(out)
    package = os.path.join(out, "cursus.zip")
    # A large file makes the package take a while to write.
    with open(os.path.join(course, "media", "dilemma-chatbot.ogg"), "ab") as f:
        f.write(os.urandom(40_000_000))
    # Kill at ever later points of the run; how far each got does not matter.
    for i in range(16):
        proc = subprocess.Popen([CLI, "export", "--force", "--course", "--format", "web", "-o",
                                 package, course],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(i * 0.015)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    code, _, err = run("export", "--force", "--course", "--format", "web", "-o", package, course)
    check(code == 0, f"export exit {code}: {err}")
    check(leftovers(out, ["cursus.zip"]) == [], f"left behind: {leftovers(out, ['cursus.zip'])}")


@test
def killed_mapping_saves_leave_nothing_behind():
    tmp, course = copy_course(SAMPLE)
    before = set(os.listdir(course))
    for i in range(8):
        proc = subprocess.Popen([CLI, "kpi", course, "--save-mapping"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(i * 0.005)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    run("kpi", course, "--save-mapping")
    left = sorted(n for n in set(os.listdir(course)) - before
                  if n not in ("kpi-mapping.json", ".helder-lock"))
    check(left == [], f"left behind: {left}")


# Finding 5 ---------------------------------------------------------------

@test
def parallel_review_writers_keep_every_comment():
    tmp, course = copy_course(SAMPLE)
    page = "02-praktijk/02-vragen-van-inwoners.md"
    before = len(json.loads(run("review", course, "--json")[1])["threads"])
    procs = [subprocess.Popen([CLI, "review", course, "--add-comment", page, "--quote",
                               "De chatbot geeft meteen antwoord.", "--text", f"opmerking {i}",
                               "--author", f"Schrijver {i}", "--role", "didactics-lead"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for i in range(20)]
    codes = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
    check(all(code == 0 for code, _ in codes), f"exits: {codes}")
    after = json.loads(run("review", course, "--json")[1])["threads"]
    texts = {c["text"] for t in after for c in t["comments"]}
    check(len(after) == before + 20, f"{len(after) - before} of 20 comments kept")
    check(all(f"opmerking {i}" in texts for i in range(20)), "a comment was lost")


# Finding 7 ---------------------------------------------------------------

DEEP = "[" * 80000 + "]" * 80000


@test
def deep_json_is_refused_with_a_location():
    for name, command in (("course.json", "validate"), ("01-basis/module.json", "validate"),
                          ("ignored.json", "validate"), ("review.json", "review")):
        tmp, course = copy_course()
        write(os.path.join(course, name), DEEP)
        code, out, err = run(command, course)
        check(code in (1, 2), f"{name}: exit {code}")
        check(re.search(re.escape(name.split("/")[-1]) + r":1:\d+: error: .*nested", out + err),
              f"{name}: no located message: {(out + err)[:500]}")
    tmp, course = copy_course()
    report = os.path.join(tmp, "xapi.json")
    write(report, DEEP)
    code, out, err = run("kpi", course, "--report", report)
    check(code == 2 and "nested" in err, f"xAPI: exit {code}: {err[:500]}")
    write(os.path.join(course, "kpi-mapping.json"), DEEP)
    code, out, err = run("kpi", course, "--report", progress_report(tmp))
    check(code == 2 and re.search(r"kpi-mapping.json:1:\d+: .*nested", err),
          f"mapping: exit {code}: {err[:500]}")


# Finding 9 ---------------------------------------------------------------

@test
def wrong_types_and_encodings_get_located_messages():
    tmp, course = copy_course()
    write(os.path.join(course, "ignored.json"),
          '{"ignored": [5, {"file": 3, "rule": ["x"], "text": {}}, "x"]}')
    code, out, err = run("validate", course)
    check(code == 0, f"exit {code}: {out}{err}")
    check(len(re.findall(r"^ignored\.json:1:\d+: warning: ", out, re.M)) == 3, out)
    write(os.path.join(course, "ignored.json"), '{"ignored": {"file": "x"}}')
    code, out, err = run("validate", course)
    check(code == 0 and re.search(r"^ignored\.json:1:\d+: warning: ", out, re.M), out + err)
    with open(os.path.join(course, "course.json"), "rb") as f:
        data = f.read()
    with open(os.path.join(course, "course.json"), "wb") as f:
        f.write(data.replace(b"Kleine cursus", b"Kleine caf\xe9", 1))
    code, out, err = run("validate", course)
    check(code == 1 and re.search(r"^course\.json:4:\d+: error: .*UTF-8", out, re.M), out + err)


# Finding 10 --------------------------------------------------------------

@test
def repeated_json_members_are_reported():
    tmp, course = copy_course()
    path = os.path.join(course, "course.json")
    write(path, read(path).replace('"title": "Kleine cursus",',
                                   '"title": "Kleine cursus",\n  "title": "Andere titel",', 1))
    code, out, err = run("validate", course)
    check(code == 0, f"exit {code}: {out}{err}")
    check(re.search(r"^course\.json:5:\d+: warning: .*title.*twice", out, re.M), out + err)


@test
def numbers_out_of_range_are_reported_as_written():
    # json-glib reads a whole number beyond 64 bits as another one:
    # 99999999999999999999 as -1, -99999999999999999999 as 1.
    for value in ("-1", "9223372036854775807", "9223372036854775808",
                  "99999999999999999999", "-99999999999999999999"):
        tmp, course = copy_course()
        path = os.path.join(course, "course.json")
        write(path, read(path).replace('"pass_mark": 70', '"pass_mark": ' + value, 1)
              .replace('"format": 1,', '"format": 1, "kpi": {"headcount": %s},' % value, 1))
        path = os.path.join(course, "01-basis", "module.json")
        write(path, read(path).replace('"minutes": 10', '"minutes": ' + value, 1))
        code, out, err = run("validate", course)
        check(code == 1, f"{value}: exit {code}: {out}{err}")
        for place, member, allowed in (("course.json:2", "headcount", "1–10000000"),
                                       ("course.json:15", "pass_mark", "0–100"),
                                       ("01-basis/module.json:4", "minutes", "1–600")):
            check(re.search(r"^%s:\d+: error: value %s of \"%s\" is out of range \(%s\)"
                            % (re.escape(place), re.escape(value), member, allowed), out, re.M),
                  f"{value} in {member}: {out}")
    tmp, course = copy_course()
    path = os.path.join(course, "course.json")
    for value, message in (("99999999999999999999", "format 99999999999999999999 is newer"),
                           ("-99999999999999999999", "format must be 1 or higher")):
        write(path, re.sub(r'"format": [-0-9]+', '"format": ' + value, read(path), count=1))
        code, out, err = run("validate", course)
        check(code == 1 and re.search(r"^course\.json:2:\d+: error: " + message, out, re.M),
              f"format {value}: {out}{err}")


@test
def lms_reports_in_utf16_and_odd_windows_1252_are_read():
    tmp, course = copy_course(SAMPLE)
    text = "User ID,Module,Status\r\nM1,01-introductie,completed\r\nM2,01-introductie,started\r\n"
    for name, data in (("le.csv", b"\xff\xfe" + text.encode("utf-16-le")),
                       ("be.csv", b"\xfe\xff" + text.encode("utf-16-be")),
                       ("plain.csv", text.encode("utf-16-le"))):
        path = os.path.join(tmp, name)
        with open(path, "wb") as f:
            f.write(data)
        code, out, err = run("kpi", course, "--report", path, "--json")
        check(code == 0, f"{name}: exit {code}: {err}")
        inputs = json.loads(out)["inputs"]
        check(inputs[0]["encoding"] == "UTF-16" and inputs[0]["used"] == 2, f"{name}: {inputs}")
    path = os.path.join(tmp, "broken.csv")
    with open(path, "wb") as f:
        f.write(b"\xff\xfe" + text.encode("utf-16-le") + b"\x00\xd8M\x00")
    code, out, err = run("kpi", course, "--report", path)
    check(code == 2 and re.search(r"broken\.csv: line 4: .*UTF-16", err), f"exit {code}: {err}")
    path = os.path.join(tmp, "cp1252.csv")
    with open(path, "wb") as f:
        f.write(b"User ID;Module;Status\r\nM1;01-introductie;completed\r\n"
                b"M\x812;01-introductie;completed\r\nZo\xeb;01-introductie;started\r\n")
    code, out, err = run("kpi", course, "--report", path, "--json")
    check(code == 0, f"exit {code}: {err}")
    check(json.loads(out)["inputs"][0]["used"] == 3, out)
    check(re.search(r"^.*cp1252\.csv:3:1: warning: .*column 2 .*\[kpi-undefined-byte\]", err, re.M),
          err)


RAW_HTML_PAGE = """# Welkom

Tekst met <b>vet</b> en <i>schuin</i>.

<!-- een opmerking -->

<script>alert(1)</script>

- een punt
- <span>in een lijst</span> en <em>nog een</em>

> [!TIP]
> <div>in een tip</div>

```accordion
- title: Eerste
  text: <div>in een paneel</div>
- title: Tweede
  text: Gewoon, <b>vet</b>
```

<?php echo 1; ?>
"""


@test
def raw_html_is_always_shown_as_text_and_reported_once_per_block():
    tmp, course = copy_course()
    write(os.path.join(course, "01-basis", "01-welkom.md"), RAW_HTML_PAGE)
    code, out, err = run("validate", course)
    check(code == 0, f"exit {code}: {out}{err}")
    found = re.findall(r"^01-basis/01-welkom\.md:(\d+):\d+: warning: raw HTML is shown to "
                       r"learners as plain text.*\[format-raw-html\]$", out, re.M)
    check(found == ["3", "5", "7", "10", "13", "17", "22"], f"one per block: {found}\n{out}")
    package = os.path.join(tmp, "web.zip")
    code, out, err = run("export", "--force", "--format", "web", "--module", "01-basis",
                         "-o", package, course)
    check(code == 0, f"exit {code}: {out}{err}")
    with zipfile.ZipFile(package) as archive:
        html = archive.read("index.html").decode()
    for text in ("&lt;b&gt;vet&lt;/b&gt;", "&lt;!-- een opmerking --&gt;",
                 "&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;span&gt;in een lijst",
                 "&lt;div&gt;in een tip", "&lt;div&gt;in een paneel", "&lt;?php echo 1; ?&gt;"):
        check(text in html, f"{text} is not shown as text")
    check("<script>alert" not in html and "<!-- een" not in html, "raw HTML passed through")


@test
def names_windows_cannot_unpack_are_reported_and_never_packed():
    nfd, nfc = "media/cafe\u0301.png", "media/caf\u00e9.png"
    names = {"media/a?b.png": r"contains “\?”", "media/nul.png": r"keeps for a device",
             "media/x.": r"ending in a dot or a space", nfd: None, nfc: r"one name on Windows"}
    tmp, course = copy_course()
    page = os.path.join(course, "01-basis", "01-welkom.md")
    text = read(page)
    for name in names:
        shutil.copy(os.path.join(course, "media", "logo.png"), os.path.join(course, name))
        text += "\n![Plaatje](%s)\n" % name
    write(page, text)
    first = len(read(os.path.join(VALID, "01-basis", "01-welkom.md")).splitlines()) + 2
    code, out, err = run("validate", course)
    check(code == 1, f"exit {code}: {out}{err}")
    for i, (name, message) in enumerate(names.items()):
        if message is not None:
            check(re.search(r"^01-basis/01-welkom\.md:%d:\d+: error: .*%s.*\[format-path-portable\]"
                            % (first + 2 * i, message), out, re.M), f"{name}: {out}")
    check(len(re.findall(r"format-path-portable", out)) == 4, out)
    module = os.path.join(course, "01-basis", "module.json")
    for name in ("nul.md", "01-Welkom.md"):
        shutil.copy(os.path.join(course, "01-basis", "02-blokken.md"),
                    os.path.join(course, "01-basis", name))
    write(module, read(module).replace('"02-blokken.md"]', '"02-blokken.md", "nul.md", "01-Welkom.md"]'))
    code, out, err = run("validate", course)
    check(re.search(r"^01-basis/module\.json:\d+:\d+: error: .*nul\.md.*device.*\[format-page\]",
                    out, re.M), out)
    check(re.search(r"^01-basis/module\.json:\d+:\d+: error: “01-welkom\.md” and “01-Welkom\.md” are "
                    r"one name", out, re.M), out)
    for args in (("--force", "--format", "web"), ("--force", "--format", "scorm12")):
        package = os.path.join(tmp, "p.zip")
        code, out, err = run("export", *args, "--course", "-o", package, course)
        check(code == 2 and "Windows" in err, f"{args}: exit {code}: {err}")
        check(not os.path.exists(package), f"{args}: a package was written")
        check(leftovers(tmp, {"course"}) == [], f"{args}: {leftovers(tmp, {'course'})}")


@test
def terminal_gets_no_control_characters():
    import pty
    tmp, course = copy_course(SAMPLE)
    review = json.loads(read(os.path.join(course, "review.json")))
    review["threads"][0]["comments"][0]["text"] = "\x1b]0;gehackt\x07\x1b[2J\u009b31m"
    review["threads"][0]["status"] = "open"  # the listing shows open threads
    write(os.path.join(course, "review.json"), json.dumps(review))
    controller, terminal = pty.openpty()
    proc = subprocess.Popen([CLI, "review", course], stdout=terminal, stderr=terminal)
    os.close(terminal)
    output = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    proc.wait(timeout=60)
    os.close(controller)
    check(proc.returncode == 0, f"exit {proc.returncode}: {output[-500:]}")
    check(b"gehackt" in output, "the comment is not shown")
    check(b"\x1b" not in output and b"\x07" not in output and b"\xc2\x9b" not in output,
          f"control characters reached the terminal: {output[-300:]!r}")


if __name__ == "__main__":
    sys.exit(taplib.main())
