"""Object-lifetime torture: records keep their document alive (each holds a
vnr_document_ref), so dropping and collecting in any order is safe. Run this
file under valgrind or ASan to see it leak nothing and touch no freed memory
(docs/bindings.md)."""
import gc
import random

import vnreport
from conftest import sample_reports


def records_and_snapshot(path):
    doc = vnreport.parse_file(path)
    records = list(doc)
    return records, [r.as_dict() for r in records]


def test_drop_document_before_records():
    for path in sample_reports():
        records, expected = records_and_snapshot(path)  # the document is gone
        gc.collect()
        assert [r.as_dict() for r in records] == expected


def test_record_of_a_temporary_document(sample_text):
    rec = vnreport.parse(sample_text)[-1]
    gc.collect()
    assert rec.text and rec.section == vnreport.parse(sample_text)[-1].section


def test_iterator_keeps_document_alive(sample_text):
    expected = vnreport.parse(sample_text).to_records()
    it = iter(vnreport.parse(sample_text))
    gc.collect()
    assert [r.as_dict() for r in it] == expected


def test_random_destruction_order():
    rng = random.Random(1234)
    paths = sample_reports()
    expected = {p.name: vnreport.parse_file(p).to_records() for p in paths}
    for _ in range(20):
        docs = [vnreport.parse_file(rng.choice(paths)) for _ in range(10)]
        held = [(doc.doc, rec.index(), rec) for doc in docs for rec in doc]
        rng.shuffle(held)
        while docs or held:
            if docs and (not held or rng.random() < 0.3):
                docs.pop(rng.randrange(len(docs)))
            else:
                name, index, rec = held.pop()
                assert rec.as_dict() == expected[name][index]
            if rng.random() < 0.1:
                gc.collect()


def test_raw_records_outlive_raw_document(sample_path):
    raw = vnreport._vnreport
    doc = raw.vnr_parse_file(None, str(sample_path))
    count = raw.vnr_document_record_count(doc)
    handles = [raw.vnr_document_record(doc, i) for i in range(count)]
    texts = [raw.vnr_record_text(h) for h in handles]
    sections = [h.section for h in handles]
    del doc
    gc.collect()
    assert [raw.vnr_record_text(h) for h in handles] == texts
    assert [h.section for h in handles] == sections


def test_reference_cycle_through_records(sample_text):
    class Holder:
        pass
    for _ in range(50):
        a, b = Holder(), Holder()
        a.other, b.other = b, a
        a.doc = vnreport.parse(sample_text)
        b.rec = a.doc[0]
    gc.collect()


def test_units_outlive_their_registry():
    reg = vnreport.Registry(region="south")
    reg.define("bao", 50, "kg")
    unit = vnreport.Unit("bao", reg)
    conv = vnreport.Converter("sào", "m2", reg)
    del reg
    gc.collect()
    assert unit.factor == 50 and unit.canonical == "kg"
    assert conv(1) == 1000


def test_builtin_registry_is_never_freed():
    for _ in range(100):
        vnreport.Registry.builtin()
    gc.collect()
    assert vnreport.convert(1, "sào", "m2", vnreport.Registry.builtin()) == 360


def test_many_parses_do_not_accumulate(sample_text):
    for _ in range(300):
        doc = vnreport.parse(sample_text)
        for rec in doc:
            rec.section
        doc.to_records()
