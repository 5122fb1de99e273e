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

    private static func update(where unitFilter: String) -> String {
        """
        UPDATE fact SET chosen = c.chosen FROM fact_choice c
        WHERE \(unitFilter)fact.id = c.fact_id AND fact.chosen != c.chosen
        """
    }
}
