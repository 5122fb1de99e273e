import Core

/// The single-row table of the final accounts (the 三公 table): 预算数 and 决算数 of a total and
/// its parts, one figure per column (`TableShape.singleRow`), a blank cell printing nothing.
extension FinalAccountsTableReader {
    /// Places the row's figures: all of them when every column prints one; in layout text each
    /// under the nearest of the printed headings; else (reading order) by the placements, order
    /// kept, under which every identity holds — several such placements wait for the 情况说明
    /// (`settleSingleRow`).
    static func readSingleRow(_ spec: TableSpec, slots: [RowSlot?], identities: [(whole: Int, parts: [Int])],
                              _ lines: [String], _ range: ClosedRange<Int>, into b: inout ShanghaiBuilder) {
        let tokenLines = tokenLines(lines, range)
        let layout = LayoutScanner.isLayout(rawLines(lines, range))
        let numbers = tokenLines.flatMap { $0.filter(\.isCell) }
        let count = slots.count
        let unit = spec.printedUnit(lines, range)
        b.tables += 1
        guard !numbers.isEmpty else {
            // Printed empty: recorded (a table with no fact), so the audit tells it from a removed one.
            b.tableRecords.append(ImportedTable(title: spec.title, lineFrom: range.lowerBound, lineTo: range.upperBound))
            return
        }
        let headingWords = Set(spec.columns.flatMap(\.headings))
        var placement: [Int?] = []
        if numbers.count == count {
            placement = Array(0..<count)
        } else if layout, let header = tokenLines.first(where: { $0.filter { headingWords.contains($0.text) }.count == count }) {
            // Each figure under the nearest heading.
            let centers = header.map { Double($0.x) + 1.5 }
            placement = numbers.map { n in
                let c = Double(n.x) + Double(n.text.count) / 2
                return centers.indices.min { abs(centers[$0] - c) < abs(centers[$1] - c) }
            }
            if Set(placement.compactMap { $0 }).count != numbers.count { placement = [] }
        }
        if placement.isEmpty {
            // Reading order: the placements (order kept) under which the parts add up.
            let solutions = RowPlacement.placements(numbers.map { LayoutScanner.amount($0) ?? 0 }, columns: count, identities: identities)
            guard !solutions.isEmpty else {
                b.warnings.append("\(spec.title)：数字无法与栏目对应（第 \(numbers[0].line) 行）")
                return
            }
            if solutions.count > 1 {
                b.unsettledRow = (spec, unit, numbers, solutions)
                return
            }
            placement = solutions[0]
        }
        place(numbers, placement, spec: spec, unit: unit, into: &b)
    }

    /// Settles a reading-order single row with the figures the 情况说明 states (a placement that
    /// contradicts one of them is dropped; blank cells count as 0), then places the figures
    /// whose column every remaining placement agrees on and reports the others.
    static func settleSingleRow(into b: inout ShanghaiBuilder) {
        guard let (spec, unit, numbers, placements) = b.unsettledRow, case .singleRow(let slots, _) = spec.shape else { return }
        b.unsettledRow = nil
        var stated: [String: Int64] = [:]
        for fact in b.facts where fact.provenance.kind == "text" {
            if let measure = fact.measureID, let amount = fact.amountFen { stated["\(measure) \(fact.column)"] = amount }
        }
        let agreeing = placements.filter { placement in
            slots.indices.allSatisfy { column in
                guard let slot = slots[column], let said = stated["\(slot.measure) \(slot.column)"] else { return true }
                return said == (placement.firstIndex(of: column).flatMap { LayoutScanner.amount(numbers[$0]) } ?? 0)
            }
        }
        let candidates = agreeing.isEmpty ? placements : agreeing
        let settled = candidates[0].indices.map { i in candidates.allSatisfy { $0[i] == candidates[0][i] } ? candidates[0][i] : nil }
        for (i, column) in settled.enumerated() where column == nil {
            let columns = Set(candidates.map { $0[i] }).sorted().map { spec.columns[$0].label }.joined(separator: "、")
            b.warnings.append("\(spec.title)：\(numbers[i].text) 可能属于 \(columns)，无法确定（第 \(numbers[i].line) 行），未导入")
        }
        place(numbers, settled, spec: spec, unit: unit, into: &b)
    }

    /// The headings (预算数, 决算数) of the fact columns in which an identity fails, in the order
    /// of the identities.
    private static func unbalancedColumns(_ v: [Int64], spec: TableSpec, identities: [(whole: Int, parts: [Int])]) -> [String] {
        var result: [String] = []
        for identity in identities where v[identity.whole] != identity.parts.map({ v[$0] }).reduce(0, +) {
            let heading = spec.columns[identity.whole].headings[0]
            if !result.contains(heading) { result.append(heading) }
        }
        return result
    }

    private static func place(_ numbers: [LayoutToken], _ placement: [Int?], spec: TableSpec, unit: MoneyUnit,
                              into b: inout ShanghaiBuilder) {
        guard case .singleRow(let slots, let identities) = spec.shape else { return }
        var v = [Int64](repeating: 0, count: slots.count)
        for (token, column) in zip(numbers, placement) {
            guard let column else { continue }
            v[column] = LayoutScanner.amount(token) ?? 0
            guard let slot = slots[column] else { continue }
            b.money(slot.measure, column: slot.column, token, place: .init(table: spec.title, row: nil, column: spec.columns[column].label, unit: unit))
        }
        // With a figure left out the sums cannot hold; every placement tried added up anyway.
        guard !placement.contains(nil) else { return }
        for heading in unbalancedColumns(v, spec: spec, identities: identities) {
            b.warnings.append("\(spec.title)：\(heading)各项之和与合计不符（第 \(numbers[0].line) 行）")
        }
    }
}
