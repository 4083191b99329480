#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest without network access or runtimes.

  check-flatpak-manifest.py rules MANIFEST
      The rules Flathub's linter applies that we can check offline: the GNOME
      runtime, a pinned checksum or commit on every downloaded source, the
      finish-args combinations the linter rejects, no home or host access.
  check-flatpak-manifest.py show-manifest MANIFEST
      Runs `flatpak-builder --show-manifest` with G_DEBUG=fatal-warnings:
      flatpak-builder only warns (and drops the part) on unknown keys,
      source types or wrong value types. Exit 77 (skipped) when
      flatpak-builder is not installed.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print('FAIL: ' + message)


def all_modules(modules):
    for module in modules:
        if isinstance(module, dict):
            yield module
            yield from all_modules(module.get('modules', []))


def check_rules(path):
    with open(path, encoding='utf-8') as f:
        manifest = json.load(f)
    app_id = manifest.get('id') or manifest.get('app-id')
    check(os.path.basename(path) == f'{app_id}.json',
          f'the manifest of {app_id} must be named {app_id}.json')
    check(manifest.get('runtime') == 'org.gnome.Platform' and manifest.get('sdk') == 'org.gnome.Sdk',
          'use the GNOME runtime (org.gnome.Platform / org.gnome.Sdk)')
    check(re.fullmatch(r'\d+', str(manifest.get('runtime-version', ''))) is not None,
          'runtime-version must be a stable GNOME release such as "50", not master or nightly')

    args = manifest.get('finish-args', [])
    check(bool(args), 'finish-args must not be empty')
    sockets = {a.split('=', 1)[1] for a in args if a.startswith('--socket=')}
    check(not ({'x11', 'wayland'} <= sockets), 'do not combine --socket=x11 with --socket=wayland')
    check(not ({'x11', 'fallback-x11'} <= sockets), 'do not combine x11 with fallback-x11')
    check('fallback-x11' not in sockets or 'wayland' in sockets,
          '--socket=fallback-x11 needs --socket=wayland')
    check(not (sockets & {'x11', 'fallback-x11'}) or '--share=ipc' in args,
          'X11 needs --share=ipc')
    check(sockets != {'wayland'}, 'wayland alone: add --socket=fallback-x11 and --share=ipc')
    for arg in args:
        check(not re.match(r'--filesystem=(home|host|~)', arg),
              f'{arg}: Helder opens files through the file chooser portal; no home or host access')
        check(arg not in ('--talk-name=org.freedesktop.Flatpak', '--device=all', '--share=network'),
              f'{arg} is not needed by Helder; remove it')

    for module in all_modules(manifest.get('modules', [])):
        name = module.get('name', '?')
        check(not any('--enable-debug' in o for o in module.get('config-opts', [])),
              f'module {name}: --enable-debug is not allowed')
        for source in module.get('sources', []):
            if isinstance(source, str):
                continue
            kind = source.get('type')
            if kind in ('archive', 'file') and 'url' in source:
                check(re.fullmatch(r'[0-9a-f]{64}', source.get('sha256', '')) is not None,
                      f'module {name}: {source["url"]} needs a sha256 checksum')
                check(source['url'].startswith('https://'),
                      f'module {name}: download {source["url"]} over https')
                check('md5' not in source and 'sha1' not in source,
                      f'module {name}: md5 and sha1 checksums are rejected; use sha256')
            elif kind == 'git':
                check(re.fullmatch(r'[0-9a-f]{40}', source.get('commit', '')) is not None,
                      f'module {name}: git source {source.get("url")} needs a pinned commit')
            elif kind == 'dir':
                # The app itself is built from this checkout; Flathub takes a
                # git source with a commit instead (docs/packaging.md).
                root = os.path.normpath(os.path.join(os.path.dirname(path), source.get('path', '')))
                check(os.path.isfile(os.path.join(root, 'meson.build')),
                      f'module {name}: dir source {root} is not the source tree')

    app_module = manifest.get('modules', [])[-1]
    check(app_module.get('buildsystem') == 'meson' and app_module.get('run-tests') is True,
          'the last module builds the app with meson and runs its tests')


def show_manifest(path):
    program = shutil.which('flatpak-builder')
    if program is None:
        print('flatpak-builder is not installed; skipping')
        return 77
    env = dict(os.environ, G_DEBUG='fatal-warnings')
    # flatpak-builder creates its state folder .flatpak-builder in the
    # working directory; keep that out of the source and build trees.
    with tempfile.TemporaryDirectory() as cwd:
        result = subprocess.run([program, '--show-manifest', os.path.abspath(path)], env=env,
                                cwd=cwd, capture_output=True, text=True)
    check(result.returncode == 0 and result.stderr.strip() == '',
          f'flatpak-builder --show-manifest rejects {path} (rc {result.returncode}):\n'
          + result.stderr)
    if result.returncode == 0:
        shown = json.loads(result.stdout)
        check([m.get('name') for m in shown.get('modules', []) if isinstance(m, dict)]
              == ['cmark', 'libzip', 'dutch-dictionaries', 'helder'],
              'flatpak-builder does not see the modules cmark, libzip, dutch-dictionaries, helder')
    return 0


def main():
    mode, path = sys.argv[1], sys.argv[2]
    if mode == 'show-manifest':
        status = show_manifest(path)
        if status == 77:
            return 77
    else:
        check_rules(path)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
