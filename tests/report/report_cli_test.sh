#!/usr/bin/env bash
# ctest: `divrisk report` as a user runs it: an output that is the input
# (by any spelling) is refused and the input left as it was; bad inputs
# give exit 1 with the file named; an unwritable output exit 3; the same
# input gives the same bytes.
#
# Usage: report_cli_test.sh DIVRISK SOURCE_DIR
set -uo pipefail
DIVRISK=$1
SRC=$2
RULES=$SRC/rules/att-example-authority
CASE=$SRC/examples/sanctioned-forwarder-name-variant-hong-kong.yaml
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail=0
expect_exit() {  # CODE DESCRIPTION COMMAND...
  local want=$1 what=$2
  shift 2
  "$@" >out.txt 2>err.txt
  local got=$?
  if [ "$got" != "$want" ]; then
    echo "FAIL: $what: exit $got, expected $want"; cat err.txt; fail=1
  fi
}

cp "$CASE" case.yaml
ln -s case.yaml link.yaml
"$DIVRISK" generate --count 50 --seed 3 -o gen.jsonl
"$DIVRISK" batch --threads 1 --output summary -o results.jsonl gen.jsonl 2>/dev/null
before=$(sha256sum case.yaml results.jsonl gen.jsonl)

expect_exit 2 "output is the case file" "$DIVRISK" report --rules "$RULES" case.yaml -o case.yaml
expect_exit 2 "output is the case file through ./" "$DIVRISK" report --rules "$RULES" case.yaml -o ./case.yaml
expect_exit 2 "output is a symlink to the case file" "$DIVRISK" report --rules "$RULES" case.yaml -o link.yaml
ln case.yaml hard.yaml
expect_exit 2 "output is a hard link to the case file" "$DIVRISK" report --rules "$RULES" case.yaml -o hard.yaml
expect_exit 2 "output is the results" "$DIVRISK" report --batch results.jsonl -o results.jsonl
expect_exit 2 "output is the case archive" "$DIVRISK" report --batch results.jsonl --cases gen.jsonl -o gen.jsonl
expect_exit 2 "output is the file on standard input" sh -c "\"$DIVRISK\" report --batch - -o results.jsonl < results.jsonl"
grep -q "refusing to overwrite" err.txt || { echo "FAIL: no reason given"; fail=1; }
[ "$before" = "$(sha256sum case.yaml results.jsonl gen.jsonl)" ] || { echo "FAIL: an input changed"; fail=1; }

expect_exit 2 "no case and no --batch" "$DIVRISK" report -o x.html
expect_exit 2 "--cases without --batch" "$DIVRISK" report --rules "$RULES" case.yaml --cases gen.jsonl -o x.html
expect_exit 2 "output in a missing folder" "$DIVRISK" report --rules "$RULES" case.yaml -o missing/x.html
expect_exit 1 "a case that is not valid" "$DIVRISK" report --rules "$RULES" gen.jsonl -o x.html
expect_exit 1 "an archive that is not results" "$DIVRISK" report --batch case.yaml -o x.html
grep -q "case.yaml: no result of divrisk batch in the input (line 1: " err.txt ||
  { echo "FAIL: the error does not name the file and line"; cat err.txt; fail=1; }
[ ! -e x.html ] || { echo "FAIL: a refused run wrote its output"; fail=1; }
if [ -w /dev/full ]; then
  expect_exit 3 "a full disk" "$DIVRISK" report --rules "$RULES" case.yaml -o /dev/full
fi

# Same input, same bytes; the run leaves no temporary beside its output.
for n in 1 2; do
  "$DIVRISK" report --rules "$RULES" case.yaml -o "case$n.html"
  "$DIVRISK" report --rules "$RULES" --format markdown case.yaml -o "case$n.md"
  "$DIVRISK" report --batch results.jsonl --cases gen.jsonl -o "summary$n.html" 2>/dev/null
done
for f in case.html case.md summary.html; do
  cmp -s "${f%.*}1.${f##*.}" "${f%.*}2.${f##*.}" || { echo "FAIL: $f differs between runs"; fail=1; }
done
leftovers=$(ls | grep -E '\.tmp-|\.partial' || true)
[ -z "$leftovers" ] || { echo "FAIL: temporaries left: $leftovers"; fail=1; }

[ "$fail" = 0 ] && echo "report command checks passed"
exit "$fail"
