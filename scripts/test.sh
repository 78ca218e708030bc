#!/usr/bin/env bash
# Set up a fresh Debian 12 machine, build, and run every test suite: the
# normal build (with the Python and Lua bindings), the whole suite again
# under ASan+UBSan, the threads, units and allocation-failure suites under
# ThreadSanitizer, and a short run of each libFuzzer harness
# (scripts/fuzz.sh).
#
# Every build directory is configured with the options its run needs, and
# reconfigured when it already exists (scripts/sample.sh, or a developer,
# may have made build/ without the bindings). Ends with one line
# "N passed, N failed, N skipped"; a skipped test that is not listed in
# EXPECTED_SKIPS counts as a failure, so a suite cannot be skipped silently.
#
# One function per build (run_main, run_asan, run_tsan, run_fuzz); another build is
# one more function and one more line at the bottom.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }

passed=0
failed=0
skipped=0

# Tests allowed to skip, as "BUILD_DIR:SUITE / NAME". deps.sh installs
# everything every test needs, so the only ones are the abidiff baseline
# and its self-test in the sanitizer build (instrumented code is not the
# released ABI: scripts/abi-check.sh exits 77 there).
EXPECTED_SKIPS=("build-asan:abi / abi-baseline" "build-asan:abi / abi-checks-detect-breaks")

# configure DIR OPTION...: make DIR, or reconfigure it, with OPTIONs; build.
configure() {
  local dir=$1; shift
  if [ -d "$dir/meson-private" ]; then
    meson setup --reconfigure "$dir" "$@" || return 1
  else
    meson setup "$dir" "$@" || return 1
  fi
  ninja -C "$dir"
}

# run_suite DIR MESON_TEST_ARG...: run `meson test` in DIR; add its counts
# from meson's own JSON log.
run_suite() {
  local dir=$1; shift
  rm -f "$dir/meson-logs/testlog.json"
  meson test -C "$dir" --print-errorlogs "$@"
  local counts
  counts=$(python3 - "$dir" "${EXPECTED_SKIPS[@]}" <<'EOF'
import json, sys
dir, expected = sys.argv[1], set(sys.argv[2:])
ok = bad = skip = 0
try:
    lines = open(dir + "/meson-logs/testlog.json", encoding="utf-8").read().splitlines()
except OSError:
    lines = []
for line in lines:
    t = json.loads(line)
    name, result = t["name"].split(":", 1)[-1], t["result"]
    if result in ("OK", "EXPECTEDFAIL"):
        ok += 1
    elif result == "SKIP":
        skip += 1
        if "%s:%s" % (dir, name) not in expected:
            print("unexpected skip: %s: %s" % (dir, name), file=sys.stderr)
            bad += 1
    else:
        bad += 1
if not lines:
    bad += 1   # meson itself failed
print(ok, bad, skip)
EOF
)
  local ok bad skip
  read -r ok bad skip <<<"$counts"
  passed=$((passed + ok))
  failed=$((failed + bad))
  skipped=$((skipped + skip))
}

# The normal build: everything, bindings included.
run_main() {
  if configure build -Dpython=enabled -Dlua=enabled -Dtests=true; then
    run_suite build
  else
    failed=$((failed + 1))
  fi
}

# Every suite again under ASan+UBSan (not the bindings: the interpreters
# are not instrumented; not the benchmarks).
run_asan() {
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
  export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
  if configure build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug; then
    run_suite build-asan --no-suite bindings --no-suite bench
  else
    failed=$((failed + 1))
  fi
  unset ASAN_OPTIONS UBSAN_OPTIONS
}

# ThreadSanitizer build: the 32-thread program (suite threads), the unit
# converter's suites and the allocation-failure loop. Sanitizers need
# b_lundef=false, which the library's link follows.
run_tsan() {
  if configure build-tsan -Db_sanitize=thread -Db_lundef=false -Dbuildtype=debug; then
    TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
      run_suite build-tsan --suite threads --suite units --suite allocfail
  else
    failed=$((failed + 1))
  fi
}

# Short libFuzzer runs (scripts/fuzz.sh, FUZZ_SECONDS each, clang build in
# build-fuzz): one pass or fail per harness.
run_fuzz() {
  local log ok bad
  log=$(mktemp)
  bash scripts/fuzz.sh 2>&1 | tee "$log"
  ok=$(grep -c '^fuzz [a-z]*: PASS' "$log")
  bad=$(grep -c '^fuzz [a-z]*: FAIL' "$log")
  passed=$((passed + ok))
  failed=$((failed + bad))
  if [ $((ok + bad)) -eq 0 ]; then
    failed=$((failed + 1))   # fuzz.sh itself failed
  fi
  rm -f "$log"
}

run_main
run_asan
run_tsan
run_fuzz

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
