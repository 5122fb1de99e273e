import Core

/// The notes a statement earns before it runs: a year no unit in scope has a disclosure
/// for, or a unit in scope without one for that year. A disclosure of year Y states the
/// figures of Y and of Y − 1 (its prior-year column), so either covers Y.
struct ScopeNotes {
    let catalog: Catalog

    func notes(for plan: Plan) -> [String] {
        switch plan {
        case .summary(let units, let year): return notes(units, [year - 1, year])
        case .compare(let units, _, _, let first, let second), .compareCode(let units, _, let first, let second):
            return notes(units, [first, second])
        case .breakdownCode(let units, _, let year, _, _, _, _), .breakdownSubject(let units, _, let year, _),
             .breakdownBudget(let units, _, let year, _), .execution(let units, _, let year):
            return notes(units, [year])
        case .top(let units, _, _, let year): return notes(units, [year], perUnit: false)
        case .trend(let units, _, let from, let to):
            guard let from, let to else { return [] }
            return notes(units, Array(from...to), perUnit: false)
        default: return []
        }
    }

    /// One note per year nobody covers (naming the loaded years), else one per unit that
    /// does not cover it.
    private func notes(_ units: [Catalog.Unit], _ years: [Int], perUnit: Bool = true) -> [String] {
        guard !units.isEmpty else { return ["范围内没有单位"] }
        var notes: [String] = []
        for year in Set(years).sorted() {
            let missing = units.filter { !Self.covers($0, year) }
            if missing.count == units.count {
                let loaded = catalog.years.map(String.init).joined(separator: "、")
                notes.append("没有 \(year) 年的决算数据（已载入的决算年度：\(loaded.isEmpty ? "无" : loaded)）")
            } else if perUnit {
                notes += missing.map { "「\($0.name)」没有 \(year) 年的决算数据" }
            }
        }
        return notes
    }

    static func covers(_ unit: Catalog.Unit, _ year: Int) -> Bool {
        unit.years.contains(year) || unit.years.contains(year + 1)
    }
}
