#!/usr/bin/env bash
# The command line as a user meets it: exit codes, messages, outputs that are
# complete or absent, reproducible PDFs.  Ends with "cli: N passed, N failed".
GROUP=cli
. "$(dirname "$0")/lib.sh"
cd "$T"

if [ ! -x "$MKDOC" ]; then
  fail "$MKDOC is missing (run make)"; summary; exit 1
fi
need pdfinfo

# A small FO with SIZE = "W H" in pt and N pages.
small_fo() {
  local w=$1 h=$2 pages=$3 i
  cat <<FO
<?xml version="1.0" encoding="UTF-8"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" xml:lang="ja">
  <fo:layout-master-set>
    <fo:simple-page-master master-name="p" page-width="${w}pt" page-height="${h}pt">
      <fo:region-body margin="18pt"/>
    </fo:simple-page-master>
  </fo:layout-master-set>
  <fo:page-sequence master-reference="p">
    <fo:flow flow-name="xsl-region-body" font-family="Noto Serif CJK JP" font-size="10pt">
FO
  for i in $(seq 1 "$pages"); do
    echo "      <fo:block break-before=\"page\">第${i}頁：移住者の権利を守る相談会を開きました。</fo:block>"
  done
  cat <<FO
    </fo:flow>
  </fo:page-sequence>
</fo:root>
FO
}
pdf_pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }
png_size() { od -An -tu1 -j16 -N8 "$1" | awk '{ print $1*16777216 + $2*65536 + $3*256 + $4 "x" $5*16777216 + $6*65536 + $7*256 + $8 }'; }
mkdoc() { "$MKDOC" "$@"; }

small_fo 360 216 1 > small.fo
small_fo 360 216 3 > three.fo

# --- usage -------------------------------------------------------------------
expect_exit 2 "no arguments" mkdoc
check "no arguments: a usage message on stderr" test -s "$T/err"
expect_exit 2 "unknown command" mkdoc frobnicate
expect_exit 2 "unknown option" mkdoc fo small.fo -o x.pdf --no-such-option
expect_exit 2 "fo without -o" mkdoc fo small.fo
expect_exit 0 "--help" mkdoc --help
for cmd in report fo check png --trace --quiet --version; do
  check "--help mentions $cmd" grep -q -e "$cmd" "$T/out"
done
expect_exit 0 "--version" mkdoc --version
check "--version prints a version" grep -q '[0-9]' "$T/out"

# --- check ---------------------------------------------------------------------
sample=$ROOT/docs/reports/2022.xml
expect_exit 0 "check on the sample report" mkdoc check "$sample"
# Two independent schema errors, far apart: an unknown element as the first child of
# the root's first child, and another inside the document's last element.
cp "$sample" broken.xml 2>/dev/null || : > broken.xml
"$PYTHON" - broken.xml <<'PY'
import re, sys
path = sys.argv[1]
s = open(path, encoding="utf-8").read()
tags = [m for m in re.finditer(r"<([A-Za-z][\w:.-]*)(\s[^<>]*)?>", s) if not m.group(0).endswith("/>")]
if len(tags) >= 3:
    a, b = tags[1].end(), tags[-1].end()
    s = s[:a] + "<mkdoc-unknown-a/>" + s[a:b] + "<mkdoc-unknown-b/>" + s[b:]
open(path, "w", encoding="utf-8").write(s)
PY
expect_exit 1 "check on a copy with two schema errors" mkdoc check broken.xml
n=$(grep -cE '^([^:]*/)?broken\.xml:[0-9]+:[0-9]+: ' "$T/err")
check "check lists both errors as FILE:LINE:COL: message (got $n)" test "$n" -ge 2
lines=$(grep -E '^([^:]*/)?broken\.xml:[0-9]+:' "$T/err" | cut -d: -f2 | sort -u | wc -l)
check "the two errors are on different lines" test "$lines" -ge 2
expect_exit 1 "check on a missing file" mkdoc check no-such-file.xml
check "missing file: the message names it" grep -q 'no-such-file.xml' "$T/err"

# --- fo --------------------------------------------------------------------------
expect_exit 0 "fo on a small document" mkdoc fo small.fo -o small.pdf
check "fo writes a one-page PDF" test "$(pdf_pages small.pdf)" = 1
expect_exit 0 "fo on three pages" mkdoc fo three.fo -o three.pdf
check "three-page FO gives three pages" test "$(pdf_pages three.pdf)" = 3
expect_exit 0 "fo reads standard input with -" sh -c '"$0" fo - -o stdin.pdf < small.fo' "$MKDOC"
check "fo - writes the PDF" test "$(pdf_pages stdin.pdf)" = 1
expect_exit 0 "fo --trace" mkdoc fo small.fo -o traced.pdf --trace
check "--trace writes OUT.trace beside OUT.pdf" test -s traced.trace
check "the trace starts with a page" grep -q '^ *page 1' traced.trace
expect_exit 0 "fo --quiet" mkdoc fo three.fo -o quiet.pdf --quiet
check "--quiet prints nothing" test ! -s "$T/err" -a ! -s "$T/out"

# A broken FO must not touch the previous PDF, nor leave a partial file behind.
mkdir atomic && cp small.pdf atomic/out.pdf && cp small.pdf before.pdf
printf '<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format">\n<fo:layout-master-set>\n</fo:root>\n' > bad.fo
expect_exit 1 "fo on malformed XML" mkdoc fo bad.fo -o atomic/out.pdf
check "malformed FO: FILE:LINE:COL: error: message" grep -qE '^([^:]*/)?bad\.fo:[0-9]+:[0-9]+: error: ' "$T/err"
check "malformed FO: the previous PDF is unchanged" cmp -s before.pdf atomic/out.pdf
check "malformed FO: nothing else left in the folder" test "$(ls -A atomic)" = out.pdf
expect_exit 1 "fo on a missing file" mkdoc fo no-such.fo -o atomic/out.pdf
check "missing FO: the message names it" grep -q 'no-such.fo' "$T/err"
check "missing FO: the previous PDF is unchanged" cmp -s before.pdf atomic/out.pdf

# --- a run stopped from outside: nothing lost, nothing left ---------------------------
# An internal error ends in abort() (asserts stay on): exit 3 with a request to
# report it. SIGABRT sent from outside takes the same path, at a moment when the
# temporary PDF exists; so does SIGTERM (exit by the signal). Either way the
# previous PDF is unchanged and no temporary file is left.
{
  small_fo 360 216 0 | sed '/<\/fo:flow>/,$d'
  for i in $(seq 1 8000); do echo "      <fo:block>第${i}段落：移住者の権利を守る相談会を各地で開きました。</fo:block>"; done
  echo '    </fo:flow></fo:page-sequence></fo:root>'
} > long.fo
mkdir stopped && cp small.pdf stopped/out.pdf
for sig in ABRT TERM; do
  "$MKDOC" fo long.fo -o stopped/out.pdf --quiet 2>"$T/err" & pid=$!
  # the temporary PDF is made once layout is done and pages are drawn
  while kill -0 $pid 2>/dev/null && ! ls stopped | grep -q '\.tmp$'; do sleep 0.01; done
  had_tmp=$(ls stopped | grep -c '\.tmp$')
  kill -$sig $pid; wait $pid; got=$?
  check "SIG$sig during rendering: the temporary PDF existed when the signal came" test "$had_tmp" = 1
  if [ $sig = ABRT ]; then
    check "SIGABRT: exit 3 (got $got)" test $got = 3
    check "SIGABRT: asks to report the bug" grep -q 'internal error.*please report it' "$T/err"
  else
    check "SIGTERM: ends by the signal (exit 143, got $got)" test $got = 143
  fi
  check "SIG$sig: the previous PDF is unchanged" cmp -s small.pdf stopped/out.pdf
  check "SIG$sig: no temporary file left" test "$(ls -A stopped)" = out.pdf
done

# --- columns in messages about an FO file --------------------------------------------
# Several independent problems in one run, each at FILE:LINE:COL: of the attribute
# for a property value, of the start tag for the rest. A comment, CDATA and an
# element made by an entity reference must not shift the columns of the tags
# after them; a start tag over two lines is found at its '<'.
cat > cols.fo <<'FO'
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE fo:root [ <!ENTITY note "<fo:block>x</fo:block>"> ]>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" xml:lang="ja">
  <fo:layout-master-set>
    <fo:simple-page-master master-name="p" page-width="200pt" page-height="300pt">
      <fo:region-body margin="18pt"/>
    </fo:simple-page-master>
  </fo:layout-master-set>
  <fo:page-sequence master-reference="p">
    <fo:flow flow-name="xsl-region-body" font-family="Noto Serif CJK JP" font-size="10pt">
      <fo:block>相談会</fo:block><fo:block font-size="12qq">一</fo:block>
      <!-- <fo:block font-size="1zz"> is in a comment -->
      <fo:block><![CDATA[<fo:block>]]></fo:block>
      <fo:block
          color="nocolor">二</fo:block>
      &note;<fo:block font-size="9zz">四</fo:block><fo:blok>三</fo:blok>
      <fo:block>Supercalifragilisticexpialidociousnessandmoreandmore</fo:block>
      <fo:block>&#xE000;</fo:block>
      <fo:block><fo:external-graphic src="nothere.png"/></fo:block>
    </fo:flow>
  </fo:page-sequence>
</fo:root>
FO
cols_expected() {
  cat <<EOF
$1:11:41: warning: invalid value '12qq' for 'font-size'
$1:15:11: warning: invalid value 'nocolor' for 'color'
$1:16:23: warning: invalid value '9zz' for 'font-size'
$1:16:51: warning: fo:blok is not an XSL-FO 1.1 element
$1:17:7: warning: 1 line(s) of this paragraph are wider than the column
$1:18:7: warning: no font can draw
$1:19:17: error: cannot find 'nothere.png'
EOF
}
# the located messages, cut before their explanations, sorted by line and column
cols_got() {
  grep -oE "^$1:[0-9]+:[0-9]+: (warning|error): (invalid value '[^']*' for '[^']*'|fo:blok is not an XSL-FO 1.1 element|1 line\(s\) of this paragraph are wider than the column|no font can draw|cannot find 'nothere.png')" "$T/err" |
    sort -t: -k2,2n -k3,3n
}
cols_check() { # WHAT FILE
  if [ "$(cols_got "$2")" = "$(cols_expected "$2")" ]; then pass
  else fail "$1"; diff <(cols_expected "$2") <(cols_got "$2") | sed 's/^/    /'; fi
}
expect_exit 1 "fo with seven problems on different lines" mkdoc fo cols.fo -o cols.pdf
cols_check "each problem at FILE:LINE:COL, all in one run" cols.fo
expect_exit 1 "the same FO from standard input" sh -c '"$0" fo - -o cols-stdin.pdf < cols.fo' "$MKDOC"
cols_check "stdin: the same lines and columns, file <stdin>" '<stdin>'
# FO as stylesheets often write it, on one line: only columns tell the
# elements apart (without the entity, whose declaration needs the DOCTYPE)
grep -v '<!DOCTYPE' cols.fo | tr -d '\n' | sed 's/&note;//' > oneline.fo
col_of() { "$PYTHON" -c 'import sys; s=open(sys.argv[1],encoding="utf-8").read(); print(s.index(sys.argv[2])+1)' oneline.fo "$1"; }
want=""
for s in 'font-size="12qq"' 'color="nocolor"' 'font-size="9zz"' '<fo:blok' '<fo:block>Super' '<fo:block>&#xE000;' '<fo:external-graphic'; do
  want="$want 1:$(col_of "$s")"
done
expect_exit 1 "fo on the same FO on one line" mkdoc fo oneline.fo -o oneline.pdf
got=$(cols_got oneline.fo | cut -d: -f2,3 | sed 's/^/ /' | tr -d '\n')
check "one line: the column of each attribute and tag (got$got, want$want)" test "$got" = "$want"

# an XIncluded part is located in its own file (by line: its text is not scanned),
# and the tags after the xi:include keep their columns
cat > part.fo <<'FO'
<fo:block xmlns:fo="http://www.w3.org/1999/XSL/Format"
  font-size="7qq">部分</fo:block>
FO
sed -e 's|xml:lang="ja">|xmlns:xi="http://www.w3.org/2001/XInclude" xml:lang="ja">|' \
    -e 's|^      <fo:block font-size="9zz">四</fo:block><fo:blok>三</fo:blok>$||' \
    -e 's|^      &note;<fo:block font-size="9zz">|      <xi:include href="part.fo"/><fo:block font-size="9zz">|' cols.fo > xi.fo
expect_exit 1 "fo with an XIncluded part" mkdoc fo xi.fo -o xi.pdf
check "XIncluded part: its problem at part.fo:LINE" grep -q "^part\.fo:2: warning: invalid value '7qq' for 'font-size'" "$T/err"
check "after the xi:include: the main file's columns" grep -q "^xi\.fo:16:45: warning: invalid value '9zz' for 'font-size'" "$T/err"

# --- png ---------------------------------------------------------------------------
# 360 x 216 pt is 480 x 288 px at 96 dpi and 720 x 432 px at 144 dpi.
expect_exit 0 "png at the default dpi" mkdoc png small.fo -o png96
check "png writes page-001.png" test -s png96/page-001.png
check "page-001.png is 480x288 at 96 dpi (got $(png_size png96/page-001.png 2>/dev/null))" \
  test "$(png_size png96/page-001.png 2>/dev/null)" = 480x288
expect_exit 0 "png --dpi 144" mkdoc png small.fo -o png144 --dpi 144
check "page-001.png is 720x432 at 144 dpi (got $(png_size png144/page-001.png 2>/dev/null))" \
  test "$(png_size png144/page-001.png 2>/dev/null)" = 720x432
expect_exit 0 "png --pages 2-3" mkdoc png three.fo -o pages --pages 2-3
check "--pages 2-3 writes pages 2 and 3 only" \
  test "$(cd pages 2>/dev/null && ls | xargs)" = "page-002.png page-003.png"
expect_exit 2 "png with a bad --pages" mkdoc png three.fo -o bad --pages x-y

# --- reproducible output -------------------------------------------------------------
for sde in 0 unset; do
  for run in 1 2; do
    if [ $sde = unset ]; then
      env -u SOURCE_DATE_EPOCH "$MKDOC" fo three.fo -o "repro-$sde-$run.pdf" --quiet
    else
      SOURCE_DATE_EPOCH=$sde "$MKDOC" fo three.fo -o "repro-$sde-$run.pdf" --quiet
    fi
  done
  check "two runs give byte-identical PDFs (SOURCE_DATE_EPOCH $sde)" \
    cmp -s "repro-$sde-1.pdf" "repro-$sde-2.pdf"
done

# --- report ------------------------------------------------------------------------
expect_exit 0 "report 2022 --out DIR" sh -c 'cd "$1" && "$0" report 2022 --out "$2" --quiet' "$MKDOC" "$ROOT" "$T/report"
check "report writes DIR/report-2022.pdf" test -s report/report-2022.pdf
check "report leaves no temporary file" test "$(ls -A report 2>/dev/null)" = report-2022.pdf
expect_exit 0 "report 2022 again" sh -c 'cd "$1" && "$0" report 2022 --out "$2" --quiet' "$MKDOC" "$ROOT" "$T/report2"
check "two report runs (XML, XSLT, images, fonts) give byte-identical PDFs" \
  cmp -s report/report-2022.pdf report2/report-2022.pdf
expect_exit 1 "report for a year with no source" sh -c 'cd "$1" && "$0" report 1901 --out "$2"' "$MKDOC" "$ROOT" "$T/none"
check "missing year: the message names docs/reports/1901.xml" grep -q '1901.xml' "$T/err"

summary
