import Core

/// Years qualified by the document their figures come from (SPEC §6 "Budget figures"):
///
///     DOCYEAR := [KIND] YEAR | KIND‹YEAR› | ‹YEAR›KIND        KIND := 预算 | budget | 决算 | final
///
/// The kind stands before the year, or is written together with it (`预算2025`, `2025预算`,
/// `2025年预算`); a year without one means 决算. Every statement that takes a year takes a
/// DOCYEAR (`top … in`, `source`, `use`, trend's `from`/`to`) but `execution`, which reads
/// both documents. `compare` also takes two kinds of one year (`compare 三公 预算 决算 2024`).
extension StatementParser {
    /// Why `execution` takes no kind before its year.
    static let executionKindHint = "execution 已并列该年度预算文件的预算数、决算所载年初预算和决算数，年份前不注明预算或决算"
    /// Where `trend` takes a kind: after its subject, or before the years of from … to.
    static let trendKindHint = "trend 的年份写在 from、to 之后，文件写在主题之后或年份之前（如「trend 三公 预算」「trend 三公 from 预算 Y1 to Y2」）"
    /// The hint given for a kind written after its year with a space (`2025 预算`).
    static let kindFirstHint = "预算、决算写在年份之前（如「预算 2025」），或与年份连写（如「2025预算」）"

    /// The kind a word token names on its own (`预算`, `budget`), if any.
    func documentKindWord(_ token: Token) -> DocumentKind? {
        token.kind == .word ? DocumentKind(word: token.text) : nil
    }

    /// A word token joining a kind and a year (`预算2025`, `2025预算`, `2025年预算`): the kind
    /// and the year's digits (fullwidth digits normalized).
    func fusedDocumentYear(_ token: Token) -> (kind: DocumentKind, digits: String)? {
        guard token.kind == .word else { return nil }
        let text = String(token.text.map { LexicalRules.asciiDigit($0) ?? $0 })
        for (word, kind) in DocumentKind.words {
            if text.count > word.count, Keyword.asciiLowercased(String(text.prefix(word.count))) == word {
                let rest = String(text.dropFirst(word.count))
                let digits = rest.hasSuffix("年") ? String(rest.dropLast()) : rest
                if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) { return (kind, digits) }
            }
            if text.count > word.count, Keyword.asciiLowercased(String(text.suffix(word.count))) == word {
                let rest = String(text.dropLast(word.count))
                let digits = rest.hasSuffix("年") ? String(rest.dropLast()) : rest
                if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) { return (kind, digits) }
            }
        }
        return nil
    }

    /// True when `token` starts a year qualified by its document.
    func startsDocumentYear(_ token: Token) -> Bool {
        documentKindWord(token) != nil || fusedDocumentYear(token) != nil
    }

    /// DOCYEAR (grammar above).
    mutating func parseDocumentYear(_ what: String = "年份") throws(SyntaxError) -> YearLiteral {
        let token = cursor.current
        if let (kind, digits) = fusedDocumentYear(token) {
            cursor.advance()
            guard digits.count == 4, let value = Int(digits), (1900...2100).contains(value) else {
                throw .invalidYear(sourceText(token.span), at: token.span)
            }
            return YearLiteral(value: value, span: token.span, kind: kind)
        }
        guard let kind = documentKindWord(token) else { return try parseYear(what) }
        cursor.advance()
        let next = cursor.current
        guard next.kind == .number else {
            if next.kind == .end { throw .missing("「\(token.text)」之后的年份", at: next.span) }
            throw .unexpected(expected: "「\(token.text)」之后的年份", found: describe(next), at: next.span,
                              hints: ["例如「\(token.text) 2025」"])
        }
        var year = try parseYear(what)
        year.span = token.span.union(year.span)
        year.kind = kind
        return year
    }

    /// `compare`'s two years: DOCYEAR DOCYEAR, or KIND KIND YEAR (both documents of one year).
    mutating func parseComparedYears() throws(SyntaxError) -> (YearLiteral, YearLiteral) {
        let first = cursor.current, second = cursor.peek(1)
        if let firstKind = documentKindWord(first), let secondKind = documentKindWord(second) {
            cursor.advance()
            cursor.advance()
            let year = try parseYear("「\(first.text) \(second.text)」之后的年份")
            return (YearLiteral(value: year.value, span: first.span.union(year.span), kind: firstKind),
                    YearLiteral(value: year.value, span: second.span.union(year.span), kind: secondKind))
        }
        let one = try parseDocumentYear()
        return (one, try parseDocumentYear("第二个年份"))
    }
}
