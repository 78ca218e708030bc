#!/usr/bin/env python3
"""Build the API reference with Doxygen and fail on any warning, then check
that the reference really documents every public function.

usage: check-doxygen.py DOXYGEN DOXYFILE HEADER...

Doxygen (with WARN_AS_ERROR = FAIL_ON_WARNINGS) exits non-zero on any
warning: an undocumented declaration, parameter or return value. It says
nothing, though, about a header that lacks its @file block: with
EXTRACT_ALL = NO the functions of such a file are silently left out. So the
generated index of functions (globals_func.html) must name every function
declared with VNR_API.

Ownership (a project rule Doxygen cannot check): for every pointer a public
function takes or returns, its @param / @return text says who owns it —
one of "borrowed", "owned", "caller's", "receives", "given up", "static".

Exits 77 when Doxygen is not installed.
"""
import os
import re
import subprocess
import sys

COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)
DIRECTIVE = re.compile(r"^[ \t]*#(?:[^\n]*\\\n)*[^\n]*", re.M)


def public_functions(headers):
    names = set()
    for path in headers:
        text = DIRECTIVE.sub(" ", COMMENT.sub(" ", open(path, encoding="utf-8").read()))
        for decl in re.findall(r"\bVNR_API\b([^;{]*)", text):
            names.update(re.findall(r"\b(vnr_\w+)\s*\(", decl)[:1])
    return names


OWNERSHIP = re.compile(r"borrowed|owned|caller's|receives|given up|static", re.I)
DOC_AND_DECL = re.compile(r"/\*\*((?:(?!\*/).)*)\*/\s*VNR_API\s+([^;]*);", re.S)


def ownership_problems(headers):
    """'header: function: param p' for each pointer whose owner goes unsaid."""
    problems = []
    for path in headers:
        for m in DOC_AND_DECL.finditer(open(path, encoding="utf-8").read()):
            doc, decl = m.group(1), " ".join(m.group(2).split())
            name = re.search(r"(\w+)\s*\(", decl).group(1)
            returns, params = decl[:decl.index(name)], decl[decl.index("(") + 1:decl.rindex(")")]
            tags = re.split(r"\n\s*\*\s*@", doc)
            unsaid = []
            for param in params.split(","):
                if "*" not in param:
                    continue
                pname = re.search(r"(\w+)\s*$", param.strip()).group(1)
                # "@param p …" or a group "@param from, to …"
                text = [t for t in tags if re.match(r"param\s+(?:\w+\s*,\s*)*%s\b" % pname, t)]
                if not text or not OWNERSHIP.search(text[0]):
                    unsaid.append(f"@param {pname}")
            if "*" in returns:
                text = [t for t in tags if t.startswith("return")]
                if not text or not OWNERSHIP.search(text[0]):
                    unsaid.append("@return")
            problems += [f"{os.path.basename(path)}: {name}: {u} does not say who owns it"
                         for u in unsaid]
    return problems


def output_dir(doxyfile):
    text = open(doxyfile, encoding="utf-8").read()
    out = re.search(r"^OUTPUT_DIRECTORY\s*=\s*(.+?)\s*$", text, re.M).group(1)
    html = re.search(r"^HTML_OUTPUT\s*=\s*(.+?)\s*$", text, re.M).group(1)
    return os.path.join(out, html)


def main(argv):
    if len(argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    doxygen, doxyfile, headers = argv[1], argv[2], argv[3:]
    if not doxygen:
        print("SKIP: doxygen not found (Debian: doxygen)")
        return 77
    p = subprocess.run([doxygen, doxyfile], capture_output=True, text=True)
    messages = (p.stdout + p.stderr).strip()
    if p.returncode != 0 or messages:
        print(messages)
        print(f"FAIL: doxygen exited {p.returncode} with {len(messages.splitlines())} line(s) "
              "of warnings: document what they name (comment text only)")
        return 1

    html = output_dir(doxyfile)
    index = os.path.join(html, "globals_func.html")
    if not os.path.exists(index):
        print(f"FAIL: {index} was not generated: no documented function at all "
              "(does every header have a @file block?)")
        return 1
    documented = set(re.findall(r"<li>(vnr_\w+)\(\)", open(index, encoding="utf-8").read()))
    functions = public_functions(headers)
    missing = sorted(functions - documented)
    for name in missing:
        print(f"FAIL: {name} is missing from the reference (its header lacks a @file block?)")
    unsaid = ownership_problems(headers)
    for problem in unsaid:
        print(f"FAIL: {problem}")
    print(f"doxygen: no warnings; {len(documented & functions)}/{len(functions)} public "
          f"functions in {os.path.relpath(index)}; {len(unsaid)} ownership gaps")
    return 1 if missing or unsaid else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
