import Core

/// What a chart draws, read from a statement's result by the shape of its columns:
///
/// | statement            | kind         | labels           | series             |
/// |----------------------|--------------|------------------|--------------------|
/// | `breakdown`          | `.structure` | 科目名称 / 项目   | the amount, shares |
/// | `compare`, `summary` | `.comparison`| 项目             | the two years      |
/// | `trend`              | `.trend`     | 年度             | the amount         |
/// | `top`                | `.ranking`   | 单位             | the amount, shares |
///
/// Other results (listings, `check`, `source` …) have no chart (`init` returns nil).
/// Total lines (合计) are kept apart: bars are scaled to the items, not to their sum.
public struct ChartData: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case structure, comparison, trend, ranking
    }

    /// One bar (or slice, or point) of every series.
    public struct Item: Hashable, Sendable {
        public var label: String
        /// Tree depth, 1 at the top.
        public var level: Int
        /// One value per series, in 分 (or a count); nil when unknown.
        public var values: [Int64?]
        /// The printed text of each value in the display unit, `*` after a derived one.
        public var texts: [String]
        /// The share (`占比`) or the change rate (`变动率`) as printed, when the result has one.
        public var note: String?
        public var isTotal: Bool
        /// The unit the row belongs to when results come per unit.
        public var block: String?
    }

    public var kind: Kind
    /// The titles of the series (`2023年`, or `2022年` and `2023年`).
    public var series: [String]
    /// The title of the label column and of the note column.
    public var labelTitle: String
    public var noteTitle: String?
    public var items: [Item]

    /// Reads a chart from a result; nil when the result is not one of the charted statements.
    public init?(shape: ResultShape, rows: [ResultRow], unit: MoneyUnit) {
        let columns = shape.columns
        let names = columns.map(\.name)
        let valueIndexes = names.indices.filter { names[$0] == "amount" || names[$0].hasPrefix("value_") || names[$0].hasPrefix("budget_") }
        guard !valueIndexes.isEmpty, valueIndexes.count <= 2 else { return nil }
        let labelIndex: Int
        let kind: Kind
        if names.first == "year" {
            kind = .trend
            labelIndex = 0
        } else if let unitIndex = names.firstIndex(of: "unit"), names.first == "rank" {
            kind = .ranking
            labelIndex = unitIndex
        } else if valueIndexes.count == 2 {
            kind = .comparison
            labelIndex = 0
        } else if let nameIndex = names.firstIndex(of: "name") ?? names.firstIndex(of: "item") {
            kind = .structure
            labelIndex = nameIndex
        } else {
            return nil
        }
        guard valueIndexes.allSatisfy({ Self.isNumeric(columns[$0].kind) }) else { return nil }
        self.kind = kind
        let noteIndex = names.firstIndex(of: "share") ?? names.firstIndex(of: "change_pct")
        series = valueIndexes.map { columns[$0].title }
        labelTitle = columns[labelIndex].title
        noteTitle = noteIndex.map { columns[$0].title }
        let formatter = CellFormatter(unit: unit)
        let minimumLevel = rows.compactMap(\.level).min() ?? 1
        items = rows.map { row in
            let label: String
            if kind == .trend, case .integer(let year) = row.cells[labelIndex] {
                label = "\(year)年"
            } else {
                label = formatter.human(row.cells[labelIndex], kind: columns[labelIndex].kind)
            }
            let values: [Int64?] = valueIndexes.map { index in
                if case .integer(let value) = row.cells[index] { return value }
                return nil
            }
            let texts = valueIndexes.map { index in
                formatter.human(row.cells[index], kind: columns[index].kind)
                    + (row.derivedCells.contains(index) && row.cells[index] != .null ? "*" : "")
            }
            var note: String?
            if let noteIndex, row.cells[noteIndex] != .null {
                note = formatter.human(row.cells[noteIndex], kind: columns[noteIndex].kind)
            }
            return Item(label: label, level: (row.level ?? minimumLevel) - minimumLevel + 1, values: values,
                        texts: texts, note: note, isTotal: row.isTotal, block: row.block)
        }
    }

    /// The items that are drawn (not totals).
    public var parts: [Item] { items.filter { !$0.isTotal } }

    /// The total lines.
    public var totals: [Item] { items.filter(\.isTotal) }

    /// The largest value drawn, the scale of every bar (at least 1).
    public var scale: Int64 {
        max(1, parts.flatMap(\.values).compactMap { $0 }.map { $0 < 0 ? 0 : $0 }.max() ?? 1)
    }

    /// The units the items belong to, in order (one nil when results are not per unit).
    public var blocks: [String?] {
        var seen: [String?] = []
        for item in items where !seen.contains(item.block) { seen.append(item.block) }
        return seen
    }

    private static func isNumeric(_ kind: ColumnKind) -> Bool {
        switch kind {
        case .money, .integer, .points: return true
        default: return false
        }
    }
}
