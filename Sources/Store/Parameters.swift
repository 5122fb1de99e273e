import CSQLite

/// `SQLITE_TRANSIENT`: SQLite copies bound text before the bind call returns.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// Binds values to a statement's parameters in order (1, 2, 3 …), straight from the caller's
/// values: no `[Value]` is built per row. Made by `Statement.parameters()`; the caller binds
/// every parameter before stepping (`count` says how many were bound).
struct Parameters {
    let statement: Statement
    /// The parameters bound so far.
    private(set) var count: Int32 = 0

    init(statement: Statement) {
        self.statement = statement
    }

    mutating func add(_ value: Int64) throws {
        count += 1
        try check(sqlite3_bind_int64(statement.handle, count, value))
    }

    mutating func add(_ value: Int) throws {
        try add(Int64(value))
    }

    mutating func add(_ value: Bool) throws {
        try add(Int64(value ? 1 : 0))
    }

    mutating func add(_ value: Int64?) throws {
        guard let value else { return try addNull() }
        try add(value)
    }

    mutating func add(_ value: Int?) throws {
        guard let value else { return try addNull() }
        try add(Int64(value))
    }

    mutating func add(_ value: String?) throws {
        guard let value else { return try addNull() }
        try add(value)
    }

    /// Text, as all of its UTF-8 bytes (interior NULs too), copied by SQLite.
    mutating func add(_ value: String) throws {
        count += 1
        var text = value
        let index = count, handle = statement.handle
        let rc = text.withUTF8 { bytes -> Int32 in
            // An empty buffer may have no address, which SQLite would bind as NULL.
            guard let base = bytes.baseAddress else {
                return sqlite3_bind_text64(handle, index, "", 0, transient, UInt8(SQLITE_UTF8))
            }
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                sqlite3_bind_text64(handle, index, $0, sqlite3_uint64(bytes.count), transient, UInt8(SQLITE_UTF8))
            }
        }
        try check(rc)
    }

    mutating func addNull() throws {
        count += 1
        try check(sqlite3_bind_null(statement.handle, count))
    }

    /// Throws unless every parameter of the statement was bound (a parameter left out would
    /// keep the value of an earlier row).
    func checkComplete() throws {
        guard Int(count) == statement.parameterCount else {
            throw StoreError(code: SQLITE_RANGE, message: "expected \(statement.parameterCount) parameters, got \(count)",
                             sql: statement.sql)
        }
    }

    private func check(_ rc: Int32) throws {
        guard rc != SQLITE_OK else { return }
        throw StoreError.from(statement.database.handle, code: rc, sql: statement.sql)
    }
}
