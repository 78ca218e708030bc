#!/usr/bin/python3
"""Write docs/units.md from the units-doc program, or with --check fail when
the committed file is not what the program prints now.

usage: update-doc.py [--check] UNITS-DOC-PROGRAM DOCS/UNITS.MD
"""
import subprocess
import sys


def main(argv):
    check = argv[1] == "--check"
    program, path = argv[2:4] if check else argv[1:3]
    text = subprocess.run([program], capture_output=True, text=True, check=True).stdout
    if not check:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
        print(f"wrote {path}")
        return 0
    try:
        with open(path, encoding="utf-8") as fh:
            current = fh.read()
    except FileNotFoundError:
        current = None
    if current != text:
        print(f"{path} is out of date: run `ninja units-doc` in the build directory")
        return 1
    print(f"{path} is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
