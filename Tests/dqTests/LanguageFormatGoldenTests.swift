import TestSupport
import XCTest

/// The result shapes the language's reports add, in every output format: units side by
/// side (`u1_…` columns), `trend … by unit` (a column per year), the `source` listing
/// (`item` and `printed_count`), a whole classification, a budget year beside a final one
/// (`budget_YYYY`, `value_YYYY`); and the notes on stderr.
final class LanguageFormatGoldenTests: XCTestCase {
    static let goldens = Goldens(besides: #filePath)

    static let queries: [(name: String, query: String)] = [
        ("side-by-side", "compare 三公 2022 2023 for 区委办, 区委党史研究室"),
        ("trend-by-unit", "trend 三公 by unit"),
        ("source-derived", "source where derived"),
        ("classification", "breakdown 2 where share > 5%"),
        ("budget-year", "compare 三公 预算 决算 2023"),
    ]

    func testEveryFormatOfTheNewShapes() throws {
        for (name, query) in Self.queries {
            for format in ["table", "csv", "tsv", "json", "jsonl", "markdown"] {
                let result = try DQProcess.run(["--memory", "--format", format, "-c", query])
                XCTAssertEqual(result.status, 0, result.stderr)
                Self.goldens.assert(result.stdout, named: "language/\(name).\(format).txt")
            }
        }
        let notes = try DQProcess.run(["--memory", "--format", "tsv", "-c", "summary 2019; compare 三公 2022 2023 for 区委办, 区委党史研究室; compare 三公 预算 决算 2023; trend 201 by unit"])
        XCTAssertEqual(notes.status, 0)
        Self.goldens.assert(notes.stderr, named: "language/notes.stderr.txt")
    }
}
