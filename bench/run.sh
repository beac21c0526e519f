#!/usr/bin/env bash
# make bench: time mkdoc on a generated ~300-page annual report, as whole processes.
#   - bench/gen_report.py writes build/bench/docs/reports/9999.xml (not committed)
#   - `mkdoc report 9999` run in build/bench (styles/ and fonts/ linked there)
#   - `mkdoc fo` on the FO that xsltproc makes from it with styles/report-fo.xsl
#   - Apache FOP on the same FO, if installed (../shared/tools/fop-cjk), and the ratio
# Each is run RUNS times (default 3) under /usr/bin/time -v; the best wall time and the
# largest peak RSS are reported.  Goals (issue 2): >= 10x FOP's speed, < 200 MB peak.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-build}
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
MKDOC=${MKDOC:-$BUILD/mkdoc}
SHARED=${MKDOC_SHARED:-$(cd "$ROOT/.." && pwd)/shared}
RUNS=${RUNS:-3}
FOP_RUNS=${FOP_RUNS:-1}
CHAPTERS=${CHAPTERS:-22}
export MKDOC_FONTS_CONF=$ROOT/fonts/fonts.conf
B=$BUILD/bench

for tool in /usr/bin/time pdfinfo xsltproc xmllint python3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (see scripts/packages.txt)" >&2; exit 1; }
done
[ -x "$MKDOC" ] || { echo "bench: $MKDOC is missing (run make)" >&2; exit 1; }

mkdir -p "$B/docs/reports" "$B/out"
ln -sfn "$ROOT/styles" "$B/styles"
ln -sfn "$ROOT/fonts" "$B/fonts"
python3 "$ROOT/bench/gen_report.py" --year 9999 --chapters "$CHAPTERS" > "$B/docs/reports/9999.xml"
xmllint --noout --relaxng "$ROOT/styles/report.rng" "$B/docs/reports/9999.xml"
echo "bench: $(wc -c < "$B/docs/reports/9999.xml") bytes of source in ${B#$ROOT/}/docs/reports/9999.xml"

# measure LABEL PDF COMMAND...: runs COMMAND $runs times and prints pages, the best
# wall time (clock around the whole process), pages/second and peak RSS (from
# /usr/bin/time -v); sets $best.
measure() {
  local label=$1 pdf=$2 i t0 t1 wall rss peak=0 times=(); shift 2
  best=
  for i in $(seq 1 "$runs"); do
    rm -f "$pdf"
    t0=$(date +%s%N)
    if ! /usr/bin/time -v -o "$B/time.txt" "$@" > "$B/cmd.log" 2>&1; then
      echo "bench: $label failed:"; sed 's/^/    /' "$B/cmd.log" | tail -20; return 1
    fi
    t1=$(date +%s%N)
    wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$B/time.txt")
    times+=("$wall")
    [ "$rss" -gt "$peak" ] && peak=$rss
    if [ -z "$best" ] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$wall; fi
  done
  local pages
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
  awk -v l="$label" -v p="$pages" -v b="$best" -v k="$peak" -v t="${times[*]}" 'BEGIN {
    printf "%-14s %4d pages  best %7.2f s  %7.1f pages/s  peak RSS %6.1f MB  (runs: %s s)\n",
           l, p, b, (b > 0 ? p / b : 0), k / 1024, t }'
}

status=0
runs=$RUNS
measure "mkdoc report" "$B/out/report-9999.pdf" \
  sh -c 'cd "$1" && exec "$2" report 9999 --out out --quiet' sh "$B" "$MKDOC"
report_best=$best

if xsltproc --output "$B/report-9999.fo" "$ROOT/styles/report-fo.xsl" "$B/docs/reports/9999.xml" 2> "$B/xslt.log"; then
  measure "mkdoc fo" "$B/fo.pdf" "$MKDOC" fo "$B/report-9999.fo" -o "$B/fo.pdf" --quiet
  fo_best=$best
  if command -v fop >/dev/null; then
    runs=$FOP_RUNS
    if measure "Apache FOP" "$B/fop.pdf" "$SHARED/tools/fop-cjk/fop-cjk" "$B/report-9999.fo" "$B/fop.pdf"; then
      awk -v f="$best" -v m="$fo_best" 'BEGIN { printf "FOP / mkdoc fo: %.1fx (goal: at least 10x)\n", (m > 0 ? f / m : 0) }'
    fi
  else
    echo "Apache FOP is not installed (apt-get install fop fonts-noto-cjk python3-fonttools): no ratio"
  fi
else
  echo "bench: xsltproc could not make the FO, so mkdoc fo and FOP were not timed:"
  sed 's/^/    /' "$B/xslt.log" | head -10
  status=1
fi
echo "goal: peak RSS under 200 MB for the ~300-page report (report: best ${report_best} s)"
exit $status
