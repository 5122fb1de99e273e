import XCTest
@testable import QueryLanguage

final class StatementSplitterTests: XCTestCase {
    /// Input → statements as (text, offset).
    func testSplitting() {
        let cases: [(String, [StatementText])] = [
            ("", []),
            ("   ", []),
            ("compare 三公 2022 2023; breakdown 201",
             [.init(text: "compare 三公 2022 2023", offset: 0), .init(text: " breakdown 201", offset: 21)]),
            ("sql SELECT ';'", [.init(text: "sql SELECT ';'", offset: 0)]),
            ("units;;  ; years;", [.init(text: "units", offset: 0), .init(text: " years", offset: 10)]),
            ("units # ; years", [.init(text: "units ", offset: 0)]),
            ("units -- ; years", [.init(text: "units ", offset: 0)]),
            ("-- only a comment", []),
            ("# units; years", []),
            ("find \"a;b\"; units", [.init(text: "find \"a;b\"", offset: 0), .init(text: " units", offset: 11)]),
            ("find “a;b”；units", [.init(text: "find “a;b”", offset: 0), .init(text: "units", offset: 11)]),
            ("find 「#;」; find ‘--’", [.init(text: "find 「#;」", offset: 0), .init(text: " find ‘--’", offset: 10)]),
            ("find 'it''s;'; units", [.init(text: "find 'it''s;'", offset: 0), .init(text: " units", offset: 14)]),
            ("find 'open; units # x", [.init(text: "find 'open; units # x", offset: 0)]),
            ("三公；二公", [.init(text: "三公", offset: 0), .init(text: "二公", offset: 3)]),
            ("　;\t", []),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(StatementSplitter.split(input), expected, input)
        }
    }

    func testParseKeepsOffsetsRelativeToTheLine() throws {
        let results = Parser.parse(line: "compare 三公 2022 2023; breakdown 201")
        XCTAssertEqual(results.count, 2)
        let second = try results[1].get()
        XCTAssertEqual(second.span, sp(22, 35))
        XCTAssertEqual(second.statement,
                       .breakdown(target: .code(digits: "201", span: sp(32, 35)), year: nil, depth: nil,
                                  column: nil, fund: nil, unit: nil, level: nil, filter: nil))
    }
}
