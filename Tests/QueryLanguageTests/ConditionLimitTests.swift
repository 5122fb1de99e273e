import Core
import XCTest
@testable import QueryLanguage

/// Long or deep conditions: refused with Q110/Q111 past the documented limits, and every
/// condition within them runs in SQLite (no "parser stack overflow", no stack overflow here).
final class ConditionLimitTests: XCTestCase {
    private func and(_ count: Int) -> String {
        "projects where " + Array(repeating: "adjusted > 1", count: count).joined(separator: " and ")
    }

    func testVeryLongChainsAreRefusedNotCrashing() throws {
        let harness = try QueryHarness.seed()
        for line in [and(24_000),
                     "projects where adjusted" + String(repeating: " + adjusted", count: 24_000) + " > 1",
                     "projects where " + Array(repeating: "adjusted > 1", count: 24_000).joined(separator: " or ")] {
            XCTAssertEqual(harness.diagnostic(line)?.code, "Q111", String(line.prefix(60)))
        }
    }

    func testConditionsAtTheLimitsRunInSQLite() throws {
        let harness = try QueryHarness.seed()
        let lines = [
            and(SyntaxError.maximumOperators + 1),
            "projects where " + Array(repeating: "adjusted > 1", count: SyntaxError.maximumOperators + 1).joined(separator: " or "),
            "projects where adjusted" + String(repeating: " * 2", count: SyntaxError.maximumOperators) + " > 1",
            "projects where adjusted" + String(repeating: " + initial", count: SyntaxError.maximumOperators) + " > 1",
            "projects where " + String(repeating: "not ", count: SyntaxError.maximumNesting) + "adjusted > 1",
            "projects where " + String(repeating: "(adjusted > 1 or not ", count: SyntaxError.maximumNesting / 2)
                + "adjusted > 2" + String(repeating: ")", count: SyntaxError.maximumNesting / 2),
        ]
        for line in lines {
            XCTAssertNoThrow(try harness.rows(line), String(line.prefix(60)))
        }
        XCTAssertEqual(harness.diagnostic(and(SyntaxError.maximumOperators + 2))?.code, "Q111")
    }

    /// A flat `and` chain compiles to one flat SQL list: its parentheses nest no deeper for
    /// 50 terms than for 2.
    func testAndChainCompilesFlat() throws {
        let harness = try QueryHarness.seed()
        XCTAssertEqual(try depth(harness.compile(and(50)).text), try depth(harness.compile(and(2)).text))
    }

    private func depth(_ sql: String) -> Int {
        var deepest = 0, current = 0
        for character in sql {
            if character == "(" { current += 1; deepest = max(deepest, current) }
            if character == ")" { current -= 1 }
        }
        return deepest
    }
}

/// Did-you-mean stays bounded: a huge mistyped name gets no suggestion (at once), a
/// normal one still gets its suggestion.
final class SuggestionBoundTests: XCTestCase {
    func testHugeNameGetsNoSuggestionAndANormalOneDoes() throws {
        let candidates = (0..<2_000).map { "单位名称第\($0)号" } + ["区委办公室"]
        XCTAssertEqual(NameSuggestions.closest(to: String(repeating: "区", count: 1 << 20), among: candidates), [])
        XCTAssertEqual(NameSuggestions.closest(to: "区委办公", among: candidates).first, "区委办公室")
        let harness = try QueryHarness.seed()
        let diagnostic = harness.diagnostic("summary for " + String(repeating: "区", count: 1 << 20))
        XCTAssertEqual(diagnostic?.code, "Q204", "an unknown unit, reported")
        XCTAssertFalse(diagnostic?.hints.joined().contains("您是否想输入") ?? true, "no suggestion for a 1 MB name")
    }
}

/// `find` text is one full-text phrase, whatever follows a `"`.
final class FindQuotingTests: XCTestCase {
    func testCombiningMarkAfterQuoteDoesNotOpenTheQuery() throws {
        let harness = try QueryHarness.seed()
        XCTAssertFalse(try harness.rows("find '慰问'").isEmpty, "the seed mentions 慰问")
        // Unquoted, `OR 慰问` would match every paragraph naming 慰问.
        XCTAssertEqual(try harness.rows("find 'zz\"\u{301} OR \"慰问'").count, 0)
        XCTAssertEqual(try harness.rows("find 'zz\"\u{301} OR 慰问 *'").count, 0)
    }
}
