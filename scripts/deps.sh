#!/usr/bin/env bash
# Install what building and testing libvnreport needs on Debian 12.
# Safe to run repeatedly; uses sudo when not root.
set -euo pipefail
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
PACKAGES=(
  gcc pkg-config meson ninja-build python3
  libicu-dev libutf8proc-dev
  units libudunits2-dev
  swig python3-dev python3-pytest python3-pandas python3-numpy python3-mesonpy python3-venv
  patchelf                                        # meson-python's wheel builder (only a Recommends)
  python3-dask python3-distributed python3-sqlalchemy   # vnreport.dask, its tests, to_sql
  lua5.4 liblua5.4-dev lua-sql-sqlite3 luajit libluajit-5.1-dev luarocks
  jupyter-nbconvert python3-ipykernel python3-matplotlib python3-nbformat
  valgrind clang libclang-rt-14-dev
  abigail-tools binutils doxygen groff-base   # abi and docs suites: abidw/abidiff, nm/readelf, man pages
  time   # scripts/bench-cli.py: peak RSS of a child forked from a small process
  libpoppler-glib-dev libxml2-dev libzip-dev  # PDF and DOCX input (-Dpdf, -Ddocx)
  python3-docx python3-reportlab fonts-dejavu-core   # documents suite: makes its DOCX and PDF inputs
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
