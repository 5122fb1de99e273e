import Core

/// `compare CODE YEAR YEAR` and the per-unit value of a code `top` ranks: classification
/// figures as printed, or (marked derived) the sum of the printed codes below them.
extension SQLCompiler {
    /// Each year is read from its document (决算, or a budget's 预算数) in one fund: the one
    /// `fundExpression` picks, or where the documents differ the widest both print by code.
    /// A unit whose column is blank for a year gets a note saying why.
    func compareCode(_ units: UnitScope, _ target: CodeTarget, _ first: DocumentYear, _ second: DocumentYear,
                     _ b: inout SQLBuilder) -> SQLQuery {
        let scope = b.scopeCTE(units, anyKind: first.kind == .budget || second.kind == .budget)
        let node = b.bind(target.code)
        let y1 = b.bind(first.year), y2 = b.bind(second.year), leaf = b.bind(target.leafLength)
        let col1 = b.bind(target.defaultColumn(first.kind)), col2 = b.bind(target.defaultColumn(second.kind))
        let title = b.bind(target.name.isEmpty ? target.code : target.code + " " + target.name)
        let lens = target.childLengths(depth: nil).map { "(\(b.bind($0)))" }.joined(separator: ", ")
        let fundSQL = first.kind == second.kind || target.defaultFund != nil
            ? fundExpression(target.defaultFund, unit: "s.unit_id", year: y2, document: second.kind, &b)
            : Self.commonFund(unit: "s.unit_id", [(first.kind, y1), (second.kind, y2)])
        let hasTotal = target.code.count < target.leafLength
        let totalNodes = hasTotal ? "UNION ALL SELECT DISTINCT i.unit_id, \(node), 1 FROM items i" : ""
        func ranked(_ slot: Int, _ year: DocumentYear, _ bound: String, _ col: String) -> String {
            """
            SELECT unit_id, \(slot) AS slot, code, amount_fen FROM \(SQLBuilder.rankedFacts(unit: "fu.unit_id", from: "funds fu",
                where: "vf.fund_id = fu.fund_id AND vf.column_id = \(col) AND vf.year = \(bound) AND length(vf.code) = \(leaf) AND \(SQLBuilder.codePrefix("vf.code", node))",
                partition: "vf.code", document: year.kind))
            """
        }
        func value(_ alias: String, _ slot: Int) -> String {
            """
            coalesce(\(alias).amount_fen, (SELECT sum(i.amount_fen) FROM items i WHERE i.unit_id = n.unit_id AND i.slot = \(slot) \
            AND substr(i.code, 1, length(n.code)) = n.code))
            """
        }
        func join(_ alias: String, _ year: DocumentYear, _ bound: String, _ col: String) -> String {
            SQLBuilder.valueJoin(alias, unit: "n.unit_id", key: "vf.code = n.code AND vf.fund_id = fu.fund_id AND vf.column_id = \(col)",
                                 year: bound, document: year.kind)
        }
        let noteColumns = "n.unit_id, n.ord, NULL, 2, NULL, 0, NULL, 0"
        let text = """
            WITH \(scope),
            lens(len) AS (VALUES \(lens)),
            funds AS (SELECT s.unit_id, s.ord, \(fundSQL) AS fund_id FROM scope s),
            items AS (
                \(ranked(1, first, y1, col1))
                UNION ALL
                \(ranked(2, second, y2, col2))
            ),
            nodes(unit_id, code, is_total) AS (
                SELECT DISTINCT i.unit_id, substr(i.code, 1, l.len), 0 FROM items i CROSS JOIN lens l
                \(totalNodes)
            ),
            listed AS (
                SELECT n.unit_id, fu.ord, n.code, n.is_total,
                       \(value("a", 1)) AS v1, CASE WHEN a.amount_fen IS NULL THEN 1 ELSE a.derived END AS d1,
                       \(value("c", 2)) AS v2, CASE WHEN c.amount_fen IS NULL THEN 1 ELSE c.derived END AS d2, NULL AS note
                FROM nodes n JOIN funds fu ON fu.unit_id = n.unit_id
                \(join("a", first, y1, col1))
                \(join("c", second, y2, col2))
            ),
            rows AS (
                SELECT * FROM listed
                UNION ALL
                \(Self.blankYearNotes(first, year: y1, title: title, hasValue: "EXISTS (SELECT 1 FROM listed x WHERE x.unit_id = s.unit_id AND x.v1 IS NOT NULL)",
                                       columns: noteColumns))
                UNION ALL
                \(Self.blankYearNotes(second, year: y2, title: title, hasValue: "EXISTS (SELECT 1 FROM listed x WHERE x.unit_id = s.unit_id AND x.v2 IS NOT NULL)",
                                       columns: noteColumns))
            )
            SELECT r.code, \(Self.codeName("r.code", table: target.nameTable, year: y2)), r.v1, r.v2, r.v2 - r.v1,
                   \(SQLBuilder.percent("r.v2 - r.v1", "r.v1")), u.name, r.is_total, r.d1, r.d2, r.note
            FROM rows r JOIN unit u ON u.id = r.unit_id
            ORDER BY r.ord, r.is_total, r.code
            """
        let columns = [ResultColumn(name: "code", title: "科目编码", kind: .text),
                       ResultColumn(name: "name", title: "科目名称", kind: .text)]
            + yearColumns([first, second], kind: .money) + changeColumns(.money)
        return SQLQuery(text: text, parameters: b.parameters,
                        shape: ResultShape(columns: columns, hasTotals: hasTotal, hasDerived: true, hasBlocks: true),
                        layout: RowLayout(block: 6, isTotal: 7, derivedFlags: [2: 8, 3: 9], note: 10))
    }

    /// The widest fund (全部资金, 财政拨款, 一般公共预算) that every one of `documents` (a kind
    /// and a bound year) prints by code for the unit; 一般公共预算 when none is common.
    static func commonFund(unit: String, _ documents: [(DocumentKind, String)]) -> String {
        let printed = documents.map { kind, year in
            """
            EXISTS (SELECT 1 FROM disclosure vd CROSS JOIN fact vf WHERE vd.unit_id = \(unit) AND vd.kind = '\(kind.rawValue)' \
            AND vf.disclosure_id = vd.id AND vf.fund_id = f.fund_id AND vf.code IS NOT NULL AND vf.year = \(year))
            """
        }.joined(separator: " AND ")
        return """
            coalesce((SELECT f.fund_id FROM (SELECT 'all' AS fund_id, 0 AS o UNION ALL SELECT 'fiscal', 1 UNION ALL SELECT 'general', 2) f \
            WHERE \(printed) ORDER BY f.o LIMIT 1), 'general')
            """
    }

    /// `vals(unit_id, amount, derived)`: each scope unit's value of `target` in `year`, read
    /// from `document` (决算, or a budget's 预算数), for units that have one.
    func targetValues(_ target: ResolvedTarget, year: String, document: DocumentKind = .final, _ b: inout SQLBuilder) -> String {
        switch target {
        case .measure(let measure):
            let value = measure.valueKind == "money" ? "amount_fen" : "quantity"
            return """
                vals AS (
                    SELECT unit_id, \(value) AS amount, derived FROM \(SQLBuilder.rankedFacts(unit: "s.unit_id", from: "scope s",
                        where: "vf.measure_id = \(b.bind(measure.id)) AND vf.column_id = '\(document.amountColumn)' AND vf.year = \(year)",
                        partition: "vf.measure_id", document: document))
                )
                """
        case .code(let code):
            let node = b.bind(code.code)
            let col = b.bind(code.defaultColumn(document)), leaf = b.bind(code.leafLength)
            let fundSQL = fundExpression(code.defaultFund, unit: "s.unit_id", year: year, document: document, &b)
            return """
                funds AS (SELECT s.unit_id, \(fundSQL) AS fund_id FROM scope s),
                vals AS (
                    SELECT * FROM (
                        SELECT fu.unit_id,
                               coalesce(p.amount_fen, (SELECT sum(i.amount_fen) FROM \(SQLBuilder.rankedFacts(unit: "fu.unit_id",
                                   where: "vf.fund_id = fu.fund_id AND vf.column_id = \(col) AND vf.year = \(year) AND length(vf.code) = \(leaf) AND \(SQLBuilder.codePrefix("vf.code", node))",
                                   partition: "vf.code", document: document)) i)) AS amount,
                               CASE WHEN p.amount_fen IS NULL THEN 1 ELSE p.derived END AS derived
                        FROM funds fu
                        \(SQLBuilder.valueJoin("p", unit: "fu.unit_id", key: "vf.code = \(node) AND vf.fund_id = fu.fund_id AND vf.column_id = \(col)",
                                             year: year, document: document))
                    ) WHERE amount IS NOT NULL
                )
                """
        }
    }
}
