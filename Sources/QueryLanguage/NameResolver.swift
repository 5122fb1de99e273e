import Core

/// Resolves the names a user types (subjects, units, codes, funds, projects) against the
/// catalog, with Chinese diagnostics and "did you mean" hints.
struct NameResolver {
    let catalog: Catalog

    /// Folds the spellings a user may use for one name: fullwidth and ASCII brackets,
    /// Chinese and ASCII quotes, spaces and letter case.
    static func normalized(_ text: String) -> String {
        var result = ""
        for character in text.lowercased() {
            switch character {
            case "（": result.append("(")
            case "）": result.append(")")
            case "“", "”", "\"", "‘", "’", "'", "「", "」", " ", "\u{3000}": continue
            default: result.append(character)
            }
        }
        return result
    }

    func subject(_ name: Name) throws(Diagnostic) -> Catalog.Measure {
        let key = Self.normalized(name.text)
        for measure in catalog.measures {
            let names = [measure.nameZh, measure.nameEn, measure.id] + measure.aliases
            if names.contains(where: { Self.normalized($0) == key }) { return measure }
        }
        let candidates = catalog.measures.flatMap { [$0.nameZh, $0.nameEn] + $0.aliases }
        throw Diagnostic(code: "Q201", message: "未知的主题「\(name.text)」", span: name.span,
                         hints: NameSuggestions.hint(for: name.text, among: candidates) + ["用 subjects 列出全部主题"])
    }

    /// A unit by canonical name or alias, else by a unique substring of either; a name
    /// that fits several units is an error, never a silent pick.
    func unit(_ name: Name) throws(Diagnostic) -> Catalog.Unit {
        // The name as typed, through the index: one unit answers without reading the others.
        let typed = catalog.units(named: name.text)
        if typed.count == 1 { return typed[0] }
        let key = Self.normalized(name.text)
        let exact = catalog.units.filter { ([$0.name] + $0.aliases).contains { Self.normalized($0) == key } }
        let matches = exact.isEmpty
            ? catalog.units.filter { ([$0.name] + $0.aliases).contains { Self.normalized($0).contains(key) } }
            : exact
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 {
            throw Diagnostic(code: "Q205", message: "单位名称「\(name.text)」不唯一", span: name.span,
                             hints: ["可能是：" + matches.map { "「\($0.name)」" }.joined(separator: "、")])
        }
        let candidates = catalog.units.flatMap { [$0.name] + $0.aliases }
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
        let key = Self.normalized(name.text)
        let aliases: [String: String] = ["一般公共预算": "general", "政府性基金": "gov_fund", "国有资本经营": "soe", "全部": "all"]
        if let id = aliases.first(where: { Self.normalized($0.key) == key })?.value { return id }
        if let fund = catalog.funds.first(where: { [$0.id, $0.nameZh, $0.nameEn].contains { Self.normalized($0) == key } }) {
            return fund.id
        }
        throw Diagnostic(code: "Q206", message: "未知的资金范围「\(name.text)」", span: name.span,
                         hints: ["可用：" + catalog.funds.map { "\($0.nameZh)（\($0.id)）" }.joined(separator: "、")])
    }

    /// Projects by code, exact name or unique substring of the name, within `units`.
    func projects(_ name: Name, in scope: UnitScope) throws(Diagnostic) -> [Int64] {
        let pool: [Catalog.Project]
        switch scope {
        case .all: pool = catalog.projects
        case .units(let units): pool = catalog.projects(ofUnits: Set(units.map(\.id)))
        }
        let key = Self.normalized(name.text)
        let exact = pool.filter { Self.normalized($0.name) == key || $0.code.map(Self.normalized) == key }
        if !exact.isEmpty { return exact.map(\.id) }
        let matches = pool.filter { Self.normalized($0.name).contains(key) }
        if matches.count == 1 { return [matches[0].id] }
        if matches.count > 1 {
            throw Diagnostic(code: "Q211", message: "项目名称「\(name.text)」不唯一", span: name.span,
                             hints: ["可能是：" + matches.prefix(5).map { "「\($0.name)」" }.joined(separator: "、")])
        }
        throw Diagnostic(code: "Q210", message: "未找到项目「\(name.text)」", span: name.span,
                         hints: NameSuggestions.hint(for: name.text, among: pool.map(\.name)) + ["用 projects 列出项目"])
    }
}
