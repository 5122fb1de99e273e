import Foundation
import XCTest

/// The zsh completion (completions/_dq) in a real zsh in tmux: `zsh -f` loads it through
/// `compinit` from the repository's completions/ directory, with the dq under test first on
/// PATH (it lists the subjects itself), and each case is typed then completed with Tab.
final class ZshCompletionTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    private static let prompt = "zsh>"

    private func startZsh() throws -> TmuxSession {
        guard let zsh = ["/usr/bin/zsh", "/bin/zsh"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            XCTFail("zsh is not installed (make deps installs it)")
            throw XCTSkip("zsh missing")
        }
        let path = DQProcess.binary.deletingLastPathComponent().path + ":/usr/bin:/bin"
        let session = try TmuxSession(self, environment: ["LANG": "C.UTF-8", "PATH": path],
                                      shellCommand: "exec env -i {env} \(zsh) -f")
        let completions = Self.root.appendingPathComponent("completions").path
        try session.send("PS1='\(Self.prompt) '; fpath=('\(completions)' $fpath); autoload -Uz compinit; compinit -u -d '\(session.home.path)/zcompdump'")
        try session.send(keys: .enter)
        try session.waitFor("zsh prompt") { _ in try session.lastLine() == Self.prompt }
        return session
    }

    /// Types `typed` on an empty line, presses Tab and returns the line once zsh changed it.
    private func complete(_ session: TmuxSession, _ typed: String, timeout: TimeInterval = 5) throws -> String {
        try session.send(keys: .ctrlU)
        try session.waitFor("empty line") { _ in try session.lastLine() == Self.prompt }
        try session.send(typed)
        try session.waitFor("typed \(typed)") { _ in try session.lastLine() == "\(Self.prompt) \(typed)" }
        try session.send(keys: .tab)
        var line = ""
        try session.waitFor("completion of \(typed)", timeout: timeout) { _ in
            line = try session.lastLine()
            return line != "\(Self.prompt) \(typed)"
        }
        return String(line.dropFirst(Self.prompt.count + 1))
    }

    func testSubcommandsStatementsOptionsAndValues() throws {
        let session = try startZsh()
        XCTAssertEqual(try complete(session, "dq help br"), "dq help breakdown")
        XCTAssertEqual(try complete(session, "dq rep"), "dq report")
        XCTAssertEqual(try complete(session, "dq --format s"), "dq --format svg")
        XCTAssertEqual(try complete(session, "dq --unit 亿"), "dq --unit 亿元")
        XCTAssertEqual(try complete(session, "dq check --fa"), "dq check --fail-on")
        XCTAssertEqual(try complete(session, "dq check --fail-on w"), "dq check --fail-on warning")
        XCTAssertEqual(try complete(session, "dq report --format m"), "dq report --format markdown")
        XCTAssertEqual(try complete(session, "dq import --tem"), "dq import --template")
    }

    func testStatementsThenSubjectsInsideAQuery() throws {
        let session = try startZsh()
        XCTAssertEqual(try complete(session, "dq -c 'tre"), "dq -c 'trend'")
        // The subjects come from dq itself (the default database, created on first use).
        XCTAssertTrue(try complete(session, "dq -c 'compare 三", timeout: 30).hasPrefix("dq -c 'compare 三公"))
    }
}
