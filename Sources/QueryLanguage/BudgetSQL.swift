import Core

/// `breakdown CODE with budget`: for each 项 under a functional code, the 年初预算 the
/// narrative states (facts in column `budget_initial`) beside the 决算 of the same fund
/// (一般公共预算财政拨款 unless one is asked: the itemised list is of that fund), their
/// difference and the completion rate; the code's own row totals them (a sum marked
/// derived where the document prints none, blank unless every 项 has the figure). A unit
/// with a disclosure but no 年初预算 under the code (or no figure at all) gets a note.
extension SQLCompiler {
    func breakdownBudget(_ units: UnitScope, _ target: CodeTarget, _ year: Int, _ fund: String?, _ b: inout SQLBuilder) -> SQLQuery {
        let scope = b.scopeCTE(units)
        let node = b.bind(target.code), y = b.bind(year)
        let leaf = b.bind(target.leafLength)
        let title = b.bind(target.name.isEmpty ? target.code : target.code + " " + target.name)
        let fundSQL = b.bind(fund ?? "general")
        let actualKey = "vf.fund_id = fu.fund_id AND vf.column_id = 'actual'"
        let budgetKey = "vf.fund_id = fu.fund_id AND vf.column_id = 'budget_initial'"
        // The whole classification's total is the printed 一般公共预算财政拨款支出 (年初预算 and 决算).
        let totalFigure = target.code == "2" && (fund ?? "general") == "general"
            ? "vf.measure_id = 'general_expenditure'" : "vf.code = \(node)"
        let total = target.code.count == target.leafLength ? "" : """
            UNION ALL
            SELECT fu.unit_id, fu.ord, \(node),
                   coalesce(a.amount_fen, (SELECT CASE WHEN count(x.budget) = count(*) THEN sum(x.budget) END FROM leaf_rows x WHERE x.unit_id = fu.unit_id)),
                   CASE WHEN a.amount_fen IS NULL THEN 1 ELSE a.derived END,
                   coalesce(c.amount_fen, (SELECT CASE WHEN count(x.actual) = count(*) THEN sum(x.actual) END FROM leaf_rows x WHERE x.unit_id = fu.unit_id)),
                   CASE WHEN c.amount_fen IS NULL THEN 1 ELSE c.derived END, 1
            FROM funds fu
            \(SQLBuilder.valueJoin("a", unit: "fu.unit_id", key: "\(totalFigure) AND \(budgetKey)", year: y))
            \(SQLBuilder.valueJoin("c", unit: "fu.unit_id", key: "\(totalFigure) AND \(actualKey)", year: y))
            WHERE EXISTS (SELECT 1 FROM leaf_rows x WHERE x.unit_id = fu.unit_id)
            """
        let text = """
            WITH \(scope),
            funds AS (SELECT s.unit_id, s.ord, \(fundSQL) AS fund_id FROM scope s),
            leaves AS (
                SELECT DISTINCT fu.unit_id, fu.ord, vf.code FROM funds fu CROSS JOIN disclosure vd CROSS JOIN fact vf
                WHERE vd.unit_id = fu.unit_id AND vf.disclosure_id = vd.id AND vf.chosen = 1 AND vf.year = \(y)
                  AND vf.code IS NOT NULL AND length(vf.code) = \(leaf) AND \(SQLBuilder.codePrefix("vf.code", node))
                  AND ((\(actualKey)) OR \(budgetKey))
            ),
            leaf_rows AS (
                SELECT l.unit_id, l.ord, l.code, a.amount_fen AS budget, a.derived AS budget_derived,
                       c.amount_fen AS actual, c.derived AS actual_derived, 0 AS is_total
                FROM leaves l JOIN funds fu ON fu.unit_id = l.unit_id
                \(SQLBuilder.valueJoin("a", unit: "l.unit_id", key: "vf.code = l.code AND \(budgetKey)", year: y))
                \(SQLBuilder.valueJoin("c", unit: "l.unit_id", key: "vf.code = l.code AND \(actualKey)", year: y))
            ),
            rows AS (
                SELECT * FROM leaf_rows
                \(total)
            )
            SELECT code, name, budget, actual, difference, completion, unit, is_total, budget_derived, actual_derived, note
            FROM (
                SELECT r.code AS code,
                       coalesce(\(Self.codeName("r.code", table: target.nameTable, year: y)), CASE WHEN r.is_total = 1 THEN '合计' END) AS name,
                       r.budget AS budget, r.actual AS actual, r.actual - r.budget AS difference,
                       \(SQLBuilder.percent("r.actual", "r.budget")) AS completion, u.name AS unit, r.is_total AS is_total,
                       r.budget_derived AS budget_derived, r.actual_derived AS actual_derived, NULL AS note, r.ord AS ord, r.is_total AS place
                FROM rows r JOIN unit u ON u.id = r.unit_id
                UNION ALL
                SELECT NULL, NULL, NULL, NULL, NULL, NULL, u.name, 0, 0, 0,
                       '「' || u.name || '」没有 ' || \(y) || ' 年「' || \(title) || '」' ||
                       CASE WHEN EXISTS (SELECT 1 FROM leaf_rows x WHERE x.unit_id = s.unit_id) THEN '各项的年初预算数值' ELSE '的数值' END,
                       s.ord, 2
                FROM scope s JOIN unit u ON u.id = s.unit_id
                WHERE EXISTS (SELECT 1 FROM disclosure vd WHERE vd.unit_id = s.unit_id AND vd.kind = '决算' AND vd.year IN (\(y), \(y) + 1))
                  AND NOT EXISTS (SELECT 1 FROM leaf_rows x WHERE x.unit_id = s.unit_id AND x.budget IS NOT NULL)
            )
            ORDER BY ord, place, code
            """
        let columns = [
            ResultColumn(name: "code", title: "科目编码", kind: .text),
            ResultColumn(name: "name", title: "科目名称", kind: .text),
            ResultColumn(name: "budget", title: "年初预算", kind: .money),
            ResultColumn(name: "amount", title: "决算数", kind: .money),
            ResultColumn(name: "difference", title: "决算−预算", kind: .moneyChange),
            ResultColumn(name: "completion", title: "完成率", kind: .percent(decimals: 2)),
        ]
        return SQLQuery(text: text, parameters: b.parameters,
                        shape: ResultShape(columns: columns, hasTotals: target.code.count < target.leafLength, hasDerived: true, hasBlocks: true),
                        layout: RowLayout(block: 6, isTotal: 7, derivedFlags: [2: 8, 3: 9], note: 10))
    }
}
