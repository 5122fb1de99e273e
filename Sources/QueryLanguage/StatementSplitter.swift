/// The text of one statement and where it starts in the input line.
public struct StatementText: Hashable, Sendable {
    /// The statement's characters, without the separator and without a trailing comment.
    public var text: String
    /// The `Character` offset of `text` within the whole line.
    public var offset: Int

    public init(text: String, offset: Int) {
        self.text = text
        self.offset = offset
    }
}

/// Splits an input line into statements at `;` (or `；`) outside quotes and comments.
///
/// Quotes are '…', "…", “…”, ‘…’ and 「…」; an unterminated quote runs to the end of the
/// line. `--` and `#` outside quotes start a comment that runs to the end of the line.
/// Statements holding only whitespace are dropped.
public enum StatementSplitter {
    /// The statements of `line`, each with its `Character` offset in the line.
    public static func split(_ line: String) -> [StatementText] {
        let chars = Array(line)
        return ranges(in: chars).map { range in
            StatementText(text: String(chars[range]), offset: range.lowerBound)
        }
    }

    /// The character ranges of the non-empty statements of `chars`.
    static func ranges(in chars: [Character]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        var index = 0
        var closer: Character?

        func finish(at end: Int) {
            let range = start..<end
            if chars[range].contains(where: { !LexicalRules.isWhitespace($0) }) {
                result.append(range)
            }
        }

        while index < chars.count {
            let c = chars[index]
            if let open = closer {
                if c == open { closer = nil }
                index += 1
            } else if let close = LexicalRules.closingQuote(for: c) {
                closer = close
                index += 1
            } else if LexicalRules.startsComment(chars, at: index, end: chars.count) {
                break
            } else if LexicalRules.isStatementSeparator(c) {
                finish(at: index)
                index += 1
                start = index
            } else {
                index += 1
            }
        }
        finish(at: min(index, chars.count))
        return result
    }
}
