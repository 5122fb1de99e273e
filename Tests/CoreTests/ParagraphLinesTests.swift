import XCTest
@testable import Core

/// A paragraph wrapped over several source lines maps a place in its body back to the line.
final class ParagraphLinesTests: XCTestCase {
    /// “决算数小于预算数” wrapped after 小于, over lines 10–12 (line 11 a page break, skipped).
    let paragraph = ImportedParagraph(section: "", body: "支出决算为135.25万元。决算数小于预算数的主要原因：调减经费。", kind: "text", line: 10,
                                      lineStarts: [LineStart(offset: 19, line: 12)])

    func testLineOfAPlace() {
        XCTAssertEqual(paragraph.lineTo, 12)
        XCTAssertEqual(paragraph.line(of: "支出决算"), 10)
        XCTAssertEqual(paragraph.line(of: "决算数小于"), 10)
        XCTAssertEqual(paragraph.line(of: "主要原因"), 12)
        XCTAssertEqual(paragraph.line(of: "不在段中"), 10, "text not in the paragraph: its first line")
        XCTAssertEqual(paragraph.line(atCharacter: 18), 10)
        XCTAssertEqual(paragraph.line(atCharacter: 19), 12)
        // Byte offsets (UTF-8) of the audit's searches: 预 of 预算数 is the 20th character.
        let bytes = Array("支出决算为135.25万元。决算数小于".utf8).count
        XCTAssertEqual(paragraph.line(atUTF8: bytes - 1), 10)
        XCTAssertEqual(paragraph.line(atUTF8: bytes), 12)
        XCTAssertEqual(paragraph.charactersWithLines.filter { $0.line == 12 }.map(\.character).first, "预")
        XCTAssertEqual(paragraph.charactersWithLines.count, paragraph.body.count)
    }

    func testTextOfLines() {
        XCTAssertEqual(paragraph.text(fromLine: 10, beforeLine: 12), "支出决算为135.25万元。决算数小于")
        XCTAssertEqual(paragraph.text(fromLine: 12, beforeLine: 99), "预算数的主要原因：调减经费。")
        XCTAssertEqual(paragraph.text(fromLine: 10, beforeLine: 10), "")
    }

    func testColumnRoundTripAndMove() {
        XCTAssertEqual(paragraph.lineStartsText, "19:12")
        XCTAssertEqual(ImportedParagraph.lineStarts(decoding: "19:12,40:13"), [LineStart(offset: 19, line: 12), LineStart(offset: 40, line: 13)])
        XCTAssertEqual(ImportedParagraph.lineStarts(decoding: nil), [])
        XCTAssertEqual(ImportedParagraph.lineStarts(decoding: "x:1,3"), [], "malformed pairs are skipped")
        XCTAssertNil(ImportedParagraph(section: "", body: "一行", kind: "text", line: 3).lineStartsText)
        let moved = paragraph.moved(by: 100)
        XCTAssertEqual([moved.line, moved.lineTo, moved.lineStarts[0].line], [110, 112, 112])
        XCTAssertEqual(moved.line(of: "主要原因"), 112)
    }
}
