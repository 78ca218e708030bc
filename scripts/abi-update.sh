#!/usr/bin/env bash
# Refresh the ABI baseline abi/libvnreport.abi from a build of the library.
#
# usage: scripts/abi-update.sh [BUILD_DIR]      (default: build)
#
# Run it after an intended ABI addition (new functions in a new version node
# of libvnreport/vnreport.map) or after a soname bump, and commit the new
# baseline together with the change that caused it (docs/abi.md).
# The build must be a plain (not sanitized) build with debug info: the default
# buildtype, debugoptimized, is what the committed baseline is made from.
set -euo pipefail
source "$(dirname "$0")/abi-common.sh"

build_dir=${1:-$ABI_REPO/build}
abi_locate "$build_dir"
if reason=$(abi_cannot_check); then
    echo "abi-update: cannot make a baseline: $reason" >&2
    exit 1
fi

mapfile -t header_args < <(abi_header_args --headers-dir)
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
abidw "${header_args[@]}" "${ABIDW_STABLE_OPTIONS[@]}" --out-file "$tmp" "$ABI_LIBRARY"
mkdir -p "$(dirname "$ABI_BASELINE_DEFAULT")"
if [ -f "$ABI_BASELINE_DEFAULT" ] && cmp -s "$tmp" "$ABI_BASELINE_DEFAULT"; then
    echo "abi-update: $ABI_BASELINE_DEFAULT is already current"
else
    cp "$tmp" "$ABI_BASELINE_DEFAULT"
    echo "abi-update: wrote $ABI_BASELINE_DEFAULT ($(grep -c '<elf-symbol ' "$ABI_BASELINE_DEFAULT") symbols); commit it with the change"
fi
