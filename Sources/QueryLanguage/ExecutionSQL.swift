import Core

/// `execution SUBJECT [YEAR]`: for each unit, the subject's figure in the year's budget
/// document (预算数 of the 预算 disclosure, the 部门 one before the 单位 one), the 年初预算 the
/// final account itself prints (column 年初预算数, else 预算数), the 决算数, their differences
/// and the execution rate (决算 ÷ 预算文件, else ÷ 年初预算). One parameterized statement.
extension SQLCompiler {
    func execution(_ units: UnitScope, _ target: ResolvedTarget, _ year: Int, _ b: inout SQLBuilder) -> SQLQuery {
        let scope = b.scopeCTE(units, anyKind: true)
        let y = b.bind(year)
        let read = b.targetRead(target) { code, b in fundExpression(code.defaultFund, unit: "s.unit_id", year: y, &b) }
        let key = read.key, value = read.value, kind = read.kind
        let budgetDocument = """
            (SELECT vf.\(value) FROM disclosure vd CROSS JOIN fact vf
             WHERE vd.unit_id = s.unit_id AND vd.kind = '预算' AND vd.year = \(y) AND vf.disclosure_id = vd.id
               AND \(key) AND vf.column_id = 'budget' AND vf.year = \(y) AND vf.status = 'ok'
             ORDER BY vd.scope != '部门', CASE vf.source_kind WHEN 'table' THEN 0 WHEN 'text' THEN 1 ELSE 2 END, vf.derived, vf.line_from, vf.id
             LIMIT 1)
            """
        let text = """
            WITH \(scope),
            v AS (
                SELECT s.unit_id, s.ord, \(budgetDocument) AS budget_document,
                       coalesce(i.\(value), p.\(value)) AS initial, a.\(value) AS actual
                FROM scope s
                \(SQLBuilder.valueJoin("i", unit: "s.unit_id", key: "\(key) AND vf.column_id = 'budget_initial'", year: y))
                \(SQLBuilder.valueJoin("p", unit: "s.unit_id", key: "\(key) AND vf.column_id = 'budget'", year: y))
                \(SQLBuilder.valueJoin("a", unit: "s.unit_id", key: "\(key) AND vf.column_id = 'actual'", year: y))
            )
            SELECT u.name, v.budget_document, v.initial, v.actual, v.actual - coalesce(v.budget_document, v.initial),
                   \(SQLBuilder.percent("v.actual", "coalesce(v.budget_document, v.initial)")), v.initial - v.budget_document
            FROM v JOIN unit u ON u.id = v.unit_id
            WHERE v.budget_document IS NOT NULL OR v.initial IS NOT NULL OR v.actual IS NOT NULL
            ORDER BY v.ord
            """
        let change: ColumnKind = kind == .money ? .moneyChange : .integer
        let columns = [
            ResultColumn(name: "unit", title: "单位", kind: .text),
            ResultColumn(name: "budget_document", title: "预算（预算文件）", kind: kind),
            ResultColumn(name: "budget_initial", title: "年初预算（决算所载）", kind: kind),
            ResultColumn(name: "amount", title: "决算数", kind: kind),
            ResultColumn(name: "difference", title: "决算−预算", kind: change),
            ResultColumn(name: "execution", title: "执行率", kind: .percent(decimals: 2)),
            ResultColumn(name: "restated", title: "年初预算−预算文件", kind: change),
        ]
        return SQLQuery(text: text, parameters: b.parameters, shape: ResultShape(columns: columns), layout: RowLayout())
    }
}
