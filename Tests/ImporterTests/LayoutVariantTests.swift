import XCTest
import Core
@testable import Importer

/// Layout variants of the three Shanghai documents (scripts/*_variant.py) read to the same facts.
final class LayoutVariantTests: XCTestCase {
    static let names = ["caizhengju", "guihuaziyuanju", "shehuigongzuobu"]

    func original(_ name: String) throws -> ImportResult {
        try ShanghaiFixture.read("fixtures/disclosures/2024-shanghai-putuo-\(name).txt")
    }

    func assertSameFacts(_ a: ImportResult, _ b: ImportResult, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        let ka = ShanghaiFixture.keys(a), kb = ShanghaiFixture.keys(b)
        for (k, n) in ka where kb[k] != n { XCTFail("\(label): only in the original: \(k) ×\(n) (variant ×\(kb[k] ?? 0))", file: file, line: line) }
        for (k, n) in kb where ka[k] != n { XCTFail("\(label): only in the variant: \(k) ×\(n) (original ×\(ka[k] ?? 0))", file: file, line: line) }
        XCTAssertGreaterThan(ka.count, 100, label, file: file, line: line)
    }

    /// Footers "— N —", form feeds and a running header at every page break, a break inside a
    /// year-on-year sentence and one inside a code table (scripts/page_furniture_variant.py).
    func testPageFurnitureGivesTheSameFacts() throws {
        for name in Self.names {
            let path = "fixtures/disclosures/variants/2024-shanghai-putuo-\(name)-page-furniture.txt"
            let text = try ShanghaiFixture.text(path)
            XCTAssertTrue(text.lines.contains { $0.hasPrefix("— ") }, "\(name): the variant has no page footer")
            let variant = try ShanghaiFixture.read(path)
            assertSameFacts(try original(name), variant, name)
            XCTAssertEqual(variant.document.unit.name, try original(name).document.unit.name)
            XCTAssertEqual(variant.document.title, try original(name).document.title)
            // Every figure is on the line its provenance names, in the file as given.
            for f in variant.document.facts where f.printed != nil {
                XCTAssertTrue(text.line(f.provenance.lineFrom).filter { $0 != " " }.contains(f.printed!),
                              "\(name): line \(f.provenance.lineFrom) does not print \(f.printed!)")
            }
        }
    }

    /// The page break cut "减少" from its amount: the change is still read, against the prior year.
    func testChangeCutByAPageBreakIsRead() throws {
        let path = "fixtures/disclosures/variants/2024-shanghai-putuo-caizhengju-page-furniture.txt"
        let text = try ShanghaiFixture.text(path)
        let cut = try XCTUnwrap(text.lines.firstIndex { $0.hasSuffix("减少") }) + 1
        XCTAssertTrue(text.line(cut + 2).hasPrefix("— "), "a footer follows the cut line \(cut)")
        let variant = try ShanghaiFixture.read(path)
        let change = try XCTUnwrap(variant.document.statements.first { $0.kind == "change" && $0.amountFen == -56_950_000 })
        XCTAssertEqual(variant.document.facts[change.baseFact!].year, 2023)
        XCTAssertEqual(variant.document.facts[change.baseFact!].amountFen, 2_995_390_000 + 56_950_000)
    }

    /// Nothing assumes the year: a document of 2027 comparing with 2025 gives its facts those years.
    func testYearsComeFromTheDocument() throws {
        let source = try ShanghaiFixture.text("fixtures/disclosures/2024-shanghai-putuo-caizhengju.txt")
        let shifted = source.replacingLines(source.lines.map {
            $0.replacingOccurrences(of: "2024", with: "2027").replacingOccurrences(of: "2023", with: "2025")
        })
        let a = try original("caizhengju")
        let b = try ShanghaiReader.read(TextNormalizer.normalize(shifted), overrides: ImportOverrides())
        XCTAssertEqual(b.document.year, 2027)
        let years = { (r: ImportResult, current: Int, prior: Int) -> [String] in
            r.document.facts.map { "\($0.measureID ?? $0.code ?? "") \($0.column) \($0.amountFen ?? $0.quantity ?? 0) "
                + ($0.year == current ? "current" : $0.year == prior ? "prior" : "other \($0.year)") }.sorted()
        }
        XCTAssertEqual(years(a, 2024, 2023), years(b, 2027, 2025))
        XCTAssertTrue(years(b, 2027, 2025).contains { $0.hasSuffix("prior") })
        XCTAssertEqual(b.document.unit.region, "上海市普陀区")
    }

    /// Full-width figures in the 情况说明 read as their half-width originals.
    func testFullWidthFiguresGiveTheSameFacts() throws {
        let source = try ShanghaiFixture.text("fixtures/disclosures/2024-shanghai-putuo-guihuaziyuanju.txt")
        let start = try XCTUnwrap(source.lines.firstIndex { $0.hasPrefix("第三部分") })
        var lines = source.lines
        for i in start..<lines.count {
            lines[i] = String(lines[i].map { c -> Character in
                if c.isASCIIDigitChar { return Character(Unicode.Scalar(c.unicodeScalars.first!.value - 0x30 + 0xFF10)!) }
                return c == "." ? "．" : c == "%" ? "％" : c
            })
        }
        XCTAssertNotEqual(lines, source.lines)
        let variant = try ShanghaiReader.read(TextNormalizer.normalize(source.replacingLines(lines)), overrides: ImportOverrides())
        assertSameFacts(try original("guihuaziyuanju"), variant, "full width")
        XCTAssertEqual(variant.document.statements.count, try original("guihuaziyuanju").document.statements.count)
    }
}

/// Row layouts of other converters (scripts/row_layout_variant.py) and printed placeholders.
final class RowLayoutVariantTests: XCTestCase {
    func read(_ path: String) throws -> ImportResult { try ShanghaiFixture.read(path) }

    func assertSame(_ source: String, _ variant: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let a = ShanghaiFixture.keys(try read(source)), result = try read(variant), b = ShanghaiFixture.keys(result)
        for (k, n) in a where b[k] != n { XCTFail("\(variant): only in the source: \(k) ×\(n) (variant ×\(b[k] ?? 0))", file: file, line: line) }
        for (k, n) in b where a[k] != n { XCTFail("\(variant): only in the variant: \(k) ×\(n) (source ×\(a[k] ?? 0))", file: file, line: line) }
        XCTAssertGreaterThan(b.count, 100, file: file, line: line)
    }

    /// "208 社会保障" / "326.72 326.72" / "和就业支出": the figures belong to 208, not to the next code.
    func testNamesWrappedAroundTheirFigures() throws {
        for name in LayoutVariantTests.names {
            let source = "fixtures/disclosures/variants/2024-shanghai-putuo-\(name)-reading-order.txt"
            let variant = source.replacingOccurrences(of: ".txt", with: "-wrapped-names.txt")
            let text = try ShanghaiFixture.text(variant)
            XCTAssertTrue(text.lines.contains("208 社会保障") || text.lines.contains { $0.hasPrefix("2") && !$0.contains(".") },
                          "\(name): no wrapped row")
            try assertSame(source, variant)
        }
    }

    /// "208 05 05" / "机关事业单位基本养老保险缴费支出" / "160.75 160.75" on three lines.
    func testCodeNameAndFiguresOnThreeLines() throws {
        for name in LayoutVariantTests.names {
            let source = "fixtures/disclosures/variants/2024-shanghai-putuo-\(name)-reading-order.txt"
            let variant = source.replacingOccurrences(of: ".txt", with: "-three-lines.txt")
            XCTAssertTrue(try ShanghaiFixture.text(variant).lines.contains { $0 == "201" || $0 == "208" },
                          "\(name): no code alone on its line")
            try assertSame(source, variant)
        }
    }

    /// A bare "0" where the original prints 0.00 (right-aligned, layout and Word text) and "-" in
    /// a blank cell of Word text: the same facts, the other figures in their columns.
    func testBareZeroAndDashCells() throws {
        for (name, kind) in [("guihuaziyuanju", ""), ("guihuaziyuanju", "word text"),
                             ("shehuigongzuobu", "word text"), ("caizhengju", "word text")] {
            let path = kind.isEmpty ? "fixtures/disclosures/2024-shanghai-putuo-\(name).txt"
                : "fixtures/disclosures/variants/2024-shanghai-putuo-\(name)-word-text.txt"
            let source = try ShanghaiFixture.text(path)
            var changed = 0
            let lines = source.lines.map { line -> String in
                guard line.hasPrefix("2"), line.contains("0.00") || line.contains("\t\t") else { return line }
                changed += 1
                var out = line.replacingOccurrences(of: "\t0.00", with: "\t0").replacingOccurrences(of: " 0.00", with: "    0")
                if out.contains("\t") {
                    // Blank cells of a code row become "-" (fields after the label).
                    var fields = out.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                    for i in fields.indices where i >= 2 && fields[i].isEmpty { fields[i] = "-" }
                    out = fields.joined(separator: "\t")
                }
                return out
            }
            XCTAssertGreaterThan(changed, 3, path)
            let original = ShanghaiFixture.keys(try read(path))
            let variant = ShanghaiFixture.keys(try ShanghaiReader.read(TextNormalizer.normalize(source.replacingLines(lines)),
                                                                       overrides: ImportOverrides()))
            XCTAssertEqual(original, variant, path)
        }
    }
}
