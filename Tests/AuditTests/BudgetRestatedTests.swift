import XCTest
import Core
import Foundation
import Importer
import Store
@testable import Audit

/// Y2, the restatement check across documents: the 年初预算 a final account prints against the
/// budget document of the same unit, year and scope. No real pair exists among the dev
/// documents, so the pair is built from them: the 2025 商务委 部门预算 as it is, and the 2024
/// 财政局 决算 (fixtures/disclosures/2024-shanghai-putuo-caizhengju.txt) imported as 商务委's 2025
/// final account with the 年初预算 it prints for the figures both documents have set to the
/// budget's: the total (line 487), seven 项 (lines 506–526) and 三公 (lines 434, 539).
final class BudgetRestatedTests: XCTestCase {
    static let final = "fixtures/disclosures/2024-shanghai-putuo-caizhengju.txt"

    /// (line, printed in the final account, the budget's figure in 万元 as the final account prints it).
    /// The budget's lines: general total 37,151.47 (表四 line 251, 元 371,514,655.00); 2080501 1,661,216.00,
    /// 2080505 1,410,886.00, 2080506 705,443.00, 2080599 13,260.00, 2101101 631,941.00, 2210201 1,361,034.00,
    /// 2210203 1,488,000.00 (表五, lines 264–292); 三公 1.00 (line 369) and 公务接待费 1.00 (text line 377).
    static let agreeing: [(line: Int, old: String, new: String)] = [
        (434, "0.95                                                              0.95",
         "1.00                                                              1.00"),
        (487, "年初预算为2993.92万元", "年初预算为37151.47万元"),
        (506, "年初预算为 85.55 万", "年初预算为 166.12 万"),
        (510, "161.62万元", "141.09万元"),
        (513, "80.81", "70.54"),
        (517, "年初预算为 0.94 万元", "年初预算为 1.33 万元"),
        (520, "年初预算为62.29 万元", "年初预算为63.19 万元"),
        (523, "年初预算为 187.75 万元", "年初预算为 136.10 万元"),
        (526, "年初预算为 258.50万元", "年初预算为 148.80万元"),
        (539, "年初预算为0.95万元", "年初预算为1.00万元"),
    ]

    /// Imports the budget and the final account built from 财政局's (with `changes` applied) into one
    /// database; returns the final account as the audit loads it.
    private func pair(_ changes: [(line: Int, old: String, new: String)]) throws -> AuditDocument {
        let connections = try Connections.memory(contents: .empty)
        try BudgetFixture.load(["2025-shanghai-putuo-shangwuwei-bumen-yusuan"], into: connections)
        var lines = try String(contentsOfFile: TextRulesFixture.root + "/" + Self.final, encoding: .utf8).components(separatedBy: "\n")
        for change in changes {
            guard lines[change.line - 1].contains(change.old) else { throw FixtureError("\(change.old) not on line \(change.line)") }
            lines[change.line - 1] = lines[change.line - 1].replacingOccurrences(of: change.old, with: change.new)
        }
        let path = NSTemporaryDirectory() + "budget-pair-\(UUID().uuidString).txt"
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try DocumentImporter.read(path: path, sourceFile: "pair.txt",
                                               overrides: ImportOverrides(unit: "上海市普陀区商务委员会", year: 2025))
        guard case .imported(let id, _, _) = try DocumentWriter.write(result.document, into: connections.writer) else {
            throw FixtureError("final account not imported")
        }
        let document = try AuditLoader.load(connections.reader, disclosureID: id)
        XCTAssertEqual(document.sameYearBudget.map(\.year), [2025], "the budget of the same unit and year is loaded")
        return document
    }

    func testAgreeingPairHasNoFinding() throws {
        let document = try pair(Self.agreeing)
        guard case .pass(let checked) = Y2BudgetRestated.evaluate(document) else {
            return XCTFail("\(Y2BudgetRestated.evaluate(document))")
        }
        // The total, seven 项, 三公 and 公务接待费.
        XCTAssertEqual(checked, 10)
        XCTAssertFalse(BudgetFixture.findings(document).contains { $0.rules.contains("Y2.budget-restated") })
    }

    /// Without the budget loaded the rule does not apply; the unchanged 财政局 figures disagree.
    func testUnpairedAndDisagreeing() throws {
        let document = try pair([])
        let findings = TextRulesFixture.findings(Y2BudgetRestated.self, document)
        XCTAssertEqual(findings.map(\.line), [434, 434, 487, 506, 510, 513, 517, 520, 523, 526])
        XCTAssertEqual(findings.map(\.severity.rawValue).prefix(3), ["warning", "warning", "error"], "三公 预算数 may be adjusted: warnings")
        var alone = document
        alone.sameYearBudget = []
        guard case .notApplicable = Y2BudgetRestated.evaluate(alone) else { return XCTFail("applies without a budget") }
    }

    /// One planted disagreement (2210203 年初预算 148.80 → 158.80, line 526) is one finding, naming
    /// both documents and lines, whatever other rule the same figure breaks.
    func testPlantedDisagreementIsOneFinding() throws {
        var changes = Self.agreeing
        changes[8].new = "年初预算为 158.80万元"
        let document = try pair(changes)
        let findings = BudgetFixture.findings(document).filter { $0.rules.contains("Y2.budget-restated") }
        XCTAssertEqual(findings.count, 1)
        let finding = try XCTUnwrap(findings.first)
        XCTAssertEqual(finding.severity, .error)
        XCTAssertTrue(finding.figures.contains { $0.lineFrom == 526 && $0.printed == "158.80" }, "\(finding.figures)")
        // The itemised list no longer sums to its total either (D9, line 487): the same printed figure, one root cause.
        XCTAssertTrue(finding.rules.contains("D9.itemised-list"), finding.rules)
        // The budget's figure, its document and line (表五, 2210203 购房补贴, line 292) are named in the message.
        XCTAssertTrue(finding.message.contains("决算第 526 行") && finding.message.contains("2025年部门预算所列 1,488,000.00元（预算文件第 292 行表）"),
                      finding.message)
    }
}
