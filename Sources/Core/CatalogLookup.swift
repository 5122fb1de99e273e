/// Where a catalog reads what grows with the database, one question at a time: each
/// answer is an index lookup or, for the `all…` questions, a read of one table.
public protocol CatalogLookup: Sendable {
    func allUnits() -> [Catalog.Unit]
    /// Units whose canonical name or an alias equals `name` exactly.
    func units(named name: String) -> [Catalog.Unit]
    /// For each of `names`, what `units(named:)` answers for it, all asked at once (`for A, B, …`).
    func units(namedEach names: [String]) -> [[Catalog.Unit]]
    /// Units with a name or alias whose `NameFold` contains `key` (already folded), shortest
    /// name first, at most `limit`.
    func units(containing key: String, limit: Int) -> [Catalog.Unit]
    /// Unit names and aliases starting with `prefix`, in order, at most `limit`.
    func unitNames(prefix: String, limit: Int) -> [String]
    /// The names and aliases of the units (at most `limit`) sharing most three-character
    /// pieces with `text`: the candidates of a "did you mean" hint.
    func unitNames(resembling text: String, limit: Int) -> [String]
    /// The units with these ids, in catalog order (each 部门 followed by its 二级单位).
    func units(ids: [Int64]) -> [Catalog.Unit]
    /// Units with a loaded 决算 but none for `year` or `year + 1`, in catalog order.
    func unitsLacking(year: Int) -> [Catalog.Unit]
    /// The first `limit` units in catalog order: those with a loaded 决算, or every unit
    /// when `finalAccountsOnly` is false.
    func firstUnits(limit: Int, finalAccountsOnly: Bool) -> [Catalog.Unit]
    func allProjects() -> [Catalog.Project]
    func projects(ofUnits ids: [Int64]) -> [Catalog.Project]
    /// Projects of `units` (nil: every unit) whose name or code is `text` as typed: an
    /// index lookup.
    func projects(named text: String, ofUnits ids: [Int64]?) -> [Catalog.Project]
    /// Projects of `units` whose `NameFold`ed name contains `key` (folded) or whose code
    /// is `key`, shortest name first, at most `limit`.
    func projects(containing key: String, ofUnits ids: [Int64]?, limit: Int) -> [Catalog.Project]
    /// Project names starting with `prefix`, in order, at most `limit`.
    func projectNames(prefix: String, limit: Int) -> [String]
    func allCodes() -> [String: String]
    /// nil for an unknown code; "" for a printed code the classification does not name.
    func codeName(_ code: String) -> String?
    func hasCode(prefix: String) -> Bool
    func economicCodes() -> Set<String>
    /// The fiscal years of loaded 决算, ascending.
    func years() -> [Int]
}

extension CatalogLookup {
    /// One `units(named:)` question per name, for lookups with no cheaper way to ask them together.
    public func units(namedEach names: [String]) -> [[Catalog.Unit]] { names.map(units(named:)) }
}
