import Core

/// One whitespace-separated piece of a table line: its text, 1-based line and character column.
struct LayoutToken: Hashable, Sendable {
    var text: String
    var line: Int
    var x: Int

    var isAmount: Bool { LayoutToken.isAmount(text) }
    /// A printed cell that is not a figure with decimals: "0", "-", "—" (read as a cell, so the
    /// figures beside it keep their columns; "0" is stored as 0, a dash as nothing).
    var isPlaceholder: Bool {
        // No scalar decomposes to one starting with a placeholder's first scalar (0, -, dashes)
        // but that scalar itself: a text starting with another byte is no placeholder.
        guard let first = text.utf8.first, LayoutToken.placeholderFirstBytes[Int(first)] else { return false }
        return text.utf8.count <= LayoutToken.longestPlaceholder && LayoutToken.placeholders.contains(text)
    }
    /// A table cell: an amount or a placeholder.
    var isCell: Bool { isAmount || isPlaceholder }

    static let placeholders: Set<String> = ["0", "-", "—", "－", "–", "―", "--", "——"]
    /// Whether a byte starts some placeholder, by byte value.
    static let placeholderFirstBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for placeholder in placeholders { if let first = placeholder.utf8.first { table[Int(first)] = true } }
        return table
    }()
    /// The UTF-8 length of the longest placeholder (a longer text is none, without hashing it).
    static let longestPlaceholder = placeholders.map(\.utf8.count).max()!
    var isCode: Bool { LayoutToken.isCodeText(text) }

    static func isAmount(_ s: String) -> Bool {
        // 1,234.56 / 1234.56 / -2.48 — amounts in these tables always carry decimals. Read as
        // bytes: an amount is all ASCII, and any other byte refuses it.
        var s = s
        return s.withUTF8 { bytes in
            func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
            let start = bytes.first == 0x2D ? 1 : 0
            guard let dot = bytes[start...].firstIndex(of: 0x2E), dot > start, dot < bytes.count - 1 else { return false }
            let whole = bytes[start..<dot], fraction = bytes[(dot + 1)...]
            guard fraction.allSatisfy(isDigit), isDigit(whole.first!) else { return false }
            guard whole.allSatisfy({ isDigit($0) || $0 == 0x2C }) else { return false }
            if whole.contains(0x2C) {
                let groups = whole.split(separator: 0x2C, omittingEmptySubsequences: false)
                guard groups.first!.count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return false }
            }
            return true
        }
    }

    /// 2, 3, 5 or 7 ASCII digits. Read as bytes: a text of ASCII digit bytes has one character
    /// per byte, and any other byte makes some character no ASCII digit.
    static func isCodeText(_ s: String) -> Bool {
        let count = s.utf8.count
        return (count == 2 || count == 3 || count == 5 || count == 7) && s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}

extension Character {
    var isASCIIDigitChar: Bool { isASCII && isNumber }
}

enum LayoutScanner {
    /// Splits a line into tokens on ASCII and ideographic spaces; a code glued to a label
    /// ("310资本性支出") becomes two tokens.
    static func tokens(_ text: String, line: Int) -> [LayoutToken] {
        scalarTokens(text, line: line) ?? characterTokens(text, line: line)
    }

    /// `tokens` read character by character (any text).
    static func characterTokens(_ text: String, line: Int) -> [LayoutToken] {
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
        lines.contains { ($0.containsBytes("   ") && $0.utf8.contains { $0 != 0x20 }) || hasTab($0) }
    }

    /// Whether `text` holds a TAB (read over its UTF-8 buffer).
    static func hasTab(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { $0.contains(0x09) }
    }

    /// Horizontal distance between two cells of a TAB-separated (Word text) line.
    static let cellWidth = 100

    /// True when the lines are Word text: table rows as TAB-separated cells.
    static func isCells(_ lines: [String]) -> Bool { lines.contains(where: hasTab) }

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
        var text = token.text
        // ASCII text read over its bytes by the rules of `ExactDecimal(parsing:)` (an optional
        // sign, digits with commas before the point, an optional fraction); any other text by it.
        let parsed: ExactDecimal?? = text.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return .none }
            return .some(ExactDecimal.parseASCII(bytes).map { ExactDecimal(digits: $0.digits, decimals: $0.decimals) })
        }
        guard let parsed else { return Amount(printed: token.text, unit: .tenThousandYuan)?.fen }
        return parsed?.scaled(by: MoneyUnit.tenThousandYuan.fenPerUnit)
    }

    static func isNumbersOnly(_ tokens: [LayoutToken]) -> Bool {
        !tokens.isEmpty && tokens.allSatisfy(\.isCell)
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
    /// The row's name as printed (pieces on wrapped lines joined; spaces inside dropped).
    var label: String = ""
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
        var previousWasNameFragment = false
        // Layout text: the name pieces printed between two code lines, gathered per gap and
        // shared out between the rows around them at the end (`shareNamePieces`).
        var gap: [LayoutToken] = []
        var gaps: [[LayoutToken]] = []
        var labelColumns: [Int] = []
        while index < lines.count {
            var tokens = lines[index]
            index += 1
            if tokens.isEmpty { continue }
            defer { previousWasNameFragment = isNameFragment(tokens) }
            if LayoutScanner.isNumbersOnly(tokens) {
                // Reading-order text: a code row still without figures owns them when a piece of
                // its name stands between (code, name and figures on three lines) or follows (a
                // name wrapped around its figures). Layout text prints a tall row's figures at
                // its middle height, above its code line: they wait for the next row.
                let nextLine = lines[index...].first { !$0.isEmpty }
                if !layout, var last = rows.last, last.isCode, last.values.isEmpty, pending.isEmpty,
                   previousWasNameFragment || nextLine.map(isNameFragment) == true {
                    last.values = tokens
                    finish(&last)
                    rows[rows.count - 1] = last
                } else {
                    pending += tokens
                }
                continue
            }
            // A code at the start of the line (with 款/项 parts as separate tokens).
            var key: String?
            var isCode = true
            // A code is ASCII digits: its characters are its bytes.
            if let first = tokens.first, first.isCode, first.text.utf8.count >= 3 {
                var code = first.text
                tokens.removeFirst()
                if code.utf8.count == 3 {
                    while code.utf8.count < 7, let next = tokens.first, next.isCode, next.text.utf8.count == 2 {
                        code += next.text
                        tokens.removeFirst()
                    }
                    // "302" alone, its 款 starting the next line.
                    if code.utf8.count == 3, index < lines.count, let next = lines[index].first, next.isCode, next.text.utf8.count == 2 {
                        code += next.text
                        tokens += lines[index].dropFirst()
                        index += 1
                    }
                }
                key = code
            } else if let label = tokens.first(where: { t in totalLabels.contains { t.text.fastHasPrefix($0) } }) {
                key = totalLabels.first { label.text.fastHasPrefix($0) }
                isCode = false
                tokens.removeAll { $0 == label }
            }
            // Each token's kind read once: the figures, and the pieces of the name.
            let cells = tokens.map(\.isCell)
            let numbers = tokens.indices.filter { cells[$0] }.map { tokens[$0] }
            let names = tokens.indices.filter { !cells[$0] && !tokens[$0].isCode }.map { tokens[$0] }
            let text = names.map(\.text).joined()
            if key == nil, !text.isEmpty {
                if layout, let first = names.first {
                    gap.append(LayoutToken(text: text, line: first.line, x: first.x))
                } else if !rows.isEmpty {
                    rows[rows.count - 1].label += text
                }
            }
            if let key {
                gaps.append(gap)
                gap = []
                if isCode, let first = names.first { labelColumns.append(first.x) }
                var row = CodeRow(key: key, isCode: isCode, line: tokens.first?.line ?? lines[index - 1].first!.line,
                                  values: pending + numbers, label: isCode ? text : key)
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
        if layout { shareNamePieces(&rows, gaps: gaps, trailing: gap, labelColumns: labelColumns) }
        return rows
    }

    /// Column headings printed above the first row, never a piece of a row's name.
    static let headingWords: Set<String> = ["项目", "科目名称", "科目编码", "功能分类", "支出功能分类", "功能分类科目编码",
                                            "类", "款", "项", "类款项", "合计", "小计"]

    /// Shares out the pieces of wrapped names printed between code lines (layout text). Two
    /// layouts are seen: names top-aligned (the first piece on the code line, or all of them
    /// below an empty code line: every piece belongs to the row above it) and names centred on
    /// the code line (pieces above and below it). Centred when every row with an empty code
    /// line has a piece right above it; with no such row, when the top-aligned reading leaves
    /// pieces no row can own (before the first row, after a 合计 row) and the centred one
    /// fewer. Only pieces in the names' column count; headings do not.
    static func shareNamePieces(_ rows: inout [CodeRow], gaps: [[LayoutToken]], trailing: [LayoutToken], labelColumns: [Int]) {
        var columnCounts: [Int: Int] = [:]
        for x in labelColumns { columnCounts[x, default: 0] += 1 }
        if columnCounts.isEmpty { for gap in gaps + [trailing] { for piece in gap { columnCounts[piece.x, default: 0] += 1 } } }
        let nameColumn = columnCounts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
        let pieces = (gaps + [trailing]).map { gap in
            gap.filter { $0.x == nameColumn && !headingWords.contains($0.text) }.map(\.text)
        }
        let top = sharedNames(rows, pieces, centred: false), centred = sharedNames(rows, pieces, centred: true)
        // A row with an empty code line tells: centred, a piece of its name stands right above it.
        let empty = rows.indices.filter { rows[$0].isCode && rows[$0].label.isEmpty }
        let isCentred = empty.isEmpty ? top.failures > 0 && centred.failures < top.failures
            : empty.allSatisfy { !pieces[$0].isEmpty }
        let chosen = isCentred ? centred : top
        for i in rows.indices where rows[i].isCode { rows[i].label = chosen.labels[i] }
    }

    /// The rows' names under one reading, and how many pieces or names it leaves without a
    /// row. Centred: a row with an empty code line keeps one piece above it; a row takes as
    /// many pieces below as it has above (all of them when it has none anywhere else).
    static func sharedNames(_ rows: [CodeRow], _ pieces: [[String]], centred: Bool) -> (labels: [String], failures: Int) {
        var labels = rows.map(\.label)
        var above = [Int](repeating: 0, count: rows.count)
        var failures = 0
        for k in 0...rows.count {
            var names = pieces[k]
            if k > 0 && rows[k - 1].isCode {
                let reserved = centred && k < rows.count && rows[k].isCode && rows[k].label.isEmpty ? 1 : 0
                let free = max(0, names.count - reserved)
                let below = !centred ? names.count
                    : above[k - 1] > 0 ? min(above[k - 1], free) : labels[k - 1].isEmpty ? free : 0
                if below > 0 {
                    labels[k - 1] += names.prefix(below).joined()
                    names.removeFirst(below)
                }
            }
            if k < rows.count && rows[k].isCode && centred {
                above[k] = names.count
                if !names.isEmpty { labels[k] = names.joined() + labels[k] }
            } else {
                failures += names.count
            }
        }
        failures += rows.indices.filter { rows[$0].isCode && labels[$0].isEmpty }.count
        return (labels, failures)
    }

    /// A line holding only a piece of a row name: text, no code, no figure.
    static func isNameFragment(_ tokens: [LayoutToken]) -> Bool {
        !tokens.isEmpty && !tokens.contains { $0.isCell || $0.isCode }
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
    /// The scalars of `ordinal`'s characters.
    static let ordinalScalars = Set("一二三四五六七八九十".unicodeScalars.map(\.value))

    static func stripOrdinal(_ s: String) -> String {
        // Over the bytes where every scalar stands alone (characters are then scalars).
        var text = s
        let stripped: String?? = text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let (value, length) = CharacterKey.scalar(in: bytes, at: index)
                guard StandaloneScalar.contains(value) else { return .none }
                if value == 0x3001 {   // 、, a character by itself when the scalar after it stands alone
                    if index + length < bytes.count && !StandaloneScalar.contains(CharacterKey.scalar(in: bytes, at: index + length).value) {
                        return .none
                    }
                    let head = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<index]), as: UTF8.self)
                    guard !head.isEmpty, head.unicodeScalars.allSatisfy({ ordinalScalars.contains($0.value) }) else { return .some(nil) }
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + length)...]), as: UTF8.self)
                }
                index += length
            }
            return .some(nil)
        }
        if let stripped { return stripped ?? s }
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
                    if !t.isCell {
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
        // The label characters read so far, with their keys and lines.
        var buffer: [Character] = [], bufferKeys: [UInt32] = [], bufferLines: [Int] = []
        var specChars: [[Character]] = [], specKeys: [[UInt32]] = []
        for spec in specs {
            if spec.text.unicodeScalars.allSatisfy({ StandaloneScalar.contains($0.value) }) {
                // Each scalar a character by itself, its own key (`CharacterKey.of`).
                specChars.append(spec.text.unicodeScalars.map(Character.init))
                specKeys.append(spec.text.unicodeScalars.map(\.value))
            } else {
                let chars = Array(spec.text)
                specChars.append(chars)
                specKeys.append(CharacterKey.keys(chars))
            }
        }
        // The specs that can match where the text's character has a key: those whose first
        // character has that key, or no key (compared as characters), or that are empty; in
        // spec order, so the first of the longest matches is the one taken.
        let unkeyed = specs.indices.filter { specKeys[$0].first ?? 0 == 0 }
        var byFirstKey: [UInt32: [Int]] = [:]
        for i in specs.indices { if let key = specKeys[i].first, key != 0 { byFirstKey[key, default: []].append(i) } }
        for key in byFirstKey.keys { byFirstKey[key] = (byFirstKey[key]! + unkeyed).sorted() }
        let allSpecs = Array(specs.indices)
        var scanned = 0
        var cursor = [0, 0]
        var rows: [LabelRow] = []
        var current: Int?
        var pending: [LayoutToken] = []
        func scan() {
            while scanned < buffer.count {
                var best: (Int, Int)?  // (spec index, length)
                let key = bufferKeys[scanned]
                for i in key == 0 ? allSpecs : byFirstKey[key] ?? unkeyed where i >= cursor[specs[i].side] {
                    let chars = specChars[i]
                    guard CharacterKey.matches(chars, specKeys[i], at: scanned, in: buffer, bufferKeys) else { continue }
                    if best == nil || chars.count > best!.1 { best = (i, chars.count) }
                }
                if let (i, length) = best {
                    rows.append(LabelRow(spec: specs[i], line: bufferLines[scanned], values: pending))
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
                if t.isCell {
                    scan()
                    if let c = current, pending.isEmpty { rows[c].values.append(t) } else { pending.append(t) }
                } else if t.text.unicodeScalars.allSatisfy({ StandaloneScalar.contains($0.value) }) {
                    // Each scalar a character by itself, its own key (`CharacterKey.of`).
                    for scalar in t.text.unicodeScalars {
                        buffer.append(Character(scalar))
                        bufferKeys.append(scalar.value)
                        bufferLines.append(t.line)
                    }
                } else {
                    for ch in t.text {
                        buffer.append(ch)
                        bufferKeys.append(CharacterKey.of(ch))
                        bufferLines.append(t.line)
                    }
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
