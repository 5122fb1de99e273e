/// One SQLite value: the five storage classes.
public enum Value: Equatable, Hashable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

extension Value: CustomStringConvertible {
    /// A debugging rendering (`NULL`, `42`, `'text'`, `x'0aff'`); not for user output.
    public var description: String {
        switch self {
        case .null: return "NULL"
        case .integer(let v): return String(v)
        case .real(let v): return String(v)
        case .text(let s): return "'" + s.replacingAll("'", with: "''") + "'"
        case .blob(let bytes):
            let hex = bytes.map { byte in
                let digits = String(byte, radix: 16)
                return digits.count == 1 ? "0" + digits : digits
            }
            return "x'" + hex.joined() + "'"
        }
    }
}

extension Value {
    /// The integer, when this is `.integer`.
    public var int64: Int64? { if case .integer(let v) = self { v } else { nil } }
    /// The number as a Double, when this is `.integer` or `.real`.
    public var double: Double? {
        switch self {
        case .integer(let v): Double(v)
        case .real(let v): v
        default: nil
        }
    }
    /// The string, when this is `.text`.
    public var string: String? { if case .text(let s) = self { s } else { nil } }
    /// True for `.null`.
    public var isNull: Bool { self == .null }
}

extension Value: ExpressibleByNilLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral {
    public init(nilLiteral: ()) { self = .null }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .real(value) }
    public init(stringLiteral value: String) { self = .text(value) }
}

private extension String {
    /// Replaces every occurrence of `target` (no Foundation needed).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for ch in self { if ch == target { out += replacement } else { out.append(ch) } }
        return out
    }
}
