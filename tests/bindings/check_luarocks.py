#!/usr/bin/env python3
"""`luarocks make` builds and installs the Lua module against an installed
libvnreport, and the module loads without LD_LIBRARY_PATH (rpath).

  1. `meson install --destdir` of this build: the library as a user installs it;
  2. the rockspec and the SWIG interface copied to a scratch directory (luarocks
     builds in place), `luarocks --lua-version 5.4 make --tree TREE` there,
     pointed at the installed headers and library;
  3. `lua5.4 -e 'require "vnreport"'` with LUA_CPATH on TREE only and no
     LD_LIBRARY_PATH parses the sample report;
  4. the Lua modules `meson install` put under the prefix carry an rpath to
     the library directory too (a custom prefix needs no LD_LIBRARY_PATH).

usage: check_luarocks.py BUILD_DIR SOURCE_ROOT LUA LUAROCKS SAMPLE_REPORT WORK_DIR
"""
import glob
import os
import shutil
import subprocess
import sys
from pathlib import Path


def run(cmd, **kw):
    print("$", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], check=True, **kw)


def main():
    build, source, lua, luarocks, sample, work = map(Path, sys.argv[1:7])
    shutil.rmtree(work, ignore_errors=True)
    dest, src, tree = work / "dest", work / "src", work / "tree"
    run(["meson", "install", "-C", build, "--no-rebuild", "--quiet", "--destdir", dest],
        stdout=subprocess.DEVNULL)
    headers = glob.glob(str(dest / "**" / "include" / "vnreport" / "vnreport.h"), recursive=True)
    libraries = glob.glob(str(dest / "**" / "libvnreport.so"), recursive=True)
    assert len(headers) == 1 and len(libraries) == 1, (headers, libraries)
    incdir = Path(headers[0]).parent.parent
    libdir = Path(libraries[0]).parent

    rockspecs = sorted(source.glob("vnreport-*.rockspec"))
    assert len(rockspecs) == 1, rockspecs
    src.mkdir(parents=True)
    shutil.copy(rockspecs[0], src)
    shutil.copytree(source / "bindings", src / "bindings")
    run([luarocks, "--lua-version", "5.4", "make", "--tree", tree, rockspecs[0].name,
         "VNREPORT_INCDIR=%s" % incdir, "VNREPORT_LIBDIR=%s" % libdir], cwd=src)
    modules = glob.glob(str(tree / "lib" / "lua" / "5.4" / "vnreport.so"))
    assert modules, "luarocks installed no vnreport.so under %s" % tree

    env = {k: v for k, v in os.environ.items()
           if k not in ("LD_LIBRARY_PATH", "LUA_PATH", "LD_PRELOAD")}
    env["LUA_CPATH"] = str(tree / "lib" / "lua" / "5.4" / "?.so")
    code = ('local vnr = require "vnreport"; '
            'local doc = assert(vnr.parse_file(arg[1])); '
            'io.write(vnr.version, " ", #doc, "\\n")')
    out = run([lua, "-e", code.replace("arg[1]", repr(str(sample))), ],
              env=env, capture_output=True, text=True, cwd=work).stdout.split()
    assert out[0] == run([lua, "-e", 'io.write((require "vnreport").version)'],
                         env=env, capture_output=True, text=True).stdout
    assert int(out[1]) > 0, out
    print("luarocks make: module loads without LD_LIBRARY_PATH, %s records" % out[1])

    installed = glob.glob(str(dest / "**" / "lua" / "*" / "vnreport.so"), recursive=True)
    assert installed, "meson installed no Lua module"
    for module in installed:
        dynamic = run(["readelf", "-d", module], capture_output=True, text=True).stdout
        assert "RUNPATH" in dynamic or "RPATH" in dynamic, "%s has no rpath" % module
        print("%s: rpath present" % os.path.relpath(module, dest))


if __name__ == "__main__":
    main()
