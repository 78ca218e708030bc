/*
 * lua/lua-extensions.i — what makes the raw Lua module idiomatic.
 *
 * Owns: iteration (`for rec in doc:records()`), `#doc`, `doc[i]` (1-based),
 * `doc:metadata()`, `doc:numbers()`, `rec:as_table()`, `conv:apply_array()`,
 * `tostring`, `pairs` and `#` on documents and records, and the
 * module-level functions (`vnr.parse`, `vnr.parse_file`,
 * `vnr.convert`, …), written in Lua in %luacode on top of the raw functions.
 *
 * Iterators are C closures whose first upvalue is the document userdata, so
 * a loop keeps its document alive even when the caller has dropped it.
 */

%{
static vnr_document *vnrb_lua_check_document(lua_State *L, int index)
{
    void *p = NULL;
    if (!SWIG_IsOK(SWIG_ConvertPtr(L, index, &p, SWIGTYPE_p_vnr_document, 0)) || !p)
        luaL_error(L, "vnreport: expected a Document");
    return (vnr_document *)p;
}

/* Upvalues: 1 = document userdata, 2 = next 0-based index. */
static int vnrb_lua_records_next(lua_State *L)
{
    vnr_document *doc = vnrb_lua_check_document(L, lua_upvalueindex(1));
    size_t i = (size_t)lua_tointeger(L, lua_upvalueindex(2));
    const vnr_record *rec = vnr_document_record(doc, i);
    vnrb_record *h;
    if (!rec)
        return 0;
    h = vnrb_record_new(doc, rec, i);
    if (!h)
        return luaL_error(L, "vnreport: out of memory");
    lua_pushinteger(L, (lua_Integer)(i + 1));
    lua_replace(L, lua_upvalueindex(2));
    SWIG_NewPointerObj(L, h, SWIGTYPE_p_vnrb_record, 1);
    return 1;
}

static int vnrb_lua_numbers_next(lua_State *L)
{
    vnr_document *doc = vnrb_lua_check_document(L, lua_upvalueindex(1));
    size_t i = (size_t)lua_tointeger(L, lua_upvalueindex(2));
    size_t offset = 0, length = 0, line = 0, record = 0;
    const char *fate = vnr_document_number(doc, i, &offset, &length, &line, &record);
    if (!fate)
        return 0;
    lua_pushinteger(L, (lua_Integer)(i + 1));
    lua_replace(L, lua_upvalueindex(2));
    lua_createtable(L, 0, 6);
    lua_pushstring(L, fate);
    lua_setfield(L, -2, "fate");
    lua_pushstring(L, vnr_document_number_text(doc, i));
    lua_setfield(L, -2, "text");
    lua_pushinteger(L, (lua_Integer)offset);
    lua_setfield(L, -2, "offset");
    lua_pushinteger(L, (lua_Integer)length);
    lua_setfield(L, -2, "length");
    lua_pushinteger(L, (lua_Integer)line);
    lua_setfield(L, -2, "line");
    if (record != (size_t)-1) {
        lua_pushinteger(L, (lua_Integer)record);
        lua_setfield(L, -2, "record");
    }
    return 1;
}

/* nil, "<name>: a PDF file — convert it to text first", VNR_E_ENCODING */
static int vnrb_lua_format_failure(lua_State *L, const char *name, const char *format)
{
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s \xe2\x80\x94 convert it to text first", name, format);
    lua_pushinteger(L, (lua_Integer)VNR_E_ENCODING);
    return 3;
}

/* vnreport._read_report(path) -> bytes, base name; or nil, message,
 * status, errno (as io.open: "path: No such file or directory"); a binary
 * document format (PDF, DOCX …) is refused by name. */
static int vnrb_lua_read_report(lua_State *L)
{
    const char *path = luaL_checkstring(L, 1);
    const char *base = strrchr(path, '/');
    const char *format;
    char *data = NULL;
    size_t length = 0;
    long long size, mtime_ns;
    int e = vnrb_read_file(path, &data, &length, &size, &mtime_ns);
    base = base && base[1] ? base + 1 : path;
    if (e) {
        lua_pushnil(L);
        lua_pushfstring(L, "%s: %s", path, strerror(e));
        lua_pushinteger(L, (lua_Integer)VNR_E_IO);
        lua_pushinteger(L, (lua_Integer)e);
        return 4;
    }
    format = vnrb_binary_format(data, length);
    if (format) {
        free(data);
        return vnrb_lua_format_failure(L, base, format);
    }
    lua_pushlstring(L, data, length);
    free(data);
    lua_pushstring(L, base);
    return 2;
}

/* vnreport._check_format(text, name) -> true; or nil, message, status. */
static int vnrb_lua_check_format(lua_State *L)
{
    size_t length = 0;
    const char *text = luaL_checklstring(L, 1, &length);
    const char *format = vnrb_binary_format(text, length);
    if (format)
        return vnrb_lua_format_failure(L, luaL_optstring(L, 2, "-"), format);
    lua_pushboolean(L, 1);
    return 1;
}

/* Return types whose typemaps push something built in C. */
typedef int vnrb_lua_records_iter;
typedef int vnrb_lua_numbers_iter;
typedef int vnrb_lua_metadata;
typedef int vnrb_lua_record_table;
typedef lua_Integer vnrb_lua_key;

static const char *const vnrb_metadata_fields[] = {
    "doc", "province", "issuer", "number", "date", "title", "period", "kind",
    "language", "encoding",
};

static void vnrb_lua_setfield_string(lua_State *L, const char *name, const char *value)
{
    if (value) {
        lua_pushstring(L, value);
        lua_setfield(L, -2, name);
    }
}

static void vnrb_lua_setfield_number(lua_State *L, const char *name, double value)
{
    if (!isnan(value)) {
        lua_pushnumber(L, value);
        lua_setfield(L, -2, name);
    }
}

static void vnrb_lua_setfield_integer(lua_State *L, const char *name, size_t value)
{
    lua_pushinteger(L, (lua_Integer)value);
    lua_setfield(L, -2, name);
}

/* The fields of a record as a table (docs/guide.md, "Record fields");
 * null fields are absent. */
static void vnrb_lua_push_record_table(lua_State *L, const vnr_record *r)
{
    size_t depth = vnr_record_section_depth(r), i;
    lua_createtable(L, 0, 24);
    vnrb_lua_setfield_string(L, "doc", vnr_record_doc(r));
    vnrb_lua_setfield_integer(L, "statement", vnr_record_statement(r));
    vnrb_lua_setfield_integer(L, "line", vnr_record_line(r));
    vnrb_lua_setfield_integer(L, "col", vnr_record_col(r));
    vnrb_lua_setfield_integer(L, "offset", vnr_record_offset(r));
    vnrb_lua_setfield_integer(L, "length", vnr_record_length(r));
    if (vnr_record_page(r)) vnrb_lua_setfield_integer(L, "page", vnr_record_page(r));
    lua_createtable(L, (int)depth, 0);
    for (i = 0; i < depth; i++) {
        lua_pushstring(L, vnr_record_section(r, i));
        lua_rawseti(L, -2, (lua_Integer)(i + 1));
    }
    lua_setfield(L, -2, "section");
    vnrb_lua_setfield_string(L, "subject", vnr_record_subject(r));
    vnrb_lua_setfield_string(L, "indicator", vnr_record_indicator(r));
    vnrb_lua_setfield_string(L, "role", vnr_role_name(vnr_record_role(r)));
    vnrb_lua_setfield_number(L, "value", vnr_record_value(r));
    vnrb_lua_setfield_number(L, "value_max", vnr_record_value_max(r));
    vnrb_lua_setfield_number(L, "total", vnr_record_total(r));
    vnrb_lua_setfield_string(L, "unit", vnr_record_unit(r));
    vnrb_lua_setfield_number(L, "canonical_value", vnr_record_canonical_value(r));
    vnrb_lua_setfield_string(L, "canonical_unit", vnr_record_canonical_unit(r));
    vnrb_lua_setfield_string(L, "dimension", vnr_record_dimension(r));
    vnrb_lua_setfield_string(L, "qualifier", vnr_qualifier_name(vnr_record_qualifier(r)));
    lua_pushboolean(L, vnr_record_estimate(r) != 0);
    lua_setfield(L, -2, "estimate");
    vnrb_lua_setfield_string(L, "baseline", vnr_record_baseline(r));
    vnrb_lua_setfield_string(L, "period", vnr_record_period(r));
    vnrb_lua_setfield_string(L, "text", vnr_record_text(r));
    vnrb_lua_setfield_string(L, "indicator_key", vnr_record_indicator_key(r));
    vnrb_lua_setfield_string(L, "subject_key", vnr_record_subject_key(r));
}
%}

typedef int vnrb_lua_records_iter;
typedef int vnrb_lua_numbers_iter;
typedef int vnrb_lua_metadata;
typedef int vnrb_lua_record_table;
typedef long long vnrb_lua_key;

/* Iterators: push a closure over the document userdata (argument 1). */
%typemap(out) vnrb_lua_records_iter {
    (void)$1;
    lua_pushvalue(L, 1);
    lua_pushinteger(L, 0);
    lua_pushcclosure(L, vnrb_lua_records_next, 2);
    SWIG_arg++;
}
%typemap(out) vnrb_lua_numbers_iter {
    (void)$1;
    lua_pushvalue(L, 1);
    lua_pushinteger(L, 0);
    lua_pushcclosure(L, vnrb_lua_numbers_next, 2);
    SWIG_arg++;
}
%typemap(out) vnrb_lua_metadata {
    size_t i;
    (void)$1;
    lua_createtable(L, 0, 13);
    for (i = 0; i < sizeof vnrb_metadata_fields / sizeof *vnrb_metadata_fields; i++)
        vnrb_lua_setfield_string(L, vnrb_metadata_fields[i],
                                 vnr_document_meta(arg1, vnrb_metadata_fields[i]));
    vnrb_lua_setfield_number(L, "encoding_confidence", vnr_document_encoding_confidence(arg1));
    vnrb_lua_setfield_integer(L, "replacements", vnr_document_replacements(arg1));
    vnrb_lua_setfield_integer(L, "records", vnr_document_record_count(arg1));
    SWIG_arg++;
}
%typemap(out) vnrb_lua_record_table {
    (void)$1;
    vnrb_lua_push_record_table(L, arg1->rec);
    SWIG_arg++;
}
/* Any key: integers index records, anything else gives nil. */
%typemap(in) vnrb_lua_key
%{ $1 = lua_isinteger(L, $input) ? (vnrb_lua_key)lua_tointeger(L, $input) : 0; %}

%native(_read_report) int vnrb_lua_read_report(lua_State *L);
%native(_check_format) int vnrb_lua_check_format(lua_State *L);

%rename(records) vnr_document::b_records;
%rename(numbers) vnr_document::b_numbers;
%rename(metadata) vnr_document::b_metadata;
%rename(as_table) vnrb_record::b_as_table;
%rename(apply_array) vnr_converter::b_apply_array;
%newobject vnr_document::__getitem;

%extend vnr_document {
    /** Iterator over the records, in input order. */
    vnrb_lua_records_iter b_records() { return 0; }
    /** Iterator over every digit run and its fate. */
    vnrb_lua_numbers_iter b_numbers() { return 0; }
    /** All metadata as a table (null fields absent). */
    vnrb_lua_metadata b_metadata() { return 0; }
    /** `#doc`: number of records. Lua passes the operand twice. */
    size_t __len(void *unused = NULL) { (void)unused; return vnr_document_record_count($self); }
    /** `doc[i]`: the i-th record, 1-based; nil when out of range. */
    vnrb_record *__getitem(vnrb_lua_key i) {
        const vnr_record *rec;
        if (i < 1)
            return NULL;
        rec = vnr_document_record($self, (size_t)(i - 1));
        return rec ? vnrb_record_new($self, rec, (size_t)(i - 1)) : NULL;
    }
}

%extend vnrb_record {
    /** The record fields as a plain table (null fields absent). */
    vnrb_lua_record_table b_as_table() { return 0; }
}

%extend vnr_converter {
    /** Convert every number of a table; returns a new table. */
    void b_apply_array(const double *in, double *out, size_t n) {
        vnr_converter_apply_array($self, in, out, n);
    }
}

%{
/* SWIG's __gc frees the object but leaves the userdata pointing at it, so
 * calling it by hand (getmetatable(doc).__gc(doc)) and then using the
 * object, or collecting it, touched freed memory. This __gc frees once and
 * leaves an empty handle, which every method refuses (the check typemap
 * below). */
static int vnrb_lua_gc(lua_State *L)
{
    swig_lua_userdata *usr = (swig_lua_userdata *)lua_touserdata(L, 1);
    if (!usr || !usr->own || !usr->ptr || !usr->type)
        return 0;
    swig_lua_class *clss = (swig_lua_class *)usr->type->clientdata;
    void *ptr = usr->ptr;
    usr->own = 0;
    usr->ptr = NULL;
    if (clss && clss->destructor)
        clss->destructor(ptr);
    return 0;
}

static void vnrb_lua_install_gc(lua_State *L)
{
    static const char *const classes[] = { "Document", "Parser", "Record", "Unit",
                                           "Converter", "UnitRegistry" };
    for (size_t i = 0; i < sizeof classes / sizeof *classes; i++) {
        SWIG_Lua_get_class_metatable(L, classes[i]);
        if (lua_istable(L, -1)) {
            lua_pushcfunction(L, vnrb_lua_gc);
            lua_setfield(L, -2, "__gc");
        }
        lua_pop(L, 1);
    }
}
%}

/* A method called on an object whose __gc already ran. */
%typemap(check) SWIGTYPE *self {
    if (!$1) {
        SWIG_Lua_pushferrstring(L, "%s: the object was released", "$symname");
        SWIG_fail;
    }
}

%init %{
    /* The instance metatables of documents and records, for the Lua code
     * below to add __tostring, __pairs and __len (removed there). */
    SWIG_Lua_get_class_metatable(L, "Document");
    lua_setglobal(L, "__vnreport_document_mt");
    SWIG_Lua_get_class_metatable(L, "Record");
    lua_setglobal(L, "__vnreport_record_mt");
    /* Hand the module table to the Lua code below (removed there). */
    lua_pushvalue(L, -1);
    lua_setglobal(L, "__vnreport_module");
    vnrb_lua_install_gc(L);
%}

%luacode %{
local M = __vnreport_module
__vnreport_module = nil
-- SWIG's runtime registers two helpers as globals; keep them in the module.
M.swig_type, M.swig_equals = swig_type, swig_equals
swig_type, swig_equals = nil, nil

--- Version of the libvnreport built into the module ("MAJOR.MINOR.MICRO").
M.version = M.vnr_version()

--- Record fields in output order (docs/guide.md, "Record fields").
M.FIELDS = { "doc", "statement", "line", "col", "offset", "length", "section",
  "subject", "indicator", "role", "value", "value_max", "total", "unit",
  "canonical_value", "canonical_unit", "dimension", "qualifier", "estimate",
  "baseline", "period", "text", "page", "indicator_key", "subject_key" }

--- Encoding names accepted by the `encoding` option ("auto" first).
M.ENCODINGS = {}
for i = 0, 7 do M.ENCODINGS[#M.ENCODINGS + 1] = M.vnr_encoding_name(i) end

--- Document metadata fields, as in the CLI's document line.
M.METADATA_FIELDS = { "doc", "province", "issuer", "number", "date", "title",
  "period", "kind", "language", "encoding" }

-- opts: nil, a document name, or { doc = name, encoding = "tcvn3", lenient = true,
-- max_input = bytes }
local function make_parser(opts)
  if type(opts) ~= "table" or (opts.encoding == nil and not opts.lenient and opts.max_input == nil) then
    return nil
  end
  local parser = M.Parser()
  if opts.max_input ~= nil then
    local ok = type(opts.max_input) == "number" and opts.max_input >= 0 and
               M.vnr_parser_set_max_input(parser, opts.max_input)
    if not ok then
      return nil, "max_input must be a number of bytes up to 1 GiB", M.VNR_E_INVALID_ARGUMENT
    end
  end
  if opts.encoding ~= nil then
    local enc, err, code = M.vnr_encoding_from_name(opts.encoding)
    if enc == nil then
      return nil, "unknown encoding '" .. tostring(opts.encoding) .. "': use one of " ..
        table.concat(M.ENCODINGS, ", ", 2) .. " (or nil to detect it)", code
    end
    M.vnr_parser_set_encoding(parser, enc)
  end
  if opts.lenient then M.vnr_parser_set_lenient(parser, 1) end
  return parser
end

--- Parse a report held in a string (any bytes: UTF-8, UTF-16 with BOM,
-- Windows-1258, TCVN3, VNI, VISCII).
-- @param text the report
-- @param opts nil, the document name, or a table {doc=, encoding=, lenient=}
-- @return a Document, or nil, message, status
function M.parse(text, opts)
  if type(text) ~= "string" then
    error("vnreport.parse: expected a string, got " .. type(text), 2)
  end
  local name = opts
  if type(opts) == "table" then name = opts.doc end
  if type(name) == "string" and name:find("\0", 1, true) then
    return nil, "vnreport.parse: embedded NUL in the document name", M.VNR_E_INVALID_ARGUMENT
  end
  local parser, err, code = make_parser(opts)
  if err then return nil, err, code end
  local ok, ferr, fcode = M._check_format(text, name)
  if not ok then return nil, ferr, fcode end
  return M.vnr_parse(parser, text, name)
end

--- Parse the report in a file ("-" is standard input).
-- @param path file name
-- @param opts nil or a table {encoding=, lenient=}
-- @return a Document, or nil, message, status (and, when the file cannot be
-- read, errno, as io.open: "path: No such file or directory")
function M.parse_file(path, opts)
  if type(path) ~= "string" then
    error("vnreport.parse_file: expected a path string, got " .. type(path), 2)
  end
  if path:find("\0", 1, true) then   -- C would read a shorter path
    return nil, "vnreport.parse_file: embedded NUL in the path", M.VNR_E_INVALID_ARGUMENT
  end
  local parser, err, code = make_parser(opts)
  if err then return nil, err, code end
  if path == "-" then return M.vnr_parse_file(parser, path) end
  local data, name, errno
  data, name, code, errno = M._read_report(path)
  if not data then return nil, name, code, errno end
  return M.vnr_parse(parser, data, name)
end

--- Convert a number between units ("ha" → "km2", "tạ/ha", "nghìn tỷ đồng").
-- @return the converted number, or nil, message, status
function M.convert(value, from, to, registry)
  return M.vnr_convert_ex(registry, value, from, to)
end

--- Parse a unit expression. @return a Unit, or nil, message, status
function M.unit(text, registry, open_count)
  return M.vnr_unit_parse_ex(registry, text, open_count and M.VNR_UNIT_OPEN_COUNT or 0)
end

--- A converter resolved once (units as strings or Unit objects).
-- @return a Converter, or nil, message, status
function M.converter(from, to, registry)
  if type(from) == "string" and type(to) == "string" then
    return M.vnr_converter_new_ex(registry, from, to)
  end
  if type(from) == "string" then
    local u, err, code = M.unit(from, registry); if not u then return nil, err, code end
    from = u
  end
  if type(to) == "string" then
    local u, err, code = M.unit(to, registry); if not u then return nil, err, code end
    to = u
  end
  return M.vnr_converter_from_units(registry, from, to)
end

--- A new unit registry starting from base (nil = built-in).
function M.registry(base)
  return M.vnr_unit_registry_new(base)
end

local kinds = { [M.VNR_UNIT_KIND_UNIT] = "unit", [M.VNR_UNIT_KIND_SCALE] = "scale",
                [M.VNR_UNIT_KIND_COUNT] = "count" }

--- The entries of a registry (nil = built-in) as an array of tables
-- {name, aliases, kind, canonical, dimension, factor, offset, regional, user}.
function M.units(registry)
  local out = {}
  for i = 0, M.vnr_unit_registry_count(registry) - 1 do
    local aliases, k = {}, 0
    while true do
      local a = M.vnr_unit_registry_alias(registry, i, k)
      if a == nil then break end
      aliases[#aliases + 1] = a
      k = k + 1
    end
    out[#out + 1] = {
      name = M.vnr_unit_registry_name(registry, i),
      aliases = aliases,
      kind = kinds[M.vnr_unit_registry_kind(registry, i)] or "unit",
      canonical = M.vnr_unit_registry_canonical(registry, i),
      dimension = M.vnr_unit_registry_dimension(registry, i),
      factor = M.vnr_unit_registry_factor(registry, i),
      offset = M.vnr_unit_registry_offset(registry, i),
      regional = M.vnr_unit_registry_is_regional(registry, i) ~= 0,
      user = M.vnr_unit_registry_is_user(registry, i) ~= 0,
    }
  end
  return out
end

--- Set a registry's region by name ("north"/"bắc", "central"/"trung",
-- "south"/"nam"). @return true, or nil, message, status
function M.set_region(registry, name)
  local region, err, code = M.vnr_region_from_name(name)
  if region == nil then return nil, err, code end
  return M.vnr_unit_registry_set_region(registry, region)
end

-- ---- Metamethods: tostring, pairs, # on documents and records -------------

local document_mt, record_mt = __vnreport_document_mt, __vnreport_record_mt
__vnreport_document_mt, __vnreport_record_mt = nil, nil

local function show(v)
  if v == nil then return "nil" end
  if type(v) == "number" then return string.format("%.15g", v) end
  return tostring(v)
end

-- tostring(doc): "vnreport.Document: report.txt (Yên Bái, 2022, 31 records)"
rawset(document_mt, "__tostring", function(doc)
  return string.format("vnreport.Document: %s (%s, %s, %d records)",
    doc.doc, show(doc.province), show(doc.period), #doc)
end)

-- pairs(doc): index, record for every record in input order (as ipairs).
rawset(document_mt, "__pairs", function(doc)
  local next_record, i = doc:records(), 0
  return function()
    local rec = next_record()
    if rec == nil then return nil end
    i = i + 1
    return i, rec
  end, doc, nil
end)

-- tostring(rec): "vnreport.Record: report.txt:19 change 6.9 % Tổng sản phẩm …"
rawset(record_mt, "__tostring", function(rec)
  return string.format("vnreport.Record: %s:%d %s %s %s %s", rec.doc, rec.line,
    show(rec.role), show(rec.value), rec.unit, rec.indicator)
end)

-- #rec: the number of record fields (#vnreport.FIELDS).
rawset(record_mt, "__len", function() return #M.FIELDS end)

-- pairs(rec): field, value in M.FIELDS order; null fields are skipped.
rawset(record_mt, "__pairs", function(rec)
  local t, i = rec:as_table(), 0
  return function()
    while true do
      i = i + 1
      local field = M.FIELDS[i]
      if field == nil then return nil end
      if t[field] ~= nil then return field, t[field] end
    end
  end, rec, nil
end)
%}
