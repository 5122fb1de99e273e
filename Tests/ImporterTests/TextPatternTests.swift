import Foundation
import XCTest
@testable import Importer

/// The readers' own regular expressions: semantics, errors, and agreement with Swift Regex
/// on every pattern the readers use over every line of the fixture documents.
final class TextPatternTests: XCTestCase {
    private func first(_ pattern: String, _ text: String) throws -> [String?]? {
        try TextPattern(pattern).firstMatch(in: text)
    }

    func testLiteralsClassesAndCaptures() throws {
        XCTAssertEqual(try first(#"本年收入合计([0-9]+(?:\.[0-9]+)?)万元"#, "一、本年收入合计1,084.36万元；本年收入合计636.03万元"),
                       ["本年收入合计636.03万元", "636.03"])
        XCTAssertEqual(try first(#"[(（](\d{3})[)）]"#, "一般公共服务(201）支出"), ["(201）", "201"])
        XCTAssertEqual(try first(#"[^，。]+，"#, "甲乙，丙。"), ["甲乙，"])
        XCTAssertEqual(try first(#"[-－—]"#, "A－B"), ["－"])
        XCTAssertEqual(try first(#"[0-9A-Za-z]{3,}"#, "x 51090423T"), ["51090423T"])
        XCTAssertNil(try first(#"^\d+$"#, "12a"))
        // \d and \s are Unicode's digits and spaces (a full-width ２ and the ideographic space).
        XCTAssertEqual(try first(#"\d+\s"#, "共２０　人"), ["２０　"])
        XCTAssertEqual(try first(#"a\.b"#, "axb a.b"), ["a.b"])
    }

    func testGreedyLazyAndAlternationOrder() throws {
        XCTAssertEqual(try first(#"(.+)元"#, "甲1元乙2元"), ["甲1元乙2元", "甲1元乙2"])
        XCTAssertEqual(try first(#"(.+?)元"#, "甲1元乙2元"), ["甲1元", "甲1"])
        XCTAssertEqual(try first(#"(增长|增)(\d+)"#, "增长12"), ["增长12", "增长", "12"])
        XCTAssertEqual(try first(#"(增|增长)(\d*)"#, "增长12"), ["增", "增", ""])
        XCTAssertEqual(try first(#"x{2}"#, "xxx"), ["xx"])
        XCTAssertEqual(try first(#"x{1,2}?y"#, "xxy"), ["xxy"])
        XCTAssertEqual(try first(#"x{0,2}?"#, "xx"), [""])
        XCTAssertEqual(try first(#"x{2,}"#, "xxxx"), ["xxxx"])
    }

    func testCapturesOfAbandonedBranchesAreCleared() throws {
        // The first branch captures 甲 and fails; its capture must not survive.
        XCTAssertEqual(try first(#"(?:(甲)乙|甲丙)"#, "甲丙"), ["甲丙", nil])
        XCTAssertEqual(try first(#"完成(?:，(占(\d+)%))?"#, "完成，占x"), ["完成", nil, nil])
    }

    func testDotStopsAtLineBreaksAsSwiftRegexDoes() throws {
        XCTAssertNil(try first("a.", "a\r"))
        XCTAssertEqual(try TextPattern(".").allMatches(in: "x\r\n\u{0B}\u{0C}\u{85}\u{2028}\u{2029}y").map { $0[0] }, ["x", "y"])
        // A search may start anywhere, even before the text.
        XCTAssertEqual(try TextPattern("y").firstMatch(in: Array("xy".unicodeScalars), from: -3)?[0], 1..<2)
    }

    func testDigitsAreDecimalDigitsOnly() throws {
        // Unlike Swift Regex, \d does not take numeric characters such as 万 or 三.
        XCTAssertEqual(try first(#"(\d[\d.]*)"#, "增长44.34万元"), ["44.34", "44.34"])
        XCTAssertNil(try first(#"\d"#, "三万"))
    }

    func testSearchSkipsToWhereAMatchCanStart() throws {
        // The scalars a match begins with: a class, a literal, an alternation's; none past an anchor.
        XCTAssertNotNil(try TextPattern(#"(\d[\d.,]*)万元?，占"#).firstSet)
        XCTAssertNotNil(try TextPattern(#"(增长|下降)(\d+)"#).firstSet)
        XCTAssertNil(try TextPattern(#"(?:^|[^宾])接待"#).firstSet)
        XCTAssertNil(try TextPattern(#"(?:甲)?乙"#).firstSet)
        // Skipping finds what trying every position finds, non-ASCII digits included (٣ is \d).
        XCTAssertEqual(try first(#"(\d[\d.,]*)万元?，占"#, "共计٣万元，占"), ["٣万元，占", "٣"])
        XCTAssertEqual(try first(#"(增长|下降)(\d+)"#, "其中下降12，增长3"), ["下降12", "下降", "12"])
        XCTAssertEqual(try first(#"[^宾]接待"#, "外宾接待，主接待"), ["主接待"])
        XCTAssertEqual(try first(#"(?:甲)?乙"#, "丙乙"), ["乙"])
        XCTAssertEqual(try TextPattern(#"\d+(?=万)"#).allMatches(in: "1万、22元、333万"), [["1"], ["333"]])
    }

    func testSearchSkipsStartsThatCannotMatch() throws {
        // A literal every match holds near its start: starts too far before it are not tried.
        let reception = try TextPattern(#"(?:^|[^宾])接待(\d+)批次"#)
        XCTAssertEqual(reception.requiredLiteral?.scalars, Array("接待".unicodeScalars.map(\.value)))
        XCTAssertEqual(reception.allMatches(in: "接待3批次，外宾接待4批次，另接待5批次"), [["接待3批次", "3"], ["另接待5批次", "5"]])
        XCTAssertNil(try first(#"(?:完成|为)(年初预算|预算数?)的(\d+)%"#, "完成年初预算95%，为预算的"))
        XCTAssertEqual(try first(#"(?:完成|为)(年初预算|预算数?)的(\d+)%"#, "为为完成预算数的95%"), ["完成预算数的95%", "预算数", "95"])
        // A number whose first digit failed is not tried again from its other digits.
        XCTAssertTrue(try TextPattern(#"(\d[\d.,]*)万元?，占"#).skipsAfterFailure)
        XCTAssertTrue(try TextPattern(#"\d[\d.,]*(?=万)"#).skipsAfterFailure)
        XCTAssertFalse(try TextPattern(#"\d[a-z]*万"#).skipsAfterFailure)
        XCTAssertEqual(try first(#"(\d[\d.,]*)万元?，占"#, "12.5万元，共3,4万，占"), ["3,4万，占", "3,4"])
        XCTAssertEqual(try TextPattern(#"\d[\d.,]*(?=万)"#).allMatches(in: "12元3.5万、7,8万"), [["3.5"], ["7,8"]])
    }

    func testSearchChecksTheLiteralAtItsOffsetAndTheScalarAfterARun() throws {
        // A literal at one offset from every match's start is compared before the machine runs.
        let label = try TextPattern(#"公务用车购置费?(?:支出)?(\d+)万"#)
        XCTAssertEqual(label.fixedLiteral?.scalars, Array("公务用车购置".unicodeScalars.map(\.value)))
        XCTAssertEqual(label.fixedLiteral?.minBefore, 0)
        let afterDigit = try TextPattern(#"(\d)年公务用车"#)
        XCTAssertEqual(afterDigit.fixedLiteral?.scalars, Array("年公务用车".unicodeScalars.map(\.value)))
        XCTAssertEqual(afterDigit.fixedLiteral?.minBefore, 1)
        XCTAssertNil(try TextPattern(#"\d+公务用车"#).fixedLiteral)
        XCTAssertEqual(label.allMatches(in: "公务用车运行3万，公务公务用车购置4万、公务用车购置费支出5万"),
                       [["公务用车购置4万", "4"], ["公务用车购置费支出5万", "5"]])
        XCTAssertEqual(try first(#"(\d)年公务用车"#, "2年公务，3年公务用车"), ["3年公务用车", "3"])
        XCTAssertNil(try first(#"公务用车购置"#, "公务用车购"))
        // The scalar a set run must be followed by: runs followed by another are skipped whole.
        XCTAssertEqual(try TextPattern(#"(\d[\d.,]*)万元?，占"#).runFollower?.follower, "万".unicodeScalars.first!.value)
        XCTAssertEqual(try TextPattern(#"\d[\d.,]*(?=万)"#).runFollower?.follower, "万".unicodeScalars.first!.value)
        XCTAssertNil(try TextPattern(#"\d[\d.,]*5"#).runFollower)   // the run holds 5
        XCTAssertNil(try TextPattern(#"\d[\d.,]*(?!万)"#).runFollower)
        XCTAssertEqual(try TextPattern(#"\d[\d.,]*(?=万)"#).allMatches(in: "2023年1,2.3元4万5.6万7"), [["4"], ["5.6"]])
        XCTAssertEqual(try first(#"(\d[\d.,]*)万元?，占"#, "1.2万元，3,4万，占5"), ["3,4万，占", "3,4"])
        XCTAssertNil(try first(#"\d[\d.,]*万"#, "12.5"))
        XCTAssertEqual(try first(#"\d[\d.,]*万"#, "٣٤万"), ["٣٤万"])
    }

    func testCompleteSetsAnswerEveryScalarAsTheirItemsDo() {
        let sets: [ScalarSet] = [
            ScalarSet(items: [.digit(true), .range(0x2C...0x2E)]),
            ScalarSet(items: [.range(0x589E...0x589E), .range(0x4E0B...0x4E0B), .range(0x964D...0x964D), .range(0x5E45...0x5E45)]),
            ScalarSet(items: [.range(0xFF0C...0xFF0C), .range(0x3002...0x3002), .digit(true), .range(0x25...0x25)], negated: true),
            ScalarSet(items: [.range(0x41...0x5A), .range(0x3000...0x303F), .space(true)]),
            ScalarSet(items: [.digit(false)]),
            ScalarSet(items: [.range(0x61...0x7A)]),
        ]
        for set in sets {
            let complete = set.withASCIIMembers()
            for value: UInt32 in 0...0x10FFFF where complete.contains(value) != set.contains(value) {
                XCTFail("\(set.items) U+" + String(value, radix: 16, uppercase: true))
            }
        }
    }

    func testDigitsAreThoseOfUnicodeNumericTypeDecimal() {
        for value: UInt32 in 0...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if ScalarSet.isDigit(value) != (scalar.properties.numericType == .decimal) {
                XCTFail("U+" + String(value, radix: 16, uppercase: true))
            }
        }
    }

    func testLookaheadAndAnchors() throws {
        XCTAssertEqual(try first(#"\d+(?=万)"#, "12元 34万"), ["34"])
        XCTAssertEqual(try first(#"年初预算(\d+)万(?!元)"#, "年初预算5万元，年初预算6万"), ["年初预算6万", "6"])
        XCTAssertEqual(try first(#"(?:^|[^宾])接待(\d+)"#, "接待3批次"), ["接待3", "3"])
        XCTAssertEqual(try first(#"(?:^|[^宾])接待(\d+)"#, "外宾接待3、国内接待4"), ["内接待4", "4"])
        XCTAssertNil(try first(#"^乙"#, "甲乙"))
        XCTAssertEqual(try first(#"乙$"#, "乙甲乙"), ["乙"])
    }

    func testAllMatchesDoNotOverlapAndStepPastEmptyOnes() throws {
        let pattern = try TextPattern(#"(\d+)万"#)
        XCTAssertEqual(pattern.allMatches(in: "1万22万元333万"), [["1万", "1"], ["22万", "22"], ["333万", "333"]])
        XCTAssertEqual(try TextPattern("x*").allMatches(in: "axxb").map { $0[0] }, ["", "xx", "", ""])
        XCTAssertEqual(pattern.allMatches(in: ""), [])
    }

    /// Patterns that backtrack exponentially (or cubically) on unlucky text: once the memo
    /// starts, each (instruction, position) runs at most once and is tried at most twice (as
    /// the next step and as a branch), lookaheads' included, and the search still finds the
    /// right match.
    func testUnluckyTextStaysLinear() throws {
        for (source, text, expected) in [("(?:a|a)*c|b", String(repeating: "a", count: 2000) + "b", Optional(2000..<2001)),
                                         ("(.*?)(.*?)(.*?)x", String(repeating: "y", count: 400), nil),
                                         ("(?=(?:a|a)*b)a|c", String(repeating: "a", count: 2000) + "c", Optional(2000..<2001))] {
            let pattern = try TextPattern(source)
            let scalars = Array(text.unicodeScalars)
            var machine = PatternMachine(text: scalars, slots: 2 * (pattern.groupCount + 1))
            var found: Range<Int>?
            for start in 0...scalars.count where found == nil {
                if machine.run(pattern.program, pattern.lookaheads, at: start) { found = machine.ranges()[0] }
            }
            XCTAssertEqual(found, expected, source)
            XCTAssertGreaterThan(machine.steps, PatternMachine.stepsBeforeMemo, "the memo should have started")
            let instructions = pattern.program.count + pattern.lookaheads.reduce(0) { $0 + $1.count }
            let bound = PatternMachine.stepsBeforeMemo * (1 + pattern.lookaheads.count) + 2 * instructions * (scalars.count + 1)
            XCTAssertLessThanOrEqual(machine.steps, bound, source)
            XCTAssertEqual(pattern.firstMatch(in: scalars)?[0], expected)
        }
    }

    func testSyntaxErrorsNameTheProblemAndItsOffset() {
        func error(_ pattern: String) -> PatternSyntaxError? {
            do { _ = try TextPattern(pattern); return nil } catch { return error }
        }
        XCTAssertEqual(error("(甲"), PatternSyntaxError(message: "missing )", offset: 2))
        XCTAssertEqual(error("甲)"), PatternSyntaxError(message: "unbalanced )", offset: 1))
        XCTAssertEqual(error("*甲"), PatternSyntaxError(message: "nothing to repeat", offset: 0))
        XCTAssertEqual(error("甲^*")?.message, "nothing to repeat")
        XCTAssertEqual(error("(?:x?)*")?.message, "an unbounded repetition of something that can be empty")
        XCTAssertEqual(error("[甲")?.message, "missing ]")
        XCTAssertEqual(error("[z-a]")?.message, "a range whose end is below its start")
        XCTAssertEqual(error(#"\q"#), PatternSyntaxError(message: "unsupported escape \\q", offset: 1))
        XCTAssertEqual(error("x{3,1}")?.message, "a count {3,1} whose maximum is below its minimum")
        XCTAssertEqual(error("(?<n>x)")?.message, "unsupported group (?")
        XCTAssertEqual(error("x{1001}"), PatternSyntaxError(message: "a count above 1000", offset: 5))
        XCTAssertEqual(error("x{0,1001}")?.message, "a count above 1000")
        XCTAssertEqual(error("(?=(万))"), PatternSyntaxError(message: "a capture inside a lookahead (use (?:...))", offset: 3))
        XCTAssertEqual(error("(?:(?:a{1000}){1000}){20}")?.message, "a pattern too large once its counts are written out")
        // A brace that does not start a count is a literal.
        XCTAssertNil(error("x{a}"))
    }

    /// Every pattern literal in the readers, matched over every fixture line by TextPattern
    /// and by Swift Regex (matching scalars, as TextPattern does), must give the same matches
    /// and captures. Swift's `\d` also takes
    /// 万 and 一 (any numeric character), so it is given `\p{Nd}`, which is what `\d` means here.
    func testAgreesWithSwiftRegexOnTheReadersPatternsAndDocuments() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let sources = root.appendingPathComponent("Sources/Importer")
        var patterns: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: sources.path) where name.hasSuffix(".swift") {
            let code = try String(contentsOf: sources.appendingPathComponent(name), encoding: .utf8)
            for line in code.split(separator: "\n") where line.contains("SichuanPattern(") || line.contains("matches(")
                || line.contains("SentenceRule(") || line.contains("SlotPattern(")
                || line.contains("(#\"") && line.contains("\"#, [(") {
                var rest = Substring(line)
                while let open = rest.range(of: "#\""), let close = rest[open.upperBound...].range(of: "\"#") {
                    // Named slots (sentence rules) written out as plain groups.
                    patterns.append(SlotPattern.named(String(rest[open.upperBound..<close.lowerBound])).0)
                    rest = rest[close.upperBound...]
                }
            }
        }
        XCTAssertGreaterThan(patterns.count, 80, "the readers' pattern literals were not found")
        var lines: Set<String> = []
        for directory in ["fixtures/disclosures", "fixtures/disclosures/variants"] {
            let url = root.appendingPathComponent(directory)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path) where name.hasSuffix(".txt") {
                let text = try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
                lines.formUnion(text.split(separator: "\n").map { String($0).trimmingCharacters(in: .whitespaces) })
            }
        }
        var compared = 0, matched = 0
        for pattern in patterns {
            let ours = try TextPattern(pattern)
            let theirs = try Regex(pattern.replacingOccurrences(of: #"\d"#, with: #"\p{Nd}"#)).matchingSemantics(.unicodeScalar)
            // Lines without the pattern's required text are skipped (by the readers too).
            let filter = SichuanPattern(pattern)
            for line in lines where filter.mayMatch(line) {
                let expected = line.matches(of: theirs).map { match in
                    (0..<match.output.count).map { match.output[$0].substring.map(String.init) }
                }
                let actual = ours.allMatches(in: line)
                if actual != expected {
                    XCTFail("\(pattern) on «\(line)»: \(actual) ≠ \(expected)")
                    return
                }
                compared += 1
                matched += expected.count
            }
        }
        XCTAssertGreaterThan(matched, 1000, "too few matches to compare (\(compared) pattern × line pairs)")
    }
}
