import Core

/// One parameterized SQL statement and how to turn its rows into result rows.
///
/// The SQL returns the result's columns first, in order, then the bookkeeping columns the
/// layout names (block, level, is_total, derived flags).
public struct SQLQuery: Hashable, Sendable {
    public var text: String
    public var parameters: [SQLParameter]
    public var shape: ResultShape
    public var layout: RowLayout
    /// One-line notes for the user (on stderr): a year or unit in scope with no loaded
    /// disclosure, so that an empty column is never silent.
    public var notes: [String]

    public init(text: String, parameters: [SQLParameter], shape: ResultShape, layout: RowLayout, notes: [String] = []) {
        self.text = text
        self.parameters = parameters
        self.shape = shape
        self.layout = layout
        self.notes = notes
    }

    /// The SQL with its parameters listed, as `explain` prints it.
    public var explanation: String {
        var lines = [text, ""]
        for (index, parameter) in parameters.enumerated() { lines.append("-- ?\(index + 1) = \(parameter)") }
        return lines.joined(separator: "\n")
    }

    /// The note a SQL row carries instead of data (a unit without a value), if any.
    public func note(in values: [Cell]) -> String? {
        guard let index = layout.note, index < values.count, case .text(let note) = values[index] else { return nil }
        return note
    }

    /// Turns one SQL row into a result row.
    public func makeRow(_ values: [Cell]) -> ResultRow {
        layout.makeRow(values, columnCount: shape.columns.count)
    }
}

/// Where the bookkeeping columns sit in a SQL row (0-based), after the result's columns.
public struct RowLayout: Hashable, Sendable {
    public var block: Int?
    public var level: Int?
    public var isTotal: Int?
    /// Result column index → SQL column holding 1 when that cell is derived.
    public var derivedFlags: [Int: Int]
    /// A column holding, on rows that are notes rather than data, the note's text.
    public var note: Int?

    public init(block: Int? = nil, level: Int? = nil, isTotal: Int? = nil, derivedFlags: [Int: Int] = [:], note: Int? = nil) {
        self.block = block
        self.level = level
        self.isTotal = isTotal
        self.derivedFlags = derivedFlags
        self.note = note
    }

    func makeRow(_ values: [Cell], columnCount: Int) -> ResultRow {
        func integer(_ index: Int?) -> Int64? {
            guard let index, index < values.count, case .integer(let value) = values[index] else { return nil }
            return value
        }
        var derived: Set<Int> = []
        // A blank cell is unknown, never derived.
        for (column, flag) in derivedFlags where integer(flag) == 1 && column < values.count && values[column] != .null {
            derived.insert(column)
        }
        var block: String?
        if let index = self.block, index < values.count, case .text(let name) = values[index] { block = name }
        return ResultRow(cells: Array(values.prefix(columnCount)), level: integer(level).map { Int($0) },
                         isTotal: integer(isTotal) == 1, derivedCells: derived, block: block)
    }
}
