import Core

/// Resolves the names a user types (subjects, units, codes, funds, projects) against the
/// catalog, with Chinese diagnostics and "did you mean" hints.
struct NameResolver {
    let catalog: Catalog

    func subject(_ name: Name) throws(Diagnostic) -> Catalog.Measure {
        let key = NameFold.fold(name.text)
        for measure in catalog.measures {
            let names = [measure.nameZh, measure.nameEn, measure.id] + measure.aliases
            if names.contains(where: { NameFold.fold($0) == key }) { return measure }
        }
        let candidates = catalog.measures.flatMap { [$0.nameZh, $0.nameEn] + $0.aliases }
        throw Diagnostic(code: "Q201", message: "未知的主题「\(name.text)」", span: name.span,
                         hints: NameSuggestions.hint(for: name.text, among: candidates) + ["用 subjects 列出全部主题"])
    }

    /// Candidates read for a name that is not exact: enough to tell one unit from several.
    private static let unitCandidates = 50

    /// A unit by canonical name or alias, else by a unique substring of either; a name
    /// that fits several units is an error, never a silent pick. Each step is an index
    /// lookup: no statement reads every unit.
    func unit(_ name: Name) throws(Diagnostic) -> Catalog.Unit {
        try unit(name, typed: catalog.units(named: name.text))
    }

    /// `name` resolved given `typed`, the units whose name or alias it is exactly (asked
    /// together for the names of `for A, B, …`: `Catalog.units(namedEach:)`).
    func unit(_ name: Name, typed: [Catalog.Unit]) throws(Diagnostic) -> Catalog.Unit {
        if typed.count == 1 { return typed[0] }
        let key = NameFold.fold(name.text)
        let containing = catalog.units(containing: key, limit: Self.unitCandidates)
        let exact = containing.filter { ([$0.name] + $0.aliases).contains { NameFold.fold($0) == key } }
        let matches = exact.isEmpty ? containing : exact
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 {
            let shown = matches.prefix(10).map { "「\($0.name)」" }.joined(separator: "、")
            throw Diagnostic(code: "Q205", message: "单位名称「\(name.text)」不唯一", span: name.span,
                             hints: ["可能是：" + shown + (matches.count > 10 ? " 等" : "")])
        }
        let candidates = catalog.unitNames(resembling: name.text, limit: Self.unitCandidates)
        throw Diagnostic(code: "Q204", message: "未知的单位「\(name.text)」", span: name.span,
                         hints: NameSuggestions.hint(for: name.text, among: candidates) + ["用 units 列出已载入的单位"])
    }

    func code(_ digits: String, span: SourceSpan) throws(Diagnostic) -> String {
        if catalog.codeName(digits) != nil { return digits }
        let siblings = catalog.codes.keys.filter { $0.count == digits.count }.sorted()
        throw Diagnostic(code: "Q203", message: "未知的科目编码「\(digits)」", span: span,
                         hints: NameSuggestions.hint(for: digits, among: siblings) + ["用 codes 列出科目"])
    }

    func fund(_ name: Name) throws(Diagnostic) -> String {
        let key = NameFold.fold(name.text)
        let aliases: [String: String] = ["一般公共预算": "general", "政府性基金": "gov_fund", "国有资本经营": "soe", "全部": "all"]
        if let id = aliases.first(where: { NameFold.fold($0.key) == key })?.value { return id }
        if let fund = catalog.funds.first(where: { [$0.id, $0.nameZh, $0.nameEn].contains { NameFold.fold($0) == key } }) {
            return fund.id
        }
        throw Diagnostic(code: "Q206", message: "未知的资金范围「\(name.text)」", span: name.span,
                         hints: ["可用：" + catalog.funds.map { "\($0.nameZh)（\($0.id)）" }.joined(separator: "、")])
    }

    /// Candidates read for a project name that is not exact.
    private static let projectCandidates = 200

    /// Projects by code, exact name or unique substring of the name, within `units`: an
    /// index lookup for the name or code as typed, else a search of the projects in scope.
    func projects(_ name: Name, in scope: UnitScope) throws(Diagnostic) -> [Int64] {
        let ids: [Int64]?
        switch scope {
        case .all: ids = nil
        case .units(let units): ids = units.map(\.id)
        }
        let typed = catalog.projects(named: name.text, ofUnits: ids)
        if !typed.isEmpty { return typed.map(\.id) }
        let key = NameFold.fold(name.text)
        let pool = catalog.projects(containing: key, ofUnits: ids, limit: Self.projectCandidates)
        let exact = pool.filter { NameFold.fold($0.name) == key || $0.code.map(NameFold.fold) == key }
        if !exact.isEmpty { return exact.map(\.id) }
        let matches = pool.filter { NameFold.fold($0.name).contains(key) }
        if matches.count == 1 { return [matches[0].id] }
        if matches.count > 1 {
            throw Diagnostic(code: "Q211", message: "项目名称「\(name.text)」不唯一", span: name.span,
                             hints: ["可能是：" + matches.prefix(5).map { "「\($0.name)」" }.joined(separator: "、")])
        }
        // Hints come from the projects in scope, or over every unit from names sharing the start.
        let resembling = ids.map { catalog.projects(ofUnits: Set($0)).map(\.name) }
            ?? catalog.projectNames(prefix: String(name.text.prefix(2)), limit: Self.projectCandidates)
        throw Diagnostic(code: "Q210", message: "未找到项目「\(name.text)」", span: name.span,
                         hints: NameSuggestions.hint(for: name.text, among: resembling) + ["用 projects 列出项目"])
    }
}
