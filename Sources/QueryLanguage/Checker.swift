import Foundation
import Core

/// What a statement becomes once checked: a SQL query to run, or an action on the session.
public enum PreparedStatement: Hashable, Sendable {
    case query(SQLQuery)
    case explain(SQLQuery)
    /// `sql …`: raw SQL, run read-only as written.
    case rawSQL(String)
    case useUnit(Catalog.Unit)
    /// `use [预算|决算] YEAR`: the session's year and the document it is read from.
    case useYear(Int, DocumentKind)
    case useAll
    /// `check [where …]`: the audit's findings for the units and year in scope, in the
    /// disclosures of `document`'s kind (nil: every kind).
    case check(units: [Catalog.Unit], year: Int?, document: DocumentKind?, filter: FindingFilter?)
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
        case .sideBySide(let inner, let names, let sideSpan):
            return try sideBySide(withSessionBudgetYear(inner, at: sideSpan), names, span: span, sideSpan: sideSpan)
        case .sql(let text, _):
            return .rawSQL(text)
        case .useUnit(let name):
            return .useUnit(try resolver.unit(name))
        case .useYear(let year):
            return .useYear(year.value, year.document)
        case .useAll:
            return .useAll
        case .check(let filter, let unit):
            // Over every unit, a `use` budget year checks that year's budgets of every unit that
            // has one, and a database of budgets alone checks every budget.
            let budgetYear = context.year != nil && context.document == .budget
            var units = try scope(unit)
            let everyBudget = unit == nil && context.units.isEmpty && (budgetYear || units.isEmpty)
            if everyBudget { units = catalog.units }
            let condition = try filter.map { condition throws(Diagnostic) in
                try ConditionChecker(fields: .findings, displayUnit: context.displayUnit).check(condition)
            }
            return .check(units: units, year: context.year ?? units.flatMap(\.years).max(),
                          document: budgetYear || everyBudget ? .budget : nil, filter: condition.map(FindingFilter.init))
        default:
            let plan = try plan(statement)
            var query = SQLCompiler(displayUnit: context.displayUnit).compile(plan)
            if let filter = statement.filter {
                query = try ResultFilter(displayUnit: context.displayUnit).apply(filter, to: query)
            }
            query.notes = ScopeNotes(catalog: catalog).notes(for: plan)
            return .query(query)
        }
    }

    private func plan(_ statement: Statement) throws(Diagnostic) -> Plan {
        switch statement {
        case .summary(let year, let unit, _):
            let units = try unitScope(unit)
            let chosenYear = try resolvedDocumentYear(year, units)
            return .summary(units: units, year: chosenYear.year, document: chosenYear.kind)
        case .compare(let subject, let first, let second, let unit, _):
            let years = (DocumentYear(first.value, first.document), DocumentYear(second.value, second.document))
            switch try resolve(subject) {
            case .code(let code):
                return .compareCode(units: try unitScope(unit), code: code, first: years.0, second: years.1)
            case .measure(let measure):
                return .compare(units: try unitScope(unit), subject: measure, hasParts: !catalog.children(of: measure.id).isEmpty,
                                first: years.0, second: years.1)
            }
        case .breakdown(let target, let year, let depth, let column, let fund, let unit, let level, _):
            let units = try unitScope(unit)
            // `with budget` reads the final account's 年初预算, whatever the `use` year's document.
            let chosenYear = column == .budget ? DocumentYear(try resolvedYear(year, units)) : try resolvedDocumentYear(year, units)
            if let depth, !(1...3).contains(depth.value) {
                throw Diagnostic(code: "Q105", message: "depth 只能是 1 到 3", span: depth.span)
            }
            if column == .budget {
                guard level == nil, depth == nil, case .code(let code) = try resolve(target), !code.economic else {
                    throw Diagnostic(code: "Q215", message: "with budget 只能用于功能分类科目编码，且不能与 by、depth 同用", span: target.span,
                                     hints: ["例如 breakdown 201 with budget"])
                }
                if let year, year.document == .budget {
                    throw Diagnostic(code: "Q215", message: "with budget 读决算所载的年初预算，年份前不能再注明预算", span: year.span,
                                     hints: ["预算文件的分解：breakdown \(code.code) 预算 \(year.value)"])
                }
                return .breakdownBudget(units: units, code: code, year: chosenYear.year, fund: try fund.map(resolver.fund))
            }
            if let level {
                if depth != nil { throw Diagnostic(code: "Q108", message: "by 与 depth 不能同时使用", span: level.span) }
                // A measure of every fund reads the codes as `breakdown 2` does (全部资金 where
                // the unit prints it, else 一般公共预算); others read their own fund.
                let (code, measure) = try classification(of: target)
                let measureColumn = measure.flatMap { Self.expenditureColumns[$0.id] }
                    .map { $0 == "actual" ? chosenYear.kind.amountColumn : $0 }
                return .breakdownCode(units: units, code: code, year: chosenYear, depth: level.depth,
                                      column: column?.rawValue ?? measureColumn, fund: try fund.map(resolver.fund) ?? measure.flatMap { $0.fund == "all" ? nil : $0.fund },
                                      total: column == nil && fund == nil ? measure?.id : nil)
            }
            switch try resolve(target) {
            case .code(let code):
                return .breakdownCode(units: units, code: code, year: chosenYear, depth: depth?.value,
                                      column: column?.rawValue, fund: try fund.map(resolver.fund), total: nil)
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
        case .trend(let target, let from, let to, let unit, _):
            if let from, let to, from.value > to.value {
                throw Diagnostic(code: "Q105", message: "起始年份晚于结束年份", span: from.span.union(to.span))
            }
            return .trend(units: try unitScope(unit), target: try resolve(target), from: from?.value, to: to?.value)
        case .trendBudget(let target, let from, let to, let unit):
            if let from, let to, from.value > to.value {
                throw Diagnostic(code: "Q105", message: "起始年份晚于结束年份", span: from.span.union(to.span))
            }
            // Every unit in scope includes units with a budget but no 决算 (the SQL reads them).
            return .trendBudget(units: try unitScope(unit), target: try resolve(target), from: from?.value, to: to?.value)
        case .execution(let target, let year, let unit):
            let units = try unitScope(unit)
            return .execution(units: units, target: try resolve(target), year: try resolvedYear(year, units))
        case .top(let count, let subject, let year, _):
            let units = UnitScope.all
            return .top(units: units, count: count.value, target: try resolve(subject),
                        year: try resolvedDocumentYear(year, units))
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
            return .projects(units: try unitScope(unit), filter: try filter.map(condition(fields)),
                             order: orderField, descending: order?.descending ?? false, limit: limit?.value)
        case .indicators(let project, let filter, let unit):
            let units = try unitScope(unit)
            return .indicators(units: units, projects: try project.map { name throws(Diagnostic) in try resolver.projects(name, in: units) },
                               filter: try filter.map(condition(.indicatorsWithQuantities)))
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
            return .find(units: try unitScope(unit), text: text.text)
        case .source(let target, let year, let unit, _):
            // Without a year every year is listed, from the `use` year's document.
            return .source(units: try unitScope(unit), target: try target.map(resolve), year: year?.value,
                           document: year?.document ?? context.document)
        default:
            throw Diagnostic(code: "Q101", message: "此处不能使用该语句")
        }
    }

    /// `… for A, B` / `… by unit`: the statement for those units, pivoted.
    private func sideBySide(_ inner: Statement, _ names: [Name], span: SourceSpan, sideSpan: SourceSpan) throws(Diagnostic) -> PreparedStatement {
        if case .trend(let target, let from, let to, _, _) = inner {
            return try unitsByYear(inner, target: target, from: from, to: to, names, span: span, sideSpan: sideSpan)
        }
        var scoped = context
        var units: [Catalog.Unit]
        let most = UnitPivot.maxColumnsUnits
        let tooMany = Diagnostic(code: "Q217", message: "并列的单位过多（最多 \(most) 个）", span: sideSpan,
                                 hints: ["用 for A, B 选定单位，或去掉 by unit 按单位分块显示"])
        if !names.isEmpty {
            units = try distinctUnits(names)
            scoped.units = units.map(\.id)
        } else if inner.unitName != nil {
            units = try scope(inner.unitName)
        } else if context.units.isEmpty {
            // Every unit: one more than fit tells that too many do. A budget report covers
            // units with a budget but no 决算 too (the SQL reads them).
            units = catalog.firstUnits(limit: most + 1, finalAccountsOnly: !Self.readsBudget(inner))
        } else {
            guard context.units.count <= most else { throw tooMany }
            units = catalog.units(ids: context.units)
        }
        guard units.count <= most else { throw tooMany }
        guard case .query(let query) = try Checker(catalog: catalog, context: scoped).prepare(inner, span: span) else {
            throw Diagnostic(code: "Q213", message: "并列显示只能用于查询语句", span: sideSpan)
        }
        return .query(UnitPivot(units: units).sideBySide(query))
    }

    /// `trend … by unit` / `trend … for A, B`: a row per unit, a column per year. Every unit
    /// is read by the SQL, not here: compiling it reads no unit.
    private func unitsByYear(_ inner: Statement, target: Target, from: YearLiteral?, to: YearLiteral?, _ names: [Name],
                             span: SourceSpan, sideSpan: SourceSpan) throws(Diagnostic) -> PreparedStatement {
        var scoped = context
        let scope: UnitScope
        if names.isEmpty {
            scope = try unitScope(inner.unitName)
        } else {
            let units = try distinctUnits(names)
            scoped.units = units.map(\.id)
            scope = .units(units)
        }
        guard case .query(let query) = try Checker(catalog: catalog, context: scoped).prepare(inner, span: span) else {
            throw Diagnostic(code: "Q213", message: "并列显示只能用于查询语句", span: sideSpan)
        }
        let years: [Int]
        if let from, let to {
            years = Array(from.value...to.value)
        } else {
            // A disclosure states its year and the one before.
            let loaded: [Int]
            switch scope {
            case .all: loaded = catalog.years
            case .units(let units): loaded = units.flatMap(\.years)
            }
            years = Array(Set(loaded.flatMap { [$0 - 1, $0] })).sorted()
        }
        guard years.count <= 50 else { throw Diagnostic(code: "Q105", message: "年份过多（最多 50 列）", span: sideSpan) }
        return .query(UnitPivot.unitsByYear(query, scope: scope, years: years, title: try title(of: target)))
    }

    /// The units `for A, B` names, each once.
    private func distinctUnits(_ names: [Name]) throws(Diagnostic) -> [Catalog.Unit] {
        var chosen: [Catalog.Unit] = []
        // One lookup for every exact name, not one per name.
        for (name, typed) in zip(names, catalog.units(namedEach: names.map(\.text))) {
            let unit = try resolver.unit(name, typed: typed)
            if chosen.contains(unit) { throw Diagnostic(code: "Q108", message: "单位「\(unit.name)」重复", span: name.span) }
            chosen.append(unit)
        }
        return chosen
    }

    private func condition(_ fields: FieldSet) -> (Condition) throws(Diagnostic) -> TypedCondition {
        { condition throws(Diagnostic) in
            try ConditionChecker(fields: fields, displayUnit: context.displayUnit).check(condition)
        }
    }

    private func resolve(_ target: Target) throws(Diagnostic) -> ResolvedTarget {
        switch target {
        case .code(let digits, let span):
            if digits.count == 1 {
                guard catalog.hasCode(prefix: digits) else {
                    throw Diagnostic(code: "Q203", message: "没有以「\(digits)」开头的科目编码", span: span, hints: ["用 codes 列出科目"])
                }
                return .code(CodeTarget(code: digits, economic: catalog.economicCodes.contains { $0.hasPrefix(digits) }))
            }
            let code = try resolver.code(digits, span: span)
            return .code(CodeTarget(code: code, economic: catalog.economicCodes.contains(code), name: catalog.codeName(code) ?? ""))
        case .subject(let name): return .measure(try resolver.subject(name))
        }
    }

    /// True when a statement reads a budget document (a year qualified 预算).
    private static func readsBudget(_ statement: Statement) -> Bool {
        switch statement {
        case .summary(let year, _, _), .breakdown(_, let year, _, _, _, _, _, _): return year?.kind == .budget
        case .compare(_, let first, let second, _, _): return first.kind == .budget || second.kind == .budget
        default: return false
        }
    }

    /// How notes name a target: a code with its name, or the subject's name.
    private func title(of target: Target) throws(Diagnostic) -> String {
        switch try resolve(target) {
        case .code(let code): return code.name.isEmpty ? code.code : code.code + " " + code.name
        case .measure(let measure): return measure.nameZh
        }
    }

    /// `breakdown TARGET by 类|款|项`: the classification the target's figures are broken
    /// down by, with the column and fund an expenditure measure is read in.
    private func classification(of target: Target) throws(Diagnostic) -> (CodeTarget, Catalog.Measure?) {
        let resolved = try resolve(target)
        switch resolved {
        case .code(let code):
            return (code, nil)
        case .measure(let measure):
            guard Self.expenditureColumns[measure.id] != nil else {
                throw Diagnostic(code: "Q214", message: "「\(measure.nameZh)」不能按支出功能分类分解", span: target.span,
                                 hints: ["例如 breakdown 本年支出合计 by 类、breakdown 2 或 breakdown 302"])
            }
            return (CodeTarget(code: "2", economic: false), measure)
        }
    }

    /// Expenditure measures that the 功能分类 tables print by code, with the column they sit in.
    private static let expenditureColumns: [String: String] = [
        "expenditure_total": "actual", "basic": "basic", "project": "project",
        "fiscal_expenditure": "actual", "general_expenditure": "actual", "general_basic": "basic",
        "general_project": "project", "gov_fund_expenditure": "actual", "soe_expenditure": "actual",
    ]

    /// The units a statement covers: `for UNIT`, else the `use` units, else every unit
    /// with a loaded disclosure.
    private func scope(_ name: Name?) throws(Diagnostic) -> [Catalog.Unit] {
        if let name { return [try resolver.unit(name)] }
        if !context.units.isEmpty { return catalog.units(ids: context.units) }
        return catalog.units.filter { !$0.years.isEmpty }
    }

    /// The units a query covers: as `scope`, but every unit is no list at all.
    private func unitScope(_ name: Name?) throws(Diagnostic) -> UnitScope {
        if name == nil && context.units.isEmpty { return .all }
        return .units(try scope(name))
    }

    /// `statement` with the `use` budget year written in where it states no year (`summary`,
    /// `breakdown` but `with budget`), so that the units a side-by-side report covers are
    /// those with budgets, as for `summary 预算 YEAR by unit`.
    private func withSessionBudgetYear(_ statement: Statement, at span: SourceSpan) -> Statement {
        guard let year = context.year, context.document == .budget else { return statement }
        let written = YearLiteral(value: year, span: SourceSpan(start: span.start, end: span.start), kind: .budget)
        switch statement {
        case .summary(nil, let unit, let filter):
            return .summary(year: written, unit: unit, filter: filter)
        case .breakdown(let target, nil, let depth, let column, let fund, let unit, let level, let filter) where column != .budget:
            return .breakdown(target: target, year: written, depth: depth, column: column, fund: fund, unit: unit, level: level, filter: filter)
        default:
            return statement
        }
    }

    /// The year a statement reads and its document: as written, else the `use` year and its
    /// document, else the latest 决算 year in scope.
    private func resolvedDocumentYear(_ year: YearLiteral?, _ scope: UnitScope) throws(Diagnostic) -> DocumentYear {
        if let year { return DocumentYear(year.value, year.document) }
        return DocumentYear(try resolvedYear(nil, scope), context.year == nil ? .final : context.document)
    }

    private func resolvedYear(_ year: YearLiteral?, _ scope: UnitScope) throws(Diagnostic) -> Int {
        if let year { return year.value }
        if let year = context.year { return year }
        let scoped: Int?
        switch scope {
        case .all: scoped = catalog.years.last
        case .units(let units): scoped = units.flatMap(\.years).max()
        }
        guard let latest = scoped ?? catalog.years.last else {
            throw Diagnostic(code: "Q216", message: "数据库中还没有载入任何决算", hints: ["用 dq import 导入文件"])
        }
        return latest
    }
}
