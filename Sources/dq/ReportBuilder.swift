import Audit
import Core
import Foundation
import QueryLanguage
import Render
import Store

/// Fills an `AuditReport` the way a user would: it runs the statements (`summary`,
/// `breakdown`, `compare`, and `execution` for a unit's year with both a 决算 and a 预算;
/// with `预算 Y` for a budget's workpaper) through the parser, checker and compiler, finds
/// where each number is printed among the unit's facts of the document's kind (asking
/// `source` how a derived one was derived), and runs the audit for the findings.
struct ReportBuilder {
    let session: Session
    /// Document lines by the SHA-256 of the file (`--source`), for excerpts of table lines.
    let sources: [String: [String]]

    /// One loaded disclosure the report may cover.
    struct Disclosure {
        let id: Int64
        let unitID: Int64
        let unit: String
        let year: Int
        let title: String
        let sha256: String
        /// 决算 or 预算; 部门 or 单位.
        let kind: String
        let scope: String

        /// 2025年部门预算 (a final account: 2023年决算).
        var document: String { "\(year)年" + (kind == "预算" ? scope : "") + kind }
    }

    /// The report of `units` (in `year`, every year without it) on the documents of `kind`
    /// (决算 or 预算; nil: the kind the scope holds, see `ReportKind`).
    func build(units: [Catalog.Unit], year: Int?, kind asked: String?) throws -> AuditReport {
        let loaded = try loadDisclosures(units: units, year: year)
        let kind = try ReportKind.choose(asked, among: loaded)
        let disclosures = loaded.filter { $0.kind == kind }
        let audit = try Auditor.run(session.connections.reader, disclosureIDs: disclosures.map(\.id))
        var sections: [AuditReport.Disclosure] = []
        for disclosure in disclosures {
            let findings = audit.findings.filter { $0.disclosureID == disclosure.id }
            let lines = try documentLines(disclosure)
            let unchecked = audit.unchecked.filter { $0.disclosureID == disclosure.id }.compactMap { result -> String? in
                guard case .couldNotEvaluate(let reason) = result.outcome else { return nil }
                return "\(result.ruleID)：\(reason)"
            }
            var notes: [String] = []
            var tables: [AuditReport.Table] = []
            if kind == "预算", let read = ReportKind.budgetRead(for: disclosure, among: disclosures), read.id != disclosure.id {
                notes.append("查询读同年的\(read.scope)预算（见其一节），本节只列本文件的核对发现。")
            } else {
                tables = kind == "预算" ? budgetTables(disclosure) : self.tables(disclosure)
                if let execution = executionTable(disclosure, among: loaded) { tables.append(execution) }
            }
            sections.append(AuditReport.Disclosure(
                unit: disclosure.unit, year: disclosure.year, title: disclosure.title,
                tables: tables, findings: findings.map { finding($0, lines: lines) }, unchecked: unchecked,
                document: kind == "预算" ? disclosure.scope + "预算" : nil, notes: notes))
        }
        let names = Array(Set(disclosures.map(\.unit))).sorted()
        let years = Array(Set(disclosures.map(\.year))).sorted().map { "\($0)年" }
        let scope = names.isEmpty ? "无已载入的\(kind)" : names.joined(separator: "、") + "（" + years.joined(separator: "、") + "\(kind)）"
        return AuditReport(title: "部门\(kind)审核底稿", scope: scope, unit: session.options.unit, kind: kind, disclosures: sections)
    }

    /// The units' disclosures of both kinds, by unit, year, kind (决算 first) and scope (部门 first).
    private func loadDisclosures(units: [Catalog.Unit], year: Int?) throws -> [Disclosure] {
        var result: [Disclosure] = []
        for unit in units {
            let rows = try session.connections.reader.query("""
                SELECT id, year, title, sha256, kind, scope FROM disclosure
                WHERE unit_id = ? AND (?2 IS NULL OR year = ?2) ORDER BY year, kind != '决算', scope != '部门', id
                """, [.integer(unit.id), year.map { .integer(Int64($0)) } ?? .null])
            for row in rows {
                guard let id = row[0].int64, let year = row[1].int64 else { continue }
                result.append(Disclosure(id: id, unitID: unit.id, unit: unit.name, year: Int(year), title: row[2].string ?? "",
                                         sha256: row[3].string ?? "", kind: row[4].string ?? "决算", scope: row[5].string ?? "部门"))
            }
        }
        return result
    }

    // MARK: Tables

    /// A final account's sections: the main figures, income and spending structure, 三公.
    private func tables(_ disclosure: Disclosure) -> [AuditReport.Table] {
        let year = disclosure.year
        return statementTables(disclosure, [
            ("主要指标", "summary \(year)", nil),
            ("收入结构", "breakdown 收入 in \(year)", "收入"),
            ("支出结构", "breakdown 支出 in \(year)", "支出"),
            ("“三公”经费两年对比", "compare 三公 \(year - 1) \(year)", "三公"),
            ("“三公”经费结构", "breakdown 三公 in \(year)", "三公"),
        ])
    }

    /// The `for UNIT` clause naming the disclosure's unit.
    static func unitClause(_ disclosure: Disclosure) -> String {
        "for \"\(disclosure.unit.replacingOccurrences(of: "\"", with: ""))\""
    }

    /// Runs each statement for the disclosure's unit and sources its numbers; a statement the
    /// unit's data cannot answer (no 三公 table, say) leaves its section out.
    func statementTables(_ disclosure: Disclosure, _ statements: [(title: String, statement: String, subject: String?)]) -> [AuditReport.Table] {
        let unit = Self.unitClause(disclosure)
        var tables: [AuditReport.Table] = []
        var derivations: [String: [ResultRow]] = [:]
        let printed = (try? occurrences(unitID: disclosure.unitID)) ?? [:]
        for entry in statements {
            guard let (shape, rows) = try? collect(entry.statement + " " + unit), !rows.isEmpty else { continue }
            let sources = rows.map { row in
                provenance(row, shape: shape, subject: entry.subject, disclosure: disclosure, printed: printed, derivations: &derivations)
            }
            tables.append(AuditReport.Table(title: entry.title, statement: entry.statement, shape: shape, rows: rows, sources: sources, chart: true))
        }
        return tables
    }

    /// Runs one query statement and returns its rows.
    func collect(_ statement: String) throws -> (ResultShape, [ResultRow]) {
        guard let parsed = try Parser.parse(line: statement).first?.get(),
              case .query(let query) = try Checker(catalog: session.catalog, context: session.context).prepare(parsed)
        else { throw Diagnostic(code: "Q100", message: "不是查询语句：\(statement)") }
        let prepared = try session.connections.reader.prepare(query.text)
        let cursor = try prepared.rows(query.parameters.map(Value.init))
        var rows: [ResultRow] = []
        while let values = try cursor.next() {
            let cells = values.map(\.cell)
            if query.note(in: cells) == nil { rows.append(query.makeRow(cells)) }  // a note row is said, never a figure
        }
        return (query.shape, rows)
    }

    /// A printed (or derived) figure of the unit, as the queries read it (`fact_value`).
    struct Occurrence {
        let year: Int
        let value: Int64
        let sourceKind: String
        let lineFrom: Int
        let lineTo: Int
        let derived: Bool
        let disclosureYear: Int
        let disclosureID: Int64
        /// The disclosure's kind (决算/预算) and scope (部门/单位), and the fact's column (actual, budget …).
        let kind: String
        let scope: String
        let column: String

        var provenance: AuditReport.Provenance {
            AuditReport.Provenance(sourceKind: sourceKind, lineFrom: lineFrom, lineTo: lineTo, note: nil)
        }
    }

    /// The unit's figures by measure name or code.
    func occurrences(unitID: Int64) throws -> [String: [Occurrence]] {
        var result: [String: [Occurrence]] = [:]
        for row in try session.connections.reader.query("""
            SELECT coalesce(m.name_zh, f.code), f.year, coalesce(f.amount_fen, f.quantity), f.source_kind, f.line_from, f.line_to,
                   f.derived, d.year, d.id, d.kind, d.scope, f.column_id
            FROM fact_value f JOIN disclosure d ON d.id = f.disclosure_id LEFT JOIN measure m ON m.id = f.measure_id
            WHERE d.unit_id = ? ORDER BY d.year DESC, d.scope != '部门', f.line_from
            """, [.integer(unitID)]) {
            guard let key = row[0].string, let year = row[1].int64, let value = row[2].int64, let kind = row[3].string,
                  let from = row[4].int64, let to = row[5].int64, let disclosureYear = row[7].int64, let id = row[8].int64 else { continue }
            result[key, default: []].append(Occurrence(
                year: Int(year), value: value, sourceKind: kind, lineFrom: Int(from), lineTo: Int(to), derived: row[6].int64 == 1,
                disclosureYear: Int(disclosureYear), disclosureID: id, kind: row[9].string ?? "决算", scope: row[10].string ?? "部门",
                column: row[11].string ?? ""))
        }
        return result
    }

    /// Where each number cell of a row comes from: the printed figure with its value for
    /// amounts (with `source`'s derivation for a derived one), the computation for shares
    /// and changes. Figures are looked for among the documents of the disclosure's kind,
    /// the disclosure's own first.
    private func provenance(_ row: ResultRow, shape: ResultShape, subject: String?, disclosure: Disclosure,
                            printed: [String: [Occurrence]], derivations: inout [String: [ResultRow]]) -> [AuditReport.Provenance?] {
        let names = shape.columns.map(\.name)
        let year = disclosure.year
        var target: String?
        if let code = names.firstIndex(of: "code"), case .text(let text) = row.cells[code], !text.isEmpty {
            target = text
        } else if case .text(let label) = row.cells[0] {
            target = row.isTotal && label == "合计" ? subject.flatMap(measureName) : label
        }
        return shape.columns.enumerated().map { index, column -> AuditReport.Provenance? in
            guard index < row.cells.count, case .integer(let value) = row.cells[index] else { return nil }
            switch column.name {
            case "share":
                return AuditReport.Provenance(sourceKind: nil, lineFrom: nil, lineTo: nil, note: "计算：本项 ÷ 合计，四舍五入到 0.01%")
            case "change":
                return AuditReport.Provenance(sourceKind: nil, lineFrom: nil, lineTo: nil, note: "计算：本年数 − 上年数")
            case "change_pct":
                return AuditReport.Provenance(sourceKind: nil, lineFrom: nil, lineTo: nil, note: "计算：变动 ÷ 上年数，四舍五入到 0.01%")
            default:
                break
            }
            let valueYear = ["value_", "budget_"].lazy.compactMap { prefix in
                column.name.hasPrefix(prefix) ? Int(column.name.dropFirst(prefix.count)) : nil
            }.first ?? year
            guard let target else { return nil }
            let matches = (printed[target] ?? []).filter { $0.year == valueYear && $0.value == value && $0.kind == disclosure.kind }
            guard let best = matches.first(where: { $0.disclosureID == disclosure.id })
                    ?? matches.first(where: { $0.disclosureYear == year }) ?? matches.first(where: { $0.disclosureYear == valueYear })
                    ?? matches.first else {
                let note = row.derivedCells.contains(index) ? "计算：由所列各项相加（文件未印出此数）" : "未找到此数在文件中的出处"
                return AuditReport.Provenance(sourceKind: nil, lineFrom: nil, lineTo: nil, note: note)
            }
            var notes: [String] = []
            if best.derived {
                let key = "\(target) \(valueYear)"
                let kindWord = disclosure.kind == "预算" ? "预算 " : ""
                if derivations[key] == nil {
                    derivations[key] = (try? collect("source \(target) \(kindWord)\(valueYear) \(Self.unitClause(disclosure))"))?.1 ?? []
                }
                let derivation = derivations[key]?.first { $0.cells.count > 10 && $0.cells[4] == .integer(value) && $0.cells[10] != .null }
                notes.append("推算" + (derivation.map { "：" + Self.text($0.cells[10]) } ?? ""))
            }
            if best.disclosureYear != year || best.disclosureID != disclosure.id && best.kind == "预算" {
                notes.append("\(best.disclosureYear)年" + (best.kind == "预算" ? best.scope : "") + best.kind)
            }
            return AuditReport.Provenance(sourceKind: best.sourceKind, lineFrom: best.lineFrom, lineTo: best.lineTo,
                                          note: notes.isEmpty ? nil : notes.joined(separator: "；"))
        }
    }

    /// The catalog name of a subject as typed (三公 → 三公经费).
    func measureName(_ name: String) -> String? {
        session.catalog.measures.first { $0.nameZh == name || $0.aliases.contains(name) }?.nameZh
    }

    private static func text(_ cell: Cell) -> String {
        if case .text(let text) = cell { return text }
        return ""
    }

    // MARK: Findings

    /// The document's lines the report can quote: the `--source` file with the same bytes,
    /// else the prose paragraphs stored at import.
    private func documentLines(_ disclosure: Disclosure) throws -> [Int: String] {
        if let lines = sources[disclosure.sha256] {
            return Dictionary(uniqueKeysWithValues: lines.enumerated().map { ($0.offset + 1, $0.element) })
        }
        var lines: [Int: String] = [:]
        for row in try session.connections.reader.query(
            "SELECT line_from, body FROM paragraph WHERE disclosure_id = ? AND line_from = line_to", [.integer(disclosure.id)]) {
            if let line = row[0].int64, let body = row[1].string { lines[Int(line)] = body }
        }
        return lines
    }

    private func finding(_ finding: Finding, lines: [Int: String]) -> AuditReport.Finding {
        var excerpt: [Int: [String]] = [:]
        for figure in finding.figures {
            for line in figure.lineFrom...max(figure.lineFrom, min(figure.lineTo, figure.lineFrom + 3)) {
                excerpt[line, default: []] += figure.printed.map { [$0] } ?? []
            }
        }
        let excerptLines = excerpt.keys.sorted().prefix(24).map { number in
            AuditReport.ExcerptLine(number: number, text: lines[number], highlights: excerpt[number] ?? [])
        }
        return AuditReport.Finding(
            severity: finding.severity.rawValue, ruleID: finding.ruleID, message: finding.message,
            figures: finding.figures.map { figure in
                AuditReport.Figure(label: figure.label, printed: figure.printed,
                                   source: AuditReport.Provenance(sourceKind: figure.sourceKind, lineFrom: figure.lineFrom,
                                                                  lineTo: figure.lineTo, note: figure.printed == nil ? "推算" : nil))
            },
            expected: finding.expected, stated: finding.stated, difference: finding.difference, excerpt: excerptLines)
    }
}
