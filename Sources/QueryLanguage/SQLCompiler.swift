import Core

/// Compiles a checked plan into one parameterized SQL statement with a total,
/// deterministic ORDER BY. User text is always bound; identifiers come from the catalog.
struct SQLCompiler {
    let displayUnit: MoneyUnit

    func compile(_ plan: Plan) -> SQLQuery {
        var builder = SQLBuilder()
        switch plan {
        case .summary(let units, let year): return summary(units, year, &builder)
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
        case .source(let units, let target, let year): return source(units, target, year, &builder)
        }
    }

    /// The measures `summary` reports, in this order (SPEC §6).
    static let summaryMeasures = ["grand_total", "income_total", "expenditure_total", "basic", "project",
                                  "fiscal_expenditure", "general_expenditure", "sangong", "admin_operating"]

    private func summary(_ units: [Catalog.Unit], _ year: Int, _ b: inout SQLBuilder) -> SQLQuery {
        let scope = b.scopeCTE(units)
        let items = Self.summaryMeasures.enumerated().map { "(\($0.offset + 1), \(b.bind($0.element)))" }.joined(separator: ", ")
        let current = b.bind(year), prior = b.bind(year - 1)
        let text = """
            WITH \(scope),
            items(ord, measure_id) AS (VALUES \(items))
            SELECT m.name_zh, p.amount_fen, c.amount_fen, c.amount_fen - p.amount_fen,
                   \(SQLBuilder.percent("c.amount_fen - p.amount_fen", "p.amount_fen")),
                   u.name, p.derived, c.derived
            FROM scope s
            JOIN unit u ON u.id = s.unit_id
            CROSS JOIN items i
            JOIN measure m ON m.id = i.measure_id
            \(SQLBuilder.valueJoin("c", unit: "s.unit_id", key: "vf.measure_id = i.measure_id AND vf.column_id = 'actual'", year: current))
            \(SQLBuilder.valueJoin("p", unit: "s.unit_id", key: "vf.measure_id = i.measure_id AND vf.column_id = 'actual'", year: prior))
            ORDER BY s.ord, i.ord
            """
        let columns = [ResultColumn(name: "item", title: "项目", kind: .text)] + yearColumns([year - 1, year], kind: .money) + changeColumns(.money)
        return SQLQuery(text: text, parameters: b.parameters,
                        shape: ResultShape(columns: columns, hasDerived: true, hasBlocks: true),
                        layout: RowLayout(block: 5, derivedFlags: [1: 6, 2: 7]))
    }

    private func compare(_ units: [Catalog.Unit], _ subject: Catalog.Measure, _ hasParts: Bool, _ first: Int, _ second: Int,
                         _ b: inout SQLBuilder) -> SQLQuery {
        let scope = b.scopeCTE(units)
        let s = b.bind(subject.id), kind = b.bind(subject.valueKind), y1 = b.bind(first), y2 = b.bind(second)
        let value = subject.valueKind == "money" ? "amount_fen" : "quantity"
        // A subject without parts is its own (only) row.
        let roots = hasParts ? "parent_id = \(s) AND relation = 'part'" : "id = \(s)"
        let totalRows = hasParts ? "UNION ALL\n    SELECT t.unit_id, t.ord, 1, '', '合计', 1, t.v1, t.d1, t.v2, t.d2 FROM totals t" : ""
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
                \(SQLBuilder.valueJoin("a", unit: "s.unit_id", key: "vf.measure_id = t.measure_id AND vf.column_id = 'actual'", year: y1))
                \(SQLBuilder.valueJoin("b", unit: "s.unit_id", key: "vf.measure_id = t.measure_id AND vf.column_id = 'actual'", year: y2))
            ),
            totals AS (
                SELECT s.unit_id, s.ord,
                       coalesce(a.\(value), (SELECT CASE WHEN count(x.v1) = count(*) THEN sum(x.v1) END FROM v x WHERE x.unit_id = s.unit_id AND x.level = 1)) AS v1,
                       CASE WHEN a.\(value) IS NULL THEN 1 ELSE a.derived END AS d1,
                       coalesce(b.\(value), (SELECT CASE WHEN count(x.v2) = count(*) THEN sum(x.v2) END FROM v x WHERE x.unit_id = s.unit_id AND x.level = 1)) AS v2,
                       CASE WHEN b.\(value) IS NULL THEN 1 ELSE b.derived END AS d2
                FROM scope s
                \(SQLBuilder.valueJoin("a", unit: "s.unit_id", key: "vf.measure_id = \(s) AND vf.column_id = 'actual'", year: y1))
                \(SQLBuilder.valueJoin("b", unit: "s.unit_id", key: "vf.measure_id = \(s) AND vf.column_id = 'actual'", year: y2))
            ),
            rows AS (
                SELECT v.unit_id, v.ord, 0 AS is_total, v.path, m.name_zh AS item, v.level, v.v1, v.d1, v.v2, v.d2
                FROM v JOIN measure m ON m.id = v.measure_id
                \(totalRows)
            )
            SELECT r.item, r.v1, r.v2, r.v2 - r.v1, \(SQLBuilder.percent("r.v2 - r.v1", "r.v1")),
                   u.name, r.level, r.is_total, r.d1, r.d2
            FROM rows r JOIN unit u ON u.id = r.unit_id
            ORDER BY r.ord, r.is_total, r.path
            """
        let valueKind: ColumnKind = subject.valueKind == "money" ? .money : .integer
        let columns = [ResultColumn(name: "item", title: "项目", kind: .text)] + yearColumns([first, second], kind: valueKind)
            + changeColumns(valueKind)
        return SQLQuery(text: text, parameters: b.parameters,
                        shape: ResultShape(columns: columns, hasLevels: true, hasTotals: hasParts, hasDerived: true, hasBlocks: true),
                        layout: RowLayout(block: 5, level: 6, isTotal: 7, derivedFlags: [1: 8, 2: 9]))
    }

    func yearColumns(_ years: [Int], kind: ColumnKind) -> [ResultColumn] {
        years.map { ResultColumn(name: "value_\($0)", title: "\($0)年", kind: kind) }
    }

    func changeColumns(_ kind: ColumnKind) -> [ResultColumn] {
        [ResultColumn(name: "change", title: "变动", kind: kind == .money ? .moneyChange : .integer),
         ResultColumn(name: "change_pct", title: "变动率", kind: .percentChange(decimals: 2))]
    }
}
