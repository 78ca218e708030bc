#!/usr/bin/env python3
"""No string or character literal in the C files of the word-reading
stages (recognize, period, metadata, segment, lexer) holds a non-ASCII
byte: their Vietnamese words live in .def tables (docs/architecture.md,
"Architecture tests"). Comments may say anything.

usage: no_vietnamese_literals.py [--exclude-dir DIR]... [ROOT]
       no_vietnamese_literals.py --self-test

ROOT is the libvnreport folder (default: the one next to tests/). Each
offending literal is listed as file:line: literal, and the exit status is
1. A byte written as an escape (\\xE1, \\341, \\u1EA1) counts like the byte
itself. --exclude-dir skips a folder relative to ROOT (for a stage being
rewritten right now; the flag goes when it is done).
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import csource  # noqa: E402

STAGES = ['recognize', 'period', 'metadata', 'segment', 'lexer']


def bad_literals(data):
    """The literals of C source data (bytes) that hold a non-ASCII byte."""
    _, literals = csource.scan(data)
    return [lit for lit in literals if lit.non_ascii()]


def check(root, exclude):
    files = csource.c_files(root, STAGES, exclude)
    if not files:
        print('no_vietnamese_literals: no .c files under %s' % root)
        return 1
    bad = 0
    n_lits = 0
    for path in files:
        with open(path, 'rb') as f:
            data = f.read()
        rel = os.path.relpath(path, os.path.dirname(root))
        try:
            _, literals = csource.scan(data)
        except csource.ScanError as e:
            print('%s: cannot scan: %s' % (rel, e))
            bad += 1
            continue
        n_lits += len(literals)
        for lit in literals:
            if lit.non_ascii():
                print('%s:%d: %s' % (rel, lit.line, lit.text()))
                bad += 1
    if bad:
        print('no_vietnamese_literals: %d problem(s) in %d files; put the words in a .def table'
              % (bad, len(files)))
        return 1
    print('no_vietnamese_literals: %d literals in %d files, all ASCII' % (n_lits, len(files)))
    return 0


def self_test():
    cases = [
        # (name, source, expected literal texts reported)
        ('ASCII literals pass', 'const char *s = "so: %d";\nchar c = \'x\';\n', []),
        ('a Vietnamese string fails', 'const char *s = "tỉnh ";\n', ['"tỉnh "']),
        ('a Vietnamese char literal fails', "int c = 'đ';\n", ["'đ'"]),
        ('comments may hold Vietnamese',
         '/* "Nơi nhận" opens the block */\n// "tỉnh X" first\nint x = 1;\n', []),
        ('a quote in a comment opens no literal',
         '// don\'t "count\nconst char *s = "ok";\n/* it\'s */\n', []),
        ('an escaped quote does not end a literal',
         'const char *s = "a\\"ư";\nconst char *t = "\\\\";\nconst char *u = "b";\n',
         ['"a\\"ư"']),
        ('a char literal of a quote', 'char q = \'"\';\nconst char *s = "năm";\n', ['"năm"']),
        ('hex, octal and universal escapes count',
         'const char *a = "\\xe1\\xba\\xa1";\nconst char *b = "\\341";\n'
         'const char *c = "\\u1EA1";\nconst char *d = "\\x41\\101\\n";\n',
         ['"\\xe1\\xba\\xa1"', '"\\341"', '"\\u1EA1"']),
        ('comment markers inside a string are text',
         'const char *s = "/* ";\nconst char *t = "năm";\nconst char *u = " */";\n',
         ['"năm"']),
    ]
    failed = 0
    for name, src, expected in cases:
        got = [lit.text() for lit in bad_literals(src.encode('utf-8'))]
        if got != expected:
            print('self-test FAILED: %s: expected %s, got %s' % (name, expected, got))
            failed += 1
    # the command: a stage folder is read, another folder and an excluded one are not
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        root = os.path.join(tmp, 'lib')
        for d in ('segment', 'recognize', 'decode'):
            os.makedirs(os.path.join(root, d))
        with open(os.path.join(root, 'segment', 'a.c'), 'w') as f:
            f.write('static const char *p = "phu luc";\n')
        with open(os.path.join(root, 'decode', 'b.c'), 'w') as f:
            f.write('static const char *p = "Đ";\n')   # not a word-reading stage
        with open(os.path.join(root, 'recognize', 'c.c'), 'w') as f:
            f.write('static const char *p = "tăng";\n')
        with csource.quiet():
            whole = check(root, [])
            excluded = check(root, ['recognize'])
        if whole != 1 or excluded != 0:
            print('self-test FAILED: tree check gave %d (want 1), with --exclude-dir %d (want 0)'
                  % (whole, excluded))
            failed += 1
    if failed:
        return 1
    print('no_vietnamese_literals self-test: %d cases passed' % (len(cases) + 1))
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('root', nargs='?',
                    default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                         '..', '..', 'libvnreport'))
    ap.add_argument('--exclude-dir', action='append', default=[],
                    help='folder relative to ROOT to skip (repeatable)')
    ap.add_argument('--self-test', action='store_true',
                    help='run the checker on synthetic inputs that must pass or fail')
    args = ap.parse_args()
    if args.self_test:
        return self_test()
    return check(os.path.normpath(args.root), args.exclude_dir)


if __name__ == '__main__':
    sys.exit(main())
