import QueryLanguage
import XCTest

/// Statements spanning lines: where a line ends inside a statement, and what is joined.
final class StatementAccumulatorTests: XCTestCase {
    private func logical(_ lines: [String]) -> [String] {
        var accumulator = StatementAccumulator()
        var result: [String] = []
        for (index, line) in lines.enumerated() {
            if let statement = accumulator.add(line, number: index + 1) { result.append("\(statement.startLine): \(statement.text)") }
        }
        if let open = accumulator.flush() { result.append("\(open.startLine)…: \(open.text)") }
        return result
    }

    func testALineEndingInsideAStatementContinues() {
        XCTAssertEqual(logical(["compare 三公 2022 2023 where", "change > 0"]), ["1: compare 三公 2022 2023 where change > 0"])
        XCTAssertEqual(logical(["projects where (executed <", "0.9 * initial", ")"]),
                       ["1: projects where (executed < 0.9 * initial )"])
        XCTAssertEqual(logical(["breakdown 201 \\", "  for 区委办"]), ["1: breakdown 201    for 区委办"])
        XCTAssertEqual(logical(["top 3 units by", "三公 in 2023", "units"]), ["1: top 3 units by 三公 in 2023", "3: units"])
        XCTAssertEqual(logical(["breakdown 2 where share > 10% and -- 大类", "code != '2'"]),
                       ["1: breakdown 2 where share > 10% and code != '2'"])
        XCTAssertEqual(logical(["summary 2023; compare", "三公 2022 2023"]), ["1: summary 2023; compare 三公 2022 2023"])
    }

    func testCompleteLinesAndMetaCommandsDoNotContinue() {
        XCTAssertEqual(logical(["summary", "units"]), ["1: summary", "2: units"])
        XCTAssertEqual(logical([".read x where", "units"]), ["1: .read x where", "2: units"])
        XCTAssertEqual(logical(["find 'and'", "years"]), ["1: find 'and'", "2: years"])
        XCTAssertEqual(logical(["summary -- and", "years"]), ["1: summary -- and", "2: years"])
        XCTAssertEqual(logical(["summary;", "years"]), ["1: summary;", "2: years"])
    }

    func testAnOpenStatementAtTheEndIsRunAsItStands() {
        XCTAssertEqual(logical(["units", "compare 三公 2022 2023 for"]), ["1: units", "2…: compare 三公 2022 2023 for"])
        var accumulator = StatementAccumulator()
        XCTAssertNil(accumulator.add("projects where", number: 1))
        XCTAssertTrue(accumulator.isContinuing)
        accumulator.reset()
        XCTAssertFalse(accumulator.isContinuing)
        XCTAssertEqual(accumulator.add("units", number: 2)?.text, "units")
    }
}
