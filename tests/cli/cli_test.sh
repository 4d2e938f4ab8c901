#!/usr/bin/env bash
# End-to-end checks of the divrisk command line: exit codes, outputs, and
# that an interrupted batch leaves no output file that looks complete.
# Usage: cli_test.sh DIVRISK_BINARY SOURCE_DIR
set -u
bin=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
check() {  # check NAME EXPECTED_EXIT ACTUAL_EXIT
  if [ "$2" != "$3" ]; then
    echo "FAIL: $1: expected exit $2, got $3"
    failures=$((failures + 1))
  else
    echo "ok: $1"
  fi
}
expect() {  # expect NAME COMMAND...: the command must succeed
  if "${@:2}"; then echo "ok: $1"; else echo "FAIL: $1"; failures=$((failures + 1)); fi
}

example="$src/examples/g2g-artillery-ammunition-estonia.yaml"
"$bin" assess "$example" > "$work/text"; check "assess text" 0 $?
expect "text starts with the recommendation" grep -q "^Recommendation: APPROVE" "$work/text"
"$bin" assess --format json "$example" > "$work/json"; check "assess json" 0 $?
expect "json names the rule set" grep -q '"rule_set":{"name":"att-default"' "$work/json"

printf 'format: divrisk-case/1\nid: X\n' > "$work/bad.yaml"
"$bin" assess "$work/bad.yaml" 2> "$work/err"; check "assess invalid case" 1 $?
expect "error names file, line and field" grep -q "bad.yaml:1:1: assessed_on: missing required field" "$work/err"
mkdir "$work/rules" && printf 'format: divrisk-rules/1\n' > "$work/rules/ruleset.yaml"
"$bin" assess --rules "$work/rules" "$example" 2> /dev/null; check "assess invalid rule set" 1 $?
"$bin" assess 2> /dev/null; check "assess without a file" 2 $?
"$bin" assess --format xml "$example" 2> /dev/null; check "assess bad format" 2 $?
"$bin" frobnicate 2> /dev/null; check "unknown command" 2 $?

"$bin" validate "$src"/examples/*.yaml > /dev/null; check "validate examples" 0 $?
"$bin" validate "$example" "$work/bad.yaml" > "$work/out"; check "validate with one bad" 1 $?
expect "validate counts" grep -q "^1 valid, 1 invalid$" "$work/out"

# An archive: every example as one JSON line, then a broken line.
for f in "$src"/examples/*.json; do tr -d '\n' < "$f"; echo; done > "$work/archive.jsonl"
echo '{"format": "divrisk-case/1"' >> "$work/archive.jsonl"
"$bin" batch --threads 2 -o "$work/out.jsonl" --summary "$work/summary.json" "$work/archive.jsonl" 2> /dev/null
check "batch completes with a reject" 0 $?
expect "batch output has the scored case" test "$(wc -l < "$work/out.jsonl")" -ge 1
expect "rejects default beside the output" test "$(wc -l < "$work/out.jsonl.rejects")" -eq 1
expect "summary accounts for every line" grep -q '"read":[0-9]*,"scored":[0-9]*,"rejected":1' "$work/summary.json"
"$bin" batch --fail-on-reject -o "$work/out2.jsonl" "$work/archive.jsonl" 2> /dev/null
check "batch --fail-on-reject" 1 $?
"$bin" batch --output nonsense "$work/archive.jsonl" 2> /dev/null; check "batch bad --output" 2 $?

# Killed mid-run: no file under the final name. The input pipe stays open,
# so the run cannot have finished when it is killed.
line=$(head -1 "$work/archive.jsonl")
for i in $(seq 1 2000); do echo "${line/\"id\": \"/\"id\": \"K$i-}"; done > "$work/big.jsonl"
mkfifo "$work/fifo"
(cat "$work/big.jsonl"; sleep 30) > "$work/fifo" &
feeder=$!
"$bin" batch --threads 1 -o "$work/killed.jsonl" < "$work/fifo" 2> /dev/null &
pid=$!
sleep 1
kill -9 $pid 2> /dev/null
wait $pid 2> /dev/null
pkill -P $feeder 2> /dev/null; kill $feeder 2> /dev/null
expect "killed batch left its temporary, not a final file" \
  test -n "$(ls "$work" | grep 'killed.jsonl.tmp-')"
expect "killed batch leaves no final output" test ! -e "$work/killed.jsonl"
expect "killed batch leaves no final rejects" test ! -e "$work/killed.jsonl.rejects"

"$bin" diff --old "$src/rules/att-default" --new "$src/rules/att-default" --format json "$work/archive.jsonl" > "$work/diff.json"
check "diff of identical rule sets" 0 $?
expect "identical rule sets change nothing" grep -q '"changed":{"score":0,"band":0,"recommendation":0}' "$work/diff.json"

if [ "$failures" -eq 0 ]; then echo "cli: all checks passed"; exit 0; fi
echo "cli: $failures checks failed"; exit 1
