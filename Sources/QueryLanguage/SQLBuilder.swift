import Core

/// Collects bound parameters (numbered, each distinct value bound once) and writes the
/// SQL fragments every statement shares.
struct SQLBuilder {
    private(set) var parameters: [SQLParameter] = []
    /// Each bound value's 1-based number, so binding stays linear in the values bound.
    private var numbers: [SQLParameter: Int] = [:]

    init(parameters: [SQLParameter] = []) {
        self.parameters = parameters
        for (index, value) in parameters.enumerated() where numbers[value] == nil { numbers[value] = index + 1 }
    }

    /// A placeholder `?N` bound to `value`.
    mutating func bind(_ value: SQLParameter) -> String {
        if let number = numbers[value] { return "?\(number)" }
        parameters.append(value)
        numbers[value] = parameters.count
        return "?\(parameters.count)"
    }

    mutating func bind(_ value: Int) -> String { bind(.integer(Int64(value))) }
    mutating func bind(_ value: String) -> String { bind(.text(value)) }

    /// `scope(unit_id, ord)`: the units a statement covers, in display order (each 部门
    /// followed by its 二级单位). Every unit is a read of `unit`; a subset is one bound JSON
    /// array, so no statement has a parameter per unit. Every unit means every unit with a
    /// loaded 决算, or with `anyKind` every unit with any disclosure (a budget alone counts).
    mutating func scopeCTE(_ scope: UnitScope, anyKind: Bool = false) -> String {
        switch scope {
        case .all:
            return """
                scope(unit_id, ord) AS (SELECT u.id, row_number() OVER (ORDER BY coalesce(u.parent_id, u.id), \
                u.parent_id IS NOT NULL, u.name, u.id) FROM unit u \
                WHERE EXISTS (SELECT 1 FROM disclosure sd WHERE sd.unit_id = u.id\(anyKind ? "" : " AND sd.kind = '决算'")))
                """
        case .units(let units):
            guard !units.isEmpty else { return "scope(unit_id, ord) AS (SELECT NULL, NULL WHERE 0)" }
            if units.count == 1 { return "scope(unit_id, ord) AS (SELECT \(bind(.integer(units[0].id))), 1)" }
            let ids = "[" + units.map { String($0.id) }.joined(separator: ",") + "]"
            return "scope(unit_id, ord) AS (SELECT value, key + 1 FROM json_each(\(bind(.text(ids)))))"
        }
    }

    /// The id of the fact a query reads for one unit and key. In the final account, the one
    /// the writer chose (`fact.chosen`, schema.sql `fact_choice`: the unit's own-year 决算
    /// first, else the nearest later one that states the figure; then table > text > chart,
    /// printed before derived, then the earliest line); in budgets, which are not flagged,
    /// ranked here (`DocumentKind.budgetPrecedence`). `key` constrains `vf` (the fact) and
    /// may refer to outer columns; it reads only that unit's disclosures.
    static func bestFact(unit: String, key: String, year: String, document: DocumentKind = .final) -> String {
        switch document {
        case .final:
            return """
                (SELECT vf.id FROM disclosure vd CROSS JOIN fact vf \
                WHERE vd.unit_id = \(unit) AND vf.disclosure_id = vd.id AND vf.chosen = 1 AND \(key) AND vf.year = \(year))
                """
        case .budget:
            return """
                (SELECT vf.id FROM disclosure vd CROSS JOIN fact vf \
                WHERE vd.unit_id = \(unit) AND vd.kind = '预算' AND vf.disclosure_id = vd.id AND \(key) AND vf.year = \(year) \
                ORDER BY \(DocumentKind.budgetPrecedence) LIMIT 1)
                """
        }
    }

    /// `LEFT JOIN fact ALIAS` on the fact a query reads for one unit and key.
    static func valueJoin(_ alias: String, unit: String, key: String, year: String, required: Bool = false,
                          document: DocumentKind = .final) -> String {
        "\(required ? "JOIN" : "LEFT JOIN") fact \(alias) ON \(alias).id = \(bestFact(unit: unit, key: key, year: year, document: document))"
    }

    /// The facts a query reads for many keys: for each unit and `partition` key, the chosen
    /// occurrence, as rows of `fact` plus `unit_id` (and `extra` columns). Units come from
    /// `units` (a FROM item such as `scope s`) or, without it, `unit` is an outer column.
    /// `condition` constrains only columns of the key (measure or code, fund, column, year),
    /// so that it admits a key's chosen fact exactly when it admits the key; `partition`
    /// names the key columns left open: final-account keys have one chosen fact each, budget
    /// keys are ranked by `DocumentKind.budgetPrecedence` within them.
    static func rankedFacts(unit: String, from units: String? = nil, where condition: String, partition: String,
                            extra: String = "", document: DocumentKind = .final) -> String {
        let source = units.map { "\($0) CROSS JOIN disclosure vd CROSS JOIN fact vf" } ?? "disclosure vd CROSS JOIN fact vf"
        let columns = "\(unit) AS unit_id\(extra.isEmpty ? "" : ", " + extra), vf.*"
        switch document {
        case .final:
            return """
                (SELECT \(columns) \
                FROM \(source) WHERE vd.unit_id = \(unit) AND vf.disclosure_id = vd.id AND vf.chosen = 1 AND \(condition))
                """
        case .budget:
            return """
                (SELECT * FROM (SELECT \(columns), \
                row_number() OVER (PARTITION BY \(unit), \(partition) ORDER BY \(DocumentKind.budgetPrecedence)) AS value_rank \
                FROM \(source) WHERE vd.unit_id = \(unit) AND vd.kind = '预算' AND vf.disclosure_id = vd.id AND \(condition)) \
                WHERE value_rank = 1)
                """
        }
    }

    /// How a statement reads one target's figures from `vf`: the key that selects them, the
    /// fact column holding their value, and the kind of the result column showing it.
    struct TargetRead {
        var key: String
        var value: String
        var kind: ColumnKind
    }

    /// A measure is read by its id (counts and points in `quantity`), a code by the code in
    /// the fund `codeFund` gives (SQL, bound through the builder it is handed).
    mutating func targetRead(_ target: ResolvedTarget, codeFund: (CodeTarget, inout SQLBuilder) -> String) -> TargetRead {
        switch target {
        case .measure(let measure):
            let money = measure.valueKind == "money"
            return TargetRead(key: "vf.measure_id = \(bind(measure.id))", value: money ? "amount_fen" : "quantity", kind: money ? .money : .integer)
        case .code(let code):
            let fund = codeFund(code, &self)
            return TargetRead(key: "vf.code = \(bind(code.code)) AND vf.fund_id = \(fund)", value: "amount_fen", kind: .money)
        }
    }

    /// `column` starts with the code `node` (a bound or literal digit string), as a range an
    /// index on codes serves: codes are digits, and ':' follows '9'.
    static func codePrefix(_ column: String, _ node: String) -> String {
        "\(column) >= \(node) AND \(column) < \(node) || ':'"
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
