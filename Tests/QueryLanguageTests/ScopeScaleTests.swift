import Core
import Foundation
import QueryLanguage
import Store
import XCTest

/// Scopes of any size: 50,000 units with a 决算 each, more than SQLite's default limit of
/// 32,766 bound parameters, queried as every unit and as a subset.
final class ScopeScaleTests: XCTestCase {
    static let unitCount = 50_000

    private func harness() throws -> QueryHarness {
        let connections = try Connections.memory()
        try connections.writer.transaction {
            try connections.writer.run("""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
                INSERT INTO unit (id, name, region, kind) SELECT 1000000 + i, '规模测试单位' || i, '规模测试区', '单位' FROM n
                """, [.integer(Int64(Self.unitCount))])
            try connections.writer.run("""
                INSERT INTO disclosure (unit_id, year, kind, template, title, source_file, sha256, money_unit, line_count, origin)
                SELECT id, 2023, '决算', 'shanghai', name || '2023年度部门决算', name || '.txt',
                       printf('%064d', id), '万元', 1, 'import'
                FROM unit WHERE region = '规模测试区'
                """)
        }
        return QueryHarness(connections)
    }

    func testEveryUnitIsNoParameterList() throws {
        let harness = try harness()
        let query = try harness.compile("find 不存在的文字")
        XCTAssertLessThan(query.parameters.count, 10, "no parameter per unit")
        XCTAssertEqual(try harness.rows("find 不存在的文字").count, 0)
        // Every unit answers `summary`: nine items for the seed unit and each synthetic unit.
        let summary = try harness.rows("summary 2023")
        XCTAssertGreaterThan(summary.count, Self.unitCount)
    }

    func testSubsetLargerThanTheParameterLimitIsOneValue() throws {
        var harness = try harness()
        let ids = (1...40_000).map { Int64(1_000_000 + $0) }
        harness.context.units = ids
        let query = try harness.compile("summary 2023")
        XCTAssertLessThan(query.parameters.count, 20, "one bound value for 40,000 units")
        let rows = try harness.rows("summary 2023")
        XCTAssertEqual(Set(rows.compactMap { $0.block }).count, ids.count, "each unit of the subset has its block")
    }
}

extension ScopeScaleTests {
    /// The unit a one-unit statement binds (ids of the synthetic units start at 1,000,001).
    private func boundUnit(_ harness: QueryHarness, _ name: String) throws -> Int64? {
        try harness.compile("summary 2023 for \(name)").parameters.compactMap {
            if case .integer(let id) = $0, id > 1_000_000 { id } else { nil }
        }.first
    }

    func testNamesResolveThroughTheNameIndexAmongFiftyThousandUnits() throws {
        let harness = try harness()
        try harness.connections.writer.run("INSERT INTO unit_alias (alias, unit_id) VALUES ('规模（测试）甲', 1000007), ('专项甲乙', 1000008)")
        XCTAssertEqual(try boundUnit(harness, "规模测试单位123"), 1_000_123, "exact name")
        XCTAssertEqual(try boundUnit(harness, "单位49999"), 1_049_999, "unique substring")
        XCTAssertEqual(try boundUnit(harness, "规模(测试)甲"), 1_000_007, "alias, brackets folded")
        XCTAssertEqual(try boundUnit(harness, "甲乙"), 1_000_008, "a substring shorter than the index's three characters")
        let ambiguous = try XCTUnwrap(harness.diagnostic("summary 2023 for 单位4999"))
        XCTAssertEqual(ambiguous.code, "Q205")
        XCTAssertTrue(ambiguous.hints.joined().hasSuffix("等"), "eleven units fit; ten are named: \(ambiguous.hints)")
        let unknown = try XCTUnwrap(harness.diagnostic("summary 2023 for 规模测试单元49999"))
        XCTAssertEqual(unknown.code, "Q204")
        XCTAssertTrue(unknown.hints.joined().contains("「规模测试单位49999」"), "\(unknown.hints)")
    }

    func testCompletionReadsNamesByPrefixWithALimit() throws {
        let harness = try harness()
        let completer = Completer(catalog: try harness.catalog, metaCommands: [])
        let narrow = completer.candidates(before: "summary for ", word: "规模测试单位4999").map(\.text)
        XCTAssertEqual(narrow, ["规模测试单位4999"] + (0...9).map { "规模测试单位4999\($0)" })
        XCTAssertEqual(completer.candidates(before: "summary for ", word: "规模").count, Completer.nameLimit)
    }

    func testSideBySideOfEveryUnitIsRefusedWithAReason() throws {
        let harness = try harness()
        let refused = try XCTUnwrap(harness.diagnostic("compare 三公 2022 2023 by unit"))
        XCTAssertEqual(refused.code, "Q217")
        XCTAssertTrue(refused.message.contains("最多 100 个"), refused.message)
        var subset = harness
        subset.context.units = (1...40_000).map { Int64(1_000_000 + $0) }
        XCTAssertEqual(subset.diagnostic("compare 三公 2022 2023 by unit")?.code, "Q217")
    }

    /// `trend … by unit` over every unit: the same SQL and parameters as over one unit (no
    /// parameter, name or column per unit), and still a note for each unit without a figure.
    func testTrendByUnitDoesNotGrowWithTheUnits() throws {
        let statement = "trend 三公 from 2022 to 2023 by unit"
        let harness = try harness()
        let query = try harness.compile(statement)
        let seedOnly = try QueryHarness.seed().compile(statement)
        XCTAssertEqual(query.text, seedOnly.text)
        XCTAssertEqual(query.parameters, seedOnly.parameters)
        let notes = try harness.notes(statement)
        XCTAssertEqual(notes.filter { $0.hasPrefix("「规模测试单位") }.count, Self.unitCount, "each synthetic unit lacks 三公")
        XCTAssertEqual(Set(notes).count, notes.count, "one note per unit")

        var subset = harness
        subset.context.units = (1...40_000).map { Int64(1_000_000 + $0) }
        XCTAssertLessThan(try subset.compile(statement).parameters.count, 10, "one bound value for 40,000 units")
        XCTAssertEqual(try subset.notes(statement).count, 40_000)
    }
}
