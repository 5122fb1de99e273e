import XCTest
import Core
@testable import Importer

final class ShanghaiNarrativeTests: XCTestCase {
    static let caizhengju = "fixtures/disclosures/2024-shanghai-putuo-caizhengju.txt"
    static let guihua = "fixtures/disclosures/2024-shanghai-putuo-guihuaziyuanju.txt"
    static let shehui = "fixtures/disclosures/2024-shanghai-putuo-shehuigongzuobu.txt"

    func testDumpToFile() throws {
        guard let out = ProcessInfo.processInfo.environment["SHANGHAI_NARRATIVE_DUMP"] else { return }
        for file in [Self.caizhengju, Self.guihua, Self.shehui] {
            let dump = ShanghaiFixture.dump(try ShanghaiFixture.read(file))
            try dump.write(toFile: out + "-" + file.split(separator: "-").last!, atomically: true, encoding: .utf8)
        }
    }
}

extension ShanghaiNarrativeTests {
    func read(_ file: String) throws -> (ImportResult, SourceText) {
        let text = try ShanghaiFixture.text(file)
        return (try ShanghaiReader.read(text, overrides: ImportOverrides()), text)
    }

    func statement(_ doc: ImportedDocument, _ kind: String, _ printed: String, line: Int,
                   file: StaticString = #filePath, lineNumber: UInt = #line) throws -> ImportedStatement {
        try XCTUnwrap(doc.statements.first { $0.kind == kind && $0.printed == printed && $0.provenance.lineFrom == line },
                      "\(kind) \(printed) L\(line)", file: file, line: lineNumber)
    }

    /// Lines of shares whose printed rate differs from Rounding.percent(part, base) at its precision.
    func shareMismatches(_ doc: ImportedDocument) -> [String] {
        doc.statements.filter { $0.kind == "share" }.compactMap { s in
            guard let p = s.partFact.flatMap({ doc.facts[$0].amountFen }), let b = s.baseFact.flatMap({ doc.facts[$0].amountFen }),
                  let d = s.rateDecimals else { return "L\(s.provenance.lineFrom) \(s.printed) unlinked" }
            return Rounding.percent(p, of: b, decimals: d) == s.rateScaled ? nil : "L\(s.provenance.lineFrom) \(s.printed)"
        }
    }

    func testJoinedTextReadsAlikeWithCharactersThatDoNotStandAlone() {
        var plain = ShanghaiNarrative.Joined(), mixed = ShanghaiNarrative.Joined()
        plain.append(line: "本年收入合计 100.5 万元。", 1)
        mixed.append(line: "本年收入合计 100.5 万元。", 1)
        mixed.append(line: "e\u{301}", 2)
        XCTAssertTrue(plain.standalone)
        XCTAssertFalse(mixed.standalone)
        XCTAssertEqual(plain.text, "本年收入合计100.5万元。")
        XCTAssertEqual(mixed.chars.last, "\u{E9}")
        XCTAssertEqual(mixed.lines, Array(repeating: 1, count: 14) + [2])
        for j in [plain, mixed] {
            XCTAssertEqual(ShanghaiNarrative.amount(after: "本年收入合计", in: j)?.0.text, "100.5")
            XCTAssertEqual(j.find("万元"), 11)
            XCTAssertEqual(j.string(6..<11), "100.5")
        }
    }

    func testEveryTextFigurePrintsOnItsLine() throws {
        for file in [Self.caizhengju, Self.guihua, Self.shehui] {
            let (r, text) = try read(file)
            for f in r.document.facts where f.printed != nil && f.provenance.kind == "text" {
                XCTAssertTrue(text.line(f.provenance.lineFrom).filter { $0 != " " }.contains(f.printed!),
                              "\(file): L\(f.provenance.lineFrom) does not print \(f.printed!)")
            }
            for s in r.document.statements {
                XCTAssertTrue(text.line(s.provenance.lineFrom).filter { $0 != " " }.contains(s.printed),
                              "\(file): L\(s.provenance.lineFrom) does not print \(s.printed)")
                XCTAssertTrue(r.document.statements.filter { $0.kind != "change" }.allSatisfy { $0.rateScaled != nil })
            }
        }
    }

    func testCaizhengju() throws {
        let doc = try read(Self.caizhengju).0.document
        let r = try read(Self.caizhengju).0.report
        let fiscal = try statement(doc, "share", "占99.79%", line: 466)
        XCTAssertEqual(doc.facts[fiscal.partFact!].measureID, "fiscal_income")
        XCTAssertEqual(doc.facts[fiscal.baseFact!].measureID, "income_total")
        XCTAssertEqual(fiscal.rateScaled, 9979)
        XCTAssertEqual(fiscal.rateDecimals, 2)
        let general = try statement(doc, "share", "占本年支出合计的100.00%", line: 478)
        XCTAssertEqual(doc.facts[general.baseFact!].measureID, "expenditure_total")
        // "占\n15.16%": the part on the rate's line.
        let housing = try statement(doc, "share", "15.16%", line: 485)
        XCTAssertEqual(doc.facts[housing.partFact!].code, "221")
        let growth = try statement(doc, "growth", "下降1.87%", line: 463)
        XCTAssertEqual(growth.direction, "减少")
        XCTAssertEqual(doc.facts[growth.baseFact!].year, 2023)
        _ = try statement(doc, "growth", "增长1.40%", line: 566)
        let completion = try statement(doc, "completion", "98.20%", line: 488)
        XCTAssertEqual(completion.basis, "年初")
        XCTAssertEqual(doc.facts[completion.baseFact!].amountFen, Amount(printed: "2993.92", unit: .tenThousandYuan)?.fen)
        XCTAssertEqual(doc.facts[completion.baseFact!].column, "budget_initial")
        let sangong = try statement(doc, "completion", "0%", line: 540)
        XCTAssertEqual(doc.facts[sangong.partFact!].measureID, "sangong")
        XCTAssertEqual(doc.facts[sangong.baseFact!].amountFen, 950000)
        // 三公 parts 持平 (line 546: 公务接待费支出决算持平).
        XCTAssertTrue(doc.statements.contains { $0.kind == "change" && $0.printed == "持平" && $0.provenance.lineFrom == 546 })
        for line in [466, 467, 469, 470, 478, 479, 482, 483, 484, 485, 487, 488, 539, 540, 541, 542] {
            XCTAssertFalse(r.unrecognizedFigureLines.contains(line), "L\(line)")
        }
        // The document disagrees: 2106.66 / 2940.05 = 71.65%, printed 71.73% (L483).
        XCTAssertEqual(shareMismatches(doc), ["L483 占71.73%"])
    }

    func testGuihuaziyuanju() throws {
        let (result, _) = try read(Self.guihua)
        let doc = result.document
        _ = try statement(doc, "share", "占55.10%", line: 472)
        _ = try statement(doc, "share", "99.86%", line: 484)
        // "增长 13.95。" is printed without its % sign; kept as printed.
        let bare = try statement(doc, "growth", "增长13.95", line: 485)
        XCTAssertEqual(bare.rateScaled, 1395)
        let sangong = try statement(doc, "growth", "下降（增长）27.78%", line: 599)
        XCTAssertEqual(sangong.direction, "减少")
        XCTAssertEqual(doc.facts[sangong.baseFact!].amountFen, 540000)
        _ = try statement(doc, "change", "减少0.15万元", line: 601)
        _ = try statement(doc, "completion", "完成年初预算的95.45%", line: 496)
        _ = try statement(doc, "completion", "完成预算的13.68%", line: 592)
        let counts = Dictionary(doc.facts.compactMap { f in f.quantity.map { (f.measureID!, ($0, f.provenance.lineFrom)) } },
                                uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(counts["abroad_groups"]?.1, 613)
        XCTAssertEqual(counts["vehicles_held"]?.1, 618)
        XCTAssertEqual(counts["reception_domestic_batches"]?.0, 2)
        XCTAssertEqual(counts["reception_domestic_people"]?.0, 26)
        XCTAssertEqual(counts["reception_foreign_people"]?.1, 623)
        XCTAssertTrue(doc.facts.contains { $0.measureID == "reception_domestic" && $0.printed == "0.39" && $0.provenance.lineFrom == 620 })
        XCTAssertTrue(doc.facts.contains { $0.measureID == "vehicle_purchase" && $0.provenance.lineFrom == 615 })
        for line in [469, 472, 484, 485, 493, 495, 496, 592, 593, 594, 595, 599, 601, 607, 608, 609, 613, 615, 616, 618, 620, 623] {
            XCTAssertFalse(result.report.unrecognizedFigureLines.contains(line), "L\(line)")
        }
        // The document disagrees: 9746.50 / 9759.38 = 99.868% → 99.87%, printed 99.86% (L484, truncated).
        XCTAssertEqual(shareMismatches(doc), ["L484 99.86%"])
    }

    func testShehuigongzuobu() throws {
        let (result, _) = try read(Self.shehui)
        let doc = result.document
        _ = try statement(doc, "share", "占86.05%", line: 389)
        _ = try statement(doc, "share", "34.30%", line: 375)
        // 增长100.00% on a unit founded in 2024: the prior year is 0 (the audit flags the rate).
        let growth = try statement(doc, "growth", "增长100.00%", line: 473)
        XCTAssertEqual(doc.facts[growth.baseFact!].amountFen, 0)
        // 完成年初预算的95.89% against a 年初预算 of 0 (it is 307.82 / 321.02 全年预算): kept as printed.
        let completion = try statement(doc, "completion", "完成年初预算的95.89%", line: 394)
        XCTAssertEqual(completion.basis, "年初")
        XCTAssertEqual(doc.facts[completion.baseFact!].amountFen, 0)
        // The document disagrees: 29.42 / 307.82 = 9.558% → 9.56%, printed 9.55% (L391, truncated).
        XCTAssertEqual(shareMismatches(doc), ["L391 占9.55%"])
    }
}
