import Foundation
import XCTest

/// What a careless or hostile user can feed the binary: files it must not create or change,
/// pipes it must read, statements it must refuse.
final class HardeningCommandTests: XCTestCase {
    static let seed = ImportCommandTests.seed

    private var directory: URL!

    override func setUpWithError() throws {
        directory = try DQProcess.temporaryDirectory(self)
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func testImportOfMissingFileCreatesNoDatabase() throws {
        let db = path("new.db")
        let result = try DQProcess.run(["import", path("missing.txt"), "--db", db])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("I101"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: db), "no database for nothing imported")
    }

    /// A megabyte typed as one unit name: refused as an unknown unit, with a diagnostic of a
    /// few lines (the name and the source line cut with "…"), not megabytes of text.
    func testAMegabyteUnitNameGetsAShortDiagnostic() throws {
        let name = String(repeating: "区", count: 350_000)
        let script = path("huge.dq")
        try ("units\nsummary for " + name + "\n").write(toFile: script, atomically: true, encoding: .utf8)
        let result = try DQProcess.run(["--memory", "-f", script, "--format", "csv"])
        XCTAssertEqual(result.status, 1, result.stderr.prefix(300) + "")
        XCTAssertTrue(result.stdout.hasPrefix("name,"), "the statement before it ran")
        XCTAssertTrue(result.stderr.contains("huge.dq:2:13: error[Q204]: 未知的单位「区区区"), String(result.stderr.prefix(300)))
        XCTAssertLessThan(result.stderr.utf8.count, 2_000, String(result.stderr.prefix(300)))
        XCTAssertTrue(result.stderr.contains("…」"), result.stderr)
    }

    func testImportFromStandardInput() throws {
        let db = path("stdin.db")
        XCTAssertEqual(try DQProcess.run(["init", "--empty", "--db", db]).status, 0)
        let text = try String(contentsOfFile: Self.seed, encoding: .utf8)
        let result = try DQProcess.run(["import", "/dev/stdin", "--db", db], stdin: text)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("已导入"), result.stderr)
    }

    func testScriptFromProcessSubstitution() throws {
        let result = try runShell("'\(DQProcess.binary.path)' --memory -f <(printf 'units\\n') --format csv")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("name,"), result.stdout)
    }

    func testQueryLeavesNoWALFiles() throws {
        let db = path("q.db")
        XCTAssertEqual(try DQProcess.run(["init", "--db", db]).status, 0)
        XCTAssertEqual(try DQProcess.run(["--db", db, "-c", "units"]).status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: db + "-wal"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: db + "-shm"))
    }

    func testEmptyFileGivenAsDatabaseIsNotModified() throws {
        let db = path("empty.db")
        XCTAssertTrue(FileManager.default.createFile(atPath: db, contents: Data()))
        let result = try DQProcess.run(["--db", db, "-c", "units"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("不是 dq 数据库"), result.stderr)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: db)[.size] as? Int, 0)
    }

    /// The same bytes again with another --year: refused (exit 1), not a silent no-op.
    func testOverridesForALoadedFileAreNotIgnoredSilently() throws {
        let db = path("o.db")
        XCTAssertEqual(try DQProcess.run(["init", "--empty", "--db", db]).status, 0)
        XCTAssertEqual(try DQProcess.run(["import", Self.seed, "--db", db]).status, 0)
        let other = try DQProcess.run(["import", Self.seed, "--db", db, "--year", "2020"])
        XCTAssertEqual(other.status, 1)
        XCTAssertTrue(other.stderr.contains("error[I110]") && other.stderr.contains("年度为 2023"), other.stderr)
        let same = try DQProcess.run(["import", Self.seed, "--db", db, "--year", "2023"])
        XCTAssertEqual(same.status, 0, same.stderr)
        XCTAssertTrue(same.stderr.contains("已载入"), same.stderr)
    }

    /// `sql` refuses what would change the session, with Q302; a BEGIN would otherwise pin
    /// the session to one snapshot.
    func testSQLRefusesSessionChanges() throws {
        for statement in ["BEGIN", "SAVEPOINT s", "PRAGMA query_only = 0", "PRAGMA writable_schema = 1",
                          "PRAGMA locking_mode = EXCLUSIVE", "ATTACH DATABASE ':memory:' AS x"] {
            let result = try DQProcess.run(["--memory", "-c", "sql \(statement)"])
            XCTAssertEqual(result.status, 1, statement)
            XCTAssertTrue(result.stderr.contains("error[Q302]: sql 不接受改变会话状态的语句"), result.stderr)
        }
        let read = try DQProcess.run(["--memory", "-c", "sql SELECT count(*) AS n FROM disclosure"])
        XCTAssertEqual(read.stdout, "n\n1\n", read.stderr)
    }

    /// `.open` of an empty file refuses it and leaves it empty.
    func testOpenOfEmptyFileLeavesItUnchanged() throws {
        let db = path("empty-open.db")
        XCTAssertTrue(FileManager.default.createFile(atPath: db, contents: Data()))
        let result = try DQProcess.run(["--memory", "-f", "-"], stdin: ".open \(db)\n")
        XCTAssertTrue(result.stderr.contains("不是 dq 数据库"), result.stderr)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: db)[.size] as? Int, 0)
    }

    private func runShell(_ command: String) throws -> DQProcess.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", command]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return DQProcess.Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                stderr: String(decoding: stderr, as: UTF8.self))
    }
}
