import Foundation
import QueryLanguage
import Store
import TestSupport
import XCTest

/// The query plans of the hot statements (`Goldens/plans/*.txt`), on the seed plus a
/// synthetic corpus of 200 units after `ANALYZE`, so that the planner sees realistic
/// statistics: a lost index, or a join order that reads a table once per unit, changes a
/// golden; a full scan of `fact` or `paragraph` fails outright.
final class PlanGoldenTests: XCTestCase {
    static let goldens = Goldens(besides: #filePath)

    static let statements: [(name: String, query: String)] = [
        ("summary-one-unit", "summary 2024 for 规划第0007单位"),
        ("compare-one-unit", "compare 三公 2023 2024 for 规划第0007单位"),
        ("trend-one-unit", "trend 支出 for 规划第0007单位"),
        ("breakdown-one-unit", "breakdown 201 in 2024 for 规划第0007单位"),
        ("breakdown-all", "breakdown 201 in 2024"),
        ("top-all", "top 10 units by 基本支出 in 2024"),
        ("find-all", "find 慰问费"),
        ("find-one-unit", "find 慰问费 for 规划第0007单位"),
    ]

    private static func harness() throws -> QueryHarness {
        let connections = try Connections.memory()
        let writer = connections.writer
        try writer.transaction {
            try writer.run("""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
                INSERT INTO unit (id, name, region, kind, parent_id)
                SELECT 5000 + i, printf('规划第%04d单位', i), '规划区', CASE WHEN i <= 40 THEN '部门' ELSE '单位' END,
                       CASE WHEN i > 40 THEN 5000 + (i % 40) + 1 END FROM n
                """)
            try writer.run("""
                INSERT INTO disclosure (unit_id, year, kind, template, title, source_file, sha256, money_unit, line_count, origin)
                SELECT u.id, y.year, '决算', 'shanghai', u.name || y.year, u.name || y.year || '.txt',
                       printf('%060d%04d', u.id, y.year), '万元', 100, 'import'
                FROM unit u CROSS JOIN (SELECT 2023 AS year UNION ALL SELECT 2024) y WHERE u.region = '规划区'
                """)
            try writer.run("""
                INSERT INTO fact (disclosure_id, measure_id, code, fund_id, column_id, year, amount_fen, quantity,
                                  printed, derived, source_kind, line_from, line_to)
                SELECT d.id, m.id, NULL, m.fund_id, 'actual', d.year - b.back,
                       CASE WHEN m.value_kind = 'money' THEN 10000 + d.id ELSE NULL END,
                       CASE WHEN m.value_kind = 'money' THEN NULL ELSE 5 END, '1.00', 0, 'table', 1, 1
                FROM disclosure d JOIN unit u ON u.id = d.unit_id AND u.region = '规划区'
                CROSS JOIN measure m CROSS JOIN (SELECT 0 AS back UNION ALL SELECT 1) b
                """)
            try writer.run("""
                INSERT INTO fact (disclosure_id, measure_id, code, fund_id, column_id, year, amount_fen, printed, derived,
                                  source_kind, line_from, line_to)
                SELECT d.id, NULL, c.code, f.fund, col.id, d.year, 100 + d.id, '1.00', 0, 'table', 2, 2
                FROM disclosure d JOIN unit u ON u.id = d.unit_id AND u.region = '规划区'
                CROSS JOIN (SELECT DISTINCT code FROM func_code WHERE code LIKE '201%' AND length(code) = 7 LIMIT 12) c
                CROSS JOIN (SELECT 'all' AS fund UNION ALL SELECT 'general') f
                CROSS JOIN (SELECT 'actual' AS id UNION ALL SELECT 'basic' UNION ALL SELECT 'project') col
                """)
            try writer.run("""
                INSERT INTO paragraph (disclosure_id, line_from, line_to, section, body, source_kind)
                SELECT d.id, 10 + k.k, 10 + k.k, '说明', u.name || '第' || k.k || '段：本年支出主要用于日常运转和慰问费。', 'text'
                FROM disclosure d JOIN unit u ON u.id = d.unit_id AND u.region = '规划区'
                CROSS JOIN (SELECT 1 AS k UNION ALL SELECT 2 UNION ALL SELECT 3) k
                """)
            try writer.run("INSERT INTO paragraph_fts(paragraph_fts) VALUES ('rebuild')")
            try ValueChoice.refreshAll(in: writer)
            try writer.run("ANALYZE")
        }
        return QueryHarness(connections)
    }

    /// The plan as an indented tree, one node a line.
    private static func plan(_ query: SQLQuery, on database: Database) throws -> [String] {
        let rows = try database.query("EXPLAIN QUERY PLAN " + query.text, query.parameters.map(Value.init))
        var depth: [Int64: Int] = [0: 0]
        return rows.map { row in
            let id = row[0].int64 ?? 0, parent = row[1].int64 ?? 0
            let level = (depth[parent] ?? 0) + 1
            depth[id] = level
            return String(repeating: "  ", count: level - 1) + (row[3].string ?? "")
        }
    }

    func testHotStatementsKeepTheirPlans() throws {
        let harness = try Self.harness()
        for (name, statement) in Self.statements {
            let lines = try Self.plan(try harness.compile(statement), on: harness.connections.reader)
            for line in lines {
                let detail = line.trimmingCharacters(in: .whitespaces)
                let scanned = detail.split(separator: " ").dropFirst().first.map(String.init) ?? ""
                XCTAssertFalse(detail.hasPrefix("SCAN ") && !detail.contains("VIRTUAL TABLE")
                               && ["fact", "vf", "p", "paragraph", "c", "f"].contains(scanned),
                               "\(statement): a full scan of facts or paragraphs: \(detail)")
            }
            Self.goldens.assert("-- \(statement)\n" + lines.joined(separator: "\n") + "\n", named: "plans/\(name).txt")
        }
    }
}
