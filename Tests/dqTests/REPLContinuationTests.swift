import Foundation
import XCTest

/// The REPL with statements spanning lines and notes: the real binary in tmux.
final class REPLContinuationTests: XCTestCase {
    func testAnOpenStatementContinuesAtTheContinuationPrompt() throws {
        let session = try TmuxSession(self, width: 120)
        try session.waitForPrompt()
        try session.send("compare 三公 2022 2023 where")
        try session.send(keys: .enter)
        try session.waitForPrompt("..>")
        try session.send("change > 0")
        try session.send(keys: .enter)
        try session.waitForPrompt()
        let screen = try session.screen(scrollback: true)
        XCTAssertTrue(screen.contains("..> change > 0\n"), screen)
        // Seed lines 115-126: only 公务用车购置及运行维护费 rose (6.89 → 12.52).
        XCTAssertTrue(screen.range(of: #"公务用车购置及运行维护费 +6\.89\* +12\.52 +\+5\.63"#, options: .regularExpression) != nil, screen)
        XCTAssertFalse(screen.contains("公务接待费"), screen)
        XCTAssertFalse(screen.contains("error["), screen)

        // Ctrl-C at the continuation prompt drops the open statement.
        try session.send("top 3 units by")
        try session.send(keys: .enter)
        try session.waitForPrompt("..>")
        try session.send(keys: .ctrlC)
        try session.waitForPrompt()

        // A year that is not loaded is said so, in the REPL too.
        let output = try session.run("summary 2019")
        XCTAssertTrue(output.contains { $0.contains("注：没有 2019 年的决算数据") }, output.joined(separator: "\n"))
    }
}
