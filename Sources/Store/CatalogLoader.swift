import Core

/// Reads the catalog (measures, funds, units, projects, codes) from a database.
public enum CatalogLoader {
    /// Every table is read in one snapshot, so an import committing meanwhile is seen whole or not at all.
    public static func load(_ database: Database) throws -> Catalog {
        try database.readSnapshot { try loadInSnapshot(database) }
    }

    private static func loadInSnapshot(_ database: Database) throws -> Catalog {
        var aliases: [String: [String]] = [:]
        for row in try database.query("SELECT measure_id, alias FROM measure_alias ORDER BY alias") {
            if let id = row[0].string, let alias = row[1].string { aliases[id, default: []].append(alias) }
        }
        let measures = try database.query("""
            SELECT id, name_zh, name_en, fund_id, value_kind, parent_id, relation, sort_order FROM measure
            """).map { row in
            Catalog.Measure(id: row[0].string ?? "", nameZh: row[1].string ?? "", nameEn: row[2].string ?? "",
                            aliases: aliases[row[0].string ?? ""] ?? [], fund: row[3].string ?? "",
                            valueKind: row[4].string ?? "", parentID: row[5].string, relation: row[6].string,
                            sortOrder: Int(row[7].int64 ?? 0))
        }
        let funds = try database.query("SELECT id, name_zh, name_en FROM fund ORDER BY sort_order").map {
            Catalog.Fund(id: $0[0].string ?? "", nameZh: $0[1].string ?? "", nameEn: $0[2].string ?? "")
        }
        var unitAliases: [Int64: [String]] = [:]
        for row in try database.query("SELECT unit_id, alias FROM unit_alias ORDER BY alias") {
            if let id = row[0].int64, let alias = row[1].string { unitAliases[id, default: []].append(alias) }
        }
        var years: [Int64: [Int]] = [:]
        for row in try database.query("SELECT unit_id, year FROM disclosure WHERE kind = '决算' ORDER BY year") {
            if let id = row[0].int64, let year = row[1].int64 { years[id, default: []].append(Int(year)) }
        }
        let units = try database.query("SELECT id, name, parent_id FROM unit ORDER BY coalesce(parent_id, id), parent_id IS NOT NULL, name, id").map {
            let id = $0[0].int64 ?? 0
            return Catalog.Unit(id: id, name: $0[1].string ?? "", parentID: $0[2].int64,
                                aliases: unitAliases[id] ?? [], years: years[id] ?? [])
        }
        let projects = try database.query("""
            SELECT p.id, d.unit_id, p.code, p.name FROM project p JOIN disclosure d ON d.id = p.disclosure_id
            ORDER BY d.unit_id, d.year, p.seq
            """).map {
            Catalog.Project(id: $0[0].int64 ?? 0, unitID: $0[1].int64 ?? 0, code: $0[2].string, name: $0[3].string ?? "")
        }
        // Codes printed in documents (a skip-scan of the code index: one probe per distinct
        // code, not a read of every fact) and the classification catalog.
        var codes: [String: String] = [:]
        for row in try database.query("""
            WITH RECURSIVE printed(code) AS (
                SELECT (SELECT min(code) FROM fact WHERE code IS NOT NULL)
                UNION ALL
                SELECT (SELECT min(code) FROM fact WHERE code > printed.code) FROM printed WHERE printed.code IS NOT NULL
            )
            SELECT code, NULL, 0 FROM printed WHERE code IS NOT NULL
            UNION ALL SELECT code, name, from_year FROM func_code
            UNION ALL SELECT code, name, from_year FROM econ_code ORDER BY 1, 3
            """) {
            if let code = row[0].string { codes[code] = row[1].string ?? codes[code] ?? "" }
        }
        let economic = Set(try database.query("SELECT DISTINCT code FROM econ_code").compactMap { $0[0].string })
        return Catalog(measures: measures, funds: funds, units: units, projects: projects, codes: codes, economicCodes: economic)
    }
}
