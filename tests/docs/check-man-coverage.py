#!/usr/bin/env python3
"""The man pages cover the interfaces they document, and name nothing else.

usage: check-man-coverage.py VNREPORT PAGE.1 PAGE.3 HEADER...

vnreport(1): every command and every option the CLI announces — in
`vnreport --help` and in each command's usage message — appears in the
rendered page, and every long option the page shows is one the CLI
announces (no stale option).

libvnreport(3): every function declared with VNR_API and every vnr_status
code appears in the rendered page (the rule: the page lists the whole API
with a line each, the Doxygen reference has the details), and every
vnr_...() the page names exists.
"""
import re
import shutil
import subprocess
import sys

COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)
DIRECTIVE = re.compile(r"^[ \t]*#(?:[^\n]*\\\n)*[^\n]*", re.M)
OPTION = re.compile(r"(?<![\w-])(--?[A-Za-z][\w-]*)")


def render(page):
    """The page as plain text, not hyphenated (-rHY=0), minus signs as '-'."""
    out = subprocess.run(["groff", "-K", "utf8", "-man", "-rHY=0", "-Tutf8", "-P-cbou", page],
                         capture_output=True, text=True, check=True).stdout
    return re.sub("[\u2010\u2011\u2212]", "-", out)


def cli_interface(cli):
    """Commands and options announced by --help and the usage messages."""
    help_text = subprocess.run([cli, "--help"], capture_output=True, text=True,
                               check=True).stdout
    section = help_text.split("commands:", 1)[1].split("options:", 1)[0]
    commands = re.findall(r"^  ([a-z]+)\b", section, re.M)
    texts = [help_text]
    for command in commands:
        # An unknown option makes each command print its usage (or a pointer
        # to --help); either way, what it announces must be documented.
        p = subprocess.run([cli, command, "--no-such-option"], capture_output=True, text=True)
        texts.append(p.stderr.replace("--no-such-option", ""))
    options = set()
    values = set()
    for text in texts:
        options.update(OPTION.findall(text))
        for alternatives in re.findall(r"\b\w+(?:\|\w+)+\b", text):  # jsonl|csv|table
            values.update(alternatives.split("|"))
    return commands, options, values


def public_api(headers):
    functions, statuses = set(), set()
    for path in headers:
        text = DIRECTIVE.sub(" ", COMMENT.sub(" ", open(path, encoding="utf-8").read()))
        for decl in re.findall(r"\bVNR_API\b([^;{]*)", text):
            functions.update(re.findall(r"\b(vnr_\w+)\s*\(", decl)[:1])
        for body in re.findall(r"typedef enum vnr_status\s*\{(.*?)\}", text, re.S):
            statuses.update(re.findall(r"\b(VNR_(?:OK|E_\w+))\b", body))
    return functions, statuses


def has_word(text, word):
    return re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text) is not None


def main(argv):
    if len(argv) < 5:
        print(__doc__, file=sys.stderr)
        return 2
    if not shutil.which("groff"):
        print("SKIP: groff not found (Debian: groff-base)")
        return 77
    cli = argv[1]
    page1 = next(a for a in argv[2:] if a.endswith(".1"))
    page3 = next(a for a in argv[2:] if a.endswith(".3"))
    headers = [a for a in argv[2:] if a.endswith(".h") or a.endswith(".h.in")]
    errors = []

    text1 = render(page1)
    commands, options, values = cli_interface(cli)
    for word in commands + sorted(options) + sorted(values):
        if not has_word(text1, word):
            errors.append(f"vnreport.1: '{word}' (announced by the CLI) is not documented")
    for option in sorted(set(re.findall(r"(?<![\w-])(--[A-Za-z][\w-]*)", text1))):
        if option not in options:
            errors.append(f"vnreport.1: '{option}' is not an option the CLI announces")

    text3 = render(page3)
    functions, statuses = public_api(headers)
    for name in sorted(functions | statuses):
        if not has_word(text3, name):
            errors.append(f"libvnreport.3: {name} is not listed")
    for name in sorted(set(re.findall(r"\b(vnr_\w+)\(", text3)) - functions):
        errors.append(f"libvnreport.3: {name}() is not a public function")

    for e in errors:
        print("FAIL:", e)
    print(f"vnreport.1: {len(commands)} commands, {len(options)} options, {len(values)} values; "
          f"libvnreport.3: {len(functions)} functions, {len(statuses)} status codes: "
          f"{'OK' if not errors else f'{len(errors)} problem(s)'}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
