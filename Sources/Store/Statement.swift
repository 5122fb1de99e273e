import CSQLite

/// `SQLITE_TRANSIENT`: SQLite copies bound text and blobs before the bind call returns.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// One compiled SQL statement; finalized in `deinit`.
///
/// Holds its `Database` alive. Not thread-safe: use it from one thread at a time.
public final class Statement {
    /// The connection this statement belongs to.
    public let database: Database
    /// The SQL text as given to `prepare`.
    public let sql: String
    let handle: OpaquePointer

    /// Compiles `sql`, which must hold exactly one statement (trailing comments are fine).
    init(database: Database, sql: String) throws {
        let db = database.handle
        var raw: OpaquePointer?
        var extraStatement = false
        let rc = sql.withCString { text -> Int32 in
            var tail: UnsafePointer<CChar>?
            let rc = sqlite3_prepare_v2(db, text, -1, &raw, &tail)
            guard rc == SQLITE_OK, let tail, tail.pointee != 0 else { return rc }
            // Anything after the first statement must compile to nothing (comments, `;`).
            var next: OpaquePointer?
            let tailRC = sqlite3_prepare_v2(db, tail, -1, &next, nil)
            extraStatement = tailRC != SQLITE_OK || next != nil
            sqlite3_finalize(next)
            return rc
        }
        guard rc == SQLITE_OK else {
            sqlite3_finalize(raw)
            throw StoreError.from(db, code: rc, sql: sql)
        }
        guard let raw else {
            throw StoreError(code: SQLITE_MISUSE, message: "no SQL statement to prepare", sql: sql)
        }
        guard !extraStatement else {
            sqlite3_finalize(raw)
            throw StoreError(code: SQLITE_MISUSE, message: "more than one SQL statement given", sql: sql)
        }
        self.database = database
        self.sql = sql
        self.handle = raw
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// True when the statement makes no direct change to the database (`sqlite3_stmt_readonly`).
    public var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }

    /// Number of result columns (0 for statements that return no rows).
    public var columnCount: Int { Int(sqlite3_column_count(handle)) }

    /// Result column names, as SQLite reports them (`AS` aliases win).
    public var columnNames: [String] {
        (0..<sqlite3_column_count(handle)).map { i in
            sqlite3_column_name(handle, i).map { String(cString: $0) } ?? ""
        }
    }

    /// Number of `?` parameters the statement expects.
    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

    /// Resets the statement and binds `values` to parameters 1...n; the count must match.
    public func bind(_ values: [Value]) throws {
        reset()
        sqlite3_clear_bindings(handle)
        guard values.count == parameterCount else {
            throw StoreError(code: SQLITE_RANGE,
                             message: "expected \(parameterCount) parameters, got \(values.count)", sql: sql)
        }
        for (offset, value) in values.enumerated() {
            try StoreError.check(bind(value, at: Int32(offset + 1)), database.handle, sql: sql)
        }
    }

    private func bind(_ value: Value, at index: Int32) -> Int32 {
        switch value {
        case .null:
            return sqlite3_bind_null(handle, index)
        case .integer(let v):
            return sqlite3_bind_int64(handle, index, v)
        case .real(let v):
            return sqlite3_bind_double(handle, index, v)
        case .text(let s):
            // The bridged C string holds every UTF-8 byte (interior NULs too) plus a terminator.
            return sqlite3_bind_text64(handle, index, s, sqlite3_uint64(s.utf8.count), transient, UInt8(SQLITE_UTF8))
        case .blob(let bytes):
            guard !bytes.isEmpty else { return sqlite3_bind_zeroblob(handle, index, 0) }
            return bytes.withUnsafeBytes { buffer in
                sqlite3_bind_blob64(handle, index, buffer.baseAddress, sqlite3_uint64(buffer.count), transient)
            }
        }
    }

    /// Rewinds the statement for `Parameters` to bind a new set of values to (the old ones are
    /// kept until each is bound again).
    func parameters() -> Parameters {
        reset()
        return Parameters(statement: self)
    }

    /// Advances to the next row: true when a row is available, false when done.
    ///
    /// On failure the statement is reset (releasing its locks) and a StoreError is thrown.
    public func step() throws -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = StoreError.from(database.handle, code: rc, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// The value of column `index` (0-based) of the current row; `.null` when out of range.
    public func column(_ index: Int) -> Value {
        guard index >= 0, index < columnCount else { return .null }
        let i = Int32(index)
        switch sqlite3_column_type(handle, i) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, i))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, i))
        case SQLITE_TEXT:
            guard let text = sqlite3_column_text(handle, i) else { return .text("") }
            let count = Int(sqlite3_column_bytes(handle, i))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            guard let blob = sqlite3_column_blob(handle, i) else { return .blob([]) }
            let count = Int(sqlite3_column_bytes(handle, i))
            return .blob(Array(UnsafeRawBufferPointer(start: blob, count: count)))
        default:
            return .null
        }
    }

    /// Every column of the current row.
    public func row() -> [Value] {
        (0..<columnCount).map(column)
    }

    /// Rewinds the statement so it can run again; bindings are kept.
    public func reset() {
        // The return code repeats the last step's error, already reported by `step()`.
        sqlite3_reset(handle)
    }

    /// Binds `params` and returns a cursor yielding one row at a time.
    public func rows(_ params: [Value] = []) throws -> RowCursor {
        try bind(params)
        return RowCursor(statement: self)
    }
}
