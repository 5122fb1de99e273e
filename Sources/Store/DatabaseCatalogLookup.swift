import CSQLite
import Core

/// Answers a catalog's questions from the database, each by an index: unit names through
/// `unit(name, region)` and `unit_alias`, years through `disclosure(unit_id, year, kind)`,
/// codes through `fact_code` and the classification tables. A failed read answers empty
/// (the statement then reports an unknown name); the database was validated when opened.
final class DatabaseCatalogLookup: CatalogLookup, @unchecked Sendable {
    /// Weak: the connections own the database and close it in their order (reader before
    /// writer, so that the writer removes the WAL files); a catalog outliving them reads nothing.
    private weak var connection: Database?

    init(_ database: Database) {
        connection = database
    }

    private var database: Database {
        get throws {
            guard let connection else { throw StoreError(code: SQLITE_MISUSE, message: "数据库连接已关闭") }
            return connection
        }
    }

    /// Units in display order: each 部门 followed by its 二级单位.
    private static let unitOrder = "coalesce(u.parent_id, u.id), u.parent_id IS NOT NULL, u.name, u.id"

    private func units(where condition: String, _ params: [Value]) throws -> [Catalog.Unit] {
        let rows = try database.query("""
            SELECT u.id, u.name, u.parent_id,
                   (SELECT group_concat(alias, char(31)) FROM (SELECT alias FROM unit_alias WHERE unit_id = u.id ORDER BY alias)),
                   (SELECT group_concat(year) FROM (SELECT year FROM disclosure WHERE unit_id = u.id AND kind = '决算' ORDER BY year))
            FROM unit u WHERE \(condition) ORDER BY \(Self.unitOrder)
            """, params)
        return rows.map { row in
            let aliases = row[3].string.map { $0.split(separator: "\u{1F}", omittingEmptySubsequences: true).map(String.init) } ?? []
            let years = row[4].string.map { $0.split(separator: ",").compactMap { Int($0) } } ?? []
            return Catalog.Unit(id: row[0].int64 ?? 0, name: row[1].string ?? "", parentID: row[2].int64, aliases: aliases, years: years)
        }
    }

    func readUnits() throws -> [Catalog.Unit] { try units(where: "1", []) }

    func readProjects(where condition: String = "1", _ params: [Value] = []) throws -> [Catalog.Project] {
        try database.query("""
            SELECT p.id, d.unit_id, p.code, p.name FROM disclosure d JOIN project p ON p.disclosure_id = d.id
            WHERE \(condition) ORDER BY d.unit_id, d.year, p.seq
            """, params).map {
            Catalog.Project(id: $0[0].int64 ?? 0, unitID: $0[1].int64 ?? 0, code: $0[2].string, name: $0[3].string ?? "")
        }
    }

    /// Codes printed in documents (a skip-scan of the code index: one probe per distinct
    /// code, not a read of every fact) and the classification catalog.
    func readCodes() throws -> [String: String] {
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
        return codes
    }

    func readEconomicCodes() throws -> Set<String> {
        Set(try database.query("SELECT DISTINCT code FROM econ_code").compactMap { $0[0].string })
    }

    func allUnits() -> [Catalog.Unit] { (try? readUnits()) ?? [] }

    func units(named name: String) -> [Catalog.Unit] {
        (try? units(where: "u.name = ?1 OR u.id IN (SELECT unit_id FROM unit_alias WHERE alias = ?1)", [.text(name)])) ?? []
    }

    func units(ids: [Int64]) -> [Catalog.Unit] {
        guard !ids.isEmpty else { return [] }
        let json = "[" + ids.map(String.init).joined(separator: ",") + "]"
        return (try? units(where: "u.id IN (SELECT value FROM json_each(?1))", [.text(json)])) ?? []
    }

    func unitsLacking(year: Int) -> [Catalog.Unit] {
        (try? units(where: """
            EXISTS (SELECT 1 FROM disclosure WHERE unit_id = u.id AND kind = '决算') \
            AND NOT EXISTS (SELECT 1 FROM disclosure WHERE unit_id = u.id AND kind = '决算' AND year IN (?1, ?1 + 1))
            """, [.integer(Int64(year))])) ?? []
    }

    func allProjects() -> [Catalog.Project] { (try? readProjects()) ?? [] }

    func projects(ofUnits ids: [Int64]) -> [Catalog.Project] {
        guard !ids.isEmpty else { return [] }
        let json = "[" + ids.map(String.init).joined(separator: ",") + "]"
        return (try? readProjects(where: "d.unit_id IN (SELECT value FROM json_each(?1))", [.text(json)])) ?? []
    }

    func allCodes() -> [String: String] { (try? readCodes()) ?? [:] }

    func codeName(_ code: String) -> String? {
        let row = try? (try database).query("""
            SELECT (SELECT name FROM func_code WHERE code = ?1 ORDER BY from_year DESC LIMIT 1),
                   (SELECT name FROM econ_code WHERE code = ?1 ORDER BY from_year DESC LIMIT 1),
                   EXISTS (SELECT 1 FROM fact WHERE code = ?1)
            """, [.text(code)]).first
        guard let row else { return nil }
        if let name = row[0].string ?? row[1].string { return name }
        return row[2].int64 == 1 ? "" : nil
    }

    func hasCode(prefix: String) -> Bool {
        let upper = prefix + "\u{10FFFF}"
        let found = try? (try database).scalar("""
            SELECT EXISTS (SELECT 1 FROM func_code WHERE code >= ?1 AND code < ?2)
                OR EXISTS (SELECT 1 FROM econ_code WHERE code >= ?1 AND code < ?2)
                OR EXISTS (SELECT 1 FROM fact WHERE code >= ?1 AND code < ?2)
            """, [.text(prefix), .text(upper)])
        return found == .integer(1)
    }

    func economicCodes() -> Set<String> { (try? readEconomicCodes()) ?? [] }

    func years() -> [Int] {
        // A skip-scan: one probe per distinct year, not a read of every disclosure.
        let rows = (try? (try database).query("""
            WITH RECURSIVE y(year) AS (
                SELECT (SELECT min(year) FROM disclosure WHERE kind = '决算')
                UNION ALL SELECT (SELECT min(year) FROM disclosure WHERE kind = '决算' AND year > y.year) FROM y WHERE y.year IS NOT NULL
            ) SELECT year FROM y WHERE year IS NOT NULL
            """)) ?? []
        return rows.compactMap { $0[0].int64.map(Int.init) }
    }
}
