# Shared by scripts/abi-check.sh and scripts/abi-update.sh (sourced, not run).
#
# Both must read the library the same way, or the baseline and the fresh
# build would differ in what they describe rather than in the ABI. What is
# compared is the public ABI only: the exported functions and the types
# declared in the public headers (the source headers plus the generated
# vnr-version.h of the build directory).

ABI_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ABI_BASELINE_DEFAULT="$ABI_REPO/abi/libvnreport.abi"

# Options that make abidw's output depend on the ABI, not on the machine:
# no absolute paths, no source locations (a comment added to a header would
# otherwise rewrite every line number), no DT_NEEDED list (a new private
# dependency is not an ABI change), and content-hashed type ids so that one
# added type does not renumber all the others.
ABIDW_STABLE_OPTIONS=(--drop-private-types --drop-undefined-syms --exported-interfaces-only
                      --no-corpus-path --no-comp-dir-path --no-show-locs --no-elf-needed
                      --type-id-style hash)

# abi_locate BUILD_DIR: set ABI_LIBRARY and ABI_HEADER_ARGS (for abidw's
# --headers-dir; abidiff wants --hd2, see abi_header_args_for).
abi_locate() {
    local build_dir=$1
    ABI_LIBRARY="$build_dir/libvnreport/libvnreport.so.1"
    ABI_HEADER_DIRS=("$ABI_REPO/include/vnreport" "$build_dir/include/vnreport")
}

# abi_header_args OPTION: print OPTION DIR pairs for every public header dir.
abi_header_args() {
    local opt=$1 d
    for d in "${ABI_HEADER_DIRS[@]}"; do
        printf '%s\n%s\n' "$opt" "$d"
    done
}

# abi_cannot_check: print why this build cannot be compared (and return 0),
# or return 1 when it can. Reasons are ones to skip on, not to fail on.
abi_cannot_check() {
    local tool
    for tool in abidw abidiff readelf nm; do
        if ! command -v "$tool" >/dev/null 2>&1; then
            echo "$tool not found (Debian: abigail-tools, binutils)"
            return 0
        fi
    done
    if [ ! -f "$ABI_LIBRARY" ]; then
        echo "no library at $ABI_LIBRARY (build it first)"
        return 0
    fi
    # Without DWARF, abidiff sees symbol names only and every type change
    # would pass unnoticed. (grep without -q: -q closes the pipe early and
    # pipefail would then report readelf's SIGPIPE as "no match".)
    if ! readelf -S "$ABI_LIBRARY" | grep '\.debug_info' >/dev/null; then
        echo "$ABI_LIBRARY has no debug info (use buildtype debugoptimized or debug)"
        return 0
    fi
    # Sanitizer builds describe the same ABI, but their instrumented DWARF is
    # not what the baseline was made from; the plain build is the reference.
    if nm -D --undefined-only "$ABI_LIBRARY" | grep -E '__(asan|ubsan|tsan|msan)_' >/dev/null; then
        echo "$ABI_LIBRARY is a sanitizer build"
        return 0
    fi
    return 1
}
