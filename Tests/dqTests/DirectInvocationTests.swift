import ArgumentParser
import Foundation
@testable import dq
import XCTest

/// A plain query command line is read without the argument parser (`DirectInvocation`); it
/// must ask for exactly what the parser reads from it, and every other command line must be
/// left to the parser.
final class DirectInvocationTests: XCTestCase {
    /// What the parser makes of `arguments` as `main` hands them over (help and version
    /// aside): a query or check run, or nil when they are neither or not valid.
    private func parsed(_ arguments: [String]) -> DirectInvocation.Run? {
        guard case .run(let reordered) = ArgumentOrder.request(arguments),
              let command = try? DQCommand.parseAsRoot(reordered) else { return nil }
        if let query = command as? QueryCommand { return .query(query.queryRun) }
        if let check = command as? CheckCommand { return .check(check.checkRun) }
        return nil
    }

    private func direct(_ arguments: [String]) -> DirectInvocation.Run? {
        guard case .run(let reordered) = ArgumentOrder.request(arguments) else { return nil }
        return DirectInvocation.run(reordered)
    }

    /// Command lines the direct path takes; the parser must read each the same way.
    static let plain: [[String]] = [
        [],
        ["-c", "years"],
        ["--db", "x.sqlite", "--format", "csv", "-c", "compare 三公 2023 2024 for 甲局, 乙局"],
        ["--format", "csv", "--db", "库 文件.sqlite", "--no-header", "-c", "sql SELECT 1"],
        ["-c", "summary 2023 for 中国共产党遂宁市安居区委员会办公室", "--db", "d"],
        ["--memory", "--unit", "元", "--bom", "--format", "tsv", "-c", "top 3 units by 支出"],
        ["--memory", "--unit", "亿元", "--keep-going", "--no-init", "-f", "script.dq"],
        ["--db", "d", "-f", "脚本.dq", "--format", "json"],
        ["-c", ""],
        ["-c", "check"],
        ["-c", "import"],
        ["-c", "help"],
        ["-c", "a;b", "--format", "jsonl"],
        ["--format", "markdown", "-c", "units where name ~ \"局\""],
        ["--no-header", "--no-init", "--keep-going", "--bom", "--memory"],
        ["check", "--db", "d", "--format", "csv"],
        ["--db", "库.sqlite", "check", "--for", "甲局", "--year", "2023", "--fail-on", "warning"],
        ["check", "--memory", "--rules"],
        ["check", "--memory"],
        ["--memory", "check"],
        ["--format", "tsv", "check", "--memory", "--unit", "元", "--no-header", "--bom", "--fail-on", "info"],
        ["check", "--for", "check", "--year", "+2023"],
    ]

    /// Command lines the direct path leaves to the parser (errors, other spellings, help).
    static let others: [[String]] = [
        ["query", "-c", "years"],
        ["--db=x", "-c", "years"],
        ["--format=csv", "-c", "years"],
        ["-c", "years", "--"],
        ["--", "-c", "years"],
        ["-c", "--", "years"],
        ["-c", "-1"],
        ["-c", "-"],
        ["-f", "-"],
        ["-c"],
        ["--db"],
        ["-c", "a", "-c", "b"],
        ["--no-header", "--no-header", "-c", "a"],
        ["-c", "a", "-f", "b"],
        ["--memory", "--db", "x", "-c", "a"],
        ["--format", "xml", "-c", "a"],
        ["--format", "CSV", "-c", "a"],
        ["--unit", "千元", "-c", "a"],
        ["-c", "a", "extra"],
        ["years"],
        ["-cyears"],
        ["-h"],
        ["--help"],
        ["--version"],
        ["help"],
        ["--generate-completion-script", "bash"],
        ["--keep-going=true", "-c", "a"],
        ["---db", "x"],
        ["--DB", "x", "-c", "a"],
        ["—db", "x", "-c", "a"],
        ["check", "--fail-on", "fatal"],
        ["check", "--year", "二〇二三"],
        ["check", "--year", "-1"],
        ["check", "-c", "years"],
        ["check", "--keep-going"],
        ["check", "--for=甲局"],
        ["check", "--db", "a", "--memory"],
        ["check", "--format", "html"],
        ["check", "extra"],
        ["check", "--help"],
        ["import", "--db", "d", "a.txt"],
        ["report", "--db", "d"],
        ["init", "--db", "d"],
    ]

    func testPlainCommandLinesReadAsTheParserReadsThem() throws {
        for arguments in Self.plain {
            let run = try XCTUnwrap(direct(arguments), "direct path refused \(arguments)")
            XCTAssertEqual(run, parsed(arguments), "\(arguments)")
        }
    }

    func testOtherCommandLinesAreLeftToTheParser() {
        for arguments in Self.others {
            XCTAssertNil(direct(arguments), "\(arguments)")
        }
    }

    /// Every sequence of up to four words from a pool of options, values and odd spellings:
    /// wherever the direct path answers, the parser answers the same.
    func testEveryShortCommandLineAgreesWithTheParser() {
        let pool = ["-c", "--db", "--format", "csv", "years", "-", "--memory", "check", "--year"]
        var lines: [[String]] = [[]]
        var taken = 0
        for _ in 1...4 {
            lines = lines.flatMap { line in pool.map { line + [$0] } }
            for arguments in lines {
                guard let run = direct(arguments) else { continue }
                taken += 1
                XCTAssertEqual(run, parsed(arguments), "\(arguments)")
            }
        }
        XCTAssertGreaterThan(taken, 50, "the direct path took too few command lines to compare")
    }

    /// The binary on both paths: `dq ARGS` (direct) and `dq query ARGS` (the parser, as
    /// `query` is a subcommand word) print the same bytes and exit the same way.
    func testBothPathsPrintTheSameAndExitTheSame() throws {
        let directory = try DQProcess.temporaryDirectory(self)
        let db = directory.appendingPathComponent("数据.sqlite").path
        XCTAssertEqual(try DQProcess.run(["init", "--db", db]).status, 0)
        let script = directory.appendingPathComponent("脚本.dq").path
        try Data("years\ncompare 三工 2022 2023\nsql SELECT 'after' AS marker\n".utf8).write(to: URL(fileURLWithPath: script))
        let environment = ["XDG_CONFIG_HOME": directory.path, "HOME": directory.path]
        let cases: [[String]] = [
            ["--db", db, "--format", "csv", "-c", "years"],
            ["--db", db, "--format", "csv", "--no-header", "-c", "summary 2023"],
            ["--db", db, "-c", "compare 三公 2022 2023 for 中国共产党遂宁市安居区委员会办公室", "--format", "tsv"],
            ["--db", db, "--format", "csv", "-c", "compare 三工 2022 2023"],
            ["--db", db, "-c", "summary 2023 for 不存在的单位"],
            ["--db", db, "--format", "json", "--unit", "元", "-c", "sql SELECT 1 AS one; sql SELECT x"],
            ["--db", db, "-f", script],
            ["--db", db, "--keep-going", "--format", "csv", "-f", script],
            ["--db", directory.appendingPathComponent("没有.sqlite").path, "-c", "years"],
            ["--memory", "--bom", "--format", "csv", "-c", "units"],
            ["--memory", "--format", "markdown", "-c", "check"],
        ]
        // The parser reads `dq query ARGS` (a subcommand word) and `--db=FILE` (an `=`).
        let checks: [[String]] = [
            ["check", "--db", db, "--format", "csv"],
            ["check", "--db", db, "--format", "tsv", "--fail-on", "info", "--year", "2023"],
            ["check", "--db", db, "--for", "不存在的单位"],
            ["check", "--db", db, "--year", "1999"],
            ["check", "--db", directory.appendingPathComponent("没有.sqlite").path],
        ]
        for arguments in cases + checks {
            XCTAssertNotNil(direct(arguments), "not a direct command line: \(arguments)")
            let fast = try DQProcess.run(arguments, environment: environment)
            let parser = try DQProcess.run(arguments.first == "check" ? arguments.map { $0 == "--db" ? "--db=" : $0 }
                .joinedEquals() : ["query"] + arguments, environment: environment)
            XCTAssertEqual(fast.stdout, parser.stdout, "\(arguments)")
            XCTAssertEqual(fast.stderr, parser.stderr, "\(arguments)")
            XCTAssertEqual(fast.status, parser.status, "\(arguments)")
        }
    }
}

private extension Array where Element == String {
    /// `["--db=", "FILE"]` joined into `["--db=FILE"]`.
    func joinedEquals() -> [String] {
        var joined: [String] = []
        for word in self {
            if let last = joined.last, last.hasSuffix("=") { joined[joined.count - 1] = last + word } else { joined.append(word) }
        }
        return joined
    }
}
