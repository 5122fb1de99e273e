import Core
import Foundation
import XCTest

/// Scripts: `-f FILE`, `-f -`, piped stdin, `.read`, `-c`, `--keep-going`; where errors
/// point and what still runs after one.
final class ScriptTests: XCTestCase {
    /// Line 3 has an unknown subject (三工 at column 9); line 4 prints a marker.
    private let failingScript = """
        years
        # 注释：第 2 行
        compare 三工 2022 2023
        sql SELECT 'line-4-ran' AS marker

        """

    private func write(_ text: String, named name: String) throws -> String {
        let url = try DQProcess.temporaryDirectory(self).appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Asserts `stderr` holds `FILE:LINE:COL: error[CODE]` for the first diagnostic, then
    /// the source line and a caret line whose carets sit under `span` in that line.
    private func assertDiagnostic(_ stderr: String, file: String, line: Int, column: Int, code: String,
                                  source: String, span: String, _ location: StaticString = #filePath, lineNumber: UInt = #line) {
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertTrue(lines.first?.hasPrefix("\(file):\(line):\(column): error[\(code)]: ") == true,
                      "first line: \(lines.first ?? "")\n\(stderr)", file: location, line: lineNumber)
        guard let index = lines.firstIndex(where: { $0.hasSuffix(source) }), index + 1 < lines.count else {
            return XCTFail("no source line «\(source)» in\n\(stderr)", file: location, line: lineNumber)
        }
        let before = lines[index].components(separatedBy: span)[0]
        XCTAssertEqual(lines[index + 1], String(repeating: " ", count: DisplayWidth.of(before)) + String(repeating: "^", count: DisplayWidth.of(span)),
                       "caret line under «\(span)»:\n\(stderr)", file: location, line: lineNumber)
    }

    // MARK: -f, -f -, piped stdin

    func testScriptStopsAtTheFirstError() throws {
        let path = try write(failingScript, named: "audit.dq")
        let result = try DQProcess.run(["--memory", "-f", path])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("year\tunits"), result.stdout)
        XCTAssertFalse(result.stdout.contains("line-4-ran"), result.stdout)
        assertDiagnostic(result.stderr, file: path, line: 3, column: 9, code: "Q201",
                         source: "compare 三工 2022 2023", span: "三工")
    }

    func testKeepGoingRunsTheRestAndStillFails() throws {
        let path = try write(failingScript, named: "audit.dq")
        let result = try DQProcess.run(["--memory", "-f", path, "--keep-going"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("year\tunits"), result.stdout)
        XCTAssertTrue(result.stdout.hasSuffix("marker\nline-4-ran\n"), result.stdout)
        assertDiagnostic(result.stderr, file: path, line: 3, column: 9, code: "Q201",
                         source: "compare 三工 2022 2023", span: "三工")
    }

    func testDashFAndPipedStdinBehaveTheSame() throws {
        let dash = try DQProcess.run(["--memory", "-f", "-"], stdin: failingScript)
        let piped = try DQProcess.run(["--memory"], stdin: failingScript)
        for result in [dash, piped] {
            XCTAssertEqual(result.status, 1)
            XCTAssertFalse(result.stdout.contains("line-4-ran"), result.stdout)
            assertDiagnostic(result.stderr, file: "<stdin>", line: 3, column: 9, code: "Q201",
                             source: "compare 三工 2022 2023", span: "三工")
        }
        XCTAssertEqual(dash.stdout, piped.stdout)
        XCTAssertEqual(dash.stderr, piped.stderr)

        // The same script from a file differs only in the file name.
        let path = try write(failingScript, named: "same.dq")
        let file = try DQProcess.run(["--memory", "-f", path])
        XCTAssertEqual(file.stdout, piped.stdout)
        XCTAssertEqual(file.stderr, piped.stderr.replacingOccurrences(of: "<stdin>:", with: "\(path):"))

        let keepGoing = try DQProcess.run(["--memory", "--keep-going"], stdin: failingScript)
        XCTAssertEqual(keepGoing.status, 1)
        XCTAssertTrue(keepGoing.stdout.hasSuffix("marker\nline-4-ran\n"), keepGoing.stdout)
    }

    func testNoPromptOrBannerWhenStdinIsNotATerminal() throws {
        let piped = try DQProcess.run(["--memory"], stdin: "years\nsql SELECT 1 AS one\n")
        let oneShot = try DQProcess.run(["--memory", "-c", "years; sql SELECT 1 AS one"])
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertEqual(piped.stderr, "")
        XCTAssertEqual(piped.stdout, oneShot.stdout)
        XCTAssertFalse(piped.stdout.contains("dq>"))
        XCTAssertFalse(piped.stdout.contains("部门决算查询"))

        let empty = try DQProcess.run(["--memory"], stdin: "")
        XCTAssertEqual(empty.status, 0)
        XCTAssertEqual(empty.stdout, "")
        XCTAssertEqual(empty.stderr, "")
    }

    /// stdout a terminal, stdin a pipe: still no prompt and no banner, tables for the eye.
    func testNoPromptOrBannerOnATerminalWhenStdinIsAPipe() throws {
        let session = try TmuxSession(self, shellCommand: "printf 'years\\n' | env -i {env} {dq} --memory; echo \"exit=$?\"")
        let screen = try session.waitFor(text: "exit=")
        XCTAssertTrue(screen.contains("exit=0"), screen)
        XCTAssertTrue(screen.hasPrefix("年度"), screen)
        XCTAssertFalse(screen.contains("dq>"), screen)
        XCTAssertFalse(screen.contains("部门决算查询"), screen)
    }

    func testScriptFilesWithWindowsLineEndings() throws {
        let script = failingScript.replacingOccurrences(of: "\n", with: "\r\n")
        let path = try write(script, named: "windows.dq")
        // (Swift's "\r\n" is one Character: splitting a String on "\n" finds no line break.)
        for result in [try DQProcess.run(["--memory", "-f", path]), try DQProcess.run(["--memory"], stdin: script)] {
            let shown = "status \(result.status)\nstdout:\n\(result.stdout)\nstderr:\n\(result.stderr)"
            XCTAssertEqual(result.status, 1, "the error on line 3 must fail the script: " + shown)
            XCTAssertTrue(result.stdout.hasPrefix("year\tunits"), "line 1 should run: " + shown)
            XCTAssertFalse(result.stdout.contains("line-4-ran"), shown)
            XCTAssertTrue(result.stderr.contains(":3:9: error[Q201]: "), "the error on line 3 is reported: " + shown)
        }
        let clean = try DQProcess.run(["--memory"], stdin: "years\r\nsql SELECT 2 AS two\r\n")
        XCTAssertEqual(clean.status, 0, clean.stderr)
        XCTAssertTrue(clean.stdout.hasSuffix("two\n2\n"), clean.stdout)
    }

    func testAMissingScriptFileFails() throws {
        let path = try DQProcess.temporaryDirectory(self).appendingPathComponent("nope.dq").path
        let result = try DQProcess.run(["--memory", "-f", path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains(path), result.stderr)
        XCTAssertEqual(result.stdout, "")
    }

    // MARK: .read

    func testReadRunsAScriptInsideAScript() throws {
        let inner = try write("sql SELECT 'inner-1' AS m\n\nsql SELECT 'inner-3' AS m\n", named: "inner.dq")
        let outer = try write("sql SELECT 'outer-1' AS m\n.read \(inner)\nsql SELECT 'outer-3' AS m\n", named: "outer.dq")
        let result = try DQProcess.run(["--memory", "-f", outer])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(result.stdout, "m\nouter-1\nm\ninner-1\nm\ninner-3\nm\nouter-3\n")
    }

    func testErrorsInAReadScriptNameTheInnerFileAndLine() throws {
        let inner = try write("sql SELECT 'inner-1' AS m\n\ncompare 三工 2022 2023\nsql SELECT 'inner-4' AS m\n", named: "inner.dq")
        let outer = try write("sql SELECT 'outer-1' AS m\n.read \(inner)\nsql SELECT 'outer-3' AS m\n", named: "outer.dq")
        let result = try DQProcess.run(["--memory", "-f", outer])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "m\nouter-1\nm\ninner-1\n")
        assertDiagnostic(result.stderr, file: inner, line: 3, column: 9, code: "Q201",
                         source: "compare 三工 2022 2023", span: "三工")

        // Piped in, the outer script is <stdin> but the inner error still names its file.
        let piped = try DQProcess.run(["--memory"], stdin: ".read \(inner)\n")
        XCTAssertEqual(piped.status, 1)
        XCTAssertTrue(piped.stderr.hasPrefix("\(inner):3:9: error[Q201]"), piped.stderr)
    }

    /// `--keep-going` applies to every script line, those of a `.read` script included.
    func testKeepGoingAppliesInsideReadScripts() throws {
        let inner = try write("compare 三工 2022 2023\nsql SELECT 'inner-2' AS m\n", named: "inner.dq")
        let outer = try write(".read \(inner)\nsql SELECT 'outer-2' AS m\n", named: "outer.dq")
        let result = try DQProcess.run(["--memory", "--keep-going", "-f", outer])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("outer-2"), result.stdout)
        XCTAssertTrue(result.stdout.contains("inner-2"), "the inner script stopped at its error:\n" + result.stdout)
    }

    func testAScriptThatReadsItselfStops() throws {
        let url = try DQProcess.temporaryDirectory(self).appendingPathComponent("self.dq")
        try Data("sql SELECT 'once' AS m\n.read \(url.path)\n".utf8).write(to: url)
        let result = try DQProcess.run(["--memory", "-f", url.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("\(url.path):2:1: error[Q100]"), result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("m\nonce\n"), result.stdout)
    }

    // MARK: -c

    func testCommandLineErrorsPointIntoTheCommand() throws {
        let result = try DQProcess.run(["--memory", "-c", "compare 三工 2022 2023"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "")
        assertDiagnostic(result.stderr, file: "<command-line>", line: 1, column: 9, code: "Q201",
                         source: "compare 三工 2022 2023", span: "三工")
    }

    /// COL counts characters (not bytes, not screen columns) across `;`-separated statements,
    /// and the statements before the error have run.
    func testCommandLineColumnsCountCharacters() throws {
        let command = "use 区委办; years; compare 三工 2022 2023; sql SELECT 'after' AS m"
        let result = try DQProcess.run(["--memory", "-c", command])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.hasPrefix("year\tunits"), result.stdout)
        XCTAssertFalse(result.stdout.contains("after"), result.stdout)
        let column = command.distance(from: command.startIndex, to: command.range(of: "三工")!.lowerBound) + 1
        XCTAssertEqual(column, 25)
        assertDiagnostic(result.stderr, file: "<command-line>", line: 1, column: column, code: "Q201",
                         source: command, span: "三工")
    }
}
