import Foundation
import XCTest

/// The manual page is generated from the binary's help, and the bash completion knows the
/// subcommands, statements, formats and subjects (the zsh one: `ZshCompletionTests`).
final class InstallTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private func shell(_ script: String, environment: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.environment = ["PATH": DQProcess.binary.deletingLastPathComponent().path + ":/usr/bin:/bin"]
            .merging(environment) { _, new in new }
        process.currentDirectoryURL = Self.root
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, script)
        return String(decoding: data, as: UTF8.self)
    }

    func testTheManualPageIsTheHelp() throws {
        let page = try shell("python3 scripts/make_man.py '\(DQProcess.binary.path)'")
        XCTAssertTrue(page.contains(".TH DQ 1"), page)
        for heading in ["概要", "子命令 query", "子命令 init", "子命令 import", "子命令 check", "交互界面与元命令", "语句"] {
            XCTAssertTrue(page.contains(".SH \(heading)\n"), heading)
        }
        let help = try DQProcess.run(["help", "import"]).stdout
        XCTAssertTrue(page.contains(help.split(separator: "\n")[2]), "the import usage line")
        for statement in HelpTests.verbs { XCTAssertTrue(page.contains("\n\(statement)"), statement) }
        XCTAssertTrue(page.contains("\\&.mode") || page.contains("  .mode"), "meta-commands listed")
    }

    /// `make install`'s files (without its release build): the binary, the manual page and
    /// both completions under DESTDIR/PREFIX, and the installed dq runs.
    func testInstallPutsBinaryManualAndCompletionsUnderPrefix() throws {
        let stage = try DQProcess.temporaryDirectory(self).path
        _ = try shell("make -s install-files DESTDIR='\(stage)' PREFIX=/opt/dq DQ='\(DQProcess.binary.path)' >/dev/null")
        let prefix = stage + "/opt/dq"
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: prefix + "/bin/dq"))
        let manual = try String(contentsOfFile: prefix + "/share/man/man1/dq.1", encoding: .utf8)
        XCTAssertTrue(manual.hasPrefix(".TH DQ 1") || manual.contains("\n.TH DQ 1"), String(manual.prefix(200)))
        XCTAssertEqual(try String(contentsOfFile: prefix + "/share/bash-completion/completions/dq", encoding: .utf8),
                       try String(contentsOf: Self.root.appendingPathComponent("completions/dq.bash"), encoding: .utf8))
        XCTAssertEqual(try String(contentsOfFile: prefix + "/share/zsh/site-functions/_dq", encoding: .utf8),
                       try String(contentsOf: Self.root.appendingPathComponent("completions/_dq"), encoding: .utf8))
        XCTAssertTrue(try shell("'\(prefix)/bin/dq' --version").contains("dq"))
    }

    func testBashCompletionKnowsStatementsFormatsAndSubjects() throws {
        let home = try DQProcess.temporaryDirectory(self)
        func complete(_ words: [String]) throws -> [String] {
            let array = words.map { "'\($0)'" }.joined(separator: " ")
            let output = try shell("""
                source completions/dq.bash
                COMP_WORDS=(\(array)); COMP_CWORD=\(words.count - 1)
                _dq; printf '%s\\n' "${COMPREPLY[@]}"
                """, environment: ["HOME": home.path, "XDG_DATA_HOME": home.path + "/data"])
            return output.split(separator: "\n").map(String.init)
        }
        XCTAssertEqual(try complete(["dq", "help", "br"]), ["breakdown"])
        XCTAssertEqual(Set(try complete(["dq", "c"])), ["check", "compare", "codes"])
        XCTAssertEqual(try complete(["dq", "--format", "j"]), ["json", "jsonl"])
        XCTAssertEqual(try complete(["dq", "-c", "\"tre"]), ["trend"])
        XCTAssertTrue(try complete(["dq", "-c", "\"compare 三"]).contains("\"compare 三公"))
        XCTAssertTrue(try complete(["dq", "check", "--fa"]) == ["--fail-on"])
        XCTAssertEqual(try complete(["dq", "rep"]), ["report"])
        XCTAssertEqual(try complete(["dq", "--format", "s"]), ["svg"])
        XCTAssertEqual(try complete(["dq", "report", "--format", ""]), ["html", "markdown"])
        XCTAssertEqual(Set(try complete(["dq", "report", "-"])), ["--db", "--memory", "--for", "--year", "--kind", "--format", "--unit", "--source", "-o", "--help"])
        XCTAssertEqual(try complete(["dq", "report", "--kind", ""]), ["决算", "预算"])
    }
}
