#!/usr/bin/env bash
# FO that mkdoc has never seen: three DocBook 5 documents (tests/docbook/:
# a Japanese guide, an English note, a Japanese/Korean/Vietnamese leaflet)
# are turned into FO by Debian's docbook-xsl, as a user of those stylesheets
# would, and formatted. Checks: no error and only the expected warnings,
# page counts, the PDF title from the FO's XMP metadata, outline entries,
# internal links that resolve, the text of each language, tables inside
# their indented bodies, and pdfcheck's kinsoku and .notdef counts.
# Ends with "docbook: N passed, N failed".
GROUP=docbook
. "$(dirname "$0")/lib.sh"

need xsltproc pdfinfo pdftotext qpdf "$PYTHON" || { summary; exit 1; }
DB=${DOCBOOK_XSL:-/usr/share/xml/docbook/stylesheet/docbook-xsl/fo/docbook.xsl}
check "docbook-xsl is installed ($DB; see scripts/packages.txt)" test -f "$DB" ||
  { summary; exit 1; }
PDFCHECK=$SHARED/tools/pdfcheck/pdfcheck.py
check "pdfcheck is at $PDFCHECK (set MKDOC_SHARED)" test -f "$PDFCHECK"
SRC=$ROOT/tests/docbook
cp "$SRC/figure.png" "$T/"

# fo NAME SOURCE PARAM...: DocBook source -> $T/NAME.fo (run in the source's
# folder, so that image paths stay relative)
fo() {
  local name=$1 src=$2; shift 2
  (cd "$SRC" && xsltproc --nonet --stringparam paper.type A4 "$@" -o "$T/$name.fo" \
     "$DB" "$src") >"$T/xslt.err" 2>&1
  check "xsltproc makes $name.fo from $src" test -s "$T/$name.fo" ||
    sed -n '1,5s/^/    /p' "$T/xslt.err"
}
# run NAME: formats $T/NAME.fo with a trace; stderr in $T/NAME.err
run() {
  "$MKDOC" fo "$T/$1.fo" -o "$T/$1.pdf" --trace >/dev/null 2>"$T/$1.err"
  check "mkdoc formats $1.fo (exit 0)" test $? -eq 0 -a -s "$T/$1.pdf" ||
    sed -n '1,5s/^/    /p' "$T/$1.err"
}
quiet() { ! grep -qE 'warning|error' "$T/$1.err"; }
pages() { pdfinfo "$1" | sed -n 's/^Pages: *//p'; }
has_text() { pdftotext -enc UTF-8 "$1" - | tr -d ' \n' | grep -qF "$(echo "$2" | tr -d ' ')"; }
json() { "$PYTHON" -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$@"; }
helper() {
  "$PYTHON" "$ROOT/tests/docbook_check.py" "$1" "$2" > "$T/res" 2>&1 ||
    { fail "docbook_check.py $1 $2 failed"; sed 's/^/    /' "$T/res"; return; }
  while IFS= read -r line; do
    case $line in
      pass\ *) pass ;;
      *) fail "${line#fail }" ;;
    esac
  done < "$T/res"
}
# quality NAME: pdfcheck's kinsoku and .notdef counts are 0
quality() {
  "$PYTHON" "$PDFCHECK" "$T/$1.pdf" --json > "$T/$1.json" 2>/dev/null
  local ks ke nd
  ks=$(json "$T/$1.json" 'd["kinsoku"]["start"]'); ke=$(json "$T/$1.json" 'd["kinsoku"]["end"]')
  nd=$(json "$T/$1.json" 'd["tofu"]["notdef"]')
  check "$1: no line starts with a no-start character (got $ks)" test "$ks" = 0
  check "$1: no line ends with an opening bracket (got $ke)" test "$ke" = 0
  check "$1: no .notdef glyphs (got $nd)" test "$nd" = 0
}

# --- the Japanese guide, with Noto fonts and FOP's extensions (XMP metadata,
# fox:destination), as a Japanese DocBook user would ask for
fo ja guide-ja.xml --stringparam body.font.family "Noto Serif CJK JP" \
  --stringparam title.font.family "Noto Sans CJK JP" \
  --stringparam monospace.font.family "Noto Sans Mono CJK JP" --stringparam fop1.extensions 1
run ja
check "ja: no warning (fox:destination passes, the XMP packet is read)" quiet ja ||
  sed 's/^/    /' "$T/ja.err"
n=$(pages "$T/ja.pdf")
check "ja: 8 to 10 pages (got $n)" test "$n" -ge 8 -a "$n" -le 10
check "ja: the PDF's title comes from the XMP packet" \
  sh -c "pdfinfo '$T/ja.pdf' | grep -q '^Title: *相談窓口ボランティアの手引き - はじめて'"
check "ja: the PDF's author comes from the XMP packet" \
  sh -c "pdfinfo '$T/ja.pdf' | grep -q '^Author: *移住者支援ネットワーク 事務局'"
for t in 相談窓口ボランティアの手引き やさしい日本語で話す 協力弁護士（労働事件） 居住支援法人（都内3団体） \
         case_id: 2026-04-12 医療通訳の派遣窓口 "在留資格にかかわらず利用できます"; do
  check "ja: the text has '$t'" has_text "$T/ja.pdf" "$t"
done
helper links "$T/ja.pdf"
helper tables "$T/ja.trace"
quality ja
oe=$(json "$T/ja.json" 'd["outline_entries"]')
check "ja: 10 outline entries (got $oe)" test "$oe" = 10

# --- the same guide with DocBook's default fonts (serif, sans-serif,
# monospace, Symbol, ZapfDingbats): Japanese must still find its fonts
fo ja-default guide-ja.xml
run ja-default
check "ja-default: no warning" quiet ja-default || sed 's/^/    /' "$T/ja-default.err"
quality ja-default

# --- the English note: default fonts, double-sided, an index, a procedure,
# a sidebar, a table with spans and a footnote, a bibliography
fo en guide-en.xml --stringparam double.sided 1
run en
check "en: one warning, that hyphenate=\"true\" is not implemented" \
  test "$(grep -c warning "$T/en.err")" = 1 -a "$(grep -c 'hyphenate="true" is not implemented' "$T/en.err")" = 1 ||
  sed 's/^/    /' "$T/en.err"
n=$(pages "$T/en.pdf")
check "en: 3 to 5 pages (got $n)" test "$n" -ge 3 -a "$n" -le 5
for t in "Running a Weekend Help Desk" "Opening the desk" "Interpreter travel costs" \
         "People remember whether you listened" "working hours, 1" "[SR2025]"; do
  check "en: the text has '$t'" has_text "$T/en.pdf" "$t"
done
helper tables "$T/en.trace"

# --- the multilingual leaflet
fo mixed leaflet-mixed.xml --stringparam body.font.family "Noto Serif CJK JP" \
  --stringparam title.font.family "Noto Sans CJK JP"
run mixed
check "mixed: no warning" quiet mixed || sed 's/^/    /' "$T/mixed.err"
check "mixed: one page" test "$(pages "$T/mixed.pdf")" = 1
for t in 毎月第2日曜日に "매달 둘째 주 일요일에" "Chủ nhật tuần thứ hai" "ngày 14 tháng 6"; do
  check "mixed: the text has '$t'" has_text "$T/mixed.pdf" "$t"
done
helper tables "$T/mixed.trace"
quality mixed

summary
