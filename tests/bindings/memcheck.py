#!/usr/bin/env python3
"""Run a command under valgrind and fail on the memory errors and definite
leaks that are ours: those whose stack passes through libvnreport, the SWIG
wrappers or the example program. An interpreter (CPython, pandas, Lua) may
leak at exit; that is not for this project to fix, and it is reported but
does not fail the test.

usage: memcheck.py VALGRIND SUPPRESSIONS COMMAND [ARG...]
(used as the exe_wrapper of `meson test --setup memcheck`)
"""
import os
import re
import subprocess
import sys
import tempfile

OURS = re.compile(r"\b(vnr_|vnrb_|_wrap_|SWIG_|Swig|swig_|luaopen_vnreport|PyInit__vnreport)"
                  r"|libvnreport|_vnreport_c|/vnreport\.so|vnreport-summary|\(vnreport\)")
LINE = re.compile(r"^==\d+==(.*)$")


def records(log):
    """Valgrind's error records: runs of ==pid== lines separated by empty ones."""
    block = []
    for line in log.splitlines():
        m = LINE.match(line)
        text = m.group(1).strip() if m else ""
        if text:
            block.append(text)
        elif block:
            yield block
            block = []
    if block:
        yield block


def main(valgrind, suppressions, *command):
    with tempfile.TemporaryDirectory() as tmp:
        log_path = os.path.join(tmp, "valgrind.log")
        run = subprocess.run([valgrind, "--quiet", "--leak-check=full",
                              "--show-leak-kinds=definite", "--num-callers=50",
                              "--suppressions=" + suppressions,
                              "--log-file=" + log_path, *command])
        with open(log_path, encoding="utf-8", errors="replace") as f:
            log = f.read()
    ours, theirs = [], []
    for block in records(log):
        (ours if any(OURS.search(line) for line in block) else theirs).append(block)
    for block in ours:
        print("memcheck: error in libvnreport or its bindings:", file=sys.stderr)
        print("\n".join("    " + line for line in block), file=sys.stderr)
    if theirs:
        print("memcheck: %d valgrind records outside libvnreport (interpreter, "
              "pandas, …) ignored" % len(theirs), file=sys.stderr)
    if ours:
        return 99
    return run.returncode


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
