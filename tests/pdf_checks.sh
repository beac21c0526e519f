#!/usr/bin/env bash
# Checks of the sample report's PDF as a print shop and a reader would make them:
# poppler's pdfinfo and pdffonts, and ../shared/tools/pdfcheck/pdfcheck.py.
# Ends with "pdf: N passed, N failed".
GROUP=pdf
. "$(dirname "$0")/lib.sh"

need pdfinfo pdffonts pdftotext qpdf xsltproc "$PYTHON" || { summary; exit 1; }
PDFCHECK=$SHARED/tools/pdfcheck/pdfcheck.py
check "pdfcheck is at $PDFCHECK (set MKDOC_SHARED)" test -f "$PDFCHECK"

pdf=$T/report-2022.pdf
(cd "$ROOT" && "$MKDOC" report 2022 --out "$T" --quiet) 2>"$T/err"
check "mkdoc report 2022 succeeds" test -s "$pdf" || { sed 's/^/    /' "$T/err"; summary; exit 1; }

# --- pdfinfo -------------------------------------------------------------------
pdfinfo -enc UTF-8 "$pdf" > "$T/info"
field() { sed -n "s/^$1: *//p" "$T/info"; }
size=$(field 'Page size')              # "595.276 x 841.89 pts (A4)"
w=$(echo "$size" | awk '{ print $1 }'); h=$(echo "$size" | awk '{ print $3 }')
check "page width 595.28 pt (got $w)" num_near "$w" 595.28 0.1
check "page height 841.89 pt (got $h)" num_near "$h" 841.89 0.1
distinct=$(pdfinfo -f 1 -l 9999 "$pdf" | sed -n 's/^Page *[0-9]* size: *//p' | sort -u | wc -l)
check "every page has the same size ($distinct sizes)" test "$distinct" -eq 1
pages=$(field Pages)
check "at least 16 pages (got $pages)" num_ge "${pages:-0}" 16
check "Title is set" test -n "$(field Title)"

# --- pdffonts: columns are name, type, encoding, emb, sub, uni, object, gen --------
pdffonts "$pdf" | tail -n +3 > "$T/fonts"
check "pdffonts lists fonts" test -s "$T/fonts"
not_emb=$(awk '$(NF-4) != "yes" { print $1 }' "$T/fonts" | xargs)
not_sub=$(awk '$(NF-3) != "yes" { print $1 }' "$T/fonts" | xargs)
no_uni=$(awk '$(NF-2) != "yes" { print $1 }' "$T/fonts" | xargs)
check "all fonts embedded (not: $not_emb)" test -z "$not_emb"
check "all fonts subset (not: $not_sub)" test -z "$not_sub"
check "all fonts have a ToUnicode map (not: $no_uni)" test -z "$no_uni"

# --- pdfcheck with the source text --------------------------------------------------
# Page numbers of cross-references exist only in the PDF: the text has a "#" for
# them, and each paragraph is cut there into two pieces that are matched apart.
(cd "$ROOT" && xsltproc styles/report-text.xsl docs/reports/2022.xml) 2>"$T/err" |
  sed 's/（#頁）/\n/g' > "$T/source.txt"
paras=$(awk 'length($0) > 20' "$T/source.txt" | wc -l)
check "report-text.xsl gives the source paragraphs ($paras)" test "$paras" -ge 20
"$PYTHON" "$PDFCHECK" "$pdf" --source "$T/source.txt" --json > "$T/check.json" 2>"$T/err"
check "pdfcheck reads the PDF" test -s "$T/check.json"
"$PYTHON" "$PDFCHECK" "$pdf" --source "$T/source.txt" > "$T/check.txt" 2>&1
# jget KEY.KEY...: one value of this PDF's pdfcheck JSON (lib.sh's jget).
pdf_jget() { jget "$T/check.json" "$1"; }
ks=$(pdf_jget kinsoku.start); ke=$(pdf_jget kinsoku.end)
check "kinsoku_line_start 0 (got $ks)" test "$ks" = 0
check "kinsoku_line_end 0 (got $ke)" test "$ke" = 0
outline=$(pdf_jget outline_entries)
check "outline present ($outline entries)" num_ge "${outline:-0}" 1
li=$(pdf_jget links.internal); lu=$(pdf_jget links.uri)
check "internal links present (got $li)" num_ge "${li:-0}" 1
check "URI links present (got $lu)" num_ge "${lu:-0}" 1
nd=$(pdf_jget tofu.notdef)
check "no .notdef glyphs (got $nd)" test "$nd" = 0
n=$(pdf_jget text.source.paragraphs); found=$(pdf_jget text.source.found)
check "every source paragraph is in the PDF ($found of $n)" test -n "$n" -a "$n" = "$found" -a "${n:-0}" -gt 0
if [ "$failed" -gt 0 ]; then
  echo "pdfcheck said:"; sed 's/^/    /' "$T/check.txt"
fi

summary
