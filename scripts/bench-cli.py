#!/usr/bin/env python3
"""End-to-end batch benchmark of the `vnreport` command, beside `wc -w`.

What a user runs: a folder of reports through `vnreport extract` (read,
parse, JSON Lines written to a file). The folder is the shared corpus
copied N times into a temporary directory (never into the repository);
in the same run, alternating, it times

  wc -w FILES                                   (the yardstick)
  vnreport extract -j 1 FILES > out.jsonl       (one thread)
  vnreport extract -j J FILES > out-jJ.jsonl    (J = processors, or --jobs)

and reports for each the median CPU time (user + system of the process,
from wait4), wall time and peak RSS, the ratio extract/wc of CPU time,
and the -j J/-j 1 ratio of wall time. Outputs of -j 1 and -j J are
byte-compared. Then the Python view when the build has the binding
(-Dpython=enabled): `vnreport.read_reports(files, threads=T)` (parse_files
plus the DataFrame built in C) for T = 1 and J, timed inside a fresh
/usr/bin/python3 (import excluded), beside the CLI's -j 1 wall time. Then
the scaling of extract -j 1 over 1x, 10x and 100x copies, in CPU time and
peak memory.

Needs GNU time (/usr/bin/time, Debian package `time`) for per-process
CPU time and peak RSS.

CPU time, not wall time, is the figure to quote on a shared machine: it
does not count the time other processes hold the cores. The -j ratio is
necessarily wall time; run it on an idle machine.

usage: scripts/bench-cli.py [--build DIR] [--copies N] [--runs K] [--jobs J]
                            [--corpus DIR] [--no-scaling] [--no-python] [--keep]
"""
import argparse
import filecmp
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

# The Python view, run in a child: read_reports() of the files on T threads,
# timed around the call only (pandas is imported before: it is no part of the batch).
PYTHON_CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
import vnreport
import numpy, pandas   # the frame imports them on first use; a notebook has them already
files = open(sys.argv[2]).read().split("\n")
threads = int(sys.argv[3])
wall0, cpu0 = time.perf_counter(), time.process_time()
frame = vnreport.read_reports(files, threads=threads)
print(json.dumps({"wall": time.perf_counter() - wall0, "cpu": time.process_time() - cpu0,
                  "rows": len(frame)}))
"""

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def measure(argv, stdout_path, env):
    """(cpu seconds, wall seconds, peak RSS in MB, exit status) of one run.

    Through GNU time: a child forked (or vforked) from this Python process
    starts with its resident pages, and the peak RSS the kernel reports
    keeps them across exec; time(1) is small."""
    report = stdout_path + ".time"
    with open(stdout_path, "wb") as out:
        start = time.monotonic()
        rc = subprocess.run(["/usr/bin/time", "-o", report, "-f", "%U %S %M"] + argv,
                            stdout=out, stderr=subprocess.DEVNULL, env=env).returncode
        wall = time.monotonic() - start
    with open(report) as f:
        user, system, rss_kb = f.read().split()[-3:]
    return float(user) + float(system), wall, int(rss_kb) / 1024, rc


def make_set(corpus, copies, directory):
    """The corpus's *.txt copied `copies` times into `directory`."""
    sources = sorted(f for f in os.listdir(corpus) if f.endswith(".txt"))
    if not sources:
        sys.exit(f"bench-cli: no *.txt in {corpus}")
    os.makedirs(directory, exist_ok=True)
    files = []
    for c in range(copies):
        for name in sources:
            dest = os.path.join(directory, f"c{c:04d}_{name}")
            shutil.copyfile(os.path.join(corpus, name), dest)
            files.append(dest)
    return files


def ratio(a, b):
    """a / b, or nan when b is 0 (time(1) counts in 10 ms steps)."""
    return a / b if b > 0 else float("nan")


def median_of(samples):
    return {key: statistics.median(s[key] for s in samples) for key in samples[0]}


def compare(vnreport, files, runs, jobs, tmp, env):
    rows = {"wc": [], "j1": [], "jN": []}
    commands = {
        "wc": (["wc", "-w"] + files, os.path.join(tmp, "wc.out")),
        "j1": ([vnreport, "extract", "--no-progress", "-j", "1"] + files,
               os.path.join(tmp, "out.jsonl")),
        "jN": ([vnreport, "extract", "--no-progress", "-j", str(jobs)] + files,
               os.path.join(tmp, f"out-j{jobs}.jsonl")),
    }
    for _ in range(runs):
        for key, (argv, out) in commands.items():
            cpu, wall, rss, rc = measure(argv, out, env)
            if rc != 0:
                sys.exit(f"bench-cli: {argv[0]} {argv[1]} exited with {rc}")
            rows[key].append({"cpu": cpu, "wall": wall, "rss": rss})
    same = filecmp.cmp(commands["j1"][1], commands["jN"][1], shallow=False)
    out_mb = os.path.getsize(commands["j1"][1]) / 1e6
    return {k: median_of(v) for k, v in rows.items()}, same, out_mb


def python_view(build, files, runs, jobs, tmp, env):
    """Median wall/CPU of read_reports() on 1 and `jobs` threads, alternating;
    None when the build has no Python binding."""
    package = os.path.join(build, "bindings", "python")
    if not os.path.isfile(os.path.join(package, "vnreport", "__init__.py")):
        return None
    listing = os.path.join(tmp, "files.txt")
    with open(listing, "w") as f:
        f.write("\n".join(files))
    rows = {1: [], jobs: []}
    for _ in range(runs):
        for threads in rows:
            done = subprocess.run(["/usr/bin/python3", "-c", PYTHON_CHILD, package, listing,
                                   str(threads)], capture_output=True, text=True, env=env)
            if done.returncode != 0:
                sys.exit(f"bench-cli: the Python view failed:\n{done.stderr}")
            rows[threads].append(json.loads(done.stdout.strip().splitlines()[-1]))
    return {t: {"wall": statistics.median(r["wall"] for r in v),
                "cpu": statistics.median(r["cpu"] for r in v), "rows": v[0]["rows"]}
            for t, v in rows.items()}


def scaling(vnreport, corpus, tmp, env):
    results = []
    for copies in (1, 10, 100):
        files = make_set(corpus, copies, os.path.join(tmp, f"scale{copies}"))
        size = sum(os.path.getsize(f) for f in files) / 1e6
        samples = [measure([vnreport, "extract", "--no-progress", "-j", "1"] + files,
                           os.path.join(tmp, "scale.jsonl"), env) for _ in range(3)]
        cpu = statistics.median(s[0] for s in samples)
        rss = max(s[2] for s in samples)
        results.append((copies, len(files), size, cpu, rss))
        shutil.rmtree(os.path.join(tmp, f"scale{copies}"))
    return results


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default=os.path.join(REPO, "build-rel"),
                    help="build directory holding vnreport (default: build-rel)")
    ap.add_argument("--copies", type=int, default=100)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--corpus", default=os.path.join(REPO, "..", "shared", "corpus"))
    ap.add_argument("--no-scaling", action="store_true")
    ap.add_argument("--no-python", action="store_true", help="leave out the Python view")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = ap.parse_args()

    vnreport = os.path.join(args.build, "vnreport")
    if not os.access(vnreport, os.X_OK):
        sys.exit(f"bench-cli: no {vnreport}; meson setup {args.build} --buildtype=release")
    env = dict(os.environ, LC_ALL="C.UTF-8")   # wc -w counts multibyte words
    tmp = tempfile.mkdtemp(prefix="vnreport-bench-")
    try:
        files = make_set(args.corpus, args.copies, os.path.join(tmp, "set"))
        size = sum(os.path.getsize(f) for f in files) / 1e6
        med, same, out_mb = compare(vnreport, files, args.runs, args.jobs, tmp, env)
        print(f"# {len(files)} files, {size:.1f} MB ({args.copies}x the corpus), "
              f"median of {args.runs} alternating runs; JSONL out: {out_mb:.1f} MB")
        print(f"{'':28} {'CPU s':>8} {'wall s':>8} {'peak MB':>8} {'MB/s CPU':>9}")
        names = {"wc": "wc -w", "j1": "extract -j 1", "jN": f"extract -j {args.jobs}"}
        for key in ("wc", "j1", "jN"):
            m = med[key]
            print(f"{names[key]:28} {m['cpu']:8.2f} {m['wall']:8.2f} {m['rss']:8.1f} "
                  f"{ratio(size, m['cpu']):9.1f}")
        cpu_ratio = ratio(med["j1"]["cpu"], med["wc"]["cpu"])
        print(f"extract -j 1 CPU / wc -w CPU: {cpu_ratio:.2f} "
              f"({'at least as fast as' if cpu_ratio <= 1 else 'slower than' if cpu_ratio > 1 else 'too short to compare with'} wc -w)")
        print(f"extract -j {args.jobs} wall / -j 1 wall: "
              f"{ratio(med['jN']['wall'], med['j1']['wall']):.2f}")
        print(f"-j {args.jobs} output byte-identical to -j 1: {'yes' if same else 'NO'}")
        if not args.no_python:
            py = python_view(args.build, files, args.runs, args.jobs, tmp, env)
            if py is None:
                print("# Python view: this build has no binding (meson setup -Dpython=enabled)")
            else:
                one, many = py[1], py[args.jobs]
                print(f"# Python: vnreport.read_reports(files, threads=T), {one['rows']} rows, "
                      f"median of {args.runs}")
                for t, m in ((1, one), (args.jobs, many)):
                    print(f"{'read_reports threads=' + str(t):28} {m['cpu']:8.2f} {m['wall']:8.2f}")
                print(f"read_reports threads=1 wall / extract -j 1 wall: "
                      f"{ratio(one['wall'], med['j1']['wall']):.2f}")
                print(f"read_reports threads=1 wall / threads={args.jobs} wall: "
                      f"{ratio(one['wall'], many['wall']):.2f}")
        if not args.no_scaling:
            print("# scaling of extract -j 1 (median CPU of 3, peak RSS)")
            print(f"{'copies':>6} {'files':>6} {'MB':>7} {'CPU s':>8} {'s/MB':>7} {'peak MB':>8}")
            for copies, n, mb, cpu, rss in scaling(vnreport, args.corpus, tmp, env):
                print(f"{copies:6} {n:6} {mb:7.1f} {cpu:8.3f} {ratio(cpu, mb):7.4f} {rss:8.1f}")
        return 0 if same else 1
    finally:
        if args.keep:
            print(f"# kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
