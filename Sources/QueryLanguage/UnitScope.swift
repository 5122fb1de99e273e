import Core

/// The units a statement covers: every unit with a loaded 决算 (no list: the SQL selects
/// them from `unit`), or the units named (one bound JSON array, whatever their number).
public enum UnitScope: Hashable, Sendable {
    case all
    case units([Catalog.Unit])
}
