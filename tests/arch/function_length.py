#!/usr/bin/env python3
"""Every function in the library's C files is at most 80 lines long
(docs/architecture.md, "Architecture tests"), counted from the first line
of its declaration to its closing brace.

usage: function_length.py [--max-lines N] [--exclude-dir DIR]... [ROOT]
       function_length.py --self-test

ROOT is the libvnreport folder (default: the one next to tests/). Every
.c file under it is read with the scanner of csource.py; each function
longer than the limit is listed as file:line: name (N lines), and the exit
status is 1. --exclude-dir skips a folder relative to ROOT (for a stage
being rewritten right now; the flag goes when it is done).
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import csource  # noqa: E402

MAX_LINES = 80


def long_functions(data, max_lines):
    """The functions of C source data (bytes) longer than max_lines."""
    return [f for f in csource.functions(data) if f.length > max_lines]


def check(root, max_lines, exclude):
    bad = 0
    files = csource.c_files(root, exclude=exclude)
    if not files:
        print('function_length: no .c files under %s' % root)
        return 1
    n_funcs = 0
    for path in files:
        with open(path, 'rb') as f:
            data = f.read()
        rel = os.path.relpath(path, os.path.dirname(root))
        try:
            funcs = csource.functions(data)
        except csource.ScanError as e:
            print('%s: cannot scan: %s' % (rel, e))
            bad += 1
            continue
        n_funcs += len(funcs)
        for fn in funcs:
            if fn.length > max_lines:
                print('%s:%d: %s (%d lines, limit %d)'
                      % (rel, fn.start_line, fn.name, fn.length, max_lines))
                bad += 1
    if bad:
        print('function_length: %d problem(s) in %d files (%d functions)'
              % (bad, len(files), n_funcs))
        return 1
    print('function_length: %d functions in %d files, none over %d lines'
          % (n_funcs, len(files), max_lines))
    return 0


def _body(n_lines):
    """A function of exactly n_lines lines (header, brace, statements,
    closing brace)."""
    stmts = ''.join('    x++;\n' for _ in range(n_lines - 3))
    return 'static int f(int x)\n{\n' + stmts + '}\n'


def self_test():
    cases = [
        # (name, source, expected names of long functions with limit 10)
        ('10 lines pass', _body(10), []),
        ('11 lines fail', _body(11), ['f']),
        ('header over several lines counts',
         'static int\nf(int a,\n  int b)\n{\n' + '    a++;\n' * 6 + '}\n', ['f']),
        ('braces in strings, chars and comments do not count',
         'int g(void)\n{\n    const char *s = "}}}";\n    char c = \'}\';\n'
         '    /* } */\n    // }\n    return s[0] + c;\n}\n'
         'int h(void)\n{\n' + '    x();\n' * 8 + '}\n', ['h']),
        ('an escaped quote does not end a literal',
         'int g(void)\n{\n    const char *s = "\\"}";\n    char c = \'\\\'\';\n'
         '    return s[0] + c;\n}\n', []),
        ('a block at column 0 inside a function does not end it',
         'int f(int x)\n{\n    if (x) {\nx++;\n}\n' + '    x++;\n' * 5 + '    return x;\n}\n',
         ['f']),
        ('a closing brace at column 0 in the middle of a function',
         'int f(int x)\n{\n    while (x)\n{\n        x--;\n}\n    x++;\n    x++;\n'
         '    x++;\n    x++;\n    return x;\n}\n', ['f']),
        ('initializers and struct definitions are no functions',
         'static const int t[] = {\n' + '    1,\n' * 20 + '};\n'
         'struct s {\n' + '    int a;\n' * 20 + '};\n'
         'static const struct s v = (struct s){\n' + '    1,\n' * 20 + '};\n', []),
        ('a brace in a #define opens nothing',
         '#define OPEN {\n#define CLOSE }\nint f(void)\n{\n    return 0;\n}\n', []),
        ('the name after an attribute',
         '__attribute__((unused)) static int named(void)\n{\n' + '    x();\n' * 9 + '}\n',
         ['named']),
        ('a comment between functions is not counted',
         'int a(void)\n{\n    return 0;\n}\n/*\n' + ' * text\n' * 20 + ' */\n'
         'int b(void)\n{\n    return 1;\n}\n', []),
    ]
    failed = 0
    for name, src, expected in cases:
        got = [f.name for f in long_functions(src.encode('utf-8'), 10)]
        if got != expected:
            print('self-test FAILED: %s: expected %s, got %s' % (name, expected, got))
            failed += 1
    for name, src in [('unbalanced braces', 'int f(void)\n{\n    {\n}\n'),
                      ('unterminated comment', 'int f(void)\n{\n/* }\n'),
                      ('unterminated string', 'int f(void)\n{\n    "abc\n}\n')]:
        try:
            csource.functions(src.encode('utf-8'))
            print('self-test FAILED: %s: no ScanError' % name)
            failed += 1
        except csource.ScanError:
            pass
    # the command itself: a tree with one long function fails, excluded passes
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, 'lib', 'good'))
        os.makedirs(os.path.join(tmp, 'lib', 'busy'))
        with open(os.path.join(tmp, 'lib', 'good', 'a.c'), 'w') as f:
            f.write(_body(80))
        with open(os.path.join(tmp, 'lib', 'busy', 'b.c'), 'w') as f:
            f.write(_body(81))
        root = os.path.join(tmp, 'lib')
        with csource.quiet():
            whole = check(root, MAX_LINES, [])
            excluded = check(root, MAX_LINES, ['busy'])
        if whole != 1 or excluded != 0:
            print('self-test FAILED: tree check gave %d (want 1), with --exclude-dir %d (want 0)'
                  % (whole, excluded))
            failed += 1
    if failed:
        return 1
    print('function_length self-test: %d cases passed' % (len(cases) + 4))
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('root', nargs='?',
                    default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                         '..', '..', 'libvnreport'))
    ap.add_argument('--max-lines', type=int, default=MAX_LINES)
    ap.add_argument('--exclude-dir', action='append', default=[],
                    help='folder relative to ROOT to skip (repeatable)')
    ap.add_argument('--self-test', action='store_true',
                    help='run the checker on synthetic inputs that must pass or fail')
    args = ap.parse_args()
    if args.self_test:
        return self_test()
    return check(os.path.normpath(args.root), args.max_lines, args.exclude_dir)


if __name__ == '__main__':
    sys.exit(main())
