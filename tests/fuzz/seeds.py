#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets into DIR/<target>/.

    python3 tests/fuzz/seeds.py DIR

Seeds come from the tests, made at fuzz time (nothing is copied into the
repository): fo gets every FO example of tests/spec/*.spec, the small
pathological FO documents (tests/pathological/gen.py) and the hostile XML
of tests/hostile; source gets tests/hostile and docs/reports/2022.xml;
report gets 2022.xml, a small document per part of it (its meta and cover
with one greeting, chapter or colophon) and tests/hostile;
props gets property values; linebreak gets item lists made with a fixed
seed. Crash inputs in tests/fuzz/regressions/<target>-* are added too.
"""
import glob
import os
import random
import re
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, ROOT + "/tests")
sys.path.insert(0, ROOT + "/tests/pathological")
import spec_run  # noqa: E402
import gen  # noqa: E402

PROPS = ["10pt", "12pt 'Noto Serif CJK JP'", "1.5", "from-parent(font-size) * 2", "1pt solid red",
         "proportional-column-width(3)", "always", "-5cm", "1e9pt", "100km", "bold italic 9pt/12pt serif",
         "rgb(1,2,3)", "#abc", "url(a.png)", "inherited-property-value(start-indent) + 1em",
         "max(1pt, min(3pt, 2pt))", "50%", "auto", "inherit", "0.5em 1em 2em 3em", "retain"]


def write(d, name, data):
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def lb_seed(rng, n):
    head = bytes([rng.randrange(4), 100, 120, 80, 60, 20, rng.randrange(8), 0])
    items = b""
    for _ in range(n):
        kind = rng.choice([0, 0, 0, 3, 5, 7]) | (rng.randrange(32) << 3)
        if kind % 8 == 7 and rng.random() < 0.8:
            kind = 0
        items += struct.pack("<BhB", kind, rng.randrange(-2000, 12000), rng.randrange(256))
    return head + items


def report_parts(text):
    """Small valid reports from the sample: its head (meta, cover) with one
    chapter each, and the greeting and colophon with the shortest chapter;
    cross-references to what a part leaves out are dropped."""
    head = text[:text.index("<greeting")]
    part = {}
    for m in re.finditer(r"(?s)\n  (<(greeting|chapter|colophon)\b.*?</\2>)", text):
        part.setdefault(m.group(2), []).append(m.group(1))
    chapters = part.get("chapter", [])
    docs = [[c] for c in chapters]
    if chapters:
        short = min(chapters, key=len)
        docs.append(part.get("greeting", []) + [short] + part.get("colophon", []))
    out = []
    for body in docs:
        doc = head + "".join("  " + b + "\n" for b in body) + "</report>\n"
        ids = set(re.findall(r' id="([^"]+)"', doc))
        doc = re.sub(r'<xref ref="([^"]+)"[^>]*/>', lambda m: m.group(0) if m.group(1) in ids else "", doc)
        out.append(doc)
    return out


def main():
    out = sys.argv[1]
    k = 0
    for spec in sorted(glob.glob(os.path.join(ROOT, "tests", "spec", "*.spec"))):
        for ex in spec_run.parse_spec(spec):
            k += 1
            write(out + "/fo", "spec-%03d.fo" % k, "".join(ex.fo))
    for name, data in gen.cases().items():
        if name.endswith(".fo") and len(data) < 64 * 1024:
            write(out + "/fo", "patho-" + name, data)
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "hostile", "*.xml"))):
        data = open(path, "rb").read()
        if len(data) < 64 * 1024:
            write(out + "/fo", "hostile-" + os.path.basename(path), data)
            write(out + "/source", "hostile-" + os.path.basename(path), data)
    report = open(os.path.join(ROOT, "docs", "reports", "2022.xml"), encoding="utf-8").read()
    write(out + "/source", "report-2022.xml", report)
    write(out + "/report", "report-2022.xml", report)
    for i, part in enumerate(report_parts(report)):
        write(out + "/report", "report-part-%02d.xml" % i, part)
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "hostile", "*.xml"))):
        data = open(path, "rb").read()
        if len(data) < 64 * 1024:
            write(out + "/report", "hostile-" + os.path.basename(path), data)
    for i, v in enumerate(PROPS):
        write(out + "/props", "prop-%02d" % i, bytes([i * 7 % 256, i % 64]) + v.encode())
    rng = random.Random(4)
    for i in range(16):
        write(out + "/linebreak", "items-%02d" % i, lb_seed(rng, rng.choice([5, 20, 80, 300])))
    for path in sorted(glob.glob(os.path.join(HERE, "regressions", "*-*"))):
        target = os.path.basename(path).split("-", 1)[0]
        write(out + "/" + target, "regression-" + os.path.basename(path), open(path, "rb").read())


if __name__ == "__main__":
    main()
