#!/usr/bin/python3
"""Layering test: no stage of libvnreport includes a header of a stage above it.

Every file under libvnreport/<stage>/ belongs to that stage. Each
`#include "..."` it has is resolved the way the build resolves it (the
including file's own folder first, then every stage folder, then the public
include/ tree) and the stage of the header found is compared with the
stage of the includer: a stage may include its own headers, the headers of
the stages below it and the public headers (include/vnreport/), never a
header of a stage above it. The order is declared once, in LAYERS.

A folder under libvnreport/ that is not in LAYERS fails too (a new stage
must be placed in the order), and so does a header name found in two stage
folders (the include path would pick one silently) or one not found at all.

    layering.py [--root DIR]   check the tree (default: this checkout)
    layering.py --self-test    check that a bad include in a temporary tree fails
"""

import argparse
import os
import re
import sys
import tempfile

# Bottom to top. base: UTF-8, buffers, offsets, errors; units stands apart
# from the text stages and only needs base; decode turns bytes into UTF-8,
# normalize cleans it, segment cuts it (and finds tables), the lexer makes
# tokens, period reads period phrases, metadata reads the header area with
# segment and period, recognize makes records, keys names them, document
# runs the pipeline behind the public API, and the CLI sits on top.
LAYERS = ["base", "units", "decode", "normalize", "segment", "lexer", "period",
          "metadata", "recognize", "keys", "document", "cli"]

# The public headers (include/vnreport/) may be used by every stage.
PUBLIC = "include"

INCLUDE_RE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.MULTILINE)
SOURCE_EXTS = (".c", ".h")


def rank(stage):
    return -1 if stage == PUBLIC else LAYERS.index(stage)


def index_headers(root):
    """Map each includable file name (headers and .def tables) to the stages
    whose folder holds it."""
    where = {}
    lib = os.path.join(root, "libvnreport")
    for stage in sorted(os.listdir(lib)):
        folder = os.path.join(lib, stage)
        if not os.path.isdir(folder):
            continue
        for name in os.listdir(folder):
            if os.path.isfile(os.path.join(folder, name)):
                where.setdefault(name, []).append(stage)
    return where


def resolve(root, stage, name, where):
    """Stage of the file that `#include "name"` in `stage` names, or an
    error message."""
    lib = os.path.join(root, "libvnreport")
    if os.path.isfile(os.path.join(lib, stage, name)):
        return stage, None
    if name.startswith("vnreport/") and (
            os.path.isfile(os.path.join(root, PUBLIC, name)) or
            os.path.isfile(os.path.join(root, PUBLIC, name + ".in"))):
        return PUBLIC, None   # a public header (vnr-version.h is generated)
    stages = where.get(name, [])
    if len(stages) > 1:
        return None, "found in several stages (%s)" % ", ".join(stages)
    if not stages:
        return None, "not found in any stage folder or include/"
    return stages[0], None


def check(root):
    """Problems of the tree at root, one line each."""
    problems = []
    lib = os.path.join(root, "libvnreport")
    where = index_headers(root)
    for stage in sorted(os.listdir(lib)):
        folder = os.path.join(lib, stage)
        if not os.path.isdir(folder):
            continue
        if stage not in LAYERS:
            problems.append("libvnreport/%s/: a folder that is not a declared layer "
                            "(add it to LAYERS in tests/arch/layering.py)" % stage)
            continue
        for dirpath, _, files in os.walk(folder):
            for name in sorted(files):
                if name.endswith(SOURCE_EXTS):
                    problems += check_file(root, stage, os.path.join(dirpath, name), where)
    return problems


def check_file(root, stage, path, where):
    rel = os.path.relpath(path, root)
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    problems = []
    for m in INCLUDE_RE.finditer(text):
        name = m.group(1)
        line = text.count("\n", 0, m.start()) + 1
        target, error = resolve(root, stage, name, where)
        if error:
            problems.append('%s:%d: #include "%s": %s' % (rel, line, name, error))
        elif rank(target) > rank(stage):
            problems.append('%s:%d: stage %s includes "%s" of stage %s, which is above it '
                            '(order: %s)' % (rel, line, stage, name, target, " < ".join(LAYERS)))
    return problems


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def self_test():
    """A temporary tree: clean, it passes; with base including segment.h, a
    stray folder, an ambiguous and a missing header, each is reported."""
    failures = []
    with tempfile.TemporaryDirectory(prefix="vnr-layering-") as root:
        write(os.path.join(root, "include/vnreport/vnreport.h"), "")
        write(os.path.join(root, "libvnreport/base/buf.h"), '#include "vnreport/vnreport.h"\n')
        write(os.path.join(root, "libvnreport/segment/segment.h"), '#include "buf.h"\n')
        write(os.path.join(root, "libvnreport/segment/segment.c"),
              '#include "segment.h"\n#include "buf.h"\n')
        if check(root):
            failures.append("a clean tree fails: %s" % check(root))
        write(os.path.join(root, "libvnreport/base/bad.c"), '#include "buf.h"\n#include "segment.h"\n')
        problems = check(root)
        if not any("libvnreport/base/bad.c:2" in p and "above" in p for p in problems):
            failures.append("base including segment.h passes: %s" % problems)
        os.remove(os.path.join(root, "libvnreport/base/bad.c"))
        write(os.path.join(root, "libvnreport/extra/x.c"), "")
        if not any("libvnreport/extra/" in p for p in check(root)):
            failures.append("an undeclared stage folder passes")
        os.remove(os.path.join(root, "libvnreport/extra/x.c"))
        os.rmdir(os.path.join(root, "libvnreport/extra"))
        write(os.path.join(root, "libvnreport/units/buf.h"), "")
        write(os.path.join(root, "libvnreport/document/d.c"), '#include "buf.h"\n#include "nope.h"\n')
        problems = check(root)
        if not any("d.c:1" in p and "several stages" in p for p in problems):
            failures.append("a header name in two stages passes: %s" % problems)
        if not any("d.c:2" in p and "not found" in p for p in problems):
            failures.append("a missing header passes: %s" % problems)
    for f in failures:
        print("self-test FAIL:", f)
    print("self-test: %s" % ("failed" if failures else "ok"))
    return 1 if failures else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", default=os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__)))), help="the source tree (default: this checkout)")
    ap.add_argument("--self-test", action="store_true",
                    help="check that the test catches a bad include in a temporary tree")
    args = ap.parse_args()
    if args.self_test:
        return self_test()
    problems = check(args.root)
    for p in problems:
        print(p)
    print("layering: %d problem(s); order %s" % (len(problems), " < ".join(LAYERS)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
