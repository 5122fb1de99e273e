import Audit
import Core
import QueryLanguage
import Store

/// Runs the audit for units and a year and turns its findings into a result like any other
/// (the `check` statement and `dq check` share it). The rows are handed out one disclosure at a
/// time as they are found, so memory does not grow with the number of disclosures checked.
struct FindingsReport {
    /// How many rows were handed out at each severity.
    let listed: [Severity: Int]
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
    /// 预算; nil: both), handed to `row` in the order of the disclosures' ids, each disclosure's
    /// by source line, then rule order (Auditor.Report.findings: a root cause never spans two
    /// disclosures, so merging one disclosure at a time gives the same findings).
    static func run(_ database: Database, units: [Catalog.Unit], year: Int?, kind: String? = nil, filter: FindingFilter?,
                    row: (ResultRow) throws -> Void) throws -> FindingsReport {
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
        // Where each disclosure stands in the units' order: the unchecked lines keep that order.
        var position: [Int64: Int] = [:]
        for (index, disclosure) in disclosures.enumerated() where position[disclosure.id] == nil { position[disclosure.id] = index }
        var bySeverity: [Severity: Int] = [:]
        var unchecked: [(position: Int, line: String)] = []
        var counts = (passed: 0, notApplicable: 0, couldNotEvaluate: 0, failed: 0)
        var rulesRun = 0
        try Auditor.forEach(database, disclosureIDs: position.keys.sorted()) { results in
            let report = Auditor.Report(results: results)
            rulesRun += results.count
            let outcomes = report.outcomeCounts
            counts.passed += outcomes.passed
            counts.notApplicable += outcomes.notApplicable
            counts.couldNotEvaluate += outcomes.couldNotEvaluate
            counts.failed += outcomes.failed
            for result in report.unchecked {
                guard case .couldNotEvaluate(let reason) = result.outcome, let index = position[result.disclosureID] else { continue }
                let disclosure = disclosures[index]
                let kind = disclosure.kind == "预算" ? disclosure.scope + "预算" : ""
                unchecked.append((index, "未能核对 \(result.ruleID)（\(disclosure.unit) \(disclosure.year)年\(kind)）：\(reason)"))
            }
            for finding in report.findings {
                guard let index = position[finding.disclosureID] else { continue }
                let disclosure = disclosures[index]
                let fields: [String: Cell] = [
                    "severity": .text(finding.severity.rawValue), "rule": .text(finding.rules), "family": .text(finding.family),
                    "message": .text(finding.message), "unit": .text(disclosure.unit), "year": .integer(Int64(disclosure.year)),
                ]
                if let filter, !filter.matches(fields) { continue }
                bySeverity[finding.severity, default: 0] += 1
                try row(ResultRow(cells: [
                    .text(finding.severity.rawValue), .text(finding.rules), .text(finding.message), .text(lines(finding)),
                    .text(finding.figures.map(describe).joined(separator: "；")),
                    text(finding.expected), text(finding.stated), text(finding.difference),
                    .integer(Int64(finding.line)), .integer(Int64(finding.identities)),
                    amount(finding.expectedFen), amount(finding.statedFen), amount(finding.differenceFen),
                ], block: disclosure.unit + "（\(disclosure.year)年\(disclosure.kind == "预算" ? disclosure.scope + "预算" : "")）"))
            }
        }
        let summary = "合计：错误 \(bySeverity[.error] ?? 0) 条，警告 \(bySeverity[.warning] ?? 0) 条，提示 \(bySeverity[.info] ?? 0) 条；"
            + "规则 通过 \(counts.passed)，有发现 \(counts.failed)，不适用 \(counts.notApplicable)，未能核对 \(counts.couldNotEvaluate)"
            + "（\(documents(disclosures.map(\.kind)))）"
        // A stable sort: within a disclosure the rules stay in their order.
        let uncheckedLines = unchecked.enumerated().sorted { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }
            .map(\.element.line)
        return FindingsReport(listed: bySeverity, unchecked: uncheckedLines, rulesRun: rulesRun, disclosures: disclosures.count,
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
