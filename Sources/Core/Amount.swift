/// An exact amount of money in 分 (fen). Never floating point.
public struct Amount: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var fen: Int64

    public init(fen: Int64) { self.fen = fen }

    /// Parses a printed decimal number ("889.16", "25.5", "-2.48", "1,066.51") in `unit`.
    /// Returns nil when the text is not a plain decimal or has more decimals than 分 allow.
    public init?(printed: String, unit: MoneyUnit) {
        guard let decimal = ExactDecimal(parsing: printed),
              let fen = decimal.scaled(by: unit.fenPerUnit) else { return nil }
        self.fen = fen
    }

    public static func < (lhs: Amount, rhs: Amount) -> Bool { lhs.fen < rhs.fen }

    /// The amount in `unit` with at least `minimumDecimals` decimals and as many more as
    /// exactness needs (trailing zeros beyond the minimum are dropped). ASCII minus.
    public func formatted(in unit: MoneyUnit, minimumDecimals: Int = 2) -> String {
        let magnitude = fen.magnitude
        let per = UInt64(unit.fenPerUnit)
        let whole = magnitude / per
        var fraction = String(magnitude % per)
        fraction = String(repeating: "0", count: unit.exactDecimals - fraction.count) + fraction
        while fraction.count > minimumDecimals, fraction.hasSuffix("0") { fraction.removeLast() }
        let sign = fen < 0 ? "-" : ""
        return fraction.isEmpty ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }

    public var description: String { formatted(in: .tenThousandYuan) }
}
