#!/usr/bin/env python3
"""Build a narrated video or audio clip, its WebVTT captions and transcript.

Usage:
    build-media.py NARRATION.txt COURSE_DIR [--video | --audio]

Reads a narration file (syntax in narration/wat-is-ai.txt), speaks every
sentence with espeak-ng into its own wav file, measures each wav, and then
writes into COURSE_DIR/media/:

  NAME.webm (video: the slides as VP9 video, the narration as Opus) or
  NAME.ogg  (audio: the narration as Opus),
  NAME.vtt  caption cues whose times come from the measured wav durations,
  NAME.txt  the full transcript (with a description of every slide).

The output is deterministic: the same input gives the same bytes.
Needs: espeak-ng, ffmpeg (libvpx-vp9, libopus), rsvg-convert (video only).
"""

import os
import subprocess
import sys
import tempfile
import wave

RATE = 22050            # espeak-ng writes 22,050 Hz mono 16-bit wav
SPEED = 140             # words per minute (espeak-ng default 175): calm and clear
LEAD_IN = 0.5           # silence before the first sentence, in seconds
GAP = 0.45              # silence between two sentences
SLIDE_GAP = 0.9         # silence before a new slide
TAIL = 1.0              # silence after the last sentence
MAX_LINE = 42           # caption line length
MAX_LINES = 2           # lines per cue
MAX_CPS = 15.0          # reading speed target (characters per second)


def parse(path):
    """Return (meta, items). items: ("slide", file, text) or ("say", caption, spoken, voice)."""
    meta = {"voice": "nl"}
    items = []
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("[slide]"):
                file, _, text = line[len("[slide]"):].partition("|")
                items.append(("slide", file.strip(), text.strip()))
            elif line.startswith("["):
                key, _, value = line[1:].partition("]")
                meta[key.strip()] = value.strip()
            else:
                caption, _, spoken = line.partition(" || ")
                items.append(("say", caption.strip(), (spoken or caption).strip(), meta["voice"]))
    return meta, items


def speak(text, voice, out):
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(SPEED), "-w", out, text], check=True)
    with wave.open(out, "rb") as w:
        assert w.getframerate() == RATE and w.getnchannels() == 1 and w.getsampwidth() == 2
        return w.readframes(w.getnframes())


def silence(seconds):
    return b"\x00\x00" * int(round(seconds * RATE))


def wrap(text):
    """Split text into cues of at most MAX_LINES lines of at most MAX_LINE characters."""
    words = text.split()
    lines, line = [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > MAX_LINE:
            lines.append(line)
            line = word
        else:
            line = (line + " " + word).strip()
    lines.append(line)
    cues = [lines[i:i + MAX_LINES] for i in range(0, len(lines), MAX_LINES)]
    return [balance(c) for c in cues]


def balance(lines):
    """Re-break a two-line cue so both lines are about the same length."""
    if len(lines) < 2:
        return lines
    words = " ".join(lines).split()
    best = lines
    best_diff = abs(len(lines[0]) - len(lines[1]))
    for i in range(1, len(words)):
        a, b = " ".join(words[:i]), " ".join(words[i:])
        if len(a) <= MAX_LINE and len(b) <= MAX_LINE and abs(len(a) - len(b)) < best_diff:
            best, best_diff = [a, b], abs(len(a) - len(b))
    return best


def stamp(t):
    ms = int(round(t * 1000))
    return "%02d:%02d:%02d.%03d" % (ms // 3600000, ms // 60000 % 60, ms // 1000 % 60, ms % 1000)


def main(argv):
    narration, course = argv[0], argv[1]
    video = "--video" in argv
    meta, items = parse(narration)
    name = meta["output"]
    media = os.path.join(course, "media")
    slides_dir = os.path.join(os.path.dirname(os.path.abspath(narration)), "..", "slides")
    tmp = tempfile.mkdtemp(prefix="helder-media-")

    pcm = bytearray(silence(LEAD_IN))
    t = LEAD_IN
    sentences = []      # (start, end_of_speech, caption)
    slides = []         # [file, start]
    transcript = [meta.get("title", name), ""]
    paragraph = []
    pending_gap = 0.0
    for n, item in enumerate(items):
        if item[0] == "slide":
            if paragraph:
                transcript += [" ".join(paragraph), ""]
                paragraph = []
            # A new slide appears halfway through the pause before its first sentence.
            if slides:
                pending_gap = SLIDE_GAP
            shown = t + pending_gap / 2
            pcm += silence(pending_gap)
            t += len(silence(pending_gap)) / 2 / RATE
            pending_gap = 0.0
            slides.append([item[1], 0.0 if not slides else shown])
            transcript += ["[Beeld: %s]" % item[2]]
            continue
        _, caption, spoken, voice = item
        pcm += silence(pending_gap)
        t += len(silence(pending_gap)) / 2 / RATE
        frames = speak(spoken, voice, os.path.join(tmp, "s%02d.wav" % n))
        duration = len(frames) / 2 / RATE
        sentences.append((t, t + duration, caption))
        pcm += frames
        t += duration
        pending_gap = GAP
        paragraph.append(caption)
    if paragraph:
        transcript += [" ".join(paragraph), ""]
    pcm += silence(TAIL)
    total = len(pcm) / 2 / RATE

    wav = os.path.join(tmp, "narration.wav")
    with wave.open(wav, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(bytes(pcm))

    # Captions: one cue per sentence (split when longer than two lines), shown
    # from the start of the sentence until just before the next one.
    vtt = ["WEBVTT", ""]
    worst_cps = 0.0
    cue_no = 0
    for i, (start, end, caption) in enumerate(sentences):
        limit = sentences[i + 1][0] - 0.05 if i + 1 < len(sentences) else total
        end = min(limit, end + 0.6)
        parts = wrap(caption)
        chars = [sum(len(l) for l in p) for p in parts]
        at = start
        for part, c in zip(parts, chars):
            length = (end - start) * c / sum(chars)
            cue_no += 1
            cps = c / length
            worst_cps = max(worst_cps, cps)
            vtt += [str(cue_no), "%s --> %s" % (stamp(at), stamp(at + length))] + part + [""]
            at += length
    with open(os.path.join(media, name + ".vtt"), "w", encoding="utf-8") as f:
        f.write("\n".join(vtt))
    with open(os.path.join(media, name + ".txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(transcript).rstrip("\n") + "\n")

    bitexact = ["-fflags", "+bitexact", "-flags:a", "+bitexact", "-map_metadata", "-1"]
    opus = ["-c:a", "libopus", "-b:a", "32k", "-ac", "1", "-ar", "48000"]
    if video:
        concat = []
        for k, (file, start) in enumerate(slides):
            png = os.path.join(tmp, "slide%d.png" % k)
            subprocess.run(["rsvg-convert", "-w", "1280", "-h", "720",
                            os.path.join(slides_dir, file), "-o", png], check=True)
            stop = slides[k + 1][1] if k + 1 < len(slides) else total
            concat += ["file '%s'" % png, "duration %.3f" % (stop - start)]
            slides[k].append(png)
        concat += ["file '%s'" % slides[-1][2]]
        listing = os.path.join(tmp, "slides.txt")
        with open(listing, "w") as f:
            f.write("\n".join(concat) + "\n")
        out = os.path.join(media, name + ".webm")
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", listing,
                        "-i", wav, "-map", "0:v", "-map", "1:a",
                        "-vf", "fps=10,format=yuv420p",
                        "-c:v", "libvpx-vp9", "-b:v", "0", "-crf", "40", "-g", "50",
                        "-threads", "1", "-row-mt", "0", "-deadline", "good", "-cpu-used", "2",
                        "-flags:v", "+bitexact"] + opus + bitexact +
                       ["-t", "%.3f" % total, out], check=True)
        poster = os.path.join(media, name + "-poster.png")
        subprocess.run(["rsvg-convert", "-w", "1280", "-h", "720",
                        os.path.join(slides_dir, slides[0][0]), "-o", poster], check=True)
    else:
        out = os.path.join(media, name + ".ogg")
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", wav] + opus + bitexact + [out],
                       check=True)
    for f in os.listdir(tmp):
        os.remove(os.path.join(tmp, f))
    os.rmdir(tmp)
    print("%s: %.1f s, %d sentences, %d cues, max %.1f chars/s, %d bytes"
          % (os.path.relpath(out), total, len(sentences), cue_no, worst_cps, os.path.getsize(out)))
    if worst_cps > MAX_CPS:
        print("  note: some cues are faster than %.0f characters per second" % MAX_CPS)


if __name__ == "__main__":
    main(sys.argv[1:])
