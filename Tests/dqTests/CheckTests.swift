import Foundation
import XCTest

/// `check` in the language and `dq check` for pipelines, on the seed.
final class CheckTests: XCTestCase {
    private func seededDatabase() throws -> String {
        let path = try DQProcess.temporaryDirectory(self).appendingPathComponent("seed.sqlite").path
        XCTAssertEqual(try DQProcess.run(["init", "--db", path]).status, 0)
        return path
    }

    func testCheckIsAResultLikeAnyOther() throws {
        let all = try DQProcess.run(["--memory", "--format", "json", "-c", "check"])
        XCTAssertEqual(all.status, 0, all.stderr)
        XCTAssertTrue(all.stdout.contains("\"rule\":\"G8.project-totals\""), all.stdout)
        XCTAssertTrue(all.stdout.contains("\"rule\":\"D4.completion\""))
        let errors = try DQProcess.run(["--memory", "--format", "tsv", "--no-header", "-c", "check where severity = 'error'"])
        let lines = errors.stdout.split(separator: "\n")
        XCTAssertFalse(lines.isEmpty)
        XCTAssertTrue(lines.allSatisfy { $0.split(separator: "\t")[1] == "error" }, errors.stdout)
        let family = try DQProcess.run(["--memory", "--format", "tsv", "--no-header", "-c", "check where rule ~ 'R3'"])
        XCTAssertEqual(family.stdout.split(separator: "\n").count, 8, "the eight reviewers' comments")
    }

    func testDQCheckExitStatus() throws {
        let db = try seededDatabase()
        let errors = try DQProcess.run(["check", "--db", db])
        XCTAssertEqual(errors.status, 1, "the seed has errors")
        XCTAssertTrue(errors.stdout.contains("G8.project-totals"))
        let missing = try DQProcess.run(["check", "--db", "/nonexistent/x.sqlite"])
        XCTAssertEqual(missing.status, 3)
        let usage = try DQProcess.run(["check", "--db", db, "--fail-on", "fatal"])
        XCTAssertEqual(usage.status, 2)
        let unknown = try DQProcess.run(["check", "--db", db, "--for", "不存在的单位"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("Q204"), unknown.stderr)
        let empty = try DQProcess.temporaryDirectory(self).appendingPathComponent("empty.sqlite").path
        XCTAssertEqual(try DQProcess.run(["init", "--empty", "--db", empty]).status, 0)
        let nothing = try DQProcess.run(["check", "--db", empty])
        XCTAssertEqual(nothing.status, 3, "nothing to check")
        XCTAssertTrue(nothing.stderr.contains("没有已载入的决算"), nothing.stderr)
    }
}
