import XCTest
import Core
@testable import Audit

/// The front matter kept by the importer (cover under 封面, contents under 目录) is read by the
/// residue rules: years (R7) and units (R10) copied from another document.
final class FrontMatterRulesTests: XCTestCase {
    typealias F = TextRulesFixture

    /// The contents are kept and read as titles: an entry naming another year is residue
    /// (caizhengju line 15; guihuaziyuanju's entry wrapped over lines 17–18), pinned at its line.
    func testR7ReadsTheContents() throws {
        let listed = try F.shanghai("caizhengju", replacing: "财政局2024年度部门决算表", with: "财政局2023年度部门决算表", atLine: 15)
        XCTAssertEqual(F.findings(R7YearResidue.self, listed).map { "\($0.line) \($0.stated ?? "")" }, ["15 2023年"])
        let wrapped = try F.shanghai("guihuaziyuanju", replacing: "2024 年度部门决算", with: "2023 年度部门决算", atLine: 17)
        XCTAssertEqual(F.findings(R7YearResidue.self, wrapped).map { "\($0.line) \($0.stated ?? "")" }, ["17 2023年"])
        XCTAssertTrue(wrapped.paragraphs.contains { $0.section == "目录" && $0.line == 17 && $0.lineTo == 18 })
    }

    /// The cover is a title: a cover naming another year is residue, a date printed on it
    /// (the month it was published) is not.
    func testR7OnTheCover() throws {
        var document = try F.shanghai("caizhengju")
        let cover = try XCTUnwrap(document.paragraphs.firstIndex { $0.section == "封面" })
        XCTAssertEqual([document.paragraphs[cover].line, document.paragraphs[cover].lineTo], [7, 8])
        document.paragraphs[cover].body += "\(document.year + 1)年9月"
        guard case .pass = R7YearResidue.evaluate(document) else { return XCTFail("a date on the cover is no residue") }
        // The cover prints the unit on line 7 and “N年度部门决算” on line 8: the year's line.
        document.paragraphs[cover].body = "上海市普陀区财政局\(document.year - 1)年度部门决算"
        XCTAssertEqual(F.pins(R7YearResidue.self, document), ["R7.year-residue warning 8"])
        XCTAssertTrue(R7YearResidue.isDate("2025年9月", 0))
        XCTAssertFalse(R7YearResidue.isDate("2025年度部门决算", 0))
    }

    /// R10: the parts' unit names agree with the cover on every dev document; a contents entry
    /// naming another unit (caizhengju line 12; guihuaziyuanju's entry wrapped over 17–18) is a
    /// warning at its line. The seed keeps no cover: not applicable.
    func testR10UnitOfThePartTitles() throws {
        for name in F.shanghai {
            guard case .pass(let checked) = R10UnitResidue.evaluate(try F.shanghai(name)) else { return XCTFail(name) }
            XCTAssertGreaterThanOrEqual(checked, 3, name)
        }
        guard case .notApplicable = R10UnitResidue.evaluate(try F.seed()) else { return XCTFail("seed has no cover") }
        let other = try F.shanghai("caizhengju", replacing: "第一部分 上海市普陀区财政局概况", with: "第一部分 上海市普陀区民政局概况", atLine: 12)
        XCTAssertEqual(F.findings(R10UnitResidue.self, other).map { "\($0.line) \($0.stated ?? "")/\($0.expected ?? "")" },
                       ["12 上海市普陀区民政局/上海市普陀区财政局"])
        let wrapped = try F.shanghai("guihuaziyuanju", replacing: "规划和自然资源局 2024", with: "绿化和市容管理局 2024", atLine: 17)
        XCTAssertEqual(F.findings(R10UnitResidue.self, wrapped).map { "\($0.line) \($0.stated ?? "")" }, ["17 上海市普陀区绿化和市容管理局"])
        XCTAssertEqual(R10UnitResidue.printedUnit("第三部分 上海市普陀区财政局2024年度部门决算情况说明"), "上海市普陀区财政局")
        XCTAssertEqual(R10UnitResidue.printedUnit("第一部分 部门概况"), "部门")
        XCTAssertNil(R10UnitResidue.printedUnit("一、收入支出决算总表"))
    }
}
