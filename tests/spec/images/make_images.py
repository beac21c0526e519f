#!/usr/bin/env python3
"""Writes the images of tests/spec/graphics.spec (run from anywhere; the
files are checked in, rerun only to change them).

wide.png   192 × 96 px, no pHYs chunk: 96 dpi by default, so 144pt × 72pt
dense.png  100 × 100 px, pHYs 7874 px/m (200 dpi, 199.9996): 36pt × 36pt
photo.jpg  100 × 50 px, JFIF 72 dots/inch: 100pt × 50pt (needs ImageMagick)
"""
import os
import struct
import subprocess
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def png(path, w, h, rgb, ppm=None):
    rows = b"".join(b"\x00" + bytes(rgb) * w for _ in range(h))
    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
    if ppm:
        out += chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1))
    out += chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(out)


def main():
    png(os.path.join(HERE, "wide.png"), 192, 96, (200, 40, 40))
    png(os.path.join(HERE, "dense.png"), 100, 100, (40, 40, 200), ppm=7874)
    subprocess.run(["convert", "-size", "100x50", "xc:#28a028", "-units", "PixelsPerInch",
                    "-density", "72", "-strip", "-set", "comment", "", "-quality", "80",
                    "-define", "jpeg:write-jfif=true",
                    os.path.join(HERE, "photo.jpg")], check=True)


if __name__ == "__main__":
    main()
