# SPDX-License-Identifier: GPL-3.0-or-later
"""TAP output for the Python tests, so none of them prints TAP by hand.

Two ways to use it, which may be mixed:

    import taplib

    taplib.ok(code == 0, "validate accepts the course", stderr)   # one check

    @taplib.test                                                  # one function
    def export_refuses_errors():
        taplib.check(code == 1, f"exit {code}")

    sys.exit(taplib.main())   # runs the registered functions, prints the plan
                              # and every result, returns the exit status

A registered function passes when it returns and fails on any exception,
whose text becomes the diagnostic lines; `raise taplib.Skip(reason)` in it
skips it. `taplib.skip_all(reason)` skips the whole test (meson's TAP
reader counts it as skipped).
"""

import sys

_results = []
_tests = []


class Skip(Exception):
    """Raised in a registered function that cannot run here; its text says why."""


def ok(good, name, detail=""):
    """Records one result; `detail` is shown under a failure. Returns `good`."""
    _results.append((bool(good), name, str(detail)))
    return good


def check(condition, what):
    """Inside a registered function: fails it with `what` unless `condition`."""
    if not condition:
        raise AssertionError(what)


def test(fn):
    """Registers `fn` to run by main(), in the order of registration."""
    _tests.append(fn)
    return fn


def skip_all(reason):
    """Skips the whole test and exits."""
    print(f"1..0 # SKIP {reason}")
    sys.exit(0)


def main():
    """Runs the registered functions, prints the plan and the results; returns 1
    when any result failed, else 0."""
    for fn in _tests:
        try:
            fn()
            ok(True, fn.__name__)
        except Skip as reason:
            ok(True, f"{fn.__name__} # SKIP {reason}")
        except Exception as error:  # noqa: BLE001 - every failure is reported, then go on
            ok(False, fn.__name__, str(error) or type(error).__name__)
    print(f"1..{len(_results)}")
    for number, (good, name, detail) in enumerate(_results, 1):
        print(f"{'ok' if good else 'not ok'} {number} - {name}")
        if not good:
            for line in detail.splitlines():
                print(f"# {line}")
    return 0 if all(good for good, _, _ in _results) else 1
