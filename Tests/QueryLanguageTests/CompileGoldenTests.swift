import QueryLanguage
import TestSupport
import XCTest

/// Every statement form compiles to pinned SQL and parameters (`Goldens/compile/*.txt`).
final class CompileGoldenTests: XCTestCase {
    static let goldens = Goldens(besides: #filePath)

    static let statements: [(name: String, query: String)] = [
        ("summary", "summary"),
        ("summary-year-for", "summary 2023 for 区委办"),
        ("compare", "compare 三公 2022 2023"),
        ("compare-counts", "compare 公务用车保有量 2022 2023"),
        ("breakdown-class", "breakdown 201"),
        ("breakdown-depth", "breakdown 201 depth 2 in 2023"),
        ("breakdown-item", "breakdown 201.31.01"),
        ("breakdown-basic-fund", "breakdown 201 31 basic fund 一般公共预算"),
        ("breakdown-subject", "breakdown 支出"),
        ("breakdown-subject-depth", "breakdown 三公 depth 2"),
        ("trend-subject", "trend 三公 from 2020 to 2023"),
        ("trend-code", "trend 2013101"),
        ("execution-subject", "execution 本年支出合计 2023"),
        ("execution-code", "execution 201"),
        ("trend-budget", "trend 三公 with budget from 2017 to 2019"),
        ("top", "top 3 units by 基本支出 in 2023"),
        ("projects", "projects"),
        ("projects-where", "projects where adjusted < initial"),
        ("projects-arithmetic", "projects where executed < 0.9 * initial and not (rate >= 90%) order by executed desc limit 3"),
        ("projects-money-units", "projects where initial - adjusted > 4万 or executed / 2 <= 40000元 or name ~ '档案'"),
        ("indicators", "indicators of 春节慰问费 where score < weight"),
        ("indicators-text", "indicators where operator = '≤' and level1 ~ \"满意\""),
        ("codes", "codes"),
        ("codes-prefix", "codes 20131"),
        ("codes-like", "codes like 运行"),
        ("units", "units"),
        ("years", "years"),
        ("subjects", "subjects"),
        ("find-short", "find 慰问"),
        ("find-long", "find \"春节慰问费\" for 区委办"),
        ("find-long-all", "find \"春节慰问费\""),
        ("source-subject", "source 三公 2022"),
        ("source-code", "source 2013101"),
        ("breakdown-economic", "breakdown 302"),
        ("breakdown-classification", "breakdown 2"),
        ("breakdown-subject-by-class", "breakdown 支出 by 款"),
        ("compare-code", "compare 201 2022 2023"),
        ("compare-single", "compare 机关运行经费 2022 2023"),
        ("top-code", "top 5 units by 201"),
        ("summary-where", "summary where change < 0"),
        ("compare-where", "compare 三公 2022 2023 where change_pct <= -10% and unit ~ 办公室"),
        ("breakdown-where", "breakdown 201 where share > 10%"),
        ("top-where", "top 3 units by 基本支出 where amount > 100万"),
        ("trend-where", "trend 三公 where year >= 2022"),
        ("source-where", "source where derived"),
        ("source-printed-once", "source where printed_count = 1 and year = 2023 for 区委办"),
        ("compare-side-by-side", "compare 三公 2022 2023 for 区委办, 区委党史研究室"),
        ("breakdown-by-unit", "breakdown 201 by unit"),
        ("trend-by-unit", "trend 三公 from 2022 to 2023 by unit"),
        ("breakdown-budget", "breakdown 201 with budget"),
        ("indicators-quantities", "indicators where actual < target or target >= 90%"),
        ("summary-budget-year", "summary 预算 2023"),
        ("compare-budget-final", "compare 三公 预算 决算 2023"),
        ("compare-code-budget-final", "compare 201 预算2023 2023"),
        ("breakdown-budget-year", "breakdown 201 预算 2023 basic"),
        ("breakdown-subject-budget-year", "breakdown 三公 预算 2023"),
        ("trend-budget-alias", "trend 三公 预算"),
        ("top-budget-year", "top 3 units by 三公 预算 2023"),
        ("top-code-budget-year", "top 5 units by 201 in 2023预算"),
        ("source-budget-year", "source 三公 预算 2023"),
        ("source-budget-where", "source 预算 2023 where derived"),
        ("trend-budget-from", "trend 三公 from 预算 2017 to 2019"),
    ]

    func testEveryStatementFormCompilesToPinnedSQL() throws {
        let harness = try QueryHarness.seed()
        for (name, query) in Self.statements {
            let compiled = try harness.compile(query)
            let columns = compiled.shape.columns.map { "\($0.name):\($0.kind)" }.joined(separator: ", ")
            Self.goldens.assert("-- \(query)\n-- columns: \(columns)\n\(compiled.explanation)\n", named: "compile/\(name).txt")
        }
    }

    func testUserTextIsNeverInTheSQL() throws {
        let harness = try QueryHarness.seed()
        let hostile = "档案'); DROP TABLE fact; --"
        let compiled = try harness.compile("projects where name ~ \"\(hostile)\"")
        XCTAssertFalse(compiled.text.contains("DROP"))
        XCTAssertTrue(compiled.parameters.contains(.text(hostile)))
        XCTAssertEqual(try harness.rows("projects where name ~ \"\(hostile)\"").count, 0)
    }

    func testExplainPrintsTheSQLOfItsStatement() throws {
        let harness = try QueryHarness.seed()
        guard case .explain(let query) = try harness.prepare("explain compare 三公 2022 2023") else {
            return XCTFail("explain did not compile")
        }
        XCTAssertEqual(query, try harness.compile("compare 三公 2022 2023"))
        XCTAssertFalse(query.parameters.isEmpty)
        for index in query.parameters.indices {
            XCTAssertTrue(query.explanation.contains("-- ?\(index + 1) = "), "?\(index + 1) is listed")
        }
    }
}
