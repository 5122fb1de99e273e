import TestSupport
import XCTest

/// What a user sees, end to end through the binary: every output format on real statements,
/// and every diagnostic of the checker with its caret.
final class OutputGoldenTests: XCTestCase {
    static let goldens = Goldens(besides: #filePath)

    static let formatQueries: [(name: String, query: String)] = [
        ("compare", "compare 三公 2022 2023"),
        ("breakdown", "breakdown 201 depth 2"),
        ("summary", "summary"),
        ("projects", "projects"),
        ("empty", "projects where executed > 1亿"),
    ]

    func testEveryFormatOnRealStatements() throws {
        for (name, query) in Self.formatQueries {
            for format in ["table", "box", "csv", "tsv", "json", "jsonl", "markdown"] {
                let result = try DQProcess.run(["--memory", "--format", format, "-c", query])
                XCTAssertEqual(result.status, 0, result.stderr)
                Self.goldens.assert(result.stdout, named: "formats/\(name).\(format).txt")
            }
        }
        let yuan = try DQProcess.run(["--memory", "--format", "table", "--unit", "元", "-c", "compare 三公 2022 2023"])
        Self.goldens.assert(yuan.stdout, named: "formats/compare.yuan.table.txt")
        let noHeader = try DQProcess.run(["--memory", "--no-header", "-c", "breakdown 支出"])
        Self.goldens.assert(noHeader.stdout, named: "formats/breakdown-subject.no-header.tsv.txt")
    }

    func testTSVIsTheDefaultWhenStdoutIsNotATerminal() throws {
        let result = try DQProcess.run(["--memory", "-c", "breakdown 支出"])
        XCTAssertEqual(result.stdout.split(separator: "\n").first, "unit\titem\tamount\tshare\tlevel\tis_total\tderived\tmoney_unit")
    }

    static let errorQueries: [(name: String, query: String)] = [
        ("unknown-subject", "compare 三工 2022 2023"),
        ("unknown-subject-english", "compare sangongg 2022 2023"),
        ("unknown-field", "projects where ajusted < initial"),
        ("unknown-code", "breakdown 299"),
        ("unknown-unit", "summary for 区委办公厅"),
        ("unknown-fund", "breakdown 201 fund 专户"),
        ("unknown-project", "indicators of 会议费"),
        ("unknown-verb", "compre 三公 2022 2023"),
        ("type-mismatch", "projects where rate < initial"),
        ("rate-without-percent", "projects where rate < 90"),
        ("text-order", "projects where name < 'a'"),
        ("contains-number", "projects where initial ~ 4"),
        ("division-by-field", "projects where executed / adjusted < 0.9"),
        ("product-of-money", "projects where executed * adjusted > 1"),
        ("no-parts", "breakdown 机关运行经费"),
        ("column-on-subject", "breakdown 支出 basic"),
        ("depth-range", "breakdown 201 depth 4"),
        ("year-order", "trend 三公 from 2023 to 2020"),
        ("huge-number", "projects where initial > 99999999999999999"),
        ("write-through-sql", "sql DELETE FROM fact"),
        ("sql-error", "sql SELECT nothing FROM nowhere"),
        ("syntax-missing-year", "compare 三公 2022"),
        ("second-statement", "units; compare 三公 二〇二二 2023"),
    ]

    func testEveryCheckerDiagnostic() throws {
        for (name, query) in Self.errorQueries {
            let result = try DQProcess.run(["--memory", "-c", query])
            XCTAssertEqual(result.status, 1, "\(name): \(result.stderr)")
            Self.goldens.assert(result.stderr, named: "errors/\(name).txt")
        }
    }
}
