import XCTest
import Core
@testable import Audit

/// One finding per root cause: a mis-keyed cell that breaks several identities is reported
/// once, naming each identity; unrelated findings stay apart.
final class RootCausesTests: XCTestCase {
    typealias F = TextRulesFixture

    private func merged(_ document: AuditDocument) -> [Finding] {
        Auditor.Report(results: Auditor.evaluate(document)).findings
    }

    /// 财政局 line 202: 208 社会保障和就业支出 合计 326.72 mis-keyed as 336.72 breaks its 款 sum,
    /// its row (合计 = 基本 + 项目), the table's total and the 总表 (line 116).
    func testOneMisKeyedCellIsOneFindingNamingEveryIdentity() throws {
        let doc = try F.shanghai("caizhengju", replacing: "326.72    326.72", with: "336.72    326.72", atLine: 202)
        let report = Auditor.Report(results: Auditor.evaluate(doc))
        let raw = report.ungroupedFindings.filter { f in f.severity == .error && f.figures.contains { $0.lineFrom == 202 && $0.printed == "336.72" } }
        XCTAssertGreaterThanOrEqual(Set(raw.map(\.ruleID)).count, 3, raw.map(\.message).joined(separator: "\n"))
        let citing = report.findings.filter { f in f.figures.contains { $0.lineFrom == 202 && $0.printed == "336.72" } && f.severity != .info }
        XCTAssertEqual(citing.count, 1, citing.map(\.message).joined(separator: "\n"))
        let finding = try XCTUnwrap(citing.first)
        XCTAssertEqual(finding.severity, .error)
        XCTAssertEqual(finding.identities, raw.count)
        XCTAssertEqual(Set([finding.ruleID] + finding.relatedRules), Set(raw.map(\.ruleID)))
        for rule in Set(raw.map(\.ruleID)) { XCTAssertTrue(finding.message.contains("［\(rule)］"), finding.message) }
        XCTAssertTrue(finding.message.hasPrefix("208 社会保障和就业支出"), finding.message)
    }

    /// Findings that share no printed figure stay separate; rounding notes merge only with
    /// rounding notes of the table families sharing a figure (规划 line 273: A6 and B2 on
    /// 财政拨款支出 9746.50), never with an error.
    func testUnrelatedFindingsAndRoundingNotesStayApart() throws {
        let doc = try F.shanghai("guihuaziyuanju")
        let report = Auditor.Report(results: Auditor.evaluate(doc))
        let merged = report.findings
        let infos = report.ungroupedFindings.filter { $0.severity == .info }
        XCTAssertEqual(merged.filter { $0.severity == .info }.count, infos.count - 1)
        let note = try XCTUnwrap(merged.first { $0.severity == .info && $0.identities == 2 })
        XCTAssertEqual(note.rules, "A6.general-parts,B2.table-total")
        XCTAssertTrue(note.message.hasPrefix("同一张表的 2 条尾差提示"), note.message)
        XCTAssertEqual(merged.filter { $0.severity != .info }.map(\.identities).reduce(0, +),
                       report.ungroupedFindings.filter { $0.severity != .info }.count, "errors and warnings are all accounted for")
        // 卫生健康 236.63/236.64 (lines 137/217) and 城乡社区 3845.25/3845.24 (139/223) are two causes.
        XCTAssertEqual(merged.filter { $0.figures.contains { $0.lineFrom == 137 } || $0.figures.contains { $0.lineFrom == 139 } }
            .filter { $0.ruleID.hasPrefix("C1") }.count, 2)
        // 基本支出 5377.64 (line 206, text 576) vs 5364.75 (line 342): C3 and C4 are one cause.
        let basic = merged.filter { $0.figures.contains { $0.lineFrom == 342 && $0.printed == "5364.75" } && $0.severity != .info }
        XCTAssertEqual(basic.count, 1)
        XCTAssertEqual(Set([basic[0].ruleID] + basic[0].relatedRules), ["C3.table-and-text", "C4.basic-general"])
    }

    func testMergeKeepsSingleFindingsUnchanged() {
        let figure = FindingFigure(label: "x", printed: "1.00", sourceKind: "table", lineFrom: 3)
        let a = Finding(ruleID: "B1.code-hierarchy", family: "B", severity: .error, message: "a", figures: [figure], disclosureID: 1)
        let b = Finding(ruleID: "C1.class-totals", family: "C", severity: .warning, message: "b", figures: [figure], disclosureID: 2)
        let zero = FindingFigure(label: "y", printed: "0.00", sourceKind: "table", lineFrom: 4)
        let c = Finding(ruleID: "B2.table-total", family: "B", severity: .error, message: "c", figures: [zero], disclosureID: 1)
        let d = Finding(ruleID: "B3.row-identity", family: "B", severity: .error, message: "d", figures: [zero], disclosureID: 1)
        XCTAssertEqual(RootCauses.merge([a, b, c, d]), [a, b, c, d], "other disclosure; zeros tie nothing")
        let e = Finding(ruleID: "C1.class-totals", family: "C", severity: .warning, message: "e", figures: [figure], disclosureID: 1)
        let one = RootCauses.merge([e, a])
        XCTAssertEqual(one.count, 1)
        XCTAssertEqual(one[0].severity, .error)
        XCTAssertEqual(one[0].ruleID, "B1.code-hierarchy")
        XCTAssertEqual(one[0].relatedRules, ["C1.class-totals"])
    }
}
