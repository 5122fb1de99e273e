import Core
import QueryLanguage
import Store
import XCTest

/// Budget figures where a year is accepted, on the seed's 2023 部门决算 beside a 2023 部门预算
/// and 单位预算 of the same unit written as ExecutionTests does (no real budget of the seed
/// unit exists; the 单位预算 carries other figures to show the 部门 one is read). The 决算's
/// 三公 (seed lines 119–133): 因公出国（境）费 0, 公务用车购置及运行维护费 12.52 (购置 0, 运行维护
/// 12.52), 公务接待费 0, total 12.52 (line 115).
final class BudgetYearTests: XCTestCase {
    private static func budget(scope: String, sha: String, _ figures: [(String, String, Int64)]) -> ImportedDocument {
        var document = ImportedDocument(
            unit: ImportedUnit(name: "中国共产党遂宁市安居区委员会办公室", region: "四川省遂宁市安居区"), year: 2023, kind: "预算",
            scope: scope, template: "shanghai_budget", title: "2023年\(scope)预算", sourceFile: "\(scope).txt",
            sha256: String(repeating: sha, count: 64), lineCount: 40)
        document.facts = figures.enumerated().map { index, figure in
            ImportedFact(measureID: figure.0, fund: figure.1, column: "budget", year: 2023, amountFen: figure.2,
                         printed: "x", printedUnit: "万元", provenance: Provenance("table", 10 + index))
        }
        return document
    }

    static func pair() throws -> QueryHarness {
        let connections = try Connections.memory()
        let department = budget(scope: "部门", sha: "d", [
            ("sangong", "fiscal", 16_000_000), ("sangong_abroad", "fiscal", 0), ("sangong_vehicle", "fiscal", 15_000_000),
            ("sangong_reception", "fiscal", 1_000_000), ("expenditure_total", "all", 900_000_000),
        ])
        let unitBudget = budget(scope: "单位", sha: "e", [
            ("sangong", "fiscal", 99_000_000), ("sangong_abroad", "fiscal", 33_000_000), ("sangong_vehicle", "fiscal", 33_000_000),
            ("sangong_reception", "fiscal", 33_000_000), ("expenditure_total", "all", 1),
        ])
        _ = try DocumentWriter.write(unitBudget, into: connections.writer)
        _ = try DocumentWriter.write(department, into: connections.writer)
        return QueryHarness(connections)
    }

    private func row(_ rows: [ResultRow], _ item: String) throws -> ResultRow {
        try XCTUnwrap(rows.first { $0.text(0) == item && !$0.isTotal }, item)
    }

    func testCompareTheBudgetWithTheFinalAccountOfOneYear() throws {
        let harness = try Self.pair()
        let query = try harness.compile("compare 三公 预算 决算 2023")
        XCTAssertEqual(query.shape.columns.map(\.name), ["item", "budget_2023", "value_2023", "change", "change_pct"])
        XCTAssertEqual(query.shape.columns.map(\.title), ["项目", "2023年预算", "2023年决算", "变动", "变动率"])
        let rows = try harness.rows("compare 三公 预算 决算 2023")
        let vehicle = try row(rows, "公务用车购置及运行维护费")
        XCTAssertEqual(vehicle.cells[1], .integer(15_000_000))       // the 部门预算, not the 单位预算's 33.00
        XCTAssertEqual(vehicle.cells[2], .integer(12_520_000))       // 12.52 (line 126)
        XCTAssertEqual(vehicle.cells[3], .integer(-2_480_000))
        XCTAssertEqual(vehicle.cells[4], .integer(-1_653))           // −2.48 / 15.00 = −16.533…% → −16.53%
        let reception = try row(rows, "公务接待费")
        XCTAssertEqual([reception.cells[1], reception.cells[2], reception.cells[4]], [.integer(1_000_000), .integer(0), .integer(-10_000)])
        let abroad = try row(rows, "因公出国（境）费")
        XCTAssertEqual([abroad.cells[1], abroad.cells[2], abroad.cells[4]], [.integer(0), .integer(0), .null])
        let total = try XCTUnwrap(rows.first(where: \.isTotal))
        XCTAssertEqual([total.cells[1], total.cells[2], total.cells[3], total.cells[4]],
                       [.integer(16_000_000), .integer(12_520_000), .integer(-3_480_000), .integer(-2_175)])   // −3.48 / 16.00 = −21.75%
        // The same pair written with the kind joined to each year, in the other order.
        let reversed = try harness.rows("compare 三公 2023决算 2023预算")
        XCTAssertEqual(try row(reversed, "公务用车购置及运行维护费").cells[3], .integer(2_480_000))
        // A budget year nobody loaded: said, not silent (the 2023 budget states no 2022 figure).
        XCTAssertEqual(try harness.notes("compare 三公 预算 2022 预算 2023"),
                       ["「中国共产党遂宁市安居区委员会办公室」没有 2022 年的预算，其 2023 年预算也未列出「三公经费」的上年数值"])
        XCTAssertEqual(try harness.notes("compare 三公 预算 2021 预算 2023"),
                       ["「中国共产党遂宁市安居区委员会办公室」没有 2021 年的预算文件（部门预算或单位预算）"])
    }

    func testSummaryOfABudgetNamesWhatItLacks() throws {
        let harness = try Self.pair()
        let rows = try harness.rows("summary 预算 2023")
        let spending = try XCTUnwrap(rows.first { $0.text(0) == "本年支出合计" })
        XCTAssertEqual(spending.cells[2], .integer(900_000_000))
        XCTAssertEqual(spending.cells[1], .null, "no 2022 budget: blank, not 0")
        XCTAssertEqual(try harness.notes("summary 预算 2023"),
                       ["「中国共产党遂宁市安居区委员会办公室」的 2023 年预算没有以下数值：收支总计、本年收入合计、基本支出、项目支出、财政拨款支出、一般公共预算财政拨款支出、机关运行经费"])
        // The final-account summary is unchanged by the budgets.
        XCTAssertEqual(try harness.rows("summary 2023"), try QueryHarness.seed().rows("summary 2023"))
        XCTAssertEqual(try QueryHarness.seed().notes("summary 预算 2023"),
                       ["「中国共产党遂宁市安居区委员会办公室」没有 2023 年的预算文件（部门预算或单位预算）"])
    }

    func testBreakdownOfABudgetSubject() throws {
        let rows = try Self.pair().rows("breakdown 三公 预算 2023")
        XCTAssertEqual(rows.map { $0.text(0) }, ["因公出国（境）费", "公务用车购置及运行维护费", "公务接待费", "三公经费"])
        XCTAssertEqual(rows.map { $0.text(1) }, ["0", "15000000", "1000000", "16000000"])
        XCTAssertEqual(rows.map { $0.text(2) }, ["0", "9375", "625", "10000"])   // 15.00 / 16.00 = 93.75%
    }
}

/// Completion of the document kinds and of the year after one.
final class DocumentYearCompletionTests: XCTestCase {
    func testKindsAndTheYearAfterThem() throws {
        let connections = try Connections.memory()
        let completer = Completer(catalog: try CatalogLoader.load(connections.reader), metaCommands: [])
        func texts(_ before: String, _ word: String) -> [String] { completer.candidates(before: before, word: word).map(\.text) }
        XCTAssertEqual(texts("compare 三公 ", "预"), ["预算"])
        XCTAssertEqual(texts("compare 三公 预算 ", "决"), ["决算"])
        XCTAssertEqual(texts("breakdown 201 预算 ", "20"), ["2023"])
        XCTAssertEqual(texts("summary ", "bud"), ["budget"])
        XCTAssertEqual(texts("trend 三公 ", "预"), ["预算"])
        XCTAssertEqual(texts("breakdown 201 with ", ""), ["budget"])
        XCTAssertFalse(texts("execution 三公 ", "预").contains("预算"), "execution reads both documents already")
        // Every other statement with a year: top, source, use and trend's from/to; a kind,
        // then the year after it.
        for start in ["top 3 units by 三公 ", "top 3 units by 三公 in ", "source 三公 ", "use ", "trend 三公 from "] {
            XCTAssertEqual(texts(start, "预"), ["预算"], start)
            XCTAssertEqual(texts(start + "预算 ", ""), ["2023"], start)
        }
        XCTAssertFalse(texts("trend 三公 预算 ", "").contains("2023"), "after trend's subject a kind stands alone")
    }
}
