#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that the Dutch translation is complete.

  check-translations.py SOURCE_ROOT

1. po/POTFILES.in is sorted, every file in it exists, and every file under
   src/ and data/ that holds translatable strings is in it.
2. `msgfmt --check --statistics po/nl.po` reports 0 fuzzy and 0
   untranslated messages.
3. The strings in the sources today (extracted with xgettext, the same
   keywords as meson's glib preset) are all translated in po/nl.po: a string
   added to the code without a translation fails here, with its location.
"""

import os
import re
import subprocess
import sys
import tempfile

XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format',
]

# A C file is translatable when it calls one of the gettext macros; a .ui
# file when it marks a property translatable.
C_MARKER = re.compile(r'(?<![A-Za-z0-9_])(_|N_|C_|NC_|g_dngettext|ngettext)\s*\(\s*"')
UI_MARKER = re.compile(r'translatable="yes"')
STATS = re.compile(r'(\d+) (translated|fuzzy|untranslated) messages?')

failures = []


def fail(message):
    failures.append(message)
    print('FAIL: ' + message)


def read_potfiles(root):
    path = os.path.join(root, 'po', 'POTFILES.in')
    with open(path, encoding='utf-8') as f:
        entries = [line.strip() for line in f
                   if line.strip() and not line.startswith('#')]
    if entries != sorted(entries):
        fail('po/POTFILES.in is not sorted; sort it with `LC_ALL=C sort`')
    for entry in entries:
        if not os.path.isfile(os.path.join(root, entry)):
            fail(f'po/POTFILES.in lists {entry}, which does not exist; remove the line')
    return entries


def translatable_files(root):
    found = []
    for top in ('src', 'data'):
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames.sort()
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root)
                if name.endswith('.c'):
                    with open(path, encoding='utf-8') as f:
                        if C_MARKER.search(f.read()):
                            found.append(rel)
                elif name.endswith('.ui'):
                    with open(path, encoding='utf-8') as f:
                        if UI_MARKER.search(f.read()):
                            found.append(rel)
                elif name.endswith(('.desktop.in', '.metainfo.xml.in', '.gschema.xml')):
                    found.append(rel)
    return found


def statistics(po_path):
    """Runs msgfmt --check --statistics; returns {kind: count}."""
    result = subprocess.run(['msgfmt', '--check', '--statistics', '-o', os.devnull, po_path],
                            capture_output=True, text=True)
    if result.returncode != 0:
        fail(f'msgfmt --check rejects {po_path}:\n{result.stderr}')
    counts = {'translated': 0, 'fuzzy': 0, 'untranslated': 0}
    for number, kind in STATS.findall(result.stderr):
        counts[kind] = int(number)
    return counts, result.stderr.strip()


def untranslated_entries(po_path):
    """Lists the msgids (with their source locations) still untranslated or fuzzy."""
    result = subprocess.run(['msgattrib', '--untranslated', '--no-obsolete', po_path],
                            capture_output=True, text=True, check=True)
    fuzzy = subprocess.run(['msgattrib', '--only-fuzzy', '--no-obsolete', po_path],
                           capture_output=True, text=True, check=True)
    return (result.stdout + fuzzy.stdout).strip()


def main():
    root = os.path.abspath(sys.argv[1])
    po_path = os.path.join(root, 'po', 'nl.po')

    entries = read_potfiles(root)
    for rel in translatable_files(root):
        if rel not in entries:
            fail(f'{rel} has translatable strings but is not in po/POTFILES.in; add it')

    counts, summary = statistics(po_path)
    print(f'po/nl.po: {summary}')
    if counts['fuzzy'] or counts['untranslated']:
        fail(f'po/nl.po has {counts["fuzzy"]} fuzzy and {counts["untranslated"]} untranslated '
             'messages; translate them and remove the fuzzy marks')

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'helder.pot')
        subprocess.run(['xgettext', '--package-name=helder', '-o', pot, '-D', root]
                       + XGETTEXT_ARGS + [e for e in entries
                                          if os.path.isfile(os.path.join(root, e))],
                       check=True)
        merged = os.path.join(tmp, 'nl.po')
        subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', merged, po_path, pot],
                       check=True)
        counts, summary = statistics(merged)
        print(f'po/nl.po against the strings in the sources: {summary}')
        if counts['fuzzy'] or counts['untranslated']:
            fail('po/nl.po lacks translations for strings in the sources; run '
                 '`meson compile -C _build helder-update-po` and translate these:\n'
                 + untranslated_entries(merged))

    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
