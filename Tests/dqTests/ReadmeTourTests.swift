import Foundation
import XCTest

/// The README's first-session tour stays true: each `$ dq …` command in the block between
/// `<!-- tour -->` markers prints exactly the lines shown under it (trailing spaces aside).
/// The commands run in a fresh directory where `fixtures` is the repository's, as at the
/// repository's root (the tour imports the fixtures into a database of its own).
final class ReadmeTourTests: XCTestCase {
    func testTourOutputIsWhatTheCommandsPrint() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let directory = try DQProcess.temporaryDirectory(self)
        try FileManager.default.createSymbolicLink(at: directory.appendingPathComponent("fixtures"),
                                                   withDestinationURL: root.appendingPathComponent("fixtures"))
        let tour = try XCTUnwrap(readme.components(separatedBy: "<!-- tour -->").dropFirst().first?
            .components(separatedBy: "<!-- /tour -->").first)
        var commands: [(arguments: [String], expected: [String])] = []
        for line in tour.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("$ dq ") {
                commands.append((Self.arguments(String(line.dropFirst(5))), []))
            } else if !commands.isEmpty, line != "```" {
                commands[commands.count - 1].expected.append(line)
            }
        }
        XCTAssertGreaterThanOrEqual(commands.count, 5)
        for (arguments, expected) in commands {
            let result = try DQProcess.run(arguments, directory: directory)
            XCTAssertEqual(result.status, 0, result.stderr)
            let printed = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map { Self.trimmed($0) }
            let shown = expected.map { Self.trimmed(Substring($0)) }
            XCTAssertEqual(Self.dropTrailingBlanks(printed), Self.dropTrailingBlanks(shown), arguments.joined(separator: " "))
        }
    }

    /// Splits a shell-like command line: words separated by spaces, '…' quotes kept whole.
    static func arguments(_ text: String) -> [String] {
        var words: [String] = [], current = "", quoted = false, started = false
        for character in text {
            if character == "'" { quoted.toggle(); started = true; continue }
            if character == " " && !quoted {
                if started { words.append(current) }
                current = ""; started = false
                continue
            }
            current.append(character); started = true
        }
        if started { words.append(current) }
        return words
    }

    static func trimmed(_ line: Substring) -> String {
        String(line.reversed().drop { $0 == " " }.reversed())
    }

    static func dropTrailingBlanks(_ lines: [String]) -> [String] {
        var lines = lines
        while lines.last == "" { lines.removeLast() }
        return lines
    }
}
