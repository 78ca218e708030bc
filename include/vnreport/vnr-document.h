/**
 * @file vnr-document.h
 * @brief Parsing a report into a document of indicator records.
 *
 * A vnr_parser holds options (encoding hint, lenient decoding).
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

/**
 * Parsing options (opaque). Created with vnr_parser_new(), owned by the
 * caller, released with vnr_parser_free().
 * @since 0.1
 */
typedef struct vnr_parser vnr_parser;
/**
 * A parsed report: metadata, records, number fates (opaque, immutable,
 * reference-counted with vnr_document_ref() and vnr_document_unref()).
 * @since 0.1
 */
typedef struct vnr_document vnr_document;
/**
 * One indicator observation (opaque). Owned by its document: never freed by
 * the caller, valid until the document's last reference is dropped.
 * @since 0.1
 */
typedef struct vnr_record vnr_record;

/**
 * Input encodings. VNR_ENCODING_AUTO detects (BOM, valid UTF-8, then the
 * most Vietnamese-looking legacy decoding).
 * @since 0.1
 */
typedef enum vnr_encoding {
    VNR_ENCODING_AUTO = 0,    /**< Detect: BOM, valid UTF-8, then legacy encodings. */
    VNR_ENCODING_UTF8 = 1,    /**< UTF-8, with or without BOM. */
    VNR_ENCODING_UTF16LE = 2, /**< UTF-16, little-endian. */
    VNR_ENCODING_UTF16BE = 3, /**< UTF-16, big-endian. */
    VNR_ENCODING_CP1258 = 4,  /**< Windows-1258 (Vietnamese Windows code page). */
    VNR_ENCODING_TCVN3 = 5,   /**< TCVN3 (ABC) legacy font encoding, `.VnTime` fonts. */
    VNR_ENCODING_VNI = 6,     /**< VNI legacy font encoding, `VNI-Times` fonts. */
    VNR_ENCODING_VISCII = 7   /**< VISCII (RFC 1456). */
} vnr_encoding;

/**
 * Statement roles (the `role` field; docs/guide.md, "Roles").
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
 * Qualifiers (the `qualifier` field; docs/guide.md, "Record fields").
 * @since 0.1
 */
typedef enum vnr_qualifier {
    VNR_QUALIFIER_NONE = 0,   /**< No qualifier: the value is exact as written. */
    VNR_QUALIFIER_APPROX = 1, /**< khoảng, gần, xấp xỉ */
    VNR_QUALIFIER_GT = 2,     /**< trên, hơn, > */
    VNR_QUALIFIER_GE = 3,     /**< ≥, từ … trở lên, ít nhất */
    VNR_QUALIFIER_LT = 4,     /**< dưới, < */
    VNR_QUALIFIER_LE = 5      /**< ≤, tối đa, không quá */
} vnr_qualifier;

/**
 * Name of a role as used in every output ("level", "change", …).
 * @param role any value.
 * @return a static string owned by the library (never to be freed), or NULL
 *         for VNR_ROLE_NONE and unknown values.
 * @since 0.1
 */
VNR_API const char *vnr_role_name(vnr_role role);

/**
 * Name of a qualifier as used in every output ("approx", "gt", …).
 * @param qualifier any value.
 * @return a static string owned by the library (never to be freed), or NULL
 *         for VNR_QUALIFIER_NONE and unknown values.
 * @since 0.1
 */
VNR_API const char *vnr_qualifier_name(vnr_qualifier qualifier);

/**
 * Name of an encoding ("utf-8", "tcvn3", …).
 * @param encoding any value.
 * @return a static string owned by the library (never to be freed), or NULL
 *         for unknown values.
 * @since 0.1
 */
VNR_API const char *vnr_encoding_name(vnr_encoding encoding);

/**
 * Look an encoding up by name, case-insensitively ("utf8", "utf-8",
 * "windows-1258", "cp1258", "tcvn3", "vni", "viscii", "auto", …).
 * @param name borrowed for the call; may be NULL.
 * @param out caller's variable; receives the encoding on success, untouched
 *        on failure.
 * @return VNR_OK, or VNR_E_INVALID_ARGUMENT for NULL/unknown names.
 * @since 0.1
 */
VNR_API vnr_status vnr_encoding_from_name(const char *name, vnr_encoding *out);

/* ------------------------------------------------------------------ */
/* Parser options                                                      */
/* ------------------------------------------------------------------ */

/** The default, and largest, input size a parser accepts: 1 GiB. @since 0.3 */
#define VNR_MAX_INPUT_DEFAULT ((size_t)1 << 30)

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
 * @param parser borrowed for the call; modified.
 * @param encoding the encoding of every input parsed with @p parser from
 *        now on.
 * @return VNR_OK, or VNR_E_INVALID_ARGUMENT for a NULL parser or an unknown
 *         encoding.
 * @since 0.1
 */
VNR_API vnr_status vnr_parser_set_encoding(vnr_parser *parser, vnr_encoding encoding);

/**
 * Lenient decoding: invalid byte sequences become U+FFFD and are counted
 * (vnr_document_replacements()) instead of failing with VNR_E_ENCODING.
 * @param parser borrowed for the call; modified.
 * @param lenient non-zero to enable, 0 to disable (the default).
 * @return VNR_OK or VNR_E_INVALID_ARGUMENT.
 * @since 0.1
 */
VNR_API vnr_status vnr_parser_set_lenient(vnr_parser *parser, int lenient);

/**
 * The largest input @p parser accepts, in bytes; vnr_parse() and
 * vnr_parse_file() refuse anything longer with VNR_E_TOO_LARGE, and
 * vnr_parse_file() stops reading a stream (standard input, a pipe,
 * /dev/zero) one byte past it, so a refused input never costs more memory
 * than the limit. The default and the ceiling are VNR_MAX_INPUT_DEFAULT.
 *
 * Whatever the limit, a document's memory stays under 8 × its input plus
 * 16 MB: an input that would need more (millions of numbers in a row, such
 * as `1 1 1 …`) is refused with VNR_E_TOO_LARGE as well.
 * @param parser borrowed for the call; modified.
 * @param bytes the limit; 0 restores the default.
 * @return VNR_OK, or VNR_E_INVALID_ARGUMENT for a NULL parser or a limit
 *         above VNR_MAX_INPUT_DEFAULT.
 * @since 0.3
 */
VNR_API vnr_status vnr_parser_set_max_input(vnr_parser *parser, size_t bytes);

/**
 * The input limit of @p parser (see vnr_parser_set_max_input()).
 * @param parser borrowed; NULL gives the default.
 * @return the limit in bytes.
 * @since 0.3
 */
VNR_API size_t vnr_parser_max_input(const vnr_parser *parser);

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
 * @param doc_name name recorded in every record's `doc` field, borrowed
 *        for the call (the document keeps a copy); NULL gives "-".
 * @param out receives a new document with one reference owned by the caller
 *        (release with vnr_document_unref()); set to NULL on failure.
 * @param error optional; on failure receives a new vnr_error owned by the
 *        caller (see vnr_error).
 * @return VNR_OK; VNR_E_INVALID_ARGUMENT; VNR_E_ENCODING (with line/byte),
 *         also, in lenient mode too, for a binary format, named in the
 *         message ("a PDF file — convert it to text first"; PDF, Word,
 *         Excel, OpenDocument, ZIP, images, archives, executables, other
 *         data full of control bytes); VNR_E_EMPTY for zero bytes;
 *         VNR_E_TOO_LARGE; VNR_E_NOMEM.
 * @since 0.1
 */
VNR_API vnr_status vnr_parse(vnr_parser *parser, const char *data, size_t length,
                             const char *doc_name, vnr_document **out,
                             vnr_error **error);

/**
 * Parse a report from a file. The document is named after the file's base
 * name. "-" reads standard input (then the name is "-").
 * @param parser borrowed for the call; NULL means default options.
 * @param path file name, borrowed for the call.
 * @param out receives a new document with one reference owned by the caller
 *        (release with vnr_document_unref()); set to NULL on failure.
 * @param error optional; on failure receives a new vnr_error owned by the
 *        caller (see vnr_error).
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
 * @param doc borrowed: a document the caller holds a reference to; NULL
 *        is accepted.
 * @return @p doc, with one more reference now owned by the caller (drop it
 *         with vnr_document_unref()); NULL when @p doc is NULL.
 * @since 0.1
 */
VNR_API vnr_document *vnr_document_ref(vnr_document *doc);

/**
 * Drop one reference; the last one frees the document, its records and
 * every string borrowed from them. Atomic; safe from any thread.
 * @param doc a reference owned by the caller, given up by this call; NULL
 *        is accepted and ignored.
 * @since 0.1
 */
VNR_API void vnr_document_unref(vnr_document *doc);

/**
 * Document metadata fields (docs/guide.md), by name: "doc", "province", "issuer",
 * "number", "date", "title", "period", "kind", "language", "encoding",
 * "format" (what the input was, by content: "text", "pdf", "docx" or "odt";
 * since 0.3).
 * @param doc borrowed; may be NULL (then NULL is returned).
 * @param field field name, borrowed for the call.
 * @return borrowed UTF-8 string valid until the document is freed, or NULL
 *         when the field is unknown or was not found in the report.
 * @since 0.1
 */
VNR_API const char *vnr_document_meta(const vnr_document *doc, const char *field);

/**
 * Confidence of the chosen input encoding.
 * @param doc borrowed; may be NULL.
 * @return 0..1: 1 for a BOM or an encoding the caller chose, less for a
 *         detected legacy encoding, and for UTF-16 the caller chose without
 *         a BOM the share of characters that are Latin or Vietnamese (UTF-8
 *         read as UTF-16 gives mostly CJK: near 0); 0 when @p doc is NULL.
 * @since 0.1
 */
VNR_API double vnr_document_encoding_confidence(const vnr_document *doc);

/**
 * Number of U+FFFD replacement characters inserted in lenient mode.
 * @param doc borrowed; may be NULL.
 * @return the count; 0 in strict mode or when @p doc is NULL.
 * @since 0.1
 */
VNR_API size_t vnr_document_replacements(const vnr_document *doc);

/**
 * Number of records in @p doc.
 * @param doc borrowed; may be NULL.
 * @return the count; 0 when @p doc is NULL.
 * @since 0.1
 */
VNR_API size_t vnr_document_record_count(const vnr_document *doc);

/**
 * The @p index-th record, in input order.
 * @param doc borrowed; may be NULL.
 * @param index 0-based, below vnr_document_record_count().
 * @return a record borrowed from @p doc (never to be freed), valid until
 *         the document's last reference is dropped; NULL when @p doc is
 *         NULL or @p index is out of range.
 * @since 0.1
 */
VNR_API const vnr_record *vnr_document_record(const vnr_document *doc, size_t index);

/* ------------------------------------------------------------------ */
/* Records: one accessor per field (docs/guide.md, "Record fields")   */
/* Every string returned is borrowed UTF-8 (NFC), valid until the      */
/* document's last reference is dropped. A NULL record gives NULL, 0   */
/* or NaN. Numbers that are null in JSON are NaN here.                 */
/* ------------------------------------------------------------------ */

/**
 * Source name (`doc`): the file's base name, the name given to vnr_parse(),
 * or "-".
 * @param rec borrowed; may be NULL.
 * @return a string borrowed from the record's document; NULL for a NULL record.
 * @since 0.1
 */
VNR_API const char *vnr_record_doc(const vnr_record *rec);
/**
 * Statement index within the document (`statement`). Records of one
 * statement (a level and the changes that restate it) share it.
 * @param rec borrowed; may be NULL.
 * @return the 0-based index; 0 for a NULL record.
 * @since 0.1
 */
VNR_API size_t vnr_record_statement(const vnr_record *rec);
/**
 * Line in the original input where the value text starts (`line`).
 * @param rec borrowed; may be NULL.
 * @return the 1-based line; 0 for a NULL record.
 * @since 0.1
 */
VNR_API size_t vnr_record_line(const vnr_record *rec);
/**
 * Column of the value text in its original line (`col`), in bytes.
 * @param rec borrowed; may be NULL.
 * @return the 1-based byte column; 0 for a NULL record.
 * @since 0.1
 */
VNR_API size_t vnr_record_col(const vnr_record *rec);
/**
 * Byte offset of the value text in the original input (`offset`), whatever
 * the encoding and whatever the normalizer removed.
 * @param rec borrowed; may be NULL.
 * @return the 0-based byte offset; 0 for a NULL record.
 * @since 0.1
 */
VNR_API size_t vnr_record_offset(const vnr_record *rec);
/**
 * Byte length of the value text in the original input (`length`).
 * @param rec borrowed; may be NULL.
 * @return the length in bytes; 0 for a NULL record.
 * @since 0.1
 */
VNR_API size_t vnr_record_length(const vnr_record *rec);
/**
 * Page of a PDF input where the value text stands (`page`). For PDF input
 * `line`, `col`, `offset` and `length` are positions in the text extracted
 * from the file (line: within the page), not in its bytes.
 * @param rec borrowed; may be NULL.
 * @return the 1-based page; 0 for text and DOCX input (null in JSON) and
 *         for a NULL record.
 * @since 0.3
 */
VNR_API size_t vnr_record_page(const vnr_record *rec);
/**
 * Depth of the heading path (`section`).
 * @param rec borrowed; may be NULL.
 * @return the number of headings above the value, 0 outside any heading or
 *         for a NULL record.
 * @since 0.1
 */
VNR_API size_t vnr_record_section_depth(const vnr_record *rec);
/**
 * One heading of the section path (`section`), as written. The numbering
 * is part of it: `1.1. Cây lương thực`.
 * @param rec borrowed; may be NULL.
 * @param level 0 = outermost, below vnr_record_section_depth().
 * @return a string borrowed from the record's document; NULL when out of
 *         range or for a NULL record.
 * @since 0.1
 */
VNR_API const char *vnr_record_section(const vnr_record *rec, size_t level);
/**
 * Entity the statement is about, when named apart from the measure
 * (`subject`): `Lúa mùa`, `khu vực dịch vụ`.
 * @param rec borrowed; may be NULL.
 * @return a string borrowed from the record's document, or NULL when there
 *         is none.
 * @since 0.1
 */
VNR_API const char *vnr_record_subject(const vnr_record *rec);
/**
 * Measure phrase (`indicator`): `Tổng diện tích gieo trồng cây hàng năm`.
 * @param rec borrowed; may be NULL.
 * @return a string borrowed from the record's document; "" when no phrase
 *         was found; NULL for a NULL record.
 * @since 0.1
 */
VNR_API const char *vnr_record_indicator(const vnr_record *rec);
/**
 * Statement role (`role`); vnr_role_name() gives its output name.
 * @param rec borrowed; may be NULL.
 * @return the role; VNR_ROLE_NONE for a NULL record.
 * @since 0.1
 */
VNR_API vnr_role vnr_record_role(const vnr_record *rec);
/**
 * Value as written, scale word not applied, sign applied (`value`):
 * `giảm 4.968,6 tấn` gives -4968.6, `155,6 nghìn tỷ đồng` gives 155.6.
 * @param rec borrowed; may be NULL.
 * @return the value; NaN for a NULL record.
 * @since 0.1
 */
VNR_API double vnr_record_value(const vnr_record *rec);
/**
 * Upper end of a range (`value_max`): `2-2,5%` gives value 2, value_max 2.5.
 * @param rec borrowed; may be NULL.
 * @return the upper end; NaN when the value is not a range.
 * @since 0.1
 */
VNR_API double vnr_record_value_max(const vnr_record *rec);
/**
 * Denominator of an `n/N` count (`total`): `118/152 tiêu chí` gives 152.
 * @param rec borrowed; may be NULL.
 * @return the denominator; NaN when there is none.
 * @since 0.1
 */
VNR_API double vnr_record_total(const vnr_record *rec);
/**
 * Unit as written, normalized, scale word included (`unit`): `nghìn con`,
 * `tỷ đồng`, `tạ/ha`.
 * @param rec borrowed; may be NULL.
 * @return a string borrowed from the record's document; "" for a bare
 *         number; NULL for a NULL record.
 * @since 0.1
 */
VNR_API const char *vnr_record_unit(const vnr_record *rec);
/**
 * Value in the canonical unit (`canonical_value`): scale word applied, unit
 * converted (`177.078 ha` gives 1770780000 m2).
 * @param rec borrowed; may be NULL.
 * @return the value; NaN for a NULL record.
 * @since 0.1
 */
VNR_API double vnr_record_canonical_value(const vnr_record *rec);
/**
 * Canonical unit (`canonical_unit`), e.g. "m2", "VND/người/năm".
 * @param rec borrowed; may be NULL.
 * @return a string borrowed from the record's document; NULL for a NULL
 *         record.
 * @since 0.1
 */
VNR_API const char *vnr_record_canonical_unit(const vnr_record *rec);
/**
 * Dimension name (`dimension`): "area", "mass", "currency", "count", ….
 * @param rec borrowed; may be NULL.
 * @return a string borrowed from the record's document; NULL for a NULL
 *         record.
 * @since 0.1
 */
VNR_API const char *vnr_record_dimension(const vnr_record *rec);
/**
 * Qualifier (`qualifier`); vnr_qualifier_name() gives its output name.
 * @param rec borrowed; may be NULL.
 * @return the qualifier; VNR_QUALIFIER_NONE when there is none.
 * @since 0.1
 */
VNR_API vnr_qualifier vnr_record_qualifier(const vnr_record *rec);
/**
 * Whether an estimate word (`ước`, `ước đạt`, `dự kiến` …) governs the value
 * (`estimate`).
 * @param rec borrowed; may be NULL.
 * @return 1 for an estimate, 0 otherwise and for a NULL record.
 * @since 0.1
 */
VNR_API int vnr_record_estimate(const vnr_record *rec);
/**
 * What a change, index or attainment compares with (`baseline`):
 * "previous_year", "same_period_last_year", "year:2020", "plan", ….
 * @param rec borrowed; may be NULL.
 * @return a string borrowed from the record's document, or NULL when none
 *         is stated.
 * @since 0.1
 */
VNR_API const char *vnr_record_baseline(const vnr_record *rec);
/**
 * Period the value refers to when the text says so (`period`), e.g. "2024",
 * "2021-Q1".
 * @param rec borrowed; may be NULL.
 * @return a string borrowed from the record's document, or NULL when none.
 * @since 0.1
 */
VNR_API const char *vnr_record_period(const vnr_record *rec);
/**
 * The clause the record came from, normalized (`text`).
 * @param rec borrowed; may be NULL.
 * @return a string borrowed from the record's document; NULL for a NULL
 *         record.
 * @since 0.1
 */
VNR_API const char *vnr_record_text(const vnr_record *rec);
/**
 * Canonical indicator key of the record (`indicator_key`): one stable ASCII
 * key per concept across provinces, e.g. "grdp.growth", "budget.revenue",
 * "agri.crop.output" (the table is docs/indicators.md). NULL when no row of
 * the key table matches with confidence: a key is never guessed.
 * @param rec borrowed; may be NULL.
 * @return a static string (valid for the life of the program), or NULL.
 * @since 0.3
 */
VNR_API const char *vnr_record_indicator_key(const vnr_record *rec);
/**
 * Canonical subject of the record within its indicator key (`subject_key`):
 * the breakdown the key allows, parts joined with '.', e.g. "rice",
 * "rice.winter_spring", "services". NULL when the record names none or has
 * no indicator key.
 * @param rec borrowed; may be NULL.
 * @return a string borrowed from the record's document (valid while the
 *         document lives), or NULL.
 * @since 0.3
 */
VNR_API const char *vnr_record_subject_key(const vnr_record *rec);

/* ------------------------------------------------------------------ */
/* Number accounting (audit)                                           */
/* ------------------------------------------------------------------ */

/**
 * Number of digit runs found in the input (ASCII digits and superscript
 * footnote digits), each with a fate (`vnreport audit`).
 * @param doc borrowed; may be NULL.
 * @return the count; 0 when @p doc is NULL.
 * @since 0.1
 */
VNR_API size_t vnr_document_number_count(const vnr_document *doc);

/**
 * Fate of the @p index-th digit run, in input order. The out-parameters
 * are the caller's variables; they are untouched when NULL is returned.
 * @param doc borrowed; may be NULL.
 * @param index 0-based, below vnr_document_number_count().
 * @param offset receives the 0-based byte offset in the original input (may be NULL).
 * @param length receives the byte length in the original input (may be NULL).
 * @param line receives the 1-based original line (may be NULL).
 * @param record receives the index of the first record the run became, or
 *        (size_t)-1 when it became none (may be NULL).
 * @return borrowed static string naming the fate, one of: "record" (the
 *         run became the record @p record; `118/152` and `5-7` are one run
 *         each, the total or upper end included: there is no separate
 *         denominator fate), "range_end" (upper end written apart,
 *         `từ 1,21% đến 13,16%`, whose record is at the lower end),
 *         "date", "year", "period", "document_number", "list_marker",
 *         "identifier", "footnote_marker", "ordinal", "definition" (a number
 *         that only defines what is counted: `dưới 5 tuổi`), "bare_number"
 *         (a number with no unit or role), "unit_part" (digits inside a unit:
 *         `m²`, `1 vạn dân`), "furniture" (page and letter furniture),
 *         "out_of_range" (more digits than a double holds), "unplaced" (no
 *         stage could place it; counted apart by `vnreport audit`);
 *         NULL when @p index is out of range.
 * @since 0.1
 */
VNR_API const char *vnr_document_number(const vnr_document *doc, size_t index,
                                        size_t *offset, size_t *length,
                                        size_t *line, size_t *record);

/**
 * Text of the @p index-th digit run as the library read it: UTF-8, NFC,
 * whatever the input encoding (UTF-16, TCVN3, VNI, …), where the original
 * bytes at vnr_document_number()'s offset may not be UTF-8 at all.
 * @param doc borrowed; may be NULL.
 * @param index 0-based, below vnr_document_number_count().
 * @return a NUL-terminated string borrowed from @p doc, valid while the
 *         document lives; NULL when @p doc is NULL or @p index is out of
 *         range.
 * @since 0.2
 */
VNR_API const char *vnr_document_number_text(const vnr_document *doc, size_t index);

/* ------------------------------------------------------------------ */
/* Batches: many files, parsed on several threads, in input order      */
/* ------------------------------------------------------------------ */

/**
 * A batch of files parsed in parallel and handed back one at a time in
 * input order (opaque). Created with vnr_batch_new(), owned by the
 * caller, released with vnr_batch_free().
 *
 * Memory stays bounded whatever the number of files: workers parse at most
 * one file each ahead of the caller, so at most threads + 1 documents are
 * alive at once (one per worker plus the one the caller holds), provided
 * the caller drops each document before asking for the next.
 *
 * Typical use (a complete loop):
 * @code
 * vnr_batch *batch;
 * if (vnr_batch_new(parser, paths, n, 0, &batch, NULL) != VNR_OK)
 *     return 1;
 * for (;;) {
 *     size_t i;
 *     vnr_document *doc;
 *     vnr_error *err = NULL;
 *     vnr_status st = vnr_batch_next(batch, &i, &doc, &err);
 *     if (st == VNR_OK && !doc)
 *         break;                       // every file has been handed back
 *     if (st != VNR_OK)
 *         fprintf(stderr, "%s: %s\n", paths[i], vnr_error_message(err));
 *     else
 *         use(doc);                    // then drop it:
 *     vnr_document_unref(doc);
 *     vnr_error_free(err);
 * }
 * vnr_batch_free(batch);
 * @endcode
 * @since 0.3
 */
typedef struct vnr_batch vnr_batch;

/**
 * Start parsing @p count files on @p threads threads. Files are read and
 * parsed as with vnr_parse_file() (document named after the base name;
 * "-" is standard input); their results come back in input order from
 * vnr_batch_next(), with documents byte-for-byte the same as a one-thread
 * parse gives.
 * @param parser borrowed for the call: its options are copied, so the
 *        caller may change or free it at once; NULL means default options.
 * @param paths @p count file names, borrowed for the call (copied).
 * @param count number of files; 0 gives a batch that is finished at once.
 * @param threads number of worker threads; 0 means one per online
 *        processor. With 1, files are parsed on the caller's thread inside
 *        vnr_batch_next(), no thread is started.
 * @param out receives a new batch owned by the caller (release with
 *        vnr_batch_free()); set to NULL on failure.
 * @param error optional; on failure receives a new vnr_error owned by the
 *        caller.
 * @return VNR_OK; VNR_E_INVALID_ARGUMENT for a NULL @p out, or NULL
 *         @p paths (or a NULL path) with @p count > 0; VNR_E_NOMEM.
 * @since 0.3
 */
VNR_API vnr_status vnr_batch_new(const vnr_parser *parser, const char *const *paths,
                                 size_t count, unsigned threads, vnr_batch **out,
                                 vnr_error **error);

/**
 * Hand back the result of the next file in input order, waiting for it
 * if a worker is still parsing it. Call it from one thread at a time.
 * @param batch borrowed; modified (the batch moves on to the next file).
 * @param index optional; receives the 0-based position in the @p paths
 *        given to vnr_batch_new() of the file this result is for, or the
 *        file count when the batch is finished.
 * @param doc receives the file's document with one reference owned by the
 *        caller (release with vnr_document_unref()), or NULL when the file
 *        failed or the batch is finished.
 * @param error optional; when the file failed, receives a new vnr_error
 *        owned by the caller, the same vnr_parse_file() would have given.
 * @return VNR_OK with a document; VNR_OK with @p doc NULL when every file
 *         has been handed back; otherwise the failed file's status (as
 *         vnr_parse_file()), after which the next call moves on to the
 *         following file; VNR_E_INVALID_ARGUMENT for a NULL @p batch or
 *         @p doc.
 * @since 0.3
 */
VNR_API vnr_status vnr_batch_next(vnr_batch *batch, size_t *index, vnr_document **doc,
                                  vnr_error **error);

/**
 * Number of worker threads the batch runs (its @p threads argument, with
 * 0 resolved to the processor count).
 * @param batch borrowed; may be NULL.
 * @return the thread count; 0 for a NULL batch.
 * @since 0.3
 */
VNR_API unsigned vnr_batch_threads(const vnr_batch *batch);

/**
 * Stop the batch (files not yet handed back are not parsed further, their
 * documents are dropped), join its threads and free it. Documents already
 * handed back stay valid.
 * @param batch owned by the caller, given up by this call; NULL is
 *        accepted and ignored.
 * @since 0.3
 */
VNR_API void vnr_batch_free(vnr_batch *batch);

VNR_END_DECLS

#endif /* VNR_DOCUMENT_H */
