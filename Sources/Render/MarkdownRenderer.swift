/// The `markdown` format: a GitHub-flavoured pipe table, padded by display width so the
/// source lines up too; `---:` under numeric columns; `|` in cells written `\|` and the
/// derived mark `\*`; tree levels indented with U+3000 (which Markdown keeps); one
/// `### unit` heading per block when there are several:
///
///     | 项目                     | 2022年 | 2023年 |    变化 |  变化率 |
///     | ------------------------ | -----: | -----: | ------: | ------: |
///     | 公务用车购置及运行维护费 | 6.89\* |  12.52 | +5.63   | +81.71% |
///     | 因公出国（境）费         | 0.00   |   0.00 |  0.00   |       — |
///     | 公务接待费               | 3.10   |   0.62 | −2.48   | −80.00% |
///     | 公务用车购置费           |        |   2.50 |     —   |       — |
///     | 公务用车运行维护费       |        |  10.02 |     —   |       — |
///     | 合计                     | 9.99\* |  13.14 | +3.15\* | +31.53% |
///
/// An empty result is the header, the alignment row, a blank line and `（无结果）`.
/// All rows are written (`maxRows` and `maxWidth` are for terminals).
import Core

struct MarkdownRenderer: TableDrawing {
    let style = TableStyle(
        indentUnit: "\u{3000}",
        derivedMark: "\\*",
        escape: { $0.replacingPipes() },
        minimumColumnWidth: 3
    )

    func overhead(columns: Int) -> Int? { nil }

    func blockStart(_ layout: TableLayout, title: String?) -> [String] {
        (title.map { ["### " + $0, ""] } ?? []) + [header(layout), alignment(layout)]
    }

    func row(_ layout: TableLayout, _ index: Int) -> String {
        cells(layout.columns.indices.map { layout.cell(row: index, column: $0) })
    }

    func totalRule(_ layout: TableLayout) -> String? { nil }

    func blockEnd(_ layout: TableLayout) -> [String] { [] }

    func empty(_ layout: TableLayout, hidden: Bool) -> [String] {
        [header(layout), alignment(layout), "", TableText.noResult]
    }

    /// After a blank line: a line of text right under a pipe table would be read as a row.
    func caption(_ text: String, width: Int) -> [String] { ["", text] }

    private func header(_ layout: TableLayout) -> String { cells(layout.columns.indices.map(layout.title)) }

    private func alignment(_ layout: TableLayout) -> String {
        cells(layout.columns.map { column in
            column.isNumeric ? String(repeating: "-", count: column.width - 1) + ":" : String(repeating: "-", count: column.width)
        })
    }

    private func cells(_ texts: [String]) -> String { "| " + texts.joined(separator: " | ") + " |" }
}

extension String {
    /// `|` written `\|`, as a Markdown table cell needs.
    fileprivate func replacingPipes() -> String {
        guard contains("|") else { return self }
        var result = ""
        for character in self {
            if character == "|" { result += "\\|" } else { result.append(character) }
        }
        return result
    }
}
