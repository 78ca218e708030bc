#!/usr/bin/python3
"""The 'documents' suite: PDF and DOCX input read like their text form.

  run-documents.py same VNREPORT DOCS_DIR SAMPLE_TXT
      the sample report as DOCX, ODT and PDF (made by make-documents.py)
      gives the records of its text form (value, unit, role, indicator,
      baseline, period), PDF records carry their page (several pages),
      text and DOCX records none; `audit` reads both.
  run-documents.py bad VNREPORT DOCS_DIR
      every hostile or damaged input returns its status and message, in
      under 2 s and 256 MB.
  run-documents.py table VNREPORT DOCS_DIR
      a table in a DOCX (and in an ODT) gives the same records as the
      same table in markdown (needs the table recognizer of issue 13).
"""
import json
import os
import subprocess
import sys
import time

KEY = ("value", "unit", "role", "indicator", "baseline", "period")
failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def records(vnreport, path):
    out = subprocess.run([vnreport, "extract", "--format", "jsonl", path], capture_output=True,
                         text=True, timeout=60)
    if out.returncode != 0:
        check(False, "%s: extract failed: %s" % (path, out.stderr.strip()))
        return []
    return [r for r in map(json.loads, out.stdout.splitlines()) if r["type"] == "record"]


def keys(recs):
    return [tuple(r[k] for k in KEY) for r in recs]


def same(vnreport, docs, sample):
    text = records(vnreport, sample)
    check(len(text) >= 20, "the text form gives %d records" % len(text))
    check(all(r["page"] is None for r in text), "text records have page null")
    for name in ("sample.docx", "sample.odt", "sample.pdf"):
        recs = records(vnreport, os.path.join(docs, name))
        got, want = keys(recs), keys(text)
        check(got == want, "%s gives the records of the text form (%d vs %d)"
              % (name, len(got), len(want)))
        if got != want:
            for a, b in zip(got, want):
                if a != b:
                    print("     got  %s\n     want %s" % (a, b))
                    break
        pages = sorted({r["page"] for r in recs})
        if name.endswith(".pdf"):
            check(len(pages) >= 2 and all(isinstance(p, int) and p >= 1 for p in pages),
                  "%s records carry their page: %s" % (name, pages))
        else:
            check(pages == [None], "%s records have page null" % name)
        audit = subprocess.run([vnreport, "audit", os.path.join(docs, name)],
                               capture_output=True, text=True, timeout=60)
        check(audit.returncode == 0 and audit.stdout.count("\trecord\t") == len(recs),
              "audit of %s names the numbers of its %d records" % (name, len(recs)))


# file → a fragment of the message it must give (exit status 1)
BAD = {
    "scan.pdf": "no text layer (a scan): run OCR first, e.g. ocrmypdf",
    "encrypted.pdf": "encrypted PDF",
    "truncated.pdf": "damaged PDF",
    "garbage.pdf": "damaged PDF",
    "pages-10000.pdf": "10000 pages exceeds the",
    "bomb.docx": "a zip bomb?",
    "nested.docx": "damaged word/document.xml: not well-formed XML (or nested too deep)",
    "xxe.docx": "unsafe word/document.xml: a DOCTYPE",
    "laughs.docx": "unsafe word/document.xml: a DOCTYPE",
    "path-trick.docx": "an entry is named out of the archive",
    "not-docx.zip": "not a DOCX or ODT document",
    "empty.odt": "ODT document with no text",
    "truncated.docx": "damaged ZIP archive",
}


def run_bounded(cmd):
    """Exit status, stderr, wall seconds and peak RSS in MB of cmd."""
    start = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = p.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    return p.returncode, err, time.monotonic() - start, usage.ru_maxrss / 1024


def bad(vnreport, docs):
    for name, want in BAD.items():
        path = os.path.join(docs, "bad", name)
        rc, err, secs, mb = run_bounded([vnreport, "extract", path])
        check(rc == 1 and want in err and "Sanitizer" not in err,
              "%s: status in %.2f s, %.0f MB: %s" % (name, secs, mb, err.strip()[:160]))
        check(secs < 2.0 and mb < 256, "%s within 2 s and 256 MB" % name)


def table(vnreport, docs):
    md = records(vnreport, os.path.join(docs, "table.md"))
    check(len(md) >= 3, "the markdown table gives %d records" % len(md))
    for name in ("table.docx", "table.odt"):
        got = records(vnreport, os.path.join(docs, name))
        check(keys(got) == keys(md), "%s gives the records of the markdown table" % name)


def main():
    mode, vnreport, docs = sys.argv[1], sys.argv[2], sys.argv[3]
    if mode == "same":
        same(vnreport, docs, sys.argv[4])
    elif mode == "bad":
        bad(vnreport, docs)
    else:
        table(vnreport, docs)
    print("%d failure(s)" % len(failures))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
