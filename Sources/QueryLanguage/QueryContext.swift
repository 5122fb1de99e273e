import Core

/// Session state a statement is checked in: the `use` unit and year, and the unit money
/// literals are read in when they carry none.
public struct QueryContext: Hashable, Sendable {
    public var units: [Int64]
    public var year: Int?
    public var displayUnit: MoneyUnit

    public init(units: [Int64] = [], year: Int? = nil, displayUnit: MoneyUnit = .tenThousandYuan) {
        self.units = units
        self.year = year
        self.displayUnit = displayUnit
    }
}
