import Audit
import Core
import QueryLanguage
import Store

/// Runs the audit for units and a year and turns its findings into a result like any other
/// (the `check` statement and `dq check` share it).
struct FindingsReport {
    let rows: [ResultRow]
    /// Rules that could not be evaluated, as lines for stderr.
    let unchecked: [String]
    /// How many rule outcomes there were, over how many disclosures.
    let rulesRun: Int
    let disclosures: Int
    /// The count line: findings by severity, rule outcomes by kind.
    let summary: String
    /// How many documents of each kind were checked ("3 份决算、2 份预算").
    let documents: String

    static let shape = ResultShape(columns: [
        ResultColumn(name: "severity", title: "级别", kind: .text),
        ResultColumn(name: "rule", title: "规则", kind: .text),
        ResultColumn(name: "message", title: "说明", kind: .text),
        ResultColumn(name: "lines", title: "行号", kind: .text),
        ResultColumn(name: "figures", title: "涉及数字", kind: .text),
        ResultColumn(name: "expected", title: "应为", kind: .text),
        ResultColumn(name: "stated", title: "文件所列", kind: .text),
        ResultColumn(name: "difference", title: "差额", kind: .text),
        ResultColumn(name: "line", title: "首行", kind: .integer),
        ResultColumn(name: "identities", title: "涉及核对数", kind: .integer),
        ResultColumn(name: "expected_amount", title: "应为金额", kind: .money),
        ResultColumn(name: "stated_amount", title: "所列金额", kind: .money),
        ResultColumn(name: "difference_amount", title: "差额金额", kind: .moneyChange),
    ], hasBlocks: true)

    /// The findings of the units' disclosures of `year` (nil: every year) and `kind` (决算 or
    /// 预算; nil: both).
    static func run(_ database: Database, units: [Catalog.Unit], year: Int?, kind: String? = nil, filter: FindingFilter?) throws -> FindingsReport {
        var disclosures: [(id: Int64, unit: String, year: Int, kind: String, scope: String)] = []
        for unit in units {
            let rows = try database.query("""
                SELECT id, year, kind, scope FROM disclosure WHERE unit_id = ?1 AND (?2 IS NULL OR year = ?2) AND (?3 IS NULL OR kind = ?3)
                ORDER BY year, kind = '预算', scope
                """, [.integer(unit.id), year.map { .integer(Int64($0)) } ?? .null, kind.map { .text($0) } ?? .null])
            disclosures += rows.compactMap { row in
                row[0].int64.map { ($0, unit.name, Int(row[1].int64 ?? 0), row[2].string ?? "决算", row[3].string ?? "部门") }
            }
        }
        let report = try Auditor.run(database, disclosureIDs: disclosures.map(\.id))
        let byID = Dictionary(disclosures.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var rows: [ResultRow] = []
        var bySeverity: [Severity: Int] = [:]
        for finding in report.findings {
            guard let disclosure = byID[finding.disclosureID] else { continue }
            let fields: [String: Cell] = [
                "severity": .text(finding.severity.rawValue), "rule": .text(finding.rules), "family": .text(finding.family),
                "message": .text(finding.message), "unit": .text(disclosure.unit), "year": .integer(Int64(disclosure.year)),
            ]
            if let filter, !filter.matches(fields) { continue }
            bySeverity[finding.severity, default: 0] += 1
            rows.append(ResultRow(cells: [
                .text(finding.severity.rawValue), .text(finding.rules), .text(finding.message), .text(lines(finding)),
                .text(finding.figures.map(describe).joined(separator: "；")),
                text(finding.expected), text(finding.stated), text(finding.difference),
                .integer(Int64(finding.line)), .integer(Int64(finding.identities)),
                amount(finding.expectedFen), amount(finding.statedFen), amount(finding.differenceFen),
            ], block: disclosure.unit + "（\(disclosure.year)年\(disclosure.kind == "预算" ? disclosure.scope + "预算" : "")）"))
        }
        let unchecked = report.unchecked.compactMap { result -> String? in
            guard case .couldNotEvaluate(let reason) = result.outcome, let disclosure = byID[result.disclosureID] else { return nil }
            let kind = disclosure.kind == "预算" ? disclosure.scope + "预算" : ""
            return "未能核对 \(result.ruleID)（\(disclosure.unit) \(disclosure.year)年\(kind)）：\(reason)"
        }
        let counts = report.outcomeCounts
        let summary = "合计：错误 \(bySeverity[.error] ?? 0) 条，警告 \(bySeverity[.warning] ?? 0) 条，提示 \(bySeverity[.info] ?? 0) 条；"
            + "规则 通过 \(counts.passed)，有发现 \(counts.failed)，不适用 \(counts.notApplicable)，未能核对 \(counts.couldNotEvaluate)"
            + "（\(documents(disclosures.map(\.kind)))）"
        return FindingsReport(rows: rows, unchecked: unchecked, rulesRun: report.results.count, disclosures: disclosures.count,
                              summary: summary, documents: documents(disclosures.map(\.kind)))
    }

    /// "3 份决算", "3 份决算、2 份预算", "2 份预算".
    static func documents(_ kinds: [String]) -> String {
        let finals = kinds.filter { $0 != "预算" }.count, budgets = kinds.count - finals
        if budgets == 0 { return "\(finals) 份决算" }
        return (finals > 0 ? "\(finals) 份决算、" : "") + "\(budgets) 份预算"
    }

    private static func text(_ value: String?) -> Cell { value.map(Cell.text) ?? .null }
    private static func amount(_ value: Int64?) -> Cell { value.map(Cell.integer) ?? .null }

    private static func lines(_ finding: Finding) -> String {
        Array(Set(finding.figures.map(\.lineFrom))).sorted().map(String.init).joined(separator: ",")
    }

    private static func describe(_ figure: FindingFigure) -> String {
        let place = figure.lineFrom == figure.lineTo ? "\(figure.lineFrom)" : "\(figure.lineFrom)-\(figure.lineTo)"
        return "\(figure.label) \(figure.printed ?? "（推算）")（\(figure.sourceKind) 第\(place)行）"
    }
}
