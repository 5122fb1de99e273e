import Core
@testable import Render
import XCTest

final class ResultWriterTests: XCTestCase {
    private let compare = Samples.compare

    func testMachineFormatsStreamEachRowBeforeFinish() {
        for format in [OutputFormat.csv, .tsv, .json, .jsonl] {
            var chunks: [String] = []
            let writer = ResultWriter(shape: compare.shape, options: RenderOptions(format: format)) { chunks.append($0) }
            writer.write(compare.rows[0])
            XCTAssertTrue(chunks.joined().contains("公务用车购置及运行维护费"), format.rawValue)
            let before = chunks.count
            writer.write(compare.rows[1])
            XCTAssertGreaterThan(chunks.count, before, format.rawValue)
            XCTAssertTrue(chunks.last?.contains("因公出国（境）费") ?? false, format.rawValue)
            writer.finish()
        }
    }

    func testHumanFormatsWriteNothingUntilFinish() {
        for format in [OutputFormat.table, .box, .markdown] {
            var text = ""
            let writer = ResultWriter(shape: compare.shape, options: RenderOptions(format: format)) { text += $0 }
            for row in compare.rows { writer.write(row) }
            XCTAssertEqual(text, "", format.rawValue)
            writer.finish()
            XCTAssertTrue(text.contains("公务用车购置及运行维护费"), format.rawValue)
        }
    }

    func testFinishIsIdempotentAndLateRowsAreIgnored() {
        var text = ""
        let writer = ResultWriter(shape: compare.shape, options: RenderOptions(format: .json)) { text += $0 }
        writer.write(compare.rows[0])
        writer.finish()
        writer.finish()
        writer.write(compare.rows[1])
        XCTAssertEqual(text.components(separatedBy: "]\n").count, 2)
        XCTAssertFalse(text.contains("因公出国"))
    }

    func testTableKeepsOnlyTheShownRows() {
        var text = ""
        let writer = ResultWriter(shape: compare.shape, options: RenderOptions(format: .table, maxRows: 1)) { text += $0 }
        for _ in 0..<10_000 { writer.write(compare.rows[2]) }
        writer.finish()
        XCTAssertTrue(text.contains("… 还有 9999 行\n（金额单位：万元）"), text)
    }

    func testHumanCellFormats() {
        let formatter = CellFormatter(unit: .tenThousandYuan)
        XCTAssertEqual(formatter.human(.integer(5_630_000), kind: .moneyChange), "+5.63")
        XCTAssertEqual(formatter.human(.integer(-2_480_000), kind: .moneyChange), "\u{2212}2.48")
        XCTAssertEqual(formatter.human(.integer(0), kind: .moneyChange), "0.00")
        XCTAssertEqual(formatter.human(.null, kind: .moneyChange), "—")
        XCTAssertEqual(formatter.human(.null, kind: .percentChange(decimals: 2)), "—")
        XCTAssertEqual(formatter.human(.null, kind: .money), "")
        XCTAssertEqual(formatter.human(.null, kind: .percent(decimals: 2)), "")
        XCTAssertEqual(formatter.human(.integer(8171), kind: .percent(decimals: 2)), "81.71%")
        XCTAssertEqual(formatter.human(.integer(8171), kind: .percentChange(decimals: 2)), "+81.71%")
        XCTAssertEqual(formatter.human(.integer(-210), kind: .percentChange(decimals: 2)), "\u{2212}2.10%")
        XCTAssertEqual(formatter.human(.integer(0), kind: .percentChange(decimals: 2)), "0.00%")
        XCTAssertEqual(formatter.human(.integer(5), kind: .percent(decimals: 0)), "5%")
        XCTAssertEqual(formatter.human(.integer(7), kind: .percent(decimals: 3)), "0.007%")
        XCTAssertEqual(formatter.human(.integer(1000), kind: .points), "10")
        XCTAssertEqual(formatter.human(.integer(750), kind: .points), "7.5")
        XCTAssertEqual(formatter.human(.integer(1234), kind: .points), "12.34")
        XCTAssertEqual(formatter.human(.integer(-5), kind: .points), "\u{2212}0.05")
        XCTAssertEqual(formatter.human(.integer(2023), kind: .integer), "2023")
        XCTAssertEqual(formatter.human(.integer(889_160_000), kind: .money), "889.16")
        XCTAssertEqual(formatter.human(.integer(522_600), kind: .money), "0.5226")
        XCTAssertEqual(formatter.human(.text("a\tb\nc"), kind: .text), "a b c")
        XCTAssertEqual(CellFormatter(unit: .yuan).human(.integer(889_160_000), kind: .money), "8891600.00")
        XCTAssertEqual(CellFormatter(unit: .hundredMillionYuan).human(.integer(889_160_000), kind: .money), "0.088916")
    }

    func testJSONEscaping() {
        var bytes: [UInt8] = []
        MachineRowEncoder.appendJSONString("a\"b\\c\n\u{1}\u{1F}中\u{2028}\u{2029}\u{2027}", to: &bytes)
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), "\"a\\\"b\\\\c\\u000a\\u0001\\u001f中\\u2028\\u2029\u{2027}\"")
    }

    /// The machine encoder spells numbers exactly as `Amount.formatted` and `CellFormatter`.
    func testMachineNumbersMatchTheFormatters() {
        var values: [Int64] = [0, 1, -1, 9, 10, 99, 100, 101, 1_000_000, -2_480_000, 522_600, 889_160_000, 10_000_000_000, 12_345_678_900, .max, .min, .min + 1]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 { values.append(Int64.random(in: -1_000_000_000_000...1_000_000_000_000, using: &generator)) }
        for value in values {
            for unit in MoneyUnit.allCases {
                var bytes: [UInt8] = []
                MachineRowEncoder.appendDecimal(value, decimals: unit.exactDecimals, minimumDecimals: 2, to: &bytes)
                XCTAssertEqual(String(decoding: bytes, as: UTF8.self), Amount(fen: value).formatted(in: unit), "\(value) \(unit)")
            }
            for decimals in [0, 1, 2, 4] {
                var bytes: [UInt8] = []
                MachineRowEncoder.appendDecimal(value, decimals: decimals, minimumDecimals: decimals, to: &bytes)
                XCTAssertEqual(String(decoding: bytes, as: UTF8.self), CellFormatter.decimal(value, decimals: decimals), "\(value) \(decimals)")
            }
            var bytes: [UInt8] = []
            MachineRowEncoder.appendDecimal(value, decimals: 2, minimumDecimals: 0, to: &bytes)
            XCTAssertEqual(String(decoding: bytes, as: UTF8.self), CellFormatter.points(value), "\(value)")
        }
    }

    func testCSVQuotingAndCRLF() {
        let shape = ResultShape(columns: [ResultColumn(name: "a", title: "A", kind: .text), ResultColumn(name: "b", title: "B", kind: .text)])
        let text = ResultWriter.render(shape: shape, rows: [
            ResultRow(cells: [.text("x,y"), .text("say \"hi\"")]),
            ResultRow(cells: [.text("line\nbreak"), .text("cr\r")]),
            ResultRow(cells: [.text("plain"), .null]),
        ], options: RenderOptions(format: .csv))
        XCTAssertEqual(text, "a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n\"line\nbreak\",\"cr\r\"\r\nplain,\r\n")
    }

    func testTSVEscapesTabsLineBreaksAndControls() {
        let shape = ResultShape(columns: [ResultColumn(name: "a", title: "A", kind: .text), ResultColumn(name: "b", title: "B", kind: .money)])
        let text = ResultWriter.render(shape: shape, rows: [ResultRow(cells: [.text("x\ty\r\nz\"q\"\\\u{1B}[2J"), .integer(-1)])],
                                       options: RenderOptions(format: .tsv))
        XCTAssertEqual(text, "a\tb\tmoney_unit\nx\\ty\\r\\nz\"q\"\\\\\\x1B[2J\t-0.000001\t万元\n")
        XCTAssertEqual(text.split(separator: "\n").count, 2, "one line per row")
    }

    func testCSVShowsControlCharactersAsPictures() {
        let shape = ResultShape(columns: [ResultColumn(name: "a", title: "A", kind: .text)])
        let text = ResultWriter.render(shape: shape, rows: [ResultRow(cells: [.text("红\u{1B}[31m\u{7}\u{7F}")]),
                                                            ResultRow(cells: [.text("a,\u{0}")])], options: RenderOptions(format: .csv))
        XCTAssertEqual(text, "a\r\n红\u{241B}[31m\u{2407}\u{2421}\r\n\"a,\u{2400}\"\r\n")
    }

    func testCSVWithoutHeaderOrRowsStillWritesTheBOM() {
        let text = ResultWriter.render(shape: compare.shape, rows: [], options: RenderOptions(format: .csv, headers: false, bom: true))
        XCTAssertEqual(text, "\u{FEFF}")
    }

    func testEmptyJSONIsAnEmptyArray() {
        XCTAssertEqual(ResultWriter.render(shape: compare.shape, rows: [], options: RenderOptions(format: .json)), "[]\n")
        XCTAssertEqual(ResultWriter.render(shape: compare.shape, rows: [], options: RenderOptions(format: .jsonl)), "")
    }

    func testMissingCellsAreBlank() {
        let text = ResultWriter.render(shape: compare.shape, rows: [ResultRow(cells: [.text("只有名称")])], options: RenderOptions(format: .csv))
        XCTAssertEqual(text, "item,y2022,y2023,change,change_pct,is_total,derived,money_unit\r\n只有名称,,,,,false,,万元\r\n")
    }

    /// Odd input never traps: no columns, ragged rows, bad levels and derived indexes,
    /// extreme numbers, tiny or negative limits.
    func testOddInputIsRenderedWithoutTrapping() {
        let shapes = [
            ResultShape(columns: []),
            ResultShape(columns: [], hasLevels: true, hasTotals: true, hasDerived: true, hasBlocks: true),
            Samples.projects.shape,
            ResultShape(columns: Samples.compareColumns + [ResultColumn(name: "p", title: "", kind: .percent(decimals: 40))], hasLevels: true, hasTotals: true, hasDerived: true, hasBlocks: true),
        ]
        let rows = [
            ResultRow(cells: []),
            ResultRow(cells: [.integer(.min), .integer(.max), .integer(.min), .integer(.max), .integer(.min), .integer(.min), .integer(.max), .text("extra")],
                      level: -3, isTotal: true, derivedCells: [-1, 0, 99], block: nil),
            ResultRow(cells: [.text("\u{0}\u{7}\r\n\t|\"\\"), .text("👨‍👩‍👧‍👦e\u{301}"), .null], level: 0, isTotal: true, derivedCells: [1], block: ""),
        ]
        for shape in shapes {
            for format in OutputFormat.allCases {
                for (maxWidth, maxRows) in [(nil, nil), (1, -1), (0, 0), (-5, 1) as (Int?, Int?)] {
                    let text = ResultWriter.render(shape: shape, rows: rows, options: RenderOptions(format: format, maxWidth: maxWidth, maxRows: maxRows))
                    XCTAssertFalse(text.isEmpty && format != .jsonl && format != .csv, "\(format)")
                }
            }
        }
    }

    func testOutputFormatNames() {
        XCTAssertEqual(OutputFormat.allCases.map(\.rawValue), ["table", "box", "csv", "tsv", "json", "jsonl", "markdown", "bar", "svg"])
        XCTAssertEqual(OutputFormat(rawValue: "jsonl"), .jsonl)
        XCTAssertEqual(OutputFormat.allCases.filter(\.isMachineReadable), [.csv, .tsv, .json, .jsonl])
    }
}
