#!/usr/bin/env python3
"""Grow a Shanghai disclosure's text to a given size by repeating its 情况说明 (第三部分).

The tables stay as they are; the 情况说明's lines (from the 第三部分 heading after the tables
up to 第四部分) are repeated until the file reaches SIZE bytes, so the importer reads a valid
document whose narrative is long. Used to check that import time grows linearly with the
file's size (bench/run.sh section d: a 1 MB and a 10 MB input).

usage: large_input_variant.py FIXTURE SIZE_BYTES OUT
"""
import sys


def narrative_span(lines):
    """Indexes [start, end) of the 情况说明's body: after the last 第三部分 heading that precedes
    the last 第四部分 heading."""
    fourth = max(i for i, line in enumerate(lines) if line.replace(" ", "").startswith("第四部分"))
    third = max(i for i in range(fourth) if lines[i].replace(" ", "").startswith("第三部分"))
    return third + 1, fourth


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    source, size, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with open(source, encoding="utf-8") as f:
        lines = f.read().split("\n")
    start, end = narrative_span(lines)
    body = lines[start:end]
    head, tail = lines[:end], lines[end:]
    current = len("\n".join(lines).encode("utf-8"))
    chunk = len("\n".join(body).encode("utf-8")) + 1
    repeats = max(0, (size - current) // chunk)
    grown = head + body * repeats + tail
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(grown))


if __name__ == "__main__":
    main()
