import Core
import Foundation
import XCTest

/// The shell features in a real terminal (tmux) at 80 and 200 columns: completion by
/// context, the pager, tables that fit the width without cutting numbers or codes.
final class ShellREPLTests: XCTestCase {
    private func start(width: Int, environment: [String: String] = [:]) throws -> TmuxSession {
        let session = try TmuxSession(self, arguments: ["--memory", "--no-init"], environment: environment, width: width)
        try session.waitForPrompt()
        return session
    }

    func testModeArgumentCompletesToFormats() throws {
        for width in [80, 200] {
            let session = try start(width: width)
            try session.send(".mode ")
            try session.send(keys: .tab)
            try session.send(keys: .tab)
            let screen = try session.waitFor(text: "markdown")
            XCTAssertTrue(screen.contains("jsonl"), screen)
            XCTAssertFalse(screen.contains("三公"), "subjects are not offered after .mode:\n" + screen)
            try session.waitFor("prompt redrawn") { _ in try session.lastLine() == "dq> .mode" }
            try session.send("mar")
            try session.send(keys: .tab)
            try session.waitFor("completion of mar") { _ in try session.lastLine() == "dq> .mode markdown" }
        }
    }

    func testTableNamesAfterFromInSQL() throws {
        let session = try start(width: 80)
        try session.send("sql SELECT name FROM uni")
        try session.send(keys: .tab)
        try session.send(keys: .tab)
        let screen = try session.waitFor(text: "unit_alias")
        XCTAssertFalse(screen.contains("2023"), screen)
        try session.waitFor("prompt redrawn") { _ in try session.lastLine() == "dq> sql SELECT name FROM unit" }
        try session.send(" LIMIT 1")
        try session.send(keys: .enter)
        try session.waitForPrompt()
        XCTAssertTrue(try session.screen(scrollback: true).contains("中国共产党遂宁市安居区委员会办公室"))
    }

    func testFileNamesAndStatementsAfterExplainCompleteInTheTerminal() throws {
        let directory = try DQProcess.temporaryDirectory(self)
        XCTAssertTrue(FileManager.default.createFile(atPath: directory.path + "/决算2023.txt", contents: Data()))
        for width in [80, 200] {
            let session = try start(width: width)
            try session.send(".read \(directory.path)/决")
            try session.send(keys: .tab)
            try session.waitFor("file name completed") { _ in try session.lastLine() == "dq> .read \(directory.path)/决算2023.txt" }
            try session.send(keys: .ctrlU)
            try session.send("explain com")
            try session.send(keys: .tab)
            try session.waitFor("statement after explain") { _ in try session.lastLine() == "dq> explain compare" }
            try session.send(keys: .ctrlU)
        }
    }

    /// `check` in a terminal: one block per finding, every line within the width, none
    /// starting with closing punctuation.
    func testCheckFindingsFitTheTerminal() throws {
        for width in [80, 200] {
            let session = try start(width: width)
            let output = try session.run("check where severity = 'error'", timeout: 15)
            XCTAssertTrue(output.contains { $0.hasPrefix("1. [错误] ") }, "numbered blocks at \(width):\n" + output.joined(separator: "\n"))
            // The findings (stdout); the summary and could-not-check notes on stderr are one line each.
            for line in output where !line.hasPrefix("合计：") && !line.hasPrefix("未能核对") {
                XCTAssertLessThanOrEqual(DisplayWidth.of(line), width, "check at \(width): " + line)
                let start = line.drop { $0 == " " }.first
                XCTAssertFalse(start.map { "）」，。；：、".contains($0) } ?? false, "a line starts with closing punctuation: " + line)
            }
        }
    }

    func testThePagerShowsTablesOnATerminal() throws {
        let session = try start(width: 80, environment: ["PAGER": "sed s/^/PAGED:/"])
        let plain = try session.run("years")
        XCTAssertFalse(plain.contains { $0.hasPrefix("PAGED:") }, plain.joined(separator: "\n"))
        try session.run(".pager on")
        let paged = try session.run("years")
        XCTAssertTrue(paged.contains { $0.hasPrefix("PAGED:年度") }, paged.joined(separator: "\n"))
        try session.run(".pager off")
        let after = try session.run("years")
        XCTAssertFalse(after.contains { $0.hasPrefix("PAGED:") }, after.joined(separator: "\n"))
    }

    func testTablesFitWithoutCuttingNumbersOrCodes() throws {
        for width in [80, 200] {
            let session = try start(width: width)
            let output = try session.run("projects")
            for line in output { XCTAssertLessThanOrEqual(DisplayWidth.of(line), width, "projects at \(width): " + line) }
            try session.run(".mode box")
            let boxed = try session.run("projects")
            for line in boxed { XCTAssertLessThanOrEqual(DisplayWidth.of(line), width, "boxed projects at \(width): " + line) }
            XCTAssertTrue(boxed.contains { $0.contains("│51090423T000008810877│") || $0.contains("│ 51090423T000008810877 │") }, boxed.joined(separator: "\n"))
            try session.run(".mode table")
            XCTAssertTrue(output.contains { $0.contains("51090423T000008810877") }, "codes whole at \(width):\n" + output.joined(separator: "\n"))
            XCTAssertTrue(output.contains { $0.contains("100.00%") }, output.joined(separator: "\n"))
            XCTAssertTrue(output.contains { $0.hasPrefix("（金额单位：万元）") }, output.joined(separator: "\n"))
            if width == 80 {
                XCTAssertTrue(output.contains { $0.contains("…") }, "project names shortened at 80:\n" + output.joined(separator: "\n"))
            } else {
                XCTAssertTrue(output.contains { $0.contains("信息化建设及运行维护经费（2023）") }, output.joined(separator: "\n"))
            }
            // A table whose numbers leave room fits the terminal exactly.
            let units = try session.run("units")
            for line in units { XCTAssertLessThanOrEqual(DisplayWidth.of(line), width, line) }
            XCTAssertTrue(units.contains { $0.contains("四川省遂宁市安居区") || $0.contains("…") }, units.joined(separator: "\n"))
        }
    }
}
