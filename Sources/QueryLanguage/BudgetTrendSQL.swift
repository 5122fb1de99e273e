import Core

extension SQLCompiler {
    /// `trend SUBJECT with budget`: the subject's 预算数 in each year's budget document (the 部门
    /// one before the 单位 one) and its change against the previous budget year.
    func trendBudget(_ units: [Catalog.Unit], _ target: ResolvedTarget, _ from: Int?, _ to: Int?, _ b: inout SQLBuilder) -> SQLQuery {
        let scope = b.scopeCTE(units)
        let low = b.bind(from ?? 0), high = b.bind(to ?? 9999)
        let key: String
        var kind: ColumnKind = .money
        var value = "amount_fen"
        switch target {
        case .measure(let measure):
            key = "vf.measure_id = \(b.bind(measure.id))"
            if measure.valueKind != "money" { kind = .integer; value = "quantity" }
        case .code(let code):
            // A budget prints a code in several funds: the widest one it prints.
            key = "vf.code = \(b.bind(code.code)) AND vf.fund_id = (SELECT x.fund_id FROM fact x WHERE x.disclosure_id = vd.id "
                + "AND x.code = vf.code AND x.column_id = 'budget' ORDER BY CASE x.fund_id WHEN 'all' THEN 0 WHEN 'fiscal' THEN 1 "
                + "WHEN 'general' THEN 2 ELSE 3 END LIMIT 1)"
        }
        let text = """
            WITH \(scope),
            vals AS (
                SELECT * FROM (
                    SELECT s.unit_id, s.ord, vd.year, vf.\(value) AS amount,
                           row_number() OVER (PARTITION BY s.unit_id, vd.year ORDER BY vd.scope != '部门',
                               CASE vf.source_kind WHEN 'table' THEN 0 WHEN 'text' THEN 1 ELSE 2 END, vf.derived, vf.line_from, vf.id) AS r
                    FROM scope s CROSS JOIN disclosure vd CROSS JOIN fact vf
                    WHERE vd.unit_id = s.unit_id AND vd.kind = '预算' AND vf.disclosure_id = vd.id AND vf.year = vd.year
                      AND vf.column_id = 'budget' AND vf.status = 'ok' AND \(key)
                ) WHERE r = 1
            ),
            w AS (
                SELECT vals.*, lag(amount) OVER (PARTITION BY unit_id ORDER BY year) AS prev_amount,
                       lag(year) OVER (PARTITION BY unit_id ORDER BY year) AS prev_year
                FROM vals
            )
            SELECT w.year, w.amount,
                   CASE WHEN w.prev_year = w.year - 1 THEN w.amount - w.prev_amount END,
                   CASE WHEN w.prev_year = w.year - 1 THEN \(SQLBuilder.percent("w.amount - w.prev_amount", "w.prev_amount")) END,
                   u.name
            FROM w JOIN unit u ON u.id = w.unit_id
            WHERE w.year BETWEEN \(low) AND \(high)
            ORDER BY w.ord, w.year
            """
        let columns = [ResultColumn(name: "year", title: "年度", kind: .integer),
                       ResultColumn(name: "amount", title: "预算数", kind: kind)] + changeColumns(kind)
        return SQLQuery(text: text, parameters: b.parameters, shape: ResultShape(columns: columns, hasBlocks: true),
                        layout: RowLayout(block: 4))
    }
}
