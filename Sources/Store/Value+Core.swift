import Core

extension Value {
    /// A bound parameter of a compiled query.
    public init(_ parameter: SQLParameter) {
        switch parameter {
        case .integer(let number): self = .integer(number)
        case .text(let text): self = .text(text)
        case .null: self = .null
        }
    }

    /// The value as a result cell: integers stay integers; a real or a blob (which compiled
    /// queries never return) is shown as text.
    public var cell: Cell {
        switch self {
        case .null: return .null
        case .integer(let number): return .integer(number)
        case .text(let text): return .text(text)
        case .real(let number): return .text(String(number))
        case .blob(let bytes): return .text("<\(bytes.count) 字节>")
        }
    }
}
