#!/usr/bin/env python3
"""Rewrite a `pdftotext -layout` Shanghai disclosure into Word-style text.

Word saves a table as one line per row with its cells separated by TABs; an empty cell is an
empty field (two consecutive TABs). Table pages ("[PDF page N – table, layout mode]") are
rewritten that way: rows are gathered as in reading_order_variant.py (figures printed above
or below a tall row's code line and wrapped label pieces joined to the row), then each figure
is put in the column whose span contains its RIGHT end (figures are right-aligned). Column
spans run from one column heading's start to the next heading's start, found on the table's
heading lines by the template's column names; continuation pages (no headings) use the
table's headings scaled by where the row totals end on that page. In the 一般公共预算财政拨款
基本支出决算表 the left and right halves are split at the x position of the second code on
the page. Narrative pages are kept as they are.

Row layouts (cells):
  收入支出决算总表             label, 决算数, label, 决算数
  财政拨款收入支出决算总表       label, 决算数, label, 合计, 一般公共预算, 政府性基金, 国有资本经营
  code tables                  code, label, column 1 … column n
  基本支出决算表               code, label, 决算数, code, label, 决算数
  三公经费表                   the 12 预算数/决算数 cells (heading row and figure row)

usage: word_text_variant.py FIXTURE... [--out DIR]
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reading_order_variant as rov  # noqa: E402

TITLES = ["收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表", "一般公共预算财政拨款支出决算表",
          "一般公共预算财政拨款基本支出决算表", "财政拨款“三公”经费支出决算表",
          "政府性基金预算财政拨款收入支出决算表", "国有资本经营预算财政拨款收入支出决算表"]

# Column headings (template names, as prefixes) of the figure columns, left to right.
CODE_COLUMNS = {
    "收入决算表": ["本年收入合", "财政拨款收", "上级补助", "事业收", "经营收", "附属单", "其他收"],
    "支出决算表": ["本年支出合", "基本支出", "项目支", "上缴上级", "经营支", "对附属单位"],
    "一般公共预算财政拨款支出决算表": ["合计", "基本支出", "项目支出"],
    "政府性基金预算财政拨款收入支出决算表": ["年初结转和", "本年收入", "小计|合计", "基本支出", "项目支出", "年末结转和"],
    "国有资本经营预算财政拨款收入支出决算表": ["年初结转和", "本年收入", "小计|合计", "基本支出", "项目支出", "年末结转和"],
}
FISCAL_RIGHT = ["合计", "一般公共", "政府性基", "国有资本"]
AMOUNT = rov.AMOUNT
CODE = re.compile(r"^\d{3}(\d{2}){0,2}$")


def is_amount(t):
    return bool(AMOUNT.match(t[0]))


def is_code(t):
    return bool(CODE.match(t[0])) or bool(re.match(r"^\d{2}$", t[0]))


def find_headings(lines, names):
    """Right edge of each heading name (the end of the heading piece holding it) on the
    heading lines (those before the first figure or code)."""
    found = []
    for name in names:
        best = None
        for line in lines:
            toks = rov.tokens(line)
            if any(is_amount(t) for t in toks) or re.match(r"^\s*\d{3}", line):
                break
            for alt in name.split("|"):
                k = line.find(alt)
                if k < 0:
                    continue
                end = max((t[1] + len(t[0]) for t in toks if t[1] <= k < t[1] + len(t[0])), default=k + len(alt))
                if best is None or end < best:
                    best = end
        found.append(best)
    return found


class Table:
    def __init__(self, title):
        self.title = title
        self.starts = None      # heading starts of the figure columns
        self.total_end = None   # where the totals end on the heading page


def median(xs):
    xs = sorted(xs)
    return xs[len(xs) // 2] if xs else None


def column_of(edges, right):
    """The column whose heading's right edge is nearest the figure's right end (figures are
    right-aligned): spans split halfway between consecutive heading right edges."""
    col = 0
    for j in range(1, len(edges)):
        if right > (edges[j - 1] + edges[j]) / 2:
            col = j
    return col


def page_starts(table, rows):
    """Heading starts for this page: the table's, scaled to where this page's row totals end."""
    ends = [min((t[1] + len(t[0]) for t in r if is_amount(t)), default=None) for r in rows]
    ends = [e for e in ends if e is not None]
    here = median(ends)
    if table.starts is None:
        return None
    if table.total_end is None:
        table.total_end = here
    if here is None or table.total_end is None:
        return table.starts
    scale = here / table.total_end
    return [None if s is None else s * scale for s in table.starts]


def code_and_label(row):
    code = "".join(t[0] for t in sorted(row, key=lambda t: t[1]) if is_code(t))
    label = "".join(t[0] for t in sorted(row, key=lambda t: t[1]) if not is_code(t) and not is_amount(t))
    return code, label


def render_code_row(row, starts, count):
    code, label = code_and_label(row)
    cells = [""] * count
    for t in sorted((t for t in row if is_amount(t)), key=lambda t: t[1]):
        j = column_of(starts, t[1] + len(t[0]))
        cells[j] = t[0] if not cells[j] else cells[j] + " " + t[0]
    return "\t".join([code, label] + cells)


def render_halves(row, split, right_columns=None):
    """A label table row: left label and figure, right label and figure(s)."""
    left = [t for t in row if t[1] < split]
    right = [t for t in row if t[1] >= split]
    out = []
    for side, toks in ((0, left), (1, right)):
        label = "".join(t[0] for t in sorted(toks, key=lambda t: t[1]) if not is_amount(t))
        figures = sorted((t for t in toks if is_amount(t)), key=lambda t: t[1])
        if side == 1 and right_columns:
            cells = [""] * len(right_columns)
            for t in figures:
                cells[column_of(right_columns, t[1] + len(t[0]))] = t[0]
            out += [label] + cells
        else:
            out += [label, " ".join(t[0] for t in figures)]
    return "\t".join(out)


def render_basic_row(row, split):
    out = []
    for toks in ([t for t in row if t[1] < split - 2], [t for t in row if t[1] >= split - 2]):
        code = "".join(t[0] for t in sorted(toks, key=lambda t: t[1]) if is_code(t))
        label = "".join(t[0] for t in sorted(toks, key=lambda t: t[1]) if not is_code(t) and not is_amount(t))
        out += [code, label, " ".join(t[0] for t in sorted(toks, key=lambda t: t[1]) if is_amount(t))]
    return "\t".join(out)


def rewrite_page(page, table):
    """Rewrite one table page; `table` is the table continued from the page before (or None)."""
    # Which table starts on this page (the last title wins for the rows after it).
    title_at = {}
    for i, line in enumerate(page):
        s = line.replace(" ", "")
        if s in TITLES:
            title_at[i] = s
    # Split the page into segments per table.
    segments, cur, start = [], table, 0
    for i in sorted(title_at):
        if i > start or cur is not None:
            segments.append((cur, page[start:i]))
        cur, start = Table(title_at[i]), i
    segments.append((cur, page[start:]))
    out = []
    for tbl, lines in segments:
        out += rewrite_segment(lines, tbl)
        table = tbl
    return out, table


def rewrite_segment(lines, table):
    if table is None or not lines:
        return [" ".join(t[0] for t in rov.tokens(l)) for l in lines if rov.tokens(l)]
    title = table.title
    rows_seen = []
    # Gather the rows as the reading-order variant does, then render each as cells.
    orig_render = rov.render
    rov.render = lambda row: (rows_seen.append(row), ["\x00%d" % (len(rows_seen) - 1)])[1]
    rov.rewrite_table_page.pre = None
    try:
        flat = rov.rewrite_table_page(lines)
    finally:
        rov.render = orig_render

    def render(row):
        return "\t".join(t[0] for t in sorted(row, key=lambda t: t[1]))

    if title in CODE_COLUMNS:
        names = CODE_COLUMNS[title]
        if table.starts is None:
            found = find_headings(lines, names)
            if all(s is not None for s in found):
                table.starts = found
        starts = page_starts(table, rows_seen)
        if starts is not None:
            render = lambda row: render_code_row(row, starts, len(names))  # noqa: E731
    elif title == "一般公共预算财政拨款基本支出决算表":
        xs = [t[1] for r in rows_seen for t in r if CODE.match(t[0]) and len(t[0]) in (3, 5) and t[1] > 10]
        split = min(xs) if xs else 40
        render = lambda row: render_basic_row(row, split)  # noqa: E731
    elif title in ("收入支出决算总表", "财政拨款收入支出决算总表"):
        # The right half starts at the leftmost label printed after another cell of its row
        # (a right-hand label beside a left-hand one).
        xs = []
        for r in rows_seen:
            texts = sorted((t for t in r if not is_amount(t)), key=lambda t: t[1])
            firsts = [texts[0][1]] if texts else []
            xs += [t[1] for t in texts[1:] if t[1] > firsts[0] + 8
                   and (rov.ORDINAL.match(t[0]) or any(w in t[0] for w in rov.ROW_WORDS))]
        split = (min(xs) - 1) if xs else getattr(table, "split", None) or 30
        if table.split is None if hasattr(table, "split") else True:
            table.split = split
        right = None
        if title == "财政拨款收入支出决算总表":
            if table.starts is None:
                found = find_headings(lines, FISCAL_RIGHT)
                if all(s is not None for s in found):
                    table.starts = found
            right = page_starts(table, [[t for t in r if t[1] >= split] for r in rows_seen])
        render = lambda row: render_halves(row, split, right)  # noqa: E731
    elif title == "财政拨款“三公”经费支出决算表":
        heads = []
        for line in lines:
            hs = [(m.start(), m.group(0)) for m in re.finditer(r"预算数|决算数", line)]
            if len(hs) == 12:
                heads = hs
        if heads:
            out = []
            for line in flat:
                if line.startswith("\x00"):
                    line = render(rows_seen[int(line[1:])])
                if len(re.findall(r"预算数|决算数", line)) == 12:
                    out.append("\t".join(h[1] for h in heads))
                    continue
                toks = line.split(" ")
                if toks and all(AMOUNT.match(t) for t in toks if t):
                    # Figures from the page: nearest heading by centre.
                    nums = [t for l in lines for t in rov.tokens(l) if is_amount(t)]
                    cells = [""] * 12
                    if len(nums) == 12:
                        out.append("\t".join(t[0] for t in nums))
                        continue
                    for t in nums:
                        c = t[1] + len(t[0]) / 2
                        j = min(range(12), key=lambda k: abs(heads[k][0] + 1.5 - c))
                        cells[j] = t[0]
                    out.append("\t".join(cells))
                    continue
                out.append(line)
            return out
    out = []
    for line in flat:
        if line.startswith("\x00"):
            out.append(render(rows_seen[int(line[1:])]))
        else:
            out.append(line)
    return out


def rewrite(text):
    lines = text.split("\n")
    out, page, in_table, table = [], [], False, None

    def flush():
        nonlocal table, page
        first = next((l.strip() for l in page if l.strip()), "")
        if first.startswith("第三部分"):
            out.extend(page)
        else:
            rewritten, table = rewrite_page(page, table)
            out.extend(rewritten)
        page = []

    for line in lines:
        if line.startswith("[PDF page"):
            if in_table:
                flush()
            in_table = "table, layout" in line
            out.append(line.replace("table, layout mode", "table, Word text") if in_table else line)
            continue
        if line.startswith("# extraction:"):
            out.append("# extraction: Word-text variant made by scripts/word_text_variant.py from the layout text"
                       " (table rows as TAB-separated cells, empty cells kept)")
            continue
        if in_table:
            page.append(line)
        else:
            out.append(line)
    if in_table:
        flush()
    return "\n".join(out)


def main(argv):
    rov.write_variants(argv, "-word-text.txt", rewrite)


if __name__ == "__main__":
    main(sys.argv[1:])
