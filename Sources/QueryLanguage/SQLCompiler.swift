import Core

/// Compiles a checked plan into one parameterized SQL statement with a total,
/// deterministic ORDER BY. User text is always bound; identifiers come from the catalog.
struct SQLCompiler {
    let displayUnit: MoneyUnit

    func compile(_ plan: Plan) -> SQLQuery {
        var builder = SQLBuilder()
        switch plan {
        case .summary(let units, let year, let document): return summary(units, year, document, &builder)
        case .compare(let units, let subject, let hasParts, let first, let second):
            return compare(units, subject, hasParts, first, second, &builder)
        case .compareCode(let units, let code, let first, let second): return compareCode(units, code, first, second, &builder)
        case .breakdownCode(let units, let code, let year, let depth, let column, let fund, let total):
            return breakdownCode(units, code, year, depth, column, fund, total, &builder)
        case .breakdownBudget(let units, let code, let year, let fund): return breakdownBudget(units, code, year, fund, &builder)
        case .breakdownSubject(let units, let subject, let year, let depth):
            return breakdownSubject(units, subject, year, depth, &builder)
        case .trend(let units, let target, let from, let to): return trend(units, target, from, to, &builder)
        case .execution(let units, let target, let year): return execution(units, target, year, &builder)
        case .trendBudget(let units, let target, let from, let to): return trendBudget(units, target, from, to, &builder)
        case .top(let units, let count, let target, let year): return top(units, count, target, year, &builder)
        case .projects(let units, let filter, let order, let descending, let limit):
            return projects(units, filter, order, descending, limit, &builder)
        case .indicators(let units, let projects, let filter): return indicators(units, projects, filter, &builder)
        case .codes(let prefix, let like): return codes(prefix, like, &builder)
        case .units: return unitList()
        case .years: return yearList()
        case .subjects: return subjectList()
        case .find(let units, let text): return find(units, text, &builder)
        case .source(let units, let target, let year, let document): return source(units, target, year, document, &builder)
        }
    }

    /// The measures `summary` reports, in this order (SPEC §6).
    static let summaryMeasures = ["grand_total", "income_total", "expenditure_total", "basic", "project",
                                  "fiscal_expenditure", "general_expenditure", "sangong", "admin_operating"]

    /// `summary [预算] YEAR`: the measures in YEAR − 1 and YEAR, read from the final accounts
    /// or (`预算`) the budget documents, where a unit without a budget for YEAR, or whose
    /// budget prints none of some measures, gets a note naming them.
    private func summary(_ units: UnitScope, _ year: Int, _ document: DocumentKind, _ b: inout SQLBuilder) -> SQLQuery {
        let scope = b.scopeCTE(units, anyKind: document == .budget)
        let items = Self.summaryMeasures.enumerated().map { "(\($0.offset + 1), \(b.bind($0.element)))" }.joined(separator: ", ")
        let current = b.bind(year), prior = b.bind(year - 1)
        let key = "vf.measure_id = i.measure_id AND vf.column_id = '\(document.amountColumn)'"
        let rows = """
            SELECT m.name_zh, p.amount_fen, c.amount_fen, c.amount_fen - p.amount_fen,
                   \(SQLBuilder.percent("c.amount_fen - p.amount_fen", "p.amount_fen")),
                   u.name, p.derived, c.derived
            """
        let from = """
            FROM scope s
            JOIN unit u ON u.id = s.unit_id
            CROSS JOIN items i
            JOIN measure m ON m.id = i.measure_id
            \(SQLBuilder.valueJoin("c", unit: "s.unit_id", key: key, year: current, document: document))
            \(SQLBuilder.valueJoin("p", unit: "s.unit_id", key: key, year: prior, document: document))
            """
        let years = [DocumentYear(year - 1, document), DocumentYear(year, document)]
        let columns = [ResultColumn(name: "item", title: "项目", kind: .text)] + yearColumns(years, kind: .money) + changeColumns(.money)
        let shape = ResultShape(columns: columns, hasDerived: true, hasBlocks: true)
        guard document == .budget else {
            return SQLQuery(text: "WITH \(scope),\nitems(ord, measure_id) AS (VALUES \(items))\n\(rows)\n\(from)\nORDER BY s.ord, i.ord",
                            parameters: b.parameters, shape: shape, layout: RowLayout(block: 5, derivedFlags: [1: 6, 2: 7]))
        }
        let missing = """
            (SELECT group_concat(m.name_zh, '、') FROM items i JOIN measure m ON m.id = i.measure_id
             WHERE NOT EXISTS (SELECT 1 FROM fact vf WHERE vf.id = \(SQLBuilder.bestFact(unit: "s.unit_id", key: key, year: current, document: .budget))))
            """
        let text = """
            WITH \(scope),
            items(ord, measure_id) AS (VALUES \(items)),
            body(item, prior, current, change, change_pct, unit, prior_derived, current_derived, note, ord, place, item_ord) AS (
                \(rows), NULL, s.ord, 0, i.ord
                \(from)
                UNION ALL
                SELECT NULL, NULL, NULL, NULL, NULL, u.name, 0, 0,
                       CASE WHEN NOT EXISTS (SELECT 1 FROM disclosure vd WHERE vd.unit_id = s.unit_id AND vd.kind = '预算' AND vd.year IN (\(current), \(current) + 1))
                            THEN '「' || u.name || '」没有 ' || \(current) || ' 年的预算文件（部门预算或单位预算）'
                            ELSE '「' || u.name || '」的 ' || \(current) || ' 年预算没有以下数值：' || \(missing) END,
                       s.ord, 1, 0
                FROM scope s JOIN unit u ON u.id = s.unit_id
                WHERE \(missing) IS NOT NULL
            )
            SELECT item, prior, current, change, change_pct, unit, prior_derived, current_derived, note FROM body
            ORDER BY ord, place, item_ord
            """
        return SQLQuery(text: text, parameters: b.parameters, shape: shape,
                        layout: RowLayout(block: 5, derivedFlags: [1: 6, 2: 7], note: 8))
    }

    /// `compare SUBJECT Y1 Y2`, each year read from its document (决算, or a budget's 预算数);
    /// a unit whose column is blank for a year gets a note saying why.
    private func compare(_ units: UnitScope, _ subject: Catalog.Measure, _ hasParts: Bool, _ first: DocumentYear, _ second: DocumentYear,
                         _ b: inout SQLBuilder) -> SQLQuery {
        let anyBudget = first.kind == .budget || second.kind == .budget
        let scope = b.scopeCTE(units, anyKind: anyBudget)
        let s = b.bind(subject.id), kind = b.bind(subject.valueKind), y1 = b.bind(first.year), y2 = b.bind(second.year)
        let title = b.bind(subject.nameZh)
        let value = subject.valueKind == "money" ? "amount_fen" : "quantity"
        func join(_ alias: String, _ measure: String, _ year: DocumentYear, _ bound: String) -> String {
            SQLBuilder.valueJoin(alias, unit: "s.unit_id", key: "vf.measure_id = \(measure) AND vf.column_id = '\(year.kind.amountColumn)'",
                                 year: bound, document: year.kind)
        }
        // A subject without parts is its own (only) row.
        let roots = hasParts ? "parent_id = \(s) AND relation = 'part'" : "id = \(s)"
        let totalRows = hasParts ? "UNION ALL\n    SELECT t.unit_id, t.ord, 1, '', '合计', 1, t.v1, t.d1, t.v2, t.d2, NULL FROM totals t" : ""
        let noteColumns = "n.unit_id, n.ord, 2, '', NULL, 1, NULL, 0, NULL, 0"
        let text = """
            WITH RECURSIVE \(scope),
            tree(measure_id, level, path) AS (
                SELECT id, 1, printf('%06d', sort_order) FROM measure WHERE \(roots) AND value_kind = \(kind)
                UNION ALL
                SELECT m.id, t.level + 1, t.path || '.' || printf('%06d', m.sort_order)
                FROM measure m JOIN tree t ON m.parent_id = t.measure_id AND m.relation = 'part' AND m.value_kind = \(kind)
            ),
            v AS (
                SELECT s.unit_id, s.ord, t.measure_id, t.level, t.path, a.\(value) AS v1, a.derived AS d1, b.\(value) AS v2, b.derived AS d2
                FROM scope s CROSS JOIN tree t
                \(join("a", "t.measure_id", first, y1))
                \(join("b", "t.measure_id", second, y2))
            ),
            totals AS (
                SELECT s.unit_id, s.ord,
                       coalesce(a.\(value), (SELECT CASE WHEN count(x.v1) = count(*) THEN sum(x.v1) END FROM v x WHERE x.unit_id = s.unit_id AND x.level = 1)) AS v1,
                       CASE WHEN a.\(value) IS NULL THEN 1 ELSE a.derived END AS d1,
                       coalesce(b.\(value), (SELECT CASE WHEN count(x.v2) = count(*) THEN sum(x.v2) END FROM v x WHERE x.unit_id = s.unit_id AND x.level = 1)) AS v2,
                       CASE WHEN b.\(value) IS NULL THEN 1 ELSE b.derived END AS d2
                FROM scope s
                \(join("a", s, first, y1))
                \(join("b", s, second, y2))
            ),
            rows AS (
                SELECT v.unit_id, v.ord, 0 AS is_total, v.path, m.name_zh AS item, v.level, v.v1, v.d1, v.v2, v.d2, NULL AS note
                FROM v JOIN measure m ON m.id = v.measure_id
                \(totalRows)
                UNION ALL
                \(Self.blankYearNotes(first, year: y1, title: title, hasValue: "EXISTS (SELECT 1 FROM v x WHERE x.unit_id = s.unit_id AND x.v1 IS NOT NULL) "
                                           + "OR EXISTS (SELECT 1 FROM totals x WHERE x.unit_id = s.unit_id AND x.v1 IS NOT NULL)",
                                       columns: noteColumns))
                UNION ALL
                \(Self.blankYearNotes(second, year: y2, title: title, hasValue: "EXISTS (SELECT 1 FROM v x WHERE x.unit_id = s.unit_id AND x.v2 IS NOT NULL) "
                                           + "OR EXISTS (SELECT 1 FROM totals x WHERE x.unit_id = s.unit_id AND x.v2 IS NOT NULL)",
                                       columns: noteColumns))
            )
            SELECT r.item, r.v1, r.v2, r.v2 - r.v1, \(SQLBuilder.percent("r.v2 - r.v1", "r.v1")),
                   u.name, r.level, r.is_total, r.d1, r.d2, r.note
            FROM rows r JOIN unit u ON u.id = r.unit_id
            ORDER BY r.ord, r.is_total, r.path
            """
        let valueKind: ColumnKind = subject.valueKind == "money" ? .money : .integer
        let columns = [ResultColumn(name: "item", title: "项目", kind: .text)] + yearColumns([first, second], kind: valueKind)
            + changeColumns(valueKind)
        return SQLQuery(text: text, parameters: b.parameters,
                        shape: ResultShape(columns: columns, hasLevels: true, hasTotals: hasParts, hasDerived: true, hasBlocks: true),
                        layout: RowLayout(block: 5, level: 6, isTotal: 7, derivedFlags: [1: 8, 2: 9], note: 10))
    }

    /// Columns for the compared years: `value_Y` 「Y年」, and where a budget is among them
    /// each title names its document (`budget_Y` 「Y年预算」, 「Y年决算」).
    func yearColumns(_ years: [DocumentYear], kind: ColumnKind) -> [ResultColumn] {
        let qualified = years.contains { $0.kind == .budget }
        return years.map { year in
            ResultColumn(name: (year.kind == .budget ? "budget_" : "value_") + String(year.year),
                         title: "\(year.year)年" + (qualified ? year.kind.rawValue : ""), kind: kind)
        }
    }

    func changeColumns(_ kind: ColumnKind) -> [ResultColumn] {
        [ResultColumn(name: "change", title: "变动", kind: kind == .money ? .moneyChange : .integer),
         ResultColumn(name: "change_pct", title: "变动率", kind: .percentChange(decimals: 2))]
    }
}
