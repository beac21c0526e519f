#!/usr/bin/env python3
"""Checks of the multilingual leaflet (docs/samples/leaflet.fo) against its
PDF text and its area-tree trace; run by tests/leaflet_test.sh.

    leaflet_check.py text  LEAFLET.fo COLUMNS.txt   each paragraph's text is in the PDF
    leaflet_check.py lines LEAFLET.fo LEAFLET.trace Thai and Burmese break inside lines

Prints one line per check, "pass WHAT" or "fail WHAT", and "todo WHAT" for a
known gap that is not counted. Text is compared in NFC with all white space
removed: pdftotext and the trace put line breaks and spaces where the
layout does, not where the source has them.
"""
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET

FO = "{http://www.w3.org/1999/XSL/Format}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def squeeze(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", s))


def paragraphs(fo_path):
    """(lang, text outside any inline of another language, [(lang, text)
    of such inlines]) for every body paragraph with an xml:lang."""
    out = []
    for block in ET.parse(fo_path).iter(FO + "block"):
        lang = block.get(XML_LANG)
        text = "".join(block.itertext())
        if not lang or len(text) < 60 or block.find(FO + "block") is not None:
            continue
        inner = [(i.get(XML_LANG), "".join(i.itertext()))
                 for i in block.iter(FO + "inline") if i.get(XML_LANG)]
        out.append((lang, text, inner))
    return out


def report(ok, what, todo=False):
    print(("todo " if todo and not ok else "pass " if ok else "fail ") + what)


RTL_LANGS = ("ar", "ur", "fa", "he")


def trim_punct(piece, left, right):
    """piece without the punctuation at its left and/or right end: brackets
    next to right-to-left text are neutral in UAX #9, and pdftotext may
    put them on either side of it."""
    while left and piece and unicodedata.category(piece[0]).startswith("P"):
        piece = piece[1:]
    while right and piece and unicodedata.category(piece[-1]).startswith("P"):
        piece = piece[:-1]
    return piece


LAM_ALEF = re.compile("[\u0644\u0627]{2,}")


def rtl_key(s):
    """s for comparing right-to-left text with pdftotext's: pdftotext
    reverses the characters behind one glyph (the lam-alef ligature, one
    glyph for "\u0644\u0627") along with the line, so in runs of lam and
    alef only the letters count, not their order."""
    return LAM_ALEF.sub(lambda m: "".join(sorted(m.group(0))), squeeze(s))


def check_text(fo_path, text_path):
    pdf = squeeze(open(text_path, encoding="utf-8").read())
    for lang, text, inner in paragraphs(fo_path):
        pieces = [text]
        for ilang, itext in inner:
            # An inline of another language is checked on its own; the
            # rest of its paragraph around it must be there as it is.
            rtl = ilang.split("-")[0] in RTL_LANGS
            split = []
            for piece in pieces:
                parts = piece.split(itext)
                split += [trim_punct(p, rtl and k > 0, rtl and k < len(parts) - 1)
                          for k, p in enumerate(parts)]
            pieces = split
            # UAX #9: right-to-left words come out in logical order
            found = rtl_key(itext) in rtl_key(pdf) if rtl else squeeze(itext) in pdf
            report(found, f"{ilang} inside {lang}: '{itext}' in the PDF text")
        missing = [p for p in pieces if squeeze(p) and squeeze(p) not in pdf]
        report(not missing, f"{lang}: the paragraph is in the PDF text"
               + (f" (not found: '{missing[0][:40]}…')" if missing else ""))


def trace_lines(trace_path):
    """The text of each line area, in trace order."""
    lines, cur = [], None
    quoted = re.compile(r'"((?:[^"\\]|\\.)*)"\s*$')
    for raw in open(trace_path, encoding="utf-8"):
        s = raw.strip()
        if s.startswith("line "):
            cur = []
            lines.append(cur)
        elif s.startswith("glyphs ") and cur is not None:
            m = quoted.search(s)
            if m:
                cur.append(re.sub(r"\\(.)", r"\1", m.group(1)))
        elif not s.startswith(("glyphs", "link", "rule", "inline")):
            cur = None
    return ["".join(parts) for parts in lines]


def paragraph_lines(lines, text):
    """The run of consecutive lines that make up text, or []."""
    want = squeeze(text)
    for i, line in enumerate(lines):
        got = squeeze(line)
        if not got or not want.startswith(got):
            continue
        run, acc = [], ""
        for line2 in lines[i:]:
            acc += squeeze(line2)
            run.append(squeeze(line2))
            if not want.startswith(acc):
                break
            if acc == want:
                return run
    return []


def is_mark(ch):
    return unicodedata.category(ch).startswith("M")


# Thai vowels written before their consonant (and logically first): a line
# must not end with one. Myanmar's U+1031 comes after its consonant in
# memory and is a mark, so the mark test covers it.
LEADING_VOWELS = set("เแโใไ")


def rtl_runs(trace_path, text):
    """The glyph runs holding characters of text (right-to-left), by i."""
    chars = set(squeeze(text))
    runs = []
    pat = re.compile(r'^\s*glyphs i=(-?\d+) .*"((?:[^"\\]|\\.)*)"\s*$')
    for raw in open(trace_path, encoding="utf-8"):
        m = pat.match(raw)
        if m and m.group(2) and set(m.group(2)) <= chars:
            runs.append((int(m.group(1)), m.group(2)))
    return runs


def check_rtl_order(fo_path, trace_path):
    """UAX #9 L2: right-to-left text is set right to left, so its glyph
    runs (one per cluster) read from the line's left edge give the text
    backwards."""
    for lang, _, inner in paragraphs(fo_path):
        for ilang, itext in inner:
            if ilang.split("-")[0] not in RTL_LANGS:
                continue
            runs = rtl_runs(trace_path, itext)
            ordered = [t for _, t in sorted(runs)]
            got = "".join(reversed(ordered))
            report(len(runs) > 1 and got == squeeze(itext),
                   f"{ilang} inside {lang}: glyph runs in right-to-left visual order"
                   + ("" if got == squeeze(itext) else f" (got '{got}')"))


def check_lines(fo_path, trace_path):
    check_rtl_order(fo_path, trace_path)
    lines = trace_lines(trace_path)
    for lang, text, _ in paragraphs(fo_path):
        if lang not in ("th", "my"):
            continue
        run = paragraph_lines(lines, text)
        report(len(run) >= 2, f"{lang}: the paragraph spans {len(run)} lines (>= 2)")
        bad = [(a[-1], b[0]) for a, b in zip(run, run[1:])
               if is_mark(b[0]) or a[-1] in LEADING_VOWELS]
        report(not bad, f"{lang}: no line ends inside a cluster"
               + (f" ({bad[0]})" if bad else ""))
        # A break where the source has neither a space nor a punctuation
        # mark that allows one: the dictionary (libthai, ICU) found it.
        src = unicodedata.normalize("NFC", text)
        ends, pos = [], 0
        for part in run[:-1]:
            for ch in part:
                pos = src.index(ch, pos) + 1
            ends.append(pos)
        inside = [e for e in ends
                  if not src[e].isspace() and src[e - 1] not in "။၊"]
        report(len(inside) >= 1,
               f"{lang}: {len(inside)} line break(s) inside space-free text")


def main(argv):
    if len(argv) != 4 or argv[1] not in ("text", "lines"):
        print(__doc__, file=sys.stderr)
        return 2
    if argv[1] == "text":
        check_text(argv[2], argv[3])
    else:
        check_lines(argv[2], argv[3])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
