#!/usr/bin/env python3
# bench-check.py: `helder-cli check --json` of a course of 800 and of 3200
# one-page modules, with an ignored.json, against `helder-cli validate` of
# the same courses (the peer, linear) in the same run. Scoring each module
# by walking the whole course, or looking up each finding's page by
# walking all pages, made check grow with the square of the modules
# (issue 14, finding 8: 6 s for 3200 modules).
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: bench-check.py HELDER_CLI
# Target: four times the modules takes at most 6 x the time (16 x when
# quadratic).

import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import timed  # noqa: E402

PAGE = '# Welkom\n\nDit is een korte tekst. Je leest hier over het werk.\n'


def make_course(root, n_modules):
    modules = ['m%05d' % i for i in range(n_modules)]
    os.makedirs(root)
    with open(os.path.join(root, 'course.json'), 'w') as f:
        json.dump({'format': 1, 'id': 'bench', 'title': 'Benchmark', 'language': 'nl',
                   'modules': modules}, f)
    with open(os.path.join(root, 'ignored.json'), 'w') as f:
        json.dump({'ignored': [{'file': 'm00000/p.md', 'rule': 'spelling',
                                'text': 'Welkom'}]}, f)
    for module in modules:
        os.makedirs(os.path.join(root, module))
        with open(os.path.join(root, module, 'module.json'), 'w') as f:
            json.dump({'title': 'Module ' + module, 'minutes': 5, 'pages': ['p.md']}, f)
        with open(os.path.join(root, module, 'p.md'), 'w') as f:
            f.write(PAGE)


def main():
    cli = sys.argv[1]
    work = tempfile.mkdtemp(prefix='helder-bench-')
    try:
        figures = {}
        for n in (800, 3200):
            course = os.path.join(work, str(n))
            make_course(course, n)
            figures[n] = (timed([cli, 'check', '--json', course]),
                          timed([cli, 'validate', course]))
        ours = figures[3200][0] / figures[800][0]
        peer = figures[3200][1] / figures[800][1]
        print('check --json of a course of one-page modules, with ignored.json')
        for n, (check, validate) in figures.items():
            print('  %4d modules: check %.2f s, validate (peer) %.2f s' % (n, check, validate))
        print('  3200 / 800 modules: check %.2f x, validate %.2f x (target <= 6; '
              'quadratic is 16)' % (ours, peer))
        return 0 if ours <= 6 else 1
    finally:
        shutil.rmtree(work)


if __name__ == '__main__':
    sys.exit(main())
