#!/usr/bin/env python3
# bench-export.py: exports a generated course with 200 MB of media and
# compares it with `zip -qr` on the same files, in the same run.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: bench-export.py HELDER_CLI [MEGABYTES]
# Targets (DESIGN section 8): wall time <= 0.5 x zip -qr; peak RSS <= 64 MB.

import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import run  # noqa: E402

VIDEOS = 20


def make_course(root, megabytes):
    os.makedirs(os.path.join(root, 'media'))
    os.makedirs(os.path.join(root, 'm'))
    with open(os.path.join(root, 'course.json'), 'w') as f:
        json.dump({'format': 1, 'id': 'bench', 'title': 'Benchmark', 'language': 'nl',
                   'modules': ['m']}, f)
    size = megabytes * 1024 * 1024 // VIDEOS
    pages = []
    with open(os.path.join(root, 'media', 'film.vtt'), 'w') as f:
        f.write('WEBVTT\n\n00:00.000 --> 00:01.000\nTekst.\n')
    with open(os.path.join(root, 'media', 'film.txt'), 'w') as f:
        f.write('Wat er in de film gezegd wordt.\n')
    for i in range(VIDEOS):
        name = 'film-%02d.mp4' % i
        # Random bytes, like real compressed video: deflate gains nothing.
        with open(os.path.join(root, 'media', name), 'wb') as f:
            remaining = size
            while remaining > 0:
                chunk = min(remaining, 4 * 1024 * 1024)
                f.write(os.urandom(chunk))
                remaining -= chunk
        page = 'p%02d.md' % i
        pages.append(page)
        with open(os.path.join(root, 'm', page), 'w') as f:
            f.write('# Film %d\n\nKijk naar de film.\n\n```video\nsrc: media/%s\n'
                    'captions: media/film.vtt\ntranscript: media/film.txt\ntitle: Film %d\n```\n'
                    % (i, name, i))
    with open(os.path.join(root, 'm', 'module.json'), 'w') as f:
        json.dump({'title': 'Films', 'pages': pages}, f)


def main():
    cli = sys.argv[1]
    megabytes = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    if shutil.which('zip') is None:
        print('SKIP: zip is not installed (apt-get install zip)')
        return 77
    work = tempfile.mkdtemp(prefix='helder-bench-')
    try:
        course = os.path.join(work, 'course')
        make_course(course, megabytes)
        ours, rss = run([cli, 'export', course, '--format', 'scorm12', '--course',
                         '-o', os.path.join(work, 'helder.zip')])
        peer, peer_rss = run(['zip', '-qr', os.path.join(work, 'peer.zip'), '.'], cwd=course)
        ratio = ours / peer
        print('export of %d MB of media' % megabytes)
        print('  helder-cli export: %.2f s, peak RSS %.1f MB, %.1f MB written'
              % (ours, rss / 1024, os.path.getsize(os.path.join(work, 'helder.zip')) / 2**20))
        print('  zip -qr (peer):    %.2f s, peak RSS %.1f MB, %.1f MB written'
              % (peer, peer_rss / 1024, os.path.getsize(os.path.join(work, 'peer.zip')) / 2**20))
        print('  time ratio %.2f (target <= 0.50), peak RSS %.1f MB (target <= 64)'
              % (ratio, rss / 1024))
        return 0 if ratio <= 0.5 and rss <= 64 * 1024 else 1
    finally:
        shutil.rmtree(work)


if __name__ == '__main__':
    sys.exit(main())
