import Core
import Render
import TestSupport
import XCTest

/// Every output format over every sample result, pinned by golden files
/// `Goldens/<sample>.<format>.txt` (plus unit, width and row-limit variants).
final class RenderGoldenTests: XCTestCase {
    private func render(_ result: Samples.Result, _ options: RenderOptions) -> String {
        ResultWriter.render(shape: result.shape, rows: result.rows, options: options)
    }

    func testEveryFormatOverEverySample() {
        for (name, result) in Samples.all {
            for format in OutputFormat.allCases {
                goldens.assert(render(result, RenderOptions(format: format)), named: "\(name).\(format.rawValue).txt")
            }
        }
    }

    func testMoneyInYuanAndHundredMillionYuan() {
        for (unit, label) in [(MoneyUnit.yuan, "yuan"), (.hundredMillionYuan, "hundred-million-yuan")] {
            for format in [OutputFormat.table, .csv, .json] {
                goldens.assert(render(Samples.compare, RenderOptions(format: format, unit: unit)), named: "compare-\(label).\(format.rawValue).txt")
            }
            goldens.assert(render(Samples.blocks, RenderOptions(format: .table, unit: unit)), named: "blocks-\(label).table.txt")
        }
    }

    func testMaxWidthTruncatesTheWidestTextColumns() {
        goldens.assert(render(Samples.compare, RenderOptions(format: .table, maxWidth: 50)), named: "compare-width50.table.txt")
        goldens.assert(render(Samples.tree, RenderOptions(format: .table, maxWidth: 48)), named: "tree-width48.table.txt")
        goldens.assert(render(Samples.tree, RenderOptions(format: .box, maxWidth: 56)), named: "tree-width56.box.txt")
        // Numbers and codes leave too little room two spaces apart: one space apart, the
        // box without padding (its text title cut too); every line within the width.
        for (format, width) in [(OutputFormat.table, 62), (.box, 64)] {
            let compact = render(Samples.projects, RenderOptions(format: format, maxWidth: width))
            goldens.assert(compact, named: "projects-width\(width).\(format.rawValue).txt")
            for line in compact.split(separator: "\n") { XCTAssertLessThanOrEqual(DisplayWidth.of(String(line)), width, String(line)) }
            XCTAssertTrue(compact.contains("51090021T000015"), "codes whole")
            XCTAssertTrue(compact.contains("100.00%") && compact.contains("1.234567"), "numbers and percentages whole")
        }
        XCTAssertTrue(render(Samples.projects, RenderOptions(format: .table, maxWidth: 62)).contains("\n51090021T000007 “六大…  200.00"),
                      "one space between columns")
        // Wide enough: nothing cut, no note.
        XCTAssertEqual(render(Samples.compare, RenderOptions(format: .table, maxWidth: 200)), render(Samples.compare, RenderOptions(format: .table)))
    }

    func testMaxRowsShowsTheFirstRowsAndCountsTheRest() {
        goldens.assert(render(Samples.tree, RenderOptions(format: .table, maxRows: 3)), named: "tree-rows3.table.txt")
        goldens.assert(render(Samples.blocks, RenderOptions(format: .table, maxRows: 3)), named: "blocks-rows3.table.txt")
        goldens.assert(render(Samples.compare, RenderOptions(format: .box, maxRows: 2)), named: "compare-rows2.box.txt")
        goldens.assert(render(Samples.compare, RenderOptions(format: .table, maxRows: 0)), named: "compare-rows0.table.txt")
    }

    func testHeaderlessAndBOMVariants() {
        goldens.assert(render(Samples.compare, RenderOptions(format: .csv, headers: false, bom: true)), named: "compare-noheader-bom.csv.txt")
        goldens.assert(render(Samples.tree, RenderOptions(format: .tsv, headers: false)), named: "tree-noheader.tsv.txt")
        goldens.assert(render(Samples.empty, RenderOptions(format: .tsv, headers: false)), named: "empty-noheader.tsv.txt")
    }
}
