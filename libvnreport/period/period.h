/*
 * period.h — the period grammar, shared by metadata (the document's period
 * and kind) and the recognizer (a record's period).
 *
 * Owns: reading period phrases from lower-cased NFC text — `tháng 9/2024`,
 * `tháng 9 năm 2024`, `9 tháng năm 2024`, `lũy kế 9 tháng`, `6 tháng đầu
 * năm`, `quý III/2024`, `năm 2024` — and writing them as SPEC period codes
 * (`2024-M09`, `2024-01/2024-09`, `2024-H1`, `2024-Q3`, `2024`); whether a
 * phrase is a comparison (`so với tháng 3`) rather than the period a value
 * refers to; whether a text holds a head word at all (so a caller can
 * skip the grammar); web date lines (`Thứ sáu - 27/10/2023 03:14`). Words
 * live in period.def.
 *
 * May include: base (utf8.h) and the C library: it sits below metadata and
 * recognize, its only users.
 */
#ifndef VNR_PERIOD_H
#define VNR_PERIOD_H

#include <stdbool.h>
#include <stddef.h>

typedef enum period_kind {
    PK_NONE, PK_MONTH, PK_QUARTER, PK_HALF, PK_MONTHS, PK_YEAR
} period_kind;

/* One period phrase found in a lower-cased string. */
enum { PERIOD_YEAR_BEFORE = -1 };

typedef struct period_ref {
    period_kind kind;
    int n;              /* month 1–12, quarter 1–4, half 1–2, months counted */
    int year;           /* 0 when the phrase leaves it unsaid; PERIOD_YEAR_BEFORE: the
                         * report's year before (`năm trước`) */
    size_t start, end;  /* byte span of the phrase in the scanned string */
    bool compared;      /* after `so với`, `cùng kỳ`, `giá so sánh`, …: not the period */
    bool comparison;    /* compared with values (`so với`, `cùng kỳ`), not a base or term */
} period_ref;

/* The first period phrase starting at or after byte `from` of s[0..n).
 * Returns false when there is none. */
bool period_next(const char *s, size_t n, size_t from, period_ref *out);

/* Does s[0..n) hold a head word (tháng, quý, năm), as bytes rather than
 * as a whole word? Every phrase period_next finds holds one, and head
 * words are letters only: a caller may skip a text that holds none. */
bool period_holds_head(const char *s, size_t n);

/* No head word is longer (bytes): a text that holds none keeps holding
 * none where it grows, but for the last PERIOD_HEAD_MAX - 1 bytes before. */
enum { PERIOD_HEAD_MAX = 8 };

/* The last period phrase of s[0..n) that is not a comparison. */
bool period_last(const char *s, size_t n, period_ref *out);

/* The first period phrase of s[0..n) that is not a comparison. */
bool period_first(const char *s, size_t n, period_ref *out);

/* The phrase as a SPEC period code, its unsaid year taken as `year`.
 * Writes at most cap bytes (NUL included); returns false when no year is
 * known or the phrase has no code. */
bool period_format(const period_ref *p, int year, char *buf, size_t cap);

/* The year period p names: its own, the report's year before for
 * PERIOD_YEAR_BEFORE, else `year` (the report's); 0 when none is known. */
int period_resolved_year(const period_ref *p, int year);

/* The month of its year a period ends with (1..12; a year: 12; none: 0). */
int period_end_month(const period_ref *p);

/* From January to the end of period p, of p's year (`lũy kế`, `cộng dồn
 * từ đầu năm` in a September report: 2024-01/2024-09): 3 months are the
 * first quarter, 6 the first half, 12 the year; kind PK_NONE for none. */
period_ref period_to_date(const period_ref *p);

/* The kind of document whose title names this period first: "monthly",
 * "quarterly", "half_year", "year_to_date", "annual" (static strings). */
const char *period_doc_kind(const period_ref *p);

/* Whether a lower-cased title announces a plan or resolution. */
bool period_plan_title(const char *s, size_t n);

/* Whether a lower-cased title opens with a plan word (`Chỉ tiêu kế hoạch
 * năm 2025 …`, `Kế hoạch …`). */
bool period_opens_plan_title(const char *s, size_t n);

/* A web page's date line (`09:05, 31/05/2021`, `Thứ sáu - 27/10/2023
 * 03:14`): the date as ISO `YYYY-MM-DD` in buf (cap ≥ 11), or false. */
bool period_date_line(const char *s, size_t n, char *buf, size_t cap);

/* What a value compared with `compared` is compared with, seen from a
 * document about `current` (kind PK_NONE when unknown) of year `year`:
 * the December of the year before → `year_end:Y`; the period just before
 * → `previous_period`; the same period a year earlier →
 * `same_period_last_year`, also when the compared half, quarter or months
 * of the year before is not the document's own kind of period (a June
 * release compared `so với 6 tháng đầu năm` of last year). Writes the code
 * into buf; false when the comparison is none of these. */
bool period_baseline(const period_ref *compared, const period_ref *current, int year,
                     char *buf, size_t cap);

/* A comparand's lead (`ước thực hiện`, `cả`) and then a cumulative or
 * averaging word (`bình quân`, `lũy kế`, `tính chung`), each optional, at
 * the start of s[0..n): the bytes they and the blanks after them span, 0
 * when there is none (`so với bình quân quý IV năm 2022`, `so với ước
 * thực hiện năm 2017`). */
size_t period_lead_length(const char *s, size_t n);

/* `31/12/2023`, `thời điểm 31/12/2023` at the start of s: the end of that
 * year as a reference point. Returns the bytes used (0: no such date) and
 * the year in *year. */
size_t period_year_end_date(const char *s, size_t n, int *year);

/* The first year of s[0..n) that stands alone: not in a span (`2021-2025`),
 * a date (`/2023`) or after a price base, term or comparison; 0 if none. */
int period_plain_year(const char *s, size_t n);

/* The year of the first full date of s[0..n) (`16-10-2025`, `16/10/2025`,
 * `27.03.2018`); 0 if none. The last resort for a report's year. */
int period_first_date_year(const char *s, size_t n);

/* The year in s[i..n) when four digits 1900–2100 start there and no digit
 * follows; 0 otherwise. */
int period_year_at(const char *s, size_t n, size_t i);

#endif
