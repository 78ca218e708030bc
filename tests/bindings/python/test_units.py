"""convert(), Unit, Converter and Registry against the C unit API."""
import math

import numpy as np
import pytest

import vnreport


def test_convert_basic():
    assert vnreport.convert(177078, "ha", "km2") == pytest.approx(1770.78)
    assert vnreport.convert(1, "tạ", "kg") == 100
    assert vnreport.convert(1, "yến", "kg") == 10
    assert vnreport.convert(2, "nghìn tỷ đồng", "tỷ đồng") == 2000
    assert vnreport.convert(1, "ngày", "giờ") == 24
    assert vnreport.convert(30.37, "tạ/ha", "kg/m2") == pytest.approx(0.3037)
    assert isinstance(vnreport.convert(1, "ha", "m2"), float)


def test_convert_matches_cli(cli):
    import subprocess
    out = subprocess.run([cli, "convert", "177078", "ha", "km2"], capture_output=True, text=True)
    if out.returncode == 0:
        assert float(out.stdout.split()[0]) == vnreport.convert(177078, "ha", "km2")


def test_unit():
    u = vnreport.Unit("tạ/ha")
    assert u.text == "tạ/ha" and str(u) == "tạ/ha"
    assert u.canonical == "kg/m2" and u.dimension == "rate"
    assert u.factor == pytest.approx(0.01) and u.offset == 0
    assert u.compatible("kg/m2") and u.compatible(vnreport.Unit("tấn/ha"))
    assert not u.compatible("ha")
    assert u.convert(30.37, "kg/m2") == pytest.approx(0.3037)
    assert isinstance(u.converter("tấn/ha"), vnreport.Converter)
    assert vnreport.Unit(u).canonical == u.canonical
    assert "Unit" in repr(u)


def test_unit_open_count():
    with pytest.raises(vnreport.UnknownUnitError):
        vnreport.Unit("cái nồi đồng")
    u = vnreport.Unit("cái nồi đồng", open_count=True)
    assert u.dimension == "count"


def test_converter():
    c = vnreport.Converter("tấn", "kg")
    assert c(2.5) == 2500 and c.factor == 1000 and c.offset == 0
    assert c.apply_array([1, 2, 3]) == [1000.0, 2000.0, 3000.0]
    assert c.apply_array(x for x in (4, 5)) == [4000.0, 5000.0]
    assert c.apply_array([]) == []
    arr = np.arange(6, dtype=np.float64).reshape(2, 3)
    out = c.apply_array(arr)
    assert isinstance(out, np.ndarray) and out.shape == (2, 3)
    assert np.array_equal(out, arr * 1000)
    assert np.array_equal(c.apply_array(np.arange(3, dtype=np.int32)), [0, 1000, 2000])
    assert np.array_equal(c.apply_array(arr[:, 1]), [1000, 4000])  # non-contiguous
    with pytest.raises(TypeError):
        c.apply_array(["a"])
    assert "Converter" in repr(c)
    from_units = vnreport.Converter(vnreport.Unit("ha"), "m2")
    assert from_units(1) == 10000
    with pytest.raises(vnreport.IncompatibleUnitsError):
        vnreport.Converter("ha", "kg")


def test_raw_apply_array_buffer():
    raw = vnreport._vnreport
    conv = raw.vnr_converter_new("km", "m")
    packed = raw.vnr_converter_apply_array(conv, np.array([1.5, 2.0]))
    assert np.frombuffer(packed, dtype=np.float64).tolist() == [1500.0, 2000.0]


def test_registry_region():
    assert vnreport.convert(1, "sào", "m2") == 360  # Northern by default
    south = vnreport.Registry(region="nam")
    assert south.region == "south"
    assert vnreport.convert(1, "sào", "m2", south) == 1000
    central = vnreport.Registry(south)
    assert central.region == "south"
    central.region = "central"
    assert vnreport.convert(1, "sào", "m2", central) == 500
    assert south.region == "south"  # copy-on-write
    with pytest.raises(vnreport.InvalidArgumentError):
        central.region = "west"
    builtin = vnreport.Registry.builtin()
    assert builtin.region == "north"
    with pytest.raises(vnreport.InvalidArgumentError):
        builtin.region = "south"


def test_registry_define_and_rates():
    reg = vnreport.Registry()
    reg.define("bao", 50, "kg")
    assert vnreport.convert(2, "bao", "tạ", reg) == 1
    reg.define("chiếc thuyền")
    assert vnreport.Unit("chiếc thuyền", reg).dimension == "count"
    with pytest.raises(vnreport.UnitSyntaxError):
        reg.define("a/b", 1, "kg")
    with pytest.raises(vnreport.NoRateError):
        vnreport.convert(1, "USD", "VND", reg)
    reg.set_rate("USD", "VND", 25000)
    assert vnreport.convert(2, "USD", "nghìn đồng", reg) == 50
    assert vnreport.convert(50, "nghìn đồng", "USD", reg) == pytest.approx(2)
    with pytest.raises(vnreport.IncompatibleUnitsError):
        reg.set_rate("USD", "kg", 3)
    with pytest.raises(vnreport.UnknownUnitError):
        vnreport.convert(1, "bao", "kg")  # only in reg


def test_registry_listing():
    reg = vnreport.Registry()
    n = len(reg)
    reg.define("bao", 50, "kg")
    assert len(reg) == n + 1
    entries = reg.entries()
    assert len(entries) == n + 1 and list(reg) == entries
    bao = entries[-1]
    assert bao.name == "bao" and bao.user and bao.factor == 50 and bao.canonical == "kg"
    assert "bao" in bao.aliases and bao.kind == "unit"
    sao = next(e for e in entries if e.name == "sào")
    assert sao.regional and not sao.user and sao.dimension == "area"
    assert all(isinstance(e.aliases, tuple) for e in entries)
    scale = next(e for e in entries if e.kind == "scale")
    assert scale.canonical == "1"
    assert vnreport.units(reg) == entries
    assert len(vnreport.units()) == n
    assert "Registry" in repr(reg)


def test_raw_registry_functions():
    raw = vnreport._vnreport
    reg = raw.vnr_unit_registry_new(None)
    i = next(i for i in range(raw.vnr_unit_registry_count(reg))
             if raw.vnr_unit_registry_name(reg, i) == "sào")
    assert raw.vnr_unit_registry_factor_in(reg, i, raw.VNR_REGION_SOUTH) == 1000
    assert raw.vnr_unit_registry_factor(reg, 10 ** 6) != raw.vnr_unit_registry_factor(reg, 10 ** 6)
    assert raw.vnr_unit_registry_name(reg, 10 ** 6) is None
    assert math.isnan(raw.vnr_unit_registry_offset(reg, 10 ** 6))
