import XCTest
import Core
@testable import Audit

/// Template residue: blanks, instructions and years copied from another year's text.
final class TemplateResidueTests: XCTestCase {
    typealias F = TextRulesFixture

    /// Seed line 291: the template's instruction “若涉及……的，应在……进行梳理阐述” left in, followed by “无”.
    func testR2InstructionLeftInTheSeed() throws {
        let findings = F.findings(R2Instructions.self, try F.seed())
        XCTAssertEqual(findings.map(\.line), [291])
        for name in F.shanghai { XCTAssertEqual(F.findings(R2Instructions.self, try F.shanghai(name)), [], name) }
    }

    func testR1BlanksOfTheTemplate() throws {
        for name in F.shanghai { XCTAssertEqual(F.pins(R1Placeholders.self, try F.shanghai(name)).filter { !$0.hasSuffix(" 599") }, [], name) }
        let crosses = try F.shanghai("caizhengju", replacing: "上海市普陀区财政局2024年度无“三公”经费", with: "××局2024年度无“三公”经费")
        XCTAssertEqual(F.findings(R1Placeholders.self, crosses).map(\.stated), ["××"])
        let bracket = try F.shanghai("caizhengju", replacing: "上海市普陀区财政局2024年度无“三公”经费", with: "【单位名称】2024年度无“三公”经费")
        XCTAssertEqual(F.findings(R1Placeholders.self, bracket).map(\.stated), ["【单位名称】"])
        XCTAssertNil(R1Placeholders.fillInBracket("见【附件】说明"), "a bracket naming no blank is not residue")
    }

    /// Dates and headings naming the document's year (or, for headings, the year before) are
    /// clean on every dev document; a 截至 date or heading copied from another year is not.
    func testR7YearResidue() throws {
        guard case .pass = R7YearResidue.evaluate(try F.seed()) else { return XCTFail("seed: 截至2023年12月31日 (lines 127, 156, 1410)") }
        for name in F.shanghai { guard case .pass = R7YearResidue.evaluate(try F.shanghai(name)) else { return XCTFail(name) } }
        let date = try F.shanghai("guihuaziyuanju", replacing: "截至 2024 年", with: "截至 2023 年", atLine: 670)
        XCTAssertEqual(F.pins(R7YearResidue.self, date), ["R7.year-residue warning 670"])
        var seed = try F.seed()
        let i = seed.paragraphs.firstIndex { $0.line == 250 }!
        seed.paragraphs[i].body = "（一）2021年收入情况。"
        XCTAssertEqual(F.pins(R7YearResidue.self, seed), ["R7.year-residue warning 250"])
    }

    /// R7 on titles and comparisons: caizhengju's part title (line 459) naming another year, its
    /// “与2023年度相比” (line 462) naming a year other than the prior one, and a broken year in the
    /// title (“20224年度”, “202 4年度”, “2O24年度”): one warning each; as printed, clean.
    func testR7TitlesComparisonsAndBrokenYears() throws {
        let title = try F.shanghai("caizhengju", replacing: "财政局2024年度部门决算情况", with: "财政局2023年度部门决算情况", atLine: 459)
        XCTAssertEqual(F.findings(R7YearResidue.self, title).map { "\($0.line) \($0.stated ?? "")" }, ["459 2023年"])
        let comparison = try F.shanghai("caizhengju", replacing: "与2023年度相比", with: "与2022年度相比", atLine: 462)
        let findings = F.findings(R7YearResidue.self, comparison)
        XCTAssertEqual(findings.map { "\($0.line) \($0.stated ?? "")/\($0.expected ?? "")" }, ["462 2022年/2023年"])
        XCTAssertTrue(findings.first?.message.contains("上年度") == true)
        for broken in ["20224年度", "202 4年度", "2O24年度"] {
            let document = try F.shanghai("caizhengju", replacing: "财政局2024年度部门决算情况", with: "财政局\(broken)部门决算情况", atLine: 459)
            XCTAssertEqual(F.findings(R7YearResidue.self, document).map { "\($0.line) \($0.stated ?? "")" }, ["459 \(broken.dropLast())"], broken)
        }
        XCTAssertNil(R7YearResidue.brokenYear("（二）2024 年度部门决算 20 万元"), "a spaced year and an amount are not broken")
        XCTAssertTrue(R7YearResidue.isComparison("较2023年增加", 3))
        XCTAssertFalse(R7YearResidue.isComparison("于2023年成立", 3), "a year something happened in is no comparison")
    }

    /// R9: guihuaziyuanju's 支出决算表 writes 0.00 in its 项目支出 column (lines 206-214);
    /// caizhengju's tables leave every empty cell blank (line 293), which is their way and no
    /// finding. 2080501's 0.00 (line 209) blanked: one info naming the row.
    func testR9BlankCells() throws {
        for name in F.shanghai {
            XCTAssertEqual(F.findings(R9BlankCells.self, try F.shanghai(name)), [], name)
        }
        guard case .pass = R9BlankCells.evaluate(try F.shanghai("guihuaziyuanju")) else { return XCTFail("guihua") }
        guard case .notApplicable = R9BlankCells.evaluate(try F.shanghai("caizhengju")) else { return XCTFail("caizhengju") }
        let blank = try F.shanghai("guihuaziyuanju", replacing: "54.53      54.53       0.00", with: "54.53      54.53           ", atLine: 209)
        let findings = F.findings(R9BlankCells.self, blank)
        XCTAssertEqual(findings.map { "\($0.severity.rawValue) \($0.line)" }, ["info 209"])
        XCTAssertTrue(findings.first?.message.contains("2080501 行政单位离退休的“项目支出”（第 209 行）") == true, findings.first?.message ?? "")
    }

    /// R8: the seed lists its tables' names (lines 1642–1655) but publishes none; 规划's 三公
    /// table (lines 424–433) emptied while the text states 0.39 is an error too.
    func testR8TablesPublished() throws {
        XCTAssertEqual(F.pins(R8TablesPublished.self, try F.seed()), ["R8.tables-published error 1642"])
        for name in F.shanghai { guard case .pass = R8TablesPublished.evaluate(try F.shanghai(name)) else { return XCTFail(name) } }
        var doc = try F.shanghai("guihuaziyuanju")
        doc.facts.removeAll { $0.sourceKind == "table" && (($0.measureID ?? "").hasPrefix("sangong") || ($0.measureID ?? "").hasPrefix("vehicle_")) }
        let findings = F.findings(R8TablesPublished.self, doc)
        XCTAssertEqual(findings.map(\.severity), [.error])
        XCTAssertTrue(findings.first?.message.contains("三公") ?? false, findings.first?.message ?? "")
    }
}
