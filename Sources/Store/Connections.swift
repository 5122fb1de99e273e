import Foundation

/// The two connections a session uses: queries read through `reader` (read-only, so no
/// query can write); init and import write through `writer`.
public final class Connections: @unchecked Sendable {
    // Declared reader first: it is released first, so that the writer, closing last, can
    // checkpoint the WAL and remove the -wal and -shm files.
    public let reader: Database
    public let writer: Database
    /// The file, or ":memory:", as shown to the user.
    public let displayName: String

    init(writer: Database, reader: Database, displayName: String) {
        self.reader = reader
        self.writer = writer
        self.displayName = displayName
    }

    /// A private in-memory copy of the seed data, shared by a writer and a reader through a
    /// named in-memory database (the name is unique to this process and call).
    public static func memory(contents: DatabaseSetup.Contents = .seeded) throws -> Connections {
        let name = "dq-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
        let writer = try Database(.sharedMemory(name), mode: .readWriteCreate)
        try DatabaseSetup.populate(writer, contents: contents)
        let reader = try Database(.sharedMemory(name), mode: .readOnly)
        return Connections(writer: writer, reader: reader, displayName: ":memory:")
    }

    /// An existing database file (`--db FILE`): it must exist and be of this version.
    ///
    /// Nothing is written to the file before it is known to be a dq database: it is checked
    /// through a read-only connection first. A file that cannot be written (read-only file or
    /// directory) is opened read-only for both roles: queries work, writes fail as read-only.
    public static func existing(path: String) throws -> Connections {
        guard FileManager.default.fileExists(atPath: path) else { throw SetupError.missing(path: path) }
        let writable = isWritable(path)
        let reader = try Database(writable ? .file(path) : .immutableFile(path), mode: .readOnly)
        try DatabaseSetup.validate(reader, path: path)
        // The reader has parsed the schema: asking it the journal mode costs nothing, and
        // spares the writer a parse of its own (a query never uses the writer).
        let writer = writable ? try Database(.file(path), mode: .readWriteCreate, inWAL: try reader.isInWALMode) : reader
        return Connections(writer: writer, reader: reader, displayName: path)
    }

    /// True when the file and its directory (for the -wal/-shm files) can be written.
    static func isWritable(_ path: String) -> Bool {
        let directory = (path as NSString).deletingLastPathComponent
        return access(path, W_OK) == 0 && access(directory.isEmpty ? "." : directory, W_OK) == 0
    }

    /// The default database: created from the embedded data on first use, and rebuilt
    /// when it was made by another version and holds nothing but embedded data.
    public static func defaultDatabase(path: String) throws -> Connections {
        if !FileManager.default.fileExists(atPath: path) {
            try createIgnoringRace(path)
            return try existing(path: path)
        }
        do {
            return try existing(path: path)
        } catch let error as SetupError {
            return try rebuild(path, after: error)
        }
    }

    private static func rebuild(_ path: String, after error: SetupError) throws -> Connections {
        switch error {
        case .schemaVersion, .seedData:
            let replaceable = try {
                let database = try Database(.file(path), mode: .readOnly)
                return DatabaseSetup.holdsOnlyEmbeddedData(database)
            }()
            guard replaceable else { throw error }
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            try createIgnoringRace(path)
            return try existing(path: path)
        default:
            throw error
        }
    }

    /// Creates the file; another process creating it at the same moment is fine.
    private static func createIgnoringRace(_ path: String) throws {
        do {
            try DatabaseSetup.createFile(at: path, contents: .seeded)
        } catch SetupError.alreadyExists {
        }
    }
}
