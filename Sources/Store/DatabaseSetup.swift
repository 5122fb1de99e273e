import Foundation

/// Creates dq databases from the embedded schema and seeds, and checks that an existing
/// database is one this program can read (schema version and seed hash).
public enum DatabaseSetup {
    /// Bumped whenever schema.sql changes in a way older databases cannot be read with.
    public static let schemaVersion = 5

    /// What a new database holds.
    public enum Contents: String, Sendable {
        /// Schema, reference catalog and the seed disclosure.
        case seeded
        /// Schema and reference catalog (measures, classifications) only.
        case empty
    }

    /// Fills an empty connection with the schema and seeds in one transaction.
    public static func populate(_ database: Database, contents: Contents) throws {
        try database.transaction {
            try database.execute(EmbeddedSQL.schema)
            for seed in EmbeddedSQL.seeds where seed.isReference || contents == .seeded {
                try database.execute(seed.sql)
            }
            try ValueChoice.refreshAll(in: database)
            try database.run("INSERT INTO meta (key, value) VALUES ('seed_hash', ?), ('contents', ?)",
                             [.text(EmbeddedSQL.seedHash), .text(contents.rawValue)])
            try database.setUserVersion(schemaVersion)
        }
    }

    /// Creates a database file, never overwriting one: it is built beside the target and
    /// linked into place only when complete.
    public static func createFile(at path: String, contents: Contents) throws {
        let manager = FileManager.default
        if manager.fileExists(atPath: path) { throw SetupError.alreadyExists(path: path) }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try makeDirectories(directory) }
        removeStaleBuildFiles(for: path)
        let temporary = "\(path).building-\(ProcessInfo.processInfo.processIdentifier)"
        defer { for suffix in ["", "-wal", "-shm"] { try? manager.removeItem(atPath: temporary + suffix) } }
        do {
            let database = try Database(.file(temporary), mode: .readWriteCreate)
            try populate(database, contents: contents)
        } catch let error as StoreError where error.code & 0xff == 14 {   // SQLITE_CANTOPEN
            throw SetupError.cannotCreate(path: path, reason: error.message)
        }
        guard link(temporary, path) == 0 else {
            if errno == EEXIST { throw SetupError.alreadyExists(path: path) }
            throw SetupError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// Removes `PATH.building-PID` files (and their -wal/-shm) left by a process that was
    /// killed while creating `path`; those of a live process are left alone.
    static func removeStaleBuildFiles(for path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        let prefix = (path as NSString).lastPathComponent + ".building-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory) else { return }
        for name in names where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            let digits = rest.prefix(while: \.isNumber)
            guard let pid = Int32(digits), ["", "-wal", "-shm", "-journal"].contains(String(rest.dropFirst(digits.count))) else { continue }
            if pid == ProcessInfo.processInfo.processIdentifier || kill(pid, 0) == 0 || errno != ESRCH { continue }
            try? FileManager.default.removeItem(atPath: directory.isEmpty ? name : directory + "/" + name)
        }
    }

    /// `mkdir -p`, reporting the system's reason (not a Foundation error dump) on failure.
    private static func makeDirectories(_ path: String) throws {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw SetupError.cannotCreate(path: prefix, reason: String(cString: strerror(errno)))
            }
            var status = stat()
            if stat(prefix, &status) != 0 || (status.st_mode & S_IFMT) != S_IFDIR {
                throw SetupError.cannotCreate(path: path, reason: "\(prefix) 不是目录")
            }
        }
    }

    /// Throws unless `database` has this program's schema version and seed data.
    public static func validate(_ database: Database, path: String) throws {
        let version = try database.userVersion()
        let hasMeta = try database.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'meta' AND type = 'table'")
        guard version != 0 || hasMeta == .integer(1) else { throw SetupError.notADqDatabase(path: path) }
        guard version == schemaVersion else {
            throw SetupError.schemaVersion(path: path, found: version, expected: schemaVersion)
        }
        let hash = try database.scalar("SELECT value FROM meta WHERE key = 'seed_hash'")
        guard hash == .text(EmbeddedSQL.seedHash) else { throw SetupError.seedData(path: path) }
    }

    /// True when the database holds nothing but embedded data (no imported document),
    /// so that it can be rebuilt from the binary without losing anything.
    public static func holdsOnlyEmbeddedData(_ database: Database) -> Bool {
        (try? database.scalar("SELECT count(*) FROM disclosure WHERE origin != 'seed'")) == .integer(0)
    }
}
