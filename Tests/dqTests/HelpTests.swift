import TestSupport
import XCTest

/// `.help` documents every statement, and every example in it runs on the default data.
final class HelpTests: XCTestCase {
    static let verbs = ["summary", "compare", "breakdown", "trend", "execution", "top", "projects", "indicators", "codes", "units",
                        "years", "subjects", "find", "source", "check", "explain", "sql", "use"]

    func testEveryStatementIsDocumented() throws {
        for verb in Self.verbs {
            let dotted = try DQProcess.run(["--memory", "-c", ".help \(verb)"])
            XCTAssertEqual(dotted.status, 0, verb)
            XCTAssertTrue(dotted.stdout.hasPrefix(verb), "\(verb): \(dotted.stdout)")
            XCTAssertEqual(try DQProcess.run(["--memory", "-c", "help \(verb)"]).stdout, dotted.stdout)
        }
        let unknown = try DQProcess.run(["--memory", "-c", "help nothing"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("没有关于「nothing」的帮助"))
    }

    func testEveryExampleRunsOnTheDefaultData() throws {
        let all = try DQProcess.run(["--memory", "-c", ".help all"]).stdout
        var examples: [String] = []
        var inExamples = false
        for line in all.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "  例：" { inExamples = true; continue }
            if inExamples, line.hasPrefix("    ") { examples.append(String(line.dropFirst(4))); continue }
            inExamples = false
        }
        XCTAssertGreaterThan(examples.count, 30)
        for example in examples {
            let result = try DQProcess.run(["--memory", "-c", example])
            XCTAssertEqual(result.status, 0, "\(example): \(result.stderr)")
            // check lists the rules it could not evaluate and its count line on stderr; nothing else may be there.
            let unexpected = result.stderr.split(separator: "\n").filter { !$0.hasPrefix("未能核对") && !$0.hasPrefix("合计：") }
            XCTAssertTrue(unexpected.isEmpty, "\(example): \(result.stderr)")
        }
    }

    func testOverviewGolden() throws {
        Goldens(besides: #filePath).assert(try DQProcess.run(["--memory", "-c", ".help"]).stdout, named: "help-overview.txt")
    }
}
