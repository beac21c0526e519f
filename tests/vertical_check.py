#!/usr/bin/env python3
"""Checks of the vertical-writing showcase (docs/samples/jlreq-vertical.fo)
against its PDF text and its area-tree trace; run by tests/vertical_test.sh.

    vertical_check.py text  SAMPLE.fo RAW.txt [SAMPLE.trace]
                                                   every paragraph is in the PDF,
                                                   in reading order (ruby and dots,
                                                   found by the trace, left out)
    vertical_check.py trace SAMPLE.fo SAMPLE.trace regions, tiers, kinsoku,
                                                   upright/sideways runs, 縦中横

Prints one line per check, "pass WHAT" or "fail WHAT". Text is compared in
NFC with all white space removed (RAW.txt is pdftotext -raw, which follows
the content stream: top to bottom within a line, lines right to left).
pdfcheck cannot judge line starts and ends in vertical text (its line
metrics assume horizontal lines), so kinsoku is checked on the trace.
"""
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET

FO = "{http://www.w3.org/1999/XSL/Format}"
AXF = "{http://www.antennahouse.com/names/XSL/Extensions}"

# JLREQ 3.1.7 (cl-02, 03, 04, 05, 06, 07, 09, 10, 11) and 3.1.8 (cl-01),
# the members that occur in Japanese text
NOT_START = set("、。，．」）』】〕〉》’”〜？！・：；ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々ゝゞヽヾ")
NOT_END = set("「（『【〔〈《‘“")


def squeeze(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", s))


def report(ok, what):
    print(("pass " if ok else "fail ") + what)


def base_text(el):
    """The text of el without its ruby readings (axf:ruby-text), which the
    PDF does not have in the line's text."""
    if el.tag == AXF + "ruby-text":
        return el.tail or ""
    out = (el.text or "") + "".join(base_text(ch) for ch in el)
    return out + (el.tail or "")


def without_annotations(text, trace_path):
    """text (the PDF's, in content-stream order) without the ruby and the
    emphasis dots, which the renderer draws after their line's text: the
    trace's glyph runs come in the same order, so each annotation run is
    looked for from where the text before it was found."""
    cur = 0
    for page, kind, fields, t, depth, s in trace_lines(trace_path):
        t = squeeze(t)
        if kind != "glyphs" or not t:
            continue
        at = text.find(t, cur)
        if at < 0:
            continue
        if annotation(s):
            text = text[:at] + text[at + len(t):]
            cur = at
        else:
            cur = at + len(t)
    return text


def check_text(fo_path, raw_path, trace_path=None):
    text = squeeze(open(raw_path, encoding="utf-8").read())
    if trace_path:
        text = without_annotations(text, trace_path)
    blocks = [squeeze(base_text(b)) for b in ET.parse(fo_path).iter(FO + "block")]
    paras = [b for b in blocks if len(b) > 40]
    missing = [p[:20] for p in paras if p not in text]
    report(len(paras) >= 12 and not missing,
           f"{len(paras)} paragraphs found whole in the PDF text in reading order"
           + (f"; missing: {missing}" if missing else ""))
    order = [text.find(p) for p in paras if p in text]
    report(order == sorted(order), "the paragraphs come in document order")


def trace_lines(trace_path):
    """(page, kind, fields, text, depth) for every trace line."""
    out, page = [], 0
    for raw in open(trace_path, encoding="utf-8"):
        depth = (len(raw) - len(raw.lstrip(" "))) // 2
        s = raw.strip()
        kind = s.split(" ", 1)[0]
        if kind == "page":
            page += 1
        m = re.search(r'"((?:[^"\\]|\\.)*)"\s*$', s)
        text = m.group(1) if m else ""
        fields = dict(re.findall(r"(\w[\w-]*)=(\S+)", s[: m.start()] if m else s))
        out.append((page, kind, fields, text, depth, s))
    return out


def annotation(s):
    """Is the trace line s a ruby or emphasis-dot run (not the line's text)?"""
    return bool(re.search(r" (ruby|emphasis) \"", s))


def body_lines(lines):
    """The text of each line area of the region bodies, with its page."""
    out, cur, in_body = [], None, False
    for page, kind, fields, text, depth, s in lines:
        if kind == "region":
            in_body = s.startswith("region body")
        if kind in ("page", "region", "line", "block") and cur is not None:
            out.append(cur)
            cur = None
        if kind == "line" and in_body:
            cur = [page, ""]
        elif kind == "glyphs" and cur is not None and not annotation(s):
            cur[1] += text
    if cur is not None:
        out.append(cur)
    return [(p, squeeze(t)) for p, t in out if t.strip()]


def check_trace(fo_path, trace_path):
    lines = trace_lines(trace_path)
    pages = max(p for p, *_ in lines)
    bodies = [(p, f) for p, k, f, t, d, s in lines if s.startswith("region body")]
    report(len(bodies) == pages and all(f.get("wm") == "tb-rl" for _, f in bodies),
           "every page's region-body is tb-rl (page-sequence writing-mode)")
    outer = [f for p, k, f, t, d, s in lines if s.startswith(("region before", "region after"))]
    report(outer and all(f.get("wm") == "lr-tb" for f in outer),
           "running heads and folios keep their own writing-mode (lr-tb)")
    # the first body line: its ipd is the tier's height (24 em at 10pt)
    first = next(f for p, k, f, t, d, s in lines if k == "line")
    report(first.get("ipd") == "245760", f"a tier is 240pt long (line ipd {first.get('ipd')})")
    # tiers: the blocks of the article pages start at two inline offsets
    # (0 and 240pt + 20pt), those of the notices page at three offsets apart
    tiers = {}
    for p, k, f, t, d, s in lines:
        if k == "block" and d == 2:
            tiers.setdefault(p, set()).add(int(f["i"]) // 10240 // 10)
    report(len(tiers.get(1, ())) >= 2, f"page 1 has two tiers (block offsets {sorted(tiers.get(1, ()))})")
    report(len(tiers.get(3, ())) >= 2, f"page 3 has several tiers (block offsets {sorted(tiers.get(3, ()))})")
    boxes = [f for p, k, f, t, d, s in lines if s.startswith("block fo=block-container")]
    report(any(f.get("wm") == "lr-tb" and f.get("bpd") == "153600" for f in boxes),
           "the table box is horizontal inside the vertical text, 150pt wide")
    # lines stack right to left: b grows line by line within a block
    paras, cur = [], None
    for p, k, f, t, d, s in lines:
        if k == "block":
            cur = []
            paras.append(cur)
        elif k == "line" and cur is not None:
            cur.append(int(f["b"]))
    bs = next(b for b in paras if len(b) >= 3)
    report(bs == sorted(bs) and len(set(bs)) == len(bs),
           f"a paragraph's lines follow each other along b (right to left) {bs[:4]}")
    # JLREQ 3.1.7, 3.1.8 on every body line
    bl = body_lines(lines)
    bad_start = [t[:6] for p, t in bl if t[0] in NOT_START]
    bad_end = [t[-6:] for p, t in bl if t[-1] in NOT_END]
    report(len(bl) > 80 and not bad_start, f"no line of {len(bl)} starts with a character "
           f"JLREQ 3.1.7 forbids there {bad_start}")
    report(not bad_end, f"no line ends with an opening bracket {bad_end}")
    # upright CJK, sideways Latin
    up = [t for p, k, f, t, d, s in lines if k == "glyphs" and " upright " in s]
    side = [t for p, k, f, t, d, s in lines if k == "glyphs" and " upright " not in s
            and re.search(r"[A-Za-z]", t)]
    report(any("避難所" in t for t in up), "kanji and kana are set upright")
    report("NGO" in side and "Facebook" in side and not any("NGO" in t for t in up),
           "Latin words (NGO, Facebook) lie on their side")
    # 縦中横: standalone numbers of 1–2 digits, and "!?" by markup; longer
    # numbers stay on their side
    tcy, prev = [], None
    for p, k, f, t, d, s in lines:
        if prev is not None and k == "glyphs":
            tcy.append(t)
        prev = f if k == "inline" and f.get("wm") == "lr-tb" else None
    for want in ("12", "14", "78", "21", "!?"):
        report(want in tcy, f"'{want}' is one tate-chu-yoko unit")
    report("2011" not in tcy and "800" not in tcy, "2011 and 800 are not tate-chu-yoko")
    units = [(f["ipd"], f["bpd"]) for p, k, f, t, d, s in lines
             if k == "inline" and f.get("wm") == "lr-tb"]
    report(units and all(u == units[0] for u in units if u[0] == "10240"),
           f"each unit takes one em along the line ({len(units)} units)")
    check_annotations(lines)


def check_annotations(lines):
    """Ruby and emphasis dots in vertical lines (JLREQ 3.3.4 RB-2, 3.3.9
    EM-1): upright, right of the base's em box (towards b = 0 from the
    line's central line), ruby at half the base size; one sesame dot per
    character, a tate-chu-yoko unit counting as one."""
    rubies, dots, line = [], [], None
    for p, k, f, t, d, s in lines:
        if k == "line":
            line = f
        elif k == "glyphs" and line is not None and annotation(s):
            (rubies if " ruby " in s else dots).append((line, f, t, s))
    readings = [t for _, _, t, _ in rubies]
    for want in ("きゅう", "すい", "しゃ", "とう", "ちゃく", "ざい", "りゅう", "し", "かく"):
        report(want in readings, f"the reading {want} is set as ruby")
    # the em box of 10pt (9pt) text is centred on the central line: the
    # ruby (half the size) ends where the box begins, on its right
    right = [int(f["b"]) + int(f["bpd"]) <= int(ln["base"]) - 2 * int(f["size"]) // 2
             for ln, f, t, s in rubies]
    report(rubies and all(right), "every ruby stands right of its base's em box")
    report(all(" upright " in s and int(f["size"]) * 2 in (10240, 9216)
               for ln, f, t, s in rubies), "ruby is upright at half the base size")
    report(len(dots) == 1 and dots[0][2] == "﹅" * 6,
           f"12月11日まで has six sesame dots, one on each 縦中横 unit {[t for _, _, t, _ in dots]}")
    report(all(" upright " in s and int(f["b"]) + int(f["bpd"]) <= int(ln["base"]) - 4608
               for ln, f, t, s in dots), "the dots stand upright right of the characters")
    # Appendix F (RB-8): りゅう lies over the room that し leaves on 資, so
    # 留 and 資 touch; the reading ends past 留 (9pt = 9216)
    ryu = next((f for ln, f, t, s in rubies if t == "りゅう"), None)
    shi = next((f for ln, f, t, s in rubies if t == "し"), None)
    report(ryu is not None and shi is not None
           and int(ryu["i"]) + int(ryu["ipd"]) > int(shi["i"]) - 2304,
           "jukugo ruby: りゅう lies over the free room of 資 (JLREQ Appendix F)")


def main():
    kind, fo_path, path = sys.argv[1:4]
    if kind == "text":
        check_text(fo_path, path, sys.argv[4] if len(sys.argv) > 4 else None)
    else:
        check_trace(fo_path, path)


if __name__ == "__main__":
    main()
