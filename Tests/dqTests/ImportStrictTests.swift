import Foundation
import XCTest

/// `dq import --strict` fails a file with an unrecognized figure inside the template's
/// sections; narrative counts (500余篇) are not figures.
final class ImportStrictTests: XCTestCase {
    static let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures/disclosures/000_aa60969cd7f058a1.txt")

    func testStrictAcceptsTheSeedAndRefusesAnUnknownFigure() throws {
        let directory = try DQProcess.temporaryDirectory(self)
        let db = directory.appendingPathComponent("strict.sqlite").path
        let clean = try DQProcess.run(["import", "--strict", "--db", db, Self.seed.path])
        XCTAssertEqual(clean.status, 0, clean.stderr)

        // A sentence no rule knows, with an amount, inside 其他重要事项 (after line 148).
        var lines = try String(contentsOf: Self.seed, encoding: .utf8).components(separatedBy: "\n")
        lines.insert("本年度另有专项资金支出12.34万元。", at: 148)
        let changed = directory.appendingPathComponent("changed.txt")
        try lines.joined(separator: "\n").write(to: changed, atomically: true, encoding: .utf8)
        let other = directory.appendingPathComponent("other.sqlite").path
        let strict = try DQProcess.run(["import", "--strict", "--db", other, changed.path])
        XCTAssertEqual(strict.status, 1)
        XCTAssertTrue(strict.stderr.contains("error[I109]"), strict.stderr)
        XCTAssertTrue(strict.stderr.contains("149"), strict.stderr)
        let count = try DQProcess.run(["--db", other, "-c", "sql SELECT count(*) AS n FROM disclosure"])
        XCTAssertEqual(count.stdout, "n\n0\n", "the failed file left nothing behind")

        let lenient = try DQProcess.run(["import", "--db", other, changed.path])
        XCTAssertEqual(lenient.status, 0, lenient.stderr)
    }
}
