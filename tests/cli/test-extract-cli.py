#!/usr/bin/python3
"""`vnreport extract` and `audit` on the command line: per-command help,
getopt_long errors, directories, binary formats, unreadable files, --jobs
giving the same bytes as one job, the table's doc column, CSV metadata and
the progress line. Every error is checked for its exact exit status and
its exact message.

usage: test-extract-cli.py VNREPORT EXAMPLES_DIR
"""
import os
import pty
import shutil
import subprocess
import sys
import tempfile

failures = 0


def run(vnreport, args, **kw):
    return subprocess.run([vnreport] + args, capture_output=True, **kw)


def expect(name, r, status, stdout=None, stderr=None):
    """Exact exit status; exact stdout/stderr when given (str or bytes)."""
    global failures
    out = r.stdout if isinstance(stdout, bytes) else r.stdout.decode("utf-8", "replace")
    err = r.stderr.decode("utf-8", "replace")
    ok = r.returncode == status
    ok = ok and (stdout is None or out == stdout)
    ok = ok and (stderr is None or err == stderr)
    if not ok:
        failures += 1
        print(f"FAIL {name}: exit {r.returncode} (want {status})\n  stdout {out[:300]!r}"
              f"\n  stderr {err!r}\n  want stderr {stderr!r}")


def check(name, cond, detail=""):
    global failures
    if not cond:
        failures += 1
        print(f"FAIL {name} {detail}")


def help_and_usage(v):
    for command in ("extract", "audit", "convert", "units"):
        r = run(v, [command, "--help"])
        expect(f"{command} --help", r, 0, stderr="")
        check(f"{command} --help text", r.stdout.decode().startswith(f"usage: vnreport {command}"))
        expect(f"help {command}", run(v, ["help", command]), 0, stdout=r.stdout.decode())
        expect(f"{command} -h", run(v, [command, "-h"]), 0, stdout=r.stdout.decode())
    expect("unknown option", run(v, ["extract", "--bogus", "a.txt"]), 2, "",
           "vnreport: extract: unknown option '--bogus' (try 'vnreport extract --help')\n")
    expect("unknown short option", run(v, ["extract", "-x", "a.txt"]), 2, "",
           "vnreport: extract: unknown option '-x' (try 'vnreport extract --help')\n")
    expect("missing value", run(v, ["extract", "a.txt", "--format"]), 2, "",
           "vnreport: extract: option '--format' needs a value (try 'vnreport extract --help')\n")
    expect("unknown format", run(v, ["extract", "--format=xml", "a.txt"]), 2, "",
           "vnreport: extract: unknown format 'xml' (jsonl, csv or table) "
           "(try 'vnreport extract --help')\n")
    enc = ("unknown encoding 'latin9' (auto, utf-8, utf-16le, utf-16be, windows-1258, tcvn3, "
           "vni, viscii)")
    expect("unknown encoding", run(v, ["extract", "-e", "latin9", "a.txt"]), 2, "",
           f"vnreport: extract: {enc} (try 'vnreport extract --help')\n")
    expect("audit unknown encoding", run(v, ["audit", "--encoding", "latin9", "a.txt"]), 2, "",
           f"vnreport: audit: {enc} (try 'vnreport audit --help')\n")
    expect("bad jobs", run(v, ["extract", "-j", "0", "a.txt"]), 2, "",
           "vnreport: extract: --jobs takes a number from 1 to 256, not '0' "
           "(try 'vnreport extract --help')\n")
    expect("metadata needs csv", run(v, ["extract", "--with-metadata", "a.txt"]), 2, "",
           "vnreport: extract: --with-metadata goes with --format csv "
           "(try 'vnreport extract --help')\n")
    expect("no input", run(v, ["extract"]), 2, "",
           "vnreport: extract: no input file (try 'vnreport extract --help')\n")
    expect("units unknown option", run(v, ["units", "--bogus"]), 2, "",
           "vnreport: units: unknown option '--bogus' (try 'vnreport units --help')\n")
    expect("units region", run(v, ["units", "--region", "west"]), 2, "",
           "vnreport: units: unknown region 'west' (north, central, south) "
           "(try 'vnreport units --help')\n")
    # options after the file names (getopt_long permutes)
    check("help lists --region", b"--region" in run(v, ["--help"]).stdout)


# (file, bytes, what the message says). PDF, ZIP-based and .doc files belong
# to the decode stage (docs/input-formats.md), which reads real ones and names
# what is wrong with these truncated ones; the rest are refused by name.
DAMAGED_ZIP = "damaged ZIP archive (DOCX/ODT): Not a zip archive"
BINARIES = [
    ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\n",
     "damaged PDF: PDF document is damaged"),
    ("report.docx", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml"
                    b"PK\x03\x04\x14\x00word/document.xml<w:t>t\xc4\x83ng 5%</w:t>", DAMAGED_ZIP),
    ("report.xlsx", b"PK\x03\x04\x14\x00\x06\x00xl/workbook.xml", DAMAGED_ZIP),
    ("archive.zip", b"PK\x03\x04\x14\x00\x00\x00notes.txt", DAMAGED_ZIP),
    ("report.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(200),
     "a Word 97-2003 .doc file: save it as DOCX (or PDF) first"),
    ("scan.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image \u2014 convert it to text first"),
    ("data.bin", bytes(range(256)) * 4 + "tăng 12,5% so với cùng kỳ\n".encode() * 3,
     "binary data, not text \u2014 convert it to text first"),
]


def binary_formats(v, tmp):
    for name, data, what in BINARIES:
        path = os.path.join(tmp, name)
        with open(path, "wb") as f:
            f.write(data)
        want = f"vnreport: {path}: {what}\n"
        expect(f"binary {name}", run(v, ["extract", path]), 1, "", want)
        expect(f"binary {name} --lenient", run(v, ["extract", "--lenient", path]), 1, "", want)
        expect(f"binary {name} audit", run(v, ["audit", "--lenient", path]), 1, "", want)
    # UTF-16 text is full of NUL bytes and is not binary
    path = os.path.join(tmp, "utf16.txt")
    with open(path, "wb") as f:
        f.write("\ufeffSản lượng lúa đạt 421.499 tấn, tăng 1,66%.\n".encode("utf-16-le"))
    r = run(v, ["extract", path])
    expect("utf-16 is text", r, 0, stderr="")
    check("utf-16 records", r.stdout.count(b'"type":"record"') == 2, r.stdout[:200])


def json_escapes(v, tmp):
    """Quotes, backslashes and long plain runs survive the word-at-a-time
    escaper: every line is JSON and the text reads back as written."""
    import json
    path = os.path.join(tmp, "quotes.txt")
    clause = ('Sản lượng "lúa mùa" (C:\\dữ liệu\\báo cáo) của tỉnh ' + "x" * 37 +
              ' ước đạt 421.499 tấn, tăng 1,66%.')
    with open(path, "w", encoding="utf-8") as f:
        f.write(clause + "\n")
    r = run(v, ["extract", path])
    expect("json escapes", r, 0, stderr="")
    lines = [json.loads(line) for line in r.stdout.decode().splitlines()]
    texts = [rec["text"] for rec in lines if rec["type"] == "record"]
    check("json escapes: records", len(texts) == 2, texts)
    check("json escapes: text", all('"lúa mùa"' in t and "C:\\dữ liệu\\báo cáo" in t
                                    for t in texts), texts)


def files_and_directories(v, tmp, sample, sample2):
    tree = os.path.join(tmp, "reports")
    os.makedirs(os.path.join(tree, "sub"))
    shutil.copy(sample, os.path.join(tree, "b.txt"))
    shutil.copy(sample2, os.path.join(tree, "a.txt"))
    shutil.copy(sample, os.path.join(tree, "sub", "c.txt"))
    shutil.copy(sample, os.path.join(tree, ".hidden.txt"))
    os.symlink("..", os.path.join(tree, "sub", "up"))          # a cycle: not followed
    os.symlink(os.path.join(tree, "a.txt"), os.path.join(tree, "sub", "d.txt"))  # a file: read
    listed = [os.path.join(tree, p) for p in ("a.txt", "b.txt", "sub/c.txt", "sub/d.txt")]
    want = run(v, ["extract"] + listed)
    expect("explicit files", want, 0, stderr="")
    expect("directory = its files in name order", run(v, ["extract", tree]), 0,
           want.stdout.decode(), "")
    expect("directory with trailing slash", run(v, ["extract", tree + "/"]), 0, stderr="")

    empty = os.path.join(tmp, "empty")
    os.mkdir(empty)
    expect("empty directory", run(v, ["extract", empty]), 1, "",
           f"vnreport: {empty}: empty directory, no report to read\n")
    expect("audit of a directory", run(v, ["audit", tree]), 1, "",
           f"vnreport: {tree}: cannot read {tree}: Is a directory\n")

    missing = os.path.join(tmp, "missing.txt")
    r = run(v, ["extract", listed[0], missing, listed[1]])
    expect("missing file", r, 1, stderr=f"vnreport: {missing}: cannot open {missing}: "
                                        "No such file or directory\n")
    check("missing file: the others are written", r.stdout.count(b'"type":"document"') == 2)

    locked = os.path.join(tmp, "locked.txt")
    shutil.copy(sample, locked)
    os.chmod(locked, 0)
    drop = None
    if os.geteuid() == 0:   # root reads any file: run as nobody
        os.chmod(tmp, 0o755)

        def drop():
            os.setgid(65534)
            os.setuid(65534)
    expect("unreadable file", run(v, ["extract", locked], preexec_fn=drop), 1, "",
           f"vnreport: {locked}: cannot open {locked}: Permission denied\n")


def jobs_and_formats(v, tmp, inputs):
    one = run(v, ["extract", "-j", "1"] + inputs)
    expect("-j 1", one, 0, stderr="")
    for j in ("2", "3", "8"):
        expect(f"-j {j} same bytes as -j 1", run(v, ["extract", "--jobs", j] + inputs), 0,
               one.stdout.decode(), "")
    expect("default jobs same bytes", run(v, ["extract"] + inputs), 0, one.stdout.decode(), "")
    csv1 = run(v, ["extract", "-f", "csv", "-j", "1"] + inputs)
    expect("csv -j 2", run(v, ["extract", "-f", "csv", "-j", "2"] + inputs), 0,
           csv1.stdout.decode(), "")

    table = run(v, ["extract", "--format", "table"] + inputs[:2]).stdout.decode().splitlines()
    check("table doc column", table[0].startswith("doc ") and
          table[1].startswith(os.path.basename(inputs[0])), table[:2])
    single = run(v, ["extract", "--format", "table", inputs[0]]).stdout.decode().splitlines()
    check("table without doc column for one file", single[0].startswith("line "), single[:1])

    meta = run(v, ["extract", "--format", "csv", "--with-metadata", inputs[0]])
    rows = meta.stdout.decode().splitlines()
    plain = run(v, ["extract", "--format", "csv", inputs[0]]).stdout.decode().splitlines()
    check("csv metadata header", rows[0] == plain[0] + ",doc_province,doc_issuer,doc_number,"
          "doc_date,doc_title,doc_period,doc_kind,doc_language,doc_encoding", rows[0])
    check("csv metadata rows", len(rows) == len(plain) and rows[1].startswith(plain[1] + ",") and
          rows[1].endswith(",vi,utf-8"), rows[1:2])


def progress(v, inputs):
    many = inputs * 13   # >= 20 files
    n = len(many)
    master, slave = pty.openpty()
    r = subprocess.run([v, "extract", "-j", "2"] + many, stdout=subprocess.DEVNULL,
                       stderr=slave)
    os.close(slave)
    err = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        err += chunk
    os.close(master)
    check("progress on a terminal", r.returncode == 0 and
          err.endswith(f"\rvnreport: extract: {n}/{n} files\r\n".encode()), err[-80:])
    r = run(v, ["extract"] + many)
    expect("no progress when stderr is not a terminal", r, 0, stderr="")
    master, slave = pty.openpty()
    r = subprocess.run([v, "extract", "--no-progress"] + many, stdout=subprocess.DEVNULL,
                       stderr=slave)
    os.close(slave)
    os.set_blocking(master, False)
    try:
        err = os.read(master, 100)
    except OSError:
        err = b""
    os.close(master)
    check("--no-progress", r.returncode == 0 and err == b"", err)


def main(argv):
    v, examples = argv[1], argv[2]
    sample = os.path.join(examples, "sample-report.txt")
    sample2 = os.path.join(examples, "sample-report-2.txt")
    help_and_usage(v)
    with tempfile.TemporaryDirectory() as tmp:
        binary_formats(v, tmp)
        json_escapes(v, tmp)
        files_and_directories(v, tmp, sample, sample2)
        jobs_and_formats(v, tmp, [sample, sample2, sample2, sample])
    progress(v, [sample, sample2])
    print(f"{failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
