import Core
import Foundation
import XCTest
@testable import Store

/// Every seeded figure is checked against the seed document: it is printed, as recorded,
/// on the lines its provenance names, and its stored value is what the printed text says.
final class SeedProvenanceTests: XCTestCase {
    var database: Database!
    var lines: [String] = []

    override func setUpWithError() throws {
        database = try Connections.memory().reader
        lines = try RepositoryFiles.seedDocumentLines()
    }

    private func text(_ from: Int64, _ to: Int64) -> String {
        guard from >= 1, to <= Int64(lines.count), from <= to else { return "" }
        return lines[Int(from - 1)...Int(to - 1)].joined(separator: "\n")
    }

    func testDisclosureRecordsTheSeedFile() throws {
        let row = try XCTUnwrap(database.query("SELECT sha256, line_count FROM disclosure WHERE id = 1").first)
        let bytes = try Data(contentsOf: RepositoryFiles.root.appendingPathComponent("fixtures/disclosures/000_aa60969cd7f058a1.txt"))
        XCTAssertEqual(row[0], .text(SHA256.hex(bytes)))
        XCTAssertEqual(row[1], .integer(Int64(lines.count - 1)), "line_count counts the lines of the file")
    }

    func testEveryPrintedFactIsOnItsLinesWithItsValue() throws {
        let rows = try database.query("""
            SELECT f.id, f.printed, f.printed_unit, f.amount_fen, f.quantity, f.line_from, f.line_to, m.value_kind
            FROM fact f LEFT JOIN measure m ON m.id = f.measure_id WHERE f.derived = 0
            """)
        XCTAssertGreaterThan(rows.count, 100)
        for row in rows {
            let id = row[0].int64 ?? -1, printed = row[1].string ?? "", unit = row[2].string ?? ""
            XCTAssertTrue(text(row[5].int64 ?? 0, row[6].int64 ?? 0).contains(printed),
                          "fact \(id): '\(printed)' not on lines \(row[5])-\(row[6])")
            if let fen = row[3].int64 {
                let parsed = MoneyUnit(rawValue: unit).flatMap { Amount(printed: printed, unit: $0) }
                XCTAssertEqual(parsed?.fen, fen, "fact \(id): \(printed)\(unit) ≠ \(fen) 分")
            } else {
                let scale: Int64 = row[7] == .text("points") ? 100 : 1
                XCTAssertEqual(ExactDecimal(parsing: printed)?.scaled(by: scale), row[4].int64, "fact \(id)")
            }
        }
    }

    func testEveryStatementIsOnItsLinesWithItsRate() throws {
        let rows = try database.query("""
            SELECT id, printed, rate_scaled, rate_decimals, amount_fen, line_from, line_to FROM statement
            """)
        XCTAssertGreaterThan(rows.count, 60)
        for row in rows {
            let id = row[0].int64 ?? -1, printed = row[1].string ?? ""
            XCTAssertTrue(text(row[5].int64 ?? 0, row[6].int64 ?? 0).contains(printed), "statement \(id): '\(printed)'")
            let number = Self.lastNumber(in: printed)
            if let scaled = row[2].int64, let decimals = row[3].int64 {
                XCTAssertEqual(number, ExactDecimal(digits: scaled, decimals: Int(decimals)), "statement \(id)")
            }
            if let fen = row[4].int64, let number {
                XCTAssertEqual(number.scaled(by: 1_000_000), fen, "statement \(id)")
            }
        }
    }

    func testDerivedFactsEqualTheArithmeticOfTheirInputs() throws {
        let rows = try database.query("""
            SELECT f.id, f.amount_fen, sum(d.sign * coalesce(i.amount_fen, s.amount_fen)), count(d.position),
                   min(coalesce(i.line_from, s.line_from)), f.line_from
            FROM fact f
            JOIN derivation_input d ON d.fact_id = f.id
            LEFT JOIN fact i ON i.id = d.input_fact_id
            LEFT JOIN statement s ON s.id = d.input_statement_id
            WHERE f.derived = 1 GROUP BY f.id
            """)
        let derivedCount = try database.scalar("SELECT count(*) FROM fact WHERE derived = 1")
        XCTAssertEqual(.integer(Int64(rows.count)), derivedCount, "every derived fact cites its inputs")
        XCTAssertGreaterThanOrEqual(rows.count, 9)
        for row in rows {
            XCTAssertEqual(row[1], row[2], "derived fact \(row[0])")
            XCTAssertEqual(row[3], .integer(2))
            XCTAssertEqual(row[4], row[5], "derived fact \(row[0]) cites the line of its inputs")
        }
    }

    func testProjectFiguresAndIndicatorsAreOnTheirLines() throws {
        for row in try database.query("SELECT id, printed, line_from, line_to, amount_fen FROM project_figure") {
            let printed = row[1].string ?? ""
            XCTAssertTrue(text(row[2].int64 ?? 0, row[3].int64 ?? 0).contains(printed), "project_figure \(row[0])")
            if let fen = row[4].int64 {
                XCTAssertEqual(Amount(printed: printed, unit: .tenThousandYuan)?.fen.magnitude, fen.magnitude, "project_figure \(row[0])")
            }
        }
        let cells = try database.query("""
            SELECT id, line_from, line_to, level3, operator_printed, target, unit, actual FROM indicator WHERE is_total = 0
            """)
        XCTAssertGreaterThan(cells.count, 30)
        for row in cells {
            let span = text(row[1].int64 ?? 0, row[2].int64 ?? 0)
            for cell in row[3...] { if let value = cell.string { XCTAssertTrue(span.contains(value), "indicator \(row[0]): \(value)") } }
        }
    }

    func testParagraphsAreTheLinesOfTheDocument() throws {
        let rows = try database.query("SELECT line_from, body FROM paragraph")
        XCTAssertGreaterThan(rows.count, 300)
        for row in rows {
            let line = Int(row[0].int64 ?? 0)
            XCTAssertEqual(row[1].string, lines[line - 1].trimmingCharacters(in: .whitespaces), "paragraph at line \(line)")
        }
    }

    /// Every amount and percentage printed in the 情况说明 (lines 42-162) and the
    /// department report's figures (lines 247-279) is seeded on that line, apart from
    /// narrative results that are no template measure.
    func testEveryFigureOfTheNarrativeIsSeeded() throws {
        let narrativeOnly: Set<String> = [
            "156:100万元",           // 单价100万元以上设备: part of a measure's name
            "162:100%", "261:100%",  // 绩效目标完成情况均达100%, 群众满意率100%: narrative results
            "271:10%", "273:10%",    // 预算结余率大于10%的项目: part of a measure's name
        ]
        let pattern = try NSRegularExpression(pattern: #"(\d+(?:\.\d+)?)\s*(万元|万|元|%|辆|人次|人|批次|个|次)"#)
        let seeded = Set(try database.query("""
            SELECT line_from, printed FROM fact WHERE derived = 0
            UNION SELECT line_from, printed FROM statement
            UNION SELECT line_from, printed FROM project_figure
            """).map { "\($0[0].int64 ?? 0):\($0[1].string ?? "")" })
        for number in Array(42...162) + Array(247...279) {
            let line = lines[number - 1]
            for match in pattern.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
                guard let range = Range(match.range(at: 1), in: line), let unit = Range(match.range(at: 2), in: line) else { continue }
                let value = String(line[range])
                if line[..<range.lowerBound].hasSuffix("年") || narrativeOnly.contains("\(number):\(value)\(line[unit])") { continue }
                let found = seeded.contains { key in
                    key.hasPrefix("\(number):") && Self.numbers(in: String(key.dropFirst("\(number):".count))).contains(value)
                }
                XCTAssertTrue(found, "line \(number): \(value)\(line[unit]) is not seeded")
            }
        }
    }

    static func numbers(in text: String) -> [String] {
        text.split(whereSeparator: { !($0.isASCII && ($0.isNumber || $0 == ".")) }).map(String.init)
    }

    static func lastNumber(in text: String) -> ExactDecimal? {
        numbers(in: text.replacingOccurrences(of: " ", with: "")).last.flatMap { ExactDecimal(parsing: $0) }
    }
}
