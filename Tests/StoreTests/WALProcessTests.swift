import Foundation
import XCTest
@testable import Store

/// This process reads while a separate `sqlite3` process writes the same WAL database.
final class WALProcessTests: XCTestCase {
    private let cli = "/usr/bin/sqlite3"

    /// Starts `sqlite3 path` with `script` on stdin.
    private func launchCLI(_ path: String, script: String) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: cli)
        process.arguments = ["-bail", "-cmd", ".timeout 5000", path]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(script.utf8))
        try input.fileHandleForWriting.close()
        return (process, output)
    }

    /// Runs `sqlite3 path` to completion and returns its trimmed standard output.
    private func runCLI(_ path: String, _ script: String) throws -> String {
        let (process, output) = try launchCLI(path, script: script)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "sqlite3 failed on: \(script)")
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func testReaderSeesConsistentSnapshotsWhileAnotherProcessWrites() throws {
        guard FileManager.default.isExecutableFile(atPath: cli) else { throw XCTSkip("\(cli) not installed") }
        let path = try makeTemporaryDirectory(self).appendingPathComponent("shared.sqlite").path
        let writer = try Database(path: path)
        try writer.execute("CREATE TABLE ledger (id INTEGER PRIMARY KEY, amount INTEGER NOT NULL)")
        let reader = try Database(path: path, mode: .readOnly)

        // An open read transaction keeps its snapshot; the other process is not blocked (WAL).
        try reader.execute("BEGIN")
        XCTAssertEqual(try reader.scalar("SELECT count(*) FROM ledger"), .integer(0))
        _ = try runCLI(path, "INSERT INTO ledger(amount) VALUES (100), (-100);")
        XCTAssertEqual(try reader.scalar("SELECT count(*) FROM ledger"), .integer(0))
        try reader.execute("COMMIT")
        XCTAssertEqual(try reader.scalar("SELECT count(*) FROM ledger"), .integer(2))
        XCTAssertEqual(try writer.scalar("SELECT count(*) FROM ledger"), .integer(2))

        // Balanced pairs committed one transaction at a time: every read sees an even count
        // summing to zero, never half a transaction.
        let script = (1...200).map { "BEGIN; INSERT INTO ledger(amount) VALUES (\($0)), (-\($0)); COMMIT;" }
            .joined(separator: "\n")
        let (process, _) = try launchCLI(path, script: script)
        var reads = 0
        while process.isRunning {
            let row = try reader.query("SELECT count(*), sum(amount) FROM ledger").first
            guard let count = row?[0].int64, let sum = row?[1].int64 else { return XCTFail("no row") }
            XCTAssertEqual(count % 2, 0)
            XCTAssertEqual(sum, 0)
            reads += 1
        }
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertGreaterThan(reads, 0)
        XCTAssertEqual(try reader.query("SELECT count(*), sum(amount) FROM ledger"), [[.integer(402), .integer(0)]])

        // And the other way round: the other process sees what this process writes.
        try writer.run("INSERT INTO ledger(amount) VALUES (?)", [.integer(7)])
        XCTAssertEqual(try runCLI(path, "SELECT count(*), sum(amount) FROM ledger;"), "403|7")
    }
}
