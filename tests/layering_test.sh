#!/usr/bin/env bash
# The layering check: every #include of the product code (engine/, rules/,
# indicators/) must go to its own folder or to one that the table in
# README.md ("Layout", between the <!-- layers --> markers) lets it use.
# Prints the include graph between folders (with counts), then each include
# that goes against the table; exits 1 if there is any, or if a source
# folder is missing from the table.
# Usage: layering_test.sh SOURCE_DIR
set -euo pipefail
cd "$1"

# folder<TAB>allowed folders (space separated), from the table's rows:
# | `folder/` | target | what | `a/`, `b/` |
table=$(awk '/<!-- layers -->/{on=1; next} /<!-- \/layers -->/{on=0} on' README.md |
  awk -F'|' 'NF >= 5 && $2 ~ /`/ {
    folder = $2; gsub(/[` ]/, "", folder); sub(/\/$/, "", folder)
    uses = $5; gsub(/[` ]/, "", uses); gsub(/\/,/, ",", uses); sub(/\/$/, "", uses)
    gsub(/,/, " ", uses); if (uses == "-" || uses == "—") uses = ""
    print folder "\t" uses }')
[ -n "$table" ] || { echo "FAIL: no layer table in README.md"; exit 1; }

# The table folder a path belongs to: the longest folder that prefixes it.
folder_of() {
  local path=$1 best="" f
  while IFS=$'\t' read -r f _; do
    if [[ "$path" == "$f"/* && ${#f} -gt ${#best} ]]; then best=$f; fi
  done <<< "$table"
  echo "$best"
}

declare -A allowed=()
while IFS=$'\t' read -r f uses; do allowed[$f]=" $uses "; done <<< "$table"

bad=0
declare -A edges=()
while IFS= read -r file; do
  from=$(folder_of "$file")
  if [ -z "$from" ]; then
    echo "FAIL: $file is in no folder of the layer table"; bad=1; continue
  fi
  while IFS= read -r inc; do
    to=$(folder_of "$inc")
    [ -z "$to" ] && { echo "FAIL: $file includes $inc, in no folder of the table"; bad=1; continue; }
    [ "$to" = "$from" ] && continue
    edges["$from -> $to"]=$(( ${edges["$from -> $to"]:-0} + 1 ))
    if [[ "${allowed[$from]}" != *" $to "* ]]; then
      echo "FAIL: $file includes $inc: $from may not use $to"; bad=1
    fi
  done < <(sed -n 's/^#include "\(\(engine\|rules\|indicators\)\/[^"]*\)".*/\1/p' "$file")
done < <(git ls-files -co --exclude-standard 'engine/*.h' 'engine/*.cc' \
           'rules/*.h' 'rules/*.cc' 'indicators/*.h' 'indicators/*.cc')

echo "include graph (folder -> folder: includes):"
for e in "${!edges[@]}"; do echo "  $e: ${edges[$e]}"; done | sort
if [ "$bad" -ne 0 ]; then echo "layering check failed"; exit 1; fi
echo "layering check passed"
