#!/usr/bin/env bash
# Build the libFuzzer harnesses with clang in build-fuzz and run each one
# for FUZZ_SECONDS (default 60). Prints one line per harness:
#   fuzz <harness>: PASS <runs> runs in <s> s, <features> features, corpus <n>
#   fuzz <harness>: FAIL <what> (input: <artifact>, log: <log>)
# and exits non-zero when any harness found a crash, leak, timeout or OOM,
# or did not build. docs/fuzzing.md explains longer runs and regressions.
#
# Environment:
#   FUZZ_SECONDS    seconds per harness (default 60)
#   FUZZ_HARNESSES  which ones (default "decode parse units pdf docx"; pdf and
#                   docx need the PDF and DOCX readers built)
#   FUZZ_JOBS       fuzzer processes per harness (default 1); they share the
#                   corpus directory and pick up each other's finds (-reload)
#   FUZZ_BUILD_DIR  build directory (default build-fuzz)
#   FUZZ_ARGS       extra libFuzzer flags
set -uo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-60}
harnesses=${FUZZ_HARNESSES:-"decode parse units pdf docx"}
jobs=${FUZZ_JOBS:-1}
build=${FUZZ_BUILD_DIR:-build-fuzz}
extra=${FUZZ_ARGS:-}

fail_all() {
  for h in $harnesses; do echo "fuzz $h: FAIL ($1)"; done
  exit 1
}

command -v clang >/dev/null || fail_all "clang not installed: apt-get install clang libclang-rt-14-dev"
if [ ! -f "$build/build.ninja" ]; then
  rm -rf "$build"
  CC=clang meson setup "$build" -Dfuzzing=true -Db_lundef=false -Dbuildtype=debugoptimized \
    || fail_all "meson setup $build failed"
fi
targets=(tests/fuzz/seeds.stamp)
for h in $harnesses; do targets+=("tests/fuzz/fuzz-$h"); done
ninja -C "$build" "${targets[@]}" || fail_all "build failed"

fuzz_dir=$build/tests/fuzz
status=0
for h in $harnesses; do
  case $h in
    units) max_len=320; dict=$fuzz_dir/units.dict ;;
    pdf|docx) max_len=65536; dict=tests/fuzz/$h.dict ;;
    *) max_len=65536; dict=$fuzz_dir/parse.dict ;;
  esac
  corpus=$fuzz_dir/corpus/$h          # grows from run to run; new finds go here
  artifacts=$fuzz_dir/artifacts/$h/   # crash-*, leak-*, timeout-*, oom-*
  mkdir -p "$corpus" "$artifacts" "$fuzz_dir/logs" "$fuzz_dir/seeds/$h" "tests/fuzz/regressions/$h"
  pids=()
  for ((j = 1; j <= jobs; j++)); do
    log=$fuzz_dir/logs/$h.log
    [ "$jobs" -gt 1 ] && log=$fuzz_dir/logs/$h.$j.log
    # shellcheck disable=SC2086  # FUZZ_ARGS is a list of flags
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
      "$fuzz_dir/fuzz-$h" -max_total_time="$seconds" -max_len="$max_len" \
      -timeout=10 -rss_limit_mb=2048 -dict="$dict" -artifact_prefix="$artifacts" \
      -print_final_stats=1 $extra \
      "$corpus" "$fuzz_dir/seeds/$h" "tests/fuzz/seeds/$h" "tests/fuzz/regressions/$h" \
      >"$log" 2>&1 &
    pids+=($!)
  done
  rc=0
  for p in "${pids[@]}"; do wait "$p" || rc=$?; done
  logs=("$fuzz_dir"/logs/"$h".log)
  [ "$jobs" -gt 1 ] && logs=("$fuzz_dir"/logs/"$h".[0-9]*.log)
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "${logs[@]}" | awk '{ s += $1 } END { if (NR) print s }')
  features=$(grep -aho 'ft: [0-9]*' "${logs[@]}" | cut -d' ' -f2 | sort -n | tail -1)
  if [ "$rc" -eq 0 ]; then
    echo "fuzz $h: PASS ${runs:-?} runs in $seconds s, ${features:-?} features," \
         "corpus $(find "$corpus" -type f | wc -l)"
  else
    bad=$(grep -al -E 'ERROR: |invariant broken' "${logs[@]}" | head -1)
    bad=${bad:-${logs[0]}}
    what=$(grep -a -m1 -o -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer|UndefinedBehaviorSanitizer)[^(]*|invariant broken: [^:]*|runtime error: .*|deadly signal|timeout|out-of-memory' "$bad" | head -1)
    input=$(sed -n 's/.*Test unit written to \(.*\)/\1/p' "$bad" | tail -1)
    echo "fuzz $h: FAIL ${what:-exit status $rc} (input: ${input:-none}, log: $bad)"
    tail -n 40 "$bad" >&2
    status=1
  fi
done
exit $status
