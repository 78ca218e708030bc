#!/usr/bin/env python3
"""The documentation checks can fail: feed each one a broken input.

usage: check-detects.py DOXYGEN DOXYFILE VNREPORT PAGE.1 PAGE.3 HEADER...

- check-doxygen.py on a copy of the headers where one function lost its
  @param, one its ownership words, and a new function has no comment;
- check-man.py on a page that calls an undefined macro;
- check-man-coverage.py on copies of the pages where an option of the CLI,
  a public function and a status code were deleted, and a function that does
  not exist was added.

Each must exit 1 and name the culprit. Exits 77 when doxygen or groff is
missing (the checks themselves skip then).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def run(script, args):
    p = subprocess.run([sys.executable, os.path.join(HERE, script)] + args,
                       capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def expect(name, result, phrases):
    status, out = result
    ok = status == 1 and all(p in out for p in phrases)
    print(f"{'ok  ' if ok else 'FAIL'} {name}: exit {status} (want 1, {phrases})")
    if not ok:
        print("     " + out.replace("\n", "\n     "))
    return ok


def edit(text, old, new):
    if old not in text:
        raise SystemExit(f"FAIL: cannot find {old!r} to edit: update this test")
    return text.replace(old, new, 1)


def broken_headers(headers, tmp):
    """Copies of the headers with two documentation faults in vnr-units.h."""
    out = []
    for path in headers:
        text = open(path, encoding="utf-8").read()
        if os.path.basename(path) == "vnr-units.h":
            text = edit(text, " * @param n number of values; 0 is allowed.\n", "")
            text = edit(text, "VNR_END_DECLS", "VNR_API int vnr_undocumented(int x);\n\nVNR_END_DECLS")
        copy = os.path.join(tmp, "include", os.path.basename(path))
        os.makedirs(os.path.dirname(copy), exist_ok=True)
        with open(copy, "w", encoding="utf-8") as f:
            f.write(text)
        out.append(copy)
    return out


def check_doxygen(doxygen, doxyfile, headers, tmp):
    copies = broken_headers(headers, tmp)
    conf = open(doxyfile, encoding="utf-8").read()
    conf = re.sub(r"^INPUT\s*=.*?(?=^\S)", "INPUT = " + " ".join(copies) + "\n", conf,
                  flags=re.M | re.S)
    conf = re.sub(r"^OUTPUT_DIRECTORY\s*=.*$", "OUTPUT_DIRECTORY = " + os.path.join(tmp, "api"),
                  conf, flags=re.M)
    broken_conf = os.path.join(tmp, "Doxyfile")
    with open(broken_conf, "w", encoding="utf-8") as f:
        f.write(conf)
    ok = expect("doxygen: missing @param and undocumented function",
                run("check-doxygen.py", [doxygen, broken_conf] + copies),
                ["parameter 'n'", "vnr_undocumented", "doxygen exited"])
    return ok


def check_ownership(headers, tmp):
    """check-doxygen.py's ownership rule, on an otherwise valid reference."""
    # The first step of check-doxygen.py (Doxygen) is replaced by `true` so
    # that only the ownership rule can fail: give it an index that lists
    # every function, as a successful Doxygen run would.
    units = next(h for h in headers if os.path.basename(h) == "vnr-units.h")
    text = edit(open(units, encoding="utf-8").read(),
                " * @param conv borrowed; may be NULL.\n * @return the factor",
                " * @param conv may be NULL.\n * @return the factor")
    copy = os.path.join(tmp, "own", "vnr-units.h")
    os.makedirs(os.path.dirname(copy), exist_ok=True)
    with open(copy, "w", encoding="utf-8") as f:
        f.write(text)
    html = os.path.join(tmp, "own", "html")
    os.makedirs(html, exist_ok=True)
    names = re.findall(r"VNR_API[^;(]*?\b(vnr_\w+)\s*\(", text)
    with open(os.path.join(html, "globals_func.html"), "w", encoding="utf-8") as f:
        f.write("".join(f"<li>{n}()&#160;</li>\n" for n in names))
    conf = os.path.join(tmp, "own", "Doxyfile")
    with open(conf, "w", encoding="utf-8") as f:
        f.write(f"OUTPUT_DIRECTORY = {os.path.join(tmp, 'own')}\nHTML_OUTPUT = html\n")
    return expect("ownership: a pointer parameter without an owner",
                  run("check-doxygen.py", [shutil.which("true"), conf, copy]),
                  ["vnr_converter_factor: @param conv does not say who owns it"])


def check_man_render(tmp):
    page = os.path.join(tmp, "broken.1")
    with open(page, "w", encoding="utf-8") as f:
        f.write('.TH BROKEN 1 2026-01-01 "x" "y"\n.SH NAME\nbroken \\- a page\n'
                ".SH DESCRIPTION\n.XY not a macro\n")
    return expect("man: undefined macro", run("check-man.py", [page]), ["XY"])


def check_man_coverage(cli, page1, page3, headers, tmp):
    text1 = open(page1, encoding="utf-8").read()
    edit(text1, "\\-\\-region", "")  # (only checks it is there)
    text1 = text1.replace("\\-\\-region", "\\-\\-place")  # every mention renamed
    text3 = open(page3, encoding="utf-8").read()
    text3 = edit(text3, ".BR vnr_unit_registry_is_user ()\n", "")
    text3 = edit(text3, ".B VNR_E_NO_RATE\n", "")
    text3 = edit(text3, ".BR vnr_unit_compatible ()\n",
                 ".BR vnr_unit_compatible ()\n.TQ\n.BR vnr_unit_equal ()\n")
    broken1, broken3 = os.path.join(tmp, "vnreport.1"), os.path.join(tmp, "libvnreport.3")
    for path, text in ((broken1, text1), (broken3, text3)):
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    return expect("man coverage: option, function, status code, stale name",
                  run("check-man-coverage.py", [cli, broken1, broken3] + headers),
                  ["'--region' (announced by the CLI) is not documented",
                   "'--place' is not an option the CLI announces",
                   "vnr_unit_registry_is_user is not listed",
                   "VNR_E_NO_RATE is not listed",
                   "vnr_unit_equal() is not a public function"])


def main(argv):
    if len(argv) < 7:
        print(__doc__, file=sys.stderr)
        return 2
    doxygen, doxyfile, cli = argv[1:4]
    page1 = next(a for a in argv[4:] if a.endswith(".1"))
    page3 = next(a for a in argv[4:] if a.endswith(".3"))
    headers = [a for a in argv[4:] if a.endswith(".h") or a.endswith(".h.in")]
    if not doxygen or not shutil.which("groff"):
        print("SKIP: doxygen or groff not found")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        results = [
            check_doxygen(doxygen, doxyfile, headers, os.path.join(tmp, "dox")),
            check_ownership(headers, tmp),
            check_man_render(tmp),
            check_man_coverage(cli, page1, page3, headers, tmp),
        ]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
