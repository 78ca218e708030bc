#!/usr/bin/python3
"""Differential test: every conversion libvnreport performs between the
standard units of its registry, redone by GNU units.

usage: diff-gnu-units.py UNITS-PAIRS-PROGRAM VIETNAMESE-UNITS-FILE

UNITS-PAIRS-PROGRAM (units-pairs.c) prints libvnreport's expressions and
conversion factors. All queries go to one `units -t` process in one batch
(one `have\\nwant\\n` per query); results must agree to 1e-12 relative.
Pairs libvnreport refuses must be non-conformable for GNU units too.
Exit 77 (skip) when GNU units is not installed.
"""
import shutil
import subprocess
import sys

REL_TOL = 1e-12
TEMPERATURE = {"°C": "tempC", "°c": "tempC", "độ c": "tempC", "°F": "tempF", "°f": "tempF",
               "K": "tempK", "k": "tempK"}
SYMBOLS = {"%": "%", "‰": "‰", "$": "dollar", "€": "€", "£": "£"}


def gnu_name(spelling):
    """A libvnreport spelling as a GNU units identifier (see vietnamese.units)."""
    if spelling in SYMBOLS:
        return SYMBOLS[spelling]
    s = spelling.replace("²", "^2").replace("³", "^3").replace("%", "percent")
    s = s.replace("$", "dollar")
    for c in " -.":
        s = s.replace(c, "_")
    return s


def gnu_expression(expr, scales):
    """`triệu đồng/người/năm` → `(triệu đồng) / (người) / (năm)`."""
    out = []
    for part in expr.split("/"):
        words = part.split(" ")
        lead = []
        while len(words) > 1 and words[0].lower() in scales:
            lead.append(words.pop(0).lower())
        out.append("(" + " ".join(lead + [gnu_name(" ".join(words))]) + ")")
    return " / ".join(out)


def run_units(units, defs, queries):
    """Feed `have\\nwant\\n` queries to one GNU units process; one answer
    each (a conformability error is followed by the two reduced units, which
    are folded into its answer)."""
    text = "".join(f"{h}\n{w}\n" for h, w in queries)
    res = subprocess.run([units, "-t", "-o", "%.17g", "-f", "", "-f", defs], input=text,
                         capture_output=True, text=True, env={"LC_ALL": "C.UTF-8"})
    lines, answers = res.stdout.splitlines(), []
    i = 0
    while i < len(lines):
        answers.append(lines[i])
        i += 3 if lines[i] == "conformability error" else 1
    return answers


def close(a, b):
    return abs(a - b) <= REL_TOL * max(abs(a), abs(b)) or abs(a - b) <= 1e-12


def main(argv):
    units = shutil.which("units")
    if not units:
        print("GNU units is not installed: skipping")
        return 77
    lines = subprocess.run([argv[1]], capture_output=True, text=True, check=True).stdout
    scales, exprs, pairs, refused, failures = set(), [], [], [], []
    for line in lines.splitlines():
        f = line.split("\t")
        if f[0] == "S":
            scales.add(f[1])
        elif f[0] == "E":
            exprs.append(f[1])
        elif f[0] == "P":
            pairs.append((f[1], f[2], float(f[3]), float(f[4])))
        elif f[0] == "N":
            refused.append((f[1], f[2]))
        elif f[0] == "X":
            failures.append("libvnreport: " + " ".join(f[1:]))

    # 1. GNU units must know every expression ("X\n\n" prints one line each,
    #    a definition or an error, so the batch stays in step).
    plain = [e for e in exprs if e not in TEMPERATURE]
    known = run_units(units, argv[2], [(gnu_expression(e, scales), "") for e in plain])
    if len(known) != len(plain):
        failures.append(f"GNU units answered {len(known)} lines for {len(plain)} expressions")
    for e, answer in zip(plain, known):
        if answer.startswith("Unknown unit") or "error" in answer:
            failures.append(f"GNU units does not know '{e}' ({gnu_expression(e, scales)}): {answer}")
    if failures:
        print("\n".join(failures))
        return 1

    # 2. Every conversion libvnreport performs, through GNU units. Affine
    #    temperatures are checked at two points through tempC()/tempF()/tempK().
    queries, expected = [], []
    for a, b, factor, offset in pairs:
        if a in TEMPERATURE:
            for x in (0.0, 100.0):
                queries.append((f"{TEMPERATURE[a]}({x})", TEMPERATURE[b]))
                expected.append((a, b, x, x * factor + offset))
        else:
            queries.append((gnu_expression(a, scales), gnu_expression(b, scales)))
            expected.append((a, b, 1.0, factor))
    checked = [(a, b) for a, b in refused if a not in TEMPERATURE and b not in TEMPERATURE]
    queries += [(gnu_expression(a, scales), gnu_expression(b, scales)) for a, b in checked]
    answers = run_units(units, argv[2], queries)
    if len(answers) != len(queries):
        print(f"GNU units answered {len(answers)} lines for {len(queries)} queries")
        return 1
    for (a, b, x, lib), answer in zip(expected, answers):
        try:
            gnu = float(answer)
        except ValueError:
            failures.append(f"{x} {a} -> {b}: GNU units says '{answer}', libvnreport {lib!r}")
            continue
        if not close(lib, gnu):
            failures.append(f"{x} {a} -> {b}: libvnreport {lib!r}, GNU units {gnu!r}")
    for (a, b), answer in zip(checked, answers[len(expected):]):
        if "conformability error" not in answer:
            failures.append(f"libvnreport refuses {a} -> {b}, GNU units gives '{answer}'")

    print(f"{len(exprs)} expressions, {len(pairs)} compatible pairs agree with GNU units "
          f"to {REL_TOL:g} relative; {len(checked)} refused pairs are non-conformable there too")
    if failures:
        print(f"{len(failures)} failures:")
        print("\n".join(failures[:40]))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
