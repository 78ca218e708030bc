-- LuaRocks build of the Lua module `vnreport` against an installed
-- libvnreport (headers and libvnreport.so, e.g. from `meson install`):
--
--   luarocks --lua-version 5.4 make vnreport-0.2.0-1.rockspec
--   luarocks --lua-version 5.4 make vnreport-0.2.0-1.rockspec \
--       VNREPORT_DIR=/opt/vnreport              -- library under another prefix
--
-- SWIG (Debian: swig) generates the wrapper from bindings/vnreport.i; the
-- module is linked with an rpath to the library's directory, so it loads
-- without LD_LIBRARY_PATH. tests/bindings/check_luarocks.py tests this file.
rockspec_format = "3.0"
package = "vnreport"
version = "0.2.0-1"
source = {
  url = "git+file://.",   -- `luarocks make` builds the checkout it runs in
}
description = {
  summary = "Vietnamese socio-economic reports as indicator records, and Vietnamese units",
  detailed = [[
Lua binding of libvnreport: parse Vietnamese provincial socio-economic
reports into indicator records (indicator, value, unit, role, baseline,
period, position) and convert Vietnamese units (ha, tạ, sào, nghìn tỷ đồng).
See docs/bindings.md.]],
  license = "MIT",
}
dependencies = {
  "lua >= 5.1",
}
external_dependencies = {
  VNREPORT = {
    header = "vnreport/vnreport.h",
    library = "vnreport",
  },
}
build = {
  type = "command",
  build_command = [[
swig -lua -Ibindings -I"$(VNREPORT_INCDIR)" -o vnreport_lua_wrap.c bindings/vnreport.i &&
$(CC) $(CFLAGS) -I"$(LUA_INCDIR)" -I"$(VNREPORT_INCDIR)" -c vnreport_lua_wrap.c -o vnreport_lua_wrap.o &&
$(CC) $(LIBFLAG) -o vnreport.so vnreport_lua_wrap.o -L"$(VNREPORT_LIBDIR)" -Wl,-rpath,"$(VNREPORT_LIBDIR)" -lvnreport -lm
]],
  install = {
    lib = { vnreport = "vnreport.so" },
  },
}
