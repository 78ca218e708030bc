/*
 * units-api.c — the public unit API (vnr-units.h) over the parser of units.c.
 *
 * Owns: vnr_unit, vnr_converter, caller registries (copy-on-write overlays
 * of caller-defined units and exchange rates) and the listing of entries.
 * Takes: unit strings from callers. Gives: parsed units, conversion results.
 * The string→string path (vnr_convert) parses into stack buffers and never
 * allocates.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "units.h"
#include "utf8.h"

struct vnr_unit {
    unit_expr expr;
    char text[];
};

/* How a converter computes: chosen once, so the hot loops do one thing. */
enum convert_kind {
    CONVERT_MUL,     /* v × num */
    CONVERT_DIV,     /* v / den: exact for 1/10^k factors (30,37 tạ/ha → 3.037 tấn/ha) */
    CONVERT_MULDIV,  /* v × num / den */
    CONVERT_AFFINE   /* any of them, + offset (temperatures) */
};

struct vnr_converter {
    double num, den, offset;
    double recip;            /* 1/den, for the fused-multiply-add division */
    enum convert_kind kind;
    bool fma;                /* the CPU has FMA: divide arrays by recip + correction */
};

#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
#define HAVE_FMA_DISPATCH 1
/*
 * x / den for a whole array without a division per element: q = x × (1/den)
 * then one correction with the exact remainder x − q×den (Markstein), which
 * gives the correctly rounded quotient, bit-identical to x / den (checked by
 * test-units-api over random values). Zero, infinite and NaN quotients keep
 * q, which has the right sign (the correction would turn -0 into +0).
 */
__attribute__((target("fma")))
static void divide_array_fma(const double *in, double *out, size_t n, double den, double recip)
{
    for (size_t i = 0; i < n; i++) {
        double q = in[i] * recip;
        double corrected = __builtin_fma(__builtin_fma(-q, den, in[i]), recip, q);
        out[i] = __builtin_isfinite(q) && q != 0 ? corrected : q;
    }
}
#endif

static void converter_init(vnr_converter *c)
{
    c->recip = 1 / c->den;
    if (c->offset != 0)
        c->kind = CONVERT_AFFINE;
    else if (c->den == 1)
        c->kind = CONVERT_MUL;
    else if (c->num == 1)
        c->kind = CONVERT_DIV;
    else
        c->kind = CONVERT_MULDIV;
#ifdef HAVE_FMA_DISPATCH
    c->fma = __builtin_cpu_supports("fma");
#else
    c->fma = false;
#endif
}

/* ------------------------------------------------------------------ */
/* Converting                                                          */
/* ------------------------------------------------------------------ */

static vnr_status parse_cstr(const vnr_unit_registry *reg, const char *text, unsigned flags,
                             unit_expr *out, vnr_error **error)
{
    if (!text)
        return error_set(error, VNR_E_INVALID_ARGUMENT, 0, VNR_NO_POSITION, "unit is NULL");
    return units_parse(reg, text, strlen(text), flags, out, error);
}

/* Parse both units and resolve the conversion between them. */
static vnr_status resolve_pair(const vnr_unit_registry *reg, const char *from, const char *to,
                               vnr_converter *conv, vnr_error **error)
{
    unit_expr a, b;
    vnr_status st = parse_cstr(reg, from, 0, &a, error);
    if (st == VNR_OK)
        st = parse_cstr(reg, to, 0, &b, error);
    if (st == VNR_OK)
        st = units_conversion(reg, &a, &b, from, to, &conv->num, &conv->den, &conv->offset, error);
    if (st == VNR_OK)
        converter_init(conv);
    return st;
}

vnr_status vnr_convert_ex(const vnr_unit_registry *reg, double value, const char *from,
                          const char *to, double *out, vnr_error **error)
{
    if (!out)
        return error_set(error, VNR_E_INVALID_ARGUMENT, 0, VNR_NO_POSITION, "output is NULL");
    vnr_converter conv;
    vnr_status st = resolve_pair(reg, from, to, &conv, error);
    if (st == VNR_OK)
        *out = vnr_converter_apply(&conv, value);
    return st;
}

vnr_status vnr_convert(double value, const char *from, const char *to, double *out)
{
    return vnr_convert_ex(NULL, value, from, to, out, NULL);
}

/* ------------------------------------------------------------------ */
/* Parsed units                                                        */
/* ------------------------------------------------------------------ */

vnr_status vnr_unit_parse_ex(const vnr_unit_registry *reg, const char *text, unsigned flags,
                             vnr_unit **out, vnr_error **error)
{
    if (!out)
        return error_set(error, VNR_E_INVALID_ARGUMENT, 0, VNR_NO_POSITION, "output is NULL");
    unit_expr e;
    vnr_status st = parse_cstr(reg, text, flags & VNR_UNIT_OPEN_COUNT ? UNITS_OPEN_COUNT : 0,
                               &e, error);
    if (st != VNR_OK)
        return st;
    size_t n = strlen(text);
    vnr_unit *u = malloc(sizeof *u + n + 1);
    if (!u)
        return error_set(error, VNR_E_NOMEM, 0, VNR_NO_POSITION, "out of memory");
    u->expr = e;
    memcpy(u->text, text, n + 1);
    *out = u;
    return VNR_OK;
}

vnr_status vnr_unit_parse(const char *text, vnr_unit **out)
{
    return vnr_unit_parse_ex(NULL, text, 0, out, NULL);
}

void vnr_unit_free(vnr_unit *unit)
{
    free(unit);
}

const char *vnr_unit_text(const vnr_unit *unit)
{
    return unit ? unit->text : "";
}

const char *vnr_unit_canonical(const vnr_unit *unit)
{
    return unit ? unit->expr.canonical : "";
}

const char *vnr_unit_dimension(const vnr_unit *unit)
{
    return unit ? unit->expr.dimension : "";
}

double vnr_unit_factor(const vnr_unit *unit)
{
    return unit ? unit->expr.factor : NAN;
}

double vnr_unit_offset(const vnr_unit *unit)
{
    return unit ? unit->expr.offset : NAN;
}

int vnr_unit_compatible(const vnr_unit *a, const vnr_unit *b)
{
    if (!a || !b)
        return 0;
    double num, den, offset;
    return units_conversion(NULL, &a->expr, &b->expr, a->text, b->text, &num, &den, &offset, NULL) == VNR_OK;
}

/* ------------------------------------------------------------------ */
/* Converters                                                          */
/* ------------------------------------------------------------------ */

static vnr_status converter_dup(const vnr_converter *conv, vnr_converter **out, vnr_error **error)
{
    vnr_converter *c = malloc(sizeof *c);
    if (!c)
        return error_set(error, VNR_E_NOMEM, 0, VNR_NO_POSITION, "out of memory");
    *c = *conv;
    *out = c;
    return VNR_OK;
}

vnr_status vnr_converter_new_ex(const vnr_unit_registry *reg, const char *from, const char *to,
                                vnr_converter **out, vnr_error **error)
{
    if (!out)
        return error_set(error, VNR_E_INVALID_ARGUMENT, 0, VNR_NO_POSITION, "output is NULL");
    vnr_converter conv;
    vnr_status st = resolve_pair(reg, from, to, &conv, error);
    return st == VNR_OK ? converter_dup(&conv, out, error) : st;
}

vnr_status vnr_converter_new(const char *from, const char *to, vnr_converter **out)
{
    return vnr_converter_new_ex(NULL, from, to, out, NULL);
}

vnr_status vnr_converter_from_units(const vnr_unit_registry *reg, const vnr_unit *from,
                                    const vnr_unit *to, vnr_converter **out, vnr_error **error)
{
    if (!from || !to || !out)
        return error_set(error, VNR_E_INVALID_ARGUMENT, 0, VNR_NO_POSITION, "NULL argument");
    vnr_converter conv;
    vnr_status st = units_conversion(reg, &from->expr, &to->expr, from->text, to->text,
                                     &conv.num, &conv.den,
                                     &conv.offset, error);
    if (st != VNR_OK)
        return st;
    converter_init(&conv);
    return converter_dup(&conv, out, error);
}

double vnr_converter_apply(const vnr_converter *conv, double value)
{
    if (conv->kind == CONVERT_MUL)  /* the common case first, one branch */
        return value * conv->num;
    if (conv->kind == CONVERT_DIV)
        return value / conv->den;
    if (conv->kind == CONVERT_MULDIV)
        return value * conv->num / conv->den;
    return units_scale(value, conv->num, conv->den) + conv->offset;
}

void vnr_converter_apply_array(const vnr_converter *conv, const double *in, double *out, size_t n)
{
    const double num = conv->num, den = conv->den, offset = conv->offset;
    switch (conv->kind) {  /* one loop per kind, so each vectorizes */
    case CONVERT_MUL:
        for (size_t i = 0; i < n; i++)
            out[i] = in[i] * num;
        return;
    case CONVERT_DIV:
#ifdef HAVE_FMA_DISPATCH
        if (conv->fma) {
            divide_array_fma(in, out, n, den, conv->recip);
            return;
        }
#endif
        for (size_t i = 0; i < n; i++)
            out[i] = in[i] / den;
        return;
    case CONVERT_MULDIV:
        for (size_t i = 0; i < n; i++)
            out[i] = in[i] * num / den;
        return;
    default:
        for (size_t i = 0; i < n; i++)
            out[i] = units_scale(in[i], num, den) + offset;
        return;
    }
}

double vnr_converter_factor(const vnr_converter *conv)
{
    return conv ? conv->num / conv->den : NAN;
}

double vnr_converter_offset(const vnr_converter *conv)
{
    return conv ? conv->offset : NAN;
}

void vnr_converter_free(vnr_converter *conv)
{
    free(conv);
}

/* ------------------------------------------------------------------ */
/* Registries                                                          */
/* ------------------------------------------------------------------ */

const vnr_unit_registry *vnr_unit_registry_builtin(void)
{
    return units_builtin();
}

static unit_overlay *overlay_ref(unit_overlay *ov)
{
    if (ov)
        atomic_fetch_add(&ov->refs, 1);
    return ov;
}

static void overlay_unref(unit_overlay *ov)
{
    if (!ov || atomic_fetch_sub(&ov->refs, 1) != 1)
        return;
    free(ov->units);
    free(ov->rates);
    arena_free(&ov->arena);
    free(ov);
}

vnr_unit_registry *vnr_unit_registry_new(const vnr_unit_registry *base)
{
    if (!base)
        base = units_builtin();
    vnr_unit_registry *reg = calloc(1, sizeof *reg);
    if (!reg)
        return NULL;
    reg->builtin = false;
    reg->region = base->region;
    reg->overlay = overlay_ref(base->overlay);
    return reg;
}

void vnr_unit_registry_free(vnr_unit_registry *reg)
{
    if (!reg || reg->builtin)
        return;
    overlay_unref(reg->overlay);
    free(reg);
}

static bool copy_user_unit(unit_overlay *to, const user_unit *u)
{
    user_unit c = *u;
    c.key = arena_strndup(&to->arena, u->key, u->key_len);
    c.name = arena_strdup(&to->arena, u->name);
    /* a caller's count noun is its own canonical unit: canon is the key */
    c.value.canon = u->value.canon == u->key
                        ? c.key
                        : arena_strndup(&to->arena, u->value.canon, u->value.canon_len);
    if (!c.key || !c.name || !c.value.canon)
        return false;
    to->units[to->n_units++] = c;
    return true;
}

/* The registry's overlay, made private to it (copy-on-write). */
static unit_overlay *overlay_writable(vnr_unit_registry *reg)
{
    unit_overlay *ov = reg->overlay;
    if (ov && atomic_load(&ov->refs) == 1)
        return ov;
    unit_overlay *copy = calloc(1, sizeof *copy);
    if (!copy)
        return NULL;
    atomic_init(&copy->refs, 1);
    if (ov) {
        copy->units = malloc((ov->n_units + 1) * sizeof *copy->units);
        copy->rates = malloc((ov->n_rates + 1) * sizeof *copy->rates);
        copy->cap_units = ov->n_units + 1;
        copy->cap_rates = ov->n_rates + 1;
        bool ok = copy->units && copy->rates;
        for (size_t i = 0; ok && i < ov->n_units; i++)
            ok = copy_user_unit(copy, &ov->units[i]);
        if (!ok) {
            overlay_unref(copy);
            return NULL;
        }
        if (ov->n_rates)   /* rates may be NULL when there are none */
            memcpy(copy->rates, ov->rates, ov->n_rates * sizeof *copy->rates);
        copy->n_rates = ov->n_rates;
        overlay_unref(ov);
    }
    reg->overlay = copy;
    return copy;
}

vnr_status vnr_unit_registry_set_region(vnr_unit_registry *reg, vnr_region region)
{
    if (!reg || reg->builtin || (unsigned)region > VNR_REGION_SOUTH)
        return VNR_E_INVALID_ARGUMENT;
    reg->region = (int)region;
    return VNR_OK;
}

vnr_region vnr_unit_registry_region(const vnr_unit_registry *reg)
{
    return reg ? (vnr_region)reg->region : VNR_REGION_NORTH;
}

static const char *const region_names[] = { "north", "central", "south" };

const char *vnr_region_name(vnr_region region)
{
    return (unsigned)region <= VNR_REGION_SOUTH ? region_names[region] : NULL;
}

vnr_status vnr_region_from_name(const char *name, vnr_region *out)
{
    static const struct { const char *name; vnr_region region; } known[] = {
        { "north", VNR_REGION_NORTH }, { "bắc", VNR_REGION_NORTH }, { "bắc bộ", VNR_REGION_NORTH },
        { "central", VNR_REGION_CENTRAL }, { "trung", VNR_REGION_CENTRAL },
        { "trung bộ", VNR_REGION_CENTRAL }, { "south", VNR_REGION_SOUTH },
        { "nam", VNR_REGION_SOUTH }, { "nam bộ", VNR_REGION_SOUTH },
    };
    char f[64];
    if (!name || !out)
        return VNR_E_INVALID_ARGUMENT;
    size_t n = units_fold(name, strlen(name), f, sizeof f);
    for (size_t i = 0; n != (size_t)-1 && i < sizeof known / sizeof *known; i++)
        if (strcmp(f, known[i].name) == 0) {
            *out = known[i].region;
            return VNR_OK;
        }
    return VNR_E_INVALID_ARGUMENT;
}

/* A caller's name for a new unit: folded, no '/', no digit, no scale word. */
static vnr_status check_new_name(const char *name, char *key, size_t cap, size_t *key_len,
                                 vnr_error **error)
{
    size_t n = units_fold(name, strlen(name), key, cap);
    if (n == (size_t)-1 || n == 0)
        return error_set(error, VNR_E_SYNTAX, 0, 0, "invalid unit name '%s'", name);
    for (size_t i = 0; i < n; i++)
        if (key[i] == '/' || utf8_is_digit(key[i]))
            return error_set(error, VNR_E_SYNTAX, 0, i,
                             "unit name '%s' may not contain '/' or digits", name);
    if (units_scale_word(key, n) != 0)
        return error_set(error, VNR_E_SYNTAX, 0, 0, "'%s' is a scale word, not a unit", name);
    *key_len = n;
    return VNR_OK;
}

/* What 1 `name` means: factor × the single-part expression `e`. */
static void user_value(const unit_expr *e, double factor, part_value *pv)
{
    memset(pv, 0, sizeof *pv);
    pv->factor = factor * e->factor;
    pv->offset = e->offset;
    pv->si_num = factor * e->si_num;
    pv->si_den = e->si_den;
    pv->si_offset = e->si_offset;
    memcpy(pv->exps, e->exps, sizeof pv->exps);
    pv->canon_len = e->canon_len;
    pv->dimension = e->dimension;
    if (e->n_atoms == 1) {
        pv->atom_kind = e->atoms[0].kind;
        pv->currency = e->atoms[0].currency;
    }
}

static vnr_status add_user_unit(vnr_unit_registry *reg, const char *name, const char *key,
                                size_t key_len, part_value *pv, const char *canon,
                                vnr_error **error)
{
    unit_overlay *ov = overlay_writable(reg);
    if (!ov || !vec_grow((void **)&ov->units, &ov->cap_units, ov->n_units + 1, sizeof *ov->units))
        return error_set(error, VNR_E_NOMEM, 0, VNR_NO_POSITION, "out of memory");
    user_unit u = { 0 };
    u.key = arena_strndup(&ov->arena, key, key_len);
    u.key_len = key_len;
    u.name = arena_strdup(&ov->arena, name);
    u.value = *pv;
    u.value.canon = canon ? arena_strndup(&ov->arena, canon, pv->canon_len) : u.key;
    if (!u.key || !u.name || !u.value.canon)
        return error_set(error, VNR_E_NOMEM, 0, VNR_NO_POSITION, "out of memory");
    ov->units[ov->n_units++] = u;
    return VNR_OK;
}

vnr_status vnr_unit_registry_define(vnr_unit_registry *reg, const char *name, double factor,
                                    const char *base, vnr_error **error)
{
    if (!reg || reg->builtin || !name)
        return error_set(error, VNR_E_INVALID_ARGUMENT, 0, VNR_NO_POSITION,
                         "a caller registry and a name are required");
    char key[UNIT_FOLD_MAX + 1];
    size_t key_len = 0;
    vnr_status st = check_new_name(name, key, sizeof key, &key_len, error);
    if (st != VNR_OK)
        return st;
    part_value pv;
    if (!base) {
        memset(&pv, 0, sizeof pv);
        pv.factor = pv.si_num = pv.si_den = 1;
        pv.canon_len = key_len;
        pv.dimension = "count";
        pv.atom_kind = ATOM_COUNT;
        return add_user_unit(reg, name, key, key_len, &pv, NULL, error);
    }
    if (!isfinite(factor) || factor <= 0)
        return error_set(error, VNR_E_INVALID_ARGUMENT, 0, VNR_NO_POSITION,
                         "factor of unit '%s' must be finite and positive", name);
    unit_expr e;
    st = units_parse(reg, base, strlen(base), 0, &e, error);
    if (st != VNR_OK)
        return st;
    if (e.n_parts != 1 || e.n_atoms > 1)
        return error_set(error, VNR_E_SYNTAX, 0, 0,
                         "unit '%s' must be defined from a unit without '/', not '%s'", name, base);
    user_value(&e, factor, &pv);
    if (!isfinite(pv.factor) || pv.factor == 0 || !isfinite(pv.si_num) || pv.si_num == 0)
        return error_set(error, VNR_E_INVALID_ARGUMENT, 0, VNR_NO_POSITION,
                         "unit '%s' = %g '%s' is out of the range of numbers", name, factor,
                         base);
    return add_user_unit(reg, name, key, key_len, &pv, e.canonical, error);
}

/* `text` as a single currency: its canonical-table index and how many
 * units of that currency one `text` is. */
static vnr_status parse_currency(const vnr_unit_registry *reg, const char *text, uint8_t *code,
                                 double *amount, vnr_error **error)
{
    unit_expr e;
    vnr_status st = parse_cstr(reg, text, 0, &e, error);
    if (st != VNR_OK)
        return st;
    static const int8_t none[UNIT_BASES];
    if (e.n_atoms != 1 || e.atoms[0].kind != ATOM_CURRENCY || e.atoms[0].exp != 1 ||
        memcmp(e.exps, none, sizeof none) != 0)
        return error_set(error, VNR_E_INCOMPATIBLE, 0, VNR_NO_POSITION,
                         "'%s' is not a currency", text);
    *code = e.atoms[0].currency;
    *amount = e.si_num / e.si_den;
    return VNR_OK;
}

vnr_status vnr_unit_registry_set_rate(vnr_unit_registry *reg, const char *from, const char *to,
                                      double rate, vnr_error **error)
{
    if (!reg || reg->builtin || !from || !to)
        return error_set(error, VNR_E_INVALID_ARGUMENT, 0, VNR_NO_POSITION,
                         "a caller registry and two currencies are required");
    if (!isfinite(rate) || rate <= 0)
        return error_set(error, VNR_E_INVALID_ARGUMENT, 0, VNR_NO_POSITION,
                         "exchange rate from '%s' to '%s' must be finite and positive", from, to);
    uint8_t a, b;
    double amount_a, amount_b;
    vnr_status st = parse_currency(reg, from, &a, &amount_a, error);
    if (st == VNR_OK)
        st = parse_currency(reg, to, &b, &amount_b, error);
    if (st != VNR_OK)
        return st;
    if (a == b)
        return error_set(error, VNR_E_INCOMPATIBLE, 0, VNR_NO_POSITION,
                         "'%s' and '%s' are the same currency", from, to);
    double stored = rate * amount_b / amount_a;
    if (!isfinite(stored) || stored == 0)
        return error_set(error, VNR_E_INVALID_ARGUMENT, 0, VNR_NO_POSITION,
                         "exchange rate from '%s' to '%s' is out of the range of numbers", from,
                         to);
    unit_overlay *ov = overlay_writable(reg);
    if (!ov || !vec_grow((void **)&ov->rates, &ov->cap_rates, ov->n_rates + 1, sizeof *ov->rates))
        return error_set(error, VNR_E_NOMEM, 0, VNR_NO_POSITION, "out of memory");
    /* 1 from = rate to  ⇒  amount_a from-code = rate × amount_b to-code */
    ov->rates[ov->n_rates++] = (user_rate){ a, b, stored };
    return VNR_OK;
}

/* ------------------------------------------------------------------ */
/* Listing                                                             */
/* ------------------------------------------------------------------ */

static const vnr_unit_registry *or_builtin(const vnr_unit_registry *reg)
{
    return reg ? reg : units_builtin();
}

/* The caller-defined unit at `index`, or NULL (then *entry is filled when
 * index names a built-in entry). */
static const user_unit *entry_at(const vnr_unit_registry *reg, size_t index, listing_entry *entry,
                                 bool *found)
{
    size_t builtin_n = units_builtin_count();
    *found = false;
    if (index < builtin_n) {
        *found = units_builtin_entry(index, entry);
        return NULL;
    }
    index -= builtin_n;
    const unit_overlay *ov = or_builtin(reg)->overlay;
    if (!ov || index >= ov->n_units)
        return NULL;
    *found = true;
    return &ov->units[index];
}

size_t vnr_unit_registry_count(const vnr_unit_registry *reg)
{
    const unit_overlay *ov = or_builtin(reg)->overlay;
    return units_builtin_count() + (ov ? ov->n_units : 0);
}

const char *vnr_unit_registry_name(const vnr_unit_registry *reg, size_t index)
{
    listing_entry e;
    bool found;
    const user_unit *u = entry_at(reg, index, &e, &found);
    return u ? u->name : found ? e.name : NULL;
}

const char *vnr_unit_registry_alias(const vnr_unit_registry *reg, size_t index, size_t k)
{
    listing_entry e;
    bool found;
    const user_unit *u = entry_at(reg, index, &e, &found);
    if (u)
        return k == 0 ? u->key : NULL;
    if (!found)
        return NULL;
    if (e.kind == LIST_UNIT)
        return units_builtin_alias(e.table_index, k);
    return k == 0 ? e.name : NULL;
}

vnr_unit_kind vnr_unit_registry_kind(const vnr_unit_registry *reg, size_t index)
{
    listing_entry e;
    bool found;
    const user_unit *u = entry_at(reg, index, &e, &found);
    if (u)
        return u->value.atom_kind == ATOM_COUNT && u->value.canon == u->key ? VNR_UNIT_KIND_COUNT
                                                                          : VNR_UNIT_KIND_UNIT;
    if (!found)
        return VNR_UNIT_KIND_UNIT;
    return e.kind == LIST_SCALE ? VNR_UNIT_KIND_SCALE
           : e.kind == LIST_COUNT ? VNR_UNIT_KIND_COUNT : VNR_UNIT_KIND_UNIT;
}

const char *vnr_unit_registry_canonical(const vnr_unit_registry *reg, size_t index)
{
    listing_entry e;
    bool found;
    const user_unit *u = entry_at(reg, index, &e, &found);
    if (u)  /* canon is NUL-terminated: arena copies are */
        return u->value.canon;
    return found ? e.canonical : NULL;
}

const char *vnr_unit_registry_dimension(const vnr_unit_registry *reg, size_t index)
{
    listing_entry e;
    bool found;
    const user_unit *u = entry_at(reg, index, &e, &found);
    return u ? u->value.dimension : found ? e.dimension : NULL;
}

double vnr_unit_registry_factor_in(const vnr_unit_registry *reg, size_t index, vnr_region region)
{
    listing_entry e;
    bool found;
    if ((unsigned)region > VNR_REGION_SOUTH)
        return NAN;
    const user_unit *u = entry_at(reg, index, &e, &found);
    return u ? u->value.factor : found ? e.factor[region] : NAN;
}

double vnr_unit_registry_factor(const vnr_unit_registry *reg, size_t index)
{
    return vnr_unit_registry_factor_in(reg, index, vnr_unit_registry_region(or_builtin(reg)));
}

double vnr_unit_registry_offset(const vnr_unit_registry *reg, size_t index)
{
    listing_entry e;
    bool found;
    const user_unit *u = entry_at(reg, index, &e, &found);
    return u ? u->value.offset : found ? e.offset : NAN;
}

int vnr_unit_registry_is_regional(const vnr_unit_registry *reg, size_t index)
{
    listing_entry e;
    bool found;
    const user_unit *u = entry_at(reg, index, &e, &found);
    return !u && found && e.regional;
}

int vnr_unit_registry_is_user(const vnr_unit_registry *reg, size_t index)
{
    listing_entry e;
    bool found;
    return entry_at(reg, index, &e, &found) != NULL;
}
