#!/usr/bin/env python3
"""Count the learner text of a Helder course and flag long sentences.

Usage:
    count-words.py [COURSE_DIR] [--all] [--pages] [--narration DIR]

--all lists every sentence, --pages prints the words per page.

For every module it prints the number of pages, the number of words of all
learner text (Markdown text plus the values of fenced blocks such as
questions, feedback, alt text and captions), the number of sentences, the
average and the longest sentence length. It lists every sentence of more
than 15 words (more than 20 is an error) and a few B1 hints: bureaucratic
words, possible passive voice ("worden" + participle) and "u"/"uw".

Quotations of more than 20 words that start with a Dutch opening quote
(„) are counted as words but are not judged as sentences: a legal text has
to be quoted exactly.

Exit status 1 when a sentence has more than 20 words or a module average
is above 12 words per sentence.

Only the Python standard library is used.
"""

import json
import os
import re
import sys

WARN_WORDS = 15
MAX_WORDS = 20
MAX_AVERAGE = 12.0

# Block fields that hold learner text. Other fields (src, id, kind, ...)
# are technical and are not counted.
TEXT_FIELDS = {
    "title", "text", "front", "back", "question", "feedback", "choice",
    "answer", "situation", "alt", "caption", "low", "high", "label",
}
BLOCK_TYPES = {
    "image", "video", "audio", "accordion", "tabs", "steps", "flashcards",
    "scenario", "check", "question", "survey", "continue",
}
# Fields that are a title or a label, not a sentence: counted as words,
# but kept out of the sentence statistics.
TITLE_FIELDS = {"title", "front", "low", "high", "label"}

BUREAUCRATIC = [
    "echter", "indien", "middels", "teneinde", "derhalve", "dienen te",
    "dient te", "reeds", "thans", "alsmede", "inzake", "ten behoeve van",
    "conform", "retourneren", "verstrekken", "verzoeken", "aanvang",
    "beëindigen", "bijgaand", "hetgeen", "omtrent", "wellicht", "doch",
    "zulks", "ingevolge", "woonachtig", "eenieder", "ten aanzien van",
    "vooralsnog", "te allen tijde", "desalniettemin", "ten einde",
    "in het kader van", "met betrekking tot", "op grond van", "aldaar",
    "alvorens", "ter zake",
]
WORDEN = re.compile(r"\b(word|wordt|worden|werd|werden|geworden)\b", re.I)
YOU_FORMAL = re.compile(r"\b(u|uw)\b")
ABBREVIATIONS = ["bijv.", "o.a.", "art.", "nr.", "d.w.z.", "bv.", "enz.", "incl."]


def strip_markdown(text):
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"`([^`]*)`", r"\1", text)
    text = text.replace("**", "").replace("__", "")
    text = re.sub(r"(?<!\w)[*_](\S[^*_]*?)[*_](?!\w)", r"\1", text)
    return text


def words_of(text):
    return [w for w in text.split() if re.search(r"\w", w)]


def split_sentences(text):
    protected = text
    for i, abbr in enumerate(ABBREVIATIONS):
        protected = protected.replace(abbr, "\x00%d\x00" % i)
    parts = re.split(r"(?<=[.!?])[\"”’)]?\s+", protected)
    out = []
    for part in parts:
        for i, abbr in enumerate(ABBREVIATIONS):
            part = part.replace("\x00%d\x00" % i, abbr)
        part = part.strip()
        if part:
            out.append(part)
    return out


class Unit:
    """A piece of learner text with its place and kind."""

    def __init__(self, path, line, text, kind):
        self.path, self.line, self.text, self.kind = path, line, text, kind


def page_units(path):
    """Yield the learner-text units of one page."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    units = []
    para, para_line = [], 0
    in_block, block_type, fence = False, None, ""
    last_field = None

    def flush():
        nonlocal para
        if para:
            units.append(Unit(path, para_line, strip_markdown(" ".join(para)), "text"))
        para = []

    for n, raw in enumerate(lines, 1):
        if in_block:
            if raw.strip() == fence:
                in_block, last_field = False, None
                continue
            if block_type not in BLOCK_TYPES:
                continue
            line = raw.rstrip()
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            m = re.match(r"^(\s*)- \[([ xX])\] (.*)$", line)
            if m:
                units.append(Unit(path, n, m.group(3), "text"))
                last_field = "answer"
                continue
            m = re.match(r"^(\s*)(?:- )?([a-z_]+): ?(.*)$", line)
            if m and (not m.group(1) or line.lstrip().startswith("- ") or len(m.group(1)) >= 2):
                key, value = m.group(2), m.group(3)
                last_field = key
                if key in TEXT_FIELDS and value:
                    kind = "title" if key in TITLE_FIELDS else "text"
                    units.append(Unit(path, n, value, kind))
                continue
            if raw.startswith(" ") and units and last_field in TEXT_FIELDS:
                units[-1].text += " " + line.strip()
            continue
        m = re.match(r"^(```+|~~~+)\s*([A-Za-z]*)", raw)
        if m:
            flush()
            in_block, fence, block_type = True, m.group(1), m.group(2).lower()
            continue
        line = raw.rstrip()
        if not line.strip():
            flush()
            continue
        quote = False
        if line.startswith(">"):
            quote = True
            line = line[1:].lstrip()
            if not line:
                flush()
                continue
            m = re.match(r"^\[!([A-Z]+)\]\s*(.*)$", line)
            if m:
                flush()
                if m.group(2):
                    units.append(Unit(path, n, m.group(2), "title"))
                continue
        m = re.match(r"^(#{1,6})\s+(.*)$", line)
        if m:
            flush()
            units.append(Unit(path, n, strip_markdown(m.group(2)), "title"))
            continue
        m = re.match(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$", line)
        if m:
            flush()
            para, para_line = [m.group(1)], n
            continue
        if not para:
            para_line = n
        para.append(line.strip())
        del quote
    flush()
    return units


def analyse(units):
    words = 0
    sentences = []  # (length, unit, sentence)
    quotes = []
    hints = []
    for u in units:
        if u.kind != "goal":  # goals live in module.json, not on a page
            words += len(words_of(u.text))
        low = " " + u.text.lower() + " "
        for b in BUREAUCRATIC:
            if re.search(r"(?<!\w)" + re.escape(b) + r"(?!\w)", low):
                hints.append((u, 'bureaucratic word "%s"' % b))
        if WORDEN.search(u.text):
            hints.append((u, 'check for passive voice ("%s")' % WORDEN.search(u.text).group(0)))
        if YOU_FORMAL.search(u.text):
            hints.append((u, 'formal "u/uw": write "je/jouw"'))
        if u.kind == "title":
            continue
        for s in split_sentences(u.text):
            n = len(words_of(s))
            if n == 0:
                continue
            if s.startswith("„") and n > MAX_WORDS:
                quotes.append((n, u, s))
                continue
            sentences.append((n, u, s))
    return words, sentences, quotes, hints


def report(name, pages, units, show_all):
    words, sentences, quotes, hints = analyse(units)
    lengths = [n for n, _, _ in sentences]
    avg = sum(lengths) / len(lengths) if lengths else 0.0
    longest = max(lengths) if lengths else 0
    print("%-16s pages %2d  words %5d  sentences %4d  average %5.2f  max %2d"
          % (name, pages, words, len(lengths), avg, longest))
    bad = False
    for n, u, s in sentences:
        if n > WARN_WORDS or show_all:
            level = "ERROR" if n > MAX_WORDS else ("warn " if n > WARN_WORDS else "     ")
            print("  %s %2d words  %s:%d  %s" % (level, n, os.path.relpath(u.path), u.line, s))
        if n > MAX_WORDS:
            bad = True
    for n, u, s in quotes:
        print("  quote %2d words  %s:%d  (exact quotation, not judged)" % (n, os.path.relpath(u.path), u.line))
    for u, msg in hints:
        print("  hint  %s:%d  %s: %s" % (os.path.relpath(u.path), u.line, msg, u.text[:70]))
    if avg > MAX_AVERAGE:
        print("  ERROR average %.2f is above %.0f" % (avg, MAX_AVERAGE))
        bad = True
    return bad, words, lengths


def narration_units(directory):
    units = []
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".txt"):
            continue
        path = os.path.join(directory, name)
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.strip()
                if not line or line.startswith("#") or line.startswith("["):
                    continue
                line = line.split(" || ")[0]
                units.append(Unit(path, n, line, "text"))
    return units


def main(argv):
    show_all = "--all" in argv
    show_pages = "--pages" in argv
    args = [a for a in argv if a not in ("--all", "--pages")]
    narration = None
    if "--narration" in args:
        i = args.index("--narration")
        narration = args[i + 1]
        del args[i:i + 2]
    here = os.path.dirname(os.path.abspath(__file__))
    course = args[0] if args else os.path.join(here, "..", "ai-bewustzijn")
    if narration is None:
        narration = os.path.join(here, "narration")
    with open(os.path.join(course, "course.json"), encoding="utf-8") as f:
        modules = json.load(f)["modules"]
    bad = False
    total_words, all_lengths = 0, []
    for module in modules:
        mdir = os.path.join(course, module)
        with open(os.path.join(mdir, "module.json"), encoding="utf-8") as f:
            meta = json.load(f)
        units = []
        for g in meta.get("goals", []):
            units.append(Unit(os.path.join(mdir, "module.json"), 0, g, "goal"))
        for page in meta["pages"]:
            page_u = page_units(os.path.join(mdir, page))
            if show_pages:
                print("  %-30s %5d words" % (page, sum(len(words_of(u.text)) for u in page_u)))
            units.extend(page_u)
        b, w, lengths = report(module, len(meta["pages"]), units, show_all)
        bad |= b
        total_words += w
        all_lengths += lengths
    avg = sum(all_lengths) / len(all_lengths) if all_lengths else 0
    print("%-16s           words %5d  sentences %4d  average %5.2f  max %2d"
          % ("course", total_words, len(all_lengths), avg, max(all_lengths or [0])))
    if os.path.isdir(narration):
        b, _, _ = report("narration", 0, narration_units(narration), show_all)
        bad |= b
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
