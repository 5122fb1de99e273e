import Core

extension StatementParser {
    /// Reads the keyword (or bare year) that starts the next clause; nil at the end.
    /// The keyword is consumed; a year is left for `parseYear`.
    mutating func nextClause(_ clauses: inout ClauseTracker) throws(SyntaxError) -> Clause? {
        let token = cursor.current
        if token.kind == .end { return nil }
        if let keyword = cursor.keyword, clauses.allowed.contains(keyword) {
            try clauses.record(ClauseTracker.name(of: keyword), at: token.span)
            cursor.advance()
            return .keyword(keyword)
        }
        if clauses.acceptsYear, token.kind == .number {
            try clauses.record("年份", at: token.span)
            return .year
        }
        if startsDocumentYear(token) {
            // `2025 预算`: a kind after the statement's year.
            if documentKindWord(token) != nil, cursor.peek(1).kind != .number, clauses.hasSeen("年份") || clauses.hasSeen(Keyword.in.rawValue) {
                throw .unexpected(expected: clauses.expected, found: describe(token), at: token.span,
                                  hints: clauses.acceptsDocumentYear ? [Self.kindFirstHint] : clauses.kindRefusal.map { [$0] } ?? [])
            }
            guard clauses.acceptsDocumentYear else {
                throw .unexpected(expected: clauses.expected, found: describe(token), at: token.span,
                                  hints: clauses.kindRefusal.map { [$0] } ?? [])
            }
            // A qualified year is the statement's year: in `breakdown` it stands for `in YEAR`.
            try clauses.record(clauses.allowed.contains(.in) ? Keyword.in.rawValue : "年份", at: token.span)
            return .year
        }
        throw .unexpected(expected: clauses.expected, found: describe(token), at: token.span,
                          hints: hints(for: token, among: clauses.allowed))
    }

    /// Requires the end of the statement.
    mutating func expectEnd() throws(SyntaxError) {
        let token = cursor.current
        guard token.kind != .end else { return }
        throw .unexpected(expected: "语句结束", found: describe(token), at: token.span, hints: hints(for: token, among: []))
    }

    /// Requires `keyword` at the read position and consumes it.
    mutating func expectKeyword(_ keyword: Keyword) throws(SyntaxError) {
        let token = cursor.current
        if cursor.keyword == keyword {
            cursor.advance()
            return
        }
        if token.kind == .end { throw .missing("「\(keyword.rawValue)」", at: token.span) }
        throw .unexpected(expected: "「\(keyword.rawValue)」", found: describe(token), at: token.span,
                          hints: hints(for: token, among: [keyword]))
    }

    /// NAME := STRING | WORD+ — one quoted string, or words joined by one space up to a
    /// keyword in `stops`. The first word is taken even when it is a keyword. Parenthesized
    /// words glued to a word (`因公出国(境)费`) belong to the name; with `allowsNumbers`,
    /// numbers and codes do too.
    mutating func parseName(_ what: String, stops: Set<Keyword>, allowsNumbers: Bool = false, stopsAtDocumentKind: Bool = false)
        throws(SyntaxError) -> Name
    {
        let first = cursor.current
        switch first.kind {
        case .end:
            throw .missing(what, at: first.span)
        case .string:
            cursor.advance()
            if first.text.isEmpty { throw .empty(what, at: first.span) }
            return Name(text: first.text, span: first.span, quoted: true)
        case .word:
            break
        case .number where allowsNumbers, .dottedCode where allowsNumbers:
            break
        default:
            throw .unexpected(expected: what, found: describe(first), at: first.span)
        }
        cursor.advance()
        var text = namePart(first)
        var span = first.span
        while true {
            let token = cursor.current
            if let group = gluedParentheses(after: span) {
                text += "(" + group.text + ")"
                span = span.union(group.span)
                continue
            }
            let isWord = token.kind == .word && !(Keyword(token).map(stops.contains) ?? false)
                && !(stopsAtDocumentKind && startsDocumentYear(token))
            let isNumber = allowsNumbers && (token.kind == .number || token.kind == .dottedCode)
            guard isWord || isNumber else { break }
            cursor.advance()
            text += (token.span.start == span.end ? "" : " ") + namePart(token)
            span = span.union(token.span)
        }
        return Name(text: text, span: span)
    }

    /// `(WORD)` written right after the end of `previous`, consumed when present.
    private mutating func gluedParentheses(after previous: SourceSpan) -> (text: String, span: SourceSpan)? {
        let open = cursor.current, word = cursor.peek(1), close = cursor.peek(2)
        guard open.kind == .symbol, open.text == "(", open.span.start == previous.end,
              word.kind == .word, word.span.start == open.span.end,
              close.kind == .symbol, close.text == ")", close.span.start == word.span.end
        else { return nil }
        cursor.advance()
        cursor.advance()
        cursor.advance()
        return (word.text, open.span.union(close.span))
    }

    /// The text a token contributes to a name.
    private func namePart(_ token: Token) -> String {
        switch token.kind {
        case .number: return token.text + (token.suffix ?? "")
        case .dottedCode: return sourceText(token.span)
        default: return token.text
        }
    }

    /// YEAR := a four-digit number from 1900 to 2100, optionally followed by 年.
    mutating func parseYear(_ what: String = "年份") throws(SyntaxError) -> YearLiteral {
        let token = cursor.current
        switch token.kind {
        case .end:
            throw .missing(what, at: token.span)
        case .number:
            cursor.advance()
            guard token.suffix == nil || token.suffix == "年", token.text.count == 4,
                  token.text.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let value = Int(token.text), (1900...2100).contains(value)
            else { throw .invalidYear(sourceText(token.span), at: token.span) }
            return YearLiteral(value: value, span: token.span)
        default:
            throw .unexpected(expected: what, found: describe(token), at: token.span)
        }
    }

    /// 类 | 款 | 项 after `by`.
    mutating func parseClassLevel() throws(SyntaxError) -> ClassLevel {
        let token = cursor.current
        let levels = ["类": 1, "款": 2, "项": 3]
        guard token.kind == .word, let depth = levels[token.text] else {
            if token.kind == .end { throw .missing("类、款或项", at: token.span) }
            throw .unexpected(expected: "类、款、项或 unit", found: describe(token), at: token.span)
        }
        cursor.advance()
        return ClassLevel(depth: depth, span: token.span)
    }

    /// order by FIELD [asc|desc], after `order`.
    mutating func parseOrdering(stops: Set<Keyword>) throws(SyntaxError) -> Ordering {
        try expectKeyword(.by)
        let field = try parseName("排序字段", stops: stops.union([.asc, .desc]))
        var descending = false
        switch cursor.keyword {
        case .asc: cursor.advance()
        case .desc: cursor.advance(); descending = true
        default: break
        }
        return Ordering(field: field, descending: descending)
    }

    /// N := a positive integer without suffix.
    mutating func parseCount(_ what: String) throws(SyntaxError) -> CountLiteral {
        let token = cursor.current
        switch token.kind {
        case .end:
            throw .missing(what, at: token.span)
        case .number:
            cursor.advance()
            guard token.suffix == nil, token.text.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let value = Int(token.text), value > 0
            else { throw .invalidCount(sourceText(token.span), at: token.span) }
            return CountLiteral(value: value, span: token.span)
        default:
            throw .unexpected(expected: what, found: describe(token), at: token.span)
        }
    }

    /// TARGET := CODE | NAME, where CODE := d | ddd | ddddd | ddddddd | ddd dd [dd] | ddd.dd.dd;
    /// one digit names a whole classification (2: functional, 3: economic).
    mutating func parseTarget(stops: Set<Keyword>) throws(SyntaxError) -> Target {
        let token = cursor.current
        switch token.kind {
        case .dottedCode:
            cursor.advance()
            return .code(digits: token.text, span: token.span)
        case .number:
            return try parseCode()
        case .end:
            throw .missing("科目或科目编码", at: token.span)
        case .word, .string:
            // A subject's words stop at a document kind (`compare 三公 预算 决算 2024`).
            return .subject(try parseName("科目或科目编码", stops: stops, stopsAtDocumentKind: true))
        case .symbol:
            throw .unexpected(expected: "科目或科目编码", found: describe(token), at: token.span)
        }
    }

    /// A code written with digits, possibly as `ddd dd dd`; a four-digit number is a year.
    private mutating func parseCode() throws(SyntaxError) -> Target {
        let token = cursor.current
        let integer = token.text.allSatisfy { $0.isASCII && $0.isNumber }
        if integer, token.text.count == 4, token.suffix == nil || token.suffix == "年" {
            throw .unexpected(expected: "科目或科目编码", found: "年份" + describe(token), at: token.span)
        }
        guard integer, token.suffix == nil, [1, 3, 5, 7].contains(token.text.count) else {
            throw .malformedCode(sourceText(token.span), at: token.span)
        }
        cursor.advance()
        var digits = token.text
        var span = token.span
        if digits.count == 3 {
            for _ in 0..<2 {
                let next = cursor.current
                guard next.kind == .number, next.suffix == nil, next.text.count == 2,
                      next.text.allSatisfy({ $0.isASCII && $0.isNumber })
                else { break }
                cursor.advance()
                digits += next.text
                span = span.union(next.span)
            }
        }
        return .code(digits: digits, span: span)
    }

    /// `「text」` for a token, or 语句结束 for the end.
    func describe(_ token: Token) -> String {
        token.kind == .end ? "语句结束" : "「\(quotedText(token))」"
    }

    /// The source text of a token, shortened when long.
    func quotedText(_ token: Token) -> String {
        let text = sourceText(token.span)
        return text.count > 24 ? String(text.prefix(24)) + "…" : text
    }

    /// The characters of the input line under `span` (clamped to the line).
    func sourceText(_ span: SourceSpan) -> String {
        let lower = min(max(span.start, 0), chars.count)
        let upper = min(max(span.end, lower), chars.count)
        return String(chars[lower..<upper])
    }

    /// A "did you mean" hint for a word close to one of `keywords`, a reminder to separate
    /// statements with `;` when the word is a verb, or to join comparisons with `and`.
    func hints(for token: Token, among keywords: [Keyword]) -> [String] {
        if token.kind == .symbol, ComparisonOperator(rawValue: token.text) != nil {
            return ["比较不能连写，请用「and」连接两个比较"]
        }
        guard token.kind == .word else { return [] }
        if let keyword = Keyword(token), keyword.isVerb, !keywords.contains(keyword) {
            return ["多条语句之间请用「;」分隔"]
        }
        return EditDistance.suggestion(for: token.text, among: keywords.map(\.rawValue)).map {
            [SyntaxError.didYouMean($0)]
        } ?? []
    }
}
