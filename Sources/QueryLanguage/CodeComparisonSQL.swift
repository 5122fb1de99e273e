import Core

/// `compare CODE YEAR YEAR` and the per-unit value of a code `top` ranks: classification
/// figures as printed, or (marked derived) the sum of the printed codes below them.
extension SQLCompiler {
    func compareCode(_ units: UnitScope, _ target: CodeTarget, _ first: Int, _ second: Int, _ b: inout SQLBuilder) -> SQLQuery {
        let scope = b.scopeCTE(units)
        let node = b.bind(target.code)
        let y1 = b.bind(first), y2 = b.bind(second), col = b.bind(target.defaultColumn), leaf = b.bind(target.leafLength)
        let lens = target.childLengths(depth: nil).map { "(\(b.bind($0)))" }.joined(separator: ", ")
        let fundSQL = fundExpression(target.defaultFund, unit: "s.unit_id", year: y2, &b)
        let hasTotal = target.code.count < target.leafLength
        let totalNodes = hasTotal ? "UNION ALL SELECT DISTINCT i.unit_id, \(node), 1 FROM items i" : ""
        func value(_ alias: String, _ year: String) -> String {
            """
            coalesce(\(alias).amount_fen, (SELECT sum(i.amount_fen) FROM items i WHERE i.unit_id = n.unit_id AND i.year = \(year) \
            AND substr(i.code, 1, length(n.code)) = n.code))
            """
        }
        let text = """
            WITH \(scope),
            lens(len) AS (VALUES \(lens)),
            funds AS (SELECT s.unit_id, s.ord, \(fundSQL) AS fund_id FROM scope s),
            items AS (
                SELECT unit_id, year, code, amount_fen FROM \(SQLBuilder.rankedFacts(unit: "fu.unit_id", from: "funds fu",
                    where: "vf.fund_id = fu.fund_id AND vf.column_id = \(col) AND vf.year IN (\(y1), \(y2)) AND length(vf.code) = \(leaf) AND \(SQLBuilder.codePrefix("vf.code", node))",
                    partition: "vf.code, vf.year"))
            ),
            nodes(unit_id, code, is_total) AS (
                SELECT DISTINCT i.unit_id, substr(i.code, 1, l.len), 0 FROM items i CROSS JOIN lens l
                \(totalNodes)
            ),
            rows AS (
                SELECT n.unit_id, fu.ord, n.code, n.is_total,
                       \(value("a", y1)) AS v1, CASE WHEN a.amount_fen IS NULL THEN 1 ELSE a.derived END AS d1,
                       \(value("c", y2)) AS v2, CASE WHEN c.amount_fen IS NULL THEN 1 ELSE c.derived END AS d2
                FROM nodes n JOIN funds fu ON fu.unit_id = n.unit_id
                \(SQLBuilder.valueJoin("a", unit: "n.unit_id", key: "vf.code = n.code AND vf.fund_id = fu.fund_id AND vf.column_id = \(col)", year: y1))
                \(SQLBuilder.valueJoin("c", unit: "n.unit_id", key: "vf.code = n.code AND vf.fund_id = fu.fund_id AND vf.column_id = \(col)", year: y2))
            )
            SELECT r.code, \(Self.codeName("r.code", table: target.nameTable, year: y2)), r.v1, r.v2, r.v2 - r.v1,
                   \(SQLBuilder.percent("r.v2 - r.v1", "r.v1")), u.name, r.is_total, r.d1, r.d2
            FROM rows r JOIN unit u ON u.id = r.unit_id
            ORDER BY r.ord, r.is_total, r.code
            """
        let columns = [ResultColumn(name: "code", title: "科目编码", kind: .text),
                       ResultColumn(name: "name", title: "科目名称", kind: .text)]
            + yearColumns([first, second], kind: .money) + changeColumns(.money)
        return SQLQuery(text: text, parameters: b.parameters,
                        shape: ResultShape(columns: columns, hasTotals: hasTotal, hasDerived: true, hasBlocks: true),
                        layout: RowLayout(block: 6, isTotal: 7, derivedFlags: [2: 8, 3: 9]))
    }

    /// `vals(unit_id, amount, derived)`: each scope unit's value of `target` in `year`, for
    /// units that have one.
    func targetValues(_ target: ResolvedTarget, year: String, _ b: inout SQLBuilder) -> String {
        switch target {
        case .measure(let measure):
            let value = measure.valueKind == "money" ? "amount_fen" : "quantity"
            return """
                vals AS (
                    SELECT unit_id, \(value) AS amount, derived FROM \(SQLBuilder.rankedFacts(unit: "s.unit_id", from: "scope s",
                        where: "vf.measure_id = \(b.bind(measure.id)) AND vf.column_id = 'actual' AND vf.year = \(year)", partition: "vf.measure_id"))
                )
                """
        case .code(let code):
            let node = b.bind(code.code)
            let col = b.bind(code.defaultColumn), leaf = b.bind(code.leafLength)
            let fundSQL = fundExpression(code.defaultFund, unit: "s.unit_id", year: year, &b)
            return """
                funds AS (SELECT s.unit_id, \(fundSQL) AS fund_id FROM scope s),
                vals AS (
                    SELECT * FROM (
                        SELECT fu.unit_id,
                               coalesce(p.amount_fen, (SELECT sum(i.amount_fen) FROM \(SQLBuilder.rankedFacts(unit: "fu.unit_id",
                                   where: "vf.fund_id = fu.fund_id AND vf.column_id = \(col) AND vf.year = \(year) AND length(vf.code) = \(leaf) AND \(SQLBuilder.codePrefix("vf.code", node))",
                                   partition: "vf.code")) i)) AS amount,
                               CASE WHEN p.amount_fen IS NULL THEN 1 ELSE p.derived END AS derived
                        FROM funds fu
                        \(SQLBuilder.valueJoin("p", unit: "fu.unit_id", key: "vf.code = \(node) AND vf.fund_id = fu.fund_id AND vf.column_id = \(col)", year: year))
                    ) WHERE amount IS NOT NULL
                )
                """
        }
    }
}
