# SPDX-License-Identifier: GPL-3.0-or-later
"""The TAP harness the Python tests share: @test registers a test, check()
fails it with a message, run_tests() runs them all and prints TAP."""

tests = []


def test(fn):
    tests.append(fn)
    return fn


def check(condition, what):
    if not condition:
        raise AssertionError(what)


def run_tests():
    """Runs every registered test, reporting each failure and going on;
    returns the exit status."""
    print(f"1..{len(tests)}")
    failed = 0
    for number, fn in enumerate(tests, 1):
        try:
            fn()
            print(f"ok {number} - {fn.__name__}")
        except Exception as error:  # noqa: BLE001 - every failure is reported
            failed += 1
            print(f"not ok {number} - {fn.__name__}")
            for line in str(error).splitlines() or [type(error).__name__]:
                print(f"# {line}")
    return 1 if failed else 0
