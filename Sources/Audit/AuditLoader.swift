import Core
import Store

/// Reads one disclosure from the database into an AuditDocument.
public enum AuditLoader {
    /// Loads a disclosure; with `withPreviousYear`, also the documents the across-document
    /// rules compare it with, when loaded: the same unit's document of the same kind and scope
    /// of the year before, and for a final account the same unit's budget of the same year and
    /// scope. `catalog` (measures and code names) is read once per run by the caller;
    /// without it, it is read here.
    public static func load(_ database: Database, disclosureID: Int64, withPreviousYear: Bool = true,
                            catalog given: Catalog? = nil) throws -> AuditDocument {
        let head = try database.query("""
            SELECT d.unit_id, u.name, d.year, d.template, d.money_unit, d.kind, d.scope FROM disclosure d JOIN unit u ON u.id = d.unit_id WHERE d.id = ?
            """, [.integer(disclosureID)])
        guard let row = head.first else { throw StoreError(code: 12, message: "没有第 \(disclosureID) 号披露") }
        let facts = try database.query("""
            SELECT id, measure_id, code, fund_id, column_id, year, amount_fen, quantity, printed, printed_unit, derived,
                   source_kind, line_from, line_to, CASE status WHEN 'quarantined' THEN coalesce(source_table, '') END, row_label,
                   source_table
            FROM fact WHERE disclosure_id = ? ORDER BY line_from, id
            """, [.integer(disclosureID)]).map { r in
            AuditFact(id: r[0].int64 ?? 0, measureID: r[1].string, code: r[2].string, fund: r[3].string ?? "",
                      column: r[4].string ?? "", year: Int(r[5].int64 ?? 0), amountFen: r[6].int64, quantity: r[7].int64,
                      printed: r[8].string, printedUnit: r[9].string, derived: r[10].int64 == 1, sourceKind: r[11].string ?? "",
                      lineFrom: Int(r[12].int64 ?? 0), lineTo: Int(r[13].int64 ?? 0), quarantinedIn: r[14].string,
                      rowLabel: r[15].string, table: r[16].string)
        }
        let tables = try database.query("""
            SELECT title, line_from, line_to, status, reason FROM source_table WHERE disclosure_id = ? ORDER BY line_from
            """, [.integer(disclosureID)]).map { r in
            ImportedTable(title: r[0].string ?? "", lineFrom: Int(r[1].int64 ?? 0), lineTo: Int(r[2].int64 ?? 0),
                          status: r[3].string == "quarantined" ? .quarantined : .ok, reason: r[4].string)
        }
        let quarantined = tables.filter { $0.status == .quarantined }
        let certain = facts.filter { uncertainty(of: $0) == nil }
        let uncertain = facts.compactMap { fact in uncertainty(of: fact).map { UncertainFact(fact: fact, reason: $0) } }
        let statements = try database.query("""
            SELECT id, kind, printed, direction, rate_scaled, rate_decimals, amount_fen, part_fact_id, base_fact_id, basis,
                   source_kind, line_from, line_to FROM statement WHERE disclosure_id = ? ORDER BY line_from, id
            """, [.integer(disclosureID)]).map { r in
            AuditStatement(id: r[0].int64 ?? 0, kind: r[1].string ?? "", printed: r[2].string ?? "", direction: r[3].string,
                           rateScaled: r[4].int64, rateDecimals: r[5].int64.map { Int($0) }, amountFen: r[6].int64,
                           partFactID: r[7].int64, baseFactID: r[8].int64, basis: r[9].string, sourceKind: r[10].string ?? "",
                           lineFrom: Int(r[11].int64 ?? 0), lineTo: Int(r[12].int64 ?? 0))
        }
        var projects = try database.query("""
            SELECT id, seq, code, name, has_form, line_from, line_to FROM project WHERE disclosure_id = ? ORDER BY seq
            """, [.integer(disclosureID)]).map { r in
            AuditProject(id: r[0].int64 ?? 0, seq: Int(r[1].int64 ?? 0), code: r[2].string, name: r[3].string ?? "",
                         hasForm: r[4].int64 == 1, lineFrom: Int(r[5].int64 ?? 0), lineTo: Int(r[6].int64 ?? 0),
                         figures: [], indicators: [])
        }
        for index in projects.indices {
            let id = Value.integer(projects[index].id)
            projects[index].figures = try database.query("""
                SELECT funding_row, field, amount_fen, rate_scaled, rate_decimals, points_centi, printed, source_kind, line_from, line_to
                FROM project_figure WHERE project_id = ? ORDER BY line_from, id
                """, [id]).map { r in
                ImportedProjectFigure(fundingRow: r[0].string ?? "", field: r[1].string ?? "", amountFen: r[2].int64,
                                      rateScaled: r[3].int64, rateDecimals: r[4].int64.map { Int($0) }, pointsCenti: r[5].int64,
                                      printed: r[6].string ?? "",
                                      provenance: Provenance(r[7].string ?? "", Int(r[8].int64 ?? 0), Int(r[9].int64 ?? 0)))
            }
            projects[index].indicators = try database.query("""
                SELECT level1, level2, level3, operator_printed, operator, target, unit, actual, weight_centi, score_centi,
                       reason, is_total, line_from, line_to FROM indicator WHERE project_id = ? ORDER BY seq
                """, [id]).map { r in
                ImportedIndicator(level1: r[0].string, level2: r[1].string, level3: r[2].string,
                                  operatorPrinted: r[3].string, normalizedOperator: r[4].string, target: r[5].string, unit: r[6].string,
                                  actual: r[7].string, weightCenti: r[8].int64, scoreCenti: r[9].int64, reason: r[10].string,
                                  isTotal: r[11].int64 == 1, lineFrom: Int(r[12].int64 ?? 0), lineTo: Int(r[13].int64 ?? 0))
            }
        }
        let paragraphs = try database.query("""
            SELECT section, body, source_kind, line_from, line_to, line_starts FROM paragraph WHERE disclosure_id = ? ORDER BY line_from
            """, [.integer(disclosureID)]).map { r in
            ImportedParagraph(section: r[0].string ?? "", body: r[1].string ?? "", kind: r[2].string ?? "", line: Int(r[3].int64 ?? 0),
                              lineTo: r[4].int64.map { Int($0) }, lineStarts: ImportedParagraph.lineStarts(decoding: r[5].string))
        }
        let catalog = try given ?? CatalogLoader.open(database)
        var previous: [AuditDocument] = []
        let kind = row[5].string ?? DocumentKind.final.rawValue, scope = row[6].string ?? "部门"
        if withPreviousYear, let id = try database.scalar("""
            SELECT id FROM disclosure WHERE unit_id = ? AND year = ? AND kind = ? AND scope = ? ORDER BY id DESC LIMIT 1
            """, [row[0], .integer((row[2].int64 ?? 0) - 1), .text(kind), .text(scope)])?.int64 {
            previous = [try load(database, disclosureID: id, withPreviousYear: false, catalog: catalog)]
        }
        var budget: [AuditDocument] = []
        if withPreviousYear, kind == DocumentKind.final.rawValue, let id = try database.scalar("""
            SELECT id FROM disclosure WHERE unit_id = ? AND year = ? AND kind = '预算' AND scope = ? ORDER BY id DESC LIMIT 1
            """, [row[0], row[2], .text(scope)])?.int64 {
            budget = [try load(database, disclosureID: id, withPreviousYear: false, catalog: catalog)]
        }
        var document = AuditDocument(disclosureID: disclosureID, unitID: row[0].int64 ?? 0, unitName: row[1].string ?? "",
                             year: Int(row[2].int64 ?? 0), template: row[3].string ?? "",
                             moneyUnit: MoneyUnit(rawValue: row[4].string ?? "") ?? .tenThousandYuan,
                             facts: certain, statements: statements, projects: projects, paragraphs: paragraphs,
                             measures: Dictionary(catalog.measures.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
                             codeNames: catalog.codes)
        document.uncertain = uncertain
        document.quarantinedTables = quarantined
        // A table recorded with no figure read from it (none under its title or on its lines) is printed empty.
        let empty = tables.filter { table in
            table.status == .ok && !facts.contains { $0.table == table.title
                || ($0.sourceKind == "table" && (table.lineFrom...max(table.lineFrom, table.lineTo)).contains($0.lineFrom)) }
        }
        document.emptyTableTitles = Set(empty.map(\.title))
        document.tableTitles = Set(tables.filter { !empty.contains($0) }.map(\.title) + facts.compactMap(\.table))
        document.previousYear = previous
        document.sameYearBudget = budget
        document.kind = kind
        document.scope = scope
        return document
    }

    /// Why a figure's reading is uncertain, or nil when it is certain: the one place that
    /// decides which figures rules may use. A figure printed but read as neither an amount
    /// nor a count is uncertain, and so is every figure of a table the importer quarantined.
    static func uncertainty(of fact: AuditFact) -> String? {
        if let table = fact.quarantinedIn {
            return "表“\(table)”的勾稽关系大面积不成立，其数字已隔离"
        }
        if fact.amountFen == nil && fact.quantity == nil, let printed = fact.printed, !printed.isEmpty {
            return "第 \(fact.lineFrom) 行所印“\(printed)”读不出数值"
        }
        return nil
    }
}
