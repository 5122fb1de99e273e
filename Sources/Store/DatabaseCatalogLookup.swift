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

    /// A unit's columns, read from `u`: id, name, parent, aliases (joined by U+001F) and 决算 years.
    private static let unitColumns = """
        u.id, u.name, u.parent_id,
        (SELECT group_concat(alias, char(31)) FROM (SELECT alias FROM unit_alias WHERE unit_id = u.id ORDER BY alias)),
        (SELECT group_concat(year) FROM (SELECT year FROM disclosure WHERE unit_id = u.id AND kind = '决算' ORDER BY year))
        """

    /// The unit whose `unitColumns` start at `row[first]`.
    private static func unit(_ row: [Value], from first: Int = 0) -> Catalog.Unit {
        let aliases = row[first + 3].string.map { $0.split(separator: "\u{1F}", omittingEmptySubsequences: true).map(String.init) } ?? []
        let years = row[first + 4].string.map { $0.split(separator: ",").compactMap { Int($0) } } ?? []
        return Catalog.Unit(id: row[first].int64 ?? 0, name: row[first + 1].string ?? "", parentID: row[first + 2].int64,
                            aliases: aliases, years: years)
    }

    private func units(where condition: String, _ params: [Value]) throws -> [Catalog.Unit] {
        try database.query("SELECT \(Self.unitColumns) FROM unit u WHERE \(condition) ORDER BY \(Self.unitOrder)", params)
            .map { Self.unit($0) }
    }

    func readUnits() throws -> [Catalog.Unit] { try units(where: "1", []) }

    /// Projects meeting `condition`, of the units `ids` (nil: every unit), in unit, year and
    /// document order or, with a limit, shortest name first.
    func readProjects(where condition: String = "1", _ params: [Value] = [], ofUnits ids: [Int64]? = nil,
                      limit: Int? = nil) throws -> [Catalog.Project] {
        var params = params
        var scoped = condition
        if let ids {
            params.append(.text("[" + ids.map(String.init).joined(separator: ",") + "]"))
            scoped += " AND d.unit_id IN (SELECT value FROM json_each(?\(params.count)))"
        }
        let order = (limit == nil ? "" : "length(p.name), ") + "d.unit_id, d.year, p.seq" + (limit.map { " LIMIT \($0)" } ?? "")
        return try database.query("""
            SELECT p.id, d.unit_id, p.code, p.name FROM disclosure d JOIN project p ON p.disclosure_id = d.id
            WHERE \(scoped) ORDER BY \(order)
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

    /// One statement for all the names: each name (a `json_each` row) probes the name index
    /// and `unit_alias` as `units(named:)` does.
    func units(namedEach names: [String]) -> [[Catalog.Unit]] {
        guard names.count > 1 else { return names.map(units(named:)) }
        var found = Array(repeating: [Catalog.Unit](), count: names.count)
        let rows = try? (try database).query("""
            SELECT n.key, \(Self.unitColumns) FROM json_each(?1) n JOIN unit u
              ON u.name = n.value OR u.id IN (SELECT unit_id FROM unit_alias WHERE alias = n.value)
            ORDER BY n.key, \(Self.unitOrder)
            """, [.text(Self.jsonArray(names))])
        guard let rows else { return found }
        for row in rows {
            guard let index = row[0].int64.map(Int.init), found.indices.contains(index) else { continue }
            found[index].append(Self.unit(row, from: 1))
        }
        return found
    }

    /// `strings` as a JSON array (for `json_each`).
    static func jsonArray(_ strings: [String]) -> String {
        var json = "["
        for (index, string) in strings.enumerated() {
            json += index == 0 ? "\"" : ",\""
            for scalar in string.unicodeScalars {
                switch scalar {
                case "\"": json += "\\\""
                case "\\": json += "\\\\"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    json += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: json.unicodeScalars.append(scalar)
                }
            }
            json += "\""
        }
        return json + "]"
    }

    func units(containing key: String, limit: Int) -> [Catalog.Unit] {
        guard !key.isEmpty else { return [] }
        // LIKE through the trigram index for three characters or more, else a scan of the
        // index's names (never of units with their years and aliases).
        let indexed = key.count >= 3 && !key.contains { $0 == "%" || $0 == "_" }
        let match = indexed ? "name LIKE '%' || ?1 || '%'" : "instr(lower(name), lower(?1)) > 0"
        let ids = (try? (try database).query("""
            SELECT unit_id FROM unit_search WHERE \(match) GROUP BY unit_id ORDER BY min(length(name)), unit_id LIMIT ?2
            """, [.text(key), .integer(Int64(limit))]))?.compactMap { $0[0].int64 } ?? []
        return units(ids: ids)
    }

    func unitNames(prefix: String, limit: Int) -> [String] {
        let rows = try? (try database).query("""
            SELECT name FROM unit WHERE name >= ?1 AND name < ?2
            UNION SELECT alias FROM unit_alias WHERE alias >= ?1 AND alias < ?2
            ORDER BY 1 LIMIT ?3
            """, [.text(prefix), .text(prefix + "\u{10FFFF}"), .integer(Int64(limit))])
        return rows?.compactMap { $0[0].string } ?? []
    }

    func unitNames(resembling text: String, limit: Int) -> [String] {
        let characters = Array(NameFold.fold(text))
        guard characters.count >= 3 else { return unitNames(prefix: String(characters.prefix(1)), limit: limit) }
        let pieces = Set((0...(characters.count - 3)).map { String(characters[$0..<$0 + 3]) })
        let query = pieces.sorted().map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " OR ")
        let ids = (try? (try database).query("""
            SELECT unit_id FROM unit_search WHERE unit_search MATCH ?1 GROUP BY unit_id ORDER BY min(rank) LIMIT ?2
            """, [.text(query), .integer(Int64(limit))]))?.compactMap { $0[0].int64 } ?? []
        return units(ids: ids).flatMap { [$0.name] + $0.aliases }
    }

    func units(ids: [Int64]) -> [Catalog.Unit] {
        guard !ids.isEmpty else { return [] }
        let json = "[" + ids.map(String.init).joined(separator: ",") + "]"
        return (try? units(where: "u.id IN (SELECT value FROM json_each(?1))", [.text(json)])) ?? []
    }

    func firstUnits(limit: Int, finalAccountsOnly: Bool) -> [Catalog.Unit] {
        let reported = finalAccountsOnly ? "EXISTS (SELECT 1 FROM disclosure WHERE unit_id = u.id AND kind = '决算')" : "1"
        return (try? units(where: "u.id IN (SELECT u.id FROM unit u WHERE \(reported) ORDER BY \(Self.unitOrder) LIMIT ?1)",
                           [.integer(Int64(limit))])) ?? []
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
        return (try? readProjects(ofUnits: ids)) ?? []
    }

    /// `column` folded as `NameFold` does, except for non-ASCII letter case; the triggers of
    /// `unit_search` in schema.sql fold the same way.
    private static func folded(_ column: String) -> String {
        let pairs = [("（", "("), ("）", ")"), ("“", ""), ("”", ""), ("\"", ""), ("‘", ""), ("’", ""), ("''", ""),
                     ("「", ""), ("」", ""), (" ", ""), ("\u{3000}", "")]
        return "lower(" + pairs.reduce(column) { "replace(\($0), '\($1.0)', '\($1.1)')" } + ")"
    }

    func projects(named text: String, ofUnits ids: [Int64]?) -> [Catalog.Project] {
        (try? readProjects(where: "(p.name = ?1 OR p.code = ?1)", [.text(text)], ofUnits: ids)) ?? []
    }

    func projects(containing key: String, ofUnits ids: [Int64]?, limit: Int) -> [Catalog.Project] {
        let condition = "(instr(\(Self.folded("p.name")), ?1) > 0 OR lower(p.code) = ?1)"
        return (try? readProjects(where: condition, [.text(key)], ofUnits: ids, limit: limit)) ?? []
    }

    func projectNames(prefix: String, limit: Int) -> [String] {
        let rows = try? (try database).query("SELECT DISTINCT name FROM project WHERE name >= ?1 AND name < ?2 ORDER BY name LIMIT ?3",
                                             [.text(prefix), .text(prefix + "\u{10FFFF}"), .integer(Int64(limit))])
        return rows?.compactMap { $0[0].string } ?? []
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
