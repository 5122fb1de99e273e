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
        let full = Self.fullWidth(lines.filter { !$0.heading }.map { DisplayWidth.of($0.text) })
        var result: [Paragraph] = []
        var previousCloses = true
        for line in lines {
            let opens = previousCloses || line.heading || Self.opensWithMarker(line.text)
            if opens || result.isEmpty {
                result.append(Paragraph(body: line.text, lineFrom: line.number, lineTo: line.number))
            } else {
                if let last = result[result.count - 1].body.last, let first = line.text.first,
                   Self.isASCIIWord(last) && Self.isASCIIWord(first) {
                    result[result.count - 1].body += " "
                }
                let offset = result[result.count - 1].body.unicodeScalars.count
                result[result.count - 1].lineStarts.append(LineStart(offset: offset, line: line.number))
                result[result.count - 1].body += line.text
                result[result.count - 1].lineTo = line.number
            }
            previousCloses = line.heading || Self.closesParagraph(line.text, fullWidth: full, closers: closers)
        }
        return result
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

    static func isASCIIWord(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }
}
