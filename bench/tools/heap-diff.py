#!/usr/bin/env python3
"""What JAILS jails added to the managed heap between two `dotnet-gcdump report` texts, by type.

Usage: python3 bench/tools/heap-diff.py BEFORE AFTER JAILS [LABEL]
BEFORE and AFTER are report files, or directories whose *.txt reports (one per silo) are summed.
"""
import collections
import glob
import os
import re
import signal
import sys


def reports(path):
    if not os.path.exists(path):
        sys.exit(f"heap-diff.py: {path}: No such file or directory")
    return sorted(glob.glob(os.path.join(path, "*.txt"))) if os.path.isdir(path) else [path]


def load(path):
    size, count = collections.Counter(), collections.Counter()
    for report in reports(path):
        for line in open(report):
            m = re.match(r'\s*([\d,]+)\s+([\d,]+)\s+(.*?)\s+(\(Bytes.*?\)\s+)?\[', line)
            if m:
                bytes_, n = int(m.group(1).replace(',', '')), int(m.group(2).replace(',', ''))
                # Lines without a size class give the size of one object; those with one, the total.
                size[m.group(3)] += bytes_ if m.group(4) else bytes_ * n
                count[m.group(3)] += n
    return size, count


def main(argv):
    # Piped into head, stop quietly when the reader has had enough.
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    if len(argv) not in (4, 5):
        sys.exit(__doc__.strip())
    (b, bc), (a, ac) = load(argv[1]), load(argv[2])
    if not argv[3].isdigit() or int(argv[3]) == 0:
        sys.exit(f"heap-diff.py: JAILS must be a positive number, not '{argv[3]}'")
    jails = int(argv[3])
    label = argv[4] if len(argv) == 5 else ""
    delta = {t: a.get(t, 0) - b.get(t, 0) for t in set(a) | set(b)}
    print(f"managed heap per jail: {sum(delta.values()) / jails / 1024:.1f} KiB ({jails} jails{label})")
    print(f"{'bytes/jail':>10} {'objects/jail':>12}  type")
    for t, v in sorted(delta.items(), key=lambda x: -x[1])[:40]:
        print(f"{v / jails:10.0f} {(ac.get(t, 0) - bc.get(t, 0)) / jails:12.2f}  {t[:110]}")


if __name__ == "__main__":
    main(sys.argv)
