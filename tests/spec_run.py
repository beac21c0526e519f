#!/usr/bin/env python3
"""Run the spec examples in tests/spec/*.spec against mkdoc's area-tree trace.

Each example's FO is piped to `mkdoc fo - -o TMP.pdf --trace`; its expected
lines must appear in TMP.trace in order (a subsequence), and none of its
`!` lines may appear anywhere.  The format is described in tests/spec/README.md.

usage: spec_run.py [--mkdoc PATH] [--only TEXT] [--keep DIR] [FILE.spec ...]
Prints one block per failing example and ends with "spec: N passed, N failed";
exits 1 if any example failed (or none could be run).
"""
import argparse
import fnmatch
import glob
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# A token: key="quoted value", "quoted", or any run of non-space characters.
TOKEN = re.compile(r'[^\s"=]+="(?:[^"\\]|\\.)*"|"(?:[^"\\]|\\.)*"|\S+')
# Areas that end the text of a line (see linetext in README.md).
LINE_ENDERS = {"page", "region", "block", "line"}


class Example:
    def __init__(self, path, lineno, title):
        self.path, self.lineno, self.title = path, lineno, title
        self.options, self.fo, self.expect = [], [], []
        self.pending = None  # why mkdoc does not meet this example yet

    def where(self):
        return "%s:%d: %s" % (os.path.relpath(self.path, ROOT), self.lineno, self.title)


def parse_spec(path):
    """Examples of one spec file: '## title', [options: ...], [pending: ...], FO, '.',
    lines, '.'."""
    examples, ex, state = [], None, "prose"
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if state == "prose":
                if line.startswith("## "):
                    ex, state = Example(path, n, line[3:].strip()), "fo"
                    examples.append(ex)
            elif state == "fo":
                if line == ".":
                    state = "expect"
                elif not ex.fo and line.startswith("options:"):
                    ex.options = line[len("options:"):].split()
                elif not ex.fo and line.startswith("pending:"):
                    ex.pending = line[len("pending:"):].strip()
                else:
                    ex.fo.append(raw)
            elif state == "expect":
                if line == ".":
                    state = "prose"
                elif line.strip() and not line.lstrip().startswith("#"):
                    ex.expect.append(line.strip())
    if state != "prose":
        sys.exit("%s: example at line %d is not closed by a '.' line" % (path, ex.lineno))
    return examples


def split_line(line):
    """(kind, positional tokens, {key: value}) of a trace or expected line."""
    toks = TOKEN.findall(line)
    if not toks:
        return "", [], {}
    pos, keys = [], {}
    for t in toks[1:]:
        m = re.match(r'([^\s"=]+)=(.*)$', t)
        if m and not t.startswith('"'):
            keys[m.group(1)] = m.group(2)
        else:
            pos.append(t)
    return toks[0], pos, keys


def glob_eq(pattern, value):
    return fnmatch.fnmatchcase(value, pattern)


def line_matches(expected, actual):
    """Kind equal; the expected positional values found in order among the
    actual ones; every named key equal (values are globs). Keys and positional
    values the expectation does not name are ignored."""
    ek, epos, ekeys = expected
    ak, apos, akeys = actual
    if ek != ak:
        return False
    rest = iter(apos)
    if not all(any(glob_eq(e, a) for a in rest) for e in epos):
        return False
    return all(k in akeys and glob_eq(v, akeys[k]) for k, v in ekeys.items())


def unquote(tok):
    """The text of a quoted trace value: \\" \\\\ \\n \\t and \\xHH escapes."""
    named = {"n": "\n", "t": "\t"}

    def one(m):
        e = m.group(1)
        if e.startswith("x"):
            return chr(int(e[1:], 16))
        return named.get(e, e)
    return re.sub(r'\\(x[0-9A-Fa-f]{2}|.)', one, tok[1:-1])


def add_linetext(trace_lines):
    """After every 'line' area, insert 'linetext "TEXT"': the text of the glyph
    runs that follow it up to the next page/region/block/line, whitespace removed
    (ruby and emphasis runs left out: they annotate the text)."""
    out = []
    for i, line in enumerate(trace_lines):
        out.append(line)
        kind, _, _ = split_line(line)
        if kind != "line":
            continue
        text = []
        for nxt in trace_lines[i + 1:]:
            k, pos, _ = split_line(nxt)
            if k in LINE_ENDERS:
                break
            # ruby and emphasis dots are not the line's text
            if k == "glyphs" and pos and pos[-1].startswith('"') and \
                    "ruby" not in pos and "emphasis" not in pos:
                text.append(unquote(pos[-1]))
        joined = re.sub(r"\s+", "", "".join(text))
        out.append('linetext "%s"' % joined.replace("\\", "\\\\").replace('"', '\\"'))
    return out


def normalise_expect(line):
    """Whitespace inside a linetext expectation is ignored, as in the trace."""
    kind, pos, _ = split_line(line)
    if kind == "linetext" and pos:
        return 'linetext "%s"' % re.sub(r"\s+", "", unquote(pos[0]).replace("\\", "\\\\").replace('"', '\\"'))
    return line


def compare(expect, trace):
    """Return None if the trace satisfies the expectations, else a report."""
    trace = [t.strip() for t in add_linetext(trace) if t.strip()]
    parsed = [split_line(t) for t in trace]
    report, at, ok = [], 0, True
    for e in expect:
        if e.startswith("!"):
            want = split_line(normalise_expect(e[1:].strip()))
            hits = [i for i, p in enumerate(parsed) if line_matches(want, p)]
            if hits:
                ok = False
                report.append("  UNWANTED %s\n           found: %s" % (e, trace[hits[0]]))
            else:
                report.append("  ok       %s" % e)
            continue
        want = split_line(normalise_expect(e))
        found = next((i for i in range(at, len(parsed)) if line_matches(want, parsed[i])), None)
        if found is None:
            ok = False
            report.append("  MISSING  %s" % e)
            near = [i for i in range(at, len(parsed)) if parsed[i][0] == want[0]][:3]
            for i in near:
                report.append("           nearest: %s" % trace[i])
        else:
            report.append("  ok       %s" % e)
            at = found + 1
    return None if ok else "\n".join(report)


# A message on stderr: "<stdin>:12: warning: text" (see tools/base/diag.h).
DIAG = re.compile(r'^(?:[^:\n]*:)?(?:\d+:)*\s*(warning|error): (.*)$')


def wants_diags(ex):
    """Examples that name diag lines run without --quiet (which hides them)."""
    return any(split_line(e.lstrip("!").strip())[0] == "diag" for e in ex.expect)


def diag_lines(stderr):
    """'diag SEVERITY "MESSAGE"' pseudo-lines, one per message on stderr."""
    out = []
    for line in stderr.decode("utf-8", "replace").splitlines():
        m = DIAG.match(line)
        if m:
            out.append('diag %s "%s"' % (m.group(1), m.group(2).replace("\\", "\\\\").replace('"', '\\"')))
    return out


def run_example(mkdoc, ex, tmp):
    pdf = os.path.join(tmp, "out.pdf")
    trace_path = os.path.join(tmp, "out.trace")
    for p in (pdf, trace_path):
        if os.path.exists(p):
            os.remove(p)
    quiet = [] if wants_diags(ex) else ["--quiet"]
    cmd = [mkdoc, "fo", "-", "-o", pdf, "--trace"] + quiet + ex.options
    try:
        # from the project root: images in examples are named from there
        r = subprocess.run(cmd, input="".join(ex.fo).encode("utf-8"),
                           capture_output=True, timeout=60, cwd=ROOT)
    except (OSError, subprocess.TimeoutExpired) as err:
        return "  cannot run %s: %s" % (" ".join(cmd), err)
    if r.returncode != 0:
        return "  %s exited %d\n%s" % (" ".join(cmd), r.returncode,
                                      r.stderr.decode("utf-8", "replace").rstrip())
    if not os.path.exists(trace_path):
        return "  no trace written at %s" % trace_path
    with open(trace_path, encoding="utf-8") as f:
        trace = f.read().splitlines()
    return compare(ex.expect, trace + diag_lines(r.stderr))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    build = os.environ.get("BUILD", "build")
    ap.add_argument("--mkdoc", default=os.environ.get("MKDOC", os.path.join(ROOT, build, "mkdoc")))
    ap.add_argument("--only", help="run only examples whose title contains TEXT")
    ap.add_argument("--keep", help="copy each example's trace to DIR/NAME-N.trace")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    args.mkdoc = os.path.abspath(args.mkdoc)  # examples run from the project root
    files = args.files or sorted(glob.glob(os.path.join(HERE, "spec", "*.spec")))
    os.environ.setdefault("MKDOC_FONTS_CONF", os.path.join(ROOT, "fonts", "fonts.conf"))

    if not os.access(args.mkdoc, os.X_OK):
        print("spec: %s is missing or not executable (run make first)" % args.mkdoc)
        examples = sum(len(parse_spec(f)) for f in files)
        print("spec: 0 passed, %d failed" % max(examples, 1))
        return 1

    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix="mkdoc-spec-") as tmp:
        for path in files:
            for n, ex in enumerate(parse_spec(path), 1):
                if args.only and args.only not in ex.title:
                    continue
                problem = run_example(args.mkdoc, ex, tmp)
                if args.keep and os.path.exists(os.path.join(tmp, "out.trace")):
                    os.makedirs(args.keep, exist_ok=True)
                    name = os.path.splitext(os.path.basename(path))[0]
                    with open(os.path.join(tmp, "out.trace"), "rb") as src, \
                         open(os.path.join(args.keep, "%s-%d.trace" % (name, n)), "wb") as dst:
                        dst.write(src.read())
                if ex.pending and problem is None:
                    failed += 1
                    print("FIXED %s\n  it passes now: remove its 'pending:' line" % ex.where())
                elif ex.pending:
                    passed += 1
                    print("PENDING %s\n  %s" % (ex.where(), ex.pending))
                elif problem is None:
                    passed += 1
                else:
                    failed += 1
                    print("FAIL %s\n%s" % (ex.where(), problem))
    if passed + failed == 0:
        print("spec: no examples found")
        failed = 1
    print("spec: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
