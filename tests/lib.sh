# Shared by the shell test scripts: counting assertions and running mkdoc.
# Source it after setting GROUP (the name printed in "GROUP: N passed, N failed").
# Every assertion counts once; a failing one prints "FAIL GROUP: what".
passed=0
failed=0
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-build}
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
MKDOC=${MKDOC:-$BUILD/mkdoc}
SHARED=${MKDOC_SHARED:-$(cd "$ROOT/.." && pwd)/shared}
if [ -z "${PYTHON:-}" ]; then
  if [ -x /usr/bin/python3 ]; then PYTHON=/usr/bin/python3; else PYTHON=python3; fi
fi
export MKDOC_FONTS_CONF=${MKDOC_FONTS_CONF:-$ROOT/fonts/fonts.conf}
T=$(mktemp -d "${TMPDIR:-/tmp}/mkdoc-$GROUP.XXXXXX")
trap 'rm -rf "$T"' EXIT

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL $GROUP: $*"; }

# check DESCRIPTION COMMAND...: passes when COMMAND succeeds.
check() {
  local what=$1; shift
  if "$@"; then pass; else fail "$what"; return 1; fi
}

# expect_exit CODE DESCRIPTION COMMAND...: runs COMMAND with stdout in $T/out and
# stderr in $T/err; passes when it exits with CODE.
expect_exit() {
  local want=$1 what=$2 got; shift 2
  "$@" >"$T/out" 2>"$T/err"; got=$?
  if [ "$got" -eq "$want" ]; then pass
  else fail "$what: exit $got, want $want"; sed -n '1,5s/^/    /p' "$T/err"; fi
}

# need TOOL...: a missing tool is a failure (CI installs everything), not a skip.
need() {
  local t ok=0
  for t in "$@"; do
    command -v "$t" >/dev/null 2>&1 || { fail "$t is not installed (see scripts/packages.txt)"; ok=1; }
  done
  return $ok
}

# num_ge A B / num_near A B TOL: numeric comparisons of decimal strings.
num_ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 >= b + 0) }'; }
num_near() { awk -v a="$1" -v b="$2" -v t="$3" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(a != "" && d <= t) }'; }

summary() {
  echo "$GROUP: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}

# jget FILE KEY.KEY...: one value of pdfcheck's JSON, "" when absent.
jget() {
  "$PYTHON" - "$1" "$2" <<'PY'
import json, sys
try:
    v = json.load(open(sys.argv[1]))
    for k in sys.argv[2].split("."):
        v = v[k]
except Exception:
    v = ""
print("" if v is None else v)
PY
}
