import Core
@testable import Render
import TestSupport
import XCTest

/// Terminal bar charts (`bar`) at 80 and 120 columns, pinned by goldens
/// `Goldens/chart-<sample>.<width>.txt`, and the properties every chart must keep.
final class ChartRenderTests: XCTestCase {
    private func bars(_ result: Samples.Result, width: Int?) -> String {
        ResultWriter.render(shape: result.shape, rows: result.rows, options: RenderOptions(format: .bar, maxWidth: width))
    }

    func testBarChartsAt80And120Columns() {
        for (name, result) in ChartSamples.all {
            for width in [80, 120] {
                goldens.assert(bars(result, width: width), named: "chart-\(name).\(width).txt")
            }
        }
    }

    func testEveryLineFitsTheWidthAndLabelsAlignByDisplayWidth() {
        for (name, result) in ChartSamples.all {
            for width in [50, 80, 120] {
                let lines = bars(result, width: width).split(separator: "\n").map(String.init)
                for line in lines {
                    XCTAssertLessThanOrEqual(DisplayWidth.of(line), width, "\(name) at \(width): \(line)")
                }
                // Bars start in the same display column on every line that has one.
                let starts = Set(lines.compactMap { line -> Int? in
                    guard let index = line.firstIndex(where: { "█▏▎▍▌▋▊▉".contains($0) }) else { return nil }
                    return DisplayWidth.of(String(line[..<index]))
                })
                if result.shape.columns.filter({ $0.name.hasPrefix("value_") || $0.name == "amount" }).count == 1 {
                    XCTAssertEqual(starts.count, 1, "\(name) at \(width)")
                }
            }
        }
    }

    func testBarsAreProportionalInEighths() {
        XCTAssertEqual(BarChartRenderer.bar(100, scale: 100, width: 10), String(repeating: "█", count: 10))
        XCTAssertEqual(BarChartRenderer.bar(50, scale: 100, width: 3), "█▌")   // 12 eighths
        XCTAssertEqual(BarChartRenderer.bar(1, scale: 80, width: 10), "▏")      // 1 eighth
        XCTAssertEqual(BarChartRenderer.bar(1, scale: 1000, width: 10), "")      // under half an eighth
        XCTAssertEqual(BarChartRenderer.bar(nil, scale: 100, width: 10), "")
        XCTAssertEqual(BarChartRenderer.bar(-5, scale: 100, width: 10), "")
        XCTAssertEqual(BarChartRenderer.bar(Int64.max, scale: Int64.max, width: 4), "████")
    }

    func testTheSeedsStructureIsDrawnInProportion() throws {
        // 基本支出 636.03 and 项目支出 253.13 (seed line 56): bars in the ratio of the amounts.
        let text = bars(ChartSamples.structure, width: 80)
        let lines = text.split(separator: "\n")
        func eighths(_ label: String) throws -> Int {
            let line = try XCTUnwrap(lines.first { $0.hasPrefix(label) })
            return line.reduce(0) { total, character in
                if character == "█" { return total + 8 }
                if let index = BarChartRenderer.partialBlocks.firstIndex(of: character) { return total + index + 1 }
                return total
            }
        }
        let basic = try eighths("基本支出"), project = try eighths("项目支出")
        XCTAssertEqual(Double(project) / Double(basic), 253.13 / 636.03, accuracy: 1.0 / Double(basic))
        XCTAssertTrue(text.contains("636.03   71.53%"), text)
        XCTAssertTrue(text.contains("889.16  100.00%"), text)
    }

    func testNoTerminalWidthWritesTheDataAndNonChartsStayTables() {
        XCTAssertEqual(bars(ChartSamples.structure, width: nil),
                       ResultWriter.render(shape: ChartSamples.structure.shape, rows: ChartSamples.structure.rows, options: RenderOptions(format: .tsv)))
        XCTAssertNil(ChartData(shape: Samples.projects.shape, rows: Samples.projects.rows, unit: .tenThousandYuan))
        XCTAssertEqual(bars(Samples.projects, width: 80),
                       ResultWriter.render(shape: Samples.projects.shape, rows: Samples.projects.rows, options: RenderOptions(format: .table, maxWidth: 80)))
    }

    func testAnEmptyResultSaysSo() {
        let text = bars(Samples.Result(shape: ChartSamples.structure.shape, rows: []), width: 80)
        XCTAssertTrue(text.hasPrefix("项目  2023年 "), text)
        XCTAssertTrue(text.hasSuffix("占比\n（无结果）\n"), text)
        XCTAssertEqual(text.split(separator: "\n").count, 2)
    }

    func testKindsAreReadFromTheShape() {
        let expected: [String: ChartData.Kind] = ["structure": .structure, "functions": .structure, "compare": .comparison,
                                                  "trend": .trend, "ranking": .ranking, "blocks": .comparison]
        for (name, result) in ChartSamples.all {
            XCTAssertEqual(ChartData(shape: result.shape, rows: result.rows, unit: .tenThousandYuan)?.kind, expected[name], name)
        }
    }
}
