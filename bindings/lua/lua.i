/*
 * lua/lua.i — the Lua half of vnreport.i: typemaps.
 *
 * Owns: how C values become Lua values in the module `vnreport`.
 * - Integers are pushed as Lua integers (SWIG 4.1 pushes every C integer
 *   with lua_pushnumber, so `rec.line` would be 19.0).
 * - A failing `vnr_status` returns `nil, message, status` instead of raising:
 *   from the vnr_error when the function has one (its argout), else from the
 *   status (the `ret` typemap, which runs last). Successful calls that have
 *   nothing else to return give `true`.
 * - SWIG 4.1's Lua target has no (const char *, size_t) typemap: the report
 *   bytes are taken with lua_tolstring, NULs included.
 * Wrong argument types are programming errors and still raise Lua errors.
 */

%{
#include <lua.h>
#include <lauxlib.h>

/* The module's entry point, declared for -Wmissing-prototypes. */
SWIGEXPORT int SWIG_init(lua_State *L);

/* Lua 5.1 / LuaJIT spellings. */
#if LUA_VERSION_NUM < 502
#define lua_rawlen lua_objlen
#endif
#if LUA_VERSION_NUM < 503
#define lua_isinteger(L, i) (lua_type(L, (i)) == LUA_TNUMBER && \
    (lua_Number)(lua_Integer)lua_tonumber(L, (i)) == lua_tonumber(L, (i)))
#endif

static int vnrb_push_failure(lua_State *L, vnr_status status, const char *message)
{
    lua_pushnil(L);
    lua_pushstring(L, message && *message ? message : vnr_status_str(status));
    lua_pushinteger(L, (lua_Integer)status);
    return 3;
}

static void vnrb_push_optional_number(lua_State *L, double v)
{
    if (isnan(v))
        lua_pushnil(L);
    else
        lua_pushnumber(L, v);
}
%}

/* ---- Integers -------------------------------------------------------- */

%typemap(out) size_t, int, unsigned int, long, unsigned long, short, unsigned short,
              long long, unsigned long long, enum SWIGTYPE
%{ lua_pushinteger(L, (lua_Integer)$1); SWIG_arg++; %}

/* ---- Statuses and errors ------------------------------------------- */

%typemap(out) vnr_status "";
%typemap(ret) vnr_status {
    if ($1 != VNR_OK)
        return vnrb_push_failure(L, $1, NULL);
    if (SWIG_arg == 0) {
        lua_pushboolean(L, 1);
        SWIG_arg++;
    }
}

/* vnr_status_str() takes any value. */
%typemap(in, checkfn="lua_isnumber") vnr_status status
%{ $1 = ($1_ltype)lua_tointeger(L, $input); %}

%typemap(in, numinputs=0) vnr_error **error (vnr_error *error_tmp = NULL) {
    $1 = &error_tmp;
}
/* Last parameter, so every other argout has run; none of the functions
 * that take an error has an argument needing cleanup, so returning here
 * leaks nothing. */
%typemap(argout) vnr_error **error {
    if (*$1) {
        int n = vnrb_push_failure(L, vnr_error_status(*$1), vnr_error_message(*$1));
        vnr_error_free(*$1);
        return n;
    }
}

/* ---- Inputs ---------------------------------------------------------- */

%typemap(in, checkfn="lua_isstring") (const char *data, size_t length) {
    size_t n = 0;
    $1 = (char *)lua_tolstring(L, $input, &n);
    $2 = n;
}

/* A record argument is the binding's Record (or nil). */
%typemap(in) const vnr_record *rec (void *argp = NULL) {
    if (!lua_isnil(L, $input) &&
        !SWIG_IsOK(SWIG_ConvertPtr(L, $input, &argp, $descriptor(vnrb_record *), 0)))
        SWIG_fail_ptr("$symname", $argnum, $descriptor(vnrb_record *));
    $1 = ($1_ltype)(argp ? ((vnrb_record *)argp)->rec : NULL);
}

/* ---- Outputs --------------------------------------------------------- */

%define VNRB_OWNED_OUT(TYPE)
%typemap(in, numinputs=0) TYPE **out (TYPE *tmp = NULL) {
    $1 = &tmp;
}
%typemap(argout) TYPE **out {
    SWIG_NewPointerObj(L, *$1, $*1_descriptor, 1);
    SWIG_arg++;
}
%enddef
VNRB_OWNED_OUT(vnr_document)
VNRB_OWNED_OUT(vnr_unit)
VNRB_OWNED_OUT(vnr_converter)

%define VNRB_ENUM_OUT(TYPE)
%typemap(in, numinputs=0) TYPE *out (TYPE tmp = (TYPE)0) {
    $1 = &tmp;
}
%typemap(argout) TYPE *out {
    lua_pushinteger(L, (lua_Integer)*$1);
    SWIG_arg++;
}
%enddef
VNRB_ENUM_OUT(vnr_encoding)
VNRB_ENUM_OUT(vnr_region)

%typemap(in, numinputs=0) double *out (double tmp = NAN) {
    $1 = &tmp;
}
%typemap(argout) double *out {
    lua_pushnumber(L, *$1);
    SWIG_arg++;
}

/* vnr_converter_apply_array(conv, {…}) → a new table. */
%typemap(in, checkfn="lua_istable") (const double *in, double *out, size_t n) (double *buf = NULL) {
    size_t i, count = (size_t)lua_rawlen(L, $input);
    buf = malloc(2 * sizeof(double) * (count ? count : 1));
    if (!buf) {
        lua_pushstring(L, "out of memory");
        SWIG_fail;
    }
    for (i = 0; i < count; i++) {
        lua_rawgeti(L, $input, (lua_Integer)(i + 1));
        buf[i] = lua_tonumber(L, -1);
        lua_pop(L, 1);
    }
    $1 = buf;
    $2 = buf + count;
    $3 = count;
}
%typemap(argout) (const double *in, double *out, size_t n) {
    size_t i;
    lua_createtable(L, (int)$3, 0);
    for (i = 0; i < $3; i++) {
        lua_pushnumber(L, $2[i]);
        lua_rawseti(L, -2, (lua_Integer)(i + 1));
    }
    SWIG_arg++;
}
%typemap(freearg) (const double *in, double *out, size_t n) {
    free(buf$argnum);
}

/* vnr_document_record(): a borrowed record becomes a Record holding its
 * own reference to the document. */
%typemap(out) const vnr_record *vnr_document_record {
    if (!$1) {
        lua_pushnil(L);
    } else {
        vnrb_record *h = vnrb_record_new(arg1, $1, arg2);
        if (!h) {
            lua_pushstring(L, "out of memory");
            SWIG_fail;
        }
        SWIG_NewPointerObj(L, h, $descriptor(vnrb_record *), 1);
    }
    SWIG_arg++;
}

/* vnr_document_number(): fate, offset, length, line, record (nil when the
 * run became no record). */
%typemap(in, numinputs=0) size_t *offset (size_t tmp = 0), size_t *length (size_t tmp = 0),
                          size_t *line (size_t tmp = 0), size_t *record (size_t tmp = 0) {
    $1 = &tmp;
}
%typemap(argout) size_t *offset, size_t *length, size_t *line {
    lua_pushinteger(L, (lua_Integer)*$1);
    SWIG_arg++;
}
%typemap(argout) size_t *record {
    if (*$1 == (size_t)-1)
        lua_pushnil(L);
    else
        lua_pushinteger(L, (lua_Integer)*$1);
    SWIG_arg++;
}

%typemap(out) vnrb_optional_page {
    if ($1) lua_pushinteger(L, (lua_Integer)$1); else lua_pushnil(L);
    SWIG_arg++;
}

%typemap(out) vnrb_optional_double {
    vnrb_push_optional_number(L, $1);
    SWIG_arg++;
}

%typemap(out) vnrb_section {
    size_t depth = vnr_record_section_depth($1), i;
    lua_createtable(L, (int)depth, 0);
    for (i = 0; i < depth; i++) {
        lua_pushstring(L, vnr_record_section($1, i));
        lua_rawseti(L, -2, (lua_Integer)(i + 1));
    }
    SWIG_arg++;
}
