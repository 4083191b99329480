#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""An independent reference for `helder-cli readability`.

For every text in tests/data/lang/*.txt it counts words, sentences and
syllables with its own splitter and Debian's python3-pyphen (the Dutch
hyphenation patterns loaded by independent code), computes Flesch-Douma,
and compares with the C results: counts within 2%, Flesch-Douma within
2 points. Prints TAP.
"""

import glob
import json
import os
import re
import subprocess
import sys

import taplib

try:
    import pyphen
except ImportError:
    taplib.skip_all("python3-pyphen is not installed")

CLI = os.environ["HELDER_CLI"]
DATA = os.path.join(os.environ.get("G_TEST_SRCDIR", os.path.dirname(__file__)), "data", "lang")

ABBREVIATIONS = {"bijv", "d.w.z", "o.a", "nr", "art", "enz", "etc", "i.p.v", "m.b.t", "t.a.v",
                 "z.s.m", "e.d", "evt", "incl", "ca", "dhr", "mevr", "dr", "prof", "blz"}
VOWELS = set("aeiouyàáâäèéêëìíîïòóôöùúûü")
DIAERESIS = set("äëïöü")
LOANWORDS = {"service": 2, "website": 2, "software": 2, "update": 2, "online": 2}
DICTIONARY = pyphen.Pyphen(lang="nl_NL", left=1, right=1)


def nuclei(segment):
    count, in_vowel, previous = 0, False, ""
    for c in segment:
        vowel = c in VOWELS or (c == "j" and previous == "i" and in_vowel)
        if vowel and (not in_vowel or c in DIAERESIS):
            count += 1
        in_vowel, previous = vowel, c
    return count


def syllables(word):
    word = word.lower()
    total = 0
    for part in re.split(r"[^a-zà-ÿ]+", word):
        if not part:
            continue
        if part in LOANWORDS:
            total += LOANWORDS[part]
            continue
        total += sum(nuclei(segment) for segment in DICTIONARY.inserted(part).split("-"))
    return max(total, 1)


def analyse(text):
    words = letter_words = syllable_count = sentences = 0
    for paragraph in re.split(r"\n\s*\n", text):
        tokens = re.findall(r"[\w]+(?:[-'.,][\w]+)*\.?|[.!?…]", paragraph)
        in_sentence = 0
        for token in tokens:
            if token in (".", "!", "?", "…"):
                if in_sentence:
                    sentences += 1
                in_sentence = 0
                continue
            ends_sentence = abbreviation = False
            if token.endswith("."):
                stem = token[:-1]
                if stem.lower() not in ABBREVIATIONS and "." not in stem:
                    token, ends_sentence = stem, True
                else:
                    abbreviation = True
            words += 1
            in_sentence += 1
            # Abbreviations and numbers are words, but have no syllable count.
            if re.search(r"[^\W\d_]", token) and not abbreviation:
                letter_words += 1
                syllable_count += syllables(token)
            if ends_sentence:
                sentences += 1
                in_sentence = 0
        if in_sentence:
            sentences += 1
    flesch = 206.84 - 77 * syllable_count / letter_words - 0.93 * words / sentences
    return {"words": words, "sentences": sentences, "syllables": syllable_count,
            "flesch_douma": flesch}


def within(ours, theirs, fraction):
    return abs(ours - theirs) <= max(fraction * theirs, 0)


texts = sorted(glob.glob(os.path.join(DATA, "*.txt")))
for path in texts:
    with open(path, encoding="utf-8") as f:
        reference = analyse(f.read())
    out = subprocess.run([CLI, "readability", "--json", path], capture_output=True, text=True,
                         check=True).stdout
    helder = json.loads(out)
    name = os.path.basename(path)
    for key, tolerance in (("words", 0.02), ("sentences", 0.02), ("syllables", 0.02)):
        taplib.ok(within(helder[key], reference[key], tolerance),
                  f"{name} {key}: helder {helder[key]}, reference {reference[key]}")
    taplib.ok(abs(helder["flesch_douma"] - reference["flesch_douma"]) <= 2.0,
              f"{name} Flesch-Douma: helder {helder['flesch_douma']:.1f}, "
              f"reference {reference['flesch_douma']:.1f}")

sys.exit(taplib.main())
