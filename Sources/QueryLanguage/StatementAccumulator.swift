/// Joins input lines into logical lines: a line that ends inside a statement (an open
/// parenthesis, a trailing operator or clause keyword, or a final `\`) continues on the next.
/// The REPL shows a continuation prompt while `isContinuing`; scripts run each logical line
/// once it is complete. A trailing comment of a continued line is dropped before joining.
public struct StatementAccumulator: Sendable {
    private var pending: String?
    /// The number (1-based) of the line the pending statement started on.
    public private(set) var startLine = 0

    public init() {}

    /// True while a statement started on an earlier line is still open.
    public var isContinuing: Bool { pending != nil }

    /// Adds input line `number`; the complete logical line (and the line it started on), or
    /// nil while the statement continues.
    public mutating func add(_ line: String, number: Int) -> (text: String, startLine: Int)? {
        if pending == nil { startLine = number }
        let text = pending.map { $0 + " " + line } ?? line
        if let open = Self.continued(text) {
            pending = open
            return nil
        }
        pending = nil
        return (text, startLine)
    }

    /// The statement still open at the end of input, to run as it stands (so that its error
    /// is reported), and forgets it.
    public mutating func flush() -> (text: String, startLine: Int)? {
        defer { pending = nil }
        return pending.map { ($0, startLine) }
    }

    /// Forgets an open statement (Ctrl-C at the continuation prompt).
    public mutating func reset() { pending = nil }

    /// Keywords after which a statement cannot end.
    static let openKeywords: Set<Keyword> = [
        .where, .and, .or, .not, .by, .for, .in, .from, .to, .depth, .fund, .of, .like, .order, .limit,
        .compare, .breakdown, .trend, .top, .find, .source, .explain, .sql,
    ]

    /// Symbols after which a statement cannot end.
    static let openSymbols: Set<String> = ["<", "<=", ">", ">=", "=", "!=", "~", "+", "-", "*", "/", "(", ","]

    /// The text to continue from when `text` ends inside a statement (comment and final `\`
    /// removed); nil when it is complete. Meta-commands (`.…`) never continue.
    static func continued(_ text: String) -> String? {
        let chars = Array(text)
        guard let first = chars.firstIndex(where: { !LexicalRules.isWhitespace($0) }), chars[first] != "." else { return nil }
        var end = contentEnd(chars)
        while end > 0, LexicalRules.isWhitespace(chars[end - 1]) { end -= 1 }
        if end > 0, chars[end - 1] == "\\" { return String(chars[0..<(end - 1)]) }
        guard let last = StatementSplitter.ranges(in: Array(chars[0..<end])).last, last.upperBound == end else { return nil }
        let tokens = Lexer.tokenize(chars, range: last).tokens.filter { $0.kind != .end }
        guard let final = tokens.last else { return nil }
        let depth = tokens.reduce(0) { depth, token in
            token.kind != .symbol ? depth : token.text == "(" ? depth + 1 : token.text == ")" ? depth - 1 : depth
        }
        let open = depth > 0
            || (final.kind == .symbol && openSymbols.contains(final.text))
            || (Keyword(final).map(openKeywords.contains) ?? false)
        return open ? String(chars[0..<end]) : nil
    }

    /// Where the text's content ends: at a comment outside quotes, else at its end.
    private static func contentEnd(_ chars: [Character]) -> Int {
        var index = 0
        var closer: Character?
        while index < chars.count {
            let c = chars[index]
            if let open = closer {
                if c == open { closer = nil }
            } else if let close = LexicalRules.closingQuote(for: c) {
                closer = close
            } else if LexicalRules.startsComment(chars, at: index, end: chars.count) {
                return index
            }
            index += 1
        }
        return chars.count
    }
}
