import Core

/// Re-joins prose hard-wrapped over physical lines (PDF text) into the paragraphs it was
/// wrapped from, each with its first and last line.
///
/// A line starts a new paragraph when it is a heading, opens with a list marker (`1、` `2.`
/// `（三）` `四、` `第五条`), or follows a line that ends a sentence (。！？) well short of the
/// text's full width: a wrapped line runs to the right margin, a paragraph's last line
/// usually stops before it. A line is joined to the one before without a separator (Chinese
/// has no spaces), except between two ASCII letters or digits.
struct ParagraphJoiner {
    struct Paragraph: Equatable {
        var body: String
        var lineFrom: Int
        var lineTo: Int
        /// Where each joined line begins in `body`.
        var lineStarts: [LineStart] = []
    }

    private var lines: [(number: Int, text: String, heading: Bool)] = []
    /// The marks a paragraph's last line ends with.
    var closers: Set<Character> = ["。", "！", "？", "!", "?"]

    /// Adds physical line `number` (already trimmed, not empty); a heading stands alone.
    mutating func add(_ text: String, line number: Int, heading: Bool = false) {
        lines.append((number, text, heading))
    }

    /// The paragraphs of the lines added.
    var paragraphs: [Paragraph] {
        // Each line's width once (the full width and the closing test both need it).
        let widths = lines.map { $0.heading ? 0 : DisplayWidth.of($0.text) }
        let full = Self.fullWidth(zip(lines, widths).filter { !$0.0.heading }.map(\.1))
        let closerScalars = Self.standaloneScalars(of: closers)
        var result: [Paragraph] = []
        var bodyScalars = 0   // scalars of the last paragraph's body
        var previousCloses = true
        for (index, line) in lines.enumerated() {
            let opens = previousCloses || line.heading || Self.opensWithMarker(line.text)
            if opens || result.isEmpty {
                result.append(Paragraph(body: line.text, lineFrom: line.number, lineTo: line.number))
                bodyScalars = line.text.unicodeScalars.count
            } else {
                if let last = result[result.count - 1].body.last, let first = line.text.first,
                   Self.isASCIIWord(last) && Self.isASCIIWord(first) {
                    result[result.count - 1].body += " "
                    bodyScalars += 1
                }
                result[result.count - 1].lineStarts.append(LineStart(offset: bodyScalars, line: line.number))
                result[result.count - 1].body += line.text
                bodyScalars += line.text.unicodeScalars.count
                result[result.count - 1].lineTo = line.number
            }
            previousCloses = line.heading
                || Self.closes(line.text, width: widths[index], fullWidth: full, closers: closers, closerScalars: closerScalars)
        }
        return result
    }

    /// The scalars of `closers` when each is one standalone scalar (`StandaloneScalar`), else nil.
    static func standaloneScalars(of closers: Set<Character>) -> Set<UInt32>? {
        var values = Set<UInt32>()
        for closer in closers {
            let scalars = closer.unicodeScalars
            guard scalars.count == 1, let value = scalars.first?.value, StandaloneScalar.contains(value) else { return nil }
            values.insert(value)
        }
        return values
    }

    /// `closesParagraph` with the line's width known; a line whose last scalar stands alone ends
    /// with that character, compared by scalar with `closerScalars` (the closers' own scalars).
    static func closes(_ text: String, width: Int, fullWidth: Int, closers: Set<Character>, closerScalars: Set<UInt32>?) -> Bool {
        let scalars = text.unicodeScalars
        if let closerScalars, scalars.startIndex < scalars.endIndex {
            let lastIndex = scalars.index(before: scalars.endIndex)
            if lastIndex > scalars.startIndex, StandaloneScalar.contains(scalars[lastIndex].value),
               StandaloneScalar.contains(scalars[scalars.index(before: lastIndex)].value) {
                return closerScalars.contains(scalars[lastIndex].value) && width <= fullWidth - 4
            }
        }
        guard let last = text.last, closers.contains(last) else { return false }
        return width <= fullWidth - 4
    }

    /// The width wrapped lines run to: the upper quartile of the line widths.
    static func fullWidth(_ widths: [Int]) -> Int {
        guard !widths.isEmpty else { return 0 }
        let sorted = widths.sorted()
        return sorted[min(sorted.count - 1, sorted.count * 3 / 4)]
    }

    /// Ends with one of `closers` (a sentence) and stops at least two Chinese characters short of the full width.
    static func closesParagraph(_ text: String, fullWidth: Int, closers: Set<Character> = ["。", "！", "？", "!", "?"]) -> Bool {
        guard let last = text.last, closers.contains(last) else { return false }
        return DisplayWidth.of(text) <= fullWidth - 4
    }

    static let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// `1、` `12.` `（3）` `(3)` `（三）` `四、` `第五条`: a list item or heading number.
    static func opensWithMarker(_ text: String) -> Bool {
        if let head = standaloneHead(text) { return opensWithMarker(scalars: head) }
        let chars = Array(text.prefix(8))
        guard let first = chars.first else { return false }
        if first.isASCIIDigitChar {
            let digits = chars.prefix(while: \.isASCIIDigitChar).count
            guard digits < chars.count, digits <= 2 else { return false }
            let mark = chars[digits]
            // "1." is a marker, "1.5" a number.
            return mark == "、" || mark == "．" || (mark == "." && !(digits + 1 < chars.count && chars[digits + 1].isASCIIDigitChar))
        }
        if first == "（" || first == "(" {
            let inner = chars.dropFirst().prefix { $0.isASCIIDigitChar || numerals.contains($0) }
            let close = chars.dropFirst(1 + inner.count).first
            return !inner.isEmpty && (close == "）" || close == ")")
        }
        if numerals.contains(first) {
            let run = chars.prefix { numerals.contains($0) }.count
            return run < chars.count && chars[run] == "、"
        }
        if first == "第" {
            let run = chars.dropFirst().prefix { numerals.contains($0) }.count
            return run > 0 && 1 + run < chars.count && "条章节".contains(chars[1 + run])
        }
        return false
    }

    /// The first 8 scalars of a text made only of standalone scalars (its first 8 characters), else nil.
    static func standaloneHead(_ text: String) -> [UInt32]? {
        var copy = text
        return copy.withUTF8 { bytes -> [UInt32]? in
            var head: [UInt32] = []
            head.reserveCapacity(8)
            var k = 0
            while k < bytes.count {
                let (value, length) = CharacterKey.scalar(in: bytes, at: k)
                guard StandaloneScalar.contains(value) else { return nil }
                if head.count < 8 { head.append(value) }
                k += length
            }
            return head
        }
    }

    /// Whether `value` is the scalar of one of `numerals`.
    @inline(__always)
    static func isNumeral(_ value: UInt32) -> Bool { ShanghaiNarrative.isNumeral(value) }

    /// `opensWithMarker` of the first 8 characters, each one standalone scalar.
    static func opensWithMarker(scalars chars: [UInt32]) -> Bool {
        func isDigit(_ value: UInt32) -> Bool { value >= 0x30 && value <= 0x39 }
        guard let first = chars.first else { return false }
        if isDigit(first) {
            let digits = chars.prefix(while: isDigit).count
            guard digits < chars.count, digits <= 2 else { return false }
            let mark = chars[digits]
            return mark == 0x3001 || mark == 0xFF0E || (mark == 0x2E && !(digits + 1 < chars.count && isDigit(chars[digits + 1])))
        }
        if first == 0xFF08 || first == 0x28 {
            let inner = chars.dropFirst().prefix { isDigit($0) || isNumeral($0) }
            let close = chars.dropFirst(1 + inner.count).first
            return !inner.isEmpty && (close == 0xFF09 || close == 0x29)
        }
        if isNumeral(first) {
            let run = chars.prefix(while: isNumeral).count
            return run < chars.count && chars[run] == 0x3001
        }
        if first == 0x7B2C {
            let run = chars.dropFirst().prefix(while: isNumeral).count
            return run > 0 && 1 + run < chars.count && [0x6761, 0x7AE0, 0x8282].contains(chars[1 + run])
        }
        return false
    }

    static func isASCIIWord(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }
}
