"""vnreport.dask.read_reports gives the rows of vnreport.read_reports under
the threaded scheduler, the process scheduler and a distributed.LocalCluster
(loopback only, two one-thread workers, shut down at the end)."""
import shutil

import pandas as pd
import pytest

import vnreport
from conftest import all_reports

# python3-dask, python3-distributed and python3-sqlalchemy: scripts/deps.sh.
import distributed
import sqlalchemy

import vnreport.dask


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """A folder of reports, nested, several partitions' worth."""
    root = tmp_path_factory.mktemp("reports")
    for i, path in enumerate(all_reports()):
        sub = root / ("part%d" % (i % 3))
        sub.mkdir(exist_ok=True)
        shutil.copy(path, sub / path.name)
    return root


def same_rows(got, expected):
    got = got.reset_index(drop=True)
    assert list(got.columns) == list(expected.columns)
    pd.testing.assert_frame_equal(got.astype(object), expected.astype(object))


def test_partitions_and_meta(reports):
    ddf = vnreport.dask.read_reports(str(reports / "**" / "*.txt"), blocksize=20000)
    assert ddf.npartitions > 1
    assert tuple(ddf.columns) == vnreport.FRAME_COLUMNS
    assert str(ddf.dtypes["role"]) == "category" and str(ddf.dtypes["line"]) == "Int64"
    one_each = vnreport.dask.read_reports(reports, blocksize=None)
    assert one_each.npartitions == len(list(reports.glob("**/*.txt")))


@pytest.mark.parametrize("scheduler", ["threads", "processes"])
def test_same_rows_as_read_reports(reports, scheduler):
    expected = vnreport.read_reports(reports)
    ddf = vnreport.dask.read_reports(str(reports / "**" / "*.txt"), blocksize=20000)
    same_rows(ddf.compute(scheduler=scheduler), expected)


def test_same_rows_on_a_local_cluster(reports):
    expected = vnreport.read_reports(reports)
    ddf = vnreport.dask.read_reports(reports, blocksize=20000)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None,
                                  silence_logs=40) as cluster, \
            distributed.Client(cluster, timeout="60s") as client:
        same_rows(client.compute(ddf).result(timeout=120), expected)
        counts = ddf.groupby("doc", observed=True).size().compute()
        assert counts.sum() == len(expected)
        # Documents travel between processes (they pickle): client.map(parse_file).
        paths = sorted(str(p) for p in reports.glob("**/*.txt"))
        docs = client.gather(client.map(vnreport.parse_file, paths), errors="raise")
        assert [d.to_records() for d in docs] == \
            [vnreport.parse_file(p).to_records() for p in paths]


def test_csv_and_sql_from_the_dask_frame(reports, tmp_path):
    ddf = vnreport.dask.read_reports(reports, blocksize=20000)
    expected = vnreport.read_reports(reports)
    ddf.to_csv(str(tmp_path / "part-*.csv"), index=False, scheduler="threads")
    back = pd.concat([pd.read_csv(p) for p in sorted(tmp_path.glob("part-*.csv"),
                                                      key=lambda p: int(p.stem.split("-")[1]))],
                     ignore_index=True)
    assert len(back) == len(expected) and list(back.columns) == list(expected.columns)
    uri = "sqlite:///" + str(tmp_path / "records.sqlite")
    ddf.to_sql("records", uri, index=False, compute=True)
    engine = sqlalchemy.create_engine(uri)
    with engine.connect() as con:
        assert con.execute(sqlalchemy.text("select count(*) from records")).scalar() == len(expected)


def test_bag_of_documents_on_processes(reports):
    import dask.bag
    paths = sorted(str(p) for p in reports.glob("**/*.txt"))
    docs = dask.bag.from_sequence(paths, npartitions=2).map(vnreport.parse_file) \
        .compute(scheduler="processes")
    assert [d.doc for d in docs] == [p.rsplit("/", 1)[1] for p in paths]
    assert [len(d) for d in docs] == [len(vnreport.parse_file(p)) for p in paths]


def test_file_objects_are_refused():
    with open(all_reports()[0], "rb") as f, pytest.raises(TypeError) as info:
        vnreport.dask.read_reports(f)
    assert str(info.value) == ("vnreport.dask.read_reports() takes paths, not file objects "
                               "(use vnreport.read_reports() for those)")
