import Foundation
import XCTest

/// Budget figures where a year is accepted, on real budget imports: `breakdown 201 预算 YEAR`
/// on a Shanghai (元, exact to the 分) and a Jiangsu (万元) 部门预算, figures read from the
/// documents' lines; and a malformed form's message with its caret under Chinese text.
final class BudgetYearCommandTests: XCTestCase {
    private func database(_ budgets: [String]) throws -> String {
        let path = try DQProcess.temporaryDirectory(self).appendingPathComponent("budget-years.sqlite").path
        XCTAssertEqual(try DQProcess.run(["init", "--empty", "--db", path]).status, 0)
        if budgets.isEmpty { return path }
        let imported = try DQProcess.run(["import", "--db", path] + budgets.map(BudgetCommandTests.budget))
        XCTAssertEqual(imported.status, 0, imported.stderr)
        return path
    }

    private func csv(_ db: String, _ statement: String) throws -> (lines: [String], stderr: String) {
        let result = try DQProcess.run(["--db", db, "--format", "csv", "-c", statement])
        XCTAssertEqual(result.status, 0, result.stderr)
        return (result.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }, result.stderr)
    }

    /// 2025 上海市普陀区人民政府办公室 部门预算, 部门支出预算总表 (元), lines 179–187: 201 合计
    /// 82,096,797.42; 2010301 行政运行 12,029,501.84; 2010302 46,140,000.00; 2010350
    /// 3,807,295.58; 2010399 20,120,000.00 (基本支出 11,919,501.84 and 3,767,295.58).
    /// Its 单位预算 is imported too: the 部门 one is read.
    func testShanghaiBudgetBreakdownReadsTheBudgetDocument() throws {
        let db = try database(["2025-shanghai-putuo-quzhengfu-bangongshi-bumen-yusuan", "2025-shanghai-putuo-quzhengfu-bangongshi-danwei-yusuan"])
        let (lines, stderr) = try csv(db, "breakdown 201 预算 2025")
        XCTAssertEqual(lines.first, "unit,code,name,amount,share,level,is_total,derived,money_unit")
        let unit = "上海市普陀区人民政府办公室"
        XCTAssertEqual(Array(lines.dropFirst()), [
            "\(unit),2010301,行政运行,1202.950184,14.65,1,false,,万元",      // 12,029,501.84 / 82,096,797.42 = 14.653…%
            "\(unit),2010302,一般行政管理事务,4614.00,56.20,1,false,,万元",
            "\(unit),2010350,事业运行,380.729558,4.64,1,false,,万元",
            "\(unit),2010399,其他政府办公厅（室）及相关机构事务支出,2012.00,24.51,1,false,,万元",
            "\(unit),201,一般公共服务支出,8209.679742,100.00,1,true,,万元",
        ])
        XCTAssertEqual(stderr, "")
        // The budget's 基本支出 column (lines 182, 185), and nothing from it without 预算.
        let basic = try csv(db, "breakdown 201 预算 2025 basic").lines
        XCTAssertTrue(basic.contains("\(unit),2010301,行政运行,1191.950184,75.98,1,false,,万元"), basic.joined(separator: "\n"))
        XCTAssertTrue(basic.contains("\(unit),201,一般公共服务支出,1568.679742,100.00,1,true,,万元"), basic.joined(separator: "\n"))
        XCTAssertEqual(try csv(db, "breakdown 201 in 2025").lines.count, 1, "the final-account breakdown sees no budget")
        // `by unit` on budgets covers a unit with a budget and no 决算.
        let byUnit = try csv(db, "breakdown 201 预算 2025 by unit").lines
        XCTAssertEqual(byUnit.first, "code,name,u1_amount,u1_share,level,is_total,derived,money_unit")
        XCTAssertTrue(byUnit.contains("2010301,行政运行,1202.950184,14.65,1,false,,万元"), byUnit.joined(separator: "\n"))
    }

    /// 2018 江苏省人大常委会办公厅 部门预算 (万元): no 全部资金 table by code, so the widest fund
    /// it prints, 财政拨款支出预算表 (lines 295–324): 201 12,706.28; 2010101 6,372.32 … 2010199 580.00.
    func testJiangsuBudgetBreakdownAndTheYearWithoutBudget() throws {
        let db = try database(["2018-jiangsu-shengji-renda-bangongting-bumen-yusuan"])
        let (lines, _) = try csv(db, "breakdown 201 预算2018")
        let unit = "江苏省人大常委会办公厅"
        // The names as the table prints them (lines 308–324).
        let expected = [("2010101", "行政运行", "6372.32", "50.15"), ("2010102", "一般行政管理事务", "2340.35", "18.42"),
                        ("2010104", "人大会议", "1305.25", "10.27"), ("2010105", "人大立法", "810.00", "6.37"),
                        ("2010106", "人大监督", "418.75", "3.30"), ("2010107", "人大代表履职能力提升", "403.75", "3.18"),
                        ("2010108", "代表工作", "428.36", "3.37"), ("2010109", "人大信访工作", "47.50", "0.37"),
                        ("2010199", "其他人大事务支出", "580.00", "4.56")]
        for (code, name, amount, share) in expected {
            XCTAssertTrue(lines.contains("\(unit),\(code),\(name),\(amount),\(share),1,false,,万元"), "\(code)\n" + lines.joined(separator: "\n"))
        }
        XCTAssertTrue(lines.contains { $0.hasPrefix("\(unit),201,") && $0.contains(",12706.28,100.00,1,true,") }, lines.joined(separator: "\n"))
        // No 2019 budget loaded, and no 基本支出 column in this template: each said in a note.
        let missing = try csv(db, "breakdown 201 预算 2019")
        XCTAssertEqual(missing.lines.count, 1)
        XCTAssertEqual(missing.stderr, "注：「\(unit)」没有 2019 年的预算文件（部门预算或单位预算）\n")
        XCTAssertEqual(try csv(db, "breakdown 201 预算 2018 basic").stderr, "注：「\(unit)」的 2018 年预算没有「201 一般公共服务支出」的数值\n")
    }

    /// A kind after its year, and two kinds without a year: the message and the caret under
    /// the Chinese text (each CJK character two columns wide).
    func testMalformedFormsPointAtTheWord() throws {
        let db = try database([])
        let after = try DQProcess.run(["--db", db, "-c", "summary 2025 预算"])
        XCTAssertNotEqual(after.status, 0)
        XCTAssertTrue(after.stderr.contains("""
            error[Q101]: 应为「for」、「by」、「where」或语句结束，实际为「预算」
              summary 2025 预算
                           ^^^^
              提示：预算、决算写在年份之前（如「预算 2025」），或与年份连写（如「2025预算」）
            """), after.stderr)
        let noYear = try DQProcess.run(["--db", db, "-c", "compare 三公 预算 决算"])
        XCTAssertTrue(noYear.stderr.contains("""
            error[Q103]: 缺少「预算 决算」之后的年份
              compare 三公 预算 决算
                                    ^
            """), noYear.stderr)
    }
}
