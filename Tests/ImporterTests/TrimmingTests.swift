import XCTest
@testable import Importer

/// Trimming on bytes must give what trimming whitespace characters gives, whatever the line.
final class TrimmingTests: XCTestCase {
    private func characterTrimmed(_ s: String) -> String {
        var rest = Substring(s)
        while let first = rest.first, first.isWhitespace { rest = rest.dropFirst() }
        while let last = rest.last, last.isWhitespace { rest = rest.dropLast() }
        return String(rest)
    }

    func testTrimmingAgreesWithWhitespaceCharacters() {
        let lines = ["收入支出决算总表", "   收入支出决算总表   ", "\t 第三部分 \t", "", "   ", "\t", "　全角空格　", " 　混合 ",
                     " \u{301}甲", "甲 \u{301}", " a\u{301} ", "  12.50  ", " \r\n", "\u{0600}甲 ", " 、甲。 ", "x"]
        for line in lines {
            XCTAssertEqual(line.sichuanTrimmed, characterTrimmed(line), line.debugDescription)
        }
    }

    func testPartNumbersBehindBlanks() {
        XCTAssertEqual(TruncationCheck.partNumber("   第四部分 名词解释"), 4)
        XCTAssertEqual(TruncationCheck.partNumber("　第十部分"), 10)
        XCTAssertNil(TruncationCheck.partNumber("   收入支出决算总表"))
        XCTAssertNil(TruncationCheck.partNumber("    "))
        XCTAssertEqual(TruncationCheck.partNumber(" \u{301}第一部分"), 1, "a mark joined to a blank goes with it")
        XCTAssertEqual(TruncationCheck.partNumber("\t 第二部分"), 2)
        XCTAssertEqual(TruncationCheck.partNumber("　 　第三部分 "), 3, "ideographic spaces are blanks")
        XCTAssertEqual(TruncationCheck.partNumber("\u{2003}第五部分"), 5, "so is an em space")
        XCTAssertNil(TruncationCheck.partNumber(""))
        XCTAssertNil(TruncationCheck.partNumber(" 1、第一部分"))
        XCTAssertNil(TruncationCheck.partNumber("第\u{301}一部分"), "第 with a mark is another character")
        XCTAssertNil(TruncationCheck.partNumber("\u{0600}第一部分"), "a prepended mark joins 第")
    }
}
