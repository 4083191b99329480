#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Derive data/lang/nl/frequency.txt from the OpenSubtitles 2018 word list.

Usage:
    data/lang/nl/derive-frequency.py nl-subtitles-50k.txt > data/lang/nl/frequency.txt

The input is the FrequencyWords list `content/2018/nl/nl_50k.txt` (Hermit
Dave, from the OpenSubtitles 2018 corpus of OPUS; CC BY-SA 4.0): one
`word count` per line, most frequent first. The output gives each plain
lower-case word its Zipf value, log10 of its frequency per billion words,
with two decimals. The total is the sum of the listed counts, so values
are slightly higher than over the whole corpus. Tokens with digits,
capitals or other marks are dropped. Like the input, the output is
licensed CC BY-SA 4.0 (see README.md).
"""

import math
import re
import sys

WORD = re.compile(r"^[a-zà-ÿ][a-zà-ÿ'-]*$")


def main():
    entries = []
    with open(sys.argv[1], encoding="utf-8") as source:
        for line in source:
            parts = line.split()
            if len(parts) == 2 and parts[1].isdigit():
                entries.append((parts[0], int(parts[1])))
    total = sum(count for _, count in entries)

    out = sys.stdout
    out.write("# Dutch words with their Zipf value (log10 per billion words) in film and TV\n")
    out.write("# subtitles: OpenSubtitles 2018 via hermitdave/FrequencyWords, CC BY-SA 4.0.\n")
    out.write("# Derived by derive-frequency.py; see README.md.\n")
    for word, count in entries:
        if WORD.match(word):
            out.write(f"{word}\t{math.log10(count * 1e9 / total):.2f}\n")


if __name__ == "__main__":
    main()
