import Core

/// Keeps `fact.chosen`, the occurrence the queries read for each key of a unit's figures
/// (schema.sql, view `fact_choice`): which one wins depends on the unit's other 决算, so the
/// choice is recomputed for the whole unit whenever one of its disclosures is written,
/// replaced or removed, inside that same transaction. Only facts whose choice changes are
/// written.
public enum ValueChoice {
    /// Recomputes the choice for every figure of the unit `unitID`.
    public static func refresh(unit unitID: Int64, in database: Database) throws {
        try database.run(update(where: "c.unit_id = ? AND "), [.integer(unitID)])
    }

    /// Recomputes the choice for every unit: for databases filled without the writer (the
    /// embedded seed, fixtures, synthetic corpora).
    public static func refreshAll(in database: Database) throws {
        try database.run(update(where: ""))
    }

    /// What `fact_choice` decides for the facts of a 决算 that is its unit's only one, in the
    /// order they are written (ids ascending): one disclosure holds every occurrence of a key,
    /// so the distance of years is the same for all of them, and per key (measure or code, fund,
    /// column, year) the table's occurrence wins over the text's over the chart's, printed over
    /// derived, then the earliest line, then the first written. The writer stores this as it
    /// inserts the facts instead of ranking them again in SQL.
    public static func withinOneDisclosure(_ facts: [ImportedFact]) -> [Bool] {
        struct Key: Hashable {
            let measure: String?, code: String?, fund: String, column: String, year: Int
        }
        func order(_ index: Int) -> (Int, Int, Int, Int) {
            let fact = facts[index]
            let source = fact.provenance.kind == "table" ? 0 : fact.provenance.kind == "text" ? 1 : 2
            return (source, fact.isDerived ? 1 : 0, fact.provenance.lineFrom, index)
        }
        var best: [Key: Int] = [:]
        best.reserveCapacity(facts.count)
        for (index, fact) in facts.enumerated() {
            // Keys are catalog ids and digit codes (checked before writing): ASCII, so String
            // equality is SQLite's byte equality.
            let key = Key(measure: fact.measureID, code: fact.code, fund: fact.fund, column: fact.column, year: fact.year)
            if let current = best[key], order(current) < order(index) { continue }
            best[key] = index
        }
        var chosen = [Bool](repeating: false, count: facts.count)
        for index in best.values { chosen[index] = true }
        return chosen
    }

    private static func update(where unitFilter: String) -> String {
        """
        UPDATE fact SET chosen = c.chosen FROM fact_choice c
        WHERE \(unitFilter)fact.id = c.fact_id AND fact.chosen != c.chosen
        """
    }
}
