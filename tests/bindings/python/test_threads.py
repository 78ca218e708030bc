"""Thread safety: distinct documents parse in parallel with identical
results, a document is shared read-only, and the GIL is released while C
parses (so a ThreadPoolExecutor over many files actually scales)."""
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import vnreport
from conftest import all_reports, sample_reports

THREADS = 8


def snapshot(doc):
    return doc.metadata, doc.to_records(), doc.numbers()


def test_eight_threads_parse_identically():
    files = all_reports()
    expected = {path: snapshot(vnreport.parse_file(path)) for path in files}
    jobs = [path for _ in range(THREADS) for path in files]
    barrier = threading.Barrier(THREADS)

    def work(path):
        if barrier.n_waiting < THREADS and not barrier.broken:
            try:
                barrier.wait(timeout=5)  # start the first wave together
            except threading.BrokenBarrierError:
                pass
        return path, snapshot(vnreport.parse_file(path))

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        results = list(pool.map(work, jobs))
    assert len(results) == len(jobs)
    for path, got in results:
        assert got == expected[path], path


def test_parse_from_memory_in_threads():
    payloads = [(p.name, p.read_bytes()) for p in sample_reports()]
    expected = [vnreport.parse(data, doc=name).to_records() for name, data in payloads]
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        for _ in range(4):
            got = list(pool.map(lambda item: vnreport.parse(item[1], doc=item[0]).to_records(),
                                payloads * THREADS))
            assert got == expected * THREADS


def test_shared_document_read_by_eight_threads():
    doc = vnreport.parse_file(sample_reports()[0])
    expected = doc.to_records()
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        results = list(pool.map(lambda _: [r.as_dict() for r in doc], range(THREADS * 4)))
    assert all(r == expected for r in results)


def test_convert_in_threads():
    registry = vnreport.Registry()
    registry.set_rate("USD", "VND", 25000)

    def work(i):
        return (vnreport.convert(i, "ha", "m2"), vnreport.convert(i, "USD", "nghìn đồng", registry),
                vnreport.Converter("tấn", "kg").apply_array([i, i + 1]))

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        results = list(pool.map(work, range(200)))
    assert results == [(i * 10000.0, i * 25.0, [i * 1000.0, (i + 1) * 1000.0]) for i in range(200)]


def big_input():
    """A few MB of report text: parsing it takes a measurable time."""
    text = b"\n\n".join(p.read_bytes() for p in all_reports())
    target = 4 << 20
    return text * max(1, target // len(text))


@pytest.mark.skipif(os.environ.get("VNREPORT_UNDER_VALGRIND") == "1",
                    reason="valgrind runs one thread at a time: timing says nothing there")
def test_gil_is_released_while_parsing():
    data = big_input()
    start = time.perf_counter()
    vnreport.parse(data)
    duration = time.perf_counter() - start

    done = threading.Event()
    ticks = []

    def parse():
        vnreport.parse(data)
        done.set()

    worker = threading.Thread(target=parse)
    worker.start()
    while not done.is_set():
        ticks.append(time.perf_counter())
    worker.join()
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    # Holding the GIL through the parse would freeze this loop for about the
    # whole parse; with the GIL released it keeps ticking.
    assert len(ticks) > 100
    assert max(gaps) < duration / 2, (max(gaps), duration)
