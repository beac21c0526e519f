#!/usr/bin/env bash
# A fuzzing campaign: each target in turn (never two at once: one job, one
# core), FUZZ_TIME seconds each (default 360), random seeds, from the seeds
# of seeds.py (crash regressions included) and the dictionaries. Prints one
# Markdown table row per target for tests/fuzz/README.md:
#   | target | executions | exec/s | cov start → end | ft start → end | corpus | crashes |
# Crash inputs are kept in FUZZ_ARTIFACTS (default build-fuzz/campaign/);
# each becomes tests/fuzz/regressions/<target>-<what> once fixed.
#   make fuzz && bash tests/fuzz/campaign.sh [TARGET...]
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 3
FUZZ_TIME=${FUZZ_TIME:-360}
OUT=${FUZZ_ARTIFACTS:-$ROOT/build-fuzz/campaign}
mkdir -p "$OUT"
export MKDOC_HOME=$ROOT MKDOC_FONTS_CONF=$ROOT/fonts/fonts.conf
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$ROOT/tests/lsan.supp:fast_unwind_on_malloc=0:print_suppressions=0}
seeds=$(mktemp -d "${TMPDIR:-/tmp}/mkdoc-campaign.XXXXXX")
trap 'rm -rf "$seeds"' EXIT
python3 tests/fuzz/seeds.py "$seeds" || exit 3

for t in ${*:-fo linebreak source props report}; do
  opts=()
  case $t in
    fo|props) opts=(-dict=tests/fuzz/fo.dict) ;;
    report|source) opts=(-dict=tests/fuzz/report.dict) ;;
  esac
  case $t in fo|report) opts+=(-detect_leaks=0) ;; esac   # see smoke.sh
  corpus=$OUT/corpus-$t log=$OUT/$t.log
  rm -rf "$corpus"; mkdir -p "$corpus"
  # a crash ends the target's run (fix it, keep the input, run again)
  timeout -k 10 $((FUZZ_TIME + 300)) build-fuzz/fuzz_$t "${opts[@]}" \
    -timeout=25 -rss_limit_mb=2560 -malloc_limit_mb=2560 \
    -max_total_time="$FUZZ_TIME" -print_final_stats=1 \
    -artifact_prefix="$OUT/$t-" "$corpus" "$seeds/$t" >"$log" 2>&1
  # start: when the seeds were loaded (INITED); end: the last line
  first=$(grep -m1 -oE 'INITED cov: [0-9]+ ft: [0-9]+' "$log" | sed 's/^INITED //')
  last=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
  execs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
  crashes=$(ls "$OUT/$t-"crash-* "$OUT/$t-"leak-* "$OUT/$t-"timeout-* "$OUT/$t-"oom-* 2>/dev/null | wc -l)
  n=$(ls "$corpus" | wc -l)
  set -- $first; c0=$2 f0=$4; set -- $last; c1=$2 f1=$4
  secs=$(grep -oE '^#[0-9]+.*exec/s: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+$')
  echo "| fuzz_$t | $execs | $secs | $c0 → $c1 | $f0 → $f1 | $n | $crashes |"
done
