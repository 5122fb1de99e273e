import Core

/// How a human format spells what the table layout measures.
struct TableStyle: Sendable {
    /// Put before the first text cell once per tree level below the top.
    var indentUnit: String
    /// Appended to derived cells.
    var derivedMark: String
    /// Applied to titles and cell text before measuring (markdown escapes `|`).
    var escape: @Sendable (String) -> String
    /// No column is narrower (markdown's `---`).
    var minimumColumnWidth: Int

    static let plain = TableStyle(indentUnit: "  ", derivedMark: "*", escape: { $0 }, minimumColumnWidth: 1)
}

/// Every cell of a buffered result measured by display width, then padded on demand:
/// text columns left-aligned, numeric columns right-aligned on the decimal point, with one
/// reserved column for the derived mark in columns that have any derived cell. Measure, then
/// write (as beanquery and hledger do).
struct TableLayout {
    struct Column {
        var title: String
        var isNumeric: Bool
        var width: Int
        var minimumWidth: Int
        /// Widths of the integer part (sign and digits), the fraction part (".71%"), the
        /// number area (wider when a non-number such as "—" is wider) and the derived mark.
        var integerWidth = 0
        var fractionWidth = 0
        var numberWidth = 0
        var markWidth = 0
        /// A text column of codes (every cell ASCII without spaces): never shortened.
        var isCode = false
    }

    /// A cell split for decimal alignment. Non-numbers (text, "—", blanks) use `whole`.
    struct LaidCell {
        var whole = ""
        var integer = ""
        var fraction = ""
        var isNumber = false
        var mark = ""
    }

    private(set) var columns: [Column]
    private(set) var cells: [[LaidCell]]
    /// Whether `fit` had to cut any cell.
    private(set) var truncatedCells = false
    /// Whether `fit` had to narrow the separators (one space, borders without padding).
    private(set) var isCompact = false

    private let shape: ResultShape
    private let formatter: CellFormatter
    private let style: TableStyle
    private let firstText: Int?

    init(shape: ResultShape, rows: [ResultRow], formatter: CellFormatter, style: TableStyle) {
        self.shape = shape
        self.formatter = formatter
        self.style = style
        firstText = shape.columns.firstIndex { $0.kind == .text }
        columns = shape.columns.map { column -> Column in
            let title = style.escape(CellFormatter.singleLine(column.title))
            let width = max(DisplayWidth.of(title), style.minimumColumnWidth)
            return Column(title: title, isNumeric: column.kind != .text, width: width, minimumWidth: width)
        }
        cells = []
        cells.reserveCapacity(rows.count)
        for row in rows { cells.append(laid(row)) }
        for index in columns.indices {
            var column = columns[index]
            var wholeWidth = 0
            for row in cells {
                let item = row[index]
                if item.isNumber {
                    column.integerWidth = max(column.integerWidth, DisplayWidth.of(item.integer))
                    column.fractionWidth = max(column.fractionWidth, DisplayWidth.of(item.fraction))
                } else {
                    wholeWidth = max(wholeWidth, DisplayWidth.of(item.whole))
                }
                column.markWidth = max(column.markWidth, DisplayWidth.of(item.mark))
            }
            column.numberWidth = max(column.integerWidth + column.fractionWidth, wholeWidth)
            column.width = max(column.width, column.numberWidth + column.markWidth)
            column.isCode = !column.isNumeric && !cells.isEmpty && cells.allSatisfy { row in
                row[index].whole.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F } || row[index].whole.isEmpty
            }
            if !column.isNumeric && !column.isCode {
                column.minimumWidth = max(column.minimumWidth, min(column.width, 4))
            } else {
                column.minimumWidth = column.width
            }
            columns[index] = column
        }
    }

    /// One row's cells, formatted and split for alignment.
    private func laid(_ row: ResultRow) -> [LaidCell] {
        var laid: [LaidCell] = []
        laid.reserveCapacity(columns.count)
        for (index, column) in shape.columns.enumerated() {
            let cell = index < row.cells.count ? row.cells[index] : .null
            var text = style.escape(formatter.human(cell, kind: column.kind))
            var item = LaidCell()
            if row.derivedCells.contains(index), cell != .null { item.mark = style.derivedMark }
            if column.kind == .text {
                if index == firstText, let level = row.level, level > 1 {
                    text = String(repeating: style.indentUnit, count: level - 1) + text
                }
                item.whole = text + item.mark
                item.mark = ""
            } else if text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) {
                item.isNumber = true
                let integerEnd = text.firstIndex { !"+−-0123456789".contains($0) } ?? text.endIndex
                item.integer = String(text[..<integerEnd])
                item.fraction = String(text[integerEnd...])
            } else {
                item.whole = text
            }
            laid.append(item)
        }
        return laid
    }

    /// Lays out the next page of a long result with the widths measured so far: text wider
    /// than its column is cut with "…"; numbers are never cut.
    mutating func replaceRows(_ rows: [ResultRow]) {
        cells.removeAll(keepingCapacity: true)
        for row in rows { cells.append(laid(row)) }
        cutText()
    }

    /// The sum of the column widths.
    var contentWidth: Int { columns.reduce(0) { $0 + $1.width } }

    /// Shrinks the widest text columns, one column at a time, until `contentWidth` plus
    /// `overhead` (separators and borders) fits in `maxWidth` or no text column can shrink
    /// further (text columns keep their title and at least 4 columns). When that is not
    /// enough and the format has narrower separators (`compactOverhead`), the columns are
    /// fitted again with those and the layout is marked compact (a text column's title may
    /// then be cut too, to `compactTextWidth`). Then the cells and titles that no
    /// longer fit are cut with "…". Numbers, percentages and code columns are never cut.
    mutating func fit(maxWidth: Int, overhead: Int, compactOverhead: Int? = nil) {
        let measured = columns
        if !shrinkText(toFit: maxWidth - overhead), let compactOverhead, compactOverhead < overhead {
            columns = measured
            isCompact = true
            // Compact text columns may also cut their title, down to two characters and "…".
            for index in columns.indices where !columns[index].isNumeric && !columns[index].isCode {
                columns[index].minimumWidth = min(columns[index].minimumWidth, Self.compactTextWidth)
            }
            _ = shrinkText(toFit: maxWidth - compactOverhead)
        }
        cutText()
    }

    /// The narrowest a text column gets in a compact layout.
    static let compactTextWidth = 6

    /// Narrows the widest text column by one, repeatedly, until the columns fit in `width`;
    /// whether they do.
    private mutating func shrinkText(toFit width: Int) -> Bool {
        var excess = contentWidth - width
        while excess > 0 {
            var widest: Int?
            for index in columns.indices where !columns[index].isNumeric && columns[index].width > columns[index].minimumWidth {
                if widest.map({ columns[index].width > columns[$0].width }) ?? true { widest = index }
            }
            guard let index = widest else { return false }
            columns[index].width -= 1
            excess -= 1
        }
        return true
    }

    /// Cuts text cells (and titles) wider than their column with "…".
    private mutating func cutText() {
        for index in columns.indices where !columns[index].isNumeric {
            let width = columns[index].width
            if DisplayWidth.of(columns[index].title) > width {
                columns[index].title = DisplayWidth.truncate(columns[index].title, toWidth: width)
                truncatedCells = true
            }
            for row in cells.indices where DisplayWidth.of(cells[row][index].whole) > width {
                cells[row][index].whole = DisplayWidth.truncate(cells[row][index].whole, toWidth: width)
                truncatedCells = true
            }
        }
    }

    /// The column's title padded to its width (numeric titles right-aligned).
    func title(_ column: Int) -> String {
        let spec = columns[column]
        return spec.isNumeric ? Self.padLeft(spec.title, to: spec.width) : Self.padRight(spec.title, to: spec.width)
    }

    /// The cell padded to its column's width.
    func cell(row: Int, column: Int) -> String {
        let spec = columns[column]
        let item = cells[row][column]
        guard spec.isNumeric else { return Self.padRight(item.whole, to: spec.width) }
        let body: String
        if item.isNumber {
            // The mark follows the number directly ("6.89*"); the fraction area is padded
            // so that decimal points line up and one column stays reserved for marks.
            body = Self.padLeft(Self.padLeft(item.integer, to: spec.integerWidth)
                + Self.padRight(item.fraction + item.mark, to: spec.fractionWidth + spec.markWidth), to: spec.numberWidth + spec.markWidth)
        } else {
            body = Self.padLeft(item.whole, to: spec.numberWidth) + String(repeating: " ", count: spec.markWidth)
        }
        return Self.padLeft(body, to: spec.width)
    }

    static func padLeft(_ text: String, to width: Int) -> String {
        let missing = width - DisplayWidth.of(text)
        return missing > 0 ? String(repeating: " ", count: missing) + text : text
    }

    static func padRight(_ text: String, to width: Int) -> String {
        let missing = width - DisplayWidth.of(text)
        return missing > 0 ? text + String(repeating: " ", count: missing) : text
    }
}

/// Rows kept for a human format: all of them, or the first `limit` with the rest counted.
struct RowBuffer {
    let limit: Int?
    private(set) var rows: [ResultRow] = []
    private(set) var hiddenCount = 0
    /// Rows shown in pages already written.
    private var shownBefore = 0

    init(limit: Int?) {
        self.limit = limit.map { max(0, $0) }
    }

    mutating func append(_ row: ResultRow) {
        if let limit, shownBefore + rows.count >= limit {
            hiddenCount += 1
        } else {
            rows.append(row)
        }
    }

    /// Forgets the rows of a written page (they still count towards the limit).
    mutating func removeShown() {
        shownBefore += rows.count
        rows.removeAll(keepingCapacity: true)
    }

    /// Runs of consecutive rows with the same block, as (block, row range); one run with a
    /// nil block when the result has no blocks.
    func blocks(hasBlocks: Bool) -> [(block: String?, rows: Range<Int>)] {
        guard hasBlocks else { return rows.isEmpty ? [] : [(nil, rows.indices)] }
        var runs: [(block: String?, rows: Range<Int>)] = []
        var start = 0
        for index in rows.indices where index > 0 && rows[index].block != rows[index - 1].block {
            runs.append((rows[start].block, start..<index))
            start = index
        }
        if !rows.isEmpty { runs.append((rows[start].block, start..<rows.count)) }
        return runs
    }
}

/// Lines shared by the human formats.
enum TableText {
    static let noResult = "（无结果）"
    static let truncatedNote = "（部分单元格已截断以适应终端宽度）"

    static func moreRows(_ count: Int) -> String { "… 还有 \(count) 行" }

    /// The caption under a table with money columns.
    static func moneyUnit(_ unit: MoneyUnit) -> String { "（金额单位：\(unit.rawValue)）" }

    static func blockTitle(_ block: String?) -> String { "【\(block ?? "—")】" }
}
