--[[
test_encoding.lua — legacy Vietnamese encodings through the Lua binding
(TAP output): each encoding is detected, can be named with
{ encoding = ... }, and gives the records of the UTF-8 text with offsets
into the original bytes; a wrong encoding named gives nil, message, status.
The byte strings were written by tests/encodings/vnencode.py.
]]

local vnr = require "vnreport"

local UTF8 = "S\225\186\163n l\198\176\225\187\163ng l\198\176\198\161ng th\225\187\177c \198\176\225\187\155c \196\145\225\186\161t 421.499 t\225\186\165n, t\196\131ng 1,66% so v\225\187\155i c\195\185ng k\225\187\179; \196\144\195\128N TR\195\130U C\195\147 61.420 CON.\n"
local ENCODED = {
  tcvn3 = "S\182n l\173\238ng l\173\172ng th\249c \173\237c \174\185t 421.499 t\202n, t\168ng 1,66% so v\237i c\239ng k\250; \167A\176N TR\162U CO\179 61.420 CON.\n",
  vni = "Sa\251n l\246\244\239ng l\246\244ng th\246\239c \246\244\249c \241a\239t 421.499 ta\225n, ta\234ng 1,66% so v\244\249i cu\248ng ky\248; \209A\216N TRA\194U CO\217 61.420 CON.\n",
  viscii = "S\228n l\223\254ng l\223\189ng th\241c \223\190c \240\213t 421.499 t\164n, t\229ng 1,66% so v\190i c\249ng k\207; \208\192N TR\194U C\211 61.420 CON.\n",
  ["windows-1258"] = "Sa\210n l\253\245\242ng l\253\245ng th\253\242c \253\245\236c \240a\242t 421.499 t\226\236n, t\227ng 1,66% so v\245\236i c\249ng ky\204; \208\192N TR\194U C\211 61.420 CON.\n",
}
local ORDER = { "tcvn3", "vni", "viscii", "windows-1258" }
local VALUES = { "421.499", "1,66", "61.420" }
local POSITIONS = { offset = true, col = true, length = true }

local tests, failed = 0, 0
local function test(name, fn)
  tests = tests + 1
  local ok, err = pcall(fn)
  if ok then
    print(("ok %d - %s"):format(tests, name))
  else
    failed = failed + 1
    print(("not ok %d - %s"):format(tests, name))
    print("# " .. tostring(err))
  end
end

local function same_content(a, b)
  for _, field in ipairs(vnr.FIELDS) do
    if not POSITIONS[field] then
      local x, y = a[field], b[field]
      if field == "section" then x, y = table.concat(x, "\0"), table.concat(y, "\0") end
      assert(x == y, ("field %s: %s vs %s"):format(field, tostring(x), tostring(y)))
    end
  end
end

local function records(doc)
  local out = {}
  for rec in doc:records() do out[#out + 1] = rec end
  return out
end

local reference = records(assert(vnr.parse(UTF8, "r")))

test("the UTF-8 reference has three records", function()
  assert(#reference == 3, #reference)
end)

for _, name in ipairs(ORDER) do
  local data = ENCODED[name]
  test(name .. " is detected and gives the same records", function()
    local doc = assert(vnr.parse(data, "r"))
    assert(doc.encoding == name, doc.encoding)
    assert(doc.encoding_confidence > 0.5 and doc.encoding_confidence <= 1)
    assert(doc.replacements == 0)
    local got = records(doc)
    assert(#got == #reference)
    for i, rec in ipairs(got) do
      same_content(reference[i], rec)
      -- offsets index the original (legacy) bytes: 0-based offset
      assert(data:sub(rec.offset + 1, rec.offset + rec.length) == VALUES[i],
             data:sub(rec.offset + 1, rec.offset + rec.length))
    end
  end)
  test(name .. " can be named", function()
    local doc = assert(vnr.parse(data, { doc = "r", encoding = name }))
    assert(doc.encoding == name and doc.encoding_confidence == 1)
    assert(#records(doc) == #reference)
  end)
end

test("a wrong encoding named gives nil, message, status", function()
  local doc, msg, code = vnr.parse(ENCODED.tcvn3, { encoding = "vni" })
  assert(doc == nil and code == vnr.VNR_E_ENCODING)
  assert(msg:find("in vni at line 1", 1, true), msg)
  local lenient = assert(vnr.parse(ENCODED.tcvn3, { encoding = "vni", lenient = true }))
  assert(lenient.replacements > 0)
end)

print(("1..%d"):format(tests))
-- Free every wrapper (a leak check still sees any that is lost), but do not
-- close the state: closing it unloads the module and with it ICU, whose
-- process-lifetime caches (the Windows-1258 converter, which detection
-- always reads, and the normalizer data) would then look leaked.
reference = nil
collectgarbage()
collectgarbage()
os.exit(failed == 0 and 0 or 1)
