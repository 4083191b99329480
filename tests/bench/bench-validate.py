#!/usr/bin/env python3
# bench-validate.py: validates a page whose one block value is continued
# over many lines, against the same text as separate paragraphs (the
# peer, parsed in linear time), in the same run. A value that is copied
# whole for each line it gets makes the first grow with the square of the
# lines (issue 14, finding 8: 26 s for 20,000 lines).
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: bench-validate.py HELDER_CLI [LINES]
# Target: the continued value takes at most 3 x the peer.

import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import timed  # noqa: E402

LINE = 'Dit is een regel van een lange tekst over het werk met AI in de gemeente.'


def make_course(root, body):
    os.makedirs(os.path.join(root, 'm'))
    with open(os.path.join(root, 'course.json'), 'w') as f:
        json.dump({'format': 1, 'id': 'bench', 'title': 'Benchmark', 'language': 'nl',
                   'modules': ['m']}, f)
    with open(os.path.join(root, 'm', 'module.json'), 'w') as f:
        json.dump({'title': 'Lang', 'pages': ['p.md']}, f)
    with open(os.path.join(root, 'm', 'p.md'), 'w') as f:
        f.write('# Lang\n\n' + body)


def main():
    cli = sys.argv[1]
    lines = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
    work = tempfile.mkdtemp(prefix='helder-bench-')
    try:
        continued = os.path.join(work, 'continued')
        paragraphs = os.path.join(work, 'paragraphs')
        make_course(continued, '```accordion\n- title: Lang\n  text: ' + LINE + '\n' +
                    ''.join('    %s\n' % LINE for _ in range(lines)) + '```\n')
        make_course(paragraphs, ''.join('%s\n\n' % LINE for _ in range(lines)))
        ours = timed([cli, 'validate', continued])
        peer = timed([cli, 'validate', paragraphs])
        ratio = ours / peer
        print('validate, %d lines of text' % lines)
        print('  one block value continued over every line: %.2f s' % ours)
        print('  the same lines as paragraphs (peer):       %.2f s' % peer)
        print('  ratio %.2f (target <= 3)' % ratio)
        return 0 if ratio <= 3 else 1
    finally:
        shutil.rmtree(work)


if __name__ == '__main__':
    sys.exit(main())
