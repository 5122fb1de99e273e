import Core

/// Helpers the G (performance) rules share: labels, the form's cells, intervals of rates.
enum Performance {
    static let rowNames = ["total": "总额", "fiscal": "财政资金", "special_account": "财政专户管理资金",
                           "unit_funds": "单位资金", "other": "其他资金"]
    static let fieldNames = ["initial": "年初预算", "adjusted": "调整后预算数", "executed": "预算执行数", "rate": "预算执行率",
                             "weight": "权重", "score": "得分", "adjustment": "年中调整"]
    /// The funding rows that make up 总额, in form order.
    static let partRows = ["fiscal", "special_account", "unit_funds", "other"]

    static func label(_ project: AuditProject, _ figure: ImportedProjectFigure) -> String {
        "\(project.name) \(rowNames[figure.fundingRow] ?? figure.fundingRow) \(fieldNames[figure.field] ?? figure.field)"
    }

    static func figure(_ project: AuditProject, _ figure: ImportedProjectFigure) -> FindingFigure {
        FindingFigure(label: label(project, figure), printed: figure.printed, sourceKind: figure.provenance.kind,
                      lineFrom: figure.provenance.lineFrom, lineTo: figure.provenance.lineTo)
    }

    /// The form's cell (table source) of a funding row and field.
    static func cell(_ project: AuditProject, _ row: String, _ field: String) -> ImportedProjectFigure? {
        project.figures.first { $0.provenance.kind == "table" && $0.fundingRow == row && $0.field == field }
    }

    /// The cell, or else the first text figure of that row and field.
    static func value(_ project: AuditProject, _ row: String, _ field: String) -> ImportedProjectFigure? {
        cell(project, row, field) ?? project.figures.first { $0.fundingRow == row && $0.field == field }
    }

    /// The interval (half-分) of a printed project amount.
    static func interval(_ figure: ImportedProjectFigure, _ unit: MoneyUnit) -> PrintedInterval? {
        guard let fen = figure.amountFen else { return nil }
        return PrintedInterval.of(printed: figure.printed.replacingOccurrences(of: "-", with: ""), unit: unit)
            .map { fen < 0 ? PrintedInterval(low: -$0.high, high: -$0.low) : $0 } ?? .exact(fen)
    }

    static func money(_ fen: Int64, _ unit: MoneyUnit) -> String { Amount(fen: fen).formatted(in: unit) }

    static func points(_ centi: Int64) -> String {
        centi % 100 == 0 ? "\(centi / 100)" : Amount(fen: centi).formatted(in: .yuan)
    }

    static func rate(_ scaled: Int64, _ decimals: Int) -> String {
        guard decimals > 0, let power = ExactDecimal.powerOfTen(decimals) else { return "\(scaled)%" }
        let sign = scaled < 0 ? "-" : ""
        let magnitude = abs(scaled)
        let fraction = String(magnitude % power)
        return sign + "\(magnitude / power)." + String(repeating: "0", count: decimals - fraction.count) + fraction + "%"
    }

    /// 100 × part / base rounded half up to `decimals` places, scaled by 10^decimals.
    static func roundedRate(part: Int64, base: Int64, decimals: Int) -> Int64? {
        guard base > 0, part >= 0, let power = ExactDecimal.powerOfTen(decimals) else { return nil }
        let numerator = part * 100 * power
        return (2 * numerator + base) / (2 * base)
    }

    /// Whether a printed rate (scaled, decimals) can be part / base for some values of the
    /// two printed intervals (half-分).
    static func rateAttainable(_ scaled: Int64, decimals: Int, part: PrintedInterval, base: PrintedInterval) -> Bool {
        guard let power = ExactDecimal.powerOfTen(decimals), base.low > 0 else { return false }
        let low = (Double(scaled) - 0.5) / Double(power), high = (Double(scaled) + 0.5) / Double(power)
        let attainableLow = 100 * Double(max(part.low, 0)) / Double(base.high)
        let attainableHigh = 100 * Double(part.high) / Double(base.low)
        return high >= attainableLow - 1e-9 && low <= attainableHigh + 1e-9
    }

    /// A printed indicator value in 分 ("3.5" 万 → 35,000,000), with its interval; nil when
    /// the unit is not an amount (元/人 is a unit cost, not an amount).
    static func costAmount(_ indicator: ImportedIndicator) -> (fen: Int64, interval: PrintedInterval)? {
        guard let target = indicator.target?.trimmingCharacters(in: .whitespaces), let unitText = indicator.unit else { return nil }
        let unit: MoneyUnit
        switch unitText.trimmingCharacters(in: .whitespaces) {
        case "万", "万元": unit = .tenThousandYuan
        case "元": unit = .yuan
        case "亿", "亿元": unit = .hundredMillionYuan
        default: return nil
        }
        guard let decimal = ExactDecimal(parsing: target), let fen = decimal.scaled(by: unit.fenPerUnit),
              let interval = PrintedInterval.of(printed: target, unit: unit) else { return nil }
        return (fen, interval)
    }

    static func indicatorFigure(_ project: AuditProject, _ indicator: ImportedIndicator, _ what: String, printed: String?) -> FindingFigure {
        let number = (project.indicators.firstIndex(of: indicator) ?? 0) + 1
        let name = indicator.isTotal ? "合计" : (indicator.level3 ?? indicator.level2 ?? indicator.level1 ?? "第\(number)项指标")
        return FindingFigure(label: "\(project.name) \(name) \(what)", printed: printed, sourceKind: "table",
                             lineFrom: indicator.lineFrom, lineTo: indicator.lineTo)
    }

    static func isSatisfaction(_ indicator: ImportedIndicator) -> Bool {
        [indicator.level1, indicator.level2, indicator.level3].contains { $0?.contains("满意") == true }
    }
}
