#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a UI test with a session bus and an X server of its own:
#   ui-session.sh [XVFB-RUN OPTIONS] TEST [TEST ARGUMENTS]
#
# The test's standard output is its TAP, so nothing else may write there.
# The services the bus starts inherit the bus's standard output, and the
# accessibility registry prints "SpiRegistry daemon is running ..." on
# it, which meson reads as an unknown TAP line. The bus and its services
# therefore write to standard error; only the test keeps the real
# standard output (passed down on descriptor 3).
exec 3>&1 1>&2
exec dbus-run-session -- sh -c 'exec xvfb-run "$@" 1>&3 3>&-' ui-session "$@"
