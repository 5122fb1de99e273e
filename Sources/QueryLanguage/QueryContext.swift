import Core

/// Session state a statement is checked in: the `use` unit, year and the document the year
/// is read from (`use 预算 2025`), and the unit money literals are read in when they carry none.
public struct QueryContext: Hashable, Sendable {
    public var units: [Int64]
    public var year: Int?
    /// The document of the `use` year: a statement that states no year reads it.
    public var document: DocumentKind
    public var displayUnit: MoneyUnit

    public init(units: [Int64] = [], year: Int? = nil, document: DocumentKind = .final, displayUnit: MoneyUnit = .tenThousandYuan) {
        self.units = units
        self.year = year
        self.document = document
        self.displayUnit = displayUnit
    }
}
