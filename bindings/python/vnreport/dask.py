"""Many reports as one ``dask.dataframe`` (Debian: python3-dask).

    import vnreport.dask
    ddf = vnreport.dask.read_reports("reports/**/*.txt", blocksize="64MB")
    ddf.groupby("province").value.count().compute()

Each partition is one :func:`vnreport.read_reports` call over a group of
files (about ``blocksize`` bytes of input), so a partition is parsed in C
with the GIL released and built into pandas columns in C; the partitions
run on whatever scheduler dask is given: threads, processes or a
``distributed`` cluster. The columns and dtypes are those of
:func:`vnreport.read_reports`; category columns have unknown categories
until computed (``ddf.categorize()`` learns them). See docs/scale-out.md.
"""

import os as _os

import dask.dataframe as _dd
from dask.dataframe.utils import clear_known_categories as _clear_known_categories
from dask.utils import parse_bytes as _parse_bytes

import vnreport as _vnreport

__all__ = ["read_reports"]


def _paths(sources):
    """The files named by a path, glob pattern, directory or list of them,
    in the order read_reports() reads them."""
    if isinstance(sources, (list, tuple)):
        return [p for s in sources for p in _paths(s)]
    if hasattr(sources, "read"):
        raise TypeError("vnreport.dask.read_reports() takes paths, not file objects "
                        "(use vnreport.read_reports() for those)")
    # read_reports' own expansion, so both readers see the same files.
    return [item[3][1] for item in _vnreport._expand_source(sources)]


def _groups(paths, blocksize):
    """Consecutive groups of about ``blocksize`` bytes (at least one file)."""
    if blocksize is None:
        return [[p] for p in paths]
    limit = _parse_bytes(blocksize) if isinstance(blocksize, str) else int(blocksize)
    if limit <= 0:
        raise ValueError("blocksize must be positive, or None for one partition per file")
    groups, current, size = [], [], 0
    for path in paths:
        try:
            length = _os.path.getsize(path)
        except OSError:
            length = 0      # read_reports() reports the error when it runs
        if current and size + length > limit:
            groups.append(current)
            current, size = [], 0
        current.append(path)
        size += length
    if current:
        groups.append(current)
    return groups


class _ReadPartition:
    """One partition: read_reports() over a group of files (a picklable
    callable, so process and distributed schedulers can ship it)."""

    def __init__(self, encoding, lenient, errors, threads, section_path):
        self.options = dict(encoding=encoding, lenient=lenient, errors=errors,
                            threads=threads, section_path=section_path)

    def __call__(self, paths):
        return _vnreport.read_reports(list(paths), **self.options)


def read_reports(sources, blocksize="64MB", encoding=None, *, lenient=False, errors="raise",
                 threads=1, section_path=False):
    """A ``dask.dataframe.DataFrame`` of the records of many reports.

    ``sources`` is a glob pattern (``"reports/**/*.txt"``), a directory
    (its ``*.txt`` files, recursively), a path, or a list of these, expanded
    now, in the order :func:`vnreport.read_reports` uses. Files are grouped
    into partitions of about ``blocksize`` bytes (an int or a string such as
    "64MB"; None: one partition per file). ``threads`` is the number of C
    threads inside one partition (default 1: dask runs partitions in
    parallel). ``encoding``, ``lenient``, ``errors`` and ``section_path`` are
    as in :func:`vnreport.read_reports`.

    The rows are those of ``vnreport.read_reports(sources)``, in the same
    order; each partition has its own 0-based index (as dask's read_csv).
    """
    paths = _paths(sources)
    if not paths:
        raise ValueError("no report files in %r" % (sources,))
    meta = _clear_known_categories(
        _vnreport._dataframe([], True, section_path))
    return _dd.from_map(_ReadPartition(encoding, lenient, errors, threads, section_path),
                        _groups(paths, blocksize), meta=meta, label="vnreport-read-reports",
                        enforce_metadata=False)
