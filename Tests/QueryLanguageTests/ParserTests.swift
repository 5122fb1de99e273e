import Core
import XCTest
@testable import QueryLanguage

final class ParserTests: XCTestCase {
    func testSummary() {
        XCTAssertEqual(statement("summary"), .summary(year: nil, unit: nil, filter: nil))
        XCTAssertEqual(statement("summary 2023 for 区委办"), .summary(year: yr(2023, 8, 12), unit: nm("区委办", 17, 20), filter: nil))
        XCTAssertEqual(statement("SUMMARY for 安居区 委办 2023年"),
                       .summary(year: yr(2023, 19, 24), unit: nm("安居区 委办", 12, 18), filter: nil))
    }

    func testCompare() {
        XCTAssertEqual(statement("compare 三公 2022 2023"),
                       .compare(subject: .subject(nm("三公", 8, 10)), first: yr(2022, 11, 15), second: yr(2023, 16, 20), unit: nil, filter: nil))
        XCTAssertEqual(statement("compare 三公经费 2022年 2023 for 区委办"),
                       .compare(subject: .subject(nm("三公经费", 8, 12)), first: yr(2022, 13, 18), second: yr(2023, 19, 23),
                                unit: nm("区委办", 28, 31), filter: nil))
        XCTAssertEqual(statement("compare 因公出国（境）费 ２０２２ 2023"),
                       .compare(subject: .subject(nm("因公出国（境）费", 8, 16)), first: yr(2022, 17, 21), second: yr(2023, 22, 26), unit: nil, filter: nil))
        XCTAssertEqual(statement("compare 因公出国(境)费 2022 2023"),
                       .compare(subject: .subject(nm("因公出国(境)费", 8, 16)), first: yr(2022, 17, 21), second: yr(2023, 22, 26), unit: nil, filter: nil))
        XCTAssertEqual(statement("compare \"三公 经费\" 2022 2023"),
                       .compare(subject: .subject(nm("三公 经费", 8, 15, quoted: true)), first: yr(2022, 16, 20),
                                second: yr(2023, 21, 25), unit: nil, filter: nil))
        XCTAssertEqual(statement("compare general public services 2022 2023"),
                       .compare(subject: .subject(nm("general public services", 8, 31)), first: yr(2022, 32, 36),
                                second: yr(2023, 37, 41), unit: nil, filter: nil))
    }

    func testCodesInAllSpellings() {
        let cases: [(String, String, SourceSpan)] = [
            ("breakdown 201", "201", sp(10, 13)),
            ("breakdown 20131", "20131", sp(10, 15)),
            ("breakdown 2013101", "2013101", sp(10, 17)),
            ("breakdown 201 31", "20131", sp(10, 16)),
            ("breakdown 201 31 01", "2013101", sp(10, 19)),
            ("breakdown 201.31.01", "2013101", sp(10, 19)),
            ("breakdown ２０１ ３１ ０１", "2013101", sp(10, 19)),
        ]
        for (input, digits, span) in cases {
            XCTAssertEqual(statement(input),
                           .breakdown(target: .code(digits: digits, span: span), year: nil, depth: nil,
                                      column: nil, fund: nil, unit: nil, level: nil, filter: nil), input)
        }
    }

    func testBreakdown() {
        XCTAssertEqual(statement("breakdown 201 in 2023 depth 2 basic fund 一般公共预算 for 区委办"),
                       .breakdown(target: .code(digits: "201", span: sp(10, 13)), year: yr(2023, 17, 21),
                                  depth: ct(2, 28, 29), column: .basic, fund: nm("一般公共预算", 41, 47),
                                  unit: nm("区委办", 52, 55), level: nil, filter: nil))
        XCTAssertEqual(statement("breakdown basic"),
                       .breakdown(target: .subject(nm("basic", 10, 15)), year: nil, depth: nil, column: nil, fund: nil, unit: nil, level: nil, filter: nil))
        XCTAssertEqual(statement("breakdown 201 basic"),
                       .breakdown(target: .code(digits: "201", span: sp(10, 13)), year: nil, depth: nil,
                                  column: .basic, fund: nil, unit: nil, level: nil, filter: nil))
        XCTAssertEqual(statement("breakdown 一般公共服务支出 project depth 1"),
                       .breakdown(target: .subject(nm("一般公共服务支出", 10, 18)), year: nil, depth: ct(1, 33, 34),
                                  column: .project, fund: nil, unit: nil, level: nil, filter: nil))
    }

    func testTrend() {
        XCTAssertEqual(statement("trend 三公"), .trend(target: .subject(nm("三公", 6, 8)), from: nil, to: nil, unit: nil, filter: nil))
        XCTAssertEqual(statement("trend 2013101 from 2020 to 2023 for 区委办"),
                       .trend(target: .code(digits: "2013101", span: sp(6, 13)), from: yr(2020, 19, 23),
                              to: yr(2023, 27, 31), unit: nm("区委办", 36, 39), filter: nil))
        XCTAssertEqual(statement("trend 三公 to 2023 from 2020"),
                       .trend(target: .subject(nm("三公", 6, 8)), from: yr(2020, 22, 26), to: yr(2023, 12, 16), unit: nil, filter: nil))
    }

    func testTop() {
        XCTAssertEqual(statement("top 3 units by 三公 in 2023"),
                       .top(count: ct(3, 4, 5), subject: .subject(nm("三公", 15, 17)), year: yr(2023, 21, 25), filter: nil))
        XCTAssertEqual(statement("TOP 10 Units BY 本年支出合计"),
                       .top(count: ct(10, 4, 6), subject: .subject(nm("本年支出合计", 16, 22)), year: nil, filter: nil))
    }

    func testProjects() {
        XCTAssertEqual(statement("projects"), .projects(filter: nil, order: nil, limit: nil, unit: nil))
        XCTAssertEqual(statement("projects where adjusted < initial"),
                       .projects(filter: .comparison(.less, fld("adjusted", 15, 23), fld("initial", 26, 33), operatorSpan: sp(24, 25)),
                                 order: nil, limit: nil, unit: nil))
        XCTAssertEqual(statement("projects where executed < 0.9 * initial order by 执行数 desc limit 5 for 区委办"),
                       .projects(filter: .comparison(.less, fld("executed", 15, 23),
                                                     .binary(.multiply, num("0.9", 26, 29), fld("initial", 32, 39)),
                                                     operatorSpan: sp(24, 25)),
                                 order: Ordering(field: nm("执行数", 49, 52), descending: true),
                                 limit: ct(5, 64, 65), unit: nm("区委办", 70, 73)))
        XCTAssertEqual(statement("projects where 调整后预算 ＜ 年初预算"),
                       .projects(filter: .comparison(.less, fld("调整后预算", 15, 20), fld("年初预算", 23, 27), operatorSpan: sp(21, 22)),
                                 order: nil, limit: nil, unit: nil))
        XCTAssertEqual(statement("projects order by 调整后 预算 asc"),
                       .projects(filter: nil, order: Ordering(field: nm("调整后 预算", 18, 24), descending: false),
                                 limit: nil, unit: nil))
        XCTAssertEqual(statement("projects limit 3 order by name"),
                       .projects(filter: nil, order: Ordering(field: nm("name", 26, 30), descending: false),
                                 limit: ct(3, 15, 16), unit: nil))
    }

    func testIndicators() {
        XCTAssertEqual(statement("indicators"), .indicators(project: nil, filter: nil, unit: nil))
        XCTAssertEqual(statement("indicators of 党史研究 where score < weight for 区委办"),
                       .indicators(project: nm("党史研究", 14, 18),
                                   filter: .comparison(.less, fld("score", 25, 30), fld("weight", 33, 39), operatorSpan: sp(31, 32)),
                                   unit: nm("区委办", 44, 47)))
        XCTAssertEqual(statement("indicators of 5109042300000881"),
                       .indicators(project: nm("5109042300000881", 14, 30), filter: nil, unit: nil))
        XCTAssertEqual(statement("indicators of 51090423T000008810877"),
                       .indicators(project: nm("51090423T000008810877", 14, 35), filter: nil, unit: nil))
    }

    func testCatalogStatements() {
        XCTAssertEqual(statement("codes"), .codes(prefix: nil, like: nil))
        XCTAssertEqual(statement("codes 201 31"), .codes(prefix: .code(digits: "20131", span: sp(6, 12)), like: nil))
        XCTAssertEqual(statement("codes 201.31.01"), .codes(prefix: .code(digits: "2013101", span: sp(6, 15)), like: nil))
        XCTAssertEqual(statement("codes like 行政"), .codes(prefix: nil, like: nm("行政", 11, 13)))
        XCTAssertEqual(statement("codes like '行政 运行'"), .codes(prefix: nil, like: nm("行政 运行", 11, 18, quoted: true)))
        XCTAssertEqual(statement("units"), .units)
        XCTAssertEqual(statement("UNITS"), .units)
        XCTAssertEqual(statement("years"), .years)
        XCTAssertEqual(statement("subjects -- the catalog"), .subjects)
    }

    func testFind() {
        XCTAssertEqual(statement("find 慰问"), .find(text: nm("慰问", 5, 7), unit: nil))
        XCTAssertEqual(statement("find 慰问 档案 for 区委办"), .find(text: nm("慰问 档案", 5, 10), unit: nm("区委办", 15, 18)))
        XCTAssertEqual(statement("find \"for; #\""), .find(text: nm("for; #", 5, 13, quoted: true), unit: nil))
        XCTAssertEqual(statement("find 2023年 春节"), .find(text: nm("2023年 春节", 5, 13), unit: nil))
        XCTAssertEqual(statement("find for"), .find(text: nm("for", 5, 8), unit: nil))
    }

    func testSource() {
        XCTAssertEqual(statement("source 201 31 01 2023 for 区委办"),
                       .source(target: .code(digits: "2013101", span: sp(7, 16)), year: yr(2023, 17, 21), unit: nm("区委办", 26, 29), filter: nil))
        XCTAssertEqual(statement("source 三公经费 2022"),
                       .source(target: .subject(nm("三公经费", 7, 11)), year: yr(2022, 12, 16), unit: nil, filter: nil))
    }

    func testCheck() {
        XCTAssertEqual(statement("check"), .check(filter: nil, unit: nil))
        XCTAssertEqual(statement("check where severity = 'error' for 区委办"),
                       .check(filter: .comparison(.equal, fld("severity", 12, 20), .string("error", span: sp(23, 30)),
                                                  operatorSpan: sp(21, 22)),
                              unit: nm("区委办", 35, 38)))
    }

    func testExplainAndSQL() {
        XCTAssertEqual(statement("explain compare 三公 2022 2023"),
                       .explain(.compare(subject: .subject(nm("三公", 16, 18)), first: yr(2022, 19, 23), second: yr(2023, 24, 28), unit: nil, filter: nil),
                                span: sp(0, 7)))
        XCTAssertEqual(statement("explain sql SELECT 1"), .explain(.sql("SELECT 1", span: sp(12, 20)), span: sp(0, 7)))
        XCTAssertEqual(statement("sql SELECT name FROM units WHERE x = ';'"),
                       .sql("SELECT name FROM units WHERE x = ';'", span: sp(4, 40)))
        XCTAssertEqual(statement("sql   SELECT 1   -- comment"), .sql("SELECT 1", span: sp(6, 14)))
        XCTAssertEqual(statement("SQL select 1 ! 2 \"x"), .sql("select 1 ! 2 \"x", span: sp(4, 19)))
        XCTAssertEqual(try Parser.parse(line: "sql SELECT 1 # c").first?.get().span, sp(0, 12))
    }

    func testUse() {
        XCTAssertEqual(statement("use 2023"), .useYear(yr(2023, 4, 8)))
        XCTAssertEqual(statement("use 2023年"), .useYear(yr(2023, 4, 9)))
        XCTAssertEqual(statement("use all"), .useAll(span: sp(4, 7)))
        XCTAssertEqual(statement("use ALL"), .useAll(span: sp(4, 7)))
        XCTAssertEqual(statement("use 区委办"), .useUnit(nm("区委办", 4, 7)))
        XCTAssertEqual(statement("use 遂宁市 安居区"), .useUnit(nm("遂宁市 安居区", 4, 11)))
        XCTAssertEqual(statement("use \"all\""), .useUnit(nm("all", 4, 9, quoted: true)))
    }

    func testStatementSpanCoversItsText() throws {
        let results = Parser.parse(line: "  units ;  compare 三公 2022 2023  # c")
        XCTAssertEqual(try results.map { try $0.get().span }, [sp(2, 7), sp(11, 31)])
    }

    func testDump() throws {
        let parsed = try XCTUnwrap(Parser.parse(line: "explain projects where not (a < 1 or b ~ 'x') and -c * 2 >= 4万 order by name desc limit 5").first?.get())
        XCTAssertEqual(Parser.dump(parsed.statement), """
            explain [0..<7]
              projects
                filter:
                  and
                    not [23..<26]
                      or
                        comparison < [30..<31]
                          field a [28..<29]
                          number 1 [32..<33]
                        comparison ~ [39..<40]
                          field b [37..<38]
                          string "x" [41..<44]
                    comparison >= [57..<59]
                      *
                        negate [50..<52]
                          field c [51..<52]
                        number 2 [55..<56]
                      number 4 万 [60..<62]
                order: name [72..<76] desc
                limit: 5 [88..<89]
            """)
    }
}
