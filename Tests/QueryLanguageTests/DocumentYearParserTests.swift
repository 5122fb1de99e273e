import Core
import XCTest
@testable import QueryLanguage

/// Years qualified by their document: `预算 2025`, `预算2025`, `2025预算` (and `budget`,
/// `决算`, `final`); `compare` also takes two kinds of one year. The old forms keep their meaning.
final class DocumentYearParserTests: XCTestCase {
    private func kindYear(_ value: Int, _ start: Int, _ end: Int, _ kind: DocumentKind) -> YearLiteral {
        YearLiteral(value: value, span: sp(start, end), kind: kind)
    }

    func testCompareTwoKindsOfOneYear() {
        // c o m p a r e _ 三 公 _ 预 算 _ 决 算 _ 2 0 2 4: 预算 at 11, 决算 at 14, the year at 17..<21.
        XCTAssertEqual(statement("compare 三公 预算 决算 2024"),
                       .compare(subject: .subject(nm("三公", 8, 10)), first: kindYear(2024, 11, 21, .budget),
                                second: kindYear(2024, 14, 21, .final), unit: nil, filter: nil))
        XCTAssertEqual(statement("compare 三公 budget FINAL 2024 for 区委办"),
                       .compare(subject: .subject(nm("三公", 8, 10)), first: kindYear(2024, 11, 28, .budget),
                                second: kindYear(2024, 18, 28, .final), unit: nm("区委办", 33, 36), filter: nil))
    }

    func testKindBeforeOrWrittenWithTheYear() {
        XCTAssertEqual(statement("compare 三公 2024预算 2024决算"),
                       .compare(subject: .subject(nm("三公", 8, 10)), first: kindYear(2024, 11, 17, .budget),
                                second: kindYear(2024, 18, 24, .final), unit: nil, filter: nil))
        XCTAssertEqual(statement("compare 201 预算2024 2024"),
                       .compare(subject: .code(digits: "201", span: sp(8, 11)), first: kindYear(2024, 12, 18, .budget),
                                second: yr(2024, 19, 23), unit: nil, filter: nil))
        XCTAssertEqual(statement("compare 一般公共服务支出 预算 2023 2025年预算"),
                       .compare(subject: .subject(nm("一般公共服务支出", 8, 16)), first: kindYear(2023, 17, 24, .budget),
                                second: kindYear(2025, 25, 32, .budget), unit: nil, filter: nil))
        // A year without a kind is the final account's, as before.
        XCTAssertEqual(statement("compare 三公 2022 2023"),
                       .compare(subject: .subject(nm("三公", 8, 10)), first: yr(2022, 11, 15), second: yr(2023, 16, 20), unit: nil, filter: nil))
    }

    func testBreakdownAndSummaryOfABudget() {
        XCTAssertEqual(statement("breakdown 201 预算 2025"),
                       .breakdown(target: .code(digits: "201", span: sp(10, 13)), year: kindYear(2025, 14, 21, .budget), depth: nil,
                                  column: nil, fund: nil, unit: nil, level: nil, filter: nil))
        XCTAssertEqual(statement("breakdown 201 in 预算2025 basic"),
                       .breakdown(target: .code(digits: "201", span: sp(10, 13)), year: kindYear(2025, 17, 23, .budget), depth: nil,
                                  column: .basic, fund: nil, unit: nil, level: nil, filter: nil))
        XCTAssertEqual(statement("summary 预算 2025 for 区委办"),
                       .summary(year: kindYear(2025, 8, 15, .budget), unit: nm("区委办", 20, 23), filter: nil))
        // `in` and a qualified year are one clause.
        XCTAssertEqual(diagnostic("breakdown 201 in 2024 预算 2025")?.code, "Q108")
    }

    func testTrendOfBudgetsIsWithBudget() {
        XCTAssertEqual(statement("trend 三公 预算"), statement("trend 三公 with budget"))
        XCTAssertEqual(statement("trend 三公 预算 for 区委办"), .trendBudget(target: .subject(nm("三公", 6, 8)), from: nil, to: nil,
                                                                        unit: nm("区委办", 16, 19)))
        XCTAssertEqual(statement("trend 三公 决算"), statement("trend 三公"))
    }

    func testDumpNamesTheKind() throws {
        let dump = Parser.dump(try XCTUnwrap(statement("compare 三公 预算 决算 2024")))
        XCTAssertTrue(dump.contains("first: 预算 2024 [11..<21]"), dump)
        XCTAssertTrue(dump.contains("second: 决算 2024 [14..<21]"), dump)
    }
}
