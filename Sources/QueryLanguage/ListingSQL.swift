import Core

/// `top`, `projects`, `indicators` and `source`: rows read from the figures.
extension SQLCompiler {
    /// `top N units by TARGET [预算] YEAR`: units ranked by the figure of the year's 决算, or
    /// (`预算`) of its budget document. A unit in scope without the figure is noted.
    func top(_ units: UnitScope, _ count: Int, _ target: ResolvedTarget, _ year: DocumentYear, _ b: inout SQLBuilder) -> SQLQuery {
        let scope = b.scopeCTE(units, anyKind: year.kind == .budget)
        let y = b.bind(year.year)
        let values = targetValues(target, year: y, document: year.kind, &b)
        let limit = b.bind(count)
        let title: String, kind: ColumnKind
        switch target {
        case .measure(let measure):
            title = measure.nameZh
            kind = measure.valueKind == "money" ? .money : .integer
        case .code(let code):
            title = code.name.isEmpty ? code.code : code.code + " " + code.name
            kind = .money
        }
        let boundTitle = b.bind(title)
        let unranked = year.kind == .final ? """
            SELECT NULL, u.name, NULL, NULL, 2, 0, '「' || u.name || '」没有 ' || \(y) || ' 年的「' || \(boundTitle) || '」数值，未参加排名'
            FROM scope s JOIN unit u ON u.id = s.unit_id WHERE s.unit_id NOT IN (SELECT unit_id FROM vals)
            """ : Self.blankYearNotes(year, year: y, title: boundTitle, hasValue: "s.unit_id IN (SELECT unit_id FROM vals)",
                                      columns: "NULL, (SELECT x.name FROM unit x WHERE x.id = n.unit_id), NULL, NULL, 2, 0")
        let text = """
            WITH \(scope),
            \(values),
            total AS (
                SELECT sum(v.amount) AS amount FROM vals v JOIN unit u ON u.id = v.unit_id
                WHERE u.parent_id IS NULL OR u.parent_id NOT IN (SELECT unit_id FROM vals)
            ),
            ranked AS (
                SELECT rank() OVER (ORDER BY v.amount DESC) AS rank, u.name, v.amount, v.derived
                FROM vals v JOIN unit u ON u.id = v.unit_id
                ORDER BY v.amount DESC, u.name, u.id LIMIT \(limit)
            )
            SELECT rank, name, amount, \(SQLBuilder.percent("amount", "(SELECT amount FROM total)")), 0 AS is_total, derived, NULL
            FROM (SELECT * FROM ranked)
            UNION ALL
            SELECT NULL, '合计（不重复计算二级单位）', (SELECT amount FROM total), NULL, 1, 0, NULL
            WHERE EXISTS (SELECT 1 FROM vals)
            UNION ALL
            \(unranked)
            ORDER BY 5, 1, 2
            """
        let columns = [
            ResultColumn(name: "rank", title: "排名", kind: .integer),
            ResultColumn(name: "unit", title: "单位", kind: .text),
            ResultColumn(name: "amount", title: "\(title)（\(year.year)年\(year.kind == .budget ? "预算" : "")）", kind: kind),
            ResultColumn(name: "share", title: "占合计", kind: .percent(decimals: 2)),
        ]
        return SQLQuery(text: text, parameters: b.parameters,
                        shape: ResultShape(columns: columns, hasTotals: true, hasDerived: true),
                        layout: RowLayout(isTotal: 4, derivedFlags: [2: 5], note: 6))
    }

    func projects(_ units: UnitScope, _ filter: TypedCondition?, _ order: Field?, _ descending: Bool, _ limit: Int?,
                  _ b: inout SQLBuilder) -> SQLQuery {
        let scope = b.scopeCTE(units)
        let condition = filter.map { "WHERE " + ConditionCompiler(displayUnit: displayUnit).sql($0, &b) } ?? ""
        let ordering = order.map { "\($0.sql) IS NULL, \($0.sql) \(descending ? "DESC" : "ASC"), " } ?? ""
        let limitSQL = limit.map { "LIMIT \(b.bind($0))" } ?? ""
        let text = """
            WITH \(scope)
            SELECT p.year, p.code, p.name, p.initial_fen, p.adjusted_fen, p.executed_fen, p.rate_e2, p.score_centi, u.name
            FROM scope s
            JOIN project_value p ON p.unit_id = s.unit_id
            JOIN unit u ON u.id = p.unit_id
            \(condition)
            ORDER BY s.ord, \(ordering)p.year, p.seq, p.project_id
            \(limitSQL)
            """
        let columns = [
            ResultColumn(name: "year", title: "年度", kind: .integer),
            ResultColumn(name: "code", title: "项目编码", kind: .text),
            ResultColumn(name: "name", title: "项目名称", kind: .text),
            ResultColumn(name: "initial", title: "年初预算", kind: .money),
            ResultColumn(name: "adjusted", title: "调整后预算", kind: .money),
            ResultColumn(name: "executed", title: "执行数", kind: .money),
            ResultColumn(name: "rate", title: "执行率", kind: .percent(decimals: 2)),
            ResultColumn(name: "score", title: "自评得分", kind: .points),
        ]
        return SQLQuery(text: text, parameters: b.parameters, shape: ResultShape(columns: columns, hasBlocks: true),
                        layout: RowLayout(block: 8))
    }

    func indicators(_ units: UnitScope, _ projects: [Int64]?, _ filter: TypedCondition?, _ b: inout SQLBuilder) -> SQLQuery {
        let scope = b.scopeCTE(units)
        var conditions = ["i.is_total = 0"]
        if let projects { conditions.append("p.id IN (\(projects.map { b.bind(.integer($0)) }.joined(separator: ", ")))") }
        let scoped = conditions
        if let filter { conditions.append(ConditionCompiler(displayUnit: displayUnit).sql(filter, &b)) }
        // Indicators whose two compared figures are numbers in different units cannot be
        // compared: they are left out, and a note (a row carrying only its text) says how many.
        let pairs = filter.map(ConditionCompiler.quantityPairs) ?? []
        let mismatch = pairs.map { "(\($0.0) IS NOT NULL AND \($0.2) IS NOT NULL AND \($0.1) != \($0.3))" }.joined(separator: " OR ")
        let from = """
            FROM scope s
            JOIN disclosure d ON d.unit_id = s.unit_id
            JOIN project p ON p.disclosure_id = d.id
            JOIN indicator i ON i.project_id = p.id
            JOIN unit u ON u.id = s.unit_id
            """
        let select = """
            SELECT p.name, i.level1, i.level2, i.level3, i.operator_printed, i.target, i.unit, i.actual,
                   i.weight_centi, i.score_centi, i.reason, u.name
            \(from)
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY s.ord, d.year, p.seq, i.seq
            """
        let text = pairs.isEmpty ? "WITH \(scope)\n\(select)" : """
            WITH \(scope),
            listed AS MATERIALIZED (
            \(select)
            )
            SELECT *, NULL FROM listed
            UNION ALL
            SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   '有 ' || count(*) || ' 个指标的两个数值单位不同（如「' || min(p.name || '：' || coalesce(i.level3, '') || '」指标值 '
                   || coalesce(i.target, '') || coalesce(i.unit, '') || '、完成值 ' || coalesce(i.actual, '')) || '），未作比较'
            \(from)
            WHERE \(scoped.joined(separator: " AND ")) AND (\(mismatch))
            HAVING count(*) > 0
            """
        let columns = [
            ResultColumn(name: "project", title: "项目", kind: .text),
            ResultColumn(name: "level1", title: "一级指标", kind: .text),
            ResultColumn(name: "level2", title: "二级指标", kind: .text),
            ResultColumn(name: "level3", title: "三级指标", kind: .text),
            ResultColumn(name: "operator", title: "性质", kind: .text),
            ResultColumn(name: "target", title: "指标值", kind: .text),
            ResultColumn(name: "measure_unit", title: "度量单位", kind: .text),
            ResultColumn(name: "actual", title: "完成值", kind: .text),
            ResultColumn(name: "weight", title: "权重", kind: .points),
            ResultColumn(name: "score", title: "得分", kind: .points),
            ResultColumn(name: "reason", title: "未完成原因", kind: .text),
        ]
        return SQLQuery(text: text, parameters: b.parameters, shape: ResultShape(columns: columns, hasBlocks: true),
                        layout: RowLayout(block: 11, note: pairs.isEmpty ? nil : 12))
    }

    /// `source [TARGET] [[预算] YEAR]`: every occurrence in the unit's 决算 disclosures, or
    /// (`预算`) its budget documents, which name the document (部门预算, 单位预算) and table.
    /// 查询采用 marks the occurrence queries read: `fact.chosen`, or for budgets the one
    /// `DocumentKind.budgetPrecedence` ranks first.
    func source(_ units: UnitScope, _ target: ResolvedTarget?, _ year: Int?, _ document: DocumentKind,
                _ b: inout SQLBuilder) -> SQLQuery {
        let budget = document == .budget
        let scope = b.scopeCTE(units, anyKind: budget)
        let match: String
        var kind: ColumnKind = .money
        switch target {
        case .measure(let measure):
            match = "f.measure_id = \(b.bind(measure.id))"
            if measure.valueKind == "count" { kind = .integer }
            if measure.valueKind == "points" { kind = .points }
        case .code(let code):
            match = "f.code = \(b.bind(code.code))"
        case nil:
            match = "1"
        }
        let yearFilter = year.map { "AND f.year = \(b.bind($0))" } ?? ""
        // Without a target every figure is listed: what it is, and how often it is printed.
        let listing = target == nil
        let item = listing ? """
            coalesce((SELECT m.name_zh FROM measure m WHERE m.id = f.measure_id),
                     f.code || ' ' || coalesce(\(Self.codeName("f.code", table: "func_code", year: "f.year")),
                                              \(Self.codeName("f.code", table: "econ_code", year: "f.year")), '')),
            """ : ""
        let printedCount = listing ? """
            (SELECT count(*) FROM fact o WHERE o.disclosure_id = f.disclosure_id AND o.derived = 0 AND o.measure_id IS f.measure_id
                      AND o.code IS f.code AND o.fund_id = f.fund_id AND o.column_id = f.column_id AND o.year = f.year),
            """ : ""
        let chosen = budget ? "f.id = " + SQLBuilder.bestFact(unit: "s.unit_id",
            key: "vf.measure_id IS f.measure_id AND vf.code IS f.code AND vf.fund_id = f.fund_id AND vf.column_id = f.column_id",
            year: "f.year", document: .budget) : "f.chosen = 1"
        let text = """
            WITH \(scope)
            SELECT \(item)d.year, \(budget ? "d.scope || d.kind, " : "")f.year, c.name_zh, fd.name_zh, coalesce(f.amount_fen, f.quantity), f.printed, f.printed_unit,
                   f.source_kind,\(budget ? " f.source_table," : "")
                   CASE WHEN f.line_from = f.line_to THEN CAST(f.line_from AS TEXT) ELSE f.line_from || '-' || f.line_to END,
                   CASE WHEN \(chosen) THEN '采用' END,
                   (SELECT '= ' || group_concat(CASE WHEN d.sign < 0 THEN '− ' WHEN d.position > 1 THEN '+ ' ELSE '' END
                                                 || coalesce(i.printed, s.printed), ' ')
                    FROM (SELECT * FROM derivation_input WHERE fact_id = f.id ORDER BY position) d
                    LEFT JOIN fact i ON i.id = d.input_fact_id LEFT JOIN statement s ON s.id = d.input_statement_id),
                   \(printedCount)u.name, f.derived
            FROM scope s
            JOIN disclosure d ON d.unit_id = s.unit_id AND d.kind = '\(document.rawValue)'
            JOIN fact f ON f.disclosure_id = d.id AND \(match) \(yearFilter)
            JOIN fact_column c ON c.id = f.column_id
            JOIN fund fd ON fd.id = f.fund_id
            JOIN unit u ON u.id = s.unit_id
            ORDER BY s.ord, f.year DESC, c.sort_order, fd.sort_order,\(budget ? " d.year != f.year, d.scope != '部门'," : "")
                     CASE f.source_kind WHEN 'table' THEN 0 WHEN 'text' THEN 1 ELSE 2 END, f.derived, f.line_from, f.id
            """
        var columns = [
            ResultColumn(name: "disclosure_year", title: "披露年度", kind: .integer),
            ResultColumn(name: "year", title: "所属年度", kind: .integer),
            ResultColumn(name: "column", title: "栏目", kind: .text),
            ResultColumn(name: "fund", title: "资金范围", kind: .text),
            ResultColumn(name: "value", title: "数值", kind: kind),
            ResultColumn(name: "printed", title: "原文", kind: .text),
            ResultColumn(name: "printed_unit", title: "原文单位", kind: .text),
            ResultColumn(name: "source_kind", title: "来源", kind: .text),
            ResultColumn(name: "lines", title: "行号", kind: .text),
            ResultColumn(name: "selected", title: "查询采用", kind: .text),
            ResultColumn(name: "derivation", title: "推算依据", kind: .text),
        ]
        if budget {
            columns.insert(ResultColumn(name: "table", title: "表格", kind: .text), at: 8)
            columns.insert(ResultColumn(name: "document", title: "文件", kind: .text), at: 1)
        }
        if listing {
            columns.insert(ResultColumn(name: "item", title: "项目", kind: .text), at: 0)
            columns.append(ResultColumn(name: "printed_count", title: "印出次数", kind: .integer))
        }
        // The unit's name, then its derived flag, follow the visible columns.
        let value = columns.firstIndex { $0.name == "value" } ?? 0
        return SQLQuery(text: text, parameters: b.parameters,
                        shape: ResultShape(columns: columns, hasDerived: true, hasBlocks: true),
                        layout: RowLayout(block: columns.count, derivedFlags: [value: columns.count + 1]))
    }
}
