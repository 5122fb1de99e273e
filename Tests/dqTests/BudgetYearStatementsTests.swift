import Foundation
import TestSupport
import XCTest

/// Budget years in `top`, `source` and `use` on real budget imports, figures read from the
/// documents' lines:
///
/// - 2018 江苏 部门预算 (万元), the 三公 table's 小计: 江苏省高级人民法院 620.75 (line 431),
///   江苏省人大常委会办公厅 833.60 (line 539), 中共江苏省委办公厅 508.20 (表格 part, line 351);
///   201 一般公共服务支出: 人大 12,706.28 (line 304), 省委办公厅 20,153.75 (表格 part, line 149);
///   the 法院 budget prints no 201.
/// - 2025 上海市普陀区 部门预算 (元), 支出预算总表 201: 区政府办公室 82,096,797.42 (line 179;
///   its 单位预算 is imported too), 商务委 21,601,733.00 (line 204); 商务委 三公 1.00 万元 in
///   the 部门预算's table (line 369) and text (line 373), the 单位预算's (lines 368, 372).
final class BudgetYearStatementsTests: XCTestCase {
    static let goldens = Goldens(besides: #filePath)

    static let jiangsu2018 = ["2018-jiangsu-shengji-gaojifayuan-bumen-yusuan", "2018-jiangsu-shengji-renda-bangongting-bumen-yusuan",
                              "2018-jiangsu-shengji-shengwei-bangongting-bumen-yusuan-biaoge",
                              "2018-jiangsu-shengji-shengwei-bangongting-bumen-yusuan-wenjian"]
    static let shanghai2025 = ["2025-shanghai-putuo-quzhengfu-bangongshi-bumen-yusuan", "2025-shanghai-putuo-quzhengfu-bangongshi-danwei-yusuan",
                               "2025-shanghai-putuo-shangwuwei-bumen-yusuan", "2025-shanghai-putuo-shangwuwei-danwei-yusuan"]

    private func database(_ budgets: [String]) throws -> String {
        let path = try DQProcess.temporaryDirectory(self).appendingPathComponent("budget-statements.sqlite").path
        XCTAssertEqual(try DQProcess.run(["init", "--empty", "--db", path]).status, 0)
        let imported = try DQProcess.run(["import", "--db", path] + budgets.map(BudgetCommandTests.budget))
        XCTAssertEqual(imported.status, 0, imported.stderr)
        return path
    }

    private func csv(_ db: String, _ statement: String, unit: String = "万元") throws -> (lines: [String], stderr: String) {
        let result = try DQProcess.run(["--db", db, "--format", "csv", "--unit", unit, "-c", statement])
        XCTAssertEqual(result.status, 0, result.stderr)
        return (result.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }, result.stderr)
    }

    private static let court = "江苏省高级人民法院", congress = "江苏省人大常委会办公厅", party = "中共江苏省委办公厅"

    func testTopRanksUnitsByTheirBudgetDocuments() throws {
        let db = try database(Self.jiangsu2018)
        let expected = [
            "rank,unit,amount,share,is_total,derived,money_unit",
            "1,\(Self.congress),833.60,42.48,false,,万元",        // 833.60 / 1,962.55 = 42.475…%
            "2,\(Self.court),620.75,31.63,false,,万元",
            "3,\(Self.party),508.20,25.89,false,,万元",
            ",合计（不重复计算二级单位）,1962.55,,true,,万元",
        ]
        for statement in ["top 3 units by 三公 预算 2018", "top 3 units by 三公 in 2018预算", "top 3 units by 三公 in budget 2018"] {
            let (lines, stderr) = try csv(db, statement)
            XCTAssertEqual(lines, expected, statement)
            XCTAssertEqual(stderr, "", statement)
        }
        // A code: the widest fund each budget prints it in; the court's budget has no 201.
        let (code, notes) = try csv(db, "top 3 units by 201 预算 2018")
        XCTAssertEqual(Array(code.dropFirst()), ["1,\(Self.party),20153.75,61.33,false,,万元", "2,\(Self.congress),12706.28,38.67,false,,万元",
                                                 ",合计（不重复计算二级单位）,32860.03,,true,,万元"])
        XCTAssertEqual(notes, "注：「\(Self.court)」的 2018 年预算没有「201 一般公共服务支出」的数值\n")
        // Years without a budget, each unit said; the final-account ranking sees no budget.
        XCTAssertEqual(try csv(db, "top 3 units by 三公 预算 2019").stderr.split(separator: "\n").map(String.init),
                       [Self.party, Self.congress, Self.court].map { "注：「\($0)」没有 2019 年的预算文件（部门预算或单位预算）" })
        XCTAssertEqual(try csv(db, "top 3 units by 三公 预算 2017").stderr.split(separator: "\n").first,
                       "注：「\(Self.party)」没有 2017 年的预算，其 2018 年预算也未列出「三公经费」的上年数值")
        let final = try csv(db, "top 3 units by 三公 in 2018")
        XCTAssertEqual(final.lines.count, 1, final.lines.joined(separator: "\n"))
        XCTAssertEqual(final.stderr, "注：范围内没有单位\n")
    }

    func testTopOfAYuanBudgetIsExactToTheFen() throws {
        let db = try database(Self.shanghai2025)
        let (lines, _) = try csv(db, "top 2 units by 201 预算 2025", unit: "元")
        XCTAssertEqual(lines, ["rank,unit,amount,share,is_total,derived,money_unit",
                               "1,上海市普陀区人民政府办公室,82096797.42,79.17,false,,元",     // 82,096,797.42 / 103,698,530.42 = 79.168…%
                               "2,上海市普陀区商务委员会,21601733.00,20.83,false,,元",
                               ",合计（不重复计算二级单位）,103698530.42,,true,,元"])
    }

    /// Every occurrence in the budget documents: which document (部门 before 单位), which
    /// table, which line, and the one budget queries read marked 采用.
    func testSourceShowsWhereTheBudgetFigureWasPrinted() throws {
        let db = try database(Self.shanghai2025)
        let (lines, stderr) = try csv(db, "source 三公 预算 2025 for 商务委")
        let prefix = "上海市普陀区商务委员会,2025"
        XCTAssertEqual(lines, [
            "unit,disclosure_year,document,year,column,fund,value,printed,printed_unit,source_kind,table,lines,selected,derivation,derived,money_unit",
            "\(prefix),部门预算,2025,预算数,财政拨款,1.00,1.00,万元,table,“三公”经费和机关运行经费预算表,369,采用,,,万元",
            "\(prefix),部门预算,2025,预算数,财政拨款,1.00,1.00,万元,text,,373,,,,万元",
            "\(prefix),单位预算,2025,预算数,财政拨款,1.00,1.00,万元,table,“三公”经费和机关运行经费预算表,368,,,,万元",
            "\(prefix),单位预算,2025,预算数,财政拨款,1.00,1.00,万元,text,,372,,,,万元",
        ])
        XCTAssertEqual(stderr, "")
        // The 元 figure as printed, in its table and line.
        let code = try csv(db, "source 201 预算2025 for 商务委").lines
        XCTAssertTrue(code.contains("\(prefix),部门预算,2025,预算数,全部资金,2160.1733,\"21,601,733.00\",元,table,支出预算总表,204,,,,万元"),
                      code.joined(separator: "\n"))
        // Without 预算 the final accounts are read: none here, and the note says where to look.
        let final = try csv(db, "source 三公 for 商务委")
        XCTAssertEqual(final.lines.count, 1)
        XCTAssertEqual(final.stderr, "注：「上海市普陀区商务委员会」没有载入决算；预算文件中的出处请在年份前注明预算（source 主题 预算 年份）\n")
    }

    /// `use 预算 YEAR`: statements that state no year read that year's budgets; a year stated
    /// without a kind is a final-account year; `use all` forgets both.
    func testUseBudgetYearIsTheSessionDefault() throws {
        let db = try database(Self.jiangsu2018)
        let script = """
            .mode csv
            use 预算 2018
            .show
            top 1 units by 三公
            summary for 人大
            source 三公 for 人大
            top 1 units by 三公 in 2018
            summary by unit
            use all
            .show
            """
        let result = try DQProcess.run(["--db", db, "-f", "-"], stdin: script + "\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.components(separatedBy: .newlines).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\r")) }
        XCTAssertTrue(lines.contains("默认年份  预算 2018"), result.stdout)
        XCTAssertEqual(lines.filter { $0.hasPrefix("1,") }, ["1,\(Self.congress),833.60,42.48,false,,万元"], result.stdout)
        XCTAssertTrue(lines.contains("\(Self.congress),三公经费,,833.60,,,,万元"), result.stdout)
        XCTAssertTrue(lines.contains("\(Self.congress),2018,部门预算,2018,预算数,财政拨款,833.60,833.60,万元,table,“三公”经费、会议费、培训费支出预算表,539,采用,,,万元"),
                      result.stdout)
        // Side by side, the units with budgets are the columns, as for `summary 预算 2018 by unit`.
        XCTAssertTrue(lines.contains { $0.hasPrefix("item,u1_budget_2017,u1_budget_2018,u1_change,u1_change_pct,u2_budget_2017,") }, result.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("三公经费,") && $0.contains(",833.60,") && $0.contains(",620.75,") }, result.stdout)
        XCTAssertTrue(lines.contains("默认年份  （未设定）"), result.stdout)
        // `in 2018` reads the (absent) final accounts; every budget has every summary figure.
        XCTAssertEqual(result.stderr.split(separator: "\n").map(String.init), ["注：范围内没有单位"])
    }

    /// `from 预算 Y1 to Y2` is the budget trend: the court's 三公 小计 670.12 in its 2017 budget
    /// (line 499) and 620.75 in 2018's (line 431).
    func testTrendYearsQualifiedByTheBudget() throws {
        let db = try database(["2017-jiangsu-shengji-gaojifayuan-bumen-yusuan", "2018-jiangsu-shengji-gaojifayuan-bumen-yusuan"])
        let expected = ["unit,year,amount,change,change_pct,money_unit",
                        "\(Self.court),2017,670.12,,,万元",
                        "\(Self.court),2018,620.75,-49.37,-7.37,万元"]      // −49.37 / 670.12 = −7.367…%
        for statement in ["trend 三公 from 预算 2017 to 2018", "trend 三公 预算 from 2017 to budget 2018", "trend 三公 from 2017预算 to 2018"] {
            XCTAssertEqual(try csv(db, statement).lines, expected, statement)
        }
        // A range of one year still compares with the budget before it.
        XCTAssertEqual(try csv(db, "trend 三公 from 预算 2018 to 2018").lines, [expected[0], expected[2]])
        let mixed = try DQProcess.run(["--db", db, "-c", "trend 三公 from 预算 2017 to 决算 2018"])
        XCTAssertEqual(mixed.status, 1)
        XCTAssertTrue(mixed.stderr.contains("""
            error[Q101]: 「决算 2018」与前面的「预算 2017」不是同一种文件：此语句只读一种文件
              trend 三公 from 预算 2017 to 决算 2018
                                           ^^^^^^^^^
            """), mixed.stderr)
    }

    /// `check` under a budget `use` year audits that year's budget documents of every unit
    /// that has one (without it, a database of budgets alone has no final account to check).
    func testCheckUnderABudgetYear() throws {
        let db = try database(Self.jiangsu2018)
        let checked = try DQProcess.run(["--db", db, "--format", "csv", "-c", "use 预算 2018; check"])
        XCTAssertEqual(checked.status, 0, checked.stderr)
        XCTAssertTrue(checked.stderr.contains("（3 份预算）"), checked.stderr)   // the 表格 and 文件 parts are one disclosure
        // The 人大 budget's real errors: its 单位预留机动经费 growth (lines 723–724) and share (line 748).
        let rules = checked.stdout.components(separatedBy: "\r\n").filter { $0.contains(",error,") }.map { $0.split(separator: ",").prefix(3).joined(separator: ",") }
        XCTAssertEqual(rules, ["\(Self.congress)（2018年部门预算）,error,D12.budget-growth", "\(Self.congress)（2018年部门预算）,error,D2.share"],
                       checked.stdout)
        let none = try DQProcess.run(["--db", db, "-c", "use 预算 2019; check"])
        XCTAssertTrue((none.stdout + none.stderr).contains("范围内没有已载入的决算或预算，未作核对。"), none.stdout + none.stderr)
        // With budgets alone loaded, a plain `check` audits them all and finds the same errors.
        let plain = try DQProcess.run(["--db", db, "--format", "csv", "-c", "check"])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertTrue(plain.stderr.contains("（3 份预算）"), plain.stderr)
        XCTAssertEqual(plain.stdout, checked.stdout)
    }

    /// The new shapes in the table and a machine format, and their notes.
    func testBudgetTopAndSourceGoldens() throws {
        let db = try database(Self.jiangsu2018 + Self.shanghai2025)
        let queries = [("top-budget-year", "top 5 units by 三公 预算 2018"), ("source-budget-year", "source 三公 预算 2025")]
        for (name, query) in queries {
            for format in ["table", "csv"] {
                let result = try DQProcess.run(["--db", db, "--format", format, "-c", query])
                XCTAssertEqual(result.status, 0, result.stderr)
                Self.goldens.assert(result.stdout, named: "language/\(name).\(format).txt")
                Self.goldens.assert(result.stderr, named: "language/\(name).stderr.txt")
            }
        }
    }
}
