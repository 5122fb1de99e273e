import Core

/// A statement with every name resolved against the catalog: what the SQL compiler needs.
enum Plan: Hashable, Sendable {
    case summary(units: [Catalog.Unit], year: Int)
    case compare(units: [Catalog.Unit], subject: Catalog.Measure, first: Int, second: Int)
    case breakdownCode(units: [Catalog.Unit], code: String, year: Int, depth: Int?, column: String, fund: String?)
    case breakdownSubject(units: [Catalog.Unit], subject: Catalog.Measure, year: Int, depth: Int)
    case trend(units: [Catalog.Unit], target: ResolvedTarget, from: Int?, to: Int?)
    case top(units: [Catalog.Unit], count: Int, subject: Catalog.Measure, year: Int)
    case projects(units: [Catalog.Unit], filter: TypedCondition?, order: Field?, descending: Bool, limit: Int?)
    case indicators(units: [Catalog.Unit], projects: [Int64]?, filter: TypedCondition?)
    case codes(prefix: String?, like: String?)
    case units
    case years
    case subjects
    case find(units: [Catalog.Unit], text: String)
    case source(units: [Catalog.Unit], target: ResolvedTarget, year: Int?)
}

/// A resolved `breakdown`/`trend`/`source` target.
enum ResolvedTarget: Hashable, Sendable {
    case code(String)
    case measure(Catalog.Measure)
}

/// What a typed value means; money is in 分, percentages in hundredths of a percent,
/// points in hundredths of a point.
enum ValueType: String, Hashable, Sendable {
    case money, percent, points, integer, text
}

/// A field a condition or `order by` may name: its SQL expression and type.
struct Field: Hashable, Sendable {
    var name: String
    var sql: String
    var type: ValueType
}

/// A value in a checked condition.
indirect enum TypedExpression: Hashable, Sendable {
    case field(Field)
    /// An exact number: digits / 10^decimals in the type's base unit (分 for money, …),
    /// or a plain number when `type` is nil (a factor such as 0.9).
    case number(digits: Int64, decimals: Int, type: ValueType?)
    case text(String)
    case negate(TypedExpression)
    case arithmetic(ArithmeticOperator, TypedExpression, TypedExpression)
}

/// A checked condition.
indirect enum TypedCondition: Hashable, Sendable {
    case compare(ComparisonOperator, TypedExpression, TypedExpression)
    case and(TypedCondition, TypedCondition)
    case or(TypedCondition, TypedCondition)
    case not(TypedCondition)
}
