/// Where a catalog reads what grows with the database, one question at a time: each
/// answer is an index lookup or, for the `all…` questions, a read of one table.
public protocol CatalogLookup: Sendable {
    func allUnits() -> [Catalog.Unit]
    /// Units whose canonical name or an alias equals `name` exactly.
    func units(named name: String) -> [Catalog.Unit]
    /// The units with these ids, in catalog order (each 部门 followed by its 二级单位).
    func units(ids: [Int64]) -> [Catalog.Unit]
    /// Units with a loaded 决算 but none for `year` or `year + 1`, in catalog order.
    func unitsLacking(year: Int) -> [Catalog.Unit]
    func allProjects() -> [Catalog.Project]
    func projects(ofUnits ids: [Int64]) -> [Catalog.Project]
    func allCodes() -> [String: String]
    /// nil for an unknown code; "" for a printed code the classification does not name.
    func codeName(_ code: String) -> String?
    func hasCode(prefix: String) -> Bool
    func economicCodes() -> Set<String>
    /// The fiscal years of loaded 决算, ascending.
    func years() -> [Int]
}
