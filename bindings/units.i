/*
 * units.i — the unit registry and converter (vnr-units.h) for both
 * languages.
 *
 * Owns: lifetime of units, converters and registries in the target
 * language, plus attribute-style members on them. Takes the typemaps of the
 * per-language file (owned out-parameters, statuses, errors, arrays).
 *
 * Ownership: a vnr_unit, vnr_converter or vnr_unit_registry made by the
 * library for the caller is owned by the wrapper and freed once when it is
 * collected. The built-in registry (vnr_unit_registry_builtin()) is static
 * and never owned. Units and converters do not refer to the registry they
 * were made with, so no keep-alive is needed.
 */

/* Class names in the target language (they also name SWIG's flat
 * wrappers, `Unit_compatible`, which must not collide with the C API's
 * `vnr_unit_compatible`). */
%rename(Unit) vnr_unit;
%rename(Converter) vnr_converter;
%rename(UnitRegistry) vnr_unit_registry;
%rename(compatible) vnr_unit::b_compatible;
%rename(apply) vnr_converter::b_apply;

%nodefaultctor vnr_unit;
%nodefaultctor vnr_converter;
%nodefaultctor vnr_unit_registry;
struct vnr_unit {};
struct vnr_converter {};
struct vnr_unit_registry {};

%ignore vnr_unit_free;
%ignore vnr_converter_free;
%ignore vnr_unit_registry_free;
%newobject vnr_unit_registry_new;


%include <vnreport/vnr-units.h>

%extend vnr_unit {
    ~vnr_unit() { vnr_unit_free($self); }

    /** Whether a value in this unit converts into @p other without an
     *  exchange rate. @since 0.1 */
    bool b_compatible(const vnr_unit *other) { return vnr_unit_compatible($self, other) != 0; }

    %immutable;
    /** The expression as it was given to the parser. */
    const char *text;
    /** Canonical unit ("m2", "kg/m2", "VND/người/năm", "con", "%"). */
    const char *canonical;
    /** Dimension ("area", "mass", "currency", "rate", …). */
    const char *dimension;
    /** value × factor + offset = value in the canonical unit. */
    double factor;
    /** Offset to the canonical unit (0 but for temperatures). */
    double offset;
    %mutable;
}

%extend vnr_converter {
    ~vnr_converter() { vnr_converter_free($self); }

    /** Convert one value. @since 0.1 */
    double b_apply(double value) { return vnr_converter_apply($self, value); }

    %immutable;
    /** out = value × factor + offset. */
    double factor;
    /** Offset of the conversion (0 but for temperatures). */
    double offset;
    %mutable;
}

%extend vnr_unit_registry {
    ~vnr_unit_registry() { vnr_unit_registry_free($self); }
}

%{
static const char *vnr_unit_text_get(vnr_unit *u) { return vnr_unit_text(u); }
static const char *vnr_unit_canonical_get(vnr_unit *u) { return vnr_unit_canonical(u); }
static const char *vnr_unit_dimension_get(vnr_unit *u) { return vnr_unit_dimension(u); }
static double vnr_unit_factor_get(vnr_unit *u) { return vnr_unit_factor(u); }
static double vnr_unit_offset_get(vnr_unit *u) { return vnr_unit_offset(u); }
static double vnr_converter_factor_get(vnr_converter *c) { return vnr_converter_factor(c); }
static double vnr_converter_offset_get(vnr_converter *c) { return vnr_converter_offset(c); }
%}
