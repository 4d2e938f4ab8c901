# Sourced by the command-line tests: a scratch directory removed on exit
# (kept when KEEP_WORK is set), lists a developer installed kept out of the
# outputs, and the two checks that count failures.
export DIVRISK_DATA=/nonexistent/divrisk-test-data
work=$(mktemp -d)
trap '[ -n "${KEEP_WORK:-}" ] || rm -rf "$work"' EXIT
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
