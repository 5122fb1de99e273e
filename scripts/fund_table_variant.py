#!/usr/bin/env python3
"""Fill the empty 政府性基金预算财政拨款收入支出决算表 of a `pdftotext -layout` Shanghai
disclosure with figures, laid out as `pdftotext -layout` prints a code table with data.

The page keeps the template's headings (项目 / 功能分类科目编码 / 科目名称 / 年初结转和结余 /
本年收入 / 本年支出 合计 基本支出 项目支出 / 年末结转和结余) and its 注 line; its 说明 line
("本年度没有…故本表无数据") is dropped. Rows are 合计 and FUND_ROWS below: 类/款/项 of
政府性基金 codes whose figures satisfy every identity of the table (本年支出 = 基本 + 项目;
年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余; each parent = Σ children in every
column; 合计 = Σ 类). Names longer than NAME_WIDTH characters wrap around their code line as
in the document's other code tables (half above, half below, the middle piece on the code
line). The 项 2070904 is printed as "地方旅游开发补助" where the catalog says
"地方旅游开发项目补助": a renamed 项 the reader must keep as printed.

The other pages are not changed (the 财政拨款 tables and the 情况说明 still say the unit has
no 政府性基金; the variant is about reading the table). Three files are written, the table
page in three text forms:
  NAME-fund-table.txt                 layout (as above)
  NAME-fund-table-word-text.txt       Word text: one row per line, cells separated by TABs
                                      (code, name, the six columns; 合计 in the name cell)
  NAME-fund-table-reading-order.txt   reading order: code, name and figures on one line

The figures differ from the source document's, so the files go to fixtures/disclosures/constructed
(not variants/, whose files read to the same facts as their source).

usage: fund_table_variant.py LAYOUT_FIXTURE... [--out DIR]
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reading_order_variant as rov  # noqa: E402

TITLE = "政府性基金预算财政拨款收入支出决算表"
NAME_WIDTH = 6

# (code, name, 年初结转和结余, 本年收入, 本年支出合计, 基本支出, 项目支出, 年末结转和结余), in 万元.
TOTAL = ("12.00", "1250.00", "1180.50", "20.00", "1160.50", "81.50")
FUND_ROWS = [
    ("207", "文化旅游体育与传媒支出", "0.00", "300.00", "300.00", "0.00", "300.00", "0.00"),
    ("20709", "旅游发展基金支出", "0.00", "300.00", "300.00", "0.00", "300.00", "0.00"),
    ("2070904", "地方旅游开发补助", "0.00", "300.00", "300.00", "0.00", "300.00", "0.00"),
    ("212", "城乡社区支出", "12.00", "950.00", "880.50", "20.00", "860.50", "81.50"),
    ("21208", "国有土地使用权出让收入安排的支出", "12.00", "700.00", "640.50", "20.00", "620.50", "71.50"),
    ("2120803", "城市建设支出", "12.00", "500.00", "450.50", "20.00", "430.50", "61.50"),
    ("2120899", "其他国有土地使用权出让收入安排的支出", "0.00", "200.00", "190.00", "0.00", "190.00", "10.00"),
    ("21213", "城市基础设施配套费安排的支出", "0.00", "250.00", "240.00", "0.00", "240.00", "10.00"),
    ("2121399", "其他城市基础设施配套费安排的支出", "0.00", "250.00", "240.00", "0.00", "240.00", "10.00"),
]

# Right end (character column) of each figure column, under its heading below.
ENDS = [24, 37, 45, 54, 63, 74]
HEADINGS = [
    "         项目",
    "                   年初结转和                                        年末结转和",
    "  功能分类                       本年收入            本年支出",
    "          科目名称      结余                                              结余",
    "  科目编码                                合计     基本支出  项目支出",
]


def figures_line(prefix, figures):
    line = prefix
    for end, figure in zip(ENDS, figures):
        start = end - len(figure)
        line = line.ljust(start - 1) + " " + figure if len(line) >= start else line.ljust(start) + figure
    return line


def row_lines(code, name, figures):
    pieces = [name[i:i + NAME_WIDTH] for i in range(0, len(name), NAME_WIDTH)]
    above = len(pieces) // 2
    middle = pieces[above] if len(pieces) % 2 == 1 else ""
    below = pieces[above + (1 if middle else 0):]
    out = [" " * 9 + p for p in pieces[:above]]
    out.append(figures_line(code.ljust(9) + middle, figures))
    out += [" " * 9 + p for p in below]
    return out


def table_lines(form):
    out = ["                           " + TITLE, "                                                            单位：万元"]
    if form == "layout":
        out += HEADINGS
        out.append(figures_line("         合计", TOTAL))
        for code, name, *figures in FUND_ROWS:
            out += row_lines(code, name, figures)
        return out
    out = [line.strip() for line in out]
    out += [" ".join(line.split()) for line in HEADINGS]
    if form == "word":
        out.append("\t".join(["", "合计"] + list(TOTAL)))
        out += ["\t".join([code, name] + figures) for code, name, *figures in FUND_ROWS]
    else:
        out.append(" ".join(("合计",) + TOTAL))
        out += [" ".join([code, name] + figures) for code, name, *figures in FUND_ROWS]
    return out


FORMS = {"layout": ("layout mode", ""), "word": ("Word text", "-word-text"), "reading": ("reading order", "-reading-order")}


def rewrite(text, form):
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.strip() == TITLE and i > 0
                 and "table" in next(l for l in reversed(lines[:i]) if l.startswith("[PDF page")))
    marker = max(i for i in range(start) if lines[i].startswith("[PDF page"))
    lines[marker] = lines[marker].replace("layout mode", FORMS[form][0])
    end = start
    while not lines[end].startswith("[PDF page"):
        end += 1
    note = [line for line in lines[start:end] if line.startswith("注：")]
    kept = [line for line in lines[start:end] if not line.strip() or line.startswith("\f")][-1:]
    return "\n".join(lines[:start] + table_lines(form) + note + kept + lines[end:])


def main(argv):
    if "--out" not in argv:
        argv = argv + ["--out", "fixtures/disclosures/constructed"]
    for form, (_, suffix) in FORMS.items():
        rov.write_variants(argv, "-fund-table" + suffix + ".txt", lambda text, form=form: rewrite(text, form))


if __name__ == "__main__":
    main(sys.argv[1:])
