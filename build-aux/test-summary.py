#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Sums meson's test logs into one plain line: "N passed, N failed".

A TAP test counts each of its "ok" / "not ok" lines (a GTest executable
holds many tests); a test that is not TAP counts once by its result. A TAP
test that crashed, bailed out or timed out after its last line counts one
failure more, so a crash is never hidden behind the lines before it.
"""

import json
import re
import sys

OK = re.compile(r"^ok\b")
NOT_OK = re.compile(r"^not ok\b")
SKIP = re.compile(r"#\s*skip", re.I)


def count(log):
    passed = failed = skipped = 0
    with open(log, encoding="utf-8", errors="replace") as f:
        for raw in f:
            entry = json.loads(raw)
            result = entry["result"]
            lines = (entry.get("stdout") or "").splitlines()
            tap_ok = sum(1 for l in lines if OK.match(l) and not SKIP.search(l))
            tap_skip = sum(1 for l in lines if OK.match(l) and SKIP.search(l))
            tap_fail = sum(1 for l in lines if NOT_OK.match(l))
            if tap_ok or tap_fail or tap_skip:
                passed += tap_ok
                skipped += tap_skip
                failed += tap_fail
                if result not in ("OK", "SKIP", "EXPECTEDFAIL") and tap_fail == 0:
                    failed += 1
            elif result == "OK":
                passed += 1
            elif result == "SKIP":
                skipped += 1
            else:
                failed += 1
    return passed, failed, skipped


def main():
    totals = [0, 0, 0]
    for log in sys.argv[1:]:
        try:
            for i, n in enumerate(count(log)):
                totals[i] += n
        except FileNotFoundError:
            totals[1] += 1
            print(f"test-summary: {log} is missing", file=sys.stderr)
    passed, failed, skipped = totals
    # CI reads the last line, which must be exactly "N passed, N failed".
    if skipped:
        print(f"({skipped} skipped)")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
