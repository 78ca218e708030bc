#!/usr/bin/env python3
"""The two Python install routes of docs/bindings.md do what it says.

pip: `pip wheel --no-build-isolation` of the source tree (meson-python,
Debian python3-mesonpy, patchelf) gives one wheel tagged
cpXY-cpXY-linux_<arch> that holds the package `vnreport/` and its
dist-info, nothing else (no libvnreport.so, CLI, headers or vnreport.pc);
installed into a venv it imports, parses, and importlib.metadata knows it.

meson: `meson install` puts the package and a vnreport-VERSION.dist-info
into site-packages, so importlib.metadata.version("vnreport") works too.

usage: check_wheel.py SOURCE_ROOT BUILD_DIR SAMPLE_REPORT WORK_DIR
"""
import glob
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

PYTHON = "/usr/bin/python3"


def run(cmd, **kw):
    print("$", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], check=True, **kw)


def check_wheel(source, sample, work):
    venv = work / "venv"
    run([PYTHON, "-m", "venv", "--system-site-packages", venv])
    pip = venv / "bin" / "pip"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "LD_PRELOAD")}
    env.update(PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INDEX="1")   # no network needed
    run([pip, "wheel", "--no-build-isolation", "--no-deps", "-w", work / "dist", source],
        env=env, stdout=subprocess.DEVNULL)
    wheels = list((work / "dist").glob("*.whl"))
    assert len(wheels) == 1, wheels
    tag = "cp%d%d" % sys.version_info[:2]
    arch = sysconfig.get_platform().replace("-", "_").replace(".", "_")
    expected = "vnreport-%s-%s-%s-%s.whl" % (version(source), tag, tag, arch)
    assert wheels[0].name == expected, (wheels[0].name, expected)
    names = zipfile.ZipFile(wheels[0]).namelist()
    stray = [n for n in names if not n.startswith(("vnreport/", "vnreport-%s.dist-info/" % version(source)))]
    assert not stray, "the wheel holds more than the package: %s" % stray
    assert "vnreport/__init__.py" in names and "vnreport/dask.py" in names
    assert any(n.startswith("vnreport/_vnreport_c.") and n.endswith(".so") for n in names)
    run([pip, "install", "--no-deps", "--no-index", wheels[0]], env=env, stdout=subprocess.DEVNULL)
    code = ("import importlib.metadata, vnreport, sys; "
            "d = vnreport.parse_file(sys.argv[1]); "
            "assert importlib.metadata.version('vnreport') == vnreport.version, vnreport.version; "
            "print(vnreport.__file__, len(d))")
    out = run([venv / "bin" / "python", "-c", code, sample], env=env, cwd=work,
              capture_output=True, text=True).stdout
    assert str(venv) in out, out
    print("wheel %s: %d files, imports and parses" % (wheels[0].name, len(names)))


def check_meson_route(build, work):
    dest = work / "dest"
    run(["meson", "install", "-C", build, "--no-rebuild", "--quiet", "--destdir", dest],
        stdout=subprocess.DEVNULL)
    infos = glob.glob(str(dest / "**" / "vnreport-*.dist-info" / "METADATA"), recursive=True)
    assert len(infos) == 1, infos
    site = Path(infos[0]).parent.parent
    assert (site / "vnreport" / "__init__.py").is_file()
    env = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD"}
    env["PYTHONPATH"] = str(site)
    out = run([PYTHON, "-c", "import importlib.metadata, vnreport; "
               "print(importlib.metadata.version('vnreport'), vnreport.version)"],
              env=env, capture_output=True, text=True, cwd=work).stdout.split()
    assert out[0] == out[1], out
    print("meson install: %s has dist-info version %s" % (site, out[0]))


def version(source):
    for line in (source / "meson.build").read_text(encoding="utf-8").splitlines():
        if line.strip().startswith("version :"):
            return line.split("'")[1]
    raise AssertionError("no version in meson.build")


def main():
    source, build, sample, work = map(Path, sys.argv[1:5])
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    check_meson_route(build, work)
    check_wheel(source, sample, work)


if __name__ == "__main__":
    main()
