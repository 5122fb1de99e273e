import Core

/// The 功能分类 code tables of the Shanghai template (收入决算表, 支出决算表,
/// 一般公共预算财政拨款支出决算表): figures placed by cell, heading or identities, then checked.
extension ShanghaiTables {
    // MARK: 收入决算表, 支出决算表, 一般公共预算财政拨款支出决算表

    /// Reads a 功能分类 code table; `columns[0]` is the total column, `headings` its printed
    /// column headings (prefixes, "|" between alternatives). Figures are placed by their cell
    /// (Word text), under their heading (layout text, on a page that prints the headings), else
    /// by the table's identities (`TableSolver`); a figure whose column stays open is not stored.
    ///
    /// `identities` replace the rule "column 0 = Σ the others" where a table has other row
    /// identities (the 政府性基金 table); the hierarchy is then checked in every column.
    static func readCodeTable(_ name: String, _ lines: [String], _ range: ClosedRange<Int>, fund: String, columns: [String],
                              headings: [String], columnLabels: [String], active: [Int]? = nil, columnTotals: [Int: Int64] = [:],
                              identities: [ColumnIdentity]? = nil,
                              totalMeasures: [String: String], into b: inout ShanghaiBuilder) {
        let layout = LayoutScanner.isLayout(rawLines(lines, range))
        let tokenLines = tokenLines(lines, range)
        let rows = CodeTableScanner.rows(tokenLines, layout: layout, totalLabels: ["合计"])
            .filter { !$0.isCode || $0.key.count != 2 }
        guard !rows.isEmpty else { return }
        var fixed: [Int: [Int: LayoutToken]] = [:]
        if LayoutScanner.isCells(rawLines(lines, range)) {
            // Word text: each figure sits in its column's cell (code, label, then the columns).
            for (i, row) in rows.enumerated() {
                var map: [Int: LayoutToken] = [:]
                for t in row.values {
                    let column = LayoutScanner.cell(t) - 2
                    if columns.indices.contains(column) { map[column] = t }
                    else { b.warnings.append("\(name)：第 \(t.line) 行数字 \(t.text) 不在栏目内") }
                }
                fixed[i] = map
            }
        } else if layout {
            // Layout text: on each page that prints the headings, figures sit under them.
            let pages = b.pages(of: range, tokenLines: tokenLines)
            var used: [Int] = []   // the columns the last headed page's figures took
            for page in pages {
                let onPage = rows.indices.filter { page.range.contains(rows[$0].line) }
                let ends = onPage.flatMap { rows[$0].values.map { $0.x + $0.text.count } }
                var columns: [Int: Int]?
                if let found = ColumnHeadings.find(page.lines, names: headings) {
                    columns = found.columns(forFiguresEndingAt: ends)
                    used = Set(columns?.values.map { $0 } ?? []).sorted()
                } else if !used.isEmpty {
                    columns = ColumnHeadings.continuing(used, forFiguresEndingAt: ends)
                }
                guard let columns else { continue }
                for i in onPage {
                    // Where the figures stand decides, even when the row does not add up (a printed
                    // mistake stays visible to `check`); a table wrong throughout is quarantined.
                    if let map = ColumnHeadings.place(rows[i].values, columns: columns, firstIsTotal: identities == nil) {
                        fixed[i] = map
                    }
                }
            }
        }
        let placements = TableSolver.solve(rows, columnCount: columns.count, fixed: fixed, active: active,
                                           columnTotals: columnTotals, identities: identities)
        let treeColumns = identities == nil ? [0] : Array(columns.indices)
        let maps = placements.map(\.cells)
        let firstFact = b.facts.count
        for (row, map) in zip(rows, maps) {
            let label = row.isCode ? (row.key + " " + row.label).trimmingSpaces : row.label
            for (column, token) in map.sorted(by: { $0.key < $1.key }) {
                let place = ShanghaiBuilder.Place(table: name, row: label, column: columnLabels[column])
                if row.isCode {
                    b.money(nil, code: row.key, fund: fund, column: columns[column], token, place: place)
                } else if let measure = totalMeasures[columns[column]] {
                    b.money(measure, token, place: place)
                }
            }
        }
        if let verdict = TableIdentities.verdict(rows, maps, identities: identities, treeColumns: treeColumns) {
            // Identities fail wholesale: one report, the figures kept but marked, no per-row cascade.
            for i in firstFact..<b.facts.count { b.facts[i].status = .quarantined }
            let reason = "\(verdict.checked) 项恒等关系（各栏之和等于合计，或下级科目之和等于上级）中 \(verdict.failed) 项不成立，疑似栏目错位"
            b.warnings.append("\(name)：\(reason)，已隔离（第 \(range.lowerBound)–\(range.upperBound) 行），其数字不参与核对")
            b.tableRecords.append(ImportedTable(title: name, lineFrom: range.lowerBound, lineTo: range.upperBound, status: .quarantined,
                                                reason: reason, rawCells: TableIdentities.rawCells(rows)))
            b.tables += 1
            return
        }
        b.tableRecords.append(ImportedTable(title: name, lineFrom: range.lowerBound, lineTo: range.upperBound))
        for (row, placement) in zip(rows, placements) where !placement.unknown.isEmpty {
            let figures = placement.unknown.map(\.text).joined(separator: "、")
            b.warnings.append("\(name)：\(row.key) 行的 \(figures) 无法确定所在栏目（第 \(row.line) 行），未导入")
        }
        // Row and hierarchy checks.
        for (row, map) in zip(rows, maps) {
            func value(_ column: Int) -> Int64 { map[column].flatMap(LayoutScanner.amount) ?? 0 }
            if let identities {
                for identity in identities where map.count > 1 && identity.difference(value) != 0
                    && (identity.left + identity.right).contains(where: { map[$0] != nil }) {
                    let side = { (c: [Int]) in c.map { columnLabels[$0] }.joined(separator: "与") }
                    b.warnings.append("\(name)：\(row.key) 行\(side(identity.left))不等于\(side(identity.right))（第 \(row.line) 行）")
                }
                continue
            }
            let parts = map.filter { $0.key != 0 }.values.compactMap(LayoutScanner.amount).reduce(0, +)
            if let total = map[0], map.count > 1, LayoutScanner.amount(total) != parts {
                b.warnings.append("\(name)：\(row.key) 行各栏之和 \(Amount(fen: parts)) 不等于合计 \(total.text)（第 \(total.line) 行）")
            }
        }
        for (row, map) in zip(rows, maps) {
            let childLength = !row.isCode ? 3 : row.key.count == 3 ? 5 : row.key.count == 5 ? 7 : 0
            guard childLength > 0 else { continue }
            let children = zip(rows, maps).filter { $0.0.isCode && $0.0.key.count == childLength && (!row.isCode || $0.0.key.hasPrefix(row.key)) }
            guard !children.isEmpty else { continue }
            for column in treeColumns {
                guard let total = map[column] else { continue }
                let s = children.compactMap { $0.1[column].flatMap(LayoutScanner.amount) }.reduce(0, +)
                if s != LayoutScanner.amount(total) {
                    let within = identities == nil ? "" : columnLabels[column] + "栏"
                    b.warnings.append("\(name)：\(row.key) 的下级科目\(within)之和 \(Amount(fen: s)) 不等于 \(total.text)（第 \(total.line) 行）")
                }
            }
        }
        b.tables += 1
    }
}
