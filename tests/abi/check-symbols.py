#!/usr/bin/env python3
"""Headers, version script and shared object agree on the exported symbols.

usage: check-symbols.py MAP LIBRARY HEADER...

- every function declared with VNR_API in the public headers is listed in
  the version script (libvnreport/vnreport.map), and nothing else is;
- the library's dynamic symbol table (`nm -D --defined-only`) exports exactly
  the map's symbols (nothing leaks, nothing is missing), each with the
  version of the node that lists it, and defines exactly the map's version
  nodes;
- the map is explicit (no wildcard in a global list), lists each symbol once,
  and chains its nodes: every node after the first inherits the one before.

Modelled on libxkbcommon's test/symbols-leak-test.py.
"""
import re
import subprocess
import sys

COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)
DIRECTIVE = re.compile(r"^[ \t]*#(?:[^\n]*\\\n)*[^\n]*", re.M)  # with continuation lines


def header_functions(paths):
    """Names of the functions declared with VNR_API in the headers."""
    names = set()
    for path in paths:
        text = COMMENT.sub(" ", open(path, encoding="utf-8").read())
        text = DIRECTIVE.sub(" ", text)   # `#define VNR_API …` declares nothing
        for decl in re.findall(r"\bVNR_API\b([^;{]*)", text):
            m = re.search(r"\b(\w+)\s*\(", decl)
            if not m:
                raise SystemExit(f"{path}: cannot read the declaration 'VNR_API{decl.strip()}'")
            names.add(m.group(1))
    return names


def read_map(path):
    """[(node, parent, [symbols])] in file order."""
    text = COMMENT.sub(" ", open(path, encoding="utf-8").read())
    nodes = []
    for m in re.finditer(r"([\w.]+)\s*\{(.*?)\}\s*([\w.]*)\s*;", text, re.S):
        node, body, parent = m.group(1), m.group(2), m.group(3) or None
        glob = re.search(r"global\s*:(.*?)(?:local\s*:|$)", body, re.S)
        symbols = [s.strip() for s in glob.group(1).split(";") if s.strip()] if glob else []
        nodes.append((node, parent, symbols))
    return nodes


def library_symbols(path):
    """({symbol: version}, {version nodes}) from nm -D --defined-only."""
    out = subprocess.run(["nm", "-D", "--defined-only", path],
                         capture_output=True, text=True, check=True).stdout
    symbols, versions = {}, set()
    for line in out.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        kind, name = fields[1], fields[2]
        if kind == "A":             # a version definition: VNR_0.1
            versions.add(name)
            continue
        base, _, version = name.partition("@")
        symbols[base] = version.lstrip("@")
    return symbols, versions


def main(argv):
    if len(argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    map_path, lib_path, headers = argv[1], argv[2], argv[3:]
    errors = []

    declared = header_functions(headers)
    nodes = read_map(map_path)
    if not nodes:
        errors.append(f"{map_path}: no version node found")
    mapped = {}
    for i, (node, parent, symbols) in enumerate(nodes):
        expected_parent = nodes[i - 1][0] if i else None
        if parent != expected_parent:
            errors.append(f"map: node {node} inherits {parent}, expected {expected_parent}")
        for s in symbols:
            if any(c in s for c in "*?[]"):
                errors.append(f"map: wildcard '{s}' in node {node}: list symbols by name")
            elif s in mapped:
                errors.append(f"map: {s} is listed in {mapped[s]} and again in {node}")
            else:
                mapped[s] = node

    exported, versions = library_symbols(lib_path)

    for s in sorted(declared - mapped.keys()):
        errors.append(f"{s}: declared VNR_API in a header but missing from the map "
                      "(add it to a new version node)")
    for s in sorted(mapped.keys() - declared):
        errors.append(f"{s}: in the map but declared VNR_API in no public header")
    for s in sorted(exported.keys() - mapped.keys()):
        errors.append(f"{s}: exported by the library but not in the map (leak)")
    for s in sorted(mapped.keys() - exported.keys()):
        errors.append(f"{s}: in the map but not exported by the library "
                      "(missing definition or VNR_API)")
    for s in sorted(mapped.keys() & exported.keys()):
        if exported[s] != mapped[s]:
            errors.append(f"{s}: exported with version '{exported[s]}', the map says {mapped[s]}")
    node_names = {n for n, _, _ in nodes}
    if versions != node_names:
        errors.append(f"version nodes: library defines {sorted(versions)}, "
                      f"map has {sorted(node_names)}")

    for e in errors:
        print("FAIL:", e)
    print(f"{len(declared)} declared, {len(mapped)} mapped in {len(nodes)} node(s), "
          f"{len(exported)} exported: {'OK' if not errors else f'{len(errors)} problem(s)'}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
