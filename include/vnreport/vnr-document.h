/*
 * vnr-document.h — parsing a report into a document of indicator records.
 *
 * A vnr_parser holds options (encoding hint, lenient decoding, unit region).
 * vnr_parse()/vnr_parse_file() turn input into a vnr_document: metadata,
 * records and the fate of every number in the input. Documents are immutable
 * after parsing and reference-counted, so a binding can let each record keep
 * its document alive.
 *
 * Thread safety: no global mutable state. Distinct parsers may be used on
 * distinct threads at the same time; one parser must not be used by two
 * threads at once. A document is read-only and may be shared between threads
 * freely (vnr_document_ref()/vnr_document_unref() are atomic).
 *
 * Do not include this header directly: include <vnreport/vnreport.h>.
 */
#if !defined(VNR_H_IN) && !defined(VNR_COMPILATION)
#error "Only <vnreport/vnreport.h> can be included directly."
#endif

#ifndef VNR_DOCUMENT_H
#define VNR_DOCUMENT_H

VNR_BEGIN_DECLS

/** Parsing options (opaque). @since 0.1 */
typedef struct vnr_parser vnr_parser;
/** A parsed report: metadata, records, number fates (opaque, refcounted). @since 0.1 */
typedef struct vnr_document vnr_document;
/** One indicator observation (opaque, owned by its document). @since 0.1 */
typedef struct vnr_record vnr_record;

/**
 * Input encodings. VNR_ENCODING_AUTO detects (BOM, valid UTF-8, then the
 * most Vietnamese-looking legacy decoding).
 * @since 0.1
 */
typedef enum vnr_encoding {
    VNR_ENCODING_AUTO = 0,
    VNR_ENCODING_UTF8 = 1,
    VNR_ENCODING_UTF16LE = 2,
    VNR_ENCODING_UTF16BE = 3,
    VNR_ENCODING_CP1258 = 4,
    VNR_ENCODING_TCVN3 = 5,
    VNR_ENCODING_VNI = 6,
    VNR_ENCODING_VISCII = 7
} vnr_encoding;

/**
 * Statement roles of SPEC §4.
 * @since 0.1
 */
typedef enum vnr_role {
    VNR_ROLE_NONE = 0,       /**< Not classified (provisional records only). */
    VNR_ROLE_LEVEL = 1,      /**< A value reached: `ước đạt 421.499 tấn`. */
    VNR_ROLE_CHANGE = 2,     /**< A difference: `tăng 1,66%`, `giảm 4.968,6 tấn`. */
    VNR_ROLE_INDEX = 3,      /**< A ratio to a baseline: `bằng 102,2% so với cùng kỳ`. */
    VNR_ROLE_ATTAINMENT = 4, /**< Percent of plan/budget achieved. */
    VNR_ROLE_SHARE = 5,      /**< Part of a whole: `chiếm 16,93%`. */
    VNR_ROLE_TARGET = 6      /**< A planned value. */
} vnr_role;

/**
 * Qualifiers of SPEC §4.
 * @since 0.1
 */
typedef enum vnr_qualifier {
    VNR_QUALIFIER_NONE = 0,
    VNR_QUALIFIER_APPROX = 1, /**< khoảng, gần, xấp xỉ */
    VNR_QUALIFIER_GT = 2,     /**< trên, hơn, > */
    VNR_QUALIFIER_GE = 3,     /**< ≥, từ … trở lên, ít nhất */
    VNR_QUALIFIER_LT = 4,     /**< dưới, < */
    VNR_QUALIFIER_LE = 5      /**< ≤, tối đa, không quá */
} vnr_qualifier;

/**
 * Name of a role as used in every output ("level", "change", …).
 * @return a static string, or NULL for VNR_ROLE_NONE and unknown values.
 * @since 0.1
 */
VNR_API const char *vnr_role_name(vnr_role role);

/**
 * Name of a qualifier as used in every output ("approx", "gt", …).
 * @return a static string, or NULL for VNR_QUALIFIER_NONE and unknown values.
 * @since 0.1
 */
VNR_API const char *vnr_qualifier_name(vnr_qualifier qualifier);

/**
 * Name of an encoding ("utf-8", "tcvn3", …).
 * @return a static string, or NULL for unknown values.
 * @since 0.1
 */
VNR_API const char *vnr_encoding_name(vnr_encoding encoding);

/**
 * Look an encoding up by name, case-insensitively ("utf8", "utf-8",
 * "windows-1258", "cp1258", "tcvn3", "vni", "viscii", "auto", …).
 * @param name borrowed; may be NULL.
 * @param out receives the encoding on success.
 * @return VNR_OK, or VNR_E_INVALID_ARGUMENT for NULL/unknown names.
 * @since 0.1
 */
VNR_API vnr_status vnr_encoding_from_name(const char *name, vnr_encoding *out);

/* ------------------------------------------------------------------ */
/* Parser options                                                      */
/* ------------------------------------------------------------------ */

/**
 * Create a parser with default options (auto-detected encoding, strict
 * decoding, Northern regional units).
 * @return a new parser owned by the caller (free with vnr_parser_free()),
 *         or NULL when out of memory.
 * @since 0.1
 */
VNR_API vnr_parser *vnr_parser_new(void);

/**
 * Release a parser. Documents it produced stay valid.
 * @param parser owned by the caller; NULL is accepted and ignored.
 * @since 0.1
 */
VNR_API void vnr_parser_free(vnr_parser *parser);

/**
 * Choose the input encoding (default VNR_ENCODING_AUTO).
 * @param parser borrowed.
 * @return VNR_OK or VNR_E_INVALID_ARGUMENT.
 * @since 0.1
 */
VNR_API vnr_status vnr_parser_set_encoding(vnr_parser *parser, vnr_encoding encoding);

/**
 * Lenient decoding: invalid byte sequences become U+FFFD and are counted
 * (vnr_document_replacements()) instead of failing with VNR_E_ENCODING.
 * @param parser borrowed.
 * @param lenient non-zero to enable.
 * @return VNR_OK or VNR_E_INVALID_ARGUMENT.
 * @since 0.1
 */
VNR_API vnr_status vnr_parser_set_lenient(vnr_parser *parser, int lenient);

/* ------------------------------------------------------------------ */
/* Parsing                                                             */
/* ------------------------------------------------------------------ */

/**
 * Parse a report held in memory.
 *
 * @param parser borrowed options; NULL means default options.
 * @param data the input bytes, borrowed for the duration of the call only
 *        (the document keeps its own copy of what it needs). May contain NUL
 *        bytes (they are an encoding error in strict mode).
 * @param length number of bytes in @p data.
 * @param doc_name name recorded in every record's `doc` field, copied;
 *        NULL gives "-".
 * @param out receives a new document with one reference owned by the caller
 *        (release with vnr_document_unref()); set to NULL on failure.
 * @param error optional; on failure receives a new vnr_error owned by the
 *        caller (see vnr_error).
 * @return VNR_OK; VNR_E_INVALID_ARGUMENT; VNR_E_ENCODING (with line/byte);
 *         VNR_E_EMPTY for zero bytes; VNR_E_TOO_LARGE; VNR_E_NOMEM.
 * @since 0.1
 */
VNR_API vnr_status vnr_parse(vnr_parser *parser, const char *data, size_t length,
                             const char *doc_name, vnr_document **out,
                             vnr_error **error);

/**
 * Parse a report from a file. The document is named after the file's base
 * name. "-" reads standard input (then the name is "-").
 * @param parser borrowed; NULL means default options.
 * @param path borrowed file name.
 * @param out receives a new document owned by the caller, NULL on failure.
 * @param error optional, see vnr_error.
 * @return as vnr_parse(), plus VNR_E_IO when the file cannot be read.
 * @since 0.1
 */
VNR_API vnr_status vnr_parse_file(vnr_parser *parser, const char *path,
                                  vnr_document **out, vnr_error **error);

/* ------------------------------------------------------------------ */
/* Documents                                                           */
/* ------------------------------------------------------------------ */

/**
 * Take one more reference to @p doc. Atomic; safe from any thread.
 * @param doc borrowed; NULL is accepted.
 * @return @p doc.
 * @since 0.1
 */
VNR_API vnr_document *vnr_document_ref(vnr_document *doc);

/**
 * Drop one reference; the last one frees the document and its records.
 * @param doc NULL is accepted and ignored.
 * @since 0.1
 */
VNR_API void vnr_document_unref(vnr_document *doc);

/**
 * Document metadata fields of SPEC §4, by name: "doc", "province", "issuer",
 * "number", "date", "title", "period", "kind", "language", "encoding".
 * @param doc borrowed.
 * @param field borrowed field name.
 * @return borrowed UTF-8 string valid until the document is freed, or NULL
 *         when the field is unknown or was not found in the report.
 * @since 0.1
 */
VNR_API const char *vnr_document_meta(const vnr_document *doc, const char *field);

/**
 * Confidence of the chosen input encoding, 0..1 (1 for BOM or explicit).
 * @param doc borrowed; NULL gives 0.
 * @since 0.1
 */
VNR_API double vnr_document_encoding_confidence(const vnr_document *doc);

/**
 * Number of U+FFFD replacement characters inserted in lenient mode.
 * @param doc borrowed; NULL gives 0.
 * @since 0.1
 */
VNR_API size_t vnr_document_replacements(const vnr_document *doc);

/**
 * Number of records in @p doc.
 * @param doc borrowed; NULL gives 0.
 * @since 0.1
 */
VNR_API size_t vnr_document_record_count(const vnr_document *doc);

/**
 * The @p index-th record, in input order.
 * @param doc borrowed.
 * @return borrowed, valid until the document's last reference is dropped;
 *         NULL when @p doc is NULL or @p index is out of range.
 * @since 0.1
 */
VNR_API const vnr_record *vnr_document_record(const vnr_document *doc, size_t index);

/* ------------------------------------------------------------------ */
/* Records: one accessor per SPEC §4 field                             */
/* Every string returned is borrowed UTF-8 (NFC), valid until the      */
/* document's last reference is dropped. A NULL record gives NULL, 0   */
/* or NaN. Numbers that are null in JSON are NaN here.                 */
/* ------------------------------------------------------------------ */

/** Source name (`doc`). @since 0.1 */
VNR_API const char *vnr_record_doc(const vnr_record *rec);
/** Statement index within the document (`statement`), 0-based. @since 0.1 */
VNR_API size_t vnr_record_statement(const vnr_record *rec);
/** 1-based line in the original input where the value text starts. @since 0.1 */
VNR_API size_t vnr_record_line(const vnr_record *rec);
/** 1-based byte column of the value text in its original line. @since 0.1 */
VNR_API size_t vnr_record_col(const vnr_record *rec);
/** 0-based byte offset of the value text in the original input. @since 0.1 */
VNR_API size_t vnr_record_offset(const vnr_record *rec);
/** Byte length of the value text in the original input. @since 0.1 */
VNR_API size_t vnr_record_length(const vnr_record *rec);
/** Depth of the heading path (`section`). @since 0.1 */
VNR_API size_t vnr_record_section_depth(const vnr_record *rec);
/**
 * Heading @p level of the section path, 0 = outermost.
 * @return borrowed string, NULL when out of range. @since 0.1
 */
VNR_API const char *vnr_record_section(const vnr_record *rec, size_t level);
/** Entity the statement is about (`subject`), or NULL. @since 0.1 */
VNR_API const char *vnr_record_subject(const vnr_record *rec);
/** Measure phrase (`indicator`); "" when none was found. @since 0.1 */
VNR_API const char *vnr_record_indicator(const vnr_record *rec);
/** Statement role (`role`). @since 0.1 */
VNR_API vnr_role vnr_record_role(const vnr_record *rec);
/** Value as written, scale word not applied, sign applied (`value`). @since 0.1 */
VNR_API double vnr_record_value(const vnr_record *rec);
/** Upper end of a range (`value_max`), NaN when not a range. @since 0.1 */
VNR_API double vnr_record_value_max(const vnr_record *rec);
/** Denominator of `n/N` (`total`), NaN when none. @since 0.1 */
VNR_API double vnr_record_total(const vnr_record *rec);
/** Unit as written, scale word included (`unit`); "" for a bare number. @since 0.1 */
VNR_API const char *vnr_record_unit(const vnr_record *rec);
/** Value in the canonical unit (`canonical_value`). @since 0.1 */
VNR_API double vnr_record_canonical_value(const vnr_record *rec);
/** Canonical unit (`canonical_unit`), e.g. "m2", "VND/người/năm". @since 0.1 */
VNR_API const char *vnr_record_canonical_unit(const vnr_record *rec);
/** Dimension name (`dimension`): "area", "mass", "currency", "count", …. @since 0.1 */
VNR_API const char *vnr_record_dimension(const vnr_record *rec);
/** Qualifier (`qualifier`). @since 0.1 */
VNR_API vnr_qualifier vnr_record_qualifier(const vnr_record *rec);
/** Non-zero when an estimate word governs the value (`estimate`). @since 0.1 */
VNR_API int vnr_record_estimate(const vnr_record *rec);
/** Baseline (`baseline`), e.g. "previous_year", "year:2020", or NULL. @since 0.1 */
VNR_API const char *vnr_record_baseline(const vnr_record *rec);
/** Period the value refers to (`period`), e.g. "2021-Q1", or NULL. @since 0.1 */
VNR_API const char *vnr_record_period(const vnr_record *rec);
/** The clause the record came from, normalized (`text`). @since 0.1 */
VNR_API const char *vnr_record_text(const vnr_record *rec);

/* ------------------------------------------------------------------ */
/* Number accounting (audit)                                           */
/* ------------------------------------------------------------------ */

/**
 * Number of digit runs found in the input (ASCII digits and superscript
 * footnote digits), each with a fate.
 * @param doc borrowed; NULL gives 0.
 * @since 0.1
 */
VNR_API size_t vnr_document_number_count(const vnr_document *doc);

/**
 * Fate of the @p index-th digit run, in input order.
 * @param doc borrowed.
 * @param index 0-based.
 * @param offset receives the 0-based byte offset in the original input (may be NULL).
 * @param length receives the byte length in the original input (may be NULL).
 * @param line receives the 1-based original line (may be NULL).
 * @param record receives the index of the first record the run became, or
 *        (size_t)-1 when it became none (may be NULL).
 * @return borrowed static string naming the fate: "record", "date", "year",
 *         "period", "document_number", "list_marker", "identifier",
 *         "footnote_marker", "denominator", "ordinal", "unit_part", …;
 *         NULL when @p index is out of range.
 * @since 0.1
 */
VNR_API const char *vnr_document_number(const vnr_document *doc, size_t index,
                                        size_t *offset, size_t *length,
                                        size_t *line, size_t *record);

VNR_END_DECLS

#endif /* VNR_DOCUMENT_H */
