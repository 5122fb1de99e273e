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
/// Empty results, `maxRows` and `maxWidth` behave as in the table format.
import Core

final class BoxRenderer: RowRenderer {
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
        if let maxWidth = options.maxWidth {
            layout.fit(maxWidth: maxWidth, overhead: 3 * layout.columns.count + 1)
        }
        func border(_ left: String, _ middle: String, _ right: String) -> String {
            left + layout.columns.map { String(repeating: "─", count: $0.width + 2) }.joined(separator: middle) + right
        }
        func cells(_ texts: [String]) -> String {
            "│ " + texts.joined(separator: " │ ") + " │"
        }
        let top = border("┌", "┬", "┐")
        let middle = border("├", "┼", "┤")
        let bottom = border("└", "┴", "┘")
        let header = cells(layout.columns.indices.map(layout.title))
        let blocks = buffer.blocks(hasBlocks: shape.hasBlocks)
        if blocks.isEmpty {
            line(top)
            line(header)
            line(bottom)
            if buffer.hiddenCount == 0 { line(TableText.noResult) }
        }
        for (number, block) in blocks.enumerated() {
            if number > 0 { line("") }
            if blocks.count > 1 { line(TableText.blockTitle(block.block)) }
            line(top)
            line(header)
            line(middle)
            for row in block.rows {
                if buffer.rows[row].isTotal && row != block.rows.lowerBound { line(middle) }
                line(cells(layout.columns.indices.map { layout.cell(row: row, column: $0) }))
            }
            line(bottom)
        }
        if buffer.hiddenCount > 0 { line(TableText.moreRows(buffer.hiddenCount)) }
        if layout.truncatedCells { line(TableText.truncatedNote) }
    }

    private func line(_ text: String) {
        sink(text + "\n")
    }
}
