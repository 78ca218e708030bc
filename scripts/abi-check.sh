#!/usr/bin/env bash
# Compare a build of libvnreport.so.1 with the committed ABI baseline.
#
# usage: scripts/abi-check.sh [--baseline FILE] [BUILD_DIR]   (default: build)
#
# Exit status:
#   0   compatible: no change, or only additions (a note asks to refresh the
#       baseline with scripts/abi-update.sh in the same commit);
#   1   the ABI broke or changed: a function or variable was removed or
#       changed, a symbol changed its version, the soname changed;
#   2   usage or tool error;
#   77  this build cannot be compared (sanitizer build, no debug info, tools
#       missing): meson's "skipped".
#
# abidiff's exit status is a bit mask: 1 error, 2 usage, 4 "ABI changed",
# 8 "incompatible change". Bit 8 is set only for changes abidiff can prove
# incompatible (removed symbols). A function that lost a parameter or whose
# return type went from size_t to int gives only bit 4, so bit 4 is read
# from abidiff's change summary: removed or changed entities fail, added ones
# pass. See docs/abi.md for the policy this enforces.
set -uo pipefail
source "$(dirname "$0")/abi-common.sh"

baseline=$ABI_BASELINE_DEFAULT
build_dir=""
while [ $# -gt 0 ]; do
    case $1 in
        --baseline) baseline=${2:?--baseline needs a file}; shift 2 ;;
        --baseline=*) baseline=${1#--baseline=}; shift ;;
        -h|--help) sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "abi-check: unknown option '$1'" >&2; exit 2 ;;
        *) [ -z "$build_dir" ] || { echo "abi-check: one build dir only" >&2; exit 2; }
           build_dir=$1; shift ;;
    esac
done
build_dir=${build_dir:-$ABI_REPO/build}
abi_locate "$build_dir"

if reason=$(abi_cannot_check); then
    echo "abi-check: SKIP: $reason"
    exit 77
fi
if [ ! -f "$baseline" ]; then
    echo "abi-check: no baseline at $baseline (create it with scripts/abi-update.sh)" >&2
    exit 2
fi

mapfile -t header_args < <(abi_header_args --hd2)
report=$(abidiff "${header_args[@]}" --drop-private-types --exported-interfaces-only \
                 --no-show-locs "$baseline" "$ABI_LIBRARY" 2>&1)
status=$?
echo "abidiff $(basename "$baseline") $ABI_LIBRARY: exit status $status"
[ -z "$report" ] || printf '%s\n' "$report"

if [ $((status & 3)) -ne 0 ]; then
    echo "abi-check: abidiff failed (exit status $status)" >&2
    exit 2
fi
if [ $((status & 8)) -ne 0 ]; then
    echo "abi-check: FAIL: incompatible ABI change (abidiff bit 8): symbols were removed" >&2
    echo "  or the soname changed. Restore them; or, for a deliberate break, bump abi_current" >&2
    echo "  in meson.build (a new soname) and refresh the baseline in the same commit" >&2
    echo "  (scripts/abi-update.sh; docs/abi.md)." >&2
    exit 1
fi
if [ $((status & 4)) -eq 0 ]; then
    echo "abi-check: OK: the ABI matches the baseline"
    exit 0
fi

# Bit 4: sum the "N Removed, N Changed, N Added" counts of every summary line
# ("Functions changes summary:", "Variable symbols changes summary:", …).
removed=0; changed=0; added=0
while IFS= read -r line; do
    [[ $line =~ ([0-9]+)\ Removed ]] && removed=$((removed + BASH_REMATCH[1]))
    [[ $line =~ ([0-9]+)\ Changed ]] && changed=$((changed + BASH_REMATCH[1]))
    [[ $line =~ ([0-9]+)\ Added ]] && added=$((added + BASH_REMATCH[1]))
done < <(printf '%s\n' "$report" | grep -E 'changes summary:')

if [ "$removed" -eq 0 ] && [ "$changed" -eq 0 ] && [ "$added" -gt 0 ]; then
    echo "abi-check: OK: $added addition(s) only, the ABI stays compatible."
    echo "  NOTE: record them: put the new symbols in a new version node of"
    echo "  libvnreport/vnreport.map and run scripts/abi-update.sh in the same commit."
    exit 0
fi
echo "abi-check: FAIL: the ABI changed ($removed removed, $changed changed, $added added)." >&2
echo "  abidiff cannot prove these compatible (a lost parameter or a narrower return type" >&2
echo "  look the same to it). Undo the change, or, if it is reviewed as compatible, refresh" >&2
echo "  the baseline with scripts/abi-update.sh in the same commit (docs/abi.md)." >&2
exit 1
