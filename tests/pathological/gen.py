#!/usr/bin/env python3
"""Writes the pathological inputs of tests/pathological.sh into DIR.

    python3 tests/pathological/gen.py DIR

Big inputs are made here, at test time, so that the repository holds no
megabytes. Each file is named after its case in tests/pathological.sh,
where its expected outcome is written down. Every input is deterministic.
"""
import os
import struct
import sys
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" xml:lang="ja">
  <fo:layout-master-set>
    <fo:simple-page-master master-name="p" page-width="{w}" page-height="{h}"{pm_attrs}>
      <fo:region-body margin="{margin}"{body_attrs}/>
    </fo:simple-page-master>
  </fo:layout-master-set>
  <fo:page-sequence master-reference="p">
    <fo:flow flow-name="xsl-region-body" font-family="Noto Serif CJK JP" font-size="{size}"{flow_attrs}>
"""
TAIL = """    </fo:flow>
  </fo:page-sequence>
</fo:root>
"""
PARA = "移住者の権利を守るために、全国のネットワークが相談会を開きました。"


def fo(body, w="300pt", h="300pt", margin="20pt", size="10pt", pm_attrs="",
       body_attrs="", flow_attrs=""):
    return HEAD.format(w=w, h=h, margin=margin, size=size, pm_attrs=pm_attrs,
                       body_attrs=body_attrs, flow_attrs=flow_attrs) + body + TAIL


def png(width, height, rows=None):
    """A grey PNG of width x height pixels (no pHYs: 96 dpi); with rows,
    only that many rows of data follow (the file declares the full size)."""
    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    row = b"\x00" + b"\x80" * width
    raw = zlib.compress(row * (height if rows is None else rows), 9)
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", raw)
            + chunk(b"IEND", b""))


def graphic(src):
    return '      <fo:block>前<fo:external-graphic src="url(%s)"/>後</fo:block>\n' % src


def cases():
    c = {}
    c["good.fo"] = fo("      <fo:block>良</fo:block>\n")
    # --- text that cannot break
    c["nobreak-latin.fo"] = fo("      <fo:block>%s</fo:block>\n" % ("a" * 20000))
    # U+30FC (prolonged sound mark, cl-11 in JLREQ terms: never at a line
    # start), so no break is allowed between any two of them.
    c["nobreak-ja.fo"] = fo("      <fo:block>%s</fo:block>\n" % ("ー" * 20000))
    c["word-wider-than-column.fo"] = fo(
        '      <fo:block-container width="30pt"><fo:block font-family="Liberation Serif">'
        'Internationalisation Antidisestablishmentarianism</fo:block></fo:block-container>\n')
    # --- big and deep
    rows = "".join("          <fo:table-row><fo:table-cell><fo:block>%d</fo:block></fo:table-cell>"
                   "<fo:table-cell><fo:block>行%d</fo:block></fo:table-cell></fo:table-row>\n"
                   % (i, i) for i in range(10000))
    c["table-10000.fo"] = fo("      <fo:table><fo:table-body>\n%s        </fo:table-body></fo:table>\n"
                             % rows, h="842pt", w="595pt")
    c["deep-10000.fo"] = fo("      " + "<fo:block>" * 10000 + "深" + "</fo:block>" * 10000 + "\n")
    # just under libxml2's nesting limit: the layout recursion sees it all
    c["deep-200.fo"] = fo("      " + '<fo:block start-indent="inherited-property-value(start-indent) + 0.1pt">' * 100
                          + "<fo:inline>" * 90 + "深" + "</fo:inline>" * 90 + "</fo:block>" * 100 + "\n")
    c["attr-1mb.fo"] = fo('      <fo:block id="%s" font-family="%s">一</fo:block>\n'
                          % ("i" * (1 << 20), "F" * (1 << 20)))
    c["attr-1mb-length.fo"] = fo('      <fo:block space-before="%s">一</fo:block>\n'
                                 % ("1" * (1 << 20) + "pt"))
    # --- bytes that are not XML
    c["bad-utf8.fo"] = fo("      <fo:block>ok</fo:block>\n      <fo:block>@ bad</fo:block>\n"
                          ).encode("utf-8").replace(b"@", b"\xff\xfe")
    c["nul-byte.fo"] = fo("      <fo:block>a\x00b</fo:block>\n")
    c["empty.fo"] = ""
    c["no-sequence.fo"] = ('<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format">'
                           '<fo:layout-master-set><fo:simple-page-master master-name="p">'
                           '<fo:region-body/></fo:simple-page-master></fo:layout-master-set></fo:root>\n')
    # --- absurd geometry
    c["zero-page.fo"] = fo("      <fo:block>零</fo:block>\n", w="0pt", h="0pt", margin="0pt")
    c["negative-page.fo"] = fo("      <fo:block>負</fo:block>\n", w="-5cm")
    c["huge-font.fo"] = fo("      <fo:block>大</fo:block>\n", size="1e9pt")
    c["huge-font-number.fo"] = fo("      <fo:block>大</fo:block>\n", size="1000000000pt")
    c["huge-margin.fo"] = fo("      <fo:block>外</fo:block>\n", margin="100km")
    c["huge-margin-mm.fo"] = fo("      <fo:block>外</fo:block>\n", margin="100000000mm")
    c["huge-page.fo"] = fo("      <fo:block>巨</fo:block>\n", w="1e9pt", h="1e9pt")
    c["huge-page-in.fo"] = fo("      <fo:block>巨</fo:block>\n", w="99999999in", h="99999999in")
    c["negative-lengths.fo"] = fo(
        '      <fo:block space-before="-1e9pt" padding="-5cm" start-indent="-100km" '
        'font-size="-3pt" line-height="-2">負</fo:block>\n')
    # --- content that can never fit
    c["big.png"] = png(4000, 6000)  # 3000pt x 4500pt at 96 dpi
    c["image-larger-than-page.fo"] = fo(graphic("big.png")
                                        + '      <fo:block><fo:external-graphic src="url(big.png)" '
                                          'content-width="scale-down-to-fit"/></fo:block>\n')
    # a decompression bomb: a small file declaring 50,000 x 50,000 pixels
    c["bomb.png"] = png(50000, 50000, rows=16)
    c["image-bomb.fo"] = fo(graphic("bomb.png"))
    c["image-block-taller.fo"] = fo('      <fo:block><fo:external-graphic src="url(big.png)" '
                                    'content-height="3000pt"/></fo:block>\n')
    paras = "".join("        <fo:block>%d %s</fo:block>\n" % (i, PARA) for i in range(120))
    c["keep-together-long.fo"] = fo('      <fo:block keep-together.within-page="always">\n%s'
                                    '      </fo:block>\n' % paras)
    chain = "".join('      <fo:block keep-with-next.within-page="always">%d %s</fo:block>\n'
                    % (i, PARA) for i in range(120))
    c["keep-with-next-chain.fo"] = fo(chain + "      <fo:block>終</fo:block>\n")
    cell = "".join("<fo:block>%d %s</fo:block>" % (i, PARA) for i in range(120))
    c["row-taller-than-body.fo"] = fo(
        "      <fo:table><fo:table-body><fo:table-row><fo:table-cell>%s</fo:table-cell>"
        "<fo:table-cell><fo:block>右</fo:block></fo:table-cell></fo:table-row>"
        "</fo:table-body></fo:table>\n" % cell)
    # the same row kept together: it cannot break, so it runs off the page
    c["row-kept-taller-than-body.fo"] = fo(
        "      <fo:table><fo:table-body>"
        "<fo:table-row keep-together.within-page=\"always\"><fo:table-cell>%s</fo:table-cell>"
        "<fo:table-cell><fo:block>右</fo:block></fo:table-cell></fo:table-row>"
        "</fo:table-body></fo:table>\n" % cell)
    # one line taller than the page in a breakable row: the row breaks
    # around it, and that part runs off the page
    c["row-line-taller-than-body.fo"] = fo(
        "      <fo:table><fo:table-body><fo:table-row><fo:table-cell>"
        "<fo:block>前</fo:block><fo:block font-size=\"400pt\">大</fo:block>"
        "<fo:block>後</fo:block></fo:table-cell></fo:table-row>"
        "</fo:table-body></fo:table>\n")
    # the same line beside a cell of 60 short lines: the part holding the
    # tall line takes the lines beside it too (no crawl of a few lines a page)
    lines = "".join("<fo:block>行%d</fo:block>" % i for i in range(60))
    c["row-tall-line-beside-lines.fo"] = fo(
        "      <fo:table><fo:table-body><fo:table-row><fo:table-cell>"
        "<fo:block>前</fo:block><fo:block font-size=\"250pt\">大</fo:block>"
        "<fo:block>後</fo:block></fo:table-cell><fo:table-cell>%s</fo:table-cell>"
        "</fo:table-row></fo:table-body></fo:table>\n" % lines)
    note = "".join("<fo:block>%d %s</fo:block>" % (i, PARA) for i in range(120))
    c["footnote-longer-than-page.fo"] = fo(
        "      <fo:block>本文<fo:footnote><fo:inline>*</fo:inline><fo:footnote-body>%s"
        "</fo:footnote-body></fo:footnote>の続き。</fo:block>\n" % note)
    # --- columns, span="all" and the line grid (tools/layout/colset.c, grid.c)
    cols = ' column-count="2" column-gap="10pt"'
    c["span-taller-than-page.fo"] = fo(
        "      <fo:block>%s</fo:block>\n"
        '      <fo:block span="all"><fo:external-graphic src="url(big.png)" '
        'content-height="3000pt"/></fo:block>\n'
        "      <fo:block>%s</fo:block>\n" % (PARA, PARA), body_attrs=cols)
    c["span-keep-long.fo"] = fo('      <fo:block span="all" keep-together.within-page="always">\n%s'
                                '      </fo:block>\n' % paras, body_attrs=cols)
    c["columns-cannot-balance.fo"] = fo(
        '      <fo:block>%s</fo:block>\n'
        '      <fo:block><fo:external-graphic src="url(big.png)" content-height="250pt"/></fo:block>\n'
        % PARA, body_attrs=cols)
    axf = ' xmlns:axf="http://www.antennahouse.com/names/XSL/Extensions" axf:baseline-grid="new"'
    c["grid-pitch-zero.fo"] = fo("      <fo:block>%s</fo:block>\n" % PARA,
                                 flow_attrs=axf + ' line-height="0pt"', body_attrs=cols)
    c["grid-pitch-huge.fo"] = fo("      <fo:block>%s</fo:block>\n" % PARA,
                                 flow_attrs=axf + ' line-height="5000pt"', body_attrs=cols)
    # --- images that are not there
    c["corrupt.png"] = b"\x89PNG\r\n\x1a\n" + b"this is not a PNG at all" * 10
    c["image-missing.fo"] = fo("      <fo:block>前</fo:block>\n" + graphic("no-such-image.png"))
    c["image-corrupt.fo"] = fo("      <fo:block>前</fo:block>\n" + graphic("corrupt.png"))
    c["image-traversal.fo"] = fo(graphic("../../../../../../../../etc/passwd"))
    c["image-absolute.fo"] = fo(graphic("/etc/passwd"))
    c["image-absolute-png.fo"] = fo(graphic("/usr/share/pixmaps/debian-logo.png"))
    # --- runaway length
    pages = "".join('      <fo:block break-before="page">第%d頁</fo:block>\n' % i
                    for i in range(1, 21))
    c["twenty-pages.fo"] = fo(pages)
    # a source report whose root carries a 1 MB attribute value
    with open(os.path.join(ROOT, "docs", "reports", "2022.xml"), encoding="utf-8") as f:
        src = f.read()
    c["source-attr-1mb.xml"] = src.replace('version="1"', 'version="%s"' % ("1" * (1 << 20)), 1)
    return c


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for name, data in cases().items():
        if isinstance(data, str):
            data = data.encode("utf-8")
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
