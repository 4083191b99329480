#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the house plan of src/ (see HACKING.md), as a TAP test.

- src/core/<layer>/ includes only headers of its own layer and of the layers
  below it: base < model < {language, a11y, review} < checks < publish.
  language, a11y and review are side by side and do not include each other.
- src/core never includes GTK, libadwaita, GtkSourceView or WebKit.
- src/kpi includes core and itself; nothing in core includes src/kpi.
- Every quoted include names a header that exists.
"""

import os
import re
import sys

import taplib

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORE = os.path.join(TOP, "src", "core")

# The layers each folder may include, besides itself.
ALLOWED = {
    "base": set(),
    "model": {"base"},
    "language": {"base", "model"},
    "a11y": {"base", "model"},
    "review": {"base", "model"},
    "checks": {"base", "model", "language", "a11y", "review"},
    "publish": {"base", "model", "language", "a11y", "review", "checks"},
}
UI_HEADERS = re.compile(r'#include\s*<(gtk/|adwaita|gtksourceview|webkit)')
QUOTED = re.compile(r'#include\s*"([^"]+)"')


def headers_by_folder():
    found = {}
    for folder in list(ALLOWED) + ["../kpi"]:
        path = os.path.normpath(os.path.join(CORE, folder))
        for name in os.listdir(path):
            if name.endswith(".h"):
                found[name] = os.path.basename(path)
    return found


def main():
    owner = headers_by_folder()
    generated = re.compile(r"^(config\.h|helder-[a-z]+-resources\.h)$")
    problems = []
    checked = 0
    roots = [(os.path.join(CORE, layer), layer) for layer in ALLOWED]
    roots.append((os.path.join(TOP, "src", "kpi"), "kpi"))
    for path, layer in roots:
        for name in sorted(os.listdir(path)):
            if not name.endswith((".c", ".h")):
                continue
            checked += 1
            rel = os.path.relpath(os.path.join(path, name), TOP)
            with open(os.path.join(path, name), encoding="utf-8") as f:
                for number, line in enumerate(f, 1):
                    if UI_HEADERS.search(line):
                        problems.append(f"{rel}:{number}: the core includes a UI toolkit")
                    m = QUOTED.search(line)
                    if not m or generated.match(m.group(1)):
                        continue
                    header = m.group(1)
                    target = owner.get(header)
                    if target is None:
                        problems.append(f"{rel}:{number}: {header} is not a core header")
                    elif layer == "kpi":
                        continue
                    elif target != layer and target not in ALLOWED[layer]:
                        problems.append(
                            f"{rel}:{number}: {layer}/ includes {target}/{header}, "
                            "a layer it may not depend on")
    taplib.ok(checked > 0, f"read {checked} files of src/core and src/kpi")
    taplib.ok(not problems, "the layer rule holds", "\n".join(problems))
    return taplib.main()


if __name__ == "__main__":
    sys.exit(main())
