import Core

/// The itemised list of 一般公共预算财政拨款支出决算具体情况: one numbered item per 项, named by
/// its 类(款)项 path, with the 年初预算 and the 决算 the text states for it. Either template's
/// wording: codes printed beside the names (`一般公共服务(201）商贸事务(13）招商引资(08）`) or
/// names marked by level (`一般公共服务支出（类）财政事务（款）行政运行（项）`), whose code is the
/// one the document's own tables print under those names, or with that 决算 (none found: no
/// figure is written).
enum ItemisedBudgets {
    /// The heading of the list (its number aside), in both templates.
    static let listHeading = "一般公共预算财政拨款支出决算具体情况"
    /// An item's start: its number, then the path (code form or level-marked form).
    static let itemStart = SichuanPattern(#"^\d+[.．、](?!\d)"#)
    static let codedPath = SichuanPattern(#"^\d+[.．、]\s*([^()（）]+?)[(（](\d{3})[)）](.*?)[(（](\d{2})[)）](.*?)[(（](\d{2})[)）]"#)
    static let namedPath = SichuanPattern(#"^\d+[.．、]\s*(.+?)（类）(.+?)（款）(.+?)（项）"#)
    static let initial = SichuanPattern(#"年初预算(?:数)?为⟨N⟩万元?"#)
    static let adjusted = SichuanPattern(#"全年预算(?:数)?为⟨N⟩万元?"#)
    static let actual = SichuanPattern(#"支出决算(?:数)?为⟨N⟩万元?"#)

    /// One item: the 项 code, and each figure with the line its number is printed on.
    struct Item {
        var code: String
        var budget: (printed: String, line: Int)?
        var adjusted: (printed: String, line: Int)?
        var actual: (printed: String, line: Int)?
    }

    /// Adds the items' 年初预算 (column `budget_initial`), 全年预算 (`budget`) and 决算, all
    /// 一般公共预算财政拨款 of `year`, to a final-account document's facts (a figure a text fact of
    /// the same line already holds is not added twice); the lines read leave `unrecognized`.
    static func add(to facts: inout [ImportedFact], year: Int, lines: [String], unrecognized: inout [Int]) {
        var read = Set<Int>()
        for item in self.read(lines, tables: TableRows(facts)) {
            for (column, figure) in [("budget_initial", item.budget), ("budget", item.adjusted), ("actual", item.actual)] {
                guard let figure, let fen = SichuanNumbers.fen(figure.printed) else { continue }
                read.insert(figure.line)
                let stated = facts.contains {
                    $0.code == item.code && $0.column == column && $0.provenance.kind == "text" && $0.provenance.lineFrom == figure.line
                }
                if stated { continue }
                facts.append(ImportedFact(measureID: nil, code: item.code, fund: "general", column: column, year: year, amountFen: fen,
                                          printed: figure.printed, printedUnit: "万元", provenance: Provenance("text", figure.line)))
            }
        }
        unrecognized.removeAll { read.contains($0) }
    }

    /// The items of `lines` (1-based as given) under the list's heading. An item runs from its
    /// numbered line to the next numbered line or heading; its figures may break across lines.
    static func read(_ lines: [String], tables: TableRows) -> [Item] {
        var items: [Item] = []
        var current: (chars: [Character], lines: [Int])?
        func close() {
            guard let c = current else { return }
            current = nil
            let text = String(c.chars)
            let spent = figure(actual, in: text, c.lines)
            guard let code = code(of: text, actual: spent.flatMap { SichuanNumbers.fen($0.printed) }, tables: tables) else { return }
            let item = Item(code: code, budget: figure(initial, in: text, c.lines), adjusted: figure(adjusted, in: text, c.lines),
                            actual: spent)
            if item.budget != nil || item.adjusted != nil || item.actual != nil { items.append(item) }
        }
        var inList = false
        for (index, raw) in lines.enumerated() {
            // Outside the list only a heading naming it matters, and its text holds 具 and 况
            // (nothing is open there: `current` is nil whenever `inList` is false).
            if !inList && !(raw.containsBytes("况") && raw.containsBytes("具")) { continue }
            let text = raw.withoutSpaces
            if text.isEmpty || text.fastHasPrefix("[PDF page") { continue }
            if isHeading(text) {
                close()
                inList = text.containsBytes(listHeading)
                continue
            }
            guard inList else { continue }
            if itemStart.matches(text) { close(); current = ([], []) }
            guard current != nil else { continue }
            for ch in text {
                current!.chars.append(ch)
                current!.lines.append(index + 1)
            }
        }
        close()
        return items
    }

    /// A heading ends the list: `六、…` or `（四）…`.
    static func isHeading(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        if first == "（" { return text.dropFirst().first.map { numerals.contains($0) } ?? false }
        return numerals.contains(first) && text.prefix(4).contains("、")
    }

    static let numerals = Set("一二三四五六七八九十")

    /// The 项 code an item names: printed beside the names, else the one 项 of the document's
    /// tables under the named 类 whose row prints the names (any 款 and 项 label the tables
    /// print for it), else the one 项 of that 类 whose table 决算 is the item's 决算.
    static func code(of text: String, actual: Int64?, tables: TableRows) -> String? {
        if let m = codedPath.first(in: text), let c = m[2], let k = m[4], let x = m[6] { return c + k + x }
        guard let m = namedPath.first(in: text) else { return nil }
        let path = [m[1]!, m[2]!, m[3]!].map(\.withoutSpaces)
        guard let classCode = FunctionClasses.names.first(where: { sameName($0.name, path[0]) })?.code
            ?? tables.labels.first(where: { $0.key.count == 3 && $0.value.contains { sameName($0, path[0]) } })?.key
        else { return nil }
        let leaves = tables.labels.keys.filter { $0.count == 7 && $0.hasPrefix(classCode) }
        let named = leaves.filter { leaf in
            tables.named(String(leaf.prefix(5)), path[1]) && tables.named(leaf, path[2])
        }
        if named.count == 1 { return named.first }
        guard let actual else { return nil }
        let spent = leaves.filter { tables.actual[$0] == actual }
        return spent.count == 1 ? spent.first : nil
    }

    /// A name as the list prints it and as a table row prints it (a 类 with or without 支出).
    static func sameName(_ table: String, _ text: String) -> Bool {
        func plain(_ s: String) -> String { s.hasSuffix("支出") && s.count > 2 ? String(s.dropLast(2)) : s }
        return table == text || plain(table) == plain(text)
    }

    /// What the document's tables print for each code: every row label (without the code),
    /// and the 一般公共预算财政拨款 决算.
    struct TableRows {
        var labels: [String: Set<String>] = [:]
        var actual: [String: Int64] = [:]

        init(_ facts: [ImportedFact]) {
            for fact in facts where fact.provenance.kind == "table" && fact.status == .ok {
                guard let code = fact.code else { continue }
                if let label = fact.provenance.rowLabel {
                    let name = label.withoutSpaces.drop { $0.isASCII && $0.isNumber }
                    if !name.isEmpty { labels[code, default: []].insert(String(name)) }
                }
                if fact.fund == "general", fact.column == "actual", let fen = fact.amountFen { actual[code] = fen }
            }
        }

        func named(_ code: String, _ name: String) -> Bool {
            labels[code]?.contains { ItemisedBudgets.sameName($0, name) } ?? false
        }
    }

    private static func figure(_ pattern: SichuanPattern, in text: String, _ lines: [Int]) -> (printed: String, line: Int)? {
        guard let m = pattern.first(in: text), let number = m[1], let whole = text.range(of: m[0]!) else { return nil }
        let start = text.distance(from: text.startIndex, to: whole.lowerBound)
        let offset = start + (m[0]!.range(of: number).map { m[0]!.distance(from: m[0]!.startIndex, to: $0.lowerBound) } ?? 0)
        return (number, lines[min(offset, lines.count - 1)])
    }
}
