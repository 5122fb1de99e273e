import Core
@testable import Render
import TestSupport
import XCTest

/// The diagnostic renderer's text, one golden per case: `Goldens/diagnostic-<case>.txt`.
final class DiagnosticGoldenTests: XCTestCase {
    private func check(_ name: String, _ diagnostic: Diagnostic, file: String = "<command-line>", line: Int = 1, _ text: String,
                       sourceFile: StaticString = #filePath, sourceLine: UInt = #line) {
        let rendered = DiagnosticRenderer.render(diagnostic, file: file, line: line, lineText: text)
        goldens.assert(rendered, named: "diagnostic-\(name).txt", file: sourceFile, line: sourceLine)
    }

    func testChineseSpanWithHint() {
        check("chinese", Diagnostic(code: "Q201", message: "未知的主题「三工」", span: SourceSpan(start: 8, end: 10), hints: ["您是否想输入「三公」？"]),
              "compare 三工 2022 2023")
    }

    func testASCIISpanAfterChineseText() {
        check("ascii", Diagnostic(code: "Q102", message: "年份应为四位数字", span: SourceSpan(start: 11, end: 14)),
              file: "audit.dq", line: 7, "compare 三公 202 2023")
    }

    func testSpanAtEndOfLine() {
        check("end-of-line", Diagnostic(code: "Q101", message: "语句不完整：缺少年份", span: SourceSpan(start: 10, end: 10), hints: ["用法：compare 主题 年份1 年份2"]),
              file: "<stdin>", line: 3, "compare 三公\n")
    }

    func testNoSpan() {
        check("no-span", Diagnostic(code: "S001", message: "无法打开数据库：/tmp/无.sqlite"), file: "<command-line>", "any text")
    }

    func testTabsAreDrawnAsOneSpace() {
        check("tabs", Diagnostic(code: "Q203", message: "未知的字段「执行律」", span: SourceSpan(start: 15, end: 18), hints: ["您是否想输入「执行率」？"]),
              file: "audit.dq", line: 12, "projects\twhere\t执行律 < 90%")
    }

    func testWarningWithSeveralHintsAndAFullwidthSpan() {
        check("warning-hints", Diagnostic(.warning, code: "Q210", message: "比较运算符使用了全角字符", span: SourceSpan(start: 24, end: 25),
                                          hints: ["已按「<」处理", "可写作 adjusted < initial"]),
              "projects where adjusted ＜ initial")
    }

    func testALongLineIsDrawnAsAnExcerptAroundTheSpan() {
        let name = String(repeating: "区", count: 300)
        let line = "summary for " + name + " where 执行率 < 90%"
        check("long-line", Diagnostic(code: "Q204", message: "未知的单位「\(name)」", span: SourceSpan(start: 12, end: 312)), line)
        let late = String(repeating: "x", count: 500) + " 三工"
        check("long-line-late-span", Diagnostic(code: "Q201", message: "未知的主题「三工」", span: SourceSpan(start: 501, end: 503)), late)
    }

    /// A megabyte typed as one name draws a few hundred bytes, not megabytes: the work of
    /// drawing is bounded by the excerpt, not by what was typed.
    func testAMegabyteNameDrawsABoundedDiagnostic() {
        let name = String(repeating: "区", count: 1 << 20)
        let rendered = DiagnosticRenderer.render(Diagnostic(code: "Q204", message: "未知的单位「\(name)」", span: SourceSpan(start: 12, end: 12 + name.count),
                                                            hints: ["「\(name)」不是单位"]),
                                                 file: "<stdin>", line: 1, lineText: "summary for " + name)
        XCTAssertLessThan(rendered.utf8.count, 2_000, String(rendered.prefix(400)))
        let lines = rendered.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4)
        XCTAssertTrue(lines[0].hasSuffix("未知的单位「" + String(repeating: "区", count: DiagnosticRenderer.maximumQuotedLength) + "…」"), lines[0])
        XCTAssertTrue(lines[1].hasPrefix("  summary for 区") && lines[1].hasSuffix("…"), lines[1])
        XCTAssertLessThanOrEqual(DisplayWidth.of(lines[1]), DiagnosticRenderer.maximumSourceWidth + 2)
        XCTAssertEqual(lines[2].trimmingCharacters(in: .whitespaces).count, DisplayWidth.of(lines[1]) - 2 - DisplayWidth.of("summary for ") - 1,
                       "carets under the span up to the excerpt's end")
        XCTAssertEqual(DisplayWidth.of(String(lines[2].prefix { $0 == " " })), 2 + DisplayWidth.of("summary for "))
    }

    func testQuotesUpToTheLimitStayWhole() {
        let exact = "「" + String(repeating: "甲", count: DiagnosticRenderer.maximumQuotedLength) + "」与「乙」"
        XCTAssertEqual(DiagnosticRenderer.shortenQuotes(exact), exact)
        let longer = "「" + String(repeating: "甲", count: DiagnosticRenderer.maximumQuotedLength + 1) + "」与「乙」"
        XCTAssertEqual(DiagnosticRenderer.shortenQuotes(longer), "「" + String(repeating: "甲", count: DiagnosticRenderer.maximumQuotedLength) + "…」与「乙」")
    }

    func testColumnCountsCharactersNotBytes() {
        let rendered = DiagnosticRenderer.render(Diagnostic(code: "Q201", message: "x", span: SourceSpan(start: 8, end: 10)),
                                                 file: "<command-line>", line: 1, lineText: "compare 三工 2022 2023")
        XCTAssertTrue(rendered.hasPrefix("<command-line>:1:9: error[Q201]: x\n"))
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines[2], "          ^^^^")
    }
}
