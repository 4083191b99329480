#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Validates the merged AppStream metainfo with appstreamcli, offline.

  check-metainfo.py METAINFO

Runs `appstreamcli validate --no-net --strict`, so every issue above the
pedantic level fails, except one known gap: appstream before 1.0 does not
know the <developer> tag that Flathub requires, and reports it as
`unknown-tag developer`. That single issue is accepted on those versions
only (docs/packaging.md). Also checks that the file carries Dutch text.
"""

import re
import subprocess
import sys

ISSUE = re.compile(r'^([EWI]): (\S+): (\S+)(?: (.*))?$')


def appstream_version():
    out = subprocess.run(['appstreamcli', '--version'], capture_output=True, text=True,
                         check=True).stdout
    match = re.search(r'(\d+)\.(\d+)', out)
    return (int(match.group(1)), int(match.group(2))) if match else (0, 0)


def main():
    metainfo = sys.argv[1]
    result = subprocess.run(['appstreamcli', 'validate', '--no-net', '--strict', '--explain',
                             metainfo], capture_output=True, text=True)
    print(result.stdout + result.stderr)

    known_gap = appstream_version() < (1, 0)
    accepted = 0
    blocking = []
    for line in result.stdout.splitlines():
        match = ISSUE.match(line.strip())
        if not match:
            continue
        severity, _where, tag, detail = match.groups()
        if known_gap and severity == 'I' and tag == 'unknown-tag' and detail == 'developer':
            accepted += 1
            continue
        blocking.append(line.strip())

    # The summary line counts every issue, also those whose line format the
    # pattern above would miss.
    counts = dict((kind, int(n)) for kind, n in
                  re.findall(r'\b(errors|warnings|infos): (\d+)', result.stdout))
    unexplained = sum(counts.values()) - accepted - len(blocking)

    status = 0
    if blocking or unexplained > 0 or (result.returncode != 0 and accepted == 0):
        print('FAIL: appstreamcli reports:\n  ' + '\n  '.join(blocking or [result.stdout]))
        status = 1

    with open(metainfo, encoding='utf-8') as f:
        text = f.read()
    for element in ('summary', 'p', 'caption'):
        if f'<{element} xml:lang="nl">' not in text:
            print(f'FAIL: {metainfo} has no Dutch <{element}>; translate it in po/nl.po')
            status = 1
    return status


if __name__ == '__main__':
    sys.exit(main())
