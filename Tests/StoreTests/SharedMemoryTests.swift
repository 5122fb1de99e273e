import Foundation
import XCTest
@testable import Store

/// A named in-memory database shared by a read-write and a read-only connection.
final class SharedMemoryTests: XCTestCase {
    func testWriterAndReaderShareOneDatabase() throws {
        let name = "dq-shared-\(UUID().uuidString)"
        let (writer, reader) = try Database.openPair(.sharedMemory(name))
        try writer.execute("CREATE TABLE t (name TEXT)")
        try writer.run("INSERT INTO t VALUES (?)", ["一般公共服务支出（201）"])
        XCTAssertEqual(try reader.query("SELECT name FROM t"), [[.text("一般公共服务支出（201）")]])

        let error = expectStoreError { try reader.run("DELETE FROM t") }
        XCTAssertEqual(error?.code, 8)
        XCTAssertEqual(error?.sql, "DELETE FROM t")
    }

    func testDifferentNamesAreSeparate() throws {
        let a = try Database(.sharedMemory("dq-a-\(UUID().uuidString)"))
        let b = try Database(.sharedMemory("dq-b-\(UUID().uuidString)"))
        try a.execute("CREATE TABLE only_in_a (x)")
        XCTAssertEqual(try b.scalar("SELECT count(*) FROM sqlite_schema"), .integer(0))
    }
}
