#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs one libFuzzer target for a bounded time (HELDER_FUZZ_SECONDS, 30 by
default) on a corpus seeded from tests/data, the committed seeds and the
regression inputs. Exits non-zero when the target crashed, hung or leaked;
the input that did it is kept in ARTIFACTS as NAME-crash-… (commit it to
tests/fuzz/regressions/NAME/ with the fix).

    run-fuzzer.py FUZZER NAME SOURCE_ROOT ARTIFACTS
"""

import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

SEPARATOR = "\n=====\n"


def course_seeds(data):
    """course.json, one module.json and one page of each test course, as
    the fuzz target lays them out (module "m", page "p.md")."""
    for course_json in sorted(data.rglob("course.json")):
        folder = course_json.parent
        try:
            course = json.loads(course_json.read_text(encoding="utf-8"))
            module_id = course["modules"][0]
            module = json.loads((folder / module_id / "module.json").read_text(encoding="utf-8"))
            page = (folder / module_id / module["pages"][0]).read_text(encoding="utf-8")
        except (OSError, ValueError, KeyError, IndexError, TypeError):
            continue  # the broken courses are seeds of the json target
        course["modules"] = ["m"]
        module["pages"] = ["p.md"]
        yield SEPARATOR.join([json.dumps(course, ensure_ascii=False, indent=2),
                              json.dumps(module, ensure_ascii=False, indent=2), page])


def anchor_seeds(data):
    """A passage of each test page with the text around it, and the page."""
    for page in sorted(data.rglob("*.md"))[:20]:
        text = page.read_text(encoding="utf-8", errors="replace")
        middle = len(text) // 2
        exact = text[middle:middle + 40]
        yield SEPARATOR.join([exact, text[max(0, middle - 32):middle],
                              text[middle + 40:middle + 72], text])


def seed(name, root, corpus):
    data = root / "tests" / "data"
    generated = []
    if name == "page":
        generated = [p.read_bytes() for p in sorted(data.rglob("*.md"))]
    elif name == "json":
        generated = [p.read_bytes() for p in sorted(data.rglob("*.json"))]
    elif name == "captions":
        generated = [p.read_bytes() for p in sorted(data.rglob("*.vtt"))]
        generated += [p.read_bytes() for p in sorted(data.rglob("*.srt"))]
    elif name == "course":
        generated = [s.encode() for s in course_seeds(data)]
    elif name == "anchor":
        generated = [s.encode() for s in anchor_seeds(data)]
    for i, content in enumerate(generated):
        (corpus / f"data-{i:03d}").write_bytes(content)
    for folder in ("seeds", "regressions"):
        source = root / "tests" / "fuzz" / folder / name
        if source.is_dir():
            for f in sorted(source.iterdir()):
                if f.is_file() and not f.name.startswith("."):
                    shutil.copy(f, corpus / f"{folder}-{f.name}")


def main():
    fuzzer, name, root, artifacts = sys.argv[1:5]
    root = pathlib.Path(root)
    seconds = int(os.environ.get("HELDER_FUZZ_SECONDS", "30"))
    os.makedirs(artifacts, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f"helder-fuzz-{name}-") as corpus:
        corpus = pathlib.Path(corpus)
        seed(name, root, corpus)
        print(f"fuzz-{name}: {len(list(corpus.iterdir()))} seeds, {seconds} s", flush=True)
        command = [fuzzer, f"-max_total_time={seconds}", "-timeout=25", "-rss_limit_mb=2560",
                   "-max_len=65536", "-print_final_stats=1",
                   f"-artifact_prefix={artifacts}/{name}-", str(corpus)]
        env = dict(os.environ)
        env.setdefault("ASAN_OPTIONS", "abort_on_error=1:detect_leaks=1")
        env.setdefault("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1")
        status = subprocess.run(command, env=env, check=False).returncode
    if status != 0:
        print(f"fuzz-{name}: the target failed (exit {status}); the input is in {artifacts}",
              flush=True)
    return 1 if status != 0 else 0


if __name__ == "__main__":
    sys.exit(main())
