import Core

/// How one human format draws a table: the lines around blocks and rows. The paged table
/// asks for them as rows arrive.
protocol TableDrawing {
    var style: TableStyle { get }
    /// Separators and borders in display columns, for fitting to `maxWidth`; nil when the
    /// format is not fitted to a terminal (markdown).
    func overhead(columns: Int) -> Int?
    /// The overhead with the narrowest separators the format allows (drawn when the layout
    /// is compact), or nil when it has none narrower.
    func compactOverhead(columns: Int) -> Int?
    /// The lines that open a block: its title (when given), the header, rules.
    func blockStart(_ layout: TableLayout, title: String?) -> [String]
    /// One row's line.
    func row(_ layout: TableLayout, _ index: Int) -> String
    /// The line above a total row that is not the first of its block.
    func totalRule(_ layout: TableLayout) -> String?
    /// The lines that close a block.
    func blockEnd(_ layout: TableLayout) -> [String]
    /// What an empty result shows (the header and `（无结果）`).
    func empty(_ layout: TableLayout, hidden: Bool) -> [String]
    /// A caption under the table (the money unit), given the width of the table's rows.
    func caption(_ text: String, width: Int) -> [String]
}

extension TableDrawing {
    func compactOverhead(columns: Int) -> Int? { nil }

    /// Padded like the table's lines, so that a table keeps one display width.
    func caption(_ text: String, width: Int) -> [String] {
        [text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))]
    }
}

/// Writes a human-format table a page at a time, so that memory stays bounded however
/// many rows come: column widths are measured on the first page (a result that fits in
/// one page is laid out exactly as a whole); rows of later pages use those widths, text
/// cut with `…` where it is wider, numbers never cut (a wider number overflows its column).
final class PagedTable: RowRenderer {
    /// Rows measured before the first line is written.
    static let pageSize = 1000

    private let shape: ResultShape
    private let options: RenderOptions
    private let drawing: TableDrawing
    private let sink: (String) -> Void
    private var buffer: RowBuffer
    private var layout: TableLayout?
    /// The block of the last row written, and whether any row was written.
    private var currentBlock: String??
    private var titled = false
    /// The display width of the table's rows.
    private var tableWidth = 0

    init(shape: ResultShape, options: RenderOptions, drawing: TableDrawing, sink: @escaping (String) -> Void) {
        self.shape = shape
        self.options = options
        self.drawing = drawing
        self.sink = sink
        self.buffer = RowBuffer(limit: options.maxRows)
    }

    func write(_ row: ResultRow) {
        buffer.append(row)
        if buffer.rows.count >= Self.pageSize { writePage(final: false) }
    }

    func finish() {
        writePage(final: true)
        guard let layout else { return }
        if currentBlock == nil {
            drawing.empty(layout, hidden: buffer.hiddenCount > 0).forEach(line)
        } else {
            drawing.blockEnd(layout).forEach(line)
        }
        if buffer.hiddenCount > 0 { line(TableText.moreRows(buffer.hiddenCount)) }
        if currentBlock != nil, shape.columns.contains(where: { $0.kind == .money || $0.kind == .moneyChange }) {
            drawing.caption(TableText.moneyUnit(options.unit), width: tableWidth).forEach(line)
        }
        if layout.truncatedCells { line(TableText.truncatedNote) }
    }

    private func writePage(final: Bool) {
        if var layout {
            layout.replaceRows(buffer.rows)
            self.layout = layout
        } else {
            var first = TableLayout(shape: shape, rows: buffer.rows, formatter: CellFormatter(unit: options.unit), style: drawing.style)
            if let maxWidth = options.maxWidth, let overhead = drawing.overhead(columns: first.columns.count) {
                first.fit(maxWidth: maxWidth, overhead: overhead, compactOverhead: drawing.compactOverhead(columns: first.columns.count))
            }
            layout = first
            // Block titles when the result has several blocks (known exactly when it fits in
            // one page; a longer result titles every block).
            titled = shape.hasBlocks && (!final || buffer.blocks(hasBlocks: true).count > 1)
        }
        guard let layout else { return }
        for (index, row) in buffer.rows.enumerated() {
            if let currentBlock, currentBlock == row.block {
                if row.isTotal, let rule = drawing.totalRule(layout) { line(rule) }
            } else {
                if currentBlock != nil {
                    drawing.blockEnd(layout).forEach(line)
                    line("")
                }
                drawing.blockStart(layout, title: titled ? row.block ?? "—" : nil).forEach(line)
                currentBlock = .some(row.block)
            }
            let text = drawing.row(layout, index)
            if tableWidth == 0 { tableWidth = DisplayWidth.of(text) }
            line(text)
        }
        buffer.removeShown()
    }

    private func line(_ text: String) {
        sink(text + "\n")
    }
}
