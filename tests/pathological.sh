#!/usr/bin/env bash
# Pathological inputs (issue 4): every one must terminate, inside a generous
# hang guard, with the expected exit code and a message matching a pattern
# (FILE:LINE:COL where there is one), and leave a PDF exactly when it should. A
# failed run must leave the previous PDF unchanged and no temporary file.
# A crash (signal, sanitizer report) or exit 3 is always a failure.
# The inputs are written at test time by tests/pathological/gen.py, which
# says what each one is; the expected outcomes are the case lines below.
# The fallbacks for content that can never fit are described in docs/limits.md.
# Ends with "pathological: N passed, N failed".
GROUP=pathological
. "$(dirname "$0")/lib.sh"
cd "$T"
HANG=${MKDOC_HANG_GUARD:-60}   # seconds; a hang guard, not a speed target

if [ ! -x "$MKDOC" ]; then
  fail "$MKDOC is missing (run make)"; summary; exit 1
fi
need pdfinfo timeout || { summary; exit 1; }
"$PYTHON" "$ROOT/tests/pathological/gen.py" "$T" || { fail "gen.py failed"; summary; exit 1; }

pdf_pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }

# A good PDF that failed runs must leave alone.
"$MKDOC" fo good.fo -o good.pdf --quiet || fail "cannot make the reference PDF good.pdf"

# run_mkdoc WANT NAME ARGS...: runs mkdoc under the hang guard, stdout and
# stderr in $T/out and $T/err; checks the exit code and that it did not crash.
run_mkdoc() {
  local want=$1 name=$2 got; shift 2
  timeout -k 5 "$HANG" "$MKDOC" "$@" >"$T/out" 2>"$T/err"; got=$?
  if [ $got -eq 124 ] || [ $got -eq 137 ]; then
    fail "$name: still running after ${HANG}s (hang guard)"; return 1
  fi
  if [ $got -gt 3 ] || grep -qE 'AddressSanitizer|LeakSanitizer|runtime error:|Assertion .* failed' "$T/err"; then
    fail "$name: crashed (exit $got)"; sed -n '1,8s/^/    /p' "$T/err"; return 1
  fi
  if [ $got -ne "$want" ]; then
    fail "$name: exit $got, want $want"; sed -n '1,5s/^/    /p' "$T/err"; return 1
  fi
  pass
}

# fo_case NAME EXIT PATTERN [MKDOC OPTIONS...]: formats NAME.fo to out-NAME.pdf.
# EXIT 0: a PDF with at least one page is written. Otherwise a previous good
# PDF is in place before the run and must be unchanged after it, with no
# temporary file left. PATTERN (grep -E) must match stderr; '' = no check.
fo_case() {
  local name=$1 want=$2 pattern=$3; shift 3
  local out=out-$name.pdf
  if [ "$want" -eq 0 ]; then rm -f "$out"; else cp good.pdf "$out"; fi
  run_mkdoc "$want" "$name" fo "$name.fo" -o "$out" "$@" || return 1
  if [ -n "$pattern" ]; then
    check "$name: stderr matches /$pattern/" grep -qE -e "$pattern" "$T/err" ||
      sed -n '1,5s/^/    /p' "$T/err"
  fi
  if [ "$want" -eq 0 ]; then
    check "$name: writes a PDF" test "$(pdf_pages "$out")" -ge 1 2>/dev/null
  else
    check "$name: the previous PDF is unchanged" cmp -s good.pdf "$out"
  fi
  check "$name: no temporary file left" test -z "$(ls -A | grep -F "$out." )"
}

# --- text that cannot break: overfull lines, a warning ---------------------------
# (FILE:LINE:COL of the paragraph's fo:block)
over='warning: .*wider than the column'
fo_case nobreak-latin 0 "^nobreak-latin\\.fo:10:7: $over"
fo_case nobreak-ja 0 "^nobreak-ja\\.fo:10:7: $over"
fo_case word-wider-than-column 0 "^word-wider-than-column\\.fo:10:40: $over"

# --- big and deep --------------------------------------------------------------
fo_case table-10000 0 ''
check "table-10000: all rows laid out (got $(pdf_pages out-table-10000.pdf) pages)" \
  test "$(pdf_pages out-table-10000.pdf)" -ge 100
fo_case deep-10000 1 '^deep-10000\.fo:[0-9]+:[0-9]+: error: .*nested more than'
fo_case deep-200 0 ''
fo_case attr-1mb 0 ''
fo_case attr-1mb-length 0 "^attr-1mb-length\\.fo:10:17: warning: invalid value '1{20}.*\\.\\.\\.' for 'space-before'"
check "attr-1mb-length: the 1 MB value is not echoed whole" test "$(wc -c < "$T/err")" -lt 2000
# the same in source XML, through the source stage (inputs of test_source.c)
run_mkdoc 1 "source nested 10,000 deep" check "$ROOT/tests/hostile/deep-10000.xml"
check "source nested 10,000 deep: FILE:LINE:COL: error" \
  grep -qE 'deep-10000\.xml:[0-9]+:[0-9]+: error: .*nested' "$T/err"
run_mkdoc 1 "source with a 1 MB attribute" check source-attr-1mb.xml
check "source with a 1 MB attribute: FILE:LINE: error" \
  grep -qE '^source-attr-1mb\.xml:[0-9]+(:[0-9]+)?: error: ' "$T/err"

# an image path that climbs out, in the user's source XML: refused, and the
# message points at the <image> element of the source, through the stylesheet
cp -r "$ROOT/docs/reports" rep
sed '28s|<image src="images/migrants-day.jpg"|<image src="../../../../../../../../etc/passwd"|' \
  rep/2022.xml > rep/traversal.xml
rm -f rep/traversal.pdf
run_mkdoc 1 "source image traversal" fo rep/traversal.xml -o rep/traversal.pdf
check "source image traversal: refused at the source's FILE:LINE:COL" \
  grep -qE "^rep/traversal\.xml:28:5: error: '(\.\./)+etc/passwd' is outside the folders mkdoc may read" "$T/err"
check "source image traversal: nothing of /etc/passwd in the message" sh -c '! grep -q "root:" "$1"' sh "$T/err"
check "source image traversal: no PDF" test ! -e rep/traversal.pdf

# --- bytes that are not XML ------------------------------------------------------
fo_case bad-utf8 1 '^bad-utf8\.fo:11:[0-9]+: error: .*UTF-8'
fo_case nul-byte 1 '^nul-byte\.fo:10:[0-9]+: error: .*(NUL|0x0)'
fo_case empty 1 '^empty\.fo: error: the file is empty'
fo_case no-sequence 1 '^no-sequence\.fo:1:1: error: .*no fo:page-sequence'
for f in bad-utf8 nul-byte empty; do
  run_mkdoc 1 "source $f.xml" check "$ROOT/tests/hostile/$f.xml"
  check "source $f.xml: FILE: error" grep -qE "$f\\.xml(:[0-9]+)*: error: " "$T/err"
done

# --- absurd geometry: warnings, the initial or inherited value -----------------
# inv NAME VALUE PROPERTY LINE:COL (of the attribute)
inv() { echo "^$1\\.fo:$4: warning: invalid value '$2' for '$3'"; }
fo_case zero-page 0 "$(inv zero-page 0pt page-width 4:44)"
fo_case negative-page 0 "$(inv negative-page -5cm page-width 4:44)"
fo_case huge-font 0 "$(inv huge-font 1e9pt font-size 9:74)"
fo_case huge-font-number 0 "$(inv huge-font-number 1000000000pt font-size 9:74)"
fo_case huge-margin 0 "$(inv huge-margin 100km margin 5:23)"
fo_case huge-margin-mm 1 '^huge-margin-mm\.fo:8:3: error: .*region-body has no width'
fo_case huge-page 0 "$(inv huge-page 1e9pt page-width 4:44)"
fo_case huge-page-in 0 ''
fo_case negative-lengths 0 "$(inv negative-lengths -3pt font-size 10:76)"

# --- content that can never fit: placed by a fallback, with a warning -----------
fo_case image-larger-than-page 0 '^image-larger-than-page\.fo:10:18: warning: the image is 3000\.0pt wide .* scaled down'
fo_case image-block-taller 0 '^image-block-taller\.fo:10:7: warning: this content is [0-9.]+pt tall but the page body holds'
fo_case keep-together-long 0 '^keep-together-long\.fo:21:9: warning: content kept together is taller than the page'
fo_case keep-with-next-chain 0 '^keep-with-next-chain\.fo:20:7: warning: content kept together is taller than the page'
# a row taller than the page breaks between the lines of its cells (table_split.c)
fo_case row-taller-than-body 0 ''
check "row-taller-than-body: no warning" test -z "$(grep warning "$T/err")"
check "row-taller-than-body: every paragraph of the cell and the other cell in the PDF" \
  test "$(pdftotext out-row-taller-than-body.pdf - | grep -oE '[0-9]+ 移住者' | sort -u | wc -l)" -eq 120 -a \
       "$(pdftotext out-row-taller-than-body.pdf - | grep -c '右')" -eq 1
check "row-taller-than-body: on several pages (got $(pdf_pages out-row-taller-than-body.pdf))" \
  test "$(pdf_pages out-row-taller-than-body.pdf)" -ge 10
fo_case row-kept-taller-than-body 0 '^row-kept-taller-than-body\.fo:10:32: warning: this content is [0-9.]+pt tall but the page body holds [0-9.]+pt; it is placed anyway and runs off the page'
check "row-kept-taller-than-body: one page" test "$(pdf_pages out-row-kept-taller-than-body.pdf)" -eq 1
fo_case row-line-taller-than-body 0 '^row-line-taller-than-body\.fo:10:32: warning: this content is [0-9.]+pt tall but the page body holds [0-9.]+pt; it is placed anyway and runs off the page'
check "row-line-taller-than-body: three pages" test "$(pdf_pages out-row-line-taller-than-body.pdf)" -eq 3
fo_case row-tall-line-beside-lines 0 '^row-tall-line-beside-lines\.fo:10:32: warning: this content is [0-9.]+pt tall but the page body holds'
check "row-tall-line-beside-lines: four pages (got $(pdf_pages out-row-tall-line-beside-lines.pdf))" \
  test "$(pdf_pages out-row-tall-line-beside-lines.pdf)" -eq 4
check "row-tall-line-beside-lines: the 60 lines beside, each once" \
  test "$(pdftotext out-row-tall-line-beside-lines.pdf - | tr -d ' ' | grep -oE '行[0-9]+' | sort | uniq -c | awk '$1 == 1' | wc -l)" -eq 60
fo_case footnote-longer-than-page 0 '^footnote-longer-than-page\.fo:10:7: warning: the footnote cited here is [0-9.]+pt tall and does not fit on the page with its citation; it is placed below the text and runs off the page'
# span="all", balancing and the line grid (docs/limits.md)
fo_case span-taller-than-page 0 '^span-taller-than-page\.fo:11:7: warning: this content is [0-9.]+pt tall but the page body holds 260\.0pt'
fo_case span-keep-long 0 '^span-keep-long\.fo:21:9: warning: content kept together is taller than the page'
fo_case columns-cannot-balance 0 ''
fo_case grid-pitch-zero 0 "^grid-pitch-zero\.fo:9:5: warning: the line grid's pitch \(the line-height, 0\.00pt\) is below 1pt"
fo_case grid-pitch-huge 0 "^grid-pitch-huge\.fo:9:5: warning: the line grid's pitch \(the line-height, 5000\.0pt\) is taller than the page body"

# --- images that cannot be had: an error naming file and line; no PDF ---------
fo_case image-missing 1 "^image-missing\\.fo:11:18: error: .*'no-such-image\\.png'"
fo_case image-corrupt 1 "^image-corrupt\\.fo:11:18: error: .*corrupt\\.png'? is corrupt"
fo_case image-bomb 1 "^image-bomb\\.fo:10:18: error: .*bomb\\.png.* 50000 x 50000 pixels, more than"
rm -f fresh.pdf
run_mkdoc 1 "image-missing without a previous PDF" fo image-missing.fo -o fresh.pdf
check "image-missing: no PDF is written" test ! -e fresh.pdf
# --keep-going: a warning, and a placeholder box where the image would be
for f in image-missing image-corrupt; do
  fo_case "$f" 0 "^$f\\.fo:11:18: warning: .*placeholder" --keep-going --trace
  check "$f --keep-going: a placeholder block in the trace" \
    grep -qE '^ +block fo=external-graphic .*border' "out-$f.trace"
done
# path traversal and absolute paths outside the document's folder: refused
fo_case image-traversal 1 "^image-traversal\\.fo:10:18: error: '(\\.\\./)+etc/passwd' is outside the folders mkdoc may read"
fo_case image-absolute 1 "^image-absolute\\.fo:10:18: error: '/etc/passwd' is outside the folders mkdoc may read"
check "image-absolute: nothing of /etc/passwd in the message" sh -c '! grep -q "root:" "$1"' sh "$T/err"

# --- runaway documents -----------------------------------------------------------
fo_case twenty-pages 1 '^twenty-pages\.fo:8:3: error: the document passed 5 pages' --max-pages 5
rm -f fresh.pdf
run_mkdoc 1 "--max-pages without a previous PDF" fo twenty-pages.fo -o fresh.pdf --max-pages 5
check "--max-pages: no PDF is written" test ! -e fresh.pdf
fo_case twenty-pages 0 '' --max-pages 20

# an output that cannot be written: a clear error, not a crash
run_mkdoc 1 "output in a missing folder" fo good.fo -o "$T/no-such-dir/x.pdf" --trace
check "output in a missing folder: the message names it" grep -q 'no-such-dir/x\.pdf' "$T/err"

# --- runs: the sample report is reproducible; parallel runs do not interfere -----
# (cli_test.sh checks byte-identical PDFs of a small FO; here the whole report.)
# A private project: docs/reports/2022.xml and a 2023.xml that differs, with the
# images they use; styles and fonts come from the build's project root.
mkdir -p proj/docs/reports
cp -R "$ROOT/docs/reports/images" proj/docs/reports/ 2>/dev/null
cp "$ROOT/docs/reports/2022.xml" proj/docs/reports/2022.xml
sed 's/2022/2023/g' "$ROOT/docs/reports/2022.xml" > proj/docs/reports/2023.xml
report() { (cd proj && timeout -k 5 "$HANG" "$MKDOC" report "$@" --quiet); }
SOURCE_DATE_EPOCH=1700000000 report 2022 --out run1 && SOURCE_DATE_EPOCH=1700000000 report 2022 --out run2
check "report 2022: two runs give byte-identical PDFs (SOURCE_DATE_EPOCH=1700000000)" \
  cmp -s proj/run1/report-2022.pdf proj/run2/report-2022.pdf
(cd proj && env -u SOURCE_DATE_EPOCH "$MKDOC" report 2022 --out run3 --quiet && \
  env -u SOURCE_DATE_EPOCH "$MKDOC" report 2022 --out run4 --quiet)
check "report 2022: two runs give byte-identical PDFs (SOURCE_DATE_EPOCH unset)" \
  cmp -s proj/run3/report-2022.pdf proj/run4/report-2022.pdf
check "report 2022: SOURCE_DATE_EPOCH=1700000000 is the PDF's creation date" \
  sh -c 'TZ=UTC pdfinfo -isodates "$1" | grep -q "^CreationDate: *2023-11-14T22:13:20Z"' sh proj/run1/report-2022.pdf
check "report 2022: without SOURCE_DATE_EPOCH the date is fixed (2000-01-01)" \
  sh -c 'TZ=UTC pdfinfo -isodates "$1" | grep -q "^CreationDate: *2000-01-01T00:00:00Z"' sh proj/run3/report-2022.pdf
# Two documents built into one folder at the same time, as make -j does; each
# result must equal the same document built alone. And the same document twice
# at once: both runs succeed and leave one complete PDF.
export SOURCE_DATE_EPOCH=1700000000
report 2023 --out alone >/dev/null 2>&1
report 2022 --out par >"$T/par1.err" 2>&1 & p1=$!
report 2023 --out par >"$T/par2.err" 2>&1 & p2=$!
wait $p1; s1=$?; wait $p2; s2=$?
check "parallel runs: report 2022 and 2023 both succeed (exit $s1, $s2)" test $s1 -eq 0 -a $s2 -eq 0
check "parallel runs: report-2022.pdf equals the one built alone" \
  cmp -s proj/run1/report-2022.pdf proj/par/report-2022.pdf
check "parallel runs: report-2023.pdf equals the one built alone" \
  cmp -s proj/alone/report-2023.pdf proj/par/report-2023.pdf
report 2022 --out same >/dev/null 2>&1 & p1=$!
report 2022 --out same >/dev/null 2>&1 & p2=$!
wait $p1; s1=$?; wait $p2; s2=$?
check "parallel runs of one document: both succeed (exit $s1, $s2)" test $s1 -eq 0 -a $s2 -eq 0
check "parallel runs of one document: the PDF is complete" \
  cmp -s proj/run1/report-2022.pdf proj/same/report-2022.pdf
check "parallel runs: no temporary file left" \
  test "$(ls -A proj/par proj/same | grep -c tmp)" -eq 0
unset SOURCE_DATE_EPOCH

# --- crash inputs found by fuzzing, replayed: any clean exit, never a crash ------
for f in "$ROOT"/tests/fuzz/regressions/fo-*; do
  [ -e "$f" ] || continue
  cp "$f" "$T/regression.fo"
  timeout -k 5 "$HANG" "$MKDOC" fo "$T/regression.fo" -o "$T/regression.pdf" --max-pages 50 \
    >"$T/out" 2>"$T/err"; got=$?
  check "regression $(basename "$f"): exit 0 or 1, got $got" test $got -le 1 &&
    check "regression $(basename "$f"): no sanitizer report" \
      sh -c '! grep -qE "AddressSanitizer|runtime error:" "$1"' sh "$T/err"
done

summary
