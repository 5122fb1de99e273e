import Core

/// The notes a statement earns before it runs: a year no unit in scope has a disclosure
/// for, or a unit in scope without one for that year. A disclosure of year Y states the
/// figures of Y and of Y − 1 (its prior-year column), so either covers Y.
struct ScopeNotes {
    let catalog: Catalog

    func notes(for plan: Plan) -> [String] {
        switch plan {
        // Budget years are noted by the query itself (the catalog knows the 决算 years only).
        case .summary(let units, let year, let document): return document == .final ? notes(units, [year - 1, year]) : []
        case .compare(let units, _, _, let first, let second), .compareCode(let units, _, let first, let second):
            return notes(units, [first, second].filter { $0.kind == .final }.map(\.year))
        case .breakdownCode(let units, _, let year, _, _, _, _), .breakdownSubject(let units, _, let year, _):
            return year.kind == .final ? notes(units, [year.year]) : []
        case .breakdownBudget(let units, _, let year, _), .execution(let units, _, let year):
            return notes(units, [year])
        case .top(let units, _, _, let year): return year.kind == .final ? notes(units, [year.year], perUnit: false) : []
        // A unit with budgets only lists nothing from its (absent) final accounts: say where to look.
        case .source(.units(let units), _, _, .final):
            return units.filter(\.years.isEmpty).map { "「\($0.name)」没有载入决算；预算文件中的出处请在年份前注明预算（source 主题 预算 年份）" }
        case .trend(let units, _, let from, let to):
            guard let from, let to else { return [] }
            return notes(units, Array(from...to), perUnit: false)
        default: return []
        }
    }

    /// One note per year nobody covers (naming the loaded years), else one per unit that
    /// does not cover it.
    private func notes(_ scope: UnitScope, _ years: [Int], perUnit: Bool = true) -> [String] {
        if case .units(let units) = scope, units.isEmpty { return ["范围内没有单位"] }
        if case .all = scope, catalog.years.isEmpty { return ["范围内没有单位"] }
        var notes: [String] = []
        for year in Set(years).sorted() {
            switch scope {
            case .all:
                if !catalog.years.contains(where: { $0 == year || $0 == year + 1 }) {
                    notes.append(noYear(year))
                } else if perUnit {
                    notes += catalog.unitsLacking(year: year).map { "「\($0.name)」没有 \(year) 年的决算数据" }
                }
            case .units(let units):
                let missing = units.filter { !Self.covers($0, year) }
                if missing.count == units.count {
                    notes.append(noYear(year))
                } else if perUnit {
                    notes += missing.map { "「\($0.name)」没有 \(year) 年的决算数据" }
                }
            }
        }
        return notes
    }

    private func noYear(_ year: Int) -> String {
        let loaded = catalog.years.map(String.init).joined(separator: "、")
        return "没有 \(year) 年的决算数据（已载入的决算年度：\(loaded.isEmpty ? "无" : loaded)）"
    }

    static func covers(_ unit: Catalog.Unit, _ year: Int) -> Bool {
        unit.years.contains(year) || unit.years.contains(year + 1)
    }
}
