import Core

/// The columns machine formats write: `unit` first when the result comes in per-unit blocks,
/// then the result's columns by their ASCII names, then `level` (rows form a tree),
/// `is_total` (a total row exists) and `derived` (names of the row's derived columns).
struct MachineColumns {
    let shape: ResultShape
    let unit: MoneyUnit
    let names: [String]

    init(shape: ResultShape, unit: MoneyUnit) {
        self.shape = shape
        self.unit = unit
        var names: [String] = []
        if shape.hasBlocks { names.append("unit") }
        names += shape.columns.map(\.name)
        if shape.hasLevels { names.append("level") }
        if shape.hasTotals { names.append("is_total") }
        if shape.hasDerived { names.append("derived") }
        self.names = names
    }
}
