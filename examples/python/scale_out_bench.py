#!/usr/bin/env python3
"""Time one DataFrame of many reports: vnreport.read_reports on 1 and 2 C
threads, vnreport.dask.read_reports on dask's threaded scheduler with 1 and 2
workers, and on a distributed.LocalCluster (127.0.0.1) with 1 and 2 worker
processes. Median wall time of 3 runs each, plus the load average, since
wall times on a shared machine mean little without it (docs/scale-out.md).

    mkdir -p /tmp/c100 && for i in $(seq -w 1 100); do
        for f in ../shared/corpus/*.txt; do cp "$f" /tmp/c100/c${i}_$(basename "$f"); done; done
    PYTHONPATH=build/bindings/python /usr/bin/python3 examples/python/scale_out_bench.py "/tmp/c100/*.txt"

The `if __name__ == "__main__"` guard matters: process schedulers and
distributed workers start new interpreters that import this module.
"""
import os
import statistics
import sys
import time

import vnreport
import vnreport.dask


def timed(fn, runs=3):
    walls = []
    for _ in range(runs):
        start = time.perf_counter()
        rows = fn()
        walls.append(time.perf_counter() - start)
    return statistics.median(walls), rows


def main(pattern, blocksize="8MB"):
    from distributed import Client, LocalCluster

    print("load average before: %.1f %.1f %.1f" % os.getloadavg())
    for threads in (1, 2):
        wall, rows = timed(lambda: len(vnreport.read_reports(pattern, threads=threads)))
        print("read_reports, %d C thread(s): %.2f s, %d rows" % (threads, wall, rows))
    ddf = vnreport.dask.read_reports(pattern, blocksize=blocksize)
    print("dask: %d partitions of about %s" % (ddf.npartitions, blocksize))
    for workers in (1, 2):
        wall, rows = timed(lambda: len(ddf.compute(scheduler="threads", num_workers=workers)))
        print("dask threaded scheduler, %d worker(s): %.2f s, %d rows" % (workers, wall, rows))
    for workers in (1, 2):
        start = time.perf_counter()
        with LocalCluster(n_workers=workers, threads_per_worker=1, host="127.0.0.1",
                          dashboard_address=None, silence_logs=40) as cluster, \
                Client(cluster):
            startup = time.perf_counter() - start
            wall, rows = timed(lambda: len(ddf.compute()))
        print("distributed LocalCluster, %d worker process(es): start %.2f s, "
              "compute %.2f s, %d rows" % (workers, startup, wall, rows))
    print("load average after: %.1f %.1f %.1f" % os.getloadavg())


if __name__ == "__main__":
    main(*sys.argv[1:])
