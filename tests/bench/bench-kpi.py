#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Benchmark: helder-cli kpi against an equivalent pandas script on the same
generated exports of 28,000 learners (about 1.1 million rows), in the same
run. Targets (issue 10): helder-cli at most 2 s wall time, at least 3x faster
than pandas, peak RSS at most 250 MB. Prints both sides' figures; exits 1
when a target is missed."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

CLI = os.environ["HELDER_CLI"]
HERE = os.path.dirname(os.path.abspath(__file__))
GENERATOR = os.path.join(HERE, "..", "tools", "generate-lms.py")
PEER = os.path.join(HERE, "kpi-pandas.py")
RUNS = 3


def pandas_python():
    """Debian's python3-pandas lives in the system interpreter."""
    for candidate in (sys.executable, "/usr/bin/python3"):
        if subprocess.run([candidate, "-c", "import pandas"], capture_output=True).returncode == 0:
            return candidate
    sys.exit("bench-kpi: pandas is missing; install python3-pandas")


def measure(argv, cwd):
    """Wall time, CPU time and peak RSS (MB) of one run, and its output."""
    start = time.monotonic()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"bench-kpi: {argv[0]} failed with {proc.returncode}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out


def best(argv, cwd):
    runs = [measure(argv, cwd) for _ in range(RUNS)]
    return min(runs, key=lambda r: r[0])


def main():
    folder = tempfile.mkdtemp(prefix="helder-bench-kpi-")
    try:
        subprocess.run([sys.executable, GENERATOR, folder, "--pairs", "20", "--post-attempts", "3",
                        "--seed", "42"], check=True)
        with open(os.path.join(folder, "expected.json"), encoding="utf-8") as f:
            expected = json.load(f)

        helder = best([CLI, "kpi", "course", "--report", "progress.csv", "--report", "answers.csv",
                       "--org", "organisation.csv", "--json"], folder)
        peer = best([pandas_python(), PEER, folder, expected["launch"]], folder)

        ours = {k["id"]: k["value"] for k in json.loads(helder[3])["kpis"]}
        theirs = json.loads(peer[3])
        for name in ("participation", "completion", "knowledge_growth", "team_discussion"):
            if abs(ours[name] - theirs[name]) > 0.1:
                sys.exit(f"bench-kpi: {name} differs: helder {ours[name]}, pandas {theirs[name]}")

        speedup = peer[0] / helder[0]
        print(f"rows: {expected['rows']} (28,000 learners, best of {RUNS} runs each)")
        print(f"helder-cli kpi: {helder[0]:.2f} s wall, {helder[1]:.2f} s CPU, peak RSS {helder[2]:.0f} MB")
        print(f"pandas peer:    {peer[0]:.2f} s wall, {peer[1]:.2f} s CPU, peak RSS {peer[2]:.0f} MB")
        print(f"speed-up: {speedup:.1f}x wall, {peer[1] / helder[1]:.1f}x CPU")

        failed = []
        if helder[0] > 2.0:
            failed.append("helder-cli kpi took more than 2 s")
        if speedup < 3:
            failed.append("helder-cli kpi is less than 3x faster than pandas")
        if helder[2] > 250:
            failed.append("helder-cli kpi used more than 250 MB")
        for reason in failed:
            print(f"MISSED: {reason}")
        return 1 if failed else 0
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
