import Core

/// `where` on a listing statement (summary, compare, breakdown, trend, top, source): the
/// condition names the result's visible columns (machine name or Chinese title), the
/// unit, and `derived`; the compiled query becomes a materialized CTE filtered by it, so
/// the statement stays one SQL statement and keeps its row order.
struct ResultFilter {
    let displayUnit: MoneyUnit

    func apply(_ condition: Condition, to query: SQLQuery) throws(Diagnostic) -> SQLQuery {
        let width = Self.sqlWidth(query)
        let fields = Self.fields(query)
        let typed = try ConditionChecker(fields: fields, displayUnit: displayUnit).check(condition)
        var builder = SQLBuilder(parameters: query.parameters)
        let predicate = ConditionCompiler(displayUnit: displayUnit).sql(typed, &builder)
        let names = (0..<width).map { "c\($0)" }.joined(separator: ", ")
        let kept = query.layout.note.map { " OR result.c\($0) IS NOT NULL" } ?? ""
        var filtered = query
        filtered.text = """
            WITH result(\(names)) AS MATERIALIZED (
            \(query.text)
            )
            SELECT * FROM result WHERE \(predicate)\(kept)
            """
        filtered.parameters = builder.parameters
        return filtered
    }

    /// How many columns the query's SQL returns: the result's columns, then bookkeeping.
    static func sqlWidth(_ query: SQLQuery) -> Int {
        let layout = query.layout
        let indexes = [layout.block, layout.level, layout.isTotal, layout.note].compactMap { $0 } + Array(layout.derivedFlags.values)
        return max(query.shape.columns.count, (indexes.max() ?? 0) + 1)
    }

    /// The fields a filter may name for this result.
    static func fields(_ query: SQLQuery) -> FieldSet {
        var entries: [(names: [String], field: Field)] = []
        for (index, column) in query.shape.columns.enumerated() {
            guard let (sql, type) = typed("result.c\(index)", column.kind) else { continue }
            entries.append(([column.name, column.title], Field(name: column.name, sql: sql, type: type)))
        }
        if let block = query.layout.block {
            entries.append((["unit", "单位"], Field(name: "unit", sql: "result.c\(block)", type: .text)))
        }
        if let item = query.shape.columns.firstIndex(where: { $0.name == "item" }) {
            entries.append((["name", "名称"], Field(name: "name", sql: "result.c\(item)", type: .text)))
        }
        if let total = query.layout.isTotal {
            entries.append((["is_total", "合计行"], Field(name: "is_total", sql: "coalesce(result.c\(total), 0)", type: .integer)))
        }
        if !query.layout.derivedFlags.isEmpty {
            let flags = query.layout.derivedFlags.sorted { $0.key < $1.key }
                .map { "(result.c\($0.value) = 1 AND result.c\($0.key) IS NOT NULL)" }
            entries.append((["derived", "推算"], Field(name: "derived", sql: "(\(flags.joined(separator: " OR ")))", type: .integer)))
        }
        return FieldSet(entries: entries)
    }

    /// A column's SQL and value type: money in 分, percentages in hundredths of a percent.
    private static func typed(_ sql: String, _ kind: ColumnKind) -> (String, ValueType)? {
        switch kind {
        case .text: return (sql, .text)
        case .money, .moneyChange: return (sql, .money)
        case .integer: return (sql, .integer)
        case .points: return (sql, .points)
        case .percent(let decimals), .percentChange(let decimals):
            if decimals == 2 { return (sql, .percent) }
            if decimals < 2 { return ("(\(sql) * \(ExactDecimal.powerOfTen(2 - decimals) ?? 1))", .percent) }
            return nil
        }
    }
}

extension Statement {
    /// The `for UNIT` of a statement that has one.
    var unitName: Name? {
        switch self {
        case .summary(_, let unit, _), .compare(_, _, _, let unit, _), .breakdown(_, _, _, _, _, let unit, _, _),
             .trend(_, _, _, let unit, _), .source(_, _, let unit, _), .execution(_, _, let unit),
             .trendBudget(_, _, _, let unit):
            return unit
        default:
            return nil
        }
    }

    /// The `where` condition of a listing statement that filters its result rows.
    var filter: Condition? {
        switch self {
        case .summary(_, _, let filter), .compare(_, _, _, _, let filter), .breakdown(_, _, _, _, _, _, _, let filter),
             .trend(_, _, _, _, let filter), .top(_, _, _, let filter), .source(_, _, _, let filter):
            return filter
        default:
            return nil
        }
    }
}
