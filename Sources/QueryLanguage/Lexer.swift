import Core

/// The tokens of one statement and the problems found while reading them.
public struct LexResult: Hashable, Sendable {
    /// The tokens, always ending with one `.end` token, placed after the last character that
    /// is neither whitespace nor comment.
    public var tokens: [Token]
    /// Q104 (unterminated string) and Q106 (unexpected character) errors, in input order.
    public var diagnostics: [Diagnostic]
    /// Where the statement's content ends: the start of a comment, else the end of the text.
    public var contentEnd: Int

    public init(tokens: [Token], diagnostics: [Diagnostic], contentEnd: Int) {
        self.tokens = tokens
        self.diagnostics = diagnostics
        self.contentEnd = contentEnd
    }
}

/// Turns the text of one statement into tokens (SPEC §6).
///
/// Whitespace is space, tab and U+3000; `--` and `#` start a comment. Symbols are
/// `< <= > >= = == != <> ~ ( ) , + - * /` and the fullwidth `＜ ＞ ＝ ≤ ≥ ≠ ～ ，`, normalized
/// to ASCII (`==` → `=`, `<>` → `!=`). Fullwidth parentheses `（）` are word characters.
/// A run of word characters is a number (`2023`, `0.9`, `4万`, `90%`, `2023年`; fullwidth
/// digits normalized), a dotted code (`201.31.01`) or a word. Errors never stop the lexer.
public enum Lexer {
    /// The number suffixes, longest first so that `万元` wins over `万`.
    static let numberSuffixes: [String] = ["万元", "亿元", "万", "元", "亿", "%", "％", "年"]

    /// Tokenizes `text`, whose first character is at `offset` in the input line.
    public static func tokenize(_ text: String, offset: Int = 0) -> LexResult {
        let result = tokenize(Array(text), range: 0..<text.count)
        guard offset != 0 else { return result }
        func shift(_ span: SourceSpan) -> SourceSpan {
            SourceSpan(start: span.start + offset, end: span.end + offset)
        }
        return LexResult(
            tokens: result.tokens.map { Token(kind: $0.kind, text: $0.text, suffix: $0.suffix, span: shift($0.span)) },
            diagnostics: result.diagnostics.map { d in
                var copy = d
                copy.span = d.span.map(shift)
                return copy
            },
            contentEnd: result.contentEnd + offset)
    }

    /// Tokenizes `chars[range]`; spans are indices into `chars`.
    static func tokenize(_ chars: [Character], range: Range<Int>) -> LexResult {
        let end = min(range.upperBound, chars.count)
        var index = max(0, min(range.lowerBound, end))
        var tokens: [Token] = []
        var errors: [SyntaxError] = []
        var contentEnd = end

        while index < end {
            let c = chars[index]
            if LexicalRules.isWhitespace(c) {
                index += 1
            } else if LexicalRules.startsComment(chars, at: index, end: end) {
                contentEnd = index
                break
            } else if let closer = LexicalRules.closingQuote(for: c) {
                let (token, next, closed) = readString(chars, from: index, end: end, closer: closer)
                tokens.append(token)
                if !closed { errors.append(.unterminatedString(closer: closer, at: token.span)) }
                index = next
            } else if let symbol = LexicalRules.symbol(c) {
                let (text, length) = combine(symbol, next: index + 1 < end ? chars[index + 1] : nil)
                let span = SourceSpan(start: index, end: index + length)
                if text == "!" {
                    errors.append(.unexpectedCharacter(c, at: span))
                } else {
                    tokens.append(Token(kind: .symbol, text: text, span: span))
                }
                index += length
            } else if LexicalRules.isControl(c) {
                errors.append(.unexpectedCharacter(c, at: SourceSpan(start: index, end: index + 1)))
                index += 1
            } else {
                var stop = index
                while stop < end, LexicalRules.isWordCharacter(chars[stop]) { stop += 1 }
                stop = max(stop, index + 1)
                tokens.append(classify(chars[index..<stop], span: SourceSpan(start: index, end: stop)))
                index = stop
            }
        }
        var endPosition = max(min(contentEnd, chars.count), 0)
        while endPosition > max(range.lowerBound, 0), LexicalRules.isWhitespace(chars[endPosition - 1]) {
            endPosition -= 1
        }
        tokens.append(Token(kind: .end, text: "", span: SourceSpan(start: endPosition, end: endPosition)))
        return LexResult(tokens: tokens, diagnostics: errors.map(\.diagnostic), contentEnd: contentEnd)
    }

    /// Reads a quoted string starting at the opening quote; returns the token, the index after
    /// it and whether the closing quote was found.
    private static func readString(_ chars: [Character], from start: Int, end: Int, closer: Character)
        -> (Token, Int, Bool)
    {
        var content = ""
        var index = start + 1
        while index < end {
            let c = chars[index]
            if c == closer {
                if LexicalRules.allowsDoubledQuote(closer), index + 1 < end, chars[index + 1] == closer {
                    content.append(c)
                    index += 2
                    continue
                }
                let span = SourceSpan(start: start, end: index + 1)
                return (Token(kind: .string, text: content, span: span), index + 1, true)
            }
            content.append(c)
            index += 1
        }
        return (Token(kind: .string, text: content, span: SourceSpan(start: start, end: end)), end, false)
    }

    /// Combines a symbol with the character after it into a two-character operator when they form one.
    private static func combine(_ symbol: String, next: Character?) -> (String, Int) {
        let following = next.flatMap(LexicalRules.symbol)
        switch (symbol, following) {
        case ("<", "="): return ("<=", 2)
        case ("<", ">"): return ("!=", 2)
        case (">", "="): return (">=", 2)
        case ("=", "="): return ("=", 2)
        case ("!", "="): return ("!=", 2)
        default: return (symbol, 1)
        }
    }

    /// Classifies a run of word characters as a number, a dotted code or a word.
    static func classify(_ run: ArraySlice<Character>, span: SourceSpan) -> Token {
        let normalized = run.map { LexicalRules.asciiDigit($0) ?? $0 }
        if let code = dottedCode(normalized) {
            return Token(kind: .dottedCode, text: code, span: span)
        }
        if let (digits, suffix) = number(normalized) {
            return Token(kind: .number, text: digits, suffix: suffix, span: span)
        }
        return Token(kind: .word, text: String(run), span: span)
    }

    /// The seven digits of `ddd.dd.dd`, or nil.
    private static func dottedCode(_ chars: [Character]) -> String? {
        guard chars.count == 9, chars[3] == ".", chars[6] == "." else { return nil }
        let digits = chars.enumerated().filter { $0.offset != 3 && $0.offset != 6 }.map(\.element)
        guard digits.allSatisfy(isASCIIDigit) else { return nil }
        return String(digits)
    }

    /// `digits[.digits][suffix]` split into the digits as written and the normalized suffix.
    private static func number(_ chars: [Character]) -> (String, String?)? {
        let text = String(chars)
        var body = text
        var suffix: String?
        for candidate in numberSuffixes where text.hasSuffix(candidate) && text.count > candidate.count {
            body = String(text.dropLast(candidate.count))
            suffix = candidate == "％" ? "%" : candidate
            break
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count),
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isASCIIDigit) })
        else { return nil }
        return (body, suffix)
    }

    private static func isASCIIDigit(_ c: Character) -> Bool {
        c.isASCII && c.isNumber
    }
}
