import Core

/// `breakdown` and `trend`: values under a classification code or a subject, with rollups
/// the document does not print computed from the 项 it does (and marked derived).
extension SQLCompiler {
    /// The fund a code is read in: the given one, else 全部资金 (支出决算表) where the unit
    /// has such rows for the year, else 一般公共预算财政拨款. In a budget: the widest fund it
    /// prints by code (全部资金, else 财政拨款, else 一般公共预算).
    func fundExpression(_ fund: String?, unit: String, year: String, document: DocumentKind = .final, _ b: inout SQLBuilder) -> String {
        if fund == nil, document == .budget { return Self.commonFund(unit: unit, [(.budget, year)]) }
        let auto = """
            CASE WHEN EXISTS (SELECT 1 FROM disclosure vd CROSS JOIN fact vf WHERE vd.unit_id = \(unit) \
            AND vf.disclosure_id = vd.id AND vf.chosen = 1 AND vf.fund_id = 'all' AND vf.code IS NOT NULL AND vf.year = \(year)) THEN 'all' ELSE 'general' END
            """
        return fund.map { b.bind($0) } ?? auto
    }

    /// `total`: the measure whose printed figure is the 合计 (`breakdown 本年支出合计 by 类`);
    /// else the code's own printed figure; else (derived) the sum of the first level shown.
    /// A unit with a disclosure but nothing under the code gets a note. `year.kind` chooses
    /// the document: a budget's figures are its 预算数 (or its basic / project columns).
    func breakdownCode(_ units: UnitScope, _ target: CodeTarget, _ year: DocumentYear, _ depth: Int?, _ chosenColumn: String?,
                       _ fund: String?, _ totalMeasure: String?, _ b: inout SQLBuilder) -> SQLQuery {
        let document = year.kind
        let scope = b.scopeCTE(units, anyKind: document == .budget)
        let code = target.code, column = chosenColumn ?? target.defaultColumn(document)
        let node = b.bind(code), nodeLength = b.bind(code.count), y = b.bind(year.year), col = b.bind(column)
        let leaf = b.bind(target.leafLength)
        let title = b.bind(target.name.isEmpty ? code : code + " " + target.name)
        let lengths = target.childLengths(depth: depth)
        let lens = lengths.map { "(\(b.bind($0)))" }.joined(separator: ", ")
        let fundSQL = fundExpression(fund ?? target.defaultFund, unit: "s.unit_id", year: y, document: document, &b)
        let level = depth == nil ? "1" : "CASE WHEN r.is_total = 1 THEN 1 ELSE max(1, (length(r.code) - \(nodeLength)) / 2) END"
        let firstLength = b.bind(lengths.first ?? target.leafLength)
        let totalKey = totalMeasure.map { "vf.measure_id = \(b.bind($0)) AND vf.column_id = '\(document.amountColumn)'" }
            ?? "vf.code = \(node) AND vf.fund_id = fu.fund_id AND vf.column_id = \(col)"
        let total = code.count == target.leafLength ? "" : """
            UNION ALL
            SELECT fu.unit_id, fu.ord, \(node),
                   coalesce(p.amount_fen, (SELECT sum(x.amount) FROM node_rows x WHERE x.unit_id = fu.unit_id AND length(x.code) = \(firstLength))),
                   CASE WHEN p.amount_fen IS NULL THEN 1 ELSE p.derived END, 1, NULL
            FROM funds fu
            \(SQLBuilder.valueJoin("p", unit: "fu.unit_id", key: totalKey, year: y, document: document))
            WHERE p.amount_fen IS NOT NULL OR EXISTS (SELECT 1 FROM node_rows x WHERE x.unit_id = fu.unit_id)
            """
        let text = """
            WITH \(scope),
            lens(len) AS (VALUES \(lens)),
            funds AS (SELECT s.unit_id, s.ord, \(fundSQL) AS fund_id FROM scope s),
            items AS (
                SELECT unit_id, code, amount_fen FROM \(SQLBuilder.rankedFacts(unit: "fu.unit_id", from: "funds fu",
                    where: "vf.fund_id = fu.fund_id AND vf.column_id = \(col) AND vf.year = \(y) AND length(vf.code) = \(leaf) AND \(SQLBuilder.codePrefix("vf.code", node))",
                    partition: "vf.code", document: document))
            ),
            nodes AS (SELECT DISTINCT i.unit_id, substr(i.code, 1, l.len) AS code FROM items i CROSS JOIN lens l),
            node_rows AS (
                SELECT n.unit_id, fu.ord, n.code,
                       coalesce(p.amount_fen, (SELECT sum(i.amount_fen) FROM items i WHERE i.unit_id = n.unit_id AND substr(i.code, 1, length(n.code)) = n.code)) AS amount,
                       CASE WHEN p.amount_fen IS NULL THEN 1 ELSE p.derived END AS derived, 0 AS is_total, p.row_label AS label
                FROM nodes n JOIN funds fu ON fu.unit_id = n.unit_id
                \(SQLBuilder.valueJoin("p", unit: "n.unit_id", key: "vf.code = n.code AND vf.fund_id = fu.fund_id AND vf.column_id = \(col)",
                                       year: y, document: document))
            ),
            rows AS (
                SELECT * FROM node_rows
                \(total)
            )
            SELECT code, name, amount, share, unit, level, is_total, derived, note
            FROM (
                SELECT r.code AS code,
                       coalesce(\(Self.displayName("r.code", label: "r.label", table: target.nameTable, year: y)),
                                CASE WHEN r.is_total = 1 THEN '合计' END) AS name,
                       r.amount AS amount,
                       \(SQLBuilder.percent("r.amount", "(SELECT t.amount FROM rows t WHERE t.unit_id = r.unit_id AND t.is_total = 1)")) AS share,
                       u.name AS unit, \(level) AS level, r.is_total AS is_total, r.derived AS derived, NULL AS note, r.ord AS ord, r.is_total AS place
                FROM rows r JOIN unit u ON u.id = r.unit_id
                UNION ALL
                \(Self.missingNote(title, year: y, document: document))
            )
            ORDER BY ord, place, code
            """
        let columns = [
            ResultColumn(name: "code", title: "科目编码", kind: .text),
            ResultColumn(name: "name", title: "科目名称", kind: .text),
            ResultColumn(name: "amount", title: Self.columnTitle(column), kind: .money),
            ResultColumn(name: "share", title: "占比", kind: .percent(decimals: 2)),
        ]
        return SQLQuery(text: text, parameters: b.parameters,
                        shape: ResultShape(columns: columns, hasLevels: true, hasTotals: true, hasDerived: true, hasBlocks: true),
                        layout: RowLayout(block: 4, level: 5, isTotal: 6, derivedFlags: [2: 7], note: 8))
    }

    /// A note row (nine NULL-padded columns, then the unit's order and 2) for each unit in
    /// `scope` with a document of `document`'s kind covering `year` but no row in `rows`: it
    /// has no figure under the code; for a budget, also each unit without such a document.
    static func missingNote(_ title: String, year: String, document: DocumentKind = .final) -> String {
        let note = document == .final
            ? "'「' || u.name || '」没有 ' || \(year) || ' 年「' || \(title) || '」的数值'"
            : "'「' || u.name || '」的 ' || \(year) || ' 年预算没有「' || \(title) || '」的数值'"
        let budgetless = document == .final ? "" : """

            UNION ALL
            SELECT NULL, NULL, NULL, NULL, u.name, 1, 0, 0, '「' || u.name || '」没有 ' || \(year) || ' 年的预算文件（部门预算或单位预算）', s.ord, 2
            FROM scope s JOIN unit u ON u.id = s.unit_id
            WHERE NOT EXISTS (SELECT 1 FROM disclosure vd WHERE vd.unit_id = s.unit_id AND vd.kind = '预算' AND vd.year IN (\(year), \(year) + 1))
            """
        return """
            SELECT NULL, NULL, NULL, NULL, u.name, 1, 0, 0, \(note), s.ord, 2
            FROM scope s JOIN unit u ON u.id = s.unit_id
            WHERE NOT EXISTS (SELECT 1 FROM rows x WHERE x.unit_id = s.unit_id)
              AND EXISTS (SELECT 1 FROM disclosure vd WHERE vd.unit_id = s.unit_id AND vd.kind = '\(document.rawValue)' AND vd.year IN (\(year), \(year) + 1))\(budgetless)
            """
    }

    /// The name a classification table gives `code` in `year` (the latest name in force).
    static func codeName(_ code: String, table: String, year: String) -> String {
        "(SELECT c.name FROM \(table) c WHERE c.code = \(code) AND c.from_year <= \(year) ORDER BY c.from_year DESC LIMIT 1)"
    }

    /// The name a row shows: the one the document prints (`label`, the fact's row label
    /// "CODE NAME"), so that a 项 the document names otherwise shows its own name; the
    /// classification's name where the document prints none or only its beginning (a name
    /// cut at the column's edge).
    static func displayName(_ code: String, label: String, table: String, year: String) -> String {
        let printed = "trim(substr(\(label), length(\(code)) + 2))", catalog = codeName(code, table: table, year: year)
        return """
            CASE WHEN \(label) LIKE \(code) || ' _%' AND coalesce(substr(\(catalog), 1, length(\(printed))) != \(printed), 1) \
            THEN \(printed) ELSE \(catalog) END
            """
    }

    static func columnTitle(_ column: String) -> String {
        switch column {
        case "basic": return "基本支出"
        case "project": return "项目支出"
        case "budget": return "预算数"
        default: return "决算数"
        }
    }

    /// `breakdown SUBJECT [预算] YEAR`: the subject's catalog parts from the year's document; a
    /// unit with none of them (or without the budget) gets a note.
    func breakdownSubject(_ units: UnitScope, _ subject: Catalog.Measure, _ year: DocumentYear, _ depth: Int,
                          _ b: inout SQLBuilder) -> SQLQuery {
        let document = year.kind
        let scope = b.scopeCTE(units, anyKind: document == .budget)
        let s = b.bind(subject.id), y = b.bind(year.year), maxLevel = b.bind(depth), title = b.bind(subject.nameZh)
        let column = "vf.column_id = '\(document.amountColumn)'"
        let value = subject.valueKind == "money" ? "amount_fen" : "quantity"
        let text = """
            WITH RECURSIVE \(scope),
            tree(measure_id, level, path) AS (
                SELECT id, 1, printf('%06d', sort_order) FROM measure WHERE parent_id = \(s) AND relation = 'part'
                UNION ALL
                SELECT m.id, t.level + 1, t.path || '.' || printf('%06d', m.sort_order)
                FROM measure m JOIN tree t ON m.parent_id = t.measure_id AND m.relation = 'part' WHERE t.level < \(maxLevel)
            ),
            v AS (
                SELECT s.unit_id, s.ord, t.measure_id, t.level, t.path, a.\(value) AS amount, a.derived
                FROM scope s CROSS JOIN tree t
                \(SQLBuilder.valueJoin("a", unit: "s.unit_id", key: "vf.measure_id = t.measure_id AND \(column)", year: y, required: true,
                                       document: document))
            ),
            totals AS (
                SELECT s.unit_id, s.ord,
                       coalesce(a.\(value), (SELECT CASE WHEN count(*) = (SELECT count(*) FROM tree WHERE level = 1) THEN sum(x.amount) END
                                            FROM v x WHERE x.unit_id = s.unit_id AND x.level = 1)) AS amount,
                       CASE WHEN a.\(value) IS NULL THEN 1 ELSE a.derived END AS derived
                FROM scope s
                \(SQLBuilder.valueJoin("a", unit: "s.unit_id", key: "vf.measure_id = \(s) AND \(column)", year: y, document: document))
            ),
            rows AS (
                SELECT v.unit_id, v.ord, 0 AS is_total, v.path, m.name_zh AS item, v.level, v.amount, v.derived
                FROM v JOIN measure m ON m.id = v.measure_id
                UNION ALL
                SELECT t.unit_id, t.ord, 1, '', (SELECT name_zh FROM measure WHERE id = \(s)), 1, t.amount, t.derived
                FROM totals t WHERE t.amount IS NOT NULL OR EXISTS (SELECT 1 FROM v WHERE v.unit_id = t.unit_id)
            )
            SELECT item, amount, share, unit, level, is_total, derived, note FROM (
                SELECT r.item AS item, r.amount AS amount,
                       \(SQLBuilder.percent("r.amount", "(SELECT t.amount FROM totals t WHERE t.unit_id = r.unit_id)")) AS share,
                       u.name AS unit, r.level AS level, r.is_total AS is_total, r.derived AS derived, NULL AS note,
                       r.ord AS ord, r.is_total AS place, r.path AS path
                FROM rows r JOIN unit u ON u.id = r.unit_id
                UNION ALL
                \(Self.blankYearNotes(year, year: y, title: title, hasValue: "EXISTS (SELECT 1 FROM rows x WHERE x.unit_id = s.unit_id)",
                                       columns: "NULL, NULL, NULL, NULL, 1, 0, 0", after: "n.ord, 2, ''"))
            )
            ORDER BY ord, place, path
            """
        let columns = [
            ResultColumn(name: "item", title: "项目", kind: .text),
            ResultColumn(name: "amount", title: "\(year.year)年\(document == .budget ? "预算" : "")", kind: subject.valueKind == "money" ? .money : .integer),
            ResultColumn(name: "share", title: "占比", kind: .percent(decimals: 2)),
        ]
        return SQLQuery(text: text, parameters: b.parameters,
                        shape: ResultShape(columns: columns, hasLevels: true, hasTotals: true, hasDerived: true, hasBlocks: true),
                        layout: RowLayout(block: 3, level: 4, isTotal: 5, derivedFlags: [1: 6], note: 7))
    }

    /// The rows of a trend over `vals(unit_id, ord, year, amount …)`, years `low` to `high`:
    /// the year, its amount, the change and change rate against the year just before (blank
    /// when that year has no figure), the unit's name, then `extra` columns of `w`.
    static func yearOverYear(low: String, high: String, extra: String = "") -> String {
        """
        w AS (
            SELECT vals.*, lag(amount) OVER (PARTITION BY unit_id ORDER BY year) AS prev_amount,
                   lag(year) OVER (PARTITION BY unit_id ORDER BY year) AS prev_year
            FROM vals
        )
        SELECT w.year, w.amount,
               CASE WHEN w.prev_year = w.year - 1 THEN w.amount - w.prev_amount END,
               CASE WHEN w.prev_year = w.year - 1 THEN \(SQLBuilder.percent("w.amount - w.prev_amount", "w.prev_amount")) END,
               u.name\(extra)
        FROM w JOIN unit u ON u.id = w.unit_id
        WHERE w.year BETWEEN \(low) AND \(high)
        ORDER BY w.ord, w.year
        """
    }

    func trend(_ units: UnitScope, _ target: ResolvedTarget, _ from: Int?, _ to: Int?, _ b: inout SQLBuilder) -> SQLQuery {
        let scope = b.scopeCTE(units)
        let low = b.bind(from ?? 0), high = b.bind(to ?? 9999)
        let values: String
        var kind: ColumnKind = .money
        switch target {
        case .measure(let measure):
            let value = measure.valueKind == "money" ? "amount_fen" : "quantity"
            if measure.valueKind != "money" { kind = .integer }
            values = """
                vals AS (
                    SELECT unit_id, ord, year, \(value) AS amount, derived
                    FROM \(SQLBuilder.rankedFacts(unit: "s.unit_id", from: "scope s",
                        where: "vf.measure_id = \(b.bind(measure.id)) AND vf.column_id = 'actual'", partition: "vf.year", extra: "s.ord"))
                )
                """
        case .code(let target):
            let node = b.bind(target.code)
            let leaf = b.bind(target.leafLength), col = b.bind(target.defaultColumn)
            let fundSQL = fundExpression(target.defaultFund, unit: "y.unit_id", year: "y.year", &b)
            values = """
                years AS (
                    SELECT DISTINCT s.unit_id, s.ord, vf.year FROM scope s CROSS JOIN disclosure vd CROSS JOIN fact vf
                    WHERE vd.unit_id = s.unit_id AND vf.disclosure_id = vd.id AND vf.chosen = 1 AND vf.code IS NOT NULL
                      AND \(SQLBuilder.codePrefix("vf.code", node)) AND vf.column_id = \(col)
                ),
                funds AS (SELECT y.unit_id, y.ord, y.year, \(fundSQL) AS fund_id FROM years y),
                vals AS (
                    SELECT fu.unit_id, fu.ord, fu.year,
                           coalesce(p.amount_fen, (SELECT sum(i.amount_fen) FROM \(SQLBuilder.rankedFacts(unit: "fu.unit_id",
                               where: "vf.fund_id = fu.fund_id AND vf.column_id = \(col) AND vf.year = fu.year AND length(vf.code) = \(leaf) AND \(SQLBuilder.codePrefix("vf.code", node))",
                               partition: "vf.code")) i)) AS amount,
                           CASE WHEN p.amount_fen IS NULL THEN 1 ELSE p.derived END AS derived
                    FROM funds fu
                    \(SQLBuilder.valueJoin("p", unit: "fu.unit_id", key: "vf.code = \(node) AND vf.fund_id = fu.fund_id AND vf.column_id = \(col)", year: "fu.year"))
                )
                """
        }
        let text = """
            WITH \(scope),
            \(values),
            \(Self.yearOverYear(low: low, high: high, extra: ", w.derived"))
            """
        let columns = [ResultColumn(name: "year", title: "年度", kind: .integer),
                       ResultColumn(name: "amount", title: "决算数", kind: kind)] + changeColumns(kind)
        return SQLQuery(text: text, parameters: b.parameters,
                        shape: ResultShape(columns: columns, hasDerived: true, hasBlocks: true),
                        layout: RowLayout(block: 4, derivedFlags: [1: 5]))
    }
}
