import Foundation
import XCTest

/// `dq init`, `--db`, `--memory` and the default database, driven through the binary.
final class DatabaseCommandTests: XCTestCase {
    func testInitCreatesAndNeverOverwrites() throws {
        let directory = try DQProcess.temporaryDirectory(self)
        let path = directory.appendingPathComponent("a.sqlite").path
        let first = try DQProcess.run(["init", "--db", path])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stderr.contains("已新建数据库"))
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int

        let second = try DQProcess.run(["init", "--db", path, "--empty"])
        XCTAssertEqual(second.status, 1)
        XCTAssertEqual(second.stderr, "dq: error[S101]: 数据库文件已存在，不会覆盖：\(path)\n")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int, size)

        let query = try DQProcess.run(["--db", path, "-c", "sql SELECT count(*) AS n FROM disclosure"])
        XCTAssertEqual(query.stdout, "n\n1\n")
    }

    func testEmptyInitHoldsNoDocument() throws {
        let path = try DQProcess.temporaryDirectory(self).appendingPathComponent("e.sqlite").path
        XCTAssertEqual(try DQProcess.run(["init", "--empty", "--db", path]).status, 0)
        XCTAssertEqual(try DQProcess.run(["--db", path, "-c", "sql SELECT count(*) FROM fact"]).stdout, "count(*)\n0\n")
    }

    func testMissingDatabaseIsAnErrorAndIsNotCreated() throws {
        let path = try DQProcess.temporaryDirectory(self).appendingPathComponent("missing.sqlite").path
        let result = try DQProcess.run(["--db", path, "-c", "sql SELECT 1"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix("dq: error[S102]: 数据库文件不存在：\(path)"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }

    func testDefaultDatabaseFollowsXDGThenHome() throws {
        let directory = try DQProcess.temporaryDirectory(self)
        let xdg = try DQProcess.run(["-c", "sql SELECT 1 AS one"], environment: ["XDG_DATA_HOME": directory.path + "/data"])
        XCTAssertEqual(xdg.stdout, "one\n1\n", xdg.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.path + "/data/dq/dq.sqlite"))

        let home = try DQProcess.run(["-c", "sql SELECT 1 AS one"], environment: ["HOME": directory.path + "/home"])
        XCTAssertEqual(home.status, 0, home.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.path + "/home/.local/share/dq/dq.sqlite"))
    }

    func testMemoryHoldsTheSeedData() throws {
        let result = try DQProcess.run(["--memory", "-c", "sql SELECT name FROM unit WHERE id = 1"])
        XCTAssertEqual(result.stdout, "name\n中国共产党遂宁市安居区委员会办公室\n")
    }

    func testUsageErrorsExitWithTwo() throws {
        let result = try DQProcess.run(["--memory", "--db", "x.sqlite", "-c", "sql SELECT 1"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("--memory 与 --db 不能同时使用"), result.stderr)
        XCTAssertEqual(try DQProcess.run(["--no-such-option"]).status, 2)
    }

    func testQueriesAreReadOnly() throws {
        let result = try DQProcess.run(["--memory", "-c", "sql DELETE FROM fact"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("只读"), result.stderr)
    }
}
