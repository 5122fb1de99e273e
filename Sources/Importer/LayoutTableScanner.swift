import Core

/// One whitespace-separated piece of a table line: its text, 1-based line and character column.
struct LayoutToken: Hashable, Sendable {
    var text: String
    var line: Int
    var x: Int

    var isAmount: Bool { LayoutToken.isAmount(text) }
    var isCode: Bool { LayoutToken.isCodeText(text) }

    static func isAmount(_ s: String) -> Bool {
        // 1,234.56 / 1234.56 / -2.48 — amounts in these tables always carry decimals.
        var chars = Array(s)
        if chars.first == "-" { chars.removeFirst() }
        guard let dot = chars.firstIndex(of: "."), dot > 0, dot < chars.count - 1 else { return false }
        let whole = chars[..<dot], fraction = chars[(dot + 1)...]
        guard fraction.allSatisfy(\.isASCIIDigitChar), whole.first?.isASCIIDigitChar == true else { return false }
        guard whole.allSatisfy({ $0.isASCIIDigitChar || $0 == "," }) else { return false }
        if whole.contains(",") {
            let groups = String(whole).split(separator: ",", omittingEmptySubsequences: false)
            guard groups.first!.count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return false }
        }
        return true
    }

    static func isCodeText(_ s: String) -> Bool {
        [2, 3, 5, 7].contains(s.count) && s.allSatisfy(\.isASCIIDigitChar)
    }
}

extension Character {
    var isASCIIDigitChar: Bool { isASCII && isNumber }
}

enum LayoutScanner {
    /// Splits a line into tokens on ASCII and ideographic spaces; a code glued to a label
    /// ("310资本性支出") becomes two tokens.
    static func tokens(_ text: String, line: Int) -> [LayoutToken] {
        var result: [LayoutToken] = []
        var current = ""
        var start = 0
        var x = 0
        func flush() {
            guard !current.isEmpty else { return }
            let digits = current.prefix(while: \.isASCIIDigitChar)
            if [3, 5, 7].contains(digits.count), digits.count < current.count,
               let next = current.dropFirst(digits.count).first, !next.isASCII {
                result.append(LayoutToken(text: String(digits), line: line, x: start))
                result.append(LayoutToken(text: String(current.dropFirst(digits.count)), line: line, x: start + digits.count))
            } else {
                result.append(LayoutToken(text: current, line: line, x: start))
            }
            current = ""
        }
        for ch in text {
            if ch == " " || ch == "\u{3000}" || ch == "\t" {
                flush()
            } else {
                if current.isEmpty { start = x }
                current.append(ch)
            }
            x += 1
        }
        flush()
        return result
    }

    /// True when the lines look like `pdftotext -layout` output (cells separated by runs of spaces)
    /// or Word text (cells separated by TABs).
    static func isLayout(_ lines: [String]) -> Bool {
        lines.contains { ($0.contains("   ") && $0.contains(where: { $0 != " " })) || $0.contains("\t") }
    }

    /// Horizontal distance between two cells of a TAB-separated (Word text) line.
    static let cellWidth = 100

    /// True when the lines are Word text: table rows as TAB-separated cells.
    static func isCells(_ lines: [String]) -> Bool { lines.contains { $0.contains("\t") } }

    /// Tokens of a TAB-separated line: each token's x is its cell's index times `cellWidth`
    /// (plus its place inside the cell), so blank cells keep their place.
    static func cellTokens(_ text: String, line: Int) -> [LayoutToken] {
        var result: [LayoutToken] = []
        for (index, cell) in text.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
            for (k, var token) in tokens(String(cell), line: line).enumerated() {
                token.x = index * cellWidth + k
                result.append(token)
            }
        }
        return result
    }

    /// The cell index of a token read by `cellTokens`.
    static func cell(_ token: LayoutToken) -> Int { token.x / cellWidth }

    static func amount(_ token: LayoutToken) -> Int64? {
        Amount(printed: token.text, unit: .tenThousandYuan)?.fen
    }

    static func isNumbersOnly(_ tokens: [LayoutToken]) -> Bool {
        !tokens.isEmpty && tokens.allSatisfy(\.isAmount)
    }
}

// MARK: - Code tables (rows keyed by 功能分类 / 经济分类 codes)

/// A row of a code table: its key and the figures printed on it, in column order.
struct CodeRow: Sendable {
    /// 3/5/7-digit code, or a total label (合计, 人员经费合计 …).
    var key: String
    var isCode: Bool
    var line: Int
    var values: [LayoutToken]
}

enum CodeTableScanner {
    /// Groups the lines of a code table into rows. Works on layout text (figures of a tall row
    /// printed on the lines above its code, labels wrapped below) and on reading-order text
    /// (a row flattened on one line, its label wrapped onto the next).
    static func rows(_ lines: [[LayoutToken]], layout: Bool, totalLabels: [String]) -> [CodeRow] {
        var rows: [CodeRow] = []
        var pending: [LayoutToken] = []
        var index = 0
        func finish(_ row: inout CodeRow) {
            if layout { row.values.sort { $0.x < $1.x } }
        }
        while index < lines.count {
            var tokens = lines[index]
            index += 1
            if tokens.isEmpty { continue }
            if LayoutScanner.isNumbersOnly(tokens) {
                pending += tokens
                continue
            }
            // A code at the start of the line (with 款/项 parts as separate tokens).
            var key: String?
            var isCode = true
            if let first = tokens.first, first.isCode, first.text.count >= 3 {
                var code = first.text
                tokens.removeFirst()
                if code.count == 3 {
                    while code.count < 7, let next = tokens.first, next.text.count == 2, next.isCode {
                        code += next.text
                        tokens.removeFirst()
                    }
                    // "302" alone, its 款 starting the next line.
                    if code.count == 3, index < lines.count, let next = lines[index].first, next.text.count == 2, next.isCode {
                        code += next.text
                        tokens += lines[index].dropFirst()
                        index += 1
                    }
                }
                key = code
            } else if let label = tokens.first(where: { t in totalLabels.contains { t.text.hasPrefix($0) } }) {
                key = totalLabels.first { label.text.hasPrefix($0) }
                isCode = false
                tokens.removeAll { $0 == label }
            }
            let numbers = tokens.filter(\.isAmount)
            if let key {
                var row = CodeRow(key: key, isCode: isCode, line: tokens.first?.line ?? lines[index - 1].first!.line,
                                  values: pending + numbers)
                row.line = lines[index - 1].first?.line ?? row.line
                pending = []
                finish(&row)
                rows.append(row)
            } else if !numbers.isEmpty {
                // Text with figures: the wrapped rest of the row above when that row has none yet.
                if var last = rows.last, last.values.isEmpty, pending.isEmpty {
                    last.values = numbers
                    finish(&last)
                    rows[rows.count - 1] = last
                } else {
                    pending += numbers
                }
            }
        }
        return rows
    }

    /// Assigns each row's figures after the first (the total column) to `columns`
    /// (order-preserving), choosing among ambiguous placements the one under which children
    /// add up to their parent. Returns per row the (column index → token) map; column 0 is the total.
    static func assign(_ rows: [CodeRow], columnCount: Int, active: [Int]? = nil, warnings: inout [String]) -> [[Int: LayoutToken]] {
        let maxRest = rows.map { max(0, $0.values.count - 1) }.max() ?? 0
        let activeColumns = active.map { $0.count >= maxRest ? $0 : Array(1..<columnCount) }
            ?? Array(1..<min(columnCount, maxRest + 1))
        func candidates(_ row: CodeRow) -> [[Int: LayoutToken]] {
            guard let total = row.values.first else { return [[:]] }
            let rest = Array(row.values.dropFirst())
            let pool = rest.count <= activeColumns.count ? activeColumns : Array(1..<columnCount)
            var out: [[Int: LayoutToken]] = []
            func choose(_ from: Int, _ picked: [Int]) {
                if out.count > 64 { return }
                if picked.count == rest.count {
                    var map: [Int: LayoutToken] = [0: total]
                    for (i, c) in picked.enumerated() { map[c] = rest[i] }
                    out.append(map)
                    return
                }
                guard from < pool.count else { return }
                for i in from..<pool.count { choose(i + 1, picked + [pool[i]]) }
            }
            choose(0, [])
            // Prefer placements whose figures add up to the row's total.
            let adding = out.filter { map in
                let sum = map.filter { $0.key != 0 }.values.compactMap(LayoutScanner.amount).reduce(0, +)
                return LayoutScanner.amount(total) == sum
            }
            return adding.isEmpty ? out : adding
        }
        var options = rows.map(candidates)
        var chosen: [[Int: LayoutToken]?] = Array(repeating: nil, count: rows.count)
        func parentIndex(_ i: Int) -> Int? {
            let row = rows[i]
            guard row.isCode else { return nil }
            let parentLength = row.key.count == 7 ? 5 : row.key.count == 5 ? 3 : 0
            if parentLength == 0 {
                return rows.firstIndex { !$0.isCode }
            }
            let prefix = String(row.key.prefix(parentLength))
            return rows.firstIndex { $0.isCode && $0.key == prefix }
        }
        func value(_ map: [Int: LayoutToken]?, _ column: Int) -> Int64 {
            map?[column].flatMap(LayoutScanner.amount) ?? 0
        }
        // Roots first (totals and rows without a parent), then by code length.
        let order = rows.indices.sorted { a, b in
            let la = rows[a].isCode ? rows[a].key.count : 0, lb = rows[b].isCode ? rows[b].key.count : 0
            return la != lb ? la < lb : a < b
        }
        for i in order where chosen[i] == nil {
            guard let parent = parentIndex(i), let parentMap = chosen[parent] else {
                chosen[i] = options[i].first
                continue
            }
            let siblings = rows.indices.filter { parentIndex($0) == parent && chosen[$0] == nil }
            var found: [Int: [Int: LayoutToken]]?
            var product = 1
            for s in siblings { product *= max(1, options[s].count) }
            if product <= 20_000 {
                var pick: [Int: [Int: LayoutToken]] = [:]
                func search(_ k: Int) -> Bool {
                    if k == siblings.count {
                        for column in activeColumns {
                            let sum = siblings.map { value(pick[$0], column) }.reduce(0, +)
                                + rows.indices.filter { parentIndex($0) == parent && chosen[$0] != nil }.map { value(chosen[$0], column) }.reduce(0, +)
                            if sum != value(parentMap, column) { return false }
                        }
                        return true
                    }
                    for option in options[siblings[k]] {
                        pick[siblings[k]] = option
                        if search(k + 1) { return true }
                    }
                    return false
                }
                if search(0) { found = pick }
            }
            for s in siblings { chosen[s] = found?[s] ?? options[s].first }
        }
        options = []
        return chosen.map { $0 ?? [:] }
    }
}

// MARK: - Label tables (rows keyed by printed labels, two tables side by side)

struct LabelSpec: Sendable {
    var text: String
    /// 0 = left block, 1 = right block.
    var side: Int
    var key: String
}

struct LabelRow: Sendable {
    var spec: LabelSpec
    var line: Int
    var values: [LayoutToken]
}

enum LabelTableScanner {
    static let ordinal = Set("一二三四五六七八九十")

    static func stripOrdinal(_ s: String) -> String {
        guard let mark = s.firstIndex(of: "、") else { return s }
        let head = s[..<mark]
        return !head.isEmpty && head.allSatisfy({ ordinal.contains($0) }) ? String(s[s.index(after: mark)...]) : s
    }

    /// Splits layout lines into the left and right blocks of a side-by-side table.
    static func halves(_ lines: [[LayoutToken]], rightStarts: (String) -> Bool) -> [[LayoutToken]] {
        let rightX = lines.compactMap { tokens -> Int? in
            guard let first = tokens.first, first.x > 8, rightStarts(stripOrdinal(first.text)) else { return nil }
            return first.x
        }.min() ?? 30
        let threshold = rightX - 2
        var left: [[LayoutToken]] = [], right: [[LayoutToken]] = []
        for tokens in lines {
            var l: [LayoutToken] = [], r: [LayoutToken] = []
            if LayoutScanner.isNumbersOnly(tokens) {
                for t in tokens { if t.x < threshold { l.append(t) } else { r.append(t) } }
            } else {
                var side = (tokens.first?.x ?? 0) < threshold ? 0 : 1
                var sawText = false
                for t in tokens {
                    if !t.isAmount {
                        if side == 0 && sawText { side = 1 }
                        sawText = true
                    }
                    if side == 0 { l.append(t) } else { r.append(t) }
                }
            }
            left.append(l)
            right.append(r)
        }
        return left + [[]] + right
    }

    /// Reads a stream of lines: labels matched in order (whatever their wrapping), figures
    /// attached to the label before them on its line, figure-only lines to the next label.
    static func rows(_ lines: [[LayoutToken]], specs: [LabelSpec], layout: Bool) -> [LabelRow] {
        var buffer: [(Character, Int)] = []
        var scanned = 0
        var cursor = [0, 0]
        var rows: [LabelRow] = []
        var current: Int?
        var pending: [LayoutToken] = []
        func scan() {
            while scanned < buffer.count {
                var best: (Int, Int)?  // (spec index, length)
                for (i, spec) in specs.enumerated() where i >= cursor[spec.side] {
                    let chars = Array(spec.text)
                    guard scanned + chars.count <= buffer.count else { continue }
                    var ok = true
                    for (k, c) in chars.enumerated() where buffer[scanned + k].0 != c { ok = false; break }
                    if ok, best == nil || chars.count > best!.1 { best = (i, chars.count) }
                }
                if let (i, length) = best {
                    rows.append(LabelRow(spec: specs[i], line: buffer[scanned].1, values: pending))
                    pending = []
                    current = rows.count - 1
                    // Later specs of the same side only; a repeated label of the same side moves on.
                    cursor[specs[i].side] = i + 1
                    scanned += length
                } else {
                    scanned += 1
                }
            }
        }
        for tokens in lines {
            if tokens.isEmpty { continue }
            if LayoutScanner.isNumbersOnly(tokens) {
                scan()
                pending += tokens
                continue
            }
            for t in tokens {
                if t.isAmount {
                    scan()
                    if let c = current, pending.isEmpty { rows[c].values.append(t) } else { pending.append(t) }
                } else {
                    for ch in t.text { buffer.append((ch, t.line)) }
                }
            }
        }
        scan()
        if layout {
            for i in rows.indices { rows[i].values.sort { $0.x < $1.x } }
        }
        return rows
    }
}
