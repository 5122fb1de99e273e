import Core

/// The values a printed number may stand for: its value ± half a unit of its last printed
/// digit (SPEC §8). Bounds are in half-分 (2 × 分) so that every bound is an integer.
public struct PrintedInterval: Hashable, Sendable {
    public var low: Int64
    public var high: Int64

    public init(low: Int64, high: Int64) {
        self.low = low
        self.high = high
    }

    /// An exact value (no rounding allowance), in 分.
    public static func exact(_ fen: Int64) -> PrintedInterval { PrintedInterval(low: 2 * fen, high: 2 * fen) }

    /// The interval of a printed amount: "889.16" 万元 → 889.155 … 889.165 万元.
    public static func of(printed: String, unit: MoneyUnit) -> PrintedInterval? {
        guard let decimal = ExactDecimal(parsing: printed), let fen = decimal.scaled(by: unit.fenPerUnit),
              let power = ExactDecimal.powerOfTen(decimal.decimals) else { return nil }
        let halfStep = unit.fenPerUnit / power   // in half-分: (fenPerUnit / 10^d) / 2 × 2
        return PrintedInterval(low: 2 * fen - halfStep, high: 2 * fen + halfStep)
    }

    /// The interval of a fact: its printed text's, or exact for a derived or computed value.
    public static func of(_ fact: AuditFact, unit: MoneyUnit) -> PrintedInterval? {
        guard let fen = fact.amountFen else { return nil }
        guard let printed = fact.printed else { return .exact(fen) }
        let printedUnit = fact.printedUnit.flatMap(MoneyUnit.init(rawValue:)) ?? unit
        return of(printed: printed, unit: printedUnit) ?? .exact(fen)
    }

    public static func + (lhs: PrintedInterval, rhs: PrintedInterval) -> PrintedInterval {
        PrintedInterval(low: lhs.low + rhs.low, high: lhs.high + rhs.high)
    }

    public static func - (lhs: PrintedInterval, rhs: PrintedInterval) -> PrintedInterval {
        PrintedInterval(low: lhs.low - rhs.high, high: lhs.high - rhs.low)
    }

    public func overlaps(_ other: PrintedInterval) -> Bool { low <= other.high && other.low <= high }
    public func contains(fen: Int64) -> Bool { low <= 2 * fen && 2 * fen <= high }
}
