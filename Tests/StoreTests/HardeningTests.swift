import Foundation
import XCTest
@testable import Store

/// Files dq is pointed at are not changed before they are known to be dq databases;
/// read-only databases are queryable; overlapping writers wait; reads share one snapshot.
final class HardeningTests: XCTestCase {
    private func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    func testEmptyFileIsRefusedUnchanged() throws {
        let path = try makeTemporaryDirectory(self).appendingPathComponent("empty.db").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data()))
        XCTAssertThrowsError(try Connections.existing(path: path)) { error in
            XCTAssertEqual(error as? SetupError, .notADqDatabase(path: path))
        }
        XCTAssertEqual(try bytes(path).count, 0, "an empty file stays empty")
    }

    func testForeignDatabaseIsRefusedUnchanged() throws {
        let directory = try makeTemporaryDirectory(self)
        let path = directory.appendingPathComponent("foreign.db").path
        do {
            let other = try Database(.file(path), mode: .readWriteCreate)
            try other.execute("PRAGMA journal_mode = DELETE; CREATE TABLE t (x); INSERT INTO t VALUES (1)")
        }
        let before = try bytes(path)
        XCTAssertThrowsError(try Connections.existing(path: path)) { error in
            XCTAssertEqual(error as? SetupError, .notADqDatabase(path: path))
        }
        XCTAssertEqual(try bytes(path), before, "no byte of the foreign file changes (no switch to WAL)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-wal"))
    }

    func testImmutableFileIsQueryableWithoutWALFiles() throws {
        let directory = try makeTemporaryDirectory(self)
        let path = directory.appendingPathComponent("dq.sqlite").path
        try DatabaseSetup.createFile(at: path, contents: .seeded)
        let database = try Database(.immutableFile(path), mode: .readOnly)
        XCTAssertNoThrow(try DatabaseSetup.validate(database, path: path))
        XCTAssertEqual(try database.scalar("SELECT count(*) FROM disclosure WHERE origin = 'seed'"), .integer(1))
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-wal"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-shm"))
        XCTAssertNotNil(expectStoreError { try database.execute("DELETE FROM meta") })
    }

    func testNoWALFilesLeftAfterQueryingSession() throws {
        let path = try makeTemporaryDirectory(self).appendingPathComponent("dq.sqlite").path
        try DatabaseSetup.createFile(at: path, contents: .seeded)
        do {
            let connections = try Connections.existing(path: path)
            XCTAssertEqual(try connections.reader.scalar("SELECT count(*) FROM disclosure"), .integer(1))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-wal"), "the writer closes last and removes the WAL")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-shm"))
    }

    /// The writer of a WAL database joins the WAL without switching modes; a dq database in
    /// rollback mode is still switched to WAL when opened.
    func testWriterOfExistingDatabaseIsInWAL() throws {
        let path = try makeTemporaryDirectory(self).appendingPathComponent("dq.sqlite").path
        try DatabaseSetup.createFile(at: path, contents: .empty)
        do {
            let connections = try Connections.existing(path: path)
            XCTAssertTrue(try connections.reader.isInWALMode)
            XCTAssertEqual(try connections.writer.scalar("PRAGMA journal_mode"), .text("wal"))
        }
        try Database(.file(path), mode: .readWriteCreate).execute("PRAGMA journal_mode = DELETE")
        XCTAssertEqual(try headerVersions(path), [1, 1], "rollback journal")
        do {
            let connections = try Connections.existing(path: path)
            XCTAssertEqual(try connections.writer.scalar("PRAGMA journal_mode"), .text("wal"))
        }
        XCTAssertEqual(try headerVersions(path), [2, 2], "WAL")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-wal"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-shm"))
    }

    /// The file format write and read versions of a database header (bytes 18 and 19): 2 in WAL mode.
    private func headerVersions(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path))[18...19])
    }

    func testStaleBuildFilesOfDeadProcessesAreRemoved() throws {
        let directory = try makeTemporaryDirectory(self)
        let path = directory.appendingPathComponent("dq.sqlite").path
        // A pid far above pid_max is never alive.
        let stale = path + ".building-999999999"
        let live = path + ".building-1"
        for file in [stale, stale + "-wal", live] { XCTAssertTrue(FileManager.default.createFile(atPath: file, contents: Data([1]))) }
        try DatabaseSetup.createFile(at: path, contents: .empty)
        XCTAssertFalse(FileManager.default.fileExists(atPath: stale))
        XCTAssertFalse(FileManager.default.fileExists(atPath: stale + "-wal"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: live), "pid 1 is alive: its file is not touched")
    }

    func testReadSnapshotSeesOneVersion() throws {
        let path = try makeTemporaryDirectory(self).appendingPathComponent("s.sqlite").path
        let writer = try Database(.file(path), mode: .readWriteCreate)
        try writer.execute("CREATE TABLE t (x INTEGER)")
        let reader = try Database(.file(path), mode: .readOnly)
        let counts: [Value?] = try reader.readSnapshot {
            let first = try reader.scalar("SELECT count(*) FROM t")
            try writer.execute("INSERT INTO t VALUES (1)")
            let second = try reader.readSnapshot { try reader.scalar("SELECT count(*) FROM t") }
            return [first, second]
        }
        XCTAssertEqual(counts, [.integer(0), .integer(0)], "a commit in the middle is not seen")
        XCTAssertFalse(reader.isInTransaction)
        XCTAssertEqual(try reader.scalar("SELECT count(*) FROM t"), .integer(1))
    }

    func testWriterWaitsForAnotherWriterAndReportsProgress() throws {
        let path = try makeTemporaryDirectory(self).appendingPathComponent("w.sqlite").path
        let first = try Database(.file(path), mode: .readWriteCreate)
        try first.execute("CREATE TABLE t (x INTEGER)")
        let second = try Database(.file(path), mode: .readWriteCreate)
        try first.execute("BEGIN IMMEDIATE")
        let released = expectation(description: "first writer commits")
        DispatchQueue.global().asyncAfter(deadline: .now() + 6) {
            try? first.execute("INSERT INTO t VALUES (1); COMMIT")
            released.fulfill()
        }
        var waits: [Int] = []
        second.onBusyWait = { waits.append($0) }
        try second.transaction { try second.execute("INSERT INTO t VALUES (2)") }
        wait(for: [released], timeout: 20)
        XCTAssertEqual(waits, [5], "one progress note after the first 5 s")
        XCTAssertEqual(try second.scalar("SELECT count(*) FROM t"), .integer(2))
    }

    func testFullDiskIsNamed() {
        let error = StoreError(code: 13, message: "database or disk is full")
        XCTAssertTrue(error.isDiskFull)
        XCTAssertTrue(error.explanation.hasPrefix("磁盘已满"), error.explanation)
    }
}
