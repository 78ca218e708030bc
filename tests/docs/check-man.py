#!/usr/bin/env python3
"""The man pages render without a single groff warning.

usage: check-man.py PAGE...

Each page goes through `groff -K utf8 -Tutf8 -man -ww -z` (UTF-8 input on
a UTF-8 terminal, as man-db reads it; all warnings on; no output): anything
on stderr or a non-zero exit fails. (Without -Tutf8 groff formats for
PostScript, whose fonts lack the Vietnamese letters.) The page must also render to text with its NAME section first, the
form `man -k`/`whatis` index. Exits 77 when groff is not installed.
"""
import re
import shutil
import subprocess
import sys


def main(argv):
    pages = argv[1:]
    if not pages:
        print(__doc__, file=sys.stderr)
        return 2
    groff = shutil.which("groff")
    if not groff:
        print("SKIP: groff not found (Debian: groff-base)")
        return 77
    failures = 0
    for page in pages:
        lint = subprocess.run([groff, "-K", "utf8", "-Tutf8", "-man", "-ww", "-z", page],
                              capture_output=True, text=True)
        text = subprocess.run([groff, "-K", "utf8", "-man", "-Tutf8", "-P-cbou", page],
                              capture_output=True, text=True)
        problems = [line for line in (lint.stdout + lint.stderr).splitlines() if line.strip()]
        if lint.returncode != 0:
            problems.append(f"groff exited {lint.returncode}")
        # whatis reads "NAME\n   page \- description" from the rendered page.
        if not re.search(r"^NAME\n\s+\S+ - \S", text.stdout, re.M):
            problems.append("no 'NAME / page - description' section")
        for p in problems:
            print(f"FAIL: {page}: {p}")
        failures += bool(problems)
        print(f"{page}: {'OK' if not problems else 'FAIL'} "
              f"({len(text.stdout.splitlines())} lines rendered)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
