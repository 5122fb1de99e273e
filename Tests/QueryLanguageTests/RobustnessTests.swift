import Core
import XCTest
@testable import QueryLanguage

/// A small deterministic random number generator (SplitMix64).
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

final class RobustnessTests: XCTestCase {
    static let pieces: [String] = [
        "summary", "compare", "breakdown", "trend", "top", "units", "by", "projects", "indicators",
        "codes", "find", "source", "check", "explain", "sql", "use", "all", "where", "order", "asc",
        "desc", "limit", "of", "like", "for", "in", "depth", "basic", "project", "fund", "from", "to",
        "and", "or", "not", "三公", "因公出国（境）费", "区委办", "调整后预算", "2023", "2022", "2023年",
        "201", "31", "01", "2013101", "201.31.01", "4万", "90%", "０.９", "0", "1.5", "99999999999999999999",
        "(", ")", "（", "）", "<", "<=", "＜", "≥", "≠", "=", "==", "!=", "<>", "!", "~", "～", ",", "，",
        "+", "-", "*", "/", ";", "；", "#", "--", "'", "\"", "“", "”", "‘", "’", "「", "」", "''",
        " ", "  ", "\t", "\u{3000}", "a", "x1", "\u{1}", "\u{7F}", "é", "\u{301}", "🇨🇳", "\r\n", "\u{FEFF}",
    ]

    func testRandomInputsNeverCrashAndSpansStayInside() {
        var rng = SeededGenerator(state: 20_230_101)
        for _ in 0..<4000 {
            let count = Int.random(in: 1...14, using: &rng)
            var line = ""
            for _ in 0..<count {
                line += Self.pieces.randomElement(using: &rng) ?? ""
                if Bool.random(using: &rng) { line += " " }
            }
            check(line)
        }
    }

    func testPathologicalInputs() {
        check(String(repeating: "(", count: 5_000))
        check("check where " + String(repeating: "(", count: 5_000) + "a < b")
        check("check where " + String(repeating: "- ", count: 5_000) + "a < b")
        check("check where " + String(repeating: "not ", count: 5_000) + "a < b")
        check("check where " + Array(repeating: "a < b", count: 5_000).joined(separator: " and "))
        check("check where a" + String(repeating: " + a", count: 5_000) + " < b")
        check(String(repeating: "compare ", count: 5_000))
        check(String(repeating: "x", count: 30_000))
        check(String(repeating: ";", count: 10_000))
        check(String(repeating: "'", count: 10_001))
        check("\u{301}'\u{301};\u{301}#")
    }

    private func check(_ line: String, file: StaticString = #filePath, testLine: UInt = #line) {
        let length = line.count
        func inside(_ span: SourceSpan?) -> Bool {
            guard let span else { return false }
            return 0 <= span.start && span.start <= span.end && span.end <= length
        }
        for piece in StatementSplitter.split(line) {
            XCTAssertTrue(piece.offset >= 0 && piece.offset + piece.text.count <= length, line, file: file, line: testLine)
        }
        for token in Parser.tokens(line: line) where !inside(token.span) {
            XCTFail("token span \(token.span) outside \(line.debugDescription)", file: file, line: testLine)
        }
        _ = Parser.dump(tokens: Parser.tokens(line: line))
        for result in Parser.parse(line: line) {
            switch result {
            case .success(let parsed):
                XCTAssertTrue(inside(parsed.span), "statement span \(parsed.span) in \(line.debugDescription)", file: file, line: testLine)
                XCTAssertFalse(Parser.dump(parsed.statement).isEmpty)
            case .failure(let diagnostic):
                XCTAssertTrue(inside(diagnostic.span), "\(diagnostic) at \(String(describing: diagnostic.span)) in \(line.debugDescription)",
                              file: file, line: testLine)
                XCTAssertTrue(diagnostic.code.hasPrefix("Q1"), file: file, line: testLine)
                XCTAssertFalse(diagnostic.message.isEmpty, file: file, line: testLine)
            }
        }
    }
}
