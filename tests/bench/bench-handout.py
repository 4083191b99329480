#!/usr/bin/env python3
# bench-handout.py: the PDF handout of the whole sample course, beside the way a
# browser-based tool makes one: Chromium printing the web export to PDF, in the
# same run.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: bench-handout.py HELDER_CLI COURSE
# Target (issue 22): the whole sample course in <= 2 s (release build).

import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import run  # noqa: E402

CHROMIUM = '/usr/bin/chromium'
FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync']


def main():
    cli, course = sys.argv[1], sys.argv[2]
    work = tempfile.mkdtemp(prefix='helder-bench-handout-')
    try:
        pdf = os.path.join(work, 'handout.pdf')
        ours, rss = run([cli, 'export', course, '--format', 'pdf', '-o', pdf])
        print('PDF handout of the whole course (%s)' % os.path.basename(course.rstrip('/')))
        print('  helder-cli export --format pdf: %.2f s, peak RSS %.1f MB, %.0f kB'
              % (ours, rss / 1024, os.path.getsize(pdf) / 1024))
        if os.path.exists(CHROMIUM):
            web = os.path.join(work, 'web.zip')
            subprocess.run([cli, 'export', course, '--format', 'web', '--course', '--force',
                            '-o', web], check=True, capture_output=True)
            subprocess.run(['unzip', '-q', web, '-d', os.path.join(work, 'web')], check=True)
            peer_pdf = os.path.join(work, 'chromium.pdf')
            peer, peer_rss = run([CHROMIUM, *FLAGS, '--user-data-dir=' + os.path.join(work, 'profile'),
                                  '--print-to-pdf=' + peer_pdf, '--no-pdf-header-footer',
                                  'file://' + os.path.join(work, 'web', 'index.html')],
                                 quiet=True)
            print('  chromium --print-to-pdf of the web export (peer): %.2f s, peak RSS %.1f MB '
                  '(browser process only)' % (peer, peer_rss / 1024))
        print('  time %.2f s (target <= 2)' % ours)
        return 0 if ours <= 2.0 else 1
    finally:
        shutil.rmtree(work)


if __name__ == '__main__':
    sys.exit(main())
