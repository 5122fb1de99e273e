import Core
import Foundation
import TestSupport
import XCTest

/// `check` in the language and `dq check` for pipelines, on the seed.
final class CheckTests: XCTestCase {
    static let goldens = Goldens(besides: #filePath)

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

    /// Table mode: one block per finding, every line within 80 columns; the count line on
    /// stderr; goldens for table, json and the count line.
    func testCheckOutputFormats() throws {
        let table = try DQProcess.run(["--memory", "--format", "table", "-c", "check"])
        XCTAssertEqual(table.status, 0, table.stderr)
        for line in table.stdout.split(separator: "\n") {
            XCTAssertLessThanOrEqual(DisplayWidth.of(String(line)), 80, String(line))
        }
        XCTAssertTrue(table.stdout.hasPrefix("【中国共产党遂宁市安居区委员会办公室（2023年）】\n1. [警告] R4.section-numbers  第 43 行\n"), table.stdout)
        Self.goldens.assert(table.stdout, named: "check/seed.table.txt")
        Self.goldens.assert(table.stderr, named: "check/seed.stderr.txt")
        let summary = try XCTUnwrap(table.stderr.split(separator: "\n").first { $0.hasPrefix("合计：") })
        let errors = table.stdout.components(separatedBy: "[错误]").count - 1
        let warnings = table.stdout.components(separatedBy: "[警告]").count - 1
        let infos = table.stdout.components(separatedBy: "[提示]").count - 1
        XCTAssertTrue(summary.hasPrefix("合计：错误 \(errors) 条，警告 \(warnings) 条，提示 \(infos) 条；规则 通过 "), String(summary))
        let json = try DQProcess.run(["--memory", "--format", "json", "-c", "check"])
        Self.goldens.assert(json.stdout, named: "check/seed.json.txt")
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.count, errors + warnings + infos)
        XCTAssertTrue(rows.allSatisfy { $0["line"] is NSNumber }, "line numbers are JSON numbers")
        // Seed lines 105–109: 基本支出 636.02 against 人员经费 555.34 + 公用经费 80.69 = 636.03.
        let b6 = try XCTUnwrap(rows.first { ($0["rule"] as? String)?.hasPrefix("B6.basic-split") == true })
        XCTAssertEqual((b6["stated_amount"] as? NSNumber)?.doubleValue, 636.02)
        XCTAssertEqual((b6["expected_amount"] as? NSNumber)?.doubleValue, 636.03)
        XCTAssertEqual((b6["difference_amount"] as? NSNumber)?.doubleValue, -0.01)
        XCTAssertEqual((b6["line"] as? NSNumber)?.intValue, 105)
    }

    func testNothingToCheckForAYearExitsThree() throws {
        let db = try seededDatabase()
        let none = try DQProcess.run(["check", "--db", db, "--year", "1999"])
        XCTAssertEqual(none.status, 3)
        XCTAssertTrue(none.stderr.contains("没有已载入的决算"), none.stderr)
    }

    func testRulesListing() throws {
        let listing = try DQProcess.run(["check", "--rules"])
        XCTAssertEqual(listing.status, 0, listing.stderr)
        XCTAssertTrue(listing.stdout.contains("C6.sangong-economic（C 族）\n  核对："), listing.stdout)
        Self.goldens.assert(listing.stdout, named: "check/rules.txt")
        let help = try DQProcess.run(["--memory", "-c", ".help check"])
        XCTAssertTrue(help.stdout.contains("dq check --rules"), help.stdout)
    }

    /// 规划 (lines 206, 342, 576): the one 基本支出 gap breaks C3 and C4; table mode lists it as
    /// one block with each identity on its own line, and no line is blank or wider than 80.
    func testMergedFindingInTableMode() throws {
        let db = try DQProcess.temporaryDirectory(self).appendingPathComponent("guihua.sqlite").path
        XCTAssertEqual(try DQProcess.run(["init", "--empty", "--db", db]).status, 0)
        let fixture = ImportCommandTests.root.appendingPathComponent("fixtures/disclosures/2024-shanghai-putuo-guihuaziyuanju.txt").path
        XCTAssertEqual(try DQProcess.run(["import", "--db", db, fixture]).status, 0)
        let table = try DQProcess.run(["check", "--db", db, "--format", "table"])
        XCTAssertEqual(table.status, 1, table.stderr)
        XCTAssertTrue(table.stdout.contains("1. [错误] C3.table-and-text,C4.basic-general  第 129,206,342,576 行\n"), table.stdout)
        XCTAssertTrue(table.stdout.contains("\n   - ［C4.basic-general］"), table.stdout)
        XCTAssertTrue(table.stdout.contains("\n   - ［C3.table-and-text］"), table.stdout)
        for line in table.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            XCTAssertFalse(line.allSatisfy { $0 == " " }, "blank line in\n" + table.stdout)
            XCTAssertLessThanOrEqual(DisplayWidth.of(String(line)), 80, String(line))
        }
    }
}
