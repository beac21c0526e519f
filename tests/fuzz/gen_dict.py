#!/usr/bin/env python3
"""Writes tests/fuzz/fo.dict, the libFuzzer dictionary of XSL-FO names, or
with --report tests/fuzz/report.dict, that of the report vocabulary.

    python3 tests/fuzz/gen_dict.py > tests/fuzz/fo.dict
    python3 tests/fuzz/gen_dict.py --report > tests/fuzz/report.dict

The report's element and attribute names come from styles/report.rng.

Element names come from tools/fo/fo_tree.c (the kind table), property names
and keywords from tools/fo/fo_propdefs.txt; lengths, functions and XML
fragments are listed here. The output names this script.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

VALUES = [
    "10pt", "0pt", "-5cm", "1e9pt", "100km", "2em", "50%", "1.5", "12.5mm", "1in", "3pc",
    "96px", "auto", "inherit", "none", "always", "page", "column", "odd-page",
    "proportional-column-width(1)", "from-parent(font-size)", "inherited-property-value(start-indent)",
    "body-start()", "label-end()", "rgb(10,20,30)", "#ff0000", "url(images/x.png)",
    "url(docs/reports/images/membership.png)", "url(../../etc/passwd)", "url(/etc/passwd)",
    "Noto Serif CJK JP", "Liberation Serif", "serif", "sans-serif", "ja", "en",
    "lr-tb", "tb-rl", "rl-tb", "justify", "center", "end", "start", "retain", "discard",
    "force", "scale-to-fit", "scale-down-to-fit", "max(1pt, 2pt)", "min(1pt,2pt)", "abs(-1pt)",
    "floor(1.5)", "round(2.5)", "(1pt + 2pt) * 3", "10pt div 0",
    "filled sesame", "open dot", "'\u25c6'", "start end except-kanji", "0.5",
]
XML = [
    '<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format">', "</fo:root>",
    'xmlns:fo="http://www.w3.org/1999/XSL/Format"',
    'xmlns:axf="http://www.antennahouse.com/names/XSL/Extensions"', 'master-name="p"', 'master-reference="p"',
    'flow-name="xsl-region-body"', 'flow-name="xsl-region-before"', 'flow-name="xsl-footnote-separator"',
    "<fo:block>", "</fo:block>", "<![CDATA[", "]]>", "<!--", "-->", "&amp;", "&#x3000;", "&#0;",
    '<!DOCTYPE x [<!ENTITY e "eee">]>', "&e;", '<?xml version="1.0" encoding="UTF-8"?>',
    "移住者の権利", "。", "「", "」", "ー", "、", "\\xe3\\x80\\x80", "\\xff\\xfe", "\\x00",
]


def elements():
    src = open(os.path.join(ROOT, "tools", "fo", "fo_tree.c"), encoding="utf-8").read()
    return sorted(set(re.findall(r'\[FO_[A-Z_]+\] = "([a-z:-]+)"', src)))


def properties():
    names, keywords = [], set()
    for line in open(os.path.join(ROOT, "tools", "fo", "fo_propdefs.txt"), encoding="utf-8"):
        f = line.split()
        if not f or f[0].startswith("#"):
            continue
        names.append(f[0])
        for w in f[6:]:
            if "=" in w and not w.startswith("expand="):
                keywords.add(w.split("=", 1)[0])
    return names, sorted(keywords)


REPORT_XML = [
    '<?xml version="1.0" encoding="UTF-8"?>', '<report xml:lang="ja" version="1">', "</report>",
    'xml:lang="', 'xml:base="', 'xmlns:xi="http://www.w3.org/2001/XInclude"', '<xi:include href="',
    'href="images/', 'href="../../etc/passwd"', '<!DOCTYPE report [<!ENTITY e "eee">]>', "&e;",
    "&amp;", "&#x3000;", "<!--", "-->", "<![CDATA[", "]]>", "2022", "-1", "99999999999",
    "移住者の権利", "。", "「", "」", "（", "）", "円", "\\xe3\\x80\\x80", "\\x00",
]


def escaped(s):
    if "\\x" in s:  # already escaped bytes
        return '"%s"' % s
    return '"%s"' % "".join(chr(b) if 32 <= b < 127 and b not in (34, 92) else "\\x%02x" % b
                            for b in s.encode("utf-8"))


def report_main():
    print("# libFuzzer dictionary of the report vocabulary (fuzz_report, fuzz_source).")
    print("# Made by tests/fuzz/gen_dict.py --report from styles/report.rng;")
    print("# regenerate: python3 tests/fuzz/gen_dict.py --report > tests/fuzz/report.dict")
    rng = open(os.path.join(ROOT, "styles", "report.rng"), encoding="utf-8").read()
    seen = set()
    words = []
    for e in sorted(set(re.findall(r'<element name="([^"]+)"', rng))):
        words += ["<%s>" % e, "</%s>" % e, "<%s " % e]
    for a in sorted(set(re.findall(r'<attribute name="([^"]+)"', rng))):
        words.append(' %s="' % a)
    for v in sorted(set(re.findall(r"<value>([^<]+)</value>", rng))):
        words.append(v)
    for w in words + REPORT_XML:
        if w not in seen:
            seen.add(w)
            print(escaped(w))


def main():
    if sys.argv[1:] == ["--report"]:
        report_main()
        return
    print("# libFuzzer dictionary of XSL-FO names and values (fuzz_fo, fuzz_props).")
    print("# Made by tests/fuzz/gen_dict.py from tools/fo/fo_tree.c and tools/fo/fo_propdefs.txt;")
    print("# regenerate: python3 tests/fuzz/gen_dict.py > tests/fuzz/fo.dict")
    seen = set()

    def out(s):
        if s in seen:
            return
        seen.add(s)
        if "\\x" in s:  # already escaped bytes
            print('"%s"' % s)
            return
        esc = "".join(chr(b) if 32 <= b < 127 and b not in (34, 92) else "\\x%02x" % b
                      for b in s.encode("utf-8"))
        print('"%s"' % esc)

    for e in elements():
        name = e if ":" in e else "fo:" + e  # axf:ruby … carry their prefix
        out(name)
        out("<%s>" % name)
        out("</%s>" % name)
    names, keywords = properties()
    for n in names:
        out(n)
        out(' %s="' % n)
    for k in keywords:
        out(k)
    for v in VALUES:
        out(v)
    for x in XML:
        out(x)


if __name__ == "__main__":
    main()
