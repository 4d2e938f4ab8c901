#!/usr/bin/env bash
# ctest: `divrisk batch` as the map step of a real Dask distributed job
# (bench/cluster/run_dask.sh --check): a scheduler and two workers on
# 127.0.0.1, a generated archive (20,000 cases, seed 5, 2% broken lines) in
# 8 partitions, the rule set shipped to the workers. Passes when the gathered
# output equals one divrisk process's line for line (sorted by case id), the
# rejects agree and read = scored + rejected. Skipped (exit 77) when
# /usr/bin/python3 has no `distributed` module, except under CI=true.
#
# Usage: dask_test.sh DIVRISK SOURCE_DIR
set -euo pipefail
DIVRISK=$1
SRC=$2
PY=${DASK_PYTHON:-/usr/bin/python3}
if ! "$PY" -c 'import distributed' >/dev/null 2>&1; then
  if [ "${CI:-}" = true ]; then
    echo "FAIL: CI=true but $PY cannot import distributed (.ci/install-deps installs python3-distributed)"
    exit 1
  fi
  echo "SKIPPED: $PY has no 'distributed' module; apt-get install python3-distributed (or bash .ci/install-deps) to run the Dask job"
  exit 77
fi
exec "$SRC/bench/cluster/run_dask.sh" --divrisk "$DIVRISK" --rules "$SRC/rules/att-default" \
  --count 20000 --workers 2 --partitions 8 --check
