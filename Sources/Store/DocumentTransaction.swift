import Core

/// One write of one document (inside the caller's transaction).
struct DocumentTransaction {
    let writer: DocumentWriter
    let catalog: DocumentCatalog
    let document: ImportedDocument

    private var database: Database { writer.database }

    func run(replace: Bool) throws -> DocumentWriter.Outcome {
        if let existing = try writer.scalar("SELECT id FROM disclosure WHERE sha256 = ?", [.text(document.sha256)])?.int64 {
            return .alreadyLoaded(disclosureID: existing)
        }
        try validate()
        let unitID = try resolveUnit()
        var replaced: Int64?
        // --replace replaces the document of the same kind and scope only (a 预算 never replaces a 决算).
        if let row = try writer.firstRow("""
            SELECT id, source_file FROM disclosure WHERE unit_id = ? AND year = ? AND kind = ? AND scope = ?
            """, [.integer(unitID), .integer(Int64(document.year)), .text(document.kind), .text(document.scope)]),
           let existing = row[0].int64 {
            guard replace else {
                let kind = document.kind == "决算" && document.scope == "部门" ? document.kind : document.scope + document.kind
                throw DocumentWriteError.conflict(unit: document.unit.name, year: document.year, kind: kind,
                                                  existing: existing, file: row[1].string ?? "")
            }
            try writer.indexParagraphs()   // the delete takes the replaced paragraphs out of the index
            try writer.run("DELETE FROM disclosure WHERE id = ?", [.integer(existing)])
            replaced = existing
        }
        // A 决算 that is its unit's only one decides its values alone: stored as the facts are
        // written. Otherwise the unit's choice is recomputed in SQL once its rows are in.
        let decidesAlone = try document.kind == "决算" && writer.scalar("""
            SELECT 1 FROM disclosure WHERE unit_id = ? AND kind = '决算' LIMIT 1
            """, [.integer(unitID)]) == nil
        let disclosureID = try insertDisclosure(unitID: unitID)
        let factIDs = try insertFacts(disclosureID: disclosureID,
                                      chosen: decidesAlone ? ValueChoice.withinOneDisclosure(document.facts) : nil)
        let statementIDs = try insertStatements(disclosureID: disclosureID, factIDs: factIDs)
        try insertDerivationInputs(factIDs: factIDs, statementIDs: statementIDs)
        try insertProjects(disclosureID: disclosureID)
        try insertParagraphs(disclosureID: disclosureID)
        try insertTables(disclosureID: disclosureID)
        if !decidesAlone { try ValueChoice.refresh(unit: unitID, in: database) }
        return .imported(disclosureID: disclosureID, unitID: unitID, replaced: replaced)
    }

    // MARK: - Validation (clear messages before SQLite's constraints)

    func validate() throws {
        let measureFunds = catalog.measureFunds, funds = catalog.funds, columns = catalog.columns
        guard document.moneyUnit == .yuan || document.moneyUnit == .tenThousandYuan else {
            throw DocumentWriteError.invalid("金额单位须为 元 或 万元，而不是 \(document.moneyUnit.rawValue)")
        }
        guard (1990...2100).contains(document.year) else {
            throw DocumentWriteError.invalid("年度 \(document.year) 不在 1990–2100 之间")
        }
        guard document.kind == "决算" || document.kind == "预算" else {
            throw DocumentWriteError.invalid("披露种类须为 决算 或 预算，而不是「\(document.kind)」")
        }
        guard document.scope == "部门" || document.scope == "单位" else {
            throw DocumentWriteError.invalid("披露范围须为 部门 或 单位，而不是「\(document.scope)」")
        }
        guard !document.unit.name.isEmpty, !document.unit.region.isEmpty else {
            throw DocumentWriteError.invalid("缺少单位名称或地区")
        }
        for (index, fact) in document.facts.enumerated() {
            let line = fact.provenance.lineFrom
            switch (fact.measureID, fact.code) {
            case (let id?, nil):
                guard let fund = measureFunds[id] else {
                    throw DocumentWriteError.invalid("未知的度量「\(id)」（目录中没有此 measure id）", line: line)
                }
                guard fund == fact.fund else {
                    throw DocumentWriteError.invalid("度量「\(id)」属于资金范围 \(fund)，事实却标为 \(fact.fund)", line: line)
                }
            case (nil, let code?):
                // ASCII digits only, so bytes and characters are one and the same.
                guard [3, 5, 7].contains(code.utf8.count), code.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
                    throw DocumentWriteError.invalid("科目编码「\(code)」须为 3、5 或 7 位数字", line: line)
                }
            default:
                throw DocumentWriteError.invalid("第 \(index + 1) 个事实须有且只有度量或科目编码之一", line: line)
            }
            guard funds.contains(fact.fund) else { throw DocumentWriteError.invalid("未知的资金范围「\(fact.fund)」", line: line) }
            guard columns.contains(fact.column) else { throw DocumentWriteError.invalid("未知的栏目「\(fact.column)」", line: line) }
            guard (fact.amountFen == nil) != (fact.quantity == nil) else {
                throw DocumentWriteError.invalid("事实须有金额或数量之一", line: line)
            }
            for input in fact.inputs {
                switch input.source {
                case .fact(let i) where !document.facts.indices.contains(i) || i == index:
                    throw DocumentWriteError.invalid("推算值引用了不存在的事实 #\(i)", line: line)
                case .statement(let i) where !document.statements.indices.contains(i):
                    throw DocumentWriteError.invalid("推算值引用了不存在的表述 #\(i)", line: line)
                default: break
                }
            }
        }
        for statement in document.statements {
            for reference in [statement.partFact, statement.baseFact].compactMap({ $0 })
            where !document.facts.indices.contains(reference) {
                throw DocumentWriteError.invalid("表述「\(statement.printed)」引用了不存在的事实 #\(reference)",
                                                 line: statement.provenance.lineFrom)
            }
        }
    }

    // MARK: - Unit

    func resolveUnit() throws -> Int64 {
        let unit = document.unit
        var unitID: Int64?
        for name in [unit.name] + unit.aliases {
            if let id = try writer.findUnit(named: name, region: unit.region) {
                unitID = id
                break
            }
        }
        let id: Int64
        if let unitID {
            id = unitID
        } else {
            try writer.run("INSERT INTO unit (name, region, kind, parent_id) VALUES (?, ?, '部门', NULL)",
                             [.text(unit.name), .text(unit.region)])
            id = database.lastInsertRowID
        }
        let canonical = try writer.scalar("SELECT name FROM unit WHERE id = ?", [.integer(id)])?.string
        for alias in [unit.name] + unit.aliases where !alias.isEmpty && alias != canonical {
            try writer.run("INSERT OR IGNORE INTO unit_alias (alias, unit_id) VALUES (?, ?)", [.text(alias), .integer(id)])
        }
        for name in document.subunits where !name.isEmpty {
            if try writer.findUnit(named: name, region: unit.region) == nil {
                try writer.run("INSERT INTO unit (name, region, kind, parent_id) VALUES (?, ?, '单位', ?)",
                                 [.text(name), .text(unit.region), .integer(id)])
            }
        }
        return id
    }

    // MARK: - Rows

    func insertDisclosure(unitID: Int64) throws -> Int64 {
        try writer.run("""
            INSERT INTO disclosure (unit_id, year, kind, scope, template, title, source_file, sha256, money_unit, line_count, origin)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'import')
            """, [.integer(unitID), .integer(Int64(document.year)), .text(document.kind), .text(document.scope),
                  .text(document.template),
                  .text(document.title), .text(document.sourceFile), .text(document.sha256),
                  .text(document.moneyUnit.rawValue), .integer(Int64(document.lineCount))])
        return database.lastInsertRowID
    }

    /// The facts, with `fact.chosen` from `chosen` (all 0 when nil).
    func insertFacts(disclosureID: Int64, chosen: [Bool]?) throws -> [Int64] {
        let facts = document.facts
        return try insertRows(into: "fact", columns: ["disclosure_id", "measure_id", "code", "fund_id", "column_id", "year",
                                                      "amount_fen", "quantity", "printed", "printed_unit", "derived",
                                                      "source_kind", "line_from", "line_to", "status", "source_table",
                                                      "row_label", "column_label", "page", "chosen"],
                              count: facts.count, line: { facts[$0].provenance.lineFrom }) { row, index in
            let fact = facts[index]
            try row.add(disclosureID)
            try row.add(fact.measureID)
            try row.add(fact.code)
            try row.add(fact.fund)
            try row.add(fact.column)
            try row.add(fact.year)
            try row.add(fact.amountFen)
            try row.add(fact.quantity)
            try row.add(fact.printed)
            try row.add(fact.printedUnit)
            try row.add(fact.isDerived)
            try row.add(fact.provenance.kind)
            try row.add(fact.provenance.lineFrom)
            try row.add(fact.provenance.lineTo)
            try row.add(fact.status.rawValue)
            try row.add(fact.provenance.table)
            try row.add(fact.provenance.rowLabel)
            try row.add(fact.provenance.columnLabel)
            try row.add(fact.provenance.page)
            try row.add(chosen?[index] == true)
        }
    }

    func insertStatements(disclosureID: Int64, factIDs: [Int64]) throws -> [Int64] {
        let statements = document.statements
        return try insertRows(into: "statement", columns: ["disclosure_id", "kind", "printed", "direction", "rate_scaled",
                                                           "rate_decimals", "amount_fen", "part_fact_id", "base_fact_id",
                                                           "basis", "source_kind", "line_from", "line_to"],
                              count: statements.count, line: { statements[$0].provenance.lineFrom }) { row, index in
            let item = statements[index]
            try row.add(disclosureID)
            try row.add(item.kind)
            try row.add(item.printed)
            try row.add(item.direction)
            try row.add(item.rateScaled)
            try row.add(item.rateDecimals)
            try row.add(item.amountFen)
            try row.add(item.partFact.map { factIDs[$0] })
            try row.add(item.baseFact.map { factIDs[$0] })
            try row.add(item.basis)
            try row.add(item.provenance.kind)
            try row.add(item.provenance.lineFrom)
            try row.add(item.provenance.lineTo)
        }
    }

    func insertDerivationInputs(factIDs: [Int64], statementIDs: [Int64]) throws {
        // (fact, input position) of every input, in the order written.
        var inputs: [(fact: Int, position: Int)] = []
        for (index, fact) in document.facts.enumerated() {
            for position in fact.inputs.indices { inputs.append((index, position)) }
        }
        let facts = document.facts
        _ = try insertRows(into: "derivation_input",
                           columns: ["fact_id", "position", "sign", "input_fact_id", "input_statement_id"],
                           count: inputs.count, line: { facts[inputs[$0].fact].provenance.lineFrom }) { row, index in
            let (fact, position) = inputs[index]
            let input = facts[fact].inputs[position]
            try row.add(factIDs[fact])
            try row.add(position + 1)
            try row.add(input.sign)
            switch input.source {
            case .fact(let i):
                try row.add(factIDs[i])
                try row.addNull()
            case .statement(let i):
                try row.addNull()
                try row.add(statementIDs[i])
            }
        }
    }

    func insertProjects(disclosureID: Int64) throws {
        let project = try writer.statement("""
            INSERT INTO project (disclosure_id, seq, code, name, department, implementer, annual_goal, goal_achieved, overview,
                                 conclusion, problems, improvements, owner, finance_owner, has_form, line_from, line_to)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let figure = try writer.statement("""
            INSERT INTO project_figure (project_id, funding_row, field, amount_fen, rate_scaled, rate_decimals, points_centi,
                                        printed, source_kind, line_from, line_to)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let indicator = try writer.statement("""
            INSERT INTO indicator (project_id, seq, level1, level2, level3, operator_printed, operator, target, unit, actual,
                                   weight_centi, score_centi, reason, is_total, line_from, line_to)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (seq, item) in document.projects.enumerated() {
            try checked(line: item.lineFrom) {
                try insert(project, [.integer(disclosureID), .integer(Int64(seq + 1)), text(item.code), .text(item.name),
                                     text(item.department), text(item.implementer), text(item.annualGoal),
                                     text(item.goalAchieved), text(item.overview), text(item.conclusion), text(item.problems),
                                     text(item.improvements), text(item.owner), text(item.financeOwner),
                                     .integer(item.hasForm ? 1 : 0), .integer(Int64(item.lineFrom)), .integer(Int64(item.lineTo))])
            }
            let projectID = database.lastInsertRowID
            for row in item.figures {
                try checked(line: row.provenance.lineFrom) {
                    try insert(figure, [.integer(projectID), .text(row.fundingRow), .text(row.field), integer(row.amountFen),
                                        integer(row.rateScaled), integer(row.rateDecimals.map(Int64.init)),
                                        integer(row.pointsCenti), .text(row.printed), .text(row.provenance.kind),
                                        .integer(Int64(row.provenance.lineFrom)), .integer(Int64(row.provenance.lineTo))])
                }
            }
            for (number, row) in item.indicators.enumerated() {
                try checked(line: row.lineFrom) {
                    try insert(indicator, [.integer(projectID), .integer(Int64(number + 1)), text(row.level1), text(row.level2),
                                           text(row.level3), text(row.operatorPrinted), text(row.normalizedOperator),
                                           text(row.target), text(row.unit), text(row.actual), integer(row.weightCenti),
                                           integer(row.scoreCenti), text(row.reason), .integer(row.isTotal ? 1 : 0),
                                           .integer(Int64(row.lineFrom)), .integer(Int64(row.lineTo))])
                }
            }
        }
    }

    /// The paragraphs; the writer indexes them (`DocumentWriter.indexParagraphs`) when the
    /// transaction or batch ends.
    func insertParagraphs(disclosureID: Int64) throws {
        let paragraphs = document.paragraphs
        writer.unindexedParagraphs += try insertRows(
            into: "paragraph", columns: ["disclosure_id", "section", "body", "source_kind", "line_from", "line_to", "line_starts"],
            count: paragraphs.count, line: { paragraphs[$0].line }) { row, index in
            let paragraph = paragraphs[index]
            try row.add(disclosureID)
            try row.add(paragraph.section)
            try row.add(paragraph.body)
            try row.add(paragraph.kind)
            try row.add(paragraph.line)
            try row.add(paragraph.lineTo)
            try row.add(paragraph.lineStartsText)
        }
    }

    // MARK: - Helpers

    func insertTables(disclosureID: Int64) throws {
        guard !document.tables.isEmpty else { return }
        let statement = try writer.statement("""
            INSERT INTO source_table (disclosure_id, title, line_from, line_to, status, reason, raw_cells)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for table in document.tables {
            try checked(line: table.lineFrom) {
                try insert(statement, [.integer(disclosureID), .text(table.title), .integer(Int64(table.lineFrom)),
                                       .integer(Int64(table.lineTo)), .text(table.status.rawValue), text(table.reason),
                                       text(table.rawCells)])
            }
        }
    }

    /// `DocumentWriter.insertRows`, a constraint failure named with the row's source line.
    private func insertRows(into table: String, columns: [String], count: Int, line: (Int) -> Int,
                            bind: (inout Parameters, Int) throws -> Void) throws -> [Int64] {
        try writer.insertRows(into: table, columns: columns, count: count, line: line, failure: { line, error in
            DocumentWriteError.invalid("数据不符合数据库约束：\(error.message)", line: line)
        }, bind: bind)
    }

    private func insert(_ statement: Statement, _ values: [Value]) throws {
        try statement.bind(values)
        while try statement.step() {}
    }

    /// Turns a constraint failure into an error naming the source line.
    private func checked(line: Int, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as StoreError where error.code & 0xff == 19 {   // SQLITE_CONSTRAINT
            throw DocumentWriteError.invalid("数据不符合数据库约束：\(error.message)", line: line)
        }
    }

    private func text(_ value: String?) -> Value { value.map(Value.text) ?? .null }
    private func integer(_ value: Int64?) -> Value { value.map(Value.integer) ?? .null }
}
