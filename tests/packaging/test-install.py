#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Installs Helder into a temporary prefix and checks that it works there.

  test-install.py SOURCE_ROOT

Configures a second build of SOURCE_ROOT with --prefix set to a temporary
folder (translations are looked up in the prefix compiled into the
binaries, so `meson install --destdir` would not show whether they are
found), builds only what gets installed, installs, and checks:

- helder-cli --version and helder --version run from the prefix;
- the desktop file, metainfo, both icons and the compiled schema are in place;
- under LANGUAGE=nl, `helder-cli --help` and `helder --help` show the Dutch
  strings from the installed catalogue.
"""

import gettext
import json
import os
import subprocess
import sys
import tempfile

APP_ID = 'io.github.helderapp.Helder'
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print('FAIL: ' + message)


def run(args, env=None, **kwargs):
    return subprocess.run(args, env=env, capture_output=True, text=True, **kwargs)


def dutch_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith('LC_')}
    # C.UTF-8 is always present on glibc systems; LANGUAGE chooses the
    # catalogue (glibc ignores LANGUAGE only in the plain "C" locale).
    env.update(LANG='C.UTF-8', LANGUAGE='nl')
    env.pop('DISPLAY', None)
    env.pop('WAYLAND_DISPLAY', None)
    return env


def main():
    source = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix='helder-install-') as tmp:
        build = os.path.join(tmp, 'build')
        prefix = os.path.join(tmp, 'prefix')
        setup = run(['meson', 'setup', '--prefix', prefix, '--libdir', 'lib',
                     '--wrap-mode=nodownload', build, source])
        if setup.returncode != 0:
            print(setup.stdout + setup.stderr)
            return 1

        # Build only the installed targets, not the test programs.
        targets = json.loads(run(['meson', 'introspect', '--targets', build],
                                 check=True).stdout)
        installed = [os.path.relpath(f, build)
                     for t in targets if t['installed'] for f in t['filename']]
        ninja = run(['ninja', '-C', build, '-j2'] + installed)
        if ninja.returncode != 0:
            print(ninja.stdout + ninja.stderr)
            return 1
        install = run(['meson', 'install', '-C', build, '--no-rebuild', '--quiet'])
        if install.returncode != 0:
            print(install.stdout + install.stderr)
            return 1

        bindir = os.path.join(prefix, 'bin')
        datadir = os.path.join(prefix, 'share')

        for program in ('helder-cli', 'helder'):
            version = run([os.path.join(bindir, program), '--version'], env=dutch_env())
            print(f'{program} --version: {version.stdout.strip()}')
            check(version.returncode == 0 and version.stdout.startswith(f'{program} '),
                  f'{program} --version failed: rc={version.returncode} {version.stderr}')

        for path in (f'applications/{APP_ID}.desktop',
                     f'metainfo/{APP_ID}.metainfo.xml',
                     f'icons/hicolor/scalable/apps/{APP_ID}.svg',
                     f'icons/hicolor/symbolic/apps/{APP_ID}-symbolic.svg',
                     f'glib-2.0/schemas/{APP_ID}.gschema.xml',
                     'glib-2.0/schemas/gschemas.compiled',
                     'locale/nl/LC_MESSAGES/helder.mo'):
            check(os.path.isfile(os.path.join(datadir, path)), f'{path} is not installed')

        keys = run(['gsettings', '--schemadir', os.path.join(datadir, 'glib-2.0', 'schemas'),
                    'list-keys', APP_ID])
        check(keys.returncode == 0 and 'window-width' in keys.stdout.split(),
              f'the installed compiled schema has no {APP_ID} window-width key: {keys.stderr}')

        with open(os.path.join(datadir, 'applications', f'{APP_ID}.desktop'),
                  encoding='utf-8') as f:
            check('Comment[nl]=' in f.read(), 'the installed desktop file has no Dutch comment')
        with open(os.path.join(datadir, 'metainfo', f'{APP_ID}.metainfo.xml'),
                  encoding='utf-8') as f:
            check('<summary xml:lang="nl">' in f.read(),
                  'the installed metainfo has no Dutch summary')

        catalogue = gettext.translation('helder', os.path.join(datadir, 'locale'), ['nl'])
        for program, english in (('helder-cli', 'Usage: helder-cli COMMAND [OPTION…] COURSE'),
                                 ('helder', 'Show the version'),
                                 ('helder', '[COURSE]')):
            dutch = catalogue.gettext(english)
            check(dutch != english, f'the catalogue has no Dutch for “{english}”')
            shown = run([os.path.join(bindir, program), '--help'], env=dutch_env())
            print(f'LANGUAGE=nl {program} --help:\n{shown.stdout}')
            check(dutch in shown.stdout and english not in shown.stdout,
                  f'{program} --help under LANGUAGE=nl does not show “{dutch}”')

    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
