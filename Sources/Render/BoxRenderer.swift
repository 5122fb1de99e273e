/// The `box` format: the table's content inside box-drawing borders, a `├` rule before
/// total rows, one `【unit】` titled box per block when there are several. With `maxRows: 2`:
///
///     ┌──────────────────────────┬────────┬────────┬───────┬─────────┐
///     │ 项目                     │ 2022年 │ 2023年 │  变化 │  变化率 │
///     ├──────────────────────────┼────────┼────────┼───────┼─────────┤
///     │ 公务用车购置及运行维护费 │  6.89* │  12.52 │ +5.63 │ +81.71% │
///     │ 因公出国（境）费         │  0.00  │   0.00 │  0.00 │       — │
///     └──────────────────────────┴────────┴────────┴───────┴─────────┘
///     … 还有 4 行
///
/// Empty results, `maxRows` and `maxWidth` behave as in the table format; a compact layout
/// drops the space either side of each cell.
import Core

struct BoxRenderer: TableDrawing {
    let style = TableStyle.plain

    func overhead(columns: Int) -> Int? { 3 * columns + 1 }

    func compactOverhead(columns: Int) -> Int? { columns + 1 }

    /// The space either side of a cell: one, none in a compact layout.
    private func padding(_ layout: TableLayout) -> String { layout.isCompact ? "" : " " }

    func blockStart(_ layout: TableLayout, title: String?) -> [String] {
        (title.map { [TableText.blockTitle($0)] } ?? []) + [border(layout, "┌", "┬", "┐"), header(layout), border(layout, "├", "┼", "┤")]
    }

    func row(_ layout: TableLayout, _ index: Int) -> String {
        cells(layout, layout.columns.indices.map { layout.cell(row: index, column: $0) })
    }

    func totalRule(_ layout: TableLayout) -> String? { border(layout, "├", "┼", "┤") }

    func blockEnd(_ layout: TableLayout) -> [String] { [border(layout, "└", "┴", "┘")] }

    func empty(_ layout: TableLayout, hidden: Bool) -> [String] {
        [border(layout, "┌", "┬", "┐"), header(layout), border(layout, "└", "┴", "┘")] + (hidden ? [] : [TableText.noResult])
    }

    private func header(_ layout: TableLayout) -> String { cells(layout, layout.columns.indices.map(layout.title)) }

    private func border(_ layout: TableLayout, _ left: String, _ middle: String, _ right: String) -> String {
        left + layout.columns.map { String(repeating: "─", count: $0.width + 2 * padding(layout).count) }.joined(separator: middle) + right
    }

    private func cells(_ layout: TableLayout, _ texts: [String]) -> String {
        let pad = padding(layout)
        return "│" + pad + texts.joined(separator: pad + "│" + pad) + pad + "│"
    }
}
