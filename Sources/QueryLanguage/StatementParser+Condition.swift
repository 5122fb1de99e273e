import Core

/// What a level of the condition grammar produced: a condition, or a value that still needs
/// a comparison operator. A parenthesized group may hold either.
enum Operand {
    case condition(Condition)
    case expression(ValueExpression)
}

extension StatementParser {
    /// COND := or-level; it must be a condition, not a bare value.
    mutating func parseCondition(stops: Set<Keyword>) throws(SyntaxError) -> Condition {
        if cursor.atEnd { throw .missing("条件", at: cursor.endSpan) }
        let operand = try parseOr(stops)
        return try requireCondition(operand)
    }

    /// or := and ('or' and)*
    private mutating func parseOr(_ stops: Set<Keyword>) throws(SyntaxError) -> Operand {
        var result = try parseAnd(stops)
        while cursor.keyword == .or {
            let lhs = try requireCondition(result)
            try countOperator(at: cursor.advance().span)
            let rhs = try requireCondition(try parseAnd(stops))
            result = .condition(.or(lhs, rhs))
        }
        return result
    }

    /// and := not ('and' not)*
    private mutating func parseAnd(_ stops: Set<Keyword>) throws(SyntaxError) -> Operand {
        var result = try parseNot(stops)
        while cursor.keyword == .and {
            let lhs = try requireCondition(result)
            try countOperator(at: cursor.advance().span)
            let rhs = try requireCondition(try parseNot(stops))
            result = .condition(.and(lhs, rhs))
        }
        return result
    }

    /// not := 'not' not | comparison
    private mutating func parseNot(_ stops: Set<Keyword>) throws(SyntaxError) -> Operand {
        guard cursor.keyword == .not else { return try parseComparison(stops) }
        let token = cursor.advance()
        try enterNesting(at: token.span)
        let inner = try requireCondition(try parseNot(stops))
        nesting -= 1
        return .condition(.not(inner, span: token.span))
    }

    /// comparison := expr (OP expr)?, OP ∈ < <= > >= = != ~
    private mutating func parseComparison(_ stops: Set<Keyword>) throws(SyntaxError) -> Operand {
        let lhs = try parseAdditive(stops)
        guard cursor.current.kind == .symbol, let op = ComparisonOperator(rawValue: cursor.current.text) else {
            return lhs
        }
        let left = try requireExpression(lhs, before: cursor.current)
        let opToken = cursor.advance()
        let right = try requireExpression(try parseAdditive(stops))
        return .condition(.comparison(op, left, right, operatorSpan: opToken.span))
    }

    /// expr := term (('+' | '-') term)*
    private mutating func parseAdditive(_ stops: Set<Keyword>) throws(SyntaxError) -> Operand {
        var result = try parseTerm(stops)
        while cursor.isSymbol("+") || cursor.isSymbol("-") {
            let lhs = try requireExpression(result, before: cursor.current)
            let token = cursor.advance()
            try countOperator(at: token.span)
            let op: ArithmeticOperator = token.text == "+" ? .add : .subtract
            let rhs = try requireExpression(try parseTerm(stops))
            result = .expression(.binary(op, lhs, rhs))
        }
        return result
    }

    /// term := unary (('*' | '/') unary)*
    private mutating func parseTerm(_ stops: Set<Keyword>) throws(SyntaxError) -> Operand {
        var result = try parseUnary(stops)
        while cursor.isSymbol("*") || cursor.isSymbol("/") {
            let lhs = try requireExpression(result, before: cursor.current)
            let token = cursor.advance()
            try countOperator(at: token.span)
            let op: ArithmeticOperator = token.text == "*" ? .multiply : .divide
            let rhs = try requireExpression(try parseUnary(stops))
            result = .expression(.binary(op, lhs, rhs))
        }
        return result
    }

    /// unary := '-' unary | primary
    private mutating func parseUnary(_ stops: Set<Keyword>) throws(SyntaxError) -> Operand {
        guard cursor.isSymbol("-") else { return try parsePrimary(stops) }
        let token = cursor.advance()
        try enterNesting(at: token.span)
        let inner = try requireExpression(try parseUnary(stops))
        nesting -= 1
        return .expression(.negate(inner, span: token.span.union(inner.span)))
    }

    /// primary := NUMBER | STRING | FIELD | '(' or ')'
    private mutating func parsePrimary(_ stops: Set<Keyword>) throws(SyntaxError) -> Operand {
        let token = cursor.current
        switch token.kind {
        case .number:
            cursor.advance()
            return .expression(.number(text: token.text, suffix: token.suffix, span: token.span))
        case .dottedCode:
            cursor.advance()
            return .expression(.number(text: token.text, suffix: nil, span: token.span))
        case .string:
            cursor.advance()
            return .expression(.string(token.text, span: token.span))
        case .word:
            if let keyword = Keyword(token), keyword == .and || keyword == .or || keyword == .not || stops.contains(keyword) {
                throw .unexpected(expected: "字段、数值或字符串", found: describe(token), at: token.span)
            }
            cursor.advance()
            return .expression(.field(Name(text: token.text, span: token.span)))
        case .symbol where token.text == "(":
            cursor.advance()
            try enterNesting(at: token.span)
            let inner = try parseOr(stops)
            guard cursor.isSymbol(")") else {
                throw .missingParenthesis(found: describe(cursor.current), at: cursor.current.span, openedAt: token.span)
            }
            cursor.advance()
            nesting -= 1
            return inner
        case .end:
            throw .missing("值（字段、数值或字符串）", at: token.span)
        case .symbol:
            throw .unexpected(expected: "字段、数值或字符串", found: describe(token), at: token.span)
        }
    }

    /// Counts one more binary operator, refusing more than the limit: the checker, the
    /// compiler and SQLite all recurse over the tree a condition becomes.
    private mutating func countOperator(at span: SourceSpan) throws(SyntaxError) {
        guard operators < SyntaxError.maximumOperators else { throw .tooManyOperators(at: span) }
        operators += 1
    }

    /// Counts one more level of nesting, refusing to go deeper than the limit.
    private mutating func enterNesting(at span: SourceSpan) throws(SyntaxError) {
        guard nesting < SyntaxError.maximumNesting else { throw .nestingTooDeep(at: span) }
        nesting += 1
    }

    /// The condition in `operand`; a bare value is Q101 "expected a comparison operator"
    /// at the token that follows it.
    private func requireCondition(_ operand: Operand) throws(SyntaxError) -> Condition {
        switch operand {
        case .condition(let condition):
            return condition
        case .expression:
            let token = cursor.current
            throw .unexpected(expected: "比较运算符（< <= > >= = != ~）", found: describe(token), at: token.span)
        }
    }

    /// The value in `operand` that is followed by the operator `next`; a condition there is Q101.
    private func requireExpression(_ operand: Operand, before next: Token) throws(SyntaxError) -> ValueExpression {
        switch operand {
        case .expression(let expression):
            return expression
        case .condition:
            throw .unexpected(expected: "「and」、「or」或「)」", found: describe(next), at: next.span,
                              hints: ["条件不能再参与比较或算术运算"])
        }
    }

    /// The value in `operand`, which stands after an operator; a condition there is Q101.
    private func requireExpression(_ operand: Operand) throws(SyntaxError) -> ValueExpression {
        switch operand {
        case .expression(let expression):
            return expression
        case .condition(let condition):
            throw .unexpected(expected: "字段、数值或字符串", found: "条件「\(sourceText(condition.span))」",
                              at: condition.span)
        }
    }
}
