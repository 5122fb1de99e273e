import Core
import XCTest
@testable import QueryLanguage

/// A span from `start` to `end` (exclusive).
func sp(_ start: Int, _ end: Int) -> SourceSpan { SourceSpan(start: start, end: end) }

/// Compact form of tokens without spans: `word:compare number:4/万 code:2013101 symbol:<= end`.
func compact(_ tokens: [Token]) -> String {
    tokens.map { token in
        switch token.kind {
        case .word: return "word:\(token.text)"
        case .number: return "number:\(token.text)" + (token.suffix.map { "/" + $0 } ?? "")
        case .dottedCode: return "code:\(token.text)"
        case .string: return "string:\(token.text)"
        case .symbol: return "symbol:\(token.text)"
        case .end: return "end"
        }
    }.joined(separator: " ")
}

/// The single statement of `line`, failing the test when it does not parse.
func statement(_ line: String, file: StaticString = #filePath, line testLine: UInt = #line) -> Statement? {
    let results = Parser.parse(line: line)
    guard results.count == 1 else {
        XCTFail("expected one statement in \(line), got \(results.count)", file: file, line: testLine)
        return nil
    }
    switch results[0] {
    case .success(let parsed): return parsed.statement
    case .failure(let diagnostic):
        XCTFail("\(line): \(diagnostic) at \(diagnostic.span.map(\.description) ?? "-")", file: file, line: testLine)
        return nil
    }
}

/// The diagnostic of the single statement of `line`, failing the test when it parses.
func diagnostic(_ line: String, file: StaticString = #filePath, line testLine: UInt = #line) -> Diagnostic? {
    let results = Parser.parse(line: line)
    guard results.count == 1 else {
        XCTFail("expected one statement in \(line), got \(results.count)", file: file, line: testLine)
        return nil
    }
    switch results[0] {
    case .success(let parsed):
        XCTFail("\(line) parsed unexpectedly:\n\(Parser.dump(parsed.statement))", file: file, line: testLine)
        return nil
    case .failure(let diagnostic): return diagnostic
    }
}

/// A name that was not quoted.
func nm(_ text: String, _ start: Int, _ end: Int, quoted: Bool = false) -> Name {
    Name(text: text, span: sp(start, end), quoted: quoted)
}

/// A year literal.
func yr(_ value: Int, _ start: Int, _ end: Int) -> YearLiteral { YearLiteral(value: value, span: sp(start, end)) }

/// A count literal.
func ct(_ value: Int, _ start: Int, _ end: Int) -> CountLiteral { CountLiteral(value: value, span: sp(start, end)) }

/// A field expression.
func fld(_ text: String, _ start: Int, _ end: Int) -> ValueExpression { .field(nm(text, start, end)) }

/// A number expression.
func num(_ text: String, _ start: Int, _ end: Int, suffix: String? = nil) -> ValueExpression {
    .number(text: text, suffix: suffix, span: sp(start, end))
}
