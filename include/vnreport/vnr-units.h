/**
 * @file vnr-units.h
 * @brief The unit registry and unit conversion.
 *
 * Units are written the way Vietnamese reports write them: `ha`, `tấn`,
 * `tạ/ha`, `triệu đồng/người/năm`, `bác sĩ/1 vạn dân`, `Triệu Kwh`, `m³`,
 * `%`, `điểm phần trăm`, in any case and in NFC or NFD. Scale words (nghìn,
 * ngàn, vạn, triệu, tỷ, tỉ, trăm) multiply and compose (`nghìn tỷ đồng` =
 * 10^12 VND). Every unit has a canonical unit (SPEC §5: m, m2, m3, kg, W, Wh,
 * VND and other ISO 4217 codes, %, pp, x, time words and count nouns as
 * themselves, compounds joined with '/') and a dimension ("area", "mass",
 * "length", "volume", "energy", "power", "currency", "count", "ratio",
 * "time", "temperature", "rate" for compounds).
 *
 * Registries: vnr_unit_registry_builtin() is immutable static data, safe to
 * use from any number of threads. A caller's registry (vnr_unit_registry_new)
 * extends another copy-on-write: it shares what it was made from and adds
 * caller-defined units, exchange rates and a region for the traditional land
 * units sào, mẫu, công. Functions that take a `const vnr_unit_registry *`
 * accept NULL for the built-in registry. A caller's registry may be read by
 * several threads at once, but must not be modified while anyone reads it.
 *
 * Currencies never convert into each other without a caller-supplied rate
 * (VNR_E_NO_RATE).
 *
 * Do not include this header directly: include <vnreport/vnreport.h>.
 */
#if !defined(VNR_H_IN) && !defined(VNR_COMPILATION)
#error "Only <vnreport/vnreport.h> can be included directly."
#endif

#ifndef VNR_UNITS_PUBLIC_H
#define VNR_UNITS_PUBLIC_H

VNR_BEGIN_DECLS

/**
 * A unit registry (opaque): the built-in one (static, never freed) or a
 * caller's extension made with vnr_unit_registry_new() (owned by the
 * caller, released with vnr_unit_registry_free()).
 * @since 0.1
 */
typedef struct vnr_unit_registry vnr_unit_registry;
/**
 * A parsed unit expression (opaque, owned by the caller, released with
 * vnr_unit_free()). Independent of the registry it was parsed with.
 * @since 0.1
 */
typedef struct vnr_unit vnr_unit;
/**
 * A pre-resolved conversion between two units, for hot loops (opaque,
 * immutable, owned by the caller, released with vnr_converter_free()).
 * @since 0.1
 */
typedef struct vnr_converter vnr_converter;

/**
 * Regional convention for the traditional land units sào, mẫu and công.
 * @since 0.1
 */
typedef enum vnr_region {
    VNR_REGION_NORTH = 0,   /**< Bắc Bộ (default): sào 360 m², mẫu 3 600 m², công = sào. */
    VNR_REGION_CENTRAL = 1, /**< Trung Bộ: sào 500 m², mẫu 5 000 m², công = sào. */
    VNR_REGION_SOUTH = 2    /**< Nam Bộ: sào = công 1 000 m², mẫu 10 000 m². */
} vnr_region;

/**
 * What a registry entry is (see vnr_unit_registry_kind()).
 * @since 0.1
 */
typedef enum vnr_unit_kind {
    VNR_UNIT_KIND_UNIT = 0,  /**< A measurement unit or currency (`ha`, `tấn`, `USD`). */
    VNR_UNIT_KIND_SCALE = 1, /**< A scale word (`nghìn`, `tỷ`). */
    VNR_UNIT_KIND_COUNT = 2  /**< A count noun (`con`, `doanh nghiệp`). */
} vnr_unit_kind;

/**
 * vnr_unit_parse_ex() flag: accept any unknown noun phrase as a count noun
 * (canonical unit = the phrase in NFC lower case), as the extractor does.
 * Without it, only count nouns of the registry are accepted.
 * @since 0.1
 */
#define VNR_UNIT_OPEN_COUNT 1u

/* ------------------------------------------------------------------ */
/* Converting                                                          */
/* ------------------------------------------------------------------ */

/**
 * Convert @p value from unit @p from to unit @p to with the built-in
 * registry: `vnr_convert(177078, "ha", "km2", &out)` gives 1770.78.
 * Thread-safe; allocates nothing.
 *
 * @param value the value in @p from.
 * @param from, to unit expressions, UTF-8, borrowed for the call.
 * @param out caller's variable; receives the converted value on success.
 * @return VNR_OK; VNR_E_UNKNOWN_UNIT, VNR_E_SYNTAX, VNR_E_INCOMPATIBLE,
 *         VNR_E_NO_RATE; VNR_E_INVALID_ARGUMENT for NULL arguments.
 * @since 0.1
 */
VNR_API vnr_status vnr_convert(double value, const char *from, const char *to, double *out);

/**
 * vnr_convert() with a registry and an error message naming the offending
 * unit and, for unknown units and syntax errors, its byte offset within
 * that unit string (vnr_error_byte()).
 * Thread-safe as long as @p reg is not being modified.
 * @param reg borrowed for the call; NULL = built-in. Its region and
 *        exchange rates apply.
 * @param value the value in @p from.
 * @param from, to unit expressions, UTF-8, borrowed for the call.
 * @param out caller's variable; receives the converted value on success.
 * @param error optional; on failure receives a new error owned by the
 *        caller (release with vnr_error_free()).
 * @return as vnr_convert().
 * @since 0.1
 */
VNR_API vnr_status vnr_convert_ex(const vnr_unit_registry *reg, double value,
                                  const char *from, const char *to, double *out,
                                  vnr_error **error);

/* ------------------------------------------------------------------ */
/* Parsed units                                                        */
/* ------------------------------------------------------------------ */

/**
 * Parse a unit expression with the built-in registry.
 * @param text UTF-8 unit expression, borrowed for the call.
 * @param out receives a new unit owned by the caller (free with
 *        vnr_unit_free()); untouched on failure.
 * @return VNR_OK, VNR_E_UNKNOWN_UNIT, VNR_E_SYNTAX, VNR_E_NOMEM,
 *         VNR_E_INVALID_ARGUMENT.
 * @since 0.1
 */
VNR_API vnr_status vnr_unit_parse(const char *text, vnr_unit **out);

/**
 * Parse a unit expression with a registry.
 * The unit does not refer to @p reg after the call: it keeps the factors of
 * the registry's region at parse time.
 * @param reg borrowed for the call; NULL = built-in.
 * @param text UTF-8 unit expression, borrowed for the call.
 * @param flags 0 or VNR_UNIT_OPEN_COUNT.
 * @param out receives a new unit owned by the caller (free with
 *        vnr_unit_free()); untouched on failure.
 * @param error optional; on failure receives a new error owned by the
 *        caller (release with vnr_error_free()).
 * @return as vnr_unit_parse().
 * @since 0.1
 */
VNR_API vnr_status vnr_unit_parse_ex(const vnr_unit_registry *reg, const char *text,
                                     unsigned flags, vnr_unit **out, vnr_error **error);

/**
 * Release a unit.
 * @param unit owned by the caller; NULL is accepted and ignored.
 * @since 0.1
 */
VNR_API void vnr_unit_free(vnr_unit *unit);

/**
 * The expression as it was given to the parser.
 * @param unit borrowed; may be NULL.
 * @return a string borrowed from @p unit, valid until @p unit is freed;
 *         "" (static) for NULL.
 * @since 0.1
 */
VNR_API const char *vnr_unit_text(const vnr_unit *unit);

/**
 * Canonical unit: "m2", "kg/m2", "VND/người/năm", "con", "%", "1" for a
 * bare scale word.
 * @param unit borrowed; may be NULL.
 * @return a string borrowed from @p unit, valid until @p unit is freed;
 *         "" (static) for NULL.
 * @since 0.1
 */
VNR_API const char *vnr_unit_canonical(const vnr_unit *unit);

/**
 * Dimension: "area", "mass", "currency", "count", "ratio", "time", "rate"
 * (any '/' compound), ….
 * @param unit borrowed; may be NULL.
 * @return a static string owned by the library (never to be freed); "" for
 *         NULL.
 * @since 0.1
 */
VNR_API const char *vnr_unit_dimension(const vnr_unit *unit);

/**
 * Factor to the canonical unit: value × factor + offset = canonical value
 * (`tỷ đồng` → 1e9, `tạ/ha` → 0.01).
 * @param unit borrowed; may be NULL.
 * @return the factor; NaN for NULL.
 * @since 0.1
 */
VNR_API double vnr_unit_factor(const vnr_unit *unit);

/**
 * Offset to the canonical unit; 0 for everything but temperatures (°F, K
 * to °C).
 * @param unit borrowed; may be NULL.
 * @return the offset; NaN for NULL.
 * @since 0.1
 */
VNR_API double vnr_unit_offset(const vnr_unit *unit);

/**
 * Whether a value in @p a converts into @p b without an exchange rate (same
 * exponents of length, mass, time, …, same count nouns, same currency).
 * @param a, b borrowed for the call; may be NULL.
 * @return 1 or 0; 0 when either is NULL.
 * @since 0.1
 */
VNR_API int vnr_unit_compatible(const vnr_unit *a, const vnr_unit *b);

/* ------------------------------------------------------------------ */
/* Pre-resolved converters                                             */
/* ------------------------------------------------------------------ */

/**
 * Resolve a conversion once, apply it many times (built-in registry).
 * @param from, to unit expressions, UTF-8, borrowed for the call.
 * @param out receives a new converter owned by the caller (free with
 *        vnr_converter_free()); untouched on failure.
 * @return as vnr_convert(), plus VNR_E_NOMEM.
 * @since 0.1
 */
VNR_API vnr_status vnr_converter_new(const char *from, const char *to, vnr_converter **out);

/**
 * vnr_converter_new() with a registry and an optional error. The converter
 * does not refer to @p reg after the call.
 * @param reg borrowed for the call; NULL = built-in. Its region and
 *        exchange rates are taken at this call.
 * @param from, to unit expressions, UTF-8, borrowed for the call.
 * @param out receives a new converter owned by the caller (free with
 *        vnr_converter_free()); untouched on failure.
 * @param error optional; on failure receives a new error owned by the
 *        caller (release with vnr_error_free()).
 * @return as vnr_converter_new().
 * @since 0.1
 */
VNR_API vnr_status vnr_converter_new_ex(const vnr_unit_registry *reg, const char *from,
                                        const char *to, vnr_converter **out,
                                        vnr_error **error);

/**
 * A converter between two parsed units.
 * @param reg registry whose exchange rates apply, borrowed for the call
 *        (NULL = built-in, none).
 * @param from, to borrowed; not referenced after the call.
 * @param out receives a new converter owned by the caller (free with
 *        vnr_converter_free()); untouched on failure.
 * @param error optional; on failure receives a new error owned by the
 *        caller (release with vnr_error_free()).
 * @return VNR_OK; VNR_E_INCOMPATIBLE, VNR_E_NO_RATE, VNR_E_NOMEM;
 *         VNR_E_INVALID_ARGUMENT for NULL units or @p out.
 * @since 0.1
 */
VNR_API vnr_status vnr_converter_from_units(const vnr_unit_registry *reg,
                                            const vnr_unit *from, const vnr_unit *to,
                                            vnr_converter **out, vnr_error **error);

/**
 * Convert one value. Thread-safe: a converter is immutable.
 * @param conv borrowed; must not be NULL (not checked, for speed).
 * @param value the value in the converter's source unit.
 * @return the value in its target unit.
 * @since 0.1
 */
VNR_API double vnr_converter_apply(const vnr_converter *conv, double value);

/**
 * Convert @p n values from @p in into @p out (they may be the same array).
 * Thread-safe: a converter is immutable.
 * @param conv borrowed; must not be NULL (not checked, for speed).
 * @param in @p n values, borrowed for the call.
 * @param out caller's array of @p n values, written.
 * @param n number of values; 0 is allowed.
 * @since 0.1
 */
VNR_API void vnr_converter_apply_array(const vnr_converter *conv, const double *in,
                                       double *out, size_t n);

/**
 * The converter as out = value × factor + offset.
 * @param conv borrowed; may be NULL.
 * @return the factor; NaN for NULL.
 * @since 0.1
 */
VNR_API double vnr_converter_factor(const vnr_converter *conv);

/**
 * The offset of the converter, see vnr_converter_factor().
 * @param conv borrowed; may be NULL.
 * @return the offset: 0 except for temperatures; NaN for NULL.
 * @since 0.1
 */
VNR_API double vnr_converter_offset(const vnr_converter *conv);

/**
 * Release a converter.
 * @param conv owned by the caller; NULL is accepted and ignored.
 * @since 0.1
 */
VNR_API void vnr_converter_free(vnr_converter *conv);

/* ------------------------------------------------------------------ */
/* Registries                                                          */
/* ------------------------------------------------------------------ */

/**
 * The built-in registry (Northern regional units, no exchange rates).
 * @return static immutable data, never to be freed; thread-safe.
 * @since 0.1
 */
VNR_API const vnr_unit_registry *vnr_unit_registry_builtin(void);

/**
 * A new registry that starts as a copy of @p base (NULL = built-in): same
 * region, same caller-defined units and rates. Copying is cheap: both share
 * their additions until either is modified (copy-on-write).
 * @param base borrowed; may be freed right after the call.
 * @return a new registry owned by the caller (free with
 *         vnr_unit_registry_free()), or NULL when out of memory.
 * @since 0.1
 */
VNR_API vnr_unit_registry *vnr_unit_registry_new(const vnr_unit_registry *base);

/**
 * Release a registry. Units and converters made with it stay valid.
 * @param reg owned by the caller; NULL and the built-in registry are
 *        accepted and ignored.
 * @since 0.1
 */
VNR_API void vnr_unit_registry_free(vnr_unit_registry *reg);

/**
 * Choose the regional convention for sào, mẫu and công. Units and
 * converters made before keep the factors they were made with.
 * Not thread-safe for @p reg.
 * @param reg a caller's registry, borrowed for the call; modified.
 * @param region the convention from now on.
 * @return VNR_OK; VNR_E_INVALID_ARGUMENT for NULL, the built-in registry or
 *         an unknown region.
 * @since 0.1
 */
VNR_API vnr_status vnr_unit_registry_set_region(vnr_unit_registry *reg, vnr_region region);

/**
 * The registry's region.
 * @param reg borrowed; NULL = built-in.
 * @return the region; VNR_REGION_NORTH for the built-in registry.
 * @since 0.1
 */
VNR_API vnr_region vnr_unit_registry_region(const vnr_unit_registry *reg);

/**
 * Name of a region ("north", "central", "south").
 * @param region any value.
 * @return a static string owned by the library (never to be freed), NULL
 *         for unknown values.
 * @since 0.1
 */
VNR_API const char *vnr_region_name(vnr_region region);

/**
 * Region by name: "north"/"bắc"/"bắc bộ", "central"/"trung"/"trung bộ",
 * "south"/"nam"/"nam bộ", any case.
 * @param name UTF-8, borrowed for the call; may be NULL.
 * @param out caller's variable; receives the region on success.
 * @return VNR_OK, or VNR_E_INVALID_ARGUMENT for NULL or unknown names.
 * @since 0.1
 */
VNR_API vnr_status vnr_region_from_name(const char *name, vnr_region *out);

/**
 * Define a unit: 1 @p name = @p factor × @p base (`"bao", 50, "kg"`;
 * `"công tầm lớn", 1296, "m2"`). With @p base NULL, @p name becomes a count
 * noun (its own canonical unit, @p factor ignored). A definition hides a
 * built-in unit of the same spelling in this registry.
 * @param reg a caller's registry, borrowed for the call; modified.
 * @param name, base UTF-8, borrowed for the call (the registry keeps
 *        copies). @p base must be a unit without '/' (scale words allowed:
 *        `"gói", 1, "nghìn đồng"`).
 * @param factor how many @p base one @p name is; finite and positive.
 * @param error optional; on failure receives a new error owned by the
 *        caller (release with vnr_error_free()).
 * @return VNR_OK; VNR_E_SYNTAX (empty name, '/' or a digit in it, a scale
 *         word, a compound base), VNR_E_UNKNOWN_UNIT (base), VNR_E_NOMEM,
 *         VNR_E_INVALID_ARGUMENT (NULL, built-in registry, factor not
 *         finite and positive).
 * Not thread-safe for @p reg.
 * @since 0.1
 */
VNR_API vnr_status vnr_unit_registry_define(vnr_unit_registry *reg, const char *name,
                                            double factor, const char *base,
                                            vnr_error **error);

/**
 * Set an exchange rate: 1 @p from = @p rate @p to (`"USD", "VND", 25400`;
 * scale words allowed: `"USD", "nghìn đồng", 25.4`). The inverse and
 * one-step chains through a third currency are derived.
 * @param reg a caller's registry, borrowed for the call; modified.
 * @param from, to currency units, UTF-8, borrowed for the call.
 * @param rate how many @p to one @p from is worth; finite and positive.
 * @param error optional; on failure receives a new error owned by the
 *        caller (release with vnr_error_free()).
 * @return VNR_OK; VNR_E_INCOMPATIBLE when either is not a currency or both
 *         are the same one; VNR_E_UNKNOWN_UNIT, VNR_E_SYNTAX, VNR_E_NOMEM,
 *         VNR_E_INVALID_ARGUMENT (NULL, built-in registry, rate not finite
 *         and positive).
 * Not thread-safe for @p reg.
 * @since 0.1
 */
VNR_API vnr_status vnr_unit_registry_set_rate(vnr_unit_registry *reg, const char *from,
                                              const char *to, double rate,
                                              vnr_error **error);

/* ------------------------------------------------------------------ */
/* Listing                                                             */
/* ------------------------------------------------------------------ */

/**
 * Number of entries of @p reg: built-in units, scale words, count nouns,
 * then caller-defined units in definition order. Entry indexes are stable
 * until the registry is modified.
 * @param reg borrowed; NULL = built-in.
 * @return the number of entries.
 * @since 0.1
 */
VNR_API size_t vnr_unit_registry_count(const vnr_unit_registry *reg);

/**
 * Display spelling of entry @p index ("kWh", "sào", "nghìn", "doanh nghiệp").
 * @param reg borrowed; NULL = built-in.
 * @param index 0-based, below vnr_unit_registry_count().
 * @return a string borrowed from @p reg, valid while @p reg is neither
 *         modified nor freed (static for built-in entries); NULL when out of
 *         range.
 * @since 0.1
 */
VNR_API const char *vnr_unit_registry_name(const vnr_unit_registry *reg, size_t index);

/**
 * The @p k-th accepted spelling of entry @p index, folded (NFC, lower case):
 * "kwh", "kw.h", …; the display spelling's folded form is one of them.
 * @param reg borrowed; NULL = built-in.
 * @param index 0-based entry index.
 * @param k 0-based spelling index; iterate until NULL.
 * @return a string borrowed as vnr_unit_registry_name(); NULL past the last
 *         spelling or when @p index is out of range.
 * @since 0.1
 */
VNR_API const char *vnr_unit_registry_alias(const vnr_unit_registry *reg, size_t index,
                                            size_t k);

/**
 * Kind of entry @p index.
 * @param reg borrowed; NULL = built-in.
 * @param index 0-based entry index.
 * @return the kind; VNR_UNIT_KIND_UNIT when out of range.
 * @since 0.1
 */
VNR_API vnr_unit_kind vnr_unit_registry_kind(const vnr_unit_registry *reg, size_t index);

/**
 * Canonical unit of entry @p index ("m2", "VND", "1" for scale words).
 * @param reg borrowed; NULL = built-in.
 * @param index 0-based entry index.
 * @return a string borrowed as vnr_unit_registry_name(); NULL when out of
 *         range.
 * @since 0.1
 */
VNR_API const char *vnr_unit_registry_canonical(const vnr_unit_registry *reg, size_t index);

/**
 * Dimension of entry @p index ("area", "mass", …).
 * @param reg borrowed; NULL = built-in.
 * @param index 0-based entry index.
 * @return a string borrowed as vnr_unit_registry_name(); NULL when out of
 *         range.
 * @since 0.1
 */
VNR_API const char *vnr_unit_registry_dimension(const vnr_unit_registry *reg, size_t index);

/**
 * Factor of entry @p index to its canonical unit in the registry's region
 * (the multiplier for scale words).
 * @param reg borrowed; NULL = built-in.
 * @param index 0-based entry index.
 * @return the factor; NaN when out of range.
 * @since 0.1
 */
VNR_API double vnr_unit_registry_factor(const vnr_unit_registry *reg, size_t index);

/**
 * Factor of entry @p index in a given region (differs only for regional
 * units).
 * @param reg borrowed; NULL = built-in.
 * @param index 0-based entry index.
 * @param region the convention to read the factor in.
 * @return the factor; NaN when @p index or @p region is out of range.
 * @since 0.1
 */
VNR_API double vnr_unit_registry_factor_in(const vnr_unit_registry *reg, size_t index,
                                           vnr_region region);

/**
 * Offset of entry @p index to its canonical unit (non-zero for
 * temperatures only).
 * @param reg borrowed; NULL = built-in.
 * @param index 0-based entry index.
 * @return the offset; NaN when out of range.
 * @since 0.1
 */
VNR_API double vnr_unit_registry_offset(const vnr_unit_registry *reg, size_t index);

/**
 * Whether entry @p index depends on the region (sào, mẫu, công).
 * @param reg borrowed; NULL = built-in.
 * @param index 0-based entry index.
 * @return 1 for a regional unit, else 0 (also when out of range).
 * @since 0.1
 */
VNR_API int vnr_unit_registry_is_regional(const vnr_unit_registry *reg, size_t index);

/**
 * Whether entry @p index was defined by the caller
 * (vnr_unit_registry_define()).
 * @param reg borrowed; NULL = built-in.
 * @param index 0-based entry index.
 * @return 1 for a caller-defined unit, else 0 (also when out of range).
 * @since 0.1
 */
VNR_API int vnr_unit_registry_is_user(const vnr_unit_registry *reg, size_t index);

VNR_END_DECLS

#endif /* VNR_UNITS_PUBLIC_H */
