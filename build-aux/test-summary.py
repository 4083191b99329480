#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Sums meson's test logs into one plain line: "N passed, N failed".

A TAP test counts each of its "ok" / "not ok" lines (a GTest executable
holds many tests); a test that is not TAP counts once by its result. A TAP
test that crashed, bailed out or timed out after its last line counts one
failure more, so a crash is never hidden behind the lines before it.

Each failure is named on a line of its own above the sum ("failed: ..."),
with what its test wrote after its last passing result and the last lines
of its standard error, so that the end of a CI log says which test failed
and how.
"""

import json
import re
import sys

OK = re.compile(r"^ok\b")
NOT_OK = re.compile(r"^not ok\b")
SKIP = re.compile(r"#\s*skip", re.I)
TOLD = 12  # lines of each kind shown under a failed test


def count(log, failures):
    """Sums one meson test log; appends a line per failure to `failures`."""
    passed = failed = skipped = 0
    with open(log, encoding="utf-8", errors="replace") as f:
        for raw in f:
            entry = json.loads(raw)
            result = entry["result"]
            where = f"{entry['name']} in {log}"
            lines = (entry.get("stdout") or "").splitlines()
            passed_last = max((i for i, l in enumerate(lines) if OK.match(l)), default=-1)
            told = [f"  | {l}" for l in lines[passed_last + 1:][-TOLD:] +
                    (entry.get("stderr") or "").splitlines()[-TOLD:]]
            tap_ok = sum(1 for l in lines if OK.match(l) and not SKIP.search(l))
            tap_skip = sum(1 for l in lines if OK.match(l) and SKIP.search(l))
            not_ok = [l for l in lines if NOT_OK.match(l)]
            if tap_ok or not_ok or tap_skip:
                passed += tap_ok
                skipped += tap_skip
                failed += len(not_ok)
                failures.extend(f"failed: {where}: {l}" for l in not_ok)
                if not_ok:
                    failures.extend(told)
                if result not in ("OK", "SKIP", "EXPECTEDFAIL") and not not_ok:
                    failed += 1
                    last = lines[passed_last] if passed_last >= 0 else "no result line"
                    failures.append(f"failed: {where}: {result} after \"{last}\"")
                    failures.extend(told)
            elif result == "OK":
                passed += 1
            elif result == "SKIP":
                skipped += 1
            else:
                failed += 1
                failures.append(f"failed: {where}: {result}")
                failures.extend(told)
    return passed, failed, skipped


def main():
    totals = [0, 0, 0]
    failures = []
    for log in sys.argv[1:]:
        try:
            for i, n in enumerate(count(log, failures)):
                totals[i] += n
        except FileNotFoundError:
            totals[1] += 1
            failures.append(f"failed: {log} is missing")
    passed, failed, skipped = totals
    for line in failures:
        print(line)
    # CI reads the last line, which must be exactly "N passed, N failed".
    if skipped:
        print(f"({skipped} skipped)")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
