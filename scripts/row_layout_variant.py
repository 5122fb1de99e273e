#!/usr/bin/env python3
"""Rewrite the 功能分类 code rows of a reading-order Shanghai disclosure
(reading_order_variant.py output) into the row layouts other converters produce.

  --wrapped-names   a row whose name wraps ("208 社会保障" / "和就业支出 326.72 326.72") prints
                    its figures between the two halves of the name:
                    "208 社会保障" / "326.72 326.72" / "和就业支出"
  --three-lines     every code row is code, name and figures on three lines:
                    "208 05 05" / "机关事业单位基本养老保险缴费支出" / "160.75 160.75"

Figures are not changed, so the variant must read to the same facts as its source.

usage: row_layout_variant.py (--wrapped-names|--three-lines) READING_ORDER_FIXTURE... [--out DIR]
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reading_order_variant as rov  # noqa: E402

ROW = re.compile(r"^(2\d\d(?: \d\d){0,2}|2\d\d(?:\d\d){0,2}) ([^\d\s]\S*)((?: \S+)*)$")
AMOUNT = rov.AMOUNT


def split_figures(words):
    """Trailing figures of a list of words, and the words before them."""
    k = len(words)
    while k > 0 and AMOUNT.match(words[k - 1]):
        k -= 1
    return words[:k], words[k:]


def rewrite(text, mode):
    lines = text.split("\n")
    out = []
    in_table = False
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if line.startswith("[PDF page"):
            in_table = "table" in line
            out.append(line)
            continue
        m = ROW.match(line) if in_table else None
        if not m:
            out.append(line)
            continue
        code, words = m.group(1), [m.group(2)] + m.group(3).split()
        name, figures = split_figures(words)
        rest = []
        if not figures and i < len(lines) and not ROW.match(lines[i]):
            # The name continues on the next line, followed by the figures.
            rest, figures = split_figures(lines[i].split())
            if figures:
                i += 1
            else:
                rest = []
        if not figures:
            out.append(line)
            continue
        if mode == "--wrapped-names" and rest:
            out += [code + " " + " ".join(name), " ".join(figures), " ".join(rest)]
        elif mode == "--three-lines":
            out += [code, "".join(name + rest), " ".join(figures)]
        else:
            out.append(code + " " + " ".join(name))
            out.append(" ".join(rest + figures))
    return "\n".join(out)


def main(argv):
    mode = argv[0]
    suffix = {"--wrapped-names": "-wrapped-names.txt", "--three-lines": "-three-lines.txt"}[mode]
    rov.write_variants(argv[1:], suffix, lambda text: rewrite(text, mode))


if __name__ == "__main__":
    main(sys.argv[1:])
