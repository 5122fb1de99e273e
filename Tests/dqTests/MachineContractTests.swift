import Foundation
import XCTest

/// Machine formats keep one contract per statement: figures are JSON numbers, and a
/// statement has one column set whatever its options.
final class MachineContractTests: XCTestCase {
    private static let figureKeys: Set<String> = ["amount", "change", "change_pct", "share", "initial", "adjusted",
                                                  "executed", "rate", "score", "weight", "value", "level"]

    private func objects(_ query: String) throws -> [[String: Any]] {
        let result = try DQProcess.run(["--memory", "--no-init", "--format", "json", "-c", query])
        XCTAssertEqual(result.status, 0, result.stderr)
        let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        return try XCTUnwrap(parsed, query)
    }

    func testFiguresAreJSONNumbers() throws {
        let queries = ["summary", "compare 三公 2022 2023", "breakdown 201", "breakdown 201 depth 1", "trend 三公",
                       "top 3 units by 基本支出", "projects", "indicators of 春节慰问费"]
        for query in queries {
            let rows = try objects(query)
            XCTAssertFalse(rows.isEmpty, query)
            var checked = 0
            for row in rows {
                for (key, value) in row where Self.figureKeys.contains(key) || key.hasPrefix("value_") {
                    if value is NSNull { continue }
                    XCTAssertTrue(value is NSNumber, "\(query): \(key) = \(value) is not a number")
                    checked += 1
                }
            }
            XCTAssertGreaterThan(checked, 0, "\(query) has figures")
        }
    }

    func testBreakdownHasOneColumnSet() throws {
        let keys = try ["breakdown 201", "breakdown 201 depth 1", "breakdown 2013101", "breakdown 201 31 01"].map { query in
            try Set(objects(query).flatMap(\.keys))
        }
        XCTAssertEqual(Set(keys).count, 1, "\(keys)")
        XCTAssertTrue(keys[0].contains("level") && keys[0].contains("is_total"), "\(keys[0])")
    }
}
