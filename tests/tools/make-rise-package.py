#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Builds a Rise-style export from a decoded Rise course (../shared/fixtures/rise/*.json),
the way Rise packs one (../shared/reference/rise-scorm.md, sections 2 and 4), for the
import tests and benchmark. Only the parts Helder reads are real: the manifest, the
course data in the place of its generation, and one file under assets/ for every media
key the course names (small images, captions, and audio/video bytes of a given size).

  make-rise-package.py COURSE.json OUT.zip --generation 1|2|3 [--format scorm12|scorm2004|xapi|web]
                       [--media-bytes N] [--folder]
"""

import argparse
import base64
import json
import os
import random
import zipfile

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "fixtures", "rise")

# A 1x1 PNG: real enough for a picture Helder only copies.
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")
VTT = b"WEBVTT\n\n00:00.000 --> 00:02.000\nOndertitel.\n"


def media_keys(node, found, inside_media=False):
    """Every path under assets/ that the course names."""
    if isinstance(node, dict):
        for key, value in node.items():
            media_context = inside_media or key in ("media", "customVideo", "customAudio", "avatar",
                                                    "background", "front", "back", "captions")
            if isinstance(value, str) and media_context and key in (
                    "key", "crushedKey", "src", "poster", "subtitle") and not value.startswith("http"):
                found.add(value)
            else:
                media_keys(value, found, media_context)
    elif isinstance(node, list):
        for value in node:
            media_keys(value, found, inside_media)


def media_bytes(name, size, rng):
    lower = name.lower()
    if lower.endswith(".vtt"):
        return VTT
    if lower.endswith((".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp")):
        return PNG
    # Audio and video: incompressible bytes, as real media are.
    return rng.randbytes(size)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("course")
    parser.add_argument("output")
    parser.add_argument("--generation", type=int, default=3, choices=(1, 2, 3))
    parser.add_argument("--format", default="scorm12", choices=("scorm12", "scorm2004", "xapi", "web"))
    parser.add_argument("--media-bytes", type=int, default=4096)
    parser.add_argument("--folder", action="store_true", help="write an unpacked folder, not a ZIP")
    args = parser.parse_args()

    with open(args.course, encoding="utf-8") as f:
        data = json.load(f)
    rng = random.Random(1)
    root = "" if args.format == "web" else "scormcontent/"
    files = {}

    if args.format == "scorm12":
        with open(os.path.join(FIXTURES, "scorm12-imsmanifest.xml"), "rb") as f:
            files["imsmanifest.xml"] = f.read()
    elif args.format == "scorm2004":
        with open(os.path.join(FIXTURES, "scorm2004-4th-imsmanifest.xml"), "rb") as f:
            files["imsmanifest.xml"] = f.read()
    elif args.format == "xapi":
        with open(os.path.join(FIXTURES, "xapi-tincan.xml"), "rb") as f:
            files["tincan.xml"] = f.read()
    if args.format != "web":
        files["scormdriver/indexAPI.html"] = b"<!DOCTYPE html><title>driver</title>\n"

    if args.generation == 1:
        # The oldest exports hold the course object itself.
        payload = json.dumps(data["course"], ensure_ascii=False).encode("utf-8")
        b64 = base64.b64encode(payload).decode("ascii")
        files[root + "index.html"] = (
            "<!DOCTYPE html><html><head><script>var data = '%s';</script></head>"
            "<body><script src=\"lib/main.bundle.js\"></script></body></html>\n" % b64).encode()
    elif args.generation == 2:
        payload = json.dumps(data, ensure_ascii=False).encode("utf-8")
        b64 = base64.b64encode(payload).decode("ascii")
        files[root + "index.html"] = (
            "<!DOCTYPE html><html><head><script>window.courseData = \"%s\";"
            "window.labelSet = {};</script></head><body></body></html>\n" % b64).encode()
    else:
        payload = json.dumps(data, ensure_ascii=False).encode("utf-8")
        b64 = base64.b64encode(payload).decode("ascii")
        files[root + "index.html"] = (
            b"<!DOCTYPE html><html><head><script>window.i18n = {\"available\":[\"und\"],"
            b"\"default\":\"und\"};</script></head><body></body></html>\n")
        files[root + "locales/und.js"] = ('__resolveJsonp("course:und","%s")\n' % b64).encode()

    keys = set()
    media_keys(data, keys)
    for key in sorted(keys):
        files[root + "assets/" + key] = media_bytes(key, args.media_bytes, rng)

    if args.folder:
        for name, content in files.items():
            path = os.path.join(args.output, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(content)
        return
    with zipfile.ZipFile(args.output, "w") as archive:
        for name, content in files.items():
            media = not name.endswith((".html", ".js", ".xml", ".vtt"))
            archive.writestr(name, content,
                             compress_type=zipfile.ZIP_STORED if media else zipfile.ZIP_DEFLATED)


if __name__ == "__main__":
    main()
