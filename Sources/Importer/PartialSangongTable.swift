import Core

/// The 三公 table of a document of an unrecognized template, found by its title (“三公”经费…表)
/// and read by its headings: twelve figures in one row, either item by item (预算数 决算数 for
/// 合计, 因公出国（境）费, 公务用车购置及运行费, 其购置费, 其运行费, 公务接待费) or as two groups (the
/// six 预算数, then the six 决算数). The figures are kept only when the headings name the
/// layout, the money unit and every item, and the table's identities hold in both columns
/// (合计 = 出国 + 车 + 接待, 车 = 购置 + 运行).
enum PartialSangongTable {
    struct Result {
        var facts: [ImportedFact] = []
        var table: ImportedTable?
        var warnings: [String] = []
    }

    /// Item labels in the headings, in the order the 12 slots of `TableTemplate.sangongSlots` take them.
    static let itemLabels = ["合计", "出国", "购置及运行", "购置费", "运行", "接待"]

    static func read(_ lines: [String], year: Int) -> Result {
        var result = Result()
        for (t, raw) in lines.enumerated() where raw.containsBytes("三公") {
            let title = raw.withoutSpaces
            guard title.hasSuffix("表"), title.containsBytes("经费"), title.count <= 40,
                  !ParagraphJoiner.opensWithMarker(title) else { continue }
            switch readTable(lines, titleIndex: t, title: title, year: year) {
            case .read(let facts, let table):
                result.facts = facts
                result.table = table
                return result
            case .refused(let reason):
                result.warnings.append("第\(t + 1)行「\(title)」：\(reason)，未导入")
            case .notATable:
                continue
            }
        }
        return result
    }

    enum Outcome {
        case read([ImportedFact], ImportedTable)
        case refused(String)
        case notATable
    }

    static func readTable(_ lines: [String], titleIndex t: Int, title: String, year: Int) -> Outcome {
        var heading = "", headingLines: [String] = []
        var row: [LayoutToken]?
        for n in (t + 1)..<min(lines.count, t + 14) {
            let text = lines[n]
            let compact = text.withoutSpaces
            if compact.isEmpty || text.hasPrefix("[PDF page") { continue }
            if compact.contains("。") { break }   // prose: the table ended without a row of figures
            let tokens = LayoutScanner.tokens(text, line: n + 1)
            if tokens.count == 12, tokens.allSatisfy(\.isCell) { row = tokens; break }
            if tokens.contains(where: \.isAmount) { break }
            heading += compact
            headingLines.append(compact)
        }
        guard let row else { return .notATable }
        let budgets = occurrences(of: "预算数", in: heading), actuals = occurrences(of: "决算数", in: heading)
        let titledActual = title.containsBytes("决算")
        guard itemLabels.allSatisfy({ heading.containsBytes($0) }) else { return .refused("表头未列明全部项目") }
        // Item by item: 预算数 决算数 under each of the six; grouped: one 预算数 over the first six, one 决算数 over the rest.
        let slots: [Int]
        if budgets == 6 && actuals == 6 {
            slots = Array(0..<12)
        } else if budgets == 1 && actuals == 1 && titledActual,
                  let b = heading.range(of: "预算数"), let a = heading.range(of: "决算数") {
            let budgetFirst = b.lowerBound < a.lowerBound
            slots = (0..<12).map { i in
                let item = i % 6, isBudget = (i < 6) == budgetFirst
                return item * 2 + (isBudget ? 0 : 1)
            }
        } else {
            return .refused("表头的预算数、决算数栏目无法确定")
        }
        let window = lines[max(0, t - 2)..<min(lines.count, row[0].line)].map(\.withoutSpaces)
        let unit: MoneyUnit
        if window.contains(where: { $0.containsBytes("单位：万元") || $0.containsBytes("单位:万元") }) {
            unit = .tenThousandYuan
        } else if window.contains(where: { $0.containsBytes("单位：元") || $0.containsBytes("单位:元") }) {
            unit = .yuan
        } else {
            return .refused("未写明金额单位")
        }
        var values = [Int64](repeating: 0, count: 12)
        for (token, slot) in zip(row, slots) {
            values[slot] = token.isPlaceholder && token.text != "0" ? 0 : Amount(printed: token.text, unit: unit)?.fen ?? 0
        }
        for c in 0..<2 where values[c] != values[2 + c] + values[4 + c] + values[10 + c] || values[4 + c] != values[6 + c] + values[8 + c] {
            return .refused("\(c == 0 ? "预算数" : "决算数")各项之和与合计不符，栏目无法确定")
        }
        var facts: [ImportedFact] = []
        for (token, slot) in zip(row, slots) where !(token.isPlaceholder && token.text != "0") {
            guard let fen = Amount(printed: token.text, unit: unit)?.fen, let rowSlot = TableTemplate.sangongSlots[slot] else { continue }
            let measure = rowSlot.measure
            var provenance = Provenance("table", token.line)
            provenance.table = title
            provenance.columnLabel = TableTemplate.sangongParts[slot / 2] + (slot % 2 == 0 ? "预算数" : "决算数")
            facts.append(ImportedFact(measureID: measure, fund: MeasureFunds.byMeasure[measure] ?? "fiscal", column: rowSlot.column,
                                      year: year, amountFen: fen, printed: token.text, printedUnit: unit.rawValue,
                                      provenance: provenance))
        }
        return .read(facts, ImportedTable(title: title, lineFrom: t + 1, lineTo: row[0].line))
    }

    static func occurrences(of word: String, in text: String) -> Int {
        text.components(separatedBy: word).count - 1
    }
}
