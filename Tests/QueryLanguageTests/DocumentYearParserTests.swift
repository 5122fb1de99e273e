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

    func testTopSourceAndUseTakeAKind() {
        // t o p _ 3 _ u n i t s _ b y _ 三 公 _ 预 算 _ 2 0 2 4: 三公 at 15..<17, 预算 2024 at 18..<25.
        XCTAssertEqual(statement("top 3 units by 三公 预算 2024"),
                       .top(count: ct(3, 4, 5), subject: .subject(nm("三公", 15, 17)), year: kindYear(2024, 18, 25, .budget), filter: nil))
        XCTAssertEqual(statement("top 3 units by 三公 in budget 2024"),
                       .top(count: ct(3, 4, 5), subject: .subject(nm("三公", 15, 17)), year: kindYear(2024, 21, 32, .budget), filter: nil))
        XCTAssertEqual(statement("top 3 units by 三公 in 2024"),
                       .top(count: ct(3, 4, 5), subject: .subject(nm("三公", 15, 17)), year: yr(2024, 21, 25), filter: nil))
        XCTAssertEqual(statement("source 三公 2024预算 for 区委办"),
                       .source(target: .subject(nm("三公", 7, 9)), year: kindYear(2024, 10, 16, .budget), unit: nm("区委办", 21, 24), filter: nil))
        XCTAssertEqual(statement("source 决算 2024 where derived")?.sourceYear, kindYear(2024, 7, 14, .final))
        XCTAssertEqual(statement("use 预算 2024"), .useYear(kindYear(2024, 4, 11, .budget)))
        XCTAssertEqual(statement("use 2024年预算"), .useYear(kindYear(2024, 4, 11, .budget)))
        XCTAssertEqual(statement("use 2024"), .useYear(yr(2024, 4, 8)))
    }

    func testTrendYearsTakeOneKind() {
        // t r e n d _ 三 公 _ f r o m _ 预 算 _ 2 0 2 2 _ t o _ 2 0 2 4: 预算 2022 at 14..<21, 2024 at 25..<29.
        XCTAssertEqual(statement("trend 三公 from 预算 2022 to 2024"),
                       .trendBudget(target: .subject(nm("三公", 6, 8)), from: kindYear(2022, 14, 21, .budget), to: yr(2024, 25, 29), unit: nil))
        XCTAssertEqual(statement("trend 三公 from 决算 2022 to 2024"),
                       .trend(target: .subject(nm("三公", 6, 8)), from: kindYear(2022, 14, 21, .final), to: yr(2024, 25, 29), unit: nil, filter: nil))
        XCTAssertNotNil(statement("trend 三公 预算 from 2022 to budget 2024"))
        XCTAssertEqual(diagnostic("trend 三公 预算 from 决算 2022 to 2024")?.code, "Q101")
        XCTAssertEqual(diagnostic("trend 三公 with budget from 2022 to final 2024")?.span, sp(34, 44))
    }

    func testExecutionRefusesAKind() {
        let refused = diagnostic("execution 三公 预算 2024")
        XCTAssertEqual(refused?.code, "Q101")
        XCTAssertEqual(refused?.span, sp(13, 15))
        XCTAssertEqual(refused?.hints, [StatementParser.executionKindHint])
    }

    func testDumpNamesTheKind() throws {
        let dump = Parser.dump(try XCTUnwrap(statement("compare 三公 预算 决算 2024")))
        XCTAssertTrue(dump.contains("first: 预算 2024 [11..<21]"), dump)
        XCTAssertTrue(dump.contains("second: 决算 2024 [14..<21]"), dump)
    }
}

private extension Statement {
    /// The year of a `source` statement.
    var sourceYear: YearLiteral? {
        if case .source(_, let year, _, _) = self { return year }
        return nil
    }
}
