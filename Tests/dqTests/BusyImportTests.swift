import Foundation
import XCTest

/// An import that meets another process's write waits for it and says so, from the command
/// line and from the REPL's `.import`: the sqlite3 CLI holds a write transaction for a few
/// seconds (longer than dq's 5 s busy timeout), then commits.
final class BusyImportTests: XCTestCase {
    private static let note = "数据库正被另一进程写入，已等待 5 秒，继续等待…"

    /// A fresh empty dq database.
    private func emptyDatabase() throws -> String {
        let db = try DQProcess.temporaryDirectory(self).appendingPathComponent("busy.db").path
        let created = try DQProcess.run(["init", "--empty", "--db", db])
        XCTAssertEqual(created.status, 0, created.stderr)
        return db
    }

    /// Starts sqlite3 holding `BEGIN IMMEDIATE` on `db` for `seconds`, and returns once the
    /// write lock is really held (another writer is refused at once).
    private func holdWriteLock(_ db: String, seconds: Int) throws -> Process {
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The holder waits for the lock (a probe below may hold it for an instant).
        holder.arguments = ["-c", "(echo 'BEGIN IMMEDIATE;'; sleep \(seconds); echo 'COMMIT;') | sqlite3 -cmd '.timeout 10000' \"$0\"", db]
        try holder.run()
        addTeardownBlock { if holder.isRunning { holder.terminate() } }
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            probe.arguments = ["-cmd", ".timeout 0", db, "BEGIN IMMEDIATE; ROLLBACK;"]
            probe.standardError = FileHandle.nullDevice
            try probe.run()
            probe.waitUntilExit()
            if probe.terminationStatus != 0 { return holder }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("sqlite3 did not take the write lock")
        return holder
    }

    func testCommandLineImportWaitsAndSaysSo() throws {
        let db = try emptyDatabase()
        let holder = try holdWriteLock(db, seconds: 7)
        let result = try DQProcess.run(["import", ImportCommandTests.seed, "--db", db])
        holder.waitUntilExit()
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains(Self.note), result.stderr)
        XCTAssertTrue(result.stderr.contains("已导入"), result.stderr)
        let units = try DQProcess.run(["--db", db, "--format", "csv", "--no-header", "-c", "units"])
        XCTAssertEqual(units.stdout.split(separator: "\n").count, 1, "the document imported once the other write ended")
    }

    func testREPLImportWaitsAndSaysSo() throws {
        let db = try emptyDatabase()
        let session = try TmuxSession(self, arguments: ["--db", db, "--no-init"], width: 120)
        try session.waitForPrompt()
        _ = try holdWriteLock(db, seconds: 7)
        try session.send(".import " + ImportCommandTests.seed)
        try session.send(keys: .enter)
        try session.waitFor(text: Self.note, timeout: 15)
        try session.waitFor(text: "已导入", timeout: 15)
        try session.waitForPrompt()
        let units = try DQProcess.run(["--db", db, "--format", "csv", "--no-header", "-c", "units"])
        XCTAssertEqual(units.stdout.split(separator: "\n").count, 1, "the document imported once the other write ended")
    }
}
