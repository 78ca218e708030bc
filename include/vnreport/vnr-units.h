/*
 * vnr-units.h — the unit registry and unit conversion.
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

/** A unit registry: the built-in one or a caller's extension (opaque). @since 0.1 */
typedef struct vnr_unit_registry vnr_unit_registry;
/** A parsed unit expression (opaque, owned by the caller). @since 0.1 */
typedef struct vnr_unit vnr_unit;
/** A pre-resolved conversion between two units, for hot loops (opaque). @since 0.1 */
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
 *
 * @param from, to unit expressions, UTF-8 (borrowed).
 * @param out receives the converted value on success.
 * @return VNR_OK; VNR_E_UNKNOWN_UNIT, VNR_E_SYNTAX, VNR_E_INCOMPATIBLE,
 *         VNR_E_NO_RATE; VNR_E_INVALID_ARGUMENT for NULL arguments.
 * Thread-safe; allocates nothing.
 * @since 0.1
 */
VNR_API vnr_status vnr_convert(double value, const char *from, const char *to, double *out);

/**
 * vnr_convert() with a registry (NULL = built-in) and an error message
 * naming the offending unit and, for unknown units and syntax errors, its
 * byte offset within that unit string (vnr_error_byte()).
 * @param error optional; on failure receives a new error owned by the caller.
 * Thread-safe as long as @p reg is not being modified.
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
 * @param text UTF-8 unit expression (borrowed).
 * @param out receives a new unit owned by the caller (free with
 *        vnr_unit_free()); untouched on failure.
 * @return VNR_OK, VNR_E_UNKNOWN_UNIT, VNR_E_SYNTAX, VNR_E_NOMEM,
 *         VNR_E_INVALID_ARGUMENT.
 * @since 0.1
 */
VNR_API vnr_status vnr_unit_parse(const char *text, vnr_unit **out);

/**
 * Parse a unit expression with a registry (NULL = built-in).
 * @param flags 0 or VNR_UNIT_OPEN_COUNT.
 * @param error optional; on failure receives a new error owned by the caller.
 * The unit does not refer to @p reg after the call: it keeps the factors of
 * the registry's region at parse time.
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
 * @return borrowed, valid until @p unit is freed; "" for NULL.
 * @since 0.1
 */
VNR_API const char *vnr_unit_text(const vnr_unit *unit);

/**
 * Canonical unit: "m2", "kg/m2", "VND/người/năm", "con", "%", "1" for a
 * bare scale word.
 * @return borrowed, valid until @p unit is freed; "" for NULL.
 * @since 0.1
 */
VNR_API const char *vnr_unit_canonical(const vnr_unit *unit);

/**
 * Dimension: "area", "mass", "currency", "count", "ratio", "time", "rate"
 * (any '/' compound), ….
 * @return a static string; "" for NULL.
 * @since 0.1
 */
VNR_API const char *vnr_unit_dimension(const vnr_unit *unit);

/**
 * Factor to the canonical unit: value × factor + offset = canonical value
 * (`tỷ đồng` → 1e9, `tạ/ha` → 0.01).
 * @return the factor; NaN for NULL.
 * @since 0.1
 */
VNR_API double vnr_unit_factor(const vnr_unit *unit);

/**
 * Offset to the canonical unit; 0 for everything but temperatures (°F, K
 * to °C).
 * @return the offset; NaN for NULL.
 * @since 0.1
 */
VNR_API double vnr_unit_offset(const vnr_unit *unit);

/**
 * Whether a value in @p a converts into @p b without an exchange rate (same
 * exponents of length, mass, time, …, same count nouns, same currency).
 * @return 1 or 0; 0 when either is NULL.
 * @since 0.1
 */
VNR_API int vnr_unit_compatible(const vnr_unit *a, const vnr_unit *b);

/* ------------------------------------------------------------------ */
/* Pre-resolved converters                                             */
/* ------------------------------------------------------------------ */

/**
 * Resolve a conversion once, apply it many times (built-in registry).
 * @param out receives a new converter owned by the caller (free with
 *        vnr_converter_free()); untouched on failure.
 * @return as vnr_convert(), plus VNR_E_NOMEM.
 * @since 0.1
 */
VNR_API vnr_status vnr_converter_new(const char *from, const char *to, vnr_converter **out);

/**
 * vnr_converter_new() with a registry (NULL = built-in; exchange rates are
 * taken at this call) and an optional error.
 * @since 0.1
 */
VNR_API vnr_status vnr_converter_new_ex(const vnr_unit_registry *reg, const char *from,
                                        const char *to, vnr_converter **out,
                                        vnr_error **error);

/**
 * A converter between two parsed units.
 * @param reg registry whose exchange rates apply (NULL = built-in, none).
 * @param from, to borrowed; not referenced after the call.
 * @since 0.1
 */
VNR_API vnr_status vnr_converter_from_units(const vnr_unit_registry *reg,
                                            const vnr_unit *from, const vnr_unit *to,
                                            vnr_converter **out, vnr_error **error);

/**
 * Convert one value. @p conv must not be NULL.
 * Thread-safe: a converter is immutable.
 * @since 0.1
 */
VNR_API double vnr_converter_apply(const vnr_converter *conv, double value);

/**
 * Convert @p n values from @p in into @p out (they may be the same array).
 * @since 0.1
 */
VNR_API void vnr_converter_apply_array(const vnr_converter *conv, const double *in,
                                       double *out, size_t n);

/**
 * The converter as out = value × factor + offset.
 * @return the factor; NaN for NULL.
 * @since 0.1
 */
VNR_API double vnr_converter_factor(const vnr_converter *conv);

/** The offset of the converter (0 except for temperatures); NaN for NULL. @since 0.1 */
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
 * Choose the regional convention for sào, mẫu and công.
 * @return VNR_OK; VNR_E_INVALID_ARGUMENT for NULL, the built-in registry or
 *         an unknown region.
 * @since 0.1
 */
VNR_API vnr_status vnr_unit_registry_set_region(vnr_unit_registry *reg, vnr_region region);

/** The registry's region (NULL = built-in: VNR_REGION_NORTH). @since 0.1 */
VNR_API vnr_region vnr_unit_registry_region(const vnr_unit_registry *reg);

/**
 * Name of a region ("north", "central", "south").
 * @return a static string, NULL for unknown values.
 * @since 0.1
 */
VNR_API const char *vnr_region_name(vnr_region region);

/**
 * Region by name: "north"/"bắc", "central"/"trung", "south"/"nam", any case.
 * @return VNR_OK or VNR_E_INVALID_ARGUMENT.
 * @since 0.1
 */
VNR_API vnr_status vnr_region_from_name(const char *name, vnr_region *out);

/**
 * Define a unit: 1 @p name = @p factor × @p base (`"bao", 50, "kg"`;
 * `"công tầm lớn", 1296, "m2"`). With @p base NULL, @p name becomes a count
 * noun (its own canonical unit, @p factor ignored). A definition hides a
 * built-in unit of the same spelling in this registry.
 * @param name, base UTF-8 (borrowed; copied). @p base must be a unit without
 *        '/' (scale words allowed: `"gói", 1, "nghìn đồng"`).
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
 * Number of entries of @p reg (NULL = built-in): built-in units, scale
 * words, count nouns, then caller-defined units in definition order.
 * Entry indexes are stable until the registry is modified.
 * @since 0.1
 */
VNR_API size_t vnr_unit_registry_count(const vnr_unit_registry *reg);

/**
 * Display spelling of entry @p index ("kWh", "sào", "nghìn", "doanh nghiệp").
 * @return borrowed, valid while @p reg is neither modified nor freed
 *         (static for built-in entries); NULL when out of range.
 * @since 0.1
 */
VNR_API const char *vnr_unit_registry_name(const vnr_unit_registry *reg, size_t index);

/**
 * The @p k-th accepted spelling of entry @p index, folded (NFC, lower case):
 * "kwh", "kw.h", …; the display spelling's folded form is one of them.
 * @return borrowed as vnr_unit_registry_name(); NULL past the last.
 * @since 0.1
 */
VNR_API const char *vnr_unit_registry_alias(const vnr_unit_registry *reg, size_t index,
                                            size_t k);

/** Kind of entry @p index; VNR_UNIT_KIND_UNIT when out of range. @since 0.1 */
VNR_API vnr_unit_kind vnr_unit_registry_kind(const vnr_unit_registry *reg, size_t index);

/** Canonical unit of entry @p index ("m2", "VND", "1" for scale words); NULL when out of range. @since 0.1 */
VNR_API const char *vnr_unit_registry_canonical(const vnr_unit_registry *reg, size_t index);

/** Dimension of entry @p index (static string); NULL when out of range. @since 0.1 */
VNR_API const char *vnr_unit_registry_dimension(const vnr_unit_registry *reg, size_t index);

/**
 * Factor of entry @p index to its canonical unit in the registry's region
 * (the multiplier for scale words); NaN when out of range.
 * @since 0.1
 */
VNR_API double vnr_unit_registry_factor(const vnr_unit_registry *reg, size_t index);

/**
 * Factor of entry @p index in a given region (differs only for regional
 * units); NaN when out of range.
 * @since 0.1
 */
VNR_API double vnr_unit_registry_factor_in(const vnr_unit_registry *reg, size_t index,
                                           vnr_region region);

/** Offset of entry @p index to its canonical unit (temperatures); NaN when out of range. @since 0.1 */
VNR_API double vnr_unit_registry_offset(const vnr_unit_registry *reg, size_t index);

/** 1 when entry @p index depends on the region (sào, mẫu, công), else 0. @since 0.1 */
VNR_API int vnr_unit_registry_is_regional(const vnr_unit_registry *reg, size_t index);

/** 1 when entry @p index was defined by the caller, else 0. @since 0.1 */
VNR_API int vnr_unit_registry_is_user(const vnr_unit_registry *reg, size_t index);

VNR_END_DECLS

#endif /* VNR_UNITS_PUBLIC_H */
