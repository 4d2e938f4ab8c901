#!/usr/bin/env bash
# End-to-end checks of calibrate, similar, network and assess --archive on a
# generated archive with the documented outcome model.
# Usage: learn_cli_test.sh DIVRISK_BINARY SOURCE_DIR
set -u
bin=$1
src=$2
# shellcheck source=checks.sh
source "$(dirname "$0")/checks.sh"

"$bin" generate --count 3000 --seed 4 --outcome-model -o "$work/a.jsonl"
check "generate --outcome-model" 0 $?
expect "outcome model marked" grep -q '"outcome_model":true' "$work/a.jsonl"
cp -r "$src/rules/att-default" "$work/rules"

"$bin" calibrate --rules "$work/rules" "$work/a.jsonl" > "$work/cal.txt" 2> "$work/cal.err"
check "calibrate" 0 $?
expect "proposed beside the current rule set" test -f "$work/rules-proposed/ruleset.yaml"
expect "report: AUC" grep -q "^AUC (out of fold): 0\.[0-9]* (95% bootstrap" "$work/cal.txt"
expect "report: weights old -> proposed" grep -q "^  EU-5.post_shipment_check_failed  12.0000 -> " "$work/cal.txt"
expect "report: gates kept" grep -q "^  A6-1.un_embargo  0.0000 kept (gate)" "$work/cal.txt"
expect "report: fit time on stderr" grep -q "fit (5 folds and the final fit) in" "$work/cal.err"
expect "header of the proposal" grep -q "^# Proposed by divrisk calibrate from att-default" "$work/rules-proposed/ruleset.yaml"
expect "new version" grep -q '^version: "2026.11.1-calibrated"' "$work/rules-proposed/ruleset.yaml"
"$bin" calibrate --rules "$work/rules" "$work/a.jsonl" > /dev/null 2> "$work/again.err"
check "calibrate refuses to overwrite a proposal" 2 $?
expect "says why" grep -q "exists already" "$work/again.err"

"$bin" calibrate --rules "$work/rules" --priors --format json -o "$work/p2" "$work/a.jsonl" > "$work/cal.json" 2> /dev/null
check "calibrate --priors --format json" 0 $?
expect "json: proposed rule set" grep -q '"proposed_rule_set":{"dir":"' "$work/cal.json"
expect "json: priors" grep -q '"priors":\[{"indicator":' "$work/cal.json"
expect "json: one line" test "$(wc -l < "$work/cal.json")" -eq 1
expect "priors written as unknown values" test -n "$(diff "$work/rules/ruleset.yaml" "$work/p2/ruleset.yaml" | grep '^> *unknown_value')"

"$bin" diff --old "$work/rules" --new "$work/rules-proposed" "$work/a.jsonl" > "$work/diff.txt"
check "diff on the proposal" 0 $?
expect "diff names both versions" grep -q "^Rule change: att-default 2026.11.1 (.*) -> att-default 2026.11.1-calibrated" "$work/diff.txt"

# An archive whose outcomes are all unknown cannot be fitted.
sed 's/"diversion_found":"\(yes\|no\)"/"diversion_found":"unknown"/' "$work/a.jsonl" > "$work/unknown.jsonl"
"$bin" calibrate --rules "$work/rules" -o "$work/p3" "$work/unknown.jsonl" > /dev/null 2> "$work/unknown.err"
check "calibrate without known outcomes" 1 $?
expect "says what is missing" grep -q "needs cases found diverted and cases found not diverted" "$work/unknown.err"
expect "writes no proposal" test ! -e "$work/p3"

# Broken lines are counted and skipped.
{ echo '{"not": "a case"}'; cat "$work/a.jsonl"; echo 'garbage'; } > "$work/broken.jsonl"
"$bin" calibrate --rules "$work/rules" -o "$work/p4" "$work/broken.jsonl" > "$work/broken.txt" 2> /dev/null
check "calibrate with broken lines" 0 $?
expect "counts them" grep -q "3002 lines, 2 rejected, 3000 cases" "$work/broken.txt"

"$bin" calibrate --rules "$work/rules" --version 'x" evil' -o "$work/p9" "$work/a.jsonl" > /dev/null 2>&1
check "calibrate refuses a version that is not a plain word" 2 $?

# The same bytes at any thread count; never inside the rule set itself.
"$bin" calibrate --rules "$work/rules" --format json --threads 1 -o "$work/t1" "$work/a.jsonl" 2> /dev/null | sed 's|/t1"|/T"|' > "$work/t1.json"
"$bin" calibrate --rules "$work/rules" --format json --threads 2 -o "$work/t2" "$work/a.jsonl" 2> /dev/null | sed 's|/t2"|/T"|' > "$work/t2.json"
expect "same report at 1 and 2 threads" cmp -s "$work/t1.json" "$work/t2.json"
"$bin" calibrate --rules "$work/rules" -o "$work/rules/inside" "$work/a.jsonl" > /dev/null 2> "$work/inside.err"
check "calibrate refuses a proposal inside the rule set" 2 $?
expect "says why (inside)" grep -q "is inside the rule set" "$work/inside.err"

head -1 "$work/a.jsonl" | sed 's/"id":"GEN-4-1"/"id":"NEW-1"/' > "$work/q.json"
"$bin" similar --archive "$work/a.jsonl" "$work/q.json" > "$work/sim.txt" 2> /dev/null
check "similar" 0 $?
expect "similar: precedents" grep -q "^Precedents (5 most similar past cases in" "$work/sim.txt"
expect "similar: its twin first" grep -q "^  GEN-4-1 (.*) distance 0.0000: decided" "$work/sim.txt"
"$bin" similar -k 3 --format json --archive "$work/a.jsonl" "$work/q.json" > "$work/sim.json" 2> /dev/null
check "similar json" 0 $?
expect "similar json: three cases" test "$(grep -o '"line":[0-9]*,"distance"' "$work/sim.json" | wc -l)" -eq 3

"$bin" assess --archive "$work/a.jsonl" "$work/q.json" > "$work/assess.txt"
check "assess --archive" 0 $?
expect "assess text: precedents" grep -q "^Precedents (" "$work/assess.txt"
expect "assess text: recurring intermediaries" grep -q "^Recurring intermediaries" "$work/assess.txt"
"$bin" assess --format json --archive "$work/a.jsonl" "$work/q.json" > "$work/assess.json"
check "assess --archive json" 0 $?
expect "assess json: precedents member" grep -q '"precedents":{"archive":' "$work/assess.json"
"$bin" assess --format json "$work/q.json" > "$work/plain.json"
expect "assess without --archive: no precedents" test -z "$(grep -o '"precedents"' "$work/plain.json")"

"$bin" network --archive "$work/a.jsonl" --top 5 > "$work/net.txt"
check "network" 0 $?
expect "network: five rows" test "$(grep -c '; e.g. GEN-4-' "$work/net.txt")" -eq 5
"$bin" network --format json --archive "$work/a.jsonl" > "$work/net.json"
expect "network json" grep -q '"intermediaries":\[{"key":"' "$work/net.json"

"$bin" similar --archive "$work/missing.jsonl" "$work/q.json" > /dev/null 2>&1
check "similar: a missing archive" 2 $?

if [ "$failures" -eq 0 ]; then echo "learn cli: all checks passed"; exit 0; fi
echo "learn cli: $failures checks failed"; exit 1
