import CSQLite

/// Conveniences over `prepare`: transactions, whole-result queries, user_version.
extension Database {
    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`; rolls back and rethrows if it throws.
    ///
    /// While another connection writes, BEGIN waits (the busy timeout, then again, calling
    /// `onBusyWait` with the seconds waited so far) up to `writeWaitLimit` seconds.
    /// Not nestable: a `transaction` inside another fails with a StoreError from BEGIN.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try beginImmediate()
        let result: T
        do {
            result = try body()
        } catch {
            if isInTransaction { try? execute("ROLLBACK") }
            throw error
        }
        do {
            try execute("COMMIT")
        } catch {
            if isInTransaction { try? execute("ROLLBACK") }
            throw error
        }
        return result
    }

    /// `BEGIN IMMEDIATE`, waiting for another writer as `transaction` does.
    func beginImmediate() throws {
        var waited = 0
        while true {
            do {
                try execute("BEGIN IMMEDIATE")
                return
            } catch let error as StoreError where error.isBusy && waited + Self.busyTimeoutSeconds <= writeWaitLimit {
                waited += Self.busyTimeoutSeconds
                onBusyWait?(waited)
            }
        }
    }

    /// Runs `body` inside one read transaction: every query it makes sees the same snapshot
    /// of the database, whatever other processes commit meanwhile. Nested calls share the
    /// outer snapshot.
    public func readSnapshot<T>(_ body: () throws -> T) throws -> T {
        if isInTransaction { return try body() }
        try execute("BEGIN DEFERRED")
        do {
            // A deferred transaction takes its snapshot at the first read.
            _ = try scalar("SELECT count(*) FROM sqlite_schema")
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            if isInTransaction { try? execute("ROLLBACK") }
            throw error
        }
    }

    /// Sets the connection up for many write transactions in a row (`dq import`):
    /// - each commit returns before its pages reach the disk (`synchronous = NORMAL` in WAL
    ///   mode): every transaction stays atomic and survives the process being killed; only a
    ///   power cut or system crash can undo the last commits before the next `checkpoint()`.
    ///   A sync per commit would cost more than writing a document.
    /// - a 64 MB page cache, so that the index pages each document adds to stay in memory
    ///   between documents as the database grows.
    /// - pages outside that cache read through a memory map (up to 256 MB) instead of being
    ///   copied by a read call each time.
    /// - a checkpoint every 10,000 WAL pages instead of 1,000: a page that many documents
    ///   change (an index leaf, the FTS structure) is copied into the database file once per
    ///   checkpoint, not every few documents.
    /// - temporary files in memory: the statement journal of every INSERT inside a savepoint
    ///   (each page it changes copied first) was written to a temporary file, hundreds of
    ///   write calls per document.
    public func prepareForBulkWrites() throws {
        try execute("PRAGMA synchronous = NORMAL")
        try execute("PRAGMA cache_size = -65536")
        try execute("PRAGMA mmap_size = 268435456")
        try execute("PRAGMA wal_autocheckpoint = 10000")
        try execute("PRAGMA temp_store = MEMORY")
    }

    /// Syncs the WAL, copies what no reader still needs into the database file and syncs it
    /// (`PRAGMA wal_checkpoint(PASSIVE)`; never waits for readers).
    public func checkpoint() throws {
        try execute("PRAGMA wal_checkpoint(PASSIVE)")
    }

    /// Runs one statement with `params`, discarding any rows.
    public func run(_ sql: String, _ params: [Value] = []) throws {
        let statement = try prepare(sql)
        try statement.bind(params)
        while try statement.step() {}
    }

    /// Runs one statement and collects every row (for small results; stream with `rows()`).
    public func query(_ sql: String, _ params: [Value] = []) throws -> [[Value]] {
        let cursor = try prepare(sql).rows(params)
        var rows: [[Value]] = []
        while let row = try cursor.next() { rows.append(row) }
        return rows
    }

    /// The first column of the first row, or nil when there is no row.
    public func scalar(_ sql: String, _ params: [Value] = []) throws -> Value? {
        let statement = try prepare(sql)
        try statement.bind(params)
        return try statement.step() ? statement.column(0) : nil
    }

    /// `PRAGMA user_version`: the schema version stored in the database header.
    public func userVersion() throws -> Int {
        Int(try scalar("PRAGMA user_version")?.int64 ?? 0)
    }

    /// Whether the database is in WAL mode (`PRAGMA journal_mode`; it parses the schema if
    /// this connection has not yet).
    public var isInWALMode: Bool {
        get throws { try scalar("PRAGMA journal_mode") == .text("wal") }
    }

    /// Sets `PRAGMA user_version` (a 32-bit signed integer).
    public func setUserVersion(_ version: Int) throws {
        let sql = "PRAGMA user_version = \(version)"
        guard let _ = Int32(exactly: version) else {
            throw StoreError(code: SQLITE_RANGE, message: "user_version out of 32-bit range", sql: sql)
        }
        try execute(sql)
    }
}
