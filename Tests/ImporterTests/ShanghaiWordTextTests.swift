import XCTest
import Core
@testable import Importer

/// Word text (tables as TAB-separated cells, blank cells kept as empty fields), made by
/// scripts/word_text_variant.py, reads to the same table facts as the layout original.
final class ShanghaiWordTextTests: XCTestCase {
    static let names = ["caizhengju", "guihuaziyuanju", "shehuigongzuobu"]

    func testWordTextVariantsGiveTheSameFacts() throws {
        for name in Self.names {
            let original = try ShanghaiFixture.read("fixtures/disclosures/2024-shanghai-putuo-\(name).txt")
            let variant = try ShanghaiFixture.read("fixtures/disclosures/variants/2024-shanghai-putuo-\(name)-word-text.txt")
            let a = ShanghaiFixture.keys(original), b = ShanghaiFixture.keys(variant)
            for (k, n) in a where b[k] != n { XCTFail("\(name): only in layout: \(k) ×\(n) (Word text ×\(b[k] ?? 0))") }
            for (k, n) in b where a[k] != n { XCTFail("\(name): only in Word text: \(k) ×\(n) (layout ×\(a[k] ?? 0))") }
            XCTAssertEqual(variant.report.warnings.count, original.report.warnings.count, "\(name): \(variant.report.warnings)")
        }
    }

    func testWordTextRowsAreTabSeparatedWithBlankCellsKept() throws {
        let text = try ShanghaiFixture.text("fixtures/disclosures/variants/2024-shanghai-putuo-caizhengju-word-text.txt")
        // 支出决算表: 2010602 一般行政管理事务 has no 基本支出 — an empty field between two TABs.
        let row = try XCTUnwrap(text.lines.first { $0.hasPrefix("2010602\t") && $0.contains("\t10.00\t\t10.00\t") })
        XCTAssertEqual(row.split(separator: "\t", omittingEmptySubsequences: false).count, 8)
    }

    func testBlankCellsStayBlank() throws {
        let r = try ShanghaiFixture.read("fixtures/disclosures/variants/2024-shanghai-putuo-caizhengju-word-text.txt")
        let facts = r.document.facts.filter { $0.code == "2010602" && $0.fund == "all" }
        // 支出决算表 row 2010602: 本年支出合计 10.00, 基本支出 blank, 项目支出 10.00.
        XCTAssertTrue(facts.contains { $0.column == "actual" && $0.amountFen == 10_000_000 })
        XCTAssertTrue(facts.contains { $0.column == "project" && $0.amountFen == 10_000_000 })
        XCTAssertFalse(facts.contains { $0.column == "basic" }, "\(facts.map { ($0.column, $0.printed ?? "") })")
        // 收入决算表 columns blank on every row (上级补助收入 … 附属单位上缴收入) have no facts.
        for column in ["income_superior", "income_business", "income_operating", "income_affiliated"] {
            XCTAssertFalse(r.document.facts.contains { $0.column == column }, column)
        }
    }
}
