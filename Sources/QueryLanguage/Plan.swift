import Core

/// A statement with every name resolved against the catalog: what the SQL compiler needs.
enum Plan: Hashable, Sendable {
    /// `document`: the kind of disclosure read (决算 unless `summary 预算 YEAR`).
    case summary(units: UnitScope, year: Int, document: DocumentKind)
    /// `hasParts` false: the subject compares as its own row. Each year names its document.
    case compare(units: UnitScope, subject: Catalog.Measure, hasParts: Bool, first: DocumentYear, second: DocumentYear)
    case compareCode(units: UnitScope, code: CodeTarget, first: DocumentYear, second: DocumentYear)
    /// `total`: a measure whose printed figure is the 合计 row (`breakdown 本年支出合计 by 类`).
    case breakdownCode(units: UnitScope, code: CodeTarget, year: DocumentYear, depth: Int?, column: String?, fund: String?, total: String?)
    /// `breakdown CODE with budget`: each 项's 年初预算 beside its 决算.
    case breakdownBudget(units: UnitScope, code: CodeTarget, year: Int, fund: String?)
    case breakdownSubject(units: UnitScope, subject: Catalog.Measure, year: DocumentYear, depth: Int)
    case trend(units: UnitScope, target: ResolvedTarget, from: Int?, to: Int?)
    case execution(units: UnitScope, target: ResolvedTarget, year: Int)
    case trendBudget(units: UnitScope, target: ResolvedTarget, from: Int?, to: Int?)
    case top(units: UnitScope, count: Int, target: ResolvedTarget, year: DocumentYear)
    case projects(units: UnitScope, filter: TypedCondition?, order: Field?, descending: Bool, limit: Int?)
    case indicators(units: UnitScope, projects: [Int64]?, filter: TypedCondition?)
    case codes(prefix: String?, like: String?)
    case units
    case years
    case subjects
    case find(units: UnitScope, text: String)
    /// `document`: the kind of disclosure whose occurrences are listed (决算 unless `source … 预算 YEAR`).
    case source(units: UnitScope, target: ResolvedTarget?, year: Int?, document: DocumentKind)
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
    /// The column figures are read in from a kind of document: a budget prints every
    /// classification in its 预算数 column.
    func defaultColumn(_ document: DocumentKind) -> String { document == .budget ? "budget" : defaultColumn }
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
