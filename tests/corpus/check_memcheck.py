#!/usr/bin/env python3
"""valgrind memcheck on the CLI: `vnreport extract` and `vnreport audit` over
every input given must report no error and no leak (blocks still reachable
at exit are not leaks: poppler, glib and pixman keep their own from load time).

usage: check_memcheck.py VNREPORT FILE...
Exits 77 (skipped) when valgrind is not installed or no input exists."""
import os
import shutil
import subprocess
import sys


def main(argv):
    cli, files = argv[1], [f for f in argv[2:] if os.path.exists(f)]
    valgrind = shutil.which("valgrind")
    if not valgrind or not files:
        print("valgrind or inputs missing: skipped")
        return 77
    failed = 0
    for command in (["extract", "--format", "jsonl"], ["audit"]):
        for f in files:
            r = subprocess.run([valgrind, "--quiet", "--leak-check=full", "--show-leak-kinds=definite,indirect,possible",
                                "--errors-for-leak-kinds=definite,indirect,possible", "--error-exitcode=99",
                                cli] + command + [f],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            ok = r.returncode == 0
            print("%s %s %s" % ("ok  " if ok else "FAIL", command[0], os.path.basename(f)))
            if not ok:
                failed += 1
                print(r.stderr[-4000:])
    print("memcheck: %d runs, %d failed" % (2 * len(files), failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
