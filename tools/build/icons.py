#!/usr/bin/python3
"""Draws web/icon.svg's shapes as PNG icons for the web app manifest (Chromium wants 192 and 512
pixel PNGs to offer installing). No image library: the icon is a rounded square, a polygon and
a circle, sampled 4 times per pixel and written with zlib. Keep in step with web/icon.svg.

usage: icons.py OUT_DIR
"""
import os
import struct
import sys
import zlib

GREEN, PAPER, SUN = (0x1D, 0x6B, 0x47), (0xF7, 0xF5, 0xF0), (0xFF, 0xE5, 0x00)
MOUNTAIN = [(14, 44), (26, 24), (34, 36), (40, 28), (50, 44)]


def inside_polygon(x, y, points):
    result = False
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            result = not result
    return result


def colour_at(x, y):  # in the SVG's 64x64 units; None outside the rounded square
    r = 14
    cx, cy = min(max(x, r), 64 - r), min(max(y, r), 64 - r)
    if (x - cx) ** 2 + (y - cy) ** 2 > r * r:
        return None
    if (x - 44) ** 2 + (y - 18) ** 2 <= 25:
        return SUN
    if inside_polygon(x, y, MOUNTAIN):
        return PAPER
    return GREEN


def png(size):
    rows = []
    offsets = [(0.25, 0.25), (0.75, 0.25), (0.25, 0.75), (0.75, 0.75)]
    for py in range(size):
        row = bytearray([0])
        for px in range(size):
            total, covered = [0, 0, 0], 0
            for ox, oy in offsets:
                c = colour_at((px + ox) * 64 / size, (py + oy) * 64 / size)
                if c:
                    covered += 1
                    total = [t + v for t, v in zip(total, c)]
            if covered:
                row += bytes([round(t / covered) for t in total]) + bytes([round(255 * covered / 4)])
            else:
                row += bytes(4)
        rows.append(bytes(row))

    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))
    header = struct.pack('>IIBBBBB', size, size, 8, 6, 0, 0, 0)
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', header) + chunk(b'IDAT', zlib.compress(b''.join(rows), 9)) +
            chunk(b'IEND', b''))


def main():
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    for size in (192, 512):
        data = png(size)
        path = os.path.join(out_dir, f'icon-{size}.png')
        if not os.path.exists(path) or open(path, 'rb').read() != data:
            with open(path, 'wb') as f:
                f.write(data)


if __name__ == '__main__':
    main()
