import Core
import Foundation
import XCTest
@testable import QueryLanguage

final class SyntaxDiagnosticTests: XCTestCase {
    /// One case per code: input → (code, span, message, hints).
    func testEveryCodeWithMessageAndSpan() {
        let cases: [(String, String, SourceSpan, String, [String])] = [
            ("compare \"三公\" 三公 2022", "Q101", sp(13, 15), "应为年份，实际为「三公」", []),
            ("compre 三公 2022 2023", "Q102", sp(0, 6), "未知的语句「compre」", ["您是否想输入「compare」？"]),
            ("compare 三公 2022", "Q103", sp(15, 15), "缺少第二个年份", []),
            ("find '慰问", "Q104", sp(5, 8), "字符串缺少结束引号「'」", []),
            ("summary 20233", "Q105", sp(8, 13), "无效的年份「20233」：应为 1900 至 2100 之间的四位整数", []),
            ("units !", "Q106", sp(6, 7), "无法识别的字符「!」", []),
            ("projects where (a < b", "Q107", sp(21, 21), "缺少右括号「)」，实际为语句结束", ["与第 16 列的「(」配对"]),
            ("summary 2022 2023", "Q108", sp(13, 17), "子句「年份」重复出现", []),
            ("breakdown 20131011", "Q109", sp(10, 18),
             "无效的科目编码「20131011」：应为 3、5 或 7 位数字，如 201、20131、2013101，也可写作 201 31 01 或 201.31.01；一位数字（2 或 3）表示整个分类", []),
            ("check where " + String(repeating: "(", count: 70) + "a < b" + String(repeating: ")", count: 70),
             "Q110", sp(44, 45), "条件嵌套过深（最多 32 层）", []),
            // 65 `and`: the 65th is refused (12 + 64 × 10 + 6 = column of the 65th `and`).
            ("check where " + Array(repeating: "a < b", count: 66).joined(separator: " and "),
             "Q111", sp(658, 661), "条件过长（最多 64 个 and、or、+、-、*、/ 运算符）", ["请拆成几条查询，或用 in、~ 等写法缩短条件"]),
        ]
        for (input, code, span, message, hints) in cases {
            guard let found = diagnostic(input) else {
                XCTFail("no diagnostic for \(input)")
                continue
            }
            XCTAssertEqual(found.code, code, input)
            XCTAssertEqual(found.span, span, input)
            XCTAssertEqual(found.message, message, input)
            XCTAssertEqual(found.hints, hints, input)
            XCTAssertEqual(found.severity, .error, input)
        }
    }

    /// Inputs whose diagnostics are pinned in Goldens/syntax-errors.txt.
    static let goldenInputs: [String] = [
        // Q101 unexpected token
        "compare \"三公\" 三公 2022",
        "compare 三公 2022 x",
        "summary 2023 compare 三公 2022 2023",
        "breakdown 201 deph 2",
        "breakdown 2023",
        "breakdown 2023年",
        "breakdown 201 3 01",
        "breakdown (201)",
        "top 3 unit by 三公",
        "top x units by 三公",
        "top 3 units for 三公",
        "projects where adjusted",
        "projects where adjusted or b < 1",
        "projects where < 3",
        "projects where a < limit",
        "projects where (a < b) + 1 > 2",
        "projects where a < (b < c)",
        "projects order 名称",
        "projects wher a < b",
        "check where a < b c",
        "check where a < b < c",
        "units all",
        "2023",
        "'三公'",
        "explain explain units",
        "use 201.31.01",
        "codes 201 like 行政",
        "summary 2023 for 区委办 2024 2025",
        // Years qualified by their document (预算 / 决算)
        "summary 2025 预算",
        "breakdown 201 in 2025 预算",
        "execution 三公 预算 2024",
        "top 3 units by 三公 in 预算 2024",
        "top 3 units by 三公 in 2024 预算",
        "top 3 units by 三公 预算 2023 in 2024",
        "source 三公 2024 预算",
        "source 三公 预算",
        "use 预算",
        "use 预算 二〇二四",
        "trend 三公 预算 from 决算 2022 to 2023",
        "trend 三公 from 预算 2022 to final 2023",
        "trend 三公 预算2023",
        "execution 三公 2024预算",
        "compare 三公 预算 决算 预算 2024",
        "projects 预算 2024",
        "compare 三公 预算 决算 二〇二四",
        "compare 三公 预算 决算",
        "breakdown 201 预算",
        "compare 三公 预算 2024",
        "compare 三公 预算20245 2024",
        "summary 预算 2024 决算 2025",
        // Q102 unknown verb
        "compre 三公 2022 2023",
        "sumary",
        "UNITZ",
        "比较 三公 2022 2023",
        "x",
        // Q103 missing argument
        "compare",
        "compare 三公",
        "compare 三公 2022",
        "breakdown",
        "breakdown 201 in",
        "breakdown 201 fund",
        "trend 三公 from 2020",
        "trend 三公 to 2023",
        "top",
        "top 3",
        "top 3 units",
        "top 3 units by",
        "projects where",
        "projects where a <",
        "projects where a < b and",
        "projects order by",
        "projects limit",
        "indicators of",
        "codes like",
        "find",
        "find ''",
        "summary for",
        "source",
        "explain",
        "sql",
        "sql   -- nothing",
        "use",
        // Q104 unterminated string
        "find '慰问",
        "find “慰问",
        "find 「慰问",
        "compare '三公 2022 2023",
        "find \"a\"\"b",
        // Q105 invalid number, year or count
        "summary 20233",
        "summary 1800",
        "summary 2023万",
        "compare 三公 2022 2023.5",
        "top 0 units by 三公",
        "projects limit 10万",
        "projects limit 99999999999999999999",
        "breakdown 201 depth 1.5",
        "use 99999999999999999999",
        // Q106 unexpected character
        "units !",
        "summary 2023 \u{1}",
        "projects where a ! b",
        "units; !",
        "compare 三公 2022 !",
        // Q107 missing parenthesis
        "projects where (a < b",
        "projects where (a < b limit 3",
        "check where ((a < b)",
        "check where (a + b < c",
        // Q108 duplicate clause
        "summary 2022 2023",
        "breakdown 201 in 2022 in 2023",
        "breakdown 201 basic project",
        "projects limit 3 limit 4",
        "trend 三公 from 2020 from 2021 to 2023",
        "compare 三公 2022 2023 for a for b",
        // Q109 malformed code
        "breakdown 20131011",
        "breakdown 20",
        "codes 20",
        "source 201.5",
        "breakdown 201万",
        // Q110 nesting too deep
        "check where " + String(repeating: "not ", count: 70) + "a < b",
        // several statements, one of them wrong
        "units; compre 三公; years",
    ]

    func testGoldenSyntaxErrors() throws {
        let actual = Self.goldenInputs.map(Self.render).joined(separator: "\n")
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Goldens/syntax-errors.txt")
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if expected != actual {
            let lhs = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let rhs = actual.split(separator: "\n", omittingEmptySubsequences: false)
            var diff: [String] = []
            for index in 0..<max(lhs.count, rhs.count) {
                let old = index < lhs.count ? String(lhs[index]) : "<none>"
                let new = index < rhs.count ? String(rhs[index]) : "<none>"
                if old != new { diff.append("line \(index + 1):\n- \(old)\n+ \(new)") }
            }
            XCTFail("syntax-errors.txt differs (re-record with RECORD_GOLDENS=1):\n" + diff.prefix(20).joined(separator: "\n"))
        }
    }

    /// `> input`, then per statement `ok` or `CODE span 「spanned text」`, the message and hints.
    static func render(_ input: String) -> String {
        let characters = Array(input)
        let shown = input.unicodeScalars.map { scalar in
            scalar.properties.generalCategory == .control ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }.joined()
        var lines = ["> " + shown]
        for result in Parser.parse(line: input) {
            switch result {
            case .success(let parsed):
                lines.append("ok [\(parsed.span)]")
            case .failure(let diagnostic):
                let span = diagnostic.span ?? sp(0, 0)
                let lower = min(span.start, characters.count), upper = min(max(span.end, lower), characters.count)
                lines.append("\(diagnostic.code) [\(span)] 「\(String(characters[lower..<upper]))」")
                lines.append(diagnostic.message)
                lines += diagnostic.hints.map { "hint: " + $0 }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
