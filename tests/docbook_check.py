#!/usr/bin/env python3
"""Checks on a PDF (and its trace) made from DocBook XSL's FO, for
tests/docbook_test.sh. Prints one line per check: "pass WHAT" or
"fail WHAT: why".

  docbook_check.py links PDF     every link and outline entry names a
                                 destination the PDF defines
  docbook_check.py tables TRACE  no table sticks out of its parent block
                                 (a width="100%" table in an indented body)
"""
import json
import re
import subprocess
import sys


def objects(pdf):
    out = subprocess.run(["qpdf", "--json", pdf], capture_output=True, check=True).stdout
    d = json.loads(out)
    objs = d["qpdf"][1] if "qpdf" in d else d["objects"]
    return {k: (v.get("value", v) if isinstance(v, dict) and "value" in v else v)
            for k, v in objs.items()}


def links(pdf):
    objs = objects(pdf)
    names = set()
    for v in objs.values():
        if isinstance(v, dict) and isinstance(v.get("/Names"), list):
            names.update(n for n in v["/Names"][0::2] if isinstance(n, str))
    wanted = []
    for k, v in objs.items():
        if not isinstance(v, dict) or "/Dest" not in v or not isinstance(v["/Dest"], str):
            continue
        wanted.append((k, v["/Dest"], v.get("/Subtype") == "/Link"))
    n_links = sum(1 for _, _, is_link in wanted if is_link)
    n_outline = len(wanted) - n_links
    bad = [(k, d) for k, d, _ in wanted if d not in names]
    if bad:
        print("fail every named destination exists: %d of %d missing, e.g. %s"
              % (len(bad), len(wanted), bad[:3]))
    elif n_links == 0 or n_outline == 0:
        print("fail internal links and outline entries found: %d links, %d outline entries"
              % (n_links, n_outline))
    else:
        print("pass %d internal links and %d outline entries go to defined destinations"
              % (n_links, n_outline))


AREA = re.compile(r"^( *)(\w+)(?: fo=([\w-]+))?.*? i=(-?\d+) .*?ipd=(\d+)")


def tables(trace):
    stack = []  # (indent, kind, fo, i, ipd)
    n = 0
    bad = []
    for line in open(trace, encoding="utf-8"):
        m = AREA.match(line)
        if not m:
            continue
        ind = len(m.group(1))
        while stack and stack[-1][0] >= ind:
            stack.pop()
        kind, fo, i, ipd = m.group(2), m.group(3), int(m.group(4)), int(m.group(5))
        if kind == "block" and fo == "table" and stack:
            n += 1
            parent = stack[-1]
            if i < 0 or i + ipd > parent[4] + 1:
                bad.append((line.strip()[:60], parent[4]))
        stack.append((ind, kind, fo, i, ipd))
    if n == 0:
        print("fail tables found in the trace")
    elif bad:
        print("fail %d of %d tables stick out of their parent block, e.g. %s" % (len(bad), n, bad[0]))
    else:
        print("pass all %d tables lie inside their parent blocks" % n)


if __name__ == "__main__":
    {"links": links, "tables": tables}[sys.argv[1]](sys.argv[2])
