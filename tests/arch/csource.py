"""A small C-aware scanner for the architecture tests (tests/arch/).

Not a C parser: it knows just enough of the lexical grammar to tell code
from comments, string literals and character literals, and to find
function bodies by brace depth (never by where a brace sits on its line).

scan(data) returns the source with every comment and every literal's
contents blanked (newlines kept, so line numbers stay true) plus the list
of literals. functions(data) finds the function definitions at file scope:
a `{` at depth 0 whose declaration ends in `)` and holds no `=`; the
function runs from the first line of its declaration (after the previous
`;`, `}` or preprocessor directive at file scope) to its closing brace.
Preprocessor directives are ignored for brace counting, so a brace in a
#define does not open anything.
"""

import contextlib
import os
import re


@contextlib.contextmanager
def quiet():
    """Silence stdout (a self-test running a checker on its synthetic tree)."""
    with open(os.devnull, 'w') as devnull, contextlib.redirect_stdout(devnull):
        yield


class ScanError(Exception):
    """Input the scanner cannot follow (an unterminated comment or literal,
    unbalanced braces)."""


class Literal:
    """A string or character literal: kind 'string' or 'char', line (1-based)
    and raw, its source bytes from the opening to the closing quote."""

    def __init__(self, kind, line, raw):
        self.kind = kind
        self.line = line
        self.raw = raw

    def text(self):
        return self.raw.decode('utf-8', errors='backslashreplace')

    def non_ascii(self):
        """Does the literal hold a byte >= 0x80, written directly or as an
        escape (\\xNN, \\NNN octal, \\u/\\U)? Escapes count: a word spelled
        in hex is still a word."""
        if any(b >= 0x80 for b in self.raw):
            return True
        body = self.raw.decode('ascii')
        for m in re.finditer(r'\\(x[0-9a-fA-F]+|[0-7]{1,3}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)',
                             body, re.S):
            e = m.group(1)
            if e[0] == 'x' and int(e[1:], 16) >= 0x80:
                return True
            if e[0] in '01234567' and int(e, 8) >= 0x80:
                return True
            if e[0] in 'uU' and int(e[1:], 16) >= 0x80:
                return True
        return False


class Function:
    """A function definition: name, first and last line (1-based,
    inclusive)."""

    def __init__(self, name, start_line, end_line):
        self.name = name
        self.start_line = start_line
        self.end_line = end_line

    @property
    def length(self):
        return self.end_line - self.start_line + 1


def _blank(buf, start, end):
    """Blank buf[start:end] to spaces, keeping its newlines."""
    for k in range(start, end):
        if buf[k] != 0x0A:
            buf[k] = 0x20


def scan(data):
    """(code, literals): data with comments and literal contents blanked,
    and the literals in order. data is bytes."""
    buf = bytearray(data)
    literals = []
    n = len(data)
    i = 0
    line = 1
    while i < n:
        c = data[i]
        if c == 0x0A:
            line += 1
            i += 1
        elif data.startswith(b'//', i):
            j = i
            # a backslash before the newline continues a // comment
            while j < n and not (data[j] == 0x0A and data[j - 1] != 0x5C):
                j += 1
            line += data.count(b'\n', i, j)
            _blank(buf, i, j)
            i = j
        elif data.startswith(b'/*', i):
            j = data.find(b'*/', i + 2)
            if j < 0:
                raise ScanError('line %d: unterminated comment' % line)
            j += 2
            line += data.count(b'\n', i, j)
            _blank(buf, i, j)
            i = j
        elif c in (0x22, 0x27):   # " or '
            quote = c
            j = i + 1
            while j < n and data[j] != quote:
                if data[j] == 0x5C:       # backslash: the next byte is escaped
                    j += 1
                elif data[j] == 0x0A:
                    raise ScanError('line %d: unterminated %s literal'
                                    % (line, 'string' if quote == 0x22 else 'char'))
                j += 1
            if j >= n:
                raise ScanError('line %d: unterminated literal' % line)
            literals.append(Literal('string' if quote == 0x22 else 'char', line,
                                    bytes(data[i:j + 1])))
            line += data.count(b'\n', i, j)   # escaped newlines inside
            _blank(buf, i + 1, j)
            i = j + 1
        else:
            i += 1
    return bytes(buf), literals


def _blank_directives(code):
    """code with every preprocessor directive (and its continuation lines)
    blanked."""
    out = []
    in_directive = False
    for ln in code.split(b'\n'):
        if in_directive or ln.lstrip().startswith(b'#'):
            in_directive = ln.rstrip().endswith(b'\\')
            out.append(b' ' * len(ln))
        else:
            out.append(ln)
    return b'\n'.join(out)


_NOT_NAMES = {b'__attribute__', b'__declspec', b'_Alignas', b'__asm__', b'asm',
              b'sizeof', b'_Alignof', b'__typeof__', b'typeof'}


def _function_name(decl):
    """The declared name: the first identifier right before a '(' that is
    not an attribute or operator keyword."""
    for m in re.finditer(rb'([A-Za-z_][A-Za-z0-9_]*)\s*\(', decl):
        if m.group(1) not in _NOT_NAMES:
            return m.group(1).decode('ascii')
    return '?'


def functions(data):
    """The function definitions at file scope of C source data (bytes)."""
    code, _ = scan(data)
    code = _blank_directives(code)
    result = []
    depth = 0
    paren = 0
    line = 1
    decl_start = None        # offset of the first code byte of the declaration
    body = None              # (name, start line) of the function being read
    for i, c in enumerate(code):
        if c == 0x0A:
            line += 1
            continue
        if c in b' \t\r\f\v':
            continue
        if depth == 0 and decl_start is None:
            decl_start = i
        if c == 0x28:
            paren += 1
        elif c == 0x29:
            paren -= 1
        elif c == 0x7B:      # {
            if depth == 0 and paren == 0:
                decl = code[decl_start:i]
                stripped = decl.rstrip()
                top = _top_level(decl)
                if stripped.endswith(b')') and b'=' not in top:
                    start_line = line - code.count(b'\n', decl_start, i)
                    body = (_function_name(decl), start_line)
            depth += 1
        elif c == 0x7D:      # }
            depth -= 1
            if depth < 0:
                raise ScanError('line %d: unbalanced }' % line)
            if depth == 0:
                if body is not None:
                    result.append(Function(body[0], body[1], line))
                    body = None
                    decl_start = None
        elif c == 0x3B and depth == 0 and paren == 0:   # ;
            decl_start = None
    if depth != 0:
        raise ScanError('end of file inside braces (depth %d)' % depth)
    return result


def _top_level(decl):
    """decl without what its parentheses enclose (a default in a parameter
    list is no C, but `=` inside a macro argument is no initializer)."""
    out = bytearray()
    p = 0
    for c in decl:
        if c == 0x28:
            p += 1
        elif c == 0x29:
            p -= 1
        elif p == 0:
            out.append(c)
    return bytes(out)


def c_files(root, subdirs=None, exclude=()):
    """Sorted paths of the .c files under root (or under root/<d> for d in
    subdirs), skipping the directories named in exclude (relative to root,
    e.g. 'recognize')."""
    excl = {os.path.normpath(e) for e in exclude}
    tops = [root] if subdirs is None else [os.path.join(root, d) for d in subdirs]
    out = []
    for top in tops:
        if not os.path.isdir(top):
            continue
        for dirpath, dirnames, filenames in os.walk(top):
            rel = os.path.normpath(os.path.relpath(dirpath, root))
            if rel in excl:
                dirnames[:] = []
                continue
            dirnames[:] = sorted(d for d in dirnames
                                 if os.path.normpath(os.path.join(rel, d)) not in excl)
            out.extend(os.path.join(dirpath, f) for f in filenames if f.endswith('.c'))
    return sorted(out)
