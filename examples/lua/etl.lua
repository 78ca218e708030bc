#!/usr/bin/env lua5.4
--[[
etl.lua — load a folder of Vietnamese socio-economic reports into a table of
indicator records, with the libvnreport Lua module.

  lua5.4 etl.lua REPORT_DIR records.csv      -- CSV, one row per record
  lua5.4 etl.lua REPORT_DIR records.sqlite   -- SQLite (needs lua-sql-sqlite3):
  luajit etl.lua REPORT_DIR records.csv      -- the same on LuaJIT 2.1
                                             -- tables `documents` and `records`

Every *.txt file of REPORT_DIR is parsed; a file that cannot be parsed is
reported on stderr and skipped, and the exit status is then 1. Columns are
`province` followed by the record fields (vnr.FIELDS; each is described in
docs/guide.md, "Record fields"); `section` is the heading
path joined with " > ", null fields are empty (CSV) or NULL (SQLite).
]]

local vnr = require "vnreport"

local function die(msg)
  io.stderr:write("etl.lua: ", msg, "\n")
  os.exit(2)
end

local report_dir, output = arg[1], arg[2]
if not report_dir or not output then
  die("usage: lua5.4|luajit etl.lua REPORT_DIR OUTPUT.csv|OUTPUT.sqlite")
end

-- The *.txt files of a folder, sorted (lfs when installed, else ls).
local function list_reports(dir)
  local files = {}
  local ok, lfs = pcall(require, "lfs")
  if ok then
    for name in lfs.dir(dir) do
      if name:match("%.txt$") then files[#files + 1] = dir .. "/" .. name end
    end
  else
    local quoted = "'" .. dir:gsub("'", "'\\''") .. "'"
    local ls = assert(io.popen("ls -1 " .. quoted))
    for name in ls:lines() do
      if name:match("%.txt$") then files[#files + 1] = dir .. "/" .. name end
    end
    ls:close()
  end
  table.sort(files)
  return files
end

-- Numbers as the CLI writes them: the shortest %.{15,16,17}g that reads back.
local function format_number(v)
  if v == nil then return nil end
  -- Integers as integers (Lua 5.4 has math.type; LuaJIT has one number type).
  if v == math.floor(v) and math.abs(v) < 2^53 then return string.format("%d", v) end
  for precision = 15, 17 do
    local s = string.format("%." .. precision .. "g", v)
    if tonumber(s) == v then return s end
  end
  return string.format("%.17g", v)
end

local COLUMNS = { "province" }
for _, field in ipairs(vnr.FIELDS) do COLUMNS[#COLUMNS + 1] = field end

-- One record as a row of strings (nil = null), keyed by column name.
local function record_row(province, rec)
  local row = { province = province }
  for _, field in ipairs(vnr.FIELDS) do
    local v = rec[field]
    if field == "section" then
      v = table.concat(v, " > ")
    elseif field == "estimate" then
      v = v and "true" or "false"
    elseif type(v) == "number" then
      v = format_number(v)
    end
    row[field] = v
  end
  return row
end

-- ---- CSV writer (RFC 4180 quoting) ----------------------------------

local function csv_cell(v)
  if v == nil then return "" end
  if v:find('[,"\r\n]') then return '"' .. v:gsub('"', '""') .. '"' end
  return v
end

local function csv_sink(path)
  local f = assert(io.open(path, "wb"))
  f:write(table.concat(COLUMNS, ","), "\n")
  return {
    document = function() end,
    record = function(row)
      local cells = {}
      for i, column in ipairs(COLUMNS) do cells[i] = csv_cell(row[column]) end
      f:write(table.concat(cells, ","), "\n")
    end,
    close = function() assert(f:close()) end,
  }
end

-- ---- SQLite writer (lua-sql-sqlite3) ----------------------------------

local function sqlite_sink(path)
  local ok, driver = pcall(require, "luasql.sqlite3")
  if not ok then die("SQLite output needs lua-sql-sqlite3 (apt-get install lua-sql-sqlite3)") end
  local env = assert(driver.sqlite3())
  os.remove(path)
  local con = assert(env:connect(path))
  local function q(v)
    if v == nil then return "NULL" end
    return "'" .. con:escape(v) .. "'"
  end
  local function exec(sql) assert(con:execute(sql)) end
  exec("PRAGMA journal_mode = OFF")
  exec("CREATE TABLE documents (doc TEXT PRIMARY KEY, province TEXT, issuer TEXT, number TEXT, "
       .. "date TEXT, title TEXT, period TEXT, kind TEXT, language TEXT, encoding TEXT, records INTEGER)")
  local numeric = { statement = "INTEGER", line = "INTEGER", col = "INTEGER", offset = "INTEGER",
                    length = "INTEGER", value = "REAL", value_max = "REAL", total = "REAL",
                    canonical_value = "REAL" }
  local defs = {}
  for i, column in ipairs(COLUMNS) do defs[i] = column .. " " .. (numeric[column] or "TEXT") end
  exec("CREATE TABLE records (" .. table.concat(defs, ", ") .. ")")
  exec("BEGIN")
  return {
    document = function(meta)
      local values = {}
      for i, field in ipairs(vnr.METADATA_FIELDS) do values[i] = q(meta[field]) end
      values[#values + 1] = tostring(meta.records)
      exec("INSERT INTO documents VALUES (" .. table.concat(values, ", ") .. ")")
    end,
    record = function(row)
      local values = {}
      for i, column in ipairs(COLUMNS) do
        local v = row[column]
        values[i] = (numeric[column] and v ~= nil) and v or q(v)
      end
      exec("INSERT INTO records VALUES (" .. table.concat(values, ", ") .. ")")
    end,
    close = function()
      exec("COMMIT")
      con:close()
      env:close()
    end,
  }
end

-- ---- main --------------------------------------------------------------

local sink = output:match("%.csv$") and csv_sink(output)
          or (output:match("%.sqlite3?$") or output:match("%.db$")) and sqlite_sink(output)
          or die("output must end in .csv, .sqlite or .db")

local files = list_reports(report_dir)
local failed, documents, records = 0, 0, 0
for _, path in ipairs(files) do
  local doc, err = vnr.parse_file(path)
  if not doc then
    io.stderr:write("etl.lua: skipping ", path, ": ", err, "\n")
    failed = failed + 1
  else
    sink.document(doc:metadata())
    for rec in doc:records() do
      sink.record(record_row(doc.province, rec))
      records = records + 1
    end
    documents = documents + 1
  end
end
sink.close()
io.stderr:write(string.format("etl.lua: %d documents, %d records -> %s\n", documents, records, output))
os.exit(failed == 0 and 0 or 1, true)  -- true: close the Lua state (runs every __gc)
