#!/usr/bin/env bash
# The bulletin sample (docs/samples/bulletin-columns.fo): two columns with
# spanning headings (XSL 1.1 §7.21.4) on a line grid (JLREQ 2.5.2). It is
# built with its trace, which must show what a reader sees: every body line
# on the 15pt grid counted from the region-body's top, lines of the two
# columns level, spanning blocks as wide as the body, the last columns
# balanced; and pdfcheck finds no kinsoku violation.
# Ends with "columns: N passed, N failed".
GROUP=columns
. "$(dirname "$0")/lib.sh"

need pdfinfo "$PYTHON" || { summary; exit 1; }
SAMPLE=$ROOT/docs/samples/bulletin-columns.fo
expect_exit 0 "bulletin-columns.fo builds" "$MKDOC" fo "$SAMPLE" -o "$T/b.pdf" --trace
check "bulletin-columns.fo: no warning" test -z "$(grep -E 'warning|error' "$T/err")" ||
  sed -n '1,5s/^/    /p' "$T/err"
check "bulletin-columns.fo: one page" test "$(pdfinfo "$T/b.pdf" | awk '/^Pages:/ { print $2 }')" = 1

# grid_report TRACE: one "ok WHAT" or "bad WHAT" line per property.
"$PYTHON" - "$T/b.trace" > "$T/report" <<'PY'
import re, sys
PITCH, TOL = 15360, 16
lines, spans, body_ipd = [], 0, None
stack = []  # (depth, abs_i, abs_b)
for raw in open(sys.argv[1], encoding="utf-8"):
    depth = (len(raw) - len(raw.lstrip(" "))) // 2
    f = dict(re.findall(r'(\w+)=([^ "]+)', raw))
    kind = raw.split()[0] if raw.strip() else ""
    while stack and stack[-1][0] >= depth:
        stack.pop()
    if kind == "region":
        in_body = raw.split()[1] == "body"
        stack = [(depth, 0, 0)] if in_body else []
        if in_body:
            body_ipd = int(f["ipd"])
        continue
    if not stack or kind not in ("block", "line"):
        continue
    ai, ab = stack[-1][1] + int(f["i"]), stack[-1][2] + int(f["b"])
    stack.append((depth, ai, ab))
    if kind == "block" and depth == stack[0][0] + 1 and int(f["ipd"]) == body_ipd:
        spans += 1
    if kind == "line" and int(f["bpd"]) == PITCH:
        lines.append((ai, ab))
def say(ok, what):
    print(("ok " if ok else "bad ") + what)
say(len(lines) > 40, "the page has body lines (%d)" % len(lines))
off = [b for i, b in lines if min(b % PITCH, PITCH - b % PITCH) > TOL]
say(not off, "every body line is on the 15pt grid (off: %s)" % off[:5])
cols = sorted({i for i, b in lines})
say(len(cols) == 2, "body lines start at two inline positions, the columns (%s)" % cols)
if len(cols) == 2:
    level = {b // PITCH for i, b in lines if i == cols[0]} & {b // PITCH for i, b in lines if i == cols[1]}
    say(len(level) > 15, "lines of the two columns share grid lines (%d)" % len(level))
    # the last set: the lines below the last spanning block
    last = max(b for i, b in lines)
    c0 = max(b for i, b in lines if i == cols[0]); c1 = max(b for i, b in lines if i == cols[1])
    say(abs(c0 - c1) <= 2 * PITCH, "the last columns are balanced (ends %d and %d)" % (c0, c1))
say(spans >= 3, "three blocks span the body's width (%d)" % spans)
PY
while read -r verdict what; do
  if [ "$verdict" = ok ]; then pass; else fail "bulletin-columns.fo: $what"; fi
done < "$T/report"
check "bulletin-columns.fo: the trace report is complete" test "$(wc -l < "$T/report")" -ge 6

PDFCHECK=$SHARED/tools/pdfcheck/pdfcheck.py
if check "pdfcheck is at $PDFCHECK (set MKDOC_SHARED)" test -f "$PDFCHECK"; then
  "$PYTHON" "$PDFCHECK" "$T/b.pdf" --json > "$T/b.json" 2>"$T/err"
  ks=$("$PYTHON" -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["kinsoku"]["start"], d["kinsoku"]["end"])' "$T/b.json" 2>/dev/null)
  check "bulletin-columns.fo: no kinsoku violation (got '$ks')" test "$ks" = "0 0"
fi
summary
