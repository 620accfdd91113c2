"""Draws the package icon (icon.png, 128x128): a white delta on a river-blue rounded square. Standard library only,
so it runs anywhere; the PNG is checked in and only needs regenerating if this script changes."""
import struct
import zlib

SIZE, RADIUS, SAMPLES = 128, 22, 4
BLUE, WHITE = (0x1F, 0x6F, 0xB2), (0xFF, 0xFF, 0xFF)
# The delta: an outer triangle with a triangular hole, the hole's edges parallel to the outer ones.
OUTER = [(64, 18), (112, 106), (16, 106)]
INNER = [(64, 50), (87, 92), (41, 92)]


def inside_triangle(x, y, tri):
    (x1, y1), (x2, y2), (x3, y3) = tri
    d1 = (x - x2) * (y1 - y2) - (x1 - x2) * (y - y2)
    d2 = (x - x3) * (y2 - y3) - (x2 - x3) * (y - y3)
    d3 = (x - x1) * (y3 - y1) - (x3 - x1) * (y - y1)
    return not ((d1 < 0 or d2 < 0 or d3 < 0) and (d1 > 0 or d2 > 0 or d3 > 0))


def inside_rounded_square(x, y):
    cx = min(max(x, RADIUS), SIZE - RADIUS)
    cy = min(max(y, RADIUS), SIZE - RADIUS)
    return (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS ** 2


def pixel(px, py):
    covered = white = 0
    for sy in range(SAMPLES):
        for sx in range(SAMPLES):
            x, y = px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES
            if inside_rounded_square(x, y):
                covered += 1
                if inside_triangle(x, y, OUTER) and not inside_triangle(x, y, INNER):
                    white += 1
    n = SAMPLES * SAMPLES
    if covered == 0:
        return (0, 0, 0, 0)
    mix = white / covered
    rgb = tuple(round(b + (w - b) * mix) for b, w in zip(BLUE, WHITE))
    return rgb + (round(255 * covered / n),)


rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(SIZE)) for y in range(SIZE))


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
with open("icon.png", "wb") as f:
    f.write(png)
