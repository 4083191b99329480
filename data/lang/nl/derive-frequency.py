#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Derive data/lang/nl/frequency.txt from the npm package @zxcvbn-ts/language-nl-be.

Usage:
    npm pack @zxcvbn-ts/language-nl-be@3.0.2
    tar xzf zxcvbn-ts-language-nl-be-3.0.2.tgz
    data/lang/nl/derive-frequency.py package > data/lang/nl/frequency.txt

The package has two ranked lists: commonWords.json (words from subtitles,
most frequent first) and dist/wikipedia.json.js (words from Dutch
Wikipedia). A word's rank is the better of its two ranks. First names and
last names from the same package are left out unless they also rank in
the top 2,000 of the subtitle list (so "mark" or "bos" stay, "harry" goes),
and so are tokens that are not plain lower-case words.
"""

import json
import re
import sys
from pathlib import Path

WORD = re.compile(r"^[a-zà-ÿ][a-zà-ÿ'-]*$")
WIKIPEDIA_TOP = 15000  # the Wikipedia list's tail is mostly names and places
NAME_KEEP_RANK = 2000


def read_js_list(path):
    text = Path(path).read_text(encoding="utf-8")
    return re.search(r'"([^"]*)"', text).group(1).split(",")


def main():
    package = Path(sys.argv[1])
    common = json.loads((package / "src" / "commonWords.json").read_text(encoding="utf-8"))
    wikipedia = read_js_list(package / "dist" / "wikipedia.json.js")[:WIKIPEDIA_TOP]
    names = set()
    for name in ("boysFirstnames", "girlsFirstnames", "lastnames"):
        names.update(w.lower() for w in
                     json.loads((package / "src" / f"{name}.json").read_text(encoding="utf-8")))

    rank = {}
    for source in (common, wikipedia):
        for position, word in enumerate(source, start=1):
            word = word.lower()
            if WORD.match(word) and position < rank.get(word, position + 1):
                rank[word] = position

    subtitle_rank = {w.lower(): i for i, w in enumerate(common, start=1)}
    kept = [w for w in rank
            if w not in names or subtitle_rank.get(w, NAME_KEEP_RANK + 1) <= NAME_KEEP_RANK]
    kept.sort(key=lambda w: (rank[w], w))

    out = sys.stdout
    out.write("# Dutch words by frequency rank, derived by derive-frequency.py from\n")
    out.write("# @zxcvbn-ts/language-nl-be 3.0.2 (MIT licence, see README.md).\n")
    for word in kept:
        out.write(f"{word}\t{rank[word]}\n")


if __name__ == "__main__":
    main()
