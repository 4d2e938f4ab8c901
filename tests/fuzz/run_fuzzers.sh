#!/usr/bin/env bash
# Runs the libFuzzer harnesses of a DIVRISK_FUZZ build, each for SECONDS,
# JOBS at a time, on their seed corpora (generated into the build by the
# fuzz_corpora target, and the hand-written ones in tests/fuzz/corpus/).
#
#   tests/fuzz/run_fuzzers.sh BUILD_DIR SECONDS [JOBS] [TARGET...]
#
# New interesting inputs go to BUILD_DIR/tests/fuzz/work/<target>/ (kept
# between runs), crashes to BUILD_DIR/tests/fuzz/artifacts/<target>/, the
# log to BUILD_DIR/tests/fuzz/logs/<target>.log. Prints, per target, the
# executions and libFuzzer's final coverage (cov: edges, ft: features) and
# exits 1 if any harness crashed, leaked, timed out or ran out of memory.
# To reproduce a crash: BUILD_DIR/tests/fuzz/<target>_fuzzer CRASH_FILE;
# then copy the file to tests/data/regressions/<target>/ (README "Fuzzing").
set -uo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 BUILD_DIR SECONDS [JOBS] [TARGET...]" >&2
  exit 2
fi
build=$(cd "$1" && pwd)
seconds=$2
jobs=${3:-1}
shift $(($# < 3 ? $# : 3))
src=$(cd "$(dirname "$0")/../.." && pwd)
targets=("$@")
((${#targets[@]})) || targets=(yaml_case json_case jsonl_line rule_set sanctions_list batch_paths json_case_id)
fuzz=$build/tests/fuzz

run_one() {
  local t=$1 dict=$src/tests/fuzz/case.dict max_len=65536
  [ "$t" = sanctions_list ] && dict=$src/tests/fuzz/sanctions.dict
  mkdir -p "$fuzz/work/$t" "$fuzz/artifacts/$t" "$fuzz/logs"
  local seeds=()
  for d in "$fuzz/corpus/$t" "$src/tests/fuzz/corpus/$t"; do
    [ -d "$d" ] && seeds+=("$d")
  done
  "$fuzz/${t}_fuzzer" -max_total_time="$seconds" -max_len=$max_len \
    -timeout=20 -rss_limit_mb=2560 -dict="$dict" -print_final_stats=1 \
    -artifact_prefix="$fuzz/artifacts/$t/" \
    "$fuzz/work/$t" "${seeds[@]}" > "$fuzz/logs/$t.log" 2>&1
  local rc=$?
  local execs cov
  execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$fuzz/logs/$t.log" | grep -o '[0-9]*$')
  cov=$(grep -E '^#[0-9]+' "$fuzz/logs/$t.log" | tail -1 | grep -oE 'cov: [0-9]+ ft: [0-9]+')
  if [ $rc -eq 0 ]; then
    echo "fuzz $t: ok, ${execs:-?} executions in ${seconds} s, ${cov:-cov: ?}"
  else
    echo "fuzz $t: FAILED (exit $rc), see $fuzz/logs/$t.log; inputs in $fuzz/artifacts/$t/"
    grep -E 'ERROR|invariant|SUMMARY|Test unit written' "$fuzz/logs/$t.log" | head -5
  fi
  return $rc
}

failed=0
pids=()
names=()
for t in "${targets[@]}"; do
  if [ ! -x "$fuzz/${t}_fuzzer" ]; then
    echo "fuzz $t: no harness in $fuzz (configure with -DDIVRISK_FUZZ=ON)" >&2
    exit 2
  fi
  run_one "$t" &
  pids+=($!)
  names+=("$t")
  if ((${#pids[@]} >= jobs)); then
    wait "${pids[0]}" || failed=1
    pids=("${pids[@]:1}")
  fi
done
for p in "${pids[@]}"; do wait "$p" || failed=1; done
exit $failed
