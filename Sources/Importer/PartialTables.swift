import Core

/// The tables of a document of an unrecognized template other than its 三公 table
/// (`PartialSangongTable`): a table whose title, once its number (附表1, 表5, 一、), year and scope
/// word are set aside, is one of the 9-table template's (`TableTemplate.finalAccounts`) — the
/// 收入支出决算总表 (also titled 收入支出决算表, 收支决算总表), the 支出决算表 and the
/// 一般公共预算财政拨款支出决算表 — is read by that description (`FinalAccountsTableReader`), and its
/// figures are kept only where the table's own identities hold:
///
/// - a code table when every figure is placed (by its heading, else by the identities) and
///   every row identity and parent = Σ children holds; otherwise nothing of it;
/// - a two-sided table (one figure a row) row by row: a row is kept when a sum among its rows
///   (本年收入合计 = Σ 收入, 总计 = 本年收入合计 + 结余 …) holds with it and none fails with it;
///   a row printing more than one figure is not kept.
///
/// A table that prints no money unit (单位：万元 / 单位：元) is not read. Other tables (the fund
/// columns of 财政拨款收入支出决算总表, the 经济分类 table, …) are not read: where their figures go is
/// not settled by their own sums.
enum PartialTables {
    struct Result {
        var facts: [ImportedFact] = []
        var tables: [ImportedTable] = []
        var warnings: [String] = []
    }

    /// Titles as printed (numbers, year and scope word set aside) → the description's table.
    static let titles: [String: String] = [
        "收入支出决算总表": "收入支出决算总表", "收入支出决算表": "收入支出决算总表",
        "支出决算表": "支出决算表", "一般公共预算财政拨款支出决算表": "一般公共预算财政拨款支出决算表",
    ]

    static func read(_ lines: [String], year: Int) -> Result {
        var result = Result()
        let starts = lines.indices.compactMap { i in spec(titled: lines[i]).map { (i + 1, $0) } }
        for (n, (line, spec)) in starts.enumerated() {
            let range = line...end(lines, from: line, before: n + 1 < starts.count ? starts[n + 1].0 : lines.count + 1)
            let title = lines[line - 1].withoutSpaces
            // A title with no figure under it: a list of tables, or a table printed empty.
            guard FinalAccountsTableReader.tokenLines(lines, range).contains(where: { $0.contains(where: \.isAmount) }) else { continue }
            guard printsUnit(lines, range) else {
                result.warnings.append("第\(line)行「\(title)」：未写明金额单位，未导入")
                continue
            }
            var b = ShanghaiBuilder(year: year, priorYear: year - 1)
            let kept: [ImportedFact]
            switch spec.shape {
            case .twoSided(let left, let right):
                FinalAccountsTableReader.readTwoSided(spec, left: left, right: right, lines, range, into: &b)
                let rows = keptRows(spec, left: left, right: right, lines, range)
                kept = b.facts.filter { rows.contains($0.measureID ?? FinalAccountsTableReader.classKey + ($0.code ?? "")) }
                if kept.count < b.facts.count {
                    result.warnings.append("第\(line)行「\(title)」：\(b.facts.count - kept.count) 个数字所在行的合计关系不成立或无从核对，未导入")
                }
            case .codes(economic: false):
                FinalAccountsTableReader.readCodeTable(inPrintedOrder(spec, lines, range), lines, range, into: &b)
                if b.facts.isEmpty { continue }
                if !b.warnings.isEmpty || b.tableRecords.contains(where: { $0.status != .ok }) {
                    result.warnings.append("第\(line)行「\(title)」：按表头和恒等关系无法确定全部数字的栏目，或合计关系不成立（"
                        + (b.warnings.first ?? "") + "），未导入")
                    continue
                }
                kept = b.facts
            default:
                continue
            }
            guard !kept.isEmpty else { continue }
            result.facts += kept.map { fact in
                var fact = fact
                fact.provenance.table = title
                return fact
            }
            result.tables.append(ImportedTable(title: title, lineFrom: range.lowerBound, lineTo: range.upperBound))
        }
        return result
    }

    /// The description's table a line is the title of, or nil.
    static func spec(titled line: String) -> TableSpec? {
        guard line.containsBytes("表"), !line.hasPrefix("#") else { return nil }
        var spaced = Substring(line.trimmingSpaces)
        // 附表1 / 表5 (before the spaces go: “表1 2024年度…”), then 一、 / 1.
        for mark in ["附表", "表"] where spaced.hasPrefix(mark) {
            let number = spaced.dropFirst(mark.count).prefix { $0.isASCIIDigitChar || "一二三四五六七八九十".contains($0) }
            if !number.isEmpty { spaced = spaced.dropFirst(mark.count + number.count).drop { " \u{3000}：:、.．-—".contains($0) } }
            break
        }
        var s = Substring(String(spaced).withoutSpaces)
        guard s.hasSuffix("表"), s.count <= 40, !s.contains("："), !s.contains("。"), !s.contains("，") else { return nil }
        if let mark = s.firstIndex(where: { "、．.".contains($0) }),
           s[..<mark].allSatisfy({ $0.isASCIIDigitChar || "一二三四五六七八九十".contains($0) }), mark > s.startIndex {
            s = s[s.index(after: mark)...]
        }
        // 2024年 / 2024年度, then 部门 / 单位.
        if s.prefix(4).allSatisfy(\.isASCIIDigitChar), s.dropFirst(4).first == "年" {
            s = s.dropFirst(5)
            if s.first == "度" { s = s.dropFirst() }
        }
        for word in ["部门", "单位"] where s.hasPrefix(word) { s = s.dropFirst(word.count) }
        let title = String(s).replacingOccurrences(of: "收支", with: "收入支出")
        guard let name = titles[title] else { return nil }
        return TableTemplate.finalAccounts.tables.first { $0.title == name }
    }

    /// The table's last line: before the next table's title, a 表N / 附表N line, a part heading
    /// (第…部分) or prose (a line with a full stop that is no note under the table).
    static func end(_ lines: [String], from title: Int, before next: Int) -> Int {
        var last = title
        for n in (title + 1)..<next {
            let s = lines[n - 1].withoutSpaces
            if s.isEmpty || s.hasPrefix("[PDF page") { continue }
            if s.hasPrefix("注：") || s.hasPrefix("说明：") { break }
            if s.contains("。") || (s.hasPrefix("第") && s.contains("部分")) { break }
            if isTableNumber(s) { break }
            last = n
        }
        return last
    }

    /// “表5”, “附表1”: a table's number on a line of its own.
    static func isTableNumber(_ s: String) -> Bool {
        let rest = s.hasPrefix("附表") ? s.dropFirst(2) : s.hasPrefix("表") ? s.dropFirst() : ""
        return !rest.isEmpty && rest.allSatisfy { $0.isASCIIDigitChar || "一二三四五六七八九十".contains($0) }
    }

    /// Whether the table prints its money unit near its title (单位：万元 or 单位：元).
    static func printsUnit(_ lines: [String], _ range: ClosedRange<Int>) -> Bool {
        lines[(range.lowerBound - 1)..<min(range.upperBound, range.lowerBound + 3)].contains { line in
            let s = line.withoutSpaces.replacingOccurrences(of: ":", with: "：")
            return s.containsBytes("单位：万元") || s.containsBytes("单位：元")
        }
    }

    /// The code table's spec with its columns in the order the headings print them, when they
    /// print every column's heading in another order ("基本支出 项目支出 合计"): the total column is
    /// then no longer the first, so the table's identity says which column is the sum of the others.
    static func inPrintedOrder(_ spec: TableSpec, _ lines: [String], _ range: ClosedRange<Int>) -> TableSpec {
        guard spec.identities == nil else { return spec }
        var edges = [Int?](repeating: nil, count: spec.columns.count)
        for tokens in FinalAccountsTableReader.tokenLines(lines, range) {
            if tokens.contains(where: { $0.isCell && !$0.isPlaceholder }) || tokens.first?.isCode == true { break }
            for token in tokens {
                for (column, heading) in spec.columns.enumerated() where edges[column] == nil
                    && heading.headings.contains(where: { token.text.hasPrefix($0) }) {
                    edges[column] = token.x + token.text.count
                }
            }
        }
        let found = edges.compactMap { $0 }
        guard found.count == spec.columns.count, Set(found).count == found.count else { return spec }
        let order = spec.columns.indices.sorted { found[$0] < found[$1] }
        guard order != Array(spec.columns.indices) else { return spec }
        let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        var printed = spec
        printed.columns = order.map { spec.columns[$0] }
        printed.identities = [ColumnIdentity(left: [position[0]!], right: (1..<spec.columns.count).map { position[$0]! }.sorted())]
        printed.statedTotals = Dictionary(uniqueKeysWithValues: spec.statedTotals.map { (position[$0.key]!, $0.value) })
        printed.activeColumns = spec.activeColumns.map { (position[$0.column]!, $0.measures) }
        return printed
    }

    /// The rows (by name: measure, or `classKey` + code) of a two-sided table a sum among its
    /// rows confirms and none contradicts.
    static func keptRows(_ spec: TableSpec, left: [RowLabel], right allRight: [RowLabel], _ lines: [String],
                         _ range: ClosedRange<Int>) -> Set<String> {
        let classKey = FinalAccountsTableReader.classKey
        let right = (spec.readsClasses ? FunctionClasses.names.map { RowLabel($0.name, nil, key: classKey + $0.code) } : []) + allRight
        let specs = left.map { LabelSpec(text: $0.label, side: 0, key: $0.name) } + right.map { LabelSpec(text: $0.label, side: 1, key: $0.name) }
        let rows = FinalAccountsTableReader.labelRows(lines, range, specs: specs, rightLabels: right.map(\.label))
        var found: [String: Int64] = [:], doubtful = Set<String>()
        for row in rows {
            guard let first = row.values.first else { continue }
            if found[row.spec.key] != nil || row.values.count > 1 { doubtful.insert(row.spec.key) }
            found[row.spec.key] = LayoutScanner.amount(first)
        }
        var confirmed = Set<String>(), contradicted = doubtful
        for check in spec.checks {
            guard let whole = found[check.whole] else { continue }
            let parts = check.parts.flatMap { part in
                part == RowCheck.classes ? found.keys.filter { $0.hasPrefix(classKey) } : (found[part] != nil ? [part] : [])
            }
            guard !parts.isEmpty else { continue }
            let holds = parts.compactMap { found[$0] }.reduce(0, +) == whole
            if holds { confirmed.formUnion(parts + [check.whole]) } else { contradicted.formUnion(parts + [check.whole]) }
        }
        return confirmed.subtracting(contradicted)
    }
}
