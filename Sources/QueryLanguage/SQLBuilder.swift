import Core

/// Collects bound parameters (numbered, each distinct value bound once) and writes the
/// SQL fragments every statement shares.
struct SQLBuilder {
    private(set) var parameters: [SQLParameter] = []

    /// A placeholder `?N` bound to `value`.
    mutating func bind(_ value: SQLParameter) -> String {
        if let index = parameters.firstIndex(of: value) { return "?\(index + 1)" }
        parameters.append(value)
        return "?\(parameters.count)"
    }

    mutating func bind(_ value: Int) -> String { bind(.integer(Int64(value))) }
    mutating func bind(_ value: String) -> String { bind(.text(value)) }

    /// `scope(unit_id, ord)`: the units a statement covers, in display order.
    mutating func scopeCTE(_ units: [Catalog.Unit]) -> String {
        guard !units.isEmpty else { return "scope(unit_id, ord) AS (SELECT NULL, NULL WHERE 0)" }
        let rows = units.enumerated().map { "(\(bind(.integer($0.element.id))), \($0.offset + 1))" }
        return "scope(unit_id, ord) AS (VALUES \(rows.joined(separator: ", ")))"
    }

    /// SQL for numerator / denominator × 100 rounded half away from zero to `decimals`
    /// places, scaled by 10^decimals; NULL for a zero or unknown base. Integer arithmetic only.
    static func percent(_ numerator: String, _ denominator: String, decimals: Int = 2) -> String {
        var scale = 100
        for _ in 0..<decimals { scale *= 10 }
        let n = "((\(numerator)) * \(scale))", d = "(\(denominator))"
        return """
            (CASE WHEN \(d) IS NULL OR \(d) = 0 OR \(n) IS NULL THEN NULL \
            ELSE (CASE WHEN (\(n) < 0) != (\(d) < 0) THEN -1 ELSE 1 END) * ((2 * abs(\(n)) + abs(\(d))) / (2 * abs(\(d)))) END)
            """
    }
}
