#!/bin/sh
# The whole test suite (make check): unit tests, spec tests, the command line, the
# golden trace, the PDF checks and a valgrind run.  Prints each group's result and ends
# with "N passed, N failed", the sum of all groups; exits 1 if anything failed.
# A test whose tool is missing fails: CI installs everything (scripts/packages.txt).
cd "$(dirname "$0")/.." || exit 3
ROOT=$(pwd)
BUILD=${BUILD:-build}
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
MKDOC=${MKDOC:-$BUILD/mkdoc}
MKDOC_FONTS_CONF=$ROOT/fonts/fonts.conf
if [ -z "${PYTHON:-}" ]; then
  if [ -x /usr/bin/python3 ]; then PYTHON=/usr/bin/python3; else PYTHON=python3; fi
fi
export BUILD MKDOC MKDOC_FONTS_CONF PYTHON

total_pass=0
total_fail=0
out=$(mktemp "${TMPDIR:-/tmp}/mkdoc-run.XXXXXX")
trap 'rm -f "$out"' EXIT

# add_counts FILE STATUS NAME: adds the "N passed, N failed" lines of FILE to the
# totals; a command that failed without reporting a failure counts as one.
add_counts() {
  counts=$(grep -E '^[^:]+: [0-9]+ passed, [0-9]+ failed$' "$1" |
           awk '{ p += $(NF-3); f += $(NF-1) } END { print p + 0, f + 0 }')
  p=${counts% *}; f=${counts#* }
  if [ "$2" -ne 0 ] && [ "$f" -eq 0 ]; then
    echo "FAIL $3: exited with status $2 without reporting a failure"
    f=1
  fi
  total_pass=$((total_pass + p)); total_fail=$((total_fail + f))
}

# group NAME COMMAND...: runs one group; its full output is shown.
group() {
  name=$1; shift
  echo "== $name"
  "$@" >"$out" 2>&1; status=$?
  cat "$out"
  add_counts "$out" "$status" "$name"
}

# unit_tests: every unit-test binary; one that crashes before its summary counts
# as a failure of its own.
unit_tests() {
  found=0
  log=$(mktemp "${TMPDIR:-/tmp}/mkdoc-unit.XXXXXX")
  for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    found=1
    "$t" >"$log" 2>&1; s=$?
    cat "$log"
    if [ $s -ne 0 ] && ! grep -qE ': [0-9]+ passed, [1-9][0-9]* failed$' "$log"; then
      echo "FAIL unit: $t exited with status $s"
      echo "$(basename "$t") (crashed): 0 passed, 1 failed"
    fi
  done
  rm -f "$log"

  [ $found -eq 1 ] || echo "unit: no unit-test binaries in $BUILD/tests (run make)"
}

# memcheck: the sample report under valgrind: no errors, no definite leaks.
# Not under a sanitizer build, whose runtime valgrind cannot host.
memcheck() {
  if grep -q __asan_init "$MKDOC" 2>/dev/null; then
    echo "memcheck: not run on a sanitizer build"; return 0
  fi
  command -v valgrind >/dev/null || { echo "memcheck: valgrind is not installed"; echo "memcheck: 0 passed, 1 failed"; return 1; }
  dir=$(mktemp -d "${TMPDIR:-/tmp}/mkdoc-vg.XXXXXX")
  valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
    --suppressions="$ROOT/tests/valgrind.supp" \
    --show-leak-kinds=definite "$MKDOC" report 2022 --out "$dir" --quiet
  s=$?; rm -rf "$dir"
  if [ $s -eq 0 ]; then echo "memcheck: 1 passed, 0 failed"
  else echo "FAIL memcheck: valgrind or mkdoc exited $s"; echo "memcheck: 0 passed, 1 failed"; fi
}

group unit unit_tests
group generated sh tests/generated_check.sh
group gen_jlreq sh tests/gen_jlreq_check.sh
group spec "$PYTHON" tests/spec_run.py
group cli bash tests/cli_test.sh
group golden bash tests/golden.sh check
group pdf bash tests/pdf_checks.sh
group memcheck memcheck

echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
