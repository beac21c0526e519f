#!/usr/bin/env bash
# The fuzz targets, briefly (make fuzz-smoke; a group of make check): each
# replays its crash regressions (tests/fuzz/regressions/<target>-*), then
# fuzzes for FUZZ_TIME seconds (default 20) from seeds made by seeds.py.
# One test per target; a crash, a leak, a sanitizer report or a time-out is
# a failure, and the input that caused it is kept in FUZZ_ARTIFACTS (default
# build-fuzz/artifacts) to be turned into a regression.
# Ends with "fuzz: N passed, N failed". Needs the binaries of make fuzz.
GROUP=fuzz
. "$(dirname "$0")/../lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)   # lib.sh assumes a script in tests/
export MKDOC_FONTS_CONF=$ROOT/fonts/fonts.conf
FUZZ_BUILD=${FUZZ_BUILD:-build-fuzz}
case $FUZZ_BUILD in /*) ;; *) FUZZ_BUILD=$ROOT/$FUZZ_BUILD ;; esac
FUZZ_TIME=${FUZZ_TIME:-20}
FUZZ_ARTIFACTS=${FUZZ_ARTIFACTS:-$FUZZ_BUILD/artifacts}
mkdir -p "$FUZZ_ARTIFACTS"
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$ROOT/tests/lsan.supp:fast_unwind_on_malloc=0:print_suppressions=0}
export MKDOC_HOME=$ROOT

"$PYTHON" "$ROOT/tests/fuzz/seeds.py" "$T/seeds" || fail "seeds.py failed"

# the options every run shares: no input may take 25 s or 2.5 GB; a fixed
# seed (FUZZ_SEED, default 1), so that CI explores the same way each time
# and does not fail at random (the longer campaigns use random seeds)
common=(-timeout=25 -rss_limit_mb=2560 -malloc_limit_mb=2560 -seed="${FUZZ_SEED:-1}")

fuzz_target() {
  local t=$1 bin=$FUZZ_BUILD/fuzz_$1 opts=() regs=() f
  if [ ! -x "$bin" ]; then fail "fuzz_$t: $bin is missing (run make fuzz)"; return; fi
  case $t in
    fo|props) opts=(-dict="$ROOT/tests/fuzz/fo.dict") ;;
    report|source) opts=(-dict="$ROOT/tests/fuzz/report.dict") ;;
  esac
  # fuzz_fo and fuzz_report keep one text context (fontconfig, Pango) for
  # all inputs, whose caches grow as fonts are first used: libFuzzer's
  # per-input leak check would call that a leak. Leaks are checked by the
  # unit tests, memcheck and the other three targets.
  case $t in fo|report) opts+=(-detect_leaks=0) ;; esac
  for f in "$ROOT"/tests/fuzz/regressions/"$t"-*; do [ -e "$f" ] && regs+=("$f"); done
  if [ ${#regs[@]} -gt 0 ] &&
     ! (cd "$ROOT" && "$bin" "${common[@]}" "${opts[@]}" "${regs[@]}") >"$T/replay-$t.log" 2>&1; then
    fail "fuzz_$t: a crash regression fails again"; tail -n 30 "$T/replay-$t.log"; return
  fi
  mkdir -p "$T/corpus-$t"
  (cd "$ROOT" && timeout -k 10 $((FUZZ_TIME + 120)) "$bin" "${common[@]}" "${opts[@]}" \
     -max_total_time="$FUZZ_TIME" -print_final_stats=1 \
     -artifact_prefix="$FUZZ_ARTIFACTS/$t-" "$T/corpus-$t" "$T/seeds/$t") >"$T/fuzz-$t.log" 2>&1
  local s=$? stats
  stats=$(grep -E '^stat::(number_of_executed_units|peak_rss_mb)' "$T/fuzz-$t.log" |
          sed 's/^stat:://; s/: */=/' | tr '\n' ' ')
  cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$T/fuzz-$t.log" | tail -1)
  if [ $s -eq 0 ]; then
    pass; echo "fuzz_$t: ${FUZZ_TIME}s, $stats$cov"
  else
    fail "fuzz_$t: exit $s after fuzzing (crash inputs: $FUZZ_ARTIFACTS/$t-*)"
    grep -E 'ERROR|SUMMARY|runtime error|fuzz_linebreak:|Assertion|Test unit written|^Direct leak' \
      "$T/fuzz-$t.log" | head -n 12 | grep . || tail -n 12 "$T/fuzz-$t.log"
  fi
}

# FUZZ_TARGETS="report source" runs only those
for t in ${FUZZ_TARGETS:-fo linebreak source props report}; do fuzz_target "$t"; done
summary
