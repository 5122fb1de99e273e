import Core
import Foundation
import XCTest
@testable import Store

/// The generated EmbeddedSQL.swift must hold exactly schema.sql and seeds/ (run `make
/// generate` after editing them).
final class EmbeddedSQLTests: XCTestCase {
    func testSchemaMatchesSchemaFile() throws {
        XCTAssertEqual(EmbeddedSQL.schema, try RepositoryFiles.text("schema.sql"),
                       "schema.sql changed: run `make generate`")
    }

    func testSeedsMatchSeedFiles() throws {
        let directory = RepositoryFiles.root.appendingPathComponent("seeds")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".sql") }.sorted()
        XCTAssertEqual(EmbeddedSQL.seeds.map(\.name), names, "seeds/ changed: run `make generate`")
        for seed in EmbeddedSQL.seeds {
            XCTAssertEqual(seed.sql, try RepositoryFiles.text("seeds/\(seed.name)"),
                           "seeds/\(seed.name) changed: run `make generate`")
        }
    }

    func testSeedHashCoversSchemaAndSeedFiles() throws {
        var bytes: [UInt8] = []
        for path in ["schema.sql"] + EmbeddedSQL.seeds.map({ "seeds/\($0.name)" }) {
            bytes += Array((URL(fileURLWithPath: path).lastPathComponent + "\n").utf8)
            bytes += Array(try Data(contentsOf: RepositoryFiles.root.appendingPathComponent(path)))
        }
        XCTAssertEqual(EmbeddedSQL.seedHash, SHA256.hex(bytes))
    }
}
