import XCTest
import Core
@testable import Importer

/// The normalization stage: page furniture removed, figures half-width, every line kept at its number.
final class TextNormalizerTests: XCTestCase {
    func text(_ lines: [String], pageStarts: [Int] = []) -> SourceText {
        SourceText(lines: lines, sourceFile: "t.txt", sha256: String(repeating: "0", count: 64), encoding: "UTF-8",
                   pageStarts: pageStarts)
    }

    func testPageMarkersAreRemovedAndLinesKeepTheirNumbers() {
        let lines = ["封面", "正文第一行", "— 12 —", "正文第二行", "- 3 -", "第 3 页", "第3页 共20页", "3/20", "合计 12.00"]
        let normalized = TextNormalizer.normalize(text(lines))
        XCTAssertEqual(normalized.lines, ["封面", "正文第一行", "", "正文第二行", "", "", "", "", "合计 12.00"])
    }

    func testBareNumbersGoOnlyAtAPageEdge() {
        // Pages start at lines 4 and 7 (form feeds); "1" and "2" close pages 1 and 2 (they follow
        // the count); "3" inside page 2 is text; "212" opening page 3 is a code, not a page number.
        let lines = ["封面", "正文", "1", "第二页", "3", "2", "212", "城乡社区支出 12.00"]
        let normalized = TextNormalizer.normalize(text(lines, pageStarts: [4, 7]))
        XCTAssertEqual(normalized.lines, ["封面", "正文", "", "第二页", "3", "", "212", "城乡社区支出 12.00"])
    }

    func testRunningHeadersAreRemovedButNotTheCover() {
        var lines = ["某某局2030年度部门决算", "封面"]
        var starts: [Int] = []
        for page in 2...5 {
            starts.append(lines.count + 1)
            lines += ["某某局2030年度部门决算", "第\(page)页的正文 \(page).00", "\(page)"]
        }
        let normalized = TextNormalizer.normalize(text(lines, pageStarts: starts))
        XCTAssertEqual(normalized.lines[0], "某某局2030年度部门决算")
        XCTAssertEqual(normalized.lines.count, lines.count)
        for page in 0..<4 {
            XCTAssertEqual(normalized.lines[2 + page * 3], "", "header of page \(page + 2)")
            XCTAssertTrue(normalized.lines[3 + page * 3].hasPrefix("第"), "body of page \(page + 2)")
            XCTAssertEqual(normalized.lines[4 + page * 3], "", "page number of page \(page + 2)")
        }
    }

    func testFullWidthFiguresBecomeHalfWidth() {
        let normalized = TextNormalizer.normalize(text(["支出１，２３４．５６万元，占１２．５％，减少－３．００；第一、二"]))
        XCTAssertEqual(normalized.lines[0], "支出1,234.56万元，占12.5%，减少-3.00；第一、二")
    }

    /// Real furniture: the 2018 Jiangsu 文件 prints bare page numbers before each form feed.
    func testRealPageNumbersBeforeFormFeeds() throws {
        let path = ShanghaiFixture.root + "/fixtures/disclosures/budgets/2018-jiangsu-shengji-shengwei-bangongting-bumen-yusuan-wenjian.txt"
        let original = try TextDecoder.read(path: path)
        let normalized = TextNormalizer.normalize(original)
        XCTAssertEqual(original.line(48).trimmingSpaces, "1")   // page 1's number (line 49 starts page 2)
        XCTAssertTrue(original.pageStarts.contains(49))
        XCTAssertEqual(normalized.line(48), "")
        XCTAssertEqual(normalized.lines.count, original.lines.count)
        let changed = zip(original.lines, normalized.lines).filter { $0 != $1 }
        XCTAssertTrue(changed.allSatisfy { $0.1.isEmpty && TextNormalizer.isBareNumber($0.0) || TextNormalizer.isPageMarker($0.0) },
                      "\(changed.prefix(5))")
    }

    func testRegionAndPriorYearComeFromTheText() {
        XCTAssertEqual(DocumentIdentity.region(ofUnit: "上海市普陀区规划和自然资源局"), "上海市普陀区")
        XCTAssertEqual(DocumentIdentity.region(ofUnit: "中共某某市某某区委办公室"), "某某市某某区")
        XCTAssertEqual(DocumentIdentity.region(ofUnit: "江苏省高级人民法院"), "江苏省")
        XCTAssertEqual(DocumentIdentity.region(ofUnit: "某市市场监督管理局"), "某市")
        XCTAssertEqual(DocumentIdentity.region(ofUnit: "财政局"), "")
        let lines = ["2030年度收入支出总计5.00万元。与2028年度相比，增加1.00万元。", "比2028年减少", "较2029年增长"]
        XCTAssertEqual(DocumentIdentity.priorYear(in: lines, year: 2030), 2028)
        XCTAssertEqual(DocumentIdentity.priorYear(in: ["上年"], year: 2030), 2029)
        // Spaces go before the scan; a character joined by a mark is another character.
        let marked = Array(repeating: "比2028年\u{301}增加", count: 3)
        XCTAssertEqual(DocumentIdentity.priorYear(in: ["与 2027 年相比", "较2027年"] + marked, year: 2030), 2027)
        XCTAssertEqual(DocumentIdentity.priorYear(in: ["与2027年\u{301}相比", "较2028年增加"], year: 2030), 2028)
        XCTAssertEqual(DocumentIdentity.priorYear(in: ["与2027年相比 e\u{301}", "比２０２８年增加"], year: 2030), 2027)
        XCTAssertEqual(DocumentIdentity.priorYear(in: ["与2019年相比", "较2030年"], year: 2030), 2029, "out of range")
    }

    /// The byte tests of page edges agree with the character definitions (`trimmingSpaces`).
    func testBlankAndBareNumberLinesAgreeWithCharacterDefinitions() {
        let lines = ["", " ", "　", " 　 ", "12", " 12 ", "　1234　", "12345", "1 2", "１２", "a", " 1\u{301}", "1\u{301}",
                     " \u{301}", "\u{3000}\u{301}", "\t1", "0", "0000", " 12　", "12 a", "\u{2003}", "12\t"]
        for line in lines {
            let trimmed = line.trimmingSpaces
            XCTAssertEqual(TextNormalizer.isSpaces(line), trimmed.isEmpty, line.debugDescription)
            XCTAssertEqual(TextNormalizer.isBareNumber(line),
                           !trimmed.isEmpty && trimmed.count <= 4 && trimmed.allSatisfy(\.isASCIIDigitChar), line.debugDescription)
        }
    }

    /// Page markers found over scalars are those found over characters.
    func testScalarPageMarkersAgreeWithCharacterOnes() {
        let lines = ["— 12 —", "- 3 -", "第 3 页", "第3页 共20页", "第3页/共20页", "3 / 20", "3/20", "/20", "20/", "12", "—12",
                     "第12", "第页", "第 1，2 页", "－ 5 －", "_7_", "2024年", "合计 12.00", "一二三四五六七八九十一二三四五六七 1",
                     "1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6", "1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7", "e\u{301} 1 / 2", "─ 3 ─", "　— ４ —　"]
        for line in lines {
            XCTAssertEqual(TextNormalizer.isPageMarker(line), TextNormalizer.characterPageMarker(line)
                           && line.utf8.count <= 64 && line.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }, line)
            if let scalar = TextNormalizer.scalarPageMarker(line) {
                XCTAssertEqual(scalar, TextNormalizer.characterPageMarker(line), line)
            }
        }
        for line in lines + ["上海市 2024 年度 部门决算", "合计　12.00", "第 3 页\t共 9 页", "1.5e\u{301}"] {
            XCTAssertEqual(TextNormalizer.shape(line), TextNormalizer.characterShape(line), line)
        }
        XCTAssertEqual(TextNormalizer.shape("第 3 页　共 20 页"), "第#页共##页")
        XCTAssertEqual(TextNormalizer.shape("合计 12.00"), "")
        XCTAssertTrue(TextNormalizer.isPageMarker("— 12 —"))
        XCTAssertTrue(TextNormalizer.isPageMarker("第3页/共20页"))
        XCTAssertFalse(TextNormalizer.isPageMarker("合计 12.00"))
    }
}
