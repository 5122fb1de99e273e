import Core
import Render
import Store

/// A budget's sections: its main figures read as `summary 预算 Y` and the other statements
/// read them, and the changes against last year's budget the document itself states.
extension ReportBuilder {
    func budgetTables(_ disclosure: Disclosure) -> [AuditReport.Table] {
        let year = disclosure.year
        var tables = statementTables(disclosure, [("主要指标", "summary 预算 \(year)", nil)])
        if let stated = statedChanges(disclosure) { tables.append(stated) }
        tables += statementTables(disclosure, [
            ("收入结构", "breakdown 收入 预算 \(year)", "收入"),
            ("支出结构", "breakdown 支出 预算 \(year)", "支出"),
            ("“三公”经费与上年预算对比", "compare 三公 预算 \(year - 1) 预算 \(year)", "三公"),
            ("“三公”经费结构", "breakdown 三公 预算 \(year)", "三公"),
        ])
        return tables
    }

    /// One stated comparison: the figure it is about, and the change and rate printed with it.
    private struct StatedChange {
        var item: String
        var amount: Int64?
        var amountSource: AuditReport.Provenance
        var change: Int64?
        var changeSource: AuditReport.Provenance?
        var rate: Int64?
        var rateSource: AuditReport.Provenance?
        var printed: [String] = []
    }

    /// `与上年比较（文件所述）`: each figure the document compares with the year before
    /// (比上年预算增加…万元, 增长…%), with the figure, the stated change, the stated rate (else
    /// the change over the prior figure it implies, rounded half away from zero) and that
    /// prior figure (this year's less the change). Nil when the document states none.
    private func statedChanges(_ disclosure: Disclosure) -> AuditReport.Table? {
        guard let rows = try? session.connections.reader.query("""
            SELECT s.part_fact_id, coalesce(m.name_zh, f.code), f.amount_fen, f.source_kind, f.line_from, f.line_to,
                   s.kind, s.direction, s.amount_fen, s.rate_scaled, s.rate_decimals, s.printed, s.source_kind, s.line_from, s.line_to
            FROM statement s JOIN fact f ON f.id = s.part_fact_id LEFT JOIN measure m ON m.id = f.measure_id
            WHERE s.disclosure_id = ? AND s.kind IN ('change', 'growth') AND f.year = ?
            ORDER BY s.line_from, s.id
            """, [.integer(disclosure.id), .integer(Int64(disclosure.year))]) else { return nil }
        var order: [Int64] = []
        var changes: [Int64: StatedChange] = [:]
        for row in rows {
            guard let part = row[0].int64, let item = row[1].string, let sourceKind = row[12].string,
                  let from = row[13].int64, let to = row[14].int64 else { continue }
            let statement = AuditReport.Provenance(sourceKind: sourceKind, lineFrom: Int(from), lineTo: Int(to), note: nil)
            if changes[part] == nil {
                order.append(part)
                changes[part] = StatedChange(item: item, amount: row[2].int64, amountSource: AuditReport.Provenance(
                    sourceKind: row[3].string, lineFrom: row[4].int64.map(Int.init), lineTo: row[5].int64.map(Int.init), note: nil))
            }
            let sign: Int64 = row[7].string == "减少" ? -1 : 1
            if row[6].string == "change", changes[part]?.change == nil {
                changes[part]?.change = row[8].int64
                changes[part]?.changeSource = statement
            } else if row[6].string == "growth", changes[part]?.rate == nil {
                changes[part]?.rate = row[9].int64.flatMap { scaled in Self.hundredths(scaled, decimals: Int(row[10].int64 ?? 2)).map { sign * $0 } }
                    ?? (row[7].string == "持平" ? 0 : nil)
                changes[part]?.rateSource = statement
            }
            if let printed = row[11].string { changes[part]?.printed.append(printed) }
        }
        guard !order.isEmpty else { return nil }
        let year = disclosure.year
        let columns = [
            ResultColumn(name: "item", title: "项目", kind: .text),
            ResultColumn(name: "budget_\(year)", title: "\(year)年预算", kind: .money),
            ResultColumn(name: "change", title: "增减（文件所述）", kind: .moneyChange),
            ResultColumn(name: "change_pct", title: "增减率", kind: .percentChange(decimals: 2)),
            ResultColumn(name: "prior", title: "上年数（推算）", kind: .money),
            ResultColumn(name: "printed", title: "文件表述", kind: .text),
        ]
        var tableRows: [ResultRow] = []
        var sources: [[AuditReport.Provenance?]] = []
        for part in order {
            guard let stated = changes[part] else { continue }
            let prior = stated.amount.flatMap { amount in stated.change.map { amount - $0 } }
            var rate = stated.rate, rateSource = stated.rateSource
            if rate == nil, let change = stated.change, let prior, let computed = Rounding.percent(change, of: prior, decimals: 2) {
                rate = computed
                rateSource = AuditReport.Provenance(sourceKind: nil, lineFrom: nil, lineTo: nil, note: "计算：增减 ÷ 上年数，四舍五入到 0.01%")
            }
            let cells: [Cell] = [.text(stated.item), stated.amount.map(Cell.integer) ?? .null, stated.change.map(Cell.integer) ?? .null,
                                 rate.map(Cell.integer) ?? .null, prior.map(Cell.integer) ?? .null,
                                 .text(stated.printed.joined(separator: "；"))]
            tableRows.append(ResultRow(cells: cells, derivedCells: prior == nil ? [] : [4]))
            let priorSource = AuditReport.Provenance(sourceKind: nil, lineFrom: nil, lineTo: nil, note: "推算：本年预算 − 增减")
            sources.append([nil, stated.amountSource, stated.changeSource, rate == nil ? nil : rateSource, prior == nil ? nil : priorSource, nil])
        }
        return AuditReport.Table(title: "与上年比较（文件所述）", statement: "文件说明中的增减表述（比上年预算增加/减少…、增长…%）",
                                 shape: ResultShape(columns: columns, hasDerived: true), rows: tableRows, sources: sources, chart: false)
    }

    /// A printed rate scaled by 10^decimals as hundredths of a percent, rounded half away from zero.
    static func hundredths(_ scaled: Int64, decimals: Int) -> Int64? {
        if decimals <= 2 { return ExactDecimal.powerOfTen(2 - decimals).map { scaled * $0 } }
        return ExactDecimal.powerOfTen(decimals - 2).flatMap { Rounding.percent(scaled, of: $0 * 10_000, decimals: 2) }
    }
}
