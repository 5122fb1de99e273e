import Foundation
import Core

/// What a statement becomes once checked: a SQL query to run, or an action on the session.
public enum PreparedStatement: Hashable, Sendable {
    case query(SQLQuery)
    case explain(SQLQuery)
    /// `sql …`: raw SQL, run read-only as written.
    case rawSQL(String)
    case useUnit(Catalog.Unit)
    case useYear(Int)
    case useAll
    /// `check [where …]`: the audit's findings for the units and year in scope.
    case check(units: [Catalog.Unit], year: Int?, filter: FindingFilter?)
}

/// Resolves every name of a parsed statement against the catalog, fills in defaults from
/// the session (unit scope, year), types conditions, and hands the result to the compiler.
public struct Checker {
    let catalog: Catalog
    let context: QueryContext
    private var resolver: NameResolver { NameResolver(catalog: catalog) }

    public init(catalog: Catalog, context: QueryContext) {
        self.catalog = catalog
        self.context = context
    }

    public func prepare(_ parsed: ParsedStatement) throws(Diagnostic) -> PreparedStatement {
        try prepare(parsed.statement, span: parsed.span)
    }

    private func prepare(_ statement: Statement, span: SourceSpan) throws(Diagnostic) -> PreparedStatement {
        switch statement {
        case .explain(let inner, let innerSpan):
            switch try prepare(inner, span: innerSpan) {
            case .query(let query): return .explain(query)
            default: throw Diagnostic(code: "Q213", message: "explain 只能用于查询语句", span: innerSpan)
            }
        case .sql(let text, _):
            return .rawSQL(text)
        case .useUnit(let name):
            return .useUnit(try resolver.unit(name))
        case .useYear(let year):
            return .useYear(year.value)
        case .useAll:
            return .useAll
        case .check(let filter, let unit):
            let units = try scope(unit)
            let condition = try filter.map { condition throws(Diagnostic) in
                try ConditionChecker(fields: .findings, displayUnit: context.displayUnit).check(condition)
            }
            return .check(units: units, year: context.year ?? units.flatMap(\.years).max(), filter: condition.map(FindingFilter.init))
        default:
            return .query(SQLCompiler(displayUnit: context.displayUnit).compile(try plan(statement)))
        }
    }

    private func plan(_ statement: Statement) throws(Diagnostic) -> Plan {
        switch statement {
        case .summary(let year, let unit):
            let units = try scope(unit)
            return .summary(units: units, year: try resolvedYear(year, units))
        case .compare(let subject, let first, let second, let unit):
            let measure = try resolver.subject(subject)
            guard !catalog.children(of: measure.id).isEmpty else {
                throw Diagnostic(code: "Q214", message: "「\(measure.nameZh)」没有组成部分可比较", span: subject.span,
                                 hints: ["用 trend \(measure.nameZh) 查看各年数值"])
            }
            return .compare(units: try scope(unit), subject: measure, first: first.value, second: second.value)
        case .breakdown(let target, let year, let depth, let column, let fund, let unit):
            let units = try scope(unit)
            let chosenYear = try resolvedYear(year, units)
            if let depth, !(1...3).contains(depth.value) {
                throw Diagnostic(code: "Q105", message: "depth 只能是 1 到 3", span: depth.span)
            }
            switch try resolve(target) {
            case .code(let code):
                return .breakdownCode(units: units, code: code, year: chosenYear, depth: depth?.value,
                                      column: column?.rawValue ?? "actual", fund: try fund.map(resolver.fund))
            case .measure(let measure):
                if column != nil || fund != nil {
                    throw Diagnostic(code: "Q215", message: "basic、project 和 fund 只能用于科目编码", span: target.span,
                                     hints: ["例如 breakdown 201 basic"])
                }
                guard !catalog.children(of: measure.id).isEmpty else {
                    throw Diagnostic(code: "Q214", message: "「\(measure.nameZh)」没有可分解的组成部分", span: target.span)
                }
                return .breakdownSubject(units: units, subject: measure, year: chosenYear, depth: depth?.value ?? 1)
            }
        case .trend(let target, let from, let to, let unit):
            if let from, let to, from.value > to.value {
                throw Diagnostic(code: "Q105", message: "起始年份晚于结束年份", span: from.span.union(to.span))
            }
            return .trend(units: try scope(unit), target: try resolve(target), from: from?.value, to: to?.value)
        case .top(let count, let subject, let year):
            let units = catalog.units.filter { !$0.years.isEmpty }
            return .top(units: units, count: count.value, subject: try resolver.subject(subject),
                        year: try resolvedYear(year, units))
        case .projects(let filter, let order, let limit, let unit):
            let fields = FieldSet.projects
            var orderField: Field?
            if let order {
                guard let field = fields.field(named: order.field.text) else {
                    throw Diagnostic(code: "Q202", message: "未知的字段「\(order.field.text)」", span: order.field.span,
                                     hints: NameSuggestions.hint(for: order.field.text, among: fields.allNames))
                }
                orderField = field
            }
            return .projects(units: try scope(unit), filter: try filter.map(condition(fields)),
                             order: orderField, descending: order?.descending ?? false, limit: limit?.value)
        case .indicators(let project, let filter, let unit):
            let units = try scope(unit)
            return .indicators(units: units, projects: try project.map { name throws(Diagnostic) in try resolver.projects(name, in: units) },
                               filter: try filter.map(condition(.indicators)))
        case .codes(let prefix, let like):
            var digits: String?
            if let prefix {
                guard case .code(let code, _) = prefix else {
                    throw Diagnostic(code: "Q101", message: "codes 之后应为科目编码或 like 文字", span: prefix.span)
                }
                digits = code
            }
            return .codes(prefix: digits, like: like?.text)
        case .units: return .units
        case .years: return .years
        case .subjects: return .subjects
        case .find(let text, let unit):
            guard !text.text.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw Diagnostic(code: "Q103", message: "find 之后应为要查找的文字", span: text.span)
            }
            return .find(units: try scope(unit), text: text.text)
        case .source(let target, let year, let unit):
            return .source(units: try scope(unit), target: try resolve(target), year: year?.value)
        default:
            throw Diagnostic(code: "Q101", message: "此处不能使用该语句")
        }
    }

    private func condition(_ fields: FieldSet) -> (Condition) throws(Diagnostic) -> TypedCondition {
        { condition throws(Diagnostic) in
            try ConditionChecker(fields: fields, displayUnit: context.displayUnit).check(condition)
        }
    }

    private func resolve(_ target: Target) throws(Diagnostic) -> ResolvedTarget {
        switch target {
        case .code(let digits, let span): return .code(try resolver.code(digits, span: span))
        case .subject(let name): return .measure(try resolver.subject(name))
        }
    }

    /// The units a statement covers: `for UNIT`, else the `use` units, else every unit
    /// with a loaded disclosure.
    private func scope(_ name: Name?) throws(Diagnostic) -> [Catalog.Unit] {
        if let name { return [try resolver.unit(name)] }
        if !context.units.isEmpty { return catalog.units.filter { context.units.contains($0.id) } }
        return catalog.units.filter { !$0.years.isEmpty }
    }

    private func resolvedYear(_ year: YearLiteral?, _ units: [Catalog.Unit]) throws(Diagnostic) -> Int {
        if let year { return year.value }
        if let year = context.year { return year }
        guard let latest = units.flatMap(\.years).max() ?? catalog.years.last else {
            throw Diagnostic(code: "Q216", message: "数据库中还没有载入任何决算", hints: ["用 dq import 导入文件"])
        }
        return latest
    }
}
