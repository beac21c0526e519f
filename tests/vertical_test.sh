#!/usr/bin/env bash
# The vertical-writing showcase (docs/samples/jlreq-vertical.fo): it builds
# without a warning, has its three A5 pages with fonts embedded and no
# .notdef glyph, asks viewers for right-to-left page progression (JLREQ
# 2.3.2, VT-1), and its text reads in order. From the trace
# (tests/vertical_check.py): tb-rl bodies with horizontal running heads
# and folios, tiers, lines right to left, kinsoku on every line, upright
# CJK and sideways Latin, 縦中横 units, a horizontal table box, ruby and
# emphasis dots right of their characters (jukugo ruby by JLREQ Appendix F).
# Folios stand on the outside edge of
# facing pages: odd (left-hand) pages at the left, even at the right.
# Ends with "vertical: N passed, N failed".
GROUP=vertical
. "$(dirname "$0")/lib.sh"

need pdfinfo pdffonts pdftotext "$PYTHON" || { summary; exit 1; }
PDFCHECK=$SHARED/tools/pdfcheck/pdfcheck.py
check "pdfcheck is at $PDFCHECK (set MKDOC_SHARED)" test -f "$PDFCHECK"
fo=$ROOT/docs/samples/jlreq-vertical.fo
pdf=$T/vertical.pdf

"$MKDOC" fo "$fo" -o "$pdf" --trace >"$T/out" 2>"$T/err"
check "mkdoc fo jlreq-vertical.fo succeeds" test -s "$pdf" || { sed 's/^/    /' "$T/err"; summary; exit 1; }
check "no warnings at all" test -z "$(grep -E 'warning|error' "$T/err")" ||
  sed 's/^/    /' "$T/err"

pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
check "three pages (got $pages)" test "$pages" = 3
size=$(pdfinfo "$pdf" | sed -n 's/^Page size: *//p')
check "A5 ($size)" test "$(echo "$size" | awk '{ print $1 "x" $3 }')" = "420x595"

# JLREQ 2.3.2: the catalog's viewer preferences say the pages run right to left
check "the catalog has /Direction /R2L" grep -aq '/ViewerPreferences << [^>]*/Direction /R2L' "$pdf"

pdffonts "$pdf" > "$T/fonts"
check "all fonts embedded" test -z "$(awk 'NR > 2 && $(NF-4) != "yes"' "$T/fonts")"
"$PYTHON" "$PDFCHECK" "$pdf" --json > "$T/check.json" 2>"$T/err"
nd=$("$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))["tofu"]["notdef"])' "$T/check.json" 2>/dev/null)
check "no .notdef glyphs (got $nd)" test "$nd" = 0

# Folios on the outside edge: left on odd (left-hand) pages, right on even.
folio_i() { awk -v p="$1" '/^page /{n++} n==p && /region after/{a=1} a && /glyphs/{sub(/.* i=/,""); sub(/ .*/,""); print; exit}' "$T/vertical.trace"; }
check "page 1's folio is at the left edge ($(folio_i 1))" test "$(folio_i 1)" -lt 20480
check "page 2's folio is at the right edge ($(folio_i 2))" test "$(folio_i 2)" -gt 327680

pdftotext -enc UTF-8 -raw "$pdf" "$T/raw.txt"
run_checks() {
  "$PYTHON" "$ROOT/tests/vertical_check.py" "$1" "$fo" "$2" "$T/vertical.trace" > "$T/res" 2>&1 ||
    { fail "vertical_check.py $1 failed"; sed 's/^/    /' "$T/res"; return; }
  while IFS= read -r line; do
    case $line in
      pass\ *) pass ;;
      fail\ *) fail "${line#fail }" ;;
      *) fail "vertical_check.py said: $line" ;;
    esac
  done < "$T/res"
}
run_checks text "$T/raw.txt"
run_checks trace "$T/vertical.trace"
summary
