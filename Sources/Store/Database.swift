import CSQLite

/// One SQLite connection; the only way into SQLite for the rest of the project.
///
/// Every C call is checked and turned into a `StoreError`. Connections are opened in
/// multi-thread mode (`SQLITE_OPEN_NOMUTEX`): a connection is used from one thread at a time;
/// `interrupt()`, which SQLite allows from any thread, is the one call made from elsewhere.
public final class Database: @unchecked Sendable {
    /// Where a connection points.
    public enum Location: Sendable, Equatable {
        /// A database file on disk.
        case file(String)
        /// A named in-memory database shared by every connection of this process that opens
        /// the same name (`file:NAME?mode=memory&cache=shared`); it lives until the last
        /// connection to it closes.
        case sharedMemory(String)
        /// A private in-memory database.
        case memory
        /// A database file nobody can change while it is open (a read-only file or directory),
        /// opened with `immutable=1`: no lock, no -wal/-shm needed.
        case immutableFile(String)
    }

    /// How a connection may use its database.
    public enum Mode: Sendable, Equatable {
        /// `SQLITE_OPEN_READONLY`, plus `PRAGMA query_only`: every write fails.
        case readOnly
        /// `SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE`; file databases switch to WAL.
        case readWriteCreate
    }

    /// SQLite's settings for the whole process, made once before the first connection opens
    /// (`sqlite3_config` works only before SQLite initializes): no memory statistics, which
    /// nothing reads, so that no allocation of any connection takes SQLite's global mutex.
    private static let processSettings: Void = {
        _ = dq_sqlite3_config_memstatus(0)
    }()

    /// Seconds one busy wait lasts (`sqlite3_busy_timeout`).
    static let busyTimeoutSeconds = 5
    /// Seconds a write transaction waits in all for another writer before failing.
    public var writeWaitLimit = 600
    /// Called each time a write transaction has waited another `busyTimeoutSeconds` for
    /// another writer, with the seconds waited so far (for a progress note).
    public var onBusyWait: ((Int) -> Void)?

    /// The raw connection; valid until `deinit`.
    let handle: OpaquePointer
    /// What this connection was opened on.
    public let location: Location
    /// How this connection was opened.
    public let mode: Mode

    /// Opens a connection and applies the per-connection settings: foreign keys on, a 5 s busy
    /// timeout, WAL for read-write files, `query_only` for read-only connections.
    ///
    /// `inWAL`: the file is known to be in WAL mode already (another connection read its
    /// journal mode), so the switch — which parses the whole schema — is left out; the
    /// connection reads the header instead, which joins the WAL, so that closing last it
    /// still checkpoints and removes the -wal and -shm files.
    public init(_ location: Location, mode: Mode = .readWriteCreate, inWAL: Bool = false) throws {
        _ = Self.processSettings
        var flags = SQLITE_OPEN_NOMUTEX
        flags |= mode == .readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        let filename: String
        switch location {
        case .file(let path):
            filename = path
        case .sharedMemory(let name):
            filename = "file:\(Self.uriEscaped(name))?mode=memory&cache=shared"
            flags |= SQLITE_OPEN_URI
        case .memory:
            filename = ":memory:"
        case .immutableFile(let path):
            filename = "file:\(Self.uriEscaped(path, keepingSlashes: true))?immutable=1"
            flags |= SQLITE_OPEN_URI
        }
        var raw: OpaquePointer?
        let rc = sqlite3_open_v2(filename, &raw, flags, nil)
        guard rc == SQLITE_OK, let raw else {
            let error = StoreError.from(raw, code: rc)
            sqlite3_close_v2(raw)
            throw StoreError(code: error.code, message: "\(error.message): \(filename)")
        }
        handle = raw
        self.location = location
        self.mode = mode
        // From here on `deinit` closes the handle if a setting fails.
        try StoreError.check(sqlite3_busy_timeout(raw, Int32(Self.busyTimeoutSeconds * 1000)), raw)
        try execute("PRAGMA foreign_keys = ON")
        if mode == .readOnly {
            try execute("PRAGMA query_only = ON")
        } else if case .file = location {
            try execute(inWAL ? "PRAGMA user_version" : "PRAGMA journal_mode = WAL")
        }
    }

    /// Opens a file database by path.
    public convenience init(path: String, mode: Mode = .readWriteCreate) throws {
        try self.init(.file(path), mode: mode)
    }

    /// Opens a read-write connection and a read-only connection on the same database.
    ///
    /// For `.memory` the pair would not share anything: use `.sharedMemory(name)` instead.
    public static func openPair(_ location: Location) throws -> (writer: Database, reader: Database) {
        let writer = try Database(location, mode: .readWriteCreate)
        let reader = try Database(location, mode: .readOnly)
        return (writer, reader)
    }

    deinit {
        if #available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *) {
            InterruptTarget.unregister(self)
        }
        sqlite3_close_v2(handle)
    }

    /// Runs a script of zero or more `;`-separated statements (no parameters, no rows).
    public func execute(_ sql: String) throws {
        var errorText: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &errorText)
        defer { sqlite3_free(errorText) }
        guard rc == SQLITE_OK else {
            let message = errorText.map { String(cString: $0) }
            throw StoreError(code: rc, message: message ?? StoreError.from(handle, code: rc).message, sql: sql)
        }
    }

    /// Compiles exactly one SQL statement.
    public func prepare(_ sql: String) throws -> Statement {
        try Statement(database: self, sql: sql)
    }

    /// Stops the statement running on this connection with SQLITE_INTERRUPT.
    ///
    /// Safe from any thread. A call made while no statement runs has no effect.
    public func interrupt() {
        sqlite3_interrupt(handle)
    }

    /// Rows changed by the most recent INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes64(handle)) }

    /// The rowid of the most recent successful INSERT.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// True when the main database cannot be written through this connection.
    public var isReadOnly: Bool { mode == .readOnly || sqlite3_db_readonly(handle, "main") == 1 }

    /// True while a transaction is open (autocommit is off).
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Percent-escapes a name or path for a `file:` URI (keeps `A-Za-z0-9-._~`, and `/` when asked).
    static func uriEscaped(_ name: String, keepingSlashes: Bool = false) -> String {
        var out = ""
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "/") where keepingSlashes:
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
