import ArgumentParser
import Core
import Foundation
import Render

extension OutputFormat: ExpressibleByArgument {}

extension MoneyUnit: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument) }
}

/// Output options shared by commands that print results.
struct FormatOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("输出格式：table|box|csv|tsv|json|jsonl|markdown|bar|svg（终端默认 table，否则 tsv；bar 只在终端上画图）", valueName: "格式"))
    var format: OutputFormat?

    @Option(name: .long, help: ArgumentHelp("金额单位：元|万元|亿元", valueName: "单位"))
    var unit: MoneyUnit = .tenThousandYuan

    @Flag(name: .long, help: "不输出表头（csv、tsv）")
    var noHeader = false

    @Flag(name: .long, help: "csv 输出前加 UTF-8 BOM（便于 Excel 打开）")
    var bom = false

    func renderOptions() -> RenderOptions {
        Self.renderOptions(format: format, unit: unit, noHeader: noHeader, bom: bom)
    }

    /// The output settings these options describe; without a format, table on a terminal, else tsv.
    static func renderOptions(format: OutputFormat?, unit: MoneyUnit, noHeader: Bool, bom: Bool) -> RenderOptions {
        var options = RenderOptions()
        options.format = format ?? (isatty(STDOUT_FILENO) == 1 ? .table : .tsv)
        options.unit = unit
        options.headers = !noHeader
        options.bom = bom
        return options
    }
}
