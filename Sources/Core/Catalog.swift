/// What the open database knows by name: measures, funds, units, classification codes,
/// projects and loaded years. The checker resolves every name the user types against it,
/// so adding a measure to the database makes it queryable with no parser change.
public struct Catalog: Sendable {
    public struct Measure: Hashable, Sendable {
        public var id: String
        public var nameZh: String
        public var nameEn: String
        public var aliases: [String]
        public var fund: String
        /// money, count or points.
        public var valueKind: String
        public var parentID: String?
        /// part or of_which.
        public var relation: String?
        public var sortOrder: Int

        public init(id: String, nameZh: String, nameEn: String, aliases: [String], fund: String, valueKind: String,
                    parentID: String?, relation: String?, sortOrder: Int) {
            self.id = id
            self.nameZh = nameZh
            self.nameEn = nameEn
            self.aliases = aliases
            self.fund = fund
            self.valueKind = valueKind
            self.parentID = parentID
            self.relation = relation
            self.sortOrder = sortOrder
        }
    }

    public struct Fund: Hashable, Sendable {
        public var id: String
        public var nameZh: String
        public var nameEn: String
        public init(id: String, nameZh: String, nameEn: String) {
            self.id = id
            self.nameZh = nameZh
            self.nameEn = nameEn
        }
    }

    public struct Unit: Hashable, Sendable {
        public var id: Int64
        public var name: String
        public var parentID: Int64?
        public var aliases: [String]
        /// Fiscal years of the unit's loaded disclosures, ascending.
        public var years: [Int]
        public init(id: Int64, name: String, parentID: Int64?, aliases: [String], years: [Int]) {
            self.id = id
            self.name = name
            self.parentID = parentID
            self.aliases = aliases
            self.years = years
        }
    }

    public struct Project: Hashable, Sendable {
        public var id: Int64
        public var unitID: Int64
        public var code: String?
        public var name: String
        public init(id: Int64, unitID: Int64, code: String?, name: String) {
            self.id = id
            self.unitID = unitID
            self.code = code
            self.name = name
        }
    }

    public var measures: [Measure]
    public var funds: [Fund]
    /// What grows with the database (units, projects, printed codes), read on first use:
    /// either given whole (`init(measures:funds:units:…)`) or asked of a `CatalogLookup`.
    private var source: CatalogSource

    /// Every unit with its loaded years. With a lookup this reads every unit: statements
    /// that need one unit use `units(named:)` or `units(ids:)`.
    public var units: [Unit] {
        get { source.units }
        set { source = source.replacing(units: newValue) }
    }

    public var projects: [Project] {
        get { source.projects }
        set { source = source.replacing(projects: newValue) }
    }

    /// Classification codes (functional 3/5/7 digits, economic 3/5 digits) with their
    /// current names.
    public var codes: [String: String] {
        get { source.codes }
        set { source = source.replacing(codes: newValue) }
    }

    /// The codes of the economic classification (部门预算支出经济分类); every other code is
    /// functional (支出功能分类).
    public var economicCodes: Set<String> {
        get { source.economicCodes }
        set { source = source.replacing(economicCodes: newValue) }
    }

    public init(measures: [Measure], funds: [Fund], units: [Unit], projects: [Project], codes: [String: String],
                economicCodes: Set<String> = []) {
        self.measures = measures.sorted { $0.sortOrder < $1.sortOrder }
        self.funds = funds
        self.source = CatalogSource(units: units, projects: projects, codes: codes, economicCodes: economicCodes)
    }

    /// A catalog that reads units, projects and codes through `lookup` when a statement
    /// needs them, so opening a database reads nothing that grows with it.
    public init(measures: [Measure], funds: [Fund], lookup: any CatalogLookup) {
        self.measures = measures.sorted { $0.sortOrder < $1.sortOrder }
        self.funds = funds
        self.source = CatalogSource(lookup: lookup)
    }

    /// Every loaded fiscal year, ascending.
    public var years: [Int] { source.years }

    /// Units whose canonical name or an alias is exactly `name` (an index lookup).
    public func units(named name: String) -> [Unit] { source.units(named: name) }

    /// For each of `names`, the units whose canonical name or an alias is exactly that name:
    /// `units(named:)` for every name, asked of the database in one lookup.
    public func units(namedEach names: [String]) -> [[Unit]] { source.units(namedEach: names) }

    /// Units with a name or alias whose `NameFold` contains `key` (folded), shortest name
    /// first, at most `limit`; through an index when the catalog reads a database.
    public func units(containing key: String, limit: Int) -> [Unit] { source.units(containing: key, limit: limit) }

    /// Unit names and aliases starting with `prefix`, in order, at most `limit`.
    public func unitNames(prefix: String, limit: Int) -> [String] { source.unitNames(prefix: prefix, limit: limit) }

    /// Names a "did you mean" hint for `text` chooses among: with a database, the names and
    /// aliases of the `limit` units sharing most three-character pieces with it; otherwise
    /// every name and alias.
    public func unitNames(resembling text: String, limit: Int) -> [String] {
        source.unitNames(resembling: text, limit: limit)
    }

    /// The units with these ids, in catalog order.
    public func units(ids: [Int64]) -> [Unit] { source.units(ids: ids) }

    /// Units with a loaded 决算 but none for `year` or `year + 1` (a disclosure states its
    /// year and the one before), in catalog order.
    public func unitsLacking(year: Int) -> [Unit] { source.unitsLacking(year: year) }

    /// The first `limit` units in catalog order with a loaded 决算 (every unit when
    /// `finalAccountsOnly` is false): enough to tell whether more than `limit - 1` are in a
    /// report, without reading every unit.
    public func firstUnits(limit: Int, finalAccountsOnly: Bool = true) -> [Unit] {
        source.firstUnits(limit: limit, finalAccountsOnly: finalAccountsOnly)
    }

    /// The projects of these units, in unit, year and document order.
    public func projects(ofUnits ids: Set<Int64>) -> [Project] { source.projects(ofUnits: ids) }

    /// Projects of `units` (nil: every unit) whose name or code is `text` as typed.
    public func projects(named text: String, ofUnits ids: [Int64]?) -> [Project] {
        source.projects(named: text, ofUnits: ids)
    }

    /// Projects of `units` whose folded name contains `key` (folded) or whose code is
    /// `key`, shortest name first, at most `limit`.
    public func projects(containing key: String, ofUnits ids: [Int64]?, limit: Int) -> [Project] {
        source.projects(containing: key, ofUnits: ids, limit: limit)
    }

    /// Project names starting with `prefix`, in order, at most `limit`.
    public func projectNames(prefix: String, limit: Int) -> [String] { source.projectNames(prefix: prefix, limit: limit) }

    /// The current name of `code` ("" for a printed code with no catalog name), nil when
    /// neither the classification nor any document knows it.
    public func codeName(_ code: String) -> String? { source.codeName(code) }

    /// Whether any known code starts with `prefix`.
    public func hasCode(prefix: String) -> Bool { source.hasCode(prefix: prefix) }

    public func measure(id: String) -> Measure? { measures.first { $0.id == id } }

    /// The measures whose parent is `id` with the given relation, in template order.
    public func children(of id: String, relation: String = "part") -> [Measure] {
        measures.filter { $0.parentID == id && $0.relation == relation }
    }
}
