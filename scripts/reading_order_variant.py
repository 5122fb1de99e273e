#!/usr/bin/env python3
"""Rewrite a `pdftotext -layout` Shanghai disclosure into reading-order text.

Table pages ("[PDF page N – table, layout mode]") are rewritten so that each table row is
flattened onto one line (cells separated by single spaces; figures printed above or below
a tall row's code line are moved into it; wrapped label pieces are joined), and labels
longer than WRAP characters are wrapped: the label's second half starts the next line,
followed by the rest of the row. Narrative pages are kept as they are.

usage: reading_order_variant.py FIXTURE... [--out DIR]
"""
import os
import re
import sys

WRAP = 8
AMOUNT = re.compile(r"^-?(\d{1,3}(,\d{3})+|\d+)\.\d+$")
CODE = re.compile(r"^\d{3}(\d{2}){0,2}$")
ORDINAL = re.compile(r"^[一二三四五六七八九十]+、")
ROW_WORDS = ("合计", "总计", "结转和结余", "使用非财政拨款结余", "结余分配")


def tokens(line):
    out = []
    # Letter-spaced labels ("因 公 出 国 （ 境 ） 费") are one cell.
    line = re.sub(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])", "\u2060", line)
    for m in re.finditer(r"[^ \u3000]+", line):
        text, x = m.group(0).replace("\u2060", ""), m.start()
        g = re.match(r"^(\d{3}|\d{5}|\d{7})([^\x00-\x7f].*)$", text)
        if g:
            out.append([g.group(1), x])
            out.append([g.group(2), x + len(g.group(1))])
        else:
            out.append([text, x])
    return out


def is_amount(t):
    return bool(AMOUNT.match(t[0]))


def is_text(t):
    return not is_amount(t) and not CODE.match(t[0]) and not re.match(r"^\d{2}$", t[0])


def row_like(toks):
    if not toks or all(is_amount(t) for t in toks):
        return False
    if CODE.match(toks[0][0]):
        return True
    return any(ORDINAL.match(t[0]) or any(w in t[0] for w in ROW_WORDS) for t in toks)


def has_label(row):
    return any(is_text(t) for t in row)


def add_fragment(row, frag):
    """Join a wrapped label piece to the label cell it continues (nearest label at its left)."""
    for t in frag:
        if not is_text(t):
            row.append(list(t))
            continue
        labels = [r for r in row if is_text(r) and abs(r[1] - t[1]) <= 3]
        if labels:
            labels[0][0] += t[0]
        else:
            row.append(list(t))


def render(row):
    toks = sorted(row, key=lambda t: t[1])
    words = [t[0] for t in toks]
    # Wrap the first long label: its second half starts the next line.
    for i, t in enumerate(toks):
        if is_text(t):
            if len(t[0]) > WRAP:
                half = len(t[0]) // 2
                first = " ".join(words[:i] + [t[0][:half]])
                rest = " ".join([t[0][half:]] + words[i + 1:])
                return [first, rest]
            break
    return [" ".join(words)]


def rewrite_table_page(lines):
    out, rows, pending, started = [], [], [], False
    toks = [tokens(l) for l in lines]

    def flush_rows():
        for r in rows:
            out.extend(render(r))
        rows.clear()

    for i, tk in enumerate(toks):
        line = lines[i]
        if not tk:
            continue
        if tk[0][0].startswith("注") or tk[0][0].startswith("说明") or "：" in line and not row_like(tk):
            flush_rows()
            if pending:
                out.append(" ".join(t[0] for t in sorted(pending, key=lambda t: t[1])))
                pending = []
            out.append(" ".join(t[0] for t in tk))
            continue
        if all(is_amount(t) for t in tk):
            pending += tk
            continue
        if row_like(tk):
            started = True
            row = [list(t) for t in tk] + [list(t) for t in pending]
            pending = []
            # A right-hand cell printed between the wrapped pieces of a left-hand label.
            if rows and tk[0][1] > 10 and all(t[1] < 10 for t in rows[-1] if is_text(t)) \
                    and not any(t[1] > 20 for t in rows[-1]) and not is_amount(tk[0]):
                rows[-1].extend(row)
                continue
            if rows and getattr(rewrite_table_page, "pre", None):
                row = rewrite_table_page.pre + row
            rewrite_table_page.pre = None
            rows.append(row)
            continue
        if not started or not rows:
            out.append(" ".join(t[0] for t in tk))
            continue
        # A wrapped label piece: the next row's first line when that row prints no label.
        nxt = toks[i + 1] if i + 1 < len(toks) else []
        text_len = sum(len(t[0]) for t in tk if is_text(t))
        if row_like(nxt) and not has_label(nxt) and has_label(rows[-1]) and text_len >= 6 \
                and not pending and all(is_text(t) for t in tk):
            rewrite_table_page.pre = [list(t) for t in tk]
            continue
        add_fragment(rows[-1], tk)
    flush_rows()
    if pending:
        out.append(" ".join(t[0] for t in sorted(pending, key=lambda t: t[1])))
    return out


def flush_page(out, page):
    # A page printed in layout mode that holds the narrative (第三部分 情况说明) stays as it is.
    first = next((l.strip() for l in page if l.strip()), "")
    if first.startswith("第三部分"):
        out.extend(page)
        return
    rewrite_table_page.pre = None
    out.extend(rewrite_table_page(page))


def rewrite(text):
    lines = text.split("\n")
    out, page, in_table = [], [], False
    for line in lines:
        if line.startswith("[PDF page"):
            if in_table:
                flush_page(out, page)
                page = []
            in_table = "table, layout" in line
            out.append(line.replace("table, layout mode", "table, reading order") if in_table else line)
            continue
        if line.startswith("# extraction:"):
            out.append("# extraction: reading-order variant made by scripts/reading_order_variant.py from the layout text"
                       " (table rows flattened onto one line, labels over %d characters wrapped)" % WRAP)
            continue
        if in_table:
            page.append(line)
        else:
            out.append(line)
    if in_table:
        flush_page(out, page)
    return "\n".join(out)


def write_variants(argv, suffix, rewrite_text):
    """Writes rewrite_text(file) for each file in argv as NAME<suffix> under --out
    (default fixtures/disclosures/variants); shared by the variant scripts."""
    out_dir = "fixtures/disclosures/variants"
    files = []
    i = 0
    while i < len(argv):
        if argv[i] == "--out":
            out_dir = argv[i + 1]
            i += 2
        else:
            files.append(argv[i])
            i += 1
    os.makedirs(out_dir, exist_ok=True)
    for f in files:
        with open(f, encoding="utf-8") as h:
            text = h.read()
        name = os.path.basename(f).replace(".txt", suffix)
        with open(os.path.join(out_dir, name), "w", encoding="utf-8") as h:
            h.write(rewrite_text(text))
        print(os.path.join(out_dir, name))


def main(argv):
    write_variants(argv, "-reading-order.txt", rewrite)


if __name__ == "__main__":
    main(sys.argv[1:])
