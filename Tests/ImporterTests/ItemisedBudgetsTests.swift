import Core
import XCTest
@testable import Importer

/// The itemised list of 一般公共预算财政拨款支出决算具体情况 read into per-项 facts: 年初预算
/// (`budget_initial`), 全年预算 (`budget`) and 决算 (`actual`), 一般公共预算财政拨款, each with
/// the line its number is printed on. Figures and lines are read from fixtures/disclosures.
final class ItemisedBudgetsTests: XCTestCase {
    /// (code, column) → (printed, line) of the text facts of 7-digit codes.
    private func itemFacts(_ file: String) throws -> [String: (String, Int)] {
        let result = try DocumentImporter.read(try ShanghaiFixture.text("fixtures/disclosures/" + file))
        var facts: [String: (String, Int)] = [:]
        for fact in result.document.facts where fact.provenance.kind == "text" && fact.code?.count == 7 {
            XCTAssertEqual(fact.fund, "general", "\(fact)")
            XCTAssertEqual(fact.year, 2024)
            XCTAssertNil(facts[fact.code! + " " + fact.column], "one fact per 项 and column: \(fact)")
            facts[fact.code! + " " + fact.column] = (fact.printed ?? "", fact.provenance.lineFrom)
        }
        return facts
    }

    private func assertFigures(_ facts: [String: (String, Int)], _ expected: [(String, String, String, Int)],
                               file: StaticString = #filePath, line: UInt = #line) {
        for (code, column, printed, printedLine) in expected {
            let fact = facts[code + " " + column]
            XCTAssertEqual(fact?.0, printed, "\(code) \(column)", file: file, line: line)
            XCTAssertEqual(fact?.1, printedLine, "\(code) \(column)", file: file, line: line)
        }
    }

    /// 财政局: eleven items, lines 492-527, named by 类/款/项; numbers broken across lines
    /// (161.62 on line 510 after 年初预算为 on 509; 80.38 on line 514 after 万 / 元 on 513-514).
    func testShanghaiItemsNamedByLevel() throws {
        let facts = try itemFacts("2024-shanghai-putuo-caizhengju.txt")
        assertFigures(facts, [
            ("2010601", "budget_initial", "1560.05", 493), ("2010601", "actual", "1511.89", 493),
            ("2010602", "budget_initial", "10.00", 496), ("2010602", "actual", "10.00", 496),
            ("2010607", "budget_initial", "135.90", 499), ("2010607", "actual", "135.25", 499),
            ("2010608", "budget_initial", "450.52", 502), ("2010608", "actual", "449.52", 503),
            ("2080501", "budget_initial", "85.55", 506), ("2080501", "actual", "84.65", 506),
            ("2080505", "budget_initial", "161.62", 510), ("2080505", "actual", "160.75", 510),
            ("2080506", "budget_initial", "80.81", 513), ("2080506", "actual", "80.38", 514),
            ("2080599", "budget_initial", "0.94", 517), ("2080599", "actual", "0.94", 518),
            ("2101101", "budget_initial", "62.29", 520), ("2101101", "actual", "60.99", 520),
            ("2210201", "budget_initial", "187.75", 523), ("2210201", "actual", "187.19", 523),
            ("2210203", "budget_initial", "258.50", 526), ("2210203", "actual", "258.50", 526),
        ])
        XCTAssertEqual(facts.keys.filter { $0.hasSuffix("budget_initial") }.count, 11)
        XCTAssertTrue(facts.keys.allSatisfy { !$0.hasSuffix(" budget") }, "财政局 states no 全年预算 per 项")
    }

    /// 规划和自然资源局, lines 499-575: item 12 names 住房保障支出（款） where the tables print
    /// 22102 住房改革支出; its 决算 289.59 (line 567) is the table's 2210201 (line 194), the
    /// only 221 项 of that amount. Item 6 breaks 行政单位 / 医疗（项） over lines 524-525.
    func testShanghaiItemsResolvedByTablesWhenNamesDiffer() throws {
        let facts = try itemFacts("2024-shanghai-putuo-guihuaziyuanju.txt")
        assertFigures(facts, [
            ("2080501", "budget_initial", "54.53", 501), ("2080502", "budget_initial", "28.11", 507),
            ("2080505", "budget_initial", "452.40", 511), ("2080505", "actual", "446.11", 512),
            ("2101101", "budget_initial", "42.73", 526), ("2101101", "actual", "40.35", 527),
            ("2101102", "budget_initial", "196.40", 536), ("2101102", "actual", "196.29", 537),
            ("2120101", "budget_initial", "1115.48", 541), ("2120101", "actual", "1092.80", 541),
            ("2120201", "budget_initial", "3110.14", 547), ("2120201", "actual", "2739.56", 548),
            ("2200150", "budget_initial", "4477.33", 553), ("2200199", "budget_initial", "45.00", 561),
            ("2210201", "budget_initial", "289.59", 566), ("2210201", "actual", "289.59", 567),
            ("2210203", "budget_initial", "171.49", 572), ("2210203", "actual", "171.49", 573),
        ])
        XCTAssertEqual(facts.keys.filter { $0.hasSuffix("budget_initial") }.count, 13)
    }

    /// 社会工作部 states 全年预算 (the adjusted budget) per 项, lines 396-440: column `budget`,
    /// never `budget_initial` (its 年初预算 is 0 overall, line 393).
    func testShanghaiAdjustedBudgetsAreNotInitialBudgets() throws {
        let facts = try itemFacts("2024-shanghai-putuo-shehuigongzuobu.txt")
        assertFigures(facts, [
            ("2013901", "budget", "52.00", 398), ("2013901", "actual", "51.32", 399),
            ("2013950", "budget", "17.68", 403), ("2013950", "actual", "11.31", 404),
            ("2013999", "budget", "202.24", 410), ("2013999", "actual", "202.24", 410),
            ("2080505", "budget", "9.00", 414), ("2080506", "budget", "5.74", 419),
            ("2101102", "budget", "2.29", 427), ("2101102", "actual", "0.49", 428),
            ("2210203", "budget", "11.72", 438), ("2210203", "actual", "11.72", 439),
        ])
        XCTAssertTrue(facts.keys.allSatisfy { !$0.hasSuffix("budget_initial") })
    }

    /// The seed (lines 82-102) prints each 项's 决算 and "完成预算100%" without naming the
    /// budget: no 年初预算 is written for it, and its 决算 facts are not doubled.
    func testSeedListStatesNoInitialBudget() throws {
        let result = try DocumentImporter.read(try ShanghaiFixture.text("fixtures/disclosures/000_aa60969cd7f058a1.txt"))
        let items = result.document.facts.filter { $0.code?.count == 7 && $0.provenance.kind == "text" }
        XCTAssertEqual(items.count, 13)
        XCTAssertTrue(items.allSatisfy { $0.column == "actual" })
        XCTAssertEqual(items.first { $0.code == "2013101" }?.printed, "402.23")
        XCTAssertEqual(items.first { $0.code == "2013101" }?.provenance.lineFrom, 83)
    }

    /// The Sichuan wording with codes printed and both figures stated: the code is the printed
    /// one, no table needed; a heading ends the list; an item whose code cannot be found writes nothing.
    func testCodedItemsWithBothFigures() {
        let lines = [
            "（三）一般公共预算财政拨款支出决算具体情况",
            "1.教育(205）普通教育(02）小学教育(03）：年初预算为120.5万元，支出决算为118.25",
            "万元，完成年初预算的98.13%。",
            "2.某某支出（类）无此款（款）无此项（项）。年初预算为9.00万元，支出决算为9.00万元。",
            "六、一般公共预算财政拨款基本支出决算情况说明",
            "3.教育(205）普通教育(02）初中教育(04）：年初预算为1万元，支出决算为1万元。",
        ]
        let items = ItemisedBudgets.read(lines, tables: ItemisedBudgets.TableRows([]))
        XCTAssertEqual(items.count, 1)
        XCTAssertEqual(items.first?.code, "2050203")
        XCTAssertEqual(items.first?.budget?.printed, "120.5")
        XCTAssertEqual(items.first?.budget?.line, 2)
        XCTAssertEqual(items.first?.actual?.printed, "118.25")
        XCTAssertEqual(items.first?.actual?.line, 2)
    }
}
