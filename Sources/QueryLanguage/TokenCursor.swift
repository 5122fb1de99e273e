import Core

/// A read position in a statement's tokens that never runs past the final `.end` token.
struct TokenCursor {
    private let tokens: [Token]
    private var index = 0

    /// Wraps `tokens`, appending an `.end` token when they do not already end with one.
    init(_ tokens: [Token]) {
        if let last = tokens.last, last.kind == .end {
            self.tokens = tokens
        } else {
            let end = tokens.last?.span.end ?? 0
            self.tokens = tokens + [Token(kind: .end, text: "", span: SourceSpan(start: end, end: end))]
        }
    }

    /// The token at the read position (the `.end` token once everything is read).
    var current: Token { tokens[min(index, tokens.count - 1)] }

    /// The token `ahead` positions after the current one, or the `.end` token.
    func peek(_ ahead: Int) -> Token { tokens[min(index + max(ahead, 0), tokens.count - 1)] }

    /// True when only the `.end` token is left.
    var atEnd: Bool { current.kind == .end }

    /// The zero-width span at the end of the statement (after its last token).
    var endSpan: SourceSpan { tokens[tokens.count - 1].span }

    /// The first token of the statement.
    var first: Token { tokens[0] }

    /// The last token before `.end`, if any.
    var lastContentToken: Token? { tokens.count >= 2 ? tokens[tokens.count - 2] : nil }

    /// Returns the current token and moves past it (staying on `.end`).
    @discardableResult
    mutating func advance() -> Token {
        let token = current
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    /// Moves to the `.end` token.
    mutating func skipToEnd() { index = tokens.count - 1 }

    /// True when the current token is the symbol `text`.
    func isSymbol(_ text: String) -> Bool {
        current.kind == .symbol && current.text == text
    }

    /// The keyword the current token spells, if any.
    var keyword: Keyword? { Keyword(current) }
}
