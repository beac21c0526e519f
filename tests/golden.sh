#!/usr/bin/env bash
# Golden trace of the sample report.
#   golden.sh check    compare the current trace with tests/golden/report-2022.trace (exact)
#   golden.sh update   regenerate it (make goldens); review the diff before committing
# The fonts the trace was made with are pinned by checksum in tests/golden/fonts.sha256,
# so a failure caused by a different font version says so.
GROUP=golden
. "$(dirname "$0")/lib.sh"
mode=${1:-check}
golden=$ROOT/tests/golden/report-2022.trace
fontsums=$ROOT/tests/golden/fonts.sha256

# The font files our fonts.conf resolves for the families the report uses.
font_sums() {
  local fam
  for fam in "Noto Serif CJK JP" "Noto Sans CJK JP" "Noto Serif CJK JP:bold" "Noto Sans CJK JP:bold" \
             "Liberation Serif" "Liberation Sans" "Liberation Mono"; do
    FONTCONFIG_FILE=$MKDOC_FONTS_CONF fc-match -f '%{file}\n' "$fam"
  done | sort -u | xargs sha256sum
}

need fc-match sha256sum || { summary; exit 1; }
if ! (cd "$ROOT" && "$MKDOC" report 2022 --out "$T" --trace --quiet) 2>"$T/err" ||
   [ ! -s "$T/report-2022.trace" ]; then
  fail "mkdoc report 2022 --trace made no trace"; sed 's/^/    /' "$T/err"; summary; exit 1
fi

if [ "$mode" = update ]; then
  cp "$T/report-2022.trace" "$golden"
  font_sums > "$fontsums"
  echo "golden: wrote ${golden#$ROOT/} ($(wc -l < "$golden") lines) and ${fontsums#$ROOT/}"
  exit 0
fi

if [ ! -f "$golden" ]; then
  fail "${golden#$ROOT/} is missing: run make goldens"
elif cmp -s "$golden" "$T/report-2022.trace"; then
  pass
else
  fail "the report's trace differs from ${golden#$ROOT/} (if the change is intended: make goldens)"
  diff -u "$golden" "$T/report-2022.trace" | head -40 | sed 's/^/    /'
  if [ -f "$fontsums" ] && ! (cd / && sha256sum --quiet -c "$fontsums") >/dev/null 2>&1; then
    echo "    note: the fonts differ from those the golden file was made with (${fontsums#$ROOT/})"
  fi
fi
summary
