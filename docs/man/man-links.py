#!/usr/bin/env python3
"""One man page per public function, each a `.so` link to libvnreport(3),
so `man vnr_parse_file` works.

usage: man-links.py --list HEADER...        print the function names
       man-links.py OUTDIR HEADER...        write OUTDIR/NAME.3 for each
"""
import re
import sys

DECLARATION = re.compile(r"^VNR_API\b[^;(]*?\b(vnr_\w+)\s*\(", re.M)


def functions(headers):
    names = []
    for header in headers:
        with open(header, encoding="utf-8") as f:
            names += DECLARATION.findall(f.read())
    return sorted(set(names))


def main():
    if sys.argv[1] == "--list":
        print("\n".join(functions(sys.argv[2:])))
        return
    for name in functions(sys.argv[2:]):
        with open("%s/%s.3" % (sys.argv[1], name), "w", encoding="utf-8") as f:
            f.write(".so man3/libvnreport.3\n")


if __name__ == "__main__":
    main()
