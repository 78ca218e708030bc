#!/usr/bin/env python3
"""The man pages meson installs: stamped with the project's version, every
input encoding listed in vnreport(1) and libvnreport(3), and one page per
public function that shows libvnreport(3) (`man vnr_parse_file` works).

usage: check-man-install.py VERSION PAGES_DIR HEADER...
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

ENCODINGS_1 = ["utf-8", "utf-16le", "utf-16be", "windows-1258", "tcvn3", "vni", "viscii",
               "TCVN3", "VNI", "VISCII", "Windows-1258"]
ENCODINGS_3 = ["VNR_ENCODING_" + e for e in
               ("AUTO", "UTF8", "UTF16LE", "UTF16BE", "CP1258", "TCVN3", "VNI", "VISCII")]


def render(page, cwd):
    out = subprocess.run(["groff", "-K", "utf8", "-man", "-rHY=0", "-Tutf8", "-P-cbou", page],
                         capture_output=True, text=True, check=True, cwd=cwd).stdout
    return re.sub("[\u2010\u2011\u2212]", "-", out)


def main():
    version, pages, headers = sys.argv[1], sys.argv[2], sys.argv[3:]
    problems = []
    for page in ("vnreport.1", "libvnreport.3"):
        head = open(os.path.join(pages, page), encoding="utf-8").read().split(".TH", 1)[1]
        if '"libvnreport %s"' % version not in head.splitlines()[0]:
            problems.append("%s: .TH does not carry version %s" % (page, version))
    text1 = render(os.path.join(pages, "vnreport.1"), pages)
    text3 = render(os.path.join(pages, "libvnreport.3"), pages)
    problems += ["vnreport.1 does not list %s" % e for e in ENCODINGS_1 if e not in text1]
    problems += ["libvnreport.3 does not list %s" % e for e in ENCODINGS_3 if e not in text3]

    declared = set()
    for header in headers:
        declared |= set(re.findall(r"^VNR_API\b[^;(]*?\b(vnr_\w+)\s*\(",
                                   open(header, encoding="utf-8").read(), re.M))
    with tempfile.TemporaryDirectory() as mandir:
        os.mkdir(os.path.join(mandir, "man3"))
        shutil.copy(os.path.join(pages, "libvnreport.3"), os.path.join(mandir, "man3"))
        for name in sorted(declared):
            link = os.path.join(pages, name + ".3")
            if not os.path.isfile(link):
                problems.append("no man page for %s()" % name)
                continue
            shutil.copy(link, os.path.join(mandir, "man3"))
            shown = render(os.path.join("man3", name + ".3"), mandir)
            if "LIBVNREPORT(3)" not in shown or name not in shown:
                problems.append("man %s does not show libvnreport(3)" % name)
    for p in problems:
        print(p)
    print("%d functions have a page; %d problems" % (len(declared), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
