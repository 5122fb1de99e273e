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
/// text to fit `maxWidth` adds `（部分单元格已截断以适应终端宽度）`. Every line of a table is
/// padded to the table's full width (so the lines of a table all have one display width).
import Core

final class TableRenderer: RowRenderer {
    private let shape: ResultShape
    private let options: RenderOptions
    private let sink: (String) -> Void
    private var buffer: RowBuffer

    init(shape: ResultShape, options: RenderOptions, sink: @escaping (String) -> Void) {
        self.shape = shape
        self.options = options
        self.sink = sink
        self.buffer = RowBuffer(limit: options.maxRows)
    }

    func write(_ row: ResultRow) {
        buffer.append(row)
    }

    func finish() {
        var layout = TableLayout(shape: shape, rows: buffer.rows, formatter: CellFormatter(unit: options.unit), style: .plain)
        let separator = "  "
        if let maxWidth = options.maxWidth {
            layout.fit(maxWidth: maxWidth, overhead: separator.count * max(0, layout.columns.count - 1))
        }
        let header = layout.columns.indices.map(layout.title).joined(separator: separator)
        let rule = layout.columns.map { String(repeating: "─", count: $0.width) }.joined(separator: separator)
        let blocks = buffer.blocks(hasBlocks: shape.hasBlocks)
        if blocks.isEmpty {
            line(header)
            line(rule)
            if buffer.hiddenCount == 0 { line(TableText.noResult) }
        }
        for (number, block) in blocks.enumerated() {
            if number > 0 { line("") }
            if blocks.count > 1 { line(TableText.blockTitle(block.block)) }
            line(header)
            line(rule)
            for row in block.rows {
                if buffer.rows[row].isTotal && row != block.rows.lowerBound { line(rule) }
                line(layout.columns.indices.map { layout.cell(row: row, column: $0) }.joined(separator: separator))
            }
        }
        if buffer.hiddenCount > 0 { line(TableText.moreRows(buffer.hiddenCount)) }
        if layout.truncatedCells { line(TableText.truncatedNote) }
    }

    private func line(_ text: String) {
        sink(text + "\n")
    }
}
