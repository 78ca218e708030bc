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


def timed(fn, runs=3, cpu=time.process_time):
    """Median wall and CPU seconds of ``fn()`` and its result. ``cpu`` is a
    clock of the CPU time of every process that does the work."""
    walls, cpus = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), cpu()
        rows = fn()
        walls.append(time.perf_counter() - start)
        cpus.append(cpu() - start_cpu)
    return statistics.median(walls), statistics.median(cpus), rows


def _worker_cpu():
    import resource
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main(pattern, blocksize="8MB"):
    from distributed import Client, LocalCluster

    print("load average before: %.1f %.1f %.1f" % os.getloadavg())
    for threads in (1, 2):
        wall, cpu, rows = timed(lambda: len(vnreport.read_reports(pattern, threads=threads)))
        print("read_reports, %d C thread(s): wall %.2f s, CPU %.2f s, %d rows"
              % (threads, wall, cpu, rows))
    ddf = vnreport.dask.read_reports(pattern, blocksize=blocksize)
    print("dask: %d partitions of about %s" % (ddf.npartitions, blocksize))
    for workers in (1, 2):
        wall, cpu, rows = timed(lambda: len(ddf.compute(scheduler="threads", num_workers=workers)))
        print("dask threaded scheduler, %d worker(s): wall %.2f s, CPU %.2f s, %d rows"
              % (workers, wall, cpu, rows))
    for workers in (1, 2):
        start = time.perf_counter()
        with LocalCluster(n_workers=workers, threads_per_worker=1, host="127.0.0.1",
                          dashboard_address=None, silence_logs=40) as cluster, \
                Client(cluster) as client:
            startup = time.perf_counter() - start

            def cluster_cpu():   # this process and every worker
                return time.process_time() + sum(client.run(_worker_cpu).values())
            wall, cpu, rows = timed(lambda: len(ddf.compute()), cpu=cluster_cpu)
        print("distributed LocalCluster, %d worker process(es): start %.2f s, "
              "compute wall %.2f s, CPU %.2f s, %d rows" % (workers, startup, wall, cpu, rows))
    print("load average after: %.1f %.1f %.1f" % os.getloadavg())


if __name__ == "__main__":
    main(*sys.argv[1:])
