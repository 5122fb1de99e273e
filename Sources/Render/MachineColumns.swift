import Core

/// The columns machine formats write: `unit` first when the result comes in per-unit blocks,
/// then the result's columns by their ASCII names, then `level` (rows form a tree),
/// `is_total` (a total row exists), `derived` (names of the row's derived columns) and
/// `money_unit` (the unit of every money column — 元, 万元 or 亿元, the `--unit` in force —
/// when the result has money columns), so that a file says what its numbers count.
struct MachineColumns {
    static let moneyUnitName = "money_unit"

    let shape: ResultShape
    let unit: MoneyUnit
    let names: [String]
    /// Whether the result has money columns (and so a `money_unit` column).
    let hasMoney: Bool

    init(shape: ResultShape, unit: MoneyUnit) {
        self.shape = shape
        self.unit = unit
        var names: [String] = []
        if shape.hasBlocks { names.append("unit") }
        names += shape.columns.map(\.name)
        if shape.hasLevels { names.append("level") }
        if shape.hasTotals { names.append("is_total") }
        if shape.hasDerived { names.append("derived") }
        hasMoney = shape.columns.contains { $0.kind == .money || $0.kind == .moneyChange }
        if hasMoney { names.append(Self.moneyUnitName) }
        self.names = names
    }
}
