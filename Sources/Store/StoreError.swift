import CSQLite

/// The one error type of the Store: an SQLite result code, its message and the SQL involved.
public struct StoreError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The SQLite result code (primary code, e.g. 8 for SQLITE_READONLY).
    public let code: Int32
    /// The message SQLite gave (`sqlite3_errmsg`) or one written by the Store.
    public let message: String
    /// The SQL text being prepared or run, when there was one.
    public let sql: String?

    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// True when a running statement was stopped by `sqlite3_interrupt` (SQLITE_INTERRUPT, 9).
    public var isInterrupt: Bool { code & 0xff == SQLITE_INTERRUPT }

    /// True for SQLITE_BUSY (5) and SQLITE_LOCKED (6): another connection holds a lock.
    public var isBusy: Bool { code & 0xff == SQLITE_BUSY || code & 0xff == SQLITE_LOCKED }

    /// True for SQLITE_FULL (13): the disk (or the file system's quota) is full.
    /// A constraint failed (CHECK, NOT NULL, UNIQUE, foreign key, a trigger's RAISE).
    public var isConstraint: Bool { code & 0xff == SQLITE_CONSTRAINT }

    public var isDiskFull: Bool { code & 0xff == SQLITE_FULL }

    /// The message for a user: the usual system causes named in Chinese, SQLite's text kept.
    public var explanation: String {
        switch code & 0xff {
        case SQLITE_FULL: return "磁盘已满（SQLITE_FULL：\(message)）"
        case SQLITE_BUSY, SQLITE_LOCKED: return "数据库正被另一进程写入，等待超时（\(message)）"
        case SQLITE_READONLY: return "数据库只读，无法写入（\(message)）"
        case SQLITE_IOERR: return "读写数据库文件出错（\(message)）"
        default: return message
        }
    }

    /// `SQLite error 8: attempt to write a readonly database (SQL: INSERT …)`.
    public var description: String {
        var text = "SQLite error \(code): \(message)"
        if let sql { text += " (SQL: \(sql))" }
        return text
    }

    /// The current error of connection `handle`, or a generic message for `code` when none.
    static func from(_ handle: OpaquePointer?, code: Int32, sql: String? = nil) -> StoreError {
        let message: String
        if let handle, let text = sqlite3_errmsg(handle) {
            message = String(cString: text)
        } else if let text = sqlite3_errstr(code) {
            message = String(cString: text)
        } else {
            message = "unknown error"
        }
        return StoreError(code: code, message: message, sql: sql)
    }

    /// Throws unless `code` is SQLITE_OK.
    static func check(_ code: Int32, _ handle: OpaquePointer?, sql: String? = nil) throws {
        guard code == SQLITE_OK else { throw from(handle, code: code, sql: sql) }
    }
}
