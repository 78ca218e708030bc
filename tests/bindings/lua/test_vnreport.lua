--[[
test_vnreport.lua — the Lua binding, tested with plain assertions (TAP
output, one line per test). Runs on Lua 5.4 and on LuaJIT 2.1.

The build passes where things are through the environment
(tests/bindings/meson.build): LUA_CPATH finds the module, VNREPORT_CLI is
the `vnreport` command, VNREPORT_DATA the sample reports, VNREPORT_CORPUS
the shared corpus when it exists. Results are compared with the CLI's JSON
Lines output rather than hard-coded, so the extractor may change freely.
]]

local vnr = require "vnreport"

local unpack = table.unpack or unpack
local function is_integer(x)
  if math.type then return math.type(x) == "integer" end
  return type(x) == "number" and x == math.floor(x)
end

local CLI = assert(os.getenv("VNREPORT_CLI"), "VNREPORT_CLI not set")
local DATA = assert(os.getenv("VNREPORT_DATA"), "VNREPORT_DATA not set")
local CORPUS = os.getenv("VNREPORT_CORPUS")

-- ---- tiny JSON decoder (enough for the CLI's output) -------------------

local NULL = setmetatable({}, { __tostring = function() return "null" end })

local function json_decode(s)
  local pos = 1
  local function ws() pos = s:find("[^ \t\r\n]", pos) or #s + 1 end
  local value
  local function str()
    local out, i = {}, pos + 1
    while true do
      local c = s:sub(i, i)
      if c == '"' then pos = i + 1; return table.concat(out) end
      if c == "\\" then
        local e = s:sub(i + 1, i + 1)
        local map = { ['"'] = '"', ["\\"] = "\\", ["/"] = "/", n = "\n", r = "\r", t = "\t", b = "\b", f = "\f" }
        if e == "u" then
          local code = tonumber(s:sub(i + 2, i + 5), 16)
          assert(code < 0x80, "only ASCII \\u escapes expected from the CLI")
          out[#out + 1] = string.char(code)
          i = i + 6
        else
          out[#out + 1] = assert(map[e], "bad escape")
          i = i + 2
        end
      else
        local j = s:find('["\\]', i)
        out[#out + 1] = s:sub(i, j - 1)
        i = j
      end
    end
  end
  function value()
    ws()
    local c = s:sub(pos, pos)
    if c == "{" then
      local obj = {}
      pos = pos + 1; ws()
      if s:sub(pos, pos) == "}" then pos = pos + 1; return obj end
      while true do
        ws(); local k = str(); ws()
        assert(s:sub(pos, pos) == ":"); pos = pos + 1
        obj[k] = value(); ws()
        local d = s:sub(pos, pos); pos = pos + 1
        if d == "}" then return obj end
        assert(d == ",")
      end
    elseif c == "[" then
      local arr = {}
      pos = pos + 1; ws()
      if s:sub(pos, pos) == "]" then pos = pos + 1; return arr end
      while true do
        arr[#arr + 1] = value(); ws()
        local d = s:sub(pos, pos); pos = pos + 1
        if d == "]" then return arr end
        assert(d == ",")
      end
    elseif c == '"' then
      return str()
    elseif s:sub(pos, pos + 3) == "true" then pos = pos + 4; return true
    elseif s:sub(pos, pos + 4) == "false" then pos = pos + 5; return false
    elseif s:sub(pos, pos + 3) == "null" then pos = pos + 4; return NULL
    else
      local num = s:match("^-?%d+%.?%d*[eE]?[-+]?%d*", pos)
      pos = pos + #num
      return assert(tonumber(num), num)
    end
  end
  return value()
end

-- ---- helpers -------------------------------------------------------------

local function shell_quote(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

local function list_txt(dir)
  local files = {}
  if not dir then return files end
  local p = io.popen("ls -1 " .. shell_quote(dir) .. " 2>/dev/null")
  for name in p:lines() do
    if name:match("%.txt$") then files[#files + 1] = dir .. "/" .. name end
  end
  p:close()
  table.sort(files)
  return files
end

local function cli_jsonl(path)
  local p = assert(io.popen(shell_quote(CLI) .. " extract --format jsonl " .. shell_quote(path)))
  local document, records = nil, {}
  for line in p:lines() do
    local obj = json_decode(line)
    if obj.type == "document" then document = obj else records[#records + 1] = obj end
  end
  assert(p:close())
  return document, records
end

local function read_file(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("*a")
  f:close()
  return s
end

local function same(got, expected)
  if expected == NULL then return got == nil end
  if type(expected) == "table" then
    if type(got) ~= "table" or #got ~= #expected then return false end
    for i = 1, #expected do if got[i] ~= expected[i] then return false end end
    return true
  end
  return got == expected
end

local SAMPLES = list_txt(DATA)
local CORPUS_FILES = list_txt(CORPUS)
local ALL = {}
for _, f in ipairs(SAMPLES) do ALL[#ALL + 1] = f end
for _, f in ipairs(CORPUS_FILES) do ALL[#ALL + 1] = f end
local SAMPLE = DATA .. "/sample-report.txt"

-- ---- tests ----------------------------------------------------------------

local tests = {}
local function test(name, fn) tests[#tests + 1] = { name, fn } end

test("module basics", function()
  assert(type(vnr.version) == "string" and vnr.version:match("^%d+%.%d+%.%d+$"))
  assert(vnr.version == vnr.vnr_version())
  assert(#vnr.FIELDS == 25 and vnr.FIELDS[1] == "doc" and vnr.FIELDS[22] == "text" and vnr.FIELDS[23] == "page" and vnr.FIELDS[25] == "subject_key")
  assert(#vnr.METADATA_FIELDS == 10 and vnr.METADATA_FIELDS[2] == "province")
  assert(vnr.VNR_E_ENCODING == 4 and is_integer(vnr.VNR_E_ENCODING))
  assert(#SAMPLES >= 2, "sample reports missing in " .. DATA)
  -- require leaves no globals behind
  assert(__vnreport_module == nil and swig_type == nil and swig_equals == nil)
  assert(type(vnr.swig_type) == "function")
end)

for _, path in ipairs(ALL) do
  local name = path:match("[^/]+$")
  test("same as the CLI: " .. name, function()
    local document, records = cli_jsonl(path)
    local doc = assert(vnr.parse_file(path))
    -- metadata, as members and as a table
    local meta = doc:metadata()
    for k, v in pairs(document) do
      if k ~= "type" then
        assert(same(meta[k], v), k)
        if k ~= "records" and k ~= "encoding_confidence" and k ~= "replacements" then
          assert(same(doc[k], v), k)
        end
      end
    end
    assert(doc.encoding_confidence == document.encoding_confidence)
    assert(doc.replacements == document.replacements)
    assert(#doc == #records and #doc == document.records)
    -- records, by iteration, by index and as tables
    local i = 0
    for rec in doc:records() do
      i = i + 1
      local expected = records[i]
      local t = rec:as_table()
      for _, field in ipairs(vnr.FIELDS) do
        assert(same(rec[field], expected[field]), field .. " of record " .. i)
        assert(same(t[field], expected[field]), field .. " of as_table " .. i)
      end
      assert(is_integer(rec.line) and is_integer(rec.statement) and is_integer(rec.offset))
      assert(type(rec.estimate) == "boolean" and type(rec.section) == "table")
      assert(doc[i].offset == rec.offset)
    end
    assert(i == #records)
    -- the same bytes through parse()
    local again = assert(vnr.parse(read_file(path), name))
    assert(#again == #doc and again.doc == name)
    for k = 1, #doc do assert(again[k].text == doc[k].text and again[k].value == doc[k].value) end
  end)
end

test("parse options", function()
  local text = read_file(SAMPLE)
  assert(vnr.parse(text).doc == "-")
  assert(vnr.parse(text, "a.txt").doc == "a.txt")
  local doc = assert(vnr.parse(text, { doc = "b.txt", encoding = "utf-8", lenient = true }))
  assert(doc.doc == "b.txt" and doc.encoding == "utf-8")
  assert(vnr.parse_file(SAMPLE, { encoding = "utf-8" }).doc == "sample-report.txt")
  local bad = "S\225\186\163n l\198\176\225\187\163ng 5 t\225\186\165n\n\255\254 x\n"
  assert(vnr.parse(bad, { encoding = "utf-8" }) == nil)
  local lenient = assert(vnr.parse(bad, { encoding = "utf-8", lenient = true }))
  assert(lenient.replacements >= 1)
end)

test("indexing and length", function()
  local doc = assert(vnr.parse_file(SAMPLE))
  local n = #doc
  assert(n > 0 and is_integer(n))
  assert(doc[1] ~= nil and doc[n] ~= nil)
  assert(doc[0] == nil and doc[n + 1] == nil and doc[-1] == nil)
  assert(doc.no_such_field == nil and doc[1].no_such_field == nil)
  assert(doc[1].line <= doc[n].line)
end)

test("audit numbers", function()
  local doc = assert(vnr.parse_file(SAMPLE))
  local count, in_records = 0, 0
  for n in doc:numbers() do
    count = count + 1
    assert(type(n.fate) == "string" and is_integer(n.offset) and n.length >= 1 and n.line >= 1)
    assert(type(n.text) == "string" and n.text:match("%d"))
    if n.record then
      in_records = in_records + 1
      assert(n.record >= 0 and n.record < #doc)
      assert(doc[n.record + 1].line == n.line or n.fate ~= "record")
    end
  end
  assert(count == vnr.vnr_document_number_count(doc) and in_records > 0)
end)

test("errors are nil, message, status", function()
  local doc, msg, code = vnr.parse("")
  assert(doc == nil and msg:match("empty") and code == vnr.VNR_E_EMPTY)
  doc, msg, code = vnr.parse_file("/nonexistent/report.txt")
  assert(doc == nil and msg:find("/nonexistent/report.txt", 1, true) and code == vnr.VNR_E_IO)
  doc, msg, code = vnr.parse("D\195\178ng 1\nD\195\178ng 2 \195\40 x\n", { encoding = "utf-8" })
  assert(doc == nil and msg:match("line 2") and code == vnr.VNR_E_ENCODING)
  doc, msg, code = vnr.parse("abc", { encoding = "klingon" })
  assert(doc == nil and msg:match("klingon") and code == vnr.VNR_E_INVALID_ARGUMENT)
  local v
  v, msg, code = vnr.convert(1, "ha", "kg")
  assert(v == nil and msg:find("ha", 1, true) and code == vnr.VNR_E_INCOMPATIBLE)
  v, msg, code = vnr.convert(1, "ha", "parsec")
  assert(v == nil and msg:find("parsec", 1, true) and code == vnr.VNR_E_UNKNOWN_UNIT)
  v, msg, code = vnr.convert(1, "USD", "VND")
  assert(v == nil and code == vnr.VNR_E_NO_RATE)
  v, msg, code = vnr.vnr_convert(1, "ha", "xyz")  -- no vnr_error: message from the status
  assert(v == nil and msg == "unknown unit" and code == vnr.VNR_E_UNKNOWN_UNIT)
  -- wrong argument types are programming errors: raised
  assert(not pcall(vnr.parse, 42))
  assert(not pcall(vnr.parse_file, nil))
end)

test("file and format errors: exact messages, status and errno", function()
  local doc, msg, code, errno = vnr.parse_file("/nonexistent/report.txt")
  assert(doc == nil and code == vnr.VNR_E_IO and errno == 2, msg)
  assert(msg == "/nonexistent/report.txt: No such file or directory", msg)
  local dir = DATA
  doc, msg, code, errno = vnr.parse_file(dir)
  assert(doc == nil and code == vnr.VNR_E_IO and errno == 21, msg)
  assert(msg == dir .. ": Is a directory", msg)
  doc, msg, code = vnr.parse("abc", { encoding = "klingon" })
  assert(msg == "unknown encoding 'klingon': use one of utf-8, utf-16le, utf-16be, " ..
    "windows-1258, tcvn3, vni, viscii (or nil to detect it)", msg)
  assert(code == vnr.VNR_E_INVALID_ARGUMENT)
  local tmp = os.tmpname()
  local cases = {
    { "%PDF-1.4\n%\226\227\n1 0 obj", "a PDF file" },
    { "PK\3\4\20\0\6\0word/document.xml", "a ZIP archive (DOCX, XLSX and ODT files are ZIP archives)" },
    { "\208\207\17\224\161\177\26\225\0\0", "a Microsoft Office 97-2003 file (DOC, XLS)" },
  }
  for _, case in ipairs(cases) do
    local f = assert(io.open(tmp, "wb")); f:write(case[1]); f:close()
    local base = tmp:match("[^/]+$")
    for _, lenient in ipairs({ false, true }) do
      doc, msg, code = vnr.parse_file(tmp, { lenient = lenient })
      assert(doc == nil and code == vnr.VNR_E_ENCODING, msg)
      assert(msg == base .. ": " .. case[2] .. " \226\128\148 convert it to text first", msg)
      doc, msg, code = vnr.parse(case[1], { doc = "r.bin", lenient = lenient })
      assert(doc == nil and msg == "r.bin: " .. case[2] .. " \226\128\148 convert it to text first", msg)
    end
  end
  os.remove(tmp)
end)

test("tostring, pairs and # on documents and records", function()
  local doc = assert(vnr.parse_file(SAMPLE))
  assert(tostring(doc) == ("vnreport.Document: sample-report.txt (%s, %s, %d records)"):format(
    doc.province, doc.period, #doc), tostring(doc))
  local rec = doc[1]
  assert(tostring(rec):find("vnreport.Record: sample-report.txt:" .. rec.line .. " ", 1, true) == 1,
    tostring(rec))
  assert(tostring(rec):find(rec.indicator, 1, true))
  assert(#rec == #vnr.FIELDS)
  local t = rec:as_table()
  if _VERSION ~= "Lua 5.1" then      -- LuaJIT's pairs() ignores __pairs
    local seen, order = {}, {}
    for k, v in pairs(rec) do seen[k] = v; order[#order + 1] = k end
    for _, f in ipairs(vnr.FIELDS) do
      if f ~= "section" then assert(seen[f] == t[f], f) end
    end
    local last                       -- the last field that is not nil
    for _, f in ipairs(vnr.FIELDS) do if t[f] ~= nil then last = f end end
    assert(order[1] == "doc" and order[#order] == last, order[#order])
    local n = 0
    for i, r in pairs(doc) do
      n = n + 1
      assert(i == n and r.line == doc[i].line)
    end
    assert(n == #doc)
  end
end)

test("convert", function()
  assert(math.abs(vnr.convert(177078, "ha", "km2") - 1770.78) < 1e-9)
  assert(vnr.convert(1, "tạ", "kg") == 100)
  assert(vnr.convert(2, "nghìn tỷ đồng", "tỷ đồng") == 2000)
  assert(vnr.convert(1, "sào", "m2") == 360)
  local v = vnr.vnr_convert(1, "tấn", "kg")
  assert(v == 1000)
end)

test("units, converters, registries", function()
  local u = assert(vnr.unit("tạ/ha"))
  assert(u.text == "tạ/ha" and u.canonical == "kg/m2" and u.dimension == "rate")
  assert(math.abs(u.factor - 0.01) < 1e-15 and u.offset == 0)
  assert(u:compatible(assert(vnr.unit("tấn/ha"))) and not u:compatible(assert(vnr.unit("ha"))))
  assert(vnr.unit("bogus unit") == nil)
  assert(vnr.unit("cái nồi", nil, true).dimension == "count")
  local c = assert(vnr.converter("tấn", "kg"))
  assert(c:apply(2.5) == 2500 and c.factor == 1000 and c.offset == 0)
  local out = c:apply_array({ 1, 2, 3 })
  assert(#out == 3 and out[3] == 3000)
  assert(#c:apply_array({}) == 0)
  assert(#vnr.vnr_converter_apply_array(c, { 4 }) == 1)
  assert(vnr.converter("ha", "kg") == nil)
  assert(vnr.converter(vnr.unit("ha"), "m2"):apply(1) == 10000)
  local reg = vnr.registry()
  assert(vnr.set_region(reg, "nam") == true)
  assert(vnr.vnr_region_name(vnr.vnr_unit_registry_region(reg)) == "south")
  assert(vnr.convert(1, "sào", "m2", reg) == 1000)
  assert(vnr.set_region(reg, "west") == nil)
  assert(vnr.vnr_unit_registry_define(reg, "bao", 50, "kg") == true)
  assert(vnr.convert(2, "bao", "tạ", reg) == 1)
  assert(vnr.vnr_unit_registry_set_rate(reg, "USD", "VND", 25000) == true)
  assert(vnr.convert(2, "USD", "nghìn đồng", reg) == 50)
  local copy = vnr.registry(reg)
  assert(vnr.convert(2, "bao", "kg", copy) == 100)
  local entries = vnr.units(reg)
  assert(#entries == vnr.vnr_unit_registry_count(reg) and #entries > #vnr.units() - 1)
  local last = entries[#entries]
  assert(last.name == "bao" and last.user and last.factor == 50 and #last.aliases >= 1)
  local builtin = vnr.vnr_unit_registry_builtin()
  assert(vnr.vnr_unit_registry_count(builtin) == #vnr.units())
  assert(vnr.set_region(builtin, "nam") == nil)  -- read-only
end)

test("records keep their document alive", function()
  local records, snapshot = {}, {}
  do
    local doc = assert(vnr.parse_file(SAMPLE))
    for rec in doc:records() do
      records[#records + 1] = rec
      snapshot[#snapshot + 1] = rec:as_table()
    end
  end
  collectgarbage("collect"); collectgarbage("collect")
  for i, rec in ipairs(records) do
    for _, field in ipairs(vnr.FIELDS) do
      local a, b = rec[field], snapshot[i][field]
      if field == "section" then
        assert(#a == #b)
        for k = 1, #a do assert(a[k] == b[k]) end
      else
        assert(a == b, field)
      end
    end
  end
  -- a record of a temporary document, an iterator of a dropped one
  local text = read_file(SAMPLE)
  local last = vnr.parse(text)[1]
  local iter = vnr.parse(text):records()
  collectgarbage("collect"); collectgarbage("collect")
  assert(last.text == snapshot[1].text)
  local n = 0
  for rec in iter do n = n + 1; assert(rec.text == snapshot[n].text) end
  assert(n == #snapshot)
end)

test("random destruction order", function()
  local text = read_file(SAMPLE)
  local expected = {}
  for rec in assert(vnr.parse(text)):records() do expected[#expected + 1] = rec.text end
  math.randomseed(1234)
  for _ = 1, 20 do
    local docs, held = {}, {}
    for d = 1, 8 do
      docs[d] = assert(vnr.parse(text))
      for i = 1, #docs[d] do held[#held + 1] = { i, docs[d][i] } end
    end
    while #docs > 0 or #held > 0 do
      if #docs > 0 and (#held == 0 or math.random() < 0.3) then
        table.remove(docs, math.random(#docs))
      else
        local item = table.remove(held, math.random(#held))
        assert(item[2].text == expected[item[1]])
      end
      if math.random() < 0.1 then collectgarbage("collect") end
    end
  end
  local reg = vnr.registry()
  vnr.vnr_unit_registry_define(reg, "bao", 50, "kg")
  local u, c = vnr.unit("bao", reg), vnr.converter("bao", "kg", reg)
  reg = nil
  collectgarbage("collect")
  assert(u.factor == 50 and c:apply(1) == 50)
end)

test("coroutines interleave iterators", function()
  local a, b = assert(vnr.parse_file(SAMPLES[1])), assert(vnr.parse_file(SAMPLES[2]))
  local function walker(doc)
    return coroutine.wrap(function()
      for rec in doc:records() do coroutine.yield(rec.offset) end
    end)
  end
  local wa, wb, seen_a, seen_b = walker(a), walker(b), {}, {}
  local x, y = true, true
  repeat
    if x then x = wa(); seen_a[#seen_a + 1] = x end
    if y then y = wb(); seen_b[#seen_b + 1] = y end
  until not x and not y
  assert(#seen_a == #a and #seen_b == #b)
  for i = 1, #a do assert(seen_a[i] == a[i].offset) end
end)

test("every raw function is exercised", function()
  local doc = assert(vnr.parse_file(SAMPLE))
  local rec = doc[1]
  local unit = assert(vnr.vnr_unit_parse("tạ/ha"))
  local conv = assert(vnr.vnr_converter_new("tấn", "kg"))
  local reg = vnr.vnr_unit_registry_new(nil)
  local parser = vnr.Parser()
  local checks = {
    vnr_version = function() return vnr.vnr_version() == vnr.version end,
    vnr_version_number = function() return is_integer(vnr.vnr_version_number()) end,
    vnr_status_str = function() return vnr.vnr_status_str(vnr.VNR_E_EMPTY) == "empty input" end,
    vnr_role_name = function() return vnr.vnr_role_name(vnr.VNR_ROLE_SHARE) == "share" end,
    vnr_qualifier_name = function() return vnr.vnr_qualifier_name(vnr.VNR_QUALIFIER_GE) == "ge" end,
    vnr_encoding_name = function() return vnr.vnr_encoding_name(vnr.VNR_ENCODING_VNI) == "vni" end,
    vnr_encoding_from_name = function() return vnr.vnr_encoding_from_name("utf8") == vnr.VNR_ENCODING_UTF8 end,
    vnr_parser_set_encoding = function() return vnr.vnr_parser_set_encoding(parser, vnr.VNR_ENCODING_UTF8) == true end,
    vnr_parser_set_lenient = function() return vnr.vnr_parser_set_lenient(parser, 1) == true end,
    vnr_parser_set_max_input = function() return vnr.vnr_parser_set_max_input(parser, 0) == true end,
    vnr_parser_max_input = function() return vnr.vnr_parser_max_input(parser) == 1073741824 end,
    vnr_parse = function() return vnr.vnr_parse(parser, "x 5 ha", "m").doc == "m" end,
    vnr_parse_file = function() return vnr.vnr_parse_file(nil, SAMPLE).doc == "sample-report.txt" end,
    vnr_document_meta = function() return vnr.vnr_document_meta(doc, "province") == doc.province end,
    vnr_document_encoding_confidence = function() return vnr.vnr_document_encoding_confidence(doc) == doc.encoding_confidence end,
    vnr_document_replacements = function() return vnr.vnr_document_replacements(doc) == 0 end,
    vnr_document_record_count = function() return vnr.vnr_document_record_count(doc) == #doc end,
    vnr_document_record = function() return vnr.vnr_document_record(doc, 0).offset == rec.offset
      and vnr.vnr_document_record(doc, #doc) == nil end,
    vnr_document_number_count = function() return vnr.vnr_document_number_count(doc) > 0 end,
    vnr_document_number_text = function()
      return vnr.vnr_document_number_text(doc, 0):match("^%d") ~= nil
        and vnr.vnr_document_number_text(doc, 1000000) == nil
    end,
    vnr_document_number = function()
      local fate, off, len, line = vnr.vnr_document_number(doc, 0)
      return type(fate) == "string" and is_integer(off) and len > 0 and line > 0
    end,
    vnr_record_doc = function() return vnr.vnr_record_doc(rec) == rec.doc end,
    vnr_record_statement = function() return vnr.vnr_record_statement(rec) == rec.statement end,
    vnr_record_line = function() return vnr.vnr_record_line(rec) == rec.line end,
    vnr_record_col = function() return vnr.vnr_record_col(rec) == rec.col end,
    vnr_record_offset = function() return vnr.vnr_record_offset(rec) == rec.offset end,
    vnr_record_length = function() return vnr.vnr_record_length(rec) == rec.length end,
    vnr_record_page = function() return vnr.vnr_record_page(rec) == 0 and rec.page == nil end,
    vnr_record_section_depth = function() return vnr.vnr_record_section_depth(rec) == #rec.section end,
    vnr_record_section = function() return vnr.vnr_record_section(rec, 99) == nil end,
    vnr_record_subject = function() return vnr.vnr_record_subject(rec) == rec.subject end,
    vnr_record_indicator = function() return vnr.vnr_record_indicator(rec) == rec.indicator end,
    vnr_record_role = function() return vnr.vnr_role_name(vnr.vnr_record_role(rec)) == rec.role end,
    vnr_record_value = function() return vnr.vnr_record_value(rec) == rec.value end,
    vnr_record_value_max = function() local v = vnr.vnr_record_value_max(nil); return v ~= v end,
    vnr_record_total = function() local v = vnr.vnr_record_total(nil); return v ~= v end,
    vnr_record_unit = function() return vnr.vnr_record_unit(rec) == rec.unit end,
    vnr_record_canonical_value = function() local v = vnr.vnr_record_canonical_value(nil); return v ~= v end,
    vnr_record_canonical_unit = function() return vnr.vnr_record_canonical_unit(rec) == rec.canonical_unit end,
    vnr_record_dimension = function() return vnr.vnr_record_dimension(rec) == rec.dimension end,
    vnr_record_qualifier = function() return vnr.vnr_qualifier_name(vnr.vnr_record_qualifier(rec)) == rec.qualifier end,
    vnr_record_estimate = function() return (vnr.vnr_record_estimate(rec) ~= 0) == rec.estimate end,
    vnr_record_baseline = function() return vnr.vnr_record_baseline(rec) == rec.baseline end,
    vnr_record_period = function() return vnr.vnr_record_period(rec) == rec.period end,
    vnr_record_text = function() return vnr.vnr_record_text(rec) == rec.text end,
    vnr_record_indicator_key = function() return vnr.vnr_record_indicator_key(rec) == rec.indicator_key end,
    vnr_record_subject_key = function() return vnr.vnr_record_subject_key(rec) == rec.subject_key end,
    vnr_convert = function() return vnr.vnr_convert(1, "km", "m") == 1000 end,
    vnr_convert_ex = function() return vnr.vnr_convert_ex(nil, 1, "km", "m") == 1000 end,
    vnr_unit_parse = function() return unit.canonical == "kg/m2" end,
    vnr_unit_parse_ex = function() return vnr.vnr_unit_parse_ex(nil, "con gà", vnr.VNR_UNIT_OPEN_COUNT).dimension == "count" end,
    vnr_unit_text = function() return vnr.vnr_unit_text(unit) == "tạ/ha" end,
    vnr_unit_canonical = function() return vnr.vnr_unit_canonical(unit) == "kg/m2" end,
    vnr_unit_dimension = function() return vnr.vnr_unit_dimension(unit) == "rate" end,
    vnr_unit_factor = function() return math.abs(vnr.vnr_unit_factor(unit) - 0.01) < 1e-15 end,
    vnr_unit_offset = function() return vnr.vnr_unit_offset(unit) == 0 end,
    vnr_unit_compatible = function() return vnr.vnr_unit_compatible(unit, vnr.vnr_unit_parse("kg/m2")) == 1 end,
    vnr_converter_new = function() return vnr.vnr_converter_apply(conv, 2) == 2000 end,
    vnr_converter_new_ex = function() return vnr.vnr_converter_new_ex(nil, "km", "m"):apply(1) == 1000 end,
    vnr_converter_from_units = function()
      return vnr.vnr_converter_from_units(nil, vnr.vnr_unit_parse("ha"), vnr.vnr_unit_parse("m2")).factor == 10000
    end,
    vnr_converter_apply = function() return vnr.vnr_converter_apply(conv, 0.5) == 500 end,
    vnr_converter_apply_array = function() return vnr.vnr_converter_apply_array(conv, { 1, 2 })[2] == 2000 end,
    vnr_converter_factor = function() return vnr.vnr_converter_factor(conv) == 1000 end,
    vnr_converter_offset = function() return vnr.vnr_converter_offset(conv) == 0 end,
    vnr_unit_registry_builtin = function() return vnr.vnr_unit_registry_count(vnr.vnr_unit_registry_builtin()) > 100 end,
    vnr_unit_registry_new = function() return vnr.vnr_unit_registry_count(reg) > 100 end,
    vnr_unit_registry_set_region = function() return vnr.vnr_unit_registry_set_region(reg, vnr.VNR_REGION_CENTRAL) == true end,
    vnr_unit_registry_region = function()
      vnr.vnr_unit_registry_set_region(reg, vnr.VNR_REGION_CENTRAL)
      return vnr.vnr_unit_registry_region(reg) == vnr.VNR_REGION_CENTRAL
    end,
    vnr_region_name = function() return vnr.vnr_region_name(vnr.VNR_REGION_NORTH) == "north" end,
    vnr_region_from_name = function() return vnr.vnr_region_from_name("trung") == vnr.VNR_REGION_CENTRAL end,
    vnr_unit_registry_define = function() return vnr.vnr_unit_registry_define(reg, "thùng", 20, "kg") == true end,
    vnr_unit_registry_set_rate = function() return vnr.vnr_unit_registry_set_rate(reg, "USD", "VND", 25000) == true end,
    vnr_unit_registry_count = function() return is_integer(vnr.vnr_unit_registry_count(reg)) end,
    vnr_unit_registry_name = function() return vnr.vnr_unit_registry_name(reg, 0) ~= nil end,
    vnr_unit_registry_alias = function() return vnr.vnr_unit_registry_alias(reg, 0, 0) ~= nil end,
    vnr_unit_registry_kind = function() return vnr.vnr_unit_registry_kind(reg, 0) == vnr.VNR_UNIT_KIND_UNIT end,
    vnr_unit_registry_canonical = function() return vnr.vnr_unit_registry_canonical(reg, 0) ~= nil end,
    vnr_unit_registry_dimension = function() return vnr.vnr_unit_registry_dimension(reg, 0) ~= nil end,
    vnr_unit_registry_factor = function() return vnr.vnr_unit_registry_factor(reg, 0) > 0 end,
    vnr_unit_registry_factor_in = function() return vnr.vnr_unit_registry_factor_in(reg, 0, vnr.VNR_REGION_SOUTH) > 0 end,
    vnr_unit_registry_offset = function() return vnr.vnr_unit_registry_offset(reg, 0) == 0 end,
    vnr_unit_registry_is_regional = function() return vnr.vnr_unit_registry_is_regional(reg, 0) == 0 end,
    vnr_unit_registry_is_user = function() return vnr.vnr_unit_registry_is_user(reg, 0) == 0 end,
  }
  local missing = {}
  for name, value in pairs(vnr) do
    if type(name) == "string" and name:match("^vnr_") and type(value) == "function" then
      if not checks[name] then missing[#missing + 1] = name
      else assert(checks[name](), name) end
    end
  end
  table.sort(missing)
  assert(#missing == 0, "raw functions without a check: " .. table.concat(missing, ", "))
  for name in pairs(checks) do assert(vnr[name], "check of a missing function " .. name) end
end)

test("embedded NUL in a name or path is an error, not a cut string", function()
  local doc, msg, code = vnr.parse("Sản lượng đạt 5 tấn.", "a\0b")
  assert(doc == nil and msg:find("NUL") and code == vnr.VNR_E_INVALID_ARGUMENT, msg)
  doc, msg, code = vnr.parse("Sản lượng đạt 5 tấn.", { doc = "a\0b" })
  assert(doc == nil and msg:find("NUL"), msg)
  doc, msg, code = vnr.parse_file(SAMPLE .. "\0.txt")
  assert(doc == nil and msg:find("NUL") and code == vnr.VNR_E_INVALID_ARGUMENT, msg)
end)

test("max_input limits what is read", function()
  local text = "Sản lượng lúa đạt 1.234 tấn, tăng 5%."
  assert(vnr.parse(text, { max_input = #text }))
  local doc, msg, code = vnr.parse(text, { max_input = #text - 1 })
  assert(doc == nil and code == vnr.VNR_E_TOO_LARGE and msg:find("limit"), msg)
  doc, msg, code = vnr.parse_file(SAMPLE, { max_input = 10 })
  assert(doc == nil and code == vnr.VNR_E_TOO_LARGE, msg)
end)

test("calling __gc by hand frees once and leaves an empty handle", function()
  local doc = assert(vnr.parse("Sản lượng lúa đạt 1.234 tấn.\n", "gc"))
  local rec = doc[1]
  local mt = getmetatable(doc)
  mt.__gc(doc)
  mt.__gc(doc)                      -- a second call is harmless
  local ok, err = pcall(function() return doc:records() end)
  assert(not ok and tostring(err):find("released"), tostring(err))
  assert(rec.value == 1234)         -- a record keeps its own reference
  local p = vnr.Parser()
  getmetatable(p).__gc(p)
  ok, err = pcall(vnr.vnr_parser_set_lenient, p, 1)
  assert(ok)                        -- NULL parser: the C call's own status
  collectgarbage()
end)

-- ---- runner (TAP) ----------------------------------------------------------

print("1.." .. #tests)
local failed = 0
for i, t in ipairs(tests) do
  local ok, err = pcall(t[2])
  if ok then
    print(("ok %d - %s"):format(i, t[1]))
  else
    failed = failed + 1
    print(("not ok %d - %s"):format(i, t[1]))
    print("# " .. tostring(err):gsub("\n", "\n# "))
  end
end
-- Close the state on the way out (true): every __gc runs, so a leak check
-- (valgrind, LeakSanitizer) sees every wrapper freed.
os.exit(failed == 0 and 0 or 1, true)
