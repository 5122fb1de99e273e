import Core
@testable import Render
import TestSupport
import XCTest

/// The `svg` format: one golden per chart kind (`Goldens/svg-<sample>.svg`), and the figures
/// of the seed's own charts as searchable `<text>` labels (seed document
/// fixtures/disclosures/000_aa60969cd7f058a1.txt, lines cited in `ChartSamples`).
final class SvgChartTests: XCTestCase {
    private func svg(_ result: Samples.Result) -> String {
        ResultWriter.render(shape: result.shape, rows: result.rows, options: RenderOptions(format: .svg))
    }

    /// The contents of every `<text>` element, unescaped.
    static func texts(_ svg: String) -> [String] {
        svg.components(separatedBy: "<text ").dropFirst().compactMap { element in
            guard let start = element.firstIndex(of: ">"), let end = element.range(of: "</text>") else { return nil }
            return String(element[element.index(after: start)..<end.lowerBound])
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&")
        }
    }

    func testEveryChartKindHasAGolden() {
        for (name, result) in ChartSamples.all {
            goldens.assert(svg(result), named: "svg-\(name).svg")
        }
    }

    func testStandaloneSVGWithAFontStackAndNothingEmbedded() {
        for (name, result) in ChartSamples.all {
            let text = svg(result)
            XCTAssertTrue(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""), name)
            XCTAssertTrue(text.hasSuffix("</svg>\n"), name)
            XCTAssertTrue(text.contains("font-family=\"'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC',sans-serif\""), name)
            for forbidden in ["@font-face", "<image", "<script", "xlink:href", "url("] {
                XCTAssertFalse(text.contains(forbidden), "\(name) contains \(forbidden)")
            }
            XCTAssertEqual(text.components(separatedBy: "<text ").count, text.components(separatedBy: "</text>").count, name)
        }
    }

    func testDonutOfTheSeedsExpenditureStructure() {
        // Line 56 (图3): 基本支出636.03万元，占71.53%；项目支出253.13万元，占28.47%; 本年支出合计889.16.
        let text = svg(ChartSamples.structure)
        let labels = Self.texts(text)
        for figure in ["基本支出", "636.03", "71.53%", "项目支出", "253.13", "28.47%", "889.16", "本年支出合计"] {
            XCTAssertTrue(labels.contains(figure), "\(figure) missing from \(labels)")
        }
        XCTAssertEqual(text.components(separatedBy: "<path d=\"M").count - 1, 2, "one slice per part")
    }

    func testDonutOfTheSeedsFunctionalStructure() {
        // Line 76 (图6): 一般公共服务支出753.07万元，占84.69%；公共安全支出5.96万元，占0.67%；社会保障和就业支出
        // 57.34万元，占6.45%；卫生健康支出27.23万元，占3.06%；住房保障支出45.56万元，占5.12%.
        let labels = Self.texts(svg(ChartSamples.functions))
        for figure in ["753.07", "84.69%", "5.96", "0.67%", "57.34", "6.45%", "27.23", "3.06%", "45.56", "5.12%", "住房保障支出"] {
            XCTAssertTrue(labels.contains(figure), "\(figure) missing from \(labels)")
        }
    }

    func testSliceAnglesFollowTheAmounts() {
        // 基本支出 is 636.03 / 889.16 of the ring: its slice ends at −90° + 257.5°.
        let text = svg(ChartSamples.structure)
        let expected = SVGChartWriter.ring(center: (170, 170), outer: 130, inner: 78, from: -90, to: -90 + 636.03 / 889.16 * 360)
        XCTAssertTrue(text.contains(expected), text)
    }

    func testGroupedBarsAndLineCarryBothYears() {
        let compare = Self.texts(svg(ChartSamples.compare))
        for figure in ["2022年", "2023年", "6.89*", "12.52", "+81.71%", "公务接待费"] {
            XCTAssertTrue(compare.contains(figure), "\(figure) missing from \(compare)")
        }
        // Line 115: 三公 2023 12.52万元，较上年度增长5.63万元，增长81.71% (2022 is derived: 6.89*).
        let trend = svg(ChartSamples.trend)
        XCTAssertTrue(trend.contains("<polyline points="), trend)
        for figure in ["2022年", "2023年", "6.89*", "12.52", "+81.71%"] {
            XCTAssertTrue(Self.texts(trend).contains(figure), "\(figure) missing")
        }
    }

    func testTextIsEscapedAndNonChartsSaySo() {
        var result = ChartSamples.structure
        result.rows[0].cells[0] = .text("<a & \"b\">")
        XCTAssertTrue(svg(result).contains("&lt;a &amp; &quot;b&quot;&gt;"))
        XCTAssertEqual(svg(Samples.projects), SVGChartWriter.noChart)
        XCTAssertTrue(SVGChartWriter.noChart.contains("无法绘图"))
    }
}
