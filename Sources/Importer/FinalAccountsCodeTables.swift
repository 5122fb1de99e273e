import Core

/// The code tables of the final accounts: 功能分类 tables (收入决算表, 支出决算表,
/// 一般公共预算财政拨款支出决算表, the 政府性基金 / 国有资本经营 tables) with figures placed by cell,
/// heading or identities, then checked; and the 经济分类 table of 基本支出, one figure a row.
extension FinalAccountsTableReader {
    /// Reads a 功能分类 code table; its first column is the total column unless the spec gives
    /// row identities. Figures are placed by their cell (Word text), under their heading (layout
    /// text, on a page that prints the headings), else by the table's identities (`TableSolver`);
    /// a figure whose column stays open is not stored.
    ///
    /// `identities` replace the rule "column 0 = Σ the others" where a table has other row
    /// identities (the 政府性基金 table); the hierarchy is then checked in every column.
    static func readCodeTable(_ spec: TableSpec, _ lines: [String], _ range: ClosedRange<Int>, into b: inout ShanghaiBuilder) {
        readCodeTable(spec, lines, range, tokenLines: tokenLines(lines, range), into: &b)
    }

    /// `readCodeTable`, given the range's `tokenLines`.
    static func readCodeTable(_ spec: TableSpec, _ lines: [String], _ range: ClosedRange<Int>, tokenLines: [[LayoutToken]],
                              into b: inout ShanghaiBuilder) {
        let name = spec.title, columns = spec.columns, headings = spec.columns.map { $0.headings.joined(separator: "|") }
        let columnLabels = spec.columns.map(\.label), identities = spec.identities
        let unit = spec.printedUnit(lines, range)
        // Columns the rows can fill: those whose measures have a figure other than 0 among the facts read so far.
        let activeColumns = spec.activeColumns.filter { _, measures in
            b.facts.contains { $0.measureID.map(measures.contains) == true && ($0.amountFen ?? 0) != 0 }
        }.map(\.column)
        let active = activeColumns.isEmpty ? nil : activeColumns
        // Totals the 情况说明 states, which settle columns a table's own sums leave open.
        let columnTotals = spec.statedTotals.compactMapValues { b.statedTotals[$0] }
        let raw = rawLines(lines, range)
        let layout = LayoutScanner.isLayout(raw)
        let rows = CodeTableScanner.rows(tokenLines, layout: layout, totalLabels: spec.totalRows.map(\.label))
            .filter { !$0.isCode || $0.key.utf8.count != 2 }   // a code's characters are its bytes
        guard !rows.isEmpty else { return }
        var fixed: [Int: [Int: LayoutToken]] = [:]
        if LayoutScanner.isCells(raw) {
            // Word text: each figure sits in its column's cell (code, label, then the columns).
            for (i, row) in rows.enumerated() {
                var map: [Int: LayoutToken] = [:]
                for t in row.values {
                    let column = LayoutScanner.cell(t) - spec.firstFigureCell
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
                let place = ShanghaiBuilder.Place(table: name, row: label, column: columnLabels[column], unit: unit)
                if row.isCode {
                    // A column without a fact column of its own is read (it places the others) but not stored.
                    guard let factColumn = columns[column].column else { continue }
                    b.money(nil, code: row.key, fund: columns[column].fund ?? spec.fund, column: factColumn, token, place: place)
                } else if let measure = spec.totalRows.first(where: { $0.label == row.key })?.measure ?? columns[column].totalMeasure {
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
        let keyLengths = rows.map { $0.isCode ? $0.key.utf8.count : 0 }   // of codes only, ASCII digits
        for (i, (row, map)) in zip(rows, maps).enumerated() {
            let childLength = !row.isCode ? 3 : keyLengths[i] == 3 ? 5 : keyLengths[i] == 5 ? 7 : 0
            guard childLength > 0 else { continue }
            let children = rows.indices.filter { rows[$0].isCode && keyLengths[$0] == childLength && (!row.isCode || rows[$0].key.hasPrefix(row.key)) }
                .map { (rows[$0], maps[$0]) }
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

    /// Reads the 经济分类 table of 基本支出: 类 and 款 rows and its total rows, one figure each,
    /// printed as two blocks side by side (layout text) or one after another on a line.
    /// Detail rows are kept as printed; a 类 they do not add up to is reported (the audit's B4
    /// rule then names the figures).
    static func readEconomicTable(_ spec: TableSpec, _ lines: [String], _ range: ClosedRange<Int>, into b: inout ShanghaiBuilder) {
        let totalLabels = spec.totalRows.map(\.label)
        let unit = spec.printedUnit(lines, range)
        let tokenLines = tokenLines(lines, range)
        let layout = LayoutScanner.isLayout(rawLines(lines, range))
        var streams = [tokenLines]
        if layout {
            // The right block starts at the second code printed on a line (支出 经济分类 codes start with 3).
            let split = tokenLines.compactMap { tokens -> Int? in
                tokens.first { $0.isCode && ($0.text.utf8.count == 3 || $0.text.utf8.count == 5) && $0.text.hasPrefix("3") && $0.x > 10 }?.x
            }.min() ?? 40
            streams = [tokenLines.map { $0.filter { $0.x < split - 2 } }, tokenLines.map { $0.filter { $0.x >= split - 2 } }]
        }
        if !layout {
            // Reading order: a line may hold a left-block row and a right-block row; each code
            // (or total label) after the first token starts a new row.
            streams = [tokenLines.flatMap { tokens -> [[LayoutToken]] in
                var segments: [[LayoutToken]] = [[]]
                for (i, t) in tokens.enumerated() {
                    let starts = i > 0 && ((t.isCode && (t.text.count == 3 || t.text.count == 5) && t.text.hasPrefix("3"))
                        || totalLabels.contains(where: { t.text.fastHasPrefix($0) }))
                    if starts && !(segments.last!.last?.isCode == true && t.text.count == 2) { segments.append([]) }
                    segments[segments.count - 1].append(t)
                }
                return segments.filter { !$0.isEmpty }
            }]
        }
        var rows: [CodeRow] = []
        for stream in streams {
            rows += CodeTableScanner.rows(stream, layout: layout, totalLabels: totalLabels)
                .filter { !$0.isCode || $0.key.utf8.count == 3 || $0.key.utf8.count == 5 }
        }
        var value: [String: LayoutToken] = [:], printedName: [String: String] = [:]
        for row in rows {
            guard let v = row.values.first else { continue }
            if row.isCode { printedName[row.key] = (row.key + " " + row.label).trimmingSpaces }
            if row.values.count > 1 { b.warnings.append("\(spec.title)：\(row.key) 行有多于一个数字（第 \(row.line) 行）") }
            value[row.key] = v
        }
        // Three ASCII digit characters are three ASCII digit bytes.
        let fiveCharacterKeys = value.filter { $0.key.count == 5 }
        for (cls, total) in value.filter({ $0.key.utf8.count == 3 && $0.key.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } })
            .sorted(by: { $0.key < $1.key }) {
            let details = fiveCharacterKeys.filter { $0.key.hasPrefix(cls) }
            let s = details.values.compactMap(LayoutScanner.amount).reduce(0, +)
            let difference = abs(s - (LayoutScanner.amount(total) ?? 0))
            if difference > 10_000 * Int64(details.count) {
                b.warnings.append("\(spec.title)：\(cls) 的明细之和 \(Amount(fen: s)) 不等于 \(total.text)（第 \(total.line) 行）")
            } else if difference != 0 {
                b.warnings.append("\(spec.title)：\(cls) 的明细之和 \(Amount(fen: s)) 与 \(total.text) 相差 \(Amount(fen: difference))（尾数，第 \(total.line) 行）")
            }
        }
        for (key, token) in value.sorted(by: { $0.key < $1.key }) {
            let place = ShanghaiBuilder.Place(table: spec.title, row: printedName[key] ?? key, column: spec.columns[0].label, unit: unit)
            if let total = spec.totalRows.first(where: { $0.label == key }) {
                if let measure = total.measure { b.money(measure, token, place: place) }
            } else {
                b.money(nil, code: key, fund: spec.columns[0].fund ?? spec.fund, column: spec.columns[0].column ?? actualColumn, token, place: place)
            }
        }
        check(spec, found: value, labels: [], into: &b)
        b.tables += 1
    }
}
