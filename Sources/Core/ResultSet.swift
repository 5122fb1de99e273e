/// What a column holds; tells renderers how to align and format its cells.
public enum ColumnKind: Hashable, Sendable {
    /// Free text, left-aligned.
    case text
    /// Money in 分, shown in the display unit.
    case money
    /// A signed change of money in 分 (+5.63, -2.48); unknown shows as "—".
    case moneyChange
    /// A percentage scaled by 10^decimals (8171 at 2 decimals is 81.71%).
    case percent(decimals: Int)
    /// A signed change in percent (+81.71%); unknown shows as "—".
    case percentChange(decimals: Int)
    /// An integer count or number (years, line numbers, ranks).
    case integer
    /// Points in hundredths (weights and scores: 1000 is 10).
    case points
}

/// One column of a result: a machine name (ASCII snake_case), a Chinese title, a kind.
public struct ResultColumn: Hashable, Sendable {
    public var name: String
    public var title: String
    public var kind: ColumnKind

    public init(name: String, title: String, kind: ColumnKind) {
        self.name = name
        self.title = title
        self.kind = kind
    }
}

/// One value. Numbers stay integers (分, scaled percentages, hundredths of points).
public enum Cell: Hashable, Sendable {
    case null
    case text(String)
    case integer(Int64)
}

/// One row of a result, with what renderers need beyond the cells.
public struct ResultRow: Hashable, Sendable {
    public var cells: [Cell]
    /// Tree depth (1 = top) where rows form a tree; nil otherwise.
    public var level: Int?
    /// A total line (合计).
    public var isTotal: Bool
    /// Indexes of cells whose value is derived (not printed as such: computed from a stated
    /// change, or a rollup the document does not print).
    public var derivedCells: Set<Int>
    /// The block (a unit's name) the row belongs to when results come per unit.
    public var block: String?

    public init(cells: [Cell], level: Int? = nil, isTotal: Bool = false, derivedCells: Set<Int> = [], block: String? = nil) {
        self.cells = cells
        self.level = level
        self.isTotal = isTotal
        self.derivedCells = derivedCells
        self.block = block
    }
}

/// The shape of a result: its columns and whether rows carry a tree level, a total flag,
/// derived marks and per-unit blocks (machine formats add `level`, `is_total`, `derived`
/// and `unit` columns accordingly).
public struct ResultShape: Hashable, Sendable {
    public var columns: [ResultColumn]
    public var hasLevels: Bool
    public var hasTotals: Bool
    public var hasDerived: Bool
    public var hasBlocks: Bool

    public init(columns: [ResultColumn], hasLevels: Bool = false, hasTotals: Bool = false, hasDerived: Bool = false, hasBlocks: Bool = false) {
        self.columns = columns
        self.hasLevels = hasLevels
        self.hasTotals = hasTotals
        self.hasDerived = hasDerived
        self.hasBlocks = hasBlocks
    }
}
