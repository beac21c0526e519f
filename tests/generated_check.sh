#!/bin/sh
# The generated tables are what their generators make from the checked-in data.
cd "$(dirname "$0")/.." || exit 3
PYTHON=${PYTHON:-python3}
passed=0; failed=0
if "$PYTHON" tools/fo/gen_propdefs.py --check >/tmp/mkdoc-propdefs.$$ 2>&1; then
  passed=$((passed + 1))
else
  failed=$((failed + 1)); echo "FAIL generated: tools/fo/fo_propdefs.c is not what gen_propdefs.py makes"
  cat /tmp/mkdoc-propdefs.$$
fi
rm -f /tmp/mkdoc-propdefs.$$
echo "generated: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
