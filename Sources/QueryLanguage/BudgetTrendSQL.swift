import Core

extension SQLCompiler {
    /// `trend SUBJECT with budget`: the subject's 预算数 in each year's budget document (the 部门
    /// one before the 单位 one) and its change against the previous budget year.
    func trendBudget(_ units: UnitScope, _ target: ResolvedTarget, _ from: Int?, _ to: Int?, _ b: inout SQLBuilder) -> SQLQuery {
        let scope = b.scopeCTE(units, anyKind: true)
        let low = b.bind(from ?? 0), high = b.bind(to ?? 9999)
        // A budget prints a code in several funds: the widest one it prints.
        let read = b.targetRead(target) { _, _ in
            "(SELECT x.fund_id FROM fact x WHERE x.disclosure_id = vd.id AND x.code = vf.code AND x.column_id = 'budget' "
                + "ORDER BY CASE x.fund_id WHEN 'all' THEN 0 WHEN 'fiscal' THEN 1 WHEN 'general' THEN 2 ELSE 3 END LIMIT 1)"
        }
        let text = """
            WITH \(scope),
            vals AS (
                SELECT unit_id, ord, year, \(read.value) AS amount FROM \(SQLBuilder.rankedFacts(unit: "s.unit_id", from: "scope s",
                    where: "vf.year = vd.year AND vf.column_id = 'budget' AND vf.status = 'ok' AND \(read.key)", partition: "vf.year",
                    extra: "s.ord", document: .budget))
            ),
            \(Self.yearOverYear(low: low, high: high))
            """
        let columns = [ResultColumn(name: "year", title: "年度", kind: .integer),
                       ResultColumn(name: "amount", title: "预算数", kind: read.kind)] + changeColumns(read.kind)
        return SQLQuery(text: text, parameters: b.parameters, shape: ResultShape(columns: columns, hasBlocks: true),
                        layout: RowLayout(block: 4))
    }
}
