import Core

/// A syntax error (Q1xx) found while lexing or parsing one statement; every message lives here.
struct SyntaxError: Error, Hashable, Sendable {
    /// The diagnostic codes of the syntax stage.
    enum Code: String, Sendable {
        case unexpectedToken = "Q101"
        case unknownVerb = "Q102"
        case missingArgument = "Q103"
        case unterminatedString = "Q104"
        case invalidNumber = "Q105"
        case unexpectedCharacter = "Q106"
        case missingParenthesis = "Q107"
        case duplicateClause = "Q108"
        case malformedCode = "Q109"
        case nestingTooDeep = "Q110"
        case tooManyOperators = "Q111"
    }

    var code: Code
    var message: String
    var span: SourceSpan
    var hints: [String] = []

    /// The error as a user-facing diagnostic.
    var diagnostic: Diagnostic {
        Diagnostic(.error, code: code.rawValue, message: message, span: span, hints: hints)
    }

    /// The deepest nesting of parentheses, `not` and unary minus a condition may have.
    static let maximumNesting = 32

    /// The most binary operators (`and`, `or`, `+`, `-`, `*`, `/`) one statement may have.
    static let maximumOperators = 64

    /// Q101: `expected` was wanted where `found` (already described) stands.
    static func unexpected(expected: String, found: String, at span: SourceSpan, hints: [String] = []) -> SyntaxError {
        SyntaxError(code: .unexpectedToken, message: "应为\(expected)，实际为\(found)", span: span, hints: hints)
    }

    /// Q102: the statement starts with a word that is not a verb.
    static func unknownVerb(_ word: String, at span: SourceSpan, suggestion: String?) -> SyntaxError {
        let hint = suggestion.map(didYouMean)
            ?? "可用的语句：" + Keyword.verbs.map(\.rawValue).joined(separator: "、")
        return SyntaxError(code: .unknownVerb, message: "未知的语句「\(word)」", span: span, hints: [hint])
    }

    /// Q101: a statement that reads one kind of document names two (`trend 三公 预算 from 决算 2023 …`).
    static func kindConflict(_ text: String, earlier: String, at span: SourceSpan) -> SyntaxError {
        SyntaxError(code: .unexpectedToken, message: "「\(text)」与前面的「\(earlier)」不是同一种文件：此语句只读一种文件", span: span,
                    hints: ["预算写一次即可，如「trend 三公 预算 from Y1 to Y2」"])
    }

    /// Q103: a required argument is missing; `span` is the end of the statement.
    static func missing(_ what: String, at span: SourceSpan) -> SyntaxError {
        SyntaxError(code: .missingArgument, message: "缺少\(what)", span: span)
    }

    /// Q103: a quoted name is empty.
    static func empty(_ what: String, at span: SourceSpan) -> SyntaxError {
        SyntaxError(code: .missingArgument, message: "\(what)不能为空", span: span)
    }

    /// Q104: a quoted string runs to the end of the line.
    static func unterminatedString(closer: Character, at span: SourceSpan) -> SyntaxError {
        SyntaxError(code: .unterminatedString, message: "字符串缺少结束引号「\(closer)」", span: span)
    }

    /// Q105: a year that is not a four-digit integer between 1900 and 2100.
    static func invalidYear(_ text: String, at span: SourceSpan) -> SyntaxError {
        SyntaxError(code: .invalidNumber, message: "无效的年份「\(text)」：应为 1900 至 2100 之间的四位整数", span: span)
    }

    /// Q105: a count that is not a positive integer.
    static func invalidCount(_ text: String, at span: SourceSpan) -> SyntaxError {
        SyntaxError(code: .invalidNumber, message: "无效的数量「\(text)」：应为正整数", span: span)
    }

    /// Q106: a character that cannot start any token.
    static func unexpectedCharacter(_ character: Character, at span: SourceSpan) -> SyntaxError {
        let shown = character.unicodeScalars.allSatisfy { $0.properties.generalCategory == .control }
            ? character.unicodeScalars.map { "U+" + hex4($0.value) }.joined(separator: " ")
            : "「\(character)」"
        return SyntaxError(code: .unexpectedCharacter, message: "无法识别的字符\(shown)", span: span)
    }

    /// Q107: a `(` is not closed; `found` describes what stands where `)` was expected.
    static func missingParenthesis(found: String, at span: SourceSpan, openedAt open: SourceSpan) -> SyntaxError {
        SyntaxError(code: .missingParenthesis, message: "缺少右括号「)」，实际为\(found)", span: span,
                    hints: ["与第 \(open.start + 1) 列的「(」配对"])
    }

    /// Q108: a clause appears twice in one statement.
    static func duplicateClause(_ name: String, at span: SourceSpan) -> SyntaxError {
        SyntaxError(code: .duplicateClause, message: "子句「\(name)」重复出现", span: span)
    }

    /// Q109: digits in code position that do not form a classification code.
    static func malformedCode(_ text: String, at span: SourceSpan) -> SyntaxError {
        SyntaxError(code: .malformedCode,
                    message: "无效的科目编码「\(text)」：应为 3、5 或 7 位数字，如 201、20131、2013101，也可写作 201 31 01 或 201.31.01；一位数字（2 或 3）表示整个分类",
                    span: span)
    }

    /// Q110: a condition nests deeper than `maximumNesting`.
    static func nestingTooDeep(at span: SourceSpan) -> SyntaxError {
        SyntaxError(code: .nestingTooDeep, message: "条件嵌套过深（最多 \(maximumNesting) 层）", span: span)
    }

    /// Q111: a statement has more than `maximumOperators` binary operators.
    static func tooManyOperators(at span: SourceSpan) -> SyntaxError {
        SyntaxError(code: .tooManyOperators, message: "条件过长（最多 \(maximumOperators) 个 and、or、+、-、*、/ 运算符）", span: span,
                    hints: ["请拆成几条查询，或用 in、~ 等写法缩短条件"])
    }

    /// The hint offered for a likely typo.
    static func didYouMean(_ word: String) -> String { "您是否想输入「\(word)」？" }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
