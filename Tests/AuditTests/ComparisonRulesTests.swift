import XCTest
import Core
@testable import Audit

/// D7 (a share printed without %) and D8 (comparative words against the figures): silent on
/// every dev document, each broken by one edit of the text.
final class ComparisonRulesTests: XCTestCase {
    typealias F = TextRulesFixture

    func testD7CleanOnTheDevDocuments() throws {
        guard case .pass = D7SharePercentSign.evaluate(try F.seed()) else { return XCTFail("seed") }
        for name in F.shanghai { guard case .pass = D7SharePercentSign.evaluate(try F.shanghai(name)) else { return XCTFail(name) } }
    }

    /// 规划 line 608: “占 0.00%；” printed as “占 0.00；”.
    func testD7ShareWithoutPercent() throws {
        let doc = try F.shanghai("guihuaziyuanju", replacing: "占 0.00%；", with: "占 0.00；", atLine: 608)
        let findings = F.findings(D7SharePercentSign.self, doc)
        XCTAssertEqual(findings.map(\.line), [608])
        XCTAssertEqual(findings.first?.expected, "0.00%")
        // A share split over two lines (“占” at a line's end, “%” on the next) is not one.
        XCTAssertEqual(D7SharePercentSign.shares(in: "公务接待费支出决算 0.39 万元，占", nextParagraphStart: "1").count, 0)
        XCTAssertEqual(D7SharePercentSign.shares(in: "占 100.00", nextParagraphStart: "%").map(\.hasPercent), [true])
        XCTAssertEqual(D7SharePercentSign.shares(in: "占地面积 12.5 亩。", nextParagraphStart: nil).count, 0)
    }

    /// 规划 lines 591–597: 决算 0.39 < 预算 2.85, “决算数小于预算数”; 财政局 lines 539–542 likewise.
    func testD8ComparativeWords() throws {
        let guihua = try F.shanghai("guihuaziyuanju")
        guard case .pass = D8ComparativeWords.evaluate(guihua) else { return XCTFail("\(D8ComparativeWords.evaluate(guihua))") }
        guard case .pass = D8ComparativeWords.evaluate(try F.shanghai("caizhengju")) else { return XCTFail("caizhengju") }
        // 社会工作部 line 395: “预算数” is the 全年预算 321.02 the figures do not hold: undecided, not an error.
        XCTAssertEqual(F.findings(D8ComparativeWords.self, try F.shanghai("shehuigongzuobu")), [])
        let broken = try F.shanghai("guihuaziyuanju", replacing: "决算数小于预算数", with: "决算数大于预算数", atLine: 595)
        let findings = F.findings(D8ComparativeWords.self, broken)
        XCTAssertEqual(findings.map(\.severity), [.error])
        XCTAssertEqual(findings.first?.line, 591)
        XCTAssertTrue(findings.first?.figures.contains { $0.label == "比较用语" && $0.lineFrom == 596 } ?? false)
    }

    /// 财政局 lines 539–541: no 三公 spending, “完成预算的0%”. 0 of a budget above zero is 0%:
    /// no zero-base error, and nothing to split into 购置费 and 运行维护费.
    func testZeroSpendingAgainstABudget() throws {
        let doc = try F.shanghai("caizhengju")
        XCTAssertFalse(F.findings(D4Completion.self, doc).contains { (539...542).contains($0.line) })
        XCTAssertEqual(F.findings(E3SangongPartsDisclosed.self, doc), [])
        // Seed lines 124 and 131: 0 spent but “完成预算100%” (needs a zero budget: 0/0) stays an error.
        XCTAssertEqual(F.pins(D4Completion.self, try F.seed()), ["D4.completion error 124", "D4.completion error 131"])
        // 规划 line 431: spending and a 0.00 budget (三公 table) printed as 0.00%: zero base, an error.
        XCTAssertTrue(F.pins(D4Completion.self, try F.shanghai("guihuaziyuanju")).contains("D4.completion error 431"))
    }
}

/// D3: a year-on-year rate against the prior year derived from the stated change, with no
/// tolerance beyond the printed precision (seed lines 115 and 126: 12.52 − 5.63 = 6.89, 5.63/6.89 = 81.71%).
final class GrowthFromChangeTests: XCTestCase {
    typealias F = TextRulesFixture

    private func seed(rateAtLine line: Int, _ scaled: Int64) throws -> AuditDocument {
        var seed = try F.seed()
        let index = try XCTUnwrap(seed.statements.firstIndex { $0.kind == "growth" && $0.lineFrom == line })
        seed.statements[index].rateScaled = scaled
        return seed
    }

    func testRatesAgainstTheDerivedPriorYear() throws {
        guard case .pass = D3Growth.evaluate(try F.seed()) else { return XCTFail("both 81.71% are right") }
        // The total's rate copied onto a part with another change would be far off: an error.
        XCTAssertEqual(F.pins(D3Growth.self, try seed(rateAtLine: 126, 9171)), ["D3.growth error 126"])
        // 81.73%: attainable by the printed 12.52 and 5.63 (each ± 0.005), but not their 四舍五入 value: a note.
        XCTAssertEqual(F.pins(D3Growth.self, try seed(rateAtLine: 115, 8173)), ["D3.growth info 115"])
        // 82.00%: beyond what any reading of the printed figures gives: an error.
        XCTAssertEqual(F.pins(D3Growth.self, try seed(rateAtLine: 115, 8200)), ["D3.growth error 115"])
    }
}

/// E4 accepts 三公 counts written in words when the importer read no figure for them.
final class SangongCountWordsTests: XCTestCase {
    typealias F = TextRulesFixture

    func testCountsInWords() {
        let held = E4SangongCounts.statedInWords
        XCTAssertTrue(held("vehicles_held", ["截至年末，单位共有公务用车一辆"]))
        XCTAssertTrue(held("reception_domestic_batches", ["国内公务接待1次，共计12人"]))
        XCTAssertTrue(held("reception_domestic_people", ["国内公务接待1次，共计12人"]))
        XCTAssertTrue(held("abroad_groups", ["全年安排因公出国（境）团组0次，出国（境）0人"]))
        XCTAssertFalse(held("reception_domestic_batches", ["国内公务接待26 人次"]), "人次 is people, not batches")
        XCTAssertFalse(held("vehicles_purchased", ["单位共有公务用车一辆"]), "a holding is not a purchase")
    }

    /// 规划 line 623 prints “接待 2 批次、26 人次”; with the importer's counts removed the words still count.
    func testE4FallsBackToTheWords() throws {
        var doc = try F.shanghai("guihuaziyuanju")
        doc.facts.removeAll { $0.measureID == "reception_domestic_batches" || $0.measureID == "reception_domestic_people" }
        XCTAssertEqual(F.findings(E4SangongCounts.self, doc), [])
        // Without the words either, both are missing.
        doc.paragraphs.removeAll { $0.body.contains("批次") }
        XCTAssertEqual(F.findings(E4SangongCounts.self, doc).count, 2)
    }
}
