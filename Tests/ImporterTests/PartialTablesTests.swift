import Core
@testable import Importer
import XCTest

/// Tables of windows of unknown templates other than the 三公 table, read by their titles and
/// headings with the 9-table template's descriptions, kept only where the table's own identities
/// hold. The windows (fixtures/disclosures/constructed, README) were written from the figures of
/// the dev documents in layouts no reader was written for, and each figure below was written by
/// hand from the window's lines before the reader was run on it: the reader must store none of
/// its figures wrongly, and at least what it read when measured.
final class PartialTablesTests: XCTestCase {
    static let zhejiang = "fixtures/disclosures/constructed/2024-zhejiang-lucheng-shehuigongzuobu-bumen-juesuan.txt"
    static let hubei = "fixtures/disclosures/constructed/2024-hubei-jianghan-caizhengju-bumen-juesuan.txt"

    /// A figure of the key: its line, measure or code, fund (codes only), column and amount in 分.
    struct Figure {
        var line: Int
        var key: String
        var fund: String?
        var column: String
        var fen: Int64
    }

    /// 分 per 0.01 万元.
    static let wan: Int64 = 10_000

    static func measure(_ line: Int, _ measure: String, _ hundredths: Int64, column: String = "actual") -> Figure {
        Figure(line: line, key: measure, fund: nil, column: column, fen: hundredths * wan)
    }

    /// A code row's figures: 合计, then 基本支出 and 项目支出 where printed (nil: blank or “-”).
    static func code(_ line: Int, _ code: String, fund: String, _ total: Int64, basic: Int64? = nil, project: Int64? = nil) -> [Figure] {
        [Figure(line: line, key: code, fund: fund, column: "actual", fen: total * wan)]
            + (basic.map { [Figure(line: line, key: code, fund: fund, column: "basic", fen: $0 * wan)] } ?? [])
            + (project.map { [Figure(line: line, key: code, fund: fund, column: "project", fen: $0 * wan)] } ?? [])
    }

    /// How many of the key's figures the document stores, and every printed figure it stores that the key does not hold.
    static func score(_ document: ImportedDocument, key: [Figure]) -> (read: Int, wrong: [String]) {
        var read = 0, wrong: [String] = []
        for fact in document.facts where !fact.isDerived {
            let value = fact.amountFen ?? fact.quantity ?? -1
            let matches = key.contains { figure in
                figure.line == fact.provenance.lineFrom && figure.key == (fact.measureID ?? fact.code)
                    && (figure.fund == nil || figure.fund == fact.fund) && figure.column == fact.column && figure.fen == value
            }
            if matches && fact.year == document.year { read += 1 } else {
                wrong.append("第\(fact.provenance.lineFrom)行 \(fact.measureID ?? fact.code ?? "") \(fact.fund) \(fact.column) \(fact.printed ?? "")")
            }
        }
        return (read, wrong)
    }

    // MARK: keys (written from the windows' lines before the reader was run)

    /// The Zhejiang-style window: 部门收支决算总表 (lines 23–29, 金额 columns, 总计 on both sides) and the
    /// 一般公共预算财政拨款支出决算表 with its columns in the order 基本支出, 项目支出, 合计 (lines 35–52).
    static var zhejiangKey: [Figure] {
        var key = [
            measure(23, "income_general", 30_782), code(23, "201", fund: "all", 26_487)[0],
            measure(24, "income_gov_fund", 0), code(24, "208", fund: "all", 1_082)[0],
            measure(25, "income_other", 0), code(25, "210", fund: "all", 271)[0],
            code(26, "221", fund: "all", 2_942)[0],
            measure(27, "income_total", 30_782), measure(27, "expenditure_total", 30_782),
            measure(28, "opening_balance", 0), measure(28, "closing_balance", 0),
            measure(29, "grand_total", 30_782),
        ]
        key += code(35, "201", fund: "general", 26_487, basic: 6_263, project: 20_224)
        key += code(36, "20139", fund: "general", 26_487, basic: 6_263, project: 20_224)
        key += code(37, "2013901", fund: "general", 5_132, basic: 5_132)
        key += code(38, "2013950", fund: "general", 1_131, basic: 1_131)
        key += code(39, "2013999", fund: "general", 20_224, project: 20_224)
        for (line, c, v) in [(40, "208", 1_082), (41, "20805", 1_082), (42, "2080505", 618), (43, "2080506", 464), (44, "210", 271),
                             (45, "21011", 271), (46, "2101101", 222), (47, "2101102", 49), (48, "221", 2_942), (49, "22102", 2_942),
                             (50, "2210201", 1_770), (51, "2210203", 1_172)] as [(Int, String, Int64)] {
            key += code(line, c, fund: "general", v, basic: v)
        }
        key += [measure(52, "general_basic", 10_558), measure(52, "general_project", 20_224), measure(52, "general_expenditure", 30_782)]
        // The 情况说明: line 58 收支总计; line 62 一般公共预算财政拨款支出 and its 基本支出, 项目支出.
        key += [measure(58, "grand_total", 30_782), measure(62, "general_expenditure", 30_782), measure(62, "general_basic", 10_558),
                measure(62, "general_project", 20_224)]
        return key
    }

    /// The Hubei-style window: 收入支出决算总表 printed as one column (收入 rows, then 支出 rows, lines
    /// 21–41) and the 一般公共预算财政拨款支出决算表 in 元, codes in 类/款/项 columns, “-” for blank cells
    /// (lines 48–67).
    static var hubeiKey: [Figure] {
        var key = [
            measure(21, "income_general", 294_005), measure(28, "income_other", 620), measure(29, "income_total", 294_625),
            measure(31, "opening_balance", 4_914), measure(32, "grand_total", 299_539),
            code(34, "201", fund: "all", 210_666)[0], code(35, "208", fund: "all", 32_671)[0], code(36, "210", fund: "all", 6_099)[0],
            code(37, "221", fund: "all", 44_569)[0], measure(38, "expenditure_total", 294_005), measure(40, "closing_balance", 5_534),
        ]
        key += code(48, "201", fund: "general", 210_666, basic: 150_352, project: 60_314)
        key += code(49, "20106", fund: "general", 210_666, basic: 150_352, project: 60_314)
        key += code(50, "2010601", fund: "general", 151_189, basic: 150_352, project: 837)
        key += code(51, "2010602", fund: "general", 1_000, project: 1_000)
        key += code(52, "2010607", fund: "general", 13_525, project: 13_525)
        key += code(53, "2010608", fund: "general", 44_952, project: 44_952)
        for (line, c, v) in [(54, "208", 32_671), (55, "20805", 32_671), (56, "2080501", 8_465), (57, "2080505", 16_075),
                             (58, "2080506", 8_038), (59, "2080599", 93), (60, "210", 6_099), (61, "21011", 6_099), (62, "2101101", 6_099),
                             (63, "221", 44_569), (64, "22102", 44_569), (65, "2210201", 18_719), (66, "2210203", 25_850)] as [(Int, String, Int64)] {
            key += code(line, c, fund: "general", v, basic: v)
        }
        key += [measure(67, "general_expenditure", 294_005), measure(67, "general_basic", 233_691), measure(67, "general_project", 60_314)]
        key += [measure(73, "grand_total", 299_539), measure(77, "general_expenditure", 294_005), measure(77, "general_basic", 233_691),
                measure(77, "general_project", 60_314)]
        return key
    }

    func testKeysCountEveryStatedFigure() {
        // 总表: 12 of the 13 figures printed (the right-hand 总计 names no measure of its own); code table 39; text 4.
        XCTAssertEqual(Self.zhejiangKey.count, 12 + 39 + 4)
        // 总表: 11 of 12; code table 44; text 4.
        XCTAssertEqual(Self.hubeiKey.count, 11 + 44 + 4)
    }
}
