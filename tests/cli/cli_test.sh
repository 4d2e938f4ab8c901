#!/usr/bin/env bash
# End-to-end checks of the divrisk command line: exit codes, outputs, and
# that an interrupted batch leaves no output file that looks complete.
# Usage: cli_test.sh DIVRISK_BINARY SOURCE_DIR
set -u
bin=$1
src=$2
# shellcheck source=checks.sh
source "$(dirname "$0")/checks.sh"

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

# The deciding state (issue 11): the same application to a state under an
# EU (not UN) embargo is refused by A6-2 when Germany decides, and weighs
# the embargo as not binding when Canada does.
cat > "$work/ve.yaml" <<'CASE'
format: divrisk-case/1
id: DEMO-VE-1
assessed_on: 2026-05-04
exporter: {name: Example Arms Ltd, country: "GB", kind: company}
goods:
  - {category: small_arms, description: 9 mm pistols for the national police, quantity: 500}
end_user: {name: National Police, country: "VE", kind: police}
CASE
"$bin" assess --authority DE "$work/ve.yaml" > "$work/de.txt"; check "assess --authority DE" 0 $?
expect "DE: refused by the regional embargo" grep -q "^  REFUSE: A regional arms embargo" "$work/de.txt"
expect "DE: no gate id without --verbose" test -z "$(grep "A6-2" "$work/de.txt")"
"$bin" assess --verbose --authority DE "$work/ve.yaml" > "$work/de-v.txt"; check "assess --verbose" 0 $?
expect "DE --verbose: gate id A6-2" grep -q "^           \[A6-2; refs: ATT 6(2); A6-2; CP Criterion 1\]" "$work/de-v.txt"
expect "DE: says why it binds" grep -q "binding on DE: EU member state since 1958-01-01" "$work/de.txt"
expect "DE: says who decides" grep -q "^Deciding state: DE: given with --authority" "$work/de.txt"
"$bin" assess --authority CA "$work/ve.yaml" > "$work/ca.txt"; check "assess --authority CA" 0 $?
expect "CA: no A6-2 gate" test -z "$(grep "A6-2:" "$work/ca.txt")"
expect "CA: weighed as not binding" grep -q "not binding on CA: not a member of EU on 2026-05-04" "$work/ca.txt"
"$bin" assess "$work/ve.yaml" > "$work/gb.txt"; check "assess, deciding state derived" 0 $?
expect "derived: the exporter's state" grep -q "^Deciding state: GB: assumed, the exporter's state (transaction export)" "$work/gb.txt"
"$bin" assess --authority de "$work/ve.yaml" 2> /dev/null; check "assess --authority lower case" 2 $?
"$bin" assess --format json --authority CA "$work/ve.yaml" > "$work/ca.json"
expect "json: deciding state" grep -q '"deciding_state":{"state":"CA","basis":"authority_flag"' "$work/ca.json"
expect "json: reference files" grep -q '"reference":\[{"file":"reference/countries.yaml"' "$work/ca.json"
expect "default rule set: no illustrative warning" test -z "$(grep WARNING "$work/ca.txt")"
"$bin" assess --rules "$src/rules/att-example-authority" "$work/ve.yaml" > "$work/ex.txt"
expect "example rule set: illustrative warning" grep -q "^WARNING: illustrative reference data in use" "$work/ex.txt"
# batch and diff take --authority too: one JSON line, decided by DE and CA.
printf '{"format":"divrisk-case/1","id":"DEMO-VE-1","assessed_on":"2026-05-04","exporter":{"name":"Example Arms Ltd","country":"GB","kind":"company"},"goods":[{"category":"small_arms","description":"pistols","quantity":500}],"end_user":{"name":"National Police","country":"VE","kind":"police"}}\n' > "$work/ve.jsonl"
"$bin" batch --authority DE --output summary "$work/ve.jsonl" > "$work/ve-de.jsonl" 2> /dev/null; check "batch --authority DE" 0 $?
expect "batch DE: A6-2" grep -q '"hard_stops":\["A6-2"\]' "$work/ve-de.jsonl"
"$bin" batch --authority CA --output summary "$work/ve.jsonl" > "$work/ve-ca.jsonl" 2> /dev/null; check "batch --authority CA" 0 $?
expect "batch CA: no gate" grep -q '"hard_stops":\[\]' "$work/ve-ca.jsonl"
"$bin" diff --authority DE --old "$src/rules/att-default" --new "$src/rules/att-default" --format json "$work/ve.jsonl" > "$work/ve-diff.json" 2> /dev/null
check "diff --authority DE" 0 $?

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
expect "killed batch left its partial output, not a final file" \
  test -e "$work/killed.jsonl.partial"
expect "killed batch leaves no final output" test ! -e "$work/killed.jsonl"
expect "killed batch leaves no final rejects" test ! -e "$work/killed.jsonl.rejects"

# ---- Batch integrity: kill at any moment, resume, byte-identical output.
# The archive mixes good cases, duplicates and broken lines of every kind,
# and its last line has no newline.
{
  head -600 "$work/big.jsonl"
  head -3 "$work/big.jsonl"                             # duplicates
  printf '{"format": "divrisk-case/1", "id": "\xc0\xaf"}\n'  # invalid UTF-8
  printf '{"format": "divrisk-case/1",\0 "id": "N"}\n'    # a NUL byte
  printf '%s\r\n' "$(sed -n 601p "$work/big.jsonl")"       # CRLF
  printf '\n \t\n\r\n'                                  # empty lines
  head -c 1100000 /dev/zero | tr '\0' x; echo              # too long
  printf '{"a": %s}\n' "$(printf '[%.0s' $(seq 70))"       # too deep
  sed -n 602,700p "$work/big.jsonl"
  printf '{"format": "divrisk-case/1"'                     # no final newline
} > "$work/mixed.jsonl"
lines=$(($(wc -l < "$work/mixed.jsonl") + 1))
# run_batch OUT THREADS CHUNK_LINES [options]: the archive, stderr to
# OUT.stderr. start_batch: the same in the background, with $pid divrisk's
# own (a function started with & is a shell of its own, and a kill -9 of
# $! would kill that shell and leave divrisk running).
batch_cmd() {
  local out=$1 threads=$2 chunk=$3
  shift 3
  cmd=("$bin" batch --threads "$threads" --chunk-lines "$chunk" -o "$out"
       --summary "$out.summary" "$@" "$work/mixed.jsonl")
}
run_batch() { batch_cmd "$@"; "${cmd[@]}" 2> "$1.stderr"; }
start_batch() { batch_cmd "$@"; "${cmd[@]}" 2> "$1.stderr" & pid=$!; }
run_batch "$work/ref.jsonl" 1 37; check "reference batch run" 0 $?
expect "reference run leaves no partial or checkpoint" \
  test ! -e "$work/ref.jsonl.partial" -a ! -e "$work/ref.jsonl.checkpoint"
read_n=$(grep -o '"read":[0-9]*' "$work/ref.jsonl.summary" | cut -d: -f2)
scored_n=$(grep -o '"scored":[0-9]*' "$work/ref.jsonl.summary" | cut -d: -f2)
rejected_n=$(grep -o '"rejected":[0-9]*' "$work/ref.jsonl.summary" | cut -d: -f2)
expect "read counts every line" test "$read_n" -eq "$lines"
expect "read = scored + rejected" test "$read_n" -eq $((scored_n + rejected_n))
expect "one output line per scored case" test "$(wc -l < "$work/ref.jsonl")" -eq "$scored_n"
expect "one rejects line per rejected line" \
  test "$(wc -l < "$work/ref.jsonl.rejects")" -eq "$rejected_n"
expect "every reject has a reason" \
  test "$(grep -c '"errors":\["[0-9]*:[0-9]*: ' "$work/ref.jsonl.rejects")" -eq "$rejected_n"
same_as_ref() {  # same_as_ref OUT: byte-identical to the reference run
  cmp -s "$work/ref.jsonl" "$1" && cmp -s "$work/ref.jsonl.rejects" "$1.rejects" &&
    diff <(sed 's/"seconds":.*//' "$work/ref.jsonl.summary") \
         <(sed 's/"seconds":.*//' "$1.summary") > /dev/null
}
# Killed at exact points (a chunk written but not checkpointed, just
# checkpointed, half renamed) and resumed: BatchJob's test hook, in
# tests/engine/batch/batch_job_test.cc.
# Killed at arbitrary moments, again and again, until a resume completes.
# One line per chunk (a checkpoint and an fsync per line) keeps a run long
# enough to be killed, however fast the machine.
out="$work/sigkill.jsonl"
rm -f "$out"*
start_batch "$out" 1 1
kills=0
for delay in 0.05 0.1 0.2 0.25 0.3 0.35 0.4 0.5 0.6 0.8 1 2; do
  sleep "$delay"
  kill -9 $pid 2> /dev/null && kills=$((kills + 1))
  wait $pid 2> /dev/null
  [ -e "$out" ] && break
  expect "killed after ${delay}s: no final output" test ! -e "$out"
  start_batch "$out" 1 1 --resume
done
wait $pid
expect "killed $kills times at random moments" test "$kills" -ge 1
# The summary is written last: a kill just before it leaves no checkpoint,
# and a resume runs again from the first line.
[ -e "$out.summary" ] || run_batch "$out" 2 1 --resume
expect "resumed after random kills: byte-identical" same_as_ref "$out"
# --resume misuse.
"$bin" batch --resume "$work/mixed.jsonl" > /dev/null 2>&1
check "--resume without -o" 2 $?
# A run stopped halfway by the file-size limit leaves its checkpoint.
half=$(($(wc -c < "$work/ref.jsonl") / 2048))  # KiB: half the output
(ulimit -f "$half"; run_batch "$work/other.jsonl" 1 37)
check "run stopped halfway" 3 $?
expect "it left a checkpoint" test -e "$work/other.jsonl.checkpoint"
run_batch "$work/other.jsonl" 1 37 --resume --output summary
check "--resume with other options" 2 $?
expect "resume refusal says why" grep -q "cannot resume" "$work/other.jsonl.stderr"
# Two runs cannot write the same output.
(cat "$work/mixed.jsonl"; sleep 5) | "$bin" batch --threads 1 -o "$work/locked.jsonl" 2> /dev/null &
sleep 1
"$bin" batch -o "$work/locked.jsonl" "$work/mixed.jsonl" 2> "$work/locked.err"
check "a second run on the same output" 2 $?
expect "it names the other run" grep -q "another divrisk batch" "$work/locked.err"

# ---- A full disk or a write error: exit 3, never a truncated final file.
out="$work/full.jsonl"
(ulimit -f 100; run_batch "$out" 1 37)
check "batch over the file-size limit" 3 $?
expect "write error reported" grep -q "write failed: File too large" "$out.stderr"
expect "no final output after a write error" test ! -e "$out" -a ! -e "$out.summary"
run_batch "$out" 2 37 --resume; check "resume after the write error" 0 $?
expect "resumed after the write error: byte-identical" same_as_ref "$out"
"$bin" batch --threads 1 "$work/mixed.jsonl" > /dev/full 2> "$work/devfull.err"
check "batch to a full standard output" 3 $?
expect "full stdout reported" grep -q "write failed: No space left on device" "$work/devfull.err"
"$bin" assess "$example" > /dev/full 2> /dev/null
check "assess to a full standard output" 3 $?

"$bin" diff --old "$src/rules/att-default" --new "$src/rules/att-default" --format json "$work/archive.jsonl" > "$work/diff.json"
check "diff of identical rule sets" 0 $?
expect "identical rule sets change nothing" grep -q '"changed":{"score":0,"band":0,"recommendation":0}' "$work/diff.json"

# ---- Issue 13, second round of hostile input (items 6, 7, 9, 10, 11, 14).
# 6: a rule set that drops a country (PH, of the JSON example): the cases it can no longer score have
# their own row and column, and are not counted as unchanged.
cp -r "$src/rules/att-default" "$work/no-ee"
sed -i '/{code: "PH"/d' "$work/no-ee/reference/countries.yaml"
sed -i '/^  att: \|^  wassenaar: \|^  embargoes: \|^  registers: \|^  euc_templates: \|^  flagged_euc_numbers: \|^  listed_parties: /d' "$work/no-ee/ruleset.yaml"
"$bin" diff --old "$src/rules/att-default" --new "$work/no-ee" "$work/archive.jsonl" > "$work/diff-ee.txt"
check "diff with a dropped country" 0 $?
expect "one-sided cases counted" grep -q "^Scored by one rule set only: rejected by the old 0, rejected by the new [1-9]" "$work/diff-ee.txt"
expect "rejected column and row" grep -q "^  rejected  " "$work/diff-ee.txt"
expect "one-sided cases listed" grep -q "rejected by the new rule set: .*PH" "$work/diff-ee.txt"
"$bin" diff --old "$src/rules/att-default" --new "$work/no-ee" --format json "$work/archive.jsonl" > "$work/diff-ee.json"
expect "one-sided cases in JSON" grep -q '"rejected_new_only":[1-9][0-9]*,' "$work/diff-ee.json"
expect "rejected row in JSON" grep -q '"rejected":{"approve":0,' "$work/diff-ee.json"

# An AddressSanitizer build reserves terabytes of address space and cannot
# start under `ulimit -v`: there the caps are left off (the refusals and the
# bytes are still checked; the memory bounds are checked in the ordinary
# build).
capped() {  # capped KIB COMMAND...: COMMAND under an address-space cap
  local kib=$1; shift
  if ldd "$bin" 2>/dev/null | grep -q libasan; then "$@"; else (ulimit -v "$kib"; "$@"); fi
}

# 7: 16 MiB of '[' under a 1 GiB address-space cap: refused fast.
head -c 16777215 /dev/zero | tr '\0' '[' > "$work/deep.yaml"
start=$(date +%s)
capped 1048576 "$bin" validate "$work/deep.yaml" > "$work/deep.out" 2>&1
check "16 MiB of [ refused" 1 $?
expect "deep: nesting named" grep -q "deep.yaml:1:65: nesting deeper than the limit of 64" "$work/deep.out"
expect "deep: refused within 5 s" test $(( $(date +%s) - start )) -le 5
cp "$work/deep.yaml" "$work/deep.json"
capped 1048576 "$bin" validate "$work/deep.json" > "$work/deep.out" 2>&1
check "16 MiB of [ as JSON refused" 1 $?

# 9: FIFOs as a case, a reference file and in validate: refused, no wait.
mkfifo "$work/case.fifo"
timeout 10 "$bin" assess "$work/case.fifo" 2> "$work/fifo.err"
check "assess a FIFO" 1 $?
expect "FIFO named" grep -q "case.fifo: not a regular file (a FIFO" "$work/fifo.err"
timeout 10 "$bin" validate "$work/case.fifo" "$example" > "$work/fifo.out"
check "validate a FIFO" 1 $?
cp -r "$src/rules/att-default" "$work/fifo-rules"
rm "$work/fifo-rules/reference/embargoes.yaml" && mkfifo "$work/fifo-rules/reference/embargoes.yaml"
timeout 10 "$bin" assess --rules "$work/fifo-rules" "$example" 2> "$work/fifo.err"
check "a FIFO as a reference file" 1 $?
expect "reference FIFO named" grep -q "embargoes.yaml: not a regular file" "$work/fifo.err"

# 10: an id that clears the screen and forges a line is shown escaped.
sed 's/^id: GB-2026-00412$/id: "\\u001b[2J\\u001b[H\\nChanged: score 0 \\u202e"/' "$example" > "$work/forged.yaml"
"$bin" assess "$work/forged.yaml" > "$work/forged.txt"; check "assess a forged id" 0 $?
expect "assess: no escape byte" test "$(grep -c $'\x1b' "$work/forged.txt")" -eq 0
expect "assess: id shown escaped" grep -qF 'Case \x1B[2J\x1B[H\nChanged: score 0 \u{202E} (assessed' "$work/forged.txt"
"$bin" validate "$work/forged.yaml" > "$work/forged.txt"; check "validate a forged id" 0 $?
expect "validate: one line, escaped" grep -qF 'forged.yaml: valid (\x1B[2J' "$work/forged.txt"
printf 'format: divrisk-case/1\nid: X\nassessed_on: "\\e[31m2026-01-01\\n"\n' > "$work/forged2.yaml"
"$bin" validate "$work/forged2.yaml" > "$work/forged.txt"; check "validate a forged value" 1 $?
expect "validate: value escaped" grep -qF "found '\\x1B[31m2026-01-01\\n'" "$work/forged.txt"
expect "validate: no escape byte" test "$(grep -c $'\x1b' "$work/forged.txt")" -eq 0
{ head -1 "$work/archive.jsonl" | sed 's/"id": *"[^"]*"/"id": "\\u001b[2J\\nChanged: score 0"/'; } > "$work/forged.jsonl"
"$bin" diff --old "$src/rules/att-default" --new "$work/no-ee" "$work/forged.jsonl" > "$work/forged.txt"
check "diff with a forged id" 0 $?
expect "diff: no escape byte" test "$(grep -c $'\x1b' "$work/forged.txt")" -eq 0
expect "diff: no forged line" test "$(grep -c '^Changed:' "$work/forged.txt")" -eq 1

# 11: a rule set naming a file outside its directory is refused, unread,
# unless trusted; --data-dir admits one more directory.
cp -r "$src/rules/att-default" "$work/greedy"
sed -i 's|^  embargoes: .*|  embargoes: /etc/passwd|' "$work/greedy/ruleset.yaml"
"$bin" validate --rules "$work/greedy" "$example" > /dev/null 2> "$work/greedy.err"
check "rule set naming /etc/passwd" 1 $?
expect "outside the rule-set directory" grep -q "^/etc/passwd: outside the rule-set directory" "$work/greedy.err"
expect "nothing of /etc/passwd echoed" test "$(grep -c 'root:' "$work/greedy.err")" -eq 0
"$bin" --trust-rules validate --rules "$work/greedy" "$example" > /dev/null 2> "$work/greedy.err"
check "trusted: /etc/passwd read, and not a reference file" 1 $?
expect "trusted: at most an excerpt of each line" test "$(awk 'length > 300' "$work/greedy.err" | wc -l)" -eq 0
mkdir -p "$work/shared-data" && cp "$src/rules/att-default/reference/embargoes.yaml" "$work/shared-data/"
sed -i "s|^  embargoes: .*|  embargoes: $work/shared-data/embargoes.yaml|" "$work/greedy/ruleset.yaml"
"$bin" validate --rules "$work/greedy" "$example" > /dev/null 2>&1
check "a data file outside, without --data-dir" 1 $?
"$bin" validate --rules "$work/greedy" --data-dir "$work/shared-data" "$example" > /dev/null
check "a data file from --data-dir" 0 $?
"$bin" validate --trust-rules --rules "$work/greedy" "$example" > /dev/null
check "a data file, trusted rule set" 0 $?
"$bin" batch --rules "$work/greedy" "$work/archive.jsonl" > /dev/null 2>&1
check "batch: the same confinement" 1 $?

# 14: YAML tags are refused.
sed 's/^id: GB-2026-00412$/id: !!binary aGVsbG8=/' "$example" > "$work/tagged.yaml"
"$bin" validate "$work/tagged.yaml" > "$work/tagged.out"; check "a tagged id" 1 $?
expect "tag named" grep -q "tagged.yaml:14:5: YAML tag '!!binary' is not accepted" "$work/tagged.out"

# ---- bench: four steps on one archive; the last line is the JSON summary.
"$bin" bench --count 300 --threads 2 --work-dir "$work" > "$work/bench.out" 2> /dev/null
check "bench runs" 0 $?
last=$(tail -1 "$work/bench.out")
for key in '"cases":300,' '"bytes":' '"parse_only_cases_per_s":' \
    '"batch_1t_cases_per_s":' '"batch_1t_full_cases_per_s":' \
    '"batch_nt_cases_per_s":' '"threads":2,' '"peak_rss_mb":'; do
  expect "bench JSON has $key" grep -qF "$key" <<< "$last"
done
expect "bench leaves nothing behind" test -z "$(ls "$work" | grep divrisk-bench-)"
"$bin" bench --input "$work/archive.jsonl" > "$work/bench.out" 2> /dev/null
check "bench on a given archive, with a broken line" 0 $?
expect "bench reads every line of the given archive" \
  grep -qF "\"cases\":$(wc -l < "$work/archive.jsonl")," "$work/bench.out"

# ---- Issue 13: nothing lost, nothing overwritten, nothing unbounded.
i13="$work/i13"
mkdir "$i13"
cp "$work/archive.jsonl" "$i13/in.jsonl"
cp "$i13/in.jsonl" "$i13/orig"
"$bin" batch -o "$i13/o.jsonl" --summary "$i13/in.jsonl" "$i13/in.jsonl" 2> "$i13/err"
check "--summary naming the input is refused" 2 $?
expect "the input is untouched" cmp -s "$i13/in.jsonl" "$i13/orig"
expect "nothing was written" test ! -e "$i13/o.jsonl" -a ! -e "$i13/o.jsonl.partial"
"$bin" batch -o "$i13/o.jsonl" --rejects "$i13/in.jsonl" "$i13/in.jsonl" 2> /dev/null
check "--rejects naming the input is refused" 2 $?
"$bin" batch -o "$i13/x" --summary "$i13/x" "$i13/in.jsonl" 2> /dev/null
check "-o and --summary on one file are refused" 2 $?
"$bin" batch -o "$i13/in.jsonl" - < "$i13/in.jsonl" 2> /dev/null
check "-o naming the file on standard input is refused" 2 $?
expect "the input is still untouched" cmp -s "$i13/in.jsonl" "$i13/orig"
mkdir "$i13/dir" && touch "$i13/dir/keep"
"$bin" batch -o "$i13/dir" "$i13/in.jsonl" 2> /dev/null
check "-o naming a non-empty directory is refused" 2 $?
expect "no rejects renamed into place" test ! -e "$i13/dir.rejects"
# Standard input closed: the output file would become it.
"$bin" batch -o "$i13/self.jsonl" - <&- 2> "$i13/err"
check "batch with standard input closed" 2 $?
expect "it says standard input is closed" grep -q "standard input is closed" "$i13/err"
expect "no output from a closed standard input" test ! -e "$i13/self.jsonl"
# Device nodes of our own (root only), never the system's /dev/null.
if [ "$(id -u)" = 0 ]; then
  mknod "$i13/null" c 1 3 && mknod "$i13/full" c 1 7
  "$bin" batch --summary "$i13/null" -o "$i13/o2.jsonl" "$i13/in.jsonl" 2> /dev/null
  check "--summary to a device" 0 $?
  expect "the device is still a device" test -c "$i13/null"
  "$bin" generate --count 3 -o "$i13/full" 2> "$i13/err"
  check "generate to a full device" 3 $?
  expect "the full device is still a device" test -c "$i13/full"
else
  echo "skip: device nodes need root"
fi
# generate: negative counts and seeds are refused, not wrapped to 2^64-1.
"$bin" generate --count -1 > /dev/null 2>&1; check "generate --count -1" 2 $?
"$bin" generate --count 1 --seed -1 > /dev/null 2>&1; check "generate --seed -1" 2 $?
"$bin" generate --count 1000000001 > /dev/null 2>&1; check "generate --count over the bound" 2 $?
# --threads 1000 under an address-space cap: fewer threads, same bytes.
"$bin" batch --threads 1 --output summary "$i13/in.jsonl" > "$i13/t1.jsonl" 2> /dev/null
capped 1500000 "$bin" batch --threads 1000 --output summary "$i13/in.jsonl" > "$i13/t1000.jsonl" 2> "$i13/err"
check "batch --threads 1000 under an address-space cap" 0 $?
expect "same output on the threads that started" cmp -s "$i13/t1.jsonl" "$i13/t1000.jsonl"
# validate and screen-eval report a full standard output.
if [ -c /dev/full ]; then
  "$bin" validate "$example" > /dev/full 2> /dev/null
  check "validate to a full standard output" 3 $?
  if [ -d "$src/../shared/data/screening/name_pairs" ]; then
    "$bin" screen-eval --data "$src/../shared/data/screening" > /dev/full 2> /dev/null
    check "screen-eval to a full standard output" 3 $?
  fi
fi
# bench --input on an archive with an empty line.
{ head -1 "$i13/in.jsonl"; echo; head -1 "$i13/in.jsonl" | sed 's/"id": *"/&E-/'; } > "$i13/empty-line.jsonl"
"$bin" bench --input "$i13/empty-line.jsonl" --work-dir "$i13" > "$i13/bench.out" 2> /dev/null
check "bench on an archive with an empty line" 0 $?
expect "bench counts the empty line" grep -qF '"cases":3,' "$i13/bench.out"

if [ "$failures" -eq 0 ]; then echo "cli: all checks passed"; exit 0; fi
echo "cli: $failures checks failed"; exit 1
