import Core
import XCTest
@testable import Store

/// `Catalog.units(namedEach:)` (the names of `for A, B, …`, looked up in one statement)
/// answers for every name exactly what `units(named:)` answers for it alone.
final class UnitNameLookupTests: XCTestCase {
    /// Units with aliases, a name shared by two regions, a 二级单位, and names holding the
    /// characters JSON escapes.
    private func catalog() throws -> (Catalog, Connections) {
        let connections = try Connections.memory(contents: .empty)
        try connections.writer.execute("""
            INSERT INTO unit (id, name, region, kind, parent_id) VALUES
              (1, '甲市财政局', '甲市', '部门', NULL),
              (2, '甲市教育局', '甲市', '部门', NULL),
              (3, '甲市教育局机关幼儿园', '甲市', '单位', 2),
              (4, '财政局', '乙县', '部门', NULL),
              (5, '财政局', '丙县', '部门', NULL),
              (6, '引号"与\\反斜杠', '甲市', '部门', NULL),
              (7, '制表' || char(9) || '局', '甲市', '部门', NULL);
            INSERT INTO unit_alias (alias, unit_id) VALUES
              ('甲市财政局（本级）', 1), ('市财政', 1), ('市教育', 2), ('市财政', 2);
            """)
        return (try CatalogLoader.open(connections.reader), connections)
    }

    func testEachNameAnswersAsItsOwnLookup() throws {
        let (catalog, connections) = try catalog()
        let names = ["甲市财政局", "甲市财政局（本级）", "财政局", "市财政", "市教育", "甲市教育局机关幼儿园", "不存在",
                     "甲市财政局", "", "引号\"与\\反斜杠", "制表\t局", "甲市教育", "'); DROP TABLE unit; --"]
        let together = catalog.units(namedEach: names)
        XCTAssertEqual(together, names.map(catalog.units(named:)))
        // What the lookups found, read here from the inserted rows.
        XCTAssertEqual(together.map { $0.map(\.id) }, [[1], [1], [4, 5], [1, 2], [2], [3], [], [1], [], [6], [7], [], []])
        XCTAssertEqual(together[0].first?.aliases, ["市财政", "甲市财政局（本级）"])
        XCTAssertEqual(together[5].first?.parentID, 2)
        XCTAssertEqual(try connections.reader.scalar("SELECT count(*) FROM unit"), .integer(7), "the names were bound, not run")
    }

    func testNoNameAndOneName() throws {
        let (catalog, connections) = try catalog()
        XCTAssertEqual(catalog.units(namedEach: []), [])
        XCTAssertEqual(catalog.units(namedEach: ["市教育"]).map { $0.map(\.id) }, [[2]])
        withExtendedLifetime(connections) {}
    }

    func testJSONArrayOfNames() {
        XCTAssertEqual(DatabaseCatalogLookup.jsonArray([]), "[]")
        XCTAssertEqual(DatabaseCatalogLookup.jsonArray(["甲", "a\"b\\c", "\n\u{1}"]), #"["甲","a\"b\\c","\u000a\u0001"]"#)
    }
}
