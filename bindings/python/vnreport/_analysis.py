"""Panels and arithmetic checks over parsed documents.

The same rules as ``vnreport panel`` and ``vnreport check`` (see
libvnreport/cli/cmd-panel.c and cmd-check.c, whose comments state them);
the bindings suite checks that both give the same rows and findings.
"""

import math
from collections import namedtuple

#: One finding of :meth:`Document.check`: the check's name, the two records
#: (``record_a`` the level/total, ``record_b`` the number that disagrees),
#: their lines, the value found, the value expected, the tolerance allowed
#: for rounding, and a sentence.
Finding = namedtuple("Finding", "check doc line_a line_b record_a record_b "
                                "found expected tolerance message")

#: Columns of :func:`panel` rows (and of ``vnreport panel``).
PANEL_COLUMNS = ("province", "period", "indicator_key", "subject_key", "role", "baseline",
                 "value", "unit", "canonical_value", "canonical_unit", "doc", "line",
                 "duplicates", "conflicts")


def half_unit(v):
    """Half a unit of the last decimal ``v`` is written with (at most 6)."""
    a = abs(v)
    for d in range(7):
        scaled = a * 10 ** d
        if abs(scaled - round(scaled)) < 1e-6 * max(scaled, 1):
            return 0.5 * 10 ** -d
    return 0.5e-6


def _canon_half(r):
    factor = r.canonical_value / r.value if r.value and r.canonical_value is not None else 1
    return half_unit(r.value) * abs(factor)


def _pct(r):
    return r.unit == "%"


def _same_unit(a, b):
    return (a.canonical_unit is not None and a.canonical_unit == b.canonical_unit
            and a.canonical_value is not None and b.canonical_value is not None)


def _parts(text):
    return bool(text) and ("trong đó" in text or "Trong đó" in text)


def _opens_with_parts(text):
    t = text.lstrip(" (-+")
    return t.startswith("trong đó") or t.startswith("Trong đó")


def _family(key):
    return ".".join(key.split(".")[:2]) if key else None


def _emit(out, kind, a, b, found, expected, tol, message):
    if abs(found - expected) > tol:
        out.append(Finding(kind, a.doc, a.line, b.line, a, b, found, expected, tol, message))


def _restated(recs, i, end, out):
    p = recs[i]
    if p.role != "change" or not _pct(p) or i + 1 >= end or i == 0:
        return
    a, l = recs[i + 1], recs[i - 1]
    if a.role != "change" or l.role != "level" or not _same_unit(l, a) or _pct(l):
        return
    L, A = l.canonical_value, a.canonical_value
    prev = L - A
    if prev <= 0:
        return
    uL, uA, P = _canon_half(l), _canon_half(a), p.value
    expected = A / prev * 100
    tol = half_unit(P) + 100 * (uA / prev + abs(A) * (uA + uL) / prev ** 2) + 0.001 * abs(expected)
    _emit(out, "restated_change", l, p, P, expected, tol,
          "the % change disagrees with the level and the restated absolute change")


def _attainment(recs, first, i, out):
    x = recs[i]
    if x.role != "attainment" or not _pct(x) or i == first:
        return
    t = l = recs[i - 1]
    if t.role == "target" and i - 1 > first:
        l = recs[i - 2]
        if l.role != "level" or not _same_unit(l, t):
            return
        T, L, uT, uL = t.canonical_value, l.canonical_value, _canon_half(t), _canon_half(l)
    elif t.role == "level" and t.total is not None:
        T, L = t.total, t.value
        uT, uL = half_unit(T), half_unit(L)
    else:
        return
    if T <= 0:
        return
    X = x.value
    expected = L / T * 100
    tol = 2 * half_unit(X) + 100 * (uL / T + abs(L) * uT / T ** 2) + 0.001 * abs(expected)
    _emit(out, "attainment", l, x, X, expected, tol,
          "the attainment disagrees with the level and its target")


def _sub_share(r):
    t = r.text or ""
    return "riêng" in t or "Riêng" in t or _parts(t)


def _shares(recs, first, end, out):
    def share(r):
        return r.role == "share" and _pct(r) and r.indicator_key and not _sub_share(r)
    done = set()
    for i in range(first, end):
        a = recs[i]
        if not share(a) or _family(a.indicator_key) in done:
            continue
        fam = _family(a.indicator_key)
        done.add(fam)
        group = [b for b in recs[i:end] if share(b) and _family(b.indicator_key) == fam]
        total = tol = 0.0
        members = []
        for b in group:
            members.append(b)
            total += b.value
            tol += half_unit(b.value)
            if len(members) >= 2 and total > 100 + tol:
                _emit(out, "shares_over_100", members[0], b, total, 100, tol,
                      "shares of one whole sum past 100 %")
                break
            if abs(total - 100) <= tol:
                total = tol = 0.0
                members = []


_CLAUSE_RECORDS = 64   # as CHECK_CLAUSE_RECORDS in cmd-check.c
_TEXT_MAX = 4096       # as CHECK_TEXT_MAX


def _same_text(a, b):
    return a is not None and b is not None and a[:_TEXT_MAX] == b[:_TEXT_MAX]


def _clause_head(recs, k):
    r = recs[k]
    head = k if r.role == "level" else None
    for j in range(k - 1, max(k - _CLAUSE_RECORDS, 0) - 1, -1):
        if not _same_text(recs[j].text, r.text):
            break
        if recs[j].role == "level":
            head = j
    return head


def _part(recs, i, out):
    part = recs[i]
    text = part.text
    if part.role != "level" or _pct(part) or not _parts(text):
        return
    head = _clause_head(recs, i)
    if head is None:
        return
    in_clause = 0
    for r in recs[head:head + _CLAUSE_RECORDS + 1]:
        if not _same_text(r.text, text):
            break
        in_clause += r.role == "level" and _same_unit(r, part)
    total = None
    if not _opens_with_parts(text):
        if head == i or in_clause > 2:
            return
        total = recs[head]
    else:
        for k in range(head - 1, max(head - _CLAUSE_RECORDS, 0) - 1, -1):
            r = recs[k]
            if r.statement + 3 < part.statement:
                break
            if r.role != "level" or not _same_unit(r, part):
                continue
            pp, rp = part.period, r.period
            same_period = pp is not None and pp == rp and r.indicator_key is not None \
                and _family(r.indicator_key) == _family(part.indicator_key)
            if (pp is not None and rp is not None and not same_period) or \
                    (not same_period and _clause_head(recs, k) != k):
                continue
            total = r
            break
    if total is None or not _same_unit(total, part):
        return
    T, P = total.canonical_value, part.canonical_value
    if P > T:
        _emit(out, "part_over_total", total, part, P, T, _canon_half(total) + _canon_half(part),
              "a `trong đó` part is larger than its total")


def check(doc):
    """Findings of every check over one document, in input order."""
    recs = list(doc)
    out = []
    first = 0
    while first < len(recs):
        end = first
        while end < len(recs) and recs[end].statement == recs[first].statement:
            end += 1
        for i in range(first, end):
            _restated(recs, i, end, out)
            _attainment(recs, first, i, out)
            _part(recs, i, out)
        _shares(recs, first, end, out)
        first = end
    return out


def _disagree(a, b):
    x, y = a.canonical_value, b.canonical_value
    if x is None or y is None:
        return not (x is None and y is None)
    return abs(x - y) > 0.005 * max(abs(x), abs(y)) + 1e-9


def panel_rows(doc):
    """Panel rows of one document as dicts (columns ``PANEL_COLUMNS``)."""
    kept, rows = {}, []
    for r in doc:
        if not r.indicator_key:
            continue
        period = r.period or doc.period
        key = (period, r.indicator_key, r.subject_key, r.role, r.baseline, r.canonical_unit)
        if key in kept:
            row, first = kept[key]
            row["duplicates"] += 1
            row["conflicts"] += _disagree(first, r)
            continue
        row = {"province": doc.province, "period": period, "indicator_key": r.indicator_key,
               "subject_key": r.subject_key, "role": r.role, "baseline": r.baseline,
               "value": r.value, "unit": r.unit,
               "canonical_value": r.canonical_value, "canonical_unit": r.canonical_unit,
               "doc": r.doc, "line": r.line, "duplicates": 0, "conflicts": 0}
        kept[key] = (row, r)
        rows.append(row)
    return rows


def nan_to_none(v):
    return None if isinstance(v, float) and math.isnan(v) else v
