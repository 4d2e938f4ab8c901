#!/usr/bin/env bash
# ctest: the reports of README's "Reports" section, made by the built
# divrisk, rendered in headless Chromium (browser_check.py): the case report
# of a bundled example, a case with hostile strings, the dashboard of a
# generated archive, the dashboard of a rule-set diff and the page of a
# calibration. Screenshots and
# A4 PDFs stay in WORK_DIR (the build tree) as artefacts.
# Without chromium, chromedriver or Selenium for /usr/bin/python3 it is
# skipped (exit 77, ctest SKIP_RETURN_CODE), except under CI=true, where a
# missing tool is a failure.
#
# Usage: browser_test.sh DIVRISK SOURCE_DIR WORK_DIR
set -euo pipefail
DIVRISK=$1
SRC=$2
WORK=$3

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
/usr/bin/python3 -c 'import selenium, yaml' 2>/dev/null || missing+=(python3-selenium python3-yaml)
if ((${#missing[@]})); then
  if [ "${CI:-}" = true ]; then
    echo "FAIL: CI=true but ${missing[*]} not found (.ci/install-deps installs them)"
    exit 1
  fi
  echo "SKIPPED: ${missing[*]} not found; install them (bash .ci/install-deps) to check the reports in a browser"
  exit 77
fi

rm -rf "$WORK"
mkdir -p "$WORK"
RULES=$SRC/rules/att-example-authority
CASE=$SRC/examples/double-paper-trail-ammunition-niger-libya.yaml
cd "$WORK"
# README, "Reports": one case, as HTML and as Markdown.
"$DIVRISK" report --rules "$RULES" "$CASE" -o case.html
"$DIVRISK" report --rules "$RULES" --format markdown "$CASE" -o case.md
"$DIVRISK" assess --rules "$RULES" --format json "$CASE" > case.json
"$DIVRISK" report --rules "$RULES" "$SRC/tests/report/hostile-names.yaml" -o hostile.html
# README, "Reports": an archive, and a rule change over it.
"$DIVRISK" generate --count 2000 --seed 7 -o gen.jsonl
"$DIVRISK" batch --threads 2 --output full -o results.jsonl \
  --summary results.summary.json gen.jsonl 2>/dev/null
"$DIVRISK" report --batch results.jsonl --cases gen.jsonl -o summary.html
"$DIVRISK" diff --old "$SRC/rules/att-default" --new "$RULES" --format json \
  --threads 2 gen.jsonl > diff.json
"$DIVRISK" report --batch diff.json -o diff.html
# README, "Learning from the archive": a calibration's page, and its JSON.
"$DIVRISK" generate --count 3000 --seed 7 --outcome-model -o outcomes.jsonl
"$DIVRISK" calibrate --rules "$SRC/rules/att-default" --priors --format html \
  -o proposed outcomes.jsonl > calibration.html 2>/dev/null
"$DIVRISK" calibrate --rules "$SRC/rules/att-default" --priors --format json \
  -o proposed-again outcomes.jsonl > calibration.json 2>/dev/null
grep -q "^## Recommendation: " case.md || { echo "FAIL: case.md has no recommendation"; exit 1; }

exec /usr/bin/python3 "$SRC/tests/report/browser_check.py" "$WORK" "$CASE"
