/// The `table` format: titles, a rule, rows; columns two spaces apart, padded by display
/// width (Chinese characters are two columns), numbers right-aligned on the decimal point,
/// derived cells marked `*` (one column reserved after the numbers of such a column), tree
/// levels indented in the first text column, a rule above total rows, one `【unit】` section
/// per block when there are several (all blocks share the column widths). `compare 三公 2022 2023`:
///
///     项目                      2022年  2023年    变化   变化率
///     ────────────────────────  ──────  ──────  ──────  ───────
///     公务用车购置及运行维护费   6.89*   12.52  +5.63   +81.71%
///     因公出国（境）费           0.00     0.00   0.00         —
///     公务接待费                 3.10     0.62  −2.48   −80.00%
///     公务用车购置费                      2.50      —         —
///     公务用车运行维护费                 10.02      —         —
///     ────────────────────────  ──────  ──────  ──────  ───────
///     合计                       9.99*   13.14  +3.15*  +31.53%
///
/// An empty result shows the header and `（无结果）`; `maxRows` adds `… 还有 M 行`; cutting
/// text to fit `maxWidth` adds `（部分单元格已截断以适应终端宽度）`. When the numbers and codes alone
/// leave no room at two spaces apart, columns are one space apart (a compact layout). Every line of a table is
/// padded to the table's full width (so the lines of a table all have one display width).
import Core

struct TableRenderer: TableDrawing {
    let style = TableStyle.plain
    private static let separator = "  ", compactSeparator = " "

    func overhead(columns: Int) -> Int? { Self.separator.count * max(0, columns - 1) }

    func compactOverhead(columns: Int) -> Int? { Self.compactSeparator.count * max(0, columns - 1) }

    private func separator(_ layout: TableLayout) -> String { layout.isCompact ? Self.compactSeparator : Self.separator }

    func blockStart(_ layout: TableLayout, title: String?) -> [String] {
        (title.map { [TableText.blockTitle($0)] } ?? []) + [header(layout), rule(layout)]
    }

    func row(_ layout: TableLayout, _ index: Int) -> String {
        layout.columns.indices.map { layout.cell(row: index, column: $0) }.joined(separator: separator(layout))
    }

    func totalRule(_ layout: TableLayout) -> String? { rule(layout) }

    func blockEnd(_ layout: TableLayout) -> [String] { [] }

    func empty(_ layout: TableLayout, hidden: Bool) -> [String] {
        [header(layout), rule(layout)] + (hidden ? [] : [TableText.noResult])
    }

    private func header(_ layout: TableLayout) -> String {
        layout.columns.indices.map(layout.title).joined(separator: separator(layout))
    }

    private func rule(_ layout: TableLayout) -> String {
        layout.columns.map { String(repeating: "─", count: $0.width) }.joined(separator: separator(layout))
    }
}
