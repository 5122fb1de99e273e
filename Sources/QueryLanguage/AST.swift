import Core

/// A name as the user wrote it (a subject, field, unit, project or code), with its span.
public struct Name: Hashable, Sendable {
    public var text: String
    public var span: SourceSpan
    /// True when the user quoted it.
    public var quoted: Bool

    public init(text: String, span: SourceSpan, quoted: Bool = false) {
        self.text = text
        self.span = span
        self.quoted = quoted
    }
}

/// How a statement names the document a year's figures come from.
extension DocumentKind {
    /// The words that name the kind before a year (`预算 2025`, `budget 2025`).
    static let words: [String: DocumentKind] = ["预算": .budget, "budget": .budget, "决算": .final, "final": .final]

    /// The kind a word names (ASCII case-insensitive), if any.
    public init?(word: String) {
        guard let kind = DocumentKind.words[Keyword.asciiLowercased(word)] else { return nil }
        self = kind
    }
}

/// A year as written (`2023` or `2023年`), optionally qualified by the document its
/// figures come from (`预算 2025`, `预算2025`, `2025预算`); `kind` nil means 决算.
public struct YearLiteral: Hashable, Sendable {
    public var value: Int
    public var span: SourceSpan
    public var kind: DocumentKind?
    public init(value: Int, span: SourceSpan, kind: DocumentKind? = nil) {
        self.value = value
        self.span = span
        self.kind = kind
    }

    /// The document the year's figures are read from.
    public var document: DocumentKind { kind ?? .final }
}

/// An integer argument (`top 3`, `limit 10`, `depth 2`).
public struct CountLiteral: Hashable, Sendable {
    public var value: Int
    public var span: SourceSpan
    public init(value: Int, span: SourceSpan) {
        self.value = value
        self.span = span
    }
}

/// What `breakdown`, `trend` and `source` are about: a classification code or a subject.
/// A code is written `2013101`, `201 31 01` or `201.31.01`; digits holds "2013101".
public enum Target: Hashable, Sendable {
    case code(digits: String, span: SourceSpan)
    case subject(Name)

    public var span: SourceSpan {
        switch self {
        case .code(_, let span): return span
        case .subject(let name): return name.span
        }
    }
}

/// A value in a condition.
public indirect enum ValueExpression: Hashable, Sendable {
    /// A field name (`adjusted`, `调整后预算`).
    case field(Name)
    /// A number with an optional unit suffix (`0.9`, `4万`, `90%`); digits as written.
    case number(text: String, suffix: String?, span: SourceSpan)
    /// A quoted string.
    case string(String, span: SourceSpan)
    /// A negated value (`-x`).
    case negate(ValueExpression, span: SourceSpan)
    /// Arithmetic: `+ - * /`.
    case binary(ArithmeticOperator, ValueExpression, ValueExpression)

    public var span: SourceSpan {
        switch self {
        case .field(let name): return name.span
        case .number(_, _, let span), .string(_, let span), .negate(_, let span): return span
        case .binary(_, let lhs, let rhs): return lhs.span.union(rhs.span)
        }
    }
}

public enum ArithmeticOperator: String, Hashable, Sendable { case add = "+", subtract = "-", multiply = "*", divide = "/" }

/// `< <= > >= = != ~` (`~` = contains).
public enum ComparisonOperator: String, Hashable, Sendable {
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case equal = "=", notEqual = "!=", contains = "~"
}

/// A boolean condition (`where …`).
public indirect enum Condition: Hashable, Sendable {
    case comparison(ComparisonOperator, ValueExpression, ValueExpression, operatorSpan: SourceSpan)
    case and(Condition, Condition)
    case or(Condition, Condition)
    case not(Condition, span: SourceSpan)

    public var span: SourceSpan {
        switch self {
        case .comparison(_, let lhs, let rhs, _): return lhs.span.union(rhs.span)
        case .and(let lhs, let rhs), .or(let lhs, let rhs): return lhs.span.union(rhs.span)
        case .not(let inner, let span): return span.union(inner.span)
        }
    }
}

/// `order by FIELD [asc|desc]`.
public struct Ordering: Hashable, Sendable {
    public var field: Name
    public var descending: Bool
    public init(field: Name, descending: Bool) {
        self.field = field
        self.descending = descending
    }
}

/// `by 类|款|项` in `breakdown SUBJECT by …`: the classification level rows stop at.
public struct ClassLevel: Hashable, Sendable {
    /// 1 = 类, 2 = 款, 3 = 项.
    public var depth: Int
    public var span: SourceSpan
    public init(depth: Int, span: SourceSpan) {
        self.depth = depth
        self.span = span
    }
}

/// `basic`, `project` or `with budget` in `breakdown`.
public enum SpendingColumn: String, Hashable, Sendable { case basic, project, budget }

/// One statement of the language (SPEC §6).
public indirect enum Statement: Hashable, Sendable {
    case summary(year: YearLiteral?, unit: Name?, filter: Condition?)
    case compare(subject: Target, first: YearLiteral, second: YearLiteral, unit: Name?, filter: Condition?)
    case breakdown(target: Target, year: YearLiteral?, depth: CountLiteral?, column: SpendingColumn?, fund: Name?, unit: Name?,
                   level: ClassLevel?, filter: Condition?)
    case trend(target: Target, from: YearLiteral?, to: YearLiteral?, unit: Name?, filter: Condition?)
    /// `execution SUBJECT [YEAR] [for UNIT]`: the budget document, the final account's 年初预算 and its 决算.
    case execution(target: Target, year: YearLiteral?, unit: Name?)
    /// `trend SUBJECT with budget [from YEAR to YEAR] [for UNIT]`: the budget documents' 预算数 over the years.
    case trendBudget(target: Target, from: YearLiteral?, to: YearLiteral?, unit: Name?)
    case top(count: CountLiteral, subject: Target, year: YearLiteral?, filter: Condition?)
    case projects(filter: Condition?, order: Ordering?, limit: CountLiteral?, unit: Name?)
    case indicators(project: Name?, filter: Condition?, unit: Name?)
    case codes(prefix: Target?, like: Name?)
    case units
    case years
    case subjects
    case find(text: Name, unit: Name?)
    case source(target: Target?, year: YearLiteral?, unit: Name?, filter: Condition?)
    case check(filter: Condition?, unit: Name?)
    case explain(Statement, span: SourceSpan)
    /// `… for A, B` or `… by unit`: the units side by side (`units` empty: every unit in
    /// scope); `trend` gives one row per unit and one column per year.
    case sideBySide(Statement, units: [Name], span: SourceSpan)
    /// Raw SQL: everything after the `sql` keyword, verbatim.
    case sql(String, span: SourceSpan)
    case useUnit(Name)
    case useYear(YearLiteral)
    case useAll(span: SourceSpan)
}

/// A parsed statement with the span of its text and its verb's span.
public struct ParsedStatement: Hashable, Sendable {
    public var statement: Statement
    public var span: SourceSpan
    public init(statement: Statement, span: SourceSpan) {
        self.statement = statement
        self.span = span
    }
}
