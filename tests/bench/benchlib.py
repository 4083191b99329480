# SPDX-License-Identifier: GPL-3.0-or-later
"""What the benchmarks share: timing a child process and reading its peak memory."""

import subprocess
import sys
import time


def run(command, cwd=None, quiet=False):
    """Wall time and peak RSS (kB) of one child process.

    The peak is the kernel's high-water mark (VmHWM) of the child itself,
    read while it runs: ru_maxrss would also count this Python process,
    whose memory the child inherits until it calls exec.
    """
    start = time.monotonic()
    output = subprocess.DEVNULL if quiet else None
    child = subprocess.Popen(command, cwd=cwd, stdout=output, stderr=output)
    peak = 0
    while child.poll() is None:
        try:
            with open('/proc/%d/status' % child.pid) as f:
                for line in f:
                    if line.startswith('VmHWM:'):
                        peak = max(peak, int(line.split()[1]))
        except (FileNotFoundError, ProcessLookupError, ValueError):
            pass
        time.sleep(0.005)
    elapsed = time.monotonic() - start
    if child.returncode != 0:
        sys.exit('%s failed' % ' '.join(command))
    return elapsed, peak


def timed(command):
    """Wall time of one `helder-cli` run that may report findings (exit 0
    or 1); exits on any other status."""
    start = time.monotonic()
    proc = subprocess.run(command, capture_output=True)
    if proc.returncode not in (0, 1):
        sys.exit('%s failed: %s' % (' '.join(command), proc.stderr.decode()[-500:]))
    return time.monotonic() - start
