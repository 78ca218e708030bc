#!/usr/bin/env python3
"""The ABI checks can fail: feed them deliberately broken inputs.

usage: check-detects.py ABI_CHECK BUILD_DIR BASELINE CHECK_SYMBOLS MAP LIBRARY HEADER...

abi-check.sh compares the committed baseline (the old ABI) with the fresh
library (the new one). Editing a copy of the baseline therefore simulates a
change of the library: a function missing from the baseline is one the
library added; a parameter the baseline has and the library lacks is a
parameter the library lost. Each case states the exit status expected from
abi-check.sh and a phrase its report must contain.

check-symbols.py gets a map with a symbol missing, one too many, a wildcard,
and a header with an extra VNR_API declaration.

Exits 77 when abi-check.sh skips this build (sanitizer, no debug info).
"""
import os
import re
import subprocess
import sys
import tempfile


class LayoutChanged(Exception):
    """A mutation found nothing to edit: the baseline's layout changed."""


def sub_once(pattern, repl, text, flags=0):
    new, n = re.subn(pattern, repl, text, count=1, flags=flags)
    if n != 1:
        raise LayoutChanged(pattern)
    return new


def function_decl(text, name):
    m = re.search(r"    <function-decl name='%s' .*?</function-decl>\n" % re.escape(name), text, re.S)
    if not m:
        raise LayoutChanged(f"function-decl {name}")
    return m.group(0)


def type_id(text, type_name):
    m = re.search(r"<type-decl name='%s' [^>]*id='([^']+)'" % re.escape(type_name), text)
    if not m:
        raise LayoutChanged(f"type-decl {type_name}")
    return m.group(1)


def drop_function(text, name):
    """The baseline never had `name`: the library added it."""
    text = sub_once(r"    <elf-symbol name='%s' [^\n]*\n" % re.escape(name), "", text)
    return text.replace(function_decl(text, name), "", 1)


def extra_parameter(text, name):
    """The baseline's `name` had one more (int) parameter: the library lost it."""
    decl = function_decl(text, name)
    extra = "      <parameter type-id='%s' name='lost'/>\n      <return " % type_id(text, "int")
    return text.replace(decl, sub_once(r"      <return ", extra, decl), 1)


def int_return(text, name):
    """The baseline's `name` returned int: the library widened it (size_t)."""
    decl = function_decl(text, name)
    new = sub_once(r"<return type-id='[^']+'/>", "<return type-id='%s'/>" % type_id(text, "int"), decl)
    return text.replace(decl, new, 1)


def extra_function(text, model, name):
    """The baseline also had `name` (a copy of `model`): the library removed it."""
    sym = re.search(r"    <elf-symbol name='%s' [^\n]*\n" % re.escape(model), text)
    if not sym:
        raise LayoutChanged(f"elf-symbol {model}")
    decl = function_decl(text, model)
    text = text.replace(sym.group(0), sym.group(0) + sym.group(0).replace(model, name), 1)
    return text.replace(decl, decl + decl.replace(model, name), 1)


def renumber_last_status(text):
    """The last vnr_status code had another value: the library renumbered it."""
    return sub_once(r"(<enumerator name='VNR_E_\w+' value=')(\d+)('/>\s*</enum-decl>)",
                    lambda m: m.group(1) + str(int(m.group(2)) + 1) + m.group(3), text)


def drop_last_status(text):
    """The baseline lacked the last vnr_status code: the library appended it."""
    return sub_once(r"\s*<enumerator name='VNR_E_\w+' value='\d+'/>(\s*</enum-decl>)",
                    r"\1", text)


ABI_CASES = [
    # (name, mutation, expected exit status, phrase in the output)
    ("unchanged", lambda t: t, 0, "matches the baseline"),
    ("function added", lambda t: drop_function(t, "vnr_convert"), 0, "addition(s) only"),
    ("status code appended", drop_last_status, 0, "matches the baseline"),
    ("parameter removed", lambda t: extra_parameter(t, "vnr_convert"), 1, "parameter 5"),
    ("return type changed", lambda t: int_return(t, "vnr_document_record_count"), 1,
     "return type changed"),
    ("function removed", lambda t: extra_function(t, "vnr_convert", "vnr_convert_gone"), 1,
     "incompatible ABI change"),
    ("status code renumbered", renumber_last_status, 1, "enumerator change"),
]


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def check_abi(abi_check, build_dir, baseline, tmp):
    text = open(baseline, encoding="utf-8").read()
    failures = 0
    for name, mutate, want_status, want_phrase in ABI_CASES:
        path = os.path.join(tmp, re.sub(r"\W+", "-", name) + ".abi")
        with open(path, "w", encoding="utf-8") as f:
            f.write(mutate(text))
        status, out = run(["bash", abi_check, "--baseline", path, build_dir])
        if status == 77:
            print(out.strip())
            return None
        ok = status == want_status and want_phrase in out
        failures += not ok
        print(f"{'ok  ' if ok else 'FAIL'} abi: {name}: exit {status} (want {want_status}, "
              f"'{want_phrase}')")
        if not ok:
            print("     " + out.replace("\n", "\n     "))
    return failures


def check_symbols(check_symbols_py, map_path, library, headers, tmp):
    map_text = open(map_path, encoding="utf-8").read()
    first = re.search(r"^\s+(vnr_\w+);", map_text, re.M)
    extra_header = os.path.join(tmp, "extra.h")
    with open(extra_header, "w", encoding="utf-8") as f:
        f.write("/** Declared, never defined. */\nVNR_API int vnr_not_there(void);\n")
    cases = [
        ("symbol missing from the map", map_text.replace(first.group(0), "", 1), headers,
         "not in the map (leak)"),
        ("symbol the library lacks", map_text.replace(first.group(0),
                                                      first.group(0) + "\n    vnr_not_there;", 1),
         headers, "not exported by the library"),
        ("wildcard", map_text.replace(first.group(0), first.group(0) + "\n    vnr_*;", 1),
         headers, "wildcard"),
        ("undeclared in the map", map_text, headers + [extra_header], "missing from the map"),
        ("unchained node", map_text + "\nVNR_9.9 {\n  global:\n    vnr_not_there;\n};\n",
         headers + [extra_header], "expected VNR_"),
    ]
    failures = 0
    for name, text, hdrs, phrase in cases:
        path = os.path.join(tmp, "mutated.map")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        status, out = run([sys.executable, check_symbols_py, path, library] + hdrs)
        ok = status == 1 and phrase in out
        failures += not ok
        print(f"{'ok  ' if ok else 'FAIL'} symbols: {name}: exit {status} (want 1, '{phrase}')")
        if not ok:
            print("     " + out.replace("\n", "\n     "))
    return failures


def main(argv):
    if len(argv) < 8:
        print(__doc__, file=sys.stderr)
        return 2
    abi_check, build_dir, baseline, check_symbols_py, map_path, library = argv[1:7]
    headers = argv[7:]
    with tempfile.TemporaryDirectory() as tmp:
        try:
            abi_failures = check_abi(abi_check, build_dir, baseline, tmp)
        except LayoutChanged as e:
            print(f"FAIL: the baseline no longer has what a mutation edits ({e}); update this test")
            return 1
        sym_failures = check_symbols(check_symbols_py, map_path, library, headers, tmp)
    if abi_failures is None:
        return 77 if sym_failures == 0 else 1
    return 1 if abi_failures or sym_failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
