import Core

/// Multi-column reports from a per-unit result, inside the one compiled statement:
/// `sideBySide` puts each unit's value columns next to the others' (one row per item);
/// `unitsByYear` turns `trend` into one row per unit and one column per year, with a total
/// that leaves out a 二级单位 whose 部门 is also in the report.
struct UnitPivot {
    let units: [Catalog.Unit]

    /// The most units put side by side as columns: a report stays readable, and far below
    /// SQLite's limit on the columns of one result (2,000).
    static let maxColumnsUnits = 100

    /// The name a column title gives a unit: its shortest alias when shorter than its name.
    private static func label(_ unit: Catalog.Unit) -> String {
        unit.aliases.min { $0.count < $1.count }.map { $0.count < unit.name.count ? $0 : unit.name } ?? unit.name
    }

    private static func wrapped(_ query: SQLQuery) -> String {
        let names = (0..<ResultFilter.sqlWidth(query)).map { "c\($0)" }.joined(separator: ", ")
        return """
            WITH result(\(names)) AS MATERIALIZED (
            \(query.text)
            ),
            numbered AS (SELECT result.*, row_number() OVER () AS rn FROM result)
            """
    }

    func sideBySide(_ query: SQLQuery) -> SQLQuery {
        guard let block = query.layout.block else { return query }
        var b = SQLBuilder(parameters: query.parameters)
        let columns = query.shape.columns
        let keys = columns.indices.filter { columns[$0].kind == .text }
        let values = columns.indices.filter { columns[$0].kind != .text }
        var select = keys.map { "c\($0)" }
        var resultColumns = keys.map { columns[$0] }
        var flags: [String] = []
        var derived: [Int: Int] = [:]
        for (ordinal, unit) in units.enumerated() {
            let name = b.bind(unit.name)
            for value in values {
                select.append("max(CASE WHEN c\(block) = \(name) THEN c\(value) END)")
                resultColumns.append(ResultColumn(name: "u\(ordinal + 1)_\(columns[value].name)",
                                                  title: "\(Self.label(unit)) \(columns[value].title)", kind: columns[value].kind))
                if let flag = query.layout.derivedFlags[value] {
                    derived[resultColumns.count - 1] = -1 - flags.count
                    flags.append("max(CASE WHEN c\(block) = \(name) THEN c\(flag) END)")
                }
            }
        }
        var group = keys.map { "c\($0)" }
        var layout = RowLayout()
        var bookkeeping: [String] = []
        if let level = query.layout.level {
            layout.level = resultColumns.count + bookkeeping.count
            bookkeeping.append("c\(level)")
            group.append("c\(level)")
        }
        if let total = query.layout.isTotal {
            layout.isTotal = resultColumns.count + bookkeeping.count
            bookkeeping.append("c\(total)")
            group.append("c\(total)")
        }
        let flagStart = resultColumns.count + bookkeeping.count
        layout.derivedFlags = derived.mapValues { flagStart + (-1 - $0) }
        let code = columns.firstIndex { $0.name == "code" }
        let order = (query.layout.isTotal.map { ["c\($0)"] } ?? []) + (code.map { ["c\($0)"] } ?? []) + ["min(rn)"]
        var text = """
            \(Self.wrapped(query))
            SELECT \((select + bookkeeping + flags).joined(separator: ", "))
            FROM numbered
            GROUP BY \(group.isEmpty ? "1" : group.joined(separator: ", "))
            ORDER BY \(order.joined(separator: ", "))
            """
        // Notes (a unit without a value) stay notes, after the rows.
        if let note = query.layout.note {
            let width = select.count + bookkeeping.count + flags.count
            layout.note = width
            text = """
                \(Self.wrapped(query))
                SELECT * FROM (
                    SELECT \((select + bookkeeping + flags).joined(separator: ", ")), NULL
                    FROM numbered WHERE c\(note) IS NULL
                    GROUP BY \(group.isEmpty ? "1" : group.joined(separator: ", "))
                    ORDER BY \(order.joined(separator: ", "))
                )
                UNION ALL
                SELECT \(Array(repeating: "NULL", count: width).joined(separator: ", ")), c\(note) FROM numbered WHERE c\(note) IS NOT NULL
                """
        }
        return SQLQuery(text: text, parameters: b.parameters,
                        shape: ResultShape(columns: resultColumns, hasLevels: query.shape.hasLevels, hasTotals: query.shape.hasTotals,
                                           hasDerived: query.shape.hasDerived),
                        layout: layout, notes: query.notes)
    }

    /// `trend … by unit`: the trend's rows (year, amount, …, unit, derived) as one row per
    /// unit with a column per year in `years`; a unit of `scope` with no figure of `title` in
    /// those years gets a note (one per unit of the report) instead of a silent absence.
    /// The report's units come from the SQL (`SQLBuilder.scopeCTE`, the trend's own scope):
    /// neither the text nor the parameters grow with their number.
    static func unitsByYear(_ query: SQLQuery, scope: UnitScope, years: [Int], title: String) -> SQLQuery {
        guard let block = query.layout.block, let amountKind = query.shape.columns.dropFirst().first?.kind else { return query }
        var b = SQLBuilder(parameters: query.parameters)
        let flag = query.layout.derivedFlags[1]
        let bound = years.map { b.bind($0) }
        let values = bound.map { "max(CASE WHEN c0 = \($0) THEN c1 END)" }
        let flags = bound.map { year in flag.map { "max(CASE WHEN c0 = \(year) THEN c\($0) END)" } ?? "0" }
        // The report's units (the trend's scope CTE again: the inner one is not visible here).
        let reportScope = b.scopeCTE(scope)
        let totalValues = years.indices.map { "CASE WHEN count(v\($0)) = count(*) THEN sum(v\($0)) END" }
        let span = years.count > 1 ? "\(years[0])—\(years[years.count - 1]) 年" : "\(years.first ?? 0) 年"
        let note = b.bind("」在 \(span)没有「\(title)」的决算数值")
        let blanks = Array(repeating: "NULL", count: years.count).joined(separator: ", ")
        let zeros = Array(repeating: "0", count: years.count).joined(separator: ", ")
        let text = """
            \(Self.wrapped(query)),
            per_unit AS (
                SELECT c\(block) AS unit, min(rn) AS ord, \(values.enumerated().map { "\($0.element) AS v\($0.offset)" }.joined(separator: ", ")),
                       \(flags.enumerated().map { "\($0.element) AS d\($0.offset)" }.joined(separator: ", "))
                FROM numbered GROUP BY c\(block)
            ),
            \(reportScope),
            report AS (SELECT u.name, u.parent_id, s.ord FROM scope s JOIN unit u ON u.id = s.unit_id)
            SELECT unit, \(years.indices.map { "v\($0)" }.joined(separator: ", ")), 0 AS is_total, ord,
                   \(years.indices.map { "d\($0)" }.joined(separator: ", ")), NULL
            FROM per_unit
            UNION ALL
            SELECT '合计（不重复计算二级单位）', \(totalValues.joined(separator: ", ")), 1, 0, \(years.indices.map { "max(d\($0))" }.joined(separator: ", ")), NULL
            FROM per_unit WHERE unit IN (
                SELECT name FROM report WHERE parent_id IS NULL OR parent_id NOT IN (SELECT unit_id FROM scope))
            HAVING count(*) > 0
            UNION ALL
            SELECT NULL, \(blanks), 2, r.ord, \(zeros), '「' || r.name || \(note)
            FROM report r WHERE r.name NOT IN (SELECT unit FROM per_unit)
            ORDER BY is_total, ord
            """
        let columns = [ResultColumn(name: "unit", title: "单位", kind: .text)]
            + years.map { ResultColumn(name: "value_\($0)", title: "\($0)年", kind: amountKind) }
        var derived: [Int: Int] = [:]
        for index in years.indices { derived[index + 1] = years.count + 3 + index }
        return SQLQuery(text: text, parameters: b.parameters,
                        shape: ResultShape(columns: columns, hasTotals: true, hasDerived: true),
                        layout: RowLayout(isTotal: years.count + 1, derivedFlags: derived, note: 2 * years.count + 3), notes: query.notes)
    }
}
