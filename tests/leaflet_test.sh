#!/usr/bin/env bash
# The multilingual leaflet (docs/samples/leaflet.fo): it builds without a
# warning about missing characters, every glyph has a font (.notdef 0 in
# pdfcheck), each language's paragraph is in the PDF's text, and Thai and
# Burmese paragraphs break inside space-free text at cluster boundaries
# (from the trace), and the Arabic sentence inside Japanese is in logical
# order in the text and set right to left (UAX #9 L2: its glyph runs in
# the trace). Ends with "leaflet: N passed, N failed".
GROUP=leaflet
. "$(dirname "$0")/lib.sh"

need pdfinfo pdffonts pdftotext qpdf "$PYTHON" || { summary; exit 1; }
PDFCHECK=$SHARED/tools/pdfcheck/pdfcheck.py
check "pdfcheck is at $PDFCHECK (set MKDOC_SHARED)" test -f "$PDFCHECK"
fo=$ROOT/docs/samples/leaflet.fo
pdf=$T/leaflet.pdf

"$MKDOC" fo "$fo" -o "$pdf" --trace >"$T/out" 2>"$T/err"
check "mkdoc fo leaflet.fo succeeds" test -s "$pdf" || { sed 's/^/    /' "$T/err"; summary; exit 1; }
check "no warning about characters without a font" \
  test -z "$(grep -E 'no font can draw|U\+[0-9A-F]{4}' "$T/err")" ||
  sed 's/^/    /' "$T/err"
check "no warnings at all" test -z "$(grep -E 'warning|error' "$T/err")" ||
  sed 's/^/    /' "$T/err"

pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
check "two pages (got $pages)" test "$pages" = 2
size=$(pdfinfo "$pdf" | sed -n 's/^Page size: *//p')
check "A4 ($size)" num_near "$(echo "$size" | awk '{ print $1 }')" 595.28 0.1

# Each language's face: the regional Noto CJK faces, and the script faces.
pdffonts "$pdf" > "$T/fonts"
for face in NotoSansCJKjp NotoSansCJKkr NotoSansCJKsc NotoSansCJKtc NotoSansThai \
            NotoSansMyanmar NotoSansDevanagari NotoSansArabic; do
  check "the PDF uses $face" grep -q "+$face-" "$T/fonts"
done

"$PYTHON" "$PDFCHECK" "$pdf" --json > "$T/check.json" 2>"$T/err"
nd=$("$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))["tofu"]["notdef"])' "$T/check.json" 2>/dev/null)
check "no .notdef glyphs (got $nd)" test "$nd" = 0

# The text, column by column: the two columns' lines sit at the same heights,
# so pdftotext would interleave them. In points: the columns start 16 mm
# (45 pt) and 16 mm + 85.04 mm + 8 mm (309 pt) from the left; the crop
# leaves out the running header and footer, which sit across both columns.
: > "$T/columns.txt"
for p in 1 2; do
  for x in 40 300; do
    pdftotext -enc UTF-8 -f $p -l $p -x $x -y 62 -W 255 -H 710 "$pdf" - >> "$T/columns.txt"
  done
done

# run_checks KIND FILE: counts the helper's "pass"/"fail" lines; "todo"
# lines (known gaps) are shown but not counted.
run_checks() {
  "$PYTHON" "$ROOT/tests/leaflet_check.py" "$1" "$fo" "$2" > "$T/res" 2>&1 ||
    { fail "leaflet_check.py $1 failed"; sed 's/^/    /' "$T/res"; return; }
  while IFS= read -r line; do
    case $line in
      pass\ *) pass ;;
      fail\ *) fail "${line#fail }" ;;
      todo\ *) echo "TODO $GROUP: ${line#todo }" ;;
      *) fail "leaflet_check.py said: $line" ;;
    esac
  done < "$T/res"
}
run_checks text "$T/columns.txt"
run_checks lines "$T/leaflet.trace"
summary
