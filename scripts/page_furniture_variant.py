#!/usr/bin/env python3
"""Add the page furniture of a printed document to a Shanghai disclosure's text.

Every page break ("[PDF page N…]", N ≥ 2) gets what a PDF's text carries there: the previous
page's footer "— N-1 —", a form feed, and a running header (the cover's unit and title on one
line). Two page breaks are added where they hurt most:
  - inside a sentence of the 情况说明: the first line stating a change against the prior year
    (增加/减少 followed by an amount) is cut right after 增加/减少, so the amount starts the
    next page;
  - inside a table: the first code table page gets a break after its middle code row.
Figures are not changed, so the variant must read to the same facts as the original.

usage: page_furniture_variant.py FIXTURE... [--out DIR]
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reading_order_variant as rov  # noqa: E402

CODE_ROW = re.compile(r"^\d{3}(\s|\d)")
CHANGE = re.compile(r"(增加|减少)(?=\d)")


def header_of(lines):
    """The cover's first two lines of text: the unit and the title."""
    cover = []
    for line in lines:
        if line.startswith("#") or line.startswith("[PDF page") or not line.strip():
            continue
        cover.append(line.strip())
        if len(cover) == 2:
            break
    return "".join(cover)


def rewrite(text):
    lines = text.split("\n")
    header = header_of(lines)
    page = 1
    out = []
    in_table = False
    table_break_done = False
    sentence_break_done = False
    table_page = []

    def page_break(annotation=None):
        """Footer of the page ending, form feed, (the fixture's page annotation,) header."""
        nonlocal page
        out.append("")
        out.append("— %d —" % page)
        page += 1
        if annotation is None:
            out.append("\f" + header)
        else:
            out.append("\f" + annotation)
            out.append(header)

    def flush_table_page():
        nonlocal table_break_done, table_page
        codes = [i for i, l in enumerate(table_page) if CODE_ROW.match(l)]
        if not table_break_done and len(codes) >= 6:
            cut = codes[len(codes) // 2]
            out.extend(table_page[:cut])
            page_break()
            out.extend(table_page[cut:])
            table_break_done = True
        else:
            out.extend(table_page)
        table_page = []

    for line in lines:
        if line.startswith("[PDF page"):
            if in_table:
                flush_table_page()
            in_table = "table" in line
            if line.startswith("[PDF page 1]"):
                out.append(line)
            else:
                page_break(line)
            continue
        if in_table:
            table_page.append(line)
            continue
        m = CHANGE.search(line)
        if m and not sentence_break_done and not line.startswith("#"):
            out.append(line[:m.end()])
            page_break()
            out.append(line[m.end():])
            sentence_break_done = True
            continue
        out.append(line)
    if in_table:
        flush_table_page()
    return "\n".join(out)


def main(argv):
    rov.write_variants(argv, "-page-furniture.txt", rewrite)


if __name__ == "__main__":
    main(sys.argv[1:])
