import XCTest
import Core
@testable import Audit

/// Figures the layout variants read differently from the documents (issue 11, the mutation
/// harness on layout variants): each class of mutation the audit used to miss there, broken
/// once and detected at its line, and clean on the unchanged text.
final class VariantDetectionTests: XCTestCase {
    static let variants = "fixtures/disclosures/variants/2024-shanghai-putuo-"

    /// The document with the `occurrence`-th printed `token` on `line` replaced, imported and audited.
    static func audit(_ document: String, line: Int? = nil, token: String = "", occurrence: Int = 0,
                      with replacement: String = "") throws -> [Finding] {
        var lines = try MutationHarness.lines(of: document)
        if let line {
            let runs = MutationHarness.numberRuns(lines[line - 1]).filter { $0.1 == token }
            guard occurrence < runs.count else { throw FixtureError("\(token) #\(occurrence) not on line \(line) of \(document)") }
            lines[line - 1].replaceSubrange(runs[occurrence].0, with: replacement)
        }
        return try MutationHarness.importAndAudit(lines, name: (document as NSString).lastPathComponent).findings
    }

    static func pins(_ findings: [Finding], _ rule: String) -> [String] {
        findings.filter { $0.ruleID == rule }.map { "\($0.severity.rawValue) " + $0.figures.map { "\($0.lineFrom):\($0.printed ?? "")" }.joined(separator: " ") }
    }

    /// In reading order (no column positions) a row whose 基本支出 no longer adds up (社会工作部
    /// variant line 171: 208 prints 10.82 10.82; 10.97 for the second) leaves the reader unable to
    /// place the cells of the table's rows; they are not stored. B7 reports the rows whose 合计 is
    /// printed without any component column, the changed line among them, once for the table.
    func testRowsWithoutComponentsAreReported() throws {
        let document = Self.variants + "shehuigongzuobu-reading-order.txt"
        XCTAssertEqual(Self.pins(try Self.audit(document), B7TablesRead.id), [])
        let findings = try Self.audit(document, line: 171, token: "10.82", occurrence: 1, with: "10.97")
        let b7 = findings.filter { $0.rules.contains(B7TablesRead.id) }
        XCTAssertEqual(b7.count, 1)
        XCTAssertEqual(b7.first?.severity, .warning)
        XCTAssertTrue(b7.first?.message.hasPrefix("表“支出决算表”：") ?? false, b7.first?.message ?? "")
        // 201 (line 164) … 208 (its 合计 10.82 on line 171, the name wrapped from 170) … 2210203 (186).
        let lines = b7.first?.figures.map(\.lineFrom) ?? []
        XCTAssertTrue(lines.contains(171) && lines.contains(164) && lines.contains(186), "\(lines)")
        XCTAssertTrue(b7.first?.figures.contains { $0.lineFrom == 171 && $0.printed == "10.82" } ?? false)
    }

    /// The text's 项目支出 (财政局 reading-order variant line 416: 603.14) is also the column total the
    /// reader uses to place the 支出决算表's cells; changed (602.99), the table's 基本/项目 totals are
    /// left unplaced, and A4 takes them from the text: 2940.05 ≠ 2336.91 + 602.99.
    func testIdentityTakesFromTheTextWhatTheTableCouldNotPlace() throws {
        let document = Self.variants + "caizhengju-reading-order.txt"
        XCTAssertEqual(Self.pins(try Self.audit(document), A4ExpenditureParts.id), [])
        let findings = try Self.audit(document, line: 416, token: "603.14", with: "602.99")
        let a4 = findings.filter { $0.rules.contains(A4ExpenditureParts.id) }
        XCTAssertEqual(a4.map(\.severity), [.error])
        XCTAssertTrue(a4.first?.figures.contains { $0.lineFrom == 416 && $0.printed == "602.99" && $0.sourceKind == "text" } ?? false,
                      "\(a4.first?.figures ?? [])")
        XCTAssertEqual(a4.first?.figures.first?.printed, "2,940.05")
    }

    /// The itemised list names an item by its 项 name under another 款 name (规划和自然资源局 lines
    /// 641–645: “住房保障支出（款）购房补贴（项）”, where 22102 is 住房改革支出), so the importer ties
    /// it to 2210203 only through its 决算 171.49. Changed to 171.62, D9 finds the entry by its 项
    /// name and reports its 决算 against the table's (error), instead of “not listed”.
    func testItemisedEntryFoundByItsName() throws {
        let document = Self.variants + "guihuaziyuanju-page-furniture.txt"
        XCTAssertFalse(Self.pins(try Self.audit(document), D9ItemisedList.id).contains { $0.hasPrefix("error") || $0.hasPrefix("warning") })
        let findings = try Self.audit(document, line: 645, token: "171.49", with: "171.62")
        XCTAssertEqual(Self.pins(findings, D9ItemisedList.id).filter { !$0.hasPrefix("info") }, ["error 645:171.62 386:171.49"])
        // The same on the document itself: 事业单位离退休（项）, 决算 28.11 on line 507 (its second figure).
        let original = "fixtures/disclosures/2024-shanghai-putuo-guihuaziyuanju.txt"
        let changed = try Self.audit(original, line: 507, token: "28.11", occurrence: 1, with: "28.22")
        XCTAssertEqual(Self.pins(changed, D9ItemisedList.id).filter { !$0.hasPrefix("info") }, ["error 507:28.22 299:28.11"])
    }

    func testListedByNameNeedsOneEntry() throws {
        let document = try TextRulesFixture.shanghai("guihuaziyuanju")
        let entry = try XCTUnwrap(ListedByName.entry(document, name: "事业单位离退休"))
        XCTAssertEqual([entry.printed, "\(entry.line)"], ["28.11", "507"])
        XCTAssertEqual(entry.fen, 28_110_000)
        // Named by two entries: neither is taken.
        var twice = document
        twice.paragraphs += document.paragraphs.filter { $0.body.contains("事业单位离退休（项）") }
        XCTAssertNil(ListedByName.entry(twice, name: "事业单位离退休"))
        // Only a whole 项 name: “医疗” ends 行政单位医疗 and 事业单位医疗 (lines 524–525, 532–533).
        XCTAssertNil(ListedByName.entry(document, name: "医疗"))
        XCTAssertNotNil(ListedByName.entry(document, name: "行政单位医疗"))
        XCTAssertNil(ListedByName.entry(document, name: "不存在的项目"))
    }
}
