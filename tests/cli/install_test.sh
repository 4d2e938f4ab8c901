#!/usr/bin/env bash
# `cmake --install` into a temporary prefix: the installed divrisk finds its
# bundled rule sets relative to its own prefix, away from the source tree.
# Usage: install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
# No lists a developer installed (divrisk lists update) change the outputs.
export DIVRISK_DATA=/nonexistent/divrisk-test-data
build=$1 source=$2
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" >/dev/null
[ -x "$prefix/bin/divrisk" ] || fail "no bin/divrisk in the prefix"
rules="$prefix/share/divrisk/rules/att-default"
[ -f "$rules/ruleset.yaml" ] || fail "no bundled rule set under share/divrisk/rules"

# Mark the installed copy, so the output shows which rule set was read.
sed -i -E 's/^version: .*/version: "installed-copy"/' "$rules/ruleset.yaml"
grep -q 'installed-copy' "$rules/ruleset.yaml" || fail "could not mark the copy"

cd "$prefix"  # nowhere near the source tree
out=$(env -u DIVRISK_RULES "$prefix/bin/divrisk" assess --format json \
  "$source/examples/g2g-artillery-ammunition-estonia.yaml")
echo "$out" | grep -q '"version":"installed-copy"' \
  || fail "the installed binary did not use the installed rule set: $out"
echo "$out" | grep -q '"recommendation":"' || fail "no recommendation: $out"
echo "install test passed"
