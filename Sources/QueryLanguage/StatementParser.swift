import Core

/// Recursive-descent parser for the tokens of one statement (grammar in Parser.swift).
struct StatementParser {
    var cursor: TokenCursor
    /// The whole input line, for quoting tokens in messages and cutting out `sql` text.
    let chars: [Character]
    /// Where the statement's content ends (a comment start, else the statement end).
    let contentEnd: Int
    /// Where the raw text of a `sql` statement starts, once one is parsed; lexer errors
    /// after it are not the parser's concern.
    private(set) var sqlStart: Int?
    /// Current depth of parentheses, `not` and unary minus in a condition.
    var nesting = 0
    /// Binary operators (`and`, `or`, `+`, `-`, `*`, `/`) read so far in the statement.
    var operators = 0
    /// Units asked for side by side (`for A, B` or `by unit`) in the statement being parsed.
    var sideBySide: (units: [Name], span: SourceSpan)?

    init(tokens: [Token], chars: [Character], contentEnd: Int) {
        self.cursor = TokenCursor(tokens)
        self.chars = chars
        self.contentEnd = min(max(contentEnd, 0), chars.count)
    }

    /// Parses the whole statement; every token must be used.
    mutating func parse() throws(SyntaxError) -> ParsedStatement {
        let start = cursor.first.span
        let statement = try parseStatement()
        try expectEnd()
        var span = start.union(cursor.lastContentToken?.span ?? start)
        if case .sql(_, let sqlSpan) = statement { span = span.union(sqlSpan) }
        if case .explain(.sql(_, let sqlSpan), _) = statement { span = span.union(sqlSpan) }
        return ParsedStatement(statement: statement, span: span)
    }

    /// statement := verb arguments clauses
    mutating func parseStatement() throws(SyntaxError) -> Statement {
        let verbToken = cursor.current
        guard let verb = cursor.keyword, verb.isVerb else {
            switch verbToken.kind {
            case .end:
                throw .missing("语句", at: verbToken.span)
            case .word:
                let suggestion = EditDistance.suggestion(for: verbToken.text, among: Keyword.verbs.map(\.rawValue))
                throw .unknownVerb(quotedText(verbToken), at: verbToken.span, suggestion: suggestion)
            default:
                throw .unexpected(expected: "语句关键字（如 summary、compare、breakdown）",
                                  found: describe(verbToken), at: verbToken.span)
            }
        }
        cursor.advance()
        switch verb {
        case .summary: return try sideBySide(try parseSummary())
        case .compare: return try sideBySide(try parseCompare())
        case .breakdown: return try sideBySide(try parseBreakdown())
        case .trend: return try sideBySide(try parseTrend())
        case .execution: return try parseExecution()
        case .top: return try parseTop()
        case .projects: return try parseProjects()
        case .indicators: return try parseIndicators()
        case .codes: return try parseCodes()
        case .units: return .units
        case .years: return .years
        case .subjects: return .subjects
        case .find: return try parseFind()
        case .source: return try parseSource()
        case .check: return try parseCheck()
        case .explain: return try parseExplain(verbToken)
        case .sql: return try parseSQL(verbToken)
        case .use: return try parseUse()
        default: throw .unknownVerb(quotedText(verbToken), at: verbToken.span, suggestion: nil)
        }
    }

    /// The statement wrapped for a side-by-side report when one was asked for.
    private mutating func sideBySide(_ statement: Statement) throws(SyntaxError) -> Statement {
        guard let request = sideBySide else { return statement }
        sideBySide = nil
        return .sideBySide(statement, units: request.units, span: request.span)
    }

    /// for UNIT [, UNIT]…: one unit, or several side by side (recorded in `sideBySide`).
    mutating func parseUnits(stops: Set<Keyword>) throws(SyntaxError) -> Name? {
        let first = try parseName("单位", stops: stops)
        guard cursor.current.kind == .symbol, cursor.current.text == "," else { return first }
        var names = [first]
        while cursor.current.kind == .symbol, cursor.current.text == "," {
            cursor.advance()
            names.append(try parseName("单位", stops: stops))
        }
        sideBySide = (names, first.span.union(names[names.count - 1].span))
        return nil
    }

    /// `unit` (单位) after `by`: units side by side.
    private mutating func parseByUnit() throws(SyntaxError) {
        let token = cursor.current
        guard token.kind == .word, ["unit", "units", "单位"].contains(Keyword.asciiLowercased(token.text)) else {
            if token.kind == .end { throw .missing("「unit」", at: token.span) }
            throw .unexpected(expected: "「unit」", found: describe(token), at: token.span)
        }
        cursor.advance()
        if sideBySide == nil { sideBySide = ([], token.span) }
    }

    /// summary [[预算|决算] YEAR] [for UNIT[, UNIT…]] [by unit] [where COND]
    private mutating func parseSummary() throws(SyntaxError) -> Statement {
        var clauses = ClauseTracker(allowed: [.for, .by, .where], acceptsYear: true, acceptsDocumentYear: true)
        var year: YearLiteral?, unit: Name?, filter: Condition?
        while let clause = try nextClause(&clauses) {
            switch clause {
            case .year: year = try parseDocumentYear()
            case .keyword(.by): try parseByUnit()
            case .keyword(.where): filter = try parseCondition(stops: clauses.stops)
            default: unit = try parseUnits(stops: clauses.stops)
            }
        }
        return .summary(year: year, unit: unit, filter: filter)
    }

    /// compare TARGET DOCYEAR DOCYEAR | compare TARGET KIND KIND YEAR, then
    /// [for UNIT[, UNIT…]] [by unit] [where COND]
    private mutating func parseCompare() throws(SyntaxError) -> Statement {
        var clauses = ClauseTracker(allowed: [.for, .by, .where])
        let subject = try parseTarget(stops: clauses.stops)
        let (first, second) = try parseComparedYears()
        var unit: Name?, filter: Condition?
        while let clause = try nextClause(&clauses) {
            switch clause {
            case .keyword(.by): try parseByUnit()
            case .keyword(.where): filter = try parseCondition(stops: clauses.stops)
            default: unit = try parseUnits(stops: clauses.stops)
            }
        }
        return .compare(subject: subject, first: first, second: second, unit: unit, filter: filter)
    }

    /// breakdown TARGET [by 类|款|项|unit] [in DOCYEAR | 预算 YEAR] [depth N] [basic|project|with budget] [fund NAME]
    /// [for UNIT[, UNIT…]] [where COND]
    private mutating func parseBreakdown() throws(SyntaxError) -> Statement {
        var clauses = ClauseTracker(allowed: [.by, .in, .depth, .basic, .project, .with, .fund, .for, .where], acceptsDocumentYear: true)
        let target = try parseTarget(stops: clauses.stops)
        var year: YearLiteral?, depth: CountLiteral?, column: SpendingColumn?, fund: Name?, unit: Name?
        var level: ClassLevel?, filter: Condition?
        while let clause = try nextClause(&clauses) {
            switch clause {
            case .keyword(.by):
                if ["unit", "units", "单位"].contains(Keyword.asciiLowercased(cursor.current.text)) { try parseByUnit() } else { level = try parseClassLevel() }
            case .keyword(.in), .year: year = try parseDocumentYear()
            case .keyword(.depth): depth = try parseCount("层数")
            case .keyword(.basic): column = .basic
            case .keyword(.project): column = .project
            case .keyword(.with):
                let token = cursor.current
                guard token.kind == .word, ["budget", "预算", "年初预算"].contains(Keyword.asciiLowercased(token.text)) else {
                    if token.kind == .end { throw .missing("「budget」", at: token.span) }
                    throw .unexpected(expected: "「budget」", found: describe(token), at: token.span)
                }
                cursor.advance()
                column = .budget
            case .keyword(.fund): fund = try parseName("资金来源", stops: clauses.stops)
            case .keyword(.where): filter = try parseCondition(stops: clauses.stops)
            default: unit = try parseUnits(stops: clauses.stops)
            }
        }
        return .breakdown(target: target, year: year, depth: depth, column: column, fund: fund, unit: unit,
                          level: level, filter: filter)
    }

    /// trend TARGET [with budget | 预算 | 决算] [from DOCYEAR to DOCYEAR] [for UNIT[, UNIT…]] [by unit] [where COND];
    /// every kind stated (`预算`, `with budget`, before a year) must be the same one.
    private mutating func parseTrend() throws(SyntaxError) -> Statement {
        var clauses = ClauseTracker(allowed: [.from, .to, .for, .by, .where, .with], kindRefusal: Self.trendKindHint)
        let target = try parseTarget(stops: clauses.stops)
        var from: YearLiteral?, to: YearLiteral?, unit: Name?, filter: Condition?
        var stated: (kind: DocumentKind, word: String)?
        func state(_ kind: DocumentKind?, _ word: String, at span: SourceSpan) throws(SyntaxError) {
            guard let kind else { return }
            if let stated, stated.kind != kind { throw .kindConflict(word, earlier: stated.word, at: span) }
            stated = stated ?? (kind, word)
        }
        while true {
            // `预算` alone is `with budget`; `决算` says the default.
            if let kind = documentKindWord(cursor.current) {
                try clauses.record(ClauseTracker.name(of: .with), at: cursor.current.span)
                try state(kind, cursor.current.text, at: cursor.current.span)
                cursor.advance()
                continue
            }
            guard let clause = try nextClause(&clauses) else { break }
            switch clause {
            case .keyword(.with):
                let token = cursor.current
                guard token.kind == .word, ["budget", "预算"].contains(Keyword.asciiLowercased(token.text)) else {
                    if token.kind == .end { throw .missing("「budget」", at: token.span) }
                    throw .unexpected(expected: "「budget」", found: describe(token), at: token.span)
                }
                try state(.budget, token.text, at: token.span)
                cursor.advance()
            case .keyword(.from):
                let year = try parseDocumentYear("起始年份")
                try state(year.kind, sourceText(year.span), at: year.span)
                from = year
            case .keyword(.to):
                let year = try parseDocumentYear("结束年份")
                try state(year.kind, sourceText(year.span), at: year.span)
                to = year
            case .keyword(.by): try parseByUnit()
            case .keyword(.where): filter = try parseCondition(stops: clauses.stops)
            default: unit = try parseUnits(stops: clauses.stops)
            }
        }
        if from != nil, to == nil { throw .missing("结束年份（to 年份）", at: cursor.endSpan) }
        if to != nil, from == nil { throw .missing("起始年份（from 年份）", at: cursor.endSpan) }
        if stated?.kind == .budget { return .trendBudget(target: target, from: from, to: to, unit: unit) }
        return .trend(target: target, from: from, to: to, unit: unit, filter: filter)
    }

    /// execution TARGET [YEAR] [for UNIT]: the year's budget and final account side by side,
    /// so a kind before the year is refused.
    private mutating func parseExecution() throws(SyntaxError) -> Statement {
        var clauses = ClauseTracker(allowed: [.for], acceptsYear: true, kindRefusal: Self.executionKindHint)
        let target = try parseTarget(stops: clauses.stops)
        var year: YearLiteral?, unit: Name?
        while let clause = try nextClause(&clauses) {
            switch clause {
            case .year: year = try parseYear()
            default: unit = try parseUnits(stops: clauses.stops)
            }
        }
        return .execution(target: target, year: year, unit: unit)
    }

    /// top N units by TARGET [in DOCYEAR | DOCYEAR with its kind] [where COND]
    private mutating func parseTop() throws(SyntaxError) -> Statement {
        var clauses = ClauseTracker(allowed: [.in, .where], acceptsDocumentYear: true)
        let count = try parseCount("数量")
        try expectKeyword(.units)
        try expectKeyword(.by)
        let subject = try parseTarget(stops: clauses.stops)
        var year: YearLiteral?, filter: Condition?
        while let clause = try nextClause(&clauses) {
            switch clause {
            case .keyword(.where): filter = try parseCondition(stops: clauses.stops)
            default: year = try parseDocumentYear()
            }
        }
        return .top(count: count, subject: subject, year: year, filter: filter)
    }

    /// projects [where COND] [order by FIELD [asc|desc]] [limit N] [for UNIT]
    private mutating func parseProjects() throws(SyntaxError) -> Statement {
        var clauses = ClauseTracker(allowed: [.where, .order, .limit, .for])
        var filter: Condition?, order: Ordering?, limit: CountLiteral?, unit: Name?
        while let clause = try nextClause(&clauses) {
            switch clause {
            case .keyword(.where): filter = try parseCondition(stops: clauses.stops)
            case .keyword(.order): order = try parseOrdering(stops: clauses.stops)
            case .keyword(.limit): limit = try parseCount("条数")
            default: unit = try parseName("单位", stops: clauses.stops)
            }
        }
        return .projects(filter: filter, order: order, limit: limit, unit: unit)
    }

    /// indicators [of PROJECT] [where COND] [for UNIT]
    private mutating func parseIndicators() throws(SyntaxError) -> Statement {
        var clauses = ClauseTracker(allowed: [.of, .where, .for])
        var project: Name?, filter: Condition?, unit: Name?
        while let clause = try nextClause(&clauses) {
            switch clause {
            case .keyword(.of): project = try parseName("项目", stops: clauses.stops, allowsNumbers: true)
            case .keyword(.where): filter = try parseCondition(stops: clauses.stops)
            default: unit = try parseName("单位", stops: clauses.stops)
            }
        }
        return .indicators(project: project, filter: filter, unit: unit)
    }

    /// codes [CODE | like TEXT]
    private mutating func parseCodes() throws(SyntaxError) -> Statement {
        if cursor.atEnd { return .codes(prefix: nil, like: nil) }
        if cursor.keyword == .like {
            cursor.advance()
            return .codes(prefix: nil, like: try parseName("匹配文本", stops: [], allowsNumbers: true))
        }
        return .codes(prefix: try parseTarget(stops: [.like]), like: nil)
    }

    /// find TEXT [for UNIT]
    private mutating func parseFind() throws(SyntaxError) -> Statement {
        var clauses = ClauseTracker(allowed: [.for])
        let text = try parseName("搜索文本", stops: clauses.stops, allowsNumbers: true)
        var unit: Name?
        while try nextClause(&clauses) != nil {
            unit = try parseName("单位", stops: clauses.stops)
        }
        return .find(text: text, unit: unit)
    }

    /// source [TARGET] [DOCYEAR] [for UNIT] [where COND]; without a target it needs `where`.
    private mutating func parseSource() throws(SyntaxError) -> Statement {
        var clauses = ClauseTracker(allowed: [.for, .where], acceptsYear: true, acceptsDocumentYear: true)
        let startsClause = cursor.keyword == .where || cursor.keyword == .for || startsDocumentYear(cursor.current)
        let target = startsClause ? nil : try parseTarget(stops: clauses.stops)
        var year: YearLiteral?, unit: Name?, filter: Condition?
        while let clause = try nextClause(&clauses) {
            switch clause {
            case .year: year = try parseDocumentYear()
            case .keyword(.where):
                if let flag = derivedFlag(stops: clauses.stops) { filter = flag } else { filter = try parseCondition(stops: clauses.stops) }
            default: unit = try parseName("单位", stops: clauses.stops)
            }
        }
        if target == nil, filter == nil { throw .missing("科目、科目编码或 where 条件", at: cursor.endSpan) }
        return .source(target: target, year: year, unit: unit, filter: filter)
    }

    /// `where derived` (or 推算) alone, as `where derived = 1`.
    private mutating func derivedFlag(stops: Set<Keyword>) -> Condition? {
        let token = cursor.current, next = cursor.peek(1)
        guard token.kind == .word, ["derived", "推算"].contains(Keyword.asciiLowercased(token.text)),
              next.kind == .end || Keyword(next).map(stops.contains) == true
        else { return nil }
        cursor.advance()
        return .comparison(.equal, .field(Name(text: token.text, span: token.span)), .number(text: "1", suffix: nil, span: token.span),
                           operatorSpan: token.span)
    }

    /// check [where COND] [for UNIT]
    private mutating func parseCheck() throws(SyntaxError) -> Statement {
        var clauses = ClauseTracker(allowed: [.where, .for])
        var filter: Condition?, unit: Name?
        while let clause = try nextClause(&clauses) {
            switch clause {
            case .keyword(.where): filter = try parseCondition(stops: clauses.stops)
            default: unit = try parseName("单位", stops: clauses.stops)
            }
        }
        return .check(filter: filter, unit: unit)
    }

    /// explain STATEMENT (any statement but explain)
    private mutating func parseExplain(_ verb: Token) throws(SyntaxError) -> Statement {
        if cursor.atEnd { throw .missing("要解释的语句", at: cursor.endSpan) }
        if cursor.keyword == .explain {
            throw .unexpected(expected: "要解释的语句（explain 不能嵌套）", found: describe(cursor.current),
                              at: cursor.current.span)
        }
        return .explain(try parseStatement(), span: verb.span)
    }

    /// sql REST: the rest of the statement text, verbatim and trimmed.
    private mutating func parseSQL(_ verb: Token) throws(SyntaxError) -> Statement {
        let lower = min(verb.span.end, contentEnd)
        sqlStart = lower
        var start = lower, end = contentEnd
        while start < end, LexicalRules.isWhitespace(chars[start]) { start += 1 }
        while end > start, LexicalRules.isWhitespace(chars[end - 1]) { end -= 1 }
        cursor.skipToEnd()
        guard start < end else { throw .missing("要执行的 SQL 语句", at: SourceSpan(start: lower, end: lower)) }
        return .sql(String(chars[start..<end]), span: SourceSpan(start: start, end: end))
    }

    /// use DOCYEAR | use all | use UNIT
    private mutating func parseUse() throws(SyntaxError) -> Statement {
        let token = cursor.current
        switch token.kind {
        case .end:
            throw .missing("单位、年份或 all", at: token.span)
        case .number:
            return .useYear(try parseYear())
        case .word where startsDocumentYear(token):
            return .useYear(try parseDocumentYear())
        case .word where cursor.keyword == .all:
            cursor.advance()
            return .useAll(span: token.span)
        default:
            return .useUnit(try parseName("单位、年份或 all", stops: []))
        }
    }
}
