import XCTest
import Core
@testable import Audit

/// Text rules on paragraphs re-joined from wrapped lines: a phrase wrapped over a line or a
/// page break is read, and every finding names the physical line of its match.
final class WrappedParagraphTests: XCTestCase {
    typealias F = TextRulesFixture

    /// caizhengju line 488: “完成年初预算的98.20%。 决算数小于预算数的主要原因…” (2940.05 万元
    /// against 2993.92 万元). Written “决算数大于预算数” and wrapped after 大于, no line holds the
    /// phrase, so one paragraph per line never saw it; joined, D8 reads it and pins the error at
    /// line 488, where the phrase begins.
    func testD8ReadsAComparisonWrappedOverTwoLines() throws {
        XCTAssertEqual(F.findings(D8ComparativeWords.self, try F.shanghai("caizhengju")), [])
        let wrong = try F.shanghai("caizhengju", replacing: "决算数小于预算数", with: "决算数大于\n预算数", atLine: 488)
        XCTAssertFalse(wrong.paragraphs.contains { $0.line == 489 }, "line 489 continues the paragraph")
        let findings = F.findings(D8ComparativeWords.self, wrong)
        // The finding cites the 决算数 (line 487) and the phrase at line 488.
        XCTAssertEqual(findings.map { "\($0.ruleID) \($0.severity.rawValue) \($0.line)" }, ["D8.comparative-words error 487"])
        XCTAssertEqual(findings.first?.stated, "决算数大于预算数")
        XCTAssertEqual(findings.first?.figures.first { $0.label == "比较用语" }?.lineFrom, 488)
    }

    /// The same sentence broken by a page (a blank line and a page marker between 大 and 于):
    /// still one paragraph, the finding still at the line where the phrase begins.
    func testD8ReadsAComparisonAcrossAPageBreak() throws {
        let broken = try F.shanghai("caizhengju", replacing: "决算数小于预算数", with: "决算数大\n\n[PDF page 99]\n于预算数", atLine: 488)
        let findings = F.findings(D8ComparativeWords.self, broken)
        XCTAssertEqual(findings.map { "\($0.ruleID) \($0.line)" }, ["D8.comparative-words 487"])
        XCTAssertEqual(findings.first?.figures.first { $0.label == "比较用语" }?.lineFrom, 488)
        let paragraph = try XCTUnwrap(broken.paragraphs.first { $0.line == 487 })
        XCTAssertEqual(paragraph.lineTo, 492, "489 blank, 490 the marker, 491 于预算数…, 492 息化项目…")
        XCTAssertTrue(TextSearch.contains(paragraph.body, "决算数大于预算数的主要原因"))
    }

    /// A placeholder, a doubled mark and a share without % on the third line of caizhengju's
    /// paragraph 50–53 are reported at line 52, not at the paragraph's first line.
    func testFindingsNameThePhysicalLine() throws {
        let placeholder = try F.shanghai("caizhengju", replacing: "预算执行情况及本年度预算", with: "预算执行情况及XX年度预算", atLine: 52)
        XCTAssertEqual(F.pins(R1Placeholders.self, placeholder).filter { $0.hasPrefix("R1") }, ["R1.placeholders warning 52"])
        let doubled = try F.shanghai("caizhengju", replacing: "预算执行情况及本年度预算，", with: "预算执行情况及本年度预算，，", atLine: 52)
        XCTAssertEqual(F.pins(R5DoubledPunctuation.self, doubled), ["R5.doubled-punctuation info 52"])
        let share = try F.shanghai("caizhengju", replacing: "预算执行情况及本年度预算，", with: "预算执行情况，占全区的12.5；", atLine: 52)
        XCTAssertEqual(F.pins(D7SharePercentSign.self, share), ["D7.share-percent-sign warning 52"])
        let paragraph = try XCTUnwrap(share.paragraphs.first { $0.line == 50 })
        XCTAssertEqual(paragraph.lineTo, 53)
    }
}
