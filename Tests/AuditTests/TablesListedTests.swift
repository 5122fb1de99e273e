import XCTest
import Core
@testable import Audit

/// R8 (a table the narrative states figures of is missing or printed empty: error) and R11 (a
/// table the contents list is not in the document: warning), on the 规划和自然资源局 document
/// with a table removed, emptied, or an entry added to its contents (目录, lines 19–27).
final class TablesListedTests: XCTestCase {
    static let document = "fixtures/disclosures/2024-shanghai-putuo-guihuaziyuanju.txt"

    static func audit(_ path: String = document, _ edit: (inout [String]) throws -> Void = { _ in }) throws
        -> (document: AuditDocument, findings: [Finding]) {
        var lines = try MutationHarness.lines(of: path)
        try edit(&lines)
        let imported = try MutationHarness.importAndAudit(lines, name: (path as NSString).lastPathComponent)
        return (try AuditLoader.load(imported.connections.writer, disclosureID: imported.disclosureID), imported.findings)
    }

    static func pins(_ findings: [Finding], _ rules: [String] = [R8TablesPublished.id, R11TablesListed.id]) -> [String] {
        findings.filter { rules.contains($0.ruleID) }.map { "\($0.ruleID) \($0.severity.rawValue) " + $0.figures.map { "\($0.lineFrom)" }.joined(separator: ",") }
    }

    /// Lines from the one equal (without spaces) to `title` through the next “注：本表反映” note.
    static func tableRange(_ lines: [String], _ title: String) throws -> ClosedRange<Int> {
        let start = try XCTUnwrap(lines.firstIndex { $0.withoutSpaces == title })
        let end = try XCTUnwrap(lines[start...].firstIndex { $0.contains("注：本表反映") })
        return start...end
    }

    /// Clean: the three Shanghai documents list nine tables in their contents and print seven
    /// (社会工作部 six) with figures; the 政府性基金 and 国有资本经营 tables are printed empty and their sections
    /// say there is none (规划和自然资源局 lines 624–629): no finding. The seed prints no table
    /// at all: R8's one error (its 附表 only list the names), and R11 does not apply.
    func testCleanOnTheDevDocuments() throws {
        for name in TextRulesFixture.shanghai {
            let document = try TextRulesFixture.shanghai(name)
            let listing = TableListing(document)
            XCTAssertEqual(listing.listed.filter(\.inContents).count, 9, name)
            // 社会工作部 also prints its 三公 table empty (lines 324–334, “故本表无数据”; section line 447).
            XCTAssertEqual(listing.listed.filter { !listing.isPrinted($0.stem) }.map(\.stem),
                           (name == "shehuigongzuobu" ? ["财政拨款三公经费支出决算"] : [])
                           + ["政府性基金预算财政拨款收入支出决算", "国有资本经营预算财政拨款收入支出决算"], name)
            // Those printed empty are recorded as such, and only those.
            XCTAssertEqual(listing.listed.filter { listing.isPrintedEmpty($0.stem) }.map(\.stem),
                           listing.listed.filter { !listing.isPrinted($0.stem) }.map(\.stem), name)
            XCTAssertEqual(Set(listing.sections.keys), Set(listing.listed.map(\.stem)), name)
            guard case .pass = R8TablesPublished.evaluate(document) else { return XCTFail("R8 on \(name)") }
            guard case .pass = R11TablesListed.evaluate(document) else { return XCTFail("R11 on \(name)") }
        }
        let seed = try TextRulesFixture.seed()
        XCTAssertEqual(TextRulesFixture.pins(R8TablesPublished.self, seed), ["R8.tables-published error 1642"])
        guard case .notApplicable = R11TablesListed.evaluate(seed) else { return XCTFail("R11 on the seed") }
    }

    /// The 三公 table (lines 422–432) removed: its section states 2.85 (line 591) and more; one
    /// error for the table, citing the figure and the contents entry (line 25) — not a second one
    /// from the 三公 figures stated elsewhere.
    func testTableRemoved() throws {
        let result = try Self.audit { lines in
            let range = try Self.tableRange(lines, "财政拨款“三公”经费支出决算表")
            XCTAssertEqual(range.lowerBound + 1, 422)
            lines.replaceSubrange(range, with: Array(repeating: "", count: range.count))
        }
        XCTAssertEqual(Self.pins(result.findings), ["R8.tables-published error 591,25"])
        XCTAssertTrue(result.findings.contains { $0.ruleID == R8TablesPublished.id && $0.message.hasPrefix("“财政拨款“三公”经费支出决算表”的情况说明列出") })
    }

    /// The 基本支出 table printed empty (its figures, lines 350–418, blanked; the title, headings
    /// and row names kept): its section (六, from line 574) states 5377.64 and more: an error.
    func testTableEmptied() throws {
        let result = try Self.audit { lines in
            let range = try Self.tableRange(lines, "一般公共预算财政拨款基本支出决算表")
            for index in range {
                lines[index] = String(lines[index].map { $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") ? " " : $0 })
            }
        }
        XCTAssertFalse(result.document.tableTitles.contains("一般公共预算财政拨款基本支出决算表"))
        let r8 = result.findings.filter { $0.ruleID == R8TablesPublished.id }
        XCTAssertEqual(r8.map(\.severity), [.error])
        XCTAssertTrue(r8.first?.message.hasPrefix("“一般公共预算财政拨款基本支出决算表”的情况说明列出") ?? false, r8.first?.message ?? "")
        XCTAssertEqual(r8.first?.figures.last?.lineFrom, 24)
        XCTAssertEqual(Self.pins(result.findings, [R11TablesListed.id]), [])
    }

    /// Lines from the one equal (without spaces) to `title` through its “故本表无数据” note.
    static func emptyTableRange(_ lines: [String], _ title: String) throws -> ClosedRange<Int> {
        let start = try XCTUnwrap(lines.firstIndex { $0.withoutSpaces == title })
        let end = try XCTUnwrap(lines[start...].firstIndex { $0.contains("故本表无数据") })
        return start...end
    }

    /// The empty 政府性基金 table (lines 435–444, “故本表无数据”) removed: its section (line 624) says
    /// there is none, yet the contents list it (line 26): a warning; the intact document has none
    /// (`testCleanOnTheDevDocuments`), as its empty table is recorded on import.
    func testEmptyTableRemoved() throws {
        let intact = try Self.audit()
        XCTAssertEqual(intact.document.emptyTableTitles, ["政府性基金预算财政拨款收入支出决算表", "国有资本经营预算财政拨款收入支出决算表"])
        XCTAssertEqual(Self.pins(intact.findings), [])
        let result = try Self.audit { lines in
            let range = try Self.emptyTableRange(lines, "政府性基金预算财政拨款收入支出决算表")
            XCTAssertEqual(range.lowerBound + 1, 435)
            lines.replaceSubrange(range, with: Array(repeating: "", count: range.count))
        }
        XCTAssertEqual(result.document.emptyTableTitles, ["国有资本经营预算财政拨款收入支出决算表"])
        XCTAssertEqual(Self.pins(result.findings), ["R11.tables-listed warning 26"])
        let message = try XCTUnwrap(result.findings.first { $0.ruleID == R11TablesListed.id }?.message)
        XCTAssertTrue(message.contains("该表的情况说明称没有数字，空表也应印出"), message)
    }

    /// 社会工作部's empty 三公 table (lines 324–334) removed: a warning at its contents entry (line
    /// 24); intact, none.
    func testEmptySangongTableRemoved() throws {
        let path = "fixtures/disclosures/2024-shanghai-putuo-shehuigongzuobu.txt"
        let intact = try Self.audit(path)
        XCTAssertTrue(intact.document.emptyTableTitles.contains("财政拨款“三公”经费支出决算表"))
        XCTAssertEqual(Self.pins(intact.findings), [])
        let result = try Self.audit(path) { lines in
            let range = try Self.emptyTableRange(lines, "财政拨款“三公”经费支出决算表")
            XCTAssertEqual(range.lowerBound + 1, 324)
            lines.replaceSubrange(range, with: Array(repeating: "", count: range.count))
        }
        XCTAssertEqual(Self.pins(result.findings), ["R11.tables-listed warning 24"])
    }

    /// An entry the contents list and the document lacks (inserted after line 27): a warning at
    /// its line; no error, as no section states its figures.
    func testExtraContentsEntry() throws {
        let result = try Self.audit { lines in
            XCTAssertEqual(lines[26], "九、国有资本经营预算财政拨款收入支出决算表")
            lines.insert("十、部门预算绩效目标表", at: 27)
        }
        XCTAssertEqual(Self.pins(result.findings), ["R11.tables-listed warning 28"])
        XCTAssertEqual(result.findings.first { $0.ruleID == R11TablesListed.id }?.figures.first?.printed, "部门预算绩效目标表")
    }

    func testStems() {
        XCTAssertEqual(TableListing.stem(ofTable: "一、收入支出决算总表"), "收入支出决算")
        XCTAssertEqual(TableListing.stem(ofTable: "七、财政拨款“三公”经费支出决算表"), "财政拨款三公经费支出决算")
        XCTAssertEqual(TableListing.stem(ofHeading: "四、财政拨款收入支出决算总体情况说明"), "财政拨款收入支出决算")
        XCTAssertEqual(TableListing.stem(ofHeading: "（一）政府性基金预算财政拨款收入支出决算情况说明"), "政府性基金预算财政拨款收入支出决算")
        // Part titles, titles naming a year, sentences and notes are no table names.
        XCTAssertNil(TableListing.stem(ofTable: "第二部分 上海市普陀区规划和自然资源局 2024 年度部门决算表"))
        XCTAssertNil(TableListing.stem(ofTable: "注：本表反映部门本年度的总收支和年末结转结余情况。"))
        XCTAssertEqual(TableListing.stem(ofTable: "十、部门预算绩效目标表"), "部门预算绩效目标")
        XCTAssertNil(TableListing.stem(ofTable: "附表"))
        XCTAssertNil(TableListing.stem(ofTable: "二、部门决算报表"))
        XCTAssertNil(TableListing.stem(ofTable: "人员信息表"))
        XCTAssertNil(TableListing.stem(ofHeading: "十一、其他重要事项说明"))
        XCTAssertNil(TableListing.stem(ofHeading: "第三部分 上海市普陀区规划和自然资源局 2024 年度部门决算情况说明"))
    }
}
