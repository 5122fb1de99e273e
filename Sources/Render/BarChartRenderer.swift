import Core

/// The `bar` format on a terminal: horizontal bars of Unicode blocks at ⅛ resolution, labels
/// aligned by display width, each value (and share or change rate) beside its bar, fitted to
/// the terminal width. Two years (`compare`, `summary`) are drawn side by side on one scale;
/// totals are a line under the bars, without a bar. `breakdown 支出` at 60 columns:
///
///     项目          2023年                                    占比
///     基本支出      █████████████████████████████  636.03   71.53%
///     项目支出      ███████████▌                   253.13   28.47%
///     ────────────
///     本年支出合计                                 889.16  100.00%
///
/// and `compare 三公 2022 2023` (labels cut with "…" to leave the bars room):
///
///     项目                  2022年         2023年          变动率
///     公务用车购置及运行…   ███▎    6.89*  ██████  12.52  +81.71%
///
/// `ResultWriter` writes the data (tsv) instead when there is no terminal width (a pipe or a
/// file), and the table when the result is not a chart.
struct BarChartRenderer {
    let chart: ChartData
    let width: Int

    /// ▏▎▍▌▋▊▉ for 1…7 eighths; █ for a whole cell.
    static let partialBlocks: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    func render() -> String {
        let labelTexts = chart.items.map(indentedLabel)
        let widestLabel = max(DisplayWidth.of(chart.labelTitle), labelTexts.map(DisplayWidth.of).max() ?? 0)
        let valueWidth = chart.items.flatMap(\.texts).map(DisplayWidth.of).max() ?? 1
        let noteWidth = chart.noteTitle == nil ? 0
            : max(DisplayWidth.of(chart.noteTitle ?? ""), chart.items.compactMap(\.note).map(DisplayWidth.of).max() ?? 0)
        let seriesCount = chart.series.count
        let numbers = seriesCount * (2 + 2 + valueWidth) + (noteWidth > 0 ? 2 + noteWidth : 0)
        // Labels take up to a third of the width, less when bars would get under 4 cells.
        let labelWidth = max(4, min(widestLabel, max(8, width / 3), width - numbers - seriesCount * 4))
        let barWidth = max(1, (width - labelWidth - numbers) / seriesCount)
        var lines: [String] = []
        var header = Self.pad(chart.labelTitle, labelWidth)
        for title in chart.series { header += "  " + Self.pad(DisplayWidth.truncate(title, toWidth: barWidth + 2 + valueWidth), barWidth + 2 + valueWidth) }
        if let noteTitle = chart.noteTitle { header += "  " + Self.padLeft(noteTitle, noteWidth) }
        let blocks = chart.blocks
        if chart.items.isEmpty { return Self.trimmed(header) + "\n" + TableText.noResult + "\n" }
        for block in blocks {
            if let block, blocks.count > 1 { lines.append(TableText.blockTitle(block)) }
            if block == blocks.first || blocks.count > 1 { lines.append(Self.trimmed(header)) }
            var ruled = false
            for (index, item) in chart.items.enumerated() where item.block == block {
                if item.isTotal && !ruled {
                    lines.append(String(repeating: "─", count: labelWidth))
                    ruled = true
                }
                var line = Self.pad(DisplayWidth.truncate(labelTexts[index], toWidth: labelWidth), labelWidth)
                for series in 0..<seriesCount {
                    let bar = item.isTotal ? "" : Self.bar(item.values[series], scale: chart.scale, width: barWidth)
                    line += "  " + Self.pad(bar, barWidth) + "  " + Self.padLeft(item.texts[series], valueWidth)
                }
                if noteWidth > 0 { line += "  " + Self.padLeft(item.note ?? "", noteWidth) }
                lines.append(Self.trimmed(line))
            }
        }
        return lines.map { $0 + "\n" }.joined()
    }

    private func indentedLabel(_ item: ChartData.Item) -> String {
        String(repeating: "  ", count: max(0, item.level - 1)) + item.label
    }

    /// `value / scale` of `width` cells, rounded half up to the nearest eighth of a cell.
    static func bar(_ value: Int64?, scale: Int64, width: Int) -> String {
        guard let value, value > 0, scale > 0, width > 0 else { return "" }
        let (product, overflow) = value.multipliedReportingOverflow(by: Int64(width * 8))
        let eighths = overflow ? Int((Double(value) / Double(scale) * Double(width * 8)).rounded())
                               : Int((product + scale / 2) / scale)
        let clamped = min(eighths, width * 8)
        var text = String(repeating: "█", count: clamped / 8)
        if clamped % 8 > 0 { text.append(partialBlocks[clamped % 8 - 1]) }
        return text
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
    }

    static func padLeft(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - DisplayWidth.of(text))) + text
    }

    private static func trimmed(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}
