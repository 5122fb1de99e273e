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
                let stated = facts.contains {   // the line first: it tells most facts apart
                    $0.provenance.lineFrom == figure.line && $0.code == item.code && $0.column == column && $0.provenance.kind == "text"
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
        // The open item's lines (spaces removed), each with its line number.
        var current: [(text: String, line: Int)]?
        func close() {
            guard let pieces = current else { return }
            current = nil
            let item = pieces.allSatisfy({ StandaloneScalar.containsAll(of: $0.text) }) ? scalarItem(pieces, tables: tables)
                : characterItem(pieces, tables: tables)
            if let item, item.budget != nil || item.adjusted != nil || item.actual != nil { items.append(item) }
        }
        var inList = false
        for (index, raw) in lines.enumerated() {
            // Outside the list only a heading naming it matters, and its text holds 具 and 况
            // (nothing is open there: `current` is nil whenever `inList` is false).
            if !inList && !holdsHeadingCharacters(raw) { continue }
            let text = raw.withoutSpaces
            if text.isEmpty || text.fastHasPrefix("[PDF page") { continue }
            if isHeading(text) {
                close()
                inList = text.containsBytes(listHeading)
                continue
            }
            guard inList else { continue }
            if mayStartItem(text) && itemStart.matches(text) { close(); current = [] }
            current?.append((text, index + 1))
        }
        close()
        return items
    }

    /// Whether `line` holds the bytes of both 具 and 况 (E5 85 B7, E5 86 B5), read in one pass.
    static func holdsHeadingCharacters(_ line: String) -> Bool {
        var line = line
        return line.withUTF8 { bytes in
            var ju = false, kuang = false
            var index = 0
            while index + 2 < bytes.count {
                if bytes[index] == 0xE5 {
                    if bytes[index + 1] == 0x85 && bytes[index + 2] == 0xB7 { ju = true }
                    if bytes[index + 1] == 0x86 && bytes[index + 2] == 0xB5 { kuang = true }
                    if ju && kuang { return true }
                }
                index += 1
            }
            return false
        }
    }

    /// False when `text` cannot start an item: its first scalar is no decimal digit (`\d` of
    /// `itemStart`, which starts at the text's start).
    static func mayStartItem(_ text: String) -> Bool {
        text.unicodeScalars.first.map { ScalarSet.isDigit($0.value) } ?? false
    }

    /// The item of `pieces`, read as characters (any text).
    static func characterItem(_ pieces: [(text: String, line: Int)], tables: TableRows) -> Item? {
        var chars: [Character] = [], lines: [Int] = []
        for piece in pieces {
            for ch in piece.text {
                chars.append(ch)
                lines.append(piece.line)
            }
        }
        let text = String(chars)
        let spent = figure(actual, in: text, lines)
        guard let code = code(of: ScalarText(text), actual: spent.flatMap { SichuanNumbers.fen($0.printed) }, tables: tables) else { return nil }
        return Item(code: code, budget: figure(initial, in: text, lines), adjusted: figure(adjusted, in: text, lines), actual: spent)
    }

    /// `characterItem` for pieces whose every scalar stands alone, read over the scalars: the
    /// text's characters are its scalars, so a figure's character offset is its scalar offset.
    static func scalarItem(_ pieces: [(text: String, line: Int)], tables: TableRows) -> Item? {
        var lines: [Int] = []
        for piece in pieces {
            for _ in piece.text.unicodeScalars { lines.append(piece.line) }
        }
        let text = ScalarText(pieces.map(\.text).joined())
        let spent = figure(actual, in: text, lines)
        guard let code = code(of: text, actual: spent.flatMap { SichuanNumbers.fen($0.printed) }, tables: tables) else { return nil }
        return Item(code: code, budget: figure(initial, in: text, lines), adjusted: figure(adjusted, in: text, lines), actual: spent)
    }

    /// A text with its scalars and the UTF-8 offset of each (then of its end): a pattern runs
    /// on the scalars, and its captures are read back as slices of the bytes.
    struct ScalarText {
        let text: String
        let scalars: [Unicode.Scalar]
        let offsets: [Int]

        init(_ text: String) {
            self.text = text
            var scalars: [Unicode.Scalar] = [], offsets: [Int] = []
            var offset = 0
            for scalar in text.unicodeScalars {
                scalars.append(scalar)
                offsets.append(offset)
                offset += UTF8.width(scalar)
            }
            offsets.append(offset)
            self.scalars = scalars
            self.offsets = offsets
        }

        /// The scalars of `range` as a string.
        func string(_ range: Range<Int>) -> String {
            var text = text
            return text.withUTF8 { bytes in
                String(decoding: UnsafeBufferPointer(rebasing: bytes[offsets[range.lowerBound]..<offsets[range.upperBound]]), as: UTF8.self)
            }
        }

        /// The ranges of `pattern.first(in: text)` (element 0: the whole match).
        func match(_ pattern: SichuanPattern) -> [Range<Int>?]? {
            pattern.mayMatch(text) ? pattern.compiled.firstMatch(in: scalars) : nil
        }

        /// `pattern.first(in: text)`, the groups in `groups` only (nil elsewhere).
        func captures(_ pattern: SichuanPattern, _ groups: [Int]) -> [String?]? {
            guard let ranges = match(pattern) else { return nil }
            return ranges.indices.map { k in groups.contains(k) ? ranges[k].map(string) : nil }
        }
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
    static func code(of text: ScalarText, actual: Int64?, tables: TableRows) -> String? {
        if let m = text.captures(codedPath, [2, 4, 6]), let c = m[2], let k = m[4], let x = m[6] { return c + k + x }
        guard let m = text.captures(namedPath, [1, 2, 3]) else { return nil }
        let path = [m[1]!, m[2]!, m[3]!].map(\.withoutSpaces)
        let plainClass = plain(path[0])
        guard let classCode = zip(FunctionClasses.names, plainClassNames).first(where: { $0.0.name == path[0] || $0.1 == plainClass })?.0.code
            ?? tables.classCodes.first(where: { tables.named($0, path[0], plain: plainClass) })
        else { return nil }
        let leaves = tables.leafCodes.filter { $0.hasPrefix(classCode) }
        let plainKind = plain(path[1]), plainItem = plain(path[2])
        let named = leaves.filter { leaf in
            tables.named(String(leaf.prefix(5)), path[1], plain: plainKind) && tables.named(leaf, path[2], plain: plainItem)
        }
        if named.count == 1 { return named.first }
        guard let actual else { return nil }
        let spent = leaves.filter { tables.actual[$0] == actual }
        return spent.count == 1 ? spent.first : nil
    }

    /// A name as the list prints it and as a table row prints it (a 类 with or without 支出).
    static func sameName(_ table: String, _ text: String) -> Bool {
        table == text || plain(table) == plain(text)
    }

    /// A name without its ending 支出 (when more is left).
    static func plain(_ s: String) -> String { s.hasSuffix("支出") && s.count > 2 ? String(s.dropLast(2)) : s }

    /// `plain` of each of `FunctionClasses.names`, in their order.
    static let plainClassNames = FunctionClasses.names.map { plain($0.name) }

    /// What the document's tables print for each code: every row label (without the code),
    /// and the 一般公共预算财政拨款 决算.
    struct TableRows {
        /// Each code's labels (no two of the same bytes).
        var labels: [String: [String]] = [:]
        /// `plain` of each of a code's labels.
        var plainLabels: [String: [String]] = [:]
        var actual: [String: Int64] = [:]
        /// The codes of `labels` of 3 characters (类), in the order of `labels`, and of 7 (项).
        private(set) var classCodes: [String] = []
        private(set) var leafCodes: [String] = []

        init(_ facts: [ImportedFact]) {
            // A row's facts follow one another: the same code and label give the same name again.
            var previous: (code: String, label: String)?
            // Each fact read in place, its fields only (not copied whole).
            for index in facts.indices where facts[index].provenance.kind == "table" && facts[index].status == .ok {
                guard let code = facts[index].code else { continue }
                if let label = facts[index].provenance.rowLabel,
                   !(previous.map { ItemisedBudgets.sameBytes($0.code, code) && ItemisedBudgets.sameBytes($0.label, label) } ?? false) {
                    previous = (code, label)
                    let name = Self.name(label)
                    if !name.isEmpty, !(labels[code]?.contains { ItemisedBudgets.sameBytes($0, name) } ?? false) {
                        labels[code, default: []].append(name)
                        plainLabels[code, default: []].append(ItemisedBudgets.plain(name))
                    }
                }
                if facts[index].fund == "general", facts[index].column == "actual", let fen = facts[index].amountFen { actual[code] = fen }
            }
            classCodes = labels.keys.filter { $0.count == 3 }
            leafCodes = labels.keys.filter { $0.count == 7 }
        }

        /// A row label without its spaces and the ASCII digits it starts with (its code).
        static func name(_ label: String) -> String {
            var label = label
            let name: String? = label.withUTF8 { bytes in
                var start = 0
                while start < bytes.count && (bytes[start] == 0x20 || (bytes[start] >= 0x30 && bytes[start] <= 0x39)) { start += 1 }
                // The digits are characters by themselves when the scalar after them stands alone.
                if start < bytes.count && !StandaloneScalar.contains(CharacterKey.scalar(in: bytes, at: start).value) { return nil }
                var rest: [UInt8] = []
                rest.reserveCapacity(bytes.count - start)
                for byte in bytes[start...] where byte != 0x20 { rest.append(byte) }
                return String(decoding: rest, as: UTF8.self)
            }
            return name ?? String(label.withoutSpaces.drop { $0.isASCII && $0.isNumber })
        }

        func named(_ code: String, _ name: String) -> Bool {
            named(code, name, plain: ItemisedBudgets.plain(name))
        }

        /// `named(code, name)`, given `plain(name)`: a label equal to the name, or whose plain
        /// form is the name's.
        func named(_ code: String, _ name: String, plain: String) -> Bool {
            (labels[code]?.contains(name) ?? false) || (plainLabels[code]?.contains(plain) ?? false)
        }
    }

    /// Whether `a` and `b` are the same UTF-8 bytes.
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                guard x.count == y.count else { return false }
                for index in 0..<x.count where x[index] != y[index] { return false }
                return true
            }
        }
    }

    private static func figure(_ pattern: SichuanPattern, in text: String, _ lines: [Int]) -> (printed: String, line: Int)? {
        guard let m = pattern.first(in: text), let number = m[1], let whole = text.range(of: m[0]!) else { return nil }
        let start = text.distance(from: text.startIndex, to: whole.lowerBound)
        let offset = start + (m[0]!.range(of: number).map { m[0]!.distance(from: m[0]!.startIndex, to: $0.lowerBound) } ?? 0)
        return (number, lines[min(offset, lines.count - 1)])
    }

    /// `figure` over the scalars of a text whose every scalar stands alone: the searches for
    /// the match and for its number within it are searches for the same scalars.
    private static func figure(_ pattern: SichuanPattern, in text: ScalarText, _ lines: [Int]) -> (printed: String, line: Int)? {
        let scalars = text.scalars
        guard let ranges = text.match(pattern), let number = ranges[1], let whole = ranges[0],
              let start = firstIndex(of: scalars[whole], in: scalars[...]) else { return nil }
        let offset = start + (firstIndex(of: scalars[number], in: scalars[whole]).map { $0 - whole.lowerBound } ?? 0)
        return (text.string(number), lines[min(offset, lines.count - 1)])
    }

    /// The index (in `text`'s indices) where `part` first occurs in `text`; nil for none or an empty part.
    private static func firstIndex(of part: ArraySlice<Unicode.Scalar>, in text: ArraySlice<Unicode.Scalar>) -> Int? {
        guard let first = part.first, part.count <= text.count else { return nil }
        var i = text.startIndex
        while i <= text.endIndex - part.count {
            if text[i] == first && text[i..<(i + part.count)].elementsEqual(part) { return i }
            i += 1
        }
        return nil
    }
}
