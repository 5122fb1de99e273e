import Foundation

/// The growing part of a catalog: given whole, or read through a `CatalogLookup` on first
/// use and kept (a catalog describes one snapshot of the database).
final class CatalogSource: @unchecked Sendable {
    private let lookup: (any CatalogLookup)?
    private let lock = NSLock()
    private var loadedUnits: [Catalog.Unit]?
    private var loadedProjects: [Catalog.Project]?
    private var loadedCodes: [String: String]?
    private var loadedEconomic: Set<String>?
    private var loadedYears: [Int]?

    init(units: [Catalog.Unit], projects: [Catalog.Project], codes: [String: String], economicCodes: Set<String>) {
        lookup = nil
        loadedUnits = units
        loadedProjects = projects
        loadedCodes = codes
        loadedEconomic = economicCodes
    }

    init(lookup: any CatalogLookup) {
        self.lookup = lookup
    }

    private func cached<T>(_ path: ReferenceWritableKeyPath<CatalogSource, T?>, _ load: (any CatalogLookup) -> T, empty: T) -> T {
        lock.lock()
        defer { lock.unlock() }
        if let value = self[keyPath: path] { return value }
        let value = lookup.map(load) ?? empty
        self[keyPath: path] = value
        return value
    }

    var units: [Catalog.Unit] { cached(\.loadedUnits, { $0.allUnits() }, empty: []) }
    var projects: [Catalog.Project] { cached(\.loadedProjects, { $0.allProjects() }, empty: []) }
    var codes: [String: String] { cached(\.loadedCodes, { $0.allCodes() }, empty: [:]) }
    var economicCodes: Set<String> { cached(\.loadedEconomic, { $0.economicCodes() }, empty: []) }

    var years: [Int] {
        if let lookup, !isLoaded(\.loadedUnits) { return cached(\.loadedYears, { _ in lookup.years() }, empty: []) }
        return Array(Set(units.flatMap(\.years))).sorted()
    }

    private func isLoaded<T>(_ path: ReferenceWritableKeyPath<CatalogSource, T?>) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return self[keyPath: path] != nil
    }

    func units(named name: String) -> [Catalog.Unit] {
        if let lookup, !isLoaded(\.loadedUnits) { return lookup.units(named: name) }
        return units.filter { $0.name == name || $0.aliases.contains(name) }
    }

    func units(namedEach names: [String]) -> [[Catalog.Unit]] {
        if let lookup, !isLoaded(\.loadedUnits) { return lookup.units(namedEach: names) }
        return names.map(units(named:))
    }

    func units(containing key: String, limit: Int) -> [Catalog.Unit] {
        if let lookup, !isLoaded(\.loadedUnits) { return lookup.units(containing: key, limit: limit) }
        let names = { (unit: Catalog.Unit) in ([unit.name] + unit.aliases).map(NameFold.fold) }
        return Array(units.filter { names($0).contains { $0.contains(key) } }
            .sorted { (names($0).map(\.count).min() ?? 0) < (names($1).map(\.count).min() ?? 0) }.prefix(limit))
    }

    func unitNames(prefix: String, limit: Int) -> [String] {
        if let lookup, !isLoaded(\.loadedUnits) { return lookup.unitNames(prefix: prefix, limit: limit) }
        return Array(Set(units.flatMap { [$0.name] + $0.aliases }).filter { $0.hasPrefix(prefix) }.sorted().prefix(limit))
    }

    func unitNames(resembling text: String, limit: Int) -> [String] {
        if let lookup, !isLoaded(\.loadedUnits) { return lookup.unitNames(resembling: text, limit: limit) }
        return units.flatMap { [$0.name] + $0.aliases }
    }

    func units(ids: [Int64]) -> [Catalog.Unit] {
        if let lookup, !isLoaded(\.loadedUnits) { return lookup.units(ids: ids) }
        let wanted = Set(ids)
        return units.filter { wanted.contains($0.id) }
    }

    func unitsLacking(year: Int) -> [Catalog.Unit] {
        if let lookup, !isLoaded(\.loadedUnits) { return lookup.unitsLacking(year: year) }
        return units.filter { !$0.years.isEmpty && !$0.years.contains(year) && !$0.years.contains(year + 1) }
    }

    func firstUnits(limit: Int, finalAccountsOnly: Bool) -> [Catalog.Unit] {
        if let lookup, !isLoaded(\.loadedUnits) { return lookup.firstUnits(limit: limit, finalAccountsOnly: finalAccountsOnly) }
        return Array(units.filter { !finalAccountsOnly || !$0.years.isEmpty }.prefix(limit))
    }

    func projects(ofUnits ids: Set<Int64>) -> [Catalog.Project] {
        if let lookup, !isLoaded(\.loadedProjects) { return lookup.projects(ofUnits: ids.sorted()) }
        return projects.filter { ids.contains($0.unitID) }
    }

    private func projectPool(_ ids: [Int64]?) -> [Catalog.Project] {
        ids.map { projects(ofUnits: Set($0)) } ?? projects
    }

    func projects(named text: String, ofUnits ids: [Int64]?) -> [Catalog.Project] {
        if let lookup, !isLoaded(\.loadedProjects) { return lookup.projects(named: text, ofUnits: ids) }
        return projectPool(ids).filter { $0.name == text || $0.code == text }
    }

    func projects(containing key: String, ofUnits ids: [Int64]?, limit: Int) -> [Catalog.Project] {
        if let lookup, !isLoaded(\.loadedProjects) { return lookup.projects(containing: key, ofUnits: ids, limit: limit) }
        let found = projectPool(ids).filter { NameFold.fold($0.name).contains(key) || $0.code.map(NameFold.fold) == key }
        return Array(found.sorted { $0.name.count < $1.name.count }.prefix(limit))
    }

    func projectNames(prefix: String, limit: Int) -> [String] {
        if let lookup, !isLoaded(\.loadedProjects) { return lookup.projectNames(prefix: prefix, limit: limit) }
        return Array(Set(projects.map(\.name).filter { $0.hasPrefix(prefix) }).sorted().prefix(limit))
    }

    func codeName(_ code: String) -> String? {
        if let lookup, !isLoaded(\.loadedCodes) { return lookup.codeName(code) }
        return codes[code]
    }

    func hasCode(prefix: String) -> Bool {
        if let lookup, !isLoaded(\.loadedCodes) { return lookup.hasCode(prefix: prefix) }
        return codes.keys.contains { $0.hasPrefix(prefix) }
    }

    /// A copy holding everything loaded so far, with one part replaced.
    private func copy() -> CatalogSource {
        CatalogSource(units: units, projects: projects, codes: codes, economicCodes: economicCodes)
    }

    func replacing(units: [Catalog.Unit]) -> CatalogSource { let c = copy(); c.loadedUnits = units; return c }
    func replacing(projects: [Catalog.Project]) -> CatalogSource { let c = copy(); c.loadedProjects = projects; return c }
    func replacing(codes: [String: String]) -> CatalogSource { let c = copy(); c.loadedCodes = codes; return c }
    func replacing(economicCodes: Set<String>) -> CatalogSource { let c = copy(); c.loadedEconomic = economicCodes; return c }
}
