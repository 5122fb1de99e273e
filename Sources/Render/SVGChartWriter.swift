import Core
import Foundation

/// The `svg` format: one standalone SVG of a charted statement, the kinds the disclosures
/// print — a donut for a structure (`breakdown`), grouped bars for two years (`compare`,
/// `summary`), a line for a trend, horizontal bars for a ranking (`top`). Text uses a font
/// stack that exists on Linux, Windows and macOS (nothing embedded), and every figure is a
/// `<text>` label, so the SVG stays searchable and its numbers are the printed ones.
/// Results per unit are drawn one chart under the other, each under the unit's name.
public struct SVGChartWriter {
    public let chart: ChartData
    public let unit: MoneyUnit
    /// Written above the chart when given.
    public var title: String?

    public init(chart: ChartData, unit: MoneyUnit, title: String? = nil) {
        self.chart = chart
        self.unit = unit
        self.title = title
    }

    public static let fontFamily = "'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC',sans-serif"
    static let palette = ["#3b6ea5", "#e07b39", "#5a9e6f", "#c44e52", "#8172b2", "#937860", "#da8bc3", "#8c8c8c", "#ccb974", "#64b5cd"]
    static let width = 720.0

    /// What `svg` writes for a result that is no chart.
    public static let noChart = document(body: text("该结果不是图表语句（breakdown、compare、summary、trend、top）的结果，无法绘图。",
                                                    x: 20, y: 40, size: 14), height: 80)

    /// The whole SVG document.
    public func render() -> String {
        Self.document(body: body(), height: height)
    }

    /// The chart as an `<svg>` element without the XML declaration (for inline HTML).
    public func inline() -> String {
        Self.svgElement(body: body(), height: height)
    }

    private var height: Double { layout().height }

    private func body() -> String { layout().body }

    private func layout() -> (body: String, height: Double) {
        var body = ""
        var y = 0.0
        if let title {
            body += Self.text(title, x: 20, y: 28, size: 16, weight: "bold")
            y = 40
        }
        let blocks = chart.blocks
        for block in blocks {
            if let block, blocks.count > 1 {
                body += Self.text(block, x: 20, y: y + 24, size: 14, weight: "bold")
                y += 32
            }
            let items = chart.items.filter { $0.block == block }
            let part = draw(items)
            body += "<g transform=\"translate(0,\(Self.number(y)))\">\n" + part.body + "</g>\n"
            y += part.height
        }
        return (body, y + 10)
    }

    private func draw(_ items: [ChartData.Item]) -> (body: String, height: Double) {
        switch chart.kind {
        case .structure: return donut(items)
        case .comparison: return groupedBars(items)
        case .trend: return line(items)
        case .ranking: return horizontalBars(items)
        }
    }

    // MARK: Kinds

    private func donut(_ items: [ChartData.Item]) -> (body: String, height: Double) {
        let parts = items.filter { !$0.isTotal && $0.level == 1 }
        let sum = parts.compactMap { $0.values[0] }.filter { $0 > 0 }.reduce(0, +)
        let center = (x: 170.0, y: 170.0), outer = 130.0, inner = 78.0
        var body = ""
        var angle = -90.0
        for (index, item) in parts.enumerated() {
            guard let value = item.values[0], value > 0, sum > 0 else { continue }
            let sweep = Double(value) / Double(sum) * 360
            let color = Self.palette[index % Self.palette.count]
            if sweep >= 359.99 {
                body += "<circle cx=\"\(Self.number(center.x))\" cy=\"\(Self.number(center.y))\" r=\"\(Self.number((outer + inner) / 2))\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"\(Self.number(outer - inner))\"/>\n"
            } else {
                body += "<path d=\"\(Self.ring(center: center, outer: outer, inner: inner, from: angle, to: angle + sweep))\" fill=\"\(color)\" stroke=\"#fff\" stroke-width=\"1\"/>\n"
            }
            angle += sweep
        }
        if let total = items.first(where: \.isTotal) {
            body += Self.text(total.texts[0], x: center.x, y: center.y + 2, size: 20, weight: "bold", anchor: "middle")
            body += Self.text(total.label, x: center.x, y: center.y + 24, size: 12, anchor: "middle", fill: "#555")
        }
        var y = 40.0
        body += Self.text(chart.series[0] + "（" + unit.rawValue + "）", x: 340, y: y, size: 12, fill: "#555")
        for (index, item) in parts.enumerated() {
            y += 26
            body += "<rect x=\"340\" y=\"\(Self.number(y - 11))\" width=\"12\" height=\"12\" fill=\"\(Self.palette[index % Self.palette.count])\"/>\n"
            body += Self.text(item.label, x: 358, y: y, size: 13)
            body += Self.text(item.texts[0], x: 620, y: y, size: 13, anchor: "end")
            if let note = item.note { body += Self.text(note, x: 700, y: y, size: 13, anchor: "end") }
        }
        return (body, max(340, y + 30))
    }

    private func groupedBars(_ items: [ChartData.Item]) -> (body: String, height: Double) {
        let parts = items.filter { !$0.isTotal && $0.level == 1 }
        let scale = Double(max(1, parts.flatMap(\.values).compactMap { $0 }.max() ?? 1))
        let left = 40.0, plotHeight = 220.0
        let slot = (Self.width - left - 20) / Double(max(1, parts.count))
        let barWidth = min(36, slot * 0.35)
        // Figures wider than their bar stand upright above it, so that neighbours never overlap.
        let widestFigure = Double(parts.flatMap(\.texts).map(DisplayWidth.of).max() ?? 0) * 6.2
        let upright = widestFigure > barWidth
        let top = upright ? 60 + widestFigure : 60.0
        var body = ""
        for (series, name) in chart.series.enumerated() {
            let x = left + Double(series) * 110
            body += "<rect x=\"\(Self.number(x))\" y=\"18\" width=\"12\" height=\"12\" fill=\"\(Self.palette[series])\"/>\n"
            body += Self.text(name, x: x + 18, y: 29, size: 13)
        }
        body += Self.text("单位：" + unit.rawValue, x: Self.width - 20, y: 29, size: 12, anchor: "end", fill: "#555")
        body += "<line x1=\"\(Self.number(left))\" y1=\"\(Self.number(top + plotHeight))\" x2=\"\(Self.number(Self.width - 20))\" y2=\"\(Self.number(top + plotHeight))\" stroke=\"#888\"/>\n"
        let charsPerLine = max(2, Int(slot / 13))
        var labelLines = 1
        for (index, item) in parts.enumerated() {
            let middle = left + slot * (Double(index) + 0.5)
            for series in item.values.indices {
                let x = middle - barWidth + Double(series) * barWidth
                guard let value = item.values[series] else { continue }
                let height = Double(max(0, value)) / scale * plotHeight
                body += "<rect x=\"\(Self.number(x + 1))\" y=\"\(Self.number(top + plotHeight - height))\" width=\"\(Self.number(barWidth - 2))\" height=\"\(Self.number(height))\" fill=\"\(Self.palette[series])\"/>\n"
                if upright {
                    body += Self.text(item.texts[series], x: x + barWidth / 2 + 4, y: top + plotHeight - height - 4, size: 11,
                                      rotate: true)
                } else {
                    body += Self.text(item.texts[series], x: x + barWidth / 2, y: top + plotHeight - height - 4, size: 11, anchor: "middle")
                }
            }
            let lines = Self.wrap(item.label, every: charsPerLine)
            labelLines = max(labelLines, lines.count)
            for (number, line) in lines.enumerated() {
                body += Self.text(line, x: middle, y: top + plotHeight + 18 + Double(number) * 15, size: 12, anchor: "middle")
            }
            if let note = item.note {
                body += Self.text(note, x: middle, y: top + plotHeight + 20 + Double(lines.count) * 15, size: 11, anchor: "middle", fill: "#555")
            }
        }
        return (body, top + plotHeight + 40 + Double(labelLines) * 15)
    }

    private func line(_ items: [ChartData.Item]) -> (body: String, height: Double) {
        let points = items.filter { !$0.isTotal }
        let scale = Double(max(1, points.compactMap { $0.values[0] }.max() ?? 1))
        let left = 60.0, top = 50.0, plotHeight = 200.0
        let step = (Self.width - left - 60) / Double(max(1, points.count - 1))
        var body = Self.text(chart.series[0] + "（" + unit.rawValue + "）", x: 20, y: 28, size: 12, fill: "#555")
        body += "<line x1=\"\(Self.number(left - 20))\" y1=\"\(Self.number(top + plotHeight))\" x2=\"\(Self.number(Self.width - 20))\" y2=\"\(Self.number(top + plotHeight))\" stroke=\"#888\"/>\n"
        var coordinates: [String] = []
        for (index, item) in points.enumerated() {
            let x = points.count == 1 ? Self.width / 2 : left + step * Double(index)
            body += Self.text(item.label, x: x, y: top + plotHeight + 20, size: 12, anchor: "middle")
            guard let value = item.values[0] else { continue }
            let y = top + plotHeight - Double(max(0, value)) / scale * plotHeight
            coordinates.append("\(Self.number(x)),\(Self.number(y))")
            body += "<circle cx=\"\(Self.number(x))\" cy=\"\(Self.number(y))\" r=\"4\" fill=\"\(Self.palette[0])\"/>\n"
            body += Self.text(item.texts[0], x: x, y: y - 10, size: 12, anchor: "middle")
            if let note = item.note, note != "—" {
                body += Self.text(note, x: x, y: top + plotHeight + 38, size: 11, anchor: "middle", fill: "#555")
            }
        }
        if coordinates.count > 1 {
            body = "<polyline points=\"\(coordinates.joined(separator: " "))\" fill=\"none\" stroke=\"\(Self.palette[0])\" stroke-width=\"2\"/>\n" + body
        }
        return (body, top + plotHeight + 50)
    }

    private func horizontalBars(_ items: [ChartData.Item]) -> (body: String, height: Double) {
        let parts = items.filter { !$0.isTotal }
        let scale = Double(chart.scale)
        let labelWidth = min(300.0, Double(parts.map { DisplayWidth.of($0.label) }.max() ?? 4) * 6.5 + 10)
        let left = 20 + labelWidth, barSpace = Self.width - left - 150
        var body = Self.text(chart.series[0] + "（" + unit.rawValue + "）", x: 20, y: 24, size: 12, fill: "#555")
        var y = 40.0
        for item in parts {
            body += Self.text(item.label, x: left - 8, y: y + 15, size: 13, anchor: "end")
            if let value = item.values[0] {
                let width = Double(max(0, value)) / scale * barSpace
                body += "<rect x=\"\(Self.number(left))\" y=\"\(Self.number(y + 2))\" width=\"\(Self.number(width))\" height=\"18\" fill=\"\(Self.palette[0])\"/>\n"
                body += Self.text(item.texts[0] + (item.note.map { "（\($0)）" } ?? ""), x: left + width + 6, y: y + 15, size: 12)
            }
            y += 26
        }
        return (body, y + 10)
    }

    // MARK: Pieces

    static func document(body: String, height: Double) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svgElement(body: body, height: height)
    }

    static func svgElement(body: String, height: Double) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(number(width))\" height=\"\(number(height))\" viewBox=\"0 0 \(number(width)) \(number(height))\" font-family=\"\(fontFamily)\">\n"
            + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n" + body + "</svg>\n"
    }

    static func text(_ content: String, x: Double, y: Double, size: Int, weight: String? = nil, anchor: String? = nil,
                     fill: String? = nil, rotate: Bool = false) -> String {
        var attributes = "x=\"\(number(x))\" y=\"\(number(y))\" font-size=\"\(size)\""
        if rotate { attributes += " transform=\"rotate(-90 \(number(x)) \(number(y)))\"" }
        if let weight { attributes += " font-weight=\"\(weight)\"" }
        if let anchor { attributes += " text-anchor=\"\(anchor)\"" }
        if let fill { attributes += " fill=\"\(fill)\"" }
        return "<text \(attributes)>\(XMLText.escape(content))</text>\n"
    }

    /// The path of a ring segment from `from` to `to` degrees (0 = three o'clock, clockwise).
    static func ring(center: (x: Double, y: Double), outer: Double, inner: Double, from: Double, to: Double) -> String {
        func point(_ radius: Double, _ degrees: Double) -> String {
            let radians = degrees * Double.pi / 180
            return "\(number(center.x + radius * cos(radians))),\(number(center.y + radius * sin(radians)))"
        }
        let large = to - from > 180 ? 1 : 0
        return "M\(point(outer, from)) A\(number(outer)),\(number(outer)) 0 \(large) 1 \(point(outer, to)) "
            + "L\(point(inner, to)) A\(number(inner)),\(number(inner)) 0 \(large) 0 \(point(inner, from)) Z"
    }

    /// Text cut into lines of at most `count` characters.
    static func wrap(_ text: String, every count: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for character in text {
            if current.count == count {
                lines.append(current)
                current = ""
            }
            current.append(character)
        }
        if !current.isEmpty { lines.append(current) }
        return lines.isEmpty ? [""] : lines
    }

    /// A coordinate with at most one decimal ("12", "12.5").
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return sign + String(magnitude / 10) + (magnitude % 10 == 0 ? "" : "." + String(magnitude % 10))
    }
}
