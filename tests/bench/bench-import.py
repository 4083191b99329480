#!/usr/bin/env python3
# bench-import.py: imports a Rise-style SCORM 1.2 export holding 50 MB of media
# (the 1.2 quiz course of ../shared/fixtures/rise, with its 70-odd audio and video
# files grown to that size) and compares it with `unzip -q` of the same package,
# in the same run.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: bench-import.py HELDER_CLI [MEGABYTES]
# Targets (issue 21): <= 2 s and <= 100 MB peak RSS for 50 MB of media.

import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import run  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, '..', '..', '..', 'shared', 'fixtures', 'rise',
                       'scorm12-quiz-course.json')
MAKE = os.path.join(HERE, '..', 'tools', 'make-rise-package.py')
MEDIA_FILES = 72  # the audio and video files the quiz course names


def main():
    cli = sys.argv[1]
    megabytes = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    if shutil.which('unzip') is None:
        print('SKIP: unzip is not installed (apt-get install unzip)')
        return 77
    work = tempfile.mkdtemp(prefix='helder-bench-import-')
    try:
        package = os.path.join(work, 'rise.zip')
        subprocess.run([sys.executable, MAKE, FIXTURE, package, '--generation', '3',
                        '--media-bytes', str(megabytes * 1024 * 1024 // MEDIA_FILES)], check=True)
        ours, rss = run([cli, 'import', package, '-o', os.path.join(work, 'course')])
        peer, peer_rss = run(['unzip', '-q', package, '-d', os.path.join(work, 'peer')])
        media = sum(os.path.getsize(os.path.join(work, 'course', 'media', f))
                    for f in os.listdir(os.path.join(work, 'course', 'media')))
        print('import of a Rise SCORM 1.2 export with %.1f MB of media' % (media / 2**20))
        print('  helder-cli import: %.2f s, peak RSS %.1f MB' % (ours, rss / 1024))
        print('  unzip -q (peer):   %.2f s, peak RSS %.1f MB' % (peer, peer_rss / 1024))
        print('  time %.2f s (target <= 2), peak RSS %.1f MB (target <= 100)' % (ours, rss / 1024))
        return 0 if ours <= 2.0 and rss <= 100 * 1024 else 1
    finally:
        shutil.rmtree(work)


if __name__ == '__main__':
    sys.exit(main())
