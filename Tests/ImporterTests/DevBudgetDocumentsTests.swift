import Core
import Foundation
@testable import Importer
@testable import Store
import XCTest

/// Every budget document of development (fixtures/disclosures/budgets, copies of the shared
/// budget texts) imports: split ones as one disclosure with their parts, into one database.
final class DevBudgetDocumentsTests: XCTestCase {
    func testEveryDevBudgetDocumentImports() throws {
        let directory = ShanghaiFixture.root + "/fixtures/disclosures/budgets"
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertEqual(files.count, 19)
        let results = try files.map { try DocumentImporter.read(try ShanghaiFixture.text("fixtures/disclosures/budgets/" + $0)) }
        let groups = DisclosureParts.groups(results, asOne: false)
        // 6 Shanghai documents, 9 Jiangsu disclosures of which 4 come as -wenjian + -biaoge.
        XCTAssertEqual(groups.count, 15)
        XCTAssertEqual(groups.filter { $0.count == 2 }.count, 4)
        for group in groups where group.count == 2 {
            let names = group.map { files[$0] }
            XCTAssertEqual(Set(names.map { $0.replacingOccurrences(of: "-wenjian", with: "").replacingOccurrences(of: "-biaoge", with: "") }).count,
                           1, "\(names)")
        }
        let database = try BudgetReaderTests.database()
        for group in groups {
            let joined = DisclosureParts.join(group.map { results[$0] }).document
            XCTAssertEqual(joined.kind, "预算")
            guard case .imported = try DocumentWriter.write(joined, into: database) else {
                return XCTFail("\(joined.sourceFile) not imported")
            }
            // Each disclosure states its total spending in a table.
            XCTAssertTrue(joined.facts.contains { $0.measureID == "expenditure_total" && $0.provenance.kind == "table" },
                          joined.sourceFile)
        }
        XCTAssertEqual(try database.scalar("SELECT count(*) FROM disclosure WHERE kind = '预算'"), .integer(15))
        XCTAssertEqual(try database.scalar("SELECT count(DISTINCT template) FROM disclosure"), .integer(2))
    }
}
