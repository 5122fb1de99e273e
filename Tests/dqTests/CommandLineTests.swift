import Foundation
import Store
import TestSupport
import XCTest

/// The command line as a newcomer meets it: options before or after the subcommand, help
/// for every subcommand and statement, the version, and Chinese in every message.
final class CommandLineTests: XCTestCase {
    func testGlobalOptionsBeforeOrAfterTheSubcommand() throws {
        let after = try DQProcess.run(["check", "--memory", "--format", "csv"])
        let before = try DQProcess.run(["--memory", "--format", "csv", "check"])
        let mixed = try DQProcess.run(["--memory", "check", "--format", "csv"])
        XCTAssertTrue(after.stdout.hasPrefix("unit,severity,rule"), after.stdout + after.stderr)
        XCTAssertEqual(before.stdout, after.stdout)
        XCTAssertEqual(before.status, after.status)
        XCTAssertEqual(mixed.stdout, after.stdout)
        let db = try DQProcess.temporaryDirectory(self).appendingPathComponent("x.sqlite").path
        XCTAssertEqual(try DQProcess.run(["--db", db, "init"]).status, 0)
        let query = try DQProcess.run(["--db", db, "--format", "csv", "query", "-c", "years"])
        XCTAssertEqual(query.stdout, "year,units,disclosures,unit_names\r\n2023,1,1,中国共产党遂宁市安居区委员会办公室\r\n", query.stderr)
        let checked = try DQProcess.run(["--db", db, "--format", "tsv", "check"])
        XCTAssertTrue(checked.stdout.hasPrefix("unit\tseverity"), checked.stderr)
        // The value of an option is never taken for the subcommand.
        let value = try DQProcess.run(["--memory", "-c", "check", "--format", "tsv"])
        XCTAssertEqual(value.status, 0, value.stderr)
        XCTAssertTrue(value.stdout.hasPrefix("unit\tseverity"), value.stdout)
    }

    func testHelpForSubcommandsAndStatements() throws {
        for statement in HelpTests.verbs {
            let help = try DQProcess.run(["help", statement])
            XCTAssertEqual(help.status, 0, statement)
            let inREPL = try DQProcess.run(["--memory", "-c", ".help \(statement)"]).stdout
            XCTAssertTrue(inREPL.hasPrefix(statement), inREPL)
            XCTAssertTrue(help.stdout.contains(inREPL), statement + "\n" + help.stdout)
            XCTAssertEqual(try DQProcess.run([statement, "--help"]).stdout, help.stdout, statement)
        }
        for subcommand in ["query", "init", "import", "check"] {
            let help = try DQProcess.run(["help", subcommand])
            XCTAssertEqual(help.status, 0)
            XCTAssertTrue(help.stdout.contains("用法：dq \(subcommand)"), help.stdout)
            XCTAssertEqual(try DQProcess.run([subcommand, "--help"]).stdout, help.stdout)
            XCTAssertEqual(try DQProcess.run([subcommand, "-h"]).stdout, help.stdout)
        }
        let overview = try DQProcess.run(["--help"])
        XCTAssertEqual(try DQProcess.run(["help"]).stdout, overview.stdout)
        XCTAssertEqual(try DQProcess.run(["-h"]).stdout, overview.stdout)
        let unknown = try DQProcess.run(["help", "nothing"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("没有关于「nothing」的帮助"), unknown.stderr)
        let goldens = Goldens(besides: #filePath)
        goldens.assert(overview.stdout, named: "cli/help.txt")
        for subcommand in ["query", "init", "import", "check", "report"] {
            goldens.assert(try DQProcess.run(["help", subcommand]).stdout, named: "cli/help-\(subcommand).txt")
        }
    }

    func testVersionNamesSchemaAndSQLite() throws {
        let version = try DQProcess.run(["--version"])
        XCTAssertEqual(version.status, 0)
        let lines = version.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3, version.stdout)
        XCTAssertTrue(lines[0].range(of: #"^dq \d+\.\d+\.\d+$"#, options: .regularExpression) != nil, lines[0])
        XCTAssertEqual(lines[1], "数据库结构版本 \(DatabaseSetup.schemaVersion)")
        XCTAssertTrue(lines[2].range(of: #"^SQLite 3\.\d+\.\d+$"#, options: .regularExpression) != nil, lines[2])
    }

    /// Every help page and every usage error speaks Chinese: what is left after removing
    /// options, placeholders, paths, SQL and the names of statements, formats and values
    /// has no English word.
    func testHelpAndErrorsHaveNoEnglishWords() throws {
        var outputs: [(String, String)] = []
        for arguments in [["--help"], ["help", "query"], ["help", "init"], ["help", "import"], ["help", "check"], ["help", "report"]] {
            outputs.append((arguments.joined(separator: " "), try DQProcess.run(arguments).stdout))
        }
        let errors: [[String]] = [
            ["--nope"], ["extra"], ["--db"], ["--format", "xml", "-c", "years"], ["--unit", "美元", "-c", "years"],
            ["--memory", "--db", "x", "-c", "years"], ["-c", "a", "-f", "b"], ["import"], ["init", "--format", "csv"],
            ["check", "--year", "abc"], ["check", "--fail-on", "x"], ["help", "nothing"],
            ["--memory", "-c", "sql SELECT * FROM nowhere"], ["--memory", "-c", "sql SELEC 1"], ["--db", "/nonexistent/x.sqlite", "-c", "years"],
            ["import", "--template", "beijing", "x.txt"], ["--memory", "-c", ".schema nowhere"], ["--memory", "-c", ".output /"],
            ["--memory", "-c", ".pager maybe"], ["--memory", "-c", ".once"],
        ]
        for arguments in errors {
            let result = try DQProcess.run(arguments)
            XCTAssertNotEqual(result.status, 0, arguments.joined(separator: " "))
            XCTAssertFalse(result.stderr.isEmpty, arguments.joined(separator: " "))
            outputs.append((arguments.joined(separator: " "), result.stderr))
        }
        for (name, text) in outputs {
            let english = Self.englishWords(in: text)
            XCTAssertTrue(english.isEmpty, "\(name): \(english)\n\(text)")
        }
    }

    /// Words of three or more Latin letters outside what a message may name.
    static func englishWords(in text: String) -> [String] {
        var text = text
        for pattern in [#"--?[a-z][a-z-]*"#, #"\$[A-Z_]+"#, #"<[^>]*>"#, #"(?<![A-Za-z])/[^\s：（）]*"#, #"\([^()]*\)"#,
                        #"SQLite \d+：[^）]*"#, #"[a-z0-9_.]+\.(sqlite|txt|sql)"#, #"\^+"#, #"(?<![A-Za-z])\.[a-z]+"#] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        // SQL the user typed, shown back under a caret.
        text = text.split(separator: "\n").filter { !$0.hasPrefix("  sql ") && !$0.hasPrefix("  .") }.joined(separator: "\n")
        let names: Set<String> = Set(HelpTests.verbs + ["query", "init", "import", "check", "help", "dq", "table", "box", "csv",
            "tsv", "json", "jsonl", "markdown", "bar", "svg", "html", "HTML", "report", "error", "warning", "info", "sichuan", "shanghai", "shanghai_budget", "jiangsu_budget", "partial", "SQLite", "SQL", "UTF",
            "BOM", "Excel", "PDF", "GB18030", "less", "SRFX", "dqrc", "history", "sqlite", "Ctrl", "XDG_DATA_HOME",
            "beijing", "xml", "nothing", "nowhere", "abc", "extra", "nope", "where", "for", "maybe", "off",
            "severity", "rule", "family", "message", "unit", "year"])
        let words = text.split { !($0.isASCII && ($0.isLetter || $0 == "_")) }.map(String.init)
        return words.filter { $0.count >= 3 && !names.contains($0) }
    }
}
