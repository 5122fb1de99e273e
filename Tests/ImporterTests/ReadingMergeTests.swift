import Core
@testable import Importer
import XCTest

/// `ReadingMerge` on two hand-made readings of one line: a figure the readings take as two keys
/// stands only under the key its printed label names in the 9-table description; a figure they
/// take as two amounts, or whose label settles nothing, is left out with what rests on it.
final class ReadingMergeTests: XCTestCase {
    static func money(_ measure: String, _ fen: Int64, _ printed: String, fund: String = "all", line: Int = 1) -> ImportedFact {
        ImportedFact(measureID: measure, fund: fund, year: 2023, amountFen: fen, printed: printed, printedUnit: "万元",
                     provenance: Provenance("text", line))
    }

    static func share(_ printed: String, _ rate: Int64, part: Int, base: Int, line: Int = 1) -> ImportedStatement {
        ImportedStatement(kind: "share", printed: printed, rateScaled: rate, rateDecimals: 2, partFact: part, baseFact: base,
                          provenance: Provenance("text", line))
    }

    /// Two readings of `line`: the first takes 350.1 as `first`, the second as `second`; both read the
    /// total 356.4 and a share of 98.23% of it.
    static func readings(_ first: String, _ second: String) -> (ReadingMerge.Reading, ReadingMerge.Reading) {
        let a = ReadingMerge.Reading(facts: [money("income_total", 356_400_000, "356.4"), money(first, 350_100_000, "350.1")],
                                     statements: [share("占98.23%", 9823, part: 1, base: 0)])
        let b = ReadingMerge.Reading(facts: [money("income_total", 356_400_000, "356.4"), money(second, 350_100_000, "350.1")],
                                     statements: [share("占98.23%", 9823, part: 1, base: 0)])
        return (a, b)
    }

    func testThePrintedLabelSettlesTwoKeysOfOneFigure() {
        let line = "2023年度本年收入合计356.4万元，其中：一般公共预算财政拨款收入350.1万元，占98.23%。"
        for (first, second) in [("fiscal_income", "income_general"), ("income_general", "fiscal_income")] {
            let (a, b) = Self.readings(first, second)
            let (merged, uncertain) = ReadingMerge.merge(a, b, lines: [line])
            XCTAssertEqual(uncertain, 0)
            XCTAssertEqual(merged.facts.map(\.measureID), ["income_total", "income_general"], first)
            XCTAssertEqual(merged.statements.count, 1)
            XCTAssertEqual(merged.statements.first?.partFact.map { merged.facts[$0].measureID }, "income_general")
            XCTAssertEqual(merged.statements.first?.baseFact.map { merged.facts[$0].measureID }, "income_total")
        }
    }

    func testALabelThatNamesNeitherOrSeveralLeavesTheFigureOut() {
        // 财政拨款收入 is no row label of the description; 本年收入合计 names two measures (two tables).
        for line in ["收入合计356.4万元，其中：财政拨款收入350.1万元，占98.23%。", "收入356.4万元，本年收入合计350.1万元，占98.23%。"] {
            let (a, b) = Self.readings("fiscal_income", "income_general")
            let (merged, uncertain) = ReadingMerge.merge(a, b, lines: [line])
            XCTAssertEqual(merged.facts.map(\.measureID), ["income_total"], line)
            XCTAssertTrue(merged.statements.isEmpty, line)
            XCTAssertEqual(uncertain, 4, line)
        }
    }

    func testALabelNamingAKeyNeitherReadingTookLeavesTheFigureOut() {
        let line = "收入合计356.4万元，其中：其他收入350.1万元，占98.23%。"
        let (a, b) = Self.readings("fiscal_income", "income_general")
        let (merged, _) = ReadingMerge.merge(a, b, lines: [line])
        XCTAssertEqual(merged.facts.map(\.measureID), ["income_total"])
    }

    func testTwoAmountsOfOneKeyAreLeftOut() {
        let line = "收入合计356.4万元，其中：一般公共预算财政拨款收入350.1万元，占98.23%。"
        let a = ReadingMerge.Reading(facts: [Self.money("income_general", 350_100_000, "350.1")])
        let b = ReadingMerge.Reading(facts: [Self.money("income_general", 356_400_000, "356.4")])
        XCTAssertTrue(ReadingMerge.merge(a, b, lines: [line]).reading.facts.isEmpty)
    }

    func testLabelBeforeANumber() {
        XCTAssertEqual(ReadingMerge.label(before: "350.1", in: "其中：一般公共预算财政拨款收入350.1万元"), "一般公共预算财政拨款收入")
        XCTAssertEqual(ReadingMerge.label(before: "6.3", in: "占98.23%；其中 其他收入 6.3万元"), "其他收入")
        XCTAssertNil(ReadingMerge.label(before: "6.3", in: "收入：6.3万元"))
        XCTAssertEqual(ReadingMerge.label(before: "350.1", in: "其他收入1350.12万元，一般公共预算财政拨款收入350.1万元"), "一般公共预算财政拨款收入")
        XCTAssertEqual(ReadingMerge.labelMeasures["一般公共预算财政拨款收入"], "income_general")
        XCTAssertNil(ReadingMerge.labelMeasures["本年收入合计"])
        XCTAssertNil(ReadingMerge.labelMeasures["总计"])
    }

    /// A part listed after 其中 is of its whole's fund: read as all funds' under a whole whose label
    /// names one fund, it is left out; under an all-funds whole it stands.
    func testAPartOfOneFundsWholeReadAsAllFundsIsLeftOut() {
        let general = "2024年度一般公共预算财政拨款支出307.82万元，其中：基本支出105.58万元，项目支出202.24万元。"
        let all = "2023年度本年支出合计356.4万元，其中：基本支出298.65万元，占83.8%；项目支出57.75万元，占16.2%。"
        let a = ReadingMerge.Reading(facts: [Self.money("basic", 105_580_000, "105.58"), Self.money("project", 202_240_000, "202.24")])
        let (merged, uncertain) = ReadingMerge.merge(a, ReadingMerge.Reading(), lines: [general])
        XCTAssertTrue(merged.facts.isEmpty)
        XCTAssertEqual(uncertain, 2)
        let b = ReadingMerge.Reading(facts: [Self.money("basic", 298_650_000, "298.65"), Self.money("project", 57_750_000, "57.75")])
        XCTAssertEqual(ReadingMerge.merge(b, ReadingMerge.Reading(), lines: [all]).reading.facts.count, 2)
        XCTAssertEqual(ReadingMerge.fundColumns, ["一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"])
    }
}
