#!/usr/bin/env bash
# Set up a fresh Debian 12 machine, build, and run every test suite: the
# normal build (with bindings), the whole suite again under ASan+UBSan, and
# a short run of each libFuzzer harness (scripts/fuzz.sh).
# Ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh || { echo "0 passed, 1 failed"; exit 1; }

passed=0
failed=0

# Run `meson test` in build dir $1 with extra args; add its counts.
run_suite() {
  local dir=$1; shift
  local log
  log=$(mktemp)
  meson test -C "$dir" --print-errorlogs "$@" 2>&1 | tee "$log"
  local ok fail
  ok=$(sed -n 's/^Ok: *\([0-9]*\).*/\1/p' "$log" | tail -1)
  fail=0
  for k in Fail "Unexpected Pass" Timeout; do
    local v
    v=$(sed -n "s/^$k: *\([0-9]*\).*/\1/p" "$log" | tail -1)
    fail=$((fail + ${v:-0}))
  done
  local xf
  xf=$(sed -n 's/^Expected Fail: *\([0-9]*\).*/\1/p' "$log" | tail -1)
  passed=$((passed + ${ok:-0} + ${xf:-0}))
  if [ -z "$ok" ]; then
    failed=$((failed + 1))   # meson itself failed
  fi
  failed=$((failed + fail))
  rm -f "$log"
}

build_dir() {
  local dir=$1; shift
  if [ ! -d "$dir" ]; then
    meson setup "$dir" "$@" || return 1
  fi
  ninja -C "$dir"
}

if build_dir build -Dpython=enabled -Dlua=enabled; then
  run_suite build
else
  failed=$((failed + 1))
fi

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
if build_dir build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug; then
  run_suite build-asan --no-suite bindings --no-suite bench
else
  failed=$((failed + 1))
fi

# ThreadSanitizer build (issue 18): the 32-thread program (suite threads),
# the unit converter's suites and the allocation-failure loop. Sanitizers
# need b_lundef=false, which the library's link now follows.
run_tsan() {
  if TSAN_OPTIONS=halt_on_error=1 build_dir build-tsan -Db_sanitize=thread -Db_lundef=false \
       -Dbuildtype=debug; then
    TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
      run_suite build-tsan --suite threads --suite units --suite allocfail
  else
    failed=$((failed + 1))
  fi
}
run_tsan

# Short libFuzzer runs (scripts/fuzz.sh, FUZZ_SECONDS each, clang build in
# build-fuzz): one pass or fail per harness.
fuzz_log=$(mktemp)
bash scripts/fuzz.sh 2>&1 | tee "$fuzz_log"
fuzz_ok=$(grep -c '^fuzz [a-z]*: PASS' "$fuzz_log")
fuzz_bad=$(grep -c '^fuzz [a-z]*: FAIL' "$fuzz_log")
passed=$((passed + fuzz_ok))
failed=$((failed + fuzz_bad))
if [ $((fuzz_ok + fuzz_bad)) -eq 0 ]; then
  failed=$((failed + 1))   # fuzz.sh itself failed
fi
rm -f "$fuzz_log"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
