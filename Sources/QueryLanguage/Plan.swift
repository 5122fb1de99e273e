import Core

/// A statement with every name resolved against the catalog: what the SQL compiler needs.
enum Plan: Hashable, Sendable {
    case summary(units: [Catalog.Unit], year: Int)
    /// `hasParts` false: the subject compares as its own row.
    case compare(units: [Catalog.Unit], subject: Catalog.Measure, hasParts: Bool, first: Int, second: Int)
    case compareCode(units: [Catalog.Unit], code: CodeTarget, first: Int, second: Int)
    /// `total`: a measure whose printed figure is the 合计 row (`breakdown 本年支出合计 by 类`).
    case breakdownCode(units: [Catalog.Unit], code: CodeTarget, year: Int, depth: Int?, column: String?, fund: String?, total: String?)
    /// `breakdown CODE with budget`: each 项's 年初预算 beside its 决算.
    case breakdownBudget(units: [Catalog.Unit], code: CodeTarget, year: Int, fund: String?)
    case breakdownSubject(units: [Catalog.Unit], subject: Catalog.Measure, year: Int, depth: Int)
    case trend(units: [Catalog.Unit], target: ResolvedTarget, from: Int?, to: Int?)
    case execution(units: [Catalog.Unit], target: ResolvedTarget, year: Int)
    case trendBudget(units: [Catalog.Unit], target: ResolvedTarget, from: Int?, to: Int?)
    case top(units: [Catalog.Unit], count: Int, target: ResolvedTarget, year: Int)
    case projects(units: [Catalog.Unit], filter: TypedCondition?, order: Field?, descending: Bool, limit: Int?)
    case indicators(units: [Catalog.Unit], projects: [Int64]?, filter: TypedCondition?)
    case codes(prefix: String?, like: String?)
    case units
    case years
    case subjects
    case find(units: [Catalog.Unit], text: String)
    case source(units: [Catalog.Unit], target: ResolvedTarget?, year: Int?)
}

/// A resolved target: a classification code or a catalog measure.
enum ResolvedTarget: Hashable, Sendable {
    case code(CodeTarget)
    case measure(Catalog.Measure)
}

/// A classification code and how its figures are read. One digit (`2`, `3`) stands for a
/// whole classification; its rows start at the 类.
struct CodeTarget: Hashable, Sendable {
    var code: String
    /// True for the economic classification (经济分类, read in 基本支出决算表).
    var economic: Bool
    /// The code's name in the catalog ("" for a whole classification).
    var name: String = ""

    /// The length of the classification's most detailed codes (项 7, economic 款 5).
    var leafLength: Int { economic ? 5 : 7 }
    /// The code lengths below this code, down to the leaf, at most `depth` levels.
    func childLengths(depth: Int?) -> [Int] {
        let below = [3, 5, 7].filter { $0 > code.count && $0 <= leafLength }
        if below.isEmpty { return [code.count] }
        guard let depth else { return code.count == 1 ? [3] : [leafLength] }
        return Array(below.prefix(depth))
    }
    /// The column figures are read in by default: economic codes are printed as 基本支出.
    var defaultColumn: String { economic ? "basic" : "actual" }
    /// The fund read by default: economic codes are printed for 一般公共预算财政拨款; nil lets
    /// the query choose (全部资金 where printed, else 一般公共预算).
    var defaultFund: String? { economic ? "general" : nil }
    /// The reference table that names the codes.
    var nameTable: String { economic ? "econ_code" : "func_code" }
}

/// What a typed value means; money is in 分, percentages in hundredths of a percent,
/// points in hundredths of a point, quantities (an indicator's number with its unit) in
/// hundredths of the printed number.
enum ValueType: String, Hashable, Sendable {
    case money, percent, points, integer, text, quantity
}

/// A field a condition or `order by` may name: its SQL expression and type.
struct Field: Hashable, Sendable {
    var name: String
    var sql: String
    var type: ValueType
    /// For a quantity: SQL giving the row's unit (only values of one unit compare).
    var unitSQL: String? = nil
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
