import Core

/// Reads the catalog (measures, funds, units, projects, codes) from a database.
public enum CatalogLoader {
    /// Every table is read in one snapshot, so an import committing meanwhile is seen whole or not at all.
    public static func load(_ database: Database) throws -> Catalog {
        try database.readSnapshot {
            let lookup = DatabaseCatalogLookup(database)
            return Catalog(measures: try measures(database), funds: try funds(database), units: try lookup.readUnits(),
                           projects: try lookup.readProjects(), codes: try lookup.readCodes(),
                           economicCodes: try lookup.readEconomicCodes())
        }
    }

    /// The catalog for a session: measures and funds (fixed by the seed) now, everything that
    /// grows with the database (units, projects, printed codes, years) by indexed lookups when
    /// a statement asks, so opening a database of any size costs the same.
    public static func open(_ database: Database) throws -> Catalog {
        try database.readSnapshot {
            Catalog(measures: try measures(database), funds: try funds(database), lookup: DatabaseCatalogLookup(database))
        }
    }

    private static func measures(_ database: Database) throws -> [Catalog.Measure] {
        var aliases: [String: [String]] = [:]
        for row in try database.query("SELECT measure_id, alias FROM measure_alias ORDER BY alias") {
            if let id = row[0].string, let alias = row[1].string { aliases[id, default: []].append(alias) }
        }
        return try database.query("""
            SELECT id, name_zh, name_en, fund_id, value_kind, parent_id, relation, sort_order FROM measure
            """).map { row in
            Catalog.Measure(id: row[0].string ?? "", nameZh: row[1].string ?? "", nameEn: row[2].string ?? "",
                            aliases: aliases[row[0].string ?? ""] ?? [], fund: row[3].string ?? "",
                            valueKind: row[4].string ?? "", parentID: row[5].string, relation: row[6].string,
                            sortOrder: Int(row[7].int64 ?? 0))
        }
    }

    private static func funds(_ database: Database) throws -> [Catalog.Fund] {
        try database.query("SELECT id, name_zh, name_en FROM fund ORDER BY sort_order").map {
            Catalog.Fund(id: $0[0].string ?? "", nameZh: $0[1].string ?? "", nameEn: $0[2].string ?? "")
        }
    }
}
