import Foundation

/// A value bound to a SQL parameter. User text only ever reaches SQL this way.
public enum SQLParameter: Hashable, Sendable, CustomStringConvertible {
    case integer(Int64)
    case text(String)
    case null

    public var description: String {
        switch self {
        case .integer(let value): return String(value)
        case .text(let value): return "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
        case .null: return "NULL"
        }
    }
}
