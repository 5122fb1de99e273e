import Core

/// Reads the tables of a final-accounts document (部门决算) by their `TableSpec`s
/// (`TableTemplate.finalAccounts`): code tables, two-sided label tables and single-row tables.
/// Their text comes as `pdftotext -layout` pages, as Word text (tab-separated cells) or in
/// reading order; a figure is placed by its cell, under its printed heading, else by the
/// table's own identities (`TableSolver`), and what the description says to check is checked.
enum FinalAccountsTableReader {
    /// Line ranges (1-based, inclusive) of each table, by title, found by its title line.
    static func locate(_ lines: [String], template: TableTemplate) -> [String: ClosedRange<Int>] {
        var starts: [(String, Int)] = []
        // Each wording of a title and the title of the first spec that has it; those whose
        // every scalar stands alone also by their UTF-8 length, for a line that stands alone
        // (equal to such a wording only when its bytes are the same).
        var byLength: [Int: [(wording: String, title: String)]] = [:]
        var allStandAlone = true
        for spec in template.tables {
            for title in spec.titles {
                byLength[title.utf8.count, default: []].append((title, spec.title))
                allStandAlone = allStandAlone && StandaloneScalar.containsAll(of: title)
            }
        }
        var titles: [String: String]?   // made when first needed
        func title(of line: String) -> String? {
            if titles == nil {
                titles = [:]
                for spec in template.tables {
                    for title in spec.titles where titles![title] == nil { titles![title] = spec.title }
                }
            }
            return titles![line]
        }
        for (i, raw) in lines.enumerated() where raw.containsBytes("表") {   // every title ends in 表
            let line = raw.withoutSpaces
            if line.fastHasPrefix("#") { continue }
            let title = allStandAlone && StandaloneScalar.containsAll(of: line)
                ? byLength[line.utf8.count]?.first(where: { ItemisedBudgets.sameBytes($0.wording, line) })?.title
                : title(of: line)
            if let title, !starts.contains(where: { $0.0 == title }) {
                starts.append((title, i + 1))
            }
        }
        var result: [String: ClosedRange<Int>] = [:]
        for (k, (title, start)) in starts.enumerated() {
            var end = k + 1 < starts.count ? starts[k + 1].1 - 1 : lines.count
            // The last table ends where the narrative starts.
            if k + 1 == starts.count {
                for n in start..<lines.count where startsNarrative(lines[n].withoutSpaces, template) {
                    end = n; break
                }
            }
            // The line before a title may be the tables part's heading or the unit's table caption.
            if k + 1 < starts.count {
                let before = lines[end - 1].withoutSpaces
                if template.captions.contains(where: { containsText(before, $0) }) || template.partHeadings.contains(where: { before.fastHasPrefix($0) }) {
                    end -= 1
                }
            }
            result[title] = start...max(start, end)
        }
        return result
    }

    /// `text.contains(part)` (Foundation's search), over the UTF-8 bytes when every scalar of
    /// both stands alone (`StandaloneScalar`): equal characters are then equal bytes.
    static func containsText(_ text: String, _ part: String) -> Bool {
        guard !part.isEmpty, StandaloneScalar.containsAll(of: text), StandaloneScalar.containsAll(of: part) else {
            return text.contains(part)
        }
        return text.containsBytes(part)
    }

    /// `text.fastHasPrefix(prefix)` for a `prefix` whose every scalar stands alone: a text
    /// whose first scalar stands alone and differs from the prefix's first byte has it not.
    static func startsWith(_ text: String, _ prefix: String) -> Bool {
        if let first = prefix.utf8.first, let byte = text.utf8.first, byte != first,
           StandaloneScalar.contains(byte < 0x80 ? UInt32(byte) : text.unicodeScalars.first!.value) { return false }
        return text.fastHasPrefix(prefix)
    }

    /// Whether a line (spaces removed) starts the narrative after the tables.
    static func startsNarrative(_ line: String, _ template: TableTemplate) -> Bool {
        template.narrativeStart.contains { line.fastHasPrefix($0) } || template.narrativeHeadings.contains(line)
    }

    /// Reads one table into `b`, by the shape its spec describes.
    static func read(_ spec: TableSpec, _ lines: [String], _ range: ClosedRange<Int>, into b: inout ShanghaiBuilder) {
        switch spec.shape {
        case .codes(economic: false):
            let tokens = tokenLines(lines, range)
            if spec.mayBeEmpty, !tokens.contains(where: { $0.contains(where: { $0.isCell && !$0.isPlaceholder }) }) {
                // Printed empty: recorded (a table with no fact), so the audit tells it from a removed one.
                b.tableRecords.append(ImportedTable(title: spec.title, lineFrom: range.lowerBound, lineTo: range.upperBound))
                b.tables += 1
                return
            }
            readCodeTable(spec, lines, range, tokenLines: tokens, into: &b)
        case .codes(economic: true): readEconomicTable(spec, lines, range, into: &b)
        case .twoSided(let left, let right): readTwoSided(spec, left: left, right: right, lines, range, into: &b)
        case .singleRow(let slots, let identities): readSingleRow(spec, slots: slots, identities: identities, lines, range, into: &b)
        }
    }

    static func tokenLines(_ lines: [String], _ range: ClosedRange<Int>) -> [[LayoutToken]] {
        range.dropFirst().map { n in
            let text = lines[n - 1]
            // Both searched texts end in "：", which most lines lack.
            if startsWith(text, "[PDF page") || startsWith(text, "#") || startsWith(text, "注：")
                || (text.containsBytes("：") && (text.containsBytes("单位：") || text.containsBytes("说明："))) { return [] }
            return LayoutScanner.hasTab(text) ? LayoutScanner.cellTokens(text, line: n) : LayoutScanner.tokens(text, line: n)
        }
    }

    static func rawLines(_ lines: [String], _ range: ClosedRange<Int>) -> [String] {
        range.dropFirst().map { lines[$0 - 1] }.filter { !$0.fastHasPrefix("[PDF page") }
    }

    static func sum(_ tokens: [LayoutToken?]) -> Int64 { tokens.compactMap { $0.flatMap(LayoutScanner.amount) }.reduce(0, +) }

    // MARK: Two-sided tables (收入支出决算总表, 财政拨款收入支出决算总表)

    /// Reads a two-sided table: left labels with one figure each; on the right the 类 rows and
    /// labels, with one figure per column. A one-column table reports a row with more figures;
    /// a table with fund columns places a row's figures by cell (Word text), else in order over
    /// the columns its left side's figures make active.
    static func readTwoSided(_ spec: TableSpec, left: [RowLabel], right allRight: [RowLabel], _ lines: [String],
                             _ range: ClosedRange<Int>, into b: inout ShanghaiBuilder) {
        let right = (spec.readsClasses ? FunctionClasses.names.map { RowLabel($0.name, nil, key: classKey + $0.code) } : []) + allRight
        let specs = left.map { LabelSpec(text: $0.label, side: 0, key: $0.name) } + right.map { LabelSpec(text: $0.label, side: 1, key: $0.name) }
        let rows = labelRows(lines, range, specs: specs, rightLabels: right.map(\.label))
        let stored = Set((left + right).compactMap(\.measure))
        let active = spec.activeColumns.filter { _, measures in
            rows.contains { measures.contains($0.spec.key) && ($0.values.first.flatMap(LayoutScanner.amount) ?? 0) != 0 }
        }.map(\.column)
        let cells = LayoutScanner.isCells(rawLines(lines, range))
        let leftHeading = spec.leftColumnLabel ?? spec.columns[0].label
        let unit = spec.printedUnit(lines, range)
        var found: [String: LayoutToken] = [:]
        var seenLeft = Set<String>()
        for row in rows {
            guard let first = row.values.first else { continue }
            let key = row.spec.key
            found[key] = first
            if spec.columns.count == 1 {
                // One column: a row's one figure.
                if row.values.count > 1 { b.warnings.append("\(spec.title) 第\(row.spec.text)行有多于一个数字（第 \(row.line) 行）") }
                let place = ShanghaiBuilder.Place(table: spec.title, row: row.spec.text, column: leftHeading, unit: unit)
                if let code = classCode(key) {
                    b.money(nil, code: code, fund: spec.fund, column: spec.columns[0].column ?? actualColumn, first, place: place)
                } else if stored.contains(key) {
                    b.money(key, column: spec.columns[0].column ?? actualColumn, first, place: place)
                }
                continue
            }
            if row.spec.side == 0 {
                if !stored.contains(key) || seenLeft.contains(key) { continue }
                seenLeft.insert(key)
                b.money(key, first, place: .init(table: spec.title, row: row.spec.text, column: leftHeading, unit: unit))
                continue
            }
            // Right: the first column then the others (order kept, blanks skipped).
            var byColumn: [(Int, LayoutToken)] = [(0, first)]
            if cells {
                // Word text: the columns' cells follow the label cell.
                byColumn = []
                for t in row.values {
                    let column = LayoutScanner.cell(t) - spec.firstFigureCell
                    if spec.columns.indices.contains(column) { byColumn.append((column, t)) }
                    else { b.warnings.append("\(spec.title)：第 \(row.line) 行数字不在栏目内") }
                }
            } else {
                let rest = Array(row.values.dropFirst())
                let columns = rest.count <= active.count ? Array(active.prefix(rest.count))
                    : Array(1...min(spec.columns.count - 1, rest.count))
                for (i, column) in columns.enumerated() { byColumn.append((column, rest[i])) }
                if rest.count > columns.count { b.warnings.append("\(spec.title)：第 \(row.line) 行数字多于栏目") }
            }
            for (column, token) in byColumn {
                let heading = spec.columns[column]
                let place = ShanghaiBuilder.Place(table: spec.title, row: row.spec.text, column: heading.label, unit: unit)
                if let code = classCode(key) {
                    b.money(nil, code: code, fund: heading.fund ?? spec.fund, column: heading.column ?? actualColumn, token, place: place)
                } else if key == spec.columns[0].totalMeasure, let measure = heading.totalMeasure {
                    b.money(measure, token, place: place)
                } else if column == 0 && stored.contains(key) {
                    b.money(key, token, place: place)
                }
            }
        }
        check(spec, found: found, labels: left + right, into: &b)
        b.tables += 1
    }

    /// The fact column of a final account's figures (决算数) where a column names none.
    static let actualColumn = "actual"

    /// Key prefix of a 类 row of a two-sided table ("code:201").
    static let classKey = "code:"

    static func classCode(_ key: String) -> String? { key.hasPrefix(classKey) ? String(key.dropFirst(classKey.count)) : nil }

    static func labelRows(_ lines: [String], _ range: ClosedRange<Int>, specs: [LabelSpec], rightLabels: [String]) -> [LabelRow] {
        let tokenLines = tokenLines(lines, range)
        let layout = LayoutScanner.isLayout(rawLines(lines, range))
        // A text whose first scalar stands alone starts only right labels of that first scalar
        // (`fastHasPrefix` then compares bytes), when each label stands alone.
        var byFirstScalar: [UInt32: [String]] = [:]
        for label in rightLabels { if let first = label.unicodeScalars.first { byFirstScalar[first.value, default: []].append(label) } }
        let prefilter = rightLabels.allSatisfy { !$0.isEmpty && StandaloneScalar.containsAll(of: $0) }
        let stream = layout
            ? LabelTableScanner.halves(tokenLines) { text in
                if prefilter, let scalar = text.unicodeScalars.first?.value, StandaloneScalar.contains(scalar) {
                    return byFirstScalar[scalar]?.contains { text.fastHasPrefix($0) } ?? false
                }
                return rightLabels.contains { text.fastHasPrefix($0) }
            }
            : tokenLines
        return LabelTableScanner.rows(stream, specs: specs, layout: layout)
    }

    /// The spec's row checks over the figures `found` by row name (a code's rows by the code):
    /// a warning for each sum that does not hold.
    static func check(_ spec: TableSpec, found: [String: LayoutToken], labels: [RowLabel], into b: inout ShanghaiBuilder) {
        for rule in spec.checks {
            guard let whole = found[rule.whole] else { continue }
            let parts = rule.parts.flatMap { part in
                part == RowCheck.classes ? found.filter { $0.key.hasPrefix(classKey) }.map(\.value) : [found[part]]
            }
            let total = sum(parts)
            guard LayoutScanner.amount(whole) != total else { continue }
            let wholeName = rule.wholeName ?? labels.first { $0.name == rule.whole }?.label ?? rule.whole
            if let partsName = rule.partsName {
                b.warnings.append("\(spec.title)：\(partsName)之和 \(Amount(fen: total)) 不等于\(wholeName) \(whole.text)（第 \(whole.line) 行）")
            } else {
                let names = rule.parts.map { part in labels.first { $0.name == part }?.label ?? part }
                // Codes are set apart by spaces ("不等于 301 与 303 之和").
                let listed = names.allSatisfy({ $0.allSatisfy(\.isASCIIDigitChar) }) ? " " + names.joined(separator: " 与 ") + " "
                    : names.count > 1 ? names.dropLast().joined(separator: "、") + "与" + names.last! : names.joined()
                b.warnings.append("\(spec.title)：\(wholeName) \(whole.text) 不等于\(listed)之和（第 \(whole.line) 行）")
            }
        }
    }
}
