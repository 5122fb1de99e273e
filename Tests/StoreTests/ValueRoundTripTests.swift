import XCTest
@testable import Store

/// Values bound as parameters come back unchanged from `column`.
final class ValueRoundTripTests: XCTestCase {
    private func roundTrip(_ value: Value, file: StaticString = #filePath, line: UInt = #line) throws {
        let db = try Database(.memory)
        let rows = try db.query("SELECT ?1, typeof(?1)", [value])
        XCTAssertEqual(rows.count, 1, file: file, line: line)
        XCTAssertEqual(rows.first?.first, value, file: file, line: line)
    }

    func testNull() throws { try roundTrip(.null) }

    func testIntegerExtremes() throws {
        try roundTrip(.integer(Int64.min))
        try roundTrip(.integer(Int64.max))
        try roundTrip(.integer(0))
    }

    func testReal() throws { try roundTrip(.real(-1234.5)) }

    func testChineseText() throws {
        try roundTrip(.text("一般公共服务支出（201）"))
        let db = try Database(.memory)
        let length = try db.scalar("SELECT length(?)", ["一般公共服务支出（201）"])
        XCTAssertEqual(length, .integer(13), "SQLite sees characters, not bytes")
    }

    func testEmptyAndNulText() throws {
        try roundTrip(.text(""))
        try roundTrip(.text("a\u{0}b"))
        let db = try Database(.memory)
        XCTAssertEqual(try db.scalar("SELECT ? IS NULL", [.text("")]), .integer(0))
    }

    func testBlobs() throws {
        try roundTrip(.blob([0, 1, 254, 255]))
        try roundTrip(.blob([]))
    }

    func testStoredInTable() throws {
        let db = try Database(.memory)
        try db.execute("CREATE TABLE t (a ANY) STRICT")
        let values: [Value] = [.null, .integer(.min), .integer(.max), .text("一般公共服务支出（201）")]
        for value in values { try db.run("INSERT INTO t VALUES (?)", [value]) }
        XCTAssertEqual(try db.query("SELECT a FROM t ORDER BY rowid").map { $0[0] }, values)
    }
}
