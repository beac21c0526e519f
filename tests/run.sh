#!/bin/sh
# The whole test suite (make check): unit tests, spec tests, the command line, the
# golden trace, the PDF checks, the multilingual leaflet and a valgrind run.  Prints
# each group's result and ends with "N passed, N failed", the sum of all groups;
# exits 1 if anything failed.
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
trap 'rm -f "$out" "$out.build" "$out.asan"' EXIT

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
    ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=1 "$t" >"$log" 2>&1; s=$?
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
# On a sanitizer build, whose runtime valgrind cannot host, LeakSanitizer instead.
memcheck() {
  if grep -q __asan_init "$MKDOC" 2>/dev/null; then
    # valgrind cannot host ASan: LeakSanitizer does the leak check instead
    dir=$(mktemp -d "${TMPDIR:-/tmp}/mkdoc-lsan.XXXXXX")
    ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=1 \
      "$MKDOC" report 2022 --out "$dir" --quiet
    s=$?; rm -rf "$dir"
    if [ $s -eq 0 ]; then echo "memcheck (LeakSanitizer): 1 passed, 0 failed"
    else echo "FAIL memcheck: LeakSanitizer or mkdoc exited $s"; echo "memcheck: 0 passed, 1 failed"; fi
    return 0
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
group jlreq bash tests/jlreq_checks.sh
group leaflet bash tests/leaflet_test.sh
group vertical bash tests/vertical_test.sh
group columns bash tests/columns_test.sh
group docbook bash tests/docbook_test.sh
group pathological bash tests/pathological.sh
group memcheck memcheck

# asan: the whole suite again on the AddressSanitizer + UBSan build (make
# asan-build), its lines prefixed "asan " so that its groups add to the total
# here. fuzz: every fuzz target briefly (tests/fuzz/smoke.sh). make check
# asks for both with MKDOC_CHECK_EXTRA=asan-fuzz; a build that fails counts
# as one failure.
asan_suite() {
  ${MAKE:-make} -s --no-print-directory asan-build >"$out.build" 2>&1 ||
    { tail -n 20 "$out.build"; echo "asan build: 0 passed, 1 failed"; return 1; }
  # Leak checking (LSan) doubles the time of every run, as the library
  # leaks that tests/lsan.supp names must be symbolized to be matched: it is
  # on for the unit tests and the memcheck group only (see there).
  env -u MKDOC BUILD=build-asan MKDOC_CHECK_EXTRA= ASAN_OPTIONS=detect_leaks=0 \
    LSAN_OPTIONS="suppressions=$ROOT/tests/lsan.supp:fast_unwind_on_malloc=0:print_suppressions=0" \
    sh tests/run.sh >"$out.asan" 2>&1
  s=$?
  sed 's/^/asan /' "$out.asan"
  return $s
}
fuzz_smoke() {
  ${MAKE:-make} -s --no-print-directory fuzz >"$out.build" 2>&1 ||
    { tail -n 20 "$out.build"; echo "fuzz build: 0 passed, 1 failed"; return 1; }
  bash tests/fuzz/smoke.sh
}
if [ "${MKDOC_CHECK_EXTRA:-}" = asan-fuzz ]; then
  group asan asan_suite
  group fuzz fuzz_smoke
fi

echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
