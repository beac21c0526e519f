#!/usr/bin/env bash
# Japanese line composition measured on the PDF, as a reader sees it:
# docs/samples/jlreq-showcase.fo is built and ../shared/tools/pdfcheck reads it
# (JLREQ 3.1.7/3.1.8 kinsoku, 3.2.6 Japanese–Latin space, 3.8 justified right
# edge, source text intact), the 2022 report gets the same figures, and
# pdftotext shows that punctuation spacing added no characters to the text.
# Ends with "jlreq: N passed, N failed".
GROUP=jlreq
. "$(dirname "$0")/lib.sh"

need pdftotext qpdf "$PYTHON" || { summary; exit 1; }
PDFCHECK=$SHARED/tools/pdfcheck/pdfcheck.py
check "pdfcheck is at $PDFCHECK (set MKDOC_SHARED)" test -f "$PDFCHECK" || { summary; exit 1; }

# The text of every block of the flow, one paragraph a line: pdfcheck's source.
fo_paragraphs() {
  "$PYTHON" - "$1" <<'PY'
import sys
import xml.etree.ElementTree as ET
FO = "{http://www.w3.org/1999/XSL/Format}"
AXF = "{http://www.antennahouse.com/names/XSL/Extensions}"
def text(e):  # the block's text without its ruby (axf:ruby-text)
    if e.tag == AXF + "ruby-text":
        return e.tail or ""
    return (e.text or "") + "".join(text(c) for c in e) + (e.tail or "")
for flow in ET.parse(sys.argv[1]).getroot().iter(FO + "flow"):
    for b in flow.iter(FO + "block"):
        print(((b.text or "") + "".join(text(c) for c in b)).strip())
PY
}

# measure NAME PDF SOURCE: pdfcheck's figures of one PDF, checked.
measure() {
  local name=$1 pdf=$2 src=$3 json=$T/$1.json
  "$PYTHON" "$PDFCHECK" "$pdf" --source "$src" --json > "$json" 2>"$T/err"
  check "$name: pdfcheck reads the PDF" test -s "$json" || return
  "$PYTHON" "$PDFCHECK" "$pdf" --source "$src" > "$T/$name.txt" 2>&1
  local ks ke gap p95 n found fffd nd failed0=$failed
  ks=$(jget "$json" kinsoku.start); ke=$(jget "$json" kinsoku.end)
  check "$name: no line starts with a JLREQ 3.1.7 character (got $ks)" test "$ks" = 0
  check "$name: no line ends with an opening bracket, 3.1.8 (got $ke)" test "$ke" = 0
  gap=$(jget "$json" ja_latin_gap.median_em)
  check "$name: median Japanese–Latin gap 0.20–0.30 em, 3.2.6 (got $gap)" \
    awk -v g="$gap" 'BEGIN { exit !(g != "" && g >= 0.20 && g <= 0.30) }'
  p95=$(jget "$json" justification.p95_abs_pt)
  check "$name: justified right edge, 95th percentile |dev| < 0.1 pt, 3.8 (got $p95)" \
    awk -v p="$p95" 'BEGIN { exit !(p != "" && p < 0.1) }'
  n=$(jget "$json" text.source.paragraphs); found=$(jget "$json" text.source.found)
  check "$name: every source paragraph is in the PDF text ($found of $n)" \
    test -n "$n" -a "$n" = "$found" -a "${n:-0}" -gt 0
  fffd=$(jget "$json" text.replacement_chars); nd=$(jget "$json" tofu.notdef)
  check "$name: no U+FFFD in the text, no .notdef glyphs ($fffd, $nd)" test "$fffd" = 0 -a "$nd" = 0
  [ "$failed" -eq "$failed0" ] || { echo "pdfcheck said about $name:"; sed 's/^/    /' "$T/$name.txt"; }
}

# --- the showcase ----------------------------------------------------------------
show=$ROOT/docs/samples/jlreq-showcase.fo
"$MKDOC" fo "$show" -o "$T/showcase.pdf" --trace --quiet 2>"$T/err"
check "mkdoc builds docs/samples/jlreq-showcase.fo" test -s "$T/showcase.pdf" ||
  { sed 's/^/    /' "$T/err"; summary; exit 1; }
check "the showcase builds without warnings" test ! -s "$T/err" || sed 's/^/    /' "$T/err"
fo_paragraphs "$show" > "$T/showcase.txt"
measure showcase "$T/showcase.pdf" "$T/showcase.txt"
# hanging punctuation is on in one paragraph: at least one 、。 hangs there
hang=$(jget "$T/showcase.json" justification.hanging_punct_lines)
check "showcase: the allow-end paragraph hangs a comma or full stop (got $hang)" num_ge "${hang:-0}" 1

# --- the 2022 report ---------------------------------------------------------------
(cd "$ROOT" && "$MKDOC" report 2022 --out "$T" --quiet) 2>"$T/err"
if check "mkdoc report 2022 succeeds" test -s "$T/report-2022.pdf"; then
  (cd "$ROOT" && xsltproc styles/report-text.xsl docs/reports/2022.xml) 2>/dev/null |
    sed 's/（#頁）/\n/g' > "$T/report.txt"
  measure report "$T/report-2022.pdf" "$T/report.txt"
fi

# --- spacing is positions only: the text layer is the source text ------------------
cat > "$T/copy.fo" <<'EOF'
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" xml:lang="ja">
  <fo:layout-master-set>
    <fo:simple-page-master master-name="p" page-width="300pt" page-height="100pt">
      <fo:region-body margin="20pt"/>
    </fo:simple-page-master>
  </fo:layout-master-set>
  <fo:page-sequence master-reference="p">
    <fo:flow flow-name="xsl-region-body" font-family="Noto Serif CJK JP" font-size="10pt">
      <fo:block>「あ」「い」、（う）。え・お」、か。「き</fo:block>
    </fo:flow>
  </fo:page-sequence>
</fo:root>
EOF
"$MKDOC" fo "$T/copy.fo" -o "$T/copy.pdf" --quiet 2>"$T/err"
# (pdftotext's reading order, as a viewer's copy-paste; -raw, which follows the
# content stream and starts a new line wherever a glyph's full-width advance box
# overlaps the one before, splits 」「 and the like.)
got=$(pdftotext "$T/copy.pdf" - 2>/dev/null | tr -d '\f' | sed '/^$/d')
check "pdftotext gives the source text, no spaces added (got '$got')" \
  test "$got" = "「あ」「い」、（う）。え・お」、か。「き"

summary
